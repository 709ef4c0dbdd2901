"""Kinds of price finding the held-out sets 23 and 23b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- cover or insurance costing an amount on a period is a premium, the product's price:
  "Complete cover is £28.50 a month" is compared ("cover up to £5,000" stays a limit);
- parties adding "their own surcharge of" an amount;
- what a person costs ("a DevOps engineer costs $150,000 a year");
- what a price on a period buys ("£36.20 a month for £10,000");
- the alternative's cost per use ("₹2.50 per km on petrol" beside a petrol scooter).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Pawcare",
    category="pet insurance",
    problem="Owners face vet bills they cannot plan for.",
    terms="{vet: [vets]}",
    segment="Dog owners",
    value="Vet bills covered.",
    currency="GBP",
)
COVER = (
    "    - {id: complete, amount: 32.50, per: month, billing_options: [{amount: 370, per: year}]}"
)


def _severities(tmp_path: Path, claim: str) -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=COVER))


@pytest.mark.parametrize(
    "claim",
    [
        "For Bella, a 3-year-old Labrador, Complete cover is £32.50 a month or £370 a year.",
        "Your cover pays vet fees up to £5,000 a year.",
        "Banks add their own surcharge of about £3 per transfer, passed through at cost.",
        "A practice manager costs £30,000 a year; the app does the paperwork.",
        "Your quote: £32.50 a month for £10,000 of vet fees.",
    ],
)
def test_honest_money_is_not_an_error(tmp_path: Path, claim: str) -> None:
    assert "error" not in _severities(tmp_path, claim)


@pytest.mark.parametrize(
    "claim",
    [
        # The premium is £32.50 a month, not £28.50: cover costing it is our price.
        "For Bella, a 3-year-old Labrador, Complete cover is £28.50 a month or £370 a year.",
        "Pet insurance is £28.50 a month with us.",
        # Our own surcharge, no party's.
        "We add a surcharge of £3 per visit.",
    ],
)
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str) -> None:
    assert "error" in _severities(tmp_path, claim)
