"""`--format markdown`: a report to post as a pull-request (or merge-request) comment.

A summary line (files checked, errors, warnings, infos, files that could not be read),
then one table per file with findings (severity, rule, line:col, stage and data path,
message), then the files that could not be read.

Everything that comes from a strategy or a file name goes through `escape`, which is
written for GitHub-flavoured Markdown (GitLab's renderer reads it the same way) so that a
claim's text shows as the text it is:

- It cannot break the table: `|` is written `&#124;` (a cell boundary is found before
  inline parsing, so only a raw pipe splits a row), and a line break becomes `<br>`, the
  one tag this reporter writes itself. A row is always one line with six pipes.
- It cannot inject HTML: `&`, `<` and `>` become entities, so "<script>" reads as text.
- It cannot format or hide anything: `\\`, `` ` ``, `*`, `_`, `[`, `]`, `~` and `$` are
  backslash-escaped (no code spans, emphasis, strike-through, math, or links whose target
  differs from their text), and `#` becomes `&#35;` (no heading).
- It cannot notify or cross-reference: `@name` mentions and `#123` and `GH-123` issue
  references are defused by a zero-width space after the `@`, `#` or `GH-` (`&#8203;`),
  as Renovate does in its pull requests. A reader sees the same characters; GitHub's
  mention and reference filters do not match them. Bare URLs stay as written: GitHub may
  link them, but a link then shows exactly where it goes.

A comment must be postable: GitHub refuses a body over 65,536 characters, so a report that
would be longer keeps its summary, shows the rows that fit (report order: file by file,
each row whole) and ends with a line saying how many more findings are not shown and that
the full report (SARIF, JSON, the table) lists them all. With a baseline, the recorded
entries that no longer occur are listed under their own heading (file, code and path).
"""

from __future__ import annotations

from collections.abc import Mapping

from funnelcheck.findings import Finding, Location, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.sarif import encodable

ZERO_WIDTH_SPACE = "&#8203;"
_ENTITIES: Mapping[str, str] = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "#": "&#35;",
}
_BACKSLASHED = frozenset("\\`*_[]~$")
#: GitHub's limit on a comment's body, in characters.
COMMENT_LIMIT = 65_536
#: Room kept for the line that says how many findings were left out.
_NOTE_ROOM = 300
HEADER = "| severity | rule | line:col | stage / path | message |"
DELIMITER = "| --- | --- | --- | --- | --- |"


def escape(text: str) -> str:
    """`text` as inert Markdown that stays on one line (see the module's docstring)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(_escape_line(line) for line in lines)


def _escape_line(line: str) -> str:
    out: list[str] = []
    for index, char in enumerate(line):
        following = line[index + 1] if index + 1 < len(line) else ""
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _BACKSLASHED:
            out.append("\\" + char)
        else:
            out.append(char)
        if (
            (char == "@" and following.isalnum())
            or (char == "#" and following.isdigit())
            or (char == "-" and following.isdigit() and line[index - 2 : index].lower() == "gh")
        ):
            out.append(ZERO_WIDTH_SPACE)
    return "".join(out)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _where(location: Location) -> str:
    parts = []
    if location.stage is not None:
        parts.append(escape(location.stage))
    if location.path:
        parts.append(escape(location.path))
    return "<br>".join(parts)


def _row(finding: Finding) -> str:
    location = finding.location
    message = escape(finding.message)
    for other in finding.related:
        related = f"{other.file}:{other.line}:{other.column}"
        if other.path:
            related += f" {other.path}"
        if other.stage is not None:
            related += f' (stage "{other.stage}")'
        message += "<br>related: " + escape(related)
    cells = (
        finding.severity.label,
        f"{escape(finding.code)} {escape(finding.name)}",
        f"{location.line}:{location.column}",
        _where(location),
        message,
    )
    return "| " + " | ".join(cells) + " |"


class MarkdownReporter(Reporter):
    name = "markdown"
    extension = "md"

    def render(self, report: Report, ctx: RenderContext) -> str:
        counts = report.counts()
        unreadable = report.errors()
        summary = (
            f"Checked {_plural(len(report.files), 'file')} "
            f"with funnelcheck {escape(report.version)}: "
            f"{_plural(counts[Severity.ERROR], 'error')}, "
            f"{_plural(counts[Severity.WARNING], 'warning')}, "
            f"{_plural(counts[Severity.INFO], 'info')}"
        )
        if unreadable:
            summary += f"; {_plural(len(unreadable), 'file')} could not be read"
        summary += "."
        if report.baselined:
            summary += f" {_plural(report.baselined, 'known finding')} hidden by the baseline."
        if report.fixed:
            gone = len(report.fixed)
            entries = "entry no longer occurs" if gone == 1 else "entries no longer occur"
            summary += f" {gone} baseline {entries}."
        blocks = ["## funnelcheck", summary]
        if not any(counts.values()):
            blocks.append("No findings.")
        tail: list[str] = []
        if unreadable:
            items = [
                f"- {escape(result.file)}: {escape(result.error or '')}" for result in unreadable
            ]
            tail.extend(["### Could not be read", "\n".join(items)])
        if report.fixed:
            items = [
                f"- {escape(entry.get('file', ''))}: {escape(entry.get('code', ''))}"
                f" at {escape(entry.get('path', '') or '(the whole file)')}"
                for entry in report.fixed
            ]
            tail.extend(["### Baseline entries that no longer occur", "\n".join(items)])
        budget = COMMENT_LIMIT - _NOTE_ROOM - sum(len(block) + 2 for block in (*blocks, *tail))
        left_out = 0
        for result in report.files:
            if not result.findings:
                continue
            heading = f"### {escape(result.file)}"
            rows = [HEADER, DELIMITER]
            cost = len(heading) + len(HEADER) + len(DELIMITER) + 6
            for finding in result.findings:
                row = _row(finding)
                if left_out or cost + len(row) + 1 > budget:
                    left_out += 1  # once one row is left out, all later ones are: no gaps
                    continue
                rows.append(row)
                cost += len(row) + 1
            if len(rows) > 2:
                blocks.extend([heading, "\n".join(rows)])
                budget -= cost
        if left_out:
            more = "finding is" if left_out == 1 else "findings are"
            blocks.append(
                f"{left_out} more {more} not shown: a comment holds at most "
                f"{COMMENT_LIMIT:,} characters; the full report (SARIF, JSON or the table) "
                "lists them all."
            )
        blocks.extend(tail)
        return encodable("\n\n".join(blocks)) + "\n"
