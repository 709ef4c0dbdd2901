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


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _by_id(value: Any) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in _items(value):
        key = item.get("id")
        if isinstance(key, str) and key not in out:
            out[key] = item
    return out


def _claims(data: dict[str, Any]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(stage name, claim text, capabilities promised) for every claim."""
    out = []
    for n, stage in enumerate(_items(data.get("stages"))):
        name = stage.get("name")
        where = name if isinstance(name, str) else f"stages[{n}]"
        for claim in _items(stage.get("claims")):
            text = claim.get("text")
            promises = claim.get("promises")
            caps = (
                tuple(p for p in promises if isinstance(p, str))
                if isinstance(promises, list)
                else ()
            )
            if isinstance(text, str):
                out.append((where, text.strip(), caps))
    return out


def _row(kind: str, change: str, where: str, what: str) -> dict[str, str]:
    return {"kind": kind, "change": change, "where": where, "what": what}


def _text_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, str]]:
    """Claims and promises added or removed; capabilities whose status changed (with the
    claims that promise them); plan prices that changed (with the claims that still quote
    the old figure); evidence and assumptions added, removed or changed."""
    from funnelcheck.money import find_amounts, money_from, same_currency

    rows: list[dict[str, str]] = []
    before, after = _claims(old), _claims(new)
    old_claims = Counter((w, t) for w, t, _ in before)
    new_claims = Counter((w, t) for w, t, _ in after)
    for (where, text), n in sorted((new_claims - old_claims).items()):
        rows.extend(_row("claim", "added", where, text) for _ in range(n))
    for (where, text), n in sorted((old_claims - new_claims).items()):
        rows.extend(_row("claim", "removed", where, text) for _ in range(n))
    old_promises = Counter((w, c) for w, _, caps in before for c in caps)
    new_promises = Counter((w, c) for w, _, caps in after for c in caps)
    for (where, cap), _n in sorted((new_promises - old_promises).items()):
        rows.append(_row("promise", "added", where, cap))
    for (where, cap), _n in sorted((old_promises - new_promises).items()):
        rows.append(_row("promise", "removed", where, cap))
    old_caps, new_caps = _by_id(old.get("capabilities")), _by_id(new.get("capabilities"))
    for cap_id in sorted(set(old_caps) | set(new_caps)):
        was, now = old_caps.get(cap_id), new_caps.get(cap_id)
        if was is None or now is None:
            rows.append(_row("capability", "added" if was is None else "removed", cap_id, ""))
            continue
        if was.get("status") != now.get("status"):
            promised_by = sorted({w for w, _, caps in after if cap_id in caps})
            what = f"status {was.get('status')} -> {now.get('status')}"
            if promised_by:
                what += "; promised by " + ", ".join(promised_by)
            rows.append(_row("capability", "changed", cap_id, what))
    old_price = _mapping(old.get("price"))
    new_price = _mapping(new.get("price"))
    old_cur = old_price.get("currency") if isinstance(old_price.get("currency"), str) else None
    new_cur = new_price.get("currency") if isinstance(new_price.get("currency"), str) else None
    old_plans, new_plans = _by_id(old_price.get("plans")), _by_id(new_price.get("plans"))
    for plan_id in sorted(set(old_plans) & set(new_plans)):
        was_m = money_from(old_plans[plan_id], old_cur)
        now_m = money_from(new_plans[plan_id], new_cur)
        if was_m is None or now_m is None or was_m == now_m:
            continue
        quoting = []
        for where, text, _ in after:
            for found in find_amounts(text, new_cur):
                if (
                    found.amount == was_m.amount
                    and same_currency(found.currency, was_m.currency)
                    and found.per in (None, was_m.per)
                ):
                    quoting.append(where)
                    break
        what = f"{was_m.describe()} -> {now_m.describe()}"
        if quoting:
            what += "; still quoted by " + ", ".join(sorted(set(quoting)))
        rows.append(_row("price", "changed", plan_id, what))
    for plan_id in sorted(set(new_plans) - set(old_plans)):
        rows.append(_row("price", "added", plan_id, ""))
    for plan_id in sorted(set(old_plans) - set(new_plans)):
        rows.append(_row("price", "removed", plan_id, ""))
    for kind, key in (("evidence", "evidence"), ("assumption", "assumptions")):
        was_items, now_items = _by_id(old.get(key)), _by_id(new.get(key))
        for item_id in sorted(set(was_items) | set(now_items)):
            was_i, now_i = was_items.get(item_id), now_items.get(item_id)
            if was_i is None or now_i is None:
                rows.append(_row(kind, "added" if was_i is None else "removed", item_id, ""))
            elif was_i != now_i:
                fields = sorted(k for k in set(was_i) | set(now_i) if was_i.get(k) != now_i.get(k))
                what = ", ".join(
                    f"{k} {_shown(was_i.get(k))} -> {_shown(now_i.get(k))}" for k in fields
                )
                rows.append(_row(kind, "changed", item_id, what))
    return rows


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _shown(value: Any) -> str:
    return "(none)" if value is None else str(value)


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
            "details": _text_changes(before.data, after.data)
            if before is not None and after is not None and before.data and after.data
            else [],
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
