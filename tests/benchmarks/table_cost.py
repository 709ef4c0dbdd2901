"""What the table (rich) costs next to `-f json`: issue 13's target, the default run with
the table at most 1.5x the same run with `-f json`, on perf.py's 2,000-file corpus.

    python tests/benchmarks/table_cost.py [--files 2000] [--pairs 5] [--corpus DIR]

Each pair runs `funnelcheck check CORPUS` (the table, written to a file) and
`funnelcheck check -f json CORPUS` one right after the other, so that a busy spell of a
shared machine lands on both; with `--terminal`, a third run draws the table as on a
120-column colour terminal (`--color always`, COLUMNS=120). CPU time (user + system, the
worker processes included: os.wait4 reports what the process and the children it waited
for used) is steadier than wall time on a loaded machine; both are printed, with the
median of each pair's own ratio and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import perf


def timed(
    cmd: list[str], stdout: Path | None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, waited-for children included) of `cmd`."""
    with open(stdout or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {code}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="corpus size (multiple of 100)")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--corpus", help="an existing corpus folder (made by perf.py)")
    parser.add_argument("--terminal", action="store_true", help="also as a colour terminal")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="funnelcheck-table-") as work:
        corpus = Path(args.corpus) if args.corpus else Path(work) / "corpus"
        if not args.corpus:
            print(f"generating {args.files:,} strategies ...", file=sys.stderr)
            perf.write_corpus(corpus, args.files)
        fc = [perf.script("funnelcheck"), "check", "--as-of", perf.AS_OF]
        runs: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "table": ([*fc, str(corpus)], None),
            "json": ([*fc, "-f", "json", str(corpus)], None),
        }
        if args.terminal:
            env = {**os.environ, "COLUMNS": "120"}
            env.pop("NO_COLOR", None)
            runs["table, colour, 120 columns"] = ([*fc, "--color", "always", str(corpus)], env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        loads = [os.getloadavg()[0]]
        for pair in range(args.pairs):
            for name, (cmd, env) in runs.items():
                times[name].append(timed(cmd, Path(work) / "out", env))
                wall, cpu = times[name][-1]
                print(
                    f"  [{pair + 1}/{args.pairs}] {name}: {cpu:.2f} s CPU, {wall:.2f} s wall",
                    file=sys.stderr,
                )
            loads.append(os.getloadavg()[0])
    print(f"command: python tests/benchmarks/table_cost.py {' '.join(sys.argv[1:])}".rstrip())
    print(
        f"{os.cpu_count()} CPUs, load average {min(loads):.1f}-{max(loads):.1f}, {args.pairs} pairs"
    )
    base = times["json"]
    for name, runs_of in times.items():
        cpu = statistics.median(c for _, c in runs_of)
        wall = statistics.median(w for w, _ in runs_of)
        line = f"  {name:<28} CPU {cpu:7.2f} s   wall {wall:7.2f} s"
        if name != "json":
            cpu_ratio = statistics.median(
                c / b for (_, c), (_, b) in zip(runs_of, base, strict=True)
            )
            wall_ratio = statistics.median(
                w / b for (w, _), (b, _) in zip(runs_of, base, strict=True)
            )
            line += f"   vs json: {cpu_ratio:.2f}x CPU, {wall_ratio:.2f}x wall (target <= 1.5x)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
