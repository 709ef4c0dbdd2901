"""GitHub workflow-command annotations: read back the way the Actions runner reads them.

`parse_line` follows the runner's `ActionCommand.TryParseV2`: a line (split at CR and LF
only, as the runner's reader does) is a command when it starts, after leading whitespace,
with `::`; the command info runs to the next `::`; its first space separates the name from
`key=value` properties split at `,`; values and data are unescaped in the runner's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fixed_report import (
    CWD,
    LEDGER,
    OUTSIDE,
    UNICODE,
    check_golden,
    finding,
    naughty_report,
    naughty_strings,
)

from funnelcheck.findings import FileResult, Finding, Report, Severity
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.github import GithubReporter, escape_data, escape_property
from funnelcheck.reporters.sarif import relative_to_cwd

DATA_UNESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
PROPERTY_UNESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
LEVEL = {"error": Severity.ERROR, "warning": Severity.WARNING, "notice": Severity.INFO}


@dataclass
class Command:
    name: str
    properties: dict[str, str]
    data: str


def unescape(text: str, mappings: tuple[tuple[str, str], ...]) -> str:
    for escaped, plain in mappings:
        text = text.replace(escaped, plain)
    return text


def runner_lines(output: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", output)
    assert lines[-1] == "", "output ends with a line break"
    return lines[:-1]


def parse_line(line: str) -> Command | None:
    text = line.lstrip()
    if not text.startswith("::"):
        return None
    end = text.find("::", 2)
    if end < 0:
        return None
    info, data = text[2:end], text[end + 2 :]
    name, _, props = info.partition(" ")
    properties = {}
    for pair in props.split(","):
        key, sep, value = pair.partition("=")
        if sep:
            properties[key] = unescape(value, PROPERTY_UNESCAPES)
    return Command(name, properties, unescape(data, DATA_UNESCAPES))


def render(report: Report, per_level: int = 10) -> str:
    return GithubReporter(per_level).render(report, RenderContext(cwd=CWD))


def test_golden(report: Report, ctx: RenderContext) -> None:
    check_golden("report.github.txt", GithubReporter().render(report, ctx))


def test_registered_under_its_name() -> None:
    assert isinstance(get_reporter("github", plugins=False), GithubReporter)


def test_one_command_per_finding_and_unreadable_file(report: Report) -> None:
    commands = [parse_line(line) for line in runner_lines(render(report))]
    assert all(commands)
    assert len(commands) == len(report.findings()) + len(report.errors())


def test_most_severe_first_and_report_order_within_a_level(report: Report) -> None:
    commands = [c for c in map(parse_line, runner_lines(render(report))) if c]
    levels = [LEVEL[c.name] for c in commands]
    assert levels == sorted(levels, reverse=True)
    warnings = [c.properties["title"] for c in commands if c.name == "warning"]
    expected = [f"{f.code} {f.name}" for f in report.findings() if f.severity == Severity.WARNING]
    assert warnings == expected


def test_annotation_fields(report: Report) -> None:
    commands = [c for c in map(parse_line, runner_lines(render(report))) if c]
    [handoff] = [c for c in commands if c.properties.get("title") == "FC103 handoff-drift"]
    assert handoff.name == "warning"
    assert handoff.properties["file"] == LEDGER
    assert (handoff.properties["line"], handoff.properties["col"]) == ("52", "5")
    assert handoff.data.startswith('the story drops between "Demo" and "Trial"')
    assert f'related: {LEDGER}:47:5 stages[2] (stage "Demo")' in handoff.data
    [outside] = [c for c in commands if c.properties["file"] == OUTSIDE]
    assert outside.name == "notice"
    [unreadable] = [c for c in commands if "line" not in c.properties]
    assert unreadable.name == "error" and "No such file" in unreadable.data
    # Escaped text comes back exactly: ':' in a property, '%', ':', ',' and LF in data.
    assert unreadable.properties["title"] == "funnelcheck: could not read the file"
    [unicode] = [c for c in commands if c.properties.get("line") == "20"]
    [found] = [f for f in report.findings() if f.location.line == 20]
    assert unicode.data == f'{found.message}\nat {found.location.path} (stage "Étape 2 🚀")'
    assert unicode.properties["file"] == UNICODE


def test_escaping_follows_the_toolkit() -> None:
    assert escape_data("100%\r\n::x") == "100%25%0D%0A::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # Already-escaped-looking text is escaped again, so it reads back as written.
    assert unescape(escape_data("%0A%25"), DATA_UNESCAPES) == "%0A%25"


def many(severity: Severity, count: int) -> list[Finding]:
    code = {Severity.ERROR: "FC005", Severity.WARNING: "FC101", Severity.INFO: "FC704"}[severity]
    return [finding(code, f"{severity.label} {n}", LEDGER, n + 1, 1) for n in range(count)]


def test_at_most_ten_per_level_and_says_how_many_were_left_out() -> None:
    findings = many(Severity.INFO, 13) + many(Severity.WARNING, 25) + many(Severity.ERROR, 4)
    report = Report(
        files=[FileResult(file=LEDGER, findings=findings)], as_of="2026-11-22", version="0"
    )
    lines = runner_lines(GithubReporter().render(report, RenderContext(cwd=CWD)))
    commands = [parse_line(line) for line in lines[:-1]]
    assert [c.name for c in commands if c] == ["error"] * 4 + ["warning"] * 10 + ["notice"] * 10
    # The first ten of each level, in report order.
    assert [c.data for c in commands if c and c.name == "warning"] == [
        f"warning {n}" for n in range(10)
    ]
    last = lines[-1]
    assert parse_line(last) is None and "##[" not in last
    assert "0 errors" in last and "15 warnings" in last and "3 notices" in last


def test_nothing_left_out_means_no_extra_line(report: Report) -> None:
    lines = runner_lines(render(report))
    assert all(parse_line(line) for line in lines)


def test_smaller_cap_counts_per_level(report: Report) -> None:
    counts = report.counts()
    errors = counts[Severity.ERROR] + len(report.errors())
    lines = runner_lines(render(report, per_level=1))
    assert len(lines) == 4
    names = [command.name for command in map(parse_line, lines[:3]) if command]
    assert names == ["error", "warning", "notice"]
    left = lines[3]
    assert parse_line(left) is None
    assert f"{errors - 1} errors" in left
    assert f"{counts[Severity.WARNING] - 1} warning" in left
    assert f"{counts[Severity.INFO] - 1} notices" in left


def test_naughty_strings_cannot_start_a_command() -> None:
    for text in naughty_strings():
        report = naughty_report([text])
        output = render(report)
        lines = runner_lines(output)
        assert len(lines) == 2, repr(text)  # exactly one line per annotation
        commands = [parse_line(line) for line in lines]
        assert [c.name if c else None for c in commands] == ["warning", "warning"], repr(text)
        expected_file = relative_to_cwd(text, CWD)
        for command in commands:
            assert command is not None
            assert command.properties["file"] == (text if expected_file is None else expected_file)
            assert set(command.properties) == {"file", "line", "col", "title"}
            first, _, rest = command.data.partition("\nat stages[")
            assert first == text, repr(text)
            assert rest.split("\n")[0].endswith(f'(stage "{text}")'), repr(text)
