"""FC103 on real funnels: false alarms on the aligned files, and planted drops still found.

Run from the repository root:

    python tests/benchmarks/handoff_facets.py [CORPUS_DIR ...]

(by default `tests/realworld` and every `tests/realworld/holdout*` set). It prints two
figures for FC103's handoff verdict (`funnelcheck.model.told`), the same one the rule and
the relay read:

- **Aligned handoffs dropped**: on each aligned file, the handoffs between two stages that
  both tell the problem and pass nothing. Each is an FC103 warning on a file a reviewer reads
  as one story: a false alarm.
- **Planted drops found**: for each such handoff of an aligned file, the later stage is
  rewritten as a drift is written, its texts replaced by "Your <concept>, handled in
  minutes." for the first of the problem's concepts that no stage before it on the path told,
  its claims keeping their `promises`. The share of those handoffs found dropped, by how the
  planted concept stands to the capabilities the two stages promise: `unrelated` (in none
  of their facets: a drop by any reading), `own text` (a concept of a promised capability's
  own text) and `relieved pain` (a concept of a pain one of them relieves). A reviewer
  reads the last two as a facet of what the customer was shown, and FC103 lets them pass
  where the earlier stage promised the capability: those figures say how often.

Not collected by pytest: it prints figures, it does not assert them.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from funnelcheck.model.strategy import Strategy  # noqa: E402
from funnelcheck.model.told import Told, told_of  # noqa: E402

AS_OF = dt.date(2026, 12, 1)
GROUPS = ("unrelated", "own text", "relieved pain")


def corpora(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    base = ROOT / "tests" / "realworld"
    return [base, *sorted(p for p in base.glob("holdout*") if p.is_dir())]


def dropped(told: Told, target: int) -> bool:
    """Whether a handoff into `target` from a stage that tells the problem passes nothing."""
    return any(
        h.target == target and not h.passed and told.stages[h.source].count for h in told.handoffs
    )


def heard_before(told: Told) -> dict[int, set[str]]:
    """What each telling stage and every stage before it on its path told."""
    into: dict[int, list[int]] = {}
    for h in told.handoffs:
        into.setdefault(h.target, []).append(h.source)
    heard: dict[int, set[str]] = {}
    for index in sorted(told.stages):
        found = set(told.stages[index].carries)
        for source in into.get(index, ()):
            found |= heard.get(source, set())
        heard[index] = found
    return heard


def group_of(strategy: Strategy, stages: tuple[int, ...], concept: str) -> str:
    """How a planted concept stands to the capabilities the stages' claims promise."""
    promised = {
        capability_id
        for path, capability_id in strategy.promises()
        if isinstance(path[1], int) and path[1] in stages
    }
    pains = {
        p.get("id"): p.get("text")
        for p in strategy.problem.get("pains") or []
        if isinstance(p, dict) and isinstance(p.get("text"), str)
    }
    story = strategy.story
    group = "unrelated"
    for capability_id in promised:
        capability = strategy.capabilities.get(capability_id) or {}
        text = capability.get("text")
        if isinstance(text, str) and concept in story.concepts_in(text):
            return "own text"
        for pain_id in capability.get("relieves") or []:
            pain = pains.get(pain_id) if isinstance(pain_id, str) else None
            if pain is not None and concept in story.concepts_in(pain):
                group = "relieved pain"
    return group


def plant(data: dict[str, Any], index: int, concept: str) -> dict[str, Any]:
    planted = copy.deepcopy(data)
    stage = planted["stages"][index]
    text = f"Your {concept}, handled in minutes."
    if "pitch" in stage:
        stage["pitch"] = text
    for claim in stage.get("claims") or []:
        if isinstance(claim, dict):
            claim["text"] = text
    return planted


def main() -> None:
    total_alarms = 0
    found: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    for corpus in corpora(sys.argv[1:]):
        alarms: list[str] = []
        files = sorted(corpus.glob("*.yaml"))
        for path in files:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            strategy = Strategy(file=str(path), data=data, as_of=AS_OF)
            told = told_of(strategy)
            heard = heard_before(told)
            for h in told.handoffs:
                a, b = h.source, h.target
                if not told.stages[a].count or not told.stages[b].count:
                    continue
                if not h.passed:
                    alarms.append(f"{path.stem} stages[{b}]")
                fresh = [k for k in strategy.story.keys if k not in heard[a]]
                if not fresh:
                    continue
                drifted = Strategy(file=str(path), data=plant(data, b, fresh[0]), as_of=AS_OF)
                after = told_of(drifted)
                if b not in after.stages or not after.stages[b].count:
                    continue  # the plant carries nothing: FC101's, not a handoff drop
                group = group_of(strategy, (a, b), fresh[0])
                planted[group] += 1
                found[group] += dropped(after, b)
        total_alarms += len(alarms)
        shown = f": {', '.join(alarms)}" if alarms else ""
        print(f"{corpus}: {len(alarms)} aligned handoffs dropped on {len(files)} files{shown}")
    print(f"aligned handoffs dropped (FC103 false alarms), all sets: {total_alarms}")
    all_found, all_planted = sum(found.values()), sum(planted.values())
    print(f"planted drops found: {all_found}/{all_planted}")
    for group in GROUPS:
        if planted[group]:
            print(f"  {group:14} {found[group]}/{planted[group]}")


if __name__ == "__main__":
    main()
