"""Kinds of price finding the held-out set 11 showed crying wolf (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where it is no misquote, beside a near miss that is still reported:

- FC603: a reference customer who paid a plan's declared introductory price (a first year
  at a lower price, a few months at a lower price then the regular one) paid a price the
  model has; the check considers every billing option and every declared offer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from funnelcheck.cli import app

REFERENCE = """\
funnelcheck: 1
product: {{name: Tunnelguard, category: VPN}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Customers lose their accounts on open networks.
  terms: {{account: [accounts]}}
segment:
  name: Freelancers
value_proposition:
  statement: One private connection everywhere.
price:
  currency: USD
  plans:
    - id: solo
      amount: 11.99
      per: month
      billing_options: [{{amount: 89.99, per: year}}]
      introductory: {intro}
stages:
  - name: Checkout
    role: pricing
    claims:
      - text: One private connection on every network.
reference_customers:
  - name: A freelance translator
    paid: {paid}
"""


def _reference(tmp_path: Path, intro: str, paid: str) -> list[str]:
    path = tmp_path / "strategy.yaml"
    path.write_text(REFERENCE.format(intro=intro, paid=paid), encoding="utf-8")
    args = ["check", str(path), "--select", "FC0,FC603", "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--as-of", "2026-12-01"])
    findings: list[dict[str, Any]] = json.loads(result.stdout)["files"][0]["findings"]
    assert [f for f in findings if f["code"].startswith("FC0")] == []
    return [f["severity"] for f in findings if f["code"] == "FC603"]


@pytest.mark.parametrize(
    ("intro", "paid"),
    [
        # the first year at the offer's yearly price
        ("{amount: 47.40, per: year, periods: 1}", "{amount: 47.40, per: year}"),
        # $2 a month for 3 months, then $11.99: 6 + 9 x 11.99 = $113.91 the first year
        ("{amount: 2, per: month, periods: 3}", "{amount: 113.91, per: year}"),
        # the offer's price on its own period
        ("{amount: 3.95, per: month, periods: 12}", "{amount: 3.95, per: month}"),
    ],
)
def test_a_reference_on_the_introductory_offer_matches(
    tmp_path: Path, intro: str, paid: str
) -> None:
    assert _reference(tmp_path, intro, paid) == []


@pytest.mark.parametrize(
    ("intro", "paid"),
    [
        ("{amount: 47.40, per: year, periods: 1}", "{amount: 30, per: year}"),
        ("{amount: 2, per: month, periods: 3}", "{amount: 1, per: month}"),
    ],
)
def test_a_reference_below_every_option_and_offer_is_reported(
    tmp_path: Path, intro: str, paid: str
) -> None:
    assert _reference(tmp_path, intro, paid) == ["warning"]
