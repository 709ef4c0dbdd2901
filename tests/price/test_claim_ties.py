"""What ties a claim's money to the offer (FC302), as classes rather than phrases (issue 14).
An amount no figure of the price model explains is an error only where something ties it
to the offer; otherwise it may be other money and is an info "not tied to a plan". Each
class is tried where the amount is other money, beside a near miss that stays an error:

- a plan's word written in lower case is the common noun, not the plan ("every studio" beside
  a plan `studio`); written as a name ("Studio is ...") it ties;
- a colon between two clauses cuts the clause a tie is read in ("Built for teams on Studio
  and up: ..."); a label of up to three words before a colon still ties ("Studio: $450");
- "pays for itself" is a return, not a price word; "you pay" still ties;
- outside a pricing stage, an amount on a period alone, more than twice the dearest plan's
  first-year bill, is more likely what the problem costs or the customer earns than a
  misquote; at most twice, or on a pricing stage, an amount on a period is compared.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_support import findings_of

STRATEGY = """\
funnelcheck: 1
product: {{name: Bookwell, category: booking software for fitness studios}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Studios lose bookings to no-shows and double bookings.
  terms: {{booking: [bookings]}}
segment:
  name: Independent fitness studios
value_proposition:
  statement: Bookings that show up.
price:
  currency: USD
  plans:
    - {{id: studio, amount: 129, per: month}}
    - {{id: chain, amount: 299, per: month}}
stages:
  - name: Studio owners' newsletter
    role: {role}
    claims:
      - text: "{claim}"
"""


def _severities(tmp_path: Path, claim: str, role: str = "marketing") -> list[str]:
    text = STRATEGY.format(claim=claim, role=role)
    return [f["severity"] for f in findings_of(tmp_path, text)]


@pytest.mark.parametrize(
    "claim",
    [
        # a plan's word in lower case: the common noun
        "Every studio we spoke to had $2,500 of unpaid class packs on its books.",
        # a colon after a clause of its own: the plan is named on the other side
        "Made for teams on Studio and up: settle $2,500 of unpaid class packs in a click.",
        # "pays for itself": a return on the price, not the price
        "Fill one empty $45 spot a week and it pays for itself.",
        # far above every plan's bill, on a period alone: what the problem costs
        "For a studio of 300 members, that's $40,000 a year.",
    ],
)
def test_other_money_is_at_most_an_info(tmp_path: Path, claim: str) -> None:
    assert set(_severities(tmp_path, claim)) <= {"info"}


@pytest.mark.parametrize(
    "claim",
    [
        # the plan's name, written as a name
        "Studio is $450 for everything you need.",
        # a label before a colon ties what follows
        "Studio: $450, with every class type.",
        # "you pay" ties
        "Fill your classes and you pay $45 for the lot.",
        # on a period, at most twice the dearest plan's bill (2 x $3,588 a year)
        "For a studio of 30 members, that's $6,000 a year.",
    ],
)
def test_a_misquote_tied_to_the_offer_is_an_error(tmp_path: Path, claim: str) -> None:
    assert _severities(tmp_path, claim) == ["error"]


def test_on_a_pricing_stage_money_on_a_period_is_compared_however_high(tmp_path: Path) -> None:
    claim = "For a studio of 300 members, that's $40,000 a year."
    assert _severities(tmp_path, claim, role="pricing") == ["error"]
