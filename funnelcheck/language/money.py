"""Amounts, currencies and periods: read money from the strategy and from pitch text.

Two jobs live here, shared by the price rules (FC301-FC306) and the reference rules:

- **Putting an amount on a year.** The catalog's definitions: × 365 a day, × 52 a week,
  × 12 a month, × 4 a quarter, × 1 a year (`yearly`, `Money`). What a customer pays on a
  plan (seats, components, one-time fees, billing options) is priced in one place only,
  `funnelcheck.model.footing`, which every price rule compares on.
- **Finding amounts in text** (`find_amounts`): "$399 a month", "€1,200 per year",
  "£49 per seat per month", "from $1.5k"... with their currency, period and qualifiers.

All arithmetic is on `Decimal`s made from the figures as written: a YAML float becomes
`Decimal(repr(x))` (0.1 stays 0.1), never float arithmetic.

How text is read, the decisions a user may want to know:

- An amount needs a currency: a symbol ("$", "€", "£", "¥", "₹" ...), an ISO code ("USD 399",
  "399 EUR") or a currency word ("399 dollars"). A bare number ("40 customers", "2026",
  "3 to 5 days", "30% faster") is never money, even next to a period ("3 times a month").
- "Rs" and "Rs." before the amount are a symbol of INR (PKR, LKR, NPR in those strategies).
- A symbol names the strategy's currency where that currency writes it so ("$" is CAD in a
  CAD strategy, "¥" CNY in a CNY one, "kr" NOK in a NOK one), and otherwise its usual one
  ("$" USD, "£" GBP, "¥" JPY, "kr" SEK). "US$", "C$", "A$", "NZ$", "HK$", "S$", "R$" ... are
  explicit. A code after a symbol wins ("$399 CAD" is CAD). A currency's letter symbol
  ("R299" ZAR, "RM 49" MYR, "Rp 50.000" IDR, "KSh 80" KES, "Fr. 49" CHF) is money only in a
  strategy priced in that currency; elsewhere it is letters ("R2 buckets").
- Cents: "99¢" is 0.99 of the currency "$" names (the strategy's where it writes "$",
  otherwise USD), with the same period and seat words as any amount ("99¢ a day").
  "99 cents" and "99c" are 0.99 of the strategy's currency where it divides into cents
  (USD, EUR, CAD, AUD...), else USD; "c" only attached to the number. "25 ct" is euro
  cents, read only in a EUR strategy ("1 ct" is a carat elsewhere).
- Pence: "22.50p per kWh" and "22.50 pence" are £0.225 (UK energy, telecom and per-unit
  prices are published so). "p" is read only attached to the number and only in a GBP
  strategy, never after a video resolution ("1080p") nor in "4p.m."; "pence" always (in
  another currency's strategy it is another currency, FC305's).
- Separators: "1,200" and "1,200.50" are English; "1.200", "1.200,50", "49,99" and
  "1 200 €" (a space, no-break space or thin space between groups of three, with the currency
  after) are European. A no-break or thin space groups thousands wherever the currency is;
  a plain space does after a symbol or code too, when exactly three digits follow it
  ("$1 500 per month" is 1,500), never across a word ("$1 and 500 users" is $1). Indian
  grouping (twos, then the last three) is the number written: "₹10,00,000" is 1,000,000,
  "1,00,00,000" 10,000,000.
- One mark followed by exactly three digits ("1.250", "1,250") is read as amounts are
  written (held-out set 4: "$0.125 per GB" is not $125): a leading 0 is never a group
  ("$0.125", "0,125 €" are decimals); else the text's own numbers decide where they show a
  mark ("$0.00325 ... $1.250" is 1.25, "1.250 € ... 49,99 €" is 1,250; "1,250 € ... 0,99 €"
  is 1.25); else the currency: "1.250" is a decimal in a currency written with decimal
  points ($, £, ¥, ₹, CHF ...: `DOT_DECIMAL_CURRENCIES`; usage prices to a tenth of a cent
  are common) and a thousand in the others ("€1.200" is 1,200), and "1,250" a thousand.
  With a multiplier the dot is a decimal point ("$1.250k" is 1,250).
- Multipliers: "k"/"K" thousand, "m"/"M"/"mm"/"MM" million, "bn"/"B" billion, "tn"
  trillion, "Cr" crore, attached ("$2M", "₹5Cr"), or the words "thousand", "million",
  "billion", "trillion", "lakh", "lac", "crore" ("₹10 lakh" is 1,000,000; "¥44 trillion").
- Periods: "/mo", "/month", "a month", "per month", "monthly", "every month", "per annum",
  "p.a.", "annually", "billed annually", "/yr", "/wk", "/qtr", "a day", an adjective after the
  amount ("a $5,988 annual contract", "a $499 monthly fee"), ...; "once",
  "one-time", "one-off" and "lifetime" are `once` ("once" not where a clause follows it,
  a conjunction: "get €500 once your friend signs", "$40 once approved"); a period
  adjective before the amount counts when none follows ("a one-time fee of $4,990", "an
  annual plan at $5,988").
  "/hour" is read (`per="hour"`) but has no yearly figure: no plan can be compared with it.
- Seats: "per seat", "/user", "a user", "per employee", "per member", "per agent",
  "per licence", "per head" set `per_seat`; any other "per X" ("per location") is read as a
  flat price and skipped.
- Floors: "from", "starting at", "starts at", "as low as", "as little as" before the amount.
- Savings and losses: an amount introduced by "save", "saves", "saving(s)", "lose", "loses",
  "lost", "waste(s|d)", "wasting", "worth", "costs you/them/us" (in the same clause, a few
  words before), or followed by "saved", "lost", "wasted", "in savings", "in lost ...", is
  `is_saving`: it is not a price claim.
- Figures of the customer's business: an amount followed by "ARR", "MRR", "GMV", "AUM",
  "in revenue" (or "in annual revenue", "of revenue"), "in sales", "in funding", "in assets",
  "turnover", "valuation", "TPV", "(payment) volume", "(quarterly) pipeline", "bookings",
  "of deals" or "in contracts", or introduced by "raised", "raising", "revenue of", "ARR of",
  "valued at", "valuation of", "volume of", "(your) average deal (size) is", "a deal size
  of", "a pipeline of", "bookings of" (not "our average deal") or a verb of
  money the customer takes in ("taking", "processing", "doing", "sells", "earning",
  "bringing in", "handling", "collecting", "accepting" ...), is `is_business_figure` ("SaaS
  companies with $2M ARR", "a brand taking ₹10,00,000 a month"): it describes the
  customer's business, it is not a price claim. "Payment processing $0.30", "all it takes
  is $10" and "which makes $120 a year" are prices.
- The customer's customer's transaction: an amount right before "order", "basket", "cart",
  "sale", "ticket", "invoice" or "transaction" ("a $200 order", "on a $50 sale"; not "a $2
  order fee" nor "a $20 sale price"), or after "an order of", "orders over", "invoices of",
  "an average order value of"..., is `is_business_figure`; so is, later in the same text,
  the same amount again ("paid the full $200 upfront") and "payments of" or "instalments
  of" an amount ("4 interest-free payments of $50"). With no such transaction before it,
  "3 payments of $50" is the product's price (financing of it).
- A period or seat word before an amount is its adjective only when no amount before it
  took it as its own unit: in "$0.00325 per monthly active user and $0.125 per GB",
  "monthly" is the first amount's unit, not the second's period.
- Ranges ("$10-20", "$10–$20", "$10 to $20", "10-20 €", "between $10 and $20") give two
  amounts, one per bound, each with the range's currency, period and seat qualifiers and
  the range's bounds (`range`); a bound without a multiplier takes the other's ("$10-20k"
  is 10,000 to 20,000). Neither bound is a floor.
- A period word after a hyphen is no period of the amount: "cleaned bi-weekly", "semi-annual"
  say how often, not that the amount is weekly.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

#: Periods with a yearly figure, and what one year holds of each.
PERIOD_FACTORS: dict[str, int] = {"day": 365, "week": 52, "month": 12, "quarter": 4, "year": 1}
#: Seat periods and the period of one seat's price.
SEAT_PERIODS: dict[str, str] = {"seat-month": "month", "seat-year": "year"}
ONCE = "once"

_PER_WORDS: dict[str, str] = {
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "quarter": "a quarter",
    "year": "a year",
    "once": "once",
    "seat-month": "a seat a month",
    "seat-year": "a seat a year",
    "hour": "an hour",
}

#: Currencies written with their own symbol in messages; the others are written as codes.
_DISPLAY_SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


@dataclass(frozen=True)
class Money:
    """An amount of money in a currency (None: the price's), per a period (or None)."""

    amount: Decimal
    currency: str | None
    per: str | None

    @property
    def yearly(self) -> Decimal | None:
        return yearly(self.amount, self.per)

    def describe(self) -> str:
        return format_money(self.amount, self.currency, self.per)

    def describe_yearly(self) -> str:
        """ "$1,000 a month ($12,000 a year)"; as written where it is yearly, once or unknown."""
        figure = self.yearly
        text = self.describe()
        if figure is not None and self.per != "year":
            text += f" ({format_money(figure, self.currency, 'year')})"
        return text


#: The most digits a number read from a strategy has (`funnelcheck.input.load.MAX_DIGITS`): the
#: loader refuses longer ones (FC002) and text amounts longer than this are not money.
MAX_DIGITS = 4300
#: The arithmetic every rule does, in one context (the engine runs the rules in it): the
#: products and sums of a few figures of up to MAX_DIGITS digits are exact (a yearly
#: price is amount × period × seats; a revenue customers × that), so no figure the
#: schema accepts is ever rounded before it is compared, and none overflows, whatever
#: its size (1e-300 to 10^4300). A quotient that does not end (a price shown per month)
#: stops at this precision; it is only ever shown, to the cent or to six digits.
#: Measured: a division at this precision takes ~90 µs, a multiplication ~0.5 µs.
MONEY_CONTEXT = Context(
    prec=3 * MAX_DIGITS + 100,
    rounding=ROUND_HALF_EVEN,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
#: From here up, and for non-zero amounts under 10^-10, figures are shown as
#: "1.2 × 10^28": a figure of dozens of digits reads as nothing, and the cents of it less.
_LARGE = Decimal(10) ** 15
_TINY = Decimal("1E-10")
_CENT = Decimal("0.01")


def exact_arithmetic() -> AbstractContextManager[Context]:
    """`with exact_arithmetic():` the money context for the arithmetic inside."""
    return localcontext(MONEY_CONTEXT)


def json_number(value: Decimal) -> int | float:
    """A figure for `Issue.data` (JSON has no decimals): whole amounts as integers.

    A whole number too long to print as one (over MAX_DIGITS digits, possible only after
    arithmetic) is given as the nearest float, and beyond floats as the largest one."""
    with localcontext(MONEY_CONTEXT):
        if value == value.to_integral_value() and value.adjusted() < MAX_DIGITS - 1:
            return int(value)
        number = float(value)
    if number in (math.inf, -math.inf):
        return math.copysign(sys.float_info.max, number)
    return number


def to_decimal(value: Any) -> Decimal | None:
    """A number from YAML as an exact decimal: floats through their shortest repr (0.1 is 0.1)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def yearly(amount: Decimal, per: str | None, seats: int = 1) -> Decimal | None:
    """The yearly figure of an amount: None for `once`, an unknown period or no period.

    `seats` multiplies seat prices only (`seat-month`, `seat-year`): pass a plan's `seats_min`.
    """
    with localcontext(MONEY_CONTEXT):  # exact, whatever the caller's context
        if per in PERIOD_FACTORS:
            return amount * PERIOD_FACTORS[per]
        if per in SEAT_PERIODS:
            return amount * PERIOD_FACTORS[SEAT_PERIODS[per]] * seats
    return None


def money_from(value: Any, default_currency: str | None) -> Money | None:
    """A money mapping of the strategy (`{amount, currency, per}`) as `Money`.

    Without a currency the price's (`default_currency`) applies, as the format says.
    """
    if not isinstance(value, Mapping):
        return None
    amount = to_decimal(value.get("amount"))
    if amount is None:
        return None
    currency = value.get("currency")
    per = value.get("per")
    return Money(
        amount=amount,
        currency=currency if isinstance(currency, str) else default_currency,
        per=per if isinstance(per, str) else None,
    )


def same_currency(first: str | None, second: str | None) -> bool:
    """Whether two amounts may be compared: an unknown currency is the price's, so it may."""
    return first is None or second is None or first == second


# -- formatting ----------------------------------------------------------------------------


def format_amount(amount: Decimal) -> str:
    """5988 -> "5,988"; 333.3333 -> "333.33"; 12.5 -> "12.50" (cents shown when there are any).

    Below one, an amount of up to ten decimals is shown as it is: a rate of 0.0079 is
    "0.0079", never "0.01" (issue 14: amounts are reported as written). From 10^15 up, or
    under 10^-10, a figure is written as "1.2 × 10^28" (six significant digits at
    most), never as dozens of digits (issue 12).
    """
    with localcontext(MONEY_CONTEXT):
        if not amount.is_finite():  # never from a strategy (the loader refuses them)
            return str(amount)
        magnitude = abs(amount)
        if magnitude >= _LARGE or (magnitude and magnitude < _TINY):
            return scientific(amount)
        if amount == amount.to_integral_value():
            return f"{int(amount):,}"
        if magnitude < 1:
            exact = amount.normalize()
            exponent = exact.as_tuple().exponent
            if isinstance(exponent, int) and -10 <= exponent < -2:
                return f"{exact:f}"
        cents = amount.quantize(_CENT, rounding=ROUND_HALF_EVEN)
        return f"{cents:,.2f}"


def scientific(value: Decimal | int) -> str:
    """ "1.23457 × 10^28": six significant digits at most, trailing zeros dropped."""
    with localcontext(MONEY_CONTEXT):
        text = f"{Decimal(value):.5e}"
    mantissa, _, exponent = text.partition("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa} × 10^{int(exponent)}"


def format_percent(share: Decimal) -> str:
    """0.8317 -> "83%": whole percent, as a buyer would say it; "1.2 × 10^30%" for a share
    of figures far apart, never dozens of digits."""
    with localcontext(MONEY_CONTEXT):
        percent = share * 100
        if percent.copy_abs() >= _LARGE:
            return scientific(percent) + "%"
        return f"{percent.quantize(Decimal(1)):,}%"


def format_count(value: int | Decimal) -> str:
    """A count of people or leads: "3,334"; from 10^15 up "1.2 × 10^4801" (see above)."""
    if Decimal(value).copy_abs() >= _LARGE:
        return scientific(value)
    return f"{int(value):,}"


def format_money(amount: Decimal, currency: str | None, per: str | None) -> str:
    """Money as messages write it: "$5,988 a year", "€1,200 a month", "CAD 499 once"."""
    number = format_amount(amount)
    if currency is None:
        text = number
    elif currency in _DISPLAY_SYMBOLS:
        text = _DISPLAY_SYMBOLS[currency] + number
    else:
        text = f"{currency} {number}"
    if per is not None:
        text += " " + _PER_WORDS.get(per, f"per {per}")
    return text


# -- amounts in text -----------------------------------------------------------------------


@dataclass(frozen=True)
class TextAmount:
    """A money amount found in a pitch or claim.

    `span` covers the amount with its currency, multiplier, range and the period and seat
    words after it (the words before it, "from" or "save", are context, not part of it);
    `raw` is that text.
    """

    amount: Decimal
    currency: str | None
    per: str | None
    per_seat: bool
    floor: bool
    is_saving: bool
    span: tuple[int, int]
    raw: str
    #: A figure of the customer's business ("$2M ARR", "$5M in revenue"), not a price.
    is_business_figure: bool = False
    #: For either bound of a range ("$10-$20", "$10 to $20", "between $10 and $20"): the
    #: range's low and high amounts; None for an amount on its own.
    range: tuple[Decimal, Decimal] | None = None

    def describe(self) -> str:
        """ "$399 a month", "$30 a seat a month", "$4,990 once", "from $399 a month"."""
        per = self.per
        if self.per_seat and per in ("month", "year"):
            per = f"seat-{per}"
        text = format_money(self.amount, self.currency, per)
        if self.per_seat and per not in SEAT_PERIODS:
            text += " a seat"
        return ("from " if self.floor else "") + text


#: Symbols and the currencies that write them; the first is the symbol's usual currency.
SYMBOL_CURRENCIES: dict[str, tuple[str, ...]] = {
    "$": ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP", "UYU"),
    "€": ("EUR",),
    "£": ("GBP", "EGP", "GIP", "FKP", "SHP"),
    "¥": ("JPY", "CNY"),
    "₹": ("INR",),
    "₩": ("KRW",),
    "₽": ("RUB",),
    "₺": ("TRY",),
    "₪": ("ILS",),
    "₱": ("PHP",),
    "₴": ("UAH",),
    "₦": ("NGN",),
    "₫": ("VND",),
    "Rs": ("INR", "PKR", "LKR", "NPR"),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "zł": ("PLN",),
    "฿": ("THB",),
}

#: Letters that write a currency only in a strategy priced in it ("R299" in a ZAR strategy,
#: "RM 49" in a MYR one): elsewhere they are letters ("R2 storage"), not money.
LOCAL_SYMBOLS: dict[str, str] = {
    "R": "ZAR",
    "RM": "MYR",
    "Rp": "IDR",
    "KSh": "KES",
    "Ksh": "KES",
    "GH₵": "GHS",
    "₵": "GHS",
    "Fr.": "CHF",
}

#: Symbols that name one currency whatever the strategy's.
_EXPLICIT_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "SG$": "SGD",
    "MX$": "MXN",
    "NT$": "TWD",
    "R$": "BRL",
}

_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "$",
    "dollars": "$",
    "bucks": "$",
    "euro": "€",
    "euros": "€",
    "pound": "£",
    "pounds": "£",
    "yen": "¥",
    "rupee": "₹",
    "rupees": "₹",
}

#: ISO 4217 codes recognised in text (capitals only: "eur" or "try" in prose is not money).
_ISO_CODE_TABLE = (
    "USD EUR GBP JPY CNY CAD AUD NZD CHF SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD UAH RUB "
    "TRY ILS AED SAR QAR KWD BHD OMR EGP MAD NGN KES ZAR GHS INR PKR BDT LKR SGD HKD TWD KRW "
    "THB MYR IDR PHP VND BRL MXN ARS CLP COP PEN UYU"
)
ISO_CODES: frozenset[str] = frozenset(_ISO_CODE_TABLE.split())

#: Currencies' names in English and the letter symbols and minor units read here.
_CURRENCY_NAME_TABLE = (
    "dollar dollars bucks euro euros pound pounds yen rupee rupees cent cents pence ct "
    "kr krona kronor krone kroner franc francs fr zł zloty zlotys yuan rmb renminbi "
    "peso pesos ringgit baht rupiah lira liras forint koruna shekel shekels dirham dirhams "
    "riyal riyals naira shilling shillings rand lakh lakhs crore crores rs"
)
#: Every word that names a currency in prose, lower case: the ISO codes (but those that
#: are English words: "try", "mad", "pen", "cop"), the currencies' names and the letter
#: symbols. The story rules leave them
#: out of a stage's words beside a number ("5 995 kr a month" is money, not another story).
CURRENCY_NAMES: frozenset[str] = frozenset(_CURRENCY_NAME_TABLE.split()) | frozenset(
    code.lower() for code in ISO_CODES if code not in ("TRY", "MAD", "PEN", "COP")
)

_MAGNITUDES: dict[str, int] = {
    "k": 1_000,
    "thousand": 1_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "cr": 10_000_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trillion": 1_000_000_000_000,
}

_PERIOD_UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "d": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "w": "week",
    "month": "month",
    "months": "month",
    "mo": "month",
    "mos": "month",
    "mth": "month",
    "mnth": "month",
    "m": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "qtr": "quarter",
    "q": "quarter",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "y": "year",
    "annum": "year",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "h": "hour",
}
#: Abbreviations of one letter are units only right after a slash ("$5/m"), never "a m".
_SLASH_ONLY_UNITS = frozenset({"d", "w", "m", "q", "y", "h"})

_SEAT_UNIT_TABLE = (
    "seat seats user users employee employees member members agent agents "
    "licence licences license licenses head"
)
_SEAT_UNITS = frozenset(_SEAT_UNIT_TABLE.split())

_ADVERB_PERIODS: dict[str, str] = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
}

#: "99¢": cents of the currency "$" names (the strategy's where it writes "$", else USD).
CENT_SIGN = "¢"
#: Minor units written after the amount, and the major unit they are a hundredth of:
#: "22.50p", "22.50 pence" (GBP: read so only in a GBP strategy where "p" is attached, since
#: "1080p" and "4p.m." are not money), "99 cents", "99c" (the strategy's currency where it
#: divides into cents, else USD; "c" only attached).
_PENCE_WORDS = ("pence", "p")
_CENT_WORDS = ("cents", "cent", "c", "ct")
#: Currencies with no cent: "cents" in a strategy priced in one of them are US cents.
_NO_CENT_TABLE = "GBP EGP GIP FKP SHP JPY KRW INR PKR LKR NPR CNY VND IDR ISK CLP"
_NO_CENT_CURRENCIES = frozenset(_NO_CENT_TABLE.split())
#: After "5p" or "5c": a word that is no price's continuation ("Grade 5c students").
_LETTER_NOT_MONEY_RE = re.compile(
    r"\s+(?!(?:per|a|an|each|every|for|off|on|in|to|and|or|plus|with|less|more|cheaper|"
    r"extra|from|at|than|is|are|was|were|of|the|instead|only|max|min|minimum|maximum|"
    r"standing|unit|kWh|kwh|monthly|daily|weekly|yearly|annually|once)\b)[A-Za-z]"
)
#: "720p", "1080p", "1440p": a video resolution, not pence.
_RESOLUTIONS = frozenset({"144", "240", "360", "480", "540", "576", "720", "1080", "1440", "2160"})

# Longest alternatives first: "US$" before "$", "mm" before "m".
_CODES_RE = "|".join(sorted(ISO_CODES))
_EXPLICIT_RE = "|".join(re.escape(s) for s in sorted(_EXPLICIT_SYMBOLS, key=len, reverse=True))
_SYMBOLS_RE = "|".join(
    re.escape(s) for s in sorted(SYMBOL_CURRENCIES, key=len, reverse=True) if s not in ("kr", "Rs")
)
_WORDS_RE = "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True))

_LOCAL_RE = "|".join(re.escape(s) for s in sorted(LOCAL_SYMBOLS, key=len, reverse=True))
_PREFIX = (
    rf"(?:(?<![A-Za-z])(?:{_EXPLICIT_RE})|(?:{_SYMBOLS_RE})|(?<![A-Za-z])Rs\.?(?![A-Za-z])"
    rf"|(?<![A-Za-z])(?:{_CODES_RE})(?![A-Za-z])|(?<![\w$])(?:{_LOCAL_RE})(?=\s?\d))"
)
_SUFFIX = (
    rf"(?:(?<![A-Za-z])(?:{_EXPLICIT_RE})|(?:{_SYMBOLS_RE})|{CENT_SIGN}|kr\.?(?![A-Za-z])"
    rf"|(?:{_CODES_RE})(?![A-Za-z])|(?:{_WORDS_RE})(?![A-Za-z])"
    r"|(?:pence|cents?|ct|p|c)(?![A-Za-z]|\.[A-Za-z]))"
)
# A number as written; grouped forms first so "1,200" is not read as "1", and the Indian
# grouping first of all so "10,00,000" is not read as "10,00".
_NUMBER = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,]\d+)?)(?![\d%])"
)
# With the currency after, plain spaces may group thousands too ("1 200 €").
_NUMBER_BEFORE_CURRENCY = rf"(?:\d{{1,3}}(?: \d{{3}})+(?:,\d{{1,2}})?(?![\d%])|{_NUMBER})"
# Right after a currency symbol or code, so may a plain space when exactly three digits
# follow it ("$1 500 per month", "EUR 12 000"): nothing else puts digits straight after a
# price. A longer run ("$1 5000") or more digits after a separator ("$1 500,000") is not a
# group, and the amount stays the first number.
_NUMBER_AFTER_CURRENCY = rf"(?:\d{{1,3}}(?: \d{{3}})+(?:[.,]\d{{1,2}})?(?![\d%]|[.,]\d)|{_NUMBER})"
_MAGNITUDE = (
    r"(?:(?:mm|MM|bn|tn|k|K|m|M|B|Cr|cr)(?![A-Za-z])"
    r"|\s(?:thousand|million|billion|trillion|lakhs?|lacs?|crores?|Cr)\b)"
)
_SPACE = r"[ \u00a0\u202f\u2009]?"
_DASH = r"(?:\s?[-–—]\s?|\s+to\s+)"

_AMOUNT_RE = re.compile(
    rf"(?P<pre>{_PREFIX}){_SPACE}(?P<num>{_NUMBER_AFTER_CURRENCY})(?P<mag>{_MAGNITUDE})?"
    rf"(?:(?P<dash>{_DASH})(?P<pre2>{_PREFIX})?{_SPACE}"
    rf"(?P<num2>{_NUMBER_AFTER_CURRENCY})(?P<mag2>{_MAGNITUDE})?)?"
    # With the currency after: not a number that ends a name ("VPS-2", "COVID-19"), nor a
    # sign that stands before the next number ("VPS-2 €9.99": the € is 9.99's).
    rf"|(?<![\w.,])(?<![A-Za-z]-)(?:(?P<lo>{_NUMBER})(?P<lomag>{_MAGNITUDE})?{_DASH})?"
    rf"(?P<snum>{_NUMBER_BEFORE_CURRENCY})(?P<smag>{_MAGNITUDE})?{_SPACE}(?P<suf>{_SUFFIX})(?!\d)"
)

_DIGIT_RE = re.compile(r"\d")
_CODE_AFTER_RE = re.compile(rf"{_SPACE}(?P<code>{_CODES_RE})(?![A-Za-z])")
_UNIT_RE = re.compile(
    r"(?P<conn>\s*/\s*|\s*,?\s+per\s+|\s+a\s+|\s+an\s+|\s+each\s+|\s+every\s+|\s+for\s+each\s+)"
    r"(?P<unit>[A-Za-z]+)(?![A-Za-z-])",
    re.IGNORECASE,
)
_ADVERB_RE = re.compile(
    r"\s*,?\s*(?:(?:billed|paid|charged)\s+)?"
    r"(?P<adverb>monthly|annually|annual(?![A-Za-z])|yearly|quarterly|weekly|daily|per\s+annum"
    r"|p\.\s?a\.)",
    re.IGNORECASE,
)
_ONCE_RE = re.compile(
    r"\s*,?\s+(?:(?:paid|billed|charged)\s+)?(?:once\b(?!\s+(?:{})\b)|one[- ]time|one[- ]off|"
    r"lifetime|for\s+life)\b".format(
        # "once" as a conjunction: a clause follows ("get €500 once your friend's system is
        # installed", "$40 once you sign", "once approved"): no period of the amount.
        r"you|your|yours|they|their|them|we|our|it|its|he|she|his|her|i|my|the|a|an|this|"
        r"that|these|those|each|every|both|everyone|someone|anyone|all|(?!(?:paid|billed|"
        r"charged|invoiced)\b)[a-z]+(?:ed|en)"
    ),
    re.IGNORECASE,
)
_TAX_RE = re.compile(
    r"\s*(?:\+\s*(?:VAT|tax)|plus\s+(?:VAT|tax(?:es)?)|\(?(?:excl?\.?|ex\.?|excluding)\s+(?:VAT|tax(?:es)?)\)?)",
    re.IGNORECASE,
)

# Clause boundaries for the look behind: words of another clause do not qualify an amount.
_CLAUSE_END_RE = re.compile(r"[.;:!?()\[\]]\s|[,;:!?()\[\]]|\s[-–—]\s|\n")
_FLOOR_RE = re.compile(
    r"\b(?:from|starting\s+(?:at|from)|starts?\s+at|as\s+(?:low|little)\s+as)"
    r"\s+(?:(?:just|only|a\s+mere)\s+)?$",
    re.IGNORECASE,
)
_SAVING_BEFORE_RE = re.compile(
    r"\b(?:save|saves|saved|saving|savings|lose|loses|losing|lost|loss|losses|waste|wastes|"
    r"wasted|wasting|worth|(?:cost|costs|costing)\s+(?:you|them|us|him|her|your\s+\w+|teams?|"
    r"companies|customers))\b(?:\s+\S+){0,5}?\s*$",
    re.IGNORECASE,
)
#: Before an amount: money the customer keeps or wins back, a few words of degree between
#: ("keep an extra $18,000 a year", "pocket up to $500", "recoup about $2,000"), a saving.
_KEPT_BEFORE_RE = re.compile(
    r"\b(?:keep|keeps|kept|keeping|pocket|pockets|pocketing|recoup|recoups|recouping|recover|"
    r"recovers|recovering|reclaim|reclaims|claw\s+back|claws\s+back)\s+"
    r"(?:(?:an?|extra|additional|further|another|more|up\s+to|over|about|around|roughly|"
    r"nearly|almost|at\s+least|as\s+much\s+as|an\s+average\s+of|on\s+average)\s+){0,3}$",
    re.IGNORECASE,
)
_KEPT_GATE = ("keep", "kept", "pocket", "recoup", "recover", "reclaim", "claw")
_SAVING_AFTER_RE = re.compile(
    r"^(?:\s+(?!(?:saved|savings|lost|wasted)\b)[A-Za-z]+){0,2}?\s+(?:saved|savings|lost|wasted)\b",
    re.IGNORECASE,
)
# Figures of the customer's business, not prices: "$2M ARR", "$5M-$50M in annual revenue",
# "between $10M and $100M in revenue" (the first bound of such a pair too), "raised $10M".
_BUSINESS_WORDS = (
    r"(?:(?:in|of)\s+)?(?:(?:annual|yearly|quarterly|monthly|recurring|annual\s+recurring|total|"
    r"gross|sales|open|new)\s+)?"
    r"(?:ARR|MRR|GMV|TPV|AUM|revenues?|sales|funding|financing|assets|turnover|valuation|"
    r"pipeline|bookings|(?:payment\s+|processing\s+|transaction\s+)?volume)\b"
)
_BUSINESS_AFTER_RE = re.compile(
    rf"^(?:\s+(?:and|to|or)\s+\S*\d\S*)?\s+(?:{_BUSINESS_WORDS}|"
    # Money the customer holds or is given, one owner's word before it ("of client funds",
    # "in trust deposits", "in donations"): theirs, not a price.
    r"(?:in|of)\s+(?:[A-Za-z'-]+\s+)?(?:funds|deposits|savings|donations|payroll|"
    r"receivables|escrow|deals|contracts)\b)",
    re.IGNORECASE,
)
# Money the customer takes in, a verb right before it: "a brand taking ₹10,00,000 a month",
# "stores processing $50k a month", "shops doing $20,000 in a good month", "merchants that
# sell $1M a year". Not "payment processing $0.30" (a noun: the product's fee), not "takes"
# ("all it takes is $10") nor "makes" ("$10 a month, which makes $120 a year"): a price.
_TAKES_IN = (
    r"taking(?:\s+in)?|takes\s+in|took\s+in|(?<!payment\s)(?<!card\s)(?<!data\s)"
    r"(?:processing|processes|processed)|doing|does|did|sells?|selling|sold|earning|earns|"
    r"earned|generating|generates|generated|(?:bringing|brings|brought|pulling|pulls|pulled)"
    r"\s+in|turning\s+over|turns\s+over|handling|handles|handled|collecting|collects|"
    r"collected|accepting|accepts|accepted|moving|moves|moved|clearing|clears|cleared|"
    # The customer's own money by another verb: earnings ("hosts earn $31,000 a year"), a
    # builder's volume ("a contractor building $50 million a year"), money held or looked
    # after ("reconcile $50,000 of client funds", "managing $2M").
    r"earn|grossing|grosses|grossed|building|builds|built|managing|manages|"
    r"managed|reconciling|reconciles|reconciled|reconcile|holding|holds"
)
_BUSINESS_BEFORE_RE = re.compile(
    r"\b(?:raise|raised|raising|raises|revenues?\s+of|ARR\s+of|MRR\s+of|turnover\s+of|"
    rf"valued\s+at|valuation\s+of|funding\s+of|volumes?\s+of|GMV\s+of|TPV\s+of|"
    # The customer's sales figures: a deal's size, the pipeline, bookings ("your average
    # deal is $48,000", "a deal size of $65,000", "a pipeline of $10M").
    r"(?<!\bour\s)(?:average|typical|median|mean)\s+deals?(?:\s+(?:sizes?|values?))?\s+(?:is|are|"
    r"was|were|of|runs?|comes?\s+to)|deal\s+(?:sizes?|values?)\s+(?:is|are|was|were|of)|"
    r"pipeline\s+(?:of|is|worth)|bookings\s+(?:of|are|were|is)|"
    # A thing the customer sells, its price before it ("sell a $150 tour").
    rf"(?:{_TAKES_IN})(?:\s+(?:an?|the|your|their|each|every|one))?)"
    r"\s+(?:(?:over|about|around|roughly|nearly|almost|more\s+than|less\s+than|under|just|"
    r"up\s+to|at\s+least|an?\s+average\s+of|on\s+average|an\s+estimated|a\s+total\s+of|"
    r"typically)\s+){0,2}$",
    re.IGNORECASE,
)
# The customer's customer's transaction (see the module's docstring).
_ORDER_NOUNS = r"orders?|baskets?|carts?|sales?|tickets?|invoices?|transactions?"
_ORDER_AFTER_RE = re.compile(
    rf"\s+(?:(?:online|average|typical|single|first|whole|total)\s+)?(?:{_ORDER_NOUNS})\b"
    r"(?!\s+(?:fees?|charges?|surcharges?|prices?|pricing|minimums?|plans?|tiers?)\b)",
    re.IGNORECASE,
)
_ORDER_BEFORE_RE = re.compile(
    rf"\b(?:{_ORDER_NOUNS}|purchases|(?:average\s+)?(?:order|basket|cart)\s+(?:values?|sizes?)|"
    r"AOV|average\s+(?:orders?|baskets?|tickets?|sales?))\s+"
    r"(?:of|worth|totall?ing|over|above|from)\s+(?:(?:about|around|roughly|just|up\s+to)\s+)?"
    r"(?:\S+\s+to\s+)?$",
    re.IGNORECASE,
)
_INSTALMENT_BEFORE_RE = re.compile(
    r"\b(?:payments?|instal?l?ments?)\s+of\s+(?:(?:about|around|roughly|just)\s+)?$",
    re.IGNORECASE,
)
_PERIOD_BEFORE_RE = re.compile(
    r"(?<!billed\s)(?<!paid\s)(?<!charged\s)"
    r"\b(?<!-)(?P<word>monthly|annual|annually|yearly|quarterly|weekly|daily|one[- ]time|"
    r"one[- ]off|lifetime)\b(?!\s+or\b)(?:\s+\S+){0,4}?\s*$",
    re.IGNORECASE,
)
_SEAT_BEFORE_RE = re.compile(
    r"\bper[- ](?:seat|user|employee|member|agent|licen[cs]e)\b(?:\s+\S+){0,4}?\s*$",
    re.IGNORECASE,
)


def find_amounts(text: str, default_currency: str | None) -> list[TextAmount]:
    """Every money amount in `text`, in order, with its currency, period and qualifiers.

    `default_currency` is the strategy's price currency: it decides which currency a
    shared symbol names ("$" is CAD in a CAD strategy). See the module's docstring for the
    forms read and the decisions made.
    """
    found: list[TextAmount] = []
    if _DIGIT_RE.search(text) is None:
        return found  # every amount has a digit; most texts have none, and a search costs
    position = 0
    previous_end = 0  # where the last amount's own words end
    text_mark = decimal_mark_of(text)
    orders: set[Decimal] = set()  # the customer's customers' transactions named so far
    with localcontext(MONEY_CONTEXT):  # "$10^28 a month" × 12 is exact too
        while (match := _AMOUNT_RE.search(text, position)) is not None:
            read = _read_match(text, match, default_currency, text_mark, previous_end)
            position = max(match.end(), position + 1)
            if read is None:
                continue
            found.extend(_as_orders(text, read[0], orders))
            position = max(position, read[1])
            previous_end = read[1]
    return _between_ranges(text, found)


#: "between $150 and $190 per visit": the words before a range's low bound, and between
#: its bounds.
_BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+(?:(?:about|around|roughly)\s+)?$", re.IGNORECASE)
_BETWEEN_AND_RE = re.compile(r"\s+and\s+$", re.IGNORECASE)


def _between_ranges(text: str, found: list[TextAmount]) -> list[TextAmount]:
    """The amounts with "between $X and $Y" read as a range, as "$X to $Y" is: the low
    bound, written bare, takes the high bound's period and seat qualifiers, and both are
    a saving or a business figure where either is."""
    for i in range(len(found) - 1):
        low, high = found[i], found[i + 1]
        if (
            low.range is not None
            or high.range is not None
            or low.amount >= high.amount
            or low.currency != high.currency
            or low.per not in (None, high.per)
            or (low.per_seat and not high.per_seat)
            or not _BETWEEN_AND_RE.fullmatch(text, low.span[1], high.span[0])
            or not _BETWEEN_BEFORE_RE.search(text, max(0, low.span[0] - 24), low.span[0])
        ):
            continue
        bounds = (low.amount, high.amount)
        saving = low.is_saving or high.is_saving
        business = low.is_business_figure or high.is_business_figure
        found[i] = replace(
            low,
            per=high.per,
            per_seat=high.per_seat,
            floor=False,
            is_saving=saving,
            is_business_figure=business,
            range=bounds,
        )
        found[i + 1] = replace(
            high, floor=False, is_saving=saving, is_business_figure=business, range=bounds
        )
    return found


def _as_orders(text: str, amounts: list[TextAmount], orders: set[Decimal]) -> list[TextAmount]:
    """The amounts of one match, each marked a figure of the customer's business where it is
    a transaction of the customer's customer: "a $200 order", "an order of $200", then the
    same $200 again or "payments of $50" of it (`orders` holds those named before)."""
    out: list[TextAmount] = []
    for amount in amounts:
        start, end = amount.span
        before = _clause_before(text, start)
        is_order = (
            _ORDER_AFTER_RE.match(text, end) is not None
            or _ORDER_BEFORE_RE.search(before) is not None
        )
        plain = amount.per is None and not amount.per_seat and not amount.floor
        if is_order and plain:
            orders.add(amount.amount)
        elif not (
            orders
            and plain
            and (amount.amount in orders or _INSTALMENT_BEFORE_RE.search(before) is not None)
        ):
            out.append(amount)
            continue
        out.append(replace(amount, is_business_figure=True))
    return out


def _read_match(
    text: str,
    match: re.Match[str],
    default_currency: str | None,
    text_mark: str | None,
    previous_end: int = 0,
) -> tuple[list[TextAmount], int] | None:
    """The amounts of one match (two for a range) and where the scan continues.

    `previous_end` is where the amount before it and its words end: a period or seat word
    there ("$0.00325 per monthly active user and $0.125 per GB") is that amount's unit, not
    an adjective of this one."""
    symbol_first = match.group("pre") is not None
    in_cents = False
    if symbol_first:
        currency = _currency_of(match.group("pre"), default_currency)
        bounds = [_Bound.of(match, "num", "mag", start=match.start())]
        if match.group("num2") is not None:
            high_start = match.start("pre2") if match.group("pre2") else match.start("num2")
            bounds.append(_Bound.of(match, "num2", "mag2", start=high_start))
    else:
        suffix = match.group("suf")
        in_cents = suffix in (CENT_SIGN, *_PENCE_WORDS, *_CENT_WORDS)
        if suffix in _PENCE_WORDS or suffix in _CENT_WORDS:
            currency = _minor_currency(match, default_currency)
        else:
            currency = _currency_of("$" if in_cents else suffix, default_currency)
        bounds = []
        if match.group("lo") is not None:
            bounds.append(_Bound.of(match, "lo", "lomag", start=match.start()))
        bounds.append(_Bound.of(match, "snum", "smag", start=match.start("snum")))
    if currency is None:
        return None
    high_currency = currency
    if symbol_first and match.group("pre2"):
        high_currency = _currency_of(match.group("pre2"), default_currency) or currency
    # "1.250": a decimal or a thousand as the text writes its numbers, else as the currency does.
    mark = text_mark or ("." if currency in DOT_DECIMAL_CURRENCIES else ",")
    values = [
        _parse_number(
            b.number,
            with_magnitude=b.factor is not None,
            decimal_mark=mark if "," not in b.number else text_mark,
        )
        for b in bounds
    ]
    if None in values:
        return None
    factors = [b.factor for b in bounds]
    if (
        len(bounds) == 2
        and factors[0] is None
        and factors[1] is not None
        and values[0] is not None
        and values[1] is not None
        and values[0] < values[1]
    ):
        # "$10-20k": the low bound takes the high's multiplier, where it stays the lower
        # ("from £1,000 to £1m" is a thousand to a million, not a billion to a million).
        factors[0] = factors[1]
    unit = Decimal("0.01") if in_cents else Decimal(1)
    amounts = [
        _whole(v * (f or 1) * unit) for v, f in zip(values, factors, strict=True) if v is not None
    ]
    qualifiers_start = match.end()
    if len(amounts) == 2 and amounts[0] >= amounts[1]:
        # Not a range ("$399 - 20 seats", "2026 - 20 €"): keep the bound with the currency.
        if symbol_first:
            amounts, bounds = amounts[:1], bounds[:1]
            qualifiers_start = bounds[0].end
        else:
            amounts, bounds = amounts[1:], bounds[1:]
            values = values[1:]
    qualifiers = _read_qualifiers(text, qualifiers_start, code_may_follow=symbol_first)
    if qualifiers.code is not None:
        currency = high_currency = qualifiers.code
    amount_start = bounds[0].start
    before = _clause_before(text, amount_start)
    own_before = before[max(0, len(before) - (amount_start - previous_end)) :]
    per = qualifiers.per
    if per is None and (adjective := _PERIOD_BEFORE_RE.search(own_before)) is not None:
        word = re.sub(r"[- ]", "-", adjective.group("word").lower())
        per = ONCE if word in ("one-time", "one-off", "lifetime") else _ADVERB_PERIODS[word]
    per_seat = qualifiers.per_seat or _SEAT_BEFORE_RE.search(own_before) is not None
    is_range = len(amounts) == 2
    floor = not is_range and _FLOOR_RE.search(before) is not None
    is_saving = (
        _SAVING_BEFORE_RE.search(before) is not None
        or (
            any(w in before.lower() for w in _KEPT_GATE)
            and _KEPT_BEFORE_RE.search(before) is not None
        )
        or _SAVING_AFTER_RE.match(_clause_after(text, qualifiers.end)) is not None
    )
    after = _clause_after(text, qualifiers.end)
    is_business_figure = (
        _BUSINESS_BEFORE_RE.search(before) is not None
        or _BUSINESS_AFTER_RE.match(after) is not None
    )
    found: list[TextAmount] = []
    for i, (amount, bound) in enumerate(zip(amounts, bounds, strict=True)):
        last = i == len(amounts) - 1
        end = qualifiers.end if last else bound.end
        found.append(
            TextAmount(
                amount=amount,
                currency=high_currency if is_range and last else currency,
                per=per,
                per_seat=per_seat,
                floor=floor,
                is_saving=is_saving,
                span=(bound.start, end),
                raw=text[bound.start : end],
                is_business_figure=is_business_figure,
                range=(amounts[0], amounts[1]) if is_range else None,
            )
        )
    return found, qualifiers.end


def _minor_currency(match: re.Match[str], default_currency: str | None) -> str | None:
    """The currency of an amount written in pence or cents ("22.50p", "99 cents"), or None
    where the letter is not money: "p" and "c" only attached to the number, "p" only in a
    GBP strategy and never after a video resolution ("1080p")."""
    suffix = match.group("suf")
    attached = match.end("snum") == match.start("suf") and match.group("smag") is None
    if suffix in ("p", "c") and _LETTER_NOT_MONEY_RE.match(match.string, match.end()):
        return None  # "Grade 5c students", "a 3p model": a label, not money
    if suffix in _PENCE_WORDS:
        if suffix == "p" and (
            default_currency != "GBP" or not attached or match.group("snum") in _RESOLUTIONS
        ):
            return None
        return "GBP"
    if suffix == "c" and not attached:
        return None
    if suffix == "ct":  # "25 ct/kWh": euro cents as German and Austrian prices write them
        return "EUR" if default_currency == "EUR" else None
    if default_currency is None or default_currency in _NO_CENT_CURRENCIES:
        return "USD"
    return default_currency


def _whole(value: Decimal) -> Decimal:
    """1.5 × 1000 is written 1500, not 1500.0."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


@dataclass(frozen=True)
class _Bound:
    """One number of a match: its text, multiplier and where it sits."""

    number: str
    factor: int | None
    start: int
    end: int

    @classmethod
    def of(cls, match: re.Match[str], number: str, magnitude: str, *, start: int) -> _Bound:
        factor = None
        if match.group(magnitude) is not None:
            factor = _MAGNITUDES[match.group(magnitude).strip().lower()]
            end = match.end(magnitude)
        else:
            end = match.end(number)
        return cls(match.group(number), factor, start, end)


def _currency_of(marker: str, default_currency: str | None) -> str | None:
    """The ISO code a symbol, code or currency word names, given the strategy's currency."""
    marker = marker.strip()
    if marker in _EXPLICIT_SYMBOLS:
        return _EXPLICIT_SYMBOLS[marker]
    if marker in LOCAL_SYMBOLS:
        local = LOCAL_SYMBOLS[marker]
        return local if local == default_currency else None
    if marker in ISO_CODES:
        return marker
    symbol = _CURRENCY_WORDS.get(marker.lower(), marker.rstrip("."))
    writers = SYMBOL_CURRENCIES.get(symbol)
    if writers is None:
        return None
    return default_currency if default_currency in writers else writers[0]


#: Currencies whose writers put a decimal point, not a thousands separator, in "1.250": for
#: them an amount with one dot and three digits after it is read as a decimal
#: ("$1.250 per GB" is 1.25) unless its text writes another convention. The others (EUR,
#: BRL, DKK, TRY, IDR...) group thousands with a dot ("€1.200" is 1,200).
_DOT_DECIMAL_TABLE = (
    "USD GBP JPY CNY INR PKR LKR NPR BDT AUD NZD CAD SGD HKD MXN TWD KRW ILS PHP THB MYR "
    "NGN KES GHS EGP AED SAR QAR KWD BHD OMR CHF PEN"
)
DOT_DECIMAL_CURRENCIES: frozenset[str] = frozenset(_DOT_DECIMAL_TABLE.split())

# Numbers with a separator, for the text's own convention (see `decimal_mark_of`).
_SEPARATED_RE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+(?!\d)")


def _mark_shown(number: str) -> str | None:
    """The decimal mark a number shows unambiguously ("." or ","), or None.

    "12.50", "0.0079", "99.9", "1,200,000", "1,200.50", "10,00,000" show ".";
    "49,99", "0,125", "1.200,50", "1.200.000" show ","; "1.250" and "1,250" (one mark,
    three digits after it) show nothing, and neither do "2.1.3" or "07.12.2026".
    """
    commas, dots = number.count(","), number.count(".")
    if commas and dots:
        return "." if number.rfind(".") > number.rfind(",") else ","
    mark = "," if commas else "."
    head, *groups = number.split(mark)
    if len(groups) == 1:
        if head == "0" or len(groups[0]) != 3:
            return mark  # "0.125", "12.50", "49,99": a decimal mark
        return None  # "1,250" and "1.250": a group or three decimals, the text says which
    if all(len(group) == 3 for group in groups) or _is_indian(head, groups, mark):
        return "," if mark == "." else "."  # "1.200.000" and "1,200,000"
    return None  # a version or a date


def _is_indian(head: str, groups: list[str], mark: str) -> bool:
    """ "10,00,000" and "1,00,00,000": lakh and crore grouping (twos, then the last three)."""
    return (
        mark == ","
        and len(head) in (1, 2)
        and len(groups[-1]) == 3
        and all(len(group) == 2 for group in groups[:-1])
    )


def decimal_mark_of(text: str) -> str | None:
    """The decimal mark the text itself writes: "." or "," where every number that shows one
    agrees, None where none shows one or they disagree."""
    marks = {_mark_shown(m.group()) for m in _SEPARATED_RE.finditer(text)} - {None}
    return marks.pop() if len(marks) == 1 else None


def _parse_number(
    number: str, *, with_magnitude: bool, decimal_mark: str | None = None
) -> Decimal | None:
    """A number as written, English, Indian or European separators (see the module's
    docstring). `decimal_mark` is the convention of the text or the currency, for the two
    ambiguous shapes: "1.250" (a decimal unless the mark is ",") and "1,250" (a thousand
    unless the mark is ","). A leading 0 is never a group: "0.125" and "0,125" are decimals."""
    text = re.sub(r"[ \u00a0\u202f\u2009]", "", number)
    if len(text) > MAX_DIGITS:
        return None  # no price has thousands of digits; a figure that long is not money
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        # The separator written last is the decimal point: "1,200.50" and "1.200,50".
        decimal_point = "." if text.rfind(".") > text.rfind(",") else ","
        group_mark = "," if decimal_point == "." else "."
        text = text.replace(group_mark, "").replace(decimal_point, ".")
    elif commas:
        head, _, tail = text.rpartition(",")
        if commas == 1 and (
            len(tail) in (1, 2) or head == "0" or (len(tail) == 3 and decimal_mark == ",")
        ):
            text = f"{head}.{tail}"  # "49,99", "0,125": a decimal comma
        elif all(len(group) == 3 for group in text.split(",")[1:]) or _is_indian(
            text.split(",")[0], text.split(",")[1:], ","
        ):
            text = text.replace(",", "")  # "1,200" and "10,00,000"
        else:
            return None
    elif dots > 1 or (
        dots == 1
        and not with_magnitude
        and len(text.rpartition(".")[2]) == 3
        and text.partition(".")[0] != "0"
        and decimal_mark != "."
    ):
        if not all(len(group) == 3 for group in text.split(".")[1:]):
            return None
        text = text.replace(".", "")  # "1.200" and "1.200.000": European thousands
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


@dataclass
class _Qualifiers:
    per: str | None = None
    per_seat: bool = False
    code: str | None = None
    end: int = 0


def _read_qualifiers(text: str, start: int, *, code_may_follow: bool) -> _Qualifiers:
    """The words after an amount that say what it is per: "/user/mo", "a month", "USD"."""
    found = _Qualifiers(end=start)
    position = start
    if code_may_follow and (code := _CODE_AFTER_RE.match(text, position)) is not None:
        found.code = code.group("code")
        position = code.end()
    for _ in range(6):  # "$49 per seat per month, billed annually, excl. VAT" and no more
        if (unit := _UNIT_RE.match(text, position)) is not None:
            connector = unit.group("conn").strip().lower().lstrip(",").strip()
            word = unit.group("unit").lower()
            if word in _PERIOD_UNITS and (connector == "/" or word not in _SLASH_ONLY_UNITS):
                found.per = found.per or _PERIOD_UNITS[word]
            elif word in _SEAT_UNITS:
                found.per_seat = True
            elif connector in ("/", "per", "each", "for each") and word.isalpha():
                pass  # "per location": a flat price; the word is read and passed over
            else:
                break
            position = unit.end()
            continue
        if (adverb := _ADVERB_RE.match(text, position)) is not None:
            word = re.sub(r"\s+", " ", adverb.group("adverb").lower())
            period = "year" if word.startswith(("per", "p.")) else _ADVERB_PERIODS[word]
            found.per = found.per or period
            position = adverb.end()
            continue
        if (once := _ONCE_RE.match(text, position)) is not None:
            found.per = found.per or ONCE
            position = once.end()
            continue
        if (tax := _TAX_RE.match(text, position)) is not None:
            position = tax.end()
            continue
        break
    found.end = position
    return found


def _clause_before(text: str, start: int) -> str:
    """The text before an amount, back to the start of its clause, at most 80 characters."""
    window = text[max(0, start - 80) : start]
    ends = list(_CLAUSE_END_RE.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _clause_after(text: str, end: int) -> str:
    """The text after an amount's qualifiers, up to the end of its clause."""
    window = text[end : end + 80]
    boundary = _CLAUSE_END_RE.search(window)
    return window[: boundary.start()] if boundary else window
