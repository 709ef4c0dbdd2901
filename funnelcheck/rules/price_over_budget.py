"""FC301 price-over-budget: the cheapest paid plan costs more a year than the segment can spend."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.money import (
    cheapest_paid_plan,
    cheapest_plan_phrase,
    compare_price,
    format_money,
    json_number,
    money_from,
    same_currency,
)
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.strategy import Strategy


class PriceOverBudget(Rule):
    """The cheapest paid plan's yearly price is above the segment's yearly budget.

    **Why.** The relay's price runner hands the customer a number. If even the cheapest
    plan is more than one customer of the segment can spend on this problem, every lead
    the funnel brought this far is lost at the proposal, after marketing, sales and the
    trial have spent their time on it.

    How it compares: the cheapest paid plan (free plans are never compared; of several
    paid plans, the one a customer pays least for in a year) and `segment.budget` are put
    on a yearly figure: × 365 a day, × 52 a week, × 12 a month, × 4 a quarter, and a seat
    price × `seats_min`. A one-time price is compared as it is with a budget given once,
    and otherwise with the yearly figure, with a note saying so. A budget in another
    currency than the price's is not compared: FC305 reports it.

    **Failing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      budget: {amount: 4000, currency: USD, per: year}
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    ```

    The `team` plan is $5,988 a year ($499 a month); the segment's budget is $4,000 a year.

    **Passing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      budget: {amount: 15000, currency: USD, per: year}
    price:
      currency: USD
      plans:
        - {id: starter, amount: 0, per: month}
        - {id: team, amount: 499, per: month}
        - {id: business, amount: 40, per: seat-month, seats_min: 50}
    ```

    The free plan is not compared, and `team` ($5,988 a year) fits the budget: a customer
    can buy that one, so the dearer `business` plan ($24,000 a year) does not matter here.

    **Options.** None.
    """

    code = "FC301"
    name = "price-over-budget"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        budget = money_from(strategy.segment.get("budget"), strategy.currency)
        plan = cheapest_paid_plan(strategy)
        if budget is None or plan is None:
            return
        if not same_currency(budget.currency, plan.currency):
            return  # two currencies are never compared: FC305 reports it
        comparison = compare_price(plan, budget, "the budget")
        if comparison is None or comparison.price <= comparison.other:
            return
        which = cheapest_plan_phrase(plan, strategy)
        price_text = plan.describe() if plan.per == "once" else plan.describe_yearly()
        message = (
            f"{which} is {price_text}; the segment's budget is {budget.describe_yearly()}: "
            "more than one customer of the segment can spend on this problem"
        )
        if comparison.note:
            message += f" ({comparison.note})"
        yield Issue(
            path=plan.path,
            message=message,
            related=(("segment", "budget"),),
            subject=plan.id,
            data={
                "plan": plan.id,
                "price": json_number(comparison.price),
                "budget": json_number(comparison.other),
                "basis": comparison.basis,
                "currency": plan.currency,
                "over_by": format_money(
                    comparison.price - comparison.other, plan.currency, comparison.basis
                ),
            },
        )
