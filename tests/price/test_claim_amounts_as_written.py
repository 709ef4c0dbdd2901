"""Claim amounts read as written, as a user runs the checker (`funnelcheck check FILE
--select FC302 --format json`): kinds the held-out set 4 showed FC302 misreading (issue 14).

- a per-unit rate with three decimals ("$0.125 per GB") is a decimal, not "$125";
- a period word of the amount before ("$0.00325 per monthly active user and $0.125 per GB")
  is that amount's unit, not the next amount's period;
- Indian grouping ("₹10,00,000", "Rs. 1,50,000") and lakh and crore are the number written;
- the customer's own volume ("a brand taking ₹10,00,000 a month") is not the product's price.

Each kind is tried beside a near miss that still is a price and still no plan's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.price.test_price_offers import _fc302

HEAD = """\
funnelcheck: 1
product: {name: Basebolt, category: hosted database}
reviewed: 2026-11-20
problem:
  id: no-backend
  statement: Small teams spend weeks building a backend before their app ships.
  terms: {backend: [database, servers]}
  cost: {amount: 9000, per: year}
segment: {name: Small app teams, budget: {amount: 6000, per: year}}
value_proposition:
  statement: A hosted database with sign-in, ready in minutes.
"""

USAGE = (
    "    - id: pro\n      amount: 25\n      per: month\n      components:\n"
    "        - {unit: monthly active user, amount: 0.00325, included: 100000}\n"
    "        - {unit: database GB, amount: 0.125, included: 8}\n"
)
PAYMENTS = (
    "    - id: standard\n      components:\n"
    "        - {percent: 2, of: domestic payment volume}\n"
    "        - {percent: 3, of: international payment volume}\n"
)
TYPICAL_PAYER = (
    "  typical_customer:\n"
    "    volumes: {domestic payment volume: 1000000, international payment volume: 100000}\n"
)


def _strategy(
    tmp_path: Path, plans: str, *claims: str, currency: str = "USD", typical: str = ""
) -> Path:
    head = HEAD
    if typical:
        head = head.replace(
            "segment: {name: Small app teams, budget: {amount: 6000, per: year}}\n",
            "segment:\n  name: Small app teams\n  budget: {amount: 600000, per: year}\n" + typical,
        )
    text = head + f"price:\n  currency: {currency}\n  plans:\n" + plans
    text += "stages:\n  - name: Pricing page\n    role: pricing\n    claims:\n"
    text += "".join(f"      - text: {json.dumps(claim, ensure_ascii=False)}\n" for claim in claims)
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "claim",
    [
        "Beyond that, $0.00325 per monthly active user and $0.125 per GB of database.",
        "Then $0.125 per GB of database and $0.00325 per monthly active user.",
        "Extra storage is $0.125/GB.",
        "Pro is $25 a month, then $0.125 per database GB beyond 8 GB.",
        "Database beyond 8 GB costs US$0.125 per GB.",
        "$0.125 per extra GB of database, billed monthly.",
    ],
)
def test_a_three_decimal_rate_is_the_rate_written(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, USAGE, claim)) == []


@pytest.mark.parametrize(
    ("claim", "written"),
    [
        ("Beyond that, $0.00325 per monthly active user and $0.150 per GB.", "$0.15"),
        ("Extra storage is $1.250 per GB.", "$1.25"),
        ("Extra storage is $0.375/GB, and $25 a month for Pro.", "$0.375"),
    ],
)
def test_a_three_decimal_rate_no_plan_gives_is_reported_as_written(
    tmp_path: Path, claim: str, written: str
) -> None:
    found = _fc302(_strategy(tmp_path, USAGE, claim))
    assert [f["severity"] for f in found] == ["error"], found
    message = found[0]["message"]
    assert f"names {written}" in message, message
    assert "a month;" not in message.split("no plan")[0], message  # no period invented


@pytest.mark.parametrize(
    "claim",
    [
        "Zusätzlicher Speicher kostet 0,125 € pro GB.",
        "Speicher: €0,125 pro GB, Pro ab 25,00 € im Monat.",
        "Pro costs €25 a month, then €0.125 per GB of database.",
    ],
)
def test_euro_rates_read_in_the_texts_own_convention(tmp_path: Path, claim: str) -> None:
    euro = USAGE.replace("amount: 25\n", "amount: 25\n")
    assert _fc302(_strategy(tmp_path, euro, claim, currency="EUR")) == []


def test_a_euro_thousand_written_with_a_dot_is_still_a_thousand(tmp_path: Path) -> None:
    plan = "    - {id: business, amount: 1200, per: year}\n"
    for claim in ("Business kostet 1.200 € im Jahr.", "Business: €1.200 pro Jahr, 99,50 € Setup."):
        found = _fc302(_strategy(tmp_path, plan, claim, currency="EUR"))
        assert [f for f in found if f["severity"] == "error"] == [], (claim, found)


@pytest.mark.parametrize(
    "claim",
    [
        "A brand taking ₹10,00,000 a month in domestic payments pays about ₹23,000 a month.",
        "Stores processing ₹10,00,000 a month pay about ₹23,000 a month with international orders.",
        "A shop doing Rs. 10,00,000 a month pays Rs. 23,000 a month.",
        "Merchants with ₹10 lakh of monthly volume pay about ₹23,000 a month.",
        "Brands that sell ₹1.1 crore a year pay about ₹2,76,000 a year.",
        "A D2C brand collecting INR 10,00,000 a month pays INR 23,000 a month.",
    ],
)
def test_the_customers_volume_is_not_a_price_and_lakhs_read_as_written(
    tmp_path: Path, claim: str
) -> None:
    path = _strategy(tmp_path, PAYMENTS, claim, currency="INR", typical=TYPICAL_PAYER)
    assert _fc302(path) == []


@pytest.mark.parametrize(
    ("claim", "written"),
    [
        # The bill is ₹23,000 a month: ₹2,30,000 is ten times it, written in lakh grouping.
        ("A brand taking ₹10,00,000 a month pays about ₹2,30,000 a month.", "INR 230,000"),
        ("Rs. 1,00,00,000 a year gets you the standard plan.", "INR 10,000,000"),
        ("Payments cost ₹3 lakh a month on the standard plan.", "INR 300,000"),
    ],
)
def test_an_indian_amount_no_plan_gives_is_reported_as_the_number_written(
    tmp_path: Path, claim: str, written: str
) -> None:
    path = _strategy(tmp_path, PAYMENTS, claim, currency="INR", typical=TYPICAL_PAYER)
    found = _fc302(path)
    assert [f["severity"] for f in found] == ["error"], found
    assert f"names {written}" in found[0]["message"], found[0]["message"]
