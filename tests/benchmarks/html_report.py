"""Issue 19: writing the HTML report for 200 strategies costs at most as much as checking them.

    python tests/benchmarks/html_report.py

Copies the samples 25 times (200 files) into a temporary folder, then times `check -f json`
and `check -f json -f html:FILE` (each best of three) and prints both, and the HTML's share.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def best(args: list[str]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "funnelcheck", *args], capture_output=True, check=False
        )
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "strategies"
        folder.mkdir()
        for n in range(25):
            for sample in sorted((ROOT / "sample_strategies").glob("*.yaml")):
                shutil.copy(sample, folder / f"{sample.stem}-{n}.yaml")
        count = len(list(folder.glob("*.yaml")))
        base = ["check", str(folder), "--jobs", "1", "-f", f"json:{tmp}/r.json"]
        checked = best(base)
        both = best([*base, "-f", f"html:{tmp}/r.html"])
        size = (Path(tmp) / "r.html").stat().st_size
        print(f"{count} strategies: check (json) {checked:.2f} s; check + html {both:.2f} s")
        print(f"writing the html ({size:,} bytes) costs {both - checked:.2f} s")


if __name__ == "__main__":
    main()
