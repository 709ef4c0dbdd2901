"""`--format table` (the default): per file, the relay, then the findings grouped by stage.

Every string from a strategy goes through `clean()` before it reaches the terminal, so no
control sequence (an escape, a bell, a bidi override) that came from the input is printed;
and every cell is a `Text`, never markup, so `[bold]` in a claim is just text.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from funnelcheck.findings import FileResult, Finding, Relay, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.terminal import clean

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def text_console(buffer: io.StringIO, ctx: RenderContext) -> Console:
    """A console that writes plain text (or ANSI colour when asked) into `buffer`.

    No markup, highlighting or emoji codes: every cell is text from the report.
    """
    return Console(
        file=buffer,
        width=ctx.width or 120,
        color_system="standard" if ctx.color else None,
        force_terminal=ctx.color,
        no_color=not ctx.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


class TableReporter(Reporter):
    name = "table"
    extension = "txt"

    def render(self, report: Report, ctx: RenderContext) -> str:
        buffer = io.StringIO()
        console = text_console(buffer, ctx)
        for result in report.files:
            if ctx.quiet and not result.findings and result.error is None:
                continue
            _file(console, result, ctx)
        if ctx.statistics:
            _statistics(console, report)
        if report.fixed:
            _fixed(console, report)
        if not ctx.quiet:
            console.print(_summary(report))
        return buffer.getvalue()


def _file(console: Console, result: FileResult, ctx: RenderContext) -> None:
    console.print(Text(clean(result.file), style="bold underline"))
    if result.error is not None:
        console.print(Text(f"  could not be checked: {clean(result.error)}", style="bold red"))
        console.print()
        return
    if result.relay is not None and not ctx.quiet:
        # The title is printed on its own, at the console's width: as the table's title
        # it would wrap at the table's (often narrower) width.
        console.print(_relay_title(result.relay))
        console.print(_relay_table(result.relay))
    if result.findings:
        console.print(_findings_table(result.findings, console.width))
    elif not ctx.quiet:
        console.print(Text("  no findings", style="green"))
    console.print()


def _relay_title(relay: Relay) -> Text:
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    return Text(f"The relay: the problem's concepts are {concepts}", style="bold")


def _relay_table(relay: Relay, findings: list[Finding] | None = None) -> Table:
    """The relay, one row per stage, each handoff held or dropped between them.

    With `findings`, each stage is followed by the findings that sit on it (the relay
    command's view for a pitch review: the drops at each handoff).
    """
    table = Table(
        box=box.SIMPLE,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("role", no_wrap=True)
    table.add_column("stage", overflow="fold", ratio=2)
    table.add_column("carries", overflow="fold", ratio=3)
    table.add_column("conv.", justify="right", no_wrap=True)
    handoff_into = {h.target: h for h in relay.handoffs}
    on_stage: dict[int, list[Finding]] = {}
    for finding in findings or ():
        index = stage_index(finding)
        if index is not None:
            on_stage.setdefault(index, []).append(finding)
    for stage in relay.stages:
        handoff = handoff_into.get(stage.index)
        if handoff is not None:
            if handoff.held:
                passed = ", ".join(clean(c) for c in handoff.passed)
                table.add_row("", "", Text("  ↓ held", style="green"), Text(passed, style="dim"))
            else:
                table.add_row(
                    "",
                    "",
                    Text("  ↓ DROPPED", style="bold red"),
                    Text("no concept passes across", style="red"),
                )
        if stage.says_something:
            carries = Text(
                ", ".join(clean(c) for c in stage.carries) or "nothing",
                style="" if stage.carries else "red",
            )
        else:
            carries = Text("(says nothing)", style="dim")
        table.add_row(
            str(stage.index + 1),
            clean(stage.role),
            Text(clean(stage.name)),
            carries,
            stage.conversion or "-",
        )
        for finding in on_stage.get(stage.index, ()):
            table.add_row(
                "",
                Text(finding.severity.label, style=_STYLE[finding.severity]),
                Text(f"  {finding.code} {finding.location.line}:{finding.location.column}"),
                Text(clean(finding.message)),
                "",
            )
    if relay.leads_needed is not None:
        out = clean(relay.customers_out or "")
        table.caption = Text(
            f"{relay.leads_needed:,} leads needed at the top for {out} out at the bottom",
            style="dim",
        )
        table.caption_justify = "left"
    return table


def stage_index(finding: Finding) -> int | None:
    """The stage a finding sits in, from its path (`stages[3]...`), or None."""
    path = finding.location.path
    if path.startswith("stages["):
        return int(path[7 : path.index("]")])
    return None


def where_width(width: int) -> int:
    """The widest the "where" column (line:col and the stage's name) may be.

    A fifth of the line, between 12 and 24 columns: at 80 columns the message keeps about
    half the line (rather than 34 columns beside a 24-column stage name), and a long stage
    name wraps within its column instead.
    """
    return max(12, min(24, width // 5))


def _findings_table(findings: list[Finding], width: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("severity", no_wrap=True)
    table.add_column("code", no_wrap=True)
    # "where" is line:col and the stage's name: kept narrow so the message has the room.
    table.add_column("where", overflow="fold", ratio=1, max_width=where_width(width))
    table.add_column("message", overflow="fold", ratio=5)

    # Grouped by stage: the findings outside any stage first, then each stage in order.
    def group(f: Finding) -> tuple[int, int]:
        index = stage_index(f)
        return (0, 0) if index is None else (1, index)

    previous: tuple[int, int] | None = None
    for finding in sorted(findings, key=lambda f: (group(f), f.sort_key())):
        key = group(finding)
        if previous is not None and key != previous:
            table.add_section()
        previous = key
        loc = finding.location
        where = f"{loc.line}:{loc.column}"
        if loc.stage is not None:
            where += f" {clean(loc.stage)}"
        table.add_row(
            Text(finding.severity.label, style=_STYLE[finding.severity]),
            finding.code,
            Text(where),
            Text(clean(finding.message)),
        )
    return table


def _statistics(console: Console, report: Report) -> None:
    counts: dict[tuple[str, str], int] = {}
    for f in report.findings():
        counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
    table = Table(title="Findings per rule", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("count", justify="right")
    table.add_column("code")
    table.add_column("rule")
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(str(n), code, name)
    console.print(table)


def _fixed(console: Console, report: Report) -> None:
    """Baseline entries that no longer occur: fixed, or their text changed."""
    n = len(report.fixed)
    console.print(
        Text(
            f"{n} baseline entr{'y' if n == 1 else 'ies'} no longer occur "
            "(fixed, or the text changed; write the baseline again to drop them):",
            style="bold",
        )
    )
    for entry in report.fixed:
        where = " ".join(clean(entry.get(k, "")) for k in ("file", "code", "path"))
        console.print(Text(f"  {where}"))
    console.print()


def _summary(report: Report) -> Text:
    counts = report.counts()
    parts = [
        f"{len(report.files)} file{'s' if len(report.files) != 1 else ''}",
        f"{counts[Severity.ERROR]} error{'s' if counts[Severity.ERROR] != 1 else ''}",
        f"{counts[Severity.WARNING]} warning{'s' if counts[Severity.WARNING] != 1 else ''}",
        f"{counts[Severity.INFO]} info",
    ]
    unreadable = len(report.errors())
    if unreadable:
        parts.append(f"{unreadable} could not be checked")
    if report.baselined:
        parts.append(f"{report.baselined} in the baseline")
    style = "bold red" if counts[Severity.ERROR] or unreadable else "bold"
    return Text(", ".join(parts), style=style)
