"""JUnit XML against both shared XSDs (strict Ant/windyroad and Jenkins xunit), read back
with junitparser, whose counts must match the report's."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import pytest
import xmlschema
from fixed_report import (
    CLEAN,
    CWD,
    LEDGER,
    MISSING,
    OUTSIDE,
    UNICODE,
    build_report,
    check_golden,
    corpus,
    naughty_report,
    naughty_strings,
)
from junitparser import Error, Failure, JUnitXml, TestSuite

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.junit import JunitReporter

SCHEMAS = ("junit-xsd/windyroad/JUnit.xsd", "junit-xsd/jenkins-xunit/junit-10.xsd")

# XML 1.0's Char production, written out independently of the reporter's own pattern.
XML_CHAR = re.compile("[\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@cache
def schema(relative: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(corpus(relative)))


def assert_valid(text: str) -> None:
    for relative in SCHEMAS:
        errors = list(schema(relative).iter_errors(text))
        assert errors == [], f"{relative}: {errors[0]}"


def read_back(text: str) -> JUnitXml:
    return JUnitXml.fromstring(text.encode("utf-8"))


def render(report: Report) -> str:
    return JunitReporter().render(report, RenderContext(cwd=CWD))


def test_golden(report: Report, ctx: RenderContext) -> None:
    check_golden("report.junit.xml", JunitReporter().render(report, ctx))


def test_registered_under_its_name() -> None:
    assert isinstance(get_reporter("junit", plugins=False), JunitReporter)


def test_valid_against_both_schemas(report: Report) -> None:
    assert_valid(render(report))


def test_the_strict_schema_is_really_strict(report: Report) -> None:
    # The strict XSD refuses attributes on <testsuites> and a second failure in a test case;
    # if it did not, passing it would prove little.
    text = render(report)
    strict = schema(SCHEMAS[0])
    assert not strict.is_valid(text.replace("<testsuites>", '<testsuites name="x">'))
    doubled = re.sub(r"(<failure[^>]*>[^<]*</failure>)", r"\1\1", text, count=1)
    assert doubled != text and not strict.is_valid(doubled)


def test_counts_read_back_match_the_report(report: Report) -> None:
    xml = read_back(render(report))
    suites = list(xml)
    assert [suite.name for suite in suites] == [result.file for result in report.files]
    for index, (suite, result) in enumerate(zip(suites, report.files, strict=True)):
        cases = list(suite)
        # Only warnings and errors fail a test case; info findings are notes.
        codes_with_findings = {
            finding.code for finding in result.findings if finding.severity >= Severity.WARNING
        }
        expected_tests = len(result.rules_run) + (1 if result.error else 0)
        assert suite.tests == len(cases) == expected_tests
        assert suite.failures == len(codes_with_findings)
        assert suite.errors == (1 if result.error else 0)
        assert suite.skipped == 0
        assert suite._elem.get("id") == str(index)
        assert suite.timestamp == "2026-11-22T00:00:00"
        assert suite.hostname == "localhost"
        assert suite.time == 0
        failed = {
            case.classname.removeprefix("funnelcheck.")
            for case in cases
            if any(isinstance(r, Failure) for r in case.result)
        }
        assert failed == codes_with_findings
        errored = [case for case in cases if any(isinstance(r, Error) for r in case.result)]
        assert len(errored) == suite.errors


def system_out(suite: TestSuite) -> str:
    element = suite._elem.find("system-out")
    assert element is not None
    return element.text or ""


def with_severity(report: Report, code: str, severity: Severity) -> Report:
    """The report with every finding of `code` at `severity` (as a severity override does)."""
    files = [
        dataclasses.replace(
            result,
            findings=[
                dataclasses.replace(finding, severity=severity) if finding.code == code else finding
                for finding in result.findings
            ],
        )
        for result in report.files
    ]
    return dataclasses.replace(report, files=files)


def test_a_rule_with_several_findings_is_one_failure_listing_all(report: Report) -> None:
    xml = read_back(render(with_severity(report, "FC704", Severity.WARNING)))
    [ledger] = [suite for suite in xml if suite.name == LEDGER]
    [case] = [case for case in ledger if case.classname == "funnelcheck.FC704"]
    assert case.name == "FC704 open-assumption"
    [failure] = case.result
    assert failure.type == "warning"
    assert failure.message.startswith("2 findings")
    assert "assumption a-1 is still open" in failure.text
    assert "assumption a-2 is still open" in failure.text
    assert f"{LEDGER}:84:5" in failure.text


def test_info_findings_pass_and_are_written_to_the_suites_system_out(report: Report) -> None:
    xml = read_back(render(report))
    [ledger] = [suite for suite in xml if suite.name == LEDGER]
    info_cases = [
        case for case in ledger if case.classname in ("funnelcheck.FC503", "funnelcheck.FC704")
    ]
    assert [case.name for case in info_cases] == ["FC503 weakest-handoff", "FC704 open-assumption"]
    assert all(case.is_passed for case in info_cases)
    notes = system_out(ledger)
    assert f"{LEDGER}:52:5: info FC503 weakest-handoff" in notes
    assert "the weakest handoff is Demo -> Trial at 12%" in notes
    assert f"{LEDGER}:80:5: info FC704 open-assumption" in notes
    assert "assumption a-1 is still open" in notes
    assert "assumption a-2 is still open" in notes
    # Warnings and errors are failures, not notes.
    assert "FC101" not in notes and "FC005" not in notes
    [clean] = [suite for suite in xml if suite.name == CLEAN]
    assert system_out(clean) == ""


def test_a_file_with_only_info_findings_has_no_failures(report: Report) -> None:
    only_notes = dataclasses.replace(report, files=[report.files[0]])  # one FC704 info
    text = render(only_notes)
    assert_valid(text)
    [suite] = list(read_back(text))
    assert (suite.tests, suite.failures, suite.errors) == (len(report.files[0].rules_run), 0, 0)
    assert all(case.is_passed for case in suite)
    assert f"{OUTSIDE}:9:5: info FC704 open-assumption" in system_out(suite)


def test_a_rule_with_an_info_and_a_warning_fails_on_the_warning_only() -> None:
    findings = [
        Finding("FC704", "open-assumption", Severity.WARNING, "a-1 is open", Location("s", 3, 5)),
        Finding("FC704", "open-assumption", Severity.INFO, "a-2 is open", Location("s", 7, 5)),
    ]
    report = Report(
        files=[FileResult(file="s", findings=findings, rules_run=("FC704",))],
        as_of="2026-11-22",
        version="0",
    )
    text = render(report)
    assert_valid(text)
    [suite] = list(read_back(text))
    assert suite.failures == 1
    [case] = list(suite)
    [failure] = case.result
    assert (failure.type, failure.message) == ("warning", "s:3:5: a-1 is open")
    assert "a-2" not in failure.text
    assert "s:7:5: info FC704 open-assumption\n  at (the whole file)\n  a-2 is open" in (
        system_out(suite)
    )


def test_failure_carries_location_path_and_message(report: Report) -> None:
    xml = read_back(render(report))
    [unicode] = [suite for suite in xml if suite.name == UNICODE]
    [case] = [case for case in unicode if case.classname == "funnelcheck.FC201"]
    [failure] = case.result
    [finding] = [f for f in report.findings() if f.code == "FC201"]
    # Attribute escaping round-trips: markup, ampersands and the line break come back.
    assert failure.message == f"{UNICODE}:12:9: {finding.message}"
    assert failure.type == "error"
    assert f"{UNICODE}:12:9" in failure.text
    assert "stages[0].claims[0]" in failure.text
    assert "<b>planned</b> & not shipped" in failure.text

    [ledger] = [suite for suite in xml if suite.name == LEDGER]
    [handoff] = [case for case in ledger if case.classname == "funnelcheck.FC103"]
    assert f'related: {LEDGER}:47:5 stages[2] (stage "Demo")' in handoff.result[0].text


def test_unreadable_file_is_an_error_case(report: Report) -> None:
    xml = read_back(render(report))
    [missing] = [suite for suite in xml if suite.name == MISSING]
    [case] = list(missing)
    [error] = case.result
    assert isinstance(error, Error)
    assert "No such file" in error.message


def test_timestamp_comes_from_the_as_of_date() -> None:
    report = build_report()
    report.as_of = "2031-02-03"
    assert 'timestamp="2031-02-03T00:00:00"' in render(report)
    report.as_of = "yesterday"
    with pytest.raises(ValueError, match="yesterday"):
        render(report)


def test_characters_xml_cannot_hold_are_replaced_and_counted() -> None:
    bad = "nul\x00 esc\x1b nonchar\ufffe end"
    report = Report(
        files=[
            FileResult(
                file="bad\x01.yaml",
                findings=[
                    Finding("FC704", "open-assumption", Severity.WARNING, bad, Location("b", 1, 1)),
                    Finding("FC503", "weakest-handoff", Severity.INFO, bad, Location("b", 2, 1)),
                ],
                rules_run=("FC704", "FC503"),
            )
        ],
        as_of="2026-11-22",
        version="0",
    )
    text = render(report)
    assert_valid(text)
    [suite] = list(read_back(text))
    properties = {p.name: p.value for p in suite.properties()}
    # Three in the warning, written twice (attribute and text), three in the info note (in
    # system-out) and one in the file name.
    assert properties["funnelcheck.replaced-characters"] == "10"
    assert suite.name == "bad\ufffd.yaml"
    [case, _note_case] = list(suite)
    assert case.result[0].message == "b:1:1: nul\ufffd esc\ufffd nonchar\ufffd end"
    assert "nul\ufffd esc\ufffd nonchar\ufffd end" in system_out(suite)
    # A suite that needed nothing replaced says nothing about it.
    assert "replaced-characters" not in render(build_report())


def test_same_report_same_bytes(ctx: RenderContext) -> None:
    first = JunitReporter().render(build_report(), ctx)
    again = build_report()
    again.rules = dict(reversed(list(again.rules.items())))
    assert JunitReporter().render(again, ctx) == first


def test_findings_of_rules_not_listed_as_run_are_not_lost() -> None:
    report = build_report()
    report.files = [dataclasses.replace(report.files[3], rules_run=())]  # the ledger file
    xml = read_back(render(report))
    [suite] = list(xml)
    findings = report.files[0].findings
    assert suite.tests == len({f.code for f in findings})
    assert suite.failures == len({f.code for f in findings if f.severity >= Severity.WARNING})
    notes = system_out(suite)
    assert all(f.message in notes for f in findings if f.severity < Severity.WARNING)


def cleaned(text: str) -> str:
    return "".join(c if XML_CHAR.fullmatch(c) else "\ufffd" for c in text)


def expected_name(text: str) -> str:
    name = cleaned(text)
    return name if name.strip(" \t\r\n") else f'"{name}"'


def test_naughty_strings_stay_valid_and_readable() -> None:
    strings = naughty_strings()
    report = naughty_report(strings)
    text = render(report)
    assert_valid(text)
    suites = list(read_back(text))
    assert len(suites) == len(strings)
    for suite, original in zip(suites, strings, strict=True):
        assert suite.name == expected_name(original)
        assert (suite.tests, suite.failures, suite.errors) == (2, 2, 0)
        same = cleaned(original)
        messages = [case.result[0].message for case in suite]
        assert messages == [f"{same}:3:5: {same}", f"{same}:7:5: {same}"]
