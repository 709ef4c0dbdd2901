"""The same inputs give the same bytes, and the checker never writes to what it reads.

Four real runs over the same folder, each writing JSON, SARIF and JUnit: PYTHONHASHSEED 0,
1 and 12345, and `--jobs 1` against `--jobs 2` (with more than one file the engine checks
them in worker processes, so the parallel path is the one under test).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from hostile_support import AS_OF, ROOT, base_strategy, corpus, run_cli, to_yaml

RUNS = (("0", "1"), ("1", "2"), ("12345", "2"), ("12345", "1"))
REPORTS = {"json": "report.json", "sarif": "report.sarif", "junit": "report.xml"}


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below `folder`: its content hash and modification time (ns)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("determinism")
    inputs = root / "strategies"
    shutil.copytree(ROOT / "sample_strategies", inputs)
    # More kinds of file: a broken one, a refused one, one with hostile text, in a subfolder.
    suite = corpus("yaml-test-suite")
    (inputs / "more").mkdir()
    for case_id in ("236B", "9HCY", "SU5Z"):
        text = "funnelcheck: 1\n" + (suite / f"{case_id}.yaml").read_text(encoding="utf-8")
        (inputs / "more" / f"{case_id}.yaml").write_text(text, encoding="utf-8")
    data = base_strategy()
    data["stages"][0]["name"] = "Ünïcödé \u202e stage, with: commas %0A and <xml/>"
    data["stages"][0]["bogus"] = 1
    (inputs / "more" / "hostile text.yaml").write_text(to_yaml(data), encoding="utf-8")
    before = _snapshot(inputs)
    outputs: dict[str, dict[str, bytes]] = {}
    for seed, jobs in RUNS:
        out = root / f"out-{seed}-{jobs}"
        out.mkdir()
        args = ["check", "strategies", "--as-of", AS_OF, "--jobs", jobs]
        for fmt, name in REPORTS.items():
            args += ["-f", f"{fmt}:{out / name}"]
        proc = run_cli(*args, cwd=root, env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 1
        outputs[f"PYTHONHASHSEED={seed} --jobs {jobs}"] = {
            fmt: (out / name).read_bytes() for fmt, name in REPORTS.items()
        }
    return {"inputs": inputs, "before": before, "after": _snapshot(inputs), "outputs": outputs}


@pytest.mark.parametrize("fmt", list(REPORTS))
@pytest.mark.slow
def test_reports_are_byte_identical_across_hash_seeds_and_jobs(
    runs: dict[str, Any], fmt: str
) -> None:
    outputs = runs["outputs"]
    first_run, first = next(iter(outputs.items()))
    assert len(first[fmt]) > 1000
    for run, reports in outputs.items():
        assert reports[fmt] == first[fmt], f"{fmt}: {run} differs from {first_run}"


def test_every_file_was_checked(runs: dict[str, Any]) -> None:
    import json

    document = json.loads(next(iter(runs["outputs"].values()))["json"])
    files = {Path(f["file"]).name for f in document["files"]}
    assert files == {p.name for p in runs["inputs"].rglob("*.yaml")}


def test_the_checker_never_writes_to_the_strategies_it_reads(runs: dict[str, Any]) -> None:
    # Same files, same bytes, same modification times; nothing added beside them.
    assert runs["after"] == runs["before"]
    assert not [p for p in runs["inputs"].rglob("*") if p.name.startswith(".funnelcheck")]
