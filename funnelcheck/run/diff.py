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
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from funnelcheck.findings import FileResult, Finding, Relay, Severity, fingerprint

if TYPE_CHECKING:
    from funnelcheck.model.strategy import Strategy

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
    #: The strategy the check loaded and the rules read (None where the file could not be
    #: read at all): its data, and the views the rules computed (footing, funnel, story).
    strategy: Strategy | None = None
    #: Whether it has the format's shape (the content rules ran on it).
    shaped: bool = False
    #: How far a claim's money may be from a price and still be it (FC302's `tolerance`
    #: for this file).
    tolerance: Decimal = Decimal("0.02")

    @property
    def data(self) -> dict[str, Any] | None:
        """The loaded strategy's data (None when it could not be loaded or is not a mapping)."""
        return self.strategy.data if self.strategy is not None and self.strategy.data else None


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
        gained = sorted(set(s.tells) - set(prior.tells))
        lost = sorted(set(prior.tells) - set(s.tells))
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
        change = _handoff_change(was.get((source, target)), held)
        if change is not None:
            changes.append({"from": source, "to": target, "change": change})
    return stages, changes


#: At most this many paths of a funnel are broken down one by one (each is a walk of the
#: funnel's stages: a bound keeps the diff linear in a file that declares thousands).
MAX_PATHS = 32


@dataclass(frozen=True)
class _Routes:
    """One side's funnel, path by path: the stages each path's leads pass and the handoffs
    between those that say something (a funnel without paths: one route for every path)."""

    names: dict[int, str]
    carries: dict[int, frozenset[str]]
    #: path id -> (stages on the route, the path's own stages, handoffs (source, target)).
    by_path: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...]]]
    #: The whole line, for a path this side does not split off.
    line: tuple[tuple[int, ...], tuple[tuple[int, int], ...]]
    branched: bool

    def route(
        self, path: str
    ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...]]:
        if path in self.by_path:
            return self.by_path[path]
        return self.line[0], (), self.line[1]

    def handoffs(self, pairs: Sequence[tuple[int, int]]) -> dict[tuple[str, str], bool]:
        """By the names on either end, whether each handoff holds (a concept passes)."""
        out: dict[tuple[str, str], bool] = {}
        for a, b in pairs:
            key = (self.names[a], self.names[b])
            out[key] = out.get(key, True) and bool(self.carries[a] & self.carries[b])
        return out


def _declared(side: Side | None) -> list[str] | None:
    """The path ids a side's funnel splits into, in order ([] for one line); None where the
    side's funnel was not read (no relay: the shape is the input findings')."""
    if side is None or side.strategy is None or side.result.relay is None:
        return None
    funnel = side.strategy.funnel
    return [p.id for p in funnel.paths] if funnel.has_lanes else []


def _routes(side: Side, wanted: Sequence[str]) -> _Routes | None:
    """The routes of the `wanted` paths the side declares."""
    if side.strategy is None or side.result.relay is None:
        return None
    relay = side.result.relay
    names = {s.index: s.name for s in relay.stages}
    carries = {s.index: frozenset(s.tells) for s in relay.stages}
    line = (tuple(names), tuple((h.source, h.target) for h in relay.handoffs))
    try:
        funnel = side.strategy.funnel
        branched = funnel.has_lanes
        by_path = {}
        if branched:
            # The stages that tell something: the relay's handoffs pass over the silent
            # ones and those that only state their terms (`RelayStage.price_only`).
            speaking = [s.index for s in relay.stages if s.says_something and not s.price_only]
            known = {p.id for p in funnel.paths}
            for path in wanted:
                if path not in known:
                    continue
                own = tuple(
                    i
                    for block in funnel.blocks
                    for lane in block.lanes
                    if lane.path == path
                    for i in lane.stages
                )
                by_path[path] = (
                    funnel.route(path),
                    own,
                    funnel.route_handoffs(path, speaking),
                )
    except Exception:  # the funnel is FC011's to report; the diff says what it can
        return None
    return _Routes(names, carries, by_path, line, branched)


def _paths(old: Side | None, new: Side | None) -> tuple[list[dict[str, Any]], int]:
    """Per path of a funnel that branches (on either side): the concepts its leads hear
    anywhere on the way gained and lost, its own stages' concepts gained and lost, and the
    handoffs on its route that not every path passes, newly dropped or mended. Paths are
    matched by id; a side without paths is one line every path's leads follow. Returns the
    paths with something to say, and how many paths were not broken down (MAX_PATHS)."""
    old_ids, new_ids = _declared(old), _declared(new)
    if old is None or new is None or old_ids is None or new_ids is None:
        return [], 0
    every = list(dict.fromkeys([*new_ids, *old_ids]))
    if not every:
        return [], 0
    ids = every[:MAX_PATHS]
    was, now = _routes(old, ids), _routes(new, ids)
    if was is None or now is None:
        return [], 0
    left_out = len(every) - len(ids)
    out: list[dict[str, Any]] = []
    for path in ids:
        change = (
            "added"
            if path not in was.by_path
            else "removed"
            if path not in now.by_path
            else "changed"
        )
        if (change == "added" and was.branched) or (change == "removed" and now.branched):
            # Its leads came (or go) another way the other side names: nothing to compare.
            out.append(_path_entry(path, change, [], [], [], []))
            continue
        old_route, _, old_pairs = was.route(path)
        new_route, new_own, new_pairs = now.route(path)

        def heard(routes: _Routes, stages: tuple[int, ...]) -> set[str]:
            return {c for i in stages for c in routes.carries[i]}

        gained = sorted(heard(now, new_route) - heard(was, old_route))
        lost = sorted(heard(was, old_route) - heard(now, new_route))
        before_stage = {was.names[i]: was.carries[i] for i in old_route}
        stages = []
        for i in new_own:
            prior = before_stage.get(now.names[i])
            if prior is None:
                continue
            g, lo = sorted(now.carries[i] - prior), sorted(prior - now.carries[i])
            if g or lo:
                stages.append({"stage": now.names[i], "gained": g, "lost": lo})
        # The handoffs of this path that not every path passes (those are the funnel's).
        shared = None
        if now.branched:
            for other in now.by_path.values():
                keys = set(now.handoffs(other[2]))
                shared = keys if shared is None else shared & keys
        prior_held = was.handoffs(old_pairs)
        handoffs = []
        for (source, target), held in now.handoffs(new_pairs).items():
            if shared is not None and (source, target) in shared and len(now.by_path) > 1:
                continue
            moved = _handoff_change(prior_held.get((source, target)), held)
            if moved is not None:
                handoffs.append({"from": source, "to": target, "change": moved})
        if change != "changed" or gained or lost or stages or handoffs:
            out.append(_path_entry(path, change, gained, lost, stages, handoffs))
    return out, left_out


def _path_entry(
    path: str,
    change: str,
    gained: list[str],
    lost: list[str],
    stages: list[dict[str, Any]],
    handoffs: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "path": path,
        "change": change,
        "gained": gained,
        "lost": lost,
        "stages": stages,
        "handoffs": handoffs,
    }


def _handoff_change(prior: bool | None, held: bool) -> str | None:
    """Dropped: no longer holds (or is new and does not); mended: holds now, did not before."""
    if held and prior is False:
        return "mended"
    if not held and prior is not False:
        return "dropped"
    return None


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


def _pitches(data: dict[str, Any]) -> dict[str, str]:
    """Each stage's pitch, by the stage's name (its place where it has none)."""
    out: dict[str, str] = {}
    for n, stage in enumerate(_items(data.get("stages"))):
        name = stage.get("name")
        where = name if isinstance(name, str) else f"stages[{n}]"
        pitch = stage.get("pitch")
        if isinstance(pitch, str) and pitch.strip() and where not in out:
            out[where] = pitch.strip()
    return out


def _pitch_rows(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """A stage's pitch added, removed or rewritten (old -> new): what the stage now says,
    beside what that did to its story (the stage rows)."""
    was, now = _pitches(old), _pitches(new)
    rows: list[dict[str, Any]] = []
    for where in sorted(set(was) | set(now)):
        before, after = was.get(where), now.get(where)
        if before == after:
            continue
        if before is None:
            rows.append({**_row("pitch", "added", where, str(after)), "old": None, "new": after})
        elif after is None:
            rows.append({**_row("pitch", "removed", where, before), "old": before, "new": None})
        else:
            what = f"{before} -> {after}"
            rows.append({**_row("pitch", "changed", where, what), "old": before, "new": after})
    return rows


def _claim_rows(
    before: list[tuple[str, str, tuple[str, ...]]], after: list[tuple[str, str, tuple[str, ...]]]
) -> list[dict[str, Any]]:
    """Claims added, removed, and changed: a claim of one stage whose text was edited (alike,
    `_edited`) is one row `changed` with its old and new text, not one added and one removed."""
    old_claims = Counter((w, t) for w, t, _ in before)
    new_claims = Counter((w, t) for w, t, _ in after)
    added = [key for key, n in sorted((new_claims - old_claims).items()) for _ in range(n)]
    removed = [key for key, n in sorted((old_claims - new_claims).items()) for _ in range(n)]
    edited = _edited(removed, added)
    paired_old = {i for i, _ in edited}
    paired_new = {j for _, j in edited}
    rows = [
        _row("claim", "added", where, text)
        for j, (where, text) in enumerate(added)
        if j not in paired_new
    ]
    rows += [
        _row("claim", "removed", where, text)
        for i, (where, text) in enumerate(removed)
        if i not in paired_old
    ]
    for i, j in sorted(edited):
        (where, old_text), (_, new_text) = removed[i], added[j]
        what = f"{old_text} -> {new_text}"
        rows.append({**_row("claim", "changed", where, what), "old": old_text, "new": new_text})
    return rows


def _edited(removed: list[tuple[str, str]], added: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The claims edited rather than removed and added: (index in `removed`, index in
    `added`) pairs of one stage whose texts are alike (`similar.EDITED`), each claim in one
    pair at most, the most alike first (ties: the first written). A claim moved to another
    stage, or rewritten beyond recognition, stays removed and added."""
    from funnelcheck.support.similar import EDITED, text_similarity

    candidates = []
    for i, (was_where, was) in enumerate(removed):
        for j, (now_where, now) in enumerate(added):
            if was_where == now_where:
                score = text_similarity(was, now)
                if score >= EDITED:
                    candidates.append((-score, i, j))
    pairs: list[tuple[int, int]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return pairs


def _row(kind: str, change: str, where: str, what: str) -> dict[str, Any]:
    return {"kind": kind, "change": change, "where": where, "what": what}


def _text_changes(
    old: dict[str, Any], new: dict[str, Any], prices: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Claims and promises added or removed; capabilities whose status changed (with the
    claims that promise them); prices that moved and the claims that still quote the old
    one (`prices`, from `_price_rows`); evidence and assumptions added, removed or changed."""
    rows: list[dict[str, Any]] = []
    before, after = _claims(old), _claims(new)
    rows.extend(_pitch_rows(old, new))
    rows.extend(_claim_rows(before, after))
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
    rows.extend(prices)
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


def _price_rows(old: Side, new: Side) -> list[dict[str, Any]]:
    """Every price that moved, on the one footing, and the claims whose money the old price
    explained and the new does not.

    A side the schema refuses is still read as far as it can be (the footing passes over
    what it cannot price). Should the reading fail, the plans added and removed are said,
    and why the rest is not."""
    try:
        assert old.strategy is not None and new.strategy is not None  # both were loaded
        return _priced(old, new, old.strategy, new.strategy)
    except Exception as exc:
        if os.environ.get("FUNNELCHECK_DEBUG"):
            raise
        why = (
            "a bug in funnelcheck: please report it (FUNNELCHECK_DEBUG=1 shows the traceback)"
            if old.shaped and new.shaped
            else "a side does not have the format's shape: see its input findings"
        )
        rows = _plans_added_removed(old.data or {}, new.data or {})
        rows.append(
            _row("price", "changed", "price", f"not compared ({type(exc).__name__}): {why}")
        )
        return rows


def _plans_added_removed(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    old_plans = _by_id(_mapping(old.get("price")).get("plans"))
    new_plans = _by_id(_mapping(new.get("price")).get("plans"))
    rows = [_row("price", "added", p, "") for p in sorted(set(new_plans) - set(old_plans))]
    rows += [_row("price", "removed", p, "") for p in sorted(set(old_plans) - set(new_plans))]
    return rows


def _priced(old: Side, new: Side, was: Strategy, now: Strategy) -> list[dict[str, Any]]:
    from funnelcheck.run.diff_price import outdated_claims, price_changes

    rows: list[dict[str, Any]] = []
    for change in price_changes(was, now):
        if change.change == "changed":
            what = f"{change.old} -> {change.new}"
        else:
            what = (change.new if change.change == "added" else change.old) or ""
        row = _row("price", change.change, change.where, what)
        rows.append({**row, "old": change.old, "new": change.new})
    for claim in outdated_claims(was, now, old.tolerance, new.tolerance):
        today = f"now {claim.now}" if claim.now is not None else "gone now"
        what = f"quotes {claim.written}, the old {claim.what} ({claim.was}; {today})"
        what += f': "{_clip(claim.text)}"'
        rows.append(
            {**_row("claim", "outdated", claim.stage, what), "old": claim.was, "new": claim.now}
        )
    return rows


def _clip(text: str, most: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


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
        paths, paths_left_out = _paths(before, after)
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
            "paths": paths,
            "details": _text_changes(before.data, after.data, _price_rows(before, after))
            if before is not None and after is not None and before.data and after.data
            else [],
            "reviewed": _reviewed(before, after),
            "errors": errors,
        }
        if paths_left_out:
            entry["paths_left_out"] = paths_left_out
        quiet = not (introduced or resolved or stages or handoffs or paths or errors)
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
