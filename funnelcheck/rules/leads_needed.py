"""FC502 leads-needed: the leads the goal needs at the top of the funnel, against its limits.

`leads_needed(strategy)` is the figure itself, a pure function the relay view reuses.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.rules.conversion_out_of_range import exact_conversion, exact_number
from funnelcheck.strategy import Strategy

#: Stages from the first of these roles on keep customers, they do not win them.
AFTER_THE_SALE = ("retention", "referral")

_PERIOD_WORDS = {"month": "a month", "quarter": "a quarter", "year": "a year"}


def winning_stages(strategy: Strategy) -> list[tuple[int, dict[str, Any]]]:
    """The stages a lead passes before becoming a customer: those before the first
    retention or referral stage (every stage where there is none)."""
    out: list[tuple[int, dict[str, Any]]] = []
    for i, stage in strategy.stages():
        if stage.get("role") in AFTER_THE_SALE:
            break
        out.append((i, stage))
    return out


def leads_needed(strategy: Strategy) -> tuple[Decimal | None, int | None]:
    """Leads needed per `goals.per`: `goals.customers` ÷ the product of the winning stages'
    conversions, computed exactly and rounded up (an integral Decimal).

    Returns `(leads, None)` when computed; `(None, index)` when the stage at `index` has no
    usable conversion (missing, or out of range: FC501); `(None, None)` when there is no
    `goals.customers` to work back from.
    """
    customers = _customers(strategy)
    if customers is None:
        return None, None
    conversions, missing = _winning_conversions(strategy)
    if missing is not None:
        return None, missing
    return Decimal(math.ceil(Fraction(customers) / _product(conversions))), None


def _winning_conversions(strategy: Strategy) -> tuple[list[Decimal], int | None]:
    """The winning stages' conversions, in funnel order; `([], index)` where the stage at
    `index` has none usable."""
    conversions: list[Decimal] = []
    for i, stage in winning_stages(strategy):
        conversion = exact_conversion(stage.get("conversion"))
        if conversion is None:
            return [], i
        conversions.append(conversion)
    return conversions, None


def _product(conversions: list[Decimal]) -> Fraction:
    # Fractions multiply and divide exactly, whatever the number of digits: a quotient
    # that is a whole number is never rounded up by one, nor one a hair above cut down.
    # Numerators and denominators multiplied as integers and reduced once: the same
    # fraction as multiplying Fractions, without a gcd at every step.
    numerator = denominator = 1
    for conversion in conversions:
        top, bottom = conversion.as_integer_ratio()
        numerator *= top
        denominator *= bottom
    return Fraction(numerator, denominator)


class LeadsNeeded(Rule):
    """The leads the goal needs at the top of the funnel; a warning where they exceed a limit.

    **Why.** Worked backwards, a goal of customers is a number of leads: `goals.customers`
    divided by the product of the conversions of the stages a lead passes before becoming
    a customer (those before the first retention or referral stage; every stage where
    there is none), per `goals.per`, rounded up. The arithmetic is done on the figures as
    written (exact decimals), so 40 ÷ (0.1 × 0.4 × 0.5 × 0.6) is 3,333.33… and needs
    3,334 leads, and 36 ÷ (0.1 × 0.3 × 0.5 × 0.6) needs exactly 4,000 (in floats it comes
    to 4,000.0000000000005, which would round up to 4,001 and may cross a capacity).

    The figure is an info note on `goals` (it is the goal, read at the top of the funnel).
    It becomes a warning where it exceeds what the top can bring in that period
    (`goals.capacity`) or the accounts there are to reach (`segment.size`); one finding
    names every limit exceeded, with the limits as related locations. Where a stage a lead
    passes has no conversion (or one FC501 rejects), the figure is not computed, and an
    info note on that stage says so.

    **Failing example.**

    ```yaml
    segment: {name: Mid-market SaaS finance teams, size: 12000}
    goals: {customers: 40, per: quarter, capacity: 2000}
    stages:
      - {name: LinkedIn campaign, role: marketing, conversion: 0.1}
      - {name: Discovery call, role: sales, conversion: 0.4}
      - {name: Two-week trial, role: product, conversion: 0.5}
      - {name: Proposal, role: pricing, conversion: 0.6}
      - {name: Onboarding and renewal, role: retention, conversion: 0.9}
    ```

    40 customers a quarter need 3,334 leads a quarter, more than the capacity of 2,000: a
    warning.

    **Passing example.**

    ```yaml
    segment: {name: Mid-market SaaS finance teams, size: 12000}
    goals: {customers: 40, per: quarter, capacity: 5000}
    stages:
      - {name: LinkedIn campaign, role: marketing, conversion: 0.1}
      - {name: Discovery call, role: sales, conversion: 0.4}
      - {name: Two-week trial, role: product, conversion: 0.5}
      - {name: Proposal, role: pricing, conversion: 0.6}
      - {name: Onboarding and renewal, role: retention, conversion: 0.9}
    ```

    3,334 leads a quarter, within the capacity of 5,000 and the 12,000 accounts: an info
    note (the figure is always reported).

    **Options.** None: the limits are the strategy's own (`goals.capacity`, `segment.size`).
    """

    code = "FC502"
    name = "leads-needed"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        customers = _customers(strategy)
        if customers is None:
            return
        conversions, missing = _winning_conversions(strategy)
        if missing is not None:
            yield _not_computed(strategy, missing)
            return
        product = _product(conversions)
        exact = Fraction(customers) / product
        leads = math.ceil(exact)  # what leads_needed(strategy) returns, without walking again
        per = strategy.goals.get("per")
        per_text = f" {_PERIOD_WORDS[per]}" if per in _PERIOD_WORDS else ""
        formula = (
            f"{customers:,} ÷ ({' × '.join(f'{c:f}' for c in conversions)})"
            if conversions
            else f"{customers:,} ÷ 1 (no stage before retention)"
        )
        arithmetic = (
            f"{formula} = {_exact_text(exact)}, rounded up"
            if exact.denominator != 1
            else f"{formula} = {_exact_text(exact)}"
        )
        head = (
            f"{customers:,} customers{per_text} need {leads:,} leads{per_text} at the top "
            f"of the funnel ({arithmetic})"
        )
        limits = _limits(strategy)
        exceeded = [(what, limit, path) for what, limit, path in limits if leads > limit]
        within = [(what, limit, path) for what, limit, path in limits if leads <= limit]
        data: dict[str, Any] = {
            "leads_needed": leads,
            "customers": customers,
            "per": per if isinstance(per, str) else None,
            "conversions": [f"{c:f}" for c in conversions],
            "stages": [strategy.stage_name(i) for i, _ in winning_stages(strategy)],
            "product": _decimal_text(product),
            # The quotient before rounding, exactly: "10000/3" for 3,333.33…
            "exact": str(exact),
            "limits": {what: limit for what, limit, _ in limits},
            "exceeded": [what for what, _, _ in exceeded],
        }
        if exceeded:
            over = " and ".join(_limit_text(what, limit, per_text) for what, limit, _ in exceeded)
            yield Issue(
                path=("goals",),
                message=f"{head}: more than {over}; raise the conversions or lower the goal",
                severity=Severity.WARNING,
                related=tuple(path for _, _, path in exceeded),
                subject="leads needed",
                data=data,
            )
            return
        tail = (
            "; within " + " and ".join(_limit_text(w, n, per_text) for w, n, _ in within)
            if within
            else ""
        )
        yield Issue(
            path=("goals",),
            message=f"{head}{tail}",
            severity=Severity.INFO,
            subject="leads needed",
            data=data,
        )


def _customers(strategy: Strategy) -> int | None:
    value = strategy.goals.get("customers")
    number = exact_number(value)
    if number is None or number < 0 or number != number.to_integral_value():
        return None
    return int(number)


def _limits(strategy: Strategy) -> list[tuple[str, int, Path]]:
    """The limits the leads are held against: (name, value, path), capacity first."""
    out: list[tuple[str, int, Path]] = []
    capacity = exact_number(strategy.goals.get("capacity"))
    if capacity is not None:
        out.append(("capacity", int(capacity), ("goals", "capacity")))
    size = exact_number(strategy.segment.get("size"))
    if size is not None:
        out.append(("segment size", int(size), ("segment", "size")))
    return out


def _limit_text(what: str, limit: int, per_text: str) -> str:
    if what == "capacity":
        return f"the capacity of {limit:,} leads{per_text} (`goals.capacity`)"
    return f"the segment's {limit:,} reachable accounts (`segment.size`)"


def _exact_text(value: Fraction) -> str:
    """An exact quotient for people: whole numbers as they are, others to two decimals
    followed by an ellipsis where digits were cut ("3,333.33…")."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    hundredths = math.floor(value * 100)
    cut = Fraction(hundredths, 100) != value
    whole, cents = divmod(hundredths, 100)
    return f"{whole:,}.{cents:02d}{'…' if cut else ''}"


def _decimal_text(value: Fraction) -> str:
    """A product of decimals, written out in full (it always ends: its denominator is a
    power of ten)."""
    with localcontext() as context:
        context.prec = max(28, len(str(value.denominator)) + len(str(value.numerator)) + 2)
        return f"{Decimal(value.numerator) / Decimal(value.denominator):f}"


def _not_computed(strategy: Strategy, index: int) -> Issue:
    stage = dict(strategy.stages()).get(index, {})
    name = strategy.stage_name(index)
    value = stage.get("conversion")
    if value is None:
        reason = f"`{name}` has no conversion"
    else:
        number = exact_number(value)
        written = f"{number:f}" if number is not None else str(value)
        reason = f"the conversion of `{name}` is {written}, outside (0, 1] (FC501)"
    customers = _customers(strategy)
    return Issue(
        path=("stages", index),
        message=(
            f"the leads {customers:,} customers need are not computed: {reason}; give every "
            "stage before retention a conversion to see the funnel's size"
        ),
        severity=Severity.INFO,
        subject=name,
        data={"stage": name, "customers": customers},
    )
