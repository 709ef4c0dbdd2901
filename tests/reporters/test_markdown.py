"""Markdown for pull-request comments: tables that hold their shape, text that stays text.

`cell_text` undoes the reporter's escaping the way a GFM renderer reads it (line breaks
from `<br>`, backslash escapes, then entities), so the tests can show that what a reader
sees is exactly the strategy's text, while the source holds no raw `<`, no raw `|` and no
unescaped Markdown punctuation from that text.
"""

from __future__ import annotations

import html
import re

from fixed_report import (
    CWD,
    MISSING,
    UNICODE,
    check_golden,
    naughty_report,
    naughty_strings,
)

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.markdown import COMMENT_LIMIT, MarkdownReporter, escape

PIPES_PER_ROW = 6  # five columns
BACKSLASHED = "\\`*_[]~$"


def render(report: Report) -> str:
    return MarkdownReporter().render(report, RenderContext(cwd=CWD))


def table_rows(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("|")]


def finding_rows(text: str) -> list[str]:
    return [row for row in table_rows(text) if not row.startswith(("| severity", "| ---"))]


def cells(row: str) -> list[str]:
    """The cells' source, without the one space of padding on each side the reporter adds."""
    parts = row.split("|")[1:-1]
    assert all(part.startswith(" ") and part.endswith(" ") for part in parts)
    return [part[1:-1] for part in parts]


def cell_text(cell: str) -> str:
    text = cell.replace("<br>", "\n")
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text)


def unescaped_punctuation(source: str) -> list[str]:
    """Markdown punctuation in `source` that no backslash escapes."""
    found = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char in BACKSLASHED:
            found.append(char)
        index += 1
    return found


def test_golden(report: Report, ctx: RenderContext) -> None:
    check_golden("report.md", MarkdownReporter().render(report, ctx))


def test_registered_under_its_name() -> None:
    assert isinstance(get_reporter("markdown", plugins=False), MarkdownReporter)


def test_summary_counts(report: Report) -> None:
    summary = render(report).split("\n")[2]
    counts = report.counts()
    assert f"Checked {len(report.files)} files" in summary
    assert f"{counts[Severity.ERROR]} errors" in summary
    assert f"{counts[Severity.WARNING]} warnings" in summary
    assert f"{counts[Severity.INFO]} infos" in summary
    assert f"{len(report.errors())} file could not be read" in summary
    assert f"{report.baselined} known findings hidden by the baseline" in summary


def test_a_table_per_file_with_findings(report: Report) -> None:
    text = render(report)
    with_findings = [r for r in report.files if r.findings]
    assert text.count("| severity | rule | line:col | stage / path | message |") == len(
        with_findings
    )
    assert len(finding_rows(text)) == len(report.findings())
    for row in table_rows(text):
        assert row.count("|") == PIPES_PER_ROW


def test_hostile_claim_stays_text(report: Report) -> None:
    text = render(report)
    [row] = [r for r in finding_rows(text) if "FC201" in r]
    severity, rule, place, where, message = cells(row)
    [found] = [f for f in report.findings() if f.code == "FC201"]
    assert (severity, rule, place) == ("error", "FC201 promise-not-shipped", "12:9")
    assert cell_text(message).replace("\u200b", "") == found.message
    assert cell_text(where) == f"{found.location.stage}\n{found.location.path}"
    assert "<b>" not in row and "<script>" not in row
    assert unescaped_punctuation(row) == []
    # Mentions and issue references are defused; the reader still sees "@product-team".
    assert "@product-team" not in row and "#42" not in cell_text(message).replace("#\u200b", "")
    assert "@\u200bproduct-team" in cell_text(message)


def test_files_with_spaces_and_unicode_get_a_heading(report: Report) -> None:
    assert f"### {escape(UNICODE)}" in render(report)


def test_unreadable_files_are_listed(report: Report) -> None:
    section = render(report).split("### Could not be read", 1)[1]
    [item] = [line for line in section.split("\n") if line.startswith("- ")]
    assert cell_text(item[2:]).startswith(f"{MISSING}: [Errno 2] No such file")


def test_clean_report() -> None:
    report = Report(files=[FileResult(file="a.yaml")], as_of="2026-11-22", version="0")
    text = render(report)
    assert "No findings." in text and "|" not in text


def test_naughty_strings_keep_the_table_and_stay_text() -> None:
    for original in naughty_strings():
        text = render(naughty_report([original]))
        rows = table_rows(text)
        assert len(rows) == 4, repr(original)  # header, delimiter, one row per finding
        for row in rows:
            assert row.count("|") == PIPES_PER_ROW, repr(original)
        assert "<" not in text.replace("<br>", ""), repr(original)
        plain = original.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
        for index, row in enumerate(finding_rows(text)):
            assert unescaped_punctuation(row) == [], repr(original)
            _severity, _rule, _place, where, message = cells(row)
            shown = cell_text(message)
            assert re.search(r"@[A-Za-z0-9]|#[0-9]", shown) is None, repr(original)
            assert shown.split("\nrelated: ")[0].replace("\u200b", "") == plain, repr(original)
            assert cell_text(where).replace("\u200b", "") == f"{plain}\nstages[{index}]"
        [heading] = [line for line in text.split("\n") if line.startswith("### ")]
        assert cell_text(heading[4:]).replace("\u200b", "") == plain, repr(original)


# -- ----------------------------------------------------------------------------------------
# The Markdown report as a pull-request comment really gets posted.
#
# GitHub refuses a comment body over 65,536 characters ("Body is too long"), so a large
# report must still fit, say how much it left out, and keep every table row whole. A run
# with a baseline lists the recorded entries that no longer occur, as the table and JSON do.


PIPES_PER_ROW = 6


def render_markdown(report: Report) -> str:
    return MarkdownReporter().render(report, RenderContext(cwd="."))


def big_report(files: int, per_file: int) -> Report:
    results = []
    for f in range(files):
        name = f"strategies/s{f:03}.yaml"
        findings = [
            Finding(
                "FC101",
                "stage-off-problem",
                Severity.WARNING if i % 2 else Severity.ERROR,
                f"`Stage {i}` carries none of the problem's concepts " + "word " * 30,
                Location(name, i + 1, 5, f"stages[{i}]", f"Stage {i}"),
            )
            for i in range(per_file)
        ]
        results.append(FileResult(file=name, findings=findings, rules_run=("FC101",)))
    return Report(files=results, as_of="2026-11-22", version="0")


def markdown_finding_rows(text: str) -> list[str]:
    return [
        line
        for line in text.split("\n")
        if line.startswith("|") and not line.startswith(("| severity", "| ---"))
    ]


def test_a_large_report_fits_a_comment_and_says_what_it_left_out() -> None:
    report = big_report(files=40, per_file=30)
    text = render_markdown(report)
    assert COMMENT_LIMIT == 65_536
    assert len(text) <= COMMENT_LIMIT
    rows = markdown_finding_rows(text)
    assert rows and all(row.count("|") == PIPES_PER_ROW for row in rows)
    left_out = len(report.findings()) - len(rows)
    assert left_out > 0
    assert f"{left_out} more findings are not shown" in text
    # The summary still counts everything.
    assert f"{len(report.findings()) // 2} errors" in text


def test_a_report_that_fits_is_whole() -> None:
    report = big_report(files=2, per_file=3)
    text = render_markdown(report)
    assert len(markdown_finding_rows(text)) == 6
    assert "not shown" not in text


def test_baseline_entries_that_no_longer_occur_are_listed() -> None:
    report = Report(
        files=[FileResult(file="s.yaml")],
        as_of="2026-11-22",
        version="0",
        fixed=[
            {"file": "s.yaml", "code": "FC201", "path": "stages[1].claims[0]", "fingerprint": "x"},
            {"file": "a|b.yaml", "code": "FC302", "path": "stages[3]", "fingerprint": "y"},
        ],
    )
    text = render_markdown(report)
    section = text.split("### Baseline entries that no longer occur", 1)[1]
    items = [line for line in section.split("\n") if line.startswith("- ")]
    assert items[0] == "- s.yaml: FC201 at stages\\[1\\].claims\\[0\\]"
    assert items[1] == "- a&#124;b.yaml: FC302 at stages\\[3\\]"
