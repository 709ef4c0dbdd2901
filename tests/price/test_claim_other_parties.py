"""Kinds of money in a claim that the held-out set 4 showed FC302 misreading (issue 14), as
a user runs the checker (`funnelcheck check FILE --select FC302 --format json`). Each kind
is tried where it is no price of the product's and beside a near miss that still is one.

- money an alternative charges, joined to it by any verb ("a gateway and merchant account
  often adds $25 a month"), or that another party (the state, an attorney, a bank)
  charges: not the product's price; the product's own "adds $25" still is;
- pass-through money (state filing fees, taxes, a carrier's shipping, paid to the state):
  not the product's price, unless the plan names that fee itself;
- a list of percentages given to named plans ("Lite is 15% per delivery order, Plus 25%
  and Premium 30%"): each is set against the named plan's percentage.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.price.test_price_offers import HEAD, _fc302, _severities, _strategy

MONTHLY = "    - {id: all-access, amount: 44, per: month}\n"
GATEWAY = "a card gateway and merchant account such as Authorize.net"


def _with_alternatives(tmp_path: Path, alternatives: str, plans: str, *claims: str) -> Path:
    path = _strategy(tmp_path, plans, *claims)
    text = path.read_text(encoding="utf-8")
    old = "alternatives: [a boutique cycling studio, a gym membership, ShiftCycle]"
    assert old in HEAD
    path.write_text(text.replace(old, f"alternatives: [{alternatives}]"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "claim",
    [
        "A gateway and merchant account often adds $25 a month before the first sale.",
        "A merchant account will run you $25 a month.",
        "Card gateways typically bill $25 a month, before the first sale.",
        "Most setups cost $25 a month in gateway fees billed by a merchant account.",
    ],
)
def test_money_an_alternative_charges_by_any_verb_is_its_price(tmp_path: Path, claim: str) -> None:
    assert _fc302(_with_alternatives(tmp_path, GATEWAY, MONTHLY, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        "All-access adds $25 a month for a second rider.",
        "Each extra rider adds $25 a month.",
        "It costs $25 a month, less than a merchant account.",
    ],
)
def test_the_products_own_money_by_the_same_verbs_is_still_compared(
    tmp_path: Path, claim: str
) -> None:
    assert _severities(_with_alternatives(tmp_path, GATEWAY, MONTHLY, claim)) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Form it for $44 a month plus state filing fees, which run from $35 to $500.",
        "All-access is $44 a month, plus $12 in sales tax.",
        "A $35 state filing fee is paid on top.",
        "The state charges $35 to file, and an attorney can charge $1,000 to draft it.",
        "Carrier shipping fees are $15 a box.",
        "Your bank may add $15 a month; $25 a month charged by your bank is common.",
        "All-access is $44 a month; $90 is paid to the state once.",
    ],
)
def test_money_paid_through_to_another_party_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, MONTHLY, claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        "All-access is $54 a month plus tax.",
        "All-access is $54 a month plus state filing fees.",
        "All-access is $54 a month, and the state is happy.",
    ],
)
def test_the_price_beside_a_pass_through_fee_is_still_compared(tmp_path: Path, claim: str) -> None:
    assert _severities(_strategy(tmp_path, MONTHLY, claim)) == ["error"]


def test_a_fee_the_plan_names_is_compared_not_passed_through(tmp_path: Path) -> None:
    plans = MONTHLY.replace("}\n", ", components: [{fee: shipping, amount: 15, per: once}]}\n")
    assert _fc302(_strategy(tmp_path, plans, "Shipping fees are $15, once.")) == []
    found = _fc302(_strategy(tmp_path, plans, "Shipping fees are $20, once."))
    assert [f["severity"] for f in found] == ["error"]
    assert "$20" in found[0]["message"]


PERCENT_PLANS = "".join(
    f"    - id: {plan}\n      components:\n"
    f"        - {{percent: {share}, of: delivery sales}}\n"
    f"        - {{percent: 6, of: pickup sales}}\n"
    for plan, share in (("lite", 15), ("plus", 25), ("premium", 30))
)


def test_percentages_given_to_named_plans_are_each_that_plans(tmp_path: Path) -> None:
    aligned = "Lite is 15% per delivery order, Plus 25% and Premium 30%, with more reach."
    assert _fc302(_strategy(tmp_path, PERCENT_PLANS, aligned)) == []
    drifted = "Lite is 15% per delivery order, Plus 20% and Premium 30%, with more reach."
    found = _fc302(_strategy(tmp_path, PERCENT_PLANS, drifted))
    assert [f["severity"] for f in found] == ["error"], found
    assert "names 20% for `plus`; not that plan's share" in found[0]["message"]
    # Set against the named plan's share, not the others'.
    assert "`plus` takes 25%" in found[0]["message"]
    assert "`lite`" not in found[0]["message"]
    # Swapped: each is some plan's share, but not the named plan's.
    swapped = "Lite is 15% per delivery order, Plus 30% and Premium 25%."
    messages = [f["message"] for f in _fc302(_strategy(tmp_path, PERCENT_PLANS, swapped))]
    assert sorted(m.split(";")[0] for m in messages) == [
        "the claim names 25% for `premium`",
        "the claim names 30% for `plus`",
    ]


@pytest.mark.parametrize(
    "claim",
    [
        # No percentage of the sentence is a price: a plan's name beside a share is not one.
        "Plus 20% more reach in the app.",
        "Lite is 15% per delivery order; Premium gets 40% more orders.",
        "Lite is 15% per delivery order, and Premium reaches 40% of diners nearby.",
        # A lower-case "plus" is a word, not the plan.
        "Lite is 15% per delivery order, plus 6% on pickup orders.",
    ],
)
def test_a_share_beside_a_plans_name_is_not_always_a_price(tmp_path: Path, claim: str) -> None:
    assert _fc302(_strategy(tmp_path, PERCENT_PLANS, claim)) == []


def test_the_same_percentages_are_read_by_diff(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from funnelcheck.cli import app

    claim = "Lite is 15% per delivery order, Plus 25% and Premium 30%."
    old = _strategy(tmp_path, PERCENT_PLANS, claim).read_text(encoding="utf-8")
    new_path = tmp_path / "new.yaml"
    new_path.write_text(old.replace("percent: 25", "percent: 20"), encoding="utf-8")
    old_path = tmp_path / "old.yaml"
    old_path.write_text(old, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["diff", str(old_path), str(new_path), "--format", "json", "--as-of", "2026-12-01"]
    )
    report = json.loads(result.stdout)
    details = report["strategies"][0]["details"]
    outdated = [d for d in details if d["kind"] == "claim" and d["change"] == "outdated"]
    # "Plus 25%" was the old `plus` share: the claim is outdated, as the diff reads it.
    assert [(d["old"], d["new"]) for d in outdated] == [
        ("25% of delivery sales", "20% of delivery sales")
    ], details
