"""The default table and the relay view, drawn by rich.

What a reader of a terminal sees: every line fits the width at 80 and 200 columns, the
columns line up (East Asian wide characters count two columns), a long message wraps and
never loses a word, colour is plain ANSI and only when asked, and nothing from the input
reaches the terminal as a control sequence.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from fixed_report import naughty_report, naughty_strings
from rich.cells import cell_len

from funnelcheck.config import Overrides
from funnelcheck.findings import (
    FileResult,
    Finding,
    Handoff,
    Location,
    Relay,
    RelayStage,
    Report,
    Severity,
)
from funnelcheck.input.discover import Source
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.relay import RelayReporter
from funnelcheck.reporters.table import TableReporter, console, draw
from funnelcheck.reporters.table import text as rich_text
from funnelcheck.run.engine import make_checker
from funnelcheck.support.terminal import clean

ROOT = Path(__file__).resolve().parents[2]
LEDGERLINE = ROOT / "sample_strategies" / "ledgerline.yaml"
SGR = re.compile(r"\x1b\[[0-9;]*m")
#: Any control character but the newline, and the bidi controls that reorder text.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

LONG_WORD = "https://example.com/" + "a-very-long-path-segment/" * 8
MESSAGE = (
    "the claim names $399 a month; the only plan, `team`, is $499 a month and the "
    f"evidence lives at {LONG_WORD} where nobody will read it twice"
)
JAPANESE_STAGE = "予約の確認とリマインダーの送信"  # 15 wide characters: 30 columns
JAPANESE_MESSAGE = "患者が予約を忘れて来院しない問題を解決するための段階です" * 3


def columns(text: str) -> int:
    """Terminal columns, as a terminal counts them: East Asian wide characters take two,
    combining marks and format characters (zero-width joiners) none."""
    return sum(_char_columns(c) for c in text)


def _char_columns(char: str) -> int:
    if unicodedata.east_asian_width(char) in "WF":
        return 2
    return 0 if unicodedata.category(char) in ("Mn", "Me", "Cf") else 1


def from_column(line: str, start: int) -> str:
    """What `line` shows from terminal column `start` on."""
    at = 0
    for n, char in enumerate(line):
        if at >= start:
            return line[n:]
        at += _char_columns(char)
    return ""


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def wrap(message: str, width: int) -> list[str]:
    """`message` as the reporters wrap a text at `width` columns (rich, through `draw`)."""
    return draw(console(width, color=False), [rich_text(message)]).splitlines() or [""]


def stage(index: int, name: str, role: str, carries: tuple[str, ...]) -> RelayStage:
    return RelayStage(
        index=index,
        name=name,
        role=role,
        line=10 * (index + 1),
        carries=carries,
        misses=(),
        conversion=f"0.{index + 1}",
        says_something=True,
    )


def finding(
    code: str, message: str, severity: Severity, path: str = "", where: str | None = None
) -> Finding:
    return Finding(
        code=code,
        name="some-rule",
        severity=severity,
        message=message,
        location=Location("plan.yaml", 12, 7, path, where),
    )


def handmade(
    name: str = "Proposal",
    message: str = MESSAGE,
    concept: str = "payout",
    file: str = "plan.yaml",
) -> Report:
    """Three stages, a held and a dropped handoff, and a finding of each severity."""
    stages = (
        stage(0, "LinkedIn campaign", "marketing", ("reconcile", concept)),
        stage(1, name, "pricing", (concept,)),
        stage(2, "Onboarding", "retention", ()),
    )
    relay = Relay(
        stages=stages,
        handoffs=(Handoff(0, 1, (concept,), True), Handoff(1, 2, (), False)),
        concepts=("reconcile", concept),
        leads_needed=3334,
        customers_out="40 customers per quarter",
    )
    findings = [
        finding("FC502", "40 customers a quarter need 3,334 leads", Severity.INFO),
        finding("FC302", message, Severity.ERROR, "stages[1].claims[0]", name),
        finding("FC101", "`Onboarding` carries none of it", Severity.WARNING, "stages[2]", "x"),
    ]
    result = FileResult(file=file, findings=findings, relay=relay)
    return Report(files=[result], as_of="2026-11-22", version="test")


def table(report: Report, width: int | None, color: bool = False, **options: bool) -> str:
    return TableReporter().render(report, RenderContext(color=color, width=width, **options))


def relay(report: Report, width: int | None, color: bool = False) -> str:
    return RelayReporter().render(report, RenderContext(color=color, width=width))


@pytest.fixture(scope="module")
def sample() -> Report:
    checker = make_checker(None, Overrides(), plugins=False, as_of=dt.date(2026, 11, 22))
    result = checker.check(Source(str(LEDGERLINE), "ledgerline.yaml", explicit=True))
    assert result is not None and result.error is None
    return Report(files=[result], as_of="2026-11-22", version="test")


@pytest.mark.parametrize("width", [80, 200])
def test_the_sample_reads_in_order_and_fits(sample: Report, width: int) -> None:
    lines = table(sample, width, statistics=True).splitlines()
    assert all(columns(line) <= width for line in lines), [
        line for line in lines if columns(line) > width
    ]
    assert all(line == line.rstrip() for line in lines), "trailing spaces"
    text = "\n".join(lines)
    order = [
        "ledgerline.yaml",
        "The relay: the problem's concepts are reconcile, payout, ledger, month-end close",
        "#   role",
        "↓ DROPPED   ",
        "3,334 leads needed at the top for 40 customers per quarter out at the bottom",
        "severity   code    where",
        "Findings per rule",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert re.fullmatch(r"1 file, \d+ errors?, \d+ warnings?, \d+ info", lines[-1]), lines[-1]
    # Stage rows in funnel order, each handoff between the two stages it joins.
    relay_rows = [line.split()[0] for line in lines if re.match(r"(\d+   |\s+↓)", line)]
    assert relay_rows == ["1", "↓", "2", "↓", "3", "↓", "4", "↓", "5"]


@pytest.mark.parametrize("width", [80, 200])
def test_the_columns_line_up(width: int) -> None:
    lines = table(handmade(), width).splitlines()
    header = next(line for line in lines if line.startswith("#   role"))
    carries_at = header.index("carries")
    for line in lines:
        if re.match(r"\d   (marketing|pricing)", line):
            assert line[carries_at - 1] == " " and line[carries_at] != " ", line
    severity_header = next(line for line in lines if line.startswith("severity"))
    message_at = severity_header.index("message")
    error = next(line for line in lines if line.startswith("error"))
    assert error[message_at:].startswith("the claim names $399"), error
    if width == 80:
        # The message keeps about half the line; the where column stays narrow.
        assert 80 - message_at >= 40


@pytest.mark.parametrize("width", [80, 200])
def test_a_long_message_wraps_in_its_column_and_loses_nothing(width: int) -> None:
    lines = table(handmade(), width).splitlines()
    header = next(line for line in lines if line.startswith("severity"))
    message_at = header.index("message")
    start = next(i for i, line in enumerate(lines) if line.startswith("error"))
    column = [lines[start][message_at:]]
    for line in lines[start + 1 :]:
        if line[:message_at].strip() not in ("", "Proposal"):
            break
        column.append(line[message_at:])
    assert all(columns(part) <= width - message_at for part in column)
    assert "".join(column).replace(" ", "") == MESSAGE.replace(" ", "")
    if width == 80:
        assert len(column) > 3  # it did wrap, and the long word was cut across lines


def test_wrap_breaks_at_spaces_and_cuts_only_words_longer_than_the_line() -> None:
    # From the narrowest a reporter wraps a column (MIN_WIDTH) up: below it lines overflow.
    for width in (10, 13, 40, 79, 200):
        lines = wrap(MESSAGE, width)
        assert all(columns(line) <= width for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == MESSAGE.replace(" ", "")
        too_long = [word for word in words(MESSAGE) if columns(word) > width]
        for line in lines:
            for word in words(line):
                # A word is cut only when it cannot fit a line of its own.
                assert word in words(MESSAGE) or any(word in w for w in too_long), (width, word)
        # Greedy: no line could have taken the next line's first word.
        for this, following in itertools.pairwise(lines):
            first = words(following)[0]
            assert columns(this) + 1 + columns(first) > width, (width, this, first)
    assert wrap("", 10) == [""]
    assert wrap("short", 80) == ["short"]


def test_wide_characters_count_two_columns_and_are_never_split() -> None:
    lines = wrap(JAPANESE_MESSAGE, 21)
    assert all(columns(line) <= 21 for line in lines)
    assert "".join(lines) == JAPANESE_MESSAGE
    report = handmade(name=JAPANESE_STAGE, message=JAPANESE_MESSAGE, concept="予約")
    for width in (80, 200):
        for text in (table(report, width), relay(report, width)):
            lines = text.splitlines()
            assert all(columns(line) <= width for line in lines), [
                line for line in lines if columns(line) > width
            ]
    # The message, read down its column, is whole: no wide character split or lost.
    for width in (80, 200):
        lines = table(report, width).splitlines()
        header = next(line for line in lines if line.startswith("severity"))
        message_at = header.index("message")
        start = next(i for i, line in enumerate(lines) if line.startswith("error"))
        end = next(i for i, line in enumerate(lines) if line.startswith("warning"))
        column = "".join(from_column(line, message_at).strip() for line in lines[start:end])
        assert column == JAPANESE_MESSAGE
        lines = relay(report, width).splitlines()
        start = next(i for i, line in enumerate(lines) if "FC302" in line)
        end = next(i for i, line in enumerate(lines) if "DROPPED" in line)
        message = "".join(line.split("12:7 ")[-1].strip() for line in lines[start:end])
        assert message == JAPANESE_MESSAGE
    # In the relay table, "carries" starts at one terminal column on every stage row.
    lines = table(report, 80).splitlines()
    header = next(line for line in lines if line.startswith("#   role"))
    carries_at = columns(header[: header.index("carries")])
    carried = {"1": "reconcile, 予約", "2": "予約", "3": "nothing"}
    stage_rows = [line for line in lines if re.match(r"\d   ", line)]
    assert len(stage_rows) == 3
    for line in stage_rows:
        assert columns(line[: line.rindex(carried[line[0]])]) == carries_at, line


def test_colour_is_plain_sgr_and_only_when_asked() -> None:
    report = handmade()
    plain = table(report, 100, statistics=True)
    assert "\x1b" not in plain
    assert "\x1b" not in relay(report, 80)
    coloured = table(report, 100, color=True, statistics=True)
    assert SGR.sub("", coloured) == plain
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert "\x1b[33mwarning\x1b[0m" in coloured
    assert "\x1b[36minfo\x1b[0m" in coloured
    assert "\x1b[1;31m  ↓ DROPPED\x1b[0m" in coloured
    assert "\x1b[32m  ↓ held\x1b[0m" in coloured
    # Nothing but SGR sequences: no cursor movement, no hyperlinks, no titles.
    assert "\x1b" not in SGR.sub("", coloured)
    relay_coloured = relay(report, 80, color=True)
    assert SGR.sub("", relay_coloured) == relay(report, 80)
    assert "\x1b[1;31merror  \x1b[0m" in relay_coloured
    assert "\x1b[1;31m    ↓ DROPPED: \x1b[0m" in relay_coloured


def test_no_control_sequence_from_the_input_reaches_the_terminal() -> None:
    hostile = "evil\x1b[2J\x1b]0;owned\x07\u202egnp.exe\r\nnext\tline [bold]markup[/bold]"
    report = handmade(name=hostile, message=hostile, concept=hostile, file=hostile)
    for color in (False, True):
        for text in (table(report, 80, color, statistics=True), relay(report, 80, color)):
            shown = SGR.sub("", text) if color else text
            assert not CONTROL.search(shown), repr(CONTROL.search(shown))
            # Cells are text: the would-be markup is shown as it was written.
            assert "[bold]markup[/bold]" in shown
            assert "\\u001b[2J" in shown


def test_naughty_strings_fit_and_stay_text() -> None:
    report = naughty_report(naughty_strings())
    for width in (80, 200):
        # Split at newlines only: U+2028 in a name is a character, not a line break.
        lines = table(report, width).split("\n")
        assert not CONTROL.search("\n".join(lines))
        # Measured as rich measures (an emoji joined by U+200D is one two-column picture,
        # as a terminal that joins them shows it), not code point by code point.
        too_wide = [line for line in lines if cell_len(line) > width]
        assert not too_wide, too_wide[:3]
        # A file's name is its own line, shown as written (with its controls escaped).
        shown = set(lines)
        for text in naughty_strings():
            name = clean(text)
            if columns(name) <= width:
                assert name in shown, repr(name)


def test_narrow_terminals_still_show_every_word() -> None:
    report = handmade()
    short = [word for word in words(MESSAGE) if len(word) <= 10]
    for width in (20, 40):
        shown = words(table(report, width)) + words(relay(report, width))
        # Every word that fits the narrowest column is whole; the long one is only cut.
        assert all(word in shown for word in short), width
        assert LONG_WORD.replace(" ", "") in "".join(
            word for word in shown if word not in short and word in LONG_WORD
        )


def test_no_width_means_120_columns_for_the_table_and_80_for_the_relay() -> None:
    report = handmade()
    assert table(report, None) == table(report, 120)
    assert relay(report, None) == relay(report, 80)


def test_quiet_leaves_out_the_relay_and_clean_files() -> None:
    report = handmade()
    clean_file = FileResult(file="clean.yaml", relay=report.files[0].relay)
    report.files.append(clean_file)
    loud = table(report, 80)
    quiet = table(report, 80, quiet=True)
    assert "The relay" in loud and "clean.yaml" in loud and "no findings" in loud
    assert "The relay" not in quiet and "clean.yaml" not in quiet
    assert "FC302" in quiet and "files," not in quiet


@pytest.mark.parametrize(("options", "rich_expected"), [([], True), (["-f", "json"], False)])
def test_rich_is_imported_only_when_the_table_is_drawn(
    options: list[str], rich_expected: bool
) -> None:
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['funnelcheck', 'check', {str(LEDGERLINE)!r}, '--as-of', '2026-11-22',"
        f" *{options!r}]\n"
        "try:\n"
        "    runpy.run_module('funnelcheck', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('RICH' if any(m.split('.')[0] == 'rich' for m in sys.modules) else '')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        cwd=ROOT,
        timeout=120,
    )
    assert ("The relay" if rich_expected else '"files"') in proc.stdout, proc.stderr
    assert ("RICH" in proc.stderr) == rich_expected
