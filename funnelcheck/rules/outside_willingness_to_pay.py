"""FC304 outside-willingness-to-pay: a plan's price is outside the range buyers accept."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from funnelcheck.findings import Issue, Severity
from funnelcheck.money import (
    ONCE,
    PERIOD_FACTORS,
    SEAT_PERIODS,
    PlanPrice,
    format_money,
    json_number,
    paid_plans,
    to_decimal,
    yearly,
)
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.strategy import Strategy


class OutsideWillingnessToPay(Rule):
    """A plan's price is outside `willingness_to_pay`.

    **Why.** A Van Westendorp survey gives the range in which buyers find a price
    acceptable: below `low` they doubt the product is any good, above `high` they will not
    pay. A plan outside that range meets a buyer who walks away at the proposal (too dear)
    or does not believe the pitch (too cheap), whatever the funnel did before.

    How it compares: each paid plan (free plans are never compared) and the range are put
    on one period, the range's: yearly figures underneath (× 365 a day, × 52 a week, × 12 a
    month, × 4 a quarter). A range per seat (`seat-month`, `seat-year`) is compared with a
    seat plan's price for one seat; a flat plan cannot be put on a seat, so it is not
    compared with a per-seat range. A seat plan against a flat range counts its fewest
    seats (`seats_min`). A one-time price is compared as it is with a range given `once`,
    and otherwise with the range's yearly figure, with a note saying so. The range is in
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
        - {id: free, amount: 0, per: month}
        - {id: team, amount: 4788, per: year}
      willingness_to_pay: {low: 300, high: 500, per: month}
    ```

    $4,788 a year is $399 a month, inside the range; the free plan is not compared.

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
        currency = strategy.currency
        range_text = f"{format_money(low, currency, None)} to {format_money(high, currency, per)}"
        for plan in paid_plans(strategy):
            placed = _place(plan, per)
            if placed is None:
                continue
            figure, shown, note = placed
            # Compare on yearly figures (or as they are, once), show on the range's period.
            low_figure, high_figure = _range_figure(low, per), _range_figure(high, per)
            if low_figure <= figure <= high_figure:
                continue
            above = figure > high_figure
            side = (
                "above what buyers said they would pay"
                if above
                else "below the price buyers take seriously"
            )
            message = f"the `{plan.id}` plan is {shown}, {side} ({range_text})"
            if note:
                message += f"; {note}"
            yield Issue(
                path=plan.path,
                message=message,
                related=(("price", "willingness_to_pay"),),
                subject=plan.id,
                data={
                    "plan": plan.id,
                    "price": json_number(figure),
                    "low": json_number(low_figure),
                    "high": json_number(high_figure),
                    "basis": "once" if per == ONCE else "year",
                    "side": "above" if above else "below",
                    "currency": currency,
                },
            )


def _range_figure(amount: Decimal, per: str) -> Decimal:
    """A bound of the range on the figure compared: yearly (one seat), or as it is, once."""
    figure = yearly(amount, per)
    return amount if figure is None else figure


def _place(plan: PlanPrice, per: str) -> tuple[Decimal, str, str] | None:
    """The plan's figure to compare with the range, how the message shows it, and a note.

    None where the two cannot meet: a flat plan against a per-seat range, or a period the
    format does not define.
    """
    if per == ONCE:
        if plan.per == ONCE:
            return plan.amount, plan.describe(), ""
        figure = plan.yearly
        if figure is None:
            return None
        shown = format_money(figure, plan.currency, "year")
        return figure, shown, "the range is given once; it is compared with the yearly price"
    if per in SEAT_PERIODS:
        if not plan.is_seat_plan:
            return None  # a flat price has no seat to put on the range
        seat_figure = plan.seat_yearly
        if seat_figure is None:
            return None
        factor = PERIOD_FACTORS[SEAT_PERIODS[per]]
        return seat_figure, format_money(seat_figure / factor, plan.currency, per), ""
    if per not in PERIOD_FACTORS:
        return None
    if plan.per == ONCE:
        note = "the plan's one-time price is compared with the range's yearly figure"
        shown = plan.describe()
        return plan.amount, shown, note
    figure = plan.yearly
    if figure is None:
        return None
    shown = format_money(figure / PERIOD_FACTORS[per], plan.currency, per)
    if plan.per != per or (plan.is_seat_plan and plan.seats_min > 1):
        shown += f" ({plan.describe()})"
    return figure, shown, ""
