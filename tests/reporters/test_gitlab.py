"""GitLab Code Quality report: the fields GitLab reads, unique stable fingerprints."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from fixed_report import (
    CWD,
    LEDGER,
    OUTSIDE,
    build_report,
    check_golden,
    finding,
    naughty_report,
    naughty_strings,
)

from funnelcheck.findings import FileResult, Report, Severity, fingerprint
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.gitlab import GitlabReporter
from funnelcheck.reporters.sarif import relative_to_cwd

# What GitLab's Code Quality widget reads (docs: "Implement a custom tool", report format).
REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def render(report: Report) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(
        GitlabReporter().render(report, RenderContext(cwd=CWD))
    )
    return entries


def test_golden(report: Report, ctx: RenderContext) -> None:
    check_golden("report.gitlab.json", GitlabReporter().render(report, ctx))


def test_registered_under_its_name() -> None:
    assert isinstance(get_reporter("gitlab", plugins=False), GitlabReporter)


def test_entries_have_the_fields_gitlab_reads(report: Report) -> None:
    entries = render(report)
    assert isinstance(entries, list)
    assert len(entries) == len(report.findings()) + len(report.errors())
    for entry in entries:
        assert set(entry) == REQUIRED
        assert entry["severity"] in GITLAB_SEVERITIES
        assert isinstance(entry["location"]["path"], str)
        assert isinstance(entry["location"]["lines"]["begin"], int)
        assert entry["location"]["lines"]["begin"] >= 1


def test_findings_map_in_report_order(report: Report) -> None:
    entries = [e for e in render(report) if e["check_name"] != "read-error"]
    mapping = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
    for entry, found in zip(entries, report.findings(), strict=True):
        assert entry["check_name"] == found.code
        assert entry["severity"] == mapping[found.severity]
        assert entry["description"].startswith(found.message)
        assert entry["location"]["lines"]["begin"] == found.location.line
        assert entry["fingerprint"] == fingerprint(found)


def test_paths_are_relative_to_the_working_directory(report: Report) -> None:
    paths = {e["location"]["path"] for e in render(report)}
    assert LEDGER in paths and OUTSIDE in paths  # outside cwd: kept as given
    inside = f"{CWD}/strategies/abs.yaml"
    moved = Report(
        files=[FileResult(file=inside, findings=[finding("FC704", "m", inside, 2, 1)])],
        as_of="2026-11-22",
        version="0",
    )
    [entry] = render(moved)
    assert entry["location"]["path"] == "strategies/abs.yaml"


def test_unreadable_file_is_reported(report: Report) -> None:
    [entry] = [e for e in render(report) if e["check_name"] == "read-error"]
    assert entry["location"] == {"path": "strategies/missing.yaml", "lines": {"begin": 1}}
    assert "No such file" in entry["description"]


def test_fingerprints_unique_even_for_repeats_and_deterministic() -> None:
    same = finding("FC704", "assumption a-1 is still open", LEDGER, 80, 5, "assumptions[0]")
    repeats = [same, dataclasses.replace(same), dataclasses.replace(same)]
    report = Report(
        files=[FileResult(file=LEDGER, findings=repeats)], as_of="2026-11-22", version="0"
    )
    prints = [e["fingerprint"] for e in render(report)]
    assert len(set(prints)) == 3
    assert prints[0] == fingerprint(same)  # the first keeps the line-free fingerprint
    assert prints == [e["fingerprint"] for e in render(report)]


def test_fingerprints_survive_moved_lines(report: Report) -> None:
    moved = build_report()
    for result in moved.files:
        result.findings = [
            dataclasses.replace(
                f, location=dataclasses.replace(f.location, line=f.location.line + 9)
            )
            for f in result.findings
        ]
    assert [e["fingerprint"] for e in render(report)] == [e["fingerprint"] for e in render(moved)]


def test_naughty_strings_round_trip() -> None:
    strings = naughty_strings()
    report = naughty_report(strings)
    entries = render(report)
    prints = [e["fingerprint"] for e in entries]
    assert len(set(prints)) == len(prints)
    for entry, found in zip(entries, report.findings(), strict=True):
        assert entry["description"].startswith(found.message)
        relative = relative_to_cwd(found.location.file, CWD)
        assert entry["location"]["path"] == (found.location.file if relative is None else relative)
