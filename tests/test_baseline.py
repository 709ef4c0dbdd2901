"""A baseline recorded in one way of naming the files holds in every other way.

Users write the baseline from the repository's top (`funnelcheck check .`), then pre-commit
names files without `./`, and a CI step may run from elsewhere or with absolute paths: the
recorded findings must stay recorded whichever way the same file is named.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"
AS_OF = "2026-11-22"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args, "--as-of", AS_OF, "-f", "json"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "strategies").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "strategies" / "ledgerline.yaml")
    written = run("check", ".", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert written.returncode == 1, written.stderr
    return tmp_path


@pytest.mark.parametrize(
    ("named", "baseline", "where"),
    [
        ("strategies/ledgerline.yaml", "baseline.json", "."),
        ("./strategies/ledgerline.yaml", "baseline.json", "."),
        ("strategies", "baseline.json", "."),
        ("ledgerline.yaml", "../baseline.json", "strategies"),
        ("ABSOLUTE", "baseline.json", "."),
    ],
)
def test_the_same_file_named_otherwise_keeps_its_baseline(
    repo: Path, named: str, baseline: str, where: str
) -> None:
    if named == "ABSOLUTE":
        named = str(repo / "strategies" / "ledgerline.yaml")
    proc = run("check", named, "--baseline", baseline, cwd=repo / where)
    document = json.loads(proc.stdout)
    assert [f["code"] for r in document["files"] for f in r["findings"]] == []
    assert document.get("baseline_fixed", []) == []
    assert proc.returncode == 0


def test_entries_are_written_relative_to_the_baseline_file(repo: Path) -> None:
    entries = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert {entry["file"] for entry in entries} == {"strategies/ledgerline.yaml"}


def test_a_fixed_entry_is_listed_with_the_name_it_was_recorded_under(repo: Path) -> None:
    strategy = repo / "strategies" / "ledgerline.yaml"
    strategy.write_text(
        strategy.read_text(encoding="utf-8").replace("promises: [audit-trail]", ""),
        encoding="utf-8",
    )
    proc = run("check", "strategies/ledgerline.yaml", "--baseline", "baseline.json", cwd=repo)
    document = json.loads(proc.stdout)
    assert [(e["file"], e["code"]) for e in document["baseline_fixed"]] == [
        ("strategies/ledgerline.yaml", "FC201")
    ]
    assert proc.returncode == 0
