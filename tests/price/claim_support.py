"""What the claim-reading tests of tests/price share: a strategy checked as a user runs it
(`funnelcheck check FILE --select FC0,CODE --format json`), with no input finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
