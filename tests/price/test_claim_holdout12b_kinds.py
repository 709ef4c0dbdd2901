"""Kinds of money in a claim that the held-out set 12b showed FC302 reading as a misquoted
price (issue 14), in wordings of our own, as a user runs the checker (`funnelcheck check
FILE --select FC302 --format json`). Each kind is tried where it is no price, beside a near
miss that is still reported:

- money given to the customer as a reward: the object of "get", "receive", "earn", "win"
  ("bring a friend and receive $25"), or followed by a reward's word ("a $40 digital gift
  card", "a $20 voucher"); "get Pro for $59 a month" is still a price;
- "once" as a conjunction after an amount ("$40 once your first booking is made") is no
  one-time period; "$299 once" still is;
- money paid to the customer for what they export or sell ("an export rate of 15 cents per
  kWh", "a feed-in payment");
- a deposit, held and given back, unless a plan names a deposit fee (then it is compared);
  an excess said as "the first $150 of each claim";
- a list of amounts sharing one head ("a deductible of $0, $250, $500 or $1,000"): each
  takes the head's reading; a list of prices is still compared amount by amount;
- what the problem costs said as a cost on one party with the problem as subject, or with
  the loss it is counted in ("in comped meals"), or a risk ("can cost a busy salon");
  "Brightdesk costs a salon", "It costs a team of five" are still prices;
- an alternative's price where a long alternative of `problem.alternatives` is named whole
  with words between it and the verb;
- an insurance's limit of cover ("$1M of liability coverage", "a $2M indemnity limit").
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
  statement: Salons lose bookings to no-shows and a paper diary nobody can read.
  terms: {{no-shows: [missed appointments, no-show]}}
  alternatives: [a full-time front desk receptionist on a salaried contract, a paper diary]
segment:
  name: Small salons
value_proposition:
  statement: One simple price for a diary that books itself.
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
DEPOSIT_PLANS = """\
    - id: pro
      amount: 49
      per: month
      components: [{fee: deposit, amount: 100, per: once}]"""


def _severities(tmp_path: Path, claim: str, plans: str = PLANS) -> list[str]:
    return severities_of(tmp_path, TOP.format(plans=plans) + f"      - text: {json.dumps(claim)}\n")


# -- a reward given to the customer -------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "Invite another salon and you each get a $40 digital gift card.",
        "Bring a friend and receive $25 when they book their first client.",
        "Introduce a colleague and win $300.",
        "A $20 voucher for you, and one for every salon you refer.",
        "Refer three salons and we'll send you $75.",
    ],
)
def test_a_reward_given_to_the_customer_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


def test_a_gift_card_is_a_reward_where_the_product_sells_by_the_card(tmp_path: Path) -> None:
    # "card" is a unit the product sells; the reward's head word, "gift", is not.
    plans = "    - {id: pro, amount: 49, per: month, components: [{unit: card, amount: 2}]}"
    claim = "Invite a salon and you both get a $40 e-gift card."
    assert _severities(tmp_path, claim, plans) == []


@pytest.mark.parametrize(
    "claim",
    [
        # The amount is what is paid for Pro, not the object of "get".
        "Get Pro for $59 a month.",
        "You get unlimited bookings for $59 a month.",
        # After an article, the thing bought: a plan.
        "Get a $59 monthly plan with every feature.",
    ],
)
def test_a_price_after_get_is_reported(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


# -- "once" as a conjunction --------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "Switch today and get $40 once your first booking is made.",
        "Recommend us to a salon and get $60 once approved.",
    ],
)
def test_once_as_a_conjunction_is_no_one_time_price(tmp_path: Path, claim: str) -> None:
    # Read as "$40 once" (a one-time price no plan has) it was an error; "once your ..."
    # starts a clause, and the $40 is the object of "get": a reward.
    assert _severities(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Setup is $299 once, then $49 a month.",
        "A one-time $299 for the kiosk, then Pro.",
        "Pay $299 once and keep the kiosk.",
    ],
)
def test_a_one_time_price_is_still_read_once(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


# -- money paid to the customer for what they export or sell --------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "Spare power from the salon roof goes to the grid at an export rate of 15 cents per kWh.",
        "Your panels earn a feed-in payment of 9 cents a kWh on Pro.",
        "The grid buys it back: 6 cents for every kWh you export.",
        "SEG payments of 5 cents per kWh go straight to your account.",
    ],
)
def test_money_paid_for_what_the_customer_exports_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


def test_a_per_kwh_charge_is_still_reported(tmp_path: Path) -> None:
    assert _severities(tmp_path, "Backup power on Pro costs 15 cents per kWh.") == ["error"]


# -- a deposit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "A $150 security deposit is held while you use the kiosk, and returned when you leave.",
        "A refundable $200 deposit secures your Pro kiosk.",
        "We take a deposit of $80, paid back in full when you cancel.",
    ],
)
def test_a_deposit_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


def test_a_deposit_the_plan_names_as_a_fee_is_compared(tmp_path: Path) -> None:
    claim = "A refundable $150 deposit secures your Pro kiosk."
    assert _severities(tmp_path, claim, DEPOSIT_PLANS) == ["error"]
    claim = "A refundable $100 deposit secures your Pro kiosk."
    assert _severities(tmp_path, claim, DEPOSIT_PLANS) == []


def test_the_first_part_of_each_claim_is_an_excess(tmp_path: Path) -> None:
    claim = "You pay the first $150 of each repair to the kiosk, we pay the rest."
    assert _severities(tmp_path, claim) == []


def test_the_first_payment_of_a_plan_is_reported(tmp_path: Path) -> None:
    assert _severities(tmp_path, "Pay the first $120 of your Pro plan today.") == ["error"]


def test_a_fee_beside_no_deposit_is_reported(tmp_path: Path) -> None:
    assert _severities(tmp_path, "A $150 booking fee secures your Pro kiosk.") == ["error"]


# -- a list of amounts sharing one head ---------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "Choose a deductible of $0, $250, $500 or $1,000 a year for the kiosk cover.",
        "Set a spending limit of $100, $250 and $500 a month on card fees.",
        "Pick an excess of $50 to $200 per claim.",
        "Refundable deposits of $80 or $120 hold each kiosk.",
    ],
)
def test_every_amount_of_a_list_takes_its_heads_reading(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


@pytest.mark.parametrize(
    ("claim", "errors"),
    [
        # A list of prices: each compared ($49 and $90 are plans, $120 is none).
        ("Plans at $49, $90 or $120 a month.", 1),
        ("Lite $19, Pro $49 or Studio $90 a month.", 1),
        # Not joined by a bare joiner: the price after "then pay" is compared.
        ("Choose a deductible of $0 or $250, then pay $120 a month.", 1),
        # Two billing options, not one list: the yearly figure is compared.
        ("Deductibles aside, Pro is $49 a month, or $700 a year.", 1),
    ],
)
def test_a_list_of_prices_is_compared_amount_by_amount(
    tmp_path: Path, claim: str, errors: int
) -> None:
    assert _severities(tmp_path, claim) == ["error"] * errors


# -- what the problem costs -----------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        # The subject is the problem's words (its terms: missed appointments).
        "Missed appointments cost a two-chair salon about $1,800 a month.",
        # The loss it is counted in.
        "Kitchen errors cost a busy diner about $900 a month in comped meals.",
        "Rota mix-ups cost a three-chair salon $600 a month in overtime.",
        # A risk on one party.
        "Double bookings can cost a busy salon $4,000 a month.",
        # "Each" in the subject is no pronoun: each no-show is the problem.
        "Each no-show costs a two-chair salon about $60.",
    ],
)
def test_what_the_problem_costs_one_party_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Brightdesk can cost a busy salon $120 a month.",
        "Pro costs small retailers $120 a month.",
        "It costs a team of five $120 a month.",
        "Scheduling costs a busy salon $120 a month.",
        "The monthly plan costs a salon about $120 a month in card fees.",
        # The problem as subject, but the price's words: "just", the product named after.
        "Fixing missed appointments costs a salon just $120 a month with Brightdesk.",
    ],
)
def test_a_price_said_as_a_cost_on_a_party_is_reported(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


# -- a long alternative's price -------------------------------------------------------------


def test_a_long_alternatives_price_is_no_price(tmp_path: Path) -> None:
    claim = (
        "A full-time front desk receptionist on a salaried contract for a two-chair salon "
        "usually costs $2,400 a month."
    )
    assert _severities(tmp_path, claim) == []


def test_the_products_price_beside_a_long_alternative_is_reported(tmp_path: Path) -> None:
    claim = (
        "Instead of a full-time front desk receptionist on a salaried contract, Brightdesk "
        "costs $120 a month."
    )
    assert _severities(tmp_path, claim) == ["error"]


# -- a limit of cover -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "Every Pro account includes $1M of liability coverage for your salon.",
        "A $2M indemnity limit comes with the studio plan.",
        "Your salon equipment is covered up to $50,000 on Pro.",
        "Pro adds $5 million public liability for every chair.",
        "Studio includes cover of up to $250,000 for salon equipment.",
    ],
)
def test_a_limit_of_cover_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == []


def test_a_price_for_cover_is_reported(tmp_path: Path) -> None:
    assert _severities(tmp_path, "The liability add-on is $120 a month.") == ["error"]
