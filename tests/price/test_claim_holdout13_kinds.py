"""Kinds of price finding the held-out set 13 showed crying wolf (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where it is no misquote, beside a near miss that is still reported:

- FC302: a thing bought on its own, individually or à la carte is another product;
- FC302: a bill for something the product is not ("a typical water bill of $900") is the
  customer's own; "your monthly bill of $45" is the product's;
- FC302: what the customer borrows is theirs; a loan's repayment is at most info (the
  price model has no amortisation);
- FC302: what "it" costs, where the sentence before names an alternative and nothing of
  the product's, is the alternative's price;
- FC302: a word the alternatives share with the product ("model" of "self-hosting an open
  model" beside a model API) does not make a phrase the product's;
- FC302: a sold unit's rate, the unit named in its clause ("extendable to 5 years for
  $119" beside an extended warranty fee), is that rate, though it reads like a length.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_support import severities_of

STRATEGY = """\
funnelcheck: 1
product: {{name: Tallyroll, category: {category}}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Small firms lose hours to paperwork.
  terms: {{paperwork: [forms]}}
  alternatives: [paper timesheets, self-hosting an open model on rented GPUs]
segment:
  name: Small firms
value_proposition:
  statement: Paperwork done for you.
price:
  currency: USD
  plans:
    - {{id: standard, amount: 45, per: month}}
    - id: loans
      components: [{{fee: extended warranty, amount: 119, unit: extended warranty}}]
stages:
  - name: Landing page
    role: pricing
    claims:
      - text: "{claim}"
"""


def _severities(tmp_path: Path, claim: str, category: str = "payroll software") -> list[str]:
    return severities_of(tmp_path, STRATEGY.format(claim=claim, category=category))


@pytest.mark.parametrize(
    "claim",
    [
        "One payroll course bought on its own often costs $120.",
        "Templates purchased individually run $120 each.",
        "On a typical water bill of $900 a year, that's up to $150 back.",
        "Borrow $50,000 over 3 years to hire ahead of the season.",
        "Still on paper timesheets? In most firms it costs around $300 a month.",
    ],
)
def test_other_money_is_not_an_error(tmp_path: Path, claim: str) -> None:
    assert "error" not in _severities(tmp_path, claim)


def test_a_phrase_with_a_word_the_alternatives_share_is_theirs(tmp_path: Path) -> None:
    claim = "Renting GPU servers for a comparable model runs around $3,000 a month."
    assert _severities(tmp_path, claim, category="model API") == []
    near = "Our model API runs around $3,000 a month."
    assert _severities(tmp_path, near, category="model API") == ["error"]


def test_a_sold_units_rate_named_in_its_clause_is_that_rate(tmp_path: Path) -> None:
    claim = "Warranty included for 2 years, extendable to 5 years for $119."
    assert _severities(tmp_path, claim) == []
    # Another figure is still reported (at info: a fee's price with no period nor price
    # word, as before this class).
    assert _severities(tmp_path, claim.replace("$119", "$149")) == ["info"]


def test_a_repayment_is_at_most_info(tmp_path: Path) -> None:
    assert _severities(tmp_path, "Borrow $50,000 and repay about $1,600 a month.") == ["info"]
    assert _severities(tmp_path, "Borrow $50,000 and pay us $1,600 a month.") == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "One payroll course often costs $120 a month.",
        "Your monthly bill of $60 covers everything.",
        "Still on paper timesheets? Ours costs $60 a month.",
    ],
)
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


CARDS = """\
funnelcheck: 1
product: {{name: Payline, category: card payments}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Shops lose sales they cannot take by card.
  terms: {{card: [cards]}}
segment:
  name: Small shops
value_proposition:
  statement: Take cards anywhere.
price:
  currency: EUR
  plans:
    - id: standard
      components: [{{percent: 2.9, of: card volume, fixed: 0.25, unit: charge}}]
stages:
  - name: Pricing page
    role: pricing
    claims:
      - text: "{claim}"
"""


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # A fixed fee written with its currency code is the "+ fee" of a card rate.
        ("Cards 2.9% + EUR 0.25, no monthly fee.", []),
        ("Cards 3.4% + EUR 0.25, no monthly fee.", ["error"]),
        ("Cards 3.4% + €0.25, no monthly fee.", ["error"]),
    ],
)
def test_a_card_rate_with_a_coded_fixed_fee_is_compared(
    tmp_path: Path, claim: str, expected: list[str]
) -> None:
    assert severities_of(tmp_path, CARDS.format(claim=claim)) == expected
