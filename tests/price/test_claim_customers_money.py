"""Kinds of money in a claim that the held-out set 6 showed FC302 misreading (issue 14), in
wordings of our own, as a user runs the checker (`funnelcheck check FILE --select FC302
--format json`). Each kind is tried where it is no price and beside a near miss that still
is one:

- the customer's own money: the base a percentage is taken of and what is left of it, the
  typical customer's volume, money paid to the customer or moved through the product;
- a block's price per unit ("$0.40 each" for $40 per 100), and a unit rate times a count;
- a competitor's price after a possessive ("ShiftCycle's bikes start at");
- a fee the product waives ("$0 booking fees", "no $4.99 shipping fee") and a difference
  of prices ("30 cents a litre cheaper");
- the price of something else the business sells ("The water bottle is $12");
- amounts in pence and cents ("22.50p per kWh", "99 cents a month").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from funnelcheck.cli import app

HEAD = """\
funnelcheck: 1
product: {{name: Spinline Bike, category: connected exercise bike}}
reviewed: 2026-11-20
problem:
  id: no-time
  statement: Busy parents cannot get to a cycling class.
  terms: {{class: [classes]}}
  cost: {{amount: 1800, per: year}}
  alternatives: [a boutique cycling studio, ShiftCycle]
segment:
  name: Busy parents
  budget: {{amount: 250000, per: year}}
  typical_customer: {typical}
value_proposition:
  statement: Classes at home, cheaper than a studio over a year.
price:
  currency: {currency}
  plans:
"""


def _fc(
    tmp_path: Path,
    plans: str,
    claim: str,
    *,
    currency: str = "USD",
    typical: str = "{}",
    select: str = "FC302",
) -> list[dict[str, Any]]:
    text = HEAD.format(currency=currency, typical=typical) + plans
    text += "stages:\n  - name: Checkout\n    role: pricing\n    claims:\n"
    text += f"      - text: {json.dumps(claim)}\n"
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    args = ["check", str(path), "--select", f"FC0,{select}", "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--as-of", "2026-12-01"])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f for f in findings if f["code"].startswith("FC0")] == []
    return [f for f in findings if f["code"] == select]


def _severities(tmp_path: Path, plans: str, claim: str, **kwargs: Any) -> list[str]:
    return [f["severity"] for f in _fc(tmp_path, plans, claim, **kwargs)]


MARKETPLACE = "    - id: seller\n      components: [{percent: 20, of: sales}]\n"
MONTHLY = "    - {id: all-access, amount: 44, per: month}\n"


@pytest.mark.parametrize(
    "claim",
    [
        # The base of the plan's 20% and what is left of it.
        "A $250 class pack through us leaves $200 in your account.",
        "At 20%, a $250 class pack comes to $50 for us.",
        # Paid to the customer, taken in or moved through the product.
        "The referral scheme pays you $30 for every friend who joins.",
        "Ride for a team and you take home $180 a week.",
        "Send $5,000 a month to your coaches and the fee is shown upfront.",
        "Most studios take $9,000 a month in bookings.",
        "Teach ten classes a week and your payout is $1,400 a month.",
    ],
)
def test_the_customers_own_money_is_not_compared(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, MARKETPLACE, claim) == []


def test_the_base_of_a_percentage_must_fit_the_share(tmp_path: Path) -> None:
    # $190 is neither 20% of $250 nor what is left of it: both amounts are prices.
    claim = "A $250 class pack through us leaves $190."
    assert _severities(tmp_path, MARKETPLACE, claim) == ["error", "error"]
    # A share the sentence states is read too (the plans take 20%, the claim says 10%:
    # the percentage is FC302's to report, the money beside it is the base).
    assert _severities(tmp_path, MARKETPLACE, "Keep 90% - a $300 pack leaves you $270.") == []


def test_the_typical_customers_volume_is_not_compared(tmp_path: Path) -> None:
    typical = "{volumes: {sales: 40000}}"
    claim = "A studio running $40,000 a month through its tills is typical."
    assert _severities(tmp_path, MARKETPLACE, claim, typical=typical) == []
    # Another volume is no price either: where every plan is pure usage, an amount on a
    # period with no plan or price word is a spend the model cannot check, at most info
    # (tests/price/test_claim_holdout26_kinds.py).
    other = "A studio running $45,000 a month through its tills is typical."
    assert _severities(tmp_path, MARKETPLACE, other, typical=typical) == ["info"]


def test_money_paid_to_the_customer_is_not_the_price_they_pay(tmp_path: Path) -> None:
    assert _severities(tmp_path, MONTHLY, "You pay $39 a month for every class.") == ["error"]
    assert _severities(tmp_path, MONTHLY, "The league pays you $39 a month in prizes.") == []


TOKENS = "    - id: tokens\n      components: [{unit: token, amount: 40, block: 100}]\n"
EMAILS = "    - id: send\n      components: [{unit: email, amount: 0.001}]\n"


def test_a_blocks_price_per_unit_is_explained(tmp_path: Path) -> None:
    assert _severities(tmp_path, TOKENS, "Tokens are $0.40 each, sold in packs of 100.") == []
    assert _severities(tmp_path, TOKENS, "Tokens are $0.50 each, sold in packs of 100.") == [
        "error"
    ]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Email is $1 per 1,000 emails.", []),
        ("Packs of 5,000 emails for $5.", []),
        ("$10 buys 10,000 emails.", []),
        ("Email is $2 per 1,000 emails.", ["error"]),
        ("Packs of 5,000 emails for $8.", ["error"]),
    ],
)
def test_a_unit_rate_times_a_count_is_explained(
    tmp_path: Path, claim: str, expected: list[str]
) -> None:
    assert _severities(tmp_path, EMAILS, claim) == expected


@pytest.mark.parametrize(
    "claim",
    [
        "ShiftCycle's bikes start at $1,999 and its classes at $39 a month; ride for less.",
        "Pelomax's classes cost $39 a month, and you still need their bike.",
        "Pelomax's $39 plan needs a bike too.",
        "Pelomax's bikes start at $1,999, and its classes at $39 a month.",
        "Pelomax's bikes cost $1,999 while their classes cost $39 a month.",
    ],
)
def test_a_competitors_price_after_a_possessive_is_not_compared(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, MONTHLY, claim) == []


def test_the_products_own_possessive_price_is_compared(tmp_path: Path) -> None:
    claim = "Spinline's classes cost $39 a month."
    assert _severities(tmp_path, MONTHLY, claim) == ["error"]
    # "its" after the product's own name is the product's.
    claim = "Spinline's bike is free with a plan, and its classes cost $39 a month."
    assert _severities(tmp_path, MONTHLY, claim) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Get $0 booking fees on classes over $20 with all-access.",
        "No $4.99 shipping fee on orders over $50.",
        "We waive the $25 delivery charge for members.",
        "Delivery fees of $4.99 are waived for members.",
        "Members ride at studios 30 to 50 cents a class cheaper than the list price.",
    ],
)
def test_a_waived_fee_or_a_difference_is_not_compared(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, MONTHLY, claim) == []


def test_a_fee_the_claim_charges_is_compared(tmp_path: Path) -> None:
    assert _severities(tmp_path, MONTHLY, "A $4.99 booking fee applies to every class.") == [
        "error"
    ]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The water bottle is $12, and it fits in the frame.", []),
        ("A branded towel costs just $9.", []),
        ("The bike mat is $12.99.", ["error"]),
        ("The Kirkland Signature coffee is $12.99.", []),
        # The product's own words, a price noun or a period: the product's price.
        ("The bike is $1,200.", ["error"]),
        ("The membership is $39.", ["error"]),
        ("The water bottle is $12 a month.", ["error"]),
        ("All-access is $39.", ["error"]),
    ],
)
def test_something_else_the_business_sells_is_not_the_plans_price(
    tmp_path: Path, claim: str, expected: list[str]
) -> None:
    assert _severities(tmp_path, MONTHLY, claim) == expected


KWH = (
    "    - id: flexible\n      components:\n        - {unit: kWh, amount: 0.245}\n"
    "        - {fee: standing charge, amount: 0.53, per: day}\n"
)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Flexible is 24.50p per kWh with a standing charge of 53p a day.", []),
        ("Flexible is 24.5 pence per kWh.", []),
        ("Flexible is 22.50p per kWh with a standing charge of 53p a day.", ["error"]),
        ("Flexible is 22.50 pence per kWh.", ["error"]),
        ("Flexible is 24.50p per kWh with a standing charge of 60p a day.", ["error"]),
        # Not pence: a video resolution, a time of day.
        ("See your usage in 1080p charts every day at 4p.m.", []),
    ],
)
def test_pence_are_read_as_money(tmp_path: Path, claim: str, expected: list[str]) -> None:
    assert _severities(tmp_path, KWH, claim, currency="GBP") == expected


def test_a_wrong_pence_price_is_reported_as_written(tmp_path: Path) -> None:
    found = _fc(tmp_path, KWH, "Flexible is 22.50p per kWh.", currency="GBP")
    assert [f["data"]["written"] for f in found] == ["22.50p per kWh"]
    assert "£0.225" in found[0]["message"]


CENTS = "    - {id: app, amount: 0.99, per: month}\n"


@pytest.mark.parametrize(
    ("claim", "currency", "expected"),
    [
        ("All of it for 99 cents a month.", "USD", []),
        ("All of it for 99c a month.", "USD", []),
        ("All of it for 89 cents a month.", "USD", ["error"]),
        ("All of it for 89c a month.", "USD", ["error"]),
        ("All of it for 99c a month.", "EUR", []),
        ("All of it for 89c a month.", "EUR", ["error"]),
        # German and Austrian prices write euro cents "ct".
        ("Alles für 99 ct/Monat.", "EUR", []),
        ("Alles für 89 ct/Monat.", "EUR", ["error"]),
    ],
)
def test_cents_are_read_as_money(
    tmp_path: Path, claim: str, currency: str, expected: list[str]
) -> None:
    assert _severities(tmp_path, CENTS, claim, currency=currency) == expected


CAMERAS = (
    "    - id: cam-plus\n      components:\n"
    "        - {unit: camera, amount: 40, per: once, life_years: 4}\n"
    "        - {unit: camera, amount: 24, per: year}\n"
)


@pytest.mark.parametrize(
    ("wtp", "expected"),
    [
        # Once: about the camera bought once ($40), inside; the $24 a year plan not compared.
        ("{low: 25, high: 60, per: once, about: camera}", []),
        ("{low: 50, high: 80, per: once, about: camera}", ["$40 once"]),
        # Per year: about the plan per camera ($24 a year); the camera once not compared.
        ("{low: 20, high: 30, per: year, about: camera}", []),
        ("{low: 30, high: 60, per: year, about: camera}", ["$24 a year"]),
    ],
)
def test_a_range_about_a_unit_name_two_parts_share_is_read_on_its_footing(
    tmp_path: Path, wtp: str, expected: list[str]
) -> None:
    plans = CAMERAS + f"  willingness_to_pay: {wtp}\n"
    found = _fc(tmp_path, plans, "Cameras from $40.", select="FC304")
    assert [f["severity"] for f in found] == ["warning"] * len(expected)
    for finding, shown in zip(found, expected, strict=True):
        assert shown in finding["message"], finding["message"]


@pytest.mark.parametrize(
    "claim",
    [
        # A name in capitals may be a plan's: a plan the price does not have is compared.
        "Scale is $299, for studios with three rooms.",
        # A possessive with the product's or a plan's words is the product's, and a
        # contraction or a time is no company.
        "All-access's classes cost $39 a month.",
        "Pro's classes cost $39 a month.",
        "It's $39 a month.",
        "Today's $39 deal.",
        # "No" far from the amount does not waive the fee the claim charges.
        "No contract needed: $39 a month plus a setup fee.",
    ],
)
def test_near_misses_of_the_new_readings_are_still_compared(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, MONTHLY, claim) == ["error"]
