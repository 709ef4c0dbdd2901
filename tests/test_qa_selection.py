"""Selecting rule families never passes a file that could not be checked as clean.

`select: [FC1, FC2]` (as a ruff user writes `select = ["E", "F"]`) or `--select FC101`
must not hide that a file is not YAML or not a strategy: no rule ran on it, and "no
findings" with exit 0 would be a lie. Only naming FC001/FC002/FC006/FC007 in `ignore`
turns them off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from funnelcheck.config import Overrides
from funnelcheck.discover import Source
from funnelcheck.engine import make_checker

BROKEN = {
    "FC001": "funnelcheck: 1\nstages: [\n",
    "FC002": "funnelcheck: 1\nproduct: {name: X}\n",
    "FC006": "funnelcheck: 2\n",
    "FC007": "funnelcheck: 1\nowner: !!python/object/apply:os.system [echo]\n",
}


def _codes(tmp_path: Path, text: str, config: str | None, **overrides: Any) -> set[str]:
    strategy = tmp_path / "s.yaml"
    strategy.write_text(text, encoding="utf-8")
    config_file = None
    if config is not None:
        config_file = tmp_path / ".funnelcheck.yaml"
        config_file.write_text(config, encoding="utf-8")
    checker = make_checker(
        str(config_file) if config_file else None,
        Overrides(**overrides),
        plugins=False,
        as_of=dt.date(2026, 11, 22),
    )
    result = checker.check(Source(str(strategy), "s.yaml", explicit=True))
    assert result is not None and result.error is None
    return {finding.code for finding in result.findings}


@pytest.mark.parametrize("code", sorted(BROKEN))
@pytest.mark.parametrize(
    "config",
    [
        "select: [FC1, FC2]\n",
        "select: [stage-off-problem]\n",
        "ignore: [FC0]\n",
        "ignore: [ALL]\nextend-select: [FC101]\n",
        "per-file:\n  '*.yaml': {select: [FC7]}\n",
    ],
)
def test_a_family_or_select_never_hides_that_a_file_could_not_be_checked(
    tmp_path: Path, code: str, config: str
) -> None:
    assert code in _codes(tmp_path, BROKEN[code], config)


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_select_on_the_command_line_never_hides_it_either(tmp_path: Path, code: str) -> None:
    assert code in _codes(tmp_path, BROKEN[code], None, select=("FC101",))


def test_naming_the_code_in_ignore_still_turns_it_off(tmp_path: Path) -> None:
    assert "FC001" not in _codes(tmp_path, BROKEN["FC001"], "ignore: [FC001]\n")
    assert "FC002" not in _codes(tmp_path, BROKEN["FC002"], "ignore: [schema]\n")
    assert "FC001" not in _codes(tmp_path, BROKEN["FC001"], None, ignore=("yaml-syntax",))


def test_other_input_rules_still_follow_the_selection(tmp_path: Path) -> None:
    misspelled = (
        Path(__file__).resolve().parents[1] / "sample_strategies" / "input-mistakes.yaml"
    ).read_text(encoding="utf-8")
    assert {"FC004", "FC005"} <= _codes(tmp_path, misspelled, None)
    assert not {"FC004", "FC005"} & _codes(tmp_path, misspelled, "select: [FC1]\n")
