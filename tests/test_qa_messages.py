"""FC002 messages read as sentences a product manager understands, for every field.

Each message names what the value should be from the schema's `title` ("a conversion is a
number such as 0.35"), so a title must be a noun: "Why they bought" gave "a why they bought
is text or empty", "Customers wanted" gave "a customers wanted is a whole number".
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from funnelcheck.load import load_file
from funnelcheck.schema import validate

EXAMPLE = Path(__file__).resolve().parents[1] / "sample_strategies" / "ledgerline.yaml"

#: "a why ...", "a reached via ...", "a customers wanted ...": a title that is no noun.
NOT_A_NOUN = re.compile(
    r"\ban? (why|how|what|who|when|reached|last checked|customers wanted)\b", re.IGNORECASE
)


def _example() -> dict[str, Any]:
    data = load_file(str(EXAMPLE)).data
    assert isinstance(data, dict)
    # Give the optional parts the example leaves out a value, so their fields are tried too.
    data["price"]["willingness_to_pay"] = {"low": 300, "high": 800, "per": "month"}
    data["assumptions"] = [
        {"id": "cfo-buys", "text": "CFOs sign", "status": "assumed", "last_checked": "2026-10-01"}
    ]
    return data


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    elif isinstance(value, list):
        if value:
            yield from _leaves(value[0], (*path, 0))
    else:
        yield path


@cache
def _messages() -> list[tuple[str, str]]:
    example = _example()
    out = []
    for path in _leaves(example):
        data = copy.deepcopy(example)
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = {"not": "a value of this kind"}
        for issues in validate(data).values():
            out += [(".".join(map(str, path)), issue.message) for issue in issues]
    return out


def test_every_field_is_named_by_a_noun_in_its_fc002_message() -> None:
    messages = _messages()
    assert len(messages) > 60  # every leaf of the example was tried
    wrong = [(path, message) for path, message in messages if NOT_A_NOUN.search(message)]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("goals.customers", "a customer goal is a whole number of at least 1"),
        ("reference_customers.0.why_bought", "a reason they bought is text or empty"),
        ("reference_customers.0.reached_via", "a channel that reached them is text or empty"),
        ("assumptions.0.last_checked", "a last check date is a date written YYYY-MM-DD"),
    ],
)
def test_the_renamed_fields_read_as_sentences(path: str, says: str) -> None:
    assert any(p == path and says in m for p, m in _messages()), path


def test_an_id_message_offers_no_other_kinds_id_as_its_example() -> None:
    # "a pain id is ..., such as `auto-match`" offered the example's capability id as the
    # way to write a pain id; the message says how ids are written instead.
    for path, message in _messages():
        if path.endswith(".id") or path.endswith("evidence.0") or ".relieves." in path:
            assert "auto-match" not in message, (path, message)
            assert "no spaces, capitals or underscores" in message, (path, message)
