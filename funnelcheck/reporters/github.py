"""`--format github`: GitHub Actions workflow commands that annotate the changed files.

One line per annotation: `::error file=F,line=L,col=C,title=T::MESSAGE` (`::warning` for
warnings, `::notice` for infos; a file that could not be read is an `::error` on that
file). Text from a strategy is escaped as GitHub's toolkit escapes it (`escapeData`,
`escapeProperty` in actions/toolkit `command.ts`): `%` -> `%25`, CR -> `%0D`, LF -> `%0A`
everywhere, and in properties also `:` -> `%3A` and `,` -> `%2C`. So a message can never
end the line it is on, and nothing in it can be taken for the `::` that ends the
properties: the runner reads every one of our lines as exactly the command we wrote, and
no text from a strategy starts a line. Other characters pass unchanged (the runner splits
lines only at CR and LF).

GitHub shows at most 10 annotations of each level per step (and 50 per job) and drops the
rest silently. So the most severe come first (errors, then warnings, then notices; report
order within a level), at most 10 of each level are written, and when any were held back a
last, plain line (not a workflow command) says how many of each level. That line is not
written when nothing was held back.
"""

from __future__ import annotations

from collections.abc import Mapping

from funnelcheck.findings import Finding, Location, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.sarif import relative_to_cwd

#: GitHub's limit of annotations of one level in one step.
ANNOTATIONS_PER_LEVEL = 10

COMMANDS: Mapping[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(text: str) -> str:
    """A command's message, escaped as actions/toolkit's `escapeData` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value, escaped as actions/toolkit's `escapeProperty` does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: list[tuple[str, str]], message: str) -> str:
    """One workflow command line, every value escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {props}::{escape_data(message)}"


def _file(file: str, cwd: str) -> str:
    # GitHub resolves annotation paths against the workspace: relative where we can.
    relative = relative_to_cwd(file, cwd)
    return file if relative is None else relative


def _where(location: Location) -> str:
    where = location.path
    if location.stage is not None:
        where = f'{where} (stage "{location.stage}")' if where else f'stage "{location.stage}"'
    return where


def _finding_message(finding: Finding, cwd: str) -> str:
    lines = [finding.message]
    if where := _where(finding.location):
        lines.append(f"at {where}")
    for other in finding.related:
        lines.append(
            f"related: {_file(other.file, cwd)}:{other.line}:{other.column} {_where(other)}"
        )
    return "\n".join(lines)


class GithubReporter(Reporter):
    name = "github"
    extension = "txt"
    workflow_commands = True

    def __init__(self, per_level: int = ANNOTATIONS_PER_LEVEL) -> None:
        self.per_level = per_level

    def render(self, report: Report, ctx: RenderContext) -> str:
        # Most severe first, report order within a level (a file's read error, then its
        # findings); only the first `per_level` of each level are kept, the rest counted,
        # so that a run with hundreds of thousands of findings holds thirty lines.
        shown: dict[Severity, list[str]] = {severity: [] for severity in Severity}
        left_out: dict[Severity, int] = dict.fromkeys(Severity, 0)

        def room(severity: Severity) -> bool:
            if len(shown[severity]) < self.per_level:
                return True
            left_out[severity] += 1
            return False

        for result in report.files:
            if result.error is not None and room(Severity.ERROR):
                properties = [
                    ("file", _file(result.file, ctx.cwd)),
                    ("title", "funnelcheck: could not read the file"),
                ]
                shown[Severity.ERROR].append(command("error", properties, result.error))
            for finding in result.findings:
                if room(finding.severity):
                    shown[finding.severity].append(_annotation(finding, ctx.cwd))
        lines = [line for severity in sorted(Severity, reverse=True) for line in shown[severity]]
        if any(left_out.values()):
            counts = ", ".join(
                f"{left_out[severity]} {COMMANDS[severity]}{'s' if left_out[severity] != 1 else ''}"
                for severity in sorted(Severity, reverse=True)
            )
            lines.append(
                f"funnelcheck: {counts} not shown as annotations (GitHub shows at most "
                f"{self.per_level} of each level per step); the full report lists them all."
            )
        return "".join(line + "\n" for line in lines)


def _annotation(finding: Finding, cwd: str) -> str:
    location = finding.location
    properties = [("file", _file(location.file, cwd))]
    if location.line >= 1:
        properties.append(("line", str(location.line)))
        if location.column >= 1:
            properties.append(("col", str(location.column)))
    properties.append(("title", f"{finding.code} {finding.name}"))
    return command(COMMANDS[finding.severity], properties, _finding_message(finding, cwd))
