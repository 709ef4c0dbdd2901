"""Nested configuration applies to the files it governs, wherever the run starts (issue 11).

pre-commit and the GitHub Action run from the repository's top; a `.funnelcheck.yaml` in a
sub-folder must mean the same there as in its own folder: its `fail-on`, `exclude` and
every other setting apply to its files. `--fail-on`, `--select` and `--ignore` on the
command line override every configuration, as ruff's flags do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Its worst findings are warnings: passes at `fail-on: error`, fails at `warning`.
WARNS = ROOT / "sample_strategies" / "services-firm.yaml"
AS_OF = "2026-11-22"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run("check", *args, "--as-of", AS_OF, "--jobs", "1", cwd=cwd)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """strategies/.funnelcheck.yaml says `fail-on: warning` and excludes `drafts/`."""
    (tmp_path / ".git").mkdir()
    drafts = tmp_path / "strategies" / "drafts"
    drafts.mkdir(parents=True)
    shutil.copy(WARNS, tmp_path / "strategies" / "ok.yaml")
    shutil.copy(WARNS, drafts / "d.yaml")
    shutil.copy(WARNS, tmp_path / "top.yaml")
    (tmp_path / "strategies" / ".funnelcheck.yaml").write_text(
        'fail-on: warning\nexclude: ["drafts/"]\n', encoding="utf-8"
    )
    return tmp_path


def files_of(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [f["file"] for f in json.loads(proc.stdout)["files"]]


@pytest.mark.slow
def test_a_nested_fail_on_applies_from_the_top_as_from_its_own_folder(repo: Path) -> None:
    assert check("strategies/ok.yaml", cwd=repo).returncode == 1
    assert check("ok.yaml", cwd=repo / "strategies").returncode == 1
    assert (
        check(str(repo / "strategies" / "ok.yaml"), cwd=repo / "strategies" / "drafts").returncode
        == 1
    )
    # The file at the top has no configuration: its warnings stay under `error`.
    assert check("top.yaml", cwd=repo).returncode == 0
    assert check("../top.yaml", cwd=repo / "strategies").returncode == 0


def test_each_file_counts_against_its_own_fail_on(repo: Path) -> None:
    both = check("top.yaml", "strategies/ok.yaml", "-f", "json", cwd=repo)
    assert both.returncode == 1
    assert files_of(both) == ["strategies/ok.yaml", "top.yaml"]
    # Walking the whole repository from the top: the nested file still fails the run.
    walked = check(".", "-f", "json", cwd=repo)
    assert walked.returncode == 1
    assert files_of(walked) == ["strategies/ok.yaml", "top.yaml"], "the excluded draft was walked"
    # A parallel run decides the same.
    assert run("check", ".", "--as-of", AS_OF, "--jobs", "2", cwd=repo).returncode == 1


@pytest.mark.slow
def test_the_command_line_fail_on_overrides_every_configuration(repo: Path) -> None:
    assert check("strategies/ok.yaml", "--fail-on", "error", cwd=repo).returncode == 0
    assert check("ok.yaml", "--fail-on", "error", cwd=repo / "strategies").returncode == 0
    assert check("top.yaml", "--fail-on", "warning", cwd=repo).returncode == 1
    assert check(".", "--fail-on", "never", cwd=repo).returncode == 0


@pytest.mark.slow
def test_a_nested_exclude_applies_from_the_top(repo: Path) -> None:
    for cwd, draft in ((repo, "strategies/drafts/d.yaml"), (repo / "strategies", "drafts/d.yaml")):
        forced = check("--force-exclude", draft, cwd=cwd)
        assert forced.returncode == 0, forced.stdout
        assert "excluded by the configuration" in forced.stderr
        assert check(draft, "-f", "json", cwd=cwd).returncode == 1  # named: checked
    assert files_of(check("strategies", "-f", "json", cwd=repo)) == ["strategies/ok.yaml"]
    assert files_of(check("*/**/*.yaml", "-f", "json", cwd=repo)) == ["strategies/ok.yaml"]


def test_every_other_setting_of_the_nested_file_applies_from_the_top(repo: Path) -> None:
    (repo / "strategies" / ".funnelcheck.yaml").write_text(
        "ignore: [FC5]\nrules: {FC104: {severity: error}}\n", encoding="utf-8"
    )
    for cwd, name in ((repo, "strategies/ok.yaml"), (repo / "strategies", "ok.yaml")):
        document = json.loads(check(name, "-f", "json", cwd=cwd).stdout)
        found = [(f["code"], f["severity"]) for f in document["files"][0]["findings"]]
        assert found and not any(code.startswith("FC5") for code, _ in found)
        assert all(sev == "error" for code, sev in found if code == "FC104")


def test_config_prints_what_a_run_applies_to_the_path(repo: Path) -> None:
    for cwd, draft in ((repo, "strategies/drafts/d.yaml"), (repo / "strategies", "drafts/d.yaml")):
        shown = run("config", draft, cwd=cwd)
        assert shown.returncode == 0, shown.stderr
        lines = shown.stdout.splitlines()
        assert any(line.startswith("fail-on = 'warning'") for line in lines), shown.stdout
        assert any(line.startswith("excluded = True") for line in lines), shown.stdout
    top = run("config", "top.yaml", cwd=repo).stdout.splitlines()
    assert any(line.startswith("fail-on = 'error'    # default") for line in top)
    assert any(line.startswith("excluded = False") for line in top)


def test_a_broken_pyproject_at_the_top_stops_only_the_files_it_governs(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.funnelcheck]\nfail-on = \n", encoding="utf-8")
    # A walked YAML file that is no strategy is passed over, broken configuration or not.
    (repo / "ci.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    proc = check(".", "-f", "json", cwd=repo)
    assert proc.returncode == 2
    document = json.loads(proc.stdout)
    by_file = {f["file"]: f for f in document["files"]}
    assert set(by_file) == {"strategies/ok.yaml", "top.yaml"}
    # The nested configuration's file is checked and reported as usual...
    assert by_file["strategies/ok.yaml"]["findings"]
    # ...the file the broken table governs is an error naming the table and its line.
    assert "pyproject.toml:2" in (by_file["top.yaml"].get("error") or "")
    assert "top.yaml" in proc.stderr and "pyproject.toml:2" in proc.stderr
    assert "strategies/ok.yaml" not in proc.stderr
    # From the nested folder, the broken table governs nothing named: a normal run.
    assert check("ok.yaml", cwd=repo / "strategies").returncode == 1
    # `config` on a file the broken table governs says what is wrong (exit 2).
    shown = run("config", "top.yaml", cwd=repo)
    assert shown.returncode == 2 and "pyproject.toml:2" in shown.stderr
