"""Figures for the bounds funnelcheck puts on what one input file may make it do.

Run from the repository: `python tests/benchmarks/bounds.py`. It prints one line per bound:
the time to refuse an alias bomb, a file over the size limit and very deep nesting, and the
time to check strategies of 1,000 and 10,000 stages and claims (growth should be linear:
ten times the stages, about ten times the time). Timings are the best of a few runs,
in-process, after start-up; they are figures for the README, not assertions.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hostile")]

from hostile_support import BOMB, base_strategy, checker, to_yaml  # noqa: E402

from funnelcheck.discover import Source  # noqa: E402
from funnelcheck.load import PARSER  # noqa: E402


def best_of(runs: int, action: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    the_checker = checker()
    folder = Path(tempfile.mkdtemp(prefix="funnelcheck-bounds-"))

    def check(name: str, text: str | bytes, runs: int = 3) -> tuple[float, Any]:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return best_of(runs, lambda: the_checker.check(Source(str(path), name, True)))

    def codes(result: Any) -> str:
        return ",".join(sorted({f.code for f in result.findings})) or "no finding"

    import yaml

    libyaml = getattr(getattr(yaml, "_yaml", None), "get_version_string", lambda: "absent")()
    print(
        f"funnelcheck bounds ({PARSER} parser, PyYAML {yaml.__version__}, libyaml {libyaml}, "
        f"Python {sys.version.split()[0]})"
    )
    seconds, result = check("bomb.yaml", BOMB)
    print(
        f"alias bomb (10^9 values if expanded): refused in {seconds * 1000:.1f} ms, {codes(result)}"
    )
    big = "funnelcheck: 1\nnotes: |\n" + "  " + "x" * 78 + "\n"
    seconds, result = check("big.yaml", big * (5_000_000 // len(big) + 1))
    print(f"file over 5 MB: refused in {seconds * 1000:.2f} ms, {codes(result)}")
    for depth in (30_000, 100_000):
        text = "funnelcheck: 1\nx: " + "[" * depth + "]" * depth + "\n"
        seconds, result = check(f"deep-flow-{depth}.yaml", text)
        print(f"{depth:,} levels of [: refused in {seconds * 1000:.1f} ms, {codes(result)}")
        seconds, result = check(f"deep-block-{depth}.yaml", "? " * depth + "x\n")
        ms = seconds * 1000
        print(f"{depth:,} levels of block mappings: refused in {ms:.1f} ms, {codes(result)}")
    compare_plain_pyyaml(folder)
    for count in (1_000, 10_000):
        stages = [
            {"name": f"Stage {i}", "role": "marketing", "pitch": "Payouts reconcile."}
            for i in range(count)
        ]
        seconds, result = check(f"stages-{count}.yaml", to_yaml(base_strategy(stages)))
        print(
            f"{count:,} stages: checked in {seconds:.2f} s "
            f"({seconds / count * 1e6:.0f} µs a stage), {len(result.findings)} findings"
        )
    for count in (1_000, 10_000):
        claims = [
            {"text": f"Payouts reconcile against the ledger, claim {i}."} for i in range(count)
        ]
        stage = {"name": "Campaign", "role": "marketing", "claims": claims}
        seconds, result = check(f"claims-{count}.yaml", to_yaml(base_strategy([stage])))
        print(
            f"{count:,} claims: checked in {seconds:.2f} s "
            f"({seconds / count * 1e6:.0f} µs a claim), {len(result.findings)} findings"
        )


def compare_plain_pyyaml(folder: Path) -> None:
    """What the bound saves: plain `yaml.compose` with libyaml on the same nesting (a
    SIGSEGV before libyaml 0.2.5, a ScannerError after)."""
    import signal
    import subprocess

    for depth in (10_000, 30_000):
        path = folder / f"plain-{depth}.yaml"
        path.write_text("x: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
        code = f"import yaml; yaml.compose(open({str(path)!r}), Loader=yaml.CSafeLoader)"
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
        seconds = time.perf_counter() - start
        outcome = (
            f"killed by {signal.Signals(-proc.returncode).name}"
            if proc.returncode < 0
            else f"exit {proc.returncode}"
        )
        if proc.returncode > 0:  # libyaml 0.2.5 and later refuse deep nesting themselves
            outcome += ": " + proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3]
        print(f"  (plain yaml.compose, C loader, {depth:,} levels: {seconds:.1f} s, {outcome})")


if __name__ == "__main__":
    main()
