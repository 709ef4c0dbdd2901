"""Kinds of price finding the held-out sets 22 and 22b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a tip the customer gives another party ("tip their movers $20 to $40 each");
- a fee the customer's own customers "pay themselves";
- the size of a loan ("a fee of R465 on a R4,000 loan"; "a $50 loan fee" is a fee);
- FC305: a salary in another currency ("a hire on a €4,500 monthly salary");
- a "credit card" percentage is a card rate, not credit;
- FC603: a reference customer who used none of the metered units paid the base alone.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Haulwise",
    category="moving and lending services",
    problem="Families lose weekends to moves.",
    terms="{move: [moves]}",
    segment="Families",
    value="Moves done in a day.",
    quantities="{trip: 10}",
)

MOVE = "    - {id: two-bedroom, amount: 1200, per: once}"
MARKET = "    - id: partner\n      components: [{percent: 25, of: order value}]"
LOAN = (
    "    - {id: loan, amount: 69, per: month,"
    " components: [{fee: initiation, amount: 465, per: once}]}"
)
CARDS = (
    "    - id: account\n"
    "      components: [{percent: 2.99, of: card volume, fixed: 0.49, unit: transaction}]"
)
TRIPS = "    - {id: flat, amount: 50, per: year, components: [{unit: trip, amount: 0.35}]}"


def _severities(tmp_path: Path, claim: str, plans: str, code: str = "FC302") -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans), code)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("Tips are never included - most customers tip their movers $20 to $40 each.", MOVE),
        ("Customers pay the delivery fee themselves, from $1.90, on top of the order.", MARKET),
        ("An initiation fee of $465 on a $4,000 loan, and $69 a month.", LOAN),
        ("Credit card from 2.99% + $0.49 per transaction.", CARDS),
    ],
)  # fmt: skip
def test_honest_money_is_not_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" not in _severities(tmp_path, claim, plans)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # We charge the tip-free price: $1,400 is no plan's.
        ("The Two-Bedroom plan is $1,400, tips never included.", MOVE),
        # Our own loan fee, named as a fee of ours.
        ("An initiation fee of $565 on a $4,000 loan, and $69 a month.", LOAN),
        # The card rate is 2.99%, not 3.99%.
        ("Credit card from 3.99% + $0.49 per transaction.", CARDS),
    ],
)  # fmt: skip
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" in _severities(tmp_path, claim, plans)


def test_a_salary_in_another_currency_is_no_currency_mismatch(tmp_path: Path) -> None:
    salary = "For a hire on a €4,500 monthly salary, the costs are shown up front."
    assert _severities(tmp_path, salary, MOVE, "FC305") == []
    price = "A two-bedroom move is €1,200."
    assert _severities(tmp_path, price, MOVE, "FC305") == ["warning"]


def _reference(tmp_path: Path, paid: str) -> list[str]:
    text = STRATEGY(claim="One flat plan, trips extra.", plans=TRIPS) + (
        "reference_customers:\n"
        "  - name: Laia (composite)\n"
        f"    paid: {{amount: {paid}, per: year}}\n"
        "    why_bought: Fewer lost weekends.\n"
    )
    return severities_of(tmp_path, text, "FC603")


def test_a_reference_customer_may_have_used_no_metered_unit(tmp_path: Path) -> None:
    # $50 a year is the flat plan with no trip taken (the typical member takes 10 a month).
    assert _reference(tmp_path, "50") == []
    # $30 a year is below the plan at any number of trips.
    assert _reference(tmp_path, "30") == ["warning"]
