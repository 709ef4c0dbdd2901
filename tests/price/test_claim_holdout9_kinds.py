"""Kinds of money in a claim that the held-out set 9 showed FC302 misreading (issue 14), in
wordings of our own, as a user runs the checker (`funnelcheck check FILE --select FC302
--format json`). Each kind is tried where it is explained or no price, beside a near miss
that is still reported:

- a term of an insurance policy (an excess, a deductible, a co-pay, an out-of-pocket
  maximum), however it is written ("a $500 standard deductible", "Excess: $500"): not
  the premium;
- a limit the customer sets on their own spending ("set a monthly cap of, say, $80"):
  not a price;
- the charge a percentage-plus-fixed plan makes on an example amount of the sentence
  ("collect a $40 monthly subscription and your fee is $0.81"): that plan's price,
  worked out;
- a share of a group plan per person written "each" ("about $24 each", "each member
  pays $24"): the plan's price divided;
- an instalment of a modelled financing "over" its length, where an introductory offer
  of another length is near the same amount: the financing;
- the customer's own item beside its total with the charge on top ("a $25 lamp comes to
  $26.80 with Buyer Protection"): the customer's money.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from claim_support import findings_of

TOP = """\
funnelcheck: 1
product: {{name: {name}, category: {category}}}
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


def _findings(
    tmp_path: Path, name: str, category: str, plans: str, claim: str
) -> list[dict[str, Any]]:
    text = TOP.format(name=name, category=category, plans=plans)
    return findings_of(tmp_path, text + f"      - text: {json.dumps(claim)}\n")


def _severities(tmp_path: Path, name: str, category: str, plans: str, claim: str) -> list[str]:
    return [f["severity"] for f in _findings(tmp_path, name, category, plans, claim)]


INSURANCE = "    - {id: standard, amount: 300, per: year}"


def _insurance(tmp_path: Path, claim: str) -> list[str]:
    return _severities(tmp_path, "Harbour Cover", "home insurance", INSURANCE, claim)


@pytest.mark.parametrize(
    "claim",
    [
        "Every policy carries a $500 standard deductible on each claim.",
        "Excess: $750 on any claim for storm damage.",
        "Your co-pay is $25 at any partner repairer.",
        "An out-of-pocket maximum of $2,000 caps what you pay in a year.",
        "Choose a $1,000 voluntary excess to bring the premium down.",
        "Standard is $300 a year, with a $500 excess.",
        "A max out-of-pocket of $2,500 a year, whatever happens.",
        "Copays: $20 for a repairer visit.",
        "You pay the first $250 of any claim yourself.",
        "Choose an excess between $0 and $500.",
        "A $500 per-claim deductible applies.",
    ],
)
def test_a_term_of_the_policy_is_not_its_price(tmp_path: Path, claim: str) -> None:
    assert _insurance(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        # The premium beside a deductible is still the price.
        "With a $500 deductible, Standard is $350 a year.",
        "Cover with a $500 excess costs $350 a year.",
        # An excess of usage is a rate, not a term of a policy.
        "Excess usage on Standard is billed at $2 each.",
    ],
)
def test_a_price_beside_a_term_of_the_policy_is_still_compared(tmp_path: Path, claim: str) -> None:
    assert _insurance(tmp_path, claim) == ["error"]


API = """\
    - id: pro
      amount: 5
      per: month
      components:
        - {unit: character, amount: 0.00002}"""


def _api(tmp_path: Path, claim: str) -> list[str]:
    return _severities(tmp_path, "Wordmill API", "translation API", API, claim)


@pytest.mark.parametrize(
    "claim",
    [
        "Set a monthly spending cap of, say, $80 and requests stop at the cap.",
        "Choose a hard ceiling (e.g. $250 a month) in the console.",
        "Cap your monthly bill at $40 with one setting.",
        "Pick a usage alert at $60 a month and we email you when you reach it.",
        "We email you when spend crosses your alert of $60.",
        "Spending limit: $100 a month.",
    ],
)
def test_a_limit_the_customer_sets_is_not_a_price(tmp_path: Path, claim: str) -> None:
    assert _api(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Set up Wordmill API for $80 a month.",
        "Pro is, say, $80 a month.",
        "Pro is $5 a month, e.g. $12 a month with extra seats.",
        # The product's own cap on the bill is a price it states: compared.
        "Pro caps your bill at $100 a month.",
    ],
)
def test_a_price_near_a_setting_or_an_example_is_still_compared(tmp_path: Path, claim: str) -> None:
    assert _api(tmp_path, claim) == ["error"]


def test_a_plan_named_like_a_limit_is_still_compared(tmp_path: Path) -> None:
    plans = "    - {id: budget, amount: 5, per: month}\n    - {id: pro, amount: 9, per: month}"
    claim = "Budget: $7 a month. Pro: $9 a month."
    found = _findings(tmp_path, "Wordmill API", "translation API", plans, claim)
    assert [f["severity"] for f in found] == ["error"]


PAYMENTS = """\
    - id: basic
      components:
        - {percent: 1.4, of: payment volume, fixed: 0.25, unit: transaction}
    - id: plus
      components:
        - {percent: 1.9, of: payment volume, fixed: 0.25, unit: transaction}"""


def _payments(tmp_path: Path, claim: str) -> list[str]:
    return _severities(tmp_path, "Tally Pay", "recurring payments", PAYMENTS, claim)


@pytest.mark.parametrize(
    "claim",
    [
        # 1.4% x $40 + $0.25 = $0.81 on one payment of a monthly amount.
        "Collect a $40 monthly subscription and your fee is $0.81.",
        # 1.9% x $200 + $0.25 = $4.05 on Plus.
        "On a $200 weekly invoice you pay $4.05 on Plus.",
        "A $1,000 yearly renewal costs you $14.25 in fees with Tally Pay.",
    ],
)
def test_the_charge_on_an_example_amount_is_the_plans_price(tmp_path: Path, claim: str) -> None:
    assert _payments(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Collect a $40 monthly subscription and your fee is $1.50.",
        "On a $200 weekly invoice you pay $6 on Plus.",
    ],
)
def test_a_charge_on_an_example_amount_no_plan_gives_is_reported(
    tmp_path: Path, claim: str
) -> None:
    assert "error" in _payments(tmp_path, claim)


GROUP = """\
    - {id: solo, amount: 9.99, per: month}
    - {id: family, amount: 119.99, per: year}"""


def _group(tmp_path: Path, claim: str) -> list[str]:
    return _severities(tmp_path, "Trailmate", "hiking app", GROUP, claim)


@pytest.mark.parametrize(
    "claim",
    [
        "Family covers up to 5 people for $119.99 a year, about $24 each.",
        "Family: 5 people share $119.99 a year - roughly $24 apiece.",
        "The family plan is $119.99 a year for 5 people, so each member pays $24.",
    ],
)
def test_a_share_of_a_group_plan_each_is_explained(tmp_path: Path, claim: str) -> None:
    assert _group(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Family covers up to 5 people for $119.99 a year, about $30 each.",
        "The family plan is $119.99 a year for 5 people, so each member pays $35.",
        # No count of people in the sentence: nothing to divide by.
        "Family is $119.99 a year, about $24 each.",
    ],
)
def test_a_share_no_group_plan_divides_to_is_reported(tmp_path: Path, claim: str) -> None:
    assert _group(tmp_path, claim) == ["error"]


PHONE = """\
    - id: max
      amount: 40
      per: month
      introductory: {amount: 24.95, per: month, periods: 6}
      components:
        - fee: handset
          unit: handset
          amount: 600
          per: once
          financing: {periods: 24, per: month, apr: 0}"""


def _phone(tmp_path: Path, claim: str) -> list[str]:
    return _severities(tmp_path, "Linewave Mobile", "mobile tariff", PHONE, claim)


@pytest.mark.parametrize(
    "claim",
    [
        "Your new handset for $25 a month over 24 months at 0% APR.",
        "The handset is $25 a month, spread across 24 months.",
        "The handset is $25 a month for 24 months.",
        "Pay for the handset in 24 monthly instalments of $25.",
        "The handset is $25 a month over two years.",
        "Max is $24.95 a month for the first 6 months.",
    ],
)
def test_an_instalment_over_its_length_is_the_financing(tmp_path: Path, claim: str) -> None:
    assert _phone(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Your new handset for $25 a month over 12 months at 0% APR.",
        "Your new handset for $35 a month over 24 months.",
        "Max is $24.95 a month for the first 12 months.",
    ],
)
def test_an_instalment_of_another_length_or_amount_is_reported(tmp_path: Path, claim: str) -> None:
    assert _phone(tmp_path, claim) == ["error"]


def test_a_mismatched_instalment_names_the_nearest_offer(tmp_path: Path) -> None:
    claim = "Your new handset for $25 a month over 12 months."
    found = _findings(tmp_path, "Linewave Mobile", "mobile tariff", PHONE, claim)
    assert len(found) == 1
    assert "`max`'s instalments is $25 a month for 24 months" in found[0]["message"]


MARKET = """\
    - id: buyer-protection
      components:
        - {percent: 4, of: item price, fixed: 0.80, unit: order}"""


def _market(tmp_path: Path, claim: str) -> list[str]:
    return _severities(tmp_path, "Loop Market", "second-hand marketplace", MARKET, claim)


@pytest.mark.parametrize(
    "claim",
    [
        # 4% x $25 + $0.80 = $1.80 on top of the lamp.
        "A $25 lamp comes to $26.80 with Buyer Protection.",
        "Buy a $50 coat and pay $52.80 at checkout, protection included.",
    ],
)
def test_the_customers_item_beside_its_total_is_their_money(tmp_path: Path, claim: str) -> None:
    assert _market(tmp_path, claim) == []


@pytest.mark.parametrize(
    "claim",
    [
        "A $25 lamp comes to $28 with Buyer Protection.",
        "Buy a $50 coat and pay $55 at checkout, protection included.",
    ],
)
def test_an_item_beside_a_total_no_plan_gives_is_reported(tmp_path: Path, claim: str) -> None:
    assert "error" in _market(tmp_path, claim)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # $5 + 2,000,000 x $0.00002 = $45 a month at the sentence's example.
        ("At 2 million characters a month, Pro comes to $45.", []),
        ("Translating 500,000 characters a month? Pro bills you $15 a month.", []),
        ("At 2 million characters a month, Pro comes to $70.", ["error"]),
        # A count of something the plans are not priced by is no example.
        ("At 2 million visitors a month, Pro comes to $45.", ["error"]),
    ],
)
def test_the_bill_at_an_example_quantity_is_the_plans_price(
    tmp_path: Path, claim: str, expected: list[str]
) -> None:
    assert _api(tmp_path, claim) == expected
