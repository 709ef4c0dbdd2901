"""Kinds of price finding the held-out sets 14 and 14b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- FC302: what the customer pays today ("Still paying $60 a month?", "switching from a $60
  plan", "stop paying for three tools - often $600 a month") is not the product's price;
- FC302: an exit, early-termination or break fee is a penalty, not the price;
- FC302: the part of each claim the customer pays ("the first $150 of each claim") and the
  care a policy covers ("$5,000 of vet bills a year") are terms of the policy;
- FC302: another party's fee, named after its verb ("banks charge a setup fee of $2,500");
- FC302: what the customer's client pays them ("when your client pays $2,000") is theirs;
- FC302: a minimum the customer commits to ("a $50/month minimum usage") is at most info;
- FC302: a plan's id written as the kind of customer it is for, plural or lower case,
  before "from" ("central kitchens from $420 a month") is that plan's from-price;
- FC302: a percentage "per tap" or "per swipe" is a card rate, compared;
- FC302: a currency's letter symbol ("R299" in a ZAR strategy, "RM 49" in a MYR one) is
  money there, and only there ("R2 buckets" in a USD strategy is no money: no FC305).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_support import findings_of

STRATEGY = """\
funnelcheck: 1
product: {{name: Kitchenguard, category: pest control}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Kitchens fail inspections over pests.
  terms: {{pest: [pests]}}
segment:
  name: Food businesses
value_proposition:
  statement: Inspections passed.
price:
  currency: {currency}
  plans:
{plans}
stages:
  - name: Pricing page
    role: pricing
    claims:
      - text: "{claim}"
"""

KINDS = (
    "    - {id: restaurant, amount: 180, per: month}\n"
    "    - {id: central-kitchen, amount: 420, per: month}"
)
ONE = "    - {id: pro, amount: 45, per: month}"
TAPS = "    - id: standard\n      components: [{percent: 2.65, of: card sales, unit: tap}]"


def _severities(
    tmp_path: Path, claim: str, plans: str = ONE, currency: str = "USD", code: str = "FC302"
) -> list[str]:
    text = STRATEGY.format(claim=claim, plans=plans, currency=currency)
    return [f["severity"] for f in findings_of(tmp_path, text, code)]


@pytest.mark.parametrize(
    ("claim", "plans", "currency"),
    [
        ("Still paying $60 a month for a contract you never use?", ONE, "USD"),
        ("Switching from a $60 plan saves you about $180 a year.", ONE, "USD"),
        ("Stop paying for three separate tools - often $600 a month.", ONE, "USD"),
        ("Leaving a 12-month contract early costs an exit fee of $90.", ONE, "USD"),
        ("You pay the first $150 of each claim.", ONE, "USD"),
        ("$5,000 of vet bills a year is covered for $45 a month.", ONE, "USD"),
        ("Banks charge a setup fee of $2,500 and take weeks; we take none.", ONE, "USD"),
        ("When your client pays $2,000, we set the tax aside for you.", ONE, "USD"),
        ("Restaurants from $180 a month, central kitchens from $420 a month.", KINDS, "USD"),
        ("Cards at 2.65% per tap, nothing else.", TAPS, "USD"),
        ("Everything for R45 a month.", ONE, "ZAR"),
        ("Everything for RM 45 a month.", ONE, "MYR"),
    ],
)
def test_other_money_and_its_own_figures_are_not_errors(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert "error" not in _severities(tmp_path, claim, plans, currency)


def test_a_minimum_commitment_is_at_most_info(tmp_path: Path) -> None:
    assert _severities(tmp_path, "Pay as you go, with a $50/month minimum usage.") == ["info"]
    assert _severities(tmp_path, "Pay as you go, $50/month, billed monthly.") == ["error"]


def test_a_letter_symbol_is_money_only_in_its_own_currency(tmp_path: Path) -> None:
    claim = "R2 buckets from $45 a month."
    assert _severities(tmp_path, claim, code="FC305") == []
    assert _severities(tmp_path, claim) == []


@pytest.mark.parametrize(
    ("claim", "plans", "currency"),
    [
        ("Still paying too much? Pro is $60 a month.", ONE, "USD"),
        ("Setup costs a one-time fee of $90.", ONE, "USD"),
        ("You pay $150 for each year of cover.", ONE, "USD"),
        ("We charge a setup fee of $2,500.", ONE, "USD"),
        ("When you pay $2,000 a year, the tax is set aside.", ONE, "USD"),
        ("Restaurants from $180 a month, central kitchens from $380 a month.", KINDS, "USD"),
        ("Cards at 2.45% per tap, nothing else.", TAPS, "USD"),
        ("Everything for R39 a month.", ONE, "ZAR"),
        ("Everything for RM 39 a month.", ONE, "MYR"),
    ],
)
def test_a_misquote_beside_them_is_still_an_error(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert _severities(tmp_path, claim, plans, currency) == ["error"]
