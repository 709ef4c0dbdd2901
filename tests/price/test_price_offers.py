"""Introductory offers, financing and an alternative's price in claims (issue 14), as a user
runs the checker: `funnelcheck check FILE --select FC302 --format json`.

Each case is a strategy written the way a pricing page says it, once with the offer modelled
(`introductory`, `financing`) and once without: a claim the model explains raises nothing, a
claim naming a price no plan, offer or financing gives is still an error, and an
introductory offer the price does not model is read as one, at most an info that says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from funnelcheck.cli import app

HEAD = """\
funnelcheck: 1
product: {name: Spinline Bike, category: connected exercise bike}
reviewed: 2026-11-20
problem:
  id: no-time
  statement: Busy parents cannot get to a cycling class.
  terms: {class: [classes]}
  cost: {amount: 1800, per: year}
  alternatives: [a boutique cycling studio, a gym membership, ShiftCycle]
segment: {name: Busy parents, budget: {amount: 2500, per: year}}
value_proposition:
  statement: Classes at home, cheaper than RideHub over a year.
"""


def _strategy(tmp_path: Path, plans: str, *claims: str) -> Path:
    text = HEAD + "price:\n  currency: USD\n  plans:\n" + plans
    text += "stages:\n  - name: Checkout\n    role: pricing\n    claims:\n"
    text += "".join(f"      - text: {json.dumps(claim)}\n" for claim in claims)
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _fc302(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(
        app,
        ["check", str(path), "--select", "FC0,FC302", "--format", "json", "--as-of", "2026-12-01"],
    )
    report = json.loads(result.stdout)
    findings = report["files"][0]["findings"]
    assert [f for f in findings if f["code"].startswith("FC0")] == []
    return [f for f in findings if f["code"] == "FC302"]


def _severities(path: Path) -> list[str]:
    """The severities of a strategy's FC302 findings, in order."""
    return [f["severity"] for f in _fc302(path)]


BIKE = "    - id: all-access\n      amount: 44\n      per: month\n      components:\n"
BIKE_FEE = "        - {fee: bike, amount: 1445, per: once, life_years: 5}\n"
BIKE_FINANCED = (
    "        - {fee: bike, amount: 1445, per: once, life_years: 5,"
    " financing: {periods: 39, per: month, apr: 0}}\n"
)
STORE = "    - {id: basic, amount: 39, per: month}\n"
STORE_OFFER = (
    "    - {id: basic, amount: 39, per: month, introductory: {amount: 1, per: month, periods: 3}}\n"
)


@pytest.mark.parametrize("bike", [BIKE_FEE, BIKE_FINANCED], ids=["unmodelled", "modelled"])
def test_instalments_of_the_one_time_price_are_that_price(tmp_path: Path, bike: str) -> None:
    path = _strategy(
        tmp_path,
        BIKE + bike,
        "The bike is $1,445, or $37 a month for 39 months at 0% APR.",
        "Or pay it in 39 monthly payments of $37.05; the membership is $44 a month.",
    )
    assert _fc302(path) == []


def test_unmodelled_instalments_of_any_length_are_the_price(tmp_path: Path) -> None:
    claim = "Pay $1,445 or 12 interest-free payments of $120.42."
    assert _fc302(_strategy(tmp_path, BIKE + BIKE_FEE, claim)) == []
    # Modelled as 39 months, 12 payments are terms the price does not give.
    assert _fc302(_strategy(tmp_path, BIKE + BIKE_FINANCED, claim)) != []


@pytest.mark.parametrize("bike", [BIKE_FEE, BIKE_FINANCED], ids=["unmodelled", "modelled"])
@pytest.mark.parametrize(
    "claim",
    [
        "The bike is $1,445, or $47 a month for 39 months at 0% APR.",
        "The bike is $1,445, or $30 a month for 39 months at 0% APR.",
        "The bike is $1,645, or $37 a month for 39 months.",
        "Pay $1,445 or 12 interest-free payments of $130.",
    ],
)
def test_instalments_no_price_gives_are_still_errors(tmp_path: Path, bike: str, claim: str) -> None:
    found = _fc302(_strategy(tmp_path, BIKE + bike, claim))
    assert [f["severity"] for f in found] == ["error"], found


def test_modelled_financing_of_another_length_is_an_error(tmp_path: Path) -> None:
    found = _fc302(_strategy(tmp_path, BIKE + BIKE_FINANCED, "Just $37 a month for 24 months."))
    assert [f["severity"] for f in found] == ["error"]
    assert "`all-access`'s instalments is $37.05 a month for 39 months" in found[0]["message"]


def test_unmodelled_instalments_at_the_claims_apr_are_amortised(tmp_path: Path) -> None:
    # $1,445 over 39 months at 9.99% APR: $43.54 a month.
    bike = BIKE + BIKE_FEE
    assert _fc302(_strategy(tmp_path, bike, "Or $43.54 a month for 39 months at 9.99% APR.")) == []
    assert _fc302(_strategy(tmp_path, bike, "Or $41 a month for 39 months at 9.99% APR.")) != []


def test_financing_at_an_apr_is_the_amortised_payment(tmp_path: Path) -> None:
    # $2,000 over 24 months at 9.99% APR: $92.29 a month.
    rower = (
        "    - {id: rower, amount: 2000, per: once,"
        " financing: {periods: 24, per: month, apr: 9.99}}\n"
    )
    assert _fc302(_strategy(tmp_path, rower, "$2,000, or $92 a month for 24 months.")) == []
    assert _fc302(_strategy(tmp_path, rower, "$2,000, or $83.33 a month for 24 months.")) != []


def test_a_modelled_introductory_offer_explains_its_claim(tmp_path: Path) -> None:
    path = _strategy(
        tmp_path,
        STORE_OFFER,
        "Start free, then get 3 months of your store for $1 a month.",
        "$1/month for your first 3 months, then $39 a month.",
    )
    assert _fc302(path) == []


@pytest.mark.parametrize(
    "claim",
    ["Get 6 months of your store for $1 a month.", "Get 3 months for $2 a month, then $39."],
)
def test_a_claim_off_the_modelled_offer_is_an_error(tmp_path: Path, claim: str) -> None:
    found = _fc302(_strategy(tmp_path, STORE_OFFER, claim))
    assert [f["severity"] for f in found] == ["error"], found
    assert "introductory" in found[0]["message"]


@pytest.mark.parametrize(
    "claim",
    [
        "Start free, then get 3 months of your store for $1 a month.",
        "Your first month for $1, then $39 a month.",
        "An introductory price of $19 a month.",
        "Your first month $5, then $39 a month.",
    ],
)
def test_an_unmodelled_introductory_offer_is_an_info_naming_the_reading(
    tmp_path: Path, claim: str
) -> None:
    found = _fc302(_strategy(tmp_path, STORE, claim))
    assert [f["severity"] for f in found] == ["info"], found
    assert "read as an introductory offer" in found[0]["message"]
    assert "add `introductory`" in found[0]["message"]


def test_a_price_no_plan_gives_is_still_an_error_beside_an_offer(tmp_path: Path) -> None:
    found = _fc302(_strategy(tmp_path, STORE, "Basic is $29 a month for every store."))
    assert [f["severity"] for f in found] == ["error"]
    found = _fc302(_strategy(tmp_path, STORE, "Basic is $49 a month for 3 months, then $39."))
    assert [f["severity"] for f in found] == ["error"]
    found = _fc302(_strategy(tmp_path, STORE, "Basic is $29 a month for 12 months."))
    assert [f["severity"] for f in found] == ["error"]
    found = _fc302(_strategy(tmp_path, STORE, "12 months $29 a month."))
    assert [f["severity"] for f in found] == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Unlimited classes for less than one boutique spin class a week at $35.",
        "A boutique studio class costs $35; ours are all included.",
        "That is $35 a class at a boutique studio, every week.",
        "ShiftCycle charges $49 a month for fewer classes.",
        "RideHub is $59 a month; we include the live classes.",
        "Cheaper than a $40 gym class.",
    ],
)
def test_an_alternatives_or_competitors_price_is_not_compared(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, BIKE + BIKE_FEE, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        "The All-Access Membership is $54 a month for every class.",
        "Unlimited classes at $35 a month, less than a gym membership.",
        "A $54 membership unlocks every class.",
    ],
)
def test_the_products_own_price_beside_an_alternative_is_still_compared(
    tmp_path: Path, claim: str
) -> None:
    found = _fc302(_strategy(tmp_path, BIKE + BIKE_FEE, claim))
    assert [f["severity"] for f in found] == ["error"], found


@pytest.mark.parametrize(
    ("plan", "says"),
    [
        (
            "    - {id: basic, amount: 39, per: month, introductory: {amount: 1, per: month}}\n",
            "`periods`",
        ),
        (
            "    - {id: basic, amount: 39, per: month,"
            " introductory: {amount: 1, per: once, periods: 3}}\n",
            "per",
        ),
        (
            "    - {id: kit, amount: 900, per: once, financing: {periods: 0, per: month}}\n",
            "periods",
        ),
        ("    - {id: kit, amount: 900, per: once, financing: {per: month}}\n", "`periods`"),
    ],
)
def test_a_malformed_offer_is_one_input_finding(tmp_path: Path, plan: str, says: str) -> None:
    path = _strategy(tmp_path, plan, "Plans from $39 a month.")
    result = CliRunner().invoke(
        app, ["check", str(path), "--select", "FC0", "--format", "json", "--as-of", "2026-12-01"]
    )
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert len(findings) == 1, findings
    assert findings[0]["code"] in {"FC002", "FC004"}
    assert says in findings[0]["message"]


def test_terms_between_an_instalment_and_its_length_are_read(tmp_path: Path) -> None:
    bike = BIKE + BIKE_FEE
    claim = "The bike, or $37.05/mo with Affirm for 39 months."
    assert _fc302(_strategy(tmp_path, bike, claim)) == []
    claim = "The bike, or $47/mo with Affirm for 39 months."
    assert [f["severity"] for f in _fc302(_strategy(tmp_path, bike, claim))] == ["error"]


ROLES = (
    "    - id: workspace\n      billed: year\n      components:\n"
    "        - {unit: admin, amount: 20, per: month}\n"
    "        - {unit: editor, amount: 12, per: month}\n"
    "        - {unit: guest, amount: 4, per: month}\n"
)


def test_billed_annually_after_monthly_rates_is_the_invoicing_not_the_period(
    tmp_path: Path,
) -> None:
    claim = "Admins are $20 per seat a month, editors $12 and guests $4, billed annually."
    assert _fc302(_strategy(tmp_path, ROLES, claim)) == []
    claim = "Admins are $20 per seat a month, editors $12 and guests $6, billed annually."
    found = _fc302(_strategy(tmp_path, ROLES, claim))
    # Reported; an info only because no typical quantities say it cannot be a bill.
    assert [f["severity"] for f in found] == ["info"], found
    assert "$6" in found[0]["message"]
