"""FC303 price-above-problem-cost: the price takes too large a share of what the pain costs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from funnelcheck.findings import Issue, Severity
from funnelcheck.money import (
    ONCE,
    cheapest_paid_plan,
    cheapest_plan_phrase,
    compare_price,
    json_number,
    money_from,
    same_currency,
    to_decimal,
)
from funnelcheck.rules.base import Rule, check_range
from funnelcheck.strategy import Strategy


@dataclass(frozen=True)
class Options:
    #: The largest share of the problem's yearly cost the yearly price may take.
    share: float = 0.5

    def __post_init__(self) -> None:
        check_range("share", self.share, above=0)


class PriceAboveProblemCost(Rule):
    """The yearly price is more than half the problem's yearly cost: the pain does not pay.

    **Why.** A customer changes how they work when the problem costs clearly more than the
    fix. When the price takes more than half of what the problem costs one customer, the
    saving left after paying is too thin to carry the switching cost, the risk and the
    champion's effort: the buyer keeps the spreadsheet. The proposal falls even though the
    budget would allow it.

    How it compares: the cheapest paid plan (free plans are never compared) and
    `problem.cost` are put on a yearly figure (× 365 a day, × 52 a week, × 12 a month, × 4
    a quarter, seat prices × `seats_min`); a one-time price is compared as it is with a
    cost given once, and otherwise with the yearly figure, with a note saying so. A cost in
    another currency than the price's is not compared: FC305 reports it.

    **Failing example.**

    ```yaml
    problem:
      cost: {amount: 600, currency: USD, per: month}
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    ```

    The `team` plan is $5,988 a year; the problem costs one customer $7,200 a year: the
    price takes 83% of it.

    **Passing example.**

    ```yaml
    problem:
      cost: {amount: 6000, currency: USD, per: month}
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    ```

    $5,988 a year is about 8% of the $72,000 a year the problem costs.

    **Options.** `share` (default 0.5): the largest share of the problem's yearly cost the
    cheapest plan's yearly price may take before the rule warns. Half is the rule of thumb
    for a switch a buyer can defend: the customer keeps at least as much as they pay.
    """

    code = "FC303"
    name = "price-above-problem-cost"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        cost = money_from(strategy.problem.get("cost"), strategy.currency)
        plan = cheapest_paid_plan(strategy)
        share = to_decimal(options.share)
        if cost is None or plan is None or share is None or cost.amount <= 0:
            return
        if not same_currency(cost.currency, plan.currency):
            return  # two currencies are never compared: FC305 reports it
        comparison = compare_price(plan, cost, "the cost")
        if comparison is None or comparison.price <= share * comparison.other:
            return
        taken = comparison.price / comparison.other
        price_text = plan.describe() if plan.per == ONCE else plan.describe_yearly()
        message = (
            f"{cheapest_plan_phrase(plan, strategy)} is {price_text}; the problem costs one "
            f"customer {cost.describe_yearly()}: the price takes {_percent(taken)} of it, more "
            f"than {_share_words(share)}, so the pain does not pay for the change"
        )
        if comparison.note:
            message += f" ({comparison.note})"
        yield Issue(
            path=plan.path,
            message=message,
            related=(("problem", "cost"),),
            subject=plan.id,
            data={
                "plan": plan.id,
                "price": json_number(comparison.price),
                "cost": json_number(comparison.other),
                "basis": comparison.basis,
                "currency": plan.currency,
                "share_taken": json_number(taken.quantize(Decimal("0.0001"))),
                "share_allowed": json_number(share),
            },
        )

    # Set after `check`: there, `Options` must still name the module's dataclass for mypy.
    Options = Options


def _percent(share: Decimal) -> str:
    """0.8317 -> "83%": whole percent, as a buyer would say it."""
    return f"{(share * 100).quantize(Decimal(1)):,}%"


def _share_words(share: Decimal) -> str:
    return "half" if share == Decimal("0.5") else _percent(share)
