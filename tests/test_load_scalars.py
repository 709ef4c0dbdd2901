"""Plain scalars are typed as PyYAML's SafeLoader types them, dates kept as text.

The loader skips the implicit resolvers for quoted text and for plain text whose first
character no resolver claims (most values); these tests hold its answers to SafeLoader's
where that could go wrong: every spelling of YAML 1.1's word scalars, words that begin
like them, numbers, and arbitrary printable words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from funnelcheck.input.load import load_text

WORD_SCALARS = [
    spelling
    for word in ("yes", "no", "true", "false", "on", "off", "null")
    for spelling in (word, word.capitalize(), word.upper())
]
LOOK_ALIKES = [
    "yesterday",
    "Nobody",
    "nothing",
    "trueness",
    "Truelove",
    "falsehood",
    "FALSEHOOD",
    "online",
    "Offline",
    "nullable",
    "NULLS",
    "yes!",
    "no-show",
    "y",
    "n",
    "Tr",
]
NUMBERS = ["0", "12", "-3", "+4", "1_000", "0x1F", "0o17", "0b101", "1.5", "-.5", "1e3"]
#: Typed as floats by SafeLoader, and refused here: no figure can be NaN or infinite
#: (FC002 at its line, issue 12).
NOT_FINITE = [".inf", "-.inf", "+.INF", ".nan", ".NaN", ".NAN", "1.0e+999"]


def _safe_load(value: str) -> Any:
    loaded = yaml.safe_load(f"k: {value}\n")["k"]
    # funnelcheck keeps dates as the text written (`--as-of` compares them as dates).
    return value if isinstance(loaded, dt.date) else loaded


def _ours(value: str) -> Any:
    return load_text(f"k: {value}\n").data["k"]


def test_every_word_scalar_is_typed_by_safe_loader() -> None:
    assert not any(isinstance(_safe_load(w), str) for w in WORD_SCALARS)


@pytest.mark.parametrize("value", WORD_SCALARS + LOOK_ALIKES + NUMBERS + ["2026-11-22", "~"])
def test_typed_as_safe_loader_types_it(value: str) -> None:
    assert _ours(value) == _safe_load(value)
    assert type(_ours(value)) is type(_safe_load(value))


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1))
def test_any_plain_word_is_typed_as_safe_loader_types_it(value: str) -> None:
    try:
        expected = _safe_load(value)
    except yaml.YAMLError:
        return  # not a plain scalar on its own (`[`, `: `, ...): other tests cover syntax
    if not re.fullmatch(r"[^\s#:,\[\]{}&*!|>'\"%@`]+", value):
        return
    if isinstance(expected, float) and not math.isfinite(expected):
        assert "FC002" in load_text(f"k: {value}\n").issues
        return
    assert _ours(value) == expected


@pytest.mark.parametrize("value", NOT_FINITE)
def test_safe_loader_reads_a_float_that_is_no_figure_and_we_refuse_it(value: str) -> None:
    expected = _safe_load(value)
    assert isinstance(expected, float) and not math.isfinite(expected)
    [issue] = load_text(f"k: {value}\n").issues["FC002"]
    assert (issue.line, issue.column, issue.path) == (1, 4, ("k",))
    assert "not a finite number" in issue.message
