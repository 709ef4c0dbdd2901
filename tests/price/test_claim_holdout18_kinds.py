"""Kinds of price finding the held-out sets 18 and 18b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- "own risk" after an amount is an excess under another name;
- a penalty labelled before its amount ("Early exit fee £60 if you leave");
- what an amount adds to a bill for something else ("adds $45 to your phone bill");
- money paid to the customer ("you are paid the full $300 upfront");
- a plan whose id joins two words is named with "and" ("Payroll and HR" is
  `payroll-hr`), and the longest name wins over a plan named by its last word;
- pass-through taxes and fees with their amount as an aside ("government taxes and fees,
  typically $12 to $18");
- a fee for not returning something ("a $150 non-return fee applies");
- FC305: a loss in another currency is not a price in the wrong currency.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Pedalry",
    category="bike subscription",
    problem="Commuters lose time and money to broken bikes.",
    terms="{bike: [bikes]}",
    segment="Commuters",
    value="A working bike every day.",
)

BIKE = "    - {id: standard, amount: 19, per: month}"
SEATS = (
    "    - {id: hr, components: [{unit: employee, amount: 10, per: month}]}\n"
    "    - {id: payroll-hr, components: [{unit: employee, amount: 16, per: month}]}"
)


def _severities(
    tmp_path: Path, claim: str, plans: str = BIKE, currency: str = "EUR", code: str = "FC302"
) -> list[str]:
    text = STRATEGY(claim=claim, plans=plans, currency=currency)
    return severities_of(tmp_path, text, code)


@pytest.mark.parametrize(
    ("claim", "plans", "currency"),
    [
        ("Bike stolen? Report it and pay €60 own risk for a new one.", BIKE, "EUR"),
        ("Fix your rate for a year. Early exit fee €60 if you leave before it ends.", BIKE,
         "EUR"),
        ("With roaming from your carrier, a week abroad adds €63 to your phone bill.", BIKE,
         "EUR"),
        ("Sell your old e-scooter through our marketplace and you are paid the full €300 "
         "upfront.", BIKE, "EUR"),
        ("Payroll and HR is $16 per employee per month.", SEATS, "USD"),
        ("Each ride is free plus city taxes and fees, typically €2 to €3 per ride.", BIKE,
         "EUR"),
        ("Cancel any time. Return the bike within 14 days, or a €150 non-return fee applies.",
         BIKE, "EUR"),
    ],
)  # fmt: skip
def test_honest_money_is_not_an_error(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert "error" not in _severities(tmp_path, claim, plans, currency)


@pytest.mark.parametrize(
    ("claim", "plans", "currency"),
    [
        # Our monthly price, misquoted, beside the same words.
        ("Bike stolen? Report it, and keep riding for €25 a month.", BIKE, "EUR"),
        # A fee of ours that no plan has, with no lapse.
        ("Fix your rate for a year. Setup fee €60 when you join.", BIKE, "EUR"),
        # Our own bill.
        ("A month of Pedalry adds €29 to your bill.", BIKE, "EUR"),
        # Payroll and HR is $16, not $12.
        ("Payroll and HR is $12 per employee per month.", SEATS, "USD"),
        # Our own charge per ride, not a tax.
        ("Each ride costs €3 on top of the plan.", BIKE, "EUR"),
    ],
)  # fmt: skip
def test_a_misquote_beside_them_is_still_an_error(
    tmp_path: Path, claim: str, plans: str, currency: str
) -> None:
    assert _severities(tmp_path, claim, plans, currency) == ["error"]


def test_a_loss_in_another_currency_is_no_currency_mismatch(tmp_path: Path) -> None:
    loss = "When the exchange collapsed, its customers lost access to $8 billion."
    assert _severities(tmp_path, loss, code="FC305") == []
    price = "Pedalry is $19 a month, everything included."
    assert _severities(tmp_path, price, code="FC305") == ["warning"]
