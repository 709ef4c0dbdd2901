"""Paths nobody should name, named: loops, dangling links, FIFOs, devices, odd names.

Each is reported (a finding or a read error naming the file), never opened when opening
could block (a FIFO or a device is refused from `stat` alone), and never crashes the run,
whether it is named on the command line or met in a directory walk. The inputs fail for
every user, root included (CI runs as root, where `chmod 000` reads fine).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hostile_support import AS_OF, base_strategy, run_cli, to_yaml

#: A FIFO opened for reading blocks until a writer comes: the hang guard ends such a run.
FIFO_GUARD = 120
UNDECODABLE = os.fsdecode(b"undecodable-\xff\xfe.yaml")
NEWLINE = "new\nline.yaml"
ESCAPES = "\x1b]0;title\x07\x1b[31mred.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    strategy = to_yaml(base_strategy())
    (tmp_path / "good.yaml").write_text(strategy, encoding="utf-8")
    (tmp_path / NEWLINE).write_text(strategy, encoding="utf-8")
    (tmp_path / UNDECODABLE).write_text(strategy, encoding="utf-8")
    os.symlink("loop-b.yaml", tmp_path / "loop-a.yaml")
    os.symlink("loop-a.yaml", tmp_path / "loop-b.yaml")
    os.symlink("missing.yaml", tmp_path / "dangling.yaml")
    os.symlink("missing.yaml", tmp_path / ESCAPES)
    os.symlink(os.fsdecode(b"missing-\xff"), tmp_path / os.fsdecode(b"dangling-\xff.yaml"))
    os.mkfifo(tmp_path / "fifo.yaml")
    os.symlink("/dev/null", tmp_path / "null.yaml")
    os.symlink(".", tmp_path / "dir-loop")  # a walk must not follow it forever
    os.symlink(".", tmp_path / "dir-link.yaml")  # a *.yaml that is a directory
    return tmp_path


#: What each entry must come out as: a finding code, or a read error saying this.
EXPECTED: dict[str, str] = {
    "good.yaml": "checked",
    NEWLINE: "checked",
    UNDECODABLE: "checked",
    "loop-a.yaml": "Too many levels of symbolic links",
    "loop-b.yaml": "Too many levels of symbolic links",
    "dangling.yaml": "dangling link",
    ESCAPES: "dangling link",
    os.fsdecode(b"dangling-\xff.yaml"): "dangling link",
    "fifo.yaml": "FC007",
    "null.yaml": "FC007",
    "dir-link.yaml": "is a directory",
}


def _outcomes(document: dict[str, Any]) -> dict[str, str]:
    out = {}
    for file in document["files"]:
        name = file["file"].removeprefix("./")
        if file["error"] is not None:
            assert file["error"].startswith(file["file"] + ": "), file  # names the file
            out[name] = file["error"]
        elif any(f["code"] == "FC007" for f in file["findings"]):
            out[name] = "FC007"
        else:
            out[name] = "checked"
    return out


def _assert_expected(outcomes: dict[str, str]) -> None:
    """Reports name a file with undecodable bytes with escapes (`\\xff`), never raw."""
    from funnelcheck.input.load import display_name

    expected = {display_name(name): what for name, what in EXPECTED.items()}
    assert set(outcomes) == set(expected)
    for name, outcome in outcomes.items():
        assert expected[name] in outcome, (name, outcome)


def _check(folder: Path, *paths: str | bytes) -> tuple[dict[str, Any], str]:
    proc = run_cli("check", *paths, "--as-of", AS_OF, "-f", "json", cwd=folder, timeout=FIFO_GUARD)
    assert proc.returncode == 2  # unreadable files: exit 2 wins over findings
    raw = proc.stdout
    raw.decode("utf-8")  # strictly UTF-8: no undecodable byte passed through
    return json.loads(raw), proc.stderr.decode("utf-8", "replace")


def test_hostile_paths_named_on_the_command_line(folder: Path) -> None:
    # A link to a folder, named, is a folder to walk (its entries are the walk's test).
    names = [os.fsencode(name) for name in EXPECTED if name != "dir-link.yaml"]
    document, stderr = _check(folder, *names, b"/dev/null")
    outcomes = _outcomes(document)
    assert outcomes.pop("/dev/null") == "FC007"  # a device named directly: never opened
    assert "dir-link.yaml" not in outcomes
    outcomes["dir-link.yaml"] = EXPECTED["dir-link.yaml"]
    _assert_expected(outcomes)
    # Each unreadable file is also named on standard error, one line each.
    assert stderr.count("funnelcheck: ") == sum(
        1 for what in EXPECTED.values() if what not in ("checked", "FC007", "is a directory")
    )


def test_hostile_paths_met_in_a_directory_walk(folder: Path) -> None:
    document, _ = _check(folder, ".")
    _assert_expected(_outcomes(document))


def test_names_reach_every_report_as_text(folder: Path) -> None:
    """The undecodable name is written with escapes, never as raw bytes, in every format."""
    from hostile_support import check_paths, render

    names = [str(folder / name) for name in (NEWLINE, UNDECODABLE, "dangling-\udcff.yaml")]
    report = check_paths(names)
    for fmt in ("json", "sarif", "junit", "github", "gitlab", "markdown", "table"):
        text = render(report, fmt, folder)
        text.encode("utf-8")  # no lone surrogate left: the report can be written
        assert re.search("[\udc80-\udcff]", text) is None, fmt


def test_a_missing_undecodable_argument_is_reported(tmp_path: Path) -> None:
    document, stderr = _check(tmp_path, b"gone-\xff.yaml", b"also-\xfe-gone*.yaml")
    errors = {file["file"]: file["error"] for file in document["files"]}
    assert errors == {
        "gone-\\xff.yaml": "gone-\\xff.yaml: no such file or directory",
        "also-\\xfe-gone*.yaml": "also-\\xfe-gone*.yaml: the pattern matches no file",
    }
    assert "gone-" in stderr


def test_standard_error_prints_no_control_character_from_a_file_name(tmp_path: Path) -> None:
    """The table cleans what it prints; the message on standard error about a file that
    could not be read must too: a name holding `ESC ] 0 ; ... BEL` retitles the terminal."""
    os.symlink("missing.yaml", tmp_path / ESCAPES)
    proc = run_cli("check", ".", "--as-of", AS_OF, "--color", "never", cwd=tmp_path)
    assert proc.returncode == 2
    stderr = proc.stderr.decode("utf-8")
    assert "dangling link" in stderr
    assert re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", stderr) is None, repr(stderr)
    assert re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", proc.stdout.decode("utf-8")) is None
