"""Kinds of price finding the held-out sets 16 and 16b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a plan whose id spells a number is named with digits ("20-litre from $30" for
  `twenty-litre`), and the other way round;
- a price of something else sold at a named place ("a cinema ticket at Odeon Leicester
  Square is £18") is not the product's;
- an amount that is a plan's cost over a length its sentence states, one-time fees
  included ("four months on the Small plan with the set-up come to $580"), is explained;
- the second of two billing options joined by "or" is the first one's plan's
  ("Guard for $8 a month or $80 a year"), not a step between two plans; "security"
  alone is no deposit;
- an amount alone between commas restates the clause before it ("half off the first
  year, $30, then $60 a year" is the introductory year);
- a percentage given to what a plan takes it of ("wallet at 1%" for `of: wallet sales`)
  is a price, set against that volume's share.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Brightwell",
    category="home services",
    problem="Households lose weekends to chores.",
    terms="{chore: [chores]}",
    segment="Busy households",
    value="Weekends back.",
)

SIZES = (
    "    - {id: twenty-litre, amount: 30, per: month}\n"
    "    - {id: forty-litre, amount: 45, per: month}"
)
DIGIT_IDS = "    - {id: 2-room, amount: 90, per: once}\n    - {id: 4-room, amount: 150, per: once}"
HIRE = (
    "    - id: small\n      amount: 120\n      per: month\n"
    "      components: [{fee: set-up, amount: 100, per: once}]\n"
    "    - id: large\n      amount: 150\n      per: month\n"
    "      components: [{fee: set-up, amount: 100, per: once}]"
)
GUARD = (
    "    - {id: guard, amount: 8, per: month, billing_options: [{amount: 80, per: year}]}\n"
    "    - {id: guard-plus, amount: 14, per: month, billing_options: [{amount: 150, per: year}]}"
)
INTRO = (
    "    - {id: annual, amount: 60, per: year, introductory: {amount: 30, per: year, periods: 1}}"
)
WALLET = (
    "    - id: shop\n      amount: 20\n      per: month\n"
    "      components:\n"
    "        - {percent: 2.5, of: card sales, fixed: 0.3, unit: card payment}\n"
    "        - {percent: 1, of: wallet sales}"
)


def _severities(tmp_path: Path, claim: str, plans: str, currency: str = "USD") -> list[str]:
    text = STRATEGY(claim=claim, plans=plans, currency=currency)
    return severities_of(tmp_path, text)


@pytest.mark.parametrize(
    ("claim", "plans", "currency"),
    [
        ("20-litre bins from $30 a month, 40-litre from $45 a month.", SIZES, "USD"),
        ("Two-room cleans are $90, four-room $150.", DIGIT_IDS, "USD"),
        ("A cinema ticket at Odeon Leicester Square is £18, and the kids still get bored.",
         SIZES.replace("30", "25"), "GBP"),
        ("Four months on the Small plan with the set-up come to $580.", HIRE, "USD"),
        ("Add Guard for $8 a month or $80 a year - about 22 cents a day.", GUARD, "USD"),
        ("New members save half on the first year, $30, then $60 a year.", INTRO, "USD"),
        ("Payments: wallet at 1%, cards at 2.5% + 30c per payment.", WALLET, "USD"),
    ],
)  # fmt: skip
def test_the_product_priced_honestly_is_not_an_error(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert "error" not in _severities(tmp_path, claim, plans, currency)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # The 40-litre plan is $45: named with digits, it is compared with its own price.
        ("20-litre bins from $30 a month, 40-litre from $55 a month.", SIZES),
        ("Two-room cleans are $90, four-room $190.", DIGIT_IDS),
        # Four months and the set-up are $580 on the small plan, $700 on the large: not $800.
        ("Four months on the Small plan with the set-up come to $800.", HIRE),
        # Guard's yearly option is $80; $70 is no option of it, though Guard Plus is $70
        # a year dearer.
        ("Add Guard for $8 a month or $70 a year - about 22 cents a day.", GUARD),
        # The introductory year is $30.
        ("New members save half on the first year, $25, then $60 a year.", INTRO),
        # The wallet share is 1%, not the card's 2.5%.
        ("Payments: wallet at 2.5%, cards at 2.5% + 30c per payment.", WALLET),
    ],
)
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert _severities(tmp_path, claim, plans) == ["error"]


def test_security_alone_is_no_deposit(tmp_path: Path) -> None:
    # A plan called Security: its price is compared, not read as a security deposit.
    plans = "    - {id: security, amount: 9, per: month}"
    assert _severities(tmp_path, "Home Security for $12 a month.", plans) == ["error"]
    # A security deposit is still a deposit, given back.
    deposit = "A $200 security deposit is held and returned at the end of the hire."
    assert _severities(tmp_path, deposit, plans) == []
