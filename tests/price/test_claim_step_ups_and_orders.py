"""Kinds of money in a claim that the held-out set 5 showed FC302 misreading (issue 14), as
a user runs the checker (`funnelcheck check FILE --select FC302 --format json`). Each kind
is tried where a reviewer reads it as explained (or as no price) and beside a near miss that
is still reported.

- the customer's customer's transaction ("a $200 order", "an order of $200", then "payments
  of $50" of it and the same $200 again): not the product's price;
- an add-on or an upgrade priced at the step between two plans ("add surveys for $4 per
  person per month" with plans at $11 and $15 a seat), where the sentence says add/upgrade
  or also names the lower plan's figure;
- a "from" price right after a plan's name is that plan's from-price, not the cheapest plan's;
- a percentage stated as a fee ("lowers the fee to 0.69%", "fees of 0.79%") is compared with
  the plans' percentages;
- a money minimum ("a $4,000 annual minimum") that a seat plan states as its fewest seats
  (`seats_min: 31` at $11 a seat a month bills $4,092, the fewest whole seats reaching it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.price.test_price_offers import _fc302, _severities, _strategy

CARD = (
    "    - id: pay-in-4\n      components:\n"
    "        - {percent: 3.29, of: sales, fixed: 0.30, unit: transaction}\n"
)
SEATS = (
    "    - {id: performance, amount: 11, per: seat-month, billed: year}\n"
    "    - {id: performance-engagement, amount: 15, per: seat-month, billed: year}\n"
)
TIERS = (
    "    - {id: free, amount: 0, per: month}\n"
    "    - {id: essentials, amount: 13, per: month}\n"
    "    - {id: standard, amount: 20, per: month}\n"
)
READER = (
    "    - id: pay-as-you-go\n      components:\n        - {percent: 1.69, of: card sales}\n"
    "    - id: sumup-one\n      amount: 19\n      per: month\n"
    "      components:\n        - {percent: 0.79, of: card sales}\n"
)


@pytest.mark.parametrize(
    "claim",
    [
        "A shopper splits a $200 order into 4 interest-free payments of $50, and you are paid"
        " the full $200 upfront.",
        "On a $120 basket the shopper pays 3 instalments of $40; you get $120 the next day.",
        "An order of $90 is paid in 3 payments of $30.",
        "Free shipping on orders over $50.",
        "Send a $1,500 invoice and get paid in two days.",
    ],
)
def test_the_customers_customers_transaction_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, CARD, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        # no order named: the instalments are the product's own price, financed
        "Pay in 4 interest-free payments of $50.",
        # a fee of the order is the product's fee
        "A $2 order fee applies to each sale.",
        # the same amount with a period is a price, whatever order came before
        "On a $200 order you pay $200 a month.",
    ],
)
def test_the_products_own_money_beside_an_order_is_still_compared(
    tmp_path: Path, claim: str
) -> None:
    assert _severities(_strategy(tmp_path, CARD, claim)) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Performance is $11 per person per month, billed annually; add Engagement surveys for"
        " $4 per person per month.",
        "Upgrade to surveys for $4 per seat a month.",
        "Reviews are $11 per seat a month and surveys $4 per seat a month.",
    ],
)
def test_an_add_on_at_the_step_between_two_plans_is_explained(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, SEATS, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        # the step is $4, not $5
        "Performance is $11 per person per month; add Engagement surveys for $5 per person per"
        " month.",
        # the step's figure, but nothing says add or upgrade nor names the lower plan's
        # figure: a bare $4 a seat is no plan's price
        "Surveys are $4 per seat a month.",
    ],
)
def test_an_amount_off_the_step_or_with_no_cue_is_still_reported(
    tmp_path: Path, claim: str
) -> None:
    assert _severities(_strategy(tmp_path, SEATS, claim)) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Essentials from $13 a month and Standard from $20 a month for 500 contacts.",
        "The Standard plan starts at $20 a month.",
        "Plans from $13 a month.",
    ],
)
def test_a_from_price_after_a_plans_name_is_that_plans(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, TIERS, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Standard from $13 a month.",  # Standard's from-price is $20
        "Essentials from $15 a month and Standard from $20 a month.",
        "Plans from $20 a month.",  # the cheapest paid plan is $13
    ],
)
def test_a_from_price_given_to_the_wrong_plan_is_reported(tmp_path: Path, claim: str) -> None:
    assert _severities(_strategy(tmp_path, TIERS, claim)) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Taking more by card? SumUp One lowers the fee to 0.69% for £19 a month.",
        "Card fees of 0.69% on One.",
        "The processing rate drops to 0.69%.",
    ],
)
def test_a_percentage_stated_as_a_fee_is_compared(tmp_path: Path, claim: str) -> None:
    path = _strategy(tmp_path, READER, claim)
    path.write_text(path.read_text(encoding="utf-8").replace("USD", "GBP"), encoding="utf-8")
    assert _severities(path) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Taking more by card? SumUp One lowers the fee to 0.79% for £19 a month.",
        "Card fees of 1.69% on pay as you go.",
        "SumUp One lowers card fees by 53%.",  # a change, not a fee
    ],
)
def test_a_fee_a_plan_takes_or_a_change_in_it_is_not_reported(tmp_path: Path, claim: str) -> None:
    path = _strategy(tmp_path, READER, claim)
    path.write_text(path.read_text(encoding="utf-8").replace("USD", "GBP"), encoding="utf-8")
    assert _fc302(path) == []


MINIMUM = "    - {id: performance, amount: 11, per: seat-month, billed: year, seats_min: 31}\n"


@pytest.mark.parametrize(
    "claim",
    [
        # 31 seats at $132 a year bill $4,092: the fewest whole seats that reach $4,000
        "Contracts start at a $4,000 annual minimum.",
        "There is a minimum annual contract of $4,000.",
        "A $4,092 annual minimum applies.",
    ],
)
def test_a_money_minimum_the_seat_minimum_rounds_up_is_explained(
    tmp_path: Path, claim: str
) -> None:
    assert _fc302(_strategy(tmp_path, MINIMUM, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Contracts start at a $3,000 annual minimum.",  # 23 seats would reach it, not 31
        "There is a minimum annual contract of $5,000.",  # above what 31 seats bill
        "Contracts start at $4,000 a year.",  # no minimum named: no plan is that price
    ],
)
def test_a_money_minimum_the_seats_do_not_give_is_reported(tmp_path: Path, claim: str) -> None:
    assert _severities(_strategy(tmp_path, MINIMUM, claim)) == ["error"]
