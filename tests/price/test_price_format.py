"""The price shapes of issue 14 are part of format 1: they validate, and what was valid stays so.

Run as a user would: `funnelcheck check FILE --select FC0 --format json`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from funnelcheck.cli import app

HERE = Path(__file__).resolve().parent
SHAPES = HERE / "shapes.yaml"


def _input_findings(path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(
        app, ["check", str(path), "--select", "FC0", "--format", "json", "--as-of", "2026-11-22"]
    )
    report = json.loads(result.stdout)
    return [(f["code"], f["message"]) for f in report["files"][0]["findings"]]


def test_every_price_shape_of_the_format_page_validates() -> None:
    assert _input_findings(SHAPES) == []


@pytest.mark.parametrize(
    ("plan", "says"),
    [
        ("{id: x}", "lacks the required key `amount`"),
        ("{id: x, amount: 5}", "lacks the key `per`, which `amount` needs"),
        ("{id: x, components: [{amount: 5}]}", "lacks the required key `unit`"),
        ("{id: x, components: [{unit: seat}]}", "lacks the required key `amount`"),
        ("{id: x, components: [{percent: 2.9}]}", "lacks the key `of`, which `percent` needs"),
        ("{id: x, components: [{unit: seat, amount: 1, blok: 5}]}", "did you mean `block`?"),
        (
            "{id: x, amount: 5, per: month, billing_options: [{amount: 50}]}",
            "lacks the required key `per`",
        ),
        ("{id: x, amount: 5, per: month, billed: annually}", "billed"),
    ],
)
def test_a_malformed_price_shape_is_one_plain_input_finding(
    tmp_path: Path, plan: str, says: str
) -> None:
    text = SHAPES.read_text(encoding="utf-8")
    head, _, _ = text.partition("  plans:\n")
    path = tmp_path / "bad.yaml"
    path.write_text(
        head + f"  plans:\n    - {plan}\nstages:\n  - {{name: Ads, role: marketing}}\n",
        encoding="utf-8",
    )
    # (The plan mix of the shapes names plans this file lacks: FC005's, not the schema's.)
    found = [f for f in _input_findings(path) if f[0] != "FC005"]
    assert len(found) == 1, found
    code, message = found[0]
    assert code in {"FC002", "FC004"}
    assert says in message


def test_components_left_empty_are_refused_not_skipped(tmp_path: Path) -> None:
    text = SHAPES.read_text(encoding="utf-8")
    head, _, _ = text.partition("  plans:\n")
    path = tmp_path / "empty.yaml"
    path.write_text(
        head
        + "  plans:\n    - {id: team, components: []}\nstages:\n  - {name: Ads, role: marketing}\n",
        encoding="utf-8",
    )
    found = [f for f in _input_findings(path) if f[0] != "FC005"]
    assert [code for code, _ in found] == ["FC002"]
