"""Where funnelcheck's time goes: read, parse, validate, rules (each rule), locate, report.

Run from anywhere: `python tests/benchmarks/phases.py` (a generated corpus of 2,000
strategies, as `perf.py` makes them) or `python tests/benchmarks/phases.py PATH...`.

It runs the real engine (`--jobs 1`, every rule on) in this process with timers wrapped
around its steps, and prints each step's exclusive time (a step's time without the steps
it calls), its share, and its cost per file; then the ten slowest rules. The story
analysis (`Strategy.story`, shared by the FC1xx rules and the relay) is its own line, so
that it is not charged to whichever rule happens to ask for it first. "engine: the rest"
is what `Checker.check` does around the steps: configuration look-up, placing findings
at their line and column, suppressions, the relay view.

The timers add a little overhead of their own (about a microsecond per call), so the total
is slightly above an untimed run's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import perf

#: Exclusive seconds per step.
SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
#: Time spent in timed steps called from the step running now, one entry per open step.
_NESTED: list[float] = []


def timed(name: str, fn: Callable[..., Any], consume: bool = False) -> Callable[..., Any]:
    """`fn`, charging its exclusive time to `name` (a generator's when `consume`)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        _NESTED.append(0.0)
        try:
            result = fn(*args, **kwargs)
            return list(result) if consume else result
        finally:
            inner = _NESTED.pop()
            spent = time.perf_counter() - start
            SPENT[name] += spent - inner
            CALLS[name] += 1
            if _NESTED:
                _NESTED[-1] += spent

    return wrapper


def profile(paths: Sequence[str], as_of: dt.date) -> int:
    start = time.perf_counter()
    import funnelcheck.input.load as load
    import funnelcheck.input.validate as schema
    import funnelcheck.language.story as story
    import funnelcheck.run.engine as engine
    from funnelcheck.cli import _collect_garbage_rarely
    from funnelcheck.config import Overrides
    from funnelcheck.input.discover import discover
    from funnelcheck.reporters import RenderContext, get_reporter

    imports = time.perf_counter() - start

    start = time.perf_counter()
    checker = engine.make_checker(None, Overrides(), True, as_of)
    found = discover(list(paths))
    setup = time.perf_counter() - start
    print(f"one-time: imports {imports:.3f} s, rules and configuration {setup:.3f} s")

    load.read_text = timed("read: bytes -> text", load.read_text)
    load.load_text = timed("parse: text -> data + locations", load.load_text)
    schema.validate = timed("validate: JSON Schema", schema.validate)
    story.analyse = timed("story analysis (shared by FC1xx)", story.analyse)
    for code, rule_cls in checker.rules.items():
        rule = checker.rule(code)
        rule.check = timed(f"rule {code} {rule_cls.name}", rule.check, consume=True)  # type: ignore[method-assign]
    check = timed("engine: the rest", checker.check)

    if not found.sources:
        print("no strategy found in the paths given", file=sys.stderr)
        return 1
    # The collector as `funnelcheck check` sets it, and the time it takes (inside the
    # phases below, also shown on its own).
    _collect_garbage_rarely()
    collecting = [0.0, 0.0]

    def collector(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting[1] = time.perf_counter()
        else:
            collecting[0] += time.perf_counter() - collecting[1]

    gc.callbacks.append(collector)
    start = time.perf_counter()
    results = [r for r in (check(source) for source in found.sources) if r is not None]
    checking = time.perf_counter() - start

    report = timed("report: build (results to the spool)", engine.build_report)(results, checker)
    for name in ("json", "table"):
        reporter = get_reporter(name)
        timed(f"report: render {name}", reporter.render)(report, RenderContext(width=120))

    files = len(found.sources)
    findings = sum(len(r.findings) for r in results)
    print(f"{files:,} files, {findings:,} findings; checking took {checking:.2f} s")
    print(f"cycle collector, inside the phases: {collecting[0]:.3f} s\n")
    gc.callbacks.remove(collector)
    total = sum(SPENT.values())
    rules = {k: v for k, v in SPENT.items() if k.startswith("rule ")}
    phases = {k: v for k, v in SPENT.items() if not k.startswith("rule ")}
    phases["rules (all)"] = sum(rules.values())
    print(f"{'phase':<40} {'seconds':>9} {'share':>7} {'ms/file':>9}")
    for name, seconds in sorted(phases.items(), key=lambda kv: -kv[1]):
        print(f"{name:<40} {seconds:9.3f} {seconds / total:7.1%} {1000 * seconds / files:9.3f}")
    print(f"{'total':<40} {total:9.3f} {1:7.1%} {1000 * total / files:9.3f}\n")
    print(f"{'slowest rules':<40} {'seconds':>9} {'share':>7} {'ms/file':>9}")
    for name, seconds in sorted(rules.items(), key=lambda kv: -kv[1])[:10]:
        print(f"{name:<40} {seconds:9.3f} {seconds / total:7.1%} {1000 * seconds / files:9.3f}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="strategies to profile (default: generated)")
    parser.add_argument("--files", type=int, default=2000, help="generated corpus size")
    parser.add_argument("--as-of", default=perf.AS_OF)
    args = parser.parse_args(argv)
    as_of = dt.date.fromisoformat(args.as_of)
    if args.paths:
        return profile(args.paths, as_of)
    work = Path(tempfile.mkdtemp(prefix="funnelcheck-phases-"))
    try:
        parts = perf.write_corpus(work, args.files)
        return profile([str(p) for p in parts], as_of)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
