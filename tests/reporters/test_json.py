"""The JSON report is exactly what `json.dumps(document, indent=2)` would write.

The reporter writes the document a file at a time (in a parallel run the workers render
each file's part) with its own indenting encoder (the standard library's is pure Python
whenever it indents): these tests hold the spliced text to the layout of one `json.dumps`
of the whole document, on the fixed report and on every naughty string; the encoder to
the standard library's, byte for byte, on arbitrary values; and check that figures stay
exact.
"""

from __future__ import annotations

import dataclasses
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fixed_report import naughty_report, naughty_strings
from hypothesis import given
from hypothesis import strategies as st

from funnelcheck.findings import FileResult, Report
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.json import JsonReporter, _dumps, _plain


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


def _stdlib(value: Any, indent: str = "") -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain).replace(
        "\n", "\n" + indent
    )


def test_every_naughty_string_is_encoded_as_the_standard_library_encodes_it() -> None:
    strings = naughty_strings()
    assert len(strings) > 500
    value = {"strings": strings, "keys": {s: i for i, s in enumerate(strings)}}
    assert _dumps(value) == _stdlib(value)
    assert _dumps(value, "    ") == _stdlib(value, "    ")


def test_values_the_standard_library_hands_to_default_are_encoded_alike() -> None:
    value = {
        "figure": Decimal("3333.33"),
        "tuple": (1, "a", None),
        "set": {"b", "a"},
        "floats": [0.1, 1e300, -0.0, math.inf, -math.inf, math.nan],
        "keys": {7: "int", 2.5: "float", True: "bool", False: "bool", None: "none"},
        "empty": [{}, [], ""],
        "object": Path("x.yaml"),
        "nested": {"a": [{"b": [True, False, None, -7]}]},
    }
    assert _dumps(value) == _stdlib(value)


def test_a_key_json_refuses_is_refused() -> None:
    with pytest.raises(TypeError):
        _dumps({("a", "b"): 1})


_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_values)
def test_any_value_is_encoded_as_the_standard_library_encodes_it(value: Any) -> None:
    assert _dumps(value) == _stdlib(value)
    assert _dumps(value, "  ") == _stdlib(value, "  ")
