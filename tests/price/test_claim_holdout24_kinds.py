"""Kinds of price finding the held-out sets 24 to 25b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a number that ends a name ("Node-3 €12") is no amount in euros;
- a stopword of an alternative's name ("walk-in only") names no alternative;
- "$20 per user billed annually" is a price a month as often as a year;
- "per day" where a plan sells the `working day`; a one-time pass's price per day of the
  length its id states;
- other parties paid or paying: "pays the bank", "is paid by the diner", "billed by your
  utility", "paid to the state";
- what something can cost, hedged, or costs elsewhere; a question about what the customer
  pays now; the size of the customer's deal; what the customer sells at;
- a fee for sending the product back; what something adds to the customer's sale;
- a sentence's saving arithmetic: what the customer pays without the product;
- a percentage fee's minimum (info); a plan named after a "from" price; a percentage in a
  sentence whose subject is another party's thing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Tallybook",
    category="booking and payments app",
    problem="Small venues lose bookings and fees to clumsy tools.",
    terms="{booking: [bookings]}",
    segment="Independent venues",
    value="Bookings and payments in one place.",
)

SERVERS = "    - {id: node, amount: 12, per: month}"
SHARE = "    - id: partner\n      components: [{percent: 20, of: app orders}]"
SEATS = "    - {id: team, amount: 20, per: seat-month, billed: year}"
DAYS = "    - id: driver\n      components: [{unit: working day, amount: 39}]"
PASS = "    - {id: ten-day, amount: 300, per: once}"
MONTHLY = "    - {id: grow, amount: 99, per: month}"
YEARLY = "    - {id: yearly-pass, amount: 600, per: once}"
CARDS = "    - id: reader\n      components: [{percent: 1.5, of: card payments}]"
TIERS = (
    "    - {id: basic, amount: 23, per: month}\n"
    "    - {id: advanced, amount: 36, per: month, billing_options: [{amount: 324, per: year}]}"
)
SALES = (
    "    - id: classic\n"
    "      components: [{percent: 14, of: sales}, {unit: item sold, amount: 1.25}]"
)


def _severities(tmp_path: Path, claim: str, plans: str, currency: str = "USD") -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans, currency=currency))


HONEST = [
    ("Node-3 €12 a month, with backups.", SERVERS, "EUR"),
    ("Team is $20 per user billed annually.", SEATS, "USD"),
    ("Drivers pay $39 per day they log in, no commission.", DAYS, "USD"),
    ("That's about $30 a day of unlimited rides on the 10-day pass.", PASS, "USD"),
    ("A venue converting $50,000 a month pays the bank about $1,500 in FX margin.", MONTHLY, "USD"),
    ("A meter charge of about $2 a month is billed by your utility.", MONTHLY, "USD"),
    ("Registration fees are extra and paid to the state, from $40.", MONTHLY, "USD"),
    ("A rented card reader can cost $30 a month on a two-year contract.", MONTHLY, "USD"),
    ("Backups are included; a separate tool can run you $15 a month elsewhere.", MONTHLY, "USD"),
    ("Still paying $60 a month for a landline? Switch today.", MONTHLY, "USD"),
    ("If your team averages a $20,000 deal, one more a year pays for Grow.", MONTHLY, "USD"),
    ("Selling 200 seats at $40, you collect $8,000 before the show.", MONTHLY, "USD"),
    ("If you send it back within 14 days, a $90 return shipping fee applies.", MONTHLY, "USD"),
    ("A better photo can add $5,000 to the sale.", MONTHLY, "USD"),
    (
        "Paying $15 a visit with four visits a month is $720 a year, so the yearly pass "
        "saves $120.",
        YEARLY,
        "USD",
    ),
    ("Sell from $27 a month on Advanced, billed annually.", TIERS, "USD"),
    (
        "A bank terminal rents for $25 a month and charges about 2.5% per card payment.",
        CARDS,
        "USD",
    ),
]


@pytest.mark.parametrize(("claim", "plans", "currency"), HONEST)
def test_honest_money_is_not_an_error(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert "error" not in _severities(tmp_path, claim, plans, currency)


MISQUOTED = [
    # the plan is €12, not €15: the name's number is no amount, the price still is
    ("Node-3 €15 a month, with backups.", SERVERS, "EUR"),
    ("Team is $24 per user billed annually.", SEATS, "USD"),
    ("Drivers pay $45 per day they log in, no commission.", DAYS, "USD"),
    ("That's about $40 a day of unlimited rides on the 10-day pass.", PASS, "USD"),
    ("A venue converting $50,000 a month pays us about $1,500.", MONTHLY, "USD"),
    ("A service charge of $2 a month, billed by the month.", MONTHLY, "USD"),
    ("Our setup fees are extra and paid to us, from $40.", MONTHLY, "USD"),
    ("Grow costs $30 a month on a two-year contract.", MONTHLY, "USD"),
    ("Start paying $60 a month today.", MONTHLY, "USD"),
    ("Get the $2,000 deal a year.", MONTHLY, "USD"),
    ("We sell Grow at $40 a month.", MONTHLY, "USD"),
    ("On delivery, a $90 setup fee applies.", MONTHLY, "USD"),
    (
        "Paying $15 a visit with four visits a month is $720 a year, so the yearly pass "
        "saves $100.",
        YEARLY,
        "USD",
    ),
    ("Sell from $25 a month on Advanced, billed annually.", TIERS, "USD"),
    ("Our reader charges about 2.5% per card payment.", CARDS, "USD"),
]


@pytest.mark.parametrize(("claim", "plans", "currency"), MISQUOTED)
def test_a_misquote_beside_them_is_still_an_error(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert "error" in _severities(tmp_path, claim, plans, currency)


def test_a_percentage_fee_minimum_is_at_most_info(tmp_path: Path) -> None:
    plans = "    - id: partner\n      components: [{percent: 15, of: bookings}]"
    # The least the percentage takes on one booking: a term the model does not state.
    assert _severities(tmp_path, "A 15% booking fee, minimum $4.", plans) == ["info"]
    # A fixed fee beside it is a price, and no plan has it.
    assert "error" in _severities(tmp_path, "A 15% booking fee plus $4 per booking.", plans)


def test_a_stopword_of_an_alternative_names_none(tmp_path: Path) -> None:
    text = STRATEGY(
        claim="No monthly fee - a 25% commission only on app orders.", plans=SHARE
    ).replace("  terms:", "  alternatives: [walk-in only, phone orders]\n  terms:")
    # "only" is no word of the alternative "walk-in only": 25% is the plan's misquoted share.
    assert "error" in severities_of(tmp_path, text)
    assert "error" not in severities_of(tmp_path, text.replace("a 25%", "a 20%"))


@pytest.mark.parametrize(
    ("honest", "near_miss", "plans"),
    [
        # Paid by another party after the amount's aside; paid by the customer: ours.
        (
            "The delivery fee, around $3 an order, is paid by the diner to the courier.",
            "The delivery fee, around $3 an order, is paid by you.",
            MONTHLY,
        ),
        # "$6 of commission plus ...": a charge of ours ("plus" is no plural of a thing).
        (
            "Sell an item for $50 and you pay $7 of commission plus the $1.25 fixed fee.",
            "Sell an item for $50 and you pay $6 of commission plus the $1.25 fixed fee.",
            SALES,
        ),
    ],
)
def test_honest_money_is_not_reported_where_a_misquote_is(
    tmp_path: Path, honest: str, near_miss: str, plans: str
) -> None:
    assert _severities(tmp_path, honest, plans) == []
    # Reported (at least as info: the model leaves the typical volume or the tie unsaid).
    assert _severities(tmp_path, near_miss, plans) != []
