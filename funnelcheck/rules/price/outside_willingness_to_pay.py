"""FC304 outside-willingness-to-pay: what the customer pays is outside the range they accept."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.money import (
    PERIOD_FACTORS,
    SEAT_PERIODS,
    format_money,
    json_number,
    to_decimal,
    yearly,
)
from funnelcheck.model.footing import (
    ONCE,
    SEAT_WORDS,
    Bill,
    Part,
    PlanFooting,
    assumed,
    on_period,
    rate_yearly,
    unit_key,
)
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


@dataclass(frozen=True)
class _Placed:
    """A price put on the range's footing: the figure compared, how it is shown, a note."""

    label: str
    path: Path
    figure: Decimal
    shown: str
    note: str
    assumptions: tuple[str, ...]
    plan_id: str


class OutsideWillingnessToPay(Rule):
    """What the typical customer pays is outside `willingness_to_pay`.

    **Why.** A Van Westendorp survey gives the range in which buyers find a price
    acceptable: below `low` they doubt the product is any good, above `high` they will not
    pay. A plan outside that range meets a buyer who walks away at the proposal (too dear)
    or does not believe the pitch (too cheap), whatever the funnel did before.

    How it compares (the price footing, see docs/format.md):

    - **What the range is about.** `about` names a plan id (only that plan is compared) or
      a component's `unit` or `fee` name (only that part of the price, for one unit: the
      device, not the membership; one terminal, however many the typical customer buys).
      Where two parts of a plan share the name (a camera bought once and a plan per
      camera), a range given `once` is about the one-time part and a range per period
      (or per seat) about the recurring one; the other is not compared. Only where no
      plan has a part of that name on the range's footing is the other compared, with a
      note: a range given once about solar panels that one plan sells once and another
      rents per kWp a month is about the panels bought, not the rent.
      Left out, each paid plan the typical customer may be on is compared (the plan mix's
      plans where a mix is given; free plans never).
    - **Which billing option.** A plan billed several ways (`billing_options`) is compared
      on the option whose period is the range's, or else on its cheapest: never "$12.99 a
      month × 12" against a yearly range when the plan is also sold at $69.99 a year.
    - **The figure.** A range per period is compared with the typical customer's recurring
      bill on that period (yearly figures underneath: × 365 a day, × 52 a week, × 12 a
      month, × 4 a quarter). A range given `once` is compared with the one-time part of
      the price (a device, a one-time plan), or, about a unit paid as used, with the price
      of one unit ("$45 a lead" against what a pro would pay for one lead); a plan with
      nothing one-time is compared by its yearly bill, with a note. A range per seat
      (`seat-month`, `seat-year`) is compared with one seat's price (a seat plan's, or a
      seat component's); a flat plan has no seat to compare.

    A bill priced at quantities the strategy does not state is at the least the plan bills:
    above the range there, it is above under every reading; below the range, the verdict
    rests on the assumption and is an info naming it. So is a plan outside a range that
    names no plan (`about`) while another plan is inside it: the range may well be about
    that one (a dearer tier for bigger customers is not a drop by itself). The range is in
    the price's currency, so there is no currency to reconcile.

    **Failing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
      willingness_to_pay: {low: 150, high: 400, per: month}
    ```

    The `team` plan is $499 a month, above what buyers said they would pay ($150 to $400 a
    month).

    **Passing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - id: membership
          amount: 12.99
          per: month
          billing_options: [{amount: 69.99, per: year}]
          components: [{fee: device, amount: 299, per: once}]
      willingness_to_pay: {low: 200, high: 350, per: once, about: device}
    ```

    The range is about the device: $299 once is inside it; the membership is not compared.

    **Options.** None.
    """

    code = "FC304"
    name = "outside-willingness-to-pay"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        wtp = strategy.price.get("willingness_to_pay")
        if not isinstance(wtp, dict):
            return
        low, high, per = to_decimal(wtp.get("low")), to_decimal(wtp.get("high")), wtp.get("per")
        if low is None or high is None or not isinstance(per, str) or low > high:
            return  # a range upside down says nothing a plan could be held to
        if per not in PERIOD_FACTORS and per not in SEAT_PERIODS and per != ONCE:
            return
        currency = strategy.currency
        range_text = f"{format_money(low, currency, None)} to {format_money(high, currency, per)}"
        low_figure, high_figure = _range_figure(low, per), _range_figure(high, per)
        about = wtp.get("about")
        targets = list(_targets(strategy, about, per))
        inside = [p for p in targets if low_figure <= p.figure <= high_figure]
        # With no `about`, which plan the range speaks of is unstated: a plan outside it
        # while another plan is inside is only a note (a dearer tier for bigger customers,
        # a starter tier), not a warning; with every plan outside, it holds whichever.
        unstated = not (isinstance(about, str) and about.strip()) and bool(inside)
        for placed in targets:
            if low_figure <= placed.figure <= high_figure:
                continue
            above = placed.figure > high_figure
            side = (
                "above what buyers said they would pay"
                if above
                else "below the price buyers take seriously"
            )
            message = f"{placed.label} is {placed.shown}, {side} ({range_text})"
            if placed.note:
                message += f"; {placed.note}"
            notes = placed.assumptions
            if unstated:
                notes = (
                    *notes,
                    f"the range names no plan (`about`), and {_names(inside)} within it",
                )
            message += assumed(notes)
            # Above the range at the least the plan bills holds under every reading; below
            # it, more seats or usage could lift the bill into the range.
            rests = unstated or (not above and bool(placed.assumptions))
            yield Issue(
                path=placed.path,
                message=message,
                severity=Severity.INFO if rests else None,
                related=(("price", "willingness_to_pay"),),
                subject=placed.plan_id,
                data={
                    "plan": placed.plan_id,
                    "price": json_number(placed.figure),
                    "low": json_number(low_figure),
                    "high": json_number(high_figure),
                    "basis": "once" if per == ONCE else "year",
                    "side": "above" if above else "below",
                    "currency": currency,
                    "assumptions": list(placed.assumptions),
                },
            )


def _names(placed: list[_Placed]) -> str:
    ids = [f"`{p.plan_id}`" for p in placed]
    if len(ids) == 1:
        return f"{ids[0]} is"
    return ", ".join(ids[:-1]) + f" and {ids[-1]} are"


def _range_figure(amount: Decimal, per: str) -> Decimal:
    """A bound of the range on the figure compared: yearly (one seat), or as it is, once."""
    figure = yearly(amount, per)
    return amount if figure is None else figure


def _targets(strategy: Strategy, about: object, per: str) -> Iterator[_Placed]:
    foot = strategy.footing
    if isinstance(about, str) and about.strip():
        plan = foot.by_id(about.strip())
        if plan is not None:
            if not plan.is_free:
                placed = _place_plan(plan, per)
                if placed is not None:
                    yield placed
            return
        key = unit_key(about)
        named = [
            (plan, bill, [p for p in bill.parts if p.kind != "base" and unit_key(p.name) == key])
            for plan in foot.paid
            for bill in (plan.bill_on(per),)
        ]
        # A part some plan sells on the range's footing (the panels bought once) is that
        # part; a plan that only rents it (per kWp a month) is another way to pay for it,
        # not compared with a range given once.
        on_footing = any((p.per == ONCE) == (per == ONCE) for _, _, parts in named for p in parts)
        for plan, bill, parts in named:
            # A name two parts share (the camera bought once, the plan per camera): the
            # range is about the part on its own footing, once or recurring, where one is.
            same = [p for p in parts if (p.per == ONCE) == (per == ONCE)]
            if on_footing and not same:
                continue
            for part in same or parts:
                placed = _place_part(plan, bill, part, per)
                if placed is not None:
                    yield placed
        return  # a name nothing prices is FC005's to report, not a price to compare
    for plan in foot.typical_plans():
        placed = _place_plan(plan, per)
        if placed is not None:
            yield placed


def _place_plan(plan: PlanFooting, per: str) -> _Placed | None:
    """The plan's figure to compare with the range, how the message shows it, and a note.

    None where the two cannot meet: a flat plan against a per-seat range.
    """
    bill = plan.bill_on(per)
    label = bill.label()
    cur = bill.currency
    if per == ONCE:
        if bill.has_one_time:
            shown = format_money(bill.one_time, cur, ONCE)
            note = "" if not bill.has_recurring else "its recurring part is not compared"
            return _Placed(label, bill.path, bill.one_time, shown, note, bill.assumptions, plan.id)
        shown = format_money(bill.yearly, cur, "year")
        note = "the range is given once; it is compared with the yearly price"
        return _Placed(label, bill.path, bill.yearly, shown, note, bill.assumptions, plan.id)
    if per in SEAT_PERIODS:
        for part in bill.parts:
            is_seat = part.seats is not None or (
                part.kind == "unit" and unit_key(part.name) in SEAT_WORDS
            )
            if is_seat:
                return _place_seat(plan, bill, part, per)
        return None  # a flat price has no seat to put on the range
    if not bill.has_recurring and bill.has_one_time:
        note = "the plan's one-time price is compared with the range's yearly figure"
        return _Placed(
            label, bill.path, bill.one_time, bill.describe(), note, bill.assumptions, plan.id
        )
    shown = format_money(on_period(bill.yearly, per), cur, per)
    if not bill.is_simple or bill.per != per or (bill.parts[0].seats or 1) > 1:
        shown += f" ({bill.written()})"
    return _Placed(label, bill.path, bill.yearly, shown, "", bill.assumptions, plan.id)


def _place_seat(plan: PlanFooting, bill: Bill, part: Part, per: str) -> _Placed | None:
    seat_yearly = rate_yearly(replace(part, per=part.per or "month"))
    if seat_yearly is None:
        return None
    shown = format_money(on_period(seat_yearly, per), bill.currency, per)
    return _Placed(bill.label(), bill.path, seat_yearly, shown, "", (), plan.id)


def _place_part(plan: PlanFooting, bill: Bill, part: Part, per: str) -> _Placed | None:
    """One component (the range's `about`) on the range's footing: the price of one unit
    ("a terminal", "a seat"), or the fee, as the plan states it."""
    noun = "fee" if part.kind == "fee" else "price"
    label = f"the `{part.name}` {noun} of `{plan.id}`"
    cur = bill.currency
    if part.kind == "percent":
        return None  # a percentage of a volume has no price of its own to put on a range
    if per in SEAT_PERIODS:
        return _place_seat(plan, bill, part, per)
    if part.per == ONCE:
        shown = format_money(part.rate, cur, ONCE)
        if per == ONCE:
            return _Placed(label, part.path, part.rate, shown, "", (), plan.id)
        note = "a one-time price is compared with the range's yearly figure"
        return _Placed(label, part.path, part.rate, shown, note, (), plan.id)
    if part.per is None and per == ONCE:
        # A rate per unit used ("$45 a lead", "$12.95 an item") and a range given once about
        # that unit: what one unit costs, each time one is bought, not a year of them.
        shown = f"{format_money(part.rate, cur, None)} per {part.unit or part.name}"
        return _Placed(label, part.path, part.rate, shown, "", (), plan.id)
    part_yearly = rate_yearly(replace(part, per=part.per or "month"))
    if part_yearly is None:
        return None
    if per == ONCE:
        note = "the range is given once; it is compared with the yearly price"
        shown = format_money(on_period(part_yearly, "year"), cur, "year")
        return _Placed(label, part.path, part_yearly, shown, note, (), plan.id)
    shown = format_money(on_period(part_yearly, per), cur, per)
    return _Placed(label, part.path, part_yearly, shown, "", (), plan.id)
