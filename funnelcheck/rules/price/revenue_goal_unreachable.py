"""FC306 revenue-goal-unreachable: the customers goal, at the price, falls short of the revenue."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.money import (
    ONCE,
    PERIOD_FACTORS,
    format_count,
    format_money,
    format_percent,
    json_number,
    money_from,
    same_currency,
)
from funnelcheck.model.footing import assumed, plan_phrase
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class RevenueGoalUnreachable(Rule):
    """`goals.customers` times what a new customer pays falls short of `goals.revenue`.

    **Why.** The funnel's goals must add up: if the customers the funnel is built to win,
    paying what the typical customer pays, still miss the revenue goal, then either the
    customers goal, the price or the revenue goal is wrong, and the funnel math (leads
    needed, capacity) is being planned for the wrong number.

    How it computes (the price footing, see docs/format.md): the customers goal made
    yearly (× 12 a month, × 4 a quarter), times what one new customer pays in their first
    year, against `goals.revenue` made yearly. What a new customer pays is, in order:

    - `segment.typical_customer.revenue_per_account`, where given;
    - otherwise the plan mix (`typical_customer.plan_mix`): each plan's first-year bill for
      the typical customer (its seats, units and usage), weighted by its share;
    - otherwise the cheapest paid plan's bill. With several paid plans that is an
      assumption (every new customer on the cheapest plan): the finding is a warning only
      when even the dearest plan falls short, and otherwise an info naming the assumption.

    A bill priced at quantities the strategy does not state (the least the plan bills) makes
    a shortfall an info too: more seats or usage may close it. A one-time price is what
    each new customer pays once: it is counted as it is, with a note. A revenue goal given
    `once` cannot be put on a year and is not compared; neither is one in another currency
    than the price's (FC305 reports it).

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
    segment:
      name: Finance teams
      typical_customer: {plan_mix: {team: 0.5, business: 0.5}}
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
        - {id: business, amount: 1499, per: month}
    goals:
      customers: 40
      per: quarter
      revenue: {amount: 1200000, currency: USD, per: year}
    ```

    Half on `team` and half on `business` is $11,988 a year per account: 160 accounts
    bring $1,918,080 a year.

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
        goal = revenue.yearly
        customers_yearly = customers * PERIOD_FACTORS[goal_per]
        customers_text = f"{format_count(customers)} customers a {goal_per}"
        if goal_per != "year":
            customers_text += f" ({format_count(customers_yearly)} a year)"
        goal_text = f"the revenue goal is {revenue.describe_yearly()}"
        currency = strategy.currency
        foot = strategy.footing
        base_data: dict[str, Any] = {
            "customers_per_year": customers_yearly,
            "revenue": json_number(goal),
            "currency": currency,
        }

        def short_of(brought: Decimal) -> str:
            return (
                f"bring {format_money(brought, currency, 'year')}; {goal_text}: "
                f"{format_money(goal - brought, currency, None)} short"
            )

        per_account = money_from(strategy.typical_customer.get("revenue_per_account"), currency)
        if per_account is not None and same_currency(per_account.currency, currency):
            figure = per_account.amount if per_account.per == ONCE else per_account.yearly
            if figure is None:
                return
            brought = customers_yearly * figure
            if brought >= goal:
                return
            yield _issue(
                f"{customers_text} at the revenue per account of {per_account.describe_yearly()}, "
                + short_of(brought),
                (("segment", "typical_customer", "revenue_per_account"), ("goals", "customers")),
                {**base_data, "per_account": json_number(figure), "brought": json_number(brought)},
            )
            return
        mix = [(plan.cheapest, share) for plan, share in foot.mix]
        total_share = sum((share for _, share in mix), Decimal(0))
        if mix and total_share > 0:
            figure = sum((b.first_year * s for b, s in mix), Decimal(0)) / total_share
            brought = customers_yearly * figure
            if brought >= goal:
                return
            notes = tuple(dict.fromkeys(n for b, _ in mix for n in b.assumptions))
            dearest_mix = [
                (max(plan.bills, key=lambda b: b.first_year), share) for plan, share in foot.mix
            ]
            high = sum((b.first_year * s for b, s in dearest_mix), Decimal(0)) / total_share
            if customers_yearly * high >= goal:
                at_most = format_money(_cents(customers_yearly * high), currency, "year")
                notes = (
                    *notes,
                    "each plan of the mix on its cheapest billing option; on the dearest the "
                    f"accounts bring {at_most}",
                )
            shares = ", ".join(f"`{b.plan_id}` {_percent(s / total_share)}" for b, s in mix)
            yield _issue(
                f"{customers_text} on the plan mix ({shares}) at "
                f"{format_money(_cents(figure), currency, 'year')} per account, "
                + short_of(brought)
                + assumed(notes),
                (("segment", "typical_customer", "plan_mix"), ("goals", "customers")),
                {**base_data, "per_account": json_number(figure), "brought": json_number(brought)},
                info=bool(notes),
            )
            return
        bill = foot.cheapest_typical()
        if bill is None:
            if not foot.plans:
                return
            yield _issue(
                f"every plan is free, so {customers_text} bring nothing; {goal_text}",
                (("price", "plans"),),
                {**base_data, "revenue": 0, "goal": json_number(goal)},
            )
            return
        brought = customers_yearly * bill.first_year
        if brought >= goal:
            return
        dearest = max((b for plan in foot.paid for b in plan.bills), key=lambda b: b.first_year)
        only_cheapest = customers_yearly * dearest.first_year >= goal
        message = (
            f"{customers_text} on {plan_phrase(bill, foot)} at {bill.describe()}, "
            + short_of(brought)
        )
        if bill.has_one_time and not bill.has_recurring:
            message += " (a one-time price: each new customer pays it once in the year)"
        if only_cheapest:
            message += (
                f"; at `{dearest.plan_id}` ({dearest.describe()}) they would reach it: no plan "
                "mix is given (`segment.typical_customer.plan_mix`), so every new customer is "
                "assumed on the cheapest plan"
            )
        message += assumed(bill.assumptions)
        yield _issue(
            message,
            (bill.path, ("goals", "customers")),
            {
                **base_data,
                "plan": bill.plan_id,
                "price": json_number(bill.first_year),
                "brought": json_number(brought),
                "assumptions": list(bill.assumptions),
            },
            info=only_cheapest or bool(bill.assumptions),
        )


def _issue(
    message: str, related: tuple[Path, ...], data: dict[str, Any], *, info: bool = False
) -> Issue:
    return Issue(
        path=("goals", "revenue"),
        message=message,
        severity=Severity.INFO if info else None,
        related=related,
        subject="goals.revenue",
        data=data,
    )


def _percent(share: Decimal) -> str:
    return format_percent(share)


def _cents(amount: Decimal) -> Decimal:
    return amount if amount == amount.to_integral_value() else amount.quantize(Decimal("0.01"))
