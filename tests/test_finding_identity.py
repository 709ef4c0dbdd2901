"""A finding's identity survives edits that do not touch what it is about (issue 11).

Baselines, SARIF `partialFingerprints` and GitLab fingerprints identify a finding by what it
is about (the stage's name and role, the claim's text, the capability, plan or customer
id, the rule), not by list position: inserting, removing or reordering stages, claims,
plans or customers brings back nothing baselined and changes no other fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"
AS_OF = "2026-11-22"
NEW_STAGE = {
    "name": "Partner newsletter",
    "role": "marketing",
    "owner": "Partnerships",
    "audience": ["economic_buyer"],
    "channels": ["partner newsletters"],
    "conversion": 0.9,
    "basis": "measured",
    "pitch": "Close your month-end books in hours: Stripe payouts reconcile themselves.",
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args, "--as-of", AS_OF, "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def sample() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    return data


def write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def report(cwd: Path, *args: str) -> dict[str, Any]:
    proc = run("check", "s.yaml", "-f", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    document: dict[str, Any] = json.loads(proc.stdout)
    return document


def sarif_prints(cwd: Path) -> dict[str, str]:
    """Each result's fingerprint, with its rule and message (what a reader would compare)."""
    proc = run("check", "s.yaml", "-f", "sarif", cwd=cwd)
    results = json.loads(proc.stdout)["runs"][0]["results"]
    return {
        next(iter(r["partialFingerprints"].values())): f"{r['ruleId']}: {r['message']['text']}"
        for r in results
    }


def gitlab_prints(cwd: Path) -> set[str]:
    proc = run("check", "s.yaml", "-f", "gitlab", cwd=cwd)
    return {entry["fingerprint"] for entry in json.loads(proc.stdout)}


def baseline_then(
    tmp_path: Path, edit: Any
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """Baseline the sample, apply `edit` to its data; the report against the baseline, and
    the SARIF fingerprints before and after."""
    data = sample()
    write(tmp_path / "s.yaml", data)
    written = run("check", "s.yaml", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert written.returncode == 1, written.stderr
    before = sarif_prints(tmp_path)
    assert len(before) >= 5
    edit(data)
    write(tmp_path / "s.yaml", data)
    return report(tmp_path, "--baseline", "baseline.json"), before, sarif_prints(tmp_path)


def new_findings(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f["code"], f["path"]) for f in document["files"][0]["findings"]]


@pytest.mark.slow
def test_inserting_a_stage_at_the_top_brings_nothing_back(tmp_path: Path) -> None:
    document, before, after = baseline_then(
        tmp_path, lambda data: data["stages"].insert(0, dict(NEW_STAGE))
    )
    assert document.get("baseline_fixed", []) == [], "baselined findings reported as gone"
    # Only findings about the new stage itself may be new.
    assert all(path.startswith("stages[0]") for _, path in new_findings(document))
    assert document["summary"]["baselined"] == len(before)
    missing = {k: v for k, v in before.items() if k not in after}
    assert not missing, f"fingerprints changed: {missing}"


@pytest.mark.slow
def test_reordering_claims_plans_and_capabilities_changes_nothing(tmp_path: Path) -> None:
    def reorder(data: dict[str, Any]) -> None:
        for stage in data["stages"]:
            stage.get("claims", []).reverse()
        data["price"]["plans"].reverse()
        data["capabilities"].reverse()

    document, before, after = baseline_then(tmp_path, reorder)
    assert new_findings(document) == []
    assert document.get("baseline_fixed", []) == []
    assert after == before


@pytest.mark.slow
def test_removing_and_moving_stages_changes_no_other_fingerprint(tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        retention = next(s for s in data["stages"] if s["role"] == "retention")
        data["stages"].remove(retention)  # its findings go; nothing else moves

    document, before, after = baseline_then(tmp_path, edit)
    assert new_findings(document) == []
    gone = {entry["path"] for entry in document.get("baseline_fixed", [])}
    assert gone and all("retention" in path for path in gone)
    assert set(after) <= set(before)


@pytest.mark.slow
def test_renaming_an_unrelated_stage_keeps_every_other_fingerprint(tmp_path: Path) -> None:
    # A stage no finding is about or names (which one depends on the rules: found here).
    write(tmp_path / "s.yaml", sample())
    found = report(tmp_path)["files"][0]["findings"]
    unrelated = [
        i
        for i, stage in enumerate(sample()["stages"])
        if not any(
            f["path"].startswith(f"stages[{i}]") or stage["name"] in f["message"] for f in found
        )
    ]
    assert unrelated, "every stage of the sample has a finding: pick another sample"

    def rename(data: dict[str, Any]) -> None:
        data["stages"][unrelated[0]]["name"] = "Renamed stage"

    document, before, after = baseline_then(tmp_path, rename)
    assert document.get("baseline_fixed", []) == []
    assert new_findings(document) == []
    assert after == before


def test_stages_with_the_same_name_and_role_are_told_apart_by_their_order(
    tmp_path: Path,
) -> None:
    data = sample()
    twin = dict(data["stages"][-1])
    data["stages"].append(twin)
    write(tmp_path / "s.yaml", data)
    prints = sarif_prints(tmp_path)
    retention = [p for p, what in prints.items() if "FC101" in what]
    assert len(retention) == 2 and len(set(retention)) == 2
    # Inserting a stage before both keeps both.
    data["stages"].insert(0, dict(NEW_STAGE))
    write(tmp_path / "s.yaml", data)
    assert set(retention) <= set(sarif_prints(tmp_path))


def test_gitlab_fingerprints_survive_an_inserted_stage(tmp_path: Path) -> None:
    data = sample()
    write(tmp_path / "s.yaml", data)
    before = gitlab_prints(tmp_path)
    data["stages"].insert(0, dict(NEW_STAGE))
    write(tmp_path / "s.yaml", data)
    assert before <= gitlab_prints(tmp_path)


def _legacy_fingerprint(file: str, code: str, path: str, concerned: str) -> str:
    """Format 1's fingerprint, as funnelcheck 0.1 wrote it: by list position."""
    key = "\0".join((file, code, path, concerned))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def test_a_format_1_baseline_is_matched_as_written_and_says_how_to_rewrite_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from funnelcheck.findings import Finding
    from funnelcheck.input.discover import Source
    from funnelcheck.run.engine import make_checker

    data = sample()
    write(tmp_path / "s.yaml", data)
    monkeypatch.chdir(tmp_path)
    import datetime as dt

    from funnelcheck.config import Overrides

    checker = make_checker(None, Overrides(), True, dt.date.fromisoformat(AS_OF))
    result = checker.check(Source("s.yaml", "s.yaml", True))
    assert result is not None and result.findings
    found: list[Finding] = result.findings
    entries = [
        {
            "file": "s.yaml",
            "code": f.code,
            "path": f.location.path,
            "fingerprint": _legacy_fingerprint(
                "s.yaml", f.code, f.location.path, f.subject or f.message
            ),
        }
        for f in found
    ]
    (tmp_path / "old.json").write_text(
        json.dumps({"funnelcheck_baseline": 1, "entries": entries}), encoding="utf-8"
    )
    proc = run("check", "s.yaml", "-f", "json", "--baseline", "old.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout)["summary"]["baselined"] == len(found)
    assert "format-1 baseline" in proc.stderr
    assert "--write-baseline old.json" in proc.stderr
    # Rewritten, it is format 2 and survives an inserted stage.
    run("check", "s.yaml", "--write-baseline", "old.json", cwd=tmp_path)
    assert json.loads((tmp_path / "old.json").read_text())["funnelcheck_baseline"] == 2
    data["stages"].insert(0, dict(NEW_STAGE))
    write(tmp_path / "s.yaml", data)
    document = report(tmp_path, "--baseline", "old.json")
    assert document.get("baseline_fixed", []) == []


def test_a_baseline_of_a_newer_format_is_refused_with_what_to_do(tmp_path: Path) -> None:
    write(tmp_path / "s.yaml", sample())
    (tmp_path / "new.json").write_text(
        json.dumps({"funnelcheck_baseline": 3, "entries": []}), encoding="utf-8"
    )
    proc = run("check", "s.yaml", "--baseline", "new.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert "format-3" in proc.stderr and "--write-baseline new.json" in proc.stderr


def test_the_identity_is_exposed_on_the_finding() -> None:
    from funnelcheck.run.identity import stable_path

    data = sample()
    index = next(i for i, s in enumerate(data["stages"]) if s["role"] == "sales")
    path = ("stages", index, "claims", 1, "promises", 0)
    shown = stable_path(data, path)
    assert shown.startswith('stages[name="Discovery call" role="sales"].claims[text=')
    assert shown.endswith('.promises["audit-trail"]')
    data["stages"].insert(0, dict(NEW_STAGE))
    moved = ("stages", index + 1, "claims", 1, "promises", 0)
    assert stable_path(data, moved) == shown
