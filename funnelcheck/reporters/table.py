"""`--format table` (the default): per file, the relay, then the findings grouped by stage.

Drawn by rich: one `Console` per run (made by `console()`), a rich `Table` per relay and
per file's findings. Rich measures the text (East Asian wide characters take two
columns), shares the width among the columns and wraps every cell at spaces, folding a
word longer than its column across lines: a message is never cut short or ended with an
ellipsis. Rich is imported only when a table or the relay is drawn.

Every string from a strategy goes through `clean()` and reaches rich only as a `Text`,
never as markup: a claim holding `[bold]` or `[link=...]` prints those characters. Styles
are spans over our own text, so padding is never coloured, and the console is told the
colour decision the CLI made (`--color`, then NO_COLOR, then FORCE_COLOR): rich reads no
environment variable of its own. Trailing spaces of rich's padding are trimmed from each
line.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from funnelcheck.findings import (
    FileResult,
    Finding,
    Handoff,
    Relay,
    RelayStage,
    Report,
    Severity,
    Why,
)
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.support.terminal import clean

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

#: The width when neither a terminal nor COLUMNS says (output to a file or a pipe).
DEFAULT_WIDTH = 120
#: The narrowest a wrapping column gets on a terminal too narrow for a table: below it,
#: every word would be cut; the lines overflow instead (rich would drop whole columns).
MIN_WIDTH = 10
#: Between two columns, as the tables have always been spaced.
GAP = 3

# Styles: rich style definitions, applied only when colour is on.
BOLD = "bold"
DIM = "dim"
BOLD_UNDERLINE = "bold underline"
RED = "red"
BOLD_RED = "bold red"
GREEN = "green"
YELLOW = "yellow"
CYAN = "cyan"
PLAIN = ""

SEVERITY_STYLE = {Severity.ERROR: BOLD_RED, Severity.WARNING: YELLOW, Severity.INFO: CYAN}


# --- rich, used one way everywhere ------------------------------------------------------


def console(width: int, color: bool) -> Console:
    """The run's console: `width` columns, SGR colour only when `color`, and nothing of
    rich's own reading of the text (no markup, no emoji codes, no highlighting)."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
        _environ={},  # the CLI decided colour and width; rich reads no variable itself
    )


def draw(target: Console, renderables: Iterable[RenderableType]) -> str:
    """The renderables as text, lines without the trailing spaces of rich's padding and
    wrapping; a text that fits its line keeps its own (a file name ending in a space)."""
    from rich.text import Text

    out: list[str] = []
    for renderable in renderables:
        # A text that fits is written whole (rich's wrapping would trim its end).
        fits = isinstance(renderable, Text) and renderable.cell_len <= target.width
        with target.capture() as captured:
            target.print(renderable, overflow="fold", crop=False, no_wrap=fits)
        lines = captured.get().split("\n")[:-1]
        if fits:
            out.extend(line + "\n" for line in lines)
        else:
            out.extend(line.rstrip(" ") + "\n" for line in lines)
    return "".join(out)


def text(value: str, style: str = PLAIN) -> Text:
    """Our (already `clean`) text as a rich `Text`, `style` as a span over the text alone
    (not over the padding rich adds around it)."""
    from rich.text import Text

    shown = Text(value, overflow="fold", end="")
    if style and value:
        shown.stylize(style)
    return shown


def new_table(*columns: tuple[str, dict[str, Any]]) -> Table:
    """A table as the checker has always drawn them: headers, a rule under them, three
    spaces between columns, no frame; each column's cells wrap, folding long words."""
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP // 2),
        header_style=None,
        border_style=None,
        highlight=False,
    )
    for header, options in columns:
        table.add_column(text(header, BOLD), overflow="fold", **options)
    return table


class AtLeast:
    """A renderable drawn `width` columns wide at least: on a terminal narrower than that,
    its lines overflow rather than rich squeezing a column to nothing (and its text away)."""

    def __init__(self, renderable: RenderableType, width: int) -> None:
        self.renderable = renderable
        self.width = width

    def __rich_console__(self, target: Console, options: Any) -> Any:
        if options.max_width >= self.width:
            yield self.renderable
        else:
            yield from target.render(self.renderable, options.update_width(self.width))


def fitted(table: Table) -> RenderableType:
    """`table`, kept from collapsing below what it needs: columns that do not wrap at their
    widest cell, the wrapping ones at MIN_WIDTH (or their widest cell, when narrower)."""
    from rich.cells import cell_len

    need = GAP * (len(table.columns) - 1)
    for column in table.columns:
        widest = 0
        for cell in (column.header, *column.cells):
            widest = max(widest, cell_len(cell.plain if hasattr(cell, "plain") else str(cell)))
            if not column.no_wrap and widest >= MIN_WIDTH:
                break
        need += widest if column.no_wrap else min(widest, MIN_WIDTH)
    return AtLeast(table, need)


def hanging(label: str, label_style: str, body: str, body_style: str) -> RenderableType:
    """`label` then `body`, the body wrapped under itself when it is longer than the line."""
    from rich.cells import cell_len
    from rich.table import Table

    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold", min_width=MIN_WIDTH)
    grid.add_row(text(label, label_style), text(body, body_style))
    return AtLeast(grid, cell_len(label) + MIN_WIDTH)


# --- The report -------------------------------------------------------------------------


class TableReporter(Reporter):
    name = "table"
    extension = "txt"
    terminal_safe = True  # every text through clean(); colours of its own

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The report one file at a time, then the statistics, baseline and summary."""
        out = console(ctx.width or DEFAULT_WIDTH, ctx.color)
        for result in report.files:
            if ctx.quiet and not result.findings and result.error is None:
                continue
            yield draw(out, _file(result, ctx))
        if ctx.statistics:
            yield draw(out, _statistics(report))
        if report.fixed:
            yield draw(out, _fixed(report))
        if not ctx.quiet:
            yield draw(out, [_summary(report)])


def _file(result: FileResult, ctx: RenderContext) -> list[RenderableType]:
    shown: list[RenderableType] = [text(clean(result.file), BOLD_UNDERLINE)]
    if result.error is not None:
        shown.append(hanging("  ", PLAIN, f"could not be checked: {clean(result.error)}", BOLD_RED))
        shown.append(text(""))
        return shown
    if result.relay is not None and not ctx.quiet:
        # The title and the leads are written at the terminal's width, not the table's.
        shown.append(text(relay_title(result.relay), BOLD))
        shown.append(fitted(relay_table(result.relay)))
        if result.relay.leads_needed is not None:
            shown.append(text(leads_caption(result.relay), DIM))
    if result.findings:
        shown.append(fitted(findings_table(result.findings, ctx.width or DEFAULT_WIDTH)))
    elif not ctx.quiet:
        shown.append(text("  no findings", GREEN))
    shown.append(text(""))
    return shown


def relay_title(relay: Relay) -> str:
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    return f"The relay: the problem's concepts are {concepts}"


def leads_caption(relay: Relay) -> str:
    out = clean(relay.customers_out or "")
    from funnelcheck.language.money import format_count

    leads = format_count(relay.leads_needed or 0)
    return f"{leads} leads needed at the top for {out} out at the bottom"


def relay_table(relay: Relay) -> Table:
    """The relay, one row per stage, each handoff held or dropped between them. In a
    funnel that branches, the stages of each path are named with it, the rows before a
    branch and where the paths join say so, and each handoff names the stage it comes from
    (a stage may be handed leads by several)."""
    table = new_table(
        ("#", {"justify": "right", "no_wrap": True}),
        ("role", {"no_wrap": True}),
        ("stage", {}),
        ("carries", {}),
        ("conv.", {"justify": "right", "no_wrap": True}),
    )
    blank = text("")
    branched = bool(relay.paths)
    in_branch = False
    for stage, handoffs in relay_steps(relay):
        if branched and (stage.path is not None) != in_branch:
            in_branch = not in_branch
            if in_branch:
                paths = ", ".join(clean(p) for p in relay.paths)
                table.add_row(blank, blank, text("  ↳ paths split", BOLD), text(paths, DIM), blank)
            else:
                table.add_row(blank, blank, text("  ↲ paths join", BOLD), blank, blank)
        for handoff in handoffs:
            source = f" from {handoff.source + 1}" if branched else ""
            if handoff.held:
                passed = ", ".join(clean(c) for c in handoff.passed)
                table.add_row(
                    blank, blank, text(f"  ↓ held{source}", GREEN), text(passed, DIM), blank
                )
            else:
                table.add_row(
                    blank,
                    blank,
                    text(f"  ↓ DROPPED{source}", BOLD_RED),
                    text("no concept passes across", RED),
                    blank,
                )
        if stage.says_something and stage.why:
            carries = text("; ".join(why_text(w) for w in stage.why))
        elif stage.says_something and stage.price_only:
            carries = text(PRICE_ONLY, DIM)
        elif stage.says_something:
            carried = ", ".join(clean(c) for c in stage.tells)
            carries = text(carried, PLAIN) if carried else text("nothing", RED)
        else:
            carries = text("(says nothing)", DIM)
        name = (
            clean(stage.name) if stage.path is None else f"{clean(stage.path)}: {clean(stage.name)}"
        )
        table.add_row(
            text(str(stage.index + 1)),
            text(clean(stage.role)),
            text(name),
            carries,
            text(clean(stage.conversion) if stage.conversion else "-"),
        )
    return table


#: What the relay shows for a stage that only states its terms (`RelayStage.price_only`).
PRICE_ONLY = "price only (its job's words)"


def relay_steps(relay: Relay) -> Iterator[tuple[RelayStage, list[Handoff]]]:
    """Each stage in funnel order with the handoffs into it (from its earlier stages)."""
    into: dict[int, list[Handoff]] = {}
    for handoff in relay.handoffs:
        into.setdefault(handoff.target, []).append(handoff)
    for stage in relay.stages:
        yield stage, into.get(stage.index, [])


def why_text(why: Why) -> str:
    """One piece of `--why` evidence: `payout ← “Stripe payouts” (as “payout”) 12:9`; the
    place is the text's start, said so, when the words cannot be placed exactly."""
    words = clean(why.words)
    wording = clean(why.wording)
    shown = f"{clean(why.concept)} ← “{words}”"
    if wording.casefold() != words.casefold():
        shown += f" (as “{wording}”)"
    place = f"{why.line}:{why.column}"
    return f"{shown} {place}" if why.exact else f"{shown} in the text at {place}"


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


def findings_table(findings: Sequence[Finding], width: int) -> Table:
    """Severity, code, where (line:col and stage) and message; a blank line between stages."""
    table = new_table(
        ("severity", {"no_wrap": True}),
        ("code", {"no_wrap": True}),
        # Kept narrow so that the message has the room.
        ("where", {"max_width": where_width(width)}),
        ("message", {}),
    )

    # Grouped by stage: the findings outside any stage first, then each stage in order.
    def group(f: Finding) -> tuple[int, int]:
        index = stage_index(f)
        return (0, 0) if index is None else (1, index)

    ordered = sorted(findings, key=lambda f: (group(f), f.sort_key()))
    for n, finding in enumerate(ordered):
        loc = finding.location
        where = f"{loc.line}:{loc.column}"
        if loc.stage is not None:
            where += f" {clean(loc.stage)}"
        last_of_group = n + 1 < len(ordered) and group(ordered[n + 1]) != group(finding)
        table.add_row(
            text(finding.severity.label, SEVERITY_STYLE[finding.severity]),
            text(clean(finding.code)),
            text(where),
            text(clean(finding.message)),
            end_section=last_of_group,  # a blank line before the next stage
        )
    return table


def statistics_text(report: Report, width: int | None = None, color: bool = False) -> str:
    """The "Findings per rule" table alone: what `--statistics` prints on standard error
    when none of the chosen reports holds it."""
    return draw(console(width or DEFAULT_WIDTH, color), _statistics(report))


def _statistics(report: Report) -> list[RenderableType]:
    table = new_table(("count", {"justify": "right", "no_wrap": True}), ("code", {}), ("rule", {}))
    for code, name, n in report.per_rule():
        table.add_row(text(str(n)), text(clean(code)), text(clean(name)))
    return [text("Findings per rule", BOLD), fitted(table), text("")]


def _fixed(report: Report) -> list[RenderableType]:
    """Baseline entries that no longer occur: fixed, or their text changed."""
    n = len(report.fixed)
    shown: list[RenderableType] = [
        text(
            f"{n} baseline entr{'y' if n == 1 else 'ies'} no longer occur "
            "(fixed, or the text changed; write the baseline again to drop them):",
            BOLD,
        )
    ]
    for entry in report.fixed:
        where = " ".join(clean(entry.get(k, "")) for k in ("file", "code", "path"))
        shown.append(hanging("  ", PLAIN, where, PLAIN))
    shown.append(text(""))
    return shown


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
    style = BOLD_RED if counts[Severity.ERROR] or unreadable else BOLD
    return text(", ".join(parts), style)
