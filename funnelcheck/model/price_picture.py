"""The price picture of the HTML report: the typical customer's bill (from the one price
footing, `funnelcheck.model.footing`) beside the segment's budget, the problem's cost and the
willingness-to-pay range, each on the bill's footing. Shown, never judged: the findings
(FC301, FC303, FC304) say what is wrong."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from funnelcheck.language.money import (
    SEAT_PERIODS,
    format_money,
    money_from,
    same_currency,
    to_decimal,
    yearly,
)
from funnelcheck.model.footing import ONCE, _cents, plan_phrase

if TYPE_CHECKING:
    from funnelcheck.findings import PriceFigure, PricePicture
    from funnelcheck.model.strategy import Strategy


def price_picture(strategy: Strategy) -> PricePicture:
    """The typical customer's bill beside the segment's budget, the problem's cost and the
    willingness-to-pay range, each on the bill's footing (a year; a figure given once as
    it is), with what is missing or cannot be compared said in words.

    The bill is the one FC301 and FC303 compare (`Footing.cheapest_typical`); the budget
    and the cost are put on a year as they do; the range as FC304 puts it (a bound given
    per seat is one seat's, so it is said in words rather than drawn against a whole bill).
    The figures are shown, not judged: the findings say what is wrong.
    """
    from funnelcheck.findings import PriceFigure, PricePicture

    foot = strategy.footing
    currency = strategy.currency
    figures: list[PriceFigure] = []
    missing: list[str] = []
    bill = foot.cheapest_typical()
    plan = ""
    described = ""
    if bill is None:
        missing.append(
            "every plan is free, so there is no bill to compare"
            if foot.plans
            else "no plan could be priced (`price.plans`)"
        )
    else:
        plan = plan_phrase(bill, foot).rstrip(",")
        described = bill.describe()
        if bill.has_one_time and bill.has_recurring:
            figures.append(
                PriceFigure(
                    "Typical bill, first year",
                    bill.first_year,
                    format_money(_cents(bill.first_year), currency, None),
                )
            )
            figures.append(
                PriceFigure(
                    "Typical bill, each year after",
                    bill.yearly,
                    format_money(_cents(bill.yearly), currency, "year"),
                )
            )
        elif bill.has_one_time:
            figures.append(
                PriceFigure(
                    "Typical bill, once",
                    bill.one_time,
                    format_money(_cents(bill.one_time), currency, ONCE),
                )
            )
        else:
            figures.append(
                PriceFigure(
                    "Typical bill, a year",
                    bill.yearly,
                    format_money(_cents(bill.yearly), currency, "year"),
                )
            )
    for label, key, where in (
        ("The segment's budget", "budget", ("segment", "budget")),
        ("The problem's cost", "cost", ("problem", "cost")),
    ):
        owner = strategy.segment if where[0] == "segment" else strategy.problem
        money = money_from(owner.get(where[1]), currency)
        at = f"`{where[0]}.{where[1]}`"
        if money is None:
            missing.append(f"{label[0].lower()}{label[1:]} is not given ({at})")
            continue
        if not same_currency(money.currency, currency):
            missing.append(
                f"{label[0].lower()}{label[1:]} is in {money.currency}, the price in "
                f"{currency}: not drawn, amounts in two currencies are never compared"
            )
            continue
        if money.per == ONCE:
            figures.append(
                PriceFigure(label, money.amount, money.describe(), note="given once", kind=key)
            )
            continue
        figure = money.yearly
        if figure is None:
            missing.append(f"{label[0].lower()}{label[1:]} has no period ({at}): not drawn")
            continue
        figures.append(PriceFigure(label, figure, money.describe_yearly(), kind=key))
    figures.extend(_range_figure(strategy, missing))
    return PricePicture(
        currency=currency,
        plan=plan,
        bill=described,
        figures=tuple(figures),
        missing=tuple(missing),
        assumptions=bill.assumptions if bill is not None else (),
    )


def _range_figure(strategy: Strategy, missing: list[str]) -> list[PriceFigure]:
    from funnelcheck.findings import PriceFigure

    label = "Willingness to pay"
    wtp = strategy.price.get("willingness_to_pay")
    currency = strategy.currency
    if not isinstance(wtp, Mapping):
        missing.append("no willingness-to-pay range is given (`price.willingness_to_pay`)")
        return []
    low, high, per = to_decimal(wtp.get("low")), to_decimal(wtp.get("high")), wtp.get("per")
    if low is None or high is None or not isinstance(per, str) or low > high:
        missing.append("the willingness-to-pay range cannot be read (`low`, `high`, `per`)")
        return []
    text = f"{format_money(low, currency, None)} to {format_money(high, currency, per)}"
    about = wtp.get("about")
    note = f"about `{about.strip()}`" if isinstance(about, str) and about.strip() else ""
    if per in SEAT_PERIODS:
        missing.append(
            f"the willingness-to-pay range ({text}) is per seat, the bill is the whole "
            "account's: not drawn"
        )
        return []
    if per == ONCE:
        return [PriceFigure(label, high, text, low=low, note=note or "given once", kind="range")]
    top, bottom = yearly(high, per), yearly(low, per)
    if top is None or bottom is None:
        missing.append(f"the willingness-to-pay range ({text}) has no known period: not drawn")
        return []
    if per != "year":
        text += (
            f" ({format_money(bottom, currency, None)} to {format_money(top, currency, 'year')})"
        )
    return [PriceFigure(label, top, text, low=bottom, note=note, kind="range")]
