"""FC502 leads-needed: the leads the goal needs at the top of the funnel, against its limits.

The figure itself is `funnelcheck.model.funnel.leads_needed`, which the relay view reads too.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.input.load import MAX_BITS
from funnelcheck.language.money import format_count, json_number, scientific
from funnelcheck.model.funnel import (
    FunnelYield,
    PathYield,
    decimal_text,
    exact_number,
    funnel_yield,
    goal_customers,
)
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule

#: From here up a quotient is shown in figures ("1.2 × 10^28…"), not to the cent.
_LARGE = 10**15
_PERIOD_WORDS = {"month": "a month", "quarter": "a quarter", "year": "a year"}


class LeadsNeeded(Rule):
    """The leads the goal needs at the top of the funnel; a warning where they exceed a limit.

    **Why.** Worked backwards, a goal of customers is a number of leads: `goals.customers`
    divided by the product of the conversions of the stages a lead passes before becoming
    a customer (those before the first retention or referral stage; every stage where
    there is none), per `goals.per`, rounded up. The arithmetic is done on the figures as
    written (exact decimals), so 40 ÷ (0.1 × 0.4 × 0.5 × 0.6) is 3,333.33… and needs
    3,334 leads, and 36 ÷ (0.1 × 0.3 × 0.5 × 0.6) needs exactly 4,000 (in floats it comes
    to 4,000.0000000000005, which would round up to 4,001 and may cross a capacity).

    **Funnels that branch.** Not every lead passes every stage (docs/format.md, "Funnels
    that branch"), and multiplying every conversion would count an optional sales call
    against every lead. The arithmetic follows the funnel's shape instead:

    - a stage with `share: s` (only that share of its entrants pass through it; the rest go
      straight on) keeps `(1 − s) + s × conversion` of its entrants: written
      `(0.75 + 0.25 × 0.4)` for a call a quarter of the leads take and 40% of them pass;
    - a branch keeps the sum, over its paths, of each path's `share` times the product of
      its stages' conversions (a path with no stage there keeps all its share): written
      `(0.8 × 0.25 × 0.6 + 0.2 × 0.35 × 0.5)` for a self-serve path taken by 80% of the
      entrants (trial 25%, checkout 60%) and a sales-assisted path taken by 20% (demo 35%,
      proposal 50%);
    - these factors multiply with the stages every lead passes, as in a funnel that is one
      line: 30 ÷ (0.04 × (0.8 × 0.25 × 0.6 + 0.2 × 0.35 × 0.5)) = 30 ÷ 0.0062 = 4,838.7…,
      so 4,839 leads (multiplied as one line, the same rates would ask for 28,572).

    The message then gives each path of the first branch its part: the formula, the
    customers it brings and the leads (or, where stages every lead passes come first, the
    entrants at the branch) that take it, so a person can check the sum by hand. Where the
    paths cannot be followed (shares that do not add up to 1, a branch that never joins
    again: FC011), the figure is not computed until the shape is whole.

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
        figure = funnel_yield(strategy.funnel)
        if figure.overall is None:
            if figure.missing is not None:
                yield _not_computed(strategy, figure.missing)
            return  # a shape fault: FC011 says what is wrong with the paths
        product = figure.overall.keeps
        factors = figure.overall.factors
        per = strategy.goals.get("per")
        per_text = f" {_PERIOD_WORDS[per]}" if per in _PERIOD_WORDS else ""
        if figure.overall.negligible:
            yield _negligible(customers, per_text, factors)
            return
        exact = Fraction(customers) / product
        leads = math.ceil(exact)
        product_text = " × ".join(factors)
        if len(factors) != 1 or not product_text.startswith("("):
            product_text = f"({product_text})"  # one branch alone is bracketed already
        formula = (
            f"{format_count(customers)} ÷ {product_text}"
            if factors
            else f"{format_count(customers)} ÷ 1 (no stage before retention)"
        )
        arithmetic = (
            f"{formula} = {_exact_text(exact)}, rounded up"
            if exact.denominator != 1
            else f"{formula} = {_exact_text(exact)}"
        )
        head = (
            f"{format_count(customers)} customers{per_text} need {format_count(leads)} "
            f"leads{per_text} at the top "
            f"of the funnel ({arithmetic})"
        )
        if figure.by_path:
            head += _by_path(strategy, figure, customers, exact)
        limits = _limits(strategy)
        exceeded = [(what, limit, path) for what, limit, path in limits if leads > limit]
        within = [(what, limit, path) for what, limit, path in limits if leads <= limit]
        data: dict[str, Any] = {
            "leads_needed": json_number(Decimal(leads)),
            "customers": customers,
            "per": per if isinstance(per, str) else None,
            "conversions": list(factors),
            "stages": [strategy.stage_name(i) for i in figure.stages],
            "product": _fraction_text(product),
            # The quotient before rounding, exactly: "10000/3" for 3,333.33…
            "exact": _ratio_data(exact),
            "limits": {what: limit for what, limit, _ in limits},
            "exceeded": [what for what, _, _ in exceeded],
        }
        if figure.by_path:
            data["paths"] = [
                {
                    "path": part.path,
                    "share": decimal_text(part.share),
                    "keeps": _fraction_text(part.keeps),
                    "formula": part.formula,
                    "entrants": _ratio_data(_entrants(figure, part, exact)),
                    "customers": _ratio_data(_path_customers(figure, part, exact)),
                }
                for part in figure.by_path
            ]
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


def _entrants(figure: FunnelYield, part: PathYield, leads: Fraction) -> Fraction:
    """How many of the leads (exactly, before rounding) take the path at its branch."""
    return leads * figure.before_branch * Fraction(part.share)


def _path_customers(figure: FunnelYield, part: PathYield, leads: Fraction) -> Fraction:
    """How many of the customers come through the path."""
    return _entrants(figure, part, leads) * part.keeps * figure.after_branch


def _by_path(strategy: Strategy, figure: FunnelYield, customers: int, leads: Fraction) -> str:
    """ "; by path: self-serve (0.8 × 0.3) brings 34.3 customers from 2,858 leads, ..." """
    who = "leads" if figure.before_branch == 1 else "entrants at the branch"
    parts = []
    for part in figure.by_path:
        entrants = math.ceil(_entrants(figure, part, leads))
        brought = _one_decimal(_path_customers(figure, part, leads))
        parts.append(
            f"`{part.path}` ({part.formula}) brings {brought} customers from "
            f"{format_count(entrants)} {who}"
        )
    return "; by path: " + ", ".join(parts)


def _one_decimal(value: Fraction) -> str:
    """34.2857… → "34.3", 8 → "8": a share of the goal, readable."""
    tenths = round(value * 10)
    whole, rest = divmod(tenths, 10)
    if abs(whole) >= _LARGE:
        return format_count(whole)
    return f"{whole:,}" if rest == 0 else f"{whole:,}.{rest}"


def _customers(strategy: Strategy) -> int | None:
    return goal_customers(strategy.goals.get("customers"))


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
        return f"the capacity of {format_count(limit)} leads{per_text} (`goals.capacity`)"
    return f"the segment's {format_count(limit)} reachable accounts (`segment.size`)"


def _exact_text(value: Fraction) -> str:
    """An exact quotient for people: whole numbers as they are, others to two decimals
    followed by an ellipsis where digits were cut ("3,333.33…")."""
    if value.denominator == 1:
        return format_count(value.numerator)
    if value >= _LARGE:
        return scientific(Decimal(value.numerator) / Decimal(value.denominator)) + "…"
    hundredths = math.floor(value * 100)
    cut = Fraction(hundredths, 100) != value
    whole, cents = divmod(hundredths, 100)
    return f"{whole:,}.{cents:02d}{'…' if cut else ''}"


def _fraction_text(value: Fraction) -> str:
    """A product of decimal shares, written out in full: it always ends, its denominator
    being a product of powers of ten (sums of such products too)."""
    with localcontext() as context:
        # Digits from bits (str() of an integer of over 4,300 digits is refused).
        digits = (value.denominator.bit_length() + value.numerator.bit_length()) * 302 // 1000
        context.prec = max(28, digits + 4)
        return f"{Decimal(value.numerator) / Decimal(value.denominator):f}"


def _ratio_data(value: Fraction) -> str:
    """ "10000/3": exact where both parts print; the quotient in figures where they do not."""
    if max(value.numerator.bit_length(), value.denominator.bit_length()) < MAX_BITS:
        return str(value)
    return scientific(Decimal(value.numerator) / Decimal(value.denominator))


def _negligible(customers: int, per_text: str, factors: tuple[str, ...]) -> Issue:
    shown = " × ".join(factors[:8]) + (" × …" if len(factors) > 8 else "")
    return Issue(
        path=("goals",),
        message=(
            f"{format_count(customers)} customers{per_text} need more than "
            f"{format_count(customers)} × 10^30 leads"
            f"{per_text} at the top of the funnel: the stages before retention keep less "
            f"than one lead in 10^30 ({shown}); a conversion or share is far smaller than "
            "it should be"
        ),
        severity=Severity.WARNING,
        subject="leads needed",
        data={"leads_needed": None, "customers": customers, "negligible": True},
    )


def _not_computed(strategy: Strategy, index: int) -> Issue:
    stage = dict(strategy.stages()).get(index, {})
    name = strategy.stage_name(index)
    value = stage.get("conversion")
    if value is None:
        reason = f"`{name}` has no conversion"
    else:
        number = exact_number(value)
        written = decimal_text(number) if number is not None else str(value)
        reason = f"the conversion of `{name}` is {written}, outside (0, 1] (FC501)"
    customers = _customers(strategy)
    return Issue(
        path=("stages", index),
        message=(
            f"the leads {format_count(customers or 0)} customers need are not computed: "
            f"{reason}; give every "
            "stage before retention a conversion to see the funnel's size"
        ),
        severity=Severity.INFO,
        subject=name,
        data={"stage": name, "customers": customers},
    )
