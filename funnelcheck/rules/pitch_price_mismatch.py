"""FC302 pitch-price-mismatch: a price named in a pitch or claim is no plan's price."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.money import (
    ONCE,
    PERIOD_FACTORS,
    PlanPrice,
    TextAmount,
    format_money,
    json_number,
    plans,
    same_currency,
    to_decimal,
    yearly,
)
from funnelcheck.rules.base import Rule, check_range
from funnelcheck.strategy import Strategy


@dataclass(frozen=True)
class Options:
    #: How far, as a share of the plan's price, a written amount may be from it.
    tolerance: float = 0.02

    def __post_init__(self) -> None:
        check_range("tolerance", self.tolerance, at_least=0, at_most=1)


@dataclass(frozen=True)
class _Footing:
    """A written amount and one plan's price, put on the same period."""

    written: Decimal
    price: Decimal
    #: The plan's price as the message shows it, on the written amount's period.
    shown: str


class PitchPriceMismatch(Rule):
    """A money amount in a pitch or claim matches no plan's price, once both are on one period.

    **Why.** The proposal is where the baton passes to the price runner. A lead who heard
    "$399 a month" from marketing or sales and then reads $499 on the order form feels
    misled, and the deal stalls or closes at a discount nobody planned. The number in the
    pitch must be a price the customer can actually buy.

    How it reads: every amount in a stage's `pitch` and claims' `text` ("$399", "$399/mo",
    "399 USD a month", "€1,200 per year", "£49 per seat per month", "$1.5k", "from $399", "a
    $5,988 annual contract") is a price claim, unless words of loss or saving introduce it
    ("save", "lose", "waste", "costs you", "worth"), or it is a figure of the customer's
    business ("companies with $2M ARR", "$5M-$50M in revenue", "raised $10M"), which
    describes the segment, not the price. It matches a plan when, put on the same period
    (yearly figures: × 365 a day, × 52 a week, × 12 a month, × 4 a quarter), it is within
    `tolerance` of that plan's price. An amount "per seat", "per user", "per employee", "per
    member" or "per agent" is compared with a seat plan's price for one seat; any other
    amount with a period is compared with the plan's price for its fewest seats (any other
    "per X", such as "per location", reads as a flat price). An amount with no period is
    compared with each plan's amount as written; an amount given "once" only with one-time
    plans. "from", "starting at" and "as low as" compare with the cheapest paid plan. "$0"
    matches a free plan; other plans of amount 0 are never compared. Amounts in another
    currency than the price's are FC305's and are not compared; amounts "per hour" cannot be
    put on a plan's period and are left alone.

    **Failing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    stages:
      - name: Proposal
        role: pricing
        claims:
          - text: One plan at $399 a month, less than one day of reconciling by hand.
    ```

    The claim names $399 a month; the only plan, `team`, is $499 a month.

    **Passing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
        - {id: business, amount: 40, per: seat-month, seats_min: 25}
    stages:
      - name: Proposal
        role: pricing
        claims:
          - text: Plans from $499 a month ($5,988 a year), or $40 per user per month.
          - text: Teams lose $6,000 a month to reconciling by hand.
    ```

    "$5,988 a year" is `team` on a year; "$40 per user per month" is one seat of
    `business`; "lose $6,000" is a loss, not a price.

    **Options.** `tolerance` (default 0.02): how far, as a share of the plan's price, a
    written amount may be from it and still match. 2% lets "$5,990 a year" stand for
    $499 a month, and "$1.5k" for $1,499, without letting $399 pass for $499.
    """

    code = "FC302"
    name = "pitch-price-mismatch"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        tolerance = to_decimal(options.tolerance)
        if tolerance is None:
            return
        all_plans = plans(strategy)
        if not all_plans:
            return
        for stage_index, texts in strategy.stages_with_texts():
            for relative, text in texts:
                path: Path = ("stages", stage_index, *relative)
                for amount in strategy.amounts_in(text):
                    issue = _check_amount(amount, path, text, all_plans, strategy, tolerance)
                    if issue is not None:
                        yield issue

    # Set after `check`: there, `Options` must still name the module's dataclass for mypy.
    Options = Options


def _check_amount(
    amount: TextAmount,
    path: Path,
    text: str,
    all_plans: list[PlanPrice],
    strategy: Strategy,
    tolerance: Decimal,
) -> Issue | None:
    """The finding for one written amount, or None where it is no price claim or matches."""
    if amount.is_saving or amount.is_business_figure:
        return None  # a loss, a saving or the customer's revenue is no price
    if not same_currency(amount.currency, strategy.currency):
        return None  # another currency is FC305's
    if amount.per is not None and amount.per != ONCE and amount.per not in PERIOD_FACTORS:
        return None  # "per hour": no plan can be put on that period
    paid = [plan for plan in all_plans if not plan.is_free]
    if amount.amount == 0:
        if len(paid) < len(all_plans):
            return None  # "$0" is the free plan
        return _issue(amount, path, text, paid, [], "no plan is free", tolerance, has_free=False)
    footings = {plan.index: _footing(amount, plan) for plan in paid}
    candidates = [plan for plan in paid if footings[plan.index] is not None]
    if amount.floor and candidates:
        # "from $X" speaks of the cheapest plan the customer can buy.
        candidates = [min(candidates, key=lambda plan: _price(footings[plan.index]))]
    for plan in candidates:
        footing = footings[plan.index]
        if footing is not None and abs(footing.written - footing.price) <= tolerance * (
            footing.price
        ):
            return None
    why_none = _why_none(amount, paid)
    has_free = len(paid) < len(all_plans)
    return _issue(amount, path, text, paid, candidates, why_none, tolerance, has_free=has_free)


def _price(footing: _Footing | None) -> Decimal:
    return footing.price if footing is not None else Decimal(0)


def _footing(amount: TextAmount, plan: PlanPrice) -> _Footing | None:
    """Put a written amount and a plan on one period; None where they cannot meet.

    A period with a yearly figure compares yearly figures and shows the plan on the
    written period; "once" meets one-time plans only; no period meets the plan's amount
    as written. "per seat" meets seat plans only, one seat's price.
    """
    if amount.per_seat and not plan.is_seat_plan:
        return None
    currency = plan.currency
    if amount.per is None:
        return _Footing(amount.amount, plan.amount, plan.describe())
    if amount.per == ONCE or plan.per == ONCE:
        if amount.per != plan.per:
            return None
        return _Footing(amount.amount, plan.amount, plan.describe())
    factor = PERIOD_FACTORS[amount.per]
    written = amount.amount * factor
    if amount.per_seat:
        price = plan.seat_yearly
        if price is None:
            return None
        per = f"seat-{amount.per}" if amount.per in ("month", "year") else amount.per
        shown = format_money(price / factor, currency, per)
        if not per.startswith("seat-"):
            shown += " a seat"
        return _Footing(written, price, shown)
    price = yearly(plan.amount, plan.per, plan.seats_min)
    if price is None:
        return None
    shown = format_money(price / factor, currency, amount.per)
    if plan.is_seat_plan:
        shown += f" ({plan.describe()})"
    return _Footing(written, price, shown)


def _why_none(amount: TextAmount, paid: list[PlanPrice]) -> str:
    """Why no plan could be compared at all, or "" where some could."""
    if not paid:
        return "every plan is free"
    if amount.per_seat and not any(plan.is_seat_plan for plan in paid):
        return "no plan is priced per seat"
    if amount.per == ONCE and not any(plan.per == ONCE for plan in paid):
        return "no plan is a one-time price"
    if amount.per not in (None, ONCE) and all(plan.per == ONCE for plan in paid):
        return "every paid plan is a one-time price"
    return ""


def _issue(
    amount: TextAmount,
    path: Path,
    text: str,
    paid: list[PlanPrice],
    candidates: list[PlanPrice],
    why_none: str,
    tolerance: Decimal,
    *,
    has_free: bool,
) -> Issue:
    where = "the pitch" if "pitch" in path else "the claim"
    named = f"{where} names {amount.describe()}"
    shown: list[tuple[PlanPrice, str]] = []
    for plan in paid:
        footing = _footing(amount, plan)
        shown.append((plan, footing.shown if footing is not None else plan.describe()))
    listed = ", ".join(f"`{plan.id}` is {price}" for plan, price in shown)
    if why_none:
        message = f"{named}; {why_none}" + (f": {listed}" if listed else "")
    elif amount.floor and candidates:
        cheapest = candidates[0]
        price = next(price for plan, price in shown if plan.id == cheapest.id)
        message = f"{named}; the cheapest paid plan, `{cheapest.id}`, is {price}"
    elif len(paid) == 1:
        only = "the only paid plan" if has_free else "the only plan"
        message = f"{named}; {only}, `{paid[0].id}`, is {shown[0][1]}"
    else:
        message = f"{named}; no plan is that price: {listed}"
    data: dict[str, Any] = {
        "written": amount.raw,
        "amount": json_number(amount.amount),
        "currency": amount.currency,
        "per": amount.per,
        "per_seat": amount.per_seat,
        "floor": amount.floor,
        "tolerance": json_number(tolerance),
        "plans": [{"id": plan.id, "price": price} for plan, price in shown],
    }
    return Issue(
        path=path,
        message=message,
        related=tuple(plan.path for plan in paid),
        subject=text,
        data=data,
    )
