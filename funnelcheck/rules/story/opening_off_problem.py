"""FC102 opening-off-problem: the first stage that says something is off the problem."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.off_problem import concepts_needed, off_problem_issue
from funnelcheck.model.strategy import Strategy
from funnelcheck.model.told import told_of
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: The fewest of the problem's concepts the opening stage must carry.
    min_concepts: int = 1

    def __post_init__(self) -> None:
        check_range("min_concepts", self.min_concepts, at_least=1)


class OpeningOffProblem(Rule, options=Options):
    """The opening stage's pitch and claims carry too few of the problem's concepts.

    **Why.** The first stage sets the expectation for the whole funnel: the lead who clicks
    an ad about dashboards expects dashboards, and every later stage that talks about the
    real problem now sounds like a bait and switch, or reaches nobody who has the problem.
    This is FC101 on the first stage that says something (a pitch or a claim), in its
    place and as an error: FC101 does not judge that stage. Stages with neither pitch nor
    claims are skipped, so the opening is the first stage the customer actually hears.
    As for FC101, an opening that retells one of the problem's `pains` in its own words
    (three of its words or more) is on the problem.

    **Failing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
    stages:
      - name: LinkedIn campaign
        role: marketing
        claims:
          - text: The finance dashboard your board will love.
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched to its invoices.
    ```

    **Passing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
    stages:
      - name: LinkedIn campaign
        role: marketing
        claims:
          - text: Stripe payouts that reconcile themselves.
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched to its invoices.
    ```

    **Options.** `min_concepts` (default 1): the fewest of the problem's concepts the
    opening must carry, as FC101's option of the same name for the other stages.
    """

    code = "FC102"
    name = "opening-off-problem"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        story = strategy.story
        opening = story.first_stage
        if not story.concepts or opening is None:
            return  # no terms (FC109's), or no stage says anything
        needed = concepts_needed(options.min_concepts, story)
        stage = told_of(strategy).stages[opening]
        if stage.count < needed:
            yield off_problem_issue(strategy, stage, needed, opening=True)
