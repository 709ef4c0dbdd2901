"""Issue 12, items 9 and 14: every file a run reads goes through one bounded reader.

Configurations, their `extends`, baselines, .gitignore files and strategies are refused
before a byte is read when they are a device, a FIFO or over their limit; piped standard
input is read up to the limit and then refused; a file that grows while it is read is
read up to the limit and no further.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hostile_support import AS_OF, base_strategy, run_cli, to_yaml

#: A FIFO opened for reading blocks until a writer comes, /dev/zero never ends: the old
#: code hung on both; this guard ends such a run (not a timing assertion).
GUARD = 120
STRATEGY = to_yaml(base_strategy())


def _stderr(proc: object) -> str:
    return proc.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]


def test_endless_standard_input_is_read_up_to_the_limit(tmp_path: Path) -> None:
    """`cat /dev/zero | funnelcheck check -`: MemoryError before; now FC007 at once."""
    with open("/dev/zero", "rb") as zero:
        import subprocess
        import sys

        from hostile_support import ROOT, cli_env

        proc = subprocess.run(
            [sys.executable, "-m", "funnelcheck", "check", "-", "-f", "json", "--as-of", AS_OF],
            stdin=zero,
            capture_output=True,
            cwd=tmp_path,
            env=cli_env(),
            timeout=GUARD,
            check=False,
        )
    assert proc.returncode == 1, proc.stderr.decode()[-500:]
    (file,) = json.loads(proc.stdout)["files"]
    assert [f["code"] for f in file["findings"]] == ["FC007"]
    assert "over the limit of 5,000,000 bytes" in file["findings"][0]["message"]
    assert ROOT  # the checkout is what runs


def test_standard_input_over_a_raised_limit_is_still_bounded(tmp_path: Path) -> None:
    (tmp_path / ".funnelcheck.yaml").write_text("max-file-bytes: 1000\n", encoding="utf-8")
    proc = run_cli("check", "-", "-f", "json", cwd=tmp_path, stdin=b"#" * 5000, timeout=GUARD)
    (file,) = json.loads(proc.stdout)["files"]
    assert "over the limit of 1,000 bytes" in file["findings"][0]["message"]


@pytest.mark.parametrize("kind", ["fifo", "zero", "sparse"])
def test_a_configuration_that_is_no_file_or_too_large(tmp_path: Path, kind: str) -> None:
    config = tmp_path / ".funnelcheck.yaml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "zero":
        os.symlink("/dev/zero", config)
    else:  # 1.5 GB of holes: 3.8 GB of memory before
        with open(config, "wb") as fh:
            fh.truncate(1_500_000_000)
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    if kind != "sparse":
        # A FIFO or device is not what `isfile` finds: name it as the configuration.
        proc = run_cli("check", "s.yaml", "-c", ".funnelcheck.yaml", cwd=tmp_path, timeout=GUARD)
    else:
        proc = run_cli("check", "s.yaml", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode == 2
    message = _stderr(proc)
    assert ".funnelcheck.yaml" in message
    expected = "over the limit of 5,000,000" if kind == "sparse" else "not a regular file"
    assert expected in message, message


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge", "deep", "digits", "deep-object"])
def test_a_baseline_that_is_no_file_too_large_or_hostile(tmp_path: Path, kind: str) -> None:
    baseline = tmp_path / "baseline.json"
    if kind == "fifo":
        os.mkfifo(baseline)
    elif kind == "zero":
        os.symlink("/dev/zero", baseline)
    elif kind == "huge":  # 2 GB of holes: 4.2 GB of memory before
        with open(baseline, "wb") as fh:
            fh.truncate(2_000_000_000)
    elif kind == "deep":  # RecursionError before
        baseline.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif kind == "deep-object":
        baseline.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    else:  # ValueError (Python's 4,300-digit limit) before
        baseline.write_text(
            '{"funnelcheck_baseline": ' + "1" * 5000 + ', "entries": []}', encoding="utf-8"
        )
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", "s.yaml", "--baseline", "baseline.json", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode == 2
    message = _stderr(proc)
    expected = {
        "fifo": "not a regular file",
        "zero": "not a regular file",
        "huge": "over the limit of 50,000,000",
    }.get(kind, "is not a funnelcheck baseline")
    assert "baseline.json" in message and expected in message, message


def test_a_gitignore_that_is_a_device_does_not_hang_a_walk(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / ".gitignore")
    (tmp_path / ".git").mkdir()
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", ".", "--as-of", AS_OF, "-q", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode in (0, 1)


def _chain(tmp_path: Path, length: int) -> None:
    for i in range(length):
        text = f"extends: c{i + 1}.yaml\n" if i + 1 < length else "fail-on: warning\n"
        (tmp_path / f"c{i}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / ".funnelcheck.yaml").write_text("extends: c0.yaml\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")


def test_a_long_extends_chain_is_an_error_not_a_recursion(tmp_path: Path) -> None:
    _chain(tmp_path, 500)
    proc = run_cli("check", "s.yaml", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode == 2
    assert "`extends` goes more than 64 files deep" in _stderr(proc)


def test_a_short_extends_chain_is_read(tmp_path: Path) -> None:
    _chain(tmp_path, 10)
    proc = run_cli("config", "s.yaml", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode == 0 and "fail-on = 'warning'" in proc.stdout.decode()


@pytest.mark.parametrize("loop", ["self", "pair"])
def test_a_symlink_loop_in_extends_is_a_cycle(tmp_path: Path, loop: str) -> None:
    if loop == "self":
        os.symlink("base.yaml", tmp_path / "base.yaml")
    else:
        os.symlink("b.yaml", tmp_path / "base.yaml")
        os.symlink("base.yaml", tmp_path / "b.yaml")
    (tmp_path / ".funnelcheck.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", "s.yaml", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode == 2
    message = _stderr(proc)
    assert "a cycle of links" in message and "not a file" not in message


def test_a_link_back_to_the_config_is_a_cycle(tmp_path: Path) -> None:
    os.symlink(".funnelcheck.yaml", tmp_path / "base.yaml")
    (tmp_path / ".funnelcheck.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", "s.yaml", cwd=tmp_path, timeout=GUARD)
    assert proc.returncode == 2 and "`extends` makes a cycle" in _stderr(proc)


@pytest.mark.slow
def test_twenty_thousand_exclude_patterns(tmp_path: Path) -> None:
    """Each pattern was compiled at every use (11 s); the patterns still work."""
    patterns = [f"dir{i}/**/*.yaml" for i in range(20_000)] + ["skipped/"]
    config = "exclude:\n" + "".join(f'  - "{p}"\n' for p in patterns)
    (tmp_path / ".funnelcheck.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    for folder in ("dir19999", "skipped"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "s.yaml").write_text(STRATEGY, encoding="utf-8")
    proc = run_cli("check", ".", "-f", "json", "--as-of", AS_OF, cwd=tmp_path, timeout=GUARD)
    assert [f["file"] for f in json.loads(proc.stdout)["files"]] == ["s.yaml"]


# -- item 14: a file that grows while it is read --------------------------------------------
def _grower(path: Path) -> subprocess.Popen[bytes]:
    """Another process appending to `path` as fast as it can, until stopped (cut back to
    the strategy at 1 MB, so that it keeps growing)."""
    code = (
        "import sys\n"
        "size = len(open(sys.argv[1], 'rb').read())\n"
        "with open(sys.argv[1], 'ab') as fh:\n"
        "    while True:\n"
        "        fh.write(b'# more\\n' * 100); fh.flush()\n"
        "        if fh.tell() > 1_000_000:\n"
        "            fh.truncate(size)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(path)])


def test_a_growing_file_with_a_large_limit_is_read_within_it(tmp_path: Path) -> None:
    """OverflowError in 48 of 60 runs before: the read asked for `limit + 1` bytes at once."""
    from funnelcheck.input.load import InputError, Limits, read_text

    path = tmp_path / "growing.yaml"
    path.write_text(STRATEGY, encoding="utf-8")
    writer = _grower(path)
    try:
        for limit in (10**30, 2**63, 50_000):
            for _ in range(30):
                try:
                    text = read_text(str(path), Limits(max_bytes=limit))
                except InputError as exc:  # only the refusal of a file grown too large
                    assert "over the limit" in exc.message or "grew past" in exc.message
                    assert limit == 50_000
                else:
                    assert text.startswith(STRATEGY) and len(text) <= limit
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.parametrize("limit", [10**30, 2**63, 5_000_000])
def test_a_file_seen_smaller_than_it_is_read_is_read_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """The growth that happens between `stat` and the read, made certain: `stat` reports
    the size the file had before its last 100 KB were appended."""
    from funnelcheck.input.load import InputError, Limits, read_text

    path = tmp_path / "grown.yaml"
    grown = STRATEGY + "# more\n" * 15_000
    path.write_text(grown, encoding="utf-8")
    real_stat = os.stat

    def stat_before_growth(target: object, *args: object, **kwargs: object) -> os.stat_result:
        st = real_stat(target, *args, **kwargs)  # type: ignore[arg-type]
        if str(target) != str(path):
            return st
        fields = list(st)
        fields[6] = len(STRATEGY)  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stat_before_growth)
    assert read_text(str(path), Limits(max_bytes=limit)) == grown
    with pytest.raises(InputError) as refused:
        read_text(str(path), Limits(max_bytes=len(STRATEGY) + 10))
    assert "grew past the limit" in refused.value.message


@pytest.mark.slow
def test_a_growing_file_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "growing.yaml"
    path.write_text(STRATEGY, encoding="utf-8")
    (tmp_path / ".funnelcheck.yaml").write_text(
        "max-file-bytes: 100000000000000000000\n", encoding="utf-8"
    )
    stop = threading.Event()

    def grow() -> None:
        with open(path, "a", encoding="utf-8") as fh:
            while not stop.is_set() and fh.tell() < 20_000_000:
                fh.write("# more\n" * 1000)
                fh.flush()

    writer = threading.Thread(target=grow)
    writer.start()
    try:
        for _ in range(5):
            proc = run_cli("check", "growing.yaml", "-q", "--as-of", AS_OF, cwd=tmp_path)
            assert proc.returncode in (0, 1, 2)
    finally:
        stop.set()
        writer.join()
