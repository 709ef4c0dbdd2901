"""FC605 reference-off-problem: why a reference customer bought does not tell the problem story."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.off_problem import concepts_needed
from funnelcheck.model.strategy import Strategy, customer_name
from funnelcheck.rules.base import Rule, check_range, quote


@dataclass(frozen=True)
class Options:
    #: The fewest problem concepts `why_bought` must carry.
    min_concepts: int = 1

    def __post_init__(self) -> None:
        check_range("min_concepts", self.min_concepts, at_least=1)


class ReferenceOffProblem(Rule, options=Options):
    """Why a reference customer bought does not tell the problem story.

    **Why.** The reference customer is the relay run backwards, and `why_bought` is the end
    of the race: what actually convinced someone to buy. If it carries none of the problem's
    concepts, the customer bought for another reason than the problem the whole funnel
    talks about: either the strategy's problem is not the one that sells (and every stage
    is telling the wrong story), or the reference proves nothing about this funnel. Concepts
    are the keys of `problem.terms` with their other wordings, matched as the story rules
    match them (case, derived forms and phrases; "matching" carries `reconcile` when the
    terms list it). A blank `why_bought` is FC602's.

    **Failing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
        ledger: [general ledger, books]
    reference_customers:
      - name: Northwind Analytics
        why_bought: They wanted nicer dashboards for the board meeting.
    ```

    **Passing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
        ledger: [general ledger, books]
    reference_customers:
      - name: Northwind Analytics
        why_bought: Their controller spent four days a month matching Stripe payouts by hand.
    ```

    **Options.** `min_concepts` (default 1): the fewest of the problem's concepts
    `why_bought` must carry; 1 asks that the reason names the problem at all, as FC101 asks
    of a stage.
    """

    code = "FC605"
    name = "reference-off-problem"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        story = strategy.story
        concepts = story.keys
        if not concepts:
            return  # no terms, no story to hold the reason against (FC109 says so)
        needed = concepts_needed(options.min_concepts, story)
        for index, customer in strategy.reference_customers():
            why_bought = customer.get("why_bought")
            if not isinstance(why_bought, str) or not why_bought.strip():
                continue  # unanswered: FC602
            carried = story.concepts_in(why_bought)
            if len(carried) >= needed:
                continue
            name = customer_name(customer, index)
            quoted = quote(why_bought)
            if carried:
                told = (
                    f"carries {len(carried)} of the problem's concepts ({', '.join(carried)}), "
                    f"fewer than {needed}"
                )
            else:
                told = f"carries none of the problem's concepts ({', '.join(concepts)})"
            yield Issue(
                path=("reference_customers", index, "why_bought"),
                message=(
                    f'why {name} bought ("{quoted}") {told}: the reference does not '
                    "tell the problem story the funnel tells"
                ),
                related=(("problem", "terms"),),
                subject=why_bought.strip(),
                data={
                    "customer": name,
                    "carries": list(carried),
                    "concepts": list(concepts),
                    "min_concepts": needed,
                },
            )
