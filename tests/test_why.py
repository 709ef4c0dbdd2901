"""`--why`: which words of a stage carried which concept, and where (issue 15, item 3).

Run as a user runs it: `funnelcheck relay --why`, `funnelcheck check --why` in the table and
in JSON (validated against `schemas/report.schema.json`); without `--why` nothing changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))

STRATEGY = """\
funnelcheck: 1
product: {name: Shiftwise}
reviewed: 2026-11-01
problem:
  id: overtime
  statement: Store managers find out about overtime only when payroll runs.
  terms:
    overtime: [over forty hours, time and a half]
    hours: [hours worked, timesheet]
    schedule: [shifts, rota]
segment: {name: Store managers}
value_proposition: {statement: A warning before a shift pushes anyone into overtime.}
price: {plans: [{id: team, amount: 99, per: month}]}
stages:
  - name: Ads
    role: marketing
    pitch: Know about overtime before you publish the rota.
  - name: Demo
    role: sales
    claims:
      - text: "A warning before a swap pushes anyone over forty hours."
      - text: >
          Built for hourly staff
          and their shifts.
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env["COLUMNS"] = "100"
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args, "--as-of", "2026-11-22"],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_without_why_nothing_is_added() -> None:
    """The reporters' golden files hold today's bytes; here: no `why` appears unasked."""
    document = json.loads(run("check", "-f", "json", str(EXAMPLE)).stdout)
    assert all("why" not in stage for stage in document["files"][0]["relay"]["stages"])
    assert "why:" not in run("relay", str(EXAMPLE)).stdout


def test_json_why_is_in_the_schema_and_places_the_words(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(STRATEGY)
    proc = run("check", "--why", "-f", "json", "s.yaml", cwd=tmp_path)
    document = json.loads(proc.stdout)
    jsonschema.validate(document, SCHEMA)
    stages = document["files"][0]["relay"]["stages"]
    lines = STRATEGY.splitlines()
    ads = stages[0]["why"]
    assert [(w["concept"], w["words"]) for w in ads] == [
        ("overtime", "overtime"),
        ("schedule", "rota"),
    ]
    for why in ads:
        assert why["exact"] is True
        line = lines[why["line"] - 1]
        assert line[why["column"] - 1 :].startswith(why["words"])
        assert why["path"] == "stages[0].pitch"
    demo = stages[1]["why"]
    forty = next(w for w in demo if w["concept"] == "overtime")
    assert forty["wording"] == "over forty hours"
    assert forty["words"] == "over forty hours"
    assert lines[forty["line"] - 1][forty["column"] - 1 :].startswith(forty["words"])
    # A folded scalar cannot be placed word by word: the record says it is the text's start.
    folded = next(w for w in demo if w["path"] == "stages[1].claims[1].text")
    assert folded["exact"] is False
    assert lines[folded["line"] - 1].rstrip().endswith("text: >")


def test_stages_carry_exactly_what_their_evidence_shows() -> None:
    document = json.loads(run("check", "--why", "-f", "json", str(EXAMPLE)).stdout)
    for stage in document["files"][0]["relay"]["stages"]:
        told = stage["carries"] + stage.get("retells", [])
        assert sorted({w["concept"] for w in stage["why"]}) == sorted(told)


def test_relay_why_prints_the_words_under_each_stage() -> None:
    lines = run("relay", "--why", str(EXAMPLE)).stdout.splitlines()
    trial = next(i for i, line in enumerate(lines) if "Two-week trial" in line)
    shown = [line.strip() for line in lines[trial + 1 : trial + 6] if "why:" in line]
    assert shown[0].startswith("why: payout ← “payouts” (as “payout”) ")
    assert any("reconcile ← “reconcile”" in line for line in shown)
    assert max(len(line) for line in lines) <= 100


def test_check_why_shows_the_words_in_the_relay_table() -> None:
    out = run("check", "--why", str(EXAMPLE)).stdout
    assert "month-end close ← “Close your books” (as" in out
    assert "reconcile ← “reconciling” (as “reconcile”)" in out
