"""SARIF output against the official OASIS 2.1.0 schema, with URI format checks switched on.

Why `FormatChecker()` and not `Draft4Validator.FORMAT_CHECKER`: the SARIF schema is draft-04,
but it marks artifact URIs `format: uri-reference`, a format draft-04 does not define, so
the draft-04 checker skips them silently and would pass "a b.yaml" as a URI. The checker
with every format jsonschema knows checks both `uri` and `uri-reference` (through
`rfc3986-validator`, from `jsonschema[format-nongpl]`); `test_format_checks_are_on`
proves it by breaking a URI of each kind in a copy of the output.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from fixed_report import (
    CWD,
    LEDGER,
    OUTSIDE,
    RULE_TEXTS,
    UNICODE,
    build_report,
    check_golden,
    corpus,
    naughty_report,
    naughty_strings,
)
from jsonschema import Draft4Validator, FormatChecker

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity, fingerprint
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.sarif import SarifReporter, relative_to_cwd


@cache
def validator() -> Draft4Validator:
    schema = json.loads(corpus("sarif-schema/sarif-schema-2.1.0.json").read_text("utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=FormatChecker())


def errors_of(document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator().iter_errors(document)
    ]


def render(report: Report, ctx: RenderContext | None = None) -> dict[str, Any]:
    text = SarifReporter(RULE_TEXTS).render(report, ctx or RenderContext(cwd=CWD))
    document: dict[str, Any] = json.loads(text)
    return document


def results_by_rule(document: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [r for r in document["runs"][0]["results"] if r["ruleId"] == code]


def test_golden(report: Report, ctx: RenderContext) -> None:
    check_golden("report.sarif", SarifReporter(RULE_TEXTS).render(report, ctx))


def test_registered_under_its_name(report: Report, ctx: RenderContext) -> None:
    reporter = get_reporter("sarif", plugins=False)
    assert isinstance(reporter, SarifReporter)
    # The registered instance reads the real rules' docs; the document is still valid.
    assert errors_of(json.loads(reporter.render(report, ctx))) == []


def test_valid_against_the_oasis_schema(report: Report) -> None:
    assert errors_of(render(report)) == []


def test_format_checks_are_on(report: Report) -> None:
    assert {"uri", "uri-reference"} <= set(FormatChecker().checkers)
    document = render(report)
    assert errors_of(document) == []

    broken_artifact = copy.deepcopy(document)
    location = broken_artifact["runs"][0]["results"][0]["locations"][0]
    location["physicalLocation"]["artifactLocation"]["uri"] = "strategies/not encoded.yaml"
    assert any("uri-reference" in error for error in errors_of(broken_artifact))

    broken_tool = copy.deepcopy(document)
    broken_tool["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri"
    assert any("'uri'" in error for error in errors_of(broken_tool))


def test_run_shape(report: Report) -> None:
    run = render(report)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///home/dev/funnel%20repo/"}}
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("funnelcheck", "0.1.0")
    assert [rule["id"] for rule in driver["rules"]] == sorted(report.rules)


def test_rules_carry_their_reference(report: Report) -> None:
    rules = {rule["id"]: rule for rule in render(report)["runs"][0]["tool"]["driver"]["rules"]}
    for code, (name, severity, summary) in report.rules.items():
        rule = rules[code]
        assert rule["name"] == name
        assert rule["shortDescription"]["text"] == summary
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
        assert rule["defaultConfiguration"]["level"] == level[severity]
    # A documented rule: help is the whole reference, the full description stops at examples.
    assert rules["FC101"]["help"]["markdown"] == RULE_TEXTS["FC101"]
    assert "**Why.**" in rules["FC101"]["fullDescription"]["text"]
    assert "Failing example" not in rules["FC101"]["fullDescription"]["text"]
    # A code with no reference text falls back to its summary.
    assert rules["FC704"]["help"]["text"] == report.rules["FC704"][2]


def test_help_is_the_reports_reference_page() -> None:
    page = "Summary line.\n\n**Why.** Because.\n\n**Failing example.**\n\n```yaml\nx: 1\n```"
    report = Report(
        files=[],
        as_of="2026-11-22",
        version="0",
        rules={"FC999": ("probe", Severity.WARNING, "Summary line.")},
        pages={"FC999": page},
    )
    text = SarifReporter().render(report, RenderContext(cwd=CWD))
    [described] = json.loads(text)["runs"][0]["tool"]["driver"]["rules"]
    assert described["help"]["text"] == page
    assert described["fullDescription"]["text"] == "Summary line.\n\n**Why.** Because."


def test_help_of_a_run_is_each_rules_reference(tmp_path: Path) -> None:
    # Through the CLI, as a user runs it: every rule the run knows is described by its
    # docstring (the engine puts the pages in the report).
    from funnelcheck.rules import all_rules

    sample = Path(__file__).resolve().parents[2] / "sample_strategies" / "ledgerline.yaml"
    run = subprocess.run(
        [sys.executable, "-m", "funnelcheck", "check", "--no-plugins", "-f", "sarif", str(sample)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode in (0, 1), run.stderr
    described = {r["id"]: r for r in json.loads(run.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    known = all_rules(plugins=False)
    assert set(described) == set(known)
    for code, rule in known.items():
        assert described[code]["help"]["text"] == inspect.cleandoc(rule.__doc__ or "")
        assert described[code]["shortDescription"]["text"] == rule.summary()


def test_results_point_at_rules_and_locations(report: Report) -> None:
    document = render(report)
    run = document["runs"][0]
    findings = report.findings()
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings, strict=True):
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["ruleId"] == finding.code
        assert result["message"]["text"] == finding.message
        assert result["partialFingerprints"] == {"funnelcheck/v1": fingerprint(finding)}
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (
            finding.location.line,
            finding.location.column,
        )
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}


def test_uris_are_percent_encoded_relative_to_the_working_directory(report: Report) -> None:
    document = render(report)
    [unicode_result, *_] = [
        r
        for r in document["runs"][0]["results"]
        if unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == UNICODE
    ]
    artifact = unicode_result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uriBaseId"] == "%SRCROOT%"
    assert " " not in artifact["uri"] and "Ü" not in artifact["uri"]

    [outside] = [
        r
        for r in document["runs"][0]["results"]
        if "uriBaseId" not in r["locations"][0]["physicalLocation"]["artifactLocation"]
    ]
    assert outside["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "file://" + "/srv/shared/other%20team.yaml"
    )
    assert relative_to_cwd(OUTSIDE, CWD) is None

    # An absolute path inside the working directory is made relative too.
    inside = f"{CWD}/strategies/abs.yaml"
    moved = Report(
        files=[
            FileResult(
                file=inside,
                findings=[
                    Finding("FC704", "open-assumption", Severity.INFO, "m", Location(inside, 1, 1))
                ],
            )
        ],
        as_of="2026-11-22",
        version="0",
    )
    [result] = render(moved)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "strategies/abs.yaml", "uriBaseId": "%SRCROOT%"}


def test_handoff_names_the_other_end(report: Report) -> None:
    [handoff] = results_by_rule(render(report), "FC103")
    [related] = handoff["relatedLocations"]
    assert related["id"] == 0
    assert related["physicalLocation"]["region"]["startLine"] == 47
    assert related["physicalLocation"]["artifactLocation"]["uri"] == LEDGER
    assert related["logicalLocations"] == [{"fullyQualifiedName": "stages[2]"}]
    assert "Demo" in related["message"]["text"]


def test_fingerprints_survive_moved_lines(report: Report) -> None:
    moved = build_report()
    for result in moved.files:
        result.findings = [
            dataclasses.replace(
                f, location=dataclasses.replace(f.location, line=f.location.line + 30)
            )
            for f in result.findings
        ]
    before = [r["partialFingerprints"] for r in render(report)["runs"][0]["results"]]
    after_document = render(moved)
    after = [r["partialFingerprints"] for r in after_document["runs"][0]["results"]]
    assert before == after
    lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in after_document["runs"][0]["results"]
    ]
    assert min(lines) > 30


def test_unreadable_files_are_notifications(report: Report) -> None:
    [invocation] = render(report)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "No such file" in notification["message"]["text"]
    uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "strategies/missing.yaml"

    readable = build_report()
    readable.files = [r for r in readable.files if r.error is None]
    [invocation] = render(readable)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_same_report_same_bytes(ctx: RenderContext) -> None:
    first = SarifReporter(RULE_TEXTS).render(build_report(), ctx)
    shuffled = build_report()
    shuffled.rules = dict(reversed(list(shuffled.rules.items())))  # dict order must not leak
    assert SarifReporter(RULE_TEXTS).render(shuffled, ctx) == first


def test_naughty_strings_stay_schema_valid() -> None:
    strings = naughty_strings()
    report = naughty_report(strings)
    text = SarifReporter(RULE_TEXTS).render(report, RenderContext(cwd=CWD))
    document = json.loads(text)
    assert errors_of(document) == []
    results = document["runs"][0]["results"]
    assert len(results) == 2 * len(strings)
    for result, finding in zip(results, report.findings(), strict=True):
        assert result["message"]["text"] == finding.message
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        relative = relative_to_cwd(finding.location.file, CWD)
        if relative is not None:
            assert unquote(artifact["uri"]) == relative
        else:
            assert artifact["uri"].startswith("file:///")


@pytest.mark.parametrize("with_findings", [True, False])
def test_written_result_by_result_as_json_dumps_would_write_the_document(
    report: Report, ctx: RenderContext, with_findings: bool
) -> None:
    """The reporter streams the document; the text is still json.dumps's, keys sorted."""
    if not with_findings:
        report = dataclasses.replace(
            report, files=[dataclasses.replace(r, findings=[]) for r in report.files]
        )
    text = SarifReporter(RULE_TEXTS).render(report, ctx)
    document = json.loads(text)
    assert bool(document["runs"][0]["results"]) is with_findings
    assert text == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- ----------------------------------------------------------------------------------------
# SARIF fingerprints as GitHub code scanning uses them: one alert per result, across runs.
#
# Code scanning matches results between runs by `partialFingerprints`. The same file must
# keep its fingerprints however the run named it (`check .` walks to `./strategies/x.yaml`,
# `check strategies/` to `strategies/x.yaml`), or every alert is closed and opened again
# when a workflow's paths change; and two results of one run must never share one, or code
# scanning shows them as a single alert.


HOME_REPO = "/home/dev/repo"


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
    text = SarifReporter(rule_texts={}).render(report, RenderContext(cwd=HOME_REPO))
    document: dict[str, Any] = json.loads(text)
    return [r["partialFingerprints"]["funnelcheck/v1"] for r in document["runs"][0]["results"]]


def test_the_same_file_named_otherwise_keeps_its_fingerprint() -> None:
    names = [
        "strategies/ledgerline.yaml",
        "./strategies/ledgerline.yaml",
        "strategies//ledgerline.yaml",
        os.path.join(HOME_REPO, "strategies", "ledgerline.yaml"),
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
        text = GitlabReporter().render(report, RenderContext(cwd=HOME_REPO))
        return [entry["fingerprint"] for entry in json.loads(text)]

    plain = gitlab("strategies/ledgerline.yaml")
    assert gitlab("./strategies/ledgerline.yaml") == plain
    assert len(set(plain)) == 2
    assert plain[0] == fingerprints(finding("strategies/ledgerline.yaml"))[0]
