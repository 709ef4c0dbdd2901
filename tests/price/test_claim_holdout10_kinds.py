"""Kinds of money in a claim that the held-out set 10 showed FC302 reading as a misquoted
price (issue 14), in wordings of our own, as a user runs the checker (`funnelcheck check
FILE --select FC302 --format json`). Each kind is tried where it is no price, beside a near
miss that is still reported:

- the customer's own money: what they earn ("earn an average of"), their volume ("a firm
  grossing $3 million a year"), money they hold or look after ("reconcile $80,000 of
  tenant deposits");
- money the customer keeps or wins back ("pocket up to $6,000 a year"): a saving;
- what the problem costs a party of many ("cost small retailers about $12 billion a
  year", "the industry"; one party, "a parent", may be the customer told a price) or
  what the customer is spared ("forget the posters and the $500 bounty");
- a penalty for a lapse of the customer's ("missed appointments carry a $25 charge") that
  the plans do not list;
- a share of a plan's price per use of a unit no plan is priced by ("lessons work out at
  $15 each" on a $90 plan): the model has no count of uses to check it against, so at
  most info.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claim_support import severities_of

TOP = """\
funnelcheck: 1
product: {{name: Brightdesk, category: scheduling software}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Customers lose time and money to the old way of doing this.
  terms: {{way: [ways]}}
segment:
  name: Small teams
value_proposition:
  statement: One simple price for what used to take a week.
price:
  currency: USD
  plans:
{plans}
stages:
  - name: Checkout
    role: pricing
    claims:
"""

PLANS = """\
    - {id: pro, amount: 49, per: month}
    - {id: studio, amount: 90, per: month}"""
LESSON_PLANS = """\
    - {id: studio, amount: 90, per: month, components: [{unit: lesson, amount: 12}]}"""


def _severities(tmp_path: Path, claim: str, plans: str = PLANS) -> list[str]:
    return severities_of(tmp_path, TOP.format(plans=plans) + f"      - text: {json.dumps(claim)}\n")


@pytest.mark.parametrize(
    "claim",
    [
        "Drivers on our network earn an average of $42,000 a year.",
        "For a studio grossing $3 million a year, the switch pays for itself.",
        "Reconcile $80,000 of tenant deposits in one click.",
        "Landlords managing $2 million of property sleep better.",
    ],
)
def test_the_customers_own_money_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Drivers on our network pay an average of $42,000 a year.",
        "For a studio on Pro, the switch is $3,000 a year.",
    ],
)
def test_money_paid_beside_those_words_is_reported(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Pocket up to $6,000 a year in fees you used to pay.",
        "Book direct and keep an additional $900 a month in commissions.",
        "Recoup about $1,500 a year of wasted ad spend.",
    ],
)
def test_money_kept_is_a_saving(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


def test_keeping_a_plan_at_a_price_is_reported(tmp_path: Path) -> None:
    assert _severities(tmp_path, "Keep Pro for $6,000 a year.") == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Missed deliveries cost small retailers about $12 billion a year.",
        "Double bookings can cost busy salons $4,000 a month.",
        "Forget the posters and the $500 bounty: the tag finds your cat.",
        "No more $80 parking fines after a late session.",
    ],
)
def test_what_the_problem_costs_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        # The party is charged by a plan named before the verb.
        "Pro costs small retailers $120 a month.",
        # A count in the party: a bill for so many, the product's price.
        "It costs a team of five $120 a month.",
        # One party may be the customer told a price (a cost that is not the problem's,
        # tests/price/test_claim_money_kinds.py) where the product is the subject; with
        # the problem as subject ("Double bookings can cost a busy salon $4,000 a month")
        # it is the problem's cost (tests/price/test_claim_holdout12b_kinds.py).
        "Brightdesk can cost a busy salon $4,000 a month.",
        # Spared, then paid: what is paid is the price.
        "Forget the posters and pay $500 a year for Pro.",
    ],
)
def test_a_price_beside_a_cost_is_reported(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Missed appointments carry a $25 charge.",
        "A $30 late-cancellation fee applies within 12 hours.",
        "Bounced payments cost a $15 fee.",
    ],
)
def test_a_penalty_for_a_lapse_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


def test_a_fee_with_no_lapse_is_reported(tmp_path: Path) -> None:
    assert _severities(tmp_path, "Every booking carries a $25 fee.") == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "On Studio, lessons work out at $15 each.",
        "On Studio, it comes to about $15 a lesson.",
    ],
)
def test_a_share_per_use_is_at_most_info(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["info"]


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # On a period: the plan's price, misquoted.
        ("On Studio, lessons are $15 a month.", PLANS),
        # Above the plan's price: no share of it.
        ("On Studio, lessons work out at $150 each.", PLANS),
        # A plan prices lessons: compared with that rate.
        ("On Studio, lessons are $15 each.", LESSON_PLANS),
    ],
)
def test_a_share_per_use_that_can_be_checked_is_reported(
    tmp_path: Path, claim: str, plans: str
) -> None:
    assert _severities(tmp_path, claim, plans) == ["error"]
