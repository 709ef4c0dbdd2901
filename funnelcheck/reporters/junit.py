"""`--format junit`: JUnit XML for CI test views (GitLab, Jenkins, Azure, CircleCI).

Shape, chosen to be valid under both the strict Apache Ant schema (windyroad `JUnit.xsd`)
and the lenient Jenkins xunit one:

- `<testsuites>` without attributes (the strict schema allows none), holding one
  `<testsuite>` per file in report order, with `name` = the file's path, `package`
  "funnelcheck", `id` = its position (0, 1, ...), the counts, `timestamp`, `hostname`
  and `time`, then `<properties>`, the test cases, `<system-out>` and `<system-err/>`.
- One `<testcase>` per rule run on the file (`classname` "funnelcheck.FC101", `name`
  "FC101 stage-off-problem", `time` "0"). Only warning and error findings fail a test case:
  info findings are notes (every healthy strategy has FC502/FC503 ones), and counting them
  as failures would show a clean repository as failing in GitLab or Jenkins. The strict
  schema allows at most ONE `<failure>` in a test case, so a rule that found several
  warnings or errors in a file gives one failure whose `message` counts them and names the
  first, whose `type` is the most severe level among them, and whose text lists each of
  them: `file:line:col: severity code name`, then the data path and stage, the message, and
  any related location.
- Info findings are written, in the same shape and in the report's order, into the
  suite's `<system-out>` (the strict schema allows `<system-out>` only on the suite, not
  on a test case), so nothing is lost; a suite without any writes `<system-out/>`. A rule
  whose only findings are infos is a passing test case.
- A file that could not be read is one test case (`classname` "funnelcheck.read") with an
  `<error>`.

Reproducible bytes: `timestamp` is the report's as-of date at midnight with no timezone
(the CLI takes it from `--as-of`, or from `SOURCE_DATE_EPOCH`, never from the clock);
`hostname` is always "localhost" and every `time` is "0". The same report gives the same
bytes on any machine.

Characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE, U+FFFF) are
replaced by U+FFFD. When a file's suite needed any, its `<properties>` say how many:
`<property name="funnelcheck.replaced-characters" value="N"/>`. Line breaks, tabs and
carriage returns in attributes are written as character references so that a reader gets
them back exactly. A file name that is empty or only whitespace (the strict schema wants a
non-blank token) is written in double quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter

HOSTNAME = "localhost"
PACKAGE = "funnelcheck"
REPLACED_PROPERTY = "funnelcheck.replaced-characters"

# Everything outside XML 1.0's Char production.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)
# ">" is escaped too so that "]]>" never appears; CR would be read back as LF if left raw.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_XML_WHITESPACE = " \t\n\r"


@dataclass
class _Writer:
    """Escapes text for XML and counts the characters it had to replace."""

    replaced: int = 0
    lines: list[str] = field(default_factory=list)

    def clean(self, text: str) -> str:
        cleaned, count = _NOT_XML_CHAR.subn("\ufffd", text)
        self.replaced += count
        return cleaned

    def attribute(self, text: str) -> str:
        return self.clean(text).translate(_ATTRIBUTE_ESCAPES)

    def text(self, text: str) -> str:
        return self.clean(text).translate(_TEXT_ESCAPES)

    def attributes(self, pairs: Iterable[tuple[str, str]]) -> str:
        return "".join(f' {name}="{self.attribute(value)}"' for name, value in pairs)


def timestamp(as_of: str) -> str:
    """`2026-11-22T00:00:00`: the strict schema's dateTime without a timezone."""
    try:
        day = date.fromisoformat(as_of)
    except ValueError:
        raise ValueError(f"the report's as-of date {as_of!r} is not YYYY-MM-DD") from None
    return f"{day.isoformat()}T00:00:00"


def _suite_name(file: str) -> str:
    # xs:token collapses XML whitespace; an empty result breaks the strict schema's minLength.
    return file if file.strip(_XML_WHITESPACE) else f'"{file}"'


def _place(location: Location) -> str:
    return f"{location.file}:{location.line}:{location.column}"


def _where(location: Location) -> str:
    where = location.path or "(the whole file)"
    if location.stage is not None:
        where += f' (stage "{location.stage}")'
    return where


def _finding_text(finding: Finding) -> str:
    lines = [
        f"{_place(finding.location)}: {finding.severity.label} {finding.code} {finding.name}",
        f"  at {_where(finding.location)}",
        # Continuation lines are indented so that a multi-line message stays one block.
        "  " + finding.message.replace("\r\n", "\n").replace("\n", "\n  "),
    ]
    lines.extend(f"  related: {_place(other)} {_where(other)}" for other in finding.related)
    return "\n".join(lines)


def _failure_message(findings: list[Finding]) -> str:
    first = findings[0]
    located = f"{_place(first.location)}: {first.message}"
    if len(findings) == 1:
        return located
    return f"{len(findings)} findings; the first: {located}"


class JunitReporter(Reporter):
    name = "junit"
    extension = "xml"
    escape_style = "xml"

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The document a test suite at a time (a file's), as the results are read back."""
        stamp = timestamp(report.as_of)
        yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'
        for index, result in enumerate(report.files):
            yield "\n".join(self._suite(index, result, report, stamp)) + "\n"
        yield "</testsuites>\n"

    def _suite(self, index: int, result: FileResult, report: Report, stamp: str) -> list[str]:
        writer = _Writer()
        cases: list[str] = []
        failures = errors = 0
        if result.error is not None:
            errors = 1
            cases.append(f"    <testcase{writer.attributes(_case('read', 'read ' + result.file))}>")
            error_attributes = writer.attributes(
                (("message", f"could not read {result.file}: {result.error}"), ("type", "error"))
            )
            cases.append(f"      <error{error_attributes}>{writer.text(result.error)}</error>")
            cases.append("    </testcase>")
        by_code: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_code.setdefault(finding.code, []).append(finding)
        # Rules that ran, then (so that no finding is lost) codes of findings whose rule the
        # engine did not list.
        codes = list(dict.fromkeys([*result.rules_run, *by_code]))
        for code in codes:
            findings = by_code.get(code, [])
            rule_name = report.rules[code][0] if code in report.rules else findings[0].name
            attributes = writer.attributes(_case(code, f"{code} {rule_name}"))
            findings = [finding for finding in findings if finding.severity >= Severity.WARNING]
            if not findings:
                cases.append(f"    <testcase{attributes}/>")
                continue
            failures += 1
            worst = max(finding.severity for finding in findings)
            failure_attributes = writer.attributes(
                (("message", _failure_message(findings)), ("type", worst.label))
            )
            body = writer.text("\n\n".join(_finding_text(finding) for finding in findings))
            cases.append(f"    <testcase{attributes}>")
            cases.append(f"      <failure{failure_attributes}>{body}</failure>")
            cases.append("    </testcase>")

        # Written before the replaced characters are counted, so that the count includes it.
        system_out = "    <system-out/>"
        notes = [finding for finding in result.findings if finding.severity < Severity.WARNING]
        if notes:
            notes_text = writer.text("\n\n".join(_finding_text(finding) for finding in notes))
            system_out = f"    <system-out>{notes_text}</system-out>"
        suite_attributes = writer.attributes(
            (
                ("name", _suite_name(result.file)),
                ("package", PACKAGE),
                ("id", str(index)),
                ("tests", str(len(codes) + (1 if result.error is not None else 0))),
                ("failures", str(failures)),
                ("errors", str(errors)),
                ("skipped", "0"),
                ("timestamp", stamp),
                ("hostname", HOSTNAME),
                ("time", "0"),
            )
        )
        # Counted last: the suite's own name may have needed replacing too.
        properties = [("funnelcheck.version", report.version), ("funnelcheck.as-of", report.as_of)]
        if writer.replaced:
            properties.append((REPLACED_PROPERTY, str(writer.replaced)))
        lines = [f"  <testsuite{suite_attributes}>", "    <properties>"]
        lines.extend(
            f"      <property{writer.attributes((('name', name), ('value', value)))}/>"
            for name, value in properties
        )
        lines.append("    </properties>")
        lines.extend(cases)
        lines.extend([system_out, "    <system-err/>", "  </testsuite>"])
        return lines


def _case(code: str, name: str) -> tuple[tuple[str, str], ...]:
    return (("classname", f"funnelcheck.{code}"), ("name", name), ("time", "0"))
