"""How long `funnelcheck diff` takes, and how many times it parses each side (issue 18).

Run from the repository: `python tests/benchmarks/diff_reads.py [--files 200] [--reps 3]`.

It prints, for the samples' pair (`sample_strategies/history/ledgerline.yaml` against
`sample_strategies/ledgerline.yaml`) and for `diff --git HEAD` in a scratch repository of
`--files` strategies (the samples, each copy with its own problem id and product name, a
quarter of them revised in the working tree):

- the number of YAML parses (`load.load_text` calls) per side read, which should be 1;
- the time of the whole command, in-process after start-up (best of `--reps`).

Figures for the commit message, not assertions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

import funnelcheck.input.load as load  # noqa: E402
from funnelcheck.cli import app  # noqa: E402

AS_OF = "2026-11-22"
SAMPLES = sorted(
    p
    for p in (ROOT / "sample_strategies").glob("*.yaml")
    if p.name != "input-mistakes.yaml"  # an invalid sample: a side of its own kind
)


def counted(run: object) -> tuple[float, int]:
    """(seconds, parses) of one run of `run`."""
    calls = 0
    original = load.load_text

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)  # type: ignore[arg-type]

    # Every module that took `load_text` by name, and the module itself.
    holders = [m for m in list(sys.modules.values()) if getattr(m, "load_text", None) is original]
    for module in holders:
        module.load_text = counting  # type: ignore[attr-defined]
    try:
        start = time.perf_counter()
        run()  # type: ignore[operator]
        return time.perf_counter() - start, calls
    finally:
        for module in holders:
            module.load_text = original  # type: ignore[attr-defined]


def invoke(args: list[str], cwd: Path | None = None) -> None:
    here = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["diff", "--as-of", AS_OF, "-f", "json", *args])
    finally:
        os.chdir(here)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"diff failed ({result.exit_code}): {result.output[-2000:]}")


def best(reps: int, args: list[str], cwd: Path | None = None) -> tuple[float, int]:
    runs = [counted(lambda: invoke(args, cwd)) for _ in range(reps)]
    return min(t for t, _ in runs), runs[0][1]


def scratch_repo(root: Path, files: int) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=b", "-c", "user.email=b@example.com", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    written: list[tuple[Path, str]] = []
    for n in range(files):
        text = texts[n % len(texts)]
        text = text.replace("\n  id: ", f"\n  id: p{n}-", 1)
        path = root / f"team{n // 50}" / f"strategy-{n}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append((path, text))
    git("add", ".")
    git("commit", "-q", "-m", "base")
    for path, text in written[::4]:
        path.write_text(text.replace("reviewed: 20", "reviewed: 19", 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    os.environ["COLUMNS"] = "100"
    pair = [
        str(ROOT / "sample_strategies" / "history" / "ledgerline.yaml"),
        str(ROOT / "sample_strategies" / "ledgerline.yaml"),
    ]
    invoke(pair)  # warm up: imports, rule loading
    seconds, parses = best(args.reps, pair)
    print(f"sample pair: {seconds * 1000:.0f} ms, {parses} parses for 2 sides")
    if shutil.which("git") is None:
        print("git is not installed: the --git figure is not taken")
        return
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        scratch_repo(repo, args.files)
        seconds, parses = best(args.reps, ["--git", "HEAD"], cwd=repo)
        sides = 2 * args.files
        print(
            f"--git HEAD, {args.files} files: {seconds:.2f} s, "
            f"{parses} parses for {sides} sides ({parses / sides:.2f} a side)"
        )


if __name__ == "__main__":
    main()
