"""How `funnelcheck diff` tells an edited claim from one removed and another added.

Positives: the hand-written edits of tests/benchmarks/claim_edits.yaml (one claim, old and
new text). Negatives: every pair of two different claims of one strategy in tests/realworld
(with its holdouts) and sample_strategies, aligned files only: what removing one claim and
adding another looks like, among claims that share the product's words and figures.

For each candidate measure it picks the threshold on the tuning half (pairs at even
positions) that misclassifies fewest pairs, and reports the other half (odd positions) at
that threshold: edits recognised, and different claims wrongly paired.

    python tests/benchmarks/claim_edits.py

Exit status is 0 whatever the figures: this script measures, the tests assert.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from funnelcheck.support.similar import text_similarity  # noqa: E402

WORD = re.compile(r"[\w$€£¢.,%]+")


def _words(text: str) -> list[str]:
    return [w.strip(".,").lower() for w in WORD.findall(text) if w.strip(".,")]


def word_sequence(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def shared_words(a: str, b: str) -> float:
    x, y = set(_words(a)), set(_words(b))
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 1.0


def characters(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower(), autojunk=False).ratio()


MEASURES: dict[str, Callable[[str, str], float]] = {
    "funnelcheck (text_similarity)": text_similarity,
    "difflib ratio on words": word_sequence,
    "shared-word share (Dice)": shared_words,
    "difflib ratio on characters": characters,
}


def negatives() -> list[tuple[str, str]]:
    files = sorted((ROOT / "tests" / "realworld").rglob("*.yaml"))
    files += sorted((ROOT / "sample_strategies").glob("*.yaml"))
    out = []
    for path in files:
        if "drifted" in path.parts:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [
            claim["text"]
            for stage in data.get("stages") or []
            for claim in stage.get("claims") or []
            if isinstance(claim, dict) and isinstance(claim.get("text"), str)
        ]
        out += [(a, b) for a, b in combinations(texts, 2) if a.strip() != b.strip()]
    return out


def main() -> int:
    spec = yaml.safe_load((ROOT / "tests" / "benchmarks" / "claim_edits.yaml").read_text())
    positives = [tuple(pair) for pair in spec["edited"]]
    negs = negatives()
    print(f"{len(positives)} edited claims, {len(negs)} pairs of different claims of a strategy")
    print(
        f"{'measure':32} {'threshold':>9} {'tune: edits':>12} {'wrong':>6}"
        f" {'report: edits':>14} {'wrong':>6}"
    )
    for name, measure in MEASURES.items():
        pos = [measure(a, b) for a, b in positives]
        neg = [measure(a, b) for a, b in negs]
        tune_pos, test_pos = pos[0::2], pos[1::2]
        tune_neg, test_neg = neg[0::2], neg[1::2]
        # The middle of the widest run of thresholds with the fewest errors on the tuning half.
        grid = [k / 100 for k in range(101)]
        errors = [sum(p < t for p in tune_pos) + sum(n >= t for n in tune_neg) for t in grid]
        fewest = [t for t, e in zip(grid, errors, strict=True) if e == min(errors)]
        t = fewest[len(fewest) // 2]
        print(
            f"{name:32} {t:9.3f} {sum(p >= t for p in tune_pos):>5}/{len(tune_pos):<6}"
            f" {sum(n >= t for n in tune_neg):>6}"
            f" {sum(p >= t for p in test_pos):>7}/{len(test_pos):<6}"
            f" {sum(n >= t for n in test_neg):>6}"
        )
        if name.startswith("funnelcheck"):
            from funnelcheck.support.similar import EDITED

            print(
                f"{'  at its threshold':32} {EDITED:9.3f}"
                f" {sum(p >= EDITED for p in tune_pos):>5}/{len(tune_pos):<6}"
                f" {sum(n >= EDITED for n in tune_neg):>6}"
                f" {sum(p >= EDITED for p in test_pos):>7}/{len(test_pos):<6}"
                f" {sum(n >= EDITED for n in test_neg):>6}"
            )
            top = sorted(((measure(a, b), a, b) for a, b in negs), reverse=True)[:3]
            for score, a, b in top:
                print(f"    nearest different claims ({score:.2f}): {a[:60]!r} ~ {b[:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
