"""The default table as a user reads it in an 80-column and a 200-column terminal.

Every line fits the width, no message is cut short, the relay's title uses the whole line,
and at 80 columns the message keeps about half of it (the stage's name wraps in its own
narrow column instead of squeezing the message to a third of the screen).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from funnelcheck.config import Overrides
from funnelcheck.findings import FileResult, Report
from funnelcheck.input.discover import Source
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.table import TableReporter
from funnelcheck.run.engine import make_checker

SAMPLES = Path(__file__).resolve().parents[2] / "sample_strategies"


def _result(name: str) -> FileResult:
    checker = make_checker(None, Overrides(), plugins=False, as_of=dt.date(2026, 11, 22))
    path = SAMPLES / name
    result = checker.check(Source(str(path), name, explicit=True))
    assert result is not None and result.error is None
    return result


def _render(results: list[FileResult], width: int) -> list[str]:
    report = Report(files=results, as_of="2026-11-22", version="test")
    text = TableReporter().render(report, RenderContext(color=False, width=width))
    return text.splitlines()


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return [_result(p.name) for p in sorted(SAMPLES.glob("*.yaml"))]


@pytest.mark.parametrize("width", [80, 200])
def test_every_line_fits_and_no_message_is_cut(results: list[FileResult], width: int) -> None:
    lines = _render(results, width)
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, too_wide
    # Folded messages: every word of every message appears, in order, in the output.
    shown = " ".join(_words("\n".join(lines)))
    for result in results:
        for finding in result.findings:
            words = _words(finding.message)
            assert words[0] in shown and words[-1] in shown, finding.message


def test_at_80_columns_the_message_keeps_about_half_the_line(
    results: list[FileResult],
) -> None:
    lines = _render(results, 80)
    header = next(line for line in lines if line.startswith("severity"))
    message_starts = header.index("message")
    assert 80 - message_starts >= 40, header


def test_the_relay_title_uses_the_whole_line_not_the_tables_width() -> None:
    # input-mistakes' relay table is narrow (short stage names); its title is 82
    # characters and must not wrap at the table's width in a 120-column terminal.
    lines = _render([_result("input-mistakes.yaml")], 120)
    title = next(line for line in lines if line.startswith("The relay:"))
    assert title.rstrip().endswith("no-show, appointment, empty chair, reminder"), title
