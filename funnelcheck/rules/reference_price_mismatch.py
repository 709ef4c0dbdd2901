"""FC603 reference-price-mismatch: what a reference customer paid matches no plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.money import (
    ONCE,
    SEAT_PERIODS,
    Money,
    PlanPrice,
    format_money,
    json_number,
    money_from,
    paid_plans,
    same_currency,
    yearly,
)
from funnelcheck.rules.base import Rule, check_range
from funnelcheck.strategy import Strategy, customer_name


@dataclass(frozen=True)
class Options:
    #: How far, as a share of the plan's price, what a customer paid may be from it.
    tolerance: float = 0.10

    def __post_init__(self) -> None:
        check_range("tolerance", self.tolerance, at_least=0, at_most=1)


@dataclass(frozen=True)
class _Footing:
    """What was paid and one plan's price, on the same period."""

    paid: Decimal
    price: Decimal
    #: The period both figures are on: `year`, `once`, or the plan's own (no `per` paid).
    period: str
    #: The seats the plan's price is for (seat plans only).
    seats: int | None
    one_time_meets_recurring: bool


class ReferencePriceMismatch(Rule):
    """What a reference customer paid matches no paid plan within 10% on the same period.

    **Why.** A reference customer is the funnel worked backwards: what they paid is the
    price that actually closed. When it matches no plan the customer can buy today, either
    the price list has moved away from what sells (the proposal now asks for more, or less,
    than the customer who proves the funnel paid) or the reference was won on a deal nobody
    else will get. Either way the price runner is not the one that carried this customer.

    How it compares: `paid` and each paid plan (amount above 0) are put on a yearly figure
    (day × 365, week × 52, month × 12, quarter × 4); `paid` matches a plan within ±10% of the
    plan's yearly price. A seat plan's price is multiplied by `seats_min`, as the catalog's
    money definition says (a reference who bought more seats than the minimum is reported:
    say what they paid per seat-period, or lower `seats_min` to what sells). A
    one-time amount (`per: once`) is compared as it is with a one-time plan, and otherwise
    with the yearly figure, with a note saying so; an amount with no `per` is compared with
    each plan's amount as written. `paid` without a currency is in the price's currency;
    amounts in another currency are not compared (FC305 reports currency mismatches). A
    customer who paid nothing is not compared; free plans never are.

    **Failing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    reference_customers:
      - name: Northwind Analytics
        paid: {amount: 3000, currency: USD, per: year}
    ```

    Northwind Analytics paid $3,000 a year; the `team` plan is $5,988 a year ($499 a month).

    **Passing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    reference_customers:
      - name: Northwind Analytics
        paid: {amount: 5988, currency: USD, per: year}
    ```

    **Options.** `tolerance` (default 0.10): how far, as a share of the plan's price, the
    amount paid may be from it and still match (0.10 is ±10%: discounts and rounding).
    """

    code = "FC603"
    name = "reference-price-mismatch"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        tolerance = Decimal(repr(options.tolerance))
        plans = paid_plans(strategy)
        for index, customer in strategy.reference_customers():
            # `paid` without a currency is in the price's currency (the format says so).
            paid = money_from(customer.get("paid"), strategy.currency)
            if paid is None or paid.amount <= 0:
                continue  # unanswered is FC602's; a customer who paid nothing is not a price
            if not same_currency(paid.currency, strategy.currency):
                continue  # FC305 reports the currency; amounts in two currencies never meet
            if paid.per is not None and paid.per != ONCE and paid.yearly is None:
                continue  # a period the format does not define is the schema's
            issue = _mismatch(customer, index, paid, plans, tolerance)
            if issue is not None:
                yield issue

    # Set after `check`: there, `Options` must still name the module's dataclass for mypy.
    Options = Options


def _mismatch(
    customer: dict[str, Any],
    index: int,
    paid: Money,
    plans: list[PlanPrice],
    tolerance: Decimal,
) -> Issue | None:
    """The finding for one customer, or None where what they paid matches some plan."""
    name = customer_name(customer, index)
    paid_text = paid.describe()
    if paid.per not in (None, ONCE, "year") and paid.yearly is not None:
        paid_text += f" ({format_money(paid.yearly, paid.currency, 'year')})"
    path: Path = ("reference_customers", index, "paid")
    compared: list[dict[str, Any]] = []
    data: dict[str, Any] = {
        "customer": name,
        "paid": {"amount": json_number(paid.amount), "currency": paid.currency, "per": paid.per},
        "tolerance": json_number(tolerance),
        "plans": compared,
    }
    if not plans:
        return Issue(
            path=path,
            message=f"{name} paid {paid_text}, but every plan is free: no plan charges that",
            subject=name,
            data=data,
        )
    descriptions: list[str] = []
    one_time_note = False
    for plan in plans:
        footing = _footing(paid, plan)
        if abs(footing.paid - footing.price) <= tolerance * footing.price:
            return None
        one_time_note = one_time_note or footing.one_time_meets_recurring
        descriptions.append(_plan_text(plan, footing))
        compared.append(
            {
                "id": plan.id,
                "paid": json_number(footing.paid),
                "price": json_number(footing.price),
                "period": footing.period,
                "seats": footing.seats,
            }
        )
    message = (
        f"{name} paid {paid_text}, which matches no paid plan within "
        f"{json_number(tolerance * 100)}%: " + "; ".join(descriptions)
    )
    if one_time_note:
        message += "; a one-time amount is compared as it is with a yearly figure"
    return Issue(
        path=path,
        message=message,
        related=tuple(plan.path for plan in plans),
        subject=name,
        data=data,
    )


def _footing(paid: Money, plan: PlanPrice) -> _Footing:
    """Put `paid` and one plan on the same period (see the rule's reference)."""
    if paid.per is None:
        # No period given: the amount is read as the plan's own, as FC302 reads "$499".
        paid_figure, unit, period = paid.amount, plan.amount, SEAT_PERIODS.get(plan.per, plan.per)
    else:
        # `check` let through only amounts given once or with a yearly figure.
        paid_figure = paid.amount if paid.per == ONCE else paid.yearly or paid.amount
        plan_unit_yearly = yearly(plan.amount, plan.per)  # one seat on a seat plan
        if plan_unit_yearly is None:
            unit, period = plan.amount, ONCE
        else:
            unit, period = plan_unit_yearly, "year"
    mixed = paid.per is not None and (paid.per == ONCE) != (plan.per == ONCE)
    if not plan.is_seat_plan:
        return _Footing(paid_figure, unit, period, None, mixed)
    # The catalog's money definition: a seat price is multiplied by `seats_min`.
    seats = plan.seats_min
    return _Footing(paid_figure, unit * seats, period, seats, mixed)


def _plan_text(plan: PlanPrice, footing: _Footing) -> str:
    """ "the `team` plan is $5,988 a year ($499 a month)", on the footing it was compared."""
    compared = format_money(footing.price, plan.currency, footing.period)
    if footing.seats is not None:
        seat_word = "seat" if footing.seats == 1 else "seats"
        return (
            f"the `{plan.id}` plan is {compared} for {footing.seats:,} {seat_word} "
            f"({plan.describe()})"
        )
    if footing.period == plan.per:
        return f"the `{plan.id}` plan is {plan.describe()}"
    return f"the `{plan.id}` plan is {compared} ({plan.describe()})"
