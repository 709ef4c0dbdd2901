"""FC603 reference-price-mismatch: what a reference customer paid matches no plan."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.rules.base import Rule
from funnelcheck.strategy import Strategy

# Private money helpers: funnelcheck/money.py is being written alongside this rule; once it
# lands, `_yearly` and `_money` fold into its `yearly` and formatter.

#: How many of each period make a year (the catalog's definition of a yearly figure).
_PER_YEAR: dict[str, int] = {"day": 365, "week": 52, "month": 12, "quarter": 4, "year": 1}
#: How a message writes each period after an amount.
_PER_WORDS: dict[str, str] = {
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "quarter": "a quarter",
    "year": "a year",
    "once": "once",
}
_SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£"}


@dataclass(frozen=True)
class Options:
    #: How far, as a share of the plan's price, what a customer paid may be from it.
    tolerance: float = 0.10


@dataclass(frozen=True)
class _Plan:
    """A paid plan as FC603 compares it: price per unit and the period it is charged on."""

    index: int
    id: str
    amount: Decimal
    #: `month`, `quarter`, `year` or `once` (a seat plan's `seat-` is taken off).
    period: str
    seat: bool
    seats_min: int


class ReferencePriceMismatch(Rule):
    """What a reference customer paid matches no paid plan within 10% on the same period.

    **Why.** A reference customer is the funnel worked backwards: what they paid is the
    price that actually closed. When it matches no plan the customer can buy today, either
    the price list has moved away from what sells (the proposal now asks for more, or less,
    than the customer who proves the funnel paid) or the reference was won on a deal nobody
    else will get. Either way the price runner is not the one that carried this customer.

    How it compares: `paid` and each paid plan (amount above 0) are put on a yearly figure
    (day × 365, week × 52, month × 12, quarter × 4); `paid` matches a plan within ±10% of the
    plan's yearly price. A seat plan matches a whole number of seats, at least `seats_min`
    (the nearest such number is tried: a customer may buy more seats than the minimum). A
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
        customers = strategy.data.get("reference_customers")
        if not isinstance(customers, list):
            return
        tolerance = _decimal(options.tolerance) or Decimal(0)
        price_currency = strategy.currency
        plans = _paid_plans(strategy)
        for index, customer in enumerate(customers):
            if not isinstance(customer, dict) or not isinstance(customer.get("paid"), dict):
                continue
            paid = customer["paid"]
            amount = _decimal(paid.get("amount"))
            if amount is None or amount <= 0:
                continue  # unanswered is FC602's; a customer who paid nothing is not a price
            currency = paid.get("currency") or price_currency
            if price_currency and currency != price_currency:
                continue  # FC305 reports the currency; amounts in two currencies never meet
            per = paid.get("per") if paid.get("per") in _PER_WORDS else None
            issue = _mismatch(customer, index, amount, per, currency, plans, tolerance)
            if issue is not None:
                yield issue

    # Set after `check`: there, `Options` must still name the module's dataclass for mypy.
    Options = Options


def _mismatch(
    customer: dict[str, Any],
    index: int,
    amount: Decimal,
    per: str | None,
    currency: str | None,
    plans: list[_Plan],
    tolerance: Decimal,
) -> Issue | None:
    """The finding for one customer, or None where what they paid matches some plan."""
    name = _customer_name(customer, index)
    paid_text = _money(amount, currency) + (f" {_PER_WORDS[per]}" if per else "")
    if per in _PER_YEAR and per != "year":
        paid_text += f" ({_money(amount * _PER_YEAR[per], currency)} a year)"
    path: Path = ("reference_customers", index, "paid")
    compared: list[dict[str, Any]] = []
    data: dict[str, Any] = {
        "customer": name,
        "paid": {"amount": _number(amount), "currency": currency, "per": per},
        "tolerance": _number(tolerance),
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
        footing = _footing(amount, per, plan)
        if abs(footing.paid - footing.price) <= tolerance * footing.price:
            return None
        one_time_note = one_time_note or footing.one_time_meets_recurring
        descriptions.append(_plan_text(plan, footing, currency))
        compared.append(
            {
                "id": plan.id,
                "paid": _number(footing.paid),
                "price": _number(footing.price),
                "period": footing.period,
                "seats": footing.seats,
            }
        )
    message = (
        f"{name} paid {paid_text}, which matches no paid plan within "
        f"{_number(tolerance * 100)}%: " + "; ".join(descriptions)
    )
    if one_time_note:
        message += "; a one-time amount is compared as it is with a yearly figure"
    return Issue(
        path=path,
        message=message,
        related=tuple(("price", "plans", plan.index) for plan in plans),
        subject=name,
        data=data,
    )


@dataclass(frozen=True)
class _Footing:
    """What was paid and a plan's price, on the same period."""

    paid: Decimal
    price: Decimal
    #: The period both figures are on: `year`, `once`, or the plan's own (no `per` paid).
    period: str
    #: The seats the plan's price is for (seat plans only).
    seats: int | None
    one_time_meets_recurring: bool


def _footing(amount: Decimal, per: str | None, plan: _Plan) -> _Footing:
    """Put `paid` and one plan on the same period (see the rule's reference)."""
    if per is None:
        # No period given: the amount is read as the plan's own, as FC302 reads "$499".
        paid, unit, period = amount, plan.amount, plan.period
    else:
        paid = amount if per == "once" else amount * _PER_YEAR[per]
        if plan.period == "once":
            unit, period = plan.amount, "once"
        else:
            unit, period = plan.amount * _PER_YEAR[plan.period], "year"
    mixed = per is not None and (per == "once") != (plan.period == "once")
    if not plan.seat:
        return _Footing(paid, unit, period, None, mixed)
    # A seat plan sells any whole number of seats from `seats_min` up: try the nearest.
    ratio = paid / unit
    candidates = {max(plan.seats_min, math.floor(ratio)), max(plan.seats_min, math.ceil(ratio))}
    seats = min(candidates, key=lambda n: (abs(paid - unit * n), n))
    return _Footing(paid, unit * seats, period, seats, mixed)


def _paid_plans(strategy: Strategy) -> list[_Plan]:
    plans: list[_Plan] = []
    for index, plan in strategy.plans():
        amount = _decimal(plan.get("amount"))
        per = plan.get("per")
        if amount is None or amount <= 0 or not isinstance(per, str):
            continue  # free plans are never compared
        seat = per.startswith("seat-")
        period = per.removeprefix("seat-")
        if period not in _PER_YEAR and period != "once":
            continue
        seats_min = plan.get("seats_min", 1)
        if not isinstance(seats_min, int) or isinstance(seats_min, bool) or seats_min < 1:
            seats_min = 1
        plan_id = plan.get("id")
        plans.append(
            _Plan(
                index=index,
                id=plan_id if isinstance(plan_id, str) else f"plans[{index}]",
                amount=amount,
                period=period,
                seat=seat,
                seats_min=seats_min if seat else 1,
            )
        )
    return plans


def _plan_text(plan: _Plan, footing: _Footing, currency: str | None) -> str:
    """`the `team` plan is $5,988 a year ($499 a month)`, on the footing it was compared."""
    unit = "per seat " if plan.seat else ""
    as_written = f"{_money(plan.amount, currency)} {unit}{_PER_WORDS[plan.period]}"
    compared = f"{_money(footing.price, currency)} {_PER_WORDS[footing.period]}"
    if footing.seats is not None:
        seat_word = "seat" if footing.seats == 1 else "seats"
        return (
            f"the `{plan.id}` plan is {as_written}: {compared} for {footing.seats} "
            f"{seat_word} (at least {plan.seats_min})"
        )
    if footing.period == plan.period:
        return f"the `{plan.id}` plan is {as_written}"
    return f"the `{plan.id}` plan is {compared} ({as_written})"


def _money(amount: Decimal, currency: str | None) -> str:
    """`$5,988`, `€49.50`, `5,988 CAD`: the way a pitch would write the figure."""
    figure = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    if currency is None:
        return figure
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"


def _decimal(value: Any) -> Decimal | None:
    """A figure as written, exactly: floats through their shortest repr, never binary."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    return None


def _number(value: Decimal) -> int | float:
    """A figure for `Issue.data` (JSON): whole amounts as integers."""
    return int(value) if value == value.to_integral_value() else float(value)


def _customer_name(customer: dict[str, Any], index: int) -> str:
    name = customer.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    return f"reference customer {index + 1}"
