"""FC303 price-above-problem-cost: the price takes too large a share of what the pain costs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from funnelcheck.findings import Issue, Severity
from funnelcheck.language.money import (
    Money,
    format_amount,
    format_money,
    json_number,
    money_from,
    same_currency,
    to_decimal,
)
from funnelcheck.model.footing import ONCE, Bill, assumed, payback_months, percent_text, plan_phrase
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: The largest share of the problem's cost the price may take before the rule warns.
    share: float = 1.0
    #: The share above which the price is noted (info): a thin saving.
    note_share: float = 0.5
    #: Without a service life, the longest payback of a one-time price before it is noted.
    payback_years: float = 3.0

    def __post_init__(self) -> None:
        check_range("share", self.share, above=0)
        check_range("note_share", self.note_share, above=0)
        check_range("payback_years", self.payback_years, above=0)


class PriceAboveProblemCost(Rule, options=Options):
    """The price takes more than the problem costs: the pain does not pay for the change.

    **Why.** A customer changes how they work when the problem costs clearly more than the
    fix. When the price takes more than the whole of what the problem costs one customer,
    the purchase loses them money: the buyer keeps the spreadsheet, and the proposal falls
    even though the budget would allow it (a warning). When it takes more than half, the
    saving left after paying may be too thin to carry the switching cost, the risk and the
    champion's effort: the rule notes it (info), so the pitch can show the saving.

    How it compares (the price footing, see docs/format.md): the typical customer's bill
    on the cheapest paid plan (of the plan mix, where one is given), and `problem.cost`
    made yearly (× 365 a day, × 52 a week, × 12 a month, × 4 a quarter).

    - Recurring prices only: the yearly bill against the problem's yearly cost.
    - A one-time price (a plan `per: once`, a device or onboarding fee) is never held
      against one year alone. With a service life (`life_years` on the plan or the fee),
      the one-time price plus the recurring bill over that life is compared with the
      problem's cost over the same life. Without one, the payback time is worked out:
      one-time price ÷ (the problem's monthly cost - the monthly bill). A price that never
      pays back (the recurring bill alone takes the whole cost) is reported; a payback
      longer than `payback_years` is noted (info), naming the missing service life.
    - Another plan of the typical customer's with a one-time price and a service life
      ("Lifetime, $299 once, for 5 years") is judged the same way on its own: over its
      life it must not take more than the problem's cost (a warning; no note), unless the
      cheapest plan already does (one warning says it).
    - A cost given `once` is compared with the first-year bill, with a note.

    A cost in another currency than the price's is not compared: FC305 reports it.

    **Failing example.**

    ```yaml
    problem:
      cost: {amount: 400, currency: USD, per: month}
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    ```

    The `team` plan is $5,988 a year; the problem costs one customer $4,800 a year: the
    price takes 125% of it, more than the whole cost. At $600 a month (83%) it would be
    noted as a thin saving (info).

    **Passing example.**

    ```yaml
    problem:
      cost: {amount: 40, currency: USD, per: month}
    price:
      currency: USD
      plans:
        - id: membership
          amount: 6
          per: month
          components: [{fee: device, amount: 299, per: once, life_years: 4}]
    ```

    Over the device's 4-year life the customer pays $587 ($299 + 48 × $6) against $1,920
    the problem costs them in those years: 31%. Held against one year alone ($371 against
    $480) the device would have looked too dear.

    **Options.** `share` (default 1, the whole cost): the largest share of the problem's
    cost the price may take before the rule warns. `note-share` (default 0.5): the share
    above which the price is noted (info); half is the rule of thumb for a switch a buyer
    can defend, the customer keeping at least as much as they pay. Set `share: 0.5` for
    the stricter reading as a warning. `payback_years` (default 3): without a service
    life, the longest payback of a one-time price before it is noted.

    The defaults were set on the labelled real-world corpus (`tests/realworld/`, its
    held-out sets and their drifted copies): the aligned files' prices take from 1% to
    81% of their problem's cost, and every planted "never pays back" drop takes more than
    140% (`python tests/benchmarks/realworld.py`).
    """

    code = "FC303"
    name = "price-above-problem-cost"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        cost = money_from(strategy.problem.get("cost"), strategy.currency)
        foot = strategy.footing
        bill = foot.cheapest_typical()
        warn = to_decimal(options.share)
        note = to_decimal(options.note_share)
        payback_limit = to_decimal(options.payback_years)
        if cost is None or bill is None or warn is None or note is None or cost.amount <= 0:
            return
        if payback_limit is None or not same_currency(cost.currency, strategy.currency):
            return  # two currencies are never compared: FC305 reports it
        limits = Limits(warn, note)
        which = plan_phrase(bill, foot)
        if cost.per == ONCE:
            issue = _against_once(bill, cost, limits, which)
        elif bill.has_one_time:
            issue = _one_time(bill, cost, limits, payback_limit, which)
        else:
            issue = _recurring(bill, cost, limits, which)
        if issue is not None:
            yield issue
        if cost.per == ONCE or (issue is not None and issue.severity != Severity.INFO):
            return  # where even the cheapest plan loses money, the dearer ones add nothing
        # A dearer plan bought once with a service life ("Lifetime, $299 once, 5 years") is
        # judged on its own: over that life its buyer pays it, whatever the cheapest plan
        # costs. Only a loss (a warning) is reported; a thin saving there is the buyer's pick.
        for plan in foot.typical_plans():
            other = plan.cheapest
            if other.plan_id == bill.plan_id or not other.has_one_time:
                continue
            if other.life_years is None:
                continue
            issue = _one_time(other, cost, limits, payback_limit, f"the `{other.plan_id}` plan")
            if issue is not None and issue.severity != Severity.INFO:
                yield issue


@dataclass(frozen=True)
class Limits:
    """The shares of the problem's cost past which the price is a warning, and past which
    it is noted (info)."""

    warn: Decimal
    note: Decimal

    def passed(self, price: Decimal, cost: Decimal) -> Decimal | None:
        """The limit `price` passes against `cost` (the warning's first), or None."""
        if price > self.warn * cost:
            return self.warn
        if self.note < self.warn and price > self.note * cost:
            return self.note
        return None


def _issue(bill: Bill, message: str, data: dict[str, Any], *, info: bool = False) -> Issue:
    return Issue(
        path=bill.path,
        message=message + assumed(bill.assumptions),
        severity=Severity.INFO if info else None,
        related=(("problem", "cost"),),
        subject=bill.plan_id,
        data={
            "plan": bill.plan_id,
            "currency": bill.currency,
            "assumptions": list(bill.assumptions),
            **data,
        },
    )


def _judged(
    bill: Bill,
    said: tuple[str, str],
    compared: tuple[Decimal, Decimal, str],
    limits: Limits,
    extra: dict[str, Any] | None = None,
) -> Issue | None:
    """The finding for a price against a cost (`compared`: price, cost, basis): a warning
    past `limits.warn`, a note (info) past `limits.note`, none within both. The message
    is `said`'s two parts around the share taken (never `str.format`: the parts hold the
    strategy's own text, braces and all)."""
    price, cost, basis = compared
    passed = limits.passed(price, cost)
    if passed is None:
        return None
    info = passed != limits.warn
    taken = f"the price takes {percent_text(price / cost)} of it, more than {_share_words(passed)}"
    if info:
        taken += ": a thin saving to carry the switch; show the buyer what they keep"
    else:
        taken += ", so the pain does not pay for the change"
    figures = {
        "price": json_number(price),
        "cost": json_number(cost),
        "basis": basis,
        "share_taken": json_number((price / cost).quantize(Decimal("0.0001"))),
        "share_allowed": json_number(passed),
        **(extra or {}),
    }
    return _issue(bill, said[0] + taken + said[1], figures, info=info)


def _recurring(bill: Bill, cost: Money, limits: Limits, which: str) -> Issue | None:
    cost_yearly = cost.yearly
    if cost_yearly is None or cost_yearly <= 0:
        return None
    said = (
        f"{which} is {bill.describe()}; the problem costs one customer {cost.describe_yearly()}: "
    )
    return _judged(bill, (said, ""), (bill.yearly, cost_yearly, "year"), limits)


def _against_once(bill: Bill, cost: Money, limits: Limits, which: str) -> Issue | None:
    compared = "the plan's yearly price" if not bill.has_one_time else "the first-year bill"
    said = (
        f"{which} is {bill.describe()}; the problem costs one customer {cost.describe()}: ",
        f" (the cost is given once, so it is compared with {compared})",
    )
    return _judged(bill, said, (bill.first_year, cost.amount, ONCE), limits)


def _one_time(
    bill: Bill, cost: Money, limits: Limits, payback_limit: Decimal, which: str
) -> Issue | None:
    cost_yearly = cost.yearly
    if cost_yearly is None or cost_yearly <= 0:
        return None
    life = bill.life_years
    if life is not None:
        total = bill.one_time + bill.yearly * life
        value = cost_yearly * life
        years = f"{format_amount(life)}-year service life"
        said = (
            f"{which} is {bill.describe()}: over its {years} the customer pays "
            f"{_money(total, bill)}; the problem costs them {_money(value, bill)} in those "
            f"years ({cost.describe()}): "
        )
        extra = {"life_years": json_number(life)}
        return _judged(bill, (said, ""), (total, value, "life"), limits, extra)
    saved_monthly = cost_yearly / 12 - bill.monthly
    months = payback_months(bill.one_time, saved_monthly)
    data: dict[str, Any] = {
        "price": json_number(bill.one_time),
        "cost": json_number(cost_yearly),
        "basis": "payback",
        "payback_months": None if months is None else json_number(months),
    }
    if months is None:
        message = (
            f"{which} is {bill.describe()}; the problem costs one customer "
            f"{cost.describe_yearly()}: the recurring bill alone takes all of it, so the "
            "one-time price never pays back"
        )
        return _issue(bill, message, data)
    if months <= payback_limit * 12:
        return None
    message = (
        f"{which} is {bill.describe()}; the problem costs one customer {cost.describe_yearly()}: "
        f"the one-time price pays back only after {format_amount(months)} months, more than "
        f"{format_amount(payback_limit)} years; no service life (`life_years`) is given to "
        "judge it by"
    )
    return _issue(bill, message, data, info=True)


def _money(amount: Decimal, bill: Bill) -> str:
    return format_money(amount, bill.currency, None)


def _share_words(share: Decimal) -> str:
    if share == 1:
        return "the whole cost"
    return "half" if share == Decimal("0.5") else percent_text(share)
