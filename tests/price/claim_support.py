"""What the claim-reading tests of tests/price share: a strategy checked as a user runs it
(`funnelcheck check FILE --select FC0,CODE --format json`), with no input finding."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from funnelcheck.cli import app

AS_OF = "2026-12-01"


def findings_of(tmp_path: Path, text: str, code: str = "FC302") -> list[dict[str, Any]]:
    """The findings of rule `code` on a strategy written as `text`; the file must raise
    no input finding (FC0xx), so that a test of a claim never passes on a broken file."""
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    args = ["check", str(path), "--select", f"FC0,{code}", "--format", "json", "--as-of", AS_OF]
    result = CliRunner().invoke(app, args)
    found: list[dict[str, Any]] = json.loads(result.stdout)["files"][0]["findings"]
    assert [f for f in found if f["code"].startswith("FC0")] == []
    return [f for f in found if f["code"] == code]


def severities_of(tmp_path: Path, text: str, code: str = "FC302") -> list[str]:
    """The severities of `findings_of`, in the report's order."""
    return [f["severity"] for f in findings_of(tmp_path, text, code)]


def strategy_text(
    claim: str,
    plans: str,
    *,
    product: str,
    category: str,
    problem: str,
    terms: str,
    segment: str,
    value: str,
    currency: str = "USD",
    budget: int = 5000,
    quantities: str | None = None,
) -> str:
    """A whole strategy around one pricing-stage claim: the product, its problem and
    segment as each test file names them, `plans` as YAML list items under `price.plans`
    (indented four spaces) and, where given, the typical customer's `quantities`."""
    typical = f"  typical_customer: {{quantities: {quantities}}}\n" if quantities else ""
    return (
        "funnelcheck: 1\n"
        f"product: {{name: {product}, category: {category}}}\n"
        "reviewed: 2026-11-20\n"
        "problem:\n"
        "  id: the-problem\n"
        f"  statement: {problem}\n"
        f"  terms: {terms}\n"
        "segment:\n"
        f"  name: {segment}\n"
        f"  budget: {{amount: {budget}, per: year}}\n"
        f"{typical}"
        "value_proposition:\n"
        f"  statement: {value}\n"
        "price:\n"
        f"  currency: {currency}\n"
        "  plans:\n"
        f"{plans}\n"
        "stages:\n"
        "  - name: Pricing page\n"
        "    role: pricing\n"
        "    claims:\n"
        f'      - text: "{claim}"\n'
    )


def pair_test(
    strategy: Callable[..., str], pairs: list[tuple[str, str, str]]
) -> Callable[..., None]:
    """A test, parametrized over `pairs` of (honest claim, near miss, plans), that each
    honest claim in `strategy` raises no FC302 error and its near miss does: a kind read
    right beside the misquote it must not hide. A test module binds it to a `test_` name."""

    @pytest.mark.parametrize(("honest", "near_miss", "plans"), pairs)
    def test(tmp_path: Path, honest: str, near_miss: str, plans: str) -> None:
        assert "error" not in severities_of(tmp_path, strategy(claim=honest, plans=plans))
        assert "error" in severities_of(tmp_path, strategy(claim=near_miss, plans=plans))

    return test
