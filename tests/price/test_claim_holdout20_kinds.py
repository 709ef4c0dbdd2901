"""Kinds of price finding the held-out set 20 showed (issue 14), in wordings of our own, as
a user runs the checker (`funnelcheck check FILE --select ... --format json`). Each kind
is tried where the amount is no misquote, beside a near miss still reported:

- a total for a length is the regular price for that long ("₹99 for 6 months" is no two
  quarters of ₹299): an introductory offer misquoted is found;
- a discount's percentage is no share taken of the customer's money ("Save 50% for your
  first 3 months - Lite is $13.50 a month, then $27"): the two amounts are compared;
- the value of things that are none of the product's ("approve $4,500 of upgrades");
- a saving a list goes on with ("save 20 hours a week and about $45,000 a year");
- money the customer no longer has ("$300 a year your mission no longer has");
- named companies charging their own ("Stripe and PayPal charge their own fees, 2.2% +
  $0.30");
- a sold unit's rate on another period ("$7 per cow per month, about 23 cents a cow a day");
- a named tax ("Tourist tax of €2.50 per guest per night");
- another thing's price ("at a milk price of $8.00 per kg"; "a launch price of $49" is ours);
- the customer's item, after "your" ("Your ₹350 biryani arrived with ₹0 delivery fee").
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Herdwise",
    category="farm software",
    problem="Farmers lose hours to paperwork.",
    terms="{paperwork: [admin]}",
    segment="Dairy farmers",
    value="Less paperwork.",
    budget=50000,
    quantities="{cow: 300}",
)

QUARTERLY = (
    "    - {id: one, amount: 299, per: quarter,"
    " introductory: {amount: 99, per: quarter, periods: 1}}"
)
INTRO = (
    "    - {id: lite, amount: 36, per: month, introductory: {amount: 18, per: month, periods: 3}}"
)
COWS = "    - {id: herd, components: [{unit: cow, amount: 7, per: month}]}"
SHARE = "    - id: standard\n      components: [{percent: 1.75, of: donations}]"


def _severities(tmp_path: Path, claim: str, plans: str = COWS) -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans))


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("Get your first 3 months for just $99, then $299 every 3 months.", QUARTERLY),
        ("Save 50% for your first 3 months - Lite is $18 a month, then $36 a month.", INTRO),
        ("Contractors approve $4,500 of upgrades from their phone.", COWS),
        ("Farmers save 20 hours a week and about $45,000 a year in labour.", COWS),
        ("A lost buyer is $3,000 a year your farm no longer has.", COWS),
        ("Stripe and PayPal charge their own processing fees, 2.2% + $0.30 a donation.",
         SHARE),
        ("$7 per cow per month - about 23 cents a cow a day.", COWS),
        ("Tourist tax of $2.50 per guest per night is added automatically.", COWS),
        ("At a milk price of $8.00 per kg, a tighter calving pays.", COWS),
        ("Your $350 order arrived with $0 delivery fee.", COWS),
    ],
)  # fmt: skip
def test_honest_money_is_not_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" not in _severities(tmp_path, claim, plans)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # The introductory quarter is $99, not 6 months.
        ("Get your first 6 months for just $99, then $299 every 3 months.", QUARTERLY),
        # Lite's offer is $18 and its price $36: both misquoted.
        ("Save 50% for your first 3 months - Lite is $13.50 a month, then $27 a month.",
         INTRO),
        # 30 cents a cow a day is no $7 a cow a month.
        ("$7 per cow per month - about 30 cents a cow a day.", COWS),
        # Our own launch price, not another thing's.
        ("Herdwise has a launch price of $9 per cow a month.", COWS),
    ],
)  # fmt: skip
def test_a_misquote_beside_them_is_still_reported(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" in _severities(tmp_path, claim, plans)
