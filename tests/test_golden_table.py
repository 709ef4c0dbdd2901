"""The table and the relay as a user sees them at 80 and 120 columns, colour off, compared
line for line with the texts kept in tests/golden/ (a screenshot-free check of the layout).

The samples are run through the CLI as a user would. When a change to the layout is meant,
regenerate the goldens and read the diff before committing it:

    FUNNELCHECK_REGENERATE_GOLDENS=1 .venv/bin/python -m pytest -q tests/test_golden_table.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"

CASES = {
    "table-samples": ["check", "sample_strategies", "--statistics"],
    "table-why": ["check", "sample_strategies/ledgerline.yaml", "--why"],
    "relay-two-paths": ["relay", "sample_strategies/devtool-two-paths.yaml"],
}


def run(args: list[str], columns: int) -> str:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "TERM")
    }
    env["COLUMNS"] = str(columns)
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args, "--as-of", "2026-11-22", "--color", "never"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_output_matches_its_golden(case: str, columns: int) -> None:
    shown = run(CASES[case], columns)
    golden = GOLDEN / f"{case}-{columns}.txt"
    if os.environ.get("FUNNELCHECK_REGENERATE_GOLDENS") == "1":
        golden.write_text(shown, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert "\x1b" not in shown
    assert shown.splitlines() == expected.splitlines()
    assert max(len(line) for line in shown.splitlines()) <= columns
