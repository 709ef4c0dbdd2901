"""No output of a run replaces what the run reads, or another of its outputs.

Issue 12, item 2: `check s.yaml -f json -o s.yaml` exited 0 with s.yaml now JSON; so did
`-f sarif:s.yaml`, `--write-baseline s.yaml` and an output path that is a symbolic link to
a checked file, and `-f json:r.json -f sarif:link.json` (link.json -> r.json) silently
lost a report. Each is refused with exit 2, naming both, before anything is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import AS_OF, ROOT, cli_env, run_cli

STRATEGY = (ROOT / "sample_strategies" / "ledgerline.yaml").read_bytes()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "s.yaml").write_bytes(STRATEGY)
    (tmp_path / "link.yaml").symlink_to("s.yaml")
    os.link(tmp_path / "s.yaml", tmp_path / "hard.yaml")
    (tmp_path / "r.json").write_text("{}\n")
    (tmp_path / "link.json").symlink_to("r.json")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "t.yaml").write_bytes(STRATEGY)
    return tmp_path


def _state(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


#: (arguments, the two names the message must give)
CLASHES = [
    (["s.yaml", "-f", "json", "-o", "s.yaml"], ("json report s.yaml", "over s.yaml")),
    (["s.yaml", "-o", "s.yaml"], ("table report s.yaml", "over s.yaml")),
    (["s.yaml", "-f", "sarif:s.yaml"], ("sarif report s.yaml", "over s.yaml")),
    (["s.yaml", "--write-baseline", "s.yaml"], ("--write-baseline s.yaml", "over s.yaml")),
    (["s.yaml", "-f", "json", "-o", "link.yaml"], ("json report link.yaml", "over s.yaml")),
    (["s.yaml", "-f", "json", "-o", "hard.yaml"], ("json report hard.yaml", "over s.yaml")),
    (["s.yaml", "-f", "junit:./sub/../s.yaml"], ("junit report", "over s.yaml")),
    (["sub", "-f", "gitlab:sub/t.yaml"], ("gitlab report sub/t.yaml", "over sub/t.yaml")),
    (
        ["s.yaml", "-f", "json:r.json", "-f", "sarif:link.json"],
        ("json report r.json", "sarif report link.json"),
    ),
    (
        ["s.yaml", "-f", "json:x.json", "-f", "sarif:link.yaml"],
        ("sarif report link.yaml", "over s.yaml"),
    ),
    (
        ["s.yaml", "-f", "json:r.json", "--write-baseline", "link.json"],
        ("json report r.json", "--write-baseline link.json"),
    ),
    (["s.yaml", "--baseline", "r.json", "-o", "link.json"], ("link.json", "the baseline r.json")),
    (
        ["s.yaml", "-f", "markdown:.funnelcheck.yaml"],
        ("markdown report .funnelcheck.yaml", "the configuration .funnelcheck.yaml"),
    ),
]


@pytest.mark.parametrize(("args", "names"), CLASHES, ids=lambda v: " ".join(v)[:50])
def test_an_output_over_what_the_run_reads_is_refused_before_anything_is_written(
    work: Path, args: list[str], names: tuple[str, str]
) -> None:
    (work / ".funnelcheck.yaml").write_text("fail-on: error\n")
    before = _state(work)
    proc = run_cli("check", *args, "--as-of", AS_OF, cwd=work)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    for name in names:
        assert name in err, err
    assert _state(work) == before  # nothing written, nothing replaced
    assert not (work / "x.json").exists()
    assert proc.stdout == b""


def test_standard_output_appended_to_a_checked_file_is_refused(work: Path) -> None:
    with open(work / "s.yaml", "ab") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "funnelcheck", "check", "s.yaml", "-f", "json"],
            cwd=work,
            env=cli_env(),
            stdout=out,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert proc.returncode == 2
    assert b"standard output is s.yaml" in proc.stderr
    assert (work / "s.yaml").read_bytes() == STRATEGY


def test_what_is_allowed_still_works(work: Path) -> None:
    # A refresh of the baseline: read, then written whole (the one meant write over a read).
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "--write-baseline", "b.json", cwd=work)
    assert proc.returncode == 1 and (work / "b.json").stat().st_size > 0
    proc = run_cli(
        "check",
        "s.yaml",
        "--as-of",
        AS_OF,
        "--baseline",
        "b.json",
        "--write-baseline",
        "b.json",
        cwd=work,
    )
    assert proc.returncode == 0
    # Two reports into a device lose nothing; reports beside the strategies are fine.
    proc = run_cli(
        "check",
        "s.yaml",
        "--as-of",
        AS_OF,
        "-f",
        "json:/dev/null",
        "-f",
        "sarif:/dev/null",
        "-f",
        "junit:sub/out.xml",
        cwd=work,
    )
    assert proc.returncode == 1
    assert (work / "sub" / "out.xml").stat().st_size > 0
    assert (work / "s.yaml").read_bytes() == STRATEGY
