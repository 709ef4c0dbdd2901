"""Issue 12, item 8: inputs that took time or memory growing faster than their size.

Each test runs the CLI on an input a few times the size the issue quotes, large enough
that the old quadratic paths ran for many minutes (past the hang guard) or held every
finding in memory, and asserts what a user sees. The figures (time and peak memory as
each input grows tenfold, and at the 5 MB limit) come from `tests/benchmarks/bounds.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_support import AS_OF, base_strategy, cli_env, priced_claim, run_cli, to_yaml

#: A hang guard (not a timing assertion): the old code needed far longer on these inputs.
GUARD = 150


def _report(path: Path) -> dict[str, Any]:
    proc = run_cli("check", str(path), "-f", "json", "--as-of", AS_OF, timeout=GUARD)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def _findings(report: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in report["files"][0]["findings"] if f["code"] == code]


@pytest.mark.slow
def test_a_claim_of_many_numbers_lists_them_all(tmp_path: Path) -> None:
    """FC204 read the text before each number afresh: 39 s for 20,000 numbers."""
    strategy = base_strategy()
    strategy["stages"][0]["claims"] = [{"text": "1 " * 100_000 + "USD 5 and 40 customers"}]
    path = tmp_path / "numbers.yaml"
    path.write_text(to_yaml(strategy), encoding="utf-8")
    (finding,) = _findings(_report(path), "FC204")
    figures = finding["data"]["figures"]
    # Every "1" but the last ("1 USD 5" is money), and "40 customers".
    assert len(figures) == 100_000
    assert figures[-1] == "40 customers"


def test_a_long_sexagesimal_number_is_refused_at_its_line(tmp_path: Path) -> None:
    """`1:59:59:...` is read as one integer digit by digit: 11 s for 200,000 parts."""
    path = tmp_path / "sexagesimal.yaml"
    path.write_text("funnelcheck: 1\nx: 1" + ":59" * 200_000 + "\n", encoding="utf-8")
    report = _report(path)
    # Refused where it is written, as a number too long to read (FC001 or FC002).
    (finding,) = [f for f in report["files"][0]["findings"] if f["line"] == 2]
    assert finding["code"] in ("FC001", "FC002") and "number" in finding["message"]


@pytest.mark.slow
def test_many_problem_terms(tmp_path: Path) -> None:
    """Each term was compared with every other (and each key listed by a pass over all)."""
    strategy = base_strategy()
    strategy["problem"]["terms"] = {f"term{i}": [f"alias{i}"] for i in range(40_000)}
    strategy["problem"]["terms"]["reconcile"] = ["reconciliation"]
    strategy["problem"]["terms"]["reconciliation"] = ["reconcile"]
    path = tmp_path / "terms.yaml"
    path.write_text(to_yaml(strategy), encoding="utf-8")
    (weak,) = _findings(_report(path), "FC109")
    assert weak["data"]["same_terms"] == [["reconcile", "reconciliation"]]


@pytest.mark.slow
def test_many_suppression_comments(tmp_path: Path) -> None:
    """Each comment looked for the next content line from scratch: 12 s for 500 KB."""
    text = to_yaml(base_strategy()) + "# funnelcheck: ignore FC101 -- legacy\n" * 75_000 + "x: 1\n"
    path = tmp_path / "suppressions.yaml"
    path.write_text(text, encoding="utf-8")
    unused = _findings(_report(path), "FC009")
    # At most 1,000 findings of one rule per file, and one that counts the rest.
    assert len(unused) == 1_001
    assert unused[-1]["data"]["not_listed"] == 75_000 - 1_000
    assert "74,000 more findings of this rule" in unused[-1]["message"]


@pytest.mark.slow
def test_unknown_keys_are_listed_to_1000_then_counted(tmp_path: Path) -> None:
    """Every unknown key was a finding held in memory: 1.3 GB for 5 MB."""
    keys = "".join(f"k{i}: 1\n" for i in range(120_000))
    path = tmp_path / "unknown.yaml"
    path.write_text(to_yaml(base_strategy()) + keys, encoding="utf-8")
    unknown = _findings(_report(path), "FC004")
    assert len(unknown) == 1_001
    assert unknown[0]["path"] == "k0" and unknown[999]["path"] == "k999"
    assert unknown[-1]["path"] == "k1000" and unknown[-1]["data"]["not_listed"] == 119_000


def test_repeated_keys_are_listed_to_1000_then_counted(tmp_path: Path) -> None:
    path = tmp_path / "repeated.yaml"
    path.write_text(to_yaml(base_strategy()) + "zz: 1\n" * 120_000, encoding="utf-8")
    repeated = _findings(_report(path), "FC003")
    assert len(repeated) == 1_001
    assert repeated[-1]["data"]["not_listed"] == 120_000 - 1 - 1_000
    first_line = repeated[0]["line"]
    assert repeated[-1]["line"] == first_line + 1_000


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("".join(f"k{i}: 1\n" for i in range(440_000)), id="unknown-keys"),
        pytest.param("zz: 1\n" * 800_000, id="repeated-keys"),
        pytest.param("extra:\n" + "- 1\n" * 1_000_000, id="list-items"),
    ],
)
def test_five_megabytes_of_values_are_refused_where_the_count_passes_the_bound(
    tmp_path: Path, tail: str
) -> None:
    """5 MB of one-line keys or items is 900,000 values or more: reading them all took
    30 s and more for findings nobody reads. Past 250,000 values the file is refused
    (FC007, like an alias bomb) at the value that passed the bound; the next file in the
    run is still checked."""
    path = tmp_path / "big.yaml"
    path.write_text(to_yaml(base_strategy()) + tail, encoding="utf-8")
    assert path.stat().st_size <= 5_000_000
    other = tmp_path / "other.yaml"
    other.write_text(to_yaml(base_strategy()), encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "-f", "json", "--as-of", AS_OF, timeout=GUARD)
    assert proc.returncode == 1, proc.stderr.decode()
    files = {Path(f["file"]).name: f for f in json.loads(proc.stdout)["files"]}
    (refused,) = files["big.yaml"]["findings"]
    assert refused["code"] == "FC007"
    assert "more than 250,000 values" in refused["message"]
    assert "split it" in refused["message"]
    base_lines = to_yaml(base_strategy()).count("\n")
    # The bound is met in the tail, a quarter of the way or more into it.
    assert refused["line"] > base_lines + 100_000
    assert not any(f["code"] == "FC007" for f in files["other.yaml"]["findings"])


def _peak_mb(path: Path, out: Path) -> tuple[float, dict[str, Any]]:
    """The CLI's peak resident memory (MB) checking `path` for FC302, and its report."""
    args = ["check", "-f", "json", "--as-of", AS_OF, "--select", "FC302", str(path)]
    with out.open("wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "funnelcheck", *args],
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            env=cli_env(),
        )
        _, status, usage = os.wait4(proc.pid, 0)
    # Reaped by wait4 (which alone gives this child's own peak): tell Popen so.
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 1
    # ru_maxrss is in KB on Linux, in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    report: dict[str, Any] = json.loads(out.read_bytes())
    return peak, report


@pytest.mark.slow
def test_memory_of_one_long_priced_claim_grows_linearly(tmp_path: Path) -> None:
    """Every FC302 finding of one claim held its own copy of the claim's stable path (which
    holds the whole text): memory grew with the findings times the text, 88 MB for 500
    sentences and 252 MB for 1,000. Twice the sentences must take less than twice the
    peak memory (start-up included); the old code took about three times."""
    peaks = []
    for n in (500, 1_000):
        path = tmp_path / f"claim-{n}.yaml"
        path.write_text(priced_claim(n), encoding="utf-8")
        peak, report = _peak_mb(path, tmp_path / f"claim-{n}.json")
        findings = _findings(report, "FC302")
        # Every "$i.99 a month" but the few the model explains ($498.99 is $499 within 2%).
        assert len(findings) > n * 9 // 10
        assert findings[0]["message"] == (
            "the claim names $0.99 a month; the only plan, `team`, is $499 a month"
        )
        peaks.append(peak)
    assert peaks[1] < 2 * peaks[0], peaks
