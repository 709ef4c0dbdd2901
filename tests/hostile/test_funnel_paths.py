"""Branching funnels under attack: tiny rates, long funnels, many paths and optional stages.

Every figure stays bounded and readable, every run finishes with a report, and the same
input gives the same bytes (the arithmetic is exact, so nothing depends on the order in
which floats would round).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from hostile_support import AS_OF, ROOT, base_strategy, run_cli, to_yaml


def _check(tmp_path: Path, data: dict[str, Any], *extra: str) -> dict[str, Any]:
    data = {**data, "goals": {"customers": 40, "per": "quarter"}}
    target = tmp_path / "strategy.yaml"
    # YAML 1.1 reads `1e-300` as text: a float needs its point (`1.0e-300`).
    target.write_text(to_yaml(data).replace("1e-300", "1.0e-300"), encoding="utf-8")
    done = run_cli("check", target, "-f", "json", "--as-of", AS_OF, "--select", "FC0,FC5", *extra)
    assert done.returncode in (0, 1), done.stderr.decode()
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _messages(report: dict[str, Any], code: str) -> list[str]:
    return [f["message"] for f in report["files"][0]["findings"] if f["code"] == code]


def test_sixteen_stages_at_1e_300_give_a_readable_bound_not_a_4300_digit_number(
    tmp_path: Path,
) -> None:
    stages = [{"name": f"Stage {i}", "role": "sales", "conversion": 1.0e-300} for i in range(16)]
    report = _check(tmp_path, base_strategy(stages))
    (leads,) = _messages(report, "FC502")
    assert "more than 40 × 10^30 leads" in leads
    assert "1e-300" in leads and len(leads) < 400
    assert all(len(m) < 2000 for m in _messages(report, "FC503"))


def test_a_funnel_of_three_thousand_stages_is_computed_exactly_and_stays_readable(
    tmp_path: Path,
) -> None:
    stages = [{"name": f"Step {i}", "role": "sales", "conversion": 0.999} for i in range(3000)]
    report = _check(tmp_path, base_strategy(stages))
    (leads,) = _messages(report, "FC502")
    # 40 ÷ 0.999^3000 = 804.62…: rounded up, 805 (exactly, not by floats).
    assert "need 805 leads" in leads and "= 804.62…, rounded up" in leads
    (weakest,) = _messages(report, "FC503")
    # 2,999 handoffs (the last stage hands off to no one): the weakest, 12 listed, 2,986 more.
    assert "99.9% and 2,986 more)" in weakest


def test_many_paths_and_optional_stages_finish_with_every_fault_named(tmp_path: Path) -> None:
    paths = [{"id": f"path-{i}", "share": 0.001} for i in range(1000)]
    stages: list[dict[str, Any]] = []
    for i in range(1000):
        stages.append({"name": f"Own {i}", "role": "product", "path": f"path-{i}"})
        stages.append({"name": f"Shared {i}", "role": "sales", "share": 0.5, "conversion": 0.9})
    stages.append({"name": "Lost", "role": "sales", "path": "nowhere"})
    data = base_strategy(stages)
    data["paths"] = paths
    first = _check(tmp_path, data)
    faults = _messages(first, "FC011")
    assert any("`Lost` is on path `nowhere`" in m for m in faults)
    # A thousand shares of 0.001 add up to exactly 1: no fault about the shares.
    assert not any("add up to" in m for m in faults)
    # Same input, same bytes, in a second process and with another worker count.
    again = _check(tmp_path, data, "--jobs", "2")
    assert json.dumps(again, sort_keys=True) == json.dumps(first, sort_keys=True)


def test_the_format_pages_branching_examples_validate_and_give_the_pages_figures(
    tmp_path: Path,
) -> None:
    """docs/format.md, "Funnels that branch": its examples are what the checker reads."""
    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = page[page.index("## Funnels that branch") :]
    section = section[: section.index("\n## ", 5)]
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    optional, branched = blocks
    sample = yaml.safe_load((ROOT / "sample_strategies" / "ledgerline.yaml").read_text("utf-8"))
    for example, expected in (
        (optional, "(0.75 + 0.25 × 0.4)"),
        (branched, "30 customers a month need 4,839 leads a month"),
    ):
        data = {**sample, **example, "reviewed": "2026-10-30", "evidence": []}
        data["goals"] = {"customers": 30 if "paths" in example else 40, "per": "month"}
        target = tmp_path / "strategy.yaml"
        target.write_text(to_yaml(data), encoding="utf-8")
        done = run_cli("check", target, "-f", "json", "--as-of", AS_OF)
        report = json.loads(done.stdout)
        codes = {f["code"] for f in report["files"][0]["findings"]}
        assert not {c for c in codes if c.startswith("FC0")} - {"FC005"}, codes
        (leads,) = _messages(report, "FC502")
        assert expected in leads
    assert "4,839 leads a month" in section and "28,572" in section
