"""SARIF fingerprints as GitHub code scanning uses them: one alert per result, across runs.

Code scanning matches results between runs by `partialFingerprints`. The same file must
keep its fingerprints however the run named it (`check .` walks to `./strategies/x.yaml`,
`check strategies/` to `strategies/x.yaml`), or every alert is closed and opened again
when a workflow's paths change; and two results of one run must never share one, or code
scanning shows them as a single alert.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.sarif import SarifReporter

CWD = "/home/dev/repo"


def finding(file: str, message: str = "the claim names $399 a month") -> Finding:
    return Finding(
        "FC302",
        "pitch-price-mismatch",
        Severity.ERROR,
        message,
        Location(file, 95, 15, "stages[3].claims[0].text", "Proposal"),
        subject="One plan at $399 a month (yes, $399 a month).",
    )


def fingerprints(*findings: Finding) -> list[str]:
    report = Report(
        files=[FileResult(file=findings[0].location.file, findings=list(findings))],
        as_of="2026-11-22",
        version="0",
    )
    text = SarifReporter(rule_texts={}).render(report, RenderContext(cwd=CWD))
    document: dict[str, Any] = json.loads(text)
    return [r["partialFingerprints"]["funnelcheck/v1"] for r in document["runs"][0]["results"]]


def test_the_same_file_named_otherwise_keeps_its_fingerprint() -> None:
    names = [
        "strategies/ledgerline.yaml",
        "./strategies/ledgerline.yaml",
        "strategies//ledgerline.yaml",
        os.path.join(CWD, "strategies", "ledgerline.yaml"),
    ]
    assert len({fingerprints(finding(name))[0] for name in names}) == 1


def test_another_file_has_another_fingerprint() -> None:
    assert fingerprints(finding("a.yaml")) != fingerprints(finding("b.yaml"))


def test_two_results_of_one_run_never_share_a_fingerprint() -> None:
    # Two amounts in one claim give two findings with the same file, code, path and text.
    first, second = fingerprints(finding("s.yaml"), finding("s.yaml"))
    assert first != second
    # ...and the pair is the same on the next run.
    assert [first, second] == fingerprints(finding("s.yaml"), finding("s.yaml"))


def test_a_file_outside_the_working_directory_is_fingerprinted_by_its_path() -> None:
    outside = str(Path("/elsewhere/s.yaml"))
    assert fingerprints(finding(outside)) != fingerprints(finding("s.yaml"))


def test_gitlab_fingerprints_agree_with_sarif_and_ignore_how_the_file_was_named() -> None:
    from funnelcheck.reporters.gitlab import GitlabReporter

    def gitlab(name: str) -> list[str]:
        report = Report(
            files=[FileResult(file=name, findings=[finding(name), finding(name)])],
            as_of="2026-11-22",
            version="0",
        )
        text = GitlabReporter().render(report, RenderContext(cwd=CWD))
        return [entry["fingerprint"] for entry in json.loads(text)]

    plain = gitlab("strategies/ledgerline.yaml")
    assert gitlab("./strategies/ledgerline.yaml") == plain
    assert len(set(plain)) == 2
    assert plain[0] == fingerprints(finding("strategies/ledgerline.yaml"))[0]
