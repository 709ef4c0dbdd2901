"""The CLI keeps its word (issue 11): help, completion, relay's exit codes, colour, option
words, every format listed, statistics never dropped, whole-sentence rule summaries.

Every test runs the CLI as a user does: a process of the installed entry point.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from funnelcheck.reporters import REPORTERS
from funnelcheck.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"
AS_OF = "2026-11-22"
COMMANDS = ("check", "relay", "rules", "explain", "schema", "config")
#: The console script `pip install` made beside this interpreter: the real entry point.
SCRIPT = Path(sys.executable).parent / "funnelcheck"
#: What a user's environment may hold that would change what these tests see.
UNSET = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "COLUMNS", "CI")


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    assert SCRIPT.is_file(), f"{SCRIPT} is missing: install the package (pip install -e .)"
    full_env = {k: v for k, v in os.environ.items() if k not in UNSET}
    full_env.update(env or {})
    proc = subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def flat(text: str) -> str:
    return " ".join(text.split())


# -- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_h_is_help_on_every_command(command: str) -> None:
    words = [command] if command else []
    short, long = run(*words, "-h"), run(*words, "--help")
    assert short.returncode == long.returncode == 0, short.stderr
    assert short.stdout.startswith("Usage: funnelcheck")
    assert short.stdout == long.stdout
    assert "-h, --help" in short.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_option_types_show_as_words(command: str) -> None:
    shown = run(command, "--help").stdout
    assert not re.search(r"<(str|int|float|text|integer|path)>", shown, re.IGNORECASE), shown


def test_check_help_names_its_value_words_and_every_format_and_the_exit_codes() -> None:
    shown = run("check", "--help").stdout
    for option, word in [
        ("--format", "FORMAT"),
        ("--output", "PATH"),
        ("--config", "PATH"),
        ("--as-of", "DATE"),
        ("--select", "RULES"),
        ("--jobs", "N"),
        ("--baseline", "PATH"),
    ]:
        assert re.search(rf"{option} {word}\b", shown), (option, shown)
    listed = flat(shown)
    for name in REPORTERS:
        assert re.search(rf"\b{name}\b", listed), f"check --help does not list {name}"
    assert "Exit codes: 0" in listed


# -- completion --------------------------------------------------------------------------------


def test_shell_completion_can_be_shown_installed_and_completes(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash"}
    # From bash, as a user types it: typer finds the shell from the parent process. (With
    # one command, `bash -c` would exec it in place and the parent would be whatever ran
    # the tests, a shell or not: the `exit` keeps bash the parent.)
    shown = subprocess.run(
        ["bash", "-c", f"'{SCRIPT}' --show-completion; exit $?"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert "_FUNNELCHECK_COMPLETE=complete_bash" in shown.stdout
    installed = subprocess.run(
        ["bash", "-c", f"'{SCRIPT}' --install-completion; exit $?"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "funnelcheck.sh"
    assert "_FUNNELCHECK_COMPLETE" in script.read_text(encoding="utf-8")
    assert str(script.relative_to(tmp_path)) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    # What the installed function asks the program when the user presses Tab.
    asked = run(
        env={
            "_FUNNELCHECK_COMPLETE": "complete_bash",
            "COMP_WORDS": "funnelcheck check --fail",
            "COMP_CWORD": "2",
        }
    )
    assert asked.stdout.split() == ["--fail-on"]
    commands = run(
        env={
            "_FUNNELCHECK_COMPLETE": "complete_bash",
            "COMP_WORDS": "funnelcheck r",
            "COMP_CWORD": "1",
        }
    )
    assert sorted(commands.stdout.split()) == ["relay", "rules"]


# -- relay -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_relay_documents_its_exit_codes_and_follows_fail_on(tmp_path: Path) -> None:
    helped = flat(run("relay", "--help").stdout)
    assert "Exit codes: 0" in helped and "--fail-on" in helped
    # The sample's worst finding is an error (FC201); it has warnings too.
    assert run("relay", "--as-of", AS_OF, str(EXAMPLE)).returncode == 1
    assert run("relay", "--as-of", AS_OF, "--fail-on", "never", str(EXAMPLE)).returncode == 0
    # The configuration's fail-on applies to relay as to check; --fail-on overrides it.
    (tmp_path / "s.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / ".funnelcheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    assert run("relay", "--as-of", AS_OF, "s.yaml", cwd=tmp_path).returncode == 0
    overridden = run("relay", "--as-of", AS_OF, "--fail-on", "warning", "s.yaml", cwd=tmp_path)
    assert overridden.returncode == 1
    assert "The relay" in overridden.stdout
    assert run("relay", "--as-of", AS_OF, "missing.yaml", cwd=tmp_path).returncode == 2


# -- colour ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "relay"])
@pytest.mark.slow
def test_force_color_is_honoured_as_no_color_is(command: str) -> None:
    args = (command, "--as-of", AS_OF, str(EXAMPLE))
    assert "\x1b[" not in run(*args).stdout, "piped: no escape codes"
    assert "\x1b[" in run(*args, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run(*args, env={"FORCE_COLOR": ""}).stdout, "empty means unset"
    assert "\x1b[" not in run(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run(*args, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in run(*args, "--color", "always", env={"NO_COLOR": "1"}).stdout


# -- statistics --------------------------------------------------------------------------------


def _per_rule(document: dict[str, object]) -> list[dict[str, object]]:
    counts: dict[tuple[str, str], int] = {}
    for file in document["files"]:  # type: ignore[attr-defined]
        for f in file["findings"]:
            counts[(f["code"], f["name"])] = counts.get((f["code"], f["name"]), 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"code": c, "name": n, "findings": k} for (c, n), k in ordered]


def test_statistics_are_in_the_json_report() -> None:
    args = ("check", "--as-of", AS_OF, "-f", "json", "sample_strategies/")
    plain = json.loads(run(*args).stdout)
    assert "statistics" not in plain
    counted = run(*args, "--statistics")
    document = json.loads(counted.stdout)
    assert document["statistics"] == _per_rule(document) and document["statistics"]
    assert counted.stderr == "", "the JSON report holds them: nothing more on stderr"
    assert {k: v for k, v in document.items() if k != "statistics"} == plain


@pytest.mark.parametrize("spec", ["github", "markdown", "gitlab", "sarif:{tmp}/r.sarif"])
def test_statistics_go_to_stderr_for_formats_without_a_place_for_them(
    spec: str, tmp_path: Path
) -> None:
    fmt = spec.format(tmp=tmp_path)
    args = ("check", "--as-of", AS_OF, "-f", fmt, str(EXAMPLE))
    without, counted = run(*args), run(*args, "--statistics")
    assert counted.returncode == without.returncode == 1
    assert counted.stdout == without.stdout, "the report itself is unchanged"
    assert "Findings per rule" not in without.stderr
    document = json.loads(run("check", "--as-of", AS_OF, "-f", "json", str(EXAMPLE)).stdout)
    assert "Findings per rule" in counted.stderr
    for row in _per_rule(document):
        assert re.search(rf"{row['findings']}\s+{row['code']}\s+{row['name']}", counted.stderr)


def test_statistics_with_the_table_are_printed_once() -> None:
    proc = run(
        "check", "--as-of", AS_OF, "-f", "table", "-f", "github", "--statistics", str(EXAMPLE)
    )
    assert proc.stdout.count("Findings per rule") == 1
    assert "Findings per rule" not in proc.stderr


# -- rule summaries ------------------------------------------------------------------------------


def _first_paragraph(code: str) -> str:
    doc = inspect.cleandoc(all_rules(plugins=False)[code].__doc__ or "")
    return flat(doc.split("\n\n", 1)[0])


def test_rule_summaries_are_whole_sentences_in_rules_and_sarif(tmp_path: Path) -> None:
    listed = json.loads(run("rules", "-f", "json").stdout)
    assert {r["code"] for r in listed} == set(all_rules(plugins=False))
    summaries = {r["code"]: r["summary"] for r in listed}
    for code, summary in summaries.items():
        assert summary.endswith((".", "?", "!")), (code, summary)
        assert "\n" not in summary and "  " not in summary, (code, summary)
        assert summary == _first_paragraph(code), code  # never cut where a line breaks
    table = flat(run("rules", env={"COLUMNS": "400"}).stdout)
    for code, summary in summaries.items():
        assert summary in table, (code, summary)
    sarif_path = tmp_path / "r.sarif"
    run("check", "--as-of", AS_OF, "--select", "ALL", "-f", f"sarif:{sarif_path}", str(EXAMPLE))
    rules = json.loads(sarif_path.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"FC505"}
    for rule in rules:
        assert rule["shortDescription"]["text"] == summaries[rule["id"]], rule["id"]
