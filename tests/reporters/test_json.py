"""The JSON report is exactly what `json.dumps(document, indent=2)` would write.

The reporter writes indented JSON with its own encoder (the standard library's indenting
encoder is pure Python and was a fifth of a large run's time): these tests hold the two
equal, byte for byte, on the fixed report, every naughty string and arbitrary values.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from corpora import corpus
from hypothesis import given
from hypothesis import strategies as st

from funnelcheck.findings import Report
from funnelcheck.reporters.base import RenderContext
from funnelcheck.reporters.json import JsonReporter, _dumps, _plain


def _stdlib(value: Any, indent: str = "") -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain).replace(
        "\n", "\n" + indent
    )


def test_the_report_is_the_standard_librarys_indented_json(
    report: Report, ctx: RenderContext
) -> None:
    text = JsonReporter().render(report, ctx)
    document = json.loads(text)
    assert document["files"], "the fixed report has files with findings"
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_every_naughty_string_is_written_as_the_standard_library_writes_it() -> None:
    strings = json.loads(corpus("blns/blns.json").read_text(encoding="utf-8"))
    assert len(strings) > 500
    value = {"strings": strings, "keys": {s: i for i, s in enumerate(strings)}}
    assert _dumps(value) == _stdlib(value)
    assert _dumps(value, "    ") == _stdlib(value, "    ")


def test_values_the_standard_library_hands_to_default_are_written_alike() -> None:
    value = {
        "figure": Decimal("3333.33"),
        "tuple": (1, "a", None),
        "set": {"b", "a"},
        "floats": [0.1, 1e300, -0.0, math.inf, -math.inf, math.nan],
        "keys": {7: "int", 2.5: "float", True: "bool", False: "bool", None: "none"},
        "empty": [{}, [], ""],
        "object": Path("x.yaml"),
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
def test_any_value_is_written_as_the_standard_library_writes_it(value: Any) -> None:
    assert _dumps(value) == _stdlib(value)
