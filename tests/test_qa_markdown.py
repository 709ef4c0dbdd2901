"""The Markdown report as a pull-request comment really gets posted.

GitHub refuses a comment body over 65,536 characters ("Body is too long"), so a large
report must still fit, say how much it left out, and keep every table row whole. A run
with a baseline lists the recorded entries that no longer occur, as the table and JSON do.
"""

from __future__ import annotations

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.markdown import COMMENT_LIMIT, MarkdownReporter

PIPES_PER_ROW = 6


def render(report: Report) -> str:
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


def finding_rows(text: str) -> list[str]:
    return [
        line
        for line in text.split("\n")
        if line.startswith("|") and not line.startswith(("| severity", "| ---"))
    ]


def test_a_large_report_fits_a_comment_and_says_what_it_left_out() -> None:
    report = big_report(files=40, per_file=30)
    text = render(report)
    assert COMMENT_LIMIT == 65_536
    assert len(text) <= COMMENT_LIMIT
    rows = finding_rows(text)
    assert rows and all(row.count("|") == PIPES_PER_ROW for row in rows)
    left_out = len(report.findings()) - len(rows)
    assert left_out > 0
    assert f"{left_out} more findings are not shown" in text
    # The summary still counts everything.
    assert f"{len(report.findings()) // 2} errors" in text


def test_a_report_that_fits_is_whole() -> None:
    report = big_report(files=2, per_file=3)
    text = render(report)
    assert len(finding_rows(text)) == 6
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
    text = render(report)
    section = text.split("### Baseline entries that no longer occur", 1)[1]
    items = [line for line in section.split("\n") if line.startswith("- ")]
    assert items[0] == "- s.yaml: FC201 at stages\\[1\\].claims\\[0\\]"
    assert items[1] == "- a&#124;b.yaml: FC302 at stages\\[3\\]"
