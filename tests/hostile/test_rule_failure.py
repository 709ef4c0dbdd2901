"""A rule that raises on one file is FC010 on that file; everything else is still reported.

Issue 12, item 6: when one file made one rule fail, the run exited 2 with no table and no
SARIF for any file. Now the failure is a finding (FC010, error) on that file naming the
rule and asking for a report; every other rule and file is checked and reported in every
format, and the run exits 1. The failing rule here is a plugin installed on PYTHONPATH,
as a third party's would be, that raises on one file only.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hostile_support import AS_OF, FORMATS, ROOT, base_strategy, run_cli, to_yaml

PLUGIN = '''
from funnelcheck.findings import Issue, Severity
from funnelcheck.rules.base import Rule


class Fragile(Rule):
    """A plugin's rule with a bug: it fails on any product named Crashy."""

    code = "FC950"
    name = "fragile"
    severity = Severity.WARNING

    def check(self, strategy, options):
        yield Issue(path=("product",), message="the fragile rule looked at the product")
        if strategy.data["product"]["name"] == "Crashy":
            raise KeyError("no such thing as a crash")
'''


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "fragile.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "fragile-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fragile\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[funnelcheck.rules]\nfragile = fragile:Fragile\n")
    work = tmp_path / "work"
    work.mkdir()
    crashy = base_strategy()
    crashy["product"]["name"] = "Crashy"
    (work / "a-crashy.yaml").write_text(to_yaml(crashy), encoding="utf-8")
    (work / "b-fine.yaml").write_text(to_yaml(base_strategy()), encoding="utf-8")
    return work, {"PYTHONPATH": f"{ROOT}:{site}"}


def _failures(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if f["code"] == "FC010"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_rule_is_fc010_on_its_file_and_every_format_is_written(
    setup: tuple[Path, dict[str, str]], jobs: str
) -> None:
    work, env = setup
    outputs = {fmt: f"out.{fmt}" for fmt in FORMATS}
    args = [a for fmt, name in outputs.items() for a in ("-f", f"{fmt}:{name}")]
    proc = run_cli("check", ".", "--as-of", AS_OF, "--jobs", jobs, *args, cwd=work, env=env)
    assert proc.returncode == 1, proc.stderr.decode()
    for name in outputs.values():
        assert (work / name).stat().st_size > 0, name

    document = json.loads((work / outputs["json"]).read_text(encoding="utf-8"))
    files = {f["file"]: f["findings"] for f in document["files"]}
    assert set(files) == {"a-crashy.yaml", "b-fine.yaml"}
    [failed] = _failures(files["a-crashy.yaml"])
    assert failed["severity"] == "error" and failed["line"] == 1
    message = str(failed["message"])
    assert "FC950" in message and "fragile" in message and "KeyError" in message
    assert "report" in message and "--no-plugins" in message
    assert not _failures(files["b-fine.yaml"])
    # Every other rule ran on the failing file, and the fragile rule's own findings on
    # both files before it raised are kept.
    codes = {f["code"] for f in files["a-crashy.yaml"]}
    assert codes >= {"FC950", "FC010"} and len(codes) > 3
    assert {f["code"] for f in files["b-fine.yaml"]} - {"FC010"} == codes - {"FC010"}

    sarif = json.loads((work / outputs["sarif"]).read_text(encoding="utf-8"))
    assert "FC010" in {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert "FC010" in {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    junit = ET.fromstring((work / outputs["junit"]).read_bytes())
    assert "FC010" in ET.tostring(junit, encoding="unicode")
    gitlab = json.loads((work / outputs["gitlab"]).read_text(encoding="utf-8"))
    assert any("FC010" in entry["check_name"] for entry in gitlab)
    for fmt in ("github", "markdown", "table"):
        assert "FC010" in (work / outputs[fmt]).read_text(encoding="utf-8"), fmt


def test_the_table_and_the_relay_on_standard_output(setup: tuple[Path, dict[str, str]]) -> None:
    work, env = setup
    proc = run_cli("check", ".", "--as-of", AS_OF, "--statistics", cwd=work, env=env)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "a-crashy.yaml" in out and "b-fine.yaml" in out and "FC010" in out
    proc = run_cli("relay", "a-crashy.yaml", "b-fine.yaml", "--as-of", AS_OF, cwd=work, env=env)
    assert proc.returncode == 1
    assert "FC010" in proc.stdout.decode()


def test_without_plugins_nothing_fails(setup: tuple[Path, dict[str, str]]) -> None:
    work, env = setup
    proc = run_cli("check", ".", "--as-of", AS_OF, "-f", "json", "--no-plugins", cwd=work, env=env)
    document = json.loads(proc.stdout)
    assert not any(_failures(f["findings"]) for f in document["files"])


def test_fail_on_never_still_exits_0_and_reports_the_failure(
    setup: tuple[Path, dict[str, str]],
) -> None:
    work, env = setup
    proc = run_cli("check", ".", "--as-of", AS_OF, "--fail-on", "never", cwd=work, env=env)
    assert proc.returncode == 0
    assert "FC010" in proc.stdout.decode()
