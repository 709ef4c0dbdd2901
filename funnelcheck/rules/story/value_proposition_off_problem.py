"""FC105 value-proposition-off-problem: the value proposition does not address the problem."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.off_problem import carried_too_few, concepts_needed
from funnelcheck.model.strategy import Strategy, nonblank_strings
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: The fewest of the problem's concepts the value proposition must carry.
    min_concepts: int = 1

    def __post_init__(self) -> None:
        check_range("min_concepts", self.min_concepts, at_least=1)


class ValuePropositionOffProblem(Rule, options=Options):
    """The value proposition does not address the problem's terms.

    **Why.** The value proposition is what sales says and every later stage must keep: why
    this product solves *this* problem better than the alternatives. If its statement and
    differentiators carry none of the problem's concepts, the product is being sold for
    something else, and no stage can hand the problem story on, because the story the
    company tells about itself is another one. Concepts are the keys of `problem.terms` with
    their other wordings, matched as every story rule matches them.

    **Failing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
    value_proposition:
      statement: The all-in-one finance dashboard for growing teams.
      differentiators: [Beautiful charts for the board]
    ```

    **Passing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
    value_proposition:
      statement: Every Stripe payout reconciled against the ledger automatically.
    ```

    **Options.** `min_concepts` (default 1): the fewest of the problem's concepts the
    statement and differentiators together must carry.
    """

    code = "FC105"
    name = "value-proposition-off-problem"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        story = strategy.story
        if not story.concepts:
            return  # no terms, no story (FC109 says so)
        proposition = strategy.value_proposition
        texts = [
            *nonblank_strings(proposition.get("statement")),
            *nonblank_strings(proposition.get("differentiators")),
        ]
        if not texts:
            return  # a missing statement is the schema's
        carried: set[str] = set()
        for text in texts:
            carried.update(story.concepts_in(text))
        needed = concepts_needed(options.min_concepts, story)
        if len(carried) >= needed:
            return
        carries = [k for k in story.keys if k in carried]
        misses = [k for k in story.keys if k not in carried]
        told = carried_too_few(carries, misses, needed)
        yield Issue(
            path=("value_proposition", "statement"),
            message=(
                f"the value proposition {told}: it sells the product for another problem than "
                "the one the funnel talks about"
            ),
            related=(("problem", "terms"),),
            subject=" ".join(texts[0].split()),
            data={"carries": carries, "misses": misses, "min_concepts": needed},
        )
