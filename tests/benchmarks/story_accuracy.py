"""How often the story rules' stage verdict agrees with a reader, on labelled pairs.

Run from the repository root:

    python tests/benchmarks/story_accuracy.py [--pairs tests/benchmarks/story_pairs.yaml]
        [--drift tests/benchmarks/story_drift.yaml] [--show-validation]

It reports three sets: the 54 pairs of `story_pairs.yaml` (FC104's default was set on them),
and the two fixed halves of `story_drift.yaml` (issue 15: honest paraphrases, lexical
matches, keyword-sharing drift and off-topic claims over 14 businesses): the tuning half,
on which options and word lists may be tuned, and the validation half, which is only ever
reported. The validation half's misclassified claims are not listed unless asked
(`--show-validation`), so that nobody tunes on them by accident.

Each pair of `story_pairs.yaml` (a business's problem and terms, one claim, and a reader's
label: does the claim tell the problem's story?) becomes a small strategy: the problem, the
value proposition and capabilities the business gives, an opening stage that states the
value proposition, and a second stage that makes the claim. The verdict on that second
stage is FC101's with its default options (off the problem when a finding is given); the
script prints its accuracy, the confusion counts, the accuracy by kind of pair and every
pair it gets wrong. For comparison it also prints the verdict of FC101 or FC104 together
(a drop when either fires, as the relay table shows it) and FC104's foreign share by label.

Not collected by pytest: it prints figures, it does not assert them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from funnelcheck.language.story import STOPWORDS, foreign_words, tokens  # noqa: E402
from funnelcheck.model.strategy import Strategy  # noqa: E402
from funnelcheck.rules.story.foreign_story import ForeignStory  # noqa: E402
from funnelcheck.rules.story.foreign_story import Options as ForeignOptions  # noqa: E402
from funnelcheck.rules.story.stage_off_problem import Options as StageOptions  # noqa: E402
from funnelcheck.rules.story.stage_off_problem import StageOffProblem  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
JUDGED = 1  # the stage index that makes the claim


def strategy_for(business: dict[str, Any], claim: str) -> Strategy:
    capabilities = [
        {"id": f"capability-{i + 1}", "text": text, "status": "shipped"}
        for i, text in enumerate(business.get("capabilities", []))
    ]
    data = {
        "funnelcheck": 1,
        "product": {"name": "Product"},
        "reviewed": "2026-11-01",
        "problem": {
            "id": "problem",
            "statement": business["problem"],
            "terms": business["terms"],
            **({"pains": [{"text": t} for t in business["pains"]]} if "pains" in business else {}),
        },
        "segment": {"name": business.get("segment", "Customers")},
        "value_proposition": {"statement": business["value_proposition"]},
        "capabilities": capabilities,
        "price": {"plans": [{"id": "plan", "amount": 100, "per": "month"}]},
        "stages": [
            {"name": "Campaign", "role": "marketing", "pitch": business["value_proposition"]},
            {"name": "Judged stage", "role": "sales", "claims": [{"text": claim}]},
        ],
    }
    return Strategy(file=business["name"], data=data, as_of=AS_OF)


def flagged(rule_issues: list[Any]) -> bool:
    return any(issue.path == ("stages", JUDGED) for issue in rule_issues)


def cell(aligned: bool, drop: bool) -> str:
    """Where one verdict falls in the confusion table (a drop is the positive class)."""
    if aligned:
        return "false alarm" if drop else "held, correctly"
    return "drop caught" if drop else "drop missed"


def shared_words(statement: str, claim: str) -> set[str]:
    """Content words written identically in both texts (a paraphrase must have none)."""

    def words(text: str) -> set[str]:
        return {t for t in tokens(text) if t not in STOPWORDS and "-" not in t}

    return words(statement) & words(claim)


def evaluate(title: str, businesses: list[dict[str, Any]], show_wrong: bool) -> None:
    """Print the verdicts' agreement with the labels on one set of businesses."""
    fc101, fc104 = StageOffProblem(), ForeignStory()
    stage_options, foreign_options = StageOptions(), ForeignOptions()
    confusion: Counter[str] = Counter()
    combined_confusion: Counter[str] = Counter()
    by_kind: dict[str, list[bool]] = defaultdict(list)
    combined_by_kind: dict[str, list[bool]] = defaultdict(list)
    wrong: list[str] = []
    shares: dict[bool, list[float]] = {True: [], False: []}
    #: (aligned, FC101 fired, FC104's share) per pair: for the threshold sweep.
    verdicts: list[tuple[bool, bool, float]] = []
    data_faults: list[str] = []
    total = 0
    for business in businesses:
        for pair in business["pairs"]:
            total += 1
            claim, aligned, kind = pair["claim"], bool(pair["aligned"]), pair["kind"]
            if kind == "paraphrase" and (common := shared_words(business["problem"], claim)):
                data_faults.append(f"{business['name']}: {claim!r} shares {sorted(common)}")
            strategy = strategy_for(business, claim)
            off = flagged(list(fc101.check(strategy, stage_options)))
            foreign = flagged(list(fc104.check(strategy, foreign_options)))
            counted, words = foreign_words(strategy.story, [claim])
            share = len(words) / counted if counted else 0.0
            shares[aligned].append(share)
            verdicts.append((aligned, off, share))
            confusion[cell(aligned, off)] += 1
            combined_confusion[cell(aligned, off or foreign)] += 1
            by_kind[kind].append(off != aligned)
            combined_by_kind[kind].append((off or foreign) != aligned)
            if (off or foreign) == aligned:
                carries = strategy.story.stages[JUDGED].carries
                verdict = "FC101" if off else ("FC104" if foreign else "nothing")
                wrong.append(
                    f"  [{business['name']} / {kind}] aligned={aligned}: {claim!r}\n"
                    f"      {verdict} fires (carries: {', '.join(carries) or 'nothing'};"
                    f" foreign share {share:.2f})"
                )

    def accuracy(table: Counter[str]) -> float:
        return (table["held, correctly"] + table["drop caught"]) / total

    print(f"== {title}: {total} labelled claims across {len(businesses)} businesses")
    print(
        "Stage verdict (a drop when FC101 or FC104 fires, as the relay shows it), default "
        f"options: accuracy {accuracy(combined_confusion):.3f}"
    )
    for name in ("drop caught", "drop missed", "held, correctly", "false alarm"):
        print(f"  {name:16} {combined_confusion[name]}")
    print("  by kind of claim:")
    for kind, results in sorted(combined_by_kind.items()):
        print(f"    {kind:17} {sum(results)}/{len(results)}")
    print(
        f"FC101 alone (min_concepts={stage_options.min_concepts}): "
        f"accuracy {accuracy(confusion):.3f}"
    )
    for name in ("drop caught", "drop missed", "held, correctly", "false alarm"):
        print(f"  {name:16} {confusion[name]}")
    print("  by kind of claim:")
    for kind, results in sorted(by_kind.items()):
        print(f"    {kind:17} {sum(results)}/{len(results)}")
    if show_wrong:
        print("  misclassified (stage verdict):" if wrong else "  misclassified: none")
        for line in wrong:
            print(line)
    for label in (True, False):
        values = sorted(shares[label])
        if values:
            print(
                f"FC104 foreign share of {'aligned' if label else 'drifted'} claims: "
                f"min {values[0]:.2f}, median {values[len(values) // 2]:.2f}, "
                f"max {values[-1]:.2f}"
            )
    print(
        "FC101 or FC104 by FC104's threshold "
        f"(default max_foreign_share={foreign_options.max_foreign_share}):"
    )
    for tenths in range(4, 10):
        limit = tenths / 10
        agree = sum((off or share > limit) != aligned for aligned, off, share in verdicts)
        print(f"  max_foreign_share {limit:.1f}: accuracy {agree / total:.3f}")
    if data_faults:
        print("data faults (a paraphrase must share no word with the statement):")
        for fault in data_faults:
            print("  " + fault)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).parent
    parser.add_argument("--pairs", default=str(here / "story_pairs.yaml"))
    parser.add_argument("--drift", default=str(here / "story_drift.yaml"))
    parser.add_argument(
        "--show-validation",
        action="store_true",
        help="List the validation half's misclassified claims too (never tune on them).",
    )
    args = parser.parse_args()
    pairs = yaml.safe_load(Path(args.pairs).read_text(encoding="utf-8"))["businesses"]
    drift = yaml.safe_load(Path(args.drift).read_text(encoding="utf-8"))["businesses"]
    evaluate(f"existing pairs ({args.pairs})", pairs, show_wrong=True)
    tuning = [b for b in drift if b["split"] == "tuning"]
    validation = [b for b in drift if b["split"] == "validation"]
    evaluate(f"tuning half ({args.drift})", tuning, show_wrong=True)
    evaluate(f"validation half ({args.drift})", validation, show_wrong=args.show_validation)


if __name__ == "__main__":
    main()
