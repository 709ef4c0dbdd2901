"""Every rule's message begins the same way: a lower-case letter, unless it begins with
something written as it is: a name or code in backticks (or quotes), a figure ("40
customers a quarter need ..."), an acronym ("YAML syntax: ..."), or the name of what the
finding is about (a reference customer's name, which the strategy spells).

Messages are shown after "file:line:col: " or a code in every format, so they read as the
rest of a sentence; FC102, FC103, FC105-FC109 and FC605 began with a capital letter where
every other rule's message did not.

The strategies tried are every rule case (tests/rules/cases/*.yaml) and every sample, run
with all rules as a user runs them, so that each rule's messages are seen in all the
shapes its cases give them.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from funnelcheck.config import Overrides
from funnelcheck.input.discover import Source
from funnelcheck.run.engine import make_checker

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "rules" / "cases"
SAMPLES = ROOT / "sample_strategies"
AS_OF = dt.date(2026, 11, 22)
#: What a message may begin with besides a lower-case letter: a name or code written as is.
QUOTED_OPENINGS = ("`", '"', "“", "'")
ACRONYM = re.compile(r"[A-Z]{2,}\b")


@cache
def _case_runner() -> ModuleType:
    """The rule-case runner, for its patch language (one definition of what a patch does)."""
    path = ROOT / "tests" / "rules" / "test_rule_cases.py"
    spec = importlib.util.spec_from_file_location("_rule_case_runner", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _strategies() -> list[tuple[str, str, Any, dt.date]]:
    """(label, strategy text, configuration or None, as-of day) for every case and sample."""
    out: list[tuple[str, str, Any, dt.date]] = []
    for sample in sorted(SAMPLES.glob("*.yaml")):
        out.append((sample.name, sample.read_text(encoding="utf-8"), None, AS_OF))
    runner = _case_runner()
    for path in sorted(CASES.glob("FC*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            if "strategy" in case:
                text = str(case["strategy"])
            else:
                base = case.get("base", spec.get("base"))
                if base is None:
                    continue
                data = runner.apply_patch(
                    yaml.safe_load((SAMPLES / f"{base}.yaml").read_text(encoding="utf-8")),
                    case.get("patch", []),
                )
                text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
            as_of = case.get("as_of", AS_OF)
            if isinstance(as_of, str):
                as_of = dt.date.fromisoformat(as_of)
            out.append((f"{path.name}: {case['name']}", text, case.get("config"), as_of))
    return out


def _opens_well(message: str, names: tuple[str, ...]) -> bool:
    return (
        message[:1].islower()
        or message[:1].isdigit()
        or message.startswith(QUOTED_OPENINGS)
        or bool(ACRONYM.match(message))
        or any(name and message.startswith(name) for name in names)
    )


@cache
def _messages(tmp: Path) -> dict[str, set[tuple[str, tuple[str, ...]]]]:
    """Every message seen, with the names of what it is about, by rule code."""
    by_code: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for index, (_label, text, config, as_of) in enumerate(_strategies()):
        folder = tmp / str(index)
        folder.mkdir()
        target = folder / "strategy.yaml"
        target.write_text(text, encoding="utf-8")
        config_file = None
        if config is not None:
            config_file = folder / ".funnelcheck.yaml"
            config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
        checker = make_checker(
            str(config_file) if config_file else None, Overrides(), plugins=False, as_of=as_of
        )
        result = checker.check(Source(str(target), "strategy.yaml", explicit=True))
        if result is None:
            continue
        for finding in result.findings:
            customer = finding.data.get("customer")
            names = (finding.subject, customer.strip() if isinstance(customer, str) else "")
            by_code.setdefault(finding.code, set()).add((finding.message, names))
    return by_code


@pytest.mark.slow
def test_every_rule_message_begins_lower_case_or_with_a_quoted_name(tmp_path: Path) -> None:
    by_code = _messages(tmp_path)
    # The story rules named in the report are among those seen, so the test can fail.
    assert {"FC102", "FC103", "FC105", "FC106", "FC107", "FC108", "FC109", "FC605"} <= set(by_code)
    wrong = sorted(
        (code, message)
        for code, messages in by_code.items()
        for message, names in messages
        if not _opens_well(message, names)
    )
    assert not wrong, "\n".join(f"{code}: {message}" for code, message in wrong)
