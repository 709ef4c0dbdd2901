"""`funnelcheck diff`: what a revision did to the story, run as a user runs it (issue 18)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from tests.test_cli import AS_OF, EXAMPLE, ROOT, run

SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
TEXT = EXAMPLE.read_text(encoding="utf-8")
# The $399 proposal is the plan's $499 now: FC302 resolved.
MENDED_PRICE = TEXT.replace("One plan at $399 a month", "One plan at $499 a month")
# The trial stage stops talking about the problem: its concepts are lost.
TRIAL = "Connect Stripe and watch last month's payouts reconcile against your ledger in minutes."
DROPPED_TRIAL = MENDED_PRICE.replace(TRIAL, "Invite your whole team and pick a colour theme.")


def diff(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run("diff", "--as-of", AS_OF, *args, cwd=cwd, env=env)


def diff_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    proc = diff("--format", "json", *args, cwd=cwd)
    document = json.loads(proc.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    return proc.returncode, document


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_a_mended_price_is_resolved_and_exit_is_zero(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", MENDED_PRICE)
    code, document = diff_json(str(old), str(new))
    assert code == 0
    [entry] = document["strategies"]
    assert entry["status"] == "changed"
    assert [f["code"] for f in entry["resolved"]] == ["FC302"]
    assert entry["resolved"][0]["file"] == str(old)
    assert entry["introduced"] == []
    assert document["summary"]["resolved"]["error"] == 1


def test_an_introduced_error_fails_and_a_dropped_story_is_shown(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", MENDED_PRICE)
    new = write(tmp_path / "new.yaml", DROPPED_TRIAL)
    code, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    introduced = {f["code"] for f in entry["introduced"]}
    assert "FC101" in introduced  # the trial carries none of the problem now (a warning)
    [stage] = [s for s in entry["stages"] if s["stage"] == "Two-week trial"]
    assert set(stage["lost"]) >= {"payout", "reconcile", "ledger"}
    assert stage["gained"] == []
    assert any(h["to"] == "Two-week trial" and h["change"] == "dropped" for h in entry["handoffs"])
    # A warning does not fail at the default threshold (error); it does at --fail-on warning.
    assert code == 0
    assert diff(str(old), str(new), "--fail-on", "warning").returncode == 1
    # The reverse revision mends what this one dropped.
    _, back = diff_json(str(new), str(old))
    [entry] = back["strategies"]
    assert any(h["to"] == "Two-week trial" and h["change"] == "mended" for h in entry["handoffs"])
    assert "FC101" in {f["code"] for f in entry["resolved"]}


def test_an_introduced_error_exits_one(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", MENDED_PRICE)
    new = write(tmp_path / "new.yaml", TEXT)
    proc = diff(str(old), str(new))
    assert proc.returncode == 1
    assert "FC302" in proc.stdout
    assert "introduced: 1 error" in proc.stdout
    assert diff(str(old), str(new), "--fail-on", "never").returncode == 0


def test_a_moved_block_is_neither_introduced_nor_resolved(tmp_path: Path) -> None:
    # The evidence block moved to the top: every line below it shifts, no finding changes.
    head, evidence = TEXT.split("\nevidence:\n")
    moved = head.replace("reviewed:", "evidence:\n" + evidence + "reviewed:", 1)
    old = write(tmp_path / "a" / "s.yaml", TEXT)
    new = write(tmp_path / "b" / "s.yaml", moved)
    code, document = diff_json(str(old), str(new))
    assert code == 0
    [entry] = document["strategies"]
    assert entry["introduced"] == [] and entry["resolved"] == []
    assert entry["stages"] == [] and entry["handoffs"] == []


def test_directories_report_added_removed_and_renamed(tmp_path: Path) -> None:
    clean = (ROOT / "sample_strategies" / "clean-b2b-saas.yaml").read_text(encoding="utf-8")
    write(tmp_path / "old" / "ledger.yaml", TEXT)
    write(tmp_path / "old" / "gone.yaml", clean)
    write(tmp_path / "new" / "ledgerline.yaml", MENDED_PRICE)
    b2c = (ROOT / "sample_strategies" / "b2c-subscription.yaml").read_text(encoding="utf-8")
    write(tmp_path / "new" / "b2c.yaml", b2c)
    code, document = diff_json(str(tmp_path / "old"), str(tmp_path / "new"))
    status = {(e["old"], e["new"]): e["status"] for e in document["strategies"]}
    old, new = str(tmp_path / "old"), str(tmp_path / "new")
    assert status[(f"{old}/ledger.yaml", f"{new}/ledgerline.yaml")] == "renamed"
    assert status[(f"{old}/gone.yaml", None)] == "removed"
    assert status[(None, f"{new}/b2c.yaml")] == "added"
    [renamed] = [e for e in document["strategies"] if e["status"] == "renamed"]
    # Identity survives the rename: only the mended price changed.
    assert [f["code"] for f in renamed["resolved"]] == ["FC302"]
    assert renamed["introduced"] == []
    assert code == 1  # the added strategy brings its errors with it


def test_an_invalid_side_is_reported_with_its_input_findings(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", "funnelcheck: 1\nproblem: [unclosed\n")
    code, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    assert entry["introduced"][0]["code"] == "FC001"
    assert entry["introduced"][0]["severity"] == "error"
    assert entry["resolved"]  # what the older text had is gone with it
    assert code == 1


def test_a_missing_side_exits_two(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    proc = diff(str(old), str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2
    assert "nope.yaml: no such file or directory" in proc.stderr


@pytest.mark.slow
def test_the_diff_is_never_written_over_a_file_it_reads(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", MENDED_PRICE)
    (tmp_path / "link.md").symlink_to(new)
    for target in (new, old, tmp_path / "link.md"):
        proc = diff(str(old), str(new), "--format", "markdown", "-o", str(target))
        assert proc.returncode == 2, proc.stderr
        assert "would be written over" in proc.stderr and "nothing was written" in proc.stderr
    assert old.read_text(encoding="utf-8") == TEXT
    assert new.read_text(encoding="utf-8") == MENDED_PRICE
    # Anywhere else, the diff is written.
    proc = diff(str(old), str(new), "--format", "markdown", "-o", str(tmp_path / "d.md"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "d.md").read_text(encoding="utf-8").strip()


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    assert diff(str(old)).returncode == 2
    proc = diff(str(old), str(old), "--format", "sarif")
    assert proc.returncode == 2 and "unknown diff format" in proc.stderr
    proc = diff(str(old), str(tmp_path))
    assert proc.returncode == 2 and "two files or two directories" in proc.stderr


def test_markdown_is_escaped_as_the_markdown_report_is(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(
        tmp_path / "new_*x*.yaml", MENDED_PRICE.replace("Discovery call", "Discovery *call*")
    )
    proc = diff(str(old), str(new), "--format", "markdown")
    # A renamed stage is another stage: its findings are new identities (FC201 is an error).
    assert proc.returncode == 1
    assert "## funnelcheck diff" in proc.stdout
    assert "\\*x\\*" in proc.stdout and "*x*" not in proc.stdout.replace("\\*x\\*", "")
    assert "| change | where | what |" in proc.stdout


def test_json_is_byte_identical_between_runs(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", DROPPED_TRIAL)
    first = diff(str(old), str(new), "-f", "json").stdout
    assert first == diff(str(old), str(new), "-f", "json").stdout


# -- --git ----------------------------------------------------------------------------------
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root / "strategies" / "ledgerline.yaml", TEXT)
    write(root / "notes.yaml", "just: data\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    return root


@needs_git
@pytest.mark.slow
def test_git_compares_the_working_tree_with_a_revision(repo: Path) -> None:
    write(repo / "strategies" / "ledgerline.yaml", DROPPED_TRIAL)
    code, document = diff_json("--git", "main", cwd=repo)
    assert document["old"] == "main" and document["new"] == "working tree"
    [entry] = document["strategies"]
    assert entry["old"] == "main:strategies/ledgerline.yaml"
    assert entry["new"].endswith("strategies/ledgerline.yaml")
    assert "FC302" in {f["code"] for f in entry["resolved"]}
    assert "FC101" in {f["code"] for f in entry["introduced"]}
    assert code == 0
    for fmt in ("table", "markdown"):
        proc = diff("--git", "HEAD", "strategies", "-f", fmt, cwd=repo)
        assert proc.returncode == 0, proc.stderr
        assert "Two-week trial" in proc.stdout
    # Fail only on what the change introduced: the base's own errors do not count.
    assert diff("--git", "main", "--fail-on", "warning", cwd=repo).returncode == 1


@needs_git
def test_git_a_new_and_a_deleted_strategy(repo: Path) -> None:
    (repo / "strategies" / "ledgerline.yaml").unlink()
    write(
        repo / "strategies" / "other.yaml", TEXT.replace("payout-reconciliation", "other-problem")
    )
    _, document = diff_json("--git", "main", cwd=repo)
    status = sorted(e["status"] for e in document["strategies"])
    assert status == ["added", "removed"]


@needs_git
def test_git_a_renamed_strategy_from_a_subfolder(repo: Path) -> None:
    # `git mv` and a new title: the same problem.id, so a rename, not a removal and an
    # addition; its findings keep their identity. Run from the strategies' own folder.
    git(repo, "mv", "strategies/ledgerline.yaml", "strategies/ledger-2027.yaml")
    write(repo / "strategies" / "ledger-2027.yaml", MENDED_PRICE)
    code, document = diff_json("--git", "main", cwd=repo / "strategies")
    [entry] = document["strategies"]
    assert entry["status"] == "renamed"
    assert (entry["old"], entry["new"]) == ("main:ledgerline.yaml", "ledger-2027.yaml")
    assert entry["problem_id"] == "payout-reconciliation"
    assert [f["code"] for f in entry["resolved"]] == ["FC302"]
    assert entry["introduced"] == []
    assert code == 0
    table = diff("--git", "main", cwd=repo / "strategies").stdout
    assert "renamed main:ledgerline.yaml -> ledger-2027.yaml" in table


@needs_git
def test_git_a_side_that_was_invalid_is_reported_with_its_input_findings(repo: Path) -> None:
    # The base holds a broken copy (bad YAML) beside a good one; the working tree mends it.
    write(repo / "strategies" / "broken.yaml", "funnelcheck: 1\nproblem: [unclosed\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "broken")
    write(repo / "strategies" / "broken.yaml", TEXT.replace("payout-reconciliation", "other"))
    write(repo / "strategies" / "ledgerline.yaml", MENDED_PRICE)
    code, document = diff_json("--git", "HEAD", cwd=repo)
    entries = {e["new"]: e for e in document["strategies"]}
    mended = entries["strategies/broken.yaml"]
    assert mended["status"] == "changed" and mended["errors"] == []
    assert "FC001" in {f["code"] for f in mended["resolved"]}
    assert mended["resolved"][0]["file"] == "HEAD:strategies/broken.yaml"
    # Nothing of the broken text could be compared, so nothing but its findings is said ...
    assert mended["stages"] == [] and mended["details"] == [] and mended["paths"] == []
    # ... while the other strategy's diff is said in full beside it.
    assert "FC302" in {f["code"] for f in entries["strategies/ledgerline.yaml"]["resolved"]}
    assert code == 1  # the mended file brings the sample's own errors in with it


@needs_git
@pytest.mark.slow
def test_git_errors_exit_two(repo: Path, tmp_path: Path) -> None:
    proc = diff("--git", "no-such-branch", cwd=repo)
    assert (
        proc.returncode == 2 and "no-such-branch" in proc.stderr and "does not exist" in proc.stderr
    )
    proc = diff("--git", "main", str(tmp_path), cwd=repo)
    assert proc.returncode == 2 and "outside the repository" in proc.stderr
    plain = tmp_path / "plain"
    plain.mkdir()
    proc = diff("--git", "main", cwd=plain)
    assert proc.returncode == 2 and "not in a git repository" in proc.stderr
    proc = diff("--git", "--upload-pack=x", cwd=repo)
    assert proc.returncode == 2


def test_git_not_installed_exits_two(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    proc = diff("--git", "main", cwd=tmp_path, env={"PATH": str(empty)})
    assert proc.returncode == 2
    assert "git is not installed" in proc.stderr


@pytest.mark.slow
def test_claims_capabilities_prices_evidence_and_assumptions(tmp_path: Path) -> None:
    clean = (ROOT / "sample_strategies" / "clean-b2b-saas.yaml").read_text(encoding="utf-8")
    old = write(tmp_path / "old.yaml", TEXT + clean[clean.index("\nassumptions:") :])
    revised = (
        TEXT.replace("amount: 499, per: month", "amount: 549, per: month")
        .replace("One plan at $399 a month", "One plan at $499 a month")
        .replace("status: planned, relieves: [audit-risk]", "status: beta, relieves: [audit-risk]")
        .replace("n: 10, date: 2026-09-12", "n: 14, date: 2026-11-02")
        + clean[clean.index("\nassumptions:") :].replace("status: testing", "status: validated")
        + "  - {id: new-one, text: Controllers sign alone, status: assumed}\n"
    )
    new = write(tmp_path / "new.yaml", revised)
    code, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    # The proposal's $499 is no plan's price now: FC302 introduced (beside the beta promise's
    # FC202 and the new assumption's FC704); no input finding.
    assert sorted(f["code"] for f in entry["introduced"]) == ["FC202", "FC302", "FC704"]
    assert code == 1
    rows = {(d["kind"], d["change"], d["where"]): d["what"] for d in entry["details"]}
    assert rows[("price", "changed", "team: price")] == "$499 a month -> $549 a month"
    # The proposal now quotes $499, the old figure: the reviewer is told so.
    assert rows[("claim", "outdated", "Proposal")].startswith(
        "quotes $499 a month, the old `team` price ($499 a month; now $549 a month)"
    )
    assert rows[("capability", "changed", "audit-trail")] == (
        "status planned -> beta; promised by Discovery call"
    )
    # The proposal's claim was edited ($399 -> $499): one claim changed, old -> new.
    assert rows[("claim", "changed", "Proposal")].startswith("One plan at $399 a month, less than")
    assert " -> One plan at $499 a month, less than" in rows[("claim", "changed", "Proposal")]
    assert ("claim", "added", "Proposal") not in rows
    assert ("claim", "removed", "Proposal") not in rows
    assert "n 10 -> 14" in rows[("evidence", "changed", "finance-interviews")]
    assert (
        "status testing -> validated" in rows[("assumption", "changed", "champion-drives-rollout")]
    )
    assert ("assumption", "added", "new-one") in rows
    markdown = diff(str(old), str(new), "-f", "markdown").stdout
    assert "| claim outdated | Proposal | quotes \\$499 a month" in markdown
    assert "price changed" in diff(str(old), str(new)).stdout


@pytest.mark.slow
def test_the_sample_revision_drops_a_baton_and_mends_another() -> None:
    history = "sample_strategies/history/ledgerline.yaml"
    code, document = diff_json(history, "sample_strategies/ledgerline.yaml")
    assert code == 0
    [entry] = document["strategies"]
    changes = {(h["from"], h["to"]): h["change"] for h in entry["handoffs"]}
    assert changes[("Discovery call", "Two-week trial")] == "mended"
    assert changes[("Proposal", "Onboarding and renewal")] == "dropped"
    introduced = {(f["code"], f["stage"]) for f in entry["introduced"]}
    resolved = {(f["code"], f["stage"]) for f in entry["resolved"]}
    assert introduced == {("FC101", "Onboarding and renewal"), ("FC104", "Onboarding and renewal")}
    assert {("FC101", "Two-week trial"), ("FC104", "Two-week trial")} <= resolved
    assert entry["reviewed"] == {"old": "2026-09-20", "new": "2026-10-30"}
    assert (
        diff(history, "sample_strategies/ledgerline.yaml", "--fail-on", "warning").returncode == 1
    )
    # The samples' configuration passes over history/: the first command is unchanged.
    checked = run("check", "--as-of", AS_OF, "-f", "json", "sample_strategies/")
    files = [f["file"] for f in json.loads(checked.stdout)["files"]]
    assert files and not any("history" in f for f in files)
    assert "sample_strategies/ledgerline.yaml" in files


def test_the_table_folds_a_long_path_and_never_cuts_it_short(tmp_path: Path) -> None:
    """Piped at 80 columns, a location longer than its column is folded onto the next
    lines, never ended with an ellipsis: a reviewer must be able to find the file."""
    deep = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / "strategies"
    old = write(deep / "old.yaml", TEXT)
    new = write(deep / "new.yaml", DROPPED_TRIAL)
    proc = diff(str(old), str(new), env={"COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    assert "…" not in proc.stdout
    assert "\x1b[" not in proc.stdout
    joined = "".join(
        line.split("│")[2].strip() for line in proc.stdout.splitlines() if line.count("│") >= 4
    )
    assert str(new) + ":" in joined
