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
neither is known; every line fits in it. Drawn by rich, as the table is (one console, strategy
text only as `Text`, never as markup): each line with a label is a grid whose last column
wraps under itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from funnelcheck.findings import FileResult, Finding, Relay, RelayStage, Report
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.table import (
    BOLD,
    BOLD_RED,
    BOLD_UNDERLINE,
    DIM,
    GREEN,
    MIN_WIDTH,
    PLAIN,
    PRICE_ONLY,
    RED,
    SEVERITY_STYLE,
    AtLeast,
    console,
    draw,
    hanging,
    relay_steps,
    stage_index,
    text,
    why_text,
)
from funnelcheck.support.terminal import clean

if TYPE_CHECKING:
    from rich.console import RenderableType

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
        out = console(ctx.width or DEFAULT_WIDTH, ctx.color)
        for result in report.files:
            yield draw(out, [*_file(result), text("")])


def _file(result: FileResult) -> list[RenderableType]:
    from rich.cells import cell_len

    lines: list[RenderableType] = [text(clean(result.file), BOLD_UNDERLINE)]
    if result.error is not None:
        lines.append(hanging("  ", PLAIN, f"could not be checked: {clean(result.error)}", RED))
        return lines
    if result.relay is None:
        lines.append(
            hanging("  ", PLAIN, "no relay: the file does not have the format's shape yet", RED)
        )
        for finding in result.findings:
            lines.append(_finding(finding, "  "))
        return lines
    relay = result.relay
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    lines.append(hanging("The relay: ", BOLD, f"the problem's concepts are {concepts}", PLAIN))
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
        lines.append(hanging("  ", PLAIN, leads, BOLD))
    # One width for every stage's conversion and role, so that they line up down the funnel.
    conversion_width = max((cell_len(_conversion(stage)) for stage in relay.stages), default=0)
    role_width = max((cell_len(clean(stage.role)) for stage in relay.stages), default=0)
    role_width = max(role_width, _ROLE_WIDTH)
    branched = bool(relay.paths)
    in_branch = False
    for stage, handoffs in relay_steps(relay):
        if branched and (stage.path is not None) != in_branch:
            in_branch = not in_branch
            if in_branch:
                paths = ", ".join(clean(p) for p in relay.paths)
                lines.append(hanging(f"{_INDENT}↳ paths split: ", BOLD, paths, DIM))
            else:
                lines.append(hanging(f"{_INDENT}↲ paths join", BOLD, "", PLAIN))
        for handoff in handoffs:
            source = f" from {handoff.source + 1}" if branched else ""
            if handoff.held:
                passed = ", ".join(clean(c) for c in handoff.passed)
                lines.append(hanging(f"{_INDENT}↓ held{source}: ", GREEN, passed, DIM))
            else:
                lines.append(
                    hanging(
                        f"{_INDENT}↓ DROPPED{source}: ",
                        BOLD_RED,
                        "no concept passes across",
                        RED,
                    )
                )
        lines.append(_stage_line(stage, role_width, conversion_width))
        body, style = _carries(stage)
        lines.append(hanging(f"{_INDENT}carries: ", PLAIN, body, style))
        for why in stage.why or ():
            lines.append(hanging(f"{_INDENT}  why: ", DIM, why_text(why), PLAIN))
        for finding in on_stage.get(stage.index, ()):
            lines.append(_finding(finding, _INDENT))
    if customers:
        lines.append(hanging("  ", PLAIN, customers, BOLD))
    if elsewhere:
        lines.append(text("Outside the stages:", BOLD))
        for finding in elsewhere:
            lines.append(_finding(finding, "  "))
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
    from funnelcheck.language.money import format_count

    leads = f"{format_count(relay.leads_needed)} leads{period} needed at the top"
    return leads, f"{customers} out at the bottom" if customers else ""


def _conversion(stage: RelayStage) -> str:
    return f"conv. {clean(stage.conversion) if stage.conversion is not None else '-'}"


def _stage_line(stage: RelayStage, role_width: int, conversion_width: int) -> RenderableType:
    """Number, role, name (wrapped in its own column) and conversion at the line's end."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(justify="right", width=3, no_wrap=True)
    grid.add_column(width=role_width, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold", min_width=MIN_WIDTH)
    grid.add_column(width=conversion_width, no_wrap=True)
    shown = clean(stage.name) if stage.path is None else f"{clean(stage.path)}: {clean(stage.name)}"
    grid.add_row(
        text(str(stage.index + 1), BOLD),
        text(clean(stage.role)),
        text(shown, BOLD),
        text(_conversion(stage)),
    )
    return AtLeast(grid, 3 + 1 + role_width + 1 + MIN_WIDTH + 1 + conversion_width)


def _carries(stage: RelayStage) -> tuple[str, str]:
    """What the stage carries, and the style to show it in."""
    if not stage.says_something:
        return "(says nothing)", DIM
    if stage.price_only:
        return PRICE_ONLY, DIM
    if not stage.tells:
        return "nothing", RED
    return ", ".join(clean(c) for c in stage.tells), PLAIN


def _finding(finding: Finding, indent: str) -> RenderableType:
    """Severity, code and line:column, then the message wrapped under itself."""
    from rich.table import Table

    location = finding.location
    # The label padded to the longest ("warning") so that codes line up under a stage.
    head = text(indent)
    head.append_text(text(f"{finding.severity.label:<7}", SEVERITY_STYLE[finding.severity]))
    head.append(f" {clean(finding.code)} {location.line}:{location.column} ")
    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold", min_width=MIN_WIDTH)
    grid.add_row(head, text(clean(finding.message)))
    return AtLeast(grid, head.cell_len + MIN_WIDTH)
