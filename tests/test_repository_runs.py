"""Runs over a repository of strategies, as CI and pre-commit make them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_strategies"
EXAMPLE = SAMPLES / "ledgerline.yaml"
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


def files_in(document: dict[str, object]) -> list[str]:
    return [f["file"] for f in document["files"]]  # type: ignore[index, union-attr]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository: strategies in folders, a .gitignore, a config with `exclude`."""
    (tmp_path / ".git").mkdir()  # a repository: its top-level .gitignore applies below
    (tmp_path / "strategies" / "drafts").mkdir(parents=True)
    (tmp_path / "strategies" / "generated").mkdir()
    for sample in sorted(SAMPLES.glob("*.yaml")):
        shutil.copy(sample, tmp_path / "strategies" / sample.name)
    shutil.copy(EXAMPLE, tmp_path / "strategies" / "drafts" / "draft.yaml")
    shutil.copy(EXAMPLE, tmp_path / "strategies" / "generated" / "gen.yaml")
    (tmp_path / ".gitignore").write_text("strategies/generated/\n", encoding="utf-8")
    (tmp_path / ".funnelcheck.yaml").write_text(
        "exclude: ['strategies/drafts/']\n", encoding="utf-8"
    )
    return tmp_path


def test_gitignore_and_exclude_are_honoured_in_a_walk(repo: Path) -> None:
    proc = run("check", "strategies", "--as-of", AS_OF, "-f", "json", cwd=repo)
    names = files_in(json.loads(proc.stdout))
    assert not any("generated" in n for n in names), "gitignored folder walked"
    assert not any("drafts" in n for n in names), "excluded folder walked"
    assert len(names) == len(list(SAMPLES.glob("*.yaml")))


def test_force_exclude_applies_exclude_to_named_files(repo: Path) -> None:
    draft = "strategies/drafts/draft.yaml"
    named = run("check", draft, "--as-of", AS_OF, "-f", "json", cwd=repo)
    assert files_in(json.loads(named.stdout)) == [draft]
    forced = run("check", draft, "--force-exclude", "--as-of", AS_OF, cwd=repo)
    # Everything named is excluded: nothing to check is a clean run (pre-commit's case).
    assert forced.returncode == 0 and "excluded by the configuration" in forced.stderr


@pytest.mark.slow
def test_parallel_run_prints_exactly_what_a_serial_run_prints(tmp_path: Path) -> None:
    for i in range(24):
        sample = sorted(SAMPLES.glob("*.yaml"))[i % len(list(SAMPLES.glob("*.yaml")))]
        shutil.copy(sample, tmp_path / f"s{i:02}.yaml")
    outputs = {}
    for jobs in ("1", "2"):
        for fmt in ("table", "json", "sarif", "junit"):
            proc = run("check", ".", "--as-of", AS_OF, "--jobs", jobs, "-f", fmt, cwd=tmp_path)
            outputs[(jobs, fmt)] = (proc.returncode, proc.stdout)
    for fmt in ("table", "json", "sarif", "junit"):
        assert outputs[("1", fmt)] == outputs[("2", fmt)], fmt


def test_a_serial_json_report_is_the_same_whatever_else_the_run_reads(tmp_path: Path) -> None:
    """A `--jobs 1 -f json` run keeps each file's JSON text alone (issue 13): the report
    must be the one a run that keeps the results writes (with statistics, with a second
    format, with a baseline written), unreadable and broken files included."""
    for i, sample in enumerate(sorted(SAMPLES.glob("*.yaml"))[:4]):
        shutil.copy(sample, tmp_path / f"s{i}.yaml")
    (tmp_path / "broken.yaml").write_text("funnelcheck: 1\nproblem: [\n", encoding="utf-8")
    (tmp_path / "binary.yaml").write_bytes(b"funnelcheck: 1\n\xff\xfe\x00")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    base = ["check", ".", "missing.yaml", "--as-of", AS_OF, "--jobs", "1"]
    alone = run(*base, "-f", "json", cwd=tmp_path)
    document = json.loads(alone.stdout)
    assert len(document["files"]) == 8 and document["summary"]["unreadable"] == 2
    assert any(f["findings"] for f in document["files"])
    with_statistics = json.loads(run(*base, "-f", "json", "--statistics", cwd=tmp_path).stdout)
    assert with_statistics["statistics"]
    assert {**with_statistics, "statistics": None} == {**document, "statistics": None}
    two = run(*base, "-f", "json:out.json", "-f", "sarif:out.sarif", cwd=tmp_path)
    assert two.returncode == alone.returncode
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == alone.stdout
    written = run(*base, "-f", "json", "--write-baseline", "b.json", cwd=tmp_path)
    assert written.stdout == alone.stdout and (tmp_path / "b.json").is_file()
    parallel = run(*base[:-2], "--jobs", "2", "-f", "json", cwd=tmp_path)
    assert (parallel.returncode, parallel.stdout) == (alone.returncode, alone.stdout)


def test_statistics_count_findings_per_rule(tmp_path: Path) -> None:
    proc = run("check", str(SAMPLES), "--as-of", AS_OF, "--statistics", cwd=tmp_path)
    document = json.loads(
        run("check", str(SAMPLES), "--as-of", AS_OF, "-f", "json", cwd=tmp_path).stdout
    )
    fc005 = sum(1 for f in document["files"] for x in f["findings"] if x["code"] == "FC005")
    assert "Findings per rule" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if "FC005" in line and "dangling" in line)
    assert row.split()[0] == str(fc005)


def test_several_reports_in_one_run(tmp_path: Path) -> None:
    proc = run(
        "check",
        str(EXAMPLE),
        "--as-of",
        AS_OF,
        "-f",
        "table",
        "-f",
        "sarif:out.sarif",
        "-f",
        "junit:out.xml",
        "-f",
        "json:out.json",
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert "The relay" in proc.stdout
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "out.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["errors"]


def test_github_actions_gets_annotations_beside_the_table(tmp_path: Path) -> None:
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", "check", str(EXAMPLE), "--as-of", AS_OF],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert "The relay" in proc.stdout
    assert any(line.startswith("::error ") for line in proc.stdout.splitlines())


def test_baseline_survives_edits_to_unrelated_lines(tmp_path: Path) -> None:
    strategy = tmp_path / "s.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    strategy.write_text(text, encoding="utf-8")
    first = run("check", "s.yaml", "--as-of", AS_OF, "--write-baseline", "base.json", cwd=tmp_path)
    assert first.returncode == 1
    # Unrelated edits: comments and blank lines move every finding's line.
    edited = "# moved\n\n\n" + text.replace("stages:\n", "# the funnel\n\nstages:\n")
    strategy.write_text(edited, encoding="utf-8")
    again = run(
        "check", "s.yaml", "--as-of", AS_OF, "--baseline", "base.json", "-f", "json", cwd=tmp_path
    )
    document = json.loads(again.stdout)
    assert again.returncode == 0
    assert document["files"][0]["findings"] == []
    assert document["summary"]["baselined"] > 0
    # A new drop is reported; a fixed one is listed as gone.
    drifted = edited.replace("$399 a month", "$299 a month").replace(
        "promises: [audit-trail]", "promises: [auto-match]"
    )
    strategy.write_text(drifted, encoding="utf-8")
    third = run(
        "check", "s.yaml", "--as-of", AS_OF, "--baseline", "base.json", "-f", "json", cwd=tmp_path
    )
    document = json.loads(third.stdout)
    # The audit-trail claim now lists auto-match but still describes the planned audit
    # trail in its words: FC206 reports that new drop.
    assert {f["code"] for f in document["files"][0]["findings"]} == {"FC302", "FC206"}
    gone = {entry["code"] for entry in document["baseline_fixed"]}
    assert {"FC201", "FC302"} <= gone


def test_a_broken_baseline_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "base.json").write_text("{not json", encoding="utf-8")
    proc = run("check", str(EXAMPLE), "--baseline", "base.json", cwd=tmp_path)
    assert proc.returncode == 2 and "base.json" in proc.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.fail("pre-commit is a test dependency: install the `test` extra")
    work = tmp_path / "strategies-repo"
    work.mkdir()
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    shutil.copy(EXAMPLE, work / "ledgerline.yaml")
    shutil.copy(SAMPLES / "clean-b2b-saas.yaml", work / "clean.yaml")
    (work / "ci.yml").write_text("on: push\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=work, check=True)
    # try-repo needs the hook repository committed: a throwaway clone of this working tree.
    hook_repo = tmp_path / "hook-repo"
    shutil.copytree(
        ROOT,
        hook_repo,
        ignore=shutil.ignore_patterns(
            ".venv",
            "venv",
            ".git",
            "__pycache__",
            "*.egg-info",
            ".mypy_cache",
            ".ruff_cache",
            ".pytest_cache",
            ".hypothesis",
            "build",
            "dist",
        ),
    )
    subprocess.run([*git, "init", "-q"], cwd=hook_repo, check=True)
    subprocess.run([*git, "add", "."], cwd=hook_repo, check=True)
    subprocess.run([*git, "commit", "-qm", "hooks"], cwd=hook_repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [
            pre_commit,
            "try-repo",
            str(hook_repo),
            "funnelcheck",
            "--files",
            "ledgerline.yaml",
            "clean.yaml",
            "ci.yml",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "FC201" in out  # the drop in ledgerline.yaml
    assert "ci.yml" not in out  # --skip-non-strategies: CI files are passed over
