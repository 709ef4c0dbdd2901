"""The one price footing: what the typical customer pays on each plan, exactly.

Every price rule (FC301-FC306, FC603) compares on the figures computed here, and nowhere
else is a plan's price put on a period. For each plan, and for each of its billing
options, a `Bill` says what the typical customer (`segment.typical_customer`) pays:

- one-time: the plan's price when it is `per: once`, and every one-time fee (`fee` with
  `per: once`, or with no `per` and no `unit`);
- recurring, per year and per month: the base amount (× seats on a seat plan), each unit
  component (ceil(max(quantity - included, minimum) / block) × amount, per its period,
  a month where none is given), each percentage of a monthly volume plus its fixed fee
  per unit, and each per-event fee the typical customer has a quantity of;
- the first year: one-time + recurring per year.

All figures are `Decimal`s made from the numbers as written (a YAML float through its
shortest repr), never float arithmetic; a figure that is not finite is never produced.

Where the strategy does not state a quantity, the bill takes the least the plan can bill
(the component's `minimum` or `included`, the seat plan's `seats_min`, else 1; a missing
volume is 0) and records the assumption in words, so a rule can name it. Because every
fallback is the least reading, a bill that is *too high* at the fallbacks is too high under
every reading; a bill that is *too low* or merely *different* is a verdict that rests on the
assumption, and the rules cap such findings at info.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from funnelcheck.language.money import (
    PERIOD_FACTORS,
    SEAT_PERIODS,
    find_amounts,
    format_amount,
    format_count,
    format_money,
    format_percent,
    same_currency,
    to_decimal,
)
from funnelcheck.language.story import STOPWORDS
from funnelcheck.support.lazy_re import lazy_compile

if TYPE_CHECKING:
    from collections.abc import Iterable

    from funnelcheck.findings import Path
    from funnelcheck.language.money import TextAmount

ONCE = "once"
_TWELVE = Decimal(12)
#: Words a seat plan's seats may be counted by in `typical_customer.quantities`.
SEAT_WORDS = ("seat", "user", "member", "agent", "licence", "license")


def unit_key(word: str) -> str:
    """How unit and volume names are matched: lower case, single spaces, singular."""
    key = " ".join(word.lower().split())
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def _number(value: Any) -> Decimal | None:
    number = to_decimal(value)
    return number if number is not None and number.is_finite() and number >= 0 else None


@dataclass(frozen=True)
class Offer:
    """A price paid `periods` times, once each `per`: a plan's introductory offer ("$1 a
    month for 3 months"), or the instalments of a one-time price ("$37 a month for 39
    months"). `per` may be a seat period: the amount is then one seat's."""

    amount: Decimal
    per: str
    periods: int

    @property
    def yearly(self) -> Decimal:
        """The amount made yearly (× 12 a month...)."""
        return self.amount * PERIOD_FACTORS[SEAT_PERIODS.get(self.per, self.per)]

    @property
    def per_unit(self) -> bool:
        return self.per in SEAT_PERIODS

    def describe(self, currency: str | None) -> str:
        """ "$1 a month for 3 months", "$37.05 a month for 39 months"."""
        period = SEAT_PERIODS.get(self.per, self.per)
        count = f"{self.periods} {period}{'' if self.periods == 1 else 's'}"
        return f"{format_money(_cents(self.amount), currency, self.per)} for {count}"


def instalments(price: Decimal, financing: Mapping[str, Any]) -> Offer | None:
    """The instalments a one-time `price` is paid in under `financing` ({periods, per, apr,
    amount}): the price spread over the periods, amortised at the APR (a yearly rate,
    divided by the periods a year), or the instalment as published where `amount` is given.
    None where the financing cannot be read (the schema reports it)."""
    periods, per = financing.get("periods"), financing.get("per")
    if not isinstance(periods, int) or isinstance(periods, bool) or periods < 1:
        return None
    if not isinstance(per, str) or per not in PERIOD_FACTORS:
        return None
    stated = _number(financing.get("amount"))
    if stated is not None:
        return Offer(stated, per, periods)
    apr = _number(financing.get("apr")) or Decimal(0)
    rate = apr / 100 / PERIOD_FACTORS[per]
    if rate == 0:
        return Offer(price / periods, per, periods)
    amount = price * rate / (1 - (1 + rate) ** -periods)
    return Offer(amount, per, periods)


def introductory(plan: Mapping[str, Any]) -> Offer | None:
    """A plan's introductory offer ({amount, per, periods}), where it has one."""
    offer = plan.get("introductory")
    if not isinstance(offer, Mapping):
        return None
    amount, per, periods = _number(offer.get("amount")), offer.get("per"), offer.get("periods")
    if (
        amount is None
        or not isinstance(per, str)
        or SEAT_PERIODS.get(per, per) not in (PERIOD_FACTORS)
    ):
        return None
    if not isinstance(periods, int) or isinstance(periods, bool) or periods < 1:
        return None
    return Offer(amount, per, periods)


@dataclass(frozen=True)
class Part:
    """One line of a bill: what it is, what it costs once and per year."""

    #: "base", "unit", "fee" or "percent".
    kind: str
    #: The `unit`, `fee` or `of` name (the plan id for the base).
    name: str
    path: Path
    once: Decimal
    yearly: Decimal
    #: The rate as written (the base amount, a unit's or fee's amount, the fixed fee).
    rate: Decimal
    #: What the rate is per: a period, "once", or None for usage (per unit used).
    per: str | None
    #: The service life of a one-time part, in years, where given.
    life_years: Decimal | None = None
    #: The seats counted on a seat plan's base, and whether the strategy states them.
    seats: Decimal | None = None
    seats_stated: bool = False
    #: For a part that grows with a quantity (seats, units, blocks): what one more billed
    #: seat, unit or block adds a year, and the fewest billed. None for a fixed part.
    step_yearly: Decimal | None = None
    min_steps: Decimal = Decimal(0)
    #: A part that grows with a volume of money (a percentage): any amount above 0.
    continuous: bool = False
    #: The unit a fee is charged per ("dispute"), where it has one.
    unit: str | None = None
    #: The component as a message shows it: "$40 a month per seat beyond 3".
    text: str = ""
    #: A percentage component's percent (2.9 for 2.9%).
    percent: Decimal | None = None
    #: For a one-time part: the instalments its price (one unit's, for a unit) may be paid
    #: in (`financing`).
    financing: Offer | None = None
    #: A unit component sold in blocks: the units in one (its `rate` is the block's price).
    block: Decimal | None = None


def on_period(yearly_figure: Decimal, per: str) -> Decimal:
    """A yearly figure shown on another period ("month", "seat-month"...): ÷ 12, ÷ 4...;
    to the cent at and above one, as it is below (a rate of $0.0079 stays that)."""
    figure = yearly_figure / PERIOD_FACTORS[SEAT_PERIODS.get(per, per)]
    return _cents(figure)


def rate_yearly(part: Part) -> Decimal | None:
    """One unit's (or one seat's, or the fee's) price on a year; None for a one-time rate
    or a rate per unit used (usage has no period of its own)."""
    if part.per is None or part.per == ONCE:
        return None
    return part.rate * PERIOD_FACTORS[SEAT_PERIODS.get(part.per, part.per)]


@dataclass(frozen=True)
class Bill:
    """What the typical customer pays on one plan, billed one way."""

    plan_id: str
    plan_index: int
    #: None for the plan's own amount and period, else the index in `billing_options`.
    option: int | None
    #: The base amount and its period as billed this way ("month", "seat-year", "once"...).
    amount: Decimal
    per: str
    parts: tuple[Part, ...]
    assumptions: tuple[str, ...]
    currency: str | None
    #: False where the plan gives no `amount` (its components are the whole price).
    has_base: bool = True
    #: The plan's introductory offer (`introductory`): it explains a claim; every bill
    #: figure is the regular price, which the customer pays once the offer ends.
    intro: Offer | None = None

    @cached_property
    def one_time(self) -> Decimal:
        return sum((part.once for part in self.parts), Decimal(0))

    @cached_property
    def yearly(self) -> Decimal:
        """Recurring per year: what a year after the first costs."""
        return sum((part.yearly for part in self.parts), Decimal(0))

    @property
    def monthly(self) -> Decimal:
        return self.yearly / _TWELVE

    @property
    def first_year(self) -> Decimal:
        return self.one_time + self.yearly

    @property
    def financed_yearly(self) -> Decimal | None:
        """What a year costs while the one-time parts with `financing` are paid in their
        instalments: the recurring bill plus those instalments made yearly ("$39.99 a month
        of monitoring plus $10 a month for the equipment"); None where nothing is financed."""
        instalments: Decimal | None = None
        for part in self.parts:
            if part.financing is None or part.once <= 0:
                continue
            count = part.once / part.rate if part.rate > 0 else Decimal(1)
            instalments = (instalments or Decimal(0)) + part.financing.yearly * count
        return None if instalments is None else self.yearly + instalments

    @property
    def has_one_time(self) -> bool:
        return self.one_time > 0

    @property
    def has_recurring(self) -> bool:
        return self.yearly > 0

    @property
    def is_free(self) -> bool:
        return self.first_year == 0

    @property
    def path(self) -> Path:
        return ("price", "plans", self.plan_index)

    @property
    def life_years(self) -> Decimal | None:
        """The shortest service life given for a one-time part; None where none is given."""
        lives = [p.life_years for p in self.parts if p.once > 0 and p.life_years is not None]
        return min(lives) if lives else None

    @property
    def is_simple(self) -> bool:
        """One base price and nothing else: messages can show it as written."""
        return len(self.parts) == 1 and self.parts[0].kind == "base"

    def written(self) -> str:
        """The base price as written: "$499 a month", "$60 a year", "$150 a seat a month";
        a seat plan says how many seats are counted: "40 seats at $150 a seat a month"."""
        if not self.has_base:
            return " + ".join(part.text for part in self.parts[1:] if part.text) or "nothing"
        text = format_money(self.amount, self.currency, self.per)
        base = self.parts[0] if self.parts else None
        if base is not None and base.seats is not None:
            if base.seats_stated:
                word = "seat" if base.seats == 1 else "seats"
                text += f" for {format_amount(base.seats)} {word}"
            elif base.seats > 1:
                text += f", at least {format_amount(base.seats)} seats"
        return text

    def describe(self) -> str:
        """The bill for a message: "$5,988 a year ($499 a month)", "$299 once, then $72 a
        year", "$9,480 in the first year ($3,000 once, then $6,480 a year)"."""
        cur = self.currency
        if self.is_simple and self.per == ONCE:
            return self.written()
        if not self.has_one_time:
            text = format_money(_cents(self.yearly), cur, "year")
            if self.is_simple and self.per != "year":
                text += f" ({self.written()})"
            elif not self.is_simple:
                text += f" ({format_money(_cents(self.monthly), cur, 'month')})"
            return text
        if not self.has_recurring:
            return format_money(_cents(self.one_time), cur, ONCE)
        return (
            f"{format_money(_cents(self.first_year), cur, None)} in the first year "
            f"({format_money(_cents(self.one_time), cur, ONCE)}, then "
            f"{format_money(_cents(self.yearly), cur, 'year')})"
        )

    def label(self) -> str:
        """ "the `pro` plan", "the `pro` plan billed $60 a year"."""
        if self.option is None:
            return f"the `{self.plan_id}` plan"
        return f"the `{self.plan_id}` plan billed {self.written()}"


@dataclass(frozen=True)
class PlanFooting:
    """One plan with its bills for the typical customer, one per billing period."""

    index: int
    id: str
    bills: tuple[Bill, ...]

    @property
    def path(self) -> Path:
        return ("price", "plans", self.index)

    @property
    def own(self) -> Bill:
        """The bill at the plan's own `amount` and `per`."""
        return self.bills[0]

    @property
    def cheapest(self) -> Bill:
        """The billing option the typical customer pays least for in the first year."""
        return min(self.bills, key=lambda bill: bill.first_year)

    @property
    def is_free(self) -> bool:
        return all(bill.is_free for bill in self.bills)

    @property
    def assumptions(self) -> tuple[str, ...]:
        return self.own.assumptions

    def bill_on(self, per: str) -> Bill:
        """The billing option whose period is `per` (seat periods read as theirs), or the
        one cheapest in the first year."""
        matching = [bill for bill in self.bills if _base_period(bill.per) == _base_period(per)]
        if matching:
            return min(matching, key=lambda bill: bill.first_year)
        return self.cheapest


def _base_period(per: str) -> str:
    return SEAT_PERIODS.get(per, per)


def _cents(amount: Decimal) -> Decimal:
    """A computed figure for a message: to the cent, or as it is below a cent."""
    if abs(amount) >= 1 or amount == 0:
        return amount.quantize(Decimal("0.01")) if amount != amount.to_integral_value() else amount
    return amount


#: Keys that mean something only on a one-time price (`per: once`): the instalments it may be
#: paid in, and the years it serves.
ONE_TIME_KEYS = ("financing", "life_years")


@dataclass(frozen=True)
class Misplaced:
    """A key the schema allows where it stands but that means nothing there, so the footing
    reads past it: `financing` or `life_years` on a recurring price, `seats_min` on a plan
    not priced per seat. `funnelcheck.rules.input.misplaced_key` reports it."""

    #: The key's path (`price.plans[0].financing`).
    path: Path
    key: str
    plan_id: str
    #: The component as written ("$40 a month per seat"), or None for the plan itself.
    component: str | None
    #: What the plan or component is priced per, as written: "month", "seat-month", or
    #: None for usage (a unit without `per`) or a percentage.
    per: str | None


class Footing:
    """The plans of one strategy priced for its typical customer; built once per file."""

    def __init__(
        self,
        currency: str | None,
        typical: Mapping[str, Any],
        plans: Iterable[tuple[int, Mapping[str, Any]]],
    ) -> None:
        """`currency` is the price's, `typical` the typical customer's mapping, `plans` each
        plan with its index (plain values: the model builds this from a `Strategy`)."""
        self.currency = currency
        self._typical = typical
        self._plan_data = list(plans)
        plans = self._plan_data
        self.quantities = _named_numbers(typical.get("quantities"))
        self.volumes = _named_numbers(typical.get("volumes"))
        self.plan_mix = _named_numbers(typical.get("plan_mix"))
        #: Keys read past because they mean nothing where they stand (`Misplaced`).
        self.misplaced: list[Misplaced] = []
        self.plans: list[PlanFooting] = []
        for index, plan in plans:
            footing = self._plan(index, plan)
            if footing is not None:
                self.plans.append(footing)

    def at(self, quantities: Mapping[str, Decimal], volumes: Mapping[str, Decimal]) -> Footing:
        """The same plans priced for a customer with these quantities and monthly volumes
        (the rest as the typical customer's): the bill at a claim's example."""
        typical = dict(self._typical)
        typical["quantities"] = {**self.quantities, **quantities}
        typical["volumes"] = {**self.volumes, **volumes}
        return Footing(self.currency, typical, self._plan_data)

    @cached_property
    def sold_units(self) -> frozenset[str]:
        """The units the plans are priced by (`unit_key`): their components' units, and
        the seat words where a plan is priced per seat."""
        units: set[str] = set()
        for _, plan in self._plan_data:
            pers = [plan.get("per")] + [
                o.get("per") for o in _list(plan.get("billing_options")) if isinstance(o, Mapping)
            ]
            if any(isinstance(per, str) and per in SEAT_PERIODS for per in pers):
                units.update(SEAT_WORDS)
            for component in _list(plan.get("components")):
                if isinstance(component, Mapping) and (unit := _name(component.get("unit"))):
                    units.add(unit_key(unit))
        return frozenset(units)

    @cached_property
    def percent_bases(self) -> tuple[str, ...]:
        """The volumes the plans take a percentage of (`of`), as `unit_key`s."""
        names = (
            unit_key(part.name)
            for plan in self.plans
            for part in plan.own.parts
            if part.kind == "percent"
        )
        return tuple(dict.fromkeys(names))

    # -- the views the rules read -----------------------------------------------------
    @property
    def paid(self) -> list[PlanFooting]:
        """The plans a customer pays for: free plans are never compared."""
        return [plan for plan in self.plans if not plan.is_free]

    def by_id(self, plan_id: str) -> PlanFooting | None:
        return next((plan for plan in self.plans if plan.id == plan_id), None)

    @cached_property
    def base_names_after(self) -> re.Pattern[str] | None:
        """A percentage given to what a plan takes it of, named right after it ("1.2% on
        every card" for `of: card sales`), or None."""
        words = self._base_words
        if not words:
            return None
        names = "|".join(re.escape(w) for w in sorted(words))
        return re.compile(
            r"\s*(?:on|per|across)\s+(?:(?:every|each|all|your|the|a|an)\s+)?"
            rf"(?:[\w-]+\s+)?(?P<base>{names})(?:s|es)?\b",
            re.IGNORECASE,
        )

    @cached_property
    def _base_words(self) -> frozenset[str]:
        return frozenset(
            word
            for base in self.percent_bases
            for word in re.split(r"[\s_-]+", base)
            if len(word) >= 3 and word not in _GENERIC_BASE_WORDS
        )

    @cached_property
    def base_names(self) -> re.Pattern[str] | None:
        """A percentage given to what a plan takes it of, by the telling word of its name,
        right before it ("mada at 1%" for `of: mada sales`, "Cards: 2.2%"), or None."""
        words = self._base_words
        if not words:
            return None
        names = "|".join(re.escape(w) for w in sorted(words))
        return re.compile(
            rf"(?<![\w-])(?P<base>{names})(?:s|es)?(?:\s+(?:sales|payments?|transactions?|orders?))?"
            r"\s*(?:(?:is|at|takes|costs?|for)\s+|[:=–—-]\s*)?(?:(?:just|only)\s+)?$",
            re.IGNORECASE,
        )

    @cached_property
    def plan_named(self) -> list[tuple[str, re.Pattern[str]]]:
        """Each plan's name written as a name anywhere ("Business adds automation"), by id:
        a capital letter, or digits for a number its id spells."""
        return [
            (plan.id, re.compile(rf"(?<![\w-]){name}(?![\w-])"))
            for plan in self.paid
            if (name := _id_name(plan.id)) is not None
        ]

    @cached_property
    def plan_names(self) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
        """Each plan's name as a claim writes it beside a figure (`_name_patterns`),
        compiled once per file rather than for every text read."""
        return _name_patterns(self)

    @property
    def mix(self) -> list[tuple[PlanFooting, Decimal]]:
        """The plan mix, by plans that exist, with shares above 0 (empty where none is given)."""
        out = []
        for plan_id, share in self.plan_mix.items():
            plan = next((p for p in self.plans if unit_key(p.id) == plan_id), None)
            if plan is not None and share > 0:
                out.append((plan, share))
        return out

    def offers(self) -> list[tuple[str, Offer, str, Decimal | None]]:
        """Every introductory offer and every financing the price models: (kind, offer,
        plan id, the one-time price financed or None), kind "introductory" or "instalments"."""
        out: list[tuple[str, Offer, str, Decimal | None]] = []
        for plan in self.plans:
            if plan.own.intro is not None:
                out.append(("introductory", plan.own.intro, plan.id, None))
            for bill in plan.bills:
                for part in bill.parts:
                    if part.financing is not None:
                        out.append(("instalments", part.financing, plan.id, part.rate))
        return list(dict.fromkeys(out))

    def typical_plans(self) -> list[PlanFooting]:
        """The paid plans the typical customer may be on: the plan mix's where one is given."""
        mixed = [plan for plan, _ in self.mix if not plan.is_free]
        return mixed or self.paid

    def cheapest_typical(self) -> Bill | None:
        """The least first-year bill the typical customer can have: the cheapest plan (of the
        mix, where one is given) on its cheapest billing option. Ties go to the plan first
        written."""
        bills = [plan.cheapest for plan in self.typical_plans()]
        return min(bills, key=lambda bill: bill.first_year) if bills else None

    # -- pricing one plan ---------------------------------------------------------------
    def _plan(self, index: int, plan: Mapping[str, Any]) -> PlanFooting | None:
        plan_id = plan.get("id")
        name = plan_id if isinstance(plan_id, str) else f"plan {index + 1}"
        path: Path = ("price", "plans", index)
        bases: list[tuple[int | None, Decimal, str]] = []
        has_base = True
        amount, per = _number(plan.get("amount")), plan.get("per")
        components = [c for c in _list(plan.get("components")) if isinstance(c, Mapping)]
        if amount is not None and _is_plan_period(per):
            bases.append((None, amount, str(per)))
        elif plan.get("amount") is None and components:
            bases.append((None, Decimal(0), "month"))
            has_base = False
        else:
            return None  # the schema reports what cannot be read
        for k, option in enumerate(_list(plan.get("billing_options"))):
            if not isinstance(option, Mapping):
                continue
            option_amount, option_per = _number(option.get("amount")), option.get("per")
            if option_amount is not None and _is_plan_period(option_per):
                bases.append((k, option_amount, str(option_per)))
        self._misplaced_on_plan(name, path, plan, [per for _, _, per in bases])
        seats_min = _seats_min(plan)
        life = _life(plan.get("life_years"))
        shared: list[Part] = []
        assumptions: list[str] = []
        for c_index, component in enumerate(components):
            part = self._component(name, component, (*path, "components", c_index), assumptions)
            if part is not None:
                shared.append(part)
        bills: list[Bill] = []
        intro = introductory(plan)
        financing = plan.get("financing")
        for option, base_amount, base_per in bases:
            notes = list(assumptions)
            base = self._base(name, path, base_amount, base_per, seats_min, life, notes)
            if base_per == ONCE and isinstance(financing, Mapping):
                base = replace(base, financing=instalments(base_amount, financing))
            bills.append(
                Bill(
                    plan_id=name,
                    plan_index=index,
                    option=option,
                    amount=base_amount,
                    per=base_per,
                    parts=(base, *shared),
                    assumptions=tuple(dict.fromkeys(notes)),
                    currency=self.currency,
                    has_base=has_base or option is not None,
                    intro=intro,
                )
            )
        return PlanFooting(index=index, id=name, bills=tuple(bills))

    def _misplaced_on_plan(
        self, name: str, path: Path, plan: Mapping[str, Any], periods: list[str]
    ) -> None:
        """The plan's keys that mean nothing on its periods (its `per` and its billing
        options'): `financing` and `life_years` without a one-time price, `seats_min`
        without a price per seat."""
        written = plan.get("per") if isinstance(plan.get("per"), str) else None
        if ONCE not in periods:
            for key in ONE_TIME_KEYS:
                if key in plan:
                    self.misplaced.append(Misplaced((*path, key), key, name, None, written))
        if "seats_min" in plan and not any(per in SEAT_PERIODS for per in periods):
            self.misplaced.append(Misplaced((*path, "seats_min"), "seats_min", name, None, written))

    def stated_seats(self, seats_min: int) -> Decimal | None:
        """The typical customer's seats on a seat plan (never below `seats_min`), where the
        strategy states them: by a seat word, or else by the one quantity no plan prices by
        its unit, the seat in the customer's own word ("employee: 180", "vehicle: 40")."""
        for word in SEAT_WORDS:
            if word in self.quantities:
                return max(self.quantities[word], Decimal(seats_min))
        own = [key for key in self.quantities if key not in self.sold_units]
        if len(own) == 1:
            return max(self.quantities[own[0]], Decimal(seats_min))
        return None

    def _base(
        self,
        name: str,
        path: Path,
        amount: Decimal,
        per: str,
        seats_min: int,
        life: Decimal | None,
        notes: list[str],
    ) -> Part:
        if per == ONCE:
            return Part("base", name, path, amount, Decimal(0), amount, per, life)
        if per in SEAT_PERIODS:
            stated = self.stated_seats(seats_min)
            seats = stated if stated is not None else Decimal(seats_min)
            if stated is None and amount > 0:
                plural = "seat is" if seats_min == 1 else "seats are"
                notes.append(
                    f"no typical number of seats is given, so {format_count(seats_min)} {plural} "
                    "assumed (the fewest the plan sells)"
                )
            step = amount * PERIOD_FACTORS[SEAT_PERIODS[per]]
            return Part(
                "base",
                name,
                path,
                Decimal(0),
                step * seats,
                amount,
                per,
                seats=seats,
                seats_stated=stated is not None,
                step_yearly=step,
                min_steps=Decimal(seats_min),
            )
        return Part("base", name, path, Decimal(0), amount * PERIOD_FACTORS[per], amount, per)

    def _component(
        self, plan_id: str, component: Mapping[str, Any], path: Path, notes: list[str]
    ) -> Part | None:
        part = self._component_part(component, path, notes)
        if part is None:
            return None
        text = describe_component(component, self.currency)
        financing = component.get("financing")
        if part.per == ONCE and isinstance(financing, Mapping):
            part = replace(part, financing=instalments(part.rate, financing))
        elif part.per != ONCE:
            for key in ONE_TIME_KEYS:
                if key in component:
                    per = part.per if part.kind != "percent" else None
                    self.misplaced.append(Misplaced((*path, key), key, plan_id, text, per))
        return replace(part, text=text)

    def _component_part(
        self, component: Mapping[str, Any], path: Path, notes: list[str]
    ) -> Part | None:
        unit, fee = _name(component.get("unit")), _name(component.get("fee"))
        amount = _number(component.get("amount")) or Decimal(0)
        per = component.get("per")
        per = per if isinstance(per, str) and (per in PERIOD_FACTORS or per == ONCE) else None
        life = _life(component.get("life_years"))
        percent = _number(component.get("percent"))
        if percent is not None:
            of = _name(component.get("of")) or "volume"
            volume = self.volumes.get(unit_key(of))
            if volume is None:
                notes.append(f"no typical monthly `{of}` is given, so none is assumed")
                volume = Decimal(0)
            fixed = _number(component.get("fixed")) or Decimal(0)
            count = Decimal(0)
            if unit is not None and fixed > 0:
                count = self._quantity(unit, component, notes)
            monthly = percent / 100 * volume + fixed * count + amount * count
            return Part(
                "percent",
                of,
                path,
                Decimal(0),
                monthly * _TWELVE,
                fixed or amount,
                None,
                continuous=True,
                percent=percent,
            )
        if fee is not None and unit is None:
            if per in (None, ONCE):
                return Part("fee", fee, path, amount, Decimal(0), amount, ONCE, life)
            return Part("fee", fee, path, Decimal(0), amount * PERIOD_FACTORS[per], amount, per)
        if unit is None:
            return None
        if fee is not None:
            # A fee per event (a dispute, a late payment): billed only where the typical
            # customer has a quantity of that unit; never assumed.
            count = self.quantities.get(unit_key(unit), Decimal(0))
            if per == ONCE:
                return Part("fee", fee, path, amount * count, Decimal(0), amount, per, life)
            factor = PERIOD_FACTORS.get(per or "month", 12)
            return Part(
                "fee", fee, path, Decimal(0), amount * count * factor, amount, per, unit=unit
            )
        count = self._quantity(unit, component, notes)
        billed = _billed_units(count, component)
        block = _number(component.get("block"))
        block = block if block is not None and block > 1 else None
        if per == ONCE:
            return Part(
                "unit", unit, path, amount * billed, Decimal(0), amount, per, life, block=block
            )
        factor = PERIOD_FACTORS[per or "month"]
        return Part(
            "unit",
            unit,
            path,
            Decimal(0),
            amount * billed * factor,
            amount,
            per,
            step_yearly=amount * factor,
            min_steps=_billed_units(Decimal(0), component),
            block=block,
        )

    def _quantity(self, unit: str, component: Mapping[str, Any], notes: list[str]) -> Decimal:
        """The typical customer's quantity of a unit (monthly for usage), or the least the
        component bills, with the assumption noted."""
        key = unit_key(unit)
        if key in self.quantities:
            return self.quantities[key]
        if key in SEAT_WORDS:
            for word in SEAT_WORDS:
                if word in self.quantities:
                    return self.quantities[word]
        included = _number(component.get("included")) or Decimal(0)
        minimum = _number(component.get("minimum")) or Decimal(0)
        fallback = max(included, minimum, Decimal(1))
        words = "a month " if component.get("per") is None else ""
        notes.append(
            f"no typical quantity of `{unit}` is given, so {format_amount(fallback)} {words}"
            "(the least the plan bills) is assumed"
        )
        return fallback


def describe_component(component: Mapping[str, Any], currency: str | None) -> str:
    """A component as written, for a message: "$40 a month per seat beyond 3",
    "$1.50 per 1,000 emails beyond 10,000", "2.9% of payment volume + $0.30 per charge",
    "$3,000 once (onboarding)", "$15 per dispute (a fee)"."""
    unit, fee = _name(component.get("unit")), _name(component.get("fee"))
    amount = _number(component.get("amount"))
    per = component.get("per")
    per = per if isinstance(per, str) and (per in PERIOD_FACTORS or per == ONCE) else None
    percent = _number(component.get("percent"))
    if percent is not None:
        text = f"{percent.normalize():f}% of {_name(component.get('of')) or 'volume'}"
        fixed = _number(component.get("fixed"))
        if fixed:
            text += f" + {format_money(fixed, currency, None)} per {unit or 'transaction'}"
        return text
    money = format_money(amount or Decimal(0), currency, per)
    if fee is not None and unit is None:
        return f"{format_money(amount or Decimal(0), currency, per or ONCE)} ({fee})"
    if unit is None:
        return money
    block = _number(component.get("block"))
    counted = f"{format_amount(block)} {unit}s" if block and block != 1 else unit
    text = f"{money} per {counted}"
    included = _number(component.get("included"))
    if included:
        text += f" beyond {format_amount(included)}"
    minimum = _number(component.get("minimum"))
    if minimum:
        text += f", at least {format_amount(minimum)}"
    if fee is not None:
        text += f" ({fee} fee)"
    return text


def _billed_units(count: Decimal, component: Mapping[str, Any]) -> Decimal:
    """ceil(max(count - included, minimum) / block) × block-units, as blocks billed."""
    included = _number(component.get("included")) or Decimal(0)
    minimum = _number(component.get("minimum")) or Decimal(0)
    block = _number(component.get("block"))
    billed = max(count - included, minimum, Decimal(0))
    if block is not None and block > 0:
        return (billed / block).to_integral_value(rounding=ROUND_CEILING)
    return billed


def _named_numbers(value: Any) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    if isinstance(value, Mapping):
        for key, number in value.items():
            figure = _number(number)
            if isinstance(key, str) and figure is not None:
                out.setdefault(unit_key(key), figure)
    return out


def _is_plan_period(per: Any) -> bool:
    return isinstance(per, str) and (per in PERIOD_FACTORS or per in SEAT_PERIODS or per == ONCE)


def _seats_min(plan: Mapping[str, Any]) -> int:
    seats = plan.get("seats_min", 1)
    return seats if isinstance(seats, int) and not isinstance(seats, bool) and seats >= 1 else 1


def _life(value: Any) -> Decimal | None:
    life = _number(value)
    return life if life is not None and life > 0 else None


def _name(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def payback_months(one_time: Decimal, saved_monthly: Decimal) -> Decimal | None:
    """Months until a one-time price is paid back by what is saved each month; None never."""
    if saved_monthly <= 0:
        return None
    return (one_time / saved_monthly).to_integral_value(rounding=ROUND_CEILING)


def percent_text(share: Decimal) -> str:
    """0.8317 -> "83%": whole percent, as a buyer would say it."""
    return format_percent(share)


def plan_phrase(bill: Bill, foot: Footing) -> str:
    """How a message names the plan compared: "the `team` plan", "the cheapest paid plan,
    `team`," or "the cheapest plan of the plan mix, `team`," (the comma closes the
    apposition before "is"); a billing option says how it is billed."""
    billed = f" billed {bill.written()}" if bill.option is not None else ""
    if foot.mix:
        if len(foot.typical_plans()) > 1:
            return f"the cheapest plan of the plan mix, `{bill.plan_id}`{billed},"
        return f"the `{bill.plan_id}` plan{billed}"
    if len(foot.paid) > 1:
        return f"the cheapest paid plan, `{bill.plan_id}`{billed},"
    return f"the `{bill.plan_id}` plan{billed}"


def assumed(assumptions: tuple[str, ...] | list[str]) -> str:
    """The assumptions a verdict rests on, for the end of a message ("" for none)."""
    if not assumptions:
        return ""
    return " (assumed: " + "; ".join(assumptions) + ")"


# -- what a claim's money can be ---------------------------------------------------------


@dataclass(frozen=True)
class Explainer:
    """One figure the price model gives, that a claim's amount may name."""

    #: What kind of figure: ("base", ""), ("unit", name), ("fee", name), ("bill", ""),
    #: ("minimum", "") for a seat plan's least bill.
    kind: tuple[str, str]
    #: "year" (a recurring figure made yearly), "once", or "written" (as the model says it,
    #: with no period: compared with amounts written without one).
    basis: str
    figure: Decimal
    #: A price per seat or per unit (compared with "per seat", "per employee" amounts).
    per_unit: bool
    plan_id: str
    #: The period the bill it comes from is billed on ("month", "year", "seat-year"...).
    billed: str = ""


def _explainers_of(bill: Bill) -> list[Explainer]:
    out: list[Explainer] = []
    plan = bill.plan_id
    billed = _base_period(bill.per)

    def add(kind: tuple[str, str], basis: str, figure: Decimal, per_unit: bool = False) -> None:
        out.append(Explainer(kind, basis, figure, per_unit, plan, billed))

    if bill.intro is not None:
        # The introductory price, on its period and as written.
        add(("intro", ""), "year", bill.intro.yearly, bill.intro.per_unit)
        add(("intro", ""), "written", bill.intro.amount, bill.intro.per_unit)
    for part in bill.parts:
        kind = (part.kind, "" if part.kind == "base" else unit_key(part.name))
        if part.financing is not None:
            # An instalment of a one-time price: "$37 a month" for a $1,445 bike.
            per_unit = part.kind == "unit"
            add(("instalment", kind[1]), "year", part.financing.yearly, per_unit)
            add(("instalment", kind[1]), "written", part.financing.amount, per_unit)
        if part.kind == "base":
            if part.per == ONCE:
                add(kind, ONCE, part.rate)
                add(kind, "written", part.rate)
                years = part.life_years or length_in_id(plan)
                if years is not None and part.financing is None:
                    # What it buys, per period: "about ¥7,143 a day" for a `seven-day` pass
                    # at ¥50,000, "£9.54 a month" for a 12-month certificate (not where
                    # its instalments are modelled: those are its monthly figure).
                    add(("spread", ""), "year", part.rate / years)
            elif part.seats is not None:
                step = part.step_yearly or Decimal(0)
                add(kind, "year", step, True)
                add(kind, "written", part.rate, True)
                add(kind, "year", part.yearly)
                add(kind, "written", part.rate * part.seats)
                if part.min_steps > 1:
                    # The least the plan bills, at its fewest seats ("a minimum annual
                    # contract of $1,500"): a figure of its own, not the base's floor.
                    add(("minimum", ""), "year", step * part.min_steps)
            elif part.per is not None:
                add(kind, "year", part.yearly)
                add(kind, "written", part.rate)
            continue
        # A component's rate is a price per unit (or the fee); its total for the typical
        # customer is a flat figure ("$158 a month in messages").
        add(kind, "written", part.rate, True)
        add(kind, "written", part.rate)
        if part.block is not None:
            # A block's price per unit: "$0.15 each" for "$1.50 per 10 connects".
            add(kind, "written", part.rate / part.block, True)
            add(kind, "written", part.rate / part.block)
        if part.per == ONCE:
            add(kind, ONCE, part.rate, True)
            add(kind, ONCE, part.rate)
        elif part.per is not None and part.kind != "percent":
            factor = Decimal(PERIOD_FACTORS[part.per])
            add(kind, "year", part.rate * factor, True)
            add(kind, "year", part.rate * factor)
        if part.yearly > 0:
            add(kind, "year", part.yearly)
        if part.once > 0:
            add(kind, ONCE, part.once)
    bill_kind = ("bill", "")
    if bill.has_recurring:
        add(bill_kind, "year", bill.yearly)
    if any(part.kind == "percent" for part in bill.parts):
        # The subscription alone, the percentages of the customer's volume aside: "a 40-room
        # hotel pays €610 a month for the PMS" beside 1.6% of card payments.
        fixed = sum((p.yearly for p in bill.parts if p.kind != "percent"), Decimal(0))
        if 0 < fixed < bill.yearly:
            add(bill_kind, "year", fixed)
    if (financed := bill.financed_yearly) is not None:
        # While a one-time part is paid off: "$103.64 in the first month" for $62 a month
        # of plan and a phone's $41.64 instalment.
        add(bill_kind, "year", financed)
    if bill.has_one_time:
        add(bill_kind, ONCE, bill.one_time)
        add(bill_kind, ONCE, bill.first_year)
        add(bill_kind, "written", bill.one_time)
        add(bill_kind, "written", bill.first_year)
    return out


#: In a plan's id: the length it buys ("seven-day", "12-month", "pass-3-years").
_ID_LENGTH_RE = lazy_compile(
    r"(?:^|[\s_-])(?:(?P<tens>twenty|thirty|forty|fifty)[\s_-])?(?P<n>\d+|[a-z]+)[\s_-]?"
    r"(?P<per>day|week|month|year)s?(?:$|[\s_-])",
    re.IGNORECASE,
)


def length_in_id(plan_id: str) -> Decimal | None:
    """The length, in years, a plan's id says it buys ("seven-day", "twenty-one-day",
    "12-month"), or None."""
    match = _ID_LENGTH_RE.search(plan_id)
    if match is None:
        return None
    count = match.group("n").lower()
    number = count if count.isdigit() else _ID_NUMBERS.get(count)
    if number is None or int(number) == 0:
        return None
    total = int(number) + (
        int(_ID_NUMBERS[match.group("tens").lower()]) if match.group("tens") else 0
    )
    return Decimal(total) / PERIOD_FACTORS[match.group("per").lower()]


def explainers(foot: Footing) -> list[Explainer]:
    """Every figure the price model gives, for every billing option of every plan."""
    return [e for plan in foot.plans for bill in plan.bills for e in _explainers_of(bill)]


def explains(
    found: list[Explainer],
    amount: Decimal,
    per: str | None,
    *,
    per_unit: bool,
    floor: bool,
    at_most: bool,
    tolerance: Decimal,
) -> bool:
    """Whether a written amount (on `per`: a period, "once", or None for none) is a figure
    of the model: within `tolerance` of it, on the same footing.

    A floor ("from $X") must be the least figure of its kind (the cheapest plan's price,
    the cheapest variant of a fee), or for a unit's rate either end of its rates; an upper
    bound ("less than $X") is explained by any
    figure at most X.
    """
    # (explainer, figure, form): a floor is the least figure of its kind in one form.
    candidates: list[tuple[Explainer, Decimal, str]]
    if per is None:
        candidates = [(e, e.figure, e.basis) for e in found if e.basis in ("written", ONCE)]
        candidates += [
            (e, e.figure / Decimal(factor), f"year/{factor}")
            for e in found
            if e.basis == "year"
            for factor in (1, 12)
        ]
        target = amount
    elif per == ONCE:
        candidates = [(e, e.figure, ONCE) for e in found if e.basis == ONCE]
        target = amount
    elif per in PERIOD_FACTORS:
        candidates = [(e, e.figure, "year") for e in found if e.basis == "year"]
        target = amount * PERIOD_FACTORS[per]
    else:
        return True  # "per hour": no plan can be put on that period
    candidates = [c for c in candidates if c[0].per_unit == per_unit]
    if floor:
        # The least figure of its kind in one form; or, for an amount on a period, the least
        # among the bills billed on that period: "Plans start at $9.99 a month" is the
        # cheapest plan's published monthly price, though its yearly option comes to less
        # a month.
        least: dict[tuple[tuple[str, str], str, str], Decimal] = {}
        for e, figure, form in candidates:
            for billed in ("", e.billed) if per in PERIOD_FACTORS and e.billed == per else ("",):
                key = (e.kind, form, billed)
                if figure > 0 and (key not in least or figure < least[key]):
                    least[key] = figure
        # A unit's rate "from" may be either end of its plans' rates: the entry rate of
        # pay as you go ("Bulk SMS from KES 0.80 per message ... drops to KES 0.60 at
        # volume") or the volume rate ("from $0.60 per message").
        most: dict[tuple[tuple[str, str], str], Decimal] = {}
        for e, figure, form in candidates:
            if e.kind[0] == "unit" and figure > most.get((e.kind, form), Decimal(0)):
                most[(e.kind, form)] = figure
        candidates = [
            c
            for c in candidates
            if least.get((c[0].kind, c[2], "")) == c[1]
            or least.get((c[0].kind, c[2], c[0].billed)) == c[1]
            or most.get((c[0].kind, c[2])) == c[1]
        ]
    for _, figure, _ in candidates:
        if at_most and figure <= target * (1 + tolerance):
            return True
        if figure == target or (figure > 0 and abs(target - figure) <= tolerance * figure):
            return True
    return False


def _plain_figure(
    found: list[Explainer],
    amount: Decimal,
    per: str | None,
    per_units: Iterable[bool],
    tolerance: Decimal,
) -> bool:
    """`explains` for an amount written as a plain price (no "from", no "up to"), read per
    unit or not as each of `per_units` says."""
    return any(
        explains(
            found, amount, per, per_unit=per_unit, floor=False, at_most=False, tolerance=tolerance
        )
        for per_unit in per_units
    )


def reaches(
    bill: Bill, target_yearly: Decimal, tolerance: Decimal, *, coarse: bool = False
) -> bool:
    """Whether the recurring bill, with one quantity changed (a whole number of seats,
    units or blocks, at least the fewest billed; or any volume of money), comes within
    `tolerance` of `target_yearly`.

    `coarse`: only quantities whose steps are wider than the tolerance window count (a
    volume of money, or a usage rate of a fraction of a cent, reaches any figure, so it
    explains nothing a claim says).
    """

    def near(price: Decimal) -> bool:
        return price > 0 and abs(target_yearly - price) <= tolerance * price

    if near(bill.yearly):
        return True
    for part in bill.parts:
        rest = bill.yearly - part.yearly
        if part.continuous:
            if not coarse and target_yearly >= rest * (1 - tolerance) and target_yearly > 0:
                return True
            continue
        step = part.step_yearly
        if step is None or step <= 0 or (coarse and step <= 2 * tolerance * target_yearly):
            continue
        steps = (target_yearly - rest) / step
        for rounding in (ROUND_FLOOR, ROUND_CEILING):
            count = max(steps.to_integral_value(rounding), part.min_steps)
            if near(rest + count * step):
                return True
    return False


# Money a claim names that is not the product's price (issue 14): credit given away, a
# discount, a competitor's or the status quo's price, a penalty, a threshold, what the
# customer spends or earns. Read in the amount's clause, a few words either side.
def _words_before(words: str, gap: int) -> re.Pattern[str]:
    """One of `words` (an alternation), at most `gap` words before the end of a clause:
    how a word before an amount is read ("free credit worth $15", "orders over $50")."""
    return lazy_compile(rf"\b(?:{words})\b(?:\s+\S+){{0,{gap}}}?\s*$", re.IGNORECASE)


_NOT_PRICE_FAR_RE = _words_before(
    r"credits?(?!\s+cards?)|discount(?:ed)?|coupons?|vouchers?|rebates?|refunds?|cash\s?back|bonus|"
    r"deductibles?|co-?pays?|co-?payments?|co-?insurance|max(?:imum)?\s+out[-\s]of[-\s]pocket|"
    r"out[-\s]of[-\s]pocket\s+(?:max(?:imum)?|limits?|caps?|costs?)|excess(?:es)?\s+(?:is|are|"
    r"of|at|between|from|would\s+be|will\s+be)|"
    r"rewards?|gift|prize|penalt(?:y|ies)|fines|late\s+fees?|overdraft|chargebacks?|"
    r"competitors?|rivals?|incumbents?|agenc(?:y|ies)|consultants?|bookkeepers?|"
    r"accountants?|freelancers?|instead\s+of|compared\s+(?:to|with)|versus|vs\.?|"
    r"rather\s+than|unlike|other\s+tools|legacy|"
    # a threshold the customer is let off below ("above your personal exemption, such as")
    r"(?:personal|duty[-\s]free|tax[-\s]free|customs)\s+(?:exemptions?|allowances?)|exemptions?",
    6,
)
_NOT_PRICE_NEAR_RE = _words_before(
    r"spends?|spending|spent|budgets?|earns?|earned|earning|insured|insurance|coverage|"
    r"covers?|limits?|(?:price\s+)?caps?|capped|ceilings?|alerts?|worth\s+of|value\s+of|valued|"
    r"orders?\s+(?:over|above|of)",
    2,
)
#: Before an amount: money the customer takes in, keeps or is paid ("a room you sell for
#: €120", "a $1,000 contract pays you $900", "Outgoing Octopus pays you 15p", "you keep
#: $90", "when your client pays $2,000"), or money the customer moves through the product
#: ("send £30,000 a month abroad", "convert $10,000", "receive $5,000 from clients"): the
#: customer's own money, not a price.
_CUSTOMERS_MONEY_RE = _words_before(
    r"(?:pays?|paying|paid|earns?|earning|nets?|netting|leaves?|gives?\s+back|puts?)\s+you"
    r"(?:\s+(?:back|out|with))?|we(?:'ll|\s+will)?\s+(?:pay|reimburse|refund)\s+(?:you|your\s+"
    r"[a-z][\w'-]*)(?:\s+(?:back|directly))?|you(?:'ll|\s+will|\s+can|\s+could)?\s+(?:sell|charge|bill|"
    r"invoice|earn|make|keep|take\s+home|receive|get\s+paid|pocket|net|collect)(?:\s+(?:for|at))?"
    r"|(?:gets?|claims?|getting|claiming)\s+back(?:\s+up\s+to)?"
    r"|(?:your|their)\s+(?:clients?|customers?|buyers?|guests?|patients?|tenants?|shoppers?)\s+"
    r"(?:pays?|paid|spends?|spent)"
    r"|get\s+paid|paid\s+out|take[-\s]home|(?:your|their|the|a|an)\s+(?:payouts?|earnings|"
    r"income|take[-\s]home(?:\s+pay)?|profits?|proceeds|takings|margins?)"
    r"(?:\s+(?:is|are|of|comes?\s+to|will\s+be|would\s+be))?",
    1,
)
#: After an amount: money the customer takes in ("on the first $1M you earn each year",
#: "the $500 they make").
_CUSTOMERS_AFTER_RE = lazy_compile(
    r"^\s*(?:that\s+|which\s+)?(?:you|they|sellers?|developers?|creators?|merchants?)\s+"
    r"(?:earn|earns|make|makes|sell|sells|take\s+in|takes\s+in|bring\s+in|brings\s+in|"
    r"receive|receives|collect|collects|gross|grosses)\b",
    re.IGNORECASE,
)
#: Right before an amount that is no rate: a verb of moving money through the product
#: ("send £30,000 a month abroad", "convert over $10,000"); not a noun ("data transfer is
#: $0.15 per GB", "transfers $2 each").
_MOVED_RE = lazy_compile(
    r"\b(?:send|sends|sending|sent|transfer|transferring|transferred|convert|converts|"
    r"converting|converted|receive|receives|receiving|received|wire|wiring|wired|remit|"
    r"remits|remitting)\s+(?:(?:over|about|around|up\s+to|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)
#: After an amount: a difference of prices, not a price ("20 to 30 cents a gallon cheaper
#: than nearby stations", "$5 less than Acme").
_DIFFERENCE_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each)\s+[\w'-]+\s+)?(?:cheaper|less|lower|dearer|more\s+expensive)"
    r"\b",
    re.IGNORECASE,
)
#: After an amount: a term of an insurance policy, not its price ("a £250 compulsory excess",
#: "a $40 co-pay per visit", "a $3,000 out-of-pocket maximum"), a few describing words
#: before it; an excess that is usage ("£0.25 excess mileage") is a price.
_POLICY_TERM_AFTER = (
    r"of\s+(?:any|each|every|your|a)\s+claims?|"
    r"(?:(?!(?:per|for|each|a|an|of|on|in|to|at|and|or|with|the|is|are)\b(?!-))[\w-]+\s+){0,2}?"
    r"(?:deductibles?|co-?pays?|co-?payments?|co-?insurance|out[-\s]of[-\s]pocket\s+"
    r"(?:max(?:imum)?|limits?|caps?)|own\s+risk|excess(?:es)?(?!\s+(?:usage|use|mileage|miles?|kilomet\w*|"
    r"km|data|minutes|hours|calls|texts|[GMT]B|units?|seats?|users?|requests?|events?|errors?|"
    r"storage|bandwidth|charges?|fees?|rates?)\b))"
)
#: Before an amount: a limit the customer sets on their own spending ("set a cost control
#: limit of €100 a month", "cap your monthly bill at $50", "choose a daily budget of $20").
_SET_VERBS = ("set", "cap", "choos", "pick", "defin", "configur", "adjust")
_SET_LIMIT_RE = lazy_compile(
    r"\b(?:set|setting|choose|choosing|pick|picking|cap|capping|define|defining|configure|"
    r"configuring|adjust|adjusting)\s+(?:[\w'-]+\s+){0,4}?(?:limits?|caps?|ceilings?|max(?:imum)?|budgets?|"
    r"alerts?|thresholds?|spend(?:ing)?|bills?|costs?|usage)(?:\s+(?:of|at|to|below|under))?\s+"
    r"(?:(?:just|only|about|around|roughly)\s+)?$",
    re.IGNORECASE,
)
#: Right before an amount: a policy term or a limit on spending as a label ("Excess: £250",
#: "Deductible - $500", "Spending limit: €100").
_POLICY_LABEL_RE = lazy_compile(
    r"\b(?:deductibles?|excess(?:es)?|co-?pays?|co-?payments?|co-?insurance|out[-\s]of[-\s]"
    r"pocket\s+(?:max(?:imum)?|limit)|budgets?|limits?|caps?|ceilings?|alerts?)"
    r"\s*(?:[:=]|[-–—]\s)\s*$",
    re.IGNORECASE,
)
_THRESHOLD_RE = _words_before(r"over|above|more\s+than|exceeding|at\s+least|in\s+excess\s+of", 0)
_NOT_PRICE_AFTER_RE = lazy_compile(
    r"^\s*(?:of\s+|in\s+)?(?:free\s+)?(?:(?:\w+\s+)?credits?|(?:\w+\s+)?value|(?:\w+\s+)?balance|"
    r"off|back|discount|"
    r"bonus|rebate|"
    r"refund|cash\s?back|free|gift|rewards?|bount(?:y|ies)|prizes?|penalty|fine|in\s+fines|"
    r"in\s+(?:fees|penalties)|"
    r"per\s+(?:chargeback|late\s+payment|violation)|or\s+more|and\s+(?:up|above|over)|"
    rf"{_POLICY_TERM_AFTER}|(?:[\w-]+\s+){{0,2}}?orders?\s+minimums?|minimum\s+orders?|"
    r"\+(?!\s*\d)|in\s+(?:payouts|transactions|sales|orders|spend|payments|bookings|takings|"
    r"earnings|income|billings|receipts|revenue|tips|donations|transfers|deposits|fares)|"
    r"(?:of|in)\s+(?:\w+\s+){0,3}?(?:sales|volume|revenue|payments|transactions|orders|"
    r"spend|turnover|GMV|payouts|billings)|worth\s+of|(?:[\w'-]+\s+){0,3}?(?:is|are|gets?|"
    r"will\s+be)\s+waived)\b",
    re.IGNORECASE,
)
_BRAND_VERB_RE = lazy_compile(
    r"(?<![.!?]\s)(?<!^)\b(?P<name>(?:[A-Z][\w&'-]*\s+){0,3}[A-Z][\w&'-]*)\s+(?:costs?|charges?|"
    r"starts?\s+(?:at|from)|prices?\s+(?:at|from)|is\s+priced\s+at|asks?)\s+"
    r"(?:(?:just|only|about|around|from|at)\s+)?$"
)
#: A name in capitals with a possessive, then what of it is priced: "Ring's cameras start
#: at $59.99", "Adobe's plan costs" (at a sentence's start too: a possessive is a name).
_BRAND_POSSESSIVE_RE = lazy_compile(
    r"\b(?P<name>(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*)['’]s?(?:(?:\s+[a-z][\w-]*){1,3}?\s+"
    r"(?:costs?|charges?|starts?\s+(?:at|from)|prices?\s+(?:at|from)|(?:is|are)\s+priced\s+at|"
    r"asks?|(?:is|are|runs?)(?:\s+(?:still|now|just|only))?)\s+"
    r"(?:(?:just|only|about|around|from|at)\s+)?|\s+)$"
)
#: Before an amount: a possessive pronoun that may refer back to a company named before it
#: in the clause ("and its plans at", "while their classes cost").
_ITS_RE = lazy_compile(
    r"\s*(?:,\s*)?(?:and|while|but|whereas)?\s*\b(?:its|their)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:at|from|costs?|is|are|starts?\s+at|runs?)\s+(?:(?:just|only|about|around)\s+)?$"
)
#: The amount that ends a text, with its period ("start at $1,999", "cost $9 a month").
_AMOUNT_TAIL_RE = lazy_compile(r"\s*\S*\d[\d.,]*\S*(?:\s+(?:a|an|per|each)\s+[a-z]+)?\s*$")
#: Capitalised words before "'s" that are no company: contractions ("It's $49", "Here's")
#: and times ("Today's $49 deal").
_NOT_NAMES = frozenset(
    {"here", "there", "what", "who", "where", "how", "let", "he", "she", "everything",
     "nothing", "everyone", "anyone", "today", "tonight", "tomorrow", "week", "month", "year",
     "next", "last", "now", "which", "one"}
)  # fmt: skip
#: Before an amount with a fee word after it: a fee the product waives or spares ("no $5.99
#: delivery fee", "skip the $3 service fee", "we waive the $50 setup fee").
_WAIVED_BEFORE_RE = lazy_compile(
    r"\b(?:no|without|waives?|waived|waiving|skip|skips|avoid|avoids|never\s+pay|zero|"
    r"free\s+of)\s+(?:(?:the|a|an|any|that|those|our|their|usual)\s+)?$",
    re.IGNORECASE,
)
_FEE_WORD_AFTER_RE = lazy_compile(
    r"^\s*(?:[\w'-]+\s+)?(?:fees?|charges?|surcharges?|commissions?)\b", re.IGNORECASE
)
#: Words that name a plan rather than a company ("the Pro plan costs").
_OWN_WORDS = frozenset(
    {"the", "our", "plan", "plans", "tier", "tiers", "edition", "package", "bundle", "it", "this"}
)
#: Before a percentage: a change or a loss, not a price ("cut failed payments by 20% of
#: sales", "merchants lose 2% of revenue").
_PERCENT_NOT_PRICE_RE = _words_before(
    r"save|saves|saving|lose|loses|losing|lost|cut|cuts|reduce|reduces|reduced|lower|"
    r"lowers|increase|increases|boost|boosts|grow|grows|raise|raises|recover|recovers|"
    r"improve|improves|drop|drops|up\s+to|by|average|averages",
    4,
)
_PERCENT_RE = lazy_compile(
    r"(?<![\w.,])(?P<value>\d{1,2}(?:[.,]\d{1,3})?)\s?%"
    r"(?=\s*(?:\+|plus)\s*(?:[A-Z]{1,3}\$?\s)?\S*\d"
    r"|\s+(?:\w+\s+){0,2}?(?:fee|commission|cut)\b"
    r"|\s+(?:per|on|of|for)\s+(?:each|every|the|a|an)?\s*(?:successful\s+|online\s+|in-person\s+)?"
    r"(?:\w+\s+)?(?:charge|transaction|order|sale|payment|booking|invoice|transfer|tap|swipe|"
    r"purchase|checkout|income|revenue|earning|taking|turnover|proceed|billing|fare|"
    r"payment\s+volume|volume|sales)s?\b)",
    re.IGNORECASE,
)
#: In a sentence: a fee named, so that percentages it gives to plans by name are prices
#: ("Our service fee is ... 25% at Bronze, dropping to 15% at Silver").
_FEE_NAMED_RE = lazy_compile(r"\b(?:fees?|commissions?|take\s+rates?)\b", re.IGNORECASE)
#: Before a percentage: a fee that it states ("lowers the fee to 0.69%", "fees of 0.69%",
#: "a commission of 15%"), whatever verb of change comes before; "cuts fees by 20%" is no fee.
_FEE_BEFORE_PERCENT_RE = lazy_compile(
    r"\b(?:fees?|commissions?|(?:take|processing|transaction|card)\s+rates?)\s+"
    r"(?:(?:is|are|of|to|at|down\s+to|drops?\s+to|falls?\s+to|goes\s+to|becomes?|"
    r"becoming)\s+)(?:(?:just|only)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: money the customer is spared, on its own or after other things spared
#: ("skip the flyers and the $200 reward", "avoid the $300 call-out", "no more $80 fines").
_AVOIDED_BEFORE_RE = lazy_compile(
    r"\b(?:skip|skips|skipping|avoid|avoids|avoiding|ditch|ditches|forget|no\s+more|"
    r"never\s+again|spare\s+yourself|spares\s+you|saves?\s+you)\s+"
    r"(?:(?:the|a|an|any|those|that|these|your|their)\s+)?"
    r"(?:(?:[\w'-]+\s+){1,3}?(?:and|or|plus|,)\s+(?:(?:the|a|an|any|your|their)\s+)?)?$",
    re.IGNORECASE,
)
_AVOIDED_GATE = ("skip", "avoid", "ditch", "forget", "no more", "never again", "spare", "save")
#: Before an amount: a cost the sentence puts on a party ("costs the US construction industry
#: $31 billion a year", "cost small retailers an estimated $2 billion"): what the problem
#: costs, when neither that party nor what costs it is a word of the product's.
_COST_TO_RE = lazy_compile(
    r"\b(?:costs?|costing)\s+(?P<party>(?:[\w'.-]+\s+){1,4}?)"
    r"(?:(?:about|around|roughly|nearly|almost|over|more\s+than|up\s+to|an\s+estimated|"
    r"an?\s+average\s+of|as\s+much\s+as|at\s+least|some)\s+){0,2}$",
    re.IGNORECASE,
)
#: Words a cost's party cannot be made of alone: the price itself ("costs just $9", "cost a
#: $15 fee") or the customer addressed ("costs you": a saving, read elsewhere).
_NO_PARTY = frozenset(
    {"a", "an", "the", "just", "only", "from", "at", "as", "low", "little", "less", "under",
     "than", "about", "around", "roughly", "nearly", "almost", "over", "more", "up", "to",
     "estimated", "average", "of", "much", "least", "you", "me", "us", "extra", "per", "each",
     "for", "is", "and", "or", "one", "two", "three", "four", "five", "six", "seven", "eight",
     "nine", "ten", "dozen", "plan", "plans", "seat", "seats", "user", "users", "month", "year",
     "then", "still", "now", "every", "some"}
)  # fmt: skip
#: Words for a whole field, a party of many ("costs the US construction industry").
_GROUPS = frozenset(
    {"industry", "sector", "economy", "market", "country", "nation", "world", "society",
     "public", "trade", "profession", "people"}
)  # fmt: skip
#: Words that make a cost's party a count the price is for ("a team of five", "each user").
_COUNTED_PARTY = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "twenty", "fifty", "hundred", "dozen", "each", "every", "per"}
)  # fmt: skip
#: After an amount: a fee, charge or fine; with a lapse of the customer's in the clause
#: ("late cancels cost a $15 fee", "a $25 no-show charge", "$35 for a bounced payment") it
#: is a penalty, not the price (compared only where the plan names it, `fee_words`).
_PENALTY_AFTER_RE = lazy_compile(
    r"^\s*(?:[\w'-]+\s+){0,2}?(?:fees?|charges?|surcharges?|penalt(?:y|ies)|fines?)\b|"
    r"^\s*(?:for|per|on)\s+(?:a|an|each|every|any)\s+",
    re.IGNORECASE,
)
#: Before an amount: the fee it is ("a fixed exit fee of €125").
_PENALTY_BEFORE_RE = lazy_compile(
    r"\b(?:fees?|charges?|surcharges?|penalt(?:y|ies)|fines?)\s*(?:of\s+|is\s+|:\s*|[-–—]\s*)?"
    r"(?:(?:just|only|about|around|up\s+to)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: a lapse as what costs it ("late returns cost $50 per hour", "a missed
#: session is charged at $40"); the lapse itself is `_LAPSE_RE`'s.
_LAPSE_COSTS_RE = lazy_compile(
    r"\b(?:cost|costs|will\s+cost(?:\s+you)?|are\s+charged(?:\s+at)?|is\s+charged(?:\s+at)?|"
    r"are\s+billed(?:\s+at)?|is\s+billed(?:\s+at)?|incurs?)\s+(?:(?:an?\s+)?(?:extra|"
    r"additional)\s+)?$",
    re.IGNORECASE,
)
_LAPSE_RE = lazy_compile(
    r"\b(?:late|lateness|no[-\s]?shows?|cancel(?:s|led|ed|ling|ing|lations?)?|missed|"
    r"miss(?:es|ing)?|overdue|bounced?|dishonou?red|returned|failed|overstay\w*|violations?|"
    r"breach(?:es)?|damaged?|lost\s+(?:key|card|item)s?|fines?|penalty\s+(?:charge\s+)?notices?|"
    r"clamp(?:s|ed|ing)?|tow(?:s|ed|ing)?|impound(?:s|ed)?|untaxed|uninsured|unlicen[cs]ed|"
    # an act against the terms, not only a lateness: where, how, or without leave
    r"(?:leav(?:e|es|ing)|left|park(?:s|ed|ing)?|drop(?:s|ped|ping)?)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:outside|beyond|off)\b|outside\s+(?:a|an|the|any|our)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:zones?|area|areas|hours|limits?)|unauthori[sz]ed|improper(?:ly)?|abandon(?:s|ed|ing)?|"
    r"unreturned|non[-\s]?(?:return(?:ed)?|payment|attendance|arrival|compliance)|"
    r"without\s+(?:notice|permission|extending|returning|booking)|"
    # leaving before the term ends: an exit, early termination or break fee
    r"exit|early\s+(?:termination|exit|repayment|cancell?ation)|leav(?:e|es|ing)\s+(?:[\w'-]+\s+)"
    r"{0,3}?early|break(?:ing)?\s+(?:the|a|your)\s+contract)\b",
    re.IGNORECASE,
)
_AT_MOST_RE = lazy_compile(
    r"\b(?:less\s+than|under|below|at\s+most|no\s+more\s+than|up\s+to|within|cheaper\s+than)"
    r"\s+(?:(?:just|only)\s+)?$",
    re.IGNORECASE,
)


#: Earlier in an amount's sentence: named companies charging their own ("Stripe and PayPal
#: charge their own processing fees, 2.2% + $0.30").
_THEIR_OWN_RE = lazy_compile(
    r"(?P<names>[A-Z][\w&'.-]*(?:\s*(?:,|and|&)\s*[A-Z][\w&'.-]*)*)\s+(?:(?:still|also|"
    r"already|then)\s+)?(?:charge|charges|take|takes|bill|bills|keep|keeps)\s+(?:their|its)\b"
)
#: Right after an amount: the salary or wage it is ("a hire on a €4,500 monthly salary").
_SALARY_AFTER_RE = lazy_compile(
    r"\s+(?:(?:a|per)\s+(?:month|year)\s+|(?:monthly|yearly|annual|gross|net|base|average)\s+)?"
    r"(?:salary|salaries|wages?|paychecks?|pay\s+packets?)\b",
    re.IGNORECASE,
)
#: A clause that only joins an amount onto the one before ("plus", "and", "or").
_JOINER_RE = lazy_compile(
    r"\s*(?:plus|and|or|then|\+|with)\s*(?:another\s+|an\s+extra\s+)?"
    r"(?:(?:about|around|roughly|up\s+to|over)\s+)?",
    re.I,
)
#: Earlier in an amount's sentence: the customer's own customers pay it, not the customer
#: ("Buyers pay their own service fee of 5.5% on top, plus $3 on small orders").
_THEIR_BUYERS_PAY_RE = lazy_compile(
    r"\b(?:buyers|shoppers|guests|diners|patients|passengers|students|learners|your\s+"
    r"(?:customers|clients|buyers|shoppers|guests|diners|patients|riders|students))\s+"
    r"(?:(?:also|then|each|always|only)\s+)?(?:pay|pays|are\s+charged|cover)\s+(?:their|its|"
    r"a|an|the)\b|\bpay\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:fees?|charges?)\s+themselves\b",
    re.IGNORECASE,
)


def not_a_price(
    text: str,
    start: int,
    end: int,
    fee_words: frozenset[str],
    others: frozenset[str] = frozenset(),
    own: frozenset[str] = frozenset(),
    alternative: frozenset[str] = frozenset(),
    product: frozenset[str] = frozenset(),
    shared: frozenset[str] = frozenset(),
) -> str | None:
    """Why the money at text[start:end] is not the product's price, or None where it is one.

    `fee_words` are the names (and units) of the plan's per-event fees, such as "dispute":
    "$15 per dispute" is that fee, named as such, not a plan's price. `others` are the names
    of the alternatives (`problem.alternatives`: "GitLab", "SendGrid"): money in a clause
    that names one is their price. `own` are the words of the product's name: a name in
    capitals that is not the product's, right before "costs", "charges" or "starts at",
    is another company's price too ("Acme charges $99 a month"). `alternative` are the
    distinctive words of the alternatives ("boutique", "cycling", "studio") and `product`
    the product's own words (its name, category, plan ids, units and fees), lower case:
    money joined by "at", "costs", "is", "vs"... to a phrase that names an alternative and
    nothing of the product's ("one boutique spin class a week at $35") is its price.
    """
    before = _before_clause(text[max(0, start - 120) : start])
    # A range's lower end reads as its upper end does ("20 to 30 cents a gallon cheaper").
    after = _clause(_RANGE_HEAD_RE.sub("", text[end : end + 80]), last=False)
    # Its clause, or the one before where its own only joins it on ("..., plus $3").
    window = before
    if _JOINER_RE.fullmatch(before):
        window = _before_clause(text[max(0, start - 240) : start - len(before)].rstrip(", "))
    if _THEIR_BUYERS_PAY_RE.search(window):
        return "what the customer's own customers pay"  # "Buyers pay their own service fee"
    if _SALARY_AFTER_RE.match(text, end):
        return "a salary, the customer's people's pay"  # "on a €4,500 monthly salary"
    head, _ = sentence_bounds(text, start, end)
    if (theirs := _THEIR_OWN_RE.search(text, head, start)) is not None and not (
        set(re.findall(r"[A-Za-z][\w&'.-]*", theirs.group("names"))) & own
        or lower_words([theirs.group("names")]) & product
    ):
        return "another company's price"  # "Stripe and PayPal charge their own fees, 2.2% + $0.30"
    # The names of its clause, and of the clause its own only joins it on to ("AWS S3 costs
    # about $23 per TB a month, plus around $90 per TB to download").
    named = set(
        re.findall(r"[A-Za-z][\w&'-]*", before if window is before else window + " " + before)
    )
    named |= {re.sub(r"'s?$", "", word) for word in named}  # "Ring's cameras": Ring
    if others and named & others:
        return "another company's price"
    lowered = " ".join(before.lower().split())
    if any(f" {phrase} " in f" {lowered} " for phrase in others if " " in phrase):
        return "an alternative's price"
    if alternative and _names_alternative(before, after, alternative, product, shared):
        return "an alternative's price"
    third = _third_party(before, after, product, alternative, text[end : end + 80])
    if third is not None:
        return third
    brand = _BRAND_VERB_RE.search(before)
    if brand is not None:
        words = {w.lower() for w in brand.group("name").split()}
        if not words <= {w.lower() for w in own} | _OWN_WORDS:
            return "another company's price"
    brand = _BRAND_POSSESSIVE_RE.search(before)
    if brand is None and _ITS_RE.search(before) is not None:
        # "Pelomax's bikes start at $1,999, and its classes at $39": "its" is Pelomax, named
        # in the same sentence before it.
        head, _ = sentence_bounds(text, start, start)
        wide = text[max(head, start - 160) : start]
        its = _ITS_RE.search(wide)
        if its is not None:
            earlier = _AMOUNT_TAIL_RE.sub(" ", wide[: its.start()].rstrip(" ,;"))
            brand = _BRAND_POSSESSIVE_RE.search(earlier)
    if brand is not None:
        # A possessive name with a word of the product's ("Cam Plus's", "Pro's") is its own.
        mine = lower_words(list(own)) | _OWN_WORDS | product | _COMMON_LOWER | _NOT_NAMES
        if not lower_words([brand.group("name")]) & mine:
            return "another company's price"
    if (
        _CUSTOMERS_MONEY_RE.search(before)
        or (_MOVED_RE.search(before) and not is_rate(text[start:end]))
        or _CUSTOMERS_AFTER_RE.match(after)
    ):
        return "the customer's own money"
    if (
        _not_price_word(_NOT_PRICE_FAR_RE, before, product)
        or (
            _not_price_word(_NOT_PRICE_NEAR_RE, before, product)
            and not _premium(before, text[start:end])
        )
        or _THRESHOLD_RE.search(before)
        or (
            any(verb in lowered for verb in _SET_VERBS) and _SET_LIMIT_RE.search(before) is not None
        )
        or _policy_label(text, start, product)
        or _NOT_PRICE_AFTER_RE.match(after)
        or _DIFFERENCE_AFTER_RE.match(after)
        or (_WAIVED_BEFORE_RE.search(before) and _FEE_WORD_AFTER_RE.match(after))
        or (
            any(word in lowered for word in _AVOIDED_GATE)
            and _AVOIDED_BEFORE_RE.search(before) is not None
        )
    ):
        return "not the product's price"
    if "cost" in lowered and _cost_to_party(before, lower_words(list(own))):
        return "what the problem costs"
    if (
        _PENALTY_AFTER_RE.match(after)
        or _PENALTY_BEFORE_RE.search(before)
        or _LAPSE_COSTS_RE.search(before)
    ) and _LAPSE_RE.search(f"{before} {after}"):
        return "a penalty"
    words = {unit_key(w) for w in re.findall(r"[A-Za-z]+", text[start:end] + " " + after)[:6]}
    words |= {unit_key(w) for w in re.findall(r"[A-Za-z]+", before)[-3:]}
    if words & fee_words and not _WITH_FEE_AFTER_RE.match(after):
        # (not a total with the fee in it: "3,000 km costs $232.80 with the handling fee")
        return "a fee named as such"
    return None


#: After an amount: a total with a fee in it ("$232.80 with the handling fee").
_WITH_FEE_AFTER_RE = lazy_compile(
    r"\s*(?:in\s+all\s+)?(?:with|including|incl\.?|inclusive\s+of|plus)\s+(?:the|a|an|its|our)\s+",
    re.IGNORECASE,
)


def _cost_to_party(before: str, product: frozenset[str]) -> bool:
    """Whether the words before an amount put a cost on a party of many ("costs the
    industry", "cost small retailers"): a party with a word that is no price word, count
    or the customer addressed, whose last word is plural or a field, and no word
    of the product's name or plans in the party or as a name in what costs it ("Pro costs
    each teammate $12"; the category's words are the problem's domain and do not count)."""
    found = _COST_TO_RE.search(before)
    if found is None:
        return False
    party = found.group("party").lower().split()
    if any(word in _COUNTED_PARTY or any(c.isdigit() for c in word) for word in party):
        return False  # "costs a team of five", "costs each seat": a bill for so many
    if all(word in _NO_PARTY for word in party):
        return False
    # A group: many customers or a whole field ("small retailers", "the industry"). One
    # party ("costs a parent about $95 a month") may be the customer told a price: compared,
    # unless it is the problem's cost as stated (`is_problem_cost`).
    head = party[-1]
    if not (head in _GROUPS or (head.endswith("s") and not head.endswith("ss"))):
        return False
    # The product's or a plan's name is written as a name ("Pro costs", "Procore costs");
    # a lower-case word of a plan's id ("bad project data") is the problem's domain.
    names = re.findall(r"\b[A-Z][\w'-]*", before[: found.start()])
    return not lower_words([*names, found.group("party")]) & product


def _policy_label(text: str, start: int, product: frozenset[str]) -> bool:
    """Whether a policy term or a limit on spending labels the amount ("Excess: £250",
    "Budget: €50 a month"), and is no word of the product's (a plan called Budget)."""
    if text[max(0, start - 3) : start].rstrip()[-1:] not in (":", "=", "-", "–", "—"):
        return False
    found = _POLICY_LABEL_RE.search(text, max(0, start - 40), start)
    if found is None:
        return False
    return unit_key(found.group(0).split()[0].rstrip(":=-–—").lower()) not in product


#: Right before an amount: the cover or insurance as what costs it ("Complete cover is
#: £32.50 a month"), and in the amount, a period: a premium, the product's price.
_COVER_COSTS_RE = lazy_compile(
    r"\b(?:cover|coverage|insurance)\s+(?:is|costs?|starts?\s+at|from|runs?)\s+"
    r"(?:(?:just|only|about|from)\s+)?$",
    re.IGNORECASE,
)
_PERIOD_IN_RAW_RE = lazy_compile(
    r"(?:\ba|\bper|/)\s*(?:month|year|week|quarter|mo|yr)\b|\b(?:monthly|yearly|annually)\b",
    re.IGNORECASE,
)


def _premium(before: str, raw: str) -> bool:
    """Whether "cover" or "insurance" before an amount on a period is what the amount buys:
    a premium ("Complete cover is £28.50 a month"; "cover up to £5,000" is a limit)."""
    return bool(_COVER_COSTS_RE.search(before) and _PERIOD_IN_RAW_RE.search(raw))


def _not_price_word(pattern: re.Pattern[str], before: str, product: frozenset[str]) -> bool:
    """Whether a word of money that is not a price ("credit", "coverage") comes right
    before an amount, and is not a unit the product sells ("Extra credits are $0.30 per
    1,000" where a plan sells `credit`s: an overage rate, compared)."""
    found = pattern.search(before)
    if found is None:
        return False
    word = unit_key(found.group(0).split()[0].lower())
    return word not in product


# -- money held, given or paid to the customer, terms, and lists (held-out set 12b) --------
#: Right before an amount: a verb whose object it is, money the customer is given ("Refer a
#: friend and you both get £50", "earn an extra $25", "receive $10 cashback"); an amount
#: after "for" or "at" ("get Pro for $9") is no object of the verb, and one after an article
#: ("get a $299 battery") is the thing's price unless a reward word follows it.
_REWARD_VERB_RE = lazy_compile(
    r"\b(?:get|gets|getting|receive|receives|receiving|earn|earns|earning|win|wins|winning|"
    r"bag|bags|score|scores|be\s+given|be\s+paid)\s+(?:(?:yourself|each|both)\s+)?"
    r"(?:(?:an?\s+extra|another|a\s+further|up\s+to|at\s+least|as\s+much\s+as|over)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: the business giving it ("we'll give you £50", "we send you a").
_GIVE_RE = lazy_compile(
    r"\b(?:give|gives|giving|send|sends|sending|gift|gifts|credit|credits)\s+(?:you|them|both"
    r"(?:\s+of\s+you)?|each\s+of\s+you|your\s+friend)\s+(?:(?:an?|an?\s+extra|another|up\s+to)"
    r"\s+)?$",
    re.IGNORECASE,
)
#: After an amount: a reward's word ("a £50 e-gift card", "a $30 voucher for you", "$25
#: referral bonus", "$10 cashback", "a $20 account credit").
_REWARD_AFTER_RE = lazy_compile(
    r"^\s*(?:in\s+)?(?:(?:(?!(?:per|for|with|each|every|a|an|of|on|to|at|and|or|the|is|are|"
    r"when|once|if|after)\b)[A-Za-z][\w-]*\s+){0,2}?(?P<word>(?:e-?)?gift(?:\s+(?:cards?|certificates?|vouchers?))?|"
    r"vouchers?|coupons?|bonus(?:es)?|rewards?|cash\s?back|credits?|tokens?))\b",
    re.IGNORECASE,
)
#: A reward's head word: "gift" of "e-gift card", a product's word only if the product sells it.
_REWARD_HEAD_RE = lazy_compile(r"^e-?|\s.*$")
#: After an amount that a verb of giving takes: the thing priced ("get a $9 plan").
_PRICED_AFTER_RE = lazy_compile(
    r"^\s*(?:[\w-]+\s+)?(?:pric(?:e|es|ing)|rates?|plans?|tiers?|memberships?|subscriptions?|packages?|bundles?|"
    r"editions?|licen[cs]es?|seats?|deals?|devices?|kits?|add-ons?|upgrades?)\b",
    re.IGNORECASE,
)
#: Right before an amount: it is paid to the customer ("you are paid the full SAR 400",
#: "we pay you $120", "payouts of $2,000 reach you").
_PAID_TO_YOU_RE = lazy_compile(
    r"\b(?:you(?:'re|\s+are|\s+get|\s+will\s+be|'ll\s+be)\s+paid(?:\s+out)?|we\s+pay\s+(?:you|out)|"
    r"paid\s+out\s+to\s+you|you\s+receive|you\s+collect)\s+(?:(?:the|a|an|your)\s+)?"
    r"(?:(?:full|whole|entire|same)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount, in its clause: a saving its list goes on with ("they save 20 hours a
#: week shifting cows and about $45,000 a year").
_SAVE_LIST_RE = lazy_compile(
    r"\b(?:save|saves|saved|saving)\b[^.;:$€£¥₹]*?\band\s+(?:(?:about|around|roughly|up\s+to|"
    r"over|nearly|almost|another)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: a person's role as what costs it ("a DevOps engineer costs $150,000 a
#: year", "one bookkeeper earns about $50,000").
_PERSON_COSTS_RE = lazy_compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:engineers?|developers?|designers?|analysts?|"
    r"managers?|assistants?|admins?|administrators?|hires?|employees?|specialists?|clerks?|"
    r"receptionists?|nurses?|drivers?|technicians?|coordinators?|planners?)\s+(?:costs?|earns?|"
    r"is\s+paid|runs?)\s+(?:(?:about|around|roughly|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
#: Right before an amount: a price on a period and "for": the amount is what it buys
#: ("£36.20 a month for £10,000" of vet fees covered).
_PRICE_FOR_RE = lazy_compile(
    r"\d\s*(?:a|per|/)\s*(?:month|year|week|mo|yr)\s+for\s+$", re.IGNORECASE
)
#: Right after an amount: what it is spent on ("₹2.50 per km on petrol").
_ON_AFTER_RE = lazy_compile(
    r"^\s*(?:on|with|by|using)\s+(?:a\s+|an\s+|the\s+|your\s+)?(?P<word>[a-z][\w-]*)\b"
)
#: Right before an amount: the figure the sentence sets its own against ("shipping with us
#: costs $9.95, not $14.50", "instead of $30", "rather than $25").
_NOT_THAT_RE = lazy_compile(
    r"(?:^\s*not|,\s*not|\binstead\s+of|\brather\s+than)\s+$", re.IGNORECASE
)
#: After an amount: the fees it is spent in ("$60 a load in landfill tip fees").
_IN_FEES_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each)\s+[\w-]+\s+)?in\s+(?P<what>(?:[\w'-]+\s+){1,3}?)(?:fees|charges|"
    r"taxes|tolls|tips|levies)\b",
    re.IGNORECASE,
)
#: A clause that is only "paying" before an amount ("..., paying ¥10,000 for every day in
#: hospital"), and after it the event a benefit is paid for.
_PAYING_BEFORE_RE = lazy_compile(r"\s*(?:paying|pays|paid|paying\s+out|pays\s+out)\s+", re.I)
_BENEFIT_EVENT_RE = lazy_compile(
    r"^\s*(?:a\s+day\s+)?(?:for|per)\s+(?:every|each|a)\s+(?:day|night|week|stay|visit|"
    r"admission|claim)\b",
    re.IGNORECASE,
)
#: After an amount (and its unit): the inputs it is spent on ("€40 to €60 per hectare in
#: product", "$3,000 a month in fuel").
_IN_INPUTS_AFTER_RE = lazy_compile(
    r"^\s*(?:a\s+[\w-]+\s+)?in\s+(?:products?|chemicals?|fuel|labou?r|materials?|inputs?|seeds?|"
    r"fertili[sz]ers?|feed|spare\s+parts|parts|energy|electricity|water|ingredients)\b",
    re.IGNORECASE,
)
#: Before an amount: a market price the sentence assumes ("With wheat at €210 a tonne").
_WITH_AT_RE = lazy_compile(
    r"\b(?i:with)\s+(?P<noun>[a-z][\w-]*)\s+(?:prices?\s+)?at\s+"
    r"(?:(?i:about|around|roughly|nearly|over|under|close\s+to)\s+)?$"
)
#: After an amount: the customer no longer has it ("$300 a year your mission no longer has").
_NO_LONGER_HAS_RE = lazy_compile(
    r"^\s*(?:[\w'-]+\s+){0,3}?(?:no\s+longer|never)\s+(?:has|have|gets?|receives?|sees?|"
    r"collects?)\b",
    re.IGNORECASE,
)
#: After an amount: what it is the value of ("approve $4,500 of upgrades").
_VALUE_OF_RE = lazy_compile(
    r"^\s+of\s+(?P<thing>(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*[^\Ws]s)\b(?!\s+(?:a|per|each)\b)"
)
#: Words a plural's pattern takes for one ("plus", "bonus"), and charges by name.
_NOT_PLURALS = frozenset({"plus", "thus", "bonus", "status", "bus", "campus", "virus", "this"})
_CHARGE_NOUN_RE = lazy_compile(r"\b(?:commissions?|fees?|charges?|surcharges?)\b", re.IGNORECASE)
#: Right before an amount: it is paid back ("Social security reimburses €21", "we refund
#: up to $50", "the insurer pays back £30").
_REIMBURSES_RE = lazy_compile(
    r"\b(?:reimburses?|reimbursed|reimbursing|refunds?|refunded|pays?\s+back|paid\s+back)\s+"
    r"(?:you\s+|them\s+)?(?:(?:up\s+to|about|around|roughly|the\s+full|the|an?)\s+)*$",
    re.IGNORECASE,
)
#: Before an amount: money paid to the customer for what they sell or export ("a feed-in
#: tariff of 8.1 cents per kWh", "export payments of 15p", "a sell-back rate of").
_SOLD_BEFORE_RE = _words_before(
    r"feed[-\s]?in(?:\s+(?:tariffs?|rates?|payments?|prices?|remuneration))?|(?:smart\s+)?"
    r"export\s+(?:tariffs?|rates?|payments?|prices?|credits?|guarantee)|(?:sell|buy)[-\s]?back"
    r"\s+(?:rates?|prices?|tariffs?)|net[-\s]metering(?:\s+credits?)?|SEG\s+(?:rates?|payments?|"
    r"tariffs?)",
    3,
)
#: After an amount: what the customer exports or sells is what it is paid for ("5p per kWh
#: you export", "for every kWh exported", "per unit sold back to the grid").
_SOLD_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:per|a|an|for\s+(?:each|every)|on\s+(?:each|every))\s+(?:[\w-]+\s+){0,2}?)?"
    r"(?:(?:that\s+|which\s+)?(?:you|they)\s+(?:export|sell\s+back|feed\s+(?:in|into)|send\s+"
    r"(?:back\s+)?to\s+the\s+grid)|exported|fed\s+(?:in|into)|sold\s+back)\b",
    re.IGNORECASE,
)
#: A deposit: money held and given back, a term like an excess ("a £40 deposit is taken",
#: "a refundable $200 deposit", "a deposit of $200").
_DEPOSIT_AFTER_RE = lazy_compile(r"^\s*(?:[\w-]+\s+){0,2}?deposits?\b(?!\s+(?:fees?|charges?))")
_DEPOSIT_BEFORE_RE = _words_before(
    r"(?:refundable|returnable)(?:\s+deposits?)?|(?:security|damage)\s+deposits?|"
    r"deposits?\s+(?:of|is|are|at)",
    1,
)
#: An insurance's limit of cover: a term, not a price ("£100,000 of cover", "$1M of
#: coverage", "a £2M indemnity limit", "£5m public liability", "cover up to £5 million",
#: "£8,000 of vet fees a year").
_COVER_AFTER_RE = lazy_compile(
    r"^\s*(?:of\s+(?:[\w-]+\s+){0,2}?(?:cover|coverage|protection|indemnity|liability)|"
    r"(?:[\w'-]+\s+){0,2}?(?:indemnity|liability|cover|coverage|benefit|policy)\s+(?:limits?|"
    r"caps?|max(?:imum)?)|limits?\s+of\s+(?:cover|indemnity|liability)|(?:of\s+)?(?:public|"
    r"employers'?|professional|products?)\s+(?:liability|indemnity)|"
    # the care it covers ("£8,000 of vet fees a year costs £47.20 a month")
    r"(?:of|in)\s+(?:vet|veterinary|medical|dental|hospital|treatment|legal|repair|care)\s+"
    r"(?:fees|bills|costs|treatment|care|expenses))\b",
    re.IGNORECASE,
)
#: Right after an amount, the noun it sizes: the sum a policy covers ("the ₹1 crore cover
#: is ₹11,700 a year", "$500,000 life coverage", "a £250k sum insured"), not a cover
#: charge; with "of" it is `_COVER_AFTER_RE`'s, where "$150 a year of cover" is a price.
_SUM_COVERED_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:life|term|health|accident|critical\s+illness)\s+)?(?:cover|"
    r"coverage|sum\s+(?:insured|assured))\b(?!\s+charges?\b)",
    re.IGNORECASE,
)
_COVER_BEFORE_RE = _words_before(
    r"(?:cover(?:s|ed)?|coverage|insured|insures?|protect(?:s|ed)?|indemnif(?:y|ies|ied))"
    r"(?:\s+(?:you|your\s+[\w'-]+))?\s+(?:for\s+)?(?:up\s+to|to|of)|(?:limits?|sums?|levels?)\s+"
    r"(?:of\s+)?(?:cover|coverage|indemnity|insured|liability)(?:\s+(?:of|is|at|up\s+to))?|"
    r"(?:indemnity|cover|coverage|liability)\s+(?:limits?|caps?)(?:\s+(?:of|is|at|up\s+to))?",
    2,
)
#: An excess said as the part of each claim the customer pays ("You pay the first £99 of
#: each condition each year"); "the first $120 of your plan" is no claim.
_FIRST_PART_RE = lazy_compile(r"\bthe\s+first\s+$", re.IGNORECASE)
_OF_EACH_CLAIM_RE = lazy_compile(
    r"^\s*(?:of|towards?)\s+(?:each|every|any|a|an|your|the)\s+(?:[\w'-]+\s+){0,2}?(?:claims?|"
    r"conditions?|incidents?|illness(?:es)?|injur(?:y|ies)|treatments?|loss(?:es)?|repairs?)\b",
    re.IGNORECASE,
)
#: What the problem costs, said as a cost on one party with the problem as subject ("Order
#: mistakes cost a full-service restaurant about $1,500 a month in comped dishes"): the
#: verb, a party (or none) and the words that may qualify the amount, at the clause's end.
_COST_ON_RE = lazy_compile(
    r"\b(?P<modal>(?:can|could|may|might|will|would|often|typically|usually|easily|quickly|"
    r"regularly|routinely|alone|together)\s+)*(?:costs?|costing)\s+(?P<party>(?:[\w'.-]+\s+)"
    r"{0,4}?)(?:(?:about|around|roughly|nearly|almost|over|more\s+than|up\s+to|an\s+estimated|"
    r"an?\s+average\s+of|as\s+much\s+as|at\s+least|some|well\s+over)\s+){0,2}$",
    re.IGNORECASE,
)
_MODALS = ("can", "could", "may", "might", "will", "would")
#: After an amount: the loss it is counted in ("in comped dishes", "in lost sales", "in
#: fines", "in overtime", "in wasted stock").
_LOSS_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each)\s+[\w'-]+\s+)?in\s+(?:[\w'-]+\s+){0,2}?(?:lost|wasted?|missed|"
    r"comped|comps|spoil(?:ed|age)|unpaid|unbilled|forgone|idle|overtime|fines|penalties|"
    r"refunds|chargebacks|shrinkage|write[-\s]?offs?|written[-\s]off|downtime|damages|rework|"
    r"re-?dos|remakes|no-shows|theft|fraud|churn|interest|legal\s+fees|late\s+fees|"
    r"re-?deliver(?:y|ies)|returns)\b",
    re.IGNORECASE,
)
#: A subject that is the product's price, not a problem: a pronoun ("It costs a salon").
_PRONOUN_SUBJECT_RE = lazy_compile(
    r"^\s*(?:(?:and|but|so|yet)\s+)?(?:it|this|that|which|they|these|those|ours|everything|each|"
    r"one|all)\s*$",
    re.IGNORECASE,
)
#: Words that make money said as a cost a price: "costs a restaurant just $69".
_PRICE_QUALIFIERS = frozenset({"just", "only", "from", "mere", "little", "low"})
#: Between two amounts of one list: a joiner and nothing else ("£0, £100, £250, £500 or
#: £1,000", "$200 and $500", "£5 to £10").
_LIST_JOIN_RE = lazy_compile(
    r"^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:,\s*)?(?:or|and|to|through)\s+|[-–/]\s*)$",
    re.IGNORECASE,
)


def money_not_priced(
    amount: TextAmount, text: str, currency: str | None, context: ClaimContext
) -> str | None:
    """Why the money at `amount` is not the product's price by the kinds of the held-out
    set 12b, or None: money given to the customer as a reward, paid to them for what they
    export, a deposit held and given back, an insurance's limit of cover, what the problem
    costs said as a cost with the problem as subject; and an amount of a list whose head
    is no price ("an excess of £0, £100, £250 or £500": each is an excess). `context`'s
    own reading (`not_a_price`) comes first; this reads what it does not."""
    reason = _not_priced_alone(amount.span[0], amount.span[1], amount.per, text, context)
    if reason is not None:
        return reason
    head = _list_head(amount, text, currency)
    if head is None:
        return None
    if head.is_saving or head.is_business_figure:
        return "a saving, a loss or the customer's business figure, as the head of its list"
    reason = context.not_a_price(text, *head.span) or _not_priced_alone(
        head.span[0], head.span[1], head.per, text, context
    )
    return None if reason is None else f"{reason}, as the head of its list"


def _not_priced_alone(
    start: int, end: int, per: str | None, text: str, context: ClaimContext
) -> str | None:
    """`money_not_priced` for one amount, its list aside; `per` its period, if any."""
    before = _before_clause(text[max(0, start - 120) : start])
    after = _clause(text[end : end + 80], last=False)
    product = context.product | context.sold
    reward = _REWARD_AFTER_RE.match(after)
    if (
        reward is not None
        and unit_key(_REWARD_HEAD_RE.sub("", reward.group("word").lower())) not in product
    ):
        return "a reward given to the customer"
    if (_REWARD_VERB_RE.search(before) or _GIVE_RE.search(before)) and not (
        _PRICED_AFTER_RE.match(after) or lower_words(after.split()[:1]) & product
    ):
        return "a reward given to the customer"
    if _PAID_TO_YOU_RE.search(before):
        return "money paid to the customer"  # "you are paid the full SAR 400 upfront"
    if _SAVE_LIST_RE.search(before):
        return "a saving"  # "they save 20 hours a week ... and about $45,000 a year"
    if _PERSON_COSTS_RE.search(before):
        return "what a person costs"  # "a DevOps engineer costs $150,000 a year"
    if _PRICE_FOR_RE.search(text, max(0, start - 40), start):
        return "what a price buys"  # "£36.20 a month for £10,000"
    on_alt = _ON_AFTER_RE.match(after)
    if on_alt is not None and unit_key(on_alt.group("word").lower()) in context.alternative:
        return "an alternative's price"  # "₹2.50 per km on petrol" beside a petrol scooter
    if _NOT_THAT_RE.search(before):
        return "a price the offer is set against"  # "costs $9.95, not $14.50"
    paid_in = _IN_FEES_AFTER_RE.match(after)
    if (
        paid_in is not None
        and not lower_words([paid_in.group("what")]) & product
        and not _OFFER_WORD_RE.search(before)
    ):
        # "$60 a load in landfill tip fees"; "the monthly plan costs a salon $120 a month in
        # card fees" is the plan's own.
        return "fees paid to another party"
    if _PAYING_BEFORE_RE.fullmatch(before) and _BENEFIT_EVENT_RE.match(after):
        return "a benefit paid to the customer"  # "paying ¥10,000 for every day in hospital"
    if _IN_INPUTS_AFTER_RE.match(after):
        return "what the problem costs in its inputs"  # "€40 to €60 per hectare in product"
    if (market := _WITH_AT_RE.search(before)) is not None and not (
        lower_words([market.group("noun")]) & product
    ):
        return "the price of something else"  # "With wheat at €210 a tonne"
    if _NO_LONGER_HAS_RE.match(after):
        return "money the customer loses"  # "$300 a year your mission no longer has"
    value = _VALUE_OF_RE.match(after)
    if (
        value is not None
        and per not in PERIOD_FACTORS  # "$40 a day of unlimited rides": a day's price
        and not lower_words([value.group("thing")]) & product
        # "R$6 of commission plus the fixed fee": a charge of ours, "plus" no plural
        and not _CHARGE_NOUN_RE.search(value.group("thing"))
        and value.group("thing").split()[-1].lower() not in _NOT_PLURALS
    ):
        return "the value of something else"  # "approve $4,500 of upgrades"
    if _REIMBURSES_RE.search(before):
        return "money paid back to the customer"  # "Social security reimburses €21"
    sold = _SOLD_BEFORE_RE.search(before)
    if (
        sold is not None and not lower_words(sold.group(0).split()[:1]) & product
    ) or _SOLD_AFTER_RE.match(after):
        return "money paid to the customer for what they export or sell"
    if "deposit" not in product and (
        _DEPOSIT_AFTER_RE.match(after) or _DEPOSIT_BEFORE_RE.search(before)
    ):
        return "a deposit, held and given back"
    if (
        (per is None and _COVER_AFTER_RE.match(after))
        or _COVER_BEFORE_RE.search(before)
        or _SUM_COVERED_AFTER_RE.match(after)
    ):
        return "a limit of cover"  # not "$150 for each year of cover": a price per year
    if _FIRST_PART_RE.search(before) and _OF_EACH_CLAIM_RE.match(after):
        return "an excess, the first part of each claim"
    if _long_alternative(start, text, context):
        return "an alternative's price"
    if "cost" in before.lower() and _problem_cost_said(before, after, context):
        return "what the problem costs"
    return None


def _long_alternative(start: int, text: str, context: ClaimContext) -> bool:
    """Whether the clause before an amount, however long, names an alternative of
    `problem.alternatives` whole ("A traditional annual hire and reward policy for a moped
    rider typically costs £1,800 a year"), and the words from it to the amount name no plan
    and not the product ("..., Brightdesk costs $120" is the product's)."""
    head, _ = sentence_bounds(text, start, start)
    clause = " ".join(_clause(text[max(head, start - _SENTENCE_REACH) : start], last=True).split())
    lowered = f" {clause.lower()} "
    for phrase in context.others:
        if " " not in phrase:
            continue
        at = lowered.rfind(f" {phrase} ")
        if at >= 0 and not _offer_named(clause[at + len(phrase) :], context):
            return True
    return False


def _problem_cost_said(before: str, after: str, context: ClaimContext) -> bool:
    """Whether the clause before an amount says what the problem costs, as a cost on one
    party or none ("Order mistakes cost a full-service restaurant about $1,500 a month"):
    the subject before "cost" is no pronoun nor a possessive and has no word of the
    product's (name, category, plans, units, fees) nor a price word; the party is no count
    ("a team of five": a bill for so many) and not the customer addressed; and a loss
    follows the amount ("in comped dishes", "in lost sales"), or there is a party and the
    subject has a word of the problem's (`problem.statement`, `terms`, pains) or a modal
    puts the cost on it ("Double bookings can cost a busy salon $4,000 a month")."""
    found = _COST_ON_RE.search(before)
    if found is None:
        return False
    subject = before[: found.start()]
    if (
        not subject.strip()
        or _PRONOUN_SUBJECT_RE.match(subject)
        or re.search(r"\w['’]s?\s", subject)
    ):
        # A possessive owns what costs ("Pro's classes", "Acme's plan"): a price, read elsewhere.
        return False
    words = lower_words([subject])
    own = lower_words(list(context.own))
    if words & (context.product | context.sold | context.tie | own) or _OFFER_WORD_RE.search(
        subject
    ):
        return False
    written = found.group("party").split()
    party = [word.lower() for word in written]
    if any(word in _COUNTED_PARTY or any(c.isdigit() for c in word) for word in party):
        return False
    if any(word in ("you", "me", "us") for word in party):
        return False
    real_party = not all(word in _NO_PARTY for word in party)
    names = [word for word in written if word[:1].isupper()]
    if names and lower_words(names) & (context.tie | own):
        return False  # "costs a Premium restaurant": a plan or the product named
    if set(party) & _PRICE_QUALIFIERS or _offer_named(after, context):
        return False  # "costs a restaurant just $69 a month with Lightspeed": a price
    if _LOSS_AFTER_RE.match(after) is not None:
        return True
    modal = found.group("modal") or ""
    return real_party and (
        bool(words & context.problem) or any(word in _MODALS for word in modal.lower().split())
    )


def _list_head(amount: TextAmount, text: str, currency: str | None) -> TextAmount | None:
    """The first amount of the list `amount` ends or stands in, amounts joined by ", ",
    "or", "and" or "to" and nothing else ("£0, £100, £250 or £1,000"), or None where it
    is no list's later member."""
    start = amount.span[0]
    if not re.search(r"(?:[,/–-]|\b(?:or|and|to|through))\s*$", text[max(0, start - 12) : start]):
        return None  # cheap: most amounts are no list's later member
    head_at, tail = sentence_bounds(text, start, amount.span[1])
    amounts = [
        replace(a, span=(a.span[0] + head_at, a.span[1] + head_at))
        for a in find_amounts(text[head_at:tail], currency)
    ]
    index = next((i for i, a in enumerate(amounts) if a.span[0] == start), None)
    if index is None or index == 0:
        return None
    first = index
    while first > 0:
        earlier, later = amounts[first - 1], amounts[first]
        if not _LIST_JOIN_RE.match(text[earlier.span[1] : later.span[0]]):
            break
        if earlier.per is not None and earlier.per != later.per:
            break  # "£95 a month, or £1,040": two billing options, not one list's items
        first -= 1
    return amounts[first] if first < index else None


#: Verbs that join a party to the money it charges ("a gateway often adds $25 a month", "an
#: attorney can charge $1,000", "carriers bill $12"), with the one word they may take as
#: an object ("runs you $25", "charges merchants $25").
_CHARGE_VERBS = (
    r"(?:costs?|costing|charges?|charged|charging|bills?|billed|takes?|took|adds?|added|"
    r"asks?|asking|wants?|demands?|requires?|runs?|ran|totals?|averages?|"
    r"comes?\s+to|amounts?\s+to|tacks?\s+on|sets?\s+(?:you|them|\w+)\s+back|"
    r"starts?\s+at|ranges?\s+from|runs?\s+from|goes?\s+for|sells?\s+for|lists?\s+at)"
    r"(?:\s+(?:you|them|us|merchants|sellers|buyers|customers|stores|shops|businesses|"
    r"owners|founders|teams|companies|(?:a|an|the|your|each|every)\s+[\w'-]+))?"
)
#: Between a verb and its amount: "about", "up to", "an extra", "from".
_CHARGE_QUALIFIERS = (
    r"(?:(?:just|only|about|around|roughly|nearly|almost|over|up\s+to|as\s+much\s+as|"
    r"at\s+least|another|an\s+extra|extra|a\s+further|from|between|typically|usually|"
    r"often)\s+)*"
)

#: Before an amount: the phrase it is the price of ("one boutique spin class a week at",
#: "a gateway and merchant account often adds").
_PRICE_CUE_RE = lazy_compile(
    r"(?P<phrase>(?:[\w'-]+\s+){1,6}?)(?:at|for|vs\.?|versus|is|are|priced\s+at|of|=|"
    + _CHARGE_VERBS
    + r")\s+"
    + _CHARGE_QUALIFIERS
    + r"$",
    re.IGNORECASE,
)

#: Between a subject and its verb: modals, adverbs, a relative pronoun ("state filing
#: fees, which run from $35", "an attorney can easily charge $1,000").
_SUBJECT_GAP = (
    r"(?:'s|s')?,?\s+(?:(?:which|that|who|can|could|will|would|may|might|often|usually|"
    r"typically|generally|normally|sometimes|commonly|alone|also|then|still|easily|each|"
    r"all|now|already|themselves|itself|quickly)\s+)*"
)
#: Another party than the product: the state, a lawyer, a bank, a carrier, "other
#: providers", "traditional gateways".
_OTHER_PARTY = (
    r"(?:attorneys?|lawyers?|solicitors?|accountants?|CPAs?|bookkeepers?|notar(?:y|ies)|"
    r"agenc(?:y|ies)|consultants?|contractors?|freelancers?|brokers?|banks?|(?:card\s+)?"
    r"issuers?|carriers?|(?:the\s+)?states?|(?:the\s+)?government|IRS|HMRC|counties|"
    r"county|courts?|DMV|registrars?|competitors?|rivals?|incumbents?|cit(?:y|ies)|councils?|"
    r"municipalit(?:y|ies)|towns?|landlords?|(?:service\s+)?providers?|agents?|"
    r"(?:other|most|typical|traditional|legacy|conventional|incumbent)\s+[a-z][\w'-]+)"
)
#: Money paid through to another party than the product: government, filing and court
#: fees, taxes and duties, postage and a carrier's shipping, the card networks' fees, a
#: lawyer's or an agency's fee.
_PASS_THROUGH = (
    r"(?:(?:(?:state|government|governmental|filing|court|county|city|municipal|federal|"
    r"registry|registration|notary|recording|stamp|customs|import|export|shipping|postage|"
    r"carrier|interchange|card[-\s]network|network|scheme|issuer|bank|wire|attorney|lawyer|"
    r"legal|agency|third[-\s]party|pass[-\s]through)(?:'s|s'|s)?\s+){1,3}"
    r"(?:fees?|charges?|costs?|taxes|tax|dues|duty|duties)(?:\s+(?:and|&)\s+(?:fees|charges|taxes|"
    r"surcharges|duties))?"
    r"|taxes|sales\s+tax|VAT|GST|HST|"
    # any tax named by a word ("the automobile tax of ¥30,500"), as a subject, not "for tax"
    r"(?<![\w-])(?!(?:for|in|of|as|the|a|an|your|our|their|and|or|to|with|on|per|no|any|"
    r"pay|pays|paid|after|before|incl|excl|plus)\s)[a-z]+\s+tax(?:es)?"
    r"(?=\s+(?:of|is|are|was|at|costs?|charges?|runs?)\b|\s*[,.;)]|\s*$)|"
    r"duties|excise(?:\s+dut(?:y|ies))?|postage|(?:tourist|occupancy|hotel|city|local|"
    r"departure|airport|visitor|bed|eco|carbon|fuel)\s+(?:tax(?:es)?|levy|levies|surcharges?))"
)
_PARTY_BEFORE_RE = lazy_compile(
    rf"\b(?P<party>{_OTHER_PARTY}){_SUBJECT_GAP}{_CHARGE_VERBS}\s+"
    # what they charge, named ("banks charge a setup fee of AED 2,500")
    r"(?:(?:an?|the|their|its|your)\s+(?:[\w'-]+\s+){0,2}?(?:fees?|charges?|surcharges?|rates?|"
    rf"prices?|premiums?)\s+of\s+)?{_CHARGE_QUALIFIERS}(?:an?\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: any parties, named in the plural, charging it ("the railways charge
#: from €10", "the airlines bill you $35"): not the product, where no word of theirs is its.
_PARTIES_CHARGE_RE = lazy_compile(
    r"\b(?:the|many|most|some|other|typical|these|those)\s+"
    r"(?P<party>(?:[A-Za-z][\w'-]*\s+){0,2}[a-z][\w'-]*[^\Ws]s)"
    rf"{_SUBJECT_GAP}(?:charge|charged|charging|bill|billed|ask|asked|deduct|deducted)\s+"
    r"(?:you\s+|them\s+)?"
    # what they charge, named ("Other smart rings charge a membership of around ₹500")
    r"(?:(?:an?|the|their)\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?)?"
    rf"{_CHARGE_QUALIFIERS}$",
    re.IGNORECASE,
)
#: Before an amount: a party named by a common noun charging it ("a celebrant charges around
#: £200", "the locksmith will charge $150"), not a thing of the product's ("the plan charges").
_ONE_CHARGES_RE = lazy_compile(
    r"\b(?:an?|the|your|their|each|every|any)\s+(?!(?:plan|tier|subscription|membership|app|"
    r"service|platform|product|account|package|bundle|card|software|tool|system)\b)"
    r"(?P<party>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+"
    # its terms between ("a marketplace at 25% commission takes $10")
    r"(?:(?:at|on|with|charging)\s+\S+(?:\s+[a-z]+)?\s+)?"
    r"(?:(?:typically|usually|often|normally|will|would|may|might|can|"
    r"could|then|also)\s+)*(?:charges?|bills?|asks?(?:\s+for)?|invoices?|takes?)\s+(?:you\s+)?"
    rf"{_CHARGE_QUALIFIERS}$",
    re.IGNORECASE,
)
#: After "$0": a thing given at no cost ("$0 virtual urgent care", "$0 shipping"), not a
#: period, a preposition or a plan's price ("$0 a month", "$0 to start", "$0 down").
_ZERO_THING_RE = lazy_compile(
    r"\s+(?!(?:a|an|the|per|for|to|down|up|upfront|today|now|then|each|every|and|or|if|when|"
    r"with|on|in|at|from|by|is|are|was|month|year|week|day|plan|tier)\b)[a-z][\w-]*"
)
#: After "pay the": words of what is paid, not of whom ("pay the full $30", "pay the
#: monthly $12").
_NOT_A_PAYEE = (
    r"(?:full|whole|same|first|last|remaining|rest|balance|difference|total|usual|standard|"
    r"regular|normal|entire|extra|additional|monthly|yearly|annual|weekly|daily|upfront|"
    r"reduced|discounted|lower|higher|flat|fixed|agreed|going|list|sticker|retail|advertised|"
    r"quoted|price|fee|amount|sum|bill|deposit|premium|excess|rate|cost|initial|final|"
    r"minimum|maximum|net|gross|new|old|current|subscription|membership|plan|annual)"
)
#: Before an amount: the customer paying another party it ("pay their broker around €70
#: per employee", "paying your accountant $300 a month").
_PAY_PARTY_RE = lazy_compile(
    r"\b(?:pay|pays|paid|paying|tip|tips|tipped|tipping)\s+(?:(?:their|your|his|her|its|our)\s+"
    # or another party with "the" ("pays the bank about A$1,800 in FX margin", "pay the
    # clinic R$ 30"), a noun right before the amount, not what is paid ("the full $30")
    rf"(?:own\s+)?|the\s+(?={_OTHER_PARTY}\b|(?!{_NOT_A_PAYEE}\b)[a-z]+\s+{_CHARGE_QUALIFIERS}$))"
    r"(?P<party>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+"
    rf"(?:(?:for\s+\w+\s+)?){_CHARGE_QUALIFIERS}$",
    re.IGNORECASE,
)
#: Before an amount: what the customer's former or current provider charged ("Her old
#: insurer's renewal was $1,150", "your current bank's fee is $25").
_OLD_PROVIDER_RE = lazy_compile(
    r"\b(?:your|her|his|their|my)\s+(?:old|previous|former|current|existing|last)\s+"
    r"(?P<party>[a-z][\w'-]*(?:'s)?(?:\s+[a-z][\w'-]*){0,2})\s+(?:was|were|is|are|cost|costs|"
    rf"charged|came\s+to|ran)\s+{_CHARGE_QUALIFIERS}$",
    re.IGNORECASE,
)
_FEE_BEFORE_RE = lazy_compile(
    rf"\b(?P<party>{_PASS_THROUGH})(?:{_SUBJECT_GAP}(?:is|are|of|at|{_CHARGE_VERBS})\s+|"
    # or an aside of its amount ("government taxes and fees, typically $15 to $20")
    r",\s+(?:(?:typically|usually|often|generally|about|around|roughly|averaging)\s+)+)"
    rf"{_CHARGE_QUALIFIERS}$",
    re.IGNORECASE,
)
_FEE_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each)\s+(?!in\b|of\b)[\w'-]+\s+)?(?:(?:in|of|for|as)\s+)?"
    r"(?:(?:the|a|an|one-time|annual|yearly|monthly|typical|average|any)\s+)*"
    rf"(?P<party>{_PASS_THROUGH})\b",
    re.IGNORECASE,
)
_AGENT_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each)\s+(?!in\b|of\b)[\w'-]+\s*)?,?\s*(?:(?:in|of)\s+[\w'-]+\s+)?"
    r"(?:(?:is|are|was|were|gets?|being)\s+)?"
    r"(?:charged|billed|collected|taken|kept|paid|payable|owed|due|remitted|added|goes|go)\s+"
    r"(?:by|to)\s+(?P<party>(?:[\w'&.-]+\s*){1,5})",
    re.IGNORECASE,
)
#: A range's upper end reads as its lower end does ("from $35 to $500").
_RANGE_TAIL_RE = lazy_compile(r"\S*\d\S*\s*(?:to|-|–|and|or)\s*$", re.IGNORECASE)
_RANGE_HEAD_RE = lazy_compile(
    r"^\s*(?:to|-|–|—)\s*\D{0,3}\d[\d.,]*(?:[kKmM]|bn)?"
    r"(?:\s*(?:cents?|pence|[¢pc]|[A-Z]{3})(?![A-Za-z]))?",
)


def _third_party(
    before: str, after: str, product: frozenset[str], alternative: frozenset[str], rest: str = ""
) -> str | None:
    """Why money whose clause has another party as its subject or agent ("the state
    charges $35", "an attorney can charge $1,000", "$25 a month billed by your bank"), or
    that is a pass-through fee ("state filing fees, which run from $35", "$35 in state
    fees", "$5 of VAT"), is not the product's price; None where it may be. A party or fee
    the product's own words name (a plan's `shipping` fee, an agency's own category) is
    the product's: compared. `rest` is the text after the amount past its clause, where
    the agent may follow an aside ("The delivery fee, around Rp 10,000 an order, is paid
    by the eater")."""
    before = _RANGE_TAIL_RE.sub("", before)
    lowered = before.lower()
    for pattern, reason, words in (
        (_FEE_BEFORE_RE, "a fee paid to another party", ()),
        (_PARTY_BEFORE_RE, "another party's price", ()),
        (_ONE_CHARGES_RE, "another party's price", ("charge", "bill", "ask", "invoice", "take")),
        (_PARTIES_CHARGE_RE, "another party's price", ()),
        (_PAY_PARTY_RE, "another party's price", ("pay", "paid", "tip")),
        (_OLD_PROVIDER_RE, "what the customer paid another provider", ()),
    ):
        if words and not _has_any(lowered, words):
            continue  # none of its words: the pattern is not compiled
        match = pattern.search(before)
        if match is not None and (
            # "Other smart rings charge ...": others of the product's kind are not it
            match.group(0).lower().startswith("other ")
            or not _the_products(match.group("party"), product)
        ):
            return reason
    match = _FEE_AFTER_RE.match(after)
    if match is not None and not _the_products(match.group("party"), product):
        return "a fee paid to another party"
    seller = _SELLER_AFTER_RE.match(after)
    if (
        seller is not None
        and seller.group("name").split()[0].lower().rstrip(".") not in _NOT_A_SELLER | _COMMON_LOWER
        and not lower_words([seller.group("name")]) & product
    ):
        return "another business's price"  # "R99 a month at Virgin Active"
    # Its agent may follow the amount's aside too ("The delivery fee, around Rp 10,000 an
    # order, is paid by the eater").
    agent = _AGENT_AFTER_RE.match(after) or _AGENT_AFTER_RE.match(rest)
    if agent is not None:
        phrase = agent.group("party")
        party = re.match(rf"(?:the\s+|your\s+|a\s+|an\s+)?{_OTHER_PARTY}\b", phrase, re.IGNORECASE)
        if (
            party is not None
            or lower_words([phrase]) & alternative
            or _someone_else(phrase, product)
            or _CAPITAL_BODY_RE.match(phrase)
        ) and not _the_products(phrase, product):
            return "another party's price"
    if _has_any(after.lower(), ("pay", "paid")) and _PAY_PARTY_AFTER_RE.match(after):
        return "another party's price"  # "the ₹3,000 a month many firms pay an accountant"
    paid_to = _PAID_TO_PARTY_RE.search(before) if " to " in lowered else None
    if paid_to is None and " to " in after:
        paid_to = _PAID_TO_PARTY_RE.search(after)  # "... is added and paid to ICANN"
    if paid_to is not None and not _the_products(paid_to.group("party"), product):
        return "a fee paid to another party"  # "State filing fees are paid to the state, from $50"
    return None


#: Before an amount, in its clause: it goes to another party ("State filing fees are extra
#: and paid to the state, from $50").
_PAID_TO_PARTY_RE = lazy_compile(
    r"\b(?i:paid|payable|owed|remitted|passed\s+on|goes|go)\s+(?i:directly\s+|straight\s+)?"
    rf"(?i:to)\s+(?P<party>(?i:(?:the\s+|your\s+|a\s+|an\s+)?{_OTHER_PARTY})|"
    # or a body named in capitals ("paid to ICANN", "paid to NTSA")
    r"[A-Z][A-Za-z&.-]+)\b"
)
#: After an amount: people paying another party it ("₹3,000 a month many firms pay an
#: accountant").
_PAY_PARTY_AFTER_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each)\s+[a-z]+\s+)?(?:that\s+|which\s+)?(?:[\w-]+\s+){0,3}?"
    rf"(?:pay|pays|paid|paying)\s+(?:a|an|the|their|your|his|her)\s+(?:[\w-]+\s+)?{_OTHER_PARTY}\b",
    re.IGNORECASE,
)
#: A body named in capitals as an agent ("paid to NTSA at the end"), not a word of ours.
_CAPITAL_BODY_RE = lazy_compile(r"[A-Z]{2,}[A-Za-z&.-]*\b")
#: After "by the" or "by your": what prices by a measure, not a party ("billed by the hour").
_BY_MEASURE = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "mile",
     "kilometre", "kilometer", "km", "gram", "kilo", "kg", "pound", "ton", "tonne", "litre",
     "liter", "gallon", "unit", "piece", "item", "page", "word", "gb", "mb", "tb", "kwh",
     "seat", "user", "head", "person", "customer", "client", "member", "subscriber", "buyer",
     "shopper", "owner", "way"}
)  # fmt: skip


def _someone_else(phrase: str, product: frozenset[str]) -> bool:
    """Whether the agent of "paid by" or "billed by" is a party other than the customer
    and the product ("is paid by the eater to the driver", "billed by your distributor"):
    a noun after "the" or "your", not a measure ("by the hour"), the customer ("by the
    customer", ambiguous: compared) or a word of the product's."""
    words = re.findall(r"[A-Za-z][\w'-]*", phrase)
    if len(words) < 2 or words[0].lower() not in ("the", "your", "their"):
        return False
    noun = unit_key(words[1])
    return noun not in _BY_MEASURE and noun not in product and noun not in STOPWORDS


#: After an amount: the business it is paid at, by name ("R99 a month at Virgin Active or
#: Planet Fitness", "$1,299 from Apple").
_SELLER_AFTER_RE = lazy_compile(
    r"^\s*,?\s*(?:at|from)\s+(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,2})(?![\w&'-])"
)
#: Capitalised words after "at" or "from" that name no business ("from January", "at
#: Checkout", "from Day one").
_NOT_A_SELLER = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "day", "month", "year", "week", "checkout", "launch",
     "signup", "sign", "renewal", "tier", "level", "step", "stage", "phase", "i", "us",
     "our", "your", "the", "a", "an", "just", "only", "as", "least", "most", "every",
     "each", "one", "two", "three", "start", "today", "now"}
)  # fmt: skip
#: Words that name no one in particular in a party's or a fee's phrase.
_PARTY_PLAIN = frozenset(
    {"fee", "charge", "cost", "due", "duty", "tax", "taxe", "the", "your", "a", "an", "other",
     "most", "typical", "traditional", "legacy", "conventional", "incumbent", "card", "s"}
)  # fmt: skip


def _the_products(phrase: str, product: frozenset[str]) -> bool:
    """Whether a party's or a fee's phrase is the product's own: every telling word of it
    is one of the product's words (a plan's `shipping` fee, an agency's own category)."""
    words = lower_words([phrase]) - _PARTY_PLAIN
    return bool(words) and words <= product


#: After an amount: where it is paid ("$35 a class at a boutique studio"), or the thing it
#: is the price of, right after it ("a $40 gym class").
_AT_PLACE_RE = lazy_compile(
    r"^\s*(?:(?:(?:a|an|per|each)\s+[\w'-]+\s+)?(?:at|from)\s+(?P<phrase>(?:[\w'-]+\s*){1,5})"
    r"|(?!(?:a|an|per|each|for|to|in|with|of|on|or|and|a\s+month|once|off|back)\b)"
    r"(?P<thing>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?))",
    re.IGNORECASE,
)


def _names_alternative(
    before: str,
    after: str,
    alternative: frozenset[str],
    product: frozenset[str],
    shared: frozenset[str] = frozenset(),
) -> bool:
    """Whether the phrase an amount is the price of ("one boutique spin class a week at
    $35", "$35 a class at a boutique studio") names an alternative and nothing of the
    product's own but words the alternatives share with it (`shared`: "model" of
    "self-hosting an open model" beside a model API: "renting GPU servers for a comparable
    model at around €3,000 a month")."""
    cue = _PRICE_CUE_RE.search(_RANGE_TAIL_RE.sub("", before))
    where = _AT_PLACE_RE.match(after)
    after_phrase = (where.group("phrase") or where.group("thing") or "") if where else ""
    for phrase in (cue.group("phrase") if cue else "", after_phrase):
        words = lower_words([phrase])
        if words & alternative and not words & product - shared:
            return True
    return False


def is_at_most(text: str, start: int) -> bool:
    """ "less than $5 a day", "under $50 a month": an upper bound, not an exact price."""
    return _AT_MOST_RE.search(_clause(text[max(0, start - 40) : start], last=True)) is not None


_CLAUSE_END_RE = lazy_compile(r"[.;:!?()\[\]]\s|[;:!?()\[\]]|\s[-–—]\s|\n|,\s")


#: An example's marker right before an amount (", say,", "(e.g.", " - for example"): the
#: amount belongs to the clause the marker interrupts.
_EXAMPLE_RE = lazy_compile(
    r"(?:,\s*|\(\s*|\s[-–—]\s*)\b(?:say|e\.\s?g\.?|for\s+example|for\s+instance|such\s+as)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
#: A clause that begins with a relative word ("unlike ADT, where monitoring runs $45.99")
#: speaks of what the clause before it names.
_RELATIVE_RE = lazy_compile(r"^\s*(?:where|which|whose|who|whom)\b", re.IGNORECASE)


#: A clause that is only an aside of the amount that follows ("typically", "about").
_ASIDE_RE = lazy_compile(
    r"\s*(?:(?:typically|usually|often|generally|normally|about|around|roughly|approximately|"
    r"averaging|from|between)\s+)+",
    re.IGNORECASE,
)


def _before_clause(window: str) -> str:
    """The clause an amount stands in, up to it, from the text before it; a relative clause
    with the clause it hangs on ("unlike ADT, where monitoring runs")."""
    # "a limit of, say, €100", "a budget (e.g. $50)": an example's marker is inside the
    # clause it interrupts, not its end.
    if window.rstrip().endswith(
        (",", ":", "say", "e.g.", "eg.", "e.g", "example", "instance", "such as")
    ):
        window = _EXAMPLE_RE.sub(" ", window[-100:])
    clause = _clause(window[-80:], last=True)
    if _ASIDE_RE.fullmatch(clause) and window[: len(window) - len(clause)].rstrip().endswith(","):
        # "government taxes and fees, typically $15": an aside of the clause before it.
        rest = window[: len(window) - len(clause)].rstrip()[:-1]
        return _clause(rest[-80:], last=True) + ", " + clause.strip() + " "
    if _RELATIVE_RE.match(clause):
        rest = window[: len(window) - len(clause)]
        ends = list(_CLAUSE_END_RE.finditer(rest))
        if ends and ends[-1].end() == len(rest):
            rest = rest[: ends[-1].start()]
        clause = _clause(rest, last=True) + ", " + clause
    return clause


def _clause(window: str, *, last: bool) -> str:
    ends = list(_CLAUSE_END_RE.finditer(window))
    if not ends:
        return window
    return window[ends[-1].end() :] if last else window[: ends[0].start()]


def fee_words(foot: Footing) -> frozenset[str]:
    """The names and units of per-event fees (a fee with a unit) in any plan; not a fee
    on a period ("a membership of $17.95 a week", "an access charge a day"), which is a
    recurring price of the plan, compared like its base."""
    words: set[str] = set()
    for plan in foot.plans:
        for part in plan.own.parts:
            if part.kind == "fee" and part.per is None and part.once == 0:
                words.add(unit_key(part.name))
                if part.unit:
                    words.add(unit_key(part.unit))
    return frozenset(words)


@dataclass(frozen=True)
class TextPercent:
    """A percentage a claim names as a price: "2.9% + 30¢", "a 6.5% transaction fee"."""

    value: Decimal
    span: tuple[int, int]
    raw: str
    #: The plan the text gives it to ("Plus 25%"), by id, or None.
    plan: str | None = None
    #: What the text gives it to ("mada at 1%"): the word of a volume a plan takes a share
    #: of (`Footing.base_names`), or None.
    base: str | None = None


#: A percentage, cued as a price or not ("Plus 25%" in a list of plans' percentages).
_ANY_PERCENT_RE = lazy_compile(r"(?<![\w.,])(?P<value>\d{1,2}(?:[.,]\d{1,3})?)\s?%")
#: After a bare percentage: a change or a share of people, not a price.
_NOT_RATE_AFTER_RE = lazy_compile(
    r"\s*(?:more|less|fewer|faster|slower|off|higher|lower|cheaper|bigger|smaller|better|"
    r"discount|savings?|increase|decrease|growth|of\s+(?:the\s+|all\s+|its\s+|their\s+)?"
    r"(?:customers|users|teams|people|members|restaurants|merchants|businesses|companies|"
    r"diners|buyers|sellers|shoppers|visitors))\b",
    re.IGNORECASE,
)


def _plan_patterns(foot: Footing | None) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """`Footing.plan_names`, none without a price."""
    return foot.plan_names if foot is not None else []


#: Numbers a plan's id may spell and a claim write in digits, or the other way round
#: (`sixteen-foot` is "16-foot", `2-seat` "two-seat").
_ID_NUMBERS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
}  # fmt: skip
_ID_DIGITS = {digits: word for word, digits in _ID_NUMBERS.items()}


#: Between two words of a plan id as a claim writes them: "payroll-hr" is "Payroll and
#: HR", "Payroll & HR", "Payroll + HR" too.
_ID_JOIN = r"(?:\s+(?i:and|&|\+)\s+|[\s_-]+)"


def _id_word(word: str, capital: bool = False) -> str:
    """One word of a plan id as a pattern: any case (`capital`: a capital first letter, as
    a name is written), and a number either spelt or in digits."""
    low = word.lower()
    other = _ID_NUMBERS.get(low) or _ID_DIGITS.get(low)
    if capital and word[:1].isalpha():
        own = rf"{re.escape(word[0].upper())}(?i:{re.escape(word[1:])})"
    else:
        own = rf"(?i:{re.escape(word)})"
    return rf"(?:{own}|(?i:{re.escape(other)}))" if other else own


#: Words of a volume's name that tell no volume apart ("card sales", "payment volume").
_GENERIC_BASE_WORDS = frozenset(
    {"sale", "sales", "payment", "payments", "volume", "volumes", "transaction",
     "transactions", "order", "orders", "revenue", "revenues", "value", "gross", "total",
     "amount", "spend", "income", "earning", "earnings", "the", "and", "all", "other"}
)  # fmt: skip


def _id_name(plan_id: str) -> str | None:
    """A plan's id as a pattern of its name written as a name: a capital letter first, its
    words joined as `_ID_JOIN` allows, numbers spelt or in digits; None for an empty id."""
    words = [w for w in re.split(r"[\s_-]+", plan_id) if w]
    if not words:
        return None
    return _id_word(words[0], capital=True) + "".join(
        rf"{_ID_JOIN}{_id_word(w)}" for w in words[1:]
    )


def _name_patterns(foot: Footing) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """For each plan: its id, a pattern for the plan named right before a percentage
    ("Plus 25%", "Premium is 30%", "Lite: 15%") and one right after ("25% on Plus", "15% at
    Silver"). The name is read as a name, with a capital letter ("Plus", not "plus"), or
    with digits for a number its id spells ("16-foot" for `sixteen-foot`)."""
    out: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = []
    for plan in foot.plans:
        name = _id_name(plan.id)
        first = re.split(r"[\s_-]+", plan.id.strip(" _-"))[0]
        if name is None or not (first[:1].isalpha() or first.lower() in _ID_DIGITS):
            continue
        before = re.compile(
            rf"(?<![\w-]){name}(?:'s)?(?:\s+(?i:plan|tier|package))?\s*"
            r"(?:(?i:is|at|takes|charges|costs|for)\s+|[:=–—-]\s*)?(?i:(?:just|only)\s+)?$"
        )
        # (no "^": `match` at a position anchors there, and "^" would only match at 0)
        after = re.compile(rf"\s*(?i:on|for|with|in|at)\s+(?i:the\s+)?{name}(?![\w-])")
        out.append((plan.id, before, after))
    return out


def percents_in(text: str, foot: Footing | None = None) -> list[TextPercent]:
    """The percentages of a text that read as a price: followed by "+ 30¢", by a fee
    ("6.5% transaction fee"), or by what they are taken of or per ("per charge", "of
    sales"). "30% faster" and "70% of teams" are not prices. Given the price (`foot`), a
    percentage given to a plan by name ("Lite is 15% per delivery order, Plus 25% and
    Premium 30%") is that plan's, and a bare one so given is a price too where its
    sentence names a percentage as a price."""
    if "%" not in text:
        return []  # every percentage read here is written with its sign
    plans = _plan_patterns(foot)
    bases = foot.base_names if foot is not None else None
    cued = [match.start() for match in _PERCENT_RE.finditer(text)]
    cued_set = frozenset(cued)
    out: list[TextPercent] = []
    for match in _ANY_PERCENT_RE.finditer(text):
        before = _clause(text[max(0, match.start() - 60) : match.start()], last=True)
        is_fee = _FEE_BEFORE_PERCENT_RE.search(before) is not None
        if _PERCENT_NOT_PRICE_RE.search(before) and not is_fee:
            continue
        window = text[max(0, match.start() - 40) : match.start()]
        plan = next(
            (
                plan_id
                for plan_id, named_before, named_after in plans
                if named_before.search(window) or named_after.match(text, match.end())
            ),
            None,
        )
        # Given to what a plan takes a share of ("mada at 1%", "1.2% on every card"), that
        # volume's.
        given = bases.search(window) if bases is not None else None
        if given is None and foot is not None and foot.base_names_after is not None:
            given = foot.base_names_after.match(text, match.end())
            if given is not None and Decimal(match.group("value").replace(",", ".")) == 0:
                continue  # "0% on repeat clients": no share taken there, no price

        base = given.group("base").lower() if given is not None else None
        if match.start() not in cued_set and not is_fee:
            # A bare one given to a plan or to a volume.
            if (plan is None and base is None) or _NOT_RATE_AFTER_RE.match(text, match.end()):
                continue
            head, tail = sentence_bounds(text, match.start(), match.end())
            first = bisect_left(cued, head)
            if (first == len(cued) or cued[first] >= tail) and not _FEE_NAMED_RE.search(
                text, head, tail
            ):
                continue  # no percentage of its sentence is a price, and it names no fee
        value = Decimal(match.group("value").replace(",", "."))
        out.append(TextPercent(value, match.span(), match.group(0), plan, base))
    return out


def percent_parts(foot: Footing) -> list[tuple[str, Part, Decimal]]:
    """Every percentage component of every plan: (plan id, part, percent)."""
    out: list[tuple[str, Part, Decimal]] = []
    for plan in foot.plans:
        for part in plan.own.parts:
            if part.kind == "percent" and part.percent is not None:
                out.append((plan.id, part, part.percent))
    return out


def name_words(names: list[str], exclude: frozenset[str] = frozenset()) -> frozenset[str]:
    """The capitalised words of names ("GitLab self-managed" -> {"GitLab"}), as a claim
    would write them, and each short name as a lower-case phrase ("a gym membership" ->
    "gym membership"); `exclude` (the product's own name) taken out."""
    words: set[str] = set()
    for name in names:
        for word in re.findall(r"[A-Za-z][\w&'-]*", name):
            if word[0].isupper() and len(word) > 2 and word not in exclude:
                words.add(word)
        # The alternative as a phrase too, without its article: "gym membership".
        phrase = re.sub(r"^(?:a|an|the|our|their)\s+", "", " ".join(name.lower().split()))
        if " " in phrase:  # whole, however long ("a traditional annual hire and reward policy")
            words.add(phrase)
    return frozenset(words - _COMMON_CAPITALS)


_COMMON_CAPITALS = frozenset(
    {
        "The", "And", "For", "With", "Our", "Your", "Their", "This", "That", "Plans", "Plan",
        "Pro", "Team", "Teams", "Free", "Paid", "One", "Two", "Only", "Just", "From", "Per",
        "Each", "Every", "All", "New", "Get", "Start", "Save", "Pay", "Try", "Buy", "Most",
        "Best",
    }
)  # fmt: skip
_COMMON_LOWER = frozenset(word.lower() for word in _COMMON_CAPITALS)


# -- how a claim's money is written: no fee, a rate, per unit ------------------------------

_NO_FEE_AFTER_RE = lazy_compile(
    r"\s*(?:in\s+)?(?:(?:[a-z][\w'-]*|per\s+\w+)\s+){0,2}?(?:fees?|charges?|surcharges?|"
    r"commissions?|down|upfront|to\s+(?:start|join|sign\s+up|get\s+started))\b",
    re.IGNORECASE,
)


#: Right before an amount: what something would have cost ("that would have been $0").
_WOULD_HAVE_BEEN_RE = lazy_compile(
    r"\b(?:would|could)\s+(?:have\s+)?(?:been|be|cost|come\s+to)\s+(?:(?:just|only)\s+)?$",
    re.IGNORECASE,
)


def says_no_fee(text: str, end: int) -> bool:
    """ "$0 setup fee", "$0 down": the $0 at text[..end] says there is no such fee."""
    return _NO_FEE_AFTER_RE.match(text, end) is not None


#: Right before a fee's amount: it is waived ("we waive the S$10.70 port fee").
_WAIVE_BEFORE_RE = lazy_compile(
    r"\b(?:waives?|waived|waiving|scrap(?:s|ped)?|drops?|no)\s+(?:(?:the|our|your|its|a|an|"
    r"any|usual|standard|normal)\s+){0,2}$",
    re.IGNORECASE,
)
#: Right after a fee's amount: it is waived ("the $49 setup fee is waived").
_WAIVED_AFTER_RE = lazy_compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:fees?|charges?)\s+(?:is\s+|are\s+)?(?:waived|free)\b",
    re.IGNORECASE,
)


def waived_fee(text: str, start: int, end: int) -> bool:
    """Whether the amount at text[start:end] is a fee the claim says is waived ("we waive
    the S$10.70 number port fee", "the $49 setup fee is waived"): not charged."""
    if _WAIVED_AFTER_RE.match(text, end):
        return True
    return bool(
        _WAIVE_BEFORE_RE.search(text, max(0, start - 40), start)
        and _NO_FEE_AFTER_RE.match(text, end)
    )


_RATE_RE = lazy_compile(
    r"(?:\bper|/|\beach)\s*(?!(?:day|week|month|quarter|year|annum|mo|yr)\b)[a-z]",
    re.IGNORECASE,
)


def is_rate(raw: str) -> bool:
    """ "$0.12 per GB", "$9/user": a price per unit, never a bill whatever the quantities."""
    return _RATE_RE.search(raw) is not None


_PER_UNIT_RE = lazy_compile(
    r"(?:\bper|/|\ba|\beach)\s*(?:seat|user|employee|member|agent|licen[cs]e|head|person|"
    r"people|editor|host|driver|location|device)s?\b"
    # a seat by the customer's word, per a period ("$245 per technician per month")
    r"|\bper\s+[a-z][\w-]*\s+(?:per|a|/)\s*(?:month|year|mo|yr)\b",
    re.IGNORECASE,
)


def per_unit_nearby(text: str, start: int) -> bool:
    """Whether the sentence of the amount at `start` prices per seat, user, employee...:
    in "$49 per user a month, or $59 billed monthly" the second is per user too."""
    head, tail = sentence_bounds(text, start, start)
    return _PER_UNIT_RE.search(text, head, tail) is not None


#: How far a sentence is read either side of an amount: a claim of one endless sentence
#: with many amounts stays linear.
_SENTENCE_REACH = 240


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of text[start:end] begins and ends, read at most
    `_SENTENCE_REACH` characters either side."""
    low = max(0, start - _SENTENCE_REACH)
    high = min(len(text), end + _SENTENCE_REACH)
    head = max(text.rfind(". ", low, start), text.rfind("\n", low, start), low - 1) + 1
    tail = text.find(". ", end, high)
    return head, tail if tail != -1 else high


# -- offers and instalments in a claim ---------------------------------------------------

_COUNTS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
    "twenty-four": 24, "thirty-six": 36, "forty-eight": 48,
}  # fmt: skip
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(_COUNTS) + r")"
_LENGTH = (
    r"(?:(?P<pay>(?:(?!for\b|of\b|\d)[\w-]+\s+){0,2}?(?P<payper>weekly|monthly|quarterly|yearly|annual)?"
    r"\s*(?:payments|instal?lments|installments))|(?P<unit>day|week|month|quarter|year)s?)\b"
)
_DURATION_AFTER_RE = lazy_compile(
    # The terms may stand between the amount and its length: "at 0% APR", "with Affirm".
    r"\s*,?\s*(?:(?:at|with|on|via|through|interest-free)\s+(?:[\w%.&'-]+\s+){0,3}?)?"
    r"(?:(?:spread|paid|split)\s+)?(?:for|over|across|x|×)\s+(?:the\s+|your\s+|its\s+)?"
    rf"(?P<first>first\s+)?(?:{_COUNT}\s+)?{_LENGTH}",
    re.IGNORECASE,
)
_DURATION_BEFORE_RE = lazy_compile(
    rf"\b(?P<first>first\s+)?(?:{_COUNT}\s+)?{_LENGTH}(?:(?:\s+[\w'-]+){{0,5}}?\s+"
    r"(?P<conn>for|at|of)\s+(?:(?:just|only)\s+)?|\s*-?\s*(?:(?:just|only)\s+)?)$",
    re.IGNORECASE,
)
_INTRO_RE = lazy_compile(
    r"\b(?:first|intro(?:ductory)?|promo(?:tion|tional)?|offer|deal|special|launch|"
    r"limited[- ]time|new\s+(?:customers?|members?|subscribers?|users?|stores?)|then|trial|"
    rf"get\s+(?:your\s+)?{_COUNT.replace('?P<n>', '?:')}\s+(?:days?|weeks?|months?))\b",
    re.IGNORECASE,
)
_APR_RE = lazy_compile(r"(?P<apr>\d{1,2}(?:\.\d{1,2})?)\s?%\s*(?:APR|interest)", re.IGNORECASE)
_PAY_PERIODS = {"weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year"}


@dataclass(frozen=True)
class Duration:
    """How long a claim says an amount is paid: "for 39 months", "3 months of ... for",
    "for the first month", "39 monthly payments of"; or only that it is an offer."""

    #: How many `unit`s (None where only an offer's words are read, no length).
    count: int | None
    #: The period the count is in ("month"), or None for payments of the amount's period.
    unit: str | None
    #: Words of an introductory offer in the sentence ("first", "intro", "then"...).
    intro: bool
    #: The APR the claim names, where it names one ("0% APR").
    apr: Decimal | None = None
    #: Counted in payments ("12 interest-free payments of $120.42"): the amount is one.
    payments: bool = False


def duration_of(text: str, start: int, end: int) -> Duration | None:
    """The length the money at text[start:end] is paid for, read as a reviewer would:
    "$37 a month for 39 months", "get 3 months ... for $1 a month", "$1 for your first
    month", "39 monthly payments of $37"; an "introductory price of $1" has no length.
    A single period without "first" ("$99 for a year") is a price on that period: None."""
    match = _DURATION_AFTER_RE.match(text, end)
    if match is None:
        window = text[max(0, start - 80) : start]
        before = _clause(window, last=True)
        if not before.strip() and window.rstrip().endswith(","):
            # "40% off the first year, $35.99, then": the amount restates the clause before.
            before = _clause(window.rstrip()[:-1], last=True)
        match = _DURATION_BEFORE_RE.search(before)
        if match is None:
            if _INTRO_WORDS_BEFORE_RE.search(before):
                return Duration(None, None, True, _apr(_sentence(text, start, end)))
            return None
    word = (match.group("n") or "").lower()
    count = _COUNTS.get(word) or (int(word) if word.isdigit() else None)
    first = match.group("first") is not None
    if count is None and not first:
        return None
    if "conn" in match.groupdict() and match.group("conn") is None and not first:
        return None  # "3 months $1": only "first 3 months $1" reads without "for"
    count = count or 1
    if count == 1 and not first:
        return None
    unit = match.group("unit")
    if match.group("pay"):
        unit = _PAY_PERIODS.get((match.group("payper") or "").lower())
    paid = match.group("pay") is not None
    # The sentence's offer words and APR, read only for an amount paid for a length.
    sentence = _sentence(text, start, end)
    intro = first or _INTRO_RE.search(sentence) is not None
    return Duration(count, unit.lower() if unit else None, intro, _apr(sentence), paid)


def _sentence(text: str, start: int, end: int) -> str:
    head, tail = sentence_bounds(text, start, end)
    return text[head:tail]


def _apr(sentence: str) -> Decimal | None:
    """The APR a sentence names ("0% APR"), or None."""
    found = _APR_RE.search(sentence)
    return Decimal(found.group("apr")) if found else None


_SPELL = (
    r"(?:the\s+|your\s+)?(?:first\s+)?(?:"
    + _COUNT
    + r"\s+)?(?P<unit>day|week|month|quarter|year)s?"
)
_SPELL_BEFORE_RE = lazy_compile(
    rf"\b{_SPELL}\s+(?:[\w'-]+\s+){{0,3}}?(?:for|at)\s+$", re.IGNORECASE
)
_SPELL_AFTER_RE = lazy_compile(rf"^\s*(?:for|during)\s+{_SPELL}\b", re.IGNORECASE)


def _free_spell(text: str, start: int, end: int) -> Duration | None:
    """ "try 1 month for $0", "$0 for your first 30 days": a length joined to a $0 by "for"
    is a spell free of charge (a trial), not a plan's price; None where there is none
    ("$0 a month" is a price on a period)."""
    before = _clause(text[max(0, start - 80) : start], last=True)
    match = _SPELL_BEFORE_RE.search(before) or _SPELL_AFTER_RE.match(text, end)
    if match is None:
        return None
    word = (match.group("n") or "").lower()
    count = _COUNTS.get(word) or (int(word) if word.isdigit() else 1)
    return Duration(count, match.group("unit").lower(), True)


_INTRO_WORDS_BEFORE_RE = _words_before(
    r"intro(?:ductory)?|promo(?:tional)?|launch|special\s+offer|limited[- ]time", 6
)


@dataclass(frozen=True)
class OfferReading:
    """What a claim's amount with a length reads as: `verdict` "explained" (a modelled offer
    or financing, or instalments whose total is a one-time price), "unmodelled" (an
    introductory offer the price does not model: at most info) or "mismatch" (an offer
    of the modelled amount but another length); `note` says which, for a message."""

    verdict: str
    note: str


def read_offer(
    foot: Footing,
    found: list[Explainer],
    amount: Decimal,
    per: str | None,
    per_unit: bool,
    duration: Duration,
    tolerance: Decimal,
) -> OfferReading | None:
    """An amount paid for a length (`duration`), read against the price model:

    - an offer the price models (`introductory` or `financing`) of that amount and length
      explains it; of that amount but another length, it is a mismatch;
    - unmodelled instalments ("$37 a month for 39 months") whose total (amortised at the
      claim's APR where it names one) is near a one-time price are that price;
    - otherwise, where the amount is below the cheapest plan's regular price over the same
      time, with an offer's words in the sentence ("first", "intro", "then", "get 3
      months"), or at most half that price without them, it is an introductory offer the
      price does not model: the caller reports it at most as info, naming the reading.

    None where none of these fits: the amount is compared as a price.
    """
    cur = foot.currency
    offers = foot.offers()
    if per is None and duration.payments:
        per = duration.unit or "month"  # "12 payments of $120.42": one each month
    pay_per = per if per in PERIOD_FACTORS else None
    mismatch: tuple[Decimal, OfferReading] | None = None
    for kind, offer, plan_id, _ in offers:
        if offer.per_unit != per_unit:
            continue
        same_amount = (
            per is not None
            and per in PERIOD_FACTORS
            and _near(amount * PERIOD_FACTORS[per], offer.yearly, tolerance)
        ) or (per is None and _near(amount, offer.amount * offer.periods, tolerance))
        if not same_amount:
            continue
        length = _length_in(duration, offer.per)
        what = f"`{plan_id}`'s {'introductory offer' if kind == 'introductory' else kind}"
        if length is None or length == offer.periods:
            return OfferReading("explained", f"{what}, {offer.describe(cur)}")
        # Of another length: a mismatch, unless another offer near the amount has the
        # length ("€30 a month over 24 months" is the phone's financing, though an
        # introductory €29.95 a month for 6 months is near it too).
        # The message names the offer nearest the amount.
        gap = (
            abs(amount * PERIOD_FACTORS[per] - offer.yearly)
            if per is not None
            else abs(amount - offer.amount * offer.periods)
        )
        if mismatch is None or gap < mismatch[0]:
            mismatch = (gap, OfferReading("mismatch", f"{what} is {offer.describe(cur)}"))
    if mismatch is not None:
        return mismatch[1]
    if pay_per is not None and duration.count is not None:
        payments = _length_in(duration, pay_per)
        if payments is not None and payments > 1:
            once = [e.figure for e in found if e.basis == ONCE and not e.per_unit]
            once += [e.figure for e in found if e.basis == ONCE and e.per_unit and per_unit]
            financed = {price for kind, _, _, price in offers if kind == "instalments"}
            for price in dict.fromkeys(once):
                if price in financed:
                    continue  # its financing is modelled: compared above, length and all
                expected = price / payments
                if duration.apr:
                    rate = duration.apr / 100 / PERIOD_FACTORS[pay_per]
                    expected = price * rate / (1 - (1 + rate) ** -payments)
                if _near(amount, expected, tolerance):
                    money = format_money(_cents(price), cur, None)
                    return OfferReading("explained", f"instalments of {money}")
    if any(kind == "introductory" for kind, *_ in offers):
        listed = ", ".join(
            f"`{plan_id}` {offer.describe(cur)}"
            for kind, offer, plan_id, _ in offers
            if kind == "introductory"
        )
        return OfferReading("mismatch", f"the introductory offers are {listed}")
    if _below_regular(foot, amount, per, duration, Decimal(1) if duration.intro else _STEEP):
        lasting = ""
        if duration.count is not None:
            period = duration.unit or per or "period"
            lasting = f" for {duration.count} {period}{'' if duration.count == 1 else 's'}"
        return OfferReading(
            "unmodelled",
            f"read as an introductory offer{lasting}, which no plan models "
            "(add `introductory` to the plan to have it checked)",
        )
    return None


#: Without an offer's words, a price paid for a length reads as an introductory offer only
#: where it is at most half the regular price ("$1 a month for 3 months" beside $39): a
#: figure near the price ("$29 a month for 12 months" beside $39) is a misquote.
_STEEP = Decimal("0.5")


def _below_regular(
    foot: Footing, amount: Decimal, per: str | None, duration: Duration, share: Decimal
) -> bool:
    """Whether an amount is less than `share` of the cheapest plan's regular recurring
    price over the same time: an introductory offer is a discount on the regular price."""
    regular = [bill.yearly for plan in foot.paid for bill in plan.bills if bill.has_recurring]
    if not regular:
        return False
    if per is not None and per in PERIOD_FACTORS:
        yearly = amount * PERIOD_FACTORS[per]
    elif duration.count is not None and duration.unit in PERIOD_FACTORS:
        yearly = amount * PERIOD_FACTORS[duration.unit] / duration.count
    else:
        return False
    return yearly < min(regular) * share


def _near(amount: Decimal, figure: Decimal, tolerance: Decimal) -> bool:
    return amount == figure or (figure > 0 and abs(amount - figure) <= tolerance * figure)


def _length_in(duration: Duration, per: str) -> Decimal | None:
    """The duration's count as a number of `per` periods (39 months in months: 39; 3
    years in months: 36); None where it gives no length."""
    if duration.count is None:
        return None
    period = SEAT_PERIODS.get(per, per)
    if duration.unit is None or period not in PERIOD_FACTORS:
        return Decimal(duration.count)
    if duration.unit not in PERIOD_FACTORS:
        return Decimal(duration.count)
    return Decimal(duration.count) * PERIOD_FACTORS[period] / PERIOD_FACTORS[duration.unit]


# -- whose money: the product's words, the alternatives', the competitors' ---------------

#: Words too common to tell an alternative from the product ("a basic tool", "free videos").
_PLAIN_WORDS = frozenset(
    {
        "with", "your", "their", "them", "free", "basic", "other", "tool", "tools", "manual",
        "hand", "more", "less", "than", "from", "into", "that", "this", "what", "paid", "plan",
        "plans", "service", "services", "software", "product", "products", "solution", "app",
        "apps", "doing", "nothing", "using", "same", "existing", "current", "generic", "cheap",
        "cheaper", "price", "cost", "month", "year", "week", "day", "time", "online", "local",
        "home", "spreadsheet", "spreadsheets", "email", "emails", "custom", "built", "house",
        "the", "and", "for", "any", "all", "our", "you", "own", "one", "two", "new", "use",
        "per", "via", "not", "its", "who", "way", "pen", "job", "add", "old",
    }
)  # fmt: skip


def lower_words(texts: list[str]) -> frozenset[str]:
    """The words of texts, lower case and singular, hyphenated words whole and in parts:
    how a claim's phrase is matched against names."""
    words: set[str] = set()
    for text in texts:
        for word in _LOWER_WORD_RE.findall(text):
            key = unit_key(word)
            words.add(key)
            if "-" in key:  # (a word without one is its own only part: unit_key keeps it)
                words.update(unit_key(part) for part in key.split("-") if part)
    return frozenset(words)


_LOWER_WORD_RE = lazy_compile(r"[A-Za-z][\w'-]*")


_ALT_CLAUSE_RE = lazy_compile(r"\s+(?:for|who|that|which|to|where)\s+", re.IGNORECASE)
_CAPITALISED_RUN_RE = lazy_compile(r"\b[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)+")


def alternative_words(alternatives: list[str], product: frozenset[str]) -> frozenset[str]:
    """The words that tell an alternative apart ("a boutique cycling studio" -> boutique,
    cycling, studio; "a gym membership" -> gym where the product is a membership): its
    words, three letters or more, not plain words, none of the product's own."""
    words: set[str] = set()
    for name in alternatives:
        # What it is, not what it is for or does ("a retailer for electricity", "a landlord
        # who bills utilities"), and no part of a name of several capitalised words ("Open
        # Electricity Market": the name itself tells it apart, `name_words`).
        head = _ALT_CLAUSE_RE.split(name.split(",")[0], maxsplit=1)[0]
        head = _CAPITALISED_RUN_RE.sub(" ", head)
        tokens = _LOWER_WORD_RE.findall(head)
        # The head noun ("car" of "a gasoline car") tells it apart too, unless the product
        # is one or it may name the product's price ("membership" of "a gym membership").
        words |= lower_words(tokens[:-1] if len(tokens) > 1 else tokens)
        if len(tokens) > 1 and unit_key(tokens[-1].lower()) not in _PRICE_NOUNS:
            words |= lower_words(tokens[-1:])
    # Not a stopword either: "walk-in only" tells no phrase with "only" in it apart.
    return frozenset(w for w in words - _PLAIN_WORDS - STOPWORDS - product if len(w) >= 3)


_COMPETITOR_RE = lazy_compile(
    r"\b(?:unlike|vs\.?|versus|than|compared\s+(?:to|with)|instead\s+of|switch(?:ing)?\s+from|"
    r"replac(?:e|es|ing)|migrat(?:e|ing)\s+from|move\s+from|alternative\s+to)\s+"
    r"(?P<name>(?:[A-Z][\w&'-]*\s+){0,2}[A-Z][\w&'-]*)"
)


def competitor_names(texts: list[str]) -> list[str]:
    """Names a strategy sets its product against ("unlike Square", "cheaper than GitLab",
    "switch from QuickBooks") in its value proposition and claims: their money is theirs."""
    return [match.group("name") for text in texts for match in _COMPETITOR_RE.finditer(text)]


_BILLED_RE = lazy_compile(
    r"\b(?:billed|paid|charged|invoiced)\s+(?:annually|yearly|quarterly|monthly)\b", re.IGNORECASE
)
#: In an amount as written: a year as its own period, not only how it is billed.
_YEAR_WRITTEN_RE = lazy_compile(
    r"(?:\bper|\ba|\ban|/)\s*(?:year|yr|annum)\b|\bannual(?!ly)|\byearly\s+(?!billed)|p\.\s?a\.",
    re.IGNORECASE,
)
_SENTENCE_PERIOD_RE = lazy_compile(
    r"(?:\bper|\ba|/)\s*(?P<per>month|mo|year|yr|quarter|week)\b|\b(?P<adverb>monthly)\b",
    re.IGNORECASE,
)
_SHORT_PERIODS = {"mo": "month", "yr": "year", "monthly": "month"}


def cadence_periods(text: str, start: int, end: int) -> list[str]:
    """The periods an amount may be priced on when its only period is how it is invoiced:
    in "Creator is $75 per user per month, Explorer $42 and Viewer $15, billed annually",
    "$15, billed annually" is $15 a month (the sentence's period), invoiced yearly. Empty
    where the amount's period is its own."""
    if _BILLED_RE.search(text, start, end) is None:
        return []
    head, _ = sentence_bounds(text, start, end)
    periods: list[str] = []
    for match in _SENTENCE_PERIOD_RE.finditer(text, head, start):
        word = (match.group("per") or match.group("adverb")).lower()
        period = _SHORT_PERIODS.get(word, word)
        if period in PERIOD_FACTORS and period not in periods:
            periods.append(period)
    return periods


def lead_period(text: str, start: int, end: int) -> str | None:
    """The period that leads an amount written with none, "a typical week of fast charging
    costs about $35", "one year of Pro is $120": the amount is the price of that period."""
    head, _ = sentence_bounds(text, start, end)
    lead = _LEAD_PERIOD_RE.search(text[head:start])
    return None if lead is None else lead.group("per").lower()


#: Before an amount, in its clause: a period the amount is the price of ("a typical week of
#: fast charging on Pass+ costs about", "one month of Pro is").
_LEAD_PERIOD_RE = lazy_compile(
    r"\b(?:a|an|one|each|every|your|the)\s+(?:(?:typical|average|normal|full|whole|usual)\s+)?"
    r"(?P<per>day|week|month|quarter|year)\s+of\b[^.;:!?$€£¥]*?\b"
    r"(?:costs?|is|are|runs?|comes?\s+to|totals?)\s+"
    r"(?:(?:about|around|roughly|just|only|approximately)\s+)?$",
    re.IGNORECASE,
)


# -- one amount a claim names, read against a price model (FC302 and `funnelcheck diff`) ----


@dataclass(frozen=True)
class ClaimContext:
    """What tells a price from other money in a strategy's texts (see `not_a_price`): the
    plans' per-event fee names, the alternatives' and competitors' names, the product's own
    name, the alternatives' distinctive words and the product's own words."""

    fees: frozenset[str]
    others: frozenset[str]
    own: frozenset[str]
    alternative: frozenset[str] = frozenset()
    product: frozenset[str] = frozenset()
    #: The problem's cost (`problem.cost`): (amount, per) as written, per None for none.
    problem_cost: tuple[Decimal, str | None] | None = None
    #: Words that tie money to the offer (`tied_to_offer`): the product's name, the plans'
    #: ids (whole, and their words of four letters or more), the units and fees it sells;
    #: lower case and singular.
    tie: frozenset[str] = frozenset()
    #: The units and fees the product sells, lower case and singular ("$10 per retailer").
    sold: frozenset[str] = frozenset()
    #: The product's words that the alternatives use too ("model" of "self-hosting an open
    #: model" beside a model API): they do not make a phrase the product's.
    shared: frozenset[str] = frozenset()
    #: The words of `tie` that come from the plans' ids alone: they tie only written as a
    #: name ("Core", not "a core team").
    plan_only: frozenset[str] = frozenset()
    #: The problem's words (`problem.statement`, its `terms`, its pains), lower case and
    #: singular, plain words out: a subject of them costing a party is the problem's cost.
    problem: frozenset[str] = frozenset()

    def is_problem_cost(self, amount: TextAmount, tolerance: Decimal) -> bool:
        """Whether an amount is the problem's cost as the strategy states it, on one footing
        ("costs a finance team about $9,000 a month" where the problem costs $9,000 a month)."""
        if self.problem_cost is None:
            return False
        cost, per = self.problem_cost
        if amount.per is None or per is None or amount.per == ONCE or per == ONCE:
            figure, target = cost, amount.amount
            if amount.per != per and amount.per is not None and per is not None:
                return False
        elif amount.per in PERIOD_FACTORS and per in PERIOD_FACTORS:
            figure, target = cost * PERIOD_FACTORS[per], amount.amount * PERIOD_FACTORS[amount.per]
        else:
            return False
        return figure > 0 and abs(target - figure) <= tolerance * figure

    def not_a_price(self, text: str, start: int, end: int) -> str | None:
        """Why the money at text[start:end] is not the product's price, or None."""
        return not_a_price(
            text,
            start,
            end,
            self.fees,
            self.others,
            self.own,
            self.alternative,
            self.product,
            self.shared,
        )


def claim_context(
    foot: Footing,
    product_name: Any,
    category: Any,
    alternatives: Any,
    texts: list[str],
    problem_cost: Any = None,
    problem_texts: list[str] | None = None,
) -> ClaimContext:
    """The `ClaimContext` of a price model, its product's name and category, its
    `problem.alternatives` and the texts that may set it against a competitor (the value
    proposition, the pitches and claims: "unlike Square")."""
    own = frozenset(re.findall(r"[A-Za-z][\w&'-]*", str(product_name or "")))
    own |= frozenset(w for plan in foot.plans for w in plan.id.split("-"))
    names = (
        [a for a in alternatives if isinstance(a, str)] if isinstance(alternatives, list) else []
    )
    names += competitor_names(texts)
    product_words = lower_words(
        [str(product_name or ""), str(category or "")]
        + [plan.id for plan in foot.plans]
        + [part.name for plan in foot.plans for part in plan.own.parts[1:]]
        + [part.unit for plan in foot.plans for part in plan.own.parts if part.unit]
    )
    cost = None
    if isinstance(problem_cost, Mapping):
        amount, per = _number(problem_cost.get("amount")), problem_cost.get("per")
        if amount is not None:
            cost = (amount, per if isinstance(per, str) else None)
    ids = [plan.id for plan in foot.plans]
    named = _name_words(str(product_name or ""))
    plan_words = {unit_key(i.lower()) for i in ids}
    plan_words |= {unit_key(w.lower()) for i in ids for w in re.split(r"[\s_-]+", i) if len(w) >= 4}
    tie = named | plan_words
    sold = lower_words(
        [part.name for plan in foot.plans for part in plan.own.parts[1:] if part.kind != "percent"]
        + [part.unit for plan in foot.plans for part in plan.own.parts if part.unit]
    )
    return ClaimContext(
        fee_words(foot),
        name_words(names, exclude=own),
        own,
        alternative_words(names, product_words),
        product_words,
        cost,
        tie - _PLAIN_WORDS,
        sold,
        lower_words(names) & product_words,
        frozenset(plan_words - named),
        problem_words(problem_texts or []),
    )


def problem_words(texts: list[str]) -> frozenset[str]:
    """The telling words of the problem's texts: lower case, singular, four letters or
    more, plain words out ("Order mistakes" names `order mistakes`)."""
    return frozenset(w for w in lower_words(texts) - _PLAIN_WORDS if len(w) >= 4)


@dataclass(frozen=True)
class ClaimReading:
    """How the price model reads one money amount of a claim (`read_claim`)."""

    #: "not a price" (not compared), "explained" (a figure of the model), "unexplained".
    verdict: str
    #: Why the amount is not the product's price ("another currency", "a fee named as
    #: such", "another company's price"...); "" where it is one.
    reason: str = ""
    #: Unexplained: why no plan could be compared at all ("every plan is free", "no plan
    #: is priced per seat"...), or "" where some could.
    why_none: str = ""
    #: Unexplained, read as paid for a length: the offer reading ("mismatch": a modelled
    #: offer of that amount but another length; "unmodelled": an introductory offer the
    #: price does not model, at most info).
    offer: OfferReading | None = None
    #: The typical-customer assumptions of the plans whose bill varies with a quantity.
    assumptions: tuple[str, ...] = ()
    #: Unexplained, and it may be the bill at quantities the strategy does not state (a
    #: verdict resting on `assumptions`: at most info).
    rests_on_assumptions: bool = False
    #: Unexplained, and nothing ties it to the offer (`tied_to_offer`): it may be other
    #: money (a cost, a limit, a threshold), so at most info.
    untied: bool = False

    @property
    def compared(self) -> bool:
        return self.verdict != "not a price"

    @property
    def explained(self) -> bool:
        return self.verdict == "explained"


_EXPLAINED = ClaimReading("explained")


def read_claim(
    amount: TextAmount,
    text: str,
    foot: Footing,
    found: list[Explainer],
    context: ClaimContext,
    tolerance: Decimal,
    examples: bool = True,
    price_page: bool = False,
) -> ClaimReading:
    """The one reading of a money amount in a pitch or claim (FC302 reports it, `funnelcheck
    diff` compares it on two revisions): not the product's price (savings and business
    figures, another currency, a period no plan has, credit, a competitor's or an
    alternative's price, a penalty, a fee named as such, "$0 setup fee"), else explained or
    not by a figure of the model (`explainers(foot)` as `found`), offers and financing read
    for an amount paid for a length. With `examples` False, a plan's bill at an example the
    sentence states does not explain it: `funnelcheck diff` asks one figure at a time which
    explains an amount, and that bill is none of them. `price_page`: the text is a pricing
    stage's, where money on a period is the price quoted however high (`tied_to_offer`)."""
    if amount.is_saving or amount.is_business_figure:
        return ClaimReading("not a price", "a saving, a loss or the customer's business figure")
    if not same_currency(amount.currency, foot.currency):
        return ClaimReading("not a price", "another currency")  # FC305's
    if amount.per is not None and amount.per != ONCE and amount.per not in PERIOD_FACTORS:
        per_key = unit_key(amount.per)
        lasts = {unit.rsplit(" ", 1)[-1] for unit in foot.sold_units}
        if per_key not in foot.sold_units and per_key not in lasts:
            for unit, factor in _per_sold_time(per_key, foot)[:1]:
                # "0.6 cents per minute" where a plan sells the `audio hour`: that per hour.
                per_key = unit.rsplit(" ", 1)[-1]
                amount = replace(amount, amount=amount.amount * factor, per=per_key)
        # "$0.37 per hour" where a plan sells the `audio hour`: the unit's last word.
        if per_key not in foot.sold_units and per_key not in lasts:
            return ClaimReading("not a price", "a period no plan can be put on")  # "per hour"
        # "$10/hr" where a plan is priced by the hour: the unit's rate, read as one.
        amount, unit_rate, share_unit = replace(amount, per=None), True, None
    elif amount.per is not None and not amount.per_seat and (m := _compound_unit(amount.raw)):
        # "$0.003 per minute per month": a rate per unit (per period), read whole.
        if unit_key(m) in foot.sold_units or not _sells_seats(foot):
            amount, unit_rate = replace(amount, per=None), unit_key(m) in foot.sold_units
            share_unit = None if unit_rate else m
        else:
            # "$33 per vehicle per month" where a plan is priced per seat and sells no
            # vehicle: the seat by the customer's own word, a seat price.
            amount, unit_rate, share_unit = replace(amount, per_seat=True), False, None
    elif (
        amount.per in PERIOD_FACTORS
        and (of := _PERIOD_OF_RE.match(text, amount.span[1])) is not None
        and unit_key(f"{amount.per} of {of.group('noun')}") in foot.sold_units
    ):
        # "£495 + VAT per year of accounts": a unit the plan sells, not a period.
        amount, unit_rate, share_unit = replace(amount, per=None), True, None
    else:
        unit_rate, share_unit = False, None
    start, end = amount.span
    reason = context.not_a_price(text, start, end) or money_not_priced(
        amount, text, foot.currency, context
    )
    if reason is not None:
        return ClaimReading("not a price", reason)
    if (reason := _compared_or_spent(amount, text, context)) is not None:
        return ClaimReading("not a price", reason)
    if _SIZED_BUSINESS_RE.match(text, end) and _A_BEFORE_RE.search(text, max(0, start - 8), start):
        return ClaimReading("not a price", "the customer's business, sized by its revenue")
    if amount.amount == 0 and (
        says_no_fee(text, end)
        or _WOULD_HAVE_BEEN_RE.search(text, max(0, start - 40), start)
        or (amount.per is None and _ZERO_THING_RE.match(text, end))
    ):
        # "$0 setup fee", "$0 down", "With DashPass that would have been $0".
        return ClaimReading("not a price", "no such fee")
    if waived_fee(text, start, end):
        return ClaimReading("not a price", "a fee waived")
    # An amount paid for a length ("for 39 months", "3 months for"): a modelled offer or
    # financing of it explains it, one of another length is a mismatch; unmodelled, its
    # reading is reported only where no other figure of the model explains the amount.
    duration = duration_of(text, start, end)
    if amount.amount == 0:
        if len(foot.paid) < len(foot.plans) or any(
            bill.amount == 0 for plan in foot.plans for bill in plan.bills
        ):
            return _EXPLAINED  # "$0" is the free plan, or a plan with no base fee
        if duration is None:
            duration = _free_spell(text, start, end)
        if duration is None:
            return _unexplained(amount, foot, why_none="no plan is free")
        # "try 1 month for $0": a free trial, an offer read as any other below.
    offer = (
        read_offer(foot, found, amount.amount, amount.per, amount.per_seat, duration, tolerance)
        if duration is not None
        else None
    )
    if offer is not None and offer.verdict == "explained":
        return _EXPLAINED
    if offer is not None and offer.verdict == "mismatch":
        if duration is not None and _regular_term(amount, duration, found, tolerance):
            return _EXPLAINED
        if _unit_named_rate(amount, text, foot, found, tolerance):
            return _EXPLAINED  # the length is the unit's ("extendable to 5 years for €119")
        return _unexplained(amount, foot, offer=offer)
    if figure_explained(amount, text, foot, found, _rounding(amount, text, tolerance)):
        return _EXPLAINED
    if _unit_named_rate(amount, text, foot, found, tolerance):
        return _EXPLAINED
    if offer is None and _range_holds(amount, text, found, tolerance):
        return _EXPLAINED
    if offer is None and _is_problem_cost(amount, text, context, tolerance):
        return ClaimReading("not a price", "the problem's cost")
    if offer is None and (reason := _customers_money(amount, text, foot, tolerance)):
        return ClaimReading("not a price", reason)
    if offer is None and _sale_split(amount, text, foot, found, tolerance):
        return ClaimReading("not a price", "the customer's own money, a sale our charge is part of")
    if offer is None and _full_fare_pair(amount, text):
        return ClaimReading("not a price", "a fare of something else, at full price or reduced")
    if offer is None and (reason := _change_or_gain(amount, text, context)):
        return ClaimReading("not a price", reason)
    if offer is None and _SEPARATE_RE.search(_tie_clause(text, start, end)):
        return ClaimReading("not a price", "another product's price, sold separately")
    if offer is None and (reason := _other_bill_or_loan(amount, text, context)):
        return ClaimReading("not a price", reason)
    if offer is None and _said_of_alternative(amount, text, context):
        return ClaimReading("not a price", "an alternative's price, named the sentence before")
    if offer is None and _other_item(amount, text, context):
        return ClaimReading("not a price", "the price of something else than the plans")
    if (offer is None or offer.verdict == "unmodelled") and _instalment_of_other(
        amount, text, foot, context, tolerance
    ):
        # "On a $200 dress your shopper pays 4 payments of $50 every two weeks": the
        # shopper's instalments of their item, not an offer of ours the price does not model.
        return ClaimReading("not a price", "an instalment of something else than the plans")
    if (reason := _not_quoted(amount, text, context)) is not None:
        # (read only for an amount no figure explains: most amounts are, and these
        # readings cost a sentence's look each)
        return ClaimReading("not a price", reason)
    if examples and offer is None and _bill_at_example(amount, text, foot, tolerance):
        # Last, as it prices the plans again: only an amount that would be reported pays.
        return _EXPLAINED
    reading = _unexplained(amount, foot, offer=offer)
    if (commitment := _COMMITMENT_AFTER_RE.match(text, end)) is not None and (
        commitment.group("noun") is not None or not any(e.kind == ("minimum", "") for e in found)
    ):
        # "a $50/month minimum usage", "a $1 monthly minimum" where no plan has one: a
        # commitment the model does not state; at most info. (A plan's seat minimum
        # compares a bare one: "contracts start at a $3,000 annual minimum".)
        return replace(reading, untied=True)
    if _TERM_TOTAL_AFTER_RE.match(text, end):
        return replace(reading, untied=True)  # "£720 in interest in total": over a term
    if _usage_spend(amount, text, foot, context) or (
        amount.floor and _TOP_UP_RE.search(_clause(text[max(0, start - 80) : start], last=True))
    ):
        # "Sponsor your job for as little as $5 a day" where every plan is pure usage: a
        # spend at a volume the strategy does not state; "Top up from KSh 100": the least
        # the customer loads. At most info.
        return replace(reading, untied=True)
    if "%" in text[:start] and _LEAST_BEFORE_RE.search(text, max(0, start - 16), start):
        # "a 20% new client fee on their first booking, minimum £6": the least a
        # percentage takes on one sale, a term the model does not state; at most info.
        return replace(reading, untied=True)
    if offer is None and _saving_arithmetic(amount, text, foot, found, tolerance):
        return ClaimReading("not a price", "what the customer pays without the product")
    if _REPAY_RE.search(text, max(0, start - 40), start):
        # "repay about £2,120 a month": a loan's repayment; the model has no amortisation.
        return replace(reading, untied=True)
    if amount.floor and _FOR_EXAMPLE_AFTER_RE.match(text, end):
        # "Cover starts from £34.50 a month for a 30-year-old non-smoker": the least quote,
        # for a customer the model does not describe; at most info.
        return replace(reading, untied=True)
    if not tied_to_offer(amount, text, foot, context, price_page) or (
        offer is None and not unit_rate and _per_use_share(amount, text, foot, context, share_unit)
    ):
        return replace(reading, untied=True)
    return reading


#: After an amount on a period: "of" and a noun, the period a unit's name ("per year of
#: accounts").
_PERIOD_OF_RE = lazy_compile(r"\s+of\s+(?P<noun>[a-z][\w-]*)", re.IGNORECASE)
#: In an amount's clause: another product, sold on its own ("the print edition is a
#: separate subscription from $60 a month", "hardware sold separately", "one audiobook
#: bought on its own").
_SEPARATE_RE = lazy_compile(
    r"\b(?:separate\s+(?:subscriptions?|purchases?|products?|services?|plans?|contracts?|"
    r"orders?)|(?:sold|billed|priced|charged|available|bought|purchased)\s+(?:separately|"
    r"individually|on\s+(?:its|their)\s+own|[aà]\s+la\s+carte)|for\s+the\s+"
    r"[\w-]+(?:\s+[\w-]+)?\s+alone)\b",
    re.IGNORECASE,
)
#: After a "from" amount (and its period): the example customer it is quoted for ("from
#: £34.50 a month for a 30-year-old non-smoker"), not a count of seats or units.
_FOR_EXAMPLE_AFTER_RE = lazy_compile(
    r"(?:\s*(?:a|an|per|/)\s*[a-z]+)?\s+for\s+an?\s+(?!(?:team|group|family|company|"
    r"business|household)\s+of\b)(?:[\w-]+\s+){0,3}?(?:[\w-]*\d[\w-]*|[a-z]+-year-old|"
    r"non-smokers?|smokers?|drivers?|homeowners?|renters?|adults?|couples?|single)\b",
    re.IGNORECASE,
)


#: Right before an amount: a bill for something the product is not ("a typical heating
#: bill of €1,800"), or the money the customer borrows ("borrow £100,000").
_OTHER_BILL_RE = lazy_compile(
    r"\b(?P<noun>[a-z][\w-]*)\s+(?P<what>bills?|prices?)\s+(?:of|is|are|runs?|comes?\s+to|at|around|about|"
    r"(?:can|could|often|may)\s+(?:top|hit|reach|be|exceed)|tops?|hits?|reach(?:es)?|"
    r"exceeds?|averages?)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
#: Right after an amount: what it adds to a bill for something else ("a week in Europe
#: adds $70 to your phone bill").
_TO_BILL_AFTER_RE = lazy_compile(
    r"\s+(?:to|on(?:to)?)\s+(?:your|their|the|a|an)\s+(?:(?:monthly|yearly|annual|next|usual)\s+)?"
    r"(?P<noun>[a-z][\w-]*)\s+bills?\b",
    re.IGNORECASE,
)
#: Right after an amount: the loan it is the size of ("on a R4,000 loan"; not "a $50 loan
#: fee").
_LOAN_AFTER_RE = lazy_compile(
    r"\s+(?:personal\s+|business\s+|home\s+|car\s+)?(?:loans?|advances?|mortgages?)\b"
    r"(?!\s+(?:fees?|charges?|costs?))",
    re.IGNORECASE,
)
_BORROW_RE = lazy_compile(
    r"\b(?:borrow|borrows|borrowed|borrowing|loans?|lend(?:s|ing)?\s+you|financing)\s+"
    r"(?:(?:of|from|between|up\s+to|about|around|over)\s+)?(?:\S+\s+(?:to|and)\s+)?$",
    re.IGNORECASE,
)
#: After an amount: a total of interest or fees over a term ("you pay about £720 in
#: interest in total"): the model states a rate, not the term; at most info.
_TERM_TOTAL_AFTER_RE = lazy_compile(
    r"\s+in\s+(?:interest|fees|charges)\b(?:\s+(?:in\s+total|overall|over\s+the\s+(?:term|"
    r"loan|life\s+of\s+the\s+loan)))?",
    re.IGNORECASE,
)
#: Before an amount, in its clause: money the customer loads ("Top up prepaid tokens from").
_TOP_UP_RE = lazy_compile(
    r"\b(?:top(?:s|ped|ping)?[\s-]up|load(?:s|ed|ing)?|reload(?:s|ed|ing)?)\b", re.IGNORECASE
)


def _usage_spend(amount: TextAmount, text: str, foot: Footing, context: ClaimContext) -> bool:
    """Whether an amount on a period is a spend on pure usage: no paid plan has a base fee
    or a component on a period ("$69 a month per location" is a subscription), and the
    period is not the last word of a unit a plan sells ("per day" for a `working day` is
    that unit's rate), nor does its clause name a plan, the product or a price word ("you
    pay $200 a month", "₹3 lakh a month on the standard plan" are compared)."""
    if amount.per not in PERIOD_FACTORS or amount.per_seat or not foot.paid:
        return False
    start, end = amount.span
    clause = (
        _clause(text[max(0, start - 80) : start], last=True)
        + text[start:end]
        + _clause(text[end : end + 80], last=False)
    )
    if _OFFER_WORD_RE.search(clause) or _offer_named(clause, context):
        return False
    if any(unit.rsplit(" ", 1)[-1] == amount.per for unit in foot.sold_units):
        return False
    return not any(
        bill.has_base
        or any(part.kind != "base" and part.per in PERIOD_FACTORS for part in bill.parts)
        for plan in foot.paid
        for bill in plan.bills
    )


#: Right before an amount: the least a fee takes ("..., minimum £6", "(min. $0.50)").
_LEAST_BEFORE_RE = lazy_compile(
    r"(?:[,(]\s*|\b)(?:minimum|min\.?|at\s+least)\s*(?:of\s+)?$", re.IGNORECASE
)
#: After an amount: a minimum the customer commits to ("a $50/month minimum usage").
_COMMITMENT_AFTER_RE = lazy_compile(
    r"\s*(?:a\s+month\s+|per\s+month\s+|monthly\s+)?minimum(?:\s+(?P<noun>usage|spend|"
    r"commitment|charge|bill|fee)\b|\s*(?:[.;,!]|$))",
    re.IGNORECASE,
)
#: Right before an amount: a repayment of what the customer borrowed ("repay about £2,120
#: a month"): a price the model cannot state (it has no amortisation), at most info.
_REPAY_RE = lazy_compile(
    r"\b(?:repay|repays|repaying|pay\s+back|repayments?\s+of|instal?ments?\s+of)\s+"
    r"(?:(?:about|around|roughly|just|only)\s+)?$",
    re.IGNORECASE,
)
#: Words before "bill" that say whose bill: the product's own ("your monthly bill of $40").
_OWN_BILL_WORDS = frozenset(
    {"your", "our", "the", "a", "one", "monthly", "yearly", "annual", "quarterly", "weekly",
     "first", "total", "typical", "average", "final", "whole", "full", "next", "last", "new"}
)  # fmt: skip


#: Words before "price" that name our own price ("a launch price of $49").
_OWN_PRICE_NAMES = frozenset(
    {"launch", "sale", "member", "discounted", "early", "founding", "founder", "student",
     "team", "family", "business", "starting", "entry", "yearly", "weekly", "daily", "total",
     "list", "net", "gross", "unit", "seat", "per", "flat", "fixed", "special", "lower",
     "higher", "best", "low", "new", "old", "same", "one", "single", "bundle", "package"}
)  # fmt: skip


def _other_bill_or_loan(amount: TextAmount, text: str, context: ClaimContext) -> str:
    """Why an amount is the customer's money, not a price, or "": a bill for something the
    product is not ("on a typical heating bill of €1,800" where heating is none of the
    product's name, plans or units; "your monthly bill of $40" is compared), or what they
    borrow ("borrow
    £100,000 over 5 years")."""
    start = amount.span[0]
    window = max(0, start - 60)
    if _BORROW_RE.search(text, window, start) or _LOAN_AFTER_RE.match(text, amount.span[1]):
        return "the customer's own money, what they borrow"  # "borrow £100,000", "a R4,000 loan"
    bill = _OTHER_BILL_RE.search(text, window, start) or _TO_BILL_AFTER_RE.match(
        text, amount.span[1]
    )
    if bill is None:
        return ""
    noun = unit_key(bill.group("noun").lower())
    if noun in _OWN_BILL_WORDS or noun in context.tie or noun in context.sold:
        return ""  # the product's name, a plan's or a unit it sells: its own bill
    if "what" in bill.groupdict() and bill.group("what").lower().startswith("price"):
        # "at a milk price of $8.00 per kg": the price of what the customer sells or buys;
        # our own price by any name ("a launch price of $49") is compared.
        if noun in _OUR_PRICE_WORDS or noun in _PRICE_NOUNS or noun in _OWN_PRICE_NAMES:
            return ""
        return "the price of something else"
    return "a bill for something else, the customer's own"


#: Right before an amount: "it" or "that" costs ("In Berlin it costs around 42 cents").
_PRONOUN_COSTS_RE = lazy_compile(
    r"\b(?:it|that|this|they|those)\s+(?:(?:often|usually|typically|still|can|may|will|"
    r"would)\s+)?(?:costs?|runs?|charges?|is|are|comes?\s+to)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|up\s+to|over|just)\s+)?$",
    re.IGNORECASE,
)


def _said_of_alternative(amount: TextAmount, text: str, context: ClaimContext) -> bool:
    """Whether an amount is what "it" costs where the sentence before names an alternative
    (`problem.alternatives`) and nothing of the product's own: "Still in the default
    supply? In Berlin it costs around 42 cents per kWh."."""
    start = amount.span[0]
    if not context.alternative or not _PRONOUN_COSTS_RE.search(text, max(0, start - 50), start):
        return False
    sentences = _SENTENCE_SPLIT_RE.split(text[max(0, start - 240) : start])
    if len(sentences) < 2:
        return False
    before = sentences[-2]
    words = lower_words([before]) | _name_words(before)
    return bool(words & context.alternative) and not (words & context.tie)


#: Where one sentence ends and the next begins ("Still in the default supply? In Berlin").
_SENTENCE_SPLIT_RE = lazy_compile(r"(?<=[.!?])\s+")


def _unit_named_rate(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether a plain amount is a sold unit's rate, the unit named in its clause ("A
    2-year warranty included, extendable to 5 years for €119" beside an `extended warranty`
    fee of €119)."""
    return (
        not amount.per_seat
        and _names_sold_unit(text, *amount.span, foot)
        and _plain_figure(found, amount.amount, amount.per, (True,), tolerance)
    )


def _names_sold_unit(text: str, start: int, end: int, foot: Footing) -> bool:
    """Whether an amount's clause names a unit or fee the plans sell by its head word
    ("A 2-year warranty included, extendable to 5 years for €119" beside an `extended
    warranty` fee)."""
    if not foot.sold_units:
        return False
    words = lower_words([_tie_clause(text, start, end)])
    heads = {unit_key(unit.split()[-1]) for unit in foot.sold_units if unit.strip()}
    return bool(heads & words)


#: Right before an amount: a change by it ("premiums drop by $1,000", "costs fall by").
_CHANGE_BY_RE = lazy_compile(
    r"\b(?:drops?|dropped|dropping|falls?|fell|falling|cuts?|cutting|reduced?|reduces|"
    r"reducing|lowers?|lowered|lowering|rises?|rose|rising|increases?|increased|increasing|"
    r"grows?|grew|growing|shrinks?|shrank|(?:goes|go|went|going|comes?|came|coming)\s+"
    r"(?:up|down))\s+by\s+(?:(?:about|around|roughly|up\s+to|as\s+much\s+as|over|nearly|"
    r"almost|an?\s+average\s+of|on\s+average)\s+)?$"
    # "This month's rate is down ₱0.15 per kWh"
    r"|\b(?:is|are|was|were)\s+(?:down|up)\s+(?:by\s+)?(?:(?:about|around|roughly|up\s+to|"
    r"as\s+much\s+as|over|nearly|almost|an?\s+average\s+of|on\s+average)\s+)?$",
    re.IGNORECASE,
)
#: Earlier in an amount's sentence: costs cut or a gain the sentence goes on to put a
#: figure on ("Fleets cut fuel costs by 8%, about $1,500 per truck a year", "farms gain
#: 8% more milk - that's about €20,000 a year"), or what the customer pays today ("Still
#: paying ¥7,000 a month?", "switching from a ¥7,000 plan", "stop paying for ... - often
#: $3,000 a month").
_CUT_OR_GAIN_RE = lazy_compile(
    r"\b(?:(?P<cut>cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|"
    r"lowering|slash|slashes|slashed|slashing|trim|trims|trimmed|trimming|halve|halves|"
    r"halved)\s+(?:[\w'-]+\s+){0,3}?(?:costs?|spend|spending|bills?|expenses?|overheads?|"
    r"premiums?)|(?P<gain>gain|gains|gained|gaining)|(?P<spend>(?:still|currently|already)\s+"
    r"(?:paying|spending)|stop\s+paying|(?:switch(?:ing)?|moving)\s+from|instead\s+of\s+"
    r"paying))\b",
    re.IGNORECASE,
)
#: Right before an amount: what a cut or a gain leads to, or buys: the amount is then a
#: price ("cut your phone bill to $20 a month", "gain access for $10").
_TO_OR_FOR_RE = lazy_compile(
    r"\b(?:to|for|at)\s+(?:(?:just|only|about|around|under|less\s+than)\s+)?$", re.IGNORECASE
)


def _change_or_gain(amount: TextAmount, text: str, context: ClaimContext) -> str:
    """Why an amount is a change or a gain of the customer's, not a price, or "": right
    after "drop by", "fall by", "rise by"... ("their insurance premium drops by $1,000"), or
    later in a sentence that cuts costs or states a gain, with no price word nor a plan or
    the product named between ("cut fuel costs by 8%, about $1,500 per truck a year");
    not where it is what the cut leads to or buys ("cut your bill to $20 a month")."""
    start = amount.span[0]
    if _CHANGE_BY_RE.search(text, max(0, start - 60), start):
        return "a change by an amount, not a price"
    head = sentence_bounds(text, start, amount.span[1])[0]
    cues = list(_CUT_OR_GAIN_RE.finditer(text, head, start))
    cue = cues[-1] if cues else None
    if cue is None or _TO_OR_FOR_RE.search(text, max(cue.end(), start - 30), start):
        return ""
    between = text[cue.end() : start]
    if _OFFER_WORD_RE.search(between) or _offer_named(between, context):
        return ""
    if cue.group("spend"):
        return "what the customer pays today, not the product's price"
    return "a saving" if cue.group("cut") else "a gain of the customer's"


#: Right before an amount: words that say it is rounded ("about $6 a day").
_ROUGHLY_BEFORE_RE = lazy_compile(
    r"(?:\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|close\s+to|some|"
    r"just\s+(?:over|under))|~)\s*$",
    re.IGNORECASE,
)
#: The most a rounded amount may be off its figure, as a share of it.
_ROUNDING_AT_MOST = Decimal("0.1")


def _rounding(amount: TextAmount, text: str, tolerance: Decimal) -> Decimal:
    """The tolerance for an amount: an amount said to be rounded ("about $6 a day" for
    $6.25, "roughly €2,300" for €2,280) may be off by half a unit of its last written
    digit, at most a tenth of it; any other by `tolerance`."""
    start = amount.span[0]
    if amount.amount <= 0 or not _ROUGHLY_BEFORE_RE.search(text, max(0, start - 24), start):
        return tolerance
    exponent = amount.amount.normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return tolerance
    half_unit = Decimal(5).scaleb(exponent - 1)
    return max(tolerance, min(half_unit / amount.amount, _ROUNDING_AT_MOST))


#: After an amount: a business it sizes ("a $1.2M practice", "a $5 million agency").
_SIZED_BUSINESS_RE = lazy_compile(
    r"\s*(?:[a-z-]+\s+)?(?:practices?|clinics?|firms?|business(?:es)?|compan(?:y|ies)|"
    r"agenc(?:y|ies)|shops?|stores?|restaurants?|hospitals?|brands?|retailers?|"
    r"manufacturers?|startups?|organi[sz]ations?|nonprofits?)\b"
)
_A_BEFORE_RE = lazy_compile(r"\b(?:an?|every|any|each)\s+$", re.IGNORECASE)


#: A rate with two per-units, the last a period: "per minute per month", "/GB/mo",
#: "a device a month".
_COMPOUND_RE = lazy_compile(
    r"(?:\bper\s+|/\s*|\ban?\s+|\beach\s+)(?P<unit>[A-Za-z][\w-]*)\s*"
    r"(?:\bper\s+|/\s*|\ban?\s+|\beach\s+)(?:day|week|month|quarter|year|mo|yr|wk)s?\b",
    re.IGNORECASE,
)
#: Periods, and the people a price per head is for (a seat price, compared as it is).
_NOT_COMPOUND = frozenset(
    {"day", "week", "month", "quarter", "year", "mo", "yr", "wk", *SEAT_WORDS}
    | {"person", "people", "employee", "head", "teammate", "staff", "worker", "student"}
)


def _sells_seats(foot: Footing) -> bool:
    """Whether a paid plan's base is priced per seat (the seat named as the user likes)."""
    return any(plan.own.parts[0].step_yearly is not None for plan in foot.paid)


def _compound_unit(raw: str) -> str | None:
    """The per-unit of a rate with two ("$0.003 per minute per month": "minute"), or None.
    Gated: only a raw text with two "per"/"/"/"a" words is searched."""
    lowered = raw.lower()
    if lowered.count("per ") + lowered.count("/") + lowered.count(" a ") < 2:
        return None
    match = _COMPOUND_RE.search(raw)
    if match is None or unit_key(match.group("unit")) in _NOT_COMPOUND:
        return None
    return match.group("unit")


#: After an amount: the use it is a share of ("S$16 a class", "$4 per ride", "$9/lesson").
_USE_AFTER_RE = lazy_compile(r"\s*(?:per|/|a|an|each|every)\s+(?P<unit>[A-Za-z][\w-]*)\b", re.I)
#: Before an amount: the uses it is a share of, as a plural subject ("classes start as low as
#: S$16", "rides cost from $4", "lessons work out at $9").
_USES_BEFORE_RE = lazy_compile(
    r"\b(?P<unit>[a-z][\w-]*s)\s+(?:(?:start|cost|come|run|work\s+out|are)\s+"
    r"(?:(?:at|from|to|in\s+at|out\s+at|as\s+(?:low|little)\s+as)\s+)?"
    # "with consultations from R$ 30"
    r"|(?:from|starting\s+at|as\s+(?:low|little)\s+as)\s+)"
    r"(?:(?:just|only|about|around)\s+)?$"
)
#: Words after which an amount is the plan's own price, not a share per use.
_NOT_USES = frozenset(
    {"plan", "price", "tier", "membership", "subscription", "package", "bundle", "seat",
     "user", "licence", "license", "fee", "charge", "cost", "rate", "option", "edition",
     "month", "year", "week", "day", "quarter", "time", "one", "thing", "deal", "offer"}
)  # fmt: skip


def _per_use_share(
    amount: TextAmount,
    text: str,
    foot: Footing,
    context: ClaimContext,
    unit: str | None = None,
) -> bool:
    """Whether an amount no figure explains is a share of a plan's price per use, of a unit
    no plan is priced by ("On Core, classes start as low as S$16" for S$79 a month: about
    five classes): below every paid plan's recurring price on its own period, and per a
    use named after it or as the plural subject before it. The model has no count of uses
    to check it against, so it is at most info. Where a plan prices any unit the amount is
    compared (the claim's "kilometres" may be the plan's `km`)."""
    if amount.per is not None or amount.per_seat or amount.amount <= 0:
        return False
    start, end = amount.span
    after = _USE_AFTER_RE.match(text, end) if unit is None else None
    if unit is not None:
        pass  # the per-unit of a compound rate ("50 cents per device a month")
    elif after is not None:
        unit = after.group("unit")
    else:
        before = _USES_BEFORE_RE.search(text, max(0, start - 60), start)
        if before is None:
            return False
        unit = before.group("unit")
    key = unit_key(unit.lower())
    if key in _NOT_USES or key in context.sold or key in context.tie or key in _PLAIN_WORDS:
        return False
    if any(p.kind in ("unit", "percent") or p.unit for plan in foot.plans for p in plan.own.parts):
        return False  # a plan prices units or uses: "kilometres" may be its `km`, compared
    recurring = [plan.own for plan in foot.paid if plan.own.has_recurring]
    if not recurring:
        return False
    return all(amount.amount < bill.monthly for bill in recurring)


def _regular_term(
    amount: TextAmount, duration: Duration, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether an amount paid for a length is a plan's regular price on a billing option
    whose period that length is, or a whole number of ("15GB is $20/mo for 12 months"
    where the plan is $240 a year): the term the price is bought for, not an offer."""
    if duration.payments and duration.count is not None and duration.count > 1:
        # "12 payments of R$17.90" on an annual plan of R$214.80: its price in instalments.
        regular = [e for e in found if e.kind[0] in ("base", "bill")]
        if explains(
            regular,
            amount.amount * duration.count,
            None,
            per_unit=amount.per_seat,
            floor=False,
            at_most=False,
            tolerance=tolerance,
        ):
            return True
    if duration.count is None or duration.unit not in PERIOD_FACTORS:
        return False
    if amount.per is None:
        # "₹99 for 6 months": a total for the length, the regular price for that long
        # (two quarters of ₹299 are ₹598, not ₹99: the introductory quarter misquoted).
        years = Decimal(duration.count) / PERIOD_FACTORS[duration.unit]
        return any(
            _near(amount.amount, e.figure * years, tolerance)
            for e in found
            if e.kind[0] in ("base", "bill") and e.basis == "year" and not e.per_unit
        )
    for billed in {e.billed for e in found if e.billed in PERIOD_FACTORS}:
        length = _length_in(duration, billed)
        if length is None or length < 1 or length != length.to_integral_value():
            continue
        term = [e for e in found if e.billed == billed and e.kind[0] in ("base", "bill")]
        if explains(
            term,
            amount.amount,
            amount.per,
            per_unit=amount.per_seat,
            floor=False,
            at_most=False,
            tolerance=tolerance,
        ):
            return True
    return False


#: In an amount's clause: a word that puts money on the offer ("the price", "plans",
#: "membership", "billed", "costs you", "you pay"; not "pays for itself", a return).
_OFFER_WORD_RE = lazy_compile(
    r"\b(?:(?<!market\s)prices?|priced|pricing|plans?|tiers?|"
    r"subscri(?:be|bed|bes|bing|ption|ptions)|"
    r"memberships?|fees?|commissions?|brokerage|billed|billing|bills?|invoiced?|(?:service|monthly|setup|standing|"
    r"one-time|delivery|booking|usage|platform|transaction)\s+charges?|charges?\s+(?:you|of)|"
    r"(?:we|they|it)\s+charges?|charged\s+(?:you|monthly|yearly|annually)|upfront|"
    r"up-front|prepaid|pay(?:s|ing)?(?!\s+(?:for\s+)?(?:it|them)sel(?:f|ves))|costs?\s+(?:you|me|us)|licen[cs]es?|seats?|per\s+"
    r"(?:user|seat|month|year)|monthly|yearly|annual(?:ly)?|quarterly|renews?|renewal|"
    r"trial|intro(?:ductory)?|editions?|add-ons?|upgrades?|packages?|bundles?|deals?|"
    r"offers?|promo(?:tion)?s?|(?:through|via|with)\s+us|we\s+(?:charge|take|bill|keep))\b",
    re.IGNORECASE,
)
#: Where a clause ends for a tie: a sentence's end, a semicolon, a dash, a bracket, and
#: a colon after a clause of its own (`_tie_clause`).
_TIE_END_RE = lazy_compile(r"[.!?;]\s|[;()\[\]]|\s[-–—]\s|\n")
#: A colon with words on each side; a side of up to three words is a label of the other
#: ("Pro: $29 a month", "Storage: $0.003 per minute") and is not cut off.
_TIE_COLON_RE = lazy_compile(r":\s")
_LABEL_WORDS = 3


#: Words a name of what is priced may start with beside the product's ("Each extra ton").
_NAME_DETERMINERS = frozenset(
    {"each", "every", "a", "an", "the", "one", "per", "extra", "additional"}
)
#: Right before an amount: what it prices, joined by "is", "are", "costs" ("Each extra ton
#: is $45").
_NAME_IS_RE = lazy_compile(
    r"(?P<name>(?:[\w'-]+\s+){1,3}?)(?:is|are|costs?|runs?)\s+(?:(?:just|only|about)\s+)?$",
    re.IGNORECASE,
)


def tied_to_offer(
    amount: TextAmount, text: str, foot: Footing, context: ClaimContext, price_page: bool = False
) -> bool:
    """Whether a claim's amount is tied to the offer, so that a figure no plan gives is a
    misquoted price rather than other money: written on a period or per seat, per a unit
    or fee the product sells, or in a clause (up to a sentence's end, a semicolon, a dash
    or a bracket) that names a plan or the product, or says price, plan, membership, fee,
    billed, costs you, you pay, monthly... An amount tied to none of these ("an hour of
    downtime can cost $100,000", "a deductible as low as $250") is at most an info."""
    if amount.per_seat or is_rate(amount.raw):
        return True
    if amount.per is not None and (price_page or not _far_above_bills(amount, foot)):
        return True
    start, end = amount.span
    if units_counted(text, start, end) is not None:
        return True  # "Packs of 5,000 emails for $8": a price for a count of units
    if _EACH_AFTER_RE.match(text, end):
        return True  # "extra kilometres are 3,50 kr each": a price per unit
    clause = _tie_clause(text, start, end)
    if _OFFER_WORD_RE.search(clause) or _offer_named(clause, context):
        return True
    # "Scale is $299": a name in capitals right before the amount may be a plan's.
    cue = _ITEM_CUE_RE.search(_clause(text[max(0, start - 80) : start], last=True))
    if cue is not None and cue.group("phrase").split()[-1][:1].isupper():
        return True
    # "Each extra ton is $45": a unit or fee the product sells, as what is priced.
    named = _NAME_IS_RE.search(_clause(text[max(0, start - 60) : start], last=True))
    if named is not None:
        words = [unit_key(w) for w in _LOWER_WORD_RE.findall(named.group("name"))]
        # Every word the product's: "a 30-day subway pass is $132" is another pass.
        if (
            words
            and words[-1] in context.sold
            and all(
                w in context.sold or w in context.product or w in _NAME_DETERMINERS for w in words
            )
        ):
            return True
    # "$0.30 per 1,000 credits", "$10 per retailer": per a unit or fee the product sells.
    rate = _UNIT_AFTER_RE.match(text, end)
    return rate is not None and unit_key(rate.group("unit").lower()) in context.sold


#: How many times the dearest plan's first-year bill a yearly figure must be before a
#: period alone no longer ties it to the offer: planted misquotes of every real-world set
#: are at most 0.83 times it, the honest costs and earnings written on a period 2.26 times
#: and more (tests/realworld/README.md, "Far above every bill").
_FAR_ABOVE = Decimal(2)


def _far_above_bills(amount: TextAmount, foot: Footing) -> bool:
    """Whether an amount on a period is, on a year, more than `_FAR_ABOVE` times the dearest
    paid plan's first-year bill for the typical customer: outside a pricing stage, "that's
    $60,000 a year" beside a $26,600 plan is more likely what the problem costs or the
    customer earns than a misquote, unless something else in its clause ties it to the
    offer."""
    factor = PERIOD_FACTORS.get(amount.per or "")
    if factor is None:
        return False
    top = max((plan.own.first_year for plan in foot.paid), default=Decimal(0))
    return top > 0 and amount.amount * factor > _FAR_ABOVE * top


_EACH_AFTER_RE = lazy_compile(r"\s*(?:each|apiece|a\s+piece)\b", re.IGNORECASE)
_UNIT_AFTER_RE = lazy_compile(
    r"\s*(?:per|/|a|an|each|for)\s+(?:[\d,.]+\s+)?(?P<unit>[A-Za-z][\w-]*)", re.IGNORECASE
)


def _tie_clause(text: str, start: int, end: int) -> str:
    """The clause `tied_to_offer` reads around text[start:end]: its sentence, cut at a
    semicolon, a dash or a bracket on either side."""
    head, tail = sentence_bounds(text, start, end)
    ends = list(_TIE_END_RE.finditer(text, head, start))
    if ends:
        head = ends[-1].end()
    after = _TIE_END_RE.search(text, end, tail)
    if after is not None:
        tail = after.start()
    # A colon between two clauses ("Trust accounting on Essentials and up: reconcile
    # $50,000 of client funds"): the amount's side alone, unless the other is a label.
    for before in _TIE_COLON_RE.finditer(text, head, start):
        if len(text[head : before.start()].split()) > _LABEL_WORDS:
            head = before.end()
    later = _TIE_COLON_RE.search(text, end, tail)
    if later is not None and len(text[later.end() : tail].split()) > _LABEL_WORDS:
        tail = later.start()
    return text[head:tail]


def _offer_named(clause: str, context: ClaimContext) -> bool:
    """Whether a clause names the product or a plan (its id, or a word of it of four letters
    or more), as whole words; a plan's word only written as a name, with a capital or a
    digit ("Core", "Pro"): in lower case it is the common noun ("for a $1.2M practice"
    beside a plan `practice`). The product's words tie in lower case too ("the bike")."""
    found = (lower_words([clause]) | _name_words(clause)) & context.tie
    if not found or not found <= context.plan_only:
        return bool(found)
    names = [t for t in _NAME_TOKEN_RE.findall(clause) if t[:1].isupper() or _has_digit(t)]
    return bool(names) and bool((lower_words(names) | _name_words(" ".join(names))) & found)


def _has_digit(token: str) -> bool:
    return any(c.isdigit() for c in token)


#: A word of a name, digits and all ("1Password", "Plan2Go").
_NAME_TOKEN_RE = lazy_compile(r"[A-Za-z0-9][\w&'-]*")


def _name_words(text: str) -> frozenset[str]:
    """The words of a name as whole words: a word with a digit stays whole ("1Password" is
    "1password", so "a reused password" does not name it); the others as `lower_words`."""
    tokens = _NAME_TOKEN_RE.findall(text)
    plain = [t for t in tokens if not any(c.isdigit() for c in t)]
    return lower_words(plain) | {t.lower() for t in tokens if any(c.isdigit() for c in t)}


#: Before an amount: the thing it is the price of, joined by "is", "costs", "sells for"...
#: ("The rotisserie chicken is still $4.99"), maybe with the place it is sold at ("a derby
#: ticket at Soccer City is R100": the ticket, not a plan called "City").
_ITEM_CUE_RE = lazy_compile(
    r"(?:^|\b)(?:(?:the|a|an|our|its|their|each|every|one|this|that)\s+)?"
    r"(?P<phrase>(?:[A-Za-z][\w'-]*\s+){1,3}?)"
    r"(?:(?:at|in|from)\s+(?:the\s+)?(?:[A-Z][\w'&.-]*\s+){1,3})?"
    r"(?:is|are|costs?|sells?\s+for|goes\s+for|retails\s+(?:at|for)|stays?\s+at)\s+"
    r"(?:(?:still|just|only|now|always|about|around|a\s+mere)\s+)*$",
    re.IGNORECASE,
)
#: Words that may name the product's own price in a phrase ("the membership is $65", "the
#: device is $99", "everything is $10"): a phrase with one of them is compared.
_PRICE_NOUNS = frozenset(
    {"membership", "subscription", "sub", "fee", "fees", "tier", "access", "account", "licence",
     "license", "seat", "user", "member", "everything", "package", "bundle", "upgrade", "add-on",
     "addon", "option", "version", "edition", "bill", "total", "deal", "offer", "kit", "starter",
     "device", "hardware", "unit", "trial", "setup", "installation", "first", "entry", "standard",
     "premium", "pro", "plus", "rate", "charge", "pricing", "it", "each", "annual", "monthly",
     "yearly", "renewal", "contract", "minimum", "base", "extra", "additional", "overage",
     "usage", "quote", "invoice", "payment", "deposit", "today", "now", "then", "after", "next",
     "lifetime", "intro", "introductory", "promo", "special", "sale", "launch"}
)  # fmt: skip
#: In the sentence: a period or a plan word puts the amount on the product's price.
_PERIOD_WORD_RE = lazy_compile(
    r"\b(?:a|per|every|each)\s+(?:day|week|month|quarter|year)\b|\b(?:daily|weekly|monthly|"
    r"quarterly|yearly|annual(?:ly)?|once|one[- ]time|plans?|tiers?|membership|subscription)\b|"
    r"/\s*(?:mo|month|yr|year|wk|week|day)\b",
    re.IGNORECASE,
)


def _other_item(amount: TextAmount, text: str, context: ClaimContext) -> bool:
    """Whether a plain amount no figure of the model explains is the price of something else
    the business sells ("The rotisserie chicken is still $4.99" in a warehouse club's
    membership): the thing priced, before "is", "costs" or "sells for", has a telling word
    and none of the product's (its name, category, plans, units, fees) nor a word that may
    name the product's price ("membership", "device", "upgrade"), and nothing in its
    clause puts the amount on a period, a plan or the product. A price "from", per seat, per unit or
    per period is always compared."""
    if amount.per is not None or amount.per_seat or amount.floor or is_rate(amount.raw):
        return False
    start, end = amount.span
    clause = _clause(text[max(0, start - 80) : start], last=True)
    cue = _ITEM_CUE_RE.search(clause)
    thing = _THING_AFTER_RE.match(text, end) if _ARTICLE_END_RE.search(clause) else None
    rest = _THEIR_PAYER_RE.sub(" ", _clause(text[end : end + 80], last=False))
    # Up to the next amount: "your ₹350 biryani arrived with ₹0 delivery fee" is the
    # biryani's price; the fee word is the next amount's.
    rest = _NEXT_MONEY_RE.split(rest, maxsplit=1)[0]
    if thing is not None and not _OFFER_WORD_RE.search(rest):
        phrase = thing.group("noun")  # "on a $6,000 surgery": the price of a surgery
    elif cue is None or cue.group("phrase").split()[-1][:1].isupper():
        return False  # a thing named in capitals ("Scale is $299") may be a plan: compared
    else:
        phrase = cue.group("phrase")
    words = lower_words([phrase]) - _PLAIN_WORDS
    own = {w.lower() for w in context.own}
    if not words or words & (context.product | own | _PRICE_NOUNS):
        return False
    near = clause + text[start:end] + rest
    if _PERIOD_WORD_RE.search(near) is not None:
        return False
    return not (lower_words([near]) & (context.product | own))


#: After an amount: a full price of something else ("CHF 56 at full fare").
_FULL_PRICE_RE = lazy_compile(
    r"\s*(?:at|for)\s+(?:the\s+)?(?:full|regular|normal|standard|walk-up|list)\s+"
    r"(?:fares?|prices?|rates?)\b",
    re.IGNORECASE,
)


def _full_fare_pair(amount: TextAmount, text: str) -> bool:
    """Whether a plain amount is a price of something else the product reduces: its
    sentence names an amount "at full fare" ("Zurich to Bern is CHF 56 at full fare and CHF
    28 with the Half Fare travelcard"), and it is that amount or one at most it. An amount
    on a period or per seat is always compared."""
    if amount.per is not None or amount.per_seat or amount.floor or is_rate(amount.raw):
        return False
    head, tail = sentence_bounds(text, *amount.span)
    for other in find_amounts(text[head:tail], amount.currency):
        if other.per is not None or not _FULL_PRICE_RE.match(text, head + other.span[1]):
            continue
        if other.amount >= amount.amount:
            return True
    return False


# -- the kinds of the held-out set 13b: ranges of quotes, the customer's customer's item
# and its instalments, a reference price compared against, a cost in staff or time -------
#: The customer's customer paying, by a possessive ("your shopper pays", "their buyers
#: spend"): no word that puts money on our offer.
_THEIR_PAYER_RE = lazy_compile(
    r"\b(?:your|their)\s+(?:[\w'-]+\s+)?(?:shoppers?|customers?|buyers?|clients?|guests?|"
    r"patients?|diners?|patrons?|passengers?|riders?|students?|tenants?|members?|fans?|"
    r"donors?|visitors?|consumers?)\s+(?:pays?|paying|paid|spends?|spending|splits?|"
    r"splitting|covers?)\b",
    re.IGNORECASE,
)
#: Right before an amount: instalments of it, with their count where given ("4 payments
#: of $50", "four instalments of").
_INSTALMENTS_OF_RE = lazy_compile(
    rf"(?:\b{_COUNT}\s+(?:[\w-]+\s+)?)?(?:payments?|instal?lments?|installments?|EMIs?)\s+of\s+"
    r"(?:(?:about|around|roughly|just|only)\s+)?$",
    re.IGNORECASE,
)


def _range_holds(amount: TextAmount, text: str, found: list[Explainer], tolerance: Decimal) -> bool:
    """Whether the amount is a bound of a range ("most pay between $35 and $85 a month",
    "$110 to $200 a month") that holds a figure of the model on the same footing (its
    period, or the sentence's billing cadence; per seat or not as written): a spread of
    quotes or bills the plans give one of. A range none of whose values a plan gives is
    not explained. A floor or an upper bound is no range."""
    if amount.range is None or amount.floor:
        return False
    low, high = amount.range
    start, end = amount.span
    for per in dict.fromkeys([amount.per, *cadence_periods(text, start, end)]):
        if per is None:
            candidates = [(e, e.figure) for e in found if e.basis in ("written", ONCE)]
            candidates += [(e, e.figure / 12) for e in found if e.basis == "year"]
            factor = Decimal(1)
        elif per == ONCE:
            candidates = [(e, e.figure) for e in found if e.basis == ONCE]
            factor = Decimal(1)
        elif per in PERIOD_FACTORS:
            candidates = [(e, e.figure) for e in found if e.basis == "year"]
            factor = Decimal(PERIOD_FACTORS[per])
        else:
            continue
        for explainer, figure in candidates:
            if explainer.per_unit != amount.per_seat or figure <= 0:
                continue
            if low * factor * (1 - tolerance) <= figure <= high * factor * (1 + tolerance):
                return True
    return False


def _instalment_of_other(
    amount: TextAmount, text: str, foot: Footing, context: ClaimContext, tolerance: Decimal
) -> bool:
    """Whether the amount is an instalment of something else its sentence prices ("On a
    $200 dress your shopper pays 4 payments of $50"): right after "payments of" or
    "instalments of", with an earlier amount of the sentence that `_other_item` reads as
    the price of a thing that is not the plans', and the instalments (their count where
    given) come to that price."""
    start, end = amount.span
    before = _INSTALMENTS_OF_RE.search(text, max(0, start - 60), start)
    if before is None or amount.per_seat or amount.floor:
        return False
    head, tail = sentence_bounds(text, start, end)
    count = before.group("n")
    times = None
    if count is not None:
        times = Decimal(_COUNTS[count.lower()]) if count.lower() in _COUNTS else Decimal(count)
    for other in find_amounts(text[head:tail], foot.currency):
        other = replace(other, span=(other.span[0] + head, other.span[1] + head))
        if other.span[1] > start or other.amount <= amount.amount:
            continue
        if not _other_item(other, text, context):
            continue
        if times is None or abs(times * amount.amount - other.amount) <= tolerance * other.amount:
            return True
    return False


#: Before an amount: a price the sentence compares the offer against, another party's
#: ("9% below the Default Market Offer of $2,620 a year", "less than the standard rate of
#: $80"): a word of comparison, then that price named with an article and "of", "at", "is".
_COMPARED_TO_RE = lazy_compile(
    r"\b(?:below|under|beneath|less\s+than|lower\s+than|cheaper\s+than|above|over|more\s+than|"
    r"higher\s+than|dearer\s+than|against|compared\s+(?:to|with)|versus|vs\.?|beats?|"
    r"beating|undercuts?)\s+(?:the|a|an|their|its|today's|this\s+year's)\s+"
    r"(?P<phrase>(?:[\w'-]+\s+){1,5}?)(?:of|at|is|was|which\s+is|currently\s+at)\s+"
    r"(?:(?:about|around|roughly|just|only|some)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: a reference price, a regulator's or a market's, named as such ("the
#: reference price of", "the industry average of", "a benchmark rate of").
_REFERENCE_PRICE_RE = lazy_compile(
    r"\b(?P<phrase>(?:reference|benchmark|default(?:\s+market)?|regulated|regulator's|"
    r"government|market|industry|national|state|regional|median|going|standard\s+variable)"
    r"\s+(?:[\w'-]+\s+){0,2}?(?:prices?|rates?|tariffs?|offers?|caps?|averages?|fares?))\s+"
    r"(?:of|at|is|was|:)\s+(?:(?:about|around|roughly|just|only|some)\s+)?$",
    re.IGNORECASE,
)
#: After an amount: what the problem costs in the customer's own staff or time ("costs $3
#: to $5 in analyst time", "$15 in staff hours", "$400 a week in wages").
_IN_STAFF_TIME_RE = lazy_compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+[\w'-]+\s+)?(?:in|of)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:time|hours|days|staff|labou?r|wages|salar(?:y|ies)|payroll|overtime|effort|"
    r"man-hours|person-hours|productivity)\b",
    re.IGNORECASE,
)
#: Words of our own price before a discount ("the regular price of $99").
_OUR_PRICE_WORDS = frozenset(
    {"regular", "list", "usual", "full", "normal", "original", "retail", "sticker", "rrp",
     "our", "introductory", "intro", "current", "old", "previous", "new"}
)  # fmt: skip
_COST_VERB_RE = lazy_compile(
    r"\b(?:costs?|costing|takes?|taking|eats?|eating|burns?|burning|wastes?|wasting|"
    r"runs?|running|adds?\s+up\s+to)\b",
    re.IGNORECASE,
)


# -- money a sentence asks about, hedges, or gives to the customer's own trade (held-out
# sets 24 to 25b) -------------------------------------------------------------------------
#: Before an amount, in its clause: what something can cost ("A card machine can cost R1,500
#: to buy or R300 a month to rent", "a separate CDN can run you $20 a month").
_HEDGED_COST_RE = lazy_compile(
    r"\b(?:can|could|may|might)\s+(?:easily\s+|often\s+|still\s+|also\s+|quickly\s+)?"
    r"(?:cost|run|set\s+\w+\s+back|charge|add\s+up\s+to|top|collect|take|ask\s+for|bill|"
    r"demand|eat|swallow)\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
_OTHER_PARTY_RE = lazy_compile(rf"\b{_OTHER_PARTY}\b", re.IGNORECASE)
#: After an amount (and its period): it is paid somewhere else ("$20 a month elsewhere").
_ELSEWHERE_AFTER_RE = lazy_compile(
    r"(?:\s*(?:a|an|per|/)\s*[a-z]+)?\s+(?:elsewhere|at\s+other\s+(?:shops|stores|providers|"
    r"banks|firms|companies|platforms)|at\s+(?:a|the)\s+(?:competitor|rival)(?:'s)?|with\s+"
    r"(?:a|another)\s+(?:provider|competitor|rival))\b",
    re.IGNORECASE,
)
#: A sentence that asks what the customer pays now ("Paying $65 a month on a postpaid
#: plan?", "Still paying $30 for ...?", "Why pay $12 a month for ...?").
_ASKS_PAYING_RE = lazy_compile(
    r"\s*(?:(?:still|are\s+you(?:\s+still)?|tired\s+of|sick\s+of|fed\s+up\s+with|why)\s+)?"
    r"pay(?:ing)?\b[^.!?]*\?\s*",
    re.IGNORECASE,
)
#: After an amount: the customer's deal, order or sale it is the size of ("If your reps
#: average a $30,000 deal", "on a R$60 ticket").
_DEAL_AFTER_RE = lazy_compile(
    r"\s+(?P<noun>deals?|contracts?|orders?|sales?|baskets?|tickets?|invoices?|transactions?|"
    r"bookings?|carts?|checkouts?)\b(?!\s+(?:fees?|minimums?|charges?|prices?|plans?))",
    re.IGNORECASE,
)
_DEAL_BEFORE_RE = lazy_compile(
    r"\b(?:an?|each|every|one|per|average|typical|your|their)\s+(?:(?:average|typical|single)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount, in its clause: what the customer sells it at ("Selling 150 tickets at
#: R$60", "sell a course for $200").
_SELLS_AT_RE = lazy_compile(
    r"\b(?P<who>\w+\s+)?(?:re)?(?:sell|sells|selling|sold)\s+(?:up\s+to\s+|about\s+|over\s+)?"
    r"(?P<what>(?:[\d,.]+\s+)?(?:[\w'-]+\s+){0,3}?)(?:at|for)\s+"
    r"(?:(?:about|around|roughly|just|only)\s+)?$",
    re.IGNORECASE,
)
#: After an amount: it is paid to the customer ("Farmers pay around ₦40,000 per hectare for
#: ploughing, paid to you through the app").
_PAID_TO_YOU_AFTER_RE = lazy_compile(
    r"(?:\s+(?:per|a|an|each)\s+[\w-]+)?(?:\s+for\s+[\w-]+)?\s*,?\s+(?:(?:is|are)\s+)?"
    r"(?:paid(?:\s+out)?|sent|transferred|going|goes)\s+(?:straight\s+|directly\s+)?(?:to|into)\s+"
    r"(?:you|your\s+(?:account|wallet|bank(?:\s+account)?))\b",
    re.IGNORECASE,
)
#: Going back on a purchase or lapsing, as the kind of a fee: returning, cancelling,
#: leaving early, reconnecting, a late payment, a missed appointment.
_GOING_BACK = (
    r"return(?:\s+shipping)?|restocking|cancell?ation|early[\s-]termination|termination|"
    r"exit|reactivation|reconnection|disconnection|late(?:[\s-]payment)?|"
    r"missed[\s-]appointment|no[\s-]show"
)
_FEE_NOUNS = r"(?:fees?|charges?|penalty|penalties)"
#: After an amount: a charge for going back on the purchase ("a $250 return shipping fee
#: applies", "a €50 cancellation fee"), not the price.
_GOING_BACK_FEE_RE = lazy_compile(
    rf"\s+(?:{_GOING_BACK}|returns)\s+{_FEE_NOUNS}\b",
    re.IGNORECASE,
)
#: Before an amount: such a fee named first ("a reconnection fee of ₹100").
_GOING_BACK_BEFORE_RE = lazy_compile(
    rf"\b(?:{_GOING_BACK}|release)\s+{_FEE_NOUNS}\s+(?:of\s+)?"
    r"(?:(?:about|around|just|only)\s+)?$",
    re.IGNORECASE,
)
#: Around an amount: what it adds to the customer's sale ("one extra bidder can add 50,000
#: kr to the sale").
_ADDS_BEFORE_RE = lazy_compile(
    r"\b(?:add|adds|added|adding)\s+(?:(?:an?\s+)?(?:extra|further|another|up\s+to|over|"
    r"about|around|as\s+much\s+as)\s+)*$",
    re.IGNORECASE,
)
_TO_SALE_AFTER_RE = lazy_compile(
    r"\s+to\s+(?:the|your|their|a|its)\s+(?:final\s+)?(?:sale|sales|sale\s+price|selling\s+"
    r"price|value|revenue|income|profit|takings|bottom\s+line|margin|earnings|turnover)\b",
    re.IGNORECASE,
)


#: A sentence's subject that is another party's thing ("A bank card terminal rents for",
#: "Most brokers charge", "The bank's fee is").
_PARTY_SUBJECT_RE = lazy_compile(
    r"\s*(?:an?|the|your|their|most|many|some)\s+(?:[\w'-]+\s+){0,2}?"
    rf"{_OTHER_PARTY}(?:'s|s')?\b",
    re.IGNORECASE,
)
_WE_RE = lazy_compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)
#: A word of every party `_OTHER_PARTY` names, lower case, as a substring.
_PARTY_STEMS = (
    "attorney", "lawyer", "solicitor", "accountant", "cpa", "bookkeeper", "notar", "agenc",
    "consultant", "contractor", "freelancer", "broker", "bank", "issuer", "carrier", "state",
    "government", "irs", "hmrc", "count", "court", "dmv", "registrar", "competitor", "rival",
    "incumbent", "cit", "council", "municipalit", "town", "landlord", "other", "most",
    "typical", "traditional", "legacy", "conventional",
)  # fmt: skip


def other_party_subject(text: str, start: int, context: ClaimContext) -> bool:
    """Whether the sentence money stands in has another party's thing as its subject ("A
    bank card terminal rents for ৳1,000 a month and charges around 2% per card payment"),
    with nothing of the product's nor "we" or "our" up to the money."""
    head = sentence_bounds(text, start, start)[0]
    opening = text[head : head + 60].lower()
    if not _has_any(opening, _PARTY_STEMS):
        return False  # (no party's word where a subject could name one: not compiled)
    subject = _PARTY_SUBJECT_RE.match(text, head)
    if subject is None:
        return False
    between = text[head:start]
    return not _WE_RE.search(between) and not _offer_named(between, context)


def _not_quoted(amount: TextAmount, text: str, context: ClaimContext) -> str | None:
    """Why an amount is money its sentence does not quote as the product's price, by the
    held-out sets 24 to 25b's kinds, or None: what a thing can cost, hedged ("A card
    machine can cost R300 a month to rent"), unless the thing is the product's or a plan;
    a price paid elsewhere; what a question asks the customer pays now ("Paying $65 a
    month on a postpaid plan?"); the size of the customer's deal or order ("average a
    $30,000 deal"); what the customer sells at ("Selling 150 tickets at R$60"); a fee for
    returning or cancelling; what something adds to the customer's sale."""
    start, end = amount.span
    before = _clause(text[max(0, start - 120) : start], last=True)
    # Each reading is tried only where its words are (a plain substring test): the patterns
    # are compiled on first use, and most claims hold none of these words (issue 13's cold
    # start).
    low_before = before.lower()
    low_after = text[end : end + 80].lower()
    hedge = _HEDGED_COST_RE.search(before) if _has_any(low_before, _HEDGE_WORDS) else None
    if hedge is not None:
        subject = before[: hedge.start()]
        if _OTHER_PARTY_RE.search(subject) or not _offer_named(subject, context):
            return "what something else can cost"  # "a bank card machine can cost R400"
    if _has_any(low_after, _ELSEWHERE_WORDS) and _ELSEWHERE_AFTER_RE.match(text, end):
        return "a price paid elsewhere"
    if other_party_subject(text, start, context):
        return "another party's price"
    head, tail = sentence_bounds(text, start, end)
    head = max(head, text.rfind("?", head, start) + 1)
    asked = text.find("?", end, tail + 1)
    if asked >= 0 and _ASKS_PAYING_RE.fullmatch(text, head, asked + 1):
        return "what the customer pays now, asked"
    deal = (
        _DEAL_AFTER_RE.match(text, end)
        if amount.per is None and _has_any(low_after[:16], _DEAL_WORDS)
        else None
    )
    if (
        deal is not None  # (not "a $4,788 annual contract": a price on a period)
        and _DEAL_BEFORE_RE.search(text, max(0, start - 24), start)
        and unit_key(deal.group("noun").lower()) not in context.sold
    ):
        return "the size of the customer's deal or order"
    sells = _SELLS_AT_RE.search(before) if _has_any(low_before, ("sell", "sold")) else None
    if (
        sells is not None
        and (sells.group("who") or "").strip().lower() not in ("we", "i")
        and not _offer_named(sells.group("what"), context)
    ):
        return "what the customer sells at"
    if _has_any(low_after, (" you",)) and _PAID_TO_YOU_AFTER_RE.match(text, end):
        return "money paid to the customer"  # "₦40,000 per hectare ..., paid to you"
    if (
        _has_any(low_after[:50], ("fee", "charge", "penalt"))
        and _GOING_BACK_FEE_RE.match(text, end)
    ) or (
        _has_any(low_before[-40:], ("fee", "charge", "penalt"))
        and _GOING_BACK_BEFORE_RE.search(before)
    ):
        return "a fee for going back on the purchase, not its price"
    if (
        "add" in low_before
        and _TO_SALE_AFTER_RE.match(text, end)
        and _ADDS_BEFORE_RE.search(before)
    ):
        return "what something adds to the customer's sale"
    return _not_quoted_more(amount, text, context, head)


#: The clause before an amount lists market prices after "With" ("With petrol at over R22
#: a litre and office parking at R1,200 a month").
_WITH_LIST_AT_RE = lazy_compile(
    r"\b(?i:with)\s+[\w\s-]+?\s+at\s+(?i:(?:about|around|over|under|roughly)\s+)?\S+"
    r"(?:\s+(?:a|an|per)\s+\w+)?\s*(?:and|,)\s+"
    r"(?:[\w-]+\s+){1,3}at\s+(?i:(?:about|around|over|under|roughly)\s+)?$"
)
#: Before an amount: the thing it is the price or rent of, after "On a" ("On a
#: £1,200-a-month flat"); after it, the noun.
_ON_A_BEFORE_RE = lazy_compile(r"\b(?i:on)\s+(?:a|an)\s+$")
_THING_RENT_AFTER_RE = lazy_compile(
    r"(?:-a-(?:month|year|week|night)|-per-(?:month|year|week|night))?\s+(?P<noun>[a-z][\w-]*)\b"
)
#: Before an amount: people the customer sells to at it ("500 members at $5 a month"), and
#: after it, that they pay the customer ("pay you $2,500").
_PEOPLE_AT_RE = lazy_compile(
    r"\b\d[\d,.]*[kK]?\s+(?:[a-z][\w-]*\s+){0,2}?(?P<who>[a-z]+s)\s+at\s+$"
)
_PAY_YOU_RE = lazy_compile(r"\b(?i:(?:pay|pays|paying)\s+you|earns?|brings?\s+in|makes?)\b")
#: In an amount's clause before it: what it costs without the product ("Calling us out
#: without cover costs from £199", "Without a valid vignette you pay").
_WITHOUT_RE = lazy_compile(
    r"\b(?i:without)\s+(?:(?:a|an|the|your|any|valid|current)\s+){0,2}(?P<what>[A-Za-z][\w-]*)"
)
#: Before an amount, after a comma: a thing the customer still needs besides ("You still
#: need a TV Licence, £174.50 a year").
_NEEDS_BEFORE_RE = lazy_compile(
    r"\b(?i:need|needs|require|requires)\s+(?i:a|an|the|your)\s+(?P<thing>(?:[\w'-]+\s+){0,3}?[\w'-]+)"
    r"\s*,\s*$"
)
#: Earlier in an amount's clause: the customer using another party ("most founders use a
#: service provider for an address from about €30 a month").
_USES_PARTY_RE = lazy_compile(
    rf"\b(?i:use|uses|using|hire|hires|hiring|through|via)\s+(?i:a|an|their|your)\s+"
    rf"(?:[\w-]+\s+)?(?P<party>(?i:{_OTHER_PARTY}))\b"
)


def _not_quoted_more(amount: TextAmount, text: str, context: ClaimContext, head: int) -> str | None:
    """`_not_quoted`, the held-out sets 28 to 29b's kinds: market prices listed after
    "With"; the price of a thing after "On a" ("On a £1,200-a-month flat"); what the
    customer's people pay them ("500 members at $5 a month pay you $2,500"); what it costs
    without the product ("without cover costs from £199"); a thing the customer still
    needs besides ("a TV Licence, £174.50 a year"); the price of another party the
    customer uses ("use a service provider for an address from about €30 a month")."""
    start, end = amount.span
    before = text[head:start]
    low = before.lower()
    clause = _clause(before, last=True)
    # (each pattern only where its words are, as in `_not_quoted`)
    if " at" in low and "with" in low and _WITH_LIST_AT_RE.search(before):
        return "a market price, assumed"
    if "on a" in low[-8:] and _ON_A_BEFORE_RE.search(text, max(0, start - 8), start):
        thing = _THING_RENT_AFTER_RE.match(text, end)
        if thing is not None and not (
            lower_words([thing.group("noun")]) & (context.tie | context.sold)
            or _OFFER_WORD_RE.match(thing.group("noun"))
            or thing.group("noun") in PERIOD_FACTORS
        ):
            return "the price of a thing of the customer's"  # "On a £1,200-a-month flat"
    people = (
        _PEOPLE_AT_RE.search(clause)
        if " at" in clause
        and _has_any(text[end : end + 60].lower(), (" you", "earn", "bring", "make"))
        else None
    )
    if (
        people is not None
        and unit_key(people.group("who")) not in context.sold
        and _PAY_YOU_RE.search(text, end, end + 60)
    ):
        return "what the customer's own customers pay them"
    without = _WITHOUT_RE.search(before) if "without" in low else None
    rate = _UNIT_AFTER_RE.match(text, end) if without is not None else None
    if (
        without is not None
        and (
            unit_key(without.group("what").lower()) in context.tie
            or unit_key(without.group("what").lower()) in _OFFER_NOUNS
        )
        # (not a rate per a unit a plan sells: "Without a pass, 2 € per ride" is the
        # pay-as-you-go plan's)
        and not (rate is not None and unit_key(rate.group("unit").lower()) in context.sold)
        and not any(unit in amount.raw.lower() for unit in context.sold)
    ):
        return "what it costs without the product"
    needs = _NEEDS_BEFORE_RE.search(before) if "need" in low or "requir" in low else None
    if needs is not None and not _offer_named(needs.group("thing"), context):
        return "a thing the customer needs besides, not the product"
    if "you" in text[end : end + 30].lower() and "pay" in low and _TO_YOU_AFTER_RE.match(text, end):
        return "money paid to the customer"  # "the guest pays ... €76.50 to you at check-in"
    if _has_any(low, ("charge", "bill", "invoice")) and _CHARGE_THEIRS_RE.search(before):
        return "what the customer charges their own customers"
    if "'s" in low and _THEIR_CUSTOMERS_FEE_RE.search(before):
        return "what the customer's own customers pay"  # "the guest's booking fee of €2"
    if "alone" in low and _ALONE_IS_RE.search(before):
        return "another product's price, on its own"  # "IntelliJ IDEA Ultimate alone is €599"
    capped = _CAPPED_AT_RE.search(before) if _has_any(low[-40:], ("cap", "limit")) else None
    if capped is not None and not _offer_named(before[: capped.start()], context):
        # "TRAI caps the network capacity fee at ₹130" ("Pro caps your bill at $100" is ours)
        return "a cap another party sets"
    things = _THINGS_FROM_RE.search(before) if "from" in low[-12:] else None
    if things is not None and not (
        _offer_named(clause, context)  # "Classic ads from $249": the plan's
        or lower_words([things.group("thing")]) & (context.tie | context.sold)
        or unit_key(things.group("thing").lower()) in _OFFER_NOUNS | _NOT_USES
    ):
        return "the price of something else than the plans"  # "with fares from €9.99"
    lead = _BRAND_LEAD_RE.search(before) if _has_any(low, (" and ", " or ")) else None
    if lead is not None and not (
        lower_words([lead.group("name")]) & context.tie or lead.group("name") in context.own
    ):
        return "another company's price"  # "The DVSA charges £62 for ... and £23 for ..."
    uses = (
        _USES_PARTY_RE.search(clause)
        if _has_any(clause.lower(), ("use", "using", "hir", "through", "via"))
        else None
    )
    if uses is not None and not _the_products(uses.group("party"), context.product):
        return "another party's price"
    return None


#: After an amount: paid to the customer ("€76.50 to you at check-in").
_TO_YOU_AFTER_RE = lazy_compile(r"\s+(?:straight\s+|directly\s+)?to\s+you\b", re.IGNORECASE)
#: Before an amount: what the customer charges their own customers ("can charge your
#: customer a $3.99 delivery fee", "Charge $49 a month for your community").
_CHARGE_THEIRS_RE = lazy_compile(
    r"(?:\b(?i:charge|charges|bill|invoice)\s+(?i:your|their)\s+(?i:customers?|clients?|buyers?|"
    r"guests?|shoppers?|diners?|patients?|members?|students?|tenants?|riders?|passengers?)\s+"
    r"(?i:an?\s+)?(?i:(?:about|around|just|only)\s+)?"
    # or a sentence that tells the customer to charge ("Charge $49 a month for your ...")
    r"|^\s*(?i:charge|bill)\s+(?i:(?:about|around|just|only)\s+)?)$"
)
#: Before an amount: a fee the customer's own customer pays ("the guest's booking fee of").
_THEIR_CUSTOMERS_FEE_RE = lazy_compile(
    r"\b(?:the|your|each|every)\s+(?:guest|buyer|customer|client|shopper|diner|patient|passenger|"
    r"rider|student|tenant)'s\s+(?:[\w-]+\s+){0,2}?(?:fees?|charges?)\s+(?:of\s+|is\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: a thing priced on its own ("IntelliJ IDEA Ultimate alone is").
_ALONE_IS_RE = lazy_compile(
    r"\balone\s+(?:is|costs?|runs?|sells\s+for|would\s+cost)\s+(?:(?:about|around|just|only)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: a cap another party puts on a charge ("caps the network capacity fee
#: at").
_CAPPED_AT_RE = lazy_compile(
    r"\b(?:caps?|capped|limits?|limited)\s+(?:[\w'-]+\s+){0,5}?(?:at|to)\s+"
    r"(?:(?:about|around|just)\s+)?$",
    re.IGNORECASE,
)
#: Before an amount: things, in the plural, priced "from" it ("with fares from €9.99").
_THINGS_FROM_RE = lazy_compile(
    r"\b(?P<thing>[a-z][\w-]*s)\s+(?:from|starting\s+at)\s+(?:(?:just|only)\s+)?$"
)
#: Earlier in an amount's clause: a name in capitals charging, whose list the amount goes on
#: with after "and" or "or" ("The DVSA charges £62 for a weekday practical test and £23 for
#: the theory test").
_BRAND_LEAD_RE = lazy_compile(
    r"\b(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})\s+(?:charges?|costs?|asks?)\s+"
    r"\S*\d[^.;:!?]{0,60}?\s(?:and|or)\s+(?:(?:about|around|just|only)\s+)?$"
)
#: Words of the product's offer a claim may put after "without" ("without cover").
_OFFER_NOUNS = frozenset(
    {"cover", "membership", "subscription", "plan", "policy", "insurance", "pass", "card",
     "licence", "license", "permit", "account", "contract"}
)  # fmt: skip


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` is in `text`: a substring test before a pattern that needs
    one of them, so that the pattern is neither compiled nor run where none is."""
    return any(word in text for word in words)


_HEDGE_WORDS = ("can ", "could ", "may ", "might ")
_ELSEWHERE_WORDS = ("elsewhere", "other", "competitor", "rival", "provider")
_DEAL_WORDS = (
    "deal", "contract", "order", "sale", "basket", "ticket", "invoice", "transaction",
    "booking", "cart", "checkout",
)  # fmt: skip


#: Words one of which a saving's wording holds (`money.find_amounts`: "save", "lose",
#: "wasted", "worth", "costs you", "keep", "pocket", "recoup"...), as substrings.
_SAVING_HINTS = (
    "sav", "los", "wast", "worth", "cost", "keep", "kept", "pocket", "recoup", "recover",
    "reclaim", "claw",
)  # fmt: skip


def _sentence_amounts(text: str, head: int, tail: int, currency: str | None) -> list[TextAmount]:
    """The amounts of the sentence text[head:tail], with their spans in `text`: read again
    only by the readings that weigh one amount against another of its sentence."""
    return [
        replace(a, span=(a.span[0] + head, a.span[1] + head))
        for a in find_amounts(text[head:tail], currency)
    ]


def _saving_arithmetic(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether its sentence's arithmetic makes an amount what the customer pays without
    the product: the saving it states plus a figure of the model ("... that is £237.60 a
    year, so the 12-month certificate saves £123.10" beside a £114.50 certificate), or a
    whole fraction of that total ("£9.90 per item; with two items a month that is £237.60
    a year")."""
    head, tail = sentence_bounds(text, *amount.span)
    if not _has_any(text[head:tail].lower(), _SAVING_HINTS):
        return False  # no word that makes a saving: its amounts are not read again
    amounts = _sentence_amounts(text, head, tail, foot.currency)
    savings = [a.amount for a in amounts if a.is_saving and a.amount > 0]
    if not savings:
        return False

    def without(total: TextAmount) -> bool:
        # On the total's period, or as written (a one-time price saves on a yearly total).
        return not total.is_saving and any(
            explains(
                found,
                total.amount - saving,
                per,
                per_unit=False,
                floor=False,
                at_most=False,
                tolerance=tolerance,
            )
            for saving in savings
            if total.amount > saving
            for per in (total.per, None)
        )

    if without(amount):
        return True
    if amount.amount <= 0:
        return False
    for total in amounts:
        if total.span[0] > amount.span[1] and without(total):
            times = total.amount / amount.amount
            if times >= 2 and abs(times - times.to_integral_value()) <= tolerance * times:
                return True
    return False


def _compared_or_spent(amount: TextAmount, text: str, context: ClaimContext) -> str | None:
    """Why an amount is not the product's price by the held-out set 13b's kinds, or None:
    a reference price the sentence compares the offer against, or names as such, whose
    phrase names no plan nor the product nor our own price before a discount ("below the
    Default Market Offer of $2,620"; "below the Standard plan of $2,100" and "less than the
    regular price of $99" are compared); what the problem costs in the
    customer's own staff or time, after a verb of cost ("costs $3 to $5 in analyst time")."""
    start, end = amount.span
    before = _before_clause(text[max(0, start - 120) : start])
    for pattern in (_COMPARED_TO_RE, _REFERENCE_PRICE_RE):
        found = pattern.search(before)
        if found is None:
            continue
        phrase = found.group("phrase")
        words = lower_words([phrase]) | _name_words(phrase)
        own = lower_words(list(context.own))
        if not words & (context.product | context.tie | own | _OWN_WORDS | _OUR_PRICE_WORDS):
            return "a reference price the offer is compared against"
    after = _RANGE_HEAD_RE.sub("", text[end : end + 80])
    if _IN_STAFF_TIME_RE.match(after) and _COST_VERB_RE.search(before):
        return "what the problem costs in the customer's staff or time"
    if _SPENT_BEFORE_RE.search(before) and (on := _SPENT_ON_AFTER_RE.match(after)):
        words = lower_words([on.group("thing")]) | _name_words(on.group("thing"))
        # The product's category may share a word ("delivery fees" for a delivery
        # membership): only its name or a plan's ties the money to it.
        if not words & (context.tie | lower_words(list(context.own))):
            return "what the customer spent on something else"
    return None


#: Before an amount: the customer spent it ("You paid AED 96 in delivery fees last month",
#: "riders spent about $60 on taxis"); after it, on what.
_SPENT_BEFORE_RE = lazy_compile(
    r"\b(?:you|they|we|customers|members|users|households|families|[a-z]+ers)\s+"
    r"(?:(?:already|probably|typically|usually)\s+)?(?:paid|spent|lost|wasted|burned|"
    r"forked\s+out|shelled\s+out)\s+(?:(?:about|around|roughly|over|nearly|almost|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_SPENT_ON_AFTER_RE = lazy_compile(
    r"^\s*(?:in|on)\s+(?P<thing>(?:[\w'-]+\s+){0,6}?[\w'-]+)(?=\s+(?:last|this|every|each|a|"
    r"per|in|over)\b|\s*[,.;!?]|\s*$)",
    re.IGNORECASE,
)


#: Where the next amount of a clause starts (a currency sign or a digit).
_NEXT_MONEY_RE = lazy_compile(r"[$€£¥₹₦₩]|\d")
#: Before an amount: an article, so that a noun after it is the thing it prices ("on a
#: $6,000 surgery"); after it, that noun in lower case.
_ARTICLE_END_RE = lazy_compile(r"\b(?:a|an|one|your|their|my|his|her)\s*$", re.IGNORECASE)
_THING_AFTER_RE = lazy_compile(r"\s+(?P<noun>[a-z][a-z'-]*)\b")


#: Around a percentage: a discount on the price ("50% off", "save 20%", "20% discount").
_DISCOUNT_PERCENT_RE = lazy_compile(r"\s*(?:off|discount|cheaper|less)\b", re.IGNORECASE)
_SAVE_BEFORE_RE = lazy_compile(r"\b(?:save|saving|get|enjoy)\s+(?:up\s+to\s+)?$", re.IGNORECASE)


def _customers_money(amount: TextAmount, text: str, foot: Footing, tolerance: Decimal) -> str:
    """Why an amount no figure of the model explains is the customer's own money, or "":

    - the typical customer's volume (`typical_customer.volumes`, monthly) on one footing
      ("a hotel that takes €25,000 a month in bookings" where `room revenue` is 25,000);
    - the base a percentage of its sentence is taken of, or what is left of it: another
      amount of the sentence is that share of it or the rest of it ("15% ... a room you
      sell for €120 a night earns you €102", "10% of what you earn, so a $1,000 contract
      pays you $900"); the shares are the sentence's percentages and the plans'.
    A floor or a price per seat is never the customer's money."""
    if amount.floor or amount.per_seat or amount.per == ONCE:
        return ""
    value = amount.amount
    if value <= 0:
        return ""
    monthly = value / _TWELVE if amount.per == "year" else value
    if any(v > 0 and abs(monthly - v) <= tolerance * v for v in foot.volumes.values()):
        return "the typical customer's volume"
    head, tail = sentence_bounds(text, *amount.span)
    sentence = text[head:tail]
    shares = _plan_shares(foot)
    for match in _ANY_PERCENT_RE.finditer(sentence):
        if _DISCOUNT_PERCENT_RE.match(sentence, match.end()) or _SAVE_BEFORE_RE.search(
            sentence, max(0, match.start() - 12), match.start()
        ):
            # "Save 50% for your first 3 months - Lite is $13.50, then $27": a discount on
            # the price, whose two amounts are the offer and the price, not a share taken.
            return ""
        number = to_decimal(match.group("value").replace(",", "."))
        if number is not None and 0 < number < 100:
            shares.add(number / 100)
    if not shares:
        return ""
    own = (amount.span[0] - head, amount.span[1] - head)
    others = [
        o.amount
        for o in find_amounts(sentence, foot.currency)
        if o.span != own and o.amount > 0 and same_currency(o.currency, amount.currency)
    ]
    for share in shares:
        for other in others:
            for part in (value * share, value * (1 - share)):
                if abs(other - part) <= tolerance * part:
                    return "the customer's own money, the base of a percentage"
            if other > value and abs(value - other * (1 - share)) <= tolerance * value:
                return "the customer's own money, what is left after a percentage"
    for share, fixed in _plan_charges(foot):
        # "On a $50 ticket, our fee is $3.64" at 3.7% + $1.79: $50 is the sale.
        charge = value * share + fixed
        for other in others:
            for part in (charge, value - charge):
                if part > 0 and abs(other - part) <= tolerance * part:
                    return "the customer's own money, the base of a percentage"
    for share, fixed in _plan_charges(foot) | {(share, Decimal(0)) for share in _plan_shares(foot)}:
        # "A €15 dress costs you €16.45 with Buyer Protection" at 5% + €0.70: €15 is the
        # item, the customer's own money; the total with the charge on top is beside it.
        charge = value * share + fixed
        near = tolerance * charge
        if charge > 0 and any(abs(other - value - charge) <= near for other in others):
            return "the customer's own money, the item the charge is added to"
    return ""


#: A run of digits: a sentence with fewer than three holds fewer than three amounts.
_DIGIT_RUN_RE = lazy_compile(r"\d+")


def _sale_split(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether the amount is a sale the customer makes, split in its sentence into a figure
    of the model and the rest ("Sell a shirt for $30 and our base cost of $10.36 leaves you
    $19.64": $30 is $10.36 + $19.64, and $10.36 is a plan's rate). Never a floor or a
    price per seat."""
    if amount.floor or amount.per_seat or amount.amount <= 0:
        return False
    head, tail = sentence_bounds(text, *amount.span)
    if len(_DIGIT_RUN_RE.findall(text, head, tail)) < 3:
        return False  # every amount holds a digit: no room for a sale and two parts
    own = (amount.span[0] - head, amount.span[1] - head)
    others = [
        o
        for o in find_amounts(text[head:tail], foot.currency)
        if o.span != own and 0 < o.amount < amount.amount and o.per == amount.per
    ]
    value = amount.amount
    for i, part in enumerate(others):
        if not _plain_figure(found, part.amount, part.per, (False, True), tolerance):
            continue
        for j, rest in enumerate(others):
            total = part.amount + rest.amount
            if i != j and abs(value - total) <= tolerance * total:
                return True
    return False


#: Before an amount: what something costs its owner ("close by hand costs a finance team
#: about $9,000 a month", "teams waste $9,000").
_COSTS_RE = _words_before(r"costs?|costing|wastes?|wasting|burns?|burning", 5)


def _is_problem_cost(
    amount: TextAmount, text: str, context: ClaimContext, tolerance: Decimal
) -> bool:
    """Whether an amount no figure of the model explains is the problem's cost, the
    strategy's `problem.cost` on one footing: said as a cost ("costs a finance team about
    $9,000 a month"), or written on a period ("half an engineer, $80,000 a year"). Never a
    floor or a price per seat."""
    if amount.floor or amount.per_seat:
        return False
    if (
        amount.per is not None
        and context.is_problem_cost(amount, tolerance)
        and not _offer_named(_tie_clause(text, *amount.span), context)
    ):
        # On a period, the problem's cost to the figure, and no plan or the product named
        # ("Running it yourself takes half an engineer, $80,000 a year" where the problem
        # costs $80,000 a year; "All-access is $150 a month" is compared).
        return True
    before = _clause(text[max(0, amount.span[0] - 80) : amount.span[0]], last=True)
    return _COSTS_RE.search(before) is not None and context.is_problem_cost(amount, tolerance)


def _unexplained(
    amount: TextAmount,
    foot: Footing,
    *,
    why_none: str | None = None,
    offer: OfferReading | None = None,
) -> ClaimReading:
    paid = foot.paid
    notes = tuple(
        dict.fromkeys(note for plan in paid for note in plan.assumptions if _varies(plan.own))
    )
    # A rate ("$0.12 per GB", "$9 per user") is no bill, whatever the quantities.
    rate = amount.per_seat or is_rate(amount.raw)
    return ClaimReading(
        "unexplained",
        why_none=_why_none(amount, foot) if why_none is None else why_none,
        offer=offer,
        assumptions=notes,
        rests_on_assumptions=bool(notes) and not amount.floor and amount.per != ONCE and not rate,
    )


def _varies(bill: Bill) -> bool:
    """Whether the bill has two or more parts that grow with a quantity (one is searched)."""
    return sum(1 for p in bill.parts if p.step_yearly or p.continuous) >= 2


def _why_none(amount: TextAmount, foot: Footing) -> str:
    """Why no plan could be compared at all, or "" where some could."""
    paid = foot.paid
    if not paid:
        return "every plan is free"
    bills = [plan.own for plan in paid]
    if amount.per_seat and not any(
        part.seats is not None or part.kind != "base" for bill in bills for part in bill.parts
    ):
        return "no plan is priced per seat"
    if amount.per == ONCE and not any(bill.has_one_time for bill in bills):
        return "no plan is a one-time price"
    if amount.per not in (None, ONCE) and not any(bill.has_recurring for bill in bills):
        return "every paid plan is a one-time price"
    return ""


def figure_explained(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether a figure of the price model explains a claim's amount, offers aside: a base,
    a unit or usage rate, a fee, a "from" price, on the amount's own period or the
    sentence's billing cadence, or a bill at another whole number of seats or units."""
    start, end = amount.span
    at_most = is_at_most(text, start)
    all_found = found
    if (
        named := _plan_named_before(text, start, foot) or _plan_named_after(text, end, foot)
    ) is not None:
        # "Essentials from $13 a month and Standard from $20 a month", "Unlimited is $30/mo":
        # the named plan's own figures (its from-price: its cheapest variant or base), not
        # another plan's.
        found = [e for e in found if e.plan_id == named] or found
    plans = [plan for plan in foot.paid if named is None or plan.id == named] or foot.paid
    # A plan whose id holds the named one as a word is a variant of it, its figures read
    # after the named plan's own ("rent Silver from ₹750 a month" for `silver-rental`
    # beside `silver`).
    variants = (
        [e for e in all_found if e.plan_id != named and _is_variant(e.plan_id, named)]
        if named is not None
        else []
    )
    per_unit_options = [amount.per_seat]
    if not amount.per_seat and per_unit_nearby(text, start):
        # "$49 per user a month, or $59 billed monthly": the second is per user too.
        per_unit_options.append(True)
    # "$15, billed annually" after "$75 per user per month": the sentence's period, invoiced
    # yearly; the amount is read on its own period first.
    periods: list[str | None] = [amount.per, *cadence_periods(text, start, end)]
    if amount.per is None and (lead := lead_period(text, start, end)) is not None:
        periods = [lead]  # "a typical week of charging costs about $35": a week's bill
    if (
        len(periods) == 1
        and amount.per == "year"
        and _BILLED_RE.search(amount.raw)
        and not _YEAR_WRITTEN_RE.search(amount.raw)
    ):
        # "Pro is $25 per user billed annually": how it is invoiced, its period unsaid; a
        # price a month, billed annually, as often as a price a year.
        periods.append("month")
    for per in periods:
        for per_unit in per_unit_options:
            for figures in (found, variants) if variants else (found,):
                if explains(
                    figures,
                    amount.amount,
                    per,
                    per_unit=per_unit,
                    floor=amount.floor,
                    at_most=at_most,
                    tolerance=tolerance,
                ):
                    return True
    if amount.floor and named is None:
        # "Business adds automation from €65 a month": a plan named earlier in the clause,
        # its own from-price (where it is, else the cheapest plan's as above).
        clause = _clause(text[max(0, start - 80) : start], last=True)
        for plan_id, pattern in foot.plan_named:
            if pattern.search(clause) and explains(
                [e for e in all_found if e.plan_id == plan_id],
                amount.amount,
                amount.per,
                per_unit=amount.per_seat,
                floor=True,
                at_most=at_most,
                tolerance=tolerance,
            ):
                return True
    if _per_other_time_unit(amount, text, foot, found, tolerance):
        return True
    if amount.per is not None and (
        units := {unit for unit in foot.sold_units if unit.rsplit(" ", 1)[-1] == amount.per}
    ):
        # "₹39 per day you log in" where a plan sells the `working day`: that unit's rate
        # (its rate alone: no bill of the plan is "a day").
        rates = [e for e in found if e.kind[0] == "unit" and e.kind[1] in units]
        if explains(
            rates,
            amount.amount,
            None,
            per_unit=True,
            floor=amount.floor,
            at_most=at_most,
            tolerance=tolerance,
        ):
            return True
    if _unit_on_other_period(amount, text, foot, found, tolerance):
        return True
    if _is_seat_minimum(amount, text, foot, tolerance):
        return True
    # A share of a price: per person of those its sentence says share a plan ("$119.99 a
    # year for up to 6 people, as little as $20 per person"), or per item of those it says
    # a price covers ("7 travel days for €362, about €52 per travel day").
    shared = heads_counted(text, start, end)
    if shared is None:
        shared = items_counted(text, start, end)
    if shared is not None and explains(
        found,
        amount.amount * shared,
        amount.per,
        per_unit=False,
        floor=False,
        at_most=False,
        tolerance=tolerance,
    ):
        return True
    if not amount.floor and _is_share_of_named(amount, text, foot, tolerance):
        return True
    if _one_per_period_share(amount, text, found, tolerance):
        return True
    count = units_counted(text, start, end)
    if count is not None and explains(
        found,
        amount.amount / count,
        amount.per,
        per_unit=True,
        floor=amount.floor,
        at_most=at_most,
        tolerance=tolerance,
    ):
        return True  # "bundles of 10 for $1.50", "$15 per 1,000 emails": a unit rate × a count
    if (
        not amount.floor
        and not at_most
        and _is_step_up(amount, text, foot, found, tolerance, per_unit_options)
    ):
        return True
    if (
        not amount.floor
        and not amount.per_seat
        and amount.per != ONCE
        and not _states_count(text, amount, foot)
    ):
        # (where its sentence states the count, "a household using 20 cubic meters", the
        # bill at that count is the one to compare: `_bill_at_example`)
        # A bare amount is a year's bill, or a month's where a plan bills monthly ("Renew
        # Plus at $104" beside yearly plans is no month of 23 extra members).
        monthly = any(_base_period(b.per) == "month" for plan in plans for b in plan.bills)
        targets = (
            [amount.amount * PERIOD_FACTORS[amount.per]]
            if amount.per is not None
            else [amount.amount * 12, amount.amount]
            if monthly
            else [amount.amount]
        )
        for plan in plans:
            for bill in plan.bills:
                if any(reaches(bill, target, tolerance, coarse=True) for target in targets):
                    return True  # the bill at another whole number of seats or units
    return _part_of_sum(amount, text, foot, found, tolerance)


def _part_of_sum(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether an amount and another its sentence adds with "plus" make a figure of the
    model together ("$950 per adult plus the right of permanent residence fee of $575" for
    $1,525 per adult)."""
    head, tail = sentence_bounds(text, *amount.span)
    if amount.per is not None or " plus " not in text[head:tail].lower():
        return False
    start, end = amount.span
    for other in _sentence_amounts(text, head, tail, foot.currency):
        span = other.span
        if span == (start, end) or other.per is not None or other.currency != amount.currency:
            continue
        between = text[min(end, span[1]) : max(start, span[0])].lower()
        if " plus " in f" {between} " and explains(
            found,
            amount.amount + other.amount,
            None,
            per_unit="per " in f"{amount.raw} {other.raw}".lower()
            or amount.per_seat
            or other.per_seat,
            floor=False,
            at_most=False,
            tolerance=tolerance,
        ):
            return True
    return False


#: A price per head right after an amount ("$20 per person", "$3 each", "$5 a head").
_PER_HEAD_RE = lazy_compile(
    r"\s*(?:per|a|each|for\s+each)\s+(?:person|head|member|user|profile|account|listener|"
    r"learner|family\s+member)\b|\s*(?:each|apiece|a\s+piece)\b",
    re.IGNORECASE,
)
#: In the amount as read ("$35 each to", "$20 a person"): a price per head.
_PER_HEAD_RAW_RE = lazy_compile(
    r"(?:per|a|each)\s+(?:person|head|member)\b|\b(?:each|apiece)\b", re.IGNORECASE
)
#: Right before an amount: each of the people pays it ("each member pays about $35", "that's
#: $35 each", "works out at $35 a head").
_EACH_PAYS_RE = lazy_compile(
    r"\beach(?:\s+(?:person|member|user|one|of\s+(?:you|them)))?\s+(?:pays?|is|comes\s+to|"
    r"gets?\s+it\s+for)\s+(?:(?:just|only|about|around|roughly|under)\s+)?$",
    re.IGNORECASE,
)
#: In the sentence: how many people share one plan ("for up to 6 people", "6 accounts").
_HEADS_RE = lazy_compile(
    r"\b(?:up\s+to\s+|for\s+|of\s+|between\s+|with\s+)?(?P<n>\d{1,2}|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve)\s+(?:(?:family\s+)?members|people|persons|accounts|users|"
    r"profiles|listeners|learners|family\s+members)\b",
    re.IGNORECASE,
)


def heads_counted(text: str, start: int, end: int) -> int | None:
    """For an amount per head ("as little as $20 per person"), the most people its
    sentence says share one plan ("Family: $119.99 a year for up to 6 people"); None
    elsewhere. The amount × that count is a plan's price: a share of it, not a price."""
    per_head = (
        _PER_HEAD_RE.match(text, end)
        or _PER_HEAD_RAW_RE.search(text, start, end)
        or _EACH_PAYS_RE.search(text, max(0, start - 40), start)
    )
    if per_head is None:
        return None
    head, tail = sentence_bounds(text, start, end)
    counts = [
        _COUNTS.get(m.group("n").lower()) or int(m.group("n"))
        for m in _HEADS_RE.finditer(text, head, tail)
        if m.group("n").isdigit() or m.group("n").lower() in _COUNTS
    ]
    counts = [n for n in counts if n > 1]
    return max(counts) if counts else None


#: Right after an amount's number: per what ("€52 per travel day", "$3 a session").
_PER_NOUN_RE = lazy_compile(
    r"\S*?\d[\d.,]*\S*\s*(?:per|a|an|each|every)\s+(?P<a>[a-z][\w-]*)(?:\s+(?P<b>[a-z][\w-]*))?",
    re.IGNORECASE,
)


def items_counted(text: str, start: int, end: int) -> int | None:
    """For an amount per item ("about €52 per travel day"), how many of those items its
    sentence says a price covers ("7 travel days within 1 month for €362"); None
    elsewhere. The amount × that count is a plan's price: a share of it, not a price."""
    per = _PER_NOUN_RE.match(text, start, min(len(text), end + 40))
    if per is None:
        return None
    head, tail = sentence_bounds(text, start, end)
    # The sentence without the amount and its "per ...", so that its own number is no count.
    sentence = text[head:start] + " " + text[per.end() : tail]
    counts = []
    for noun in (per.group("b"), per.group("a")):
        if not noun or noun.lower() in _PERIOD_NOUNS:
            continue
        stem = re.escape(unit_key(noun))
        pattern = rf"(?<![\w.,$€£¥]){_COUNT}\s+(?:[\w-]+\s+)?{stem}s?\b"
        for m in re.finditer(pattern, sentence, re.IGNORECASE):
            word = m.group("n").lower()
            counts.append(_COUNTS.get(word) or (int(word) if word.isdigit() else 0))
        if counts:
            break
    counts = [n for n in counts if n > 1]
    return max(counts) if counts else None


_PERIOD_NOUNS = frozenset({"day", "week", "month", "quarter", "year", "mo", "yr", "hour", "minute"})
_COUNT_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s*(?P<k>k|K|thousand|million)\b)?"
#: After an amount: the count of units it is the price of ("$15 per 1,000 emails", "$1.50
#: for 10 connects", "$40 / 100 credits").
_COUNT_AFTER_RE = lazy_compile(
    r"\s*(?:per|for|/|a|each|buys|gets(?:\s+you)?)\s+"
    rf"(?:(?:every|each|extra|additional|further)\s+)?{_COUNT_NUMBER}"
    r"(?![\d%]|[.,]\d)",
    re.IGNORECASE,
)
#: Before an amount: "bundles of 10 for", "a pack of 50 credits at", "10 Connects for".
_COUNT_BEFORE_RE = lazy_compile(
    r"(?:\b(?:bundles?|packs?|packages?|blocks?|sets?|batch(?:es)?|lots?|boxes?)\s+of\s+)?"
    rf"(?<![\w.,$€£¥]){_COUNT_NUMBER}"
    r"(?:\s+(?!(?:days?|weeks?|months?|quarters?|years?|hours?)\b)[A-Za-z][\w-]*){0,2}\s+"
    r"(?:for|at|cost|costs|is|are)\s+(?:(?:just|only|about|around|roughly)\s+)?$",
    re.IGNORECASE,
)


def units_counted(text: str, start: int, end: int) -> Decimal | None:
    """The count of units an amount at text[start:end] is said to be the price of (more
    than one), or None: "$1.50 for 10 connects", "bundles of 10 for $1.50", "$15 per
    1,000 emails"."""
    match = _COUNT_AFTER_RE.match(text, end) or _COUNT_BEFORE_RE.search(
        _clause(text[max(0, start - 60) : start], last=True)
    )
    if match is None:
        return None
    count = Decimal(match.group("n").replace(",", ""))
    if match.group("k"):
        count *= 1_000_000 if match.group("k").lower() == "million" else 1_000
    return count if count > 1 else None


#: In a sentence: a count of something ("5 million characters", "12 users", "40k
#: emails"), not money.
_STATED_COUNT_RE = lazy_compile(
    r"(?<![\w.,$€£¥])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<k>k|K|M|thousand|million)?"
    r"(?:\s+|-)(?:(?:extra|additional|more|monthly|active|new|paid)\s+)?(?P<unit>[A-Za-z][\w-]*)"
    # a unit of two words ("20 cubic meters")
    r"(?:\s+(?P<second>[A-Za-z][\w-]*))?"
)
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}


#: A length a sentence states ("three months of storage", "for 6 months", "2 years").
_STATED_LENGTH_RE = lazy_compile(
    rf"\b{_COUNT}\s+(?P<unit>week|month|quarter|year)s?\b(?!\s+(?:old|ago|later|before))",
    re.IGNORECASE,
)
_MONTHS_IN = {"week": Decimal(12) / Decimal(52), "month": Decimal(1), "quarter": Decimal(3),
              "year": _TWELVE}  # fmt: skip


def _total_over_length(total: Decimal, sentence: str, foot: Footing, tolerance: Decimal) -> bool:
    """Whether an amount with no period is what a plan costs over a length its sentence
    states, one-time fees included ("a typical 16-foot move with three months of storage,
    delivery and pickup comes to $795": three months at $199 and two fees of $99)."""
    for match in _STATED_LENGTH_RE.finditer(sentence):
        word = match.group("n").lower()
        count = _COUNTS.get(word) or (int(word) if word.isdigit() else 0)
        if count < 2:
            continue  # one period's price is read on that period, not as a total
        months = count * _MONTHS_IN[match.group("unit").lower()]
        for plan in foot.paid:
            for bill in plan.bills:
                if bill.has_recurring and _near(
                    total, bill.one_time + bill.monthly * months, tolerance
                ):
                    return True
                # "$4 every 4 weeks for the first year": the introductory price over the
                # length, within the offer's own length.
                intro = bill.intro
                if intro is None:
                    continue
                length = intro.periods * _MONTHS_IN.get(
                    SEAT_PERIODS.get(intro.per, intro.per), _TWELVE
                )
                if months <= length and _near(total, intro.yearly / _TWELVE * months, tolerance):
                    return True
    return False


def _bill_at_example(amount: TextAmount, text: str, foot: Footing, tolerance: Decimal) -> bool:
    """Whether the amount is a plan's bill at the example its sentence states: a count of a
    unit the plans are priced by ("At 2 million characters a month, your bill is €44.99"
    where the plan is €4.99 + €0.00002 a character) and, for a percentage, another amount
    of the sentence as the volume ("on £2,000 a month of payments you pay £20 a month").
    The example replaces the typical customer's quantity; never a floor, a price per seat
    or a rate."""
    if (
        amount.floor
        or amount.per_seat
        or amount.amount <= 0
        or amount.per == ONCE
        or is_rate(amount.raw)
        or is_at_most(text, amount.span[0])
    ):
        return False
    head, tail = sentence_bounds(text, *amount.span)
    sentence = text[head:tail]
    if amount.per is None and _total_over_length(amount.amount, sentence, foot, tolerance):
        return True
    counts = _stated_counts(sentence, foot)
    volumes: list[dict[str, Decimal]] = [{}]
    if foot.percent_bases:
        own = (amount.span[0] - head, amount.span[1] - head)
        for other in find_amounts(sentence, foot.currency):
            if other.span == own or other.amount <= amount.amount or other.per_seat:
                continue
            monthly = other.amount
            if other.per in PERIOD_FACTORS:
                monthly = other.amount * PERIOD_FACTORS[other.per] / _TWELVE
            volumes.append(dict.fromkeys(foot.percent_bases, monthly))
    if not counts and len(volumes) == 1:
        return False
    periods = [amount.per, *cadence_periods(text, *amount.span)]
    for stated in volumes[:4]:
        if not counts and not stated:
            continue
        bills = [
            e
            for e in explainers(foot.at(counts, stated))
            if e.kind == ("bill", "") and not e.per_unit
        ]
        for per in periods:
            if _plain_figure(bills, amount.amount, per, (False,), tolerance):
                return True
    return False


def _stated_counts(sentence: str, foot: Footing) -> dict[str, Decimal]:
    """The counts of units the plans sell that a sentence states ("At 2 million characters
    a month", "A household using 20 cubic meters"), by unit."""
    counts: dict[str, Decimal] = {}
    if not foot.sold_units:
        return counts
    for match in _STATED_COUNT_RE.finditer(sentence):
        key = unit_key(match.group("unit"))
        if key not in foot.sold_units and match.group("second"):
            key = unit_key(f"{match.group('unit')} {match.group('second')}")
        if key in foot.sold_units and key not in counts:
            count = Decimal(match.group("n").replace(",", ""))
            scale = (match.group("k") or "").lower()
            counts[key] = count * _SCALE.get(scale, 1)
    return counts


def _plan_shares(foot: Footing) -> set[Decimal]:
    """The plans' percentages as shares (0.15 for 15%)."""
    return {
        part.percent / 100
        for plan in foot.plans
        for part in plan.own.parts
        if part.percent is not None and 0 < part.percent < 100
    }


def _is_share_of_named(amount: TextAmount, text: str, foot: Footing, tolerance: Decimal) -> bool:
    """Whether the amount is a plan's percentage of another amount its sentence names: the
    charge on that sale ("a $250 class pack comes to $50 for us" where a plan takes 20%)."""
    if amount.per_seat or amount.amount <= 0:
        return False
    shares = _plan_shares(foot)
    if not shares:
        return False
    head, tail = sentence_bounds(text, *amount.span)
    own = (amount.span[0] - head, amount.span[1] - head)
    charges = _plan_charges(foot)
    for other in find_amounts(text[head:tail], foot.currency):
        if other.span == own or other.amount <= 0:
            continue
        if other.per != amount.per and not (amount.per is None and other.per is not None):
            # "On a £30 monthly membership you pay 50p": the charge on one payment of a
            # recurring amount, written without its period; one on a period of a plain
            # amount is no charge on it.
            continue
        if other.amount > amount.amount:
            for share in shares:
                part = other.amount * share
                if abs(amount.amount - part) <= tolerance * part:
                    return True
        for share, fixed in charges:
            # The charge on a sale with the fixed fee ("on a $50 ticket our fee is $3.64" at
            # 3.7% + $1.79), or the sale with the charge on top ("the buyer pays $53.64").
            charge = other.amount * share + fixed
            for figure in (charge, other.amount + charge):
                if abs(amount.amount - figure) <= tolerance * figure:
                    return True
    return False


def _plan_charges(foot: Footing) -> set[tuple[Decimal, Decimal]]:
    """The plans' percentages with a fixed fee per transaction: (share, fixed), (0.037,
    1.79) for 3.7% + $1.79."""
    return {
        (part.percent / 100, part.rate)
        for plan in foot.plans
        for part in plan.own.parts
        if part.percent is not None and 0 < part.percent < 100 and part.rate > 0
    }


#: Right around an amount: a minimum ("a $4,000 annual minimum", "a minimum annual contract
#: of $1,500", "minimum spend of $4,000").
_MINIMUM_BEFORE_RE = _words_before(r"minimums?", 3)
_MINIMUM_AFTER_RE = lazy_compile(
    r"\s*(?:(?:annual|yearly|monthly|contract|spend|commitment)\s+){0,2}minimums?\b",
    re.IGNORECASE,
)


def _is_seat_minimum(amount: TextAmount, text: str, foot: Footing, tolerance: Decimal) -> bool:
    """Whether a money minimum ("Contracts start at a $4,000 annual minimum") is the one a
    seat plan states in whole seats: its fewest billed seats are the fewest whose bill
    reaches the amount (`seats_min: 31` at $132 a seat a year bills $4,092, the least
    whole number of seats at or above $4,000). A minimum a seat fewer would reach, or one
    above the seats' bill, is not that plan's."""
    start, end = amount.span
    if amount.per_seat or amount.per == ONCE:
        return False
    before = _clause(text[max(0, start - 60) : start], last=True)
    if _MINIMUM_BEFORE_RE.search(before) is None and _MINIMUM_AFTER_RE.match(text, end) is None:
        return False
    target = amount.amount * PERIOD_FACTORS[amount.per or "year"]
    for plan in foot.paid:
        for bill in plan.bills:
            for part in bill.parts:
                step = part.step_yearly
                if part.seats is None or not step or part.min_steps <= 1:
                    continue
                least = step * part.min_steps
                if least - step < target <= least * (1 + tolerance):
                    return True
    return False


#: In an amount's sentence: an add-on or an upgrade ("add Engagement surveys for $4").
_STEP_UP_RE = lazy_compile(
    r"\b(?:add|adds|adding|added|add-ons?|addons?|upgrade|upgrades|upgrading|step\s+up|"
    r"on\s+top)\b",
    re.IGNORECASE,
)


def _is_step_up(
    amount: TextAmount,
    text: str,
    foot: Footing,
    found: list[Explainer],
    tolerance: Decimal,
    per_unit_options: list[bool],
) -> bool:
    """Whether the amount is the step from one plan up to another: the difference of two
    plans' figures of one kind on one footing (same unit and period), where the sentence
    says so ("add Engagement surveys for $4 per person per month", plans at $11 and $15 a
    seat) or also names the lower plan's figure ("Single Sign-On is $2 per user per month
    and MFA $3 per user per month", plans at $2 and $5)."""
    steps = [
        (low, Explainer(low.kind, low.basis, high.figure - low.figure, low.per_unit, high.plan_id))
        for low in found
        for high in found
        if low.plan_id != high.plan_id
        and low.kind == high.kind
        and low.basis == high.basis
        and low.per_unit == high.per_unit
        and high.figure > low.figure > 0
    ]
    steps = [
        (low, step)
        for low, step in steps
        if _plain_figure([step], amount.amount, amount.per, per_unit_options, tolerance)
    ]
    if not steps:
        return False
    head, tail = sentence_bounds(text, *amount.span)
    if _STEP_UP_RE.search(text, head, tail) is not None:
        return True
    # The amounts of its sentence only (at most `_SENTENCE_REACH` characters either side):
    # time stays linear in the text however many amounts it holds.
    sentence = text[head:tail]
    own = (amount.span[0] - head, amount.span[1] - head)
    others = [
        other
        for other in find_amounts(sentence, foot.currency)
        if other.span != own and not other.floor
    ]
    return any(
        _plain_figure(
            [low],
            other.amount,
            other.per,
            (other.per_seat, per_unit_nearby(sentence, other.span[0])),
            tolerance,
        )
        for low, _ in steps
        for other in others
    )


#: The words of a floor before its amount ("from", "starting at"), taken off to find the
#: plan named before them.
_FLOOR_WORDS_RE = lazy_compile(
    r"\s*\b(?:from|starting\s+(?:at|from)|starts?\s+at|as\s+(?:low|little)\s+as)"
    r"\s+(?:(?:just|only|a\s+mere)\s+)?$",
    re.IGNORECASE,
)


#: Right before an amount: another amount on a period and "or", the same offer billed
#: another way ("Security for $6.99 a month or $69.99 a year").
_OR_OPTION_RE = lazy_compile(
    r"(?<!\S)\S*\d[\d.,]*\S*(?:\s+(?:a|an|per|every)\s+[a-z]+|/[a-z]+)\s*,?\s+or\s+"
    r"(?:(?:just|only)\s+)?$",
    re.IGNORECASE,
)


#: Units of time in seconds: a rate per hour may be said per minute, and the other way.
_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600}
#: Right after an amount (or at the end of it as read): per a unit of time ("0.6 cents a
#: minute", "$0.37/hr").
_PER_TIME_RE = lazy_compile(
    r"\s*(?:a|an|per|/)\s*(?P<unit>second|sec|minute|min|hour|hr)s?\b", re.IGNORECASE
)


def _per_sold_time(said: str, foot: Footing) -> list[tuple[str, Decimal]]:
    """For a rate said per a unit of time ("minute"), each sold unit counted in another unit
    of time (`audio hour`), in order, with the factor that puts the rate on it (60)."""
    seconds = _SECONDS.get(said)
    if seconds is None:
        return []
    out = []
    for unit in sorted(foot.sold_units):
        last = unit.rsplit(" ", 1)[-1]
        if last in _SECONDS and _SECONDS[last] != seconds:
            out.append((unit, Decimal(_SECONDS[last]) / Decimal(seconds)))
    return out


def _per_other_time_unit(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether an amount per a unit of time is a plan's rate per another unit of time ("about
    0.6 cents a minute" for `{unit: audio hour, amount: 0.37}`)."""
    said = _PER_TIME_RE.match(text, amount.span[1])
    if said is None or amount.floor:
        return False
    for unit, factor in _per_sold_time(said.group("unit").lower(), foot):
        kind = ("unit", unit)
        if explains(
            [e for e in found if e.kind == kind],
            amount.amount * factor,
            None,
            per_unit=True,
            floor=False,
            at_most=False,
            tolerance=max(tolerance, _rounding(amount, text, tolerance)),
        ):
            return True
    return False


#: Right after an amount: per a unit and a period ("23 cents a cow a day").
_UNIT_PERIOD_AFTER_RE = lazy_compile(
    r"\s*(?:a|an|per|each)\s+(?P<unit>[a-z][\w-]*)\s+(?:a|an|per|each)\s+"
    r"(?P<per>day|week|month|quarter|year)\b",
    re.IGNORECASE,
)


def _unit_on_other_period(
    amount: TextAmount, text: str, foot: Footing, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether an amount per a sold unit and a period is that unit's rate on another period
    ("$7 per cow per month ... about 23 cents a cow a day")."""
    said = _UNIT_PERIOD_AFTER_RE.match(text, amount.span[1])
    if said is None or amount.per is not None:
        return False
    unit = unit_key(said.group("unit"))
    if unit not in foot.sold_units:
        return False
    target = amount.amount * PERIOD_FACTORS[said.group("per").lower()]
    rounding = max(tolerance, _rounding(amount, text, tolerance))
    return any(
        _near(target, e.figure, rounding)
        for e in found
        if e.kind == ("unit", unit) and e.basis == "year" and e.per_unit
    )


def _is_variant(plan_id: str, named: str) -> bool:
    """Whether `plan_id` is the plan `named` or a variant of it (its id a word of it)."""
    return plan_id == named or named in re.split(r"[\s_-]+", plan_id)


def _plan_named_before(text: str, start: int, foot: Footing, options: int = 2) -> str | None:
    """The plan named, as a whole word, right before a price ("Unlimited is $30/mo",
    "Silver $59.99", "Standard from $20", "the Pro plan starts at $49"), by id, or None;
    for the second of two billing options ("Security for $6.99 a month or $69.99 a
    year"), the plan named before the first (at most `options` steps back)."""
    window = text[max(0, start - 60) : start]
    if options and (pair := _OR_OPTION_RE.search(window)) is not None:
        earlier = _plan_named_before(text, start - len(window) + pair.start(), foot, options - 1)
        if earlier is not None:
            return earlier
    words = _FLOOR_WORDS_RE.search(window)
    head = (window[: words.start()] + " ") if words is not None else window
    # The longest name wins: "Payroll and HR is" names `payroll-hr`, not `hr`.
    named = [
        (match.start(), plan_id)
        for plan_id, named_before, _ in _plan_patterns(foot)
        if (match := named_before.search(head)) is not None
    ]
    if named:
        return min(named)[1]
    first = _FIRST_WORD_NAMED_RE.search(head)
    if first is not None:
        # "Prius from ¥41,580 a month" for `prius-3-years`: a plan named by its id's first
        # word, in capitals, where no other plan's id starts with it.
        word = first.group("word").lower()
        ids = [p.id for p in foot.paid if re.split(r"[\s_-]+", p.id.lower())[0] == word]
        if len(ids) == 1:
            return ids[0]
    if words is not None:
        # "Restaurants from S$180 a month, central kitchens from S$420": a plan's id as the
        # kind of customer it is for, in lower case or plural, right before "from".
        for plan_id, kind in _plan_kinds(tuple(plan.id for plan in foot.paid)):
            if kind.search(head):
                return plan_id
    return None


#: In an amount's sentence: one item per day or week ("One lesson every day for ¥7,900 a
#: month - about ¥255 per lesson").
_ONE_PER_PERIOD_RE = lazy_compile(
    r"\b(?:one|a|an)\s+(?P<item>[a-z][\w-]*)\s+(?:every|each|a|per)\s+(?P<per>day|week)\b",
    re.IGNORECASE,
)
#: Items in a month at one a day or one a week: its shortest, usual and longest counts.
_IN_A_MONTH = {
    "day": (Decimal(28), Decimal(30), Decimal(31), Decimal(365) / 12),
    "week": (Decimal(4), Decimal(52) / 12, Decimal(5)),
}


def _one_per_period_share(
    amount: TextAmount, text: str, found: list[Explainer], tolerance: Decimal
) -> bool:
    """Whether an amount per item is a monthly price shared over the items its sentence
    gives one a day or a week ("One lesson every day for ¥7,900 a month - about ¥255 per
    lesson")."""
    if amount.per is not None or amount.amount <= 0:
        return False
    head, _ = sentence_bounds(text, *amount.span)
    one = _ONE_PER_PERIOD_RE.search(text, head, amount.span[0])
    if one is None or not re.search(
        rf"\bper\s+{re.escape(one.group('item'))}\b", amount.raw, re.IGNORECASE
    ):
        return False
    return any(
        explains(
            found,
            amount.amount * count,
            "month",
            per_unit=False,
            floor=False,
            at_most=False,
            tolerance=tolerance,
        )
        for count in _IN_A_MONTH[one.group("per").lower()]
    )


def _states_count(text: str, amount: TextAmount, foot: Footing) -> bool:
    """Whether an amount's sentence states a count of a unit a plan sells (`_stated_counts`)."""
    if not foot.sold_units:
        return False
    head, tail = sentence_bounds(text, *amount.span)
    return bool(_stated_counts(text[head:tail], foot))


#: Right before a price (its "from" or verb cut off): a name in capitals, four letters or
#: more, as a plan's id may begin.
_FIRST_WORD_NAMED_RE = lazy_compile(
    r"(?<![\w-])(?P<word>[A-Z][a-z]{3,})\s*(?:(?i:is|at|for|costs?)\s+|[:=–—-]\s*)?$"
)


def _plan_named_after(text: str, end: int, foot: Footing) -> str | None:
    """The plan named right after a price ("from $27 a month on Commerce Basic"), by id,
    the longest name winning, or None."""
    named = [
        (match.end(), plan_id)
        for plan_id, _, named_after in _plan_patterns(foot)
        if (match := named_after.match(text, end)) is not None
    ]
    return max(named)[1] if named else None


@cache
def _plan_kinds(ids: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For each plan id of two letters or more, a pattern for it written as a kind of
    customer at the end of a text: any case, its last word maybe plural."""
    out = []
    for plan_id in ids:
        words = [_id_word(w) for w in re.split(r"[\s_-]+", plan_id) if w]
        if not words or len(plan_id) < 2:
            continue
        name = _ID_JOIN.join(words) + r"(?:s|es)?"
        out.append((plan_id, re.compile(rf"(?<![\w-]){name}\s*$", re.IGNORECASE)))
    return tuple(out)


_OF_AFTER_RE = lazy_compile(r"\s+of\s+", re.IGNORECASE)


def percent_explained(
    percent: TextPercent,
    text: str,
    rates: list[tuple[str, Part, Decimal]],
    context: ClaimContext,
    tolerance: Decimal,
) -> bool | None:
    """A percentage a text names as a price against the plans' percentage components."""
    if not rates:
        return None
    start, end = percent.span
    # What a percentage is taken "of" is the customer's money ("8% of the income you earn"),
    # not the percentage: read only what comes before it then.
    own = text[:end] if _OF_AFTER_RE.match(text, end) else text
    if context.not_a_price(own, start, end) is not None or other_party_subject(
        text, start, context
    ):
        return None
    # A percentage given to a plan by name is that plan's, where the plan takes one; given
    # to what it is taken of ("mada at 1%"), that volume's.
    named = [r for r in rates if r[0] == percent.plan]
    if percent.base is not None:
        named = [
            r
            for r in named or rates
            if percent.base in {unit_key(w) for w in re.split(r"[\s_-]+", r[1].name)}
        ]
    return any(abs(percent.value - rate) <= tolerance * rate for _, _, rate in named or rates)


def bill_explainers(bill: Bill) -> list[Explainer]:
    """Every figure one bill (a plan on one billing option) gives."""
    return _explainers_of(bill)
