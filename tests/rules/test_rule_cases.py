"""Every rule's passing and failing cases, as data: tests/rules/cases/FCnnn_name.yaml.

A case is a strategy (a whole text, or a sample file with a patch), optional configuration
and "today", and the findings of the rule under test that a user must see: path and
severity, and where given a message fragment, line and column. All rules run, as in a real
check (suppressions and cross-rule facets depend on it); only the rule's own findings are
compared.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from funnelcheck.config import ConfigResolver, Overrides
from funnelcheck.findings import Finding, Issue, Severity
from funnelcheck.input.discover import Source
from funnelcheck.rules.base import Rule
from funnelcheck.run.engine import Checker, make_checker

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "rules" / "cases"
SAMPLES = ROOT / "sample_strategies"
DEFAULT_AS_OF = dt.date(2026, 11, 22)
_STEP = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]')


def parse_path(text: str) -> list[str | int]:
    """`stages[1].claims[0]` -> ["stages", 1, "claims", 0] (the form findings use)."""
    steps: list[str | int] = []
    pos = 0
    while pos < len(text):
        m = _STEP.match(text, pos)
        if m is None:
            raise ValueError(f"cannot read the path {text!r} at {pos}")
        name, index, quoted = m.groups()
        if index is not None:
            steps.append(int(index))
        elif quoted is not None:
            steps.append(quoted.replace('\\"', '"').replace("\\\\", "\\"))
        else:
            steps.append(name)
        pos = m.end()
    return steps


def _walk_to_parent(data: Any, path: list[str | int]) -> tuple[Any, str | int]:
    for step in path[:-1]:
        data = data[step]
    return data, path[-1]


def apply_patch(data: Any, patch: list[dict[str, Any]]) -> Any:
    data = copy.deepcopy(data)
    for op in patch:
        if "set" in op:
            parent, last = _walk_to_parent(data, parse_path(op["set"]))
            parent[last] = op["value"]
        elif "delete" in op:
            parent, last = _walk_to_parent(data, parse_path(op["delete"]))
            del parent[last]
        elif "append" in op:
            target = data
            for step in parse_path(op["append"]):
                target = target[step]
            target.append(op["value"])
        else:
            raise ValueError(f"unknown patch operation {op!r}: use set, delete or append")
    return data


def _base_data(name: str) -> Any:
    from funnelcheck.input.load import load_file

    return load_file(str(SAMPLES / f"{name}.yaml")).data


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("FC*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(path.name, spec, case, id=f"{spec['rule']}:{case['name']}"))
    return params


def _strategy_text(spec: dict[str, Any], case: dict[str, Any]) -> str:
    if "strategy" in case:
        return str(case["strategy"])
    base = case.get("base", spec.get("base"))
    if base is None:
        raise ValueError("a case needs `strategy:` or a `base:` (in the case or the file)")
    data = apply_patch(_base_data(base), case.get("patch", []))
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


class FailingRule(Rule):
    """A test rule with a bug: it divides by zero where a stage has no conversion."""

    code = "FC999"
    name = "failing-rule"
    severity = Severity.WARNING

    def check(self, strategy: Any, options: Any) -> Iterator[Issue]:
        for index, stage in strategy.stages():
            if "conversion" not in stage:
                yield Issue(path=("stages", index), message=f"{1 / 0}")


def _matches(finding: Finding, expected: dict[str, Any]) -> bool:
    if finding.location.path != expected["path"]:
        return False
    if "severity" in expected and finding.severity.label != expected["severity"]:
        return False
    if "message" in expected and expected["message"] not in finding.message:
        return False
    if "line" in expected and finding.location.line != expected["line"]:
        return False
    return not ("column" in expected and finding.location.column != expected["column"])


def _show(finding: Finding) -> str:
    loc = finding.location
    return f"{loc.path} {finding.severity.label} {loc.line}:{loc.column} {finding.message}"


@pytest.mark.parametrize(("filename", "spec", "case"), _cases())
def test_rule_case(
    tmp_path: Path, filename: str, spec: dict[str, Any], case: dict[str, Any]
) -> None:
    code = spec["rule"]
    assert filename.startswith(code + "_"), "a case file is named after its rule's code"
    text = _strategy_text(spec, case)
    target = tmp_path / "strategy.yaml"
    target.write_text(text, encoding="utf-8")
    config_file = None
    if case.get("config") is not None:
        config_file = tmp_path / ".funnelcheck.yaml"
        config_file.write_text(yaml.safe_dump(case["config"]), encoding="utf-8")
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    checker = make_checker(
        str(config_file) if config_file else None, Overrides(), plugins=False, as_of=as_of
    )
    if case.get("failing_rule"):
        # A rule that raises where the case says, as a plugin's buggy rule would (FC010).
        rules = {**checker.rules, FailingRule.code: FailingRule}
        checker = Checker(
            ConfigResolver(str(config_file) if config_file else None, Overrides(), rules),
            rules,
            as_of,
        )
    result = checker.check(Source(str(target), "strategy.yaml", explicit=True))
    assert result is not None and result.error is None, result
    found = [f for f in result.findings if f.code == code]
    expected = case.get("expect") or []
    shown = "\n".join(_show(f) for f in found) or "(none)"
    assert len(found) == len(expected), f"{code} findings:\n{shown}\n\nstrategy:\n{text}"
    for finding, want in zip(found, expected, strict=True):
        assert _matches(finding, want), f"expected {want}, got {_show(finding)}\nall:\n{shown}"


def test_every_case_file_has_passing_and_failing_cases() -> None:
    files = sorted(CASES.glob("FC*.yaml"))
    assert files, "no rule case files"
    for path in files:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = {bool(case.get("expect")) for case in spec["cases"]}
        assert kinds == {True, False}, f"{path.name} needs a passing and a failing case"
