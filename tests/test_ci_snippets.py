"""The README's CI snippets and the GitHub Action, run as far as this machine allows.

No GitHub or GitLab runner is here, so each snippet's own commands are run with the
environment those runners provide (GITHUB_OUTPUT, RUNNER_TEMP), and what the runner would
then read (the SARIF upload, the Code Quality and JUnit artifacts) is checked for shape.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"


def readme_block(marker: str) -> str:
    """The README's yaml code block whose first line is `# <marker>`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL):
        if block.startswith(f"# {marker}"):
            return str(block)
    raise AssertionError(f"README has no yaml block starting with '# {marker}'")


def funnelcheck_bin(tmp_path: Path) -> Path:
    """A `funnelcheck` on PATH that runs this interpreter's installed package."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "funnelcheck"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m funnelcheck "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return bin_dir


def test_action_check_step_writes_sarif_and_annotations(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = {step.get("id", step["name"]): step for step in action["runs"]["steps"]}
    check = steps["check"]
    output = tmp_path / "github_output"
    env = {
        **os.environ,
        "PATH": f"{funnelcheck_bin(tmp_path)}{os.pathsep}{os.environ['PATH']}",
        "PATHS": str(SAMPLE),
        "FAIL_ON": "never",
        "ARGS": "--as-of 2026-11-22",
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp_path),
    }
    proc = subprocess.run(
        ["bash", "-e", "-c", check["run"]], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "The relay" in proc.stdout
    assert any(line.startswith("::error ") for line in proc.stdout.splitlines())
    sarif_path = Path(output.read_text(encoding="utf-8").strip().removeprefix("sarif="))
    sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    upload = steps["Upload SARIF"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif }}"


def _run_check_step(
    tmp_path: Path, paths: str, fail_on: str, cwd: Path | None = None
) -> tuple[subprocess.CompletedProcess[str], str]:
    """The action's check step as the runner runs it (bash -e), and what it wrote to
    GITHUB_OUTPUT."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    check = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{funnelcheck_bin(tmp_path)}{os.pathsep}{os.environ['PATH']}",
        "PATHS": paths,
        "FAIL_ON": fail_on,
        "ARGS": "--as-of 2026-11-22",
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp_path),
    }
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", check["run"]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    return proc, output.read_text(encoding="utf-8")


def test_action_passes_fail_on_only_when_the_input_is_given(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["inputs"]["fail-on"].get("default", "") == ""
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(SAMPLE, repo / "ledgerline.yaml")  # holds an error (FC201)
    (repo / ".funnelcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    # No input: the repository's configured fail-on decides, as in a local run.
    proc, _ = _run_check_step(tmp_path, "ledgerline.yaml", "", cwd=repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "::error " in proc.stdout  # still reported, only not failing
    # Given: the input wins over the configuration.
    proc, _ = _run_check_step(tmp_path, "ledgerline.yaml", "error", cwd=repo)
    assert proc.returncode == 1, proc.stdout + proc.stderr


def test_action_skips_the_upload_saying_why_when_the_check_wrote_no_sarif(
    tmp_path: Path,
) -> None:
    stale = tmp_path / "funnelcheck.sarif"
    stale.write_text("{}", encoding="utf-8")  # an earlier run's report must not be reused
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(SAMPLE, repo / "ledgerline.yaml")
    # A usage error stops the run before any report. (A broken configuration file no
    # longer does: it is an error for the files it governs, in the report, issue 11.)
    proc, outputs = _run_check_step(tmp_path, "ledgerline.yaml", "sometimes", cwd=repo)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--fail-on" in proc.stderr and "sometimes" in proc.stderr  # the error, named
    assert not stale.exists()
    assert "sarif=" not in outputs
    assert "::notice" in proc.stdout and "No SARIF report to upload" in proc.stdout
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    upload = next(s for s in action["runs"]["steps"] if s["name"] == "Upload SARIF")
    # GitHub evaluates this; the step is skipped when the check set no `sarif` output.
    assert "steps.check.outputs.sarif != ''" in upload["if"]
    # Exit 2 after the report (a path that cannot be read, beside good ones): uploaded.
    proc, outputs = _run_check_step(tmp_path, f"{SAMPLE} {tmp_path / 'missing.yaml'}", "never")
    assert proc.returncode == 2
    sarif = Path(outputs.strip().removeprefix("sarif="))
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_action_install_step_installs_this_package() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    install = action["runs"]["steps"][0]
    assert "pip install" in install["run"] and "$ACTION_PATH" in install["run"]


def test_gitlab_snippet_script_produces_its_artifacts(tmp_path: Path) -> None:
    job = yaml.safe_load(readme_block(".gitlab-ci.yml"))["funnelcheck"]
    (tmp_path / "strategies").mkdir()
    shutil.copy(SAMPLE, tmp_path / "strategies" / "ledgerline.yaml")
    env = {**os.environ, "PATH": f"{funnelcheck_bin(tmp_path)}{os.pathsep}{os.environ['PATH']}"}
    for line in job["script"]:
        if line.startswith("pip install"):
            continue  # this environment already has funnelcheck installed
        proc = subprocess.run(
            [*shlex.split(line), "--as-of", "2026-11-22"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr  # the sample has an error: the job fails
    reports = job["artifacts"]["reports"]
    quality = json.loads((tmp_path / reports["codequality"]).read_text(encoding="utf-8"))
    assert quality and {"description", "check_name", "fingerprint", "severity", "location"} <= set(
        quality[0]
    )
    junit = (tmp_path / reports["junit"]).read_text(encoding="utf-8")
    assert "<testsuite" in junit and "<failure" in junit


def test_pre_commit_snippet_names_the_published_hook() -> None:
    config = yaml.safe_load(readme_block(".pre-commit-config.yaml"))
    hook_ids = {h["id"] for repo in config["repos"] for h in repo["hooks"]}
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook_ids <= {hook["id"] for hook in published}


def test_github_workflow_snippet_uses_the_action_inputs() -> None:
    workflow = yaml.safe_load(readme_block(".github/workflows/strategies.yml"))
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["funnelcheck"]["steps"]
    ours = next(step for step in steps if "funnelcheck" in step.get("uses", ""))
    assert set(ours["with"]) <= set(action["inputs"])
    assert workflow["permissions"]["security-events"] == "write"  # needed by the upload
