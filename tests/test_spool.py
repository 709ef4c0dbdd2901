"""A run's results wait for the reporters in a spool: out of memory, read back in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import funnelcheck.run.spool as spool_mod
from funnelcheck.cli import app
from funnelcheck.findings import FileResult, Finding, Location, Severity
from funnelcheck.run.spool import ResultSpool, SpoolError

EXAMPLE = Path(__file__).resolve().parents[1] / "sample_strategies" / "ledgerline.yaml"


def _result(file: str, *severities: Severity, error: str | None = None) -> FileResult:
    findings = [
        Finding("FC101", "stage-off-problem", s, f"message {n}", Location(file, n + 1, 1))
        for n, s in enumerate(severities)
    ]
    return FileResult(file, findings=findings, error=error)


def _filled(spool: ResultSpool) -> list[FileResult]:
    added = [
        _result("c.yaml", Severity.ERROR),
        _result("a.yaml", Severity.WARNING, Severity.INFO),
        _result("b.yaml", error="b.yaml: no such file"),
        _result("a.yaml", Severity.ERROR),
    ]
    for result in added:
        spool.add(result)
    return added


def test_results_come_back_by_file_name_then_as_added() -> None:
    spool = ResultSpool()
    added = _filled(spool)
    assert list(spool) == [added[1], added[3], added[2], added[0]]
    assert spool[0] == added[1] and spool[-1] == added[0]
    assert spool[1:3] == [added[3], added[2]]
    assert spool[-2] == added[2]
    assert len(spool) == 4
    with pytest.raises(IndexError):
        spool[4]
    # A second reading gives the same (reporters read more than once).
    assert list(spool) == list(spool)


def test_totals_and_unreadable_files_are_known_without_reading_back() -> None:
    spool = ResultSpool()
    _filled(spool)
    assert spool.counts() == {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 1}
    assert [r.file for r in spool.errors()] == ["b.yaml"]


def test_results_added_in_the_reports_order_come_back_in_it() -> None:
    spool = ResultSpool()
    added = [_result(name, Severity.INFO) for name in ("a.yaml", "b.yaml", "c.yaml")]
    for result in added:
        spool.add(result)
    assert list(spool) == added


def test_an_explicit_order_breaks_ties_between_equal_names() -> None:
    spool = ResultSpool()
    late, early = _result("-", Severity.INFO), _result("-", Severity.ERROR)
    spool.add(late, order=5)
    spool.add(early, order=2)
    assert list(spool) == [early, late]


def test_results_past_the_memory_size_go_to_disk_and_come_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spool_mod, "IN_MEMORY_BYTES", 1)
    spool = ResultSpool()
    added = _filled(spool)
    assert spool._store._rolled  # type: ignore[attr-defined]
    assert list(spool) == [added[1], added[3], added[2], added[0]]
    assert {id(r) for r in spool}.isdisjoint({id(r) for r in added})  # read back, not kept


def test_a_temporary_folder_that_cannot_be_written_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(spool_mod, "IN_MEMORY_BYTES", 1)
    monkeypatch.setattr(spool_mod.tempfile, "tempdir", str(not_a_folder))
    with pytest.raises(SpoolError, match="TMPDIR"):
        ResultSpool().add(_result("a.yaml", Severity.ERROR))

    outcome = CliRunner().invoke(app, ["check", "--as-of", "2026-11-22", str(EXAMPLE)])
    assert outcome.exit_code == 2
    assert "cannot keep the results in a temporary file" in outcome.output
    assert str(not_a_folder) in outcome.output
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit)


def test_a_text_rendered_in_advance_is_kept_beside_its_result() -> None:
    spool = ResultSpool()
    spool.rendered_by = "json"
    b, a = _result("b.yaml", Severity.ERROR), _result("a.yaml", Severity.INFO)
    spool.add(b, rendered="text of b \udcff")  # a file name's undecodable byte survives
    spool.add(a)  # checked by the parent: nothing rendered in advance
    assert list(spool) == [a, b]
    assert spool.rendered(1, "json") == "text of b \udcff"
    assert spool.rendered(0, "json") is None
    assert spool.rendered(1, "sarif") is None


def test_the_json_report_takes_the_workers_text_and_renders_the_rest() -> None:
    from funnelcheck.findings import Report
    from funnelcheck.reporters.base import RenderContext
    from funnelcheck.reporters.json import JsonReporter

    reporter = JsonReporter()
    a, b = _result("a.yaml", Severity.INFO), _result("b.yaml", Severity.ERROR)
    spool = ResultSpool()
    spool.rendered_by = "json"
    spool.add(a, rendered=reporter.render_file(a))
    spool.add(b)
    report = Report(files=spool, as_of="2026-11-22", version="0")
    plain = Report(files=[a, b], as_of="2026-11-22", version="0")
    assert reporter.render(report, RenderContext()) == reporter.render(plain, RenderContext())

    marked = ResultSpool()
    marked.rendered_by = "json"
    marked.add(a, rendered='"made by a worker"')
    text = reporter.render(Report(files=marked, as_of="2026-11-22", version="0"), RenderContext())
    assert '"made by a worker"' in text
