"""The strategy schema compiled to Python judges every strategy as jsonschema does.

`funnelcheck.input.validate.validate` trusts the generated `is_valid` on the happy path and asks
jsonschema only when it says "not valid"; so the two must agree on every input. They are
compared on the format's example changed in thousands of ways (each value replaced by
values of every JSON type, each key removed, an unknown key added to each mapping), on
every sample strategy, and on small schemas using each keyword the generator knows.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from funnelcheck.input import schemagen
from funnelcheck.input._strategy_check import is_valid
from funnelcheck.input.load import load_text
from funnelcheck.input.validate import STRATEGY_SCHEMA, load_schema, strategy_validator

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_strategies").glob("*.yaml"))
REPLACEMENTS: list[Any] = [
    None, True, False, 0, 1, 1.0, -3, 0.35, 2.5, "", "x", "team", "USD", "2026-02-30",
    "2026-10-30", "2026-10-30\n", [], ["x"], [1], {}, {"id": "x"},
]  # fmt: skip


def _jsonschema_valid(data: Any) -> bool:
    return not any(True for _ in strategy_validator().iter_errors(data))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _variants(data: dict[str, Any]) -> Iterator[Any]:
    for path in _paths(data):
        if not path:
            continue
        for value in REPLACEMENTS:
            changed = copy.deepcopy(data)
            _parent(changed, path)[path[-1]] = copy.deepcopy(value)
            yield changed
        changed = copy.deepcopy(data)
        parent = _parent(changed, path)
        del parent[path[-1]]
        yield changed
        target = _parent(data, (*path, None))
        if isinstance(target, dict):
            changed = copy.deepcopy(data)
            _parent(changed, (*path, None))["unknown_key"] = 1
            yield changed


def test_the_committed_module_is_generated_from_the_current_schema() -> None:
    expected = schemagen.generate(load_schema(STRATEGY_SCHEMA))
    stale = "funnelcheck/input/_strategy_check.py is out of date"
    assert schemagen.OUTPUT.read_text(encoding="utf-8") == expected, (
        f"{stale}: run `python -m funnelcheck.input.schemagen`"
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_it_agrees_with_jsonschema_on_every_sample(sample: Path) -> None:
    data = load_text(sample.read_text(encoding="utf-8")).data
    assert is_valid(data) == _jsonschema_valid(data)


# The format page's example, and the sample that sets the most optional fields.
@pytest.mark.parametrize("name", ["ledgerline.yaml", "clean-b2b-saas.yaml"])
@pytest.mark.slow
def test_it_agrees_with_jsonschema_on_a_strategy_changed_every_way(name: str) -> None:
    sample = ROOT / "sample_strategies" / name
    data = load_text(sample.read_text(encoding="utf-8")).data
    checked = 0
    for variant in _variants(data):
        assert is_valid(variant) == _jsonschema_valid(variant), variant
        checked += 1
    assert checked > 100


MINI_SCHEMAS: list[dict[str, Any]] = [
    {"type": ["integer", "null"], "minimum": 0, "exclusiveMaximum": 10},
    {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
    {"enum": [1, True, "a", None, [1], {"k": 2}]},
    {"const": {"a": [1, 2.0]}},
    {"minLength": 2, "maxLength": 3, "pattern": "^a"},
    {"format": "date"},
    {"minItems": 1, "maxItems": 2, "items": {"type": "string"}},
    {"required": ["a"], "dependentRequired": {"b": ["c"]}},
    {
        "properties": {"a": {"type": "integer"}},
        "patternProperties": {"^x-": {"type": "string"}},
        "additionalProperties": {"type": "boolean"},
    },
    {"properties": {"a": True}, "additionalProperties": False},
    {"anyOf": [{"type": "string"}, {"minimum": 3}]},
    {"oneOf": [{"type": "integer"}, {"minimum": 2}]},
    {"allOf": [{"type": "number"}, {"maximum": 2}]},
    {"not": {"type": "array"}},
]
INSTANCES: list[Any] = [
    None, True, False, 0, 1, 1.0, 2, 2.0, 2.5, 3, 10, -1, "", "a", "ab", "abc", "abcd",
    "ba", "2026-02-28", "2026-02-30", "26-2-28", [], [1], ["a"], ["a", "b", "c"], [1, 2.0],
    {}, {"a": 1}, {"a": 1.0}, {"a": True}, {"a": [1, 2.0]}, {"a": [1, 2]}, {"k": 2},
    {"x-1": "s"}, {"x-1": 2}, {"b": True}, {"b": 1, "c": 2}, {"a": 1, "b": 1},
]  # fmt: skip


@pytest.mark.parametrize("schema", MINI_SCHEMAS, ids=[str(s) for s in MINI_SCHEMAS])
def test_each_keyword_means_what_jsonschema_says(schema: dict[str, Any]) -> None:
    namespace: dict[str, Any] = {}
    exec(compile(schemagen.generate(schema), "<generated>", "exec"), namespace)
    reference = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for instance in INSTANCES:
        assert namespace["is_valid"](instance) == reference.is_valid(instance), instance


def test_a_keyword_the_generator_does_not_know_stops_it() -> None:
    with pytest.raises(ValueError, match="uniqueItems"):
        schemagen.generate({"type": "array", "uniqueItems": True})
