"""`--format table` (the default): per file, the relay, then the findings grouped by stage.

Drawn with rich: one `Console` per run (made by `console()`), a table per relay and per
file's findings (`Grid`: rich's Table layout, its widths and its look, without the
per-cell machinery that made drawing a file cost more than checking it). Rich measures
the text (East Asian wide characters take two columns) and wraps every cell at spaces,
folding a word longer than its column across lines: a message is never cut short or
ended with an ellipsis. A file's lines become one rich `Text`, rendered in one go. Rich
is imported only when a table or the relay is drawn.

Every string from a strategy goes through `clean()` and reaches rich only as a `Text`,
never as markup: a claim holding `[bold]` or `[link=...]` prints those characters. Styles
are spans over our own text, so padding is never coloured, and the console is told the
colour decision the CLI made (`--color`, then NO_COLOR, then FORCE_COLOR): rich reads no
environment variable of its own. Trailing spaces of the padding are trimmed from each
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
    from rich.text import Span, Text

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


def hanging(label: str, label_style: str, body: str, body_style: str) -> RenderableType:
    """`label` then `body`, the body wrapped under itself when it is longer than the line."""
    from rich.cells import cell_len
    from rich.table import Table

    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold", min_width=MIN_WIDTH)
    grid.add_row(text(label, label_style), text(body, body_style))
    return AtLeast(grid, cell_len(label) + MIN_WIDTH)


# --- rich's Table layout, without its per-cell machinery --------------------------------


class Col:
    """One column of a `Grid`: its header, right or left justified, wrapping or not, and
    the widest it may get (rich's `Column(justify=, no_wrap=, max_width=)`)."""

    __slots__ = ("header", "justify", "max_width", "wrap")

    def __init__(
        self, header: str, justify: str = "left", wrap: bool = True, max_width: int | None = None
    ) -> None:
        self.header = header
        self.justify = justify
        self.wrap = wrap
        self.max_width = max_width


class Grid:
    """A table of rich `Text` cells, laid out as rich's `Table` lays out the tables this
    checker has always drawn (headers, a rule under them, GAP spaces between columns, no
    frame, a blank line after a row that ends a section), at a tenth of its cost.

    Rich's Table renders every cell through its general machinery (a `Padding` around
    it, measured as a renderable, rendered to `Segment` lines, cropped, padded and
    shaped): about 0.1 ms a cell, and a file's relay and findings are some 120 cells, so
    drawing a file cost more than checking it (issue 13). Here the widths are found from
    each column's widest line (`rich.cells.cell_len`, East Asian wide characters two
    columns) and shared out by rich's own rule (when the line is too short, the widest
    wrapping column gives way first, down to the next widest); a cell wider than its
    column is wrapped by rich (`Text.wrap`, folding a word longer than its column); a
    cell that fits is padded as it is. The lines come out as `Text` with the cells' styles
    as spans, so colour stays rich's too. tests/golden holds the look at 80 and 120
    columns, byte for byte what rich's Table drew.
    """

    def __init__(self, *columns: Col) -> None:
        self.columns = columns
        self.rows: list[tuple[tuple[Text, ...], bool]] = []

    def add_row(self, *cells: Text, end_section: bool = False) -> None:
        self.rows.append((cells, end_section))

    def draw(self, page: Page) -> None:
        """The table's lines, at the page's width; wider, overflowing the line, where the
        columns need more: those that do not wrap their widest cell, the wrapping ones
        MIN_WIDTH (or their widest cell, when narrower). Rich would squeeze a column to
        nothing (and its text away) instead."""
        from rich.cells import cell_len

        rows = [(tuple(text(c.header, BOLD) for c in self.columns), False), *self.rows]
        sizes = [[cell_len(cell.plain) for cell in cells] for cells, _ in rows]
        longest = [max(column) for column in zip(*sizes, strict=True)]
        need = GAP * (len(self.columns) - 1) + sum(
            min(wide, MIN_WIDTH) if column.wrap else wide
            for wide, column in zip(longest, self.columns, strict=True)
        )
        widths = self.widths(longest, max(page.width, need))
        gap = " " * GAP
        last = len(self.columns) - 1
        put = page.put
        for number, (cells, end_section) in enumerate(rows):
            # A cell that fits its column is written as it is, padded; a longer one is
            # wrapped by rich into lines of the column's width (padded too).
            wrapped: list[list[Text] | None] = []
            height = 1
            for cell, column, size, wide in zip(
                cells, self.columns, sizes[number], widths, strict=True
            ):
                right = column.justify == "right"
                if size <= wide and not (right and cell.plain[-1:].isspace()):
                    wrapped.append(None)
                    continue
                folded = cell.wrap(
                    page.target,
                    wide,
                    justify="right" if right else "left",
                    overflow="fold",
                    no_wrap=not column.wrap,
                )
                wrapped.append(list(folded))
                height = max(height, len(folded))
            for row in range(height):
                for index, lines in enumerate(wrapped):
                    if index:
                        put(gap)
                    count = 1 if lines is None else len(lines)
                    # Cells at the top of their row; the headers at its foot.
                    at = row - (height - count) if number == 0 else row
                    if not 0 <= at < count:
                        if index < last:
                            put(" " * widths[index])
                    elif lines is not None:
                        put(lines[at].plain, lines[at].spans)
                    elif self.columns[index].justify == "right":
                        put(" " * (widths[index] - sizes[number][index]))
                        put(cells[index].plain, cells[index].spans)
                    else:
                        put(cells[index].plain, cells[index].spans)
                        if index < last:
                            put(" " * (widths[index] - sizes[number][index]))
                page.end_line()
            if number == 0:
                put("─" * (sum(widths) + GAP * last))
                page.end_line()
            elif end_section and number < len(rows) - 1:
                page.end_line()

    def widths(self, longest: list[int], width: int) -> list[int]:
        """Each column's width (its text's, without the gaps), `width` columns in all at
        most, as rich's Table shares them out (`Table._calculate_column_widths`), from the
        `longest` cell of each column."""
        n = len(self.columns)
        # Rich counts a column's padding in its width: GAP is a space of padding on each
        # inner side of a column and a space of rule between two.
        pads = [(index > 0) + (index < n - 1) for index in range(n)]

        def measured(index: int, room: int) -> int:
            pad = pads[index]
            if room < 1:
                return 0
            wide = room if room - pad < 1 else min(longest[index], room - pad) + pad
            limit = self.columns[index].max_width
            return wide if limit is None else min(wide, limit + pad)

        room = width - (n - 1)
        widths = [measured(index, room) or 1 for index in range(n)]
        if sum(widths) > room:
            widths = _collapse(widths, [column.wrap for column in self.columns], room)
            if sum(widths) > room:  # the last resort: every column narrowed alike
                widths = _reduce(sum(widths) - room, [1] * n, widths, widths)
            widths = [measured(index, wide) for index, wide in enumerate(widths)]
        return [max(wide - pad, 0) for wide, pad in zip(widths, pads, strict=True)]


def _collapse(widths: list[int], wrapping: list[bool], room: int) -> list[int]:
    """Narrow the widest wrapping column down to the next widest, and so on, until the
    columns fit in `room` (rich's `Table._collapse_widths`)."""
    excess = sum(widths) - room
    while any(wrapping) and sum(widths) > 0 and excess > 0:
        widest = max(w for w, wraps in zip(widths, wrapping, strict=True) if wraps)
        second = max(
            w if wraps and w != widest else 0 for w, wraps in zip(widths, wrapping, strict=True)
        )
        difference = widest - second
        ratios = [
            1 if wraps and w == widest else 0 for w, wraps in zip(widths, wrapping, strict=True)
        ]
        if not any(ratios) or not difference:
            break
        widths = _reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take `total` off `values` in proportion to `ratios`, none more than its maximum
    (rich's `ratio_reduce`)."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out: list[int] = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * remaining / total_ratio))
            out.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            out.append(value)
    return out


# --- The report -------------------------------------------------------------------------


class Page:
    """Lines on their way out through the run's console: free texts wrapped at its width,
    tables drawn by `Grid`, anything else drawn by rich (`draw`). The lines are kept as
    text and style spans, and rendered in one go: one rich `Text` to segments (with colour
    on; its plain text without), not a `Console.print` per piece."""

    def __init__(self, target: Console) -> None:
        from rich.text import Span

        self._span = Span
        self.target = target
        self.width = target.width
        self._done: list[str] = []
        self._pieces: list[str] = []
        self._spans: list[Span] = []
        self._at = 0
        #: Per line: True where it keeps its trailing spaces (a text that fits its line).
        self._keep: list[bool] = []

    def put(self, piece: str, spans: Sequence[Span] = ()) -> None:
        """`piece` at the end of the current line, with the style spans over it."""
        if spans:
            at = self._at
            self._spans.extend([self._span(at + s.start, at + s.end, s.style) for s in spans])
        self._pieces.append(piece)
        self._at += len(piece)

    def end_line(self, keep: bool = False) -> None:
        """End the current line; its trailing spaces are trimmed unless `keep`."""
        self._pieces.append("\n")
        self._at += 1
        self._keep.append(keep)

    def say(self, shown: Text) -> None:
        """A text, wrapped at the console's width (folding a word longer than the line)."""
        if shown.cell_len <= self.width:
            self.put(shown.plain, shown.spans)
            self.end_line(keep=True)
            return
        for line in shown.wrap(self.target, self.width, overflow="fold"):
            self.put(line.plain, line.spans)
            self.end_line()

    def table(self, grid: Grid) -> None:
        grid.draw(self)

    def draw(self, renderable: RenderableType) -> None:
        self._flush()
        self._done.append(draw(self.target, [renderable]))

    def _flush(self) -> None:
        if not self._pieces:
            return
        plain = "".join(self._pieces)
        if self.target.color_system is None:
            written = plain
        else:
            from rich.color import ColorSystem
            from rich.text import Text

            # What the console writes for each segment (SGR codes around styled text).
            system = ColorSystem.STANDARD
            written = "".join(
                segment.style.render(segment.text, color_system=system)
                if segment.style
                else segment.text
                for segment in Text(plain, spans=self._spans, end="").render(self.target)
            )
        self._done.extend(
            (line if keep else line.rstrip(" ")) + "\n"
            for line, keep in zip(written.split("\n"), self._keep, strict=False)
        )
        self._pieces.clear()
        self._spans.clear()
        self._at = 0
        self._keep.clear()

    def text(self) -> str:
        self._flush()
        done = "".join(self._done)
        self._done.clear()
        return done


class TableReporter(Reporter):
    name = "table"
    extension = "txt"
    terminal_safe = True  # every text through clean(); colours of its own

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The report one file at a time, then the statistics, baseline and summary."""
        page = Page(console(ctx.width or DEFAULT_WIDTH, ctx.color))
        for result in report.files:
            if ctx.quiet and not result.findings and result.error is None:
                continue
            _file(page, result, ctx)
            yield page.text()
        if ctx.statistics:
            _statistics(page, report)
            yield page.text()
        if report.fixed:
            _fixed(page, report)
            yield page.text()
        if not ctx.quiet:
            page.say(_summary(report))
            yield page.text()


def _file(page: Page, result: FileResult, ctx: RenderContext) -> None:
    page.say(text(clean(result.file), BOLD_UNDERLINE))
    if result.error is not None:
        page.draw(hanging("  ", PLAIN, f"could not be checked: {clean(result.error)}", BOLD_RED))
        page.say(text(""))
        return
    if result.relay is not None and not ctx.quiet:
        # The title and the leads are written at the terminal's width, not the table's.
        page.say(text(relay_title(result.relay), BOLD))
        page.table(relay_table(result.relay))
        if result.relay.leads_needed is not None:
            page.say(text(leads_caption(result.relay), DIM))
    if result.findings:
        page.table(findings_table(result.findings, ctx.width or DEFAULT_WIDTH))
    elif not ctx.quiet:
        page.say(text("  no findings", GREEN))
    page.say(text(""))


def relay_title(relay: Relay) -> str:
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    return f"The relay: the problem's concepts are {concepts}"


def leads_caption(relay: Relay) -> str:
    out = clean(relay.customers_out or "")
    from funnelcheck.language.money import format_count

    leads = format_count(relay.leads_needed or 0)
    return f"{leads} leads needed at the top for {out} out at the bottom"


def relay_table(relay: Relay) -> Grid:
    """The relay, one row per stage, each handoff held or dropped between them. In a
    funnel that branches, the stages of each path are named with it, the rows before a
    branch and where the paths join say so, and each handoff names the stage it comes from
    (a stage may be handed leads by several)."""
    table = Grid(
        Col("#", justify="right", wrap=False),
        Col("role", wrap=False),
        Col("stage"),
        Col("carries"),
        Col("conv.", justify="right", wrap=False),
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


def findings_table(findings: Sequence[Finding], width: int) -> Grid:
    """Severity, code, where (line:col and stage) and message; a blank line between stages."""
    table = Grid(
        Col("severity", wrap=False),
        Col("code", wrap=False),
        # Kept narrow so that the message has the room.
        Col("where", max_width=where_width(width)),
        Col("message"),
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
    page = Page(console(width or DEFAULT_WIDTH, color))
    _statistics(page, report)
    return page.text()


def _statistics(page: Page, report: Report) -> None:
    table = Grid(Col("count", justify="right", wrap=False), Col("code"), Col("rule"))
    for code, name, n in report.per_rule():
        table.add_row(text(str(n)), text(clean(code)), text(clean(name)))
    page.say(text("Findings per rule", BOLD))
    page.table(table)
    page.say(text(""))


def _fixed(page: Page, report: Report) -> None:
    """Baseline entries that no longer occur: fixed, or their text changed."""
    n = len(report.fixed)
    page.say(
        text(
            f"{n} baseline entr{'y' if n == 1 else 'ies'} no longer occur "
            "(fixed, or the text changed; write the baseline again to drop them):",
            BOLD,
        )
    )
    for entry in report.fixed:
        where = " ".join(clean(entry.get(k, "")) for k in ("file", "code", "path"))
        page.draw(hanging("  ", PLAIN, where, PLAIN))
    page.say(text(""))


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
