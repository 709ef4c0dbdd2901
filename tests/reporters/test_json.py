"""The JSON report is exactly what `json.dumps(document, indent=2)` would write.

The reporter writes the document a file at a time (in a parallel run the workers render
each file's part): these tests hold the spliced text to the layout of one `json.dumps` of
the whole document, on the fixed report and on every naughty string, and check that
figures stay exact.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from fixed_report import naughty_report, naughty_strings

from funnelcheck.findings import FileResult, Report
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.json import JsonReporter


def _relaid(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_the_report_is_the_standard_librarys_indented_json(
    report: Report, ctx: RenderContext
) -> None:
    text = JsonReporter().render(report, ctx)
    document = json.loads(text)
    assert document["files"], "the fixed report has files with findings"
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_every_naughty_string_is_written_as_one_json_dumps_writes_it(ctx: RenderContext) -> None:
    strings = naughty_strings()
    report = naughty_report(strings)
    text = JsonReporter().render(report, ctx)
    assert text == _relaid(text)
    document = json.loads(text)
    assert [f["file"] for f in document["files"]] == strings
    assert [f["findings"][1]["related"][0]["stage"] for f in document["files"]] == strings


def test_each_file_rendered_alone_is_its_part_of_the_document(
    report: Report, ctx: RenderContext
) -> None:
    """What a worker renders for one file (`render_file`) is that file's object, indented
    as it stands in the document the parent splices it into."""
    reporter = JsonReporter()
    text = reporter.render(report, ctx)
    for result in report.files:
        part = reporter.render_file(result)
        assert "\n    " + part in text
        assert json.loads(part) in json.loads(text)["files"]


def test_figures_in_finding_data_stay_exact(report: Report, ctx: RenderContext) -> None:
    """Decimals are written as their text, never a rounded float; sets sorted, tuples lists."""
    first = report.files[0]
    assert first.findings
    data = {
        "amount": Decimal("3333.33"),
        "tiny": Decimal("1E-30"),
        "set": {"b", "a"},
        "pair": (1, "a"),
    }
    changed = dataclasses.replace(first.findings[0], data=data)
    text = JsonReporter().render(
        Report(
            files=[FileResult(file=first.file, findings=[changed])],
            as_of="2026-11-22",
            version="0.1.0",
            rules=report.rules,
        ),
        ctx,
    )
    assert text == _relaid(text)
    written = json.loads(text)["files"][0]["findings"][0]["data"]
    assert written == {
        "amount": "3333.33",
        "pair": [1, "a"],
        "set": ["a", "b"],
        "tiny": "0.000000000000000000000000000001",
    }
