"""The rule registry: every built-in rule in one visible list, plus installed plugins.

A rule is one module under `funnelcheck/rules/`, named after the rule, holding one `Rule`
subclass. Third parties register theirs in the entry-point group `funnelcheck.rules`
(`myrule = "mypkg.rules:MyRule"`); plugins load only from installed distributions, never
from the working directory (funnelcheck/plugins.py), and `--no-plugins` turns them off.
Modules are imported on first use, so `funnelcheck --version` pays for none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache

from funnelcheck.rules.base import Rule

# Order is the catalog's; each entry is "module:Class" under funnelcheck.rules.
BUILTIN_RULES: tuple[str, ...] = (
    "yaml_syntax:YamlSyntax",  # FC001
    "schema:Schema",  # FC002
    "duplicate_key:DuplicateKey",  # FC003
    "unknown_key:UnknownKey",  # FC004
    "dangling_reference:DanglingReference",  # FC005
    "unsupported_version:UnsupportedVersion",  # FC006
    "input_refused:InputRefused",  # FC007
    "duplicate_id:DuplicateId",  # FC008
    "suppression:Suppression",  # FC009
    "rule_failed:RuleFailed",  # FC010
    "funnel_paths:FunnelPaths",  # FC011
    "stage_off_problem:StageOffProblem",  # FC101
    "opening_off_problem:OpeningOffProblem",  # FC102
    "handoff_drift:HandoffDrift",  # FC103
    "foreign_story:ForeignStory",  # FC104
    "value_proposition_off_problem:ValuePropositionOffProblem",  # FC105
    "solution_in_problem:SolutionInProblem",  # FC106
    "generic_value_proposition:GenericValueProposition",  # FC107
    "claim_off_problem:ClaimOffProblem",  # FC108
    "weak_terms:WeakTerms",  # FC109
    "promise_not_shipped:PromiseNotShipped",  # FC201
    "promise_not_in_plan:PromiseNotInPlan",  # FC202
    "unrelieved_pain:UnrelievedPain",  # FC203
    "unproven_number:UnprovenNumber",  # FC204
    "product_stage_missing:ProductStageMissing",  # FC205
    "promise_in_words:PromiseInWords",  # FC206
    "price_over_budget:PriceOverBudget",  # FC301
    "pitch_price_mismatch:PitchPriceMismatch",  # FC302
    "price_above_problem_cost:PriceAboveProblemCost",  # FC303
    "outside_willingness_to_pay:OutsideWillingnessToPay",  # FC304
    "currency_mismatch:CurrencyMismatch",  # FC305
    "revenue_goal_unreachable:RevenueGoalUnreachable",  # FC306
    "no_economic_buyer:NoEconomicBuyer",  # FC401
    "stakeholder_unaddressed:StakeholderUnaddressed",  # FC402
    "user_story_missing:UserStoryMissing",  # FC403
    "conversion_out_of_range:ConversionOutOfRange",  # FC501
    "leads_needed:LeadsNeeded",  # FC502
    "weakest_handoff:WeakestHandoff",  # FC503
    "stage_order:StageOrder",  # FC504
    "missing_stage:MissingStage",  # FC505
    "guessed_rates:GuessedRates",  # FC506
    "no_reference_customer:NoReferenceCustomer",  # FC601
    "reference_question_unanswered:ReferenceQuestionUnanswered",  # FC602
    "reference_price_mismatch:ReferencePriceMismatch",  # FC603
    "reference_channel_unknown:ReferenceChannelUnknown",  # FC604
    "reference_off_problem:ReferenceOffProblem",  # FC605
    "strategy_stale:StrategyStale",  # FC701
    "problem_unvalidated:ProblemUnvalidated",  # FC702
    "stale_evidence:StaleEvidence",  # FC703
    "open_assumption:OpenAssumption",  # FC704
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
    from funnelcheck.plugins import entry_points

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
