"""Plugins keep working: a rule and a reporter written against the old import paths
(`funnelcheck.rules.base`, `funnelcheck.findings`, `funnelcheck.reporters.base`) and one
written against `funnelcheck.api` load from an installed distribution's entry points and
report through the CLI, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import funnelcheck.api as api
import funnelcheck.findings
import funnelcheck.reporters.base
import funnelcheck.rules.base

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"

OLD_STYLE = '''
from funnelcheck.findings import Issue, Severity
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.rules.base import Rule


class NoMascot(Rule):
    """The strategy names no mascot."""

    code = "XM100"
    name = "no-mascot"
    severity = Severity.WARNING

    def check(self, strategy, options):
        if "mascot" not in strategy.data:
            yield Issue(path=("product",), message="the strategy names no mascot")


class CountReporter(Reporter):
    name = "count"

    def render(self, report, ctx: RenderContext) -> str:
        return f"{len(report.findings())} findings\\n"
'''

NEW_STYLE = '''
from funnelcheck.api import Issue, Rule, Severity


class NoLogo(Rule):
    """The strategy names no logo."""

    code = "XL100"
    name = "no-logo"
    severity = Severity.INFO

    def check(self, strategy, options):
        yield Issue(path=("product", "name"), message="the strategy names no logo")
'''


def install(site: Path, name: str, source: str, entry_points: str) -> None:
    """A distribution as pip leaves it: the module and its dist-info with entry points."""
    (site / f"{name}.py").write_text(source, encoding="utf-8")
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env["PYTHONPATH"] = str(site)
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def site(tmp_path: Path) -> Path:
    install(
        tmp_path,
        "oldmascot",
        OLD_STYLE,
        "[funnelcheck.rules]\nno-mascot = oldmascot:NoMascot\n"
        "[funnelcheck.reporters]\ncount = oldmascot:CountReporter\n",
    )
    install(tmp_path, "newlogo", NEW_STYLE, "[funnelcheck.rules]\nno-logo = newlogo:NoLogo\n")
    return tmp_path


def test_old_and_new_style_plugin_rules_report(site: Path) -> None:
    proc = run(site, "check", str(EXAMPLE), "-f", "json")
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    mine = {f["code"]: f for f in findings if f["code"] in ("XM100", "XL100")}
    assert mine["XM100"]["message"] == "the strategy names no mascot"
    assert mine["XM100"]["severity"] == "warning"
    assert mine["XL100"]["severity"] == "info"
    # Located by the engine like a built-in rule's finding: the product mapping's line.
    text = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert text[mine["XM100"]["line"] - 1].lstrip().startswith("product:")
    # Off with --no-plugins.
    quiet = run(site, "check", str(EXAMPLE), "-f", "json", "--no-plugins")
    codes = {f["code"] for f in json.loads(quiet.stdout)["files"][0]["findings"]}
    assert not codes & {"XM100", "XL100"}


def test_old_style_plugin_reporter_is_a_format(site: Path) -> None:
    proc = run(site, "check", str(EXAMPLE), "-f", "count")
    assert proc.returncode == 1, proc.stderr
    full = run(site, "check", str(EXAMPLE), "-f", "json")
    count = len(json.loads(full.stdout)["files"][0]["findings"])
    assert proc.stdout == f"{count} findings\n"


PITCH_REPORTERS = """
from funnelcheck.api import Reporter


class Pitches(Reporter):
    name = "pitches"
    draws_pitch = True

    def render(self, report, ctx):
        return "".join(
            f"{r.file}: {'price picture' if r.pitch and r.pitch.price else 'no pitch'}\\n"
            for r in report.files
        )


class NoPitches(Pitches):
    name = "nopitches"
    draws_pitch = False
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reporter_gets_the_pitch_only_when_it_draws_it(tmp_path: Path, jobs: str) -> None:
    # The pitch (the upside-down funnel, the price picture) is worked out for the formats
    # that draw it (`Reporter.draws_pitch`, as the HTML report does), in the workers too.
    install(
        tmp_path,
        "pitchplugin",
        PITCH_REPORTERS,
        "[funnelcheck.reporters]\npitches = pitchplugin:Pitches\n"
        "nopitches = pitchplugin:NoPitches\n",
    )
    drawn = run(tmp_path, "check", "--jobs", jobs, "-f", "pitches", str(ROOT / "sample_strategies"))
    assert drawn.returncode == 1, drawn.stderr
    lines = drawn.stdout.splitlines()
    assert len(lines) > 2 and all(line.endswith(": price picture") for line in lines), lines
    plain = run(
        tmp_path, "check", "--jobs", jobs, "-f", "nopitches", str(ROOT / "sample_strategies")
    )
    assert plain.stdout.splitlines() == [
        line.replace("price picture", "no pitch") for line in lines
    ]


def test_plugin_rules_are_listed(site: Path) -> None:
    proc = run(site, "rules")
    assert proc.returncode == 0, proc.stderr
    assert "XM100" in proc.stdout and "no-mascot" in proc.stdout
    assert "XL100" in proc.stdout


def test_the_api_is_the_old_paths_objects() -> None:
    # One class under two names, so an isinstance check or a subclass works either way.
    assert api.Rule is funnelcheck.rules.base.Rule
    assert api.Issue is funnelcheck.findings.Issue
    assert api.Severity is funnelcheck.findings.Severity
    assert api.Reporter is funnelcheck.reporters.base.Reporter
    assert api.RenderContext is funnelcheck.reporters.base.RenderContext
    assert set(api.__all__) == {name for name in dir(api) if not name.startswith("_")} - {
        "annotations"
    }


def _codes(proc: subprocess.CompletedProcess[str]) -> set[str]:
    assert proc.returncode == 1, proc.stderr
    return {f["code"] for f in json.loads(proc.stdout)["files"][0]["findings"]}


def test_a_plugin_in_a_zip_on_the_path_loads(tmp_path: Path) -> None:
    # Rule plugins are looked for in `entry_points.txt` files before importlib.metadata is
    # imported (a one-file check's start-up); what that scan cannot read, a zipped site
    # here, is still asked of importlib.metadata.
    import zipfile

    archive = tmp_path / "site.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("newlogo.py", NEW_STYLE)
        zf.writestr(
            "newlogo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: newlogo\nVersion: 1.0\n"
        )
        zf.writestr(
            "newlogo-1.0.dist-info/entry_points.txt",
            "[funnelcheck.rules]\nno-logo = newlogo:NoLogo\n",
        )
    assert "XL100" in _codes(run(archive, "check", str(EXAMPLE), "-f", "json"))


def test_an_egg_info_plugin_loads_and_a_plain_site_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "newlogo.py").write_text(NEW_STYLE, encoding="utf-8")
    info = tmp_path / "newlogo.egg-info"
    info.mkdir()
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: newlogo\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[funnelcheck.rules]\nno-logo = newlogo:NoLogo\n")
    assert "XL100" in _codes(run(tmp_path, "check", str(EXAMPLE), "-f", "json"))
    # The same distribution declaring only another tool's entry points adds no rule.
    (info / "entry_points.txt").write_text("[console_scripts]\nlogo = newlogo:main\n")
    assert "XL100" not in _codes(run(tmp_path, "check", str(EXAMPLE), "-f", "json"))
