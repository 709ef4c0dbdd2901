"""What a revision did to the story: two checked sides in, plain data out (`funnelcheck diff`).

A side is one strategy file as checked: its name, its `FileResult` and its data. Strategies
are paired by the name they are shown under, then what is left by `problem.id` (a rename);
the rest were added or removed. Findings are matched by `findings.fingerprint` (file, code,
path and the text concerned, never the line), the identity baselines and SARIF use: the
older side's findings are fingerprinted under the newer side's file name, so a moved block
or a renamed file is neither introduced nor resolved.

Nothing here reads files, prints or sets an exit code: the CLI reads the sides, checks them
with one checker (one configuration, one `--as-of`) and hands them here; the reporters in
`reporters/diff.py` render the result.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from funnelcheck.findings import FileResult, Finding, Relay, Severity, fingerprint

#: The version of the diff's JSON shape (schemas/diff.schema.json).
DIFF_VERSION = 1


@dataclass(frozen=True)
class Side:
    """One strategy file on one side of the diff."""

    #: The name the file is paired by and findings are fingerprinted under (a path in the
    #: working tree for `--git`; the path given otherwise).
    name: str
    #: How the file is shown (`REV:path` for a file read from git).
    shown: str
    result: FileResult
    #: The loaded strategy (None when it could not be loaded or is not a mapping).
    data: dict[str, Any] | None


def _problem_id(side: Side) -> str | None:
    problem = (side.data or {}).get("problem")
    pid = problem.get("id") if isinstance(problem, dict) else None
    return pid if isinstance(pid, str) and pid else None


def pair(old: Sequence[Side], new: Sequence[Side]) -> list[tuple[Side | None, Side | None, str]]:
    """Pair the sides: by name, then by `problem.id` (renamed); (old, new, status)."""
    by_name = {s.name: s for s in old}
    pairs: list[tuple[Side | None, Side | None, str]] = []
    unmatched_new: list[Side] = []
    used: set[str] = set()
    for side in new:
        before = by_name.get(side.name)
        if before is not None and side.name not in used:
            used.add(side.name)
            pairs.append((before, side, "changed"))
        else:
            unmatched_new.append(side)
    left = [s for s in old if s.name not in used]
    by_id: dict[str, list[Side]] = {}
    for s in left:
        pid = _problem_id(s)
        if pid is not None:
            by_id.setdefault(pid, []).append(s)
    taken: set[int] = set()
    for side in unmatched_new:
        candidates = [s for s in by_id.get(_problem_id(side) or "", []) if id(s) not in taken]
        if candidates:
            taken.add(id(candidates[0]))
            pairs.append((candidates[0], side, "renamed"))
        else:
            pairs.append((None, side, "added"))
    for s in left:
        if id(s) not in taken:
            pairs.append((s, None, "removed"))
    return pairs


def _identity(finding: Finding, name: str) -> str:
    """The finding's fingerprint as if it were in the file `name`."""
    if finding.location.file != name:
        finding = dataclasses.replace(
            finding, location=dataclasses.replace(finding.location, file=name)
        )
    return fingerprint(finding)


def _finding(f: Finding, shown: str) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": f.message,
        "file": shown,
        "line": f.location.line,
        "column": f.location.column,
        "path": f.location.path,
        "stage": f.location.stage,
    }


def _changed_findings(
    old: Side | None, new: Side | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(introduced, resolved): findings of one side with no match of the same identity."""
    name = new.name if new is not None else old.name if old is not None else ""
    before = old.result.findings if old is not None else []
    after = new.result.findings if new is not None else []
    old_keys = Counter(_identity(f, name) for f in before)
    new_keys = Counter(_identity(f, name) for f in after)
    introduced: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for f in after:
        key = _identity(f, name)
        seen[key] += 1
        if seen[key] > old_keys[key]:
            introduced.append(_finding(f, new.shown if new is not None else ""))
    resolved: list[dict[str, Any]] = []
    seen = Counter()
    for f in before:
        key = _identity(f, name)
        seen[key] += 1
        if seen[key] > new_keys[key]:
            resolved.append(_finding(f, old.shown if old is not None else ""))
    return introduced, resolved


def _stage_key(relay_stage: Any) -> str:
    return str(relay_stage.name)


def _story(
    old: Relay | None, new: Relay | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per stage the problem's concepts gained and lost; handoffs newly dropped or mended.

    Stages are matched by name; a handoff by the names of the stages on either end (and the
    path it is on, in a funnel that branches). A handoff is dropped when it no longer holds
    (or is new and does not hold), mended when it holds now and did not before.
    """
    if old is None or new is None:
        return [], []
    before = {_stage_key(s): s for s in old.stages}
    stages: list[dict[str, Any]] = []
    for s in new.stages:
        prior = before.get(_stage_key(s))
        if prior is None:
            continue
        gained = sorted(set(s.carries) - set(prior.carries))
        lost = sorted(set(prior.carries) - set(s.carries))
        if gained or lost:
            stages.append({"stage": s.name, "gained": gained, "lost": lost})

    def handoffs(relay: Relay) -> dict[tuple[str, str], bool]:
        names = {s.index: s.name for s in relay.stages}
        out: dict[tuple[str, str], bool] = {}
        for h in relay.handoffs:
            key = (names.get(h.source, str(h.source)), names.get(h.target, str(h.target)))
            out[key] = out.get(key, True) and h.held
        return out

    was, now = handoffs(old), handoffs(new)
    changes: list[dict[str, Any]] = []
    for (source, target), held in now.items():
        prior_held = was.get((source, target))
        if prior_held is None and held:
            continue
        if held and prior_held is False:
            changes.append({"from": source, "to": target, "change": "mended"})
        elif not held and prior_held is not False:
            changes.append({"from": source, "to": target, "change": "dropped"})
    return stages, changes


def _reviewed(old: Side | None, new: Side | None) -> dict[str, Any] | None:
    def of(side: Side | None) -> str | None:
        value = (side.data or {}).get("reviewed") if side is not None else None
        return None if value is None else str(value)

    before, after = of(old), of(new)
    if old is None or new is None or before == after:
        return None
    return {"old": before, "new": after}


def compare(
    old: Sequence[Side],
    new: Sequence[Side],
    *,
    old_label: str,
    new_label: str,
    as_of: str,
    version: str,
) -> dict[str, Any]:
    """The diff of two sets of checked strategies, as plain data (the JSON report's shape)."""
    strategies: list[dict[str, Any]] = []
    totals = {"introduced": dict.fromkeys(("error", "warning", "info"), 0)}
    totals["resolved"] = dict(totals["introduced"])
    for before, after, status in pair(old, new):
        introduced, resolved = _changed_findings(before, after)
        for key, found in (("introduced", introduced), ("resolved", resolved)):
            for f in found:
                totals[key][f["severity"]] += 1
        stages, handoffs = _story(
            before.result.relay if before is not None else None,
            after.result.relay if after is not None else None,
        )
        either = after if after is not None else before
        assert either is not None  # a pair has at least one side
        errors = [s.result.error for s in (before, after) if s is not None and s.result.error]
        entry: dict[str, Any] = {
            "status": status,
            "old": before.shown if before is not None else None,
            "new": after.shown if after is not None else None,
            "problem_id": _problem_id(either),
            "introduced": introduced,
            "resolved": resolved,
            "stages": stages,
            "handoffs": handoffs,
            "details": [],
            "reviewed": _reviewed(before, after),
            "errors": errors,
        }
        quiet = not (introduced or resolved or stages or handoffs or errors)
        if status == "changed" and quiet and _same(before, after):
            entry["status"] = "unchanged"
        strategies.append(entry)
    strategies.sort(key=lambda e: (e["new"] or e["old"] or "", e["old"] or ""))
    return {
        "funnelcheck_diff": DIFF_VERSION,
        "version": version,
        "as_of": as_of,
        "old": old_label,
        "new": new_label,
        "summary": totals,
        "strategies": strategies,
    }


def _same(old: Side | None, new: Side | None) -> bool:
    return old is not None and new is not None and old.data == new.data


def introduces_at(diff: dict[str, Any], level: Severity) -> bool:
    """Whether the diff introduces a finding at or above `level`."""
    counts = diff["summary"]["introduced"]
    return any(n for label, n in counts.items() if Severity.parse(label) >= level)
