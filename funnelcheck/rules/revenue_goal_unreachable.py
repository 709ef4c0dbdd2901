"""FC306 revenue-goal-unreachable: the customers goal, at the price, falls short of the revenue."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.money import (
    ONCE,
    PERIOD_FACTORS,
    cheapest_paid_plan,
    cheapest_plan_phrase,
    format_money,
    json_number,
    money_from,
    plans,
    same_currency,
)
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.strategy import Strategy


class RevenueGoalUnreachable(Rule):
    """`goals.customers` times the yearly price falls short of `goals.revenue`.

    **Why.** The funnel's goals must add up: if every customer the funnel is built to win
    pays the cheapest plan and the sum still misses the revenue goal, then either the
    customers goal, the price or the revenue goal is wrong, and the funnel math (leads
    needed, capacity) is being planned for the wrong number.

    How it computes: the customers goal made yearly (× 12 a month, × 4 a quarter), times
    the cheapest paid plan's yearly price (× 12 a month, seat prices × `seats_min`; free
    plans are never counted), against `goals.revenue` made yearly. A one-time price is what
    each new customer pays once: it is counted as it is, with a note saying so. A revenue
    goal given `once` cannot be put on a year and is not compared; neither is one in
    another currency than the price's (FC305 reports it).

    **Failing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    goals:
      customers: 40
      per: quarter
      revenue: {amount: 1200000, currency: USD, per: year}
    ```

    40 customers a quarter (160 a year) on the `team` plan at $5,988 a year ($499 a
    month), bring $958,080 a year; the revenue goal is $1,200,000 a year: $241,920 short.

    **Passing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    goals:
      customers: 40
      per: quarter
      revenue: {amount: 900000, currency: USD, per: year}
    ```

    **Options.** None.
    """

    code = "FC306"
    name = "revenue-goal-unreachable"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        goals = strategy.goals
        revenue = money_from(goals.get("revenue"), strategy.currency)
        customers, goal_per = goals.get("customers"), goals.get("per")
        if revenue is None or revenue.amount <= 0 or revenue.yearly is None:
            return
        if not isinstance(customers, int) or isinstance(customers, bool) or customers < 1:
            return
        if goal_per not in PERIOD_FACTORS:
            return
        if not same_currency(revenue.currency, strategy.currency):
            return  # two currencies are never compared: FC305 reports it
        customers_yearly = customers * PERIOD_FACTORS[goal_per]
        customers_text = f"{customers:,} customers a {goal_per}"
        if goal_per != "year":
            customers_text += f" ({customers_yearly:,} a year)"
        plan = cheapest_paid_plan(strategy)
        goal_text = f"the revenue goal is {revenue.describe_yearly()}"
        if plan is None:
            if not plans(strategy):
                return
            yield Issue(
                path=("goals", "revenue"),
                message=f"every plan is free, so {customers_text} bring nothing; {goal_text}",
                related=(("price", "plans"),),
                subject="goals.revenue",
                data={"customers_per_year": customers_yearly, "revenue": 0},
            )
            return
        price = plan.first_year
        if price is None:
            return
        brought = customers_yearly * price
        if brought >= revenue.yearly:
            return
        which = cheapest_plan_phrase(plan, strategy)
        price_text = plan.describe() if plan.per == ONCE else plan.describe_yearly()
        short = format_money(revenue.yearly - brought, plan.currency, None)
        message = (
            f"{customers_text} on {which} at {price_text}, bring "
            f"{format_money(brought, plan.currency, 'year')}; {goal_text}: {short} short"
        )
        if plan.per == ONCE:
            message += " (a one-time price: each new customer pays it once in the year)"
        yield Issue(
            path=("goals", "revenue"),
            message=message,
            related=(plan.path, ("goals", "customers")),
            subject="goals.revenue",
            data={
                "plan": plan.id,
                "customers_per_year": customers_yearly,
                "price": json_number(price),
                "brought": json_number(brought),
                "revenue": json_number(revenue.yearly),
                "currency": plan.currency,
            },
        )
