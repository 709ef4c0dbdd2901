"""FC301 price-over-budget: the typical customer's first-year bill is more than the budget."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.language.money import format_money, json_number, money_from, same_currency
from funnelcheck.model.footing import ONCE, assumed, plan_phrase
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class PriceOverBudget(Rule):
    """The typical customer's first-year bill, even on the cheapest plan, is above the
    segment's budget.

    **Why.** The relay's price runner hands the customer a number. If even the cheapest
    plan costs one customer of the segment more than they can spend on this problem, every
    lead the funnel brought this far is lost at the proposal, after marketing, sales and
    the trial have spent their time on it.

    How it compares (the price footing, see docs/format.md): each paid plan is priced for
    the typical customer of `segment.typical_customer` (its seats, units, usage and
    volumes; one-time fees such as a device or onboarding included) on its cheapest
    billing option, and the cheapest of them (of the plan mix's plans, where a mix is
    given; free plans never) is compared with the budget. Its **first-year** bill (one-time
    + a year of recurring) is compared with a yearly budget (× 365 a day, × 52 a week, × 12
    a month, × 4 a quarter), so a one-time price above the budget is found too; with a
    budget given `once`, the first-year bill is compared with it, with a note. Where the
    strategy states no quantity, the least the plan bills is assumed (its `minimum`,
    `included`, `seats_min`, else 1) and the message names it: a bill over the budget at
    the least is over it under every reading. A budget in another currency than the
    price's is not compared: FC305 reports it.

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
      typical_customer: {quantities: {seat: 20}}
    price:
      currency: USD
      plans:
        - {id: starter, amount: 0, per: month}
        - {id: team, amount: 499, per: month}
        - {id: business, amount: 40, per: seat-month, seats_min: 10}
    ```

    The free plan is not compared, and `team` ($5,988 a year) fits the budget: a customer
    can buy that one, so the dearer `business` plan ($9,600 a year for 20 seats) does not
    matter here.

    **Options.** None.
    """

    code = "FC301"
    name = "price-over-budget"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        budget = money_from(strategy.segment.get("budget"), strategy.currency)
        foot = strategy.footing
        bill = foot.cheapest_typical()
        if budget is None or bill is None:
            return
        if not same_currency(budget.currency, strategy.currency):
            return  # two currencies are never compared: FC305 reports it
        note = ""
        if budget.per == ONCE:
            limit, basis = budget.amount, ONCE
            if bill.has_recurring:
                note = "the budget is given once, so it is compared with the first-year bill"
        else:
            yearly_budget = budget.yearly
            if yearly_budget is None:
                return
            limit, basis = yearly_budget, "year"
            if bill.has_one_time and not bill.has_recurring:
                note = "the plan's one-time price is compared with the budget's yearly figure"
            elif bill.has_one_time:
                note = "the first-year bill, one-time fees included, is compared"
        price = bill.first_year
        if price <= limit:
            return
        message = (
            f"{plan_phrase(bill, foot)} is {bill.describe()}; the segment's budget is "
            f"{budget.describe_yearly()}: more than one customer of the segment can spend on "
            "this problem"
        )
        if note:
            message += f" ({note})"
        message += assumed(bill.assumptions)
        yield Issue(
            path=bill.path,
            message=message,
            related=(("segment", "budget"),),
            subject=bill.plan_id,
            data={
                "plan": bill.plan_id,
                "price": json_number(price),
                "one_time": json_number(bill.one_time),
                "recurring_yearly": json_number(bill.yearly),
                "budget": json_number(limit),
                "basis": basis,
                "currency": strategy.currency,
                "over_by": format_money(price - limit, strategy.currency, basis),
                "assumptions": list(bill.assumptions),
            },
        )
