"""Each rule's reference page (its docstring) shows a failing and a passing example; both
run here as cases, so the page cannot drift from the code.

An example is a fenced YAML block after `**Failing example.**` or `**Passing example.**`.
It is merged onto a base strategy: `tests/rules/examples_base.yaml`, or the sample that a
first line `# on: NAME` names (`sample_strategies/NAME.yaml`). A top-level key whose value
is a mapping is merged key by key into the base's; any other top-level key (a list, a
scalar) replaces the base's and keeps its text as written, comments and repeated keys
included (suppression comments and FC003's duplicate keys live there). An example holding
`funnelcheck:` at the top, or that is not a YAML mapping, is a whole file. A
`--as-of YYYY-MM-DD` in the block checks on that day (2026-11-22 otherwise).

Only the rule's own findings count: a failing example gives at least one; a passing one
gives none, or (for a rule that always reports a note, FC502, FC503) none above info.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from funnelcheck.config import Overrides
from funnelcheck.findings import Finding, Severity
from funnelcheck.input.discover import Source
from funnelcheck.rules import all_rules
from funnelcheck.run.engine import make_checker

ROOT = Path(__file__).resolve().parents[2]
BASE = Path(__file__).resolve().parent / "examples_base.yaml"
SAMPLES = ROOT / "sample_strategies"
DEFAULT_AS_OF = dt.date(2026, 11, 22)
EXAMPLE = re.compile(r"\*\*(Failing|Passing) example\.?\*\*(.*?)(?=\*\*[A-Z][^*]*\*\*|\Z)", re.S)
BLOCK = re.compile(r"```ya?ml\n(.*?)```", re.S)
AS_OF = re.compile(r"--as-of (\d{4}-\d{2}-\d{2})")
ON = re.compile(r"\A#\s*on:\s*([\w-]+)\s*$", re.M)
#: Rules whose examples no strategy alone can show, and why.
NOT_FROM_A_STRATEGY = {
    "FC010": "a rule that raises is a bug in a rule (tests/rules/cases/FC010_*.yaml has one)",
}


def examples() -> list[Any]:
    params = []
    for code, rule in all_rules(plugins=False).items():
        if code in NOT_FROM_A_STRATEGY:
            continue
        doc = inspect.cleandoc(rule.__doc__ or "")
        count = {"Failing": 0, "Passing": 0}
        for kind, section in EXAMPLE.findall(doc):
            for text in BLOCK.findall(section):
                count[kind] += 1
                params.append(pytest.param(code, kind, text, id=f"{code}-{kind}-{count[kind]}"))
    return params


def merged(text: str) -> str:
    """The example on its base, as the text of a strategy file."""
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        return text  # a file that is broken on purpose (FC001, FC002's impossible date)
    if not isinstance(data, dict) or "funnelcheck" in data:
        return text
    on = ON.search(text)
    base_path = SAMPLES / f"{on.group(1)}.yaml" if on else BASE
    base = yaml.safe_load(base_path.read_text(encoding="utf-8"))
    raw: list[str] = []
    for key, block in top_level_blocks(text):
        if isinstance(data.get(key), dict) and isinstance(base.get(key), dict):
            base[key] = deep_merge(base[key], data[key])
        else:
            base.pop(key, None)
            raw.append(block)
    dumped = yaml.safe_dump(base, sort_keys=False, allow_unicode=True, width=1000)
    return dumped + "".join(raw)


def top_level_blocks(text: str) -> list[tuple[str, str]]:
    """Each top-level key of a block with its lines as written (comments kept)."""
    blocks: list[tuple[str, str]] = []
    for line in text.splitlines(keepends=True):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match:
            blocks.append((match.group(1), line))
        elif blocks:
            key, block = blocks[-1]
            blocks[-1] = (key, block + line)
    return blocks


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def findings_of(code: str, text: str, tmp_path: Path) -> list[Finding]:
    as_of = AS_OF.search(text)
    checker = make_checker(
        None,
        Overrides(),
        plugins=False,
        as_of=dt.date.fromisoformat(as_of.group(1)) if as_of else DEFAULT_AS_OF,
    )
    path = tmp_path / "strategy.yaml"
    path.write_text(merged(text), encoding="utf-8")
    result = checker.check(Source(str(path), "strategy.yaml", explicit=True))
    assert result is not None and result.error is None, result
    return [f for f in result.findings if f.code == code]


def test_every_rule_shows_a_failing_and_a_passing_example() -> None:
    kinds: dict[str, set[str]] = {}
    for param in examples():
        code, kind, _ = param.values
        kinds.setdefault(code, set()).add(kind)
    for code in all_rules(plugins=False):
        if code in NOT_FROM_A_STRATEGY:
            assert list(ROOT.glob(f"tests/rules/cases/{code}_*.yaml")), code
            continue
        assert kinds.get(code) == {"Failing", "Passing"}, f"{code}'s docstring lacks an example"


@pytest.mark.parametrize(("code", "kind", "text"), examples())
def test_docstring_example(code: str, kind: str, text: str, tmp_path: Path) -> None:
    found = findings_of(code, text, tmp_path)
    shown = "\n".join(f"{f.severity.label} {f.location.path}: {f.message}" for f in found)
    if kind == "Failing":
        assert found, f"the failing example gives no {code} finding:\n{merged(text)}"
        return
    above_info = [f for f in found if f.severity > Severity.INFO]
    assert not above_info, f"the passing example gives {code}:\n{shown}\n\n{merged(text)}"
    failing = [p.values[2] for p in examples() if p.values[0] == code and p.values[1] == "Failing"]
    if found and all(
        f.severity == Severity.INFO for t in failing for f in findings_of(code, t, tmp_path)
    ):
        pytest.fail(f"the passing example gives the failing one's {code} note:\n{shown}")
