"""`funnelcheck relay FILE` as a pitch review shows it: on a projector 80 columns wide.

The relay reads top to bottom like the funnel: the leads needed at the top, each stage
with its conversion and what it carries, each handoff held or dropped, the findings at each
stage written across the line (not squeezed into a column), and the customers out at the
bottom.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"


def relay(columns: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = columns
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", "relay", str(EXAMPLE), "--as-of", "2026-11-22"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return [line.rstrip() for line in proc.stdout.splitlines()]


@pytest.mark.parametrize("columns", [None, "80"])
def test_every_line_fits_a_projector(columns: str | None) -> None:
    lines = relay(columns)
    assert lines, "the relay printed nothing"
    assert max(len(line) for line in lines) <= 80


def test_leads_at_the_top_customers_at_the_bottom() -> None:
    lines = relay("80")
    leads = next(i for i, line in enumerate(lines) if "3,334 leads" in line and "top" in line)
    first_stage = next(i for i, line in enumerate(lines) if "LinkedIn and podcast" in line)
    last_stage = next(i for i, line in enumerate(lines) if "Onboarding and renewal" in line)
    customers = next(
        i for i, line in enumerate(lines) if "40 customers a quarter out at the bottom" in line
    )
    assert leads < first_stage < last_stage < customers
    assert "a quarter" in lines[leads]


def test_handoffs_between_stages_held_or_dropped() -> None:
    lines = relay("80")
    order = [
        line.strip().split(":")[0]
        for line in lines
        if "↓ held" in line or "↓ DROPPED" in line or "conv." in line
    ]
    assert order == [
        order[0],  # stage 1
        "↓ held",
        order[2],
        "↓ held",
        order[4],
        "↓ held",
        order[6],
        "↓ DROPPED",
        order[8],
    ]
    assert [line.split()[0] for line in order[::2]] == ["1", "2", "3", "4", "5"]


def test_a_finding_is_written_across_the_line_under_its_stage() -> None:
    lines = relay("80")
    at = next(i for i, line in enumerate(lines) if "FC201" in line)
    stage = next(i for i, line in enumerate(lines) if "Discovery call" in line and "conv." in line)
    next_stage = next(i for i, line in enumerate(lines) if "Two-week trial" in line)
    assert stage < at < next_stage
    # The message starts on the finding's own line, with room for more than a few words.
    assert "`Discovery call` promises `audit-trail`" in lines[at]


def test_findings_outside_the_stages_wrap_under_themselves() -> None:
    lines = relay("80")
    start = lines.index("Outside the stages:")
    rest = [line for line in lines[start + 1 :] if line]
    assert any("FC502" in line for line in rest)
    assert all(line.startswith("  ") for line in rest)
