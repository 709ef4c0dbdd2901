"""What a revision did to the price, on the one price footing (`funnelcheck.model.footing`).

Each side's plans are described by the footing the price rules compared on (computed once,
when the side was checked): the base price and its period, each billing option, each
component (a unit or usage rate with what it includes, a percentage with its fixed fee, a
one-time fee), and the typical customer's bill. Plans are matched by id, billing options by
period, components by what they charge for; every figure that moved is reported as written
on each side ("$499 a month -> $549 a month").

Then the claims: every money amount of the newer side's pitches and claims is read as FC302
reads it (`footing.read_claim`, the one reading of a claim's money, with the newer side's
`Strategy.claim_context`) against both price models; an amount the older price explained
and the newer does not is a claim that still quotes the old price.

Plain data out; nothing here reads files or prints.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from funnelcheck.language.money import SEAT_PERIODS, exact_arithmetic, format_amount, format_money
from funnelcheck.model.footing import (
    Bill,
    ClaimContext,
    Explainer,
    Footing,
    Part,
    PlanFooting,
    bill_explainers,
    explainers,
    percent_explained,
    percent_parts,
    percents_in,
    read_claim,
    unit_key,
)

if TYPE_CHECKING:
    from funnelcheck.language.money import TextAmount
    from funnelcheck.model.strategy import Strategy

#: FC302's default tolerance, where the rule is off for the file.
DEFAULT_TOLERANCE = Decimal("0.02")


@dataclass(frozen=True)
class PriceChange:
    """One figure of one plan that moved: where (plan and part), the old and new text."""

    where: str
    change: str  # "added", "removed", "changed"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class OutdatedClaim:
    """A money amount of a newer claim that the older price explained and the newer does not."""

    stage: str
    written: str
    text: str
    #: What of the older price explained it: "`team` price", "`pro` unit `seat`".
    what: str
    #: That figure as written on each side (`now` None where the newer side has no such).
    was: str
    now: str | None


def price_changes(old: Strategy, new: Strategy) -> list[PriceChange]:
    """Every price figure that moved between two strategies, plan by plan."""
    with exact_arithmetic():
        return list(_price_changes(old.footing, new.footing))


def _price_changes(old: Footing, new: Footing) -> Iterator[PriceChange]:
    if old.currency != new.currency:
        yield PriceChange("currency", "changed", old.currency or "(none)", new.currency or "(none)")
    was_plans = {p.id: p for p in reversed(old.plans)}  # the first of a repeated id
    now_plans = {p.id: p for p in reversed(new.plans)}
    for plan in new.plans:
        if plan.id not in was_plans:
            yield PriceChange(f"{plan.id}", "added", None, plan_text(plan))
    for plan in old.plans:
        if plan.id not in now_plans:
            yield PriceChange(f"{plan.id}", "removed", plan_text(plan), None)
    for plan_id in sorted(set(was_plans) & set(now_plans)):
        yield from _plan_changes(was_plans[plan_id], now_plans[plan_id])


def plan_text(plan: PlanFooting) -> str:
    """A plan's price as written: its base, components and other billing periods."""
    own = plan.own
    text = own.written() if own.has_base else ""
    parts = [part.text for part in own.parts[1:] if part.text]
    text = " + ".join(([text] if text else []) + parts) or "nothing"
    others = [_base_text(bill) for bill in plan.bills[1:]]
    if others:
        text += ", or " + ", or ".join(others)
    return text


def _base_text(bill: Bill) -> str:
    """The base amount and period as written, with the least seats a seat plan sells."""
    if not bill.has_base:
        return "no base price"
    text = format_money(bill.amount, bill.currency, bill.per)
    base = bill.parts[0]
    if base.seats is not None and base.min_steps > 1:
        text += f", at least {format_amount(base.min_steps)} seats"
    return text


def _plan_changes(was: PlanFooting, now: PlanFooting) -> Iterator[PriceChange]:
    plan = now.id
    old_base, new_base = _base_text(was.own), _base_text(now.own)
    if old_base != new_base:
        yield PriceChange(f"{plan}: price", "changed", old_base, new_base)
    # Billing options, by period (seat periods read as theirs).
    yield from _matched(
        [(_period(bill), _base_text(bill)) for bill in was.bills[1:]],
        [(_period(bill), _base_text(bill)) for bill in now.bills[1:]],
        label=lambda period: f"{plan}: billed per {period}",
    )
    # Components, by what they charge for.
    yield from _matched(
        [(_component_key(part), part.text) for part in was.own.parts[1:]],
        [(_component_key(part), part.text) for part in now.own.parts[1:]],
        label=lambda key: f"{plan}: {key}",
    )
    # The typical customer's bill, where it says more than the base price does.
    old_bill, new_bill = was.own.describe(), now.own.describe()
    simple = was.own.is_simple and now.own.is_simple and old_base != new_base
    if old_bill != new_bill and not simple:
        yield PriceChange(f"{plan}: typical bill", "changed", old_bill, new_bill)


def _period(bill: Bill) -> str:
    return SEAT_PERIODS.get(bill.per, bill.per)


def _component_key(part: Part) -> str:
    """What a component charges for, as a reviewer names it: "unit `seat`", "fee `onboarding`",
    "percent of `payment volume`"."""
    if part.kind == "percent":
        return f"percent of `{unit_key(part.name)}`"
    return f"{part.kind} `{unit_key(part.name)}`"


def _matched(
    before: list[tuple[str, str]],
    after: list[tuple[str, str]],
    label: Callable[[str], str],
) -> Iterator[PriceChange]:
    """(key, text) lists paired by key, in order within a key; what moved, was added or removed."""
    olds: dict[str, list[str]] = {}
    for key, text in before:
        olds.setdefault(key, []).append(text)
    news: dict[str, list[str]] = {}
    for key, text in after:
        news.setdefault(key, []).append(text)
    for key in sorted(set(olds) | set(news)):
        was, now = olds.get(key, []), news.get(key, [])
        for k in range(max(len(was), len(now))):
            a = was[k] if k < len(was) else None
            b = now[k] if k < len(now) else None
            if a == b:
                continue
            change = "added" if a is None else "removed" if b is None else "changed"
            yield PriceChange(label(key), change, a, b)


def outdated_claims(
    old: Strategy, new: Strategy, old_tolerance: Decimal, new_tolerance: Decimal
) -> list[OutdatedClaim]:
    """The money amounts of the newer side's pitches and claims that the older price model
    explains and the newer does not, read as FC302 reads them (each side's tolerance)."""
    with exact_arithmetic():
        old_foot, new_foot = old.footing, new.footing
        if not old_foot.plans:
            return []
        old_found, new_found = explainers(old_foot), explainers(new_foot)
        context = new.claim_context
        out: list[OutdatedClaim] = []
        for index, texts in new.stages_with_texts():
            stage = new.stage_name(index)
            for path, text in texts:
                where = f"{stage} (pitch)" if path == ("pitch",) else stage
                for amount in new.amounts_in(text):
                    now = read_claim(amount, text, new_foot, new_found, context, new_tolerance)
                    if now.verdict != "unexplained":
                        continue  # no price claim, or still a price the model gives
                    was = read_claim(amount, text, old_foot, old_found, context, old_tolerance)
                    if not was.explained:
                        continue  # no price before either: FC302's, not the revision's
                    plan_id, kind = _explaining(
                        amount, text, old_foot, old_found, context, old_tolerance
                    )
                    old_text = _figure(old_foot, plan_id, kind) or "?"
                    out.append(
                        OutdatedClaim(
                            stage=where,
                            written=amount.raw,
                            text=text.strip(),
                            what=f"`{plan_id}` {_kind_label(kind)}",
                            was=old_text,
                            now=_figure(new_foot, plan_id, kind),
                        )
                    )
                out.extend(
                    _outdated_percents(
                        where, text, old_foot, new_foot, context, old_tolerance, new_tolerance
                    )
                )
        return out


def _outdated_percents(
    where: str,
    text: str,
    old: Footing,
    new: Footing,
    context: ClaimContext,
    old_tolerance: Decimal,
    new_tolerance: Decimal,
) -> Iterator[OutdatedClaim]:
    """The percentages of a text ("2.9% + 30¢") an older plan took and no newer one does."""
    old_rates, new_rates = percent_parts(old), percent_parts(new)
    for percent in percents_in(text, new):
        if percent_explained(percent, text, new_rates, context, new_tolerance) is not False:
            continue
        if not percent_explained(percent, text, old_rates, context, old_tolerance):
            continue
        plan_id, part, _ = next(
            r for r in old_rates if percent_explained(percent, text, [r], context, old_tolerance)
        )
        kind = ("percent", unit_key(part.name))
        yield OutdatedClaim(
            stage=where,
            written=percent.raw,
            text=text.strip(),
            what=f"`{plan_id}` {_kind_label(kind)}",
            was=part.text,
            now=_figure(new, plan_id, kind),
        )


def _explaining(
    amount: TextAmount,
    text: str,
    foot: Footing,
    found: list[Explainer],
    context: ClaimContext,
    tolerance: Decimal,
) -> tuple[str, tuple[str, str]]:
    """Which figure of the model explains the amount: (plan id, (what, name)), what being
    "base", "option" (name: its period), "unit", "fee", "percent", "bill" (the typical bill,
    or the bill at another quantity), or "plan" where no one figure does alone (a floor is
    the least of every plan's)."""
    for plan in foot.plans:
        view = copy.copy(foot)
        view.plans = [plan]
        for bill in plan.bills:
            groups: dict[tuple[str, str], list[Explainer]] = {}
            for e in bill_explainers(bill):
                groups.setdefault(e.kind, []).append(e)
            for (what, name), mine in groups.items():
                reading = read_claim(amount, text, view, mine, context, tolerance, examples=False)
                if reading.explained:
                    if what == "base" and bill.option is not None:
                        return plan.id, ("option", _period(bill))
                    return plan.id, (what, name)
        if read_claim(amount, text, view, [], context, tolerance).explained:
            return plan.id, ("bill", "")  # the bill at another whole number of units
    return foot.plans[0].id, ("plan", "")


def _kind_label(kind: tuple[str, str]) -> str:
    what, name = kind
    if what == "base":
        return "price"
    if what == "bill":
        return "typical bill"
    if what == "plan":
        return "plan"
    if what == "minimum":
        return "least bill"
    if what == "option":
        return f"price billed per {name}"
    if what == "percent":
        return f"percent of `{name}`"
    return f"{what} `{name}`"


def _figure(foot: Footing, plan_id: str, kind: tuple[str, str]) -> str | None:
    """That figure of a plan as written, or None where the model has no such plan or part."""
    plan = foot.by_id(plan_id)
    if plan is None:
        return None
    what, name = kind
    if what == "base":
        return _base_text(plan.own) if plan.own.has_base else None
    if what in ("bill", "minimum"):
        return plan.own.describe()
    if what == "plan":
        return plan_text(plan)
    if what == "option":
        billed = [bill for bill in plan.bills[1:] if _period(bill) == name]
        return _base_text(billed[0]) if billed else None
    for part in plan.own.parts[1:]:
        if part.kind == what and unit_key(part.name) == name:
            return part.text
    return None
