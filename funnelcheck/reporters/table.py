"""`--format table` (the default): per file, the relay, then the findings grouped by stage.

The tables are laid out here, in fixed-width text, rather than by rich: rendering them with
rich cost about twice the whole check of a file (issue 7), and importing it another 50 ms
on every run. What the layout needs is small: column widths from the terminal's width,
word wrapping that never drops a character, East Asian wide characters counted as two
columns, and ANSI colour when asked.

Every string from a strategy goes through `clean()` before it reaches the terminal, so no
control sequence (an escape, a bell, a bidi override) that came from the input is printed;
cells are plain text, never markup, so `[bold]` in a claim is just text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
from funnelcheck.terminal import clean

#: The width when neither a terminal nor COLUMNS says (output to a file or a pipe).
DEFAULT_WIDTH = 120
#: Between two columns, as the tables have always been spaced.
GAP = "   "
#: The narrowest a wrapping column gets on a terminal too narrow for the table: below it,
#: every word would be cut (the line overflows instead).
MIN_WIDTH = 10

# Styles are SGR parameter lists, written out only when colour is on.
BOLD = "1"
DIM = "2"
BOLD_UNDERLINE = "1;4"
RED = "31"
BOLD_RED = "1;31"
GREEN = "32"
YELLOW = "33"
CYAN = "36"
PLAIN = ""

SEVERITY_STYLE = {Severity.ERROR: BOLD_RED, Severity.WARNING: YELLOW, Severity.INFO: CYAN}


# --- Text measure, wrapping and colour --------------------------------------------------


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    """Columns one character takes: 2 for East Asian wide, 0 for marks and format
    characters (combining accents, zero-width joiners), 1 otherwise."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    if unicodedata.category(char) in ("Mn", "Me", "Cf") and char != "\u00ad":
        return 0
    return 1


def cell_width(text: str) -> int:
    """The columns `text` takes on a terminal (most text is ASCII: one column a character)."""
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def _fold(word: str, width: int) -> list[str]:
    """A word longer than a line, cut into pieces of at most `width` columns.

    A wide character is never split: a piece that cannot hold it (width 1) takes it alone.
    """
    pieces: list[str] = []
    piece = ""
    piece_width = 0
    for char in word:
        char_width = _char_width(char) if not char.isascii() else 1
        if piece and piece_width + char_width > width:
            pieces.append(piece)
            piece, piece_width = "", 0
        piece += char
        piece_width += char_width
    pieces.append(piece)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces.

    Nothing is lost: a word longer than a line is cut across lines, never truncated. Runs
    of spaces between words become one space (the line ends take them).
    """
    width = max(width, 1)
    if cell_width(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    line_width = 0
    for word in text.split(" "):
        if not word:
            continue
        word_width = cell_width(word)
        if line and line_width + 1 + word_width <= width:
            line += " " + word
            line_width += 1 + word_width
            continue
        if line:
            lines.append(line)
        if word_width <= width:
            line, line_width = word, word_width
            continue
        *whole, line = _fold(word, width)
        lines.extend(whole)
        line_width = cell_width(line)
    if line or not lines:
        lines.append(line)
    return lines


def paint(text: str, style: str, color: bool) -> str:
    """`text` in `style` (SGR parameters) when colour is on; as it is otherwise."""
    if not color or not style or not text:
        return text
    return f"\x1b[{style}m{text}\x1b[0m"


def paragraph(text: str, width: int, color: bool, style: str = PLAIN) -> list[str]:
    """`text` wrapped at `width`, each line in `style`."""
    return [paint(line, style, color) for line in wrap(text, width)]


def hanging(
    label: str,
    label_style: str,
    body: str,
    body_style: str,
    width: int,
    color: bool,
) -> list[str]:
    """`label` then `body`, the body wrapped under itself when it is longer than the line."""
    label_width = cell_width(label)
    # On a terminal too narrow for the label, the body still gets a few columns.
    lines = wrap(body, max(width - label_width, 10))
    pad = " " * label_width
    out = [paint(label, label_style, color) + paint(lines[0], body_style, color)]
    out.extend(pad + paint(line, body_style, color) for line in lines[1:])
    return out


# --- Tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    #: Right-justified (numbers); text columns are left-justified.
    right: bool = False
    #: False: the column always takes its widest cell, never wraps.
    wraps: bool = True
    #: The widest a wrapping column may be, whatever room there is.
    max_width: int | None = None


#: A cell: its text (already `clean`) and its style.
Cell = tuple[str, str]
#: A row of cells, one per column; None between two sections (a blank line).
Row = Sequence[Cell] | None


def column_widths(columns: Sequence[Column], natural: Sequence[int], width: int) -> list[int]:
    """Each column's width so that the table fits `width`, when it can.

    Columns that do not wrap keep their natural (widest cell) width. The wrapping ones
    share what is left: one that fits under a common level keeps its natural width, the
    others are cut down to that level (the widest columns give up room first), so a short
    column is never squeezed to make room for a long one.
    """
    widths = list(natural)
    flexible = [i for i, column in enumerate(columns) if column.wraps]
    for i in flexible:
        limit = columns[i].max_width
        if limit is not None:
            widths[i] = min(widths[i], limit)
    room = width - sum(widths[i] for i, c in enumerate(columns) if not c.wraps)
    room -= len(GAP) * (len(columns) - 1)
    if sum(widths[i] for i in flexible) <= room or not flexible:
        return widths
    # The level: flexible columns narrower than it keep their width, the rest take it.
    remaining = sorted(flexible, key=lambda i: widths[i])
    while remaining:
        level = max(room // len(remaining), MIN_WIDTH)
        if widths[remaining[0]] > level:
            break
        room -= widths[remaining.pop(0)]
    if remaining:
        level = max(room // len(remaining), MIN_WIDTH)
        spare = max(room - level * len(remaining), 0)
        # The spare columns go to the narrowest texts first: they may then fit whole.
        for i in sorted(remaining, key=lambda i: (widths[i], -i)):
            widths[i] = level + (1 if spare > 0 else 0)
            spare -= 1
    return widths


def table(columns: Sequence[Column], rows: Sequence[Row], width: int, color: bool) -> list[str]:
    """The header, a rule under it, then the rows, each cell wrapped in its column."""
    natural = [cell_width(column.header) for column in columns]
    for row in rows:
        if row is not None:
            for i, (text, _) in enumerate(row):
                natural[i] = max(natural[i], cell_width(text))
    widths = column_widths(columns, natural, width)
    header: list[Cell] = [(column.header, BOLD) for column in columns]
    lines = _row_lines(columns, widths, header, color)
    lines.append("─" * (sum(widths) + len(GAP) * (len(columns) - 1)))
    for row in rows:
        if row is None:
            lines.append("")
        else:
            lines.extend(_row_lines(columns, widths, row, color))
    return lines


def _row_lines(
    columns: Sequence[Column], widths: Sequence[int], row: Sequence[Cell], color: bool
) -> list[str]:
    cells = [
        wrap(text, widths[i]) if columns[i].wraps else [text] for i, (text, _) in enumerate(row)
    ]
    height = max(len(cell) for cell in cells)
    lines: list[str] = []
    for n in range(height):
        parts: list[str] = []
        for i, cell in enumerate(cells):
            text = cell[n] if n < len(cell) else ""
            pad = " " * max(widths[i] - cell_width(text), 0)
            shown = paint(text, row[i][1], color)
            parts.append(pad + shown if columns[i].right else shown + pad)
        lines.append(GAP.join(parts).rstrip(" "))
    return lines


# --- The report -------------------------------------------------------------------------


class TableReporter(Reporter):
    name = "table"
    extension = "txt"
    terminal_safe = True  # every cell through clean(); colours of its own

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The report one file at a time, then the statistics, baseline and summary."""
        width = ctx.width or DEFAULT_WIDTH
        for result in report.files:
            if ctx.quiet and not result.findings and result.error is None:
                continue
            yield _lines(_file(result, ctx, width))
        if ctx.statistics:
            yield _lines(_statistics(report, width, ctx.color))
        if report.fixed:
            yield _lines(_fixed(report, width, ctx.color))
        if not ctx.quiet:
            yield _lines(_summary(report, width, ctx.color))


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _file(result: FileResult, ctx: RenderContext, width: int) -> list[str]:
    color = ctx.color
    lines = paragraph(clean(result.file), width, color, BOLD_UNDERLINE)
    if result.error is not None:
        lines += hanging(
            "  ", PLAIN, f"could not be checked: {clean(result.error)}", BOLD_RED, width, color
        )
        lines.append("")
        return lines
    if result.relay is not None and not ctx.quiet:
        # The title and the leads are written at the terminal's width, not the table's.
        lines += paragraph(relay_title(result.relay), width, color, BOLD)
        lines += relay_table(result.relay, width, color)
        if result.relay.leads_needed is not None:
            lines += paragraph(leads_caption(result.relay), width, color, DIM)
    if result.findings:
        lines += findings_table(result.findings, width, color)
    elif not ctx.quiet:
        lines.append(paint("  no findings", GREEN, color))
    lines.append("")
    return lines


def relay_title(relay: Relay) -> str:
    concepts = ", ".join(clean(c) for c in relay.concepts) or "none defined"
    return f"The relay: the problem's concepts are {concepts}"


def leads_caption(relay: Relay) -> str:
    out = clean(relay.customers_out or "")
    from funnelcheck.money import format_count

    leads = format_count(relay.leads_needed or 0)
    return f"{leads} leads needed at the top for {out} out at the bottom"


RELAY_COLUMNS = (
    Column("#", right=True, wraps=False),
    Column("role", wraps=False),
    Column("stage"),
    Column("carries"),
    Column("conv.", right=True, wraps=False),
)


def relay_table(relay: Relay, width: int, color: bool) -> list[str]:
    """The relay, one row per stage, each handoff held or dropped between them. In a
    funnel that branches, the stages of each path are named with it, the rows before a
    branch and where the paths join say so, and each handoff names the stage it comes from
    (a stage may be handed leads by several)."""
    rows: list[Row] = []
    branched = bool(relay.paths)
    in_branch = False
    for stage, handoffs in relay_steps(relay):
        if branched and (stage.path is not None) != in_branch:
            in_branch = not in_branch
            if in_branch:
                rows.append(_marker("  ↳ paths split", ", ".join(clean(p) for p in relay.paths)))
            else:
                rows.append(_marker("  ↲ paths join", ""))
        for handoff in handoffs:
            source = f" from {handoff.source + 1}" if branched else ""
            if handoff.held:
                passed = ", ".join(clean(c) for c in handoff.passed)
                rows.append(
                    (("", ""), ("", ""), (f"  ↓ held{source}", GREEN), (passed, DIM), ("", ""))
                )
            else:
                rows.append(
                    (
                        ("", ""),
                        ("", ""),
                        (f"  ↓ DROPPED{source}", BOLD_RED),
                        ("no concept passes across", RED),
                        ("", ""),
                    )
                )
        if stage.says_something and stage.why:
            carries: Cell = ("; ".join(why_text(w) for w in stage.why), PLAIN)
        elif stage.says_something:
            carries = (
                ", ".join(clean(c) for c in stage.carries) or "nothing",
                PLAIN if stage.carries else RED,
            )
        else:
            carries = ("(says nothing)", DIM)
        name = (
            clean(stage.name) if stage.path is None else f"{clean(stage.path)}: {clean(stage.name)}"
        )
        rows.append(
            (
                (str(stage.index + 1), PLAIN),
                (clean(stage.role), PLAIN),
                (name, PLAIN),
                carries,
                (clean(stage.conversion) if stage.conversion else "-", PLAIN),
            )
        )
    return table(RELAY_COLUMNS, rows, width, color)


def relay_steps(relay: Relay) -> Iterator[tuple[RelayStage, list[Handoff]]]:
    """Each stage in funnel order with the handoffs into it (from its earlier stages)."""
    into: dict[int, list[Handoff]] = {}
    for handoff in relay.handoffs:
        into.setdefault(handoff.target, []).append(handoff)
    for stage in relay.stages:
        yield stage, into.get(stage.index, [])


def _marker(label: str, text: str) -> Row:
    return (("", ""), ("", ""), (label, BOLD), (text, DIM), ("", ""))


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


def findings_table(findings: Sequence[Finding], width: int, color: bool) -> list[str]:
    """Severity, code, where (line:col and stage) and message; a blank line between stages."""
    columns = (
        Column("severity", wraps=False),
        Column("code", wraps=False),
        # Kept narrow so that the message has the room.
        Column("where", max_width=where_width(width)),
        Column("message"),
    )

    # Grouped by stage: the findings outside any stage first, then each stage in order.
    def group(f: Finding) -> tuple[int, int]:
        index = stage_index(f)
        return (0, 0) if index is None else (1, index)

    rows: list[Row] = []
    previous: tuple[int, int] | None = None
    for finding in sorted(findings, key=lambda f: (group(f), f.sort_key())):
        key = group(finding)
        if previous is not None and key != previous:
            rows.append(None)
        previous = key
        loc = finding.location
        where = f"{loc.line}:{loc.column}"
        if loc.stage is not None:
            where += f" {clean(loc.stage)}"
        rows.append(
            (
                (finding.severity.label, SEVERITY_STYLE[finding.severity]),
                (clean(finding.code), PLAIN),
                (where, PLAIN),
                (clean(finding.message), PLAIN),
            )
        )
    return table(columns, rows, width, color)


def statistics_text(report: Report, width: int | None = None, color: bool = False) -> str:
    """The "Findings per rule" table alone: what `--statistics` prints on standard error
    when none of the chosen reports holds it."""
    return _lines(_statistics(report, width or DEFAULT_WIDTH, color))


def _statistics(report: Report, width: int, color: bool) -> list[str]:
    columns = (Column("count", right=True, wraps=False), Column("code"), Column("rule"))
    rows: list[Row] = [
        ((str(n), PLAIN), (clean(code), PLAIN), (clean(name), PLAIN))
        for code, name, n in report.per_rule()
    ]
    lines = [paint("Findings per rule", BOLD, color)]
    lines += table(columns, rows, width, color)
    lines.append("")
    return lines


def _fixed(report: Report, width: int, color: bool) -> list[str]:
    """Baseline entries that no longer occur: fixed, or their text changed."""
    n = len(report.fixed)
    lines = paragraph(
        f"{n} baseline entr{'y' if n == 1 else 'ies'} no longer occur "
        "(fixed, or the text changed; write the baseline again to drop them):",
        width,
        color,
        BOLD,
    )
    for entry in report.fixed:
        where = " ".join(clean(entry.get(k, "")) for k in ("file", "code", "path"))
        lines += hanging("  ", PLAIN, where, PLAIN, width, color)
    lines.append("")
    return lines


def _summary(report: Report, width: int, color: bool) -> list[str]:
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
    return paragraph(", ".join(parts), width, color, style)
