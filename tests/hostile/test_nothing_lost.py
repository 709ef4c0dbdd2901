"""Nothing lost: a report or baseline being written is either the old file or the new one.

`funnelcheck.support.atomic.write_atomic` writes a temporary file in the same folder, flushes and
syncs it, then renames it over the target. Interrupting it anywhere (an exception, Ctrl-C,
a kill) leaves the old file whole. An interruption the process survives also removes the
temporary file; a SIGKILL cannot be cleaned up after, and leaves only a hidden
`.funnelcheck-*.tmp` beside the report, never a truncated report.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_support import AS_OF, ROOT, base_strategy, cli_env, to_yaml

from funnelcheck.run import baseline
from funnelcheck.support import atomic

OLD = '{"old": "report, still whole"}\n'


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".funnelcheck-"))


@pytest.fixture
def old_report(tmp_path: Path) -> Path:
    path = tmp_path / "report.json"
    path.write_text(OLD, encoding="utf-8")
    return path


def _interrupt(*args: Any, **kwargs: Any) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_an_interrupt_before_the_rename_keeps_the_old_file(
    old_report: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(f"funnelcheck.support.atomic.os.{where}", _interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(str(old_report), "x" * 1_000_000)
    assert old_report.read_text(encoding="utf-8") == OLD
    assert _leftovers(old_report.parent) == []


def test_an_interrupt_in_the_middle_of_the_write_keeps_the_old_file(
    old_report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen
    written: list[int] = []

    class HalfWrite:
        """The file object write_atomic gets: writes half of the text, then Ctrl-C."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.fh = real_fdopen(*args, **kwargs)

        def write(self, text: str) -> int:
            self.fh.write(text[: len(text) // 2])
            self.fh.flush()
            written.append(os.fstat(self.fh.fileno()).st_size)
            raise KeyboardInterrupt

        def __enter__(self) -> HalfWrite:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

    monkeypatch.setattr("funnelcheck.support.atomic.os.fdopen", HalfWrite)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(str(old_report), "y" * 2_000_000)
    assert written == [1_000_000]  # the write really was under way
    assert old_report.read_text(encoding="utf-8") == OLD
    assert _leftovers(old_report.parent) == []


def test_a_failed_write_leaves_no_file_where_there_was_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("funnelcheck.support.atomic.os.replace", _interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(str(tmp_path / "new.json"), "{}")
    assert os.listdir(tmp_path) == []


def test_an_interrupted_baseline_write_keeps_the_old_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile_support import check_paths

    strategy = tmp_path / "s.yaml"
    data = base_strategy()
    data["stages"][0]["bogus"] = 1
    strategy.write_text(to_yaml(data), encoding="utf-8")
    report = check_paths([strategy])
    path = tmp_path / "baseline.json"
    baseline.write(report, str(path))
    old = path.read_bytes()
    assert baseline.read(str(path))  # a real, non-empty baseline
    data["stages"][1]["another"] = 2
    strategy.write_text(to_yaml(data), encoding="utf-8")
    monkeypatch.setattr("funnelcheck.support.atomic.os.replace", _interrupt)
    with pytest.raises(KeyboardInterrupt):
        baseline.write(check_paths([strategy]), str(path))
    assert path.read_bytes() == old
    assert _leftovers(tmp_path) == []


# -- the real process ---------------------------------------------------------------------
#: Runs the CLI with `os.<name>` replaced by ACTION, as an interrupt would strike there.
_HARNESS = """
import os, signal, sys
from funnelcheck.support import atomic
action = sys.argv.pop(1)
name = sys.argv.pop(1)
def strike(*args, **kwargs):
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise KeyboardInterrupt
setattr(atomic.os, name, strike)
from funnelcheck.cli import main
sys.argv[0] = "funnelcheck"
main()
"""


def _strategies(folder: Path) -> Path:
    """Enough findings for a report of a few hundred kilobytes."""
    claims = [{"text": f"Claim {i} costs $12 a month.", "bogus": i} for i in range(1_500)]
    data = base_strategy([{"name": "Campaign", "role": "marketing", "claims": claims}])
    path = folder / "big.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("action", "name"), [("kill", "fsync"), ("interrupt", "replace")])
def test_a_cli_run_struck_while_writing_keeps_the_old_report(
    old_report: Path, action: str, name: str
) -> None:
    strategy = _strategies(old_report.parent)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _HARNESS,
            action,
            name,
            "check",
            str(strategy),
            "--as-of",
            AS_OF,
            "-f",
            f"json:{old_report}",
        ],
        capture_output=True,
        cwd=ROOT,
        env=cli_env(),
        timeout=180,
        check=False,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert old_report.read_text(encoding="utf-8") == OLD
    if action == "kill":
        assert proc.returncode == -signal.SIGKILL
        # The killed process wrote the whole new report, but only under a hidden name.
        (leftover,) = _leftovers(old_report.parent)
        assert leftover.endswith(".tmp")
        assert len(json.loads((old_report.parent / leftover).read_text())["files"]) == 1
    else:
        assert proc.returncode == 130  # as a shell reports Ctrl-C
        assert _leftovers(old_report.parent) == []


# -- what a report may be written to ------------------------------------------------------
def _a_device(tmp_path: Path) -> Path:
    """A null character device of our own (root can make one), else the system's."""
    device = tmp_path / "null-device"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return device
    except (PermissionError, AttributeError):
        if stat.S_ISCHR(os.stat(os.devnull).st_mode):
            return Path(os.devnull)
    pytest.skip("no character device to write to")


def test_a_report_written_to_a_device_leaves_the_device_a_device(tmp_path: Path) -> None:
    """`-o /dev/null` must not rename a regular file over the null device (as root, it
    would: the temporary file sits in /dev and the rename replaces the device)."""
    device = _a_device(tmp_path)
    atomic.write_atomic(str(device), "a report nobody keeps\n")
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert _leftovers(device.parent) == []


def test_a_report_written_to_a_fifo_goes_to_its_reader(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    atomic.write_atomic(str(fifo), "through the pipe\n")
    reader.join(timeout=60)
    assert received == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_report_written_through_a_link_keeps_the_link(old_report: Path) -> None:
    link = old_report.parent / "latest.json"
    link.symlink_to(old_report.name)
    atomic.write_atomic(str(link), '{"new": true}\n')
    assert link.is_symlink() and os.readlink(link) == old_report.name
    assert old_report.read_text() == '{"new": true}\n'
    assert _leftovers(old_report.parent) == []


def test_a_report_gets_the_permissions_a_file_would_get(tmp_path: Path) -> None:
    """Not the private 0600 of a temporary file: what `open` would give, or what the file
    being replaced had."""
    umask = os.umask(0o022)
    try:
        new = tmp_path / "new.json"
        atomic.write_atomic(str(new), "{}\n")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        shared = tmp_path / "shared.json"
        shared.write_text("{}\n")
        shared.chmod(0o664)
        atomic.write_atomic(str(shared), "{}\n")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    finally:
        os.umask(umask)
