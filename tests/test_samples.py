"""The sample strategies' README is a contract: what it says each file shows is what the
checker reports on it, on the day it names (issue 4's "done when")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from funnelcheck.config import Overrides
from funnelcheck.findings import Severity
from funnelcheck.input.discover import Source
from funnelcheck.run.engine import make_checker

SAMPLES = Path(__file__).resolve().parents[1] / "sample_strategies"
ROW = re.compile(r"^\| `([^`]+\.yaml)` \| .* \| ([^|]+) \| ([^|]+) \|$", re.MULTILINE)


def _rows() -> list[tuple[str, set[str], set[str]]]:
    text = (SAMPLES / "README.md").read_text(encoding="utf-8")

    def codes(cell: str) -> set[str]:
        return set(re.findall(r"FC\d{3}", cell))

    return [(name, codes(expects), codes(info)) for name, expects, info in ROW.findall(text)]


def _findings(name: str, as_of: dt.date) -> list[tuple[str, Severity]]:
    checker = make_checker(None, Overrides(), plugins=False, as_of=as_of)
    result = checker.check(Source(str(SAMPLES / name), name, explicit=True))
    assert result is not None and result.error is None
    return [(f.code, f.severity) for f in result.findings]


def test_the_readme_names_every_sample() -> None:
    named = {name for name, _, _ in _rows()}
    assert named == {p.name for p in SAMPLES.glob("*.yaml")}


# Ids sorted: a set's order follows hash randomisation, and pytest-xdist's workers must
# collect the same ids.
@pytest.mark.parametrize(
    ("name", "expects", "info"),
    _rows(),
    ids=lambda v: ",".join(sorted(v)) if isinstance(v, set) else str(v),
)
def test_each_sample_reports_what_its_readme_line_says(
    name: str, expects: set[str], info: set[str]
) -> None:
    found = _findings(name, dt.date(2026, 11, 22))
    above_info = {code for code, severity in found if severity > Severity.INFO}
    assert above_info == expects
    infos = {code for code, severity in found if severity == Severity.INFO}
    assert info <= infos, "an info note the README promises is missing"


def test_a_later_day_adds_strategy_stale_everywhere() -> None:
    for name, _, _ in _rows():
        codes = {code for code, _ in _findings(name, dt.date(2027, 1, 15))}
        assert "FC701" in codes, name


def test_the_format_page_example_gives_its_three_drops() -> None:
    found = _findings("ledgerline.yaml", dt.date(2026, 11, 22))
    assert sorted(c for c, s in found if s > Severity.INFO) == ["FC101", "FC104", "FC201", "FC302"]
    later = _findings("ledgerline.yaml", dt.date(2027, 1, 15))
    assert sorted(c for c, s in later if s > Severity.INFO) == [
        "FC101",
        "FC104",
        "FC201",
        "FC302",
        "FC701",
    ]
