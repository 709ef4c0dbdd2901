"""The README's pull-request recipe for `funnelcheck diff`, run in a scratch clone (issue 18).

No GitHub runner is here: each step's own script is run with what the runner provides
(GITHUB_BASE_REF, GITHUB_OUTPUT, the step's env), `gh` is a stand-in that records what it
was asked to post, and `${{ ... }}` expressions are given the values GitHub would give.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.test_ci_snippets import SAMPLE, funnelcheck_bin, readme_block

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TEXT = SAMPLE.read_text(encoding="utf-8")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def pull_request(tmp_path: Path, revised: str) -> Path:
    """A clone whose `origin/main` holds the sample and whose working tree holds `revised`."""
    base = tmp_path / "base"
    (base / "strategies").mkdir(parents=True)
    (base / "strategies" / "ledgerline.yaml").write_text(TEXT, encoding="utf-8")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", ".")
    git(base, "commit", "-q", "-m", "base")
    git(tmp_path, "clone", "-q", str(base), "pr")
    clone = tmp_path / "pr"
    git(clone, "checkout", "-q", "-b", "change")
    (clone / "strategies" / "ledgerline.yaml").write_text(revised, encoding="utf-8")
    git(clone, "commit", "-q", "-am", "revise")
    return clone


def run_recipe(tmp_path: Path, revised: str) -> tuple[int, str, str]:
    """(the job's exit code, the comment posted, the diff step's output)."""
    clone = pull_request(tmp_path, revised)
    steps = yaml.safe_load(readme_block(".github/workflows/strategy-diff.yml"))["jobs"]["diff"][
        "steps"
    ]
    by_name = {step.get("id", step.get("name")): step for step in steps}
    bin_dir = funnelcheck_bin(tmp_path)
    posted = tmp_path / "posted.md"
    gh = bin_dir / "gh"
    gh.write_text(
        "#!/bin/sh\n# gh pr comment PR --body-file FILE\n"
        f'[ "$1 $2" = "pr comment" ] && [ "$4" = "--body-file" ] && cp "$5" "{posted}"\n',
        encoding="utf-8",
    )
    gh.chmod(0o755)
    output = tmp_path / "github_output"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_BASE_REF": "main",
        "GITHUB_OUTPUT": str(output),
        "SOURCE_DATE_EPOCH": "1795305600",  # 2026-11-22
    }
    diff_step = by_name["diff"]
    proc = subprocess.run(
        ["bash", "-e", "-c", diff_step["run"]], cwd=clone, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    status = output.read_text(encoding="utf-8").strip().removeprefix("status=")
    post = by_name["Post it on the pull request"]
    post_env = {**env, "GH_TOKEN": "token", "PR": "7"}
    subprocess.run(["bash", "-e", "-c", post["run"]], cwd=clone, env=post_env, check=True)
    last = by_name["Fail only on what the change introduced"]
    job = subprocess.run(["bash", "-c", last["run"]], env={**env, "STATUS": status})
    return job.returncode, posted.read_text(encoding="utf-8"), proc.stderr


def test_a_change_that_introduces_an_error_fails_and_posts_the_diff(tmp_path: Path) -> None:
    # The proposal's price claim now quotes a figure no plan has, on top of the base's drops.
    revised = TEXT.replace("amount: 499, per: month", "amount: 549, per: month").replace(
        "One plan at $399 a month", "One plan at $499 a month"
    )
    code, comment, _ = run_recipe(tmp_path, revised)
    assert code == 1
    assert comment.startswith("## funnelcheck diff: origin/main")
    assert "FC302" in comment
    outdated = "| claim outdated | Proposal | quotes \\$499 a month, the old \\`team\\` price"
    assert outdated in comment


def test_a_change_that_only_mends_passes_though_the_base_has_errors(tmp_path: Path) -> None:
    # The base has two errors (FC201, FC302); the change mends one and introduces nothing.
    code, comment, _ = run_recipe(
        tmp_path, TEXT.replace("One plan at $399 a month", "One plan at $499 a month")
    )
    assert code == 0
    assert "introduced: none; resolved: 1 error" in comment
