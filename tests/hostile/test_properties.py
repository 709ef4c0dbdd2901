"""Property-based: strategies from the format, valid and mutated, never crash the checker,
and what it finds does not depend on how the YAML is written.

The generator follows `docs`' strategy format (ids, roles, plans, stages, claims, money,
reference customers, evidence, assumptions) with words drawn from a small vocabulary, so
that the story and price rules have something to match. Mutations swap a value's type,
drop a key or add one. Every example goes through the engine as standard input would
(no file), and only findings may come out of it: any exception fails the test.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hostile_support import checker, to_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from funnelcheck.input.discover import STDIN, Source

# No example database: the suite must not write into the checkout.
SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
WORDS = (
    "payout",
    "payouts",
    "ledger",
    "books",
    "reconcile",
    "reconciling",
    "match",
    "invoices",
    "close",
    "month-end",
    "finance",
    "teams",
    "dashboards",
    "hiring",
    "payroll",
    "board",
    "audit",
    "trail",
    "stripe",
    "hours",
    "days",
    "$399",
    "$499",
    "a",
    "month",
    "40%",
    "three",
    "to",
    "five",
)
ROLES = ("marketing", "sales", "product", "pricing", "retention", "referral", "other")
STAKEHOLDERS = ("economic_buyer", "champion", "user", "technical_buyer", "buyer")
IDS = st.from_regex(r"\A[a-z]{1,6}(-[a-z0-9]{1,4})?\Z")
DATES = st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)).map(dt.date.isoformat)

_CHECKER: Any = None


def _checker() -> Any:
    global _CHECKER
    if _CHECKER is None:
        _CHECKER = checker()
    return _CHECKER


def text(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(" ".join)


def money() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "amount": st.integers(0, 100_000),
            "per": st.sampled_from(("day", "week", "month", "quarter", "year", "once")),
        },
        optional={"currency": st.sampled_from(("USD", "EUR", "GBP"))},
    )


@st.composite
def strategies(draw: st.DrawFn) -> dict[str, Any]:
    """A strategy the format accepts (values within their types and enums)."""
    pain_ids = draw(st.lists(IDS, max_size=3, unique=True))
    capability_ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    evidence_ids = draw(st.lists(IDS, max_size=2, unique=True))
    roles = draw(st.lists(st.sampled_from(STAKEHOLDERS), max_size=3, unique=True))
    refs = st.lists(st.sampled_from(capability_ids), max_size=2, unique=True)
    claim = st.fixed_dictionaries({"text": text()}, optional={"promises": refs})
    stage = st.fixed_dictionaries(
        {"name": text(1, 4), "role": st.sampled_from(ROLES)},
        optional={
            "pitch": text(),
            "audience": st.lists(st.sampled_from(roles), max_size=2, unique=True)
            if roles
            else st.just([]),
            "channels": st.lists(text(1, 2), max_size=2),
            "claims": st.lists(claim, max_size=3),
            "conversion": st.sampled_from((0.05, 0.1, 0.25, 0.5, 0.9, 1)),
            "basis": st.sampled_from(("measured", "benchmark", "guess")),
        },
    )
    data: dict[str, Any] = {
        "funnelcheck": 1,
        "product": {"name": draw(text(1, 2))},
        "reviewed": draw(DATES),
        "problem": {
            "id": draw(IDS),
            "statement": draw(text(4, 20)),
            "terms": draw(
                st.dictionaries(
                    st.sampled_from(WORDS), st.lists(text(1, 2), max_size=2), min_size=1, max_size=4
                )
            ),
        },
        "segment": {
            "name": draw(text(1, 3)),
            "stakeholders": [{"role": r, "title": draw(text(1, 2))} for r in roles],
        },
        "value_proposition": {"statement": draw(text(3, 15))},
        "capabilities": [
            {
                "id": cid,
                "text": draw(text(1, 6)),
                "status": draw(st.sampled_from(("shipped", "beta", "planned"))),
            }
            for cid in capability_ids
        ],
        "price": {
            "currency": "USD",
            "plans": [
                {
                    "id": "plan",
                    "amount": draw(st.integers(0, 5_000)),
                    "per": draw(st.sampled_from(("month", "year", "seat-month", "once"))),
                    "includes": draw(refs),
                }
            ],
        },
        "stages": draw(st.lists(stage, min_size=1, max_size=5)),
    }
    if pain_ids:
        data["problem"]["pains"] = [
            {"id": pid, "text": draw(text(1, 5)), "severity": draw(st.integers(1, 5))}
            for pid in pain_ids
        ]
    if draw(st.booleans()):
        data["problem"]["cost"] = draw(money())
    if draw(st.booleans()):
        data["goals"] = {"customers": draw(st.integers(1, 500)), "per": "quarter"}
    if draw(st.booleans()):
        data["reference_customers"] = [
            {
                "name": draw(text(1, 2)),
                "why_bought": draw(text()),
                "paid": draw(money()),
                "reached_via": draw(text(1, 2)),
            }
        ]
    if evidence_ids:
        data["evidence"] = [
            {"id": eid, "kind": "interview", "n": draw(st.integers(1, 50)), "date": draw(DATES)}
            for eid in evidence_ids
        ]
        data["problem"]["evidence"] = evidence_ids[:1]
    if draw(st.booleans()):
        data["assumptions"] = [
            {
                "id": "guess",
                "text": draw(text()),
                "status": draw(st.sampled_from(("assumed", "testing", "validated"))),
                "last_checked": draw(DATES),
            }
        ]
    return data


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the data (the root excluded)."""
    out: list[tuple[Any, ...]] = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        out.append((*path, key))
        out.extend(_places(item, (*path, key)))
    return out


REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    text(),
    st.just(""),
    st.lists(st.integers(), max_size=2),
    st.just({"unexpected": [1, {"deeper": None}]}),
)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid strategy with 1-4 mutations: a type swapped, a key dropped, a key added."""
    data = draw(strategies())
    for _ in range(draw(st.integers(1, 4))):
        places = _places(data)
        path = draw(st.sampled_from(places))
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        kind = draw(st.sampled_from(("swap", "drop", "add")))
        # A copy: `st.just` hands out one object, which a later mutation could otherwise
        # place inside itself (a cycle no YAML file can hold).
        if kind == "swap":
            parent[path[-1]] = copy.deepcopy(draw(REPLACEMENTS))
        elif kind == "drop":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(("pich", "extra", "Name", "1", "true", "")))] = (
                copy.deepcopy(draw(REPLACEMENTS))
            )
        else:
            parent.append(copy.deepcopy(draw(REPLACEMENTS)))
    return data


def _check_text(text: str, pitch: bool = False) -> Any:
    """Check YAML text as `funnelcheck check -` would; only findings may come out. With
    `pitch`, as it would for a format that draws the pitch (`-f html`)."""
    the_checker = _checker()
    the_checker.pitch = pitch
    the_checker.stdin_bytes = text.encode("utf-8")
    result = the_checker.check(Source(STDIN, "<stdin>", True))
    assert result is not None and result.error is None
    return result


def _code_paths(result: Any) -> set[tuple[str, str]]:
    return {(f.code, f.location.path) for f in result.findings}


@SETTINGS
@given(strategies())
def test_generated_strategies_are_checked_without_input_findings(data: dict[str, Any]) -> None:
    result = _check_text(to_yaml(data))
    codes = {f.code for f in result.findings}
    # The generator follows the format: the loader and the schema have nothing to say.
    assert codes.isdisjoint({"FC001", "FC002", "FC003", "FC004", "FC006", "FC007"}), [
        (f.code, f.location.path, f.message) for f in result.findings
    ]
    assert result.relay is not None


@SETTINGS
@given(mutated())
def test_mutated_strategies_never_crash_the_checker(data: dict[str, Any]) -> None:
    result = _check_text(to_yaml(data))
    for finding in result.findings:
        assert finding.message and finding.location.line >= 1


def _shuffled(value: Any, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
    if isinstance(value, dict):
        keys = draw(st.permutations(list(value)))
        return {key: _shuffled(value[key], draw) for key in keys}
    if isinstance(value, list):
        return [_shuffled(item, draw) for item in value]
    return value


@SETTINGS
@given(st.one_of(strategies(), mutated()), st.data())
@pytest.mark.slow
def test_findings_do_not_depend_on_how_the_yaml_is_written(
    data: dict[str, Any], more: st.DataObject
) -> None:
    reference = _code_paths(_check_text(to_yaml(data)))
    shuffled = _shuffled(data, more.draw)
    variants = {
        "keys reordered": to_yaml(shuffled),
        "block, 4 spaces, keys sorted": yaml.safe_dump(
            data, default_flow_style=False, indent=4, sort_keys=True, allow_unicode=True
        ),
        "block, 2 spaces": yaml.safe_dump(
            shuffled, default_flow_style=False, indent=2, sort_keys=False, allow_unicode=True
        ),
        "flow": yaml.safe_dump(
            data, default_flow_style=True, sort_keys=False, allow_unicode=True, width=60
        ),
    }
    for how, text in variants.items():
        assert _code_paths(_check_text(text)) == reference, how
