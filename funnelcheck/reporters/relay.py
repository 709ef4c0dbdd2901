"""`funnelcheck relay FILE` (or `--format relay`): the relay alone, for a pitch review.

Made to be read from the back of a room, on a projector or a shared screen 80 columns wide:

- the leads needed at the top (per `goals.per`) above the first stage, and the customers
  out at the bottom below the last;
- one line per stage in funnel order: number, role, name and conversion, then what the
  stage carries of the problem's concepts;
- between two stages, the handoff, held (with the concepts passed across) or DROPPED;
- under each stage, the findings that sit on it, each on its own lines: severity, code
  and line:column, then the message wrapped under itself (never squeezed into a column);
- findings that belong to no stage (price, evidence, goals...) follow in one short list,
  wrapped the same way.

The width is the terminal's, or COLUMNS when piped, or 80 (a projector's usual width) when
neither is known; every line fits in it.
"""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from funnelcheck.findings import FileResult, Finding, Relay, RelayStage, Report
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.table import _STYLE, stage_index, text_console
from funnelcheck.terminal import clean

#: The width when neither a terminal nor COLUMNS says: what a projector shows legibly.
DEFAULT_WIDTH = 80
#: The longest role name ("marketing", "retention").
_ROLE_WIDTH = 9
_INDENT = "    "


class RelayReporter(Reporter):
    name = "relay"
    extension = "txt"

    def render(self, report: Report, ctx: RenderContext) -> str:
        buffer = io.StringIO()
        width = ctx.width or DEFAULT_WIDTH
        console = text_console(buffer, RenderContext(color=ctx.color, width=width))
        for result in report.files:
            _file(console, result, width)
            console.print()
        return buffer.getvalue()


def _file(console: Console, result: FileResult, width: int) -> None:
    console.print(Text(clean(result.file), style="bold underline"))
    if result.error is not None:
        console.print(_wrapped("  ", Text(f"could not be checked: {clean(result.error)}", "red")))
        return
    if result.relay is None:
        console.print(
            Text("  no relay: the file does not have the format's shape yet", style="red")
        )
        for finding in result.findings:
            console.print(_finding(finding, "  "))
        return
    relay = result.relay
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    console.print(_wrapped("The relay: ", Text(f"the problem's concepts are {concepts}"), "bold"))
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
        console.print(Text(f"  {leads}", style="bold"))
    handoff_into = {handoff.target: handoff for handoff in relay.handoffs}
    # One width for every stage's conversion, so that the figures line up down the funnel.
    conversion_width = max((len(_conversion(stage)) for stage in relay.stages), default=0)
    for stage in relay.stages:
        handoff = handoff_into.get(stage.index)
        if handoff is not None:
            if handoff.held:
                passed = ", ".join(clean(c) for c in handoff.passed)
                console.print(_wrapped(f"{_INDENT}↓ held: ", Text(passed, "dim"), "green"))
            else:
                console.print(
                    _wrapped(
                        f"{_INDENT}↓ DROPPED: ", Text("no concept passes across", "red"), "bold red"
                    )
                )
        console.print(_stage_line(stage, conversion_width))
        console.print(_wrapped(f"{_INDENT}carries: ", _carries(stage)))
        for finding in on_stage.get(stage.index, ()):
            console.print(_finding(finding, _INDENT))
    if customers:
        console.print(Text(f"  {customers}", style="bold"))
    if elsewhere:
        console.print(Text("Outside the stages:", style="bold"))
        for finding in elsewhere:
            console.print(_finding(finding, "  "))


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
    leads = f"{relay.leads_needed:,} leads{period} needed at the top"
    return leads, f"{customers} out at the bottom" if customers else ""


def _conversion(stage: RelayStage) -> str:
    return f"conv. {clean(stage.conversion) if stage.conversion is not None else '-'}"


def _stage_line(stage: RelayStage, conversion_width: int) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=3, justify="right", no_wrap=True)
    grid.add_column(width=_ROLE_WIDTH, no_wrap=True, overflow="ellipsis")
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(min_width=conversion_width, no_wrap=True)
    grid.add_row(
        Text(str(stage.index + 1), style="bold"),
        Text(clean(stage.role)),
        Text(clean(stage.name), style="bold"),
        Text(_conversion(stage)),
    )
    return grid


def _carries(stage: RelayStage) -> Text:
    if not stage.says_something:
        return Text("(says nothing)", style="dim")
    if not stage.carries:
        return Text("nothing", style="red")
    return Text(", ".join(clean(c) for c in stage.carries))


def _finding(finding: Finding, indent: str) -> Table:
    location = finding.location
    head = Text(indent)
    # Padded to the longest label ("warning") so that codes line up under a stage.
    head.append(f"{finding.severity.label:<7}", style=_STYLE[finding.severity])
    head.append(f" {finding.code} {location.line}:{location.column}")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(head, Text(clean(finding.message)))
    return grid


def _wrapped(label: str, body: Text, label_style: str = "") -> Table:
    """`label` then `body`, the body wrapped under itself when it is longer than the line."""
    grid = Table.grid(expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(Text(label, style=label_style), body)
    return grid
