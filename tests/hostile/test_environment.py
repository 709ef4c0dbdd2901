"""Issue 12, items 11-16: faults of the environment are reported, not crashed on.

Developers and CI run as root, where a mode-000 folder still reads and `ulimit -u` limits
nothing: these tests drop privileges in a subprocess (`setpriv` to `nobody`) or inject the
fault (an `os.fork` that raises), never skip.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import AS_OF, ROOT, base_strategy, cli_env, run_cli, to_yaml

STRATEGY = to_yaml(base_strategy())

# The tests that run as `nobody` open the checkout's folders for traversal and close them
# again (`_traversable_by_all`): two at once on two workers would close them under each
# other. A lock file makes them take turns; the group asks xdist to keep them on one
# worker as well.
pytestmark = pytest.mark.xdist_group("as-nobody")


# -- item 12: a configuration whose `tool` is not a table ----------------------------------
@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ('"funnelcheck"', "a string"),
        ('["funnelcheck"]', "an array"),
        ("2026-12-07", "a date or time"),
    ],
)
def test_pyproject_tool_that_is_not_a_table(tmp_path: Path, value: str, kind: str) -> None:
    # The file names funnelcheck (a pyproject.toml that does not is never parsed).
    pyproject = f'name = "funnelcheck-x"\ntool = {value}\n'
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, cwd=tmp_path)
    assert proc.returncode == 2
    message = proc.stderr.decode()
    assert "pyproject.toml:2:1" in message and f"`tool` must be a table, not {kind}" in message


def test_pyproject_funnelcheck_that_is_not_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool]\nfunnelcheck = "on"\n', encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, cwd=tmp_path)
    assert proc.returncode == 2 and "`tool.funnelcheck` must be a table" in proc.stderr.decode()


# -- item 15: standard output full, closed, or of a narrow encoding ---------------------------
def _cli(
    *args: str,
    cwd: Path,
    stdout: int | object = subprocess.PIPE,
    env: dict[str, str] | None = None,
    close_stdout: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    def close() -> None:
        os.close(1)

    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=cli_env(env),
        timeout=180,
        check=False,
        preexec_fn=close if close_stdout else None,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return proc


UNICODE = base_strategy()
UNICODE["stages"][0]["name"] = NAME = "Campaign → “Zürich” 🚀 naïve ½ ✓"

COMMANDS = [
    ("check", "s.yaml", "--as-of", AS_OF),
    ("check", "s.yaml", "--as-of", AS_OF, "-f", "json"),
    ("check", "s.yaml", "--as-of", AS_OF, "-f", "sarif"),
    ("check", "s.yaml", "--as-of", AS_OF, "-f", "markdown"),
    ("relay", "s.yaml", "--as-of", AS_OF),
    ("rules",),
    ("explain", "FC101"),
    ("schema",),
    ("config", "s.yaml"),
    ("--version",),
]


@pytest.fixture
def unicode_folder(tmp_path: Path) -> Path:
    (tmp_path / "s.yaml").write_text(to_yaml(UNICODE), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:1] + a[-1:]))
def test_standard_output_full(unicode_folder: Path, args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        proc = _cli(*args, cwd=unicode_folder, stdout=full)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert lines[-1] == "funnelcheck: cannot write to standard output: No space left on device"


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:1] + a[-1:]))
def test_standard_output_closed(unicode_folder: Path, args: tuple[str, ...]) -> None:
    proc = _cli(*args, cwd=unicode_folder, stdout=None, close_stdout=True)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert lines[-1] == "funnelcheck: cannot write to standard output: it is closed"


def test_reports_to_files_need_no_standard_output(unicode_folder: Path) -> None:
    """Closed standard output is a fault only when something is written to it; the closed
    descriptor is held, so the report file never takes its number."""
    proc = _cli(
        "check", "s.yaml", "--as-of", AS_OF, "-q", "-f", "json:r.json",
        cwd=unicode_folder, stdout=None, close_stdout=True,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert json.loads((unicode_folder / "r.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:1] + a[-1:]))
def test_a_narrow_encoding_escapes_what_it_cannot_write(
    unicode_folder: Path, encoding: str, args: tuple[str, ...]
) -> None:
    proc = _cli(*args, cwd=unicode_folder, env={"PYTHONIOENCODING": encoding})
    assert proc.returncode in (0, 1), proc.stderr.decode()
    text = proc.stdout.decode(encoding)  # every byte is of that encoding
    if args[0] == "check" and "json" in args:
        utf8 = _cli(*args, cwd=unicode_folder)
        wide = json.loads(utf8.stdout)
        assert NAME in utf8.stdout.decode("utf-8")
        # What the encoding holds is written as is; the rest as \uXXXX escapes, which JSON
        # reads back as the same characters.
        assert json.loads(text) == wide
        assert "\\u2192" in text and "\\ud83d\\ude80" in text
    if args[0] == "check" and len(args) == 4:  # the table
        assert text.startswith("s.yaml") and "1 file" in text


# -- item 16: a signal while a report is written leaves no temporary file ---------------------
_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")


def _signals_as_at_a_terminal() -> None:
    """The child starts with every signal the test sends at its default action, as a
    command typed at a terminal does. What starts a test run may ignore some: a shell
    without job control starts a background job (`pytest &`) with SIGINT and SIGQUIT
    ignored, `nohup` ignores SIGHUP; the child inherits that, and a checker that (rightly)
    keeps an inherited ignore would then finish its report."""
    import signal

    for name in _SIGNALS:
        signal.signal(getattr(signal, name), signal.SIG_DFL)


@pytest.mark.parametrize("signame", _SIGNALS)
def test_a_signal_during_a_write_removes_the_temporary_file(tmp_path: Path, signame: str) -> None:
    """The signal arrives while the report's temporary file is written (sent from the
    `fsync` that precedes its rename): nothing but the reports may be left."""
    import signal

    _folder_of(tmp_path, 3)
    out = tmp_path / "out"
    out.mkdir()
    fault = (
        "real_fsync = os.fsync\n"
        "def fsync(fd):\n"
        f"    os.kill(os.getpid(), signal.{signame})\n"
        "    return real_fsync(fd)\n"
        "os.fsync = fsync\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", _WITH_FAULT, "check", "strategies", "--as-of", AS_OF,
         "-f", f"json:{out / 'r.json'}"],
        capture_output=True, cwd=tmp_path, env=cli_env({"FAULT": fault}), timeout=180,
        check=False, preexec_fn=_signals_as_at_a_terminal,
    )  # fmt: skip
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert sorted(os.listdir(out)) == []  # no .funnelcheck-*.tmp, and no half report
    # Ended as the signal ends a process (a shell sees 128 + the signal), Ctrl-C as 130.
    expected = 130 if signame == "SIGINT" else -getattr(signal, signame)
    assert proc.returncode == expected, stderr


# -- item 10: globs through links to directories ----------------------------------------------
def test_a_glob_visits_each_real_folder_once(tmp_path: Path) -> None:
    """`strategies/a -> ..` and `strategies/b -> ..`: past 20 s and 841 copies of a file
    before; now each file once."""
    strategies = tmp_path / "strategies"
    (strategies / "team").mkdir(parents=True)
    (strategies / "one.yaml").write_text(STRATEGY, encoding="utf-8")
    (strategies / "team" / "two.yaml").write_text(STRATEGY, encoding="utf-8")
    (tmp_path / "top.yaml").write_text(STRATEGY, encoding="utf-8")
    for name in ("a", "b", "c"):
        os.symlink("..", strategies / name)
    os.symlink("..", strategies / "team" / "up")
    proc = run_cli(
        "check", "strategies/**/*.yaml", "-f", "json", "--as-of", AS_OF, cwd=tmp_path, timeout=120
    )
    files = [f["file"] for f in json.loads(proc.stdout)["files"]]
    assert len(files) == len(set(files))
    real = {os.path.realpath(tmp_path / f) for f in files}
    assert len(real) == len(files)  # no file twice under two names
    assert {os.path.basename(f) for f in files} == {"one.yaml", "two.yaml", "top.yaml"}


def test_a_glob_matches_as_glob_does_without_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glob

    from funnelcheck.input.discover import expand_glob

    for folder in ("s/a/b", "s/.hidden", "t"):
        (tmp_path / folder).mkdir(parents=True)
    for file in ("s/x.yaml", "s/a/y.yml", "s/a/b/z.yaml", "s/.hidden/h.yaml", "s/.dot.yaml"):
        (tmp_path / file).write_text("funnelcheck: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    patterns = ["s/**/*.yaml", "**/*.y*ml", "s/*", "s/**", "s/**/", "*/", "s/.*", "s/[ab]/*"]
    for pattern in [*patterns, str(tmp_path / "s" / "**" / "*.yaml")]:
        assert expand_glob(pattern) == sorted(glob.glob(pattern, recursive=True)), pattern


# -- item 11: folders that cannot be read ----------------------------------------------------
def _as_nobody(
    *args: str, cwd: Path, max_processes: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The CLI run as `nobody`: as root a mode-000 folder still reads, and `ulimit -u`
    (`max_processes`, RLIMIT_NPROC, counted per user) limits nothing."""

    def limit() -> None:
        if max_processes is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_NPROC, (max_processes, max_processes))

    setpriv = shutil.which("setpriv")
    runuser = shutil.which("runuser")
    if os.geteuid() != 0:
        drop: list[str] = []  # already unprivileged: mode 000 is unreadable as it is
    elif setpriv:
        drop = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    else:
        assert runuser, "neither setpriv nor runuser: cannot drop root's privileges"
        drop = [runuser, "-u", "nobody", "--"]
    with _traversable_by_all(ROOT, Path(sys.prefix)):
        proc = subprocess.run(
            [*drop, sys.executable, "-m", "funnelcheck", *args],
            capture_output=True,
            cwd=cwd,
            env=cli_env({"HOME": str(cwd)}),
            timeout=180,
            check=False,
            preexec_fn=limit,
        )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return proc


@contextlib.contextmanager
def _traversable_by_all(*paths: Path) -> Iterator[None]:
    """`nobody` must reach this checkout and its environment to run the CLI at all: a
    clone made under a private folder (`mktemp -d` is mode 700, as CI's may be) is opened
    for traversal (o+x, never reading) for the run, and closed again after it."""
    changed: list[tuple[Path, int]] = []
    # One run as `nobody` at a time on this machine: two workers that each open and close
    # the same folders would close them under each other's run (the xdist_group mark
    # above is not enough: pytest-xdist 3.8 on pytest 9.2 silently stops grouping,
    # pytest-dev/pytest-xdist#1386).
    lock = (Path(tempfile.gettempdir()) / "funnelcheck-tests-as-nobody.lock").open("a")
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        for path in paths:
            for folder in (path.resolve(), *path.resolve().parents):
                mode = folder.stat().st_mode
                if not mode & stat.S_IXOTH:
                    folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
                    changed.append((folder, stat.S_IMODE(mode)))
        yield
    finally:
        for folder, mode in reversed(changed):
            folder.chmod(mode)
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user may read (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="funnelcheck-nobody-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for dirpath, dirnames, _ in os.walk(folder):
            for name in dirnames:
                os.chmod(os.path.join(dirpath, name), 0o755)
        shutil.rmtree(folder)


def _tree(folder: Path) -> Path:
    strategies = folder / "strategies"
    (strategies / "locked").mkdir(parents=True)
    (strategies / "fine.yaml").write_text(STRATEGY, encoding="utf-8")
    (strategies / "locked" / "hidden.yaml").write_text(STRATEGY, encoding="utf-8")
    for path in (strategies, strategies / "fine.yaml", strategies / "locked" / "hidden.yaml"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (strategies / "locked").chmod(0o000)
    return strategies


@pytest.mark.parametrize("named", ["strategies", "strategies/**/*.yaml"])
def test_an_unreadable_subfolder_of_a_walk_is_an_error(open_folder: Path, named: str) -> None:
    _tree(open_folder)
    proc = _as_nobody("check", named, "-f", "json", "--as-of", AS_OF, cwd=open_folder)
    assert proc.returncode == 2
    files = {f["file"]: f for f in json.loads(proc.stdout)["files"]}
    assert "strategies/fine.yaml" in files  # the rest is still checked and reported
    (locked,) = [f for name, f in files.items() if "locked" in name]
    assert locked["error"] and "permission denied" in locked["error"]
    assert "strategies/locked" in proc.stderr.decode()


def test_naming_an_unreadable_folder_says_permission_denied(open_folder: Path) -> None:
    _tree(open_folder)
    proc = _as_nobody("check", "strategies/locked", "--as-of", AS_OF, cwd=open_folder)
    assert proc.returncode == 2
    message = proc.stderr.decode()
    assert "strategies/locked" in message and "permission denied" in message
    assert "no strategy found" not in message


def test_diff_an_unreadable_side_is_an_error_and_the_rest_is_still_said(
    open_folder: Path,
) -> None:
    # `funnelcheck diff old new` (issue 18): one file of the newer side cannot be read.
    for side in ("old", "new"):
        (open_folder / side).mkdir(mode=0o755)
        for name in ("a.yaml", "b.yaml"):
            (open_folder / side / name).write_text(STRATEGY, encoding="utf-8")
    revised = STRATEGY.replace("2026-10-30", "2026-11-20")
    assert revised != STRATEGY
    (open_folder / "new" / "b.yaml").write_text(revised, encoding="utf-8")
    for path in open_folder.glob("*/*.yaml"):
        path.chmod(0o644)
    (open_folder / "new" / "a.yaml").chmod(0o000)
    proc = _as_nobody("diff", "old", "new", "-f", "json", "--as-of", AS_OF, cwd=open_folder)
    assert proc.returncode == 2  # exit 2 wins over what the diff found
    message = proc.stderr.decode()
    assert "new/a.yaml" in message and "permission denied" in message.lower()
    entries = {e["new"]: e for e in json.loads(proc.stdout)["strategies"]}
    assert entries["new/a.yaml"]["errors"]
    # The readable file's diff is still said in full.
    assert entries["new/b.yaml"]["errors"] == []
    assert entries["new/b.yaml"]["reviewed"] == {"old": "2026-10-30", "new": "2026-11-20"}


# -- item 13: --jobs and worker processes ------------------------------------------------------
def _folder_of(tmp_path: Path, count: int, names: tuple[str, ...] = ()) -> Path:
    folder = tmp_path / "strategies"
    folder.mkdir(mode=0o755)
    for i in range(count):
        (folder / f"s{i:02}.yaml").write_text(STRATEGY, encoding="utf-8")
    for name in names:
        (folder / name).write_text(STRATEGY, encoding="utf-8")
    for path in (folder, *folder.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


@pytest.mark.parametrize("value", ["99999999999999999999", "0", "-3", "1025"])
def test_jobs_is_bounded_when_parsed(tmp_path: Path, value: str) -> None:
    _folder_of(tmp_path, 2)
    proc = run_cli("check", "strategies", "--jobs", value, cwd=tmp_path)
    assert proc.returncode == 2
    assert "'--jobs'" in proc.stderr.decode() and "1<=x<=1024" in proc.stderr.decode()


#: Runs the CLI with a fault planted first (`FAULT` is Python source run before `main`).
_WITH_FAULT = """
import os, signal, sys
exec(os.environ["FAULT"])
from funnelcheck.cli import main
sys.argv[0] = "funnelcheck"
main()
"""


def _with_fault(fault: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(
        [sys.executable, "-c", _WITH_FAULT, *args],
        capture_output=True,
        cwd=cwd,
        env=cli_env({"FAULT": fault}),
        timeout=180,
        check=False,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return proc


def _serial(tmp_path: Path) -> bytes:
    proc = run_cli("check", "strategies", "--jobs", "1", "-f", "json", "--as-of", AS_OF,
                   cwd=tmp_path)  # fmt: skip
    return proc.stdout


def test_no_process_can_be_made(tmp_path: Path) -> None:
    """fork failing: an internal error and then a hang before; now the files are checked
    in this process, and the user is told."""
    _folder_of(tmp_path, 6)
    fault = (
        "def fork():\n"
        "    raise BlockingIOError(11, 'Resource temporarily unavailable')\n"
        "os.fork = fork\n"
    )
    proc = _with_fault(fault, "check", "strategies", "--jobs", "40", "-f", "json",
                       "--as-of", AS_OF, cwd=tmp_path)  # fmt: skip
    assert proc.stdout == _serial(tmp_path)
    assert "could start no worker process of the 5 wanted" in proc.stderr.decode()


def test_some_processes_can_be_made(tmp_path: Path) -> None:
    _folder_of(tmp_path, 12)
    fault = (
        "real_fork, made = os.fork, []\n"
        "def fork():\n"
        "    if len(made) >= 2:\n"
        "        raise BlockingIOError(11, 'Resource temporarily unavailable')\n"
        "    made.append(1)\n"
        "    return real_fork()\n"
        "os.fork = fork\n"
    )
    proc = _with_fault(fault, "check", "strategies", "--jobs", "40", "-f", "json",
                       "--as-of", AS_OF, cwd=tmp_path)  # fmt: skip
    assert proc.stdout == _serial(tmp_path)
    assert "could start 2 worker processes of the 11 wanted" in proc.stderr.decode()


def test_ulimit_on_processes_as_an_unprivileged_user(open_folder: Path) -> None:
    """The reproduction as the issue gives it: `ulimit -u 30` (which limits nothing for
    root), `--jobs 40`, run as `nobody`."""
    _folder_of(open_folder, 45)
    proc = _as_nobody("check", "strategies", "--jobs", "40", "-f", "json", "--as-of", AS_OF,
                      cwd=open_folder, max_processes=30)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert proc.stdout == _serial(open_folder)
    # As many workers as the limit lets nobody start (none, when other processes of
    # nobody's hold the rest), and the user is told.
    assert "of the 40 wanted (Resource temporarily unavailable)" in proc.stderr.decode()


_KILL_ON = """
import funnelcheck.run.engine as engine
checking = engine._worker_check
def killing(source):
    if "victim" in source.path and {condition}:
        os.kill(os.getpid(), signal.SIGKILL)
    return checking(source)
engine._worker_check = killing
"""


def test_a_worker_killed_once_is_replaced_and_its_file_checked_again(tmp_path: Path) -> None:
    _folder_of(tmp_path, 8, ("victim.yaml",))
    marker = tmp_path / "killed-once"
    condition = f"not os.path.exists({str(marker)!r}) and not open({str(marker)!r}, 'w').close()"
    proc = _with_fault(_KILL_ON.format(condition=condition), "check", "strategies",
                       "--jobs", "3", "-f", "json", "--as-of", AS_OF, cwd=tmp_path)  # fmt: skip
    assert marker.exists()
    assert proc.stdout == _serial(tmp_path)  # every file checked, the victim too
    message = proc.stderr.decode()
    assert "a worker process was killed by SIGKILL while checking" in message
    assert "victim.yaml" in message and "bug" not in message


def test_a_file_that_kills_every_worker_is_reported_not_checked(tmp_path: Path) -> None:
    _folder_of(tmp_path, 8, ("victim.yaml",))
    proc = _with_fault(_KILL_ON.format(condition="True"), "check", "strategies",
                       "--jobs", "3", "-f", "json", "--as-of", AS_OF, cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 2
    files = {f["file"]: f for f in json.loads(proc.stdout)["files"]}
    victim = files.pop("strategies/victim.yaml")
    assert "not checked: the worker process checking it was killed by SIGKILL" in victim["error"]
    assert len(files) == 8 and all(f["error"] is None for f in files.values())
    assert "bug" not in proc.stderr.decode()
