"""What reaches a terminal or a CI log: one cleaner for every command, no stray `::`.

Issue 12, items 1 and 4.

1. Under GitHub Actions a line starting with `::` (after whitespace, which the runner
   trims) is a workflow command: a file named `::stop-commands::tok.yaml`, or a stage
   named `Discovery call ::stop-commands::x` that the table wraps onto its own line,
   turned every later annotation off. No line funnelcheck writes to standard output or
   standard error, in any format, the relay, the statistics or an error message, may
   start with `::` unless it is an annotation our GitHub reporter wrote.
2. `-f github` and `-f markdown` passed raw ESC, OSC 8, C1 and bidi characters from claims
   and `--stdin-filename`; `funnelcheck config` printed raw ESC from `per-file` keys and
   folder names; the table let U+061C through. Every command's output goes through one
   cleaner; Markdown defuses `GH-1` as it does `#1` and `@name`.

Output is read through a pseudo-terminal where the issue says "a terminal" (click drops
colour codes when it is not writing to one, which would hide a raw ESC), and through a
pipe, as CI reads it.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import AS_OF, FORMATS, base_strategy, cli_env, run_cli, to_yaml

#: What must never reach a terminal raw: C0 (but tab and line feed), DEL, C1, and the
#: bidirectional and deprecated format controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f]")
HOSTILE = (
    "Call \x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ "
    "\x9b31m c1 \x85 nel \u202egnp.exe\u202c \u061c alm \u2066iso\u2069 \x07 bell \r over"
)
#: A workflow command as our GitHub reporter writes it.
OUR_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^\r\n]*::")
#: Where the Actions runner splits lines (LF, CR) and what it trims (.NET white space).
RUNNER_LINES = re.compile("[\r\n]")


def _strategy(name_text: str) -> str:
    strategy = base_strategy()
    strategy["stages"][0]["name"] = name_text + " GH-1 #2 @someone"
    strategy["stages"][0][name_text] = "an unknown key named after it"  # FC004 quotes it
    strategy["stages"][0]["claims"] = [{"text": name_text}]
    return to_yaml(strategy)


def _workflow_lines(text: str) -> list[str]:
    """Lines the runner would read as workflow commands and that we did not write."""
    return [
        line
        for line in RUNNER_LINES.split(text)
        if line.strip().startswith("::") and not OUR_ANNOTATION.match(line)
    ]


# -- 1. workflow commands ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def actions_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("actions")
    (folder / "::stop-commands::tok.yaml").write_text(to_yaml(base_strategy()), encoding="utf-8")
    long_name = "Discovery call ::stop-commands::x " * 3
    (folder / "s2.yaml").write_text(_strategy(long_name), encoding="utf-8")
    (folder / "s3.yaml").write_text(
        _strategy("::stop-commands::y\n  ::warning::forged\r::error::forged"), encoding="utf-8"
    )
    return folder


def _actions_run(folder: Path, *args: str, width: str = "60") -> tuple[str, str, int]:
    proc = run_cli(*args, cwd=folder, env={"GITHUB_ACTIONS": "true", "COLUMNS": width}, stdin=b"")
    return proc.stdout.decode(), proc.stderr.decode(), proc.returncode


@pytest.mark.parametrize("fmt", [*FORMATS, "relay"])
@pytest.mark.parametrize("width", ["40", "60", "200"])
def test_no_format_starts_a_workflow_command_under_actions(
    actions_repo: Path, fmt: str, width: str
) -> None:
    out, err, code = _actions_run(
        actions_repo, "check", ".", "--as-of", AS_OF, "-f", fmt, "--statistics", width=width
    )
    assert code == 1
    assert not _workflow_lines(out), _workflow_lines(out)[:3]
    assert not _workflow_lines(err), _workflow_lines(err)[:3]
    if fmt == "github":
        assert OUR_ANNOTATION.search(out)  # our own annotations still are commands


@pytest.mark.slow
def test_the_default_table_and_annotations_the_relay_and_errors(actions_repo: Path) -> None:
    out, err, _ = _actions_run(actions_repo, "check", ".", "--as-of", AS_OF)
    assert OUR_ANNOTATION.search(out) and "stop-commands" in out
    assert not _workflow_lines(out) and not _workflow_lines(err)
    out, err, _ = _actions_run(actions_repo, "relay", "::stop-commands::tok.yaml", "s2.yaml")
    assert "stop-commands" in out
    assert not _workflow_lines(out) and not _workflow_lines(err)
    # Error messages and usage errors name what they were given.
    for args in (
        ("check", "::stop-commands::missing.yaml"),
        ("check", "s2.yaml", "-f", "::stop-commands::z"),
        ("check", "s2.yaml", "--as-of", "::stop-commands::day"),
        ("explain", "::stop-commands::FC1"),
        ("check", "--jobs", "::stop-commands::"),
        ("config", "::stop-commands::tok.yaml"),
    ):
        out, err, _code = _actions_run(actions_repo, *args)
        assert not _workflow_lines(out) and not _workflow_lines(err), (args, out, err)


def test_outside_actions_nothing_is_rewritten(actions_repo: Path) -> None:
    proc = run_cli("check", ".", "--as-of", AS_OF, "-f", "json", cwd=actions_repo)
    files = {f["file"] for f in __import__("json").loads(proc.stdout)["files"]}
    assert "::stop-commands::tok.yaml" in files


# -- 2. control sequences ------------------------------------------------------------------------
def _on_a_terminal(args: list[str], cwd: Path, stdin: bytes = b"") -> tuple[str, int]:
    """Run the CLI with standard output on a pseudo-terminal; what the terminal received."""
    import pty

    parent, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "funnelcheck", *args],
        cwd=cwd,
        env=cli_env({"COLUMNS": "120", "TERM": "xterm"}),
        stdin=subprocess.PIPE,
        stdout=child,
        stderr=child,
    )
    os.close(child)
    assert proc.stdin is not None
    proc.stdin.write(stdin)
    proc.stdin.close()
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([parent], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(parent, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=120)
    os.close(parent)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert "Traceback" not in text and "internal error" not in text, text[-2000:]
    return text.replace("\r\n", "\n"), code


def _raw_unsafe(text: str) -> list[str]:
    # Our own colours are the table's and relay's SGR codes: drop exactly those first.
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return sorted(set(UNSAFE.findall(stripped)))


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("control")
    (folder / "s.yaml").write_text(_strategy(HOSTILE), encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", [*FORMATS, "relay"])
def test_no_control_sequence_reaches_the_terminal_in_any_format(
    hostile_repo: Path, fmt: str
) -> None:
    text, code = _on_a_terminal(["check", "s.yaml", "--as-of", AS_OF, "-f", fmt], hostile_repo)
    assert code == 1, text[-2000:]
    assert not _raw_unsafe(text), _raw_unsafe(text)
    assert "gnp.exe" in text  # the text is shown, its controls as escapes


@pytest.mark.parametrize("fmt", ["github", "markdown", "table"])
def test_stdin_filename_is_cleaned_too(hostile_repo: Path, fmt: str) -> None:
    name = "a\x1b]8;;https://evil.example\x1b\\b\u202e.yaml"
    data = (hostile_repo / "s.yaml").read_bytes()
    text, _ = _on_a_terminal(
        ["check", "-", "--stdin-filename", name, "--as-of", AS_OF, "-f", fmt], hostile_repo, data
    )
    assert not _raw_unsafe(text), _raw_unsafe(text)
    # and piped, as CI reads it
    proc = run_cli(
        "check",
        "-",
        "--stdin-filename",
        name,
        "--as-of",
        AS_OF,
        "-f",
        fmt,
        cwd=hostile_repo,
        stdin=data,
    )
    assert not _raw_unsafe(proc.stdout.decode()), _raw_unsafe(proc.stdout.decode())


def test_config_prints_no_raw_escape_from_keys_or_folder_names(tmp_path: Path) -> None:
    folder = tmp_path / "fold\x1b[31mer\u202e"
    folder.mkdir()
    (folder / ".funnelcheck.yaml").write_text(
        'per-file:\n  "x\\e[31m\\u202e*.yaml": {ignore: [FC101]}\n', encoding="utf-8"
    )
    (folder / "s.yaml").write_text(to_yaml(base_strategy()), encoding="utf-8")
    for args in (["config", folder.name], ["config", f"{folder.name}/s.yaml"]):
        text, code = _on_a_terminal(args, tmp_path)
        assert code == 0, text
        assert not _raw_unsafe(text), _raw_unsafe(text)
        assert "per-file" in text


def test_usage_errors_and_messages_are_cleaned(tmp_path: Path) -> None:
    for args in (
        ["check", "--jobs", "\x1b[31mmany"],
        ["check", "missing\x1b]0;title\x07.yaml"],
        ["explain", "FC\x9b31m1"],
        ["check", "x.yaml", "-f", "\u202ejson"],
    ):
        text, code = _on_a_terminal(args, tmp_path)
        assert code == 2
        assert not _raw_unsafe(text), (args, _raw_unsafe(text))


def test_the_table_escapes_the_arabic_letter_mark(hostile_repo: Path) -> None:
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, cwd=hostile_repo)
    out = proc.stdout.decode()
    assert "\u061c" not in out and "\\u061c" in out


def test_markdown_defuses_gh_references_as_it_does_hash_and_at(hostile_repo: Path) -> None:
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "-f", "markdown", cwd=hostile_repo)
    out = proc.stdout.decode()
    assert "GH-1" not in out and "GH-&#8203;1" in out
    assert re.search(r"(?<!&)#\d", out) is None and "@someone" not in out


def test_json_on_a_terminal_is_the_same_document(hostile_repo: Path) -> None:
    import json

    text, _ = _on_a_terminal(["check", "s.yaml", "--as-of", AS_OF, "-f", "json"], hostile_repo)
    shown = json.loads(text)
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "-f", "json:out.json", cwd=hostile_repo)
    assert proc.returncode == 1
    written = json.loads((hostile_repo / "out.json").read_text(encoding="utf-8"))
    assert shown == written  # escaped for the terminal, the same data to a JSON reader
