"""Kinds of price finding the held-out sets 26 to 27b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- the customer paying a party named by a common noun ("pay the dentist $40"), a party
  charging ("a locksmith charges around $150"), money paid to the customer after it;
- a market price with a qualifier ("With petrol at about $1.90 a litre"), a change ("is
  down $0.15 per kWh"), a resale price, "$0" before a thing given at no cost;
- a fee for fines is a penalty; a spend on a price of pure usage and a top-up are at most
  info; a share per use before "from";
- one item a day for a monthly price; a period that is a sold unit's last word compared
  with that unit's rate alone; a bare amount as a month's bill only beside monthly plans;
- a capitalised name or a purpose in an alternative tells no word apart; "brokerage" ties;
- an exemption is a threshold (FC305 too).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import pair_test, severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Kinder",
    category="family services app",
    problem="Families juggle bills and bookings.",
    terms="{bill: [bills]}",
    segment="Young families",
    value="Family admin in one place.",
)

MONTHLY = "    - {id: grow, amount: 99, per: month}"
CLICKS = "    - id: sponsored\n      components: [{unit: click, amount: 0.80}]"
KWH = "    - id: standard\n      components: [{unit: kWh, amount: 0.30}]"
DEVICE = "    - {id: cot, amount: 1695, per: once}"
LESSONS = "    - {id: daily, amount: 240, per: month}"
MEMBER = "    - {id: family, amount: 33, per: month}"
ORDERS = "    - id: broker\n      components: [{unit: order, amount: 20}]"


def _severities(tmp_path: Path, claim: str, plans: str) -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans))


PAIRS = [
    # (honest, near miss, plans)
    (
        "Pay the dentist $40 at each visit; the membership covers the rest.",
        "Grow is $40 a month.",
        MONTHLY,
    ),
    (
        "Guests pay around $120 per night, paid to you before check-in.",
        "Grow costs $120 per month.",
        MONTHLY,
    ),
    (
        "With petrol at about $1.90 a litre, every empty trip costs you.",
        "Grow is about $1.90 a day.",
        MONTHLY,
    ),
    ("Prices are down $0.15 per kWh this month.", "Our rate is $0.15 per kWh.", KWH),
    (
        "A locksmith charges around $150 for a callout.",
        "Grow charges around $150 a month.",
        MONTHLY,
    ),
    (
        "Parking fines are passed on with our $20 admin fee.",
        "Bookings carry our $20 admin fee.",
        MONTHLY,
    ),
    (
        "When your child outgrows it, resell it for around $500.",
        "The cot is $500 once.",
        DEVICE,
    ),
    (
        "One lesson every day for $240 a month - about $8 per lesson.",
        "One lesson every day for $240 a month - about $12 per lesson.",
        LESSONS,
    ),
    ("$0 video consultations, any time.", "$0 a month for Grow.", MONTHLY),
    (
        "Trade at a flat $20 brokerage per order.",
        "Trade at a flat $10 brokerage per order.",
        ORDERS,
    ),
]


test_honest_money_beside_a_misquote = pair_test(STRATEGY, PAIRS)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # A spend on pure usage, at a volume the strategy does not state.
        ("Run ads for as little as $5 a day.", CLICKS),
        # The least the customer loads.
        ("Top up from as little as $10, any time.", CLICKS),
        # A share per use of something no plan prices ("consultations" for a membership).
        ("Members see a doctor, with consultations from $30.", MEMBER),
    ],
)
def test_spends_top_ups_and_uses_are_at_most_info(tmp_path: Path, claim: str, plans: str) -> None:
    assert set(_severities(tmp_path, claim, plans)) <= {"info"}


def test_a_plans_price_on_a_period_is_still_an_error_beside_them(tmp_path: Path) -> None:
    assert "error" in _severities(tmp_path, "Membership from $30 a month.", MEMBER)
    # A component on a period is a subscription, not usage: its misquote is compared.
    per_site = "    - id: core\n      components: [{unit: site, amount: 69, per: month}]"
    assert "error" in _severities(tmp_path, "Core is $59 a month per site.", per_site)


CHARGING = (
    "    - id: auto-pay\n"
    "      components:\n"
    "        - {unit: charging day, amount: 18}\n"
    "        - {fee: registration, amount: 10, per: year}\n"
    "    - id: resident\n"
    "      components: [{unit: charging day, amount: 1.80}]"
)


def test_a_period_that_is_a_sold_units_word_is_that_units_rate(tmp_path: Path) -> None:
    text = partial(STRATEGY, plans=CHARGING, quantities="{charging day: 8}")
    assert severities_of(tmp_path, text(claim="The charge is $18 a day.")) == []
    # $15 is no rate per charging day, though a month of resident days comes near it.
    assert "error" in severities_of(tmp_path, text(claim="The charge is $15 a day."))


YEARLY = (
    "    - id: classic\n      amount: 64\n      per: year\n"
    "      components: [{unit: associate, amount: 35, per: year}]\n"
    "    - id: plus\n      amount: 114\n      per: year\n"
    "      components: [{unit: associate, amount: 50, per: year}]"
)


def test_a_bare_amount_is_no_months_bill_beside_yearly_plans(tmp_path: Path) -> None:
    text = partial(STRATEGY, plans=YEARLY, quantities="{associate: 1}")
    assert severities_of(tmp_path, text(claim="Renew Plus at $114.")) == []
    # Not a month's bill of Plus at 22 associates: no plan bills by the month.
    assert "error" in severities_of(tmp_path, text(claim="Renew Plus at $104."))


def test_an_alternatives_name_and_purpose_tell_no_word_apart(tmp_path: Path) -> None:
    text = STRATEGY(claim="The electricity tariff is 27 cents per kWh.", plans=KWH).replace(
        "  terms:", "  alternatives: [an Open Power Market retailer for electricity]\n  terms:"
    )
    # "electricity" is what both sell, and part of a name: the tariff is ours, misquoted.
    assert "error" in severities_of(tmp_path, text)
    assert severities_of(tmp_path, text.replace("27 cents", "30 cents")) == []


def test_an_exemption_is_no_price_in_another_currency(tmp_path: Path) -> None:
    def fc305(claim: str) -> list[str]:
        return severities_of(tmp_path, STRATEGY(claim=claim, plans=MONTHLY), "FC305")

    assert fc305("Duty applies above your personal exemption, such as CA$800.") == []
    assert fc305("Grow is CA$800 a year.") == ["warning"]
