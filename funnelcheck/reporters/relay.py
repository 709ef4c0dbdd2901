"""`funnelcheck relay FILE` (or `--format relay`): the relay alone, for a pitch review.

Made to be read from the back of a room, on a projector or a shared screen 80 columns wide:

- the leads needed at the top (per `goals.per`) above the first stage, and the customers
  out at the bottom below the last;
- one line per stage in funnel order: number, role, name and conversion, then what the
  stage carries of the problem's concepts;
- between two stages, the handoff, held (with the concepts passed across) or DROPPED;
- with `--why`, under what a stage carries, the evidence: each concept with the words that
  carried it, the wording they met and their line:column;
- under each stage, the findings that sit on it, each on its own lines: severity, code
  and line:column, then the message wrapped under itself (never squeezed into a column);
- findings that belong to no stage (price, evidence, goals...) follow in one short list,
  wrapped the same way.

The width is the terminal's, or COLUMNS when piped, or 80 (a projector's usual width) when
neither is known; every line fits in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from funnelcheck.findings import FileResult, Finding, Relay, RelayStage, Report
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.table import (
    BOLD,
    BOLD_RED,
    BOLD_UNDERLINE,
    DIM,
    GREEN,
    PLAIN,
    RED,
    SEVERITY_STYLE,
    cell_width,
    hanging,
    paint,
    paragraph,
    relay_steps,
    stage_index,
    why_text,
    wrap,
)
from funnelcheck.terminal import clean

#: The width when neither a terminal nor COLUMNS says: what a projector shows legibly.
DEFAULT_WIDTH = 80
#: The longest role name ("marketing", "retention").
_ROLE_WIDTH = 9
_INDENT = "    "


class RelayReporter(Reporter):
    name = "relay"
    extension = "txt"
    terminal_safe = True  # every text through clean(); colours of its own

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        width = ctx.width or DEFAULT_WIDTH
        for result in report.files:
            lines = _file(result, width, ctx.color)
            lines.append("")
            yield "".join(line + "\n" for line in lines)


def _file(result: FileResult, width: int, color: bool) -> list[str]:
    lines = paragraph(clean(result.file), width, color, BOLD_UNDERLINE)
    if result.error is not None:
        lines += hanging(
            "  ", PLAIN, f"could not be checked: {clean(result.error)}", RED, width, color
        )
        return lines
    if result.relay is None:
        lines += hanging(
            "  ",
            PLAIN,
            "no relay: the file does not have the format's shape yet",
            RED,
            width,
            color,
        )
        for finding in result.findings:
            lines += _finding(finding, "  ", width, color)
        return lines
    relay = result.relay
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    lines += hanging(
        "The relay: ", BOLD, f"the problem's concepts are {concepts}", PLAIN, width, color
    )
    on_stage: dict[int, list[Finding]] = {}
    elsewhere: list[Finding] = []
    for finding in result.findings:
        index = stage_index(finding)
        if index is None:
            elsewhere.append(finding)
        else:
            on_stage.setdefault(index, []).append(finding)
    leads, customers = _ends(relay)
    if leads:
        lines += hanging("  ", PLAIN, leads, BOLD, width, color)
    # One width for every stage's conversion and role, so that they line up down the funnel.
    conversion_width = max((cell_width(_conversion(stage)) for stage in relay.stages), default=0)
    role_width = max((cell_width(clean(stage.role)) for stage in relay.stages), default=0)
    role_width = max(role_width, _ROLE_WIDTH)
    branched = bool(relay.paths)
    in_branch = False
    for stage, handoffs in relay_steps(relay):
        if branched and (stage.path is not None) != in_branch:
            in_branch = not in_branch
            if in_branch:
                paths = ", ".join(clean(p) for p in relay.paths)
                lines += hanging(f"{_INDENT}↳ paths split: ", BOLD, paths, DIM, width, color)
            else:
                lines += hanging(f"{_INDENT}↲ paths join", BOLD, "", PLAIN, width, color)
        for handoff in handoffs:
            source = f" from {handoff.source + 1}" if branched else ""
            if handoff.held:
                passed = ", ".join(clean(c) for c in handoff.passed)
                lines += hanging(f"{_INDENT}↓ held{source}: ", GREEN, passed, DIM, width, color)
            else:
                lines += hanging(
                    f"{_INDENT}↓ DROPPED{source}: ",
                    BOLD_RED,
                    "no concept passes across",
                    RED,
                    width,
                    color,
                )
        lines += _stage_line(stage, role_width, conversion_width, width, color)
        body, style = _carries(stage)
        lines += hanging(f"{_INDENT}carries: ", PLAIN, body, style, width, color)
        for why in stage.why or ():
            lines += hanging(f"{_INDENT}  why: ", DIM, why_text(why), PLAIN, width, color)
        for finding in on_stage.get(stage.index, ()):
            lines += _finding(finding, _INDENT, width, color)
    if customers:
        lines += hanging("  ", PLAIN, customers, BOLD, width, color)
    if elsewhere:
        lines.append(paint("Outside the stages:", BOLD, color))
        for finding in elsewhere:
            lines += _finding(finding, "  ", width, color)
    return lines


def _ends(relay: Relay) -> tuple[str, str]:
    """ "3,334 leads a quarter needed at the top", "40 customers a quarter out at the bottom"."""
    if relay.leads_needed is None:
        return "", ""
    customers = clean(relay.customers_out or "")
    period = ""
    if match := re.fullmatch(r"(\d+) customers per (\w+)", customers):
        count, unit = int(match.group(1)), match.group(2)
        period = f" a {unit}"
        customers = f"{count:,} customer{'s' if count != 1 else ''}{period}"
    from funnelcheck.money import format_count

    leads = f"{format_count(relay.leads_needed)} leads{period} needed at the top"
    return leads, f"{customers} out at the bottom" if customers else ""


def _conversion(stage: RelayStage) -> str:
    return f"conv. {clean(stage.conversion) if stage.conversion is not None else '-'}"


def _stage_line(
    stage: RelayStage, role_width: int, conversion_width: int, width: int, color: bool
) -> list[str]:
    """Number, role, name (wrapped in its own column) and conversion at the line's end."""
    number = f"{stage.index + 1:>3}"
    role = clean(stage.role)
    role_pad = " " * (role_width - cell_width(role))
    before = cell_width(number) + 1 + role_width + 1
    # The name takes what the number, role and conversion leave (a few columns at least).
    name_width = max(width - before - 1 - conversion_width, 10)
    shown = clean(stage.name) if stage.path is None else f"{clean(stage.path)}: {clean(stage.name)}"
    names = wrap(shown, name_width)
    conversion = _conversion(stage)
    first = (
        paint(number, BOLD, color)
        + f" {role}{role_pad} "
        + paint(names[0], BOLD, color)
        + " " * (name_width - cell_width(names[0]) + 1)
        + conversion
    )
    lines = [first.rstrip(" ")]
    lines.extend(" " * before + paint(name, BOLD, color) for name in names[1:])
    return lines


def _carries(stage: RelayStage) -> tuple[str, str]:
    """What the stage carries, and the style to show it in."""
    if not stage.says_something:
        return "(says nothing)", DIM
    if not stage.carries:
        return "nothing", RED
    return ", ".join(clean(c) for c in stage.carries), PLAIN


def _finding(finding: Finding, indent: str, width: int, color: bool) -> list[str]:
    """Severity, code and line:column, then the message wrapped under itself."""
    location = finding.location
    # The label padded to the longest ("warning") so that codes line up under a stage.
    label = f"{finding.severity.label:<7}"
    rest = f" {clean(finding.code)} {location.line}:{location.column} "
    head_width = cell_width(indent + label + rest)
    messages = wrap(clean(finding.message), max(width - head_width, 10))
    shown = indent + paint(label, SEVERITY_STYLE[finding.severity], color) + rest
    return [shown + messages[0]] + [" " * head_width + line for line in messages[1:]]
