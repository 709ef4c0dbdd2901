"""The rule registry: every built-in rule in one visible list, plus installed plugins.

A rule is one module under `funnelcheck/rules/`, named after the rule, holding one `Rule`
subclass. Third parties register theirs in the entry-point group `funnelcheck.rules`
(`myrule = "mypkg.rules:MyRule"`); plugins load only from installed distributions, never
from the working directory (funnelcheck/support/plugins.py), and `--no-plugins` turns them off.
Modules are imported on first use, so `funnelcheck --version` pays for none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache

from funnelcheck.rules.base import Rule

# Order is the catalog's; each entry is "module:Class" under funnelcheck.rules.
BUILTIN_RULES: tuple[str, ...] = (
    "input.yaml_syntax:YamlSyntax",  # FC001
    "input.schema:Schema",  # FC002
    "input.duplicate_key:DuplicateKey",  # FC003
    "input.unknown_key:UnknownKey",  # FC004
    "input.dangling_reference:DanglingReference",  # FC005
    "input.unsupported_version:UnsupportedVersion",  # FC006
    "input.input_refused:InputRefused",  # FC007
    "input.duplicate_id:DuplicateId",  # FC008
    "input.suppression:Suppression",  # FC009
    "input.rule_failed:RuleFailed",  # FC010
    "input.funnel_paths:FunnelPaths",  # FC011
    "input.misplaced_key:MisplacedKey",  # FC012
    "story.stage_off_problem:StageOffProblem",  # FC101
    "story.opening_off_problem:OpeningOffProblem",  # FC102
    "story.handoff_drift:HandoffDrift",  # FC103
    "story.foreign_story:ForeignStory",  # FC104
    "story.value_proposition_off_problem:ValuePropositionOffProblem",  # FC105
    "story.solution_in_problem:SolutionInProblem",  # FC106
    "story.generic_value_proposition:GenericValueProposition",  # FC107
    "story.claim_off_problem:ClaimOffProblem",  # FC108
    "story.weak_terms:WeakTerms",  # FC109
    "promises.promise_not_shipped:PromiseNotShipped",  # FC201
    "promises.promise_not_in_plan:PromiseNotInPlan",  # FC202
    "promises.unrelieved_pain:UnrelievedPain",  # FC203
    "promises.unproven_number:UnprovenNumber",  # FC204
    "promises.product_stage_missing:ProductStageMissing",  # FC205
    "promises.promise_in_words:PromiseInWords",  # FC206
    "price.price_over_budget:PriceOverBudget",  # FC301
    "price.pitch_price_mismatch:PitchPriceMismatch",  # FC302
    "price.price_above_problem_cost:PriceAboveProblemCost",  # FC303
    "price.outside_willingness_to_pay:OutsideWillingnessToPay",  # FC304
    "price.currency_mismatch:CurrencyMismatch",  # FC305
    "price.revenue_goal_unreachable:RevenueGoalUnreachable",  # FC306
    "stakeholders.no_economic_buyer:NoEconomicBuyer",  # FC401
    "stakeholders.stakeholder_unaddressed:StakeholderUnaddressed",  # FC402
    "stakeholders.user_story_missing:UserStoryMissing",  # FC403
    "funnel.conversion_out_of_range:ConversionOutOfRange",  # FC501
    "funnel.leads_needed:LeadsNeeded",  # FC502
    "funnel.weakest_handoff:WeakestHandoff",  # FC503
    "funnel.stage_order:StageOrder",  # FC504
    "funnel.missing_stage:MissingStage",  # FC505
    "funnel.guessed_rates:GuessedRates",  # FC506
    "reference.no_reference_customer:NoReferenceCustomer",  # FC601
    "reference.reference_question_unanswered:ReferenceQuestionUnanswered",  # FC602
    "reference.reference_price_mismatch:ReferencePriceMismatch",  # FC603
    "reference.reference_channel_unknown:ReferenceChannelUnknown",  # FC604
    "reference.reference_off_problem:ReferenceOffProblem",  # FC605
    "revisit.strategy_stale:StrategyStale",  # FC701
    "revisit.problem_unvalidated:ProblemUnvalidated",  # FC702
    "revisit.stale_evidence:StaleEvidence",  # FC703
    "revisit.open_assumption:OpenAssumption",  # FC704
)


class RuleLoadError(Exception):
    """A plugin could not be loaded, or two rules claim one code or name."""


def _load(entry: str) -> type[Rule]:
    module_name, _, class_name = entry.partition(":")
    module = importlib.import_module(f"funnelcheck.rules.{module_name}")
    rule = getattr(module, class_name)
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise RuleLoadError(f"funnelcheck.rules.{entry} is not a Rule")
    return rule


@cache
def builtin_rules() -> tuple[type[Rule], ...]:
    return tuple(_load(entry) for entry in BUILTIN_RULES)


@cache
def plugin_rules() -> tuple[type[Rule], ...]:
    """Rules from installed packages' `funnelcheck.rules` entry points."""
    from funnelcheck.support.plugins import entry_points

    found: list[type[Rule]] = []
    for ep in sorted(entry_points("funnelcheck.rules"), key=lambda e: e.name):
        try:
            rule = ep.load()
        except Exception as exc:  # a broken plugin must not hide the built-in checks
            raise RuleLoadError(
                f"the rule plugin {ep.name!r} ({ep.value}) failed to load: {exc}"
            ) from exc
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise RuleLoadError(f"the rule plugin {ep.name!r} ({ep.value}) is not a Rule class")
        found.append(rule)
    return tuple(found)


def all_rules(plugins: bool = True) -> dict[str, type[Rule]]:
    """Every known rule by code, in code order; codes and names must be unique."""
    rules: Iterable[type[Rule]] = builtin_rules() + (plugin_rules() if plugins else ())
    by_code: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    for rule in rules:
        if rule.code in by_code:
            raise RuleLoadError(f"two rules claim the code {rule.code}")
        if rule.name in names:
            raise RuleLoadError(f"two rules claim the name {rule.name} ({names[rule.name]})")
        by_code[rule.code] = rule
        names[rule.name] = rule.code
    return dict(sorted(by_code.items()))
