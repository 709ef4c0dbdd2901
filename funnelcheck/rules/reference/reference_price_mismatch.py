"""FC603 reference-price-mismatch: what a reference customer paid matches no plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.money import (
    ONCE,
    PERIOD_FACTORS,
    Money,
    format_amount,
    format_money,
    json_number,
    money_from,
    same_currency,
)
from funnelcheck.model.footing import Bill, PlanFooting, reaches
from funnelcheck.model.strategy import Strategy, customer_name
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: How far, as a share of the plan's price, what a customer paid may be from it.
    tolerance: float = 0.10

    def __post_init__(self) -> None:
        check_range("tolerance", self.tolerance, at_least=0, at_most=1)


class ReferencePriceMismatch(Rule, options=Options):
    """What a reference customer paid matches no paid plan within 10% on the same period.

    **Why.** A reference customer is the funnel worked backwards: what they paid is the
    price that actually closed. When it matches no plan the customer can buy today, either
    the price list has moved away from what sells (the proposal now asks for more, or less,
    than the customer who proves the funnel paid) or the reference was won on a deal nobody
    else will get. Either way the price runner is not the one that carried this customer.

    How it compares (the price footing, see docs/format.md): `paid` is put on a yearly
    figure (day × 365, week × 52, month × 12, quarter × 4) and matches a paid plan (amount
    above 0 or a priced component) when some bill that plan gives is within ±10% of it:

    - **base + units × quantity.** A reference customer is one customer, not the typical
      one: any whole number of seats (at least `seats_min`), of units or blocks of a
      component (at least its `minimum`, beyond what is `included`) may be what they paid
      for, the other parts at the typical customer's quantities; a percentage of a volume
      or usage charged per unit can be any amount above the rest of the bill.
    - **no usage**: the plan's base alone, none of its metered units used ("€50 a year" for
      €50 a year + €0.35 a trip: a member who took no trip).
    - **every billing option**: "$60 a year" matches a plan of $6 a month sold at $60 a year.
    - **every introductory offer** (`introductory`): the offer's price on its period made
      yearly, and the first year at the offer's price for its periods and the regular
      price after ("$1 a month for 3 months", then $10: $93).
    - **one-time parts**: a payment given `once` is compared with the one-time part of a
      plan (a device, onboarding) and with its first-year bill; a yearly payment with the
      recurring bill and with the first-year bill; a payment on a period also with the
      recurring bill plus the instalments of the one-time parts paid by `financing` ("$39.99
      a month of monitoring plus $10 a month for the equipment over 60 months": $49.99).
      A one-time payment against a plan with nothing one-time is compared with its yearly
      figure, with a note.
    - an amount with no `per` is compared with each plan's amount as written.

    `paid` without a currency is in the price's currency; amounts in another currency are
    not compared (FC305 reports currency mismatches). A customer who paid nothing is not
    compared; free plans never are.

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
        plans = strategy.footing.paid
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


def _mismatch(
    customer: dict[str, Any],
    index: int,
    paid: Money,
    plans: list[PlanFooting],
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
        for bill in plan.bills:
            matched, note = _matches(paid, bill, tolerance)
            if matched:
                return None
            one_time_note = one_time_note or note
        bill = plan.own
        descriptions.append(_plan_text(bill))
        compared.append(
            {
                "id": plan.id,
                "first_year": json_number(bill.first_year),
                "one_time": json_number(bill.one_time),
                "yearly": json_number(bill.yearly),
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


def _near(paid: Decimal, price: Decimal, tolerance: Decimal) -> bool:
    return price > 0 and abs(paid - price) <= tolerance * price


def _matches(paid: Money, bill: Bill, tolerance: Decimal) -> tuple[bool, bool]:
    """Whether `paid` is a bill this plan gives, and whether a one-time amount met a yearly
    figure (for the note)."""
    if paid.per is None:
        seats = bill.parts[0].seats or Decimal(1)
        written = {bill.amount, bill.amount * seats, bill.monthly, bill.yearly, bill.first_year}
        written.add(bill.one_time)
        if bill.intro is not None and not bill.intro.per_unit:
            written.add(bill.intro.amount)
        return any(_near(paid.amount, figure, tolerance) for figure in written), False
    if paid.per == ONCE:
        if bill.has_one_time:
            figures = (bill.one_time, bill.first_year)
            return any(_near(paid.amount, f, tolerance) for f in figures), False
        return reaches(bill, paid.amount, tolerance), True
    paid_yearly = paid.yearly
    if paid_yearly is None:
        return True, False  # a period the format does not define is the schema's
    if _near(paid_yearly, bill.first_year, tolerance):
        return True, False
    financed = bill.financed_yearly
    if financed is not None and _near(paid_yearly, financed, tolerance):
        return True, False  # the recurring price plus the instalments of what is financed
    if any(_near(paid_yearly, figure, tolerance) for figure in _offer_figures(bill)):
        return True, False
    base = bill.parts[0]
    if base.kind == "base" and len(bill.parts) > 1 and _near(paid_yearly, base.yearly, tolerance):
        # The plan with none of its metered units used: a member who took no e-bike trip
        # ("€50 a year" for €50 a year + €0.35 a trip).
        return True, False
    return reaches(bill, paid_yearly, tolerance), False


def _offer_figures(bill: Bill) -> list[Decimal]:
    """The yearly figures a customer on the plan's introductory offer pays: the offer's price
    made yearly, and the first year with the offer's periods at its price and the rest at the
    regular one ("$1 a month for 3 months" then $10: $93)."""
    offer = bill.intro
    if offer is None or offer.per_unit:
        return []
    figures = [offer.yearly]
    per_year = PERIOD_FACTORS.get(offer.per)
    if per_year is not None and offer.periods < per_year:
        covered = Decimal(offer.periods) / per_year
        figures.append(offer.amount * offer.periods + bill.yearly * (1 - covered) + bill.one_time)
    return figures


def _plan_text(bill: Bill) -> str:
    """ "the `team` plan is $5,988 a year ($499 a month)"; a seat plan names its seats."""
    base = bill.parts[0]
    if bill.is_simple and base.seats is not None:
        seats = format_amount(base.seats)
        word = "seat" if base.seats == 1 else "seats"
        yearly_text = format_money(bill.yearly, bill.currency, "year")
        written = format_money(bill.amount, bill.currency, bill.per)
        if base.seats > 1:
            written += f", at least {seats} seats" if not base.seats_stated else ""
        return f"the `{bill.plan_id}` plan is {yearly_text} for {seats} {word} ({written})"
    text = f"the `{bill.plan_id}` plan is {bill.describe()}"
    if any(part.step_yearly or part.continuous for part in bill.parts[1:]):
        text += " for the typical customer, and no whole number of its units gives that"
    return text
