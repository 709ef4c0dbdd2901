"""The funnel's shape: which stages hand their entrants to which, along named paths.

A funnel is written as `stages`, first touch first. Most funnels are one line, and then
every stage hands its entrants to the next. Two additions (both optional, both additive to
format 1) let a funnel branch:

- `share` on a stage: only that share of the stage's entrants pass through it; the rest go
  straight on to the next stage (an optional sales call, a partner that skips the trial).
- `path` on a stage, with the paths declared at the top level under `paths` (an id and the
  share of the entrants at the branch who take it): the stage belongs to that path only.
  A run of consecutive path stages is a *branch*; each declared path takes the stages of
  its id in that run, in the order written (a path with none there goes straight through),
  and the paths join again at the next stage that names no path.

The written order stays the funnel's order, so a cycle cannot be written: a stage only
ever hands its entrants to stages written after it.

This module reads plain stage data (mappings) and knows nothing of rules, files or lines:
`Funnel.faults` names what is wrong with the shape by path into the data, and the rule
FC011 reports those; FC502, FC503, FC504 and the story's handoffs read the edges and
routes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cached_property
from typing import Any

#: Stages from the first of these roles on keep customers, they do not win them.
AFTER_THE_SALE = ("retention", "referral")

Path = tuple[str | int, ...]

#: How many earlier stages a skip is traced back to: past this many optional stages in a
#: row (or paths joining at once), the oldest are no longer linked to the stage after.
MAX_TRACED = 32


def exact_number(value: Any) -> Decimal | None:
    """A number as written, exactly: 0.1 is Decimal("0.1"), not the float nearest to it.

    The loader gives floats; `repr` of a float is the shortest text that reads back as the
    same float, which for anything a person types is what they typed. Booleans, text and
    non-finite values (`.inf`, `.nan`) are not numbers here.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    except InvalidOperation:  # pragma: no cover - repr of a float always parses
        return None
    return number if number.is_finite() else None


def decimal_text(value: Decimal) -> str:
    """A figure as written where it is readable (0.35, 1200), in scientific notation where
    it is not (1e-300 rather than three hundred zeros; 4.2e+40)."""
    if value.is_zero() or -7 <= value.adjusted() <= 20:
        return f"{value:f}"
    return f"{value.normalize():e}"


def exact_share(value: Any) -> Decimal | None:
    """A share above 0 and at most 1 as written (a usable conversion, FC501's range, or a
    path's or stage's share); None for anything else."""
    number = exact_number(value)
    if number is None or not 0 < number <= 1:
        return None
    return number


@dataclass(frozen=True)
class DeclaredPath:
    """One entry of `paths`: its id, the share of the entrants at a branch who take it."""

    index: int
    id: str
    share: Decimal | None
    name: str


@dataclass(frozen=True)
class Lane:
    """One path's stages within one branch, in the order written. A declared path with no
    stage in a branch has no lane there: its entrants go straight through."""

    path: str
    stages: tuple[int, ...]


@dataclass(frozen=True)
class Block:
    """A stage every entrant reaches (`trunk`), or a branch of parallel lanes."""

    trunk: int | None = None
    lanes: tuple[Lane, ...] = ()
    #: Whether some declared path has no stage in this branch (its entrants go straight on).
    passes_through: bool = False

    @property
    def stages(self) -> tuple[int, ...]:
        if self.trunk is not None:
            return (self.trunk,)
        return tuple(sorted(i for lane in self.lanes for i in lane.stages))


@dataclass(frozen=True)
class Fault:
    """What is wrong with the funnel's shape: where, what, and the fix."""

    path: Path
    message: str
    related: tuple[Path, ...] = ()
    subject: str = ""


@dataclass(frozen=True)
class Funnel:
    """The funnel's shape, read from `stages` and `paths`."""

    #: The stages by index (mappings only; anything else in `stages` is the schema's).
    stages: Mapping[int, Mapping[str, Any]]
    paths: tuple[DeclaredPath, ...]
    blocks: tuple[Block, ...]
    #: (source, target) stage indices: the source's entrants go on to the target.
    edges: tuple[tuple[int, int], ...]
    faults: tuple[Fault, ...]

    @cached_property
    def yielded(self) -> FunnelYield:
        """`funnel_yield`, worked out once: FC502 and the relay's leads figure both ask."""
        return _funnel_yield(self)

    @property
    def branched(self) -> bool:
        """Whether any stage is on a path or passed by only a share of its entrants."""
        return any(b.trunk is None for b in self.blocks) or any(
            "share" in stage for stage in self.stages.values()
        )

    def handoffs_between(self, speaking: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """The handoffs between stages that say something: from each such stage to the
        first speaking stages its entrants reach, passing through silent ones. In a funnel
        without branches, the pairs of adjacent speaking stages."""
        return _handoffs(self.edges, speaking)

    @property
    def has_lanes(self) -> bool:
        """Whether some stage is on a declared path (the funnel splits into paths)."""
        return any(b.trunk is None for b in self.blocks)

    def route(self, path: str) -> tuple[int, ...]:
        """The stages a lead on `path` passes, in written order: every stage on no path
        (the trunk) and the path's own."""
        out: list[int] = []
        for block in self.blocks:
            if block.trunk is not None:
                out.append(block.trunk)
            else:
                out.extend(i for lane in block.lanes if lane.path == path for i in lane.stages)
        return tuple(out)

    def route_handoffs(self, path: str, speaking: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """`handoffs_between` for the leads on `path` only: along the edges its route takes
        (an edge between two of its stages that passes over none of its stages but optional
        ones, those with a `share` below 1)."""
        on = self.route(path)
        place = {stage: n for n, stage in enumerate(on)}
        # firm[n]: how many of the route's first n stages every lead on it passes.
        firm = [0]
        for i in on:
            share = exact_share(self.stages[i].get("share"))
            firm.append(firm[-1] + (share is None or share == 1))
        edges = [
            (s, t)
            for s, t in self.edges
            if s in place and t in place and firm[place[t]] == firm[place[s] + 1]
        ]
        return _handoffs(edges, set(speaking) & set(on))


def _handoffs(
    edges: Iterable[tuple[int, int]], speaking: Iterable[int]
) -> tuple[tuple[int, int], ...]:
    says = set(speaking)
    nexts: dict[int, list[int]] = {}
    for source, target in edges:
        nexts.setdefault(source, []).append(target)
    out: list[tuple[int, int]] = []
    for source in sorted(says):
        reached: list[int] = []
        seen: set[int] = set()
        todo = list(nexts.get(source, ()))
        while todo:
            stage = todo.pop(0)
            if stage in seen:
                continue
            seen.add(stage)
            if stage in says:
                reached.append(stage)
            else:
                todo.extend(nexts.get(stage, ()))
        out.extend((source, target) for target in sorted(reached))
    return tuple(out)


def read_funnel(stages_value: Any, paths_value: Any) -> Funnel:
    """The funnel's shape from the plain values of `stages` and `paths`."""
    stages = {
        i: stage
        for i, stage in enumerate(stages_value if isinstance(stages_value, list) else [])
        if isinstance(stage, dict)
    }
    faults: list[Fault] = []
    declared = _declared_paths(paths_value)
    known = {p.id for p in declared}
    order = {p.id: n for n, p in enumerate(declared)}
    blocks: list[Block] = []
    run: list[int] = []  # the current branch's stages

    def close_run() -> None:
        if run:
            by_path: dict[str, list[int]] = {}
            for i in run:
                by_path.setdefault(stages[i]["path"], []).append(i)
            lanes = tuple(
                Lane(path, tuple(listed))
                for path, listed in sorted(by_path.items(), key=lambda kv: order[kv[0]])
            )
            blocks.append(Block(lanes=lanes, passes_through=len(lanes) < len(declared)))
            run.clear()

    for i, stage in stages.items():
        path = stage.get("path")
        if not isinstance(path, str):
            close_run()
            blocks.append(Block(trunk=i))
            continue
        if path not in known:
            faults.append(_unknown_path(i, stage, path, declared))
            close_run()
            blocks.append(Block(trunk=i))  # read as on every path: one fault, one finding
            continue
        run.append(i)
    if run:
        last = run[-1]
        faults.append(
            Fault(
                path=("stages", last, "path"),
                message=(
                    f"the paths never join again: `{_name(stages[last], last)}` is on path "
                    f"`{stages[last]['path']}` and no stage after it names no path, so the "
                    "funnel ends in separate lines and no stage counts the customers of every "
                    "path; add the stage where the paths meet again (the retention stage, "
                    "say) after the branch, without `path`"
                ),
                subject=str(stages[last]["path"]),
            )
        )
        close_run()
    if any(b.trunk is None for b in blocks):
        faults.extend(_share_faults(declared))
    elif declared:
        faults.append(
            Fault(
                path=("paths",),
                message=(
                    "`paths` declares "
                    + ", ".join(f"`{p.id}`" for p in declared)
                    + " but no stage names one of them with `path`; put `path: ID` on the "
                    "stages that belong to a path, or remove `paths`"
                ),
                subject="paths",
            )
        )
    edges = _edges(blocks, stages)
    return Funnel(
        stages=stages,
        paths=declared,
        blocks=tuple(blocks),
        edges=edges,
        faults=tuple(faults),
    )


def _declared_paths(value: Any) -> tuple[DeclaredPath, ...]:
    out: list[DeclaredPath] = []
    seen: set[str] = set()
    for i, item in enumerate(value if isinstance(value, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if item["id"] in seen:
            continue  # FC008 reports the repeat
        seen.add(item["id"])
        name = item.get("name")
        out.append(
            DeclaredPath(
                index=i,
                id=item["id"],
                share=exact_share(item.get("share")),
                name=name if isinstance(name, str) and name.strip() else item["id"],
            )
        )
    return tuple(out)


def _share_faults(declared: Sequence[DeclaredPath]) -> list[Fault]:
    missing = [p for p in declared if p.share is None]
    if missing:
        return [
            Fault(
                path=("paths", p.index),
                message=(
                    f"path `{p.id}` has no `share`: give the share of the entrants at the "
                    "branch who take it (a number above 0 and at most 1; the paths' shares "
                    "add up to 1)"
                ),
                subject=p.id,
            )
            for p in missing
        ]
    total = sum((p.share for p in declared if p.share is not None), Decimal(0))
    if total == 1:
        return []
    listed = " + ".join(f"{decimal_text(p.share)} ({p.id})" for p in declared if p.share)
    return [
        Fault(
            path=("paths",),
            message=(
                f"the paths' shares add up to {decimal_text(total)}, not 1 ({listed}): every "
                "entrant at a branch takes exactly one path, so the shares must add up to 1; "
                "adjust them, "
                "or declare the path the rest take (it may have no stage of its own)"
            ),
            subject="paths",
        )
    ]


def _unknown_path(
    index: int, stage: Mapping[str, Any], path: str, declared: Sequence[DeclaredPath]
) -> Fault:
    name = _name(stage, index)
    if not declared:
        message = (
            f"`{name}` is on path `{path}`, but no `paths` are declared: add `paths` with "
            f"`{path}` and the share of leads taking it, or remove `path` from the stage"
        )
    else:
        from funnelcheck.support.similar import did_you_mean

        ids = [p.id for p in declared]
        hint = did_you_mean(path, ids)
        message = (
            f"`{name}` is on path `{path}`, which `paths` does not declare (declared: "
            f"{', '.join(ids)}){hint} A stage on no declared path is read as on every path"
        )
    return Fault(path=("stages", index, "path"), message=message, subject=path)


def _edges(
    blocks: Sequence[Block], stages: Mapping[int, Mapping[str, Any]]
) -> tuple[tuple[int, int], ...]:
    """Who hands to whom. `frontier` holds the stages whose entrants (or those who went past
    them) reach the next stage: an optional stage (`share` below 1) keeps its predecessors
    in the frontier, since the rest of their entrants go straight on."""
    edges: list[tuple[int, int]] = []

    def enter(frontier: list[int], stage: int) -> list[int]:
        edges.extend((source, stage) for source in frontier)
        share = exact_share(stages[stage].get("share"))
        if share is not None and share < 1:
            # Entrants who skip it come from the stages before: they stay in the frontier,
            # the most recent MAX_TRACED of them (a bound on edges, so time stays linear).
            return [*frontier[-(MAX_TRACED - 1) :], stage]
        return [stage]

    frontier: list[int] = []
    for block in blocks:
        if block.trunk is not None:
            frontier = enter(frontier, block.trunk)
            continue
        exits: dict[int, None] = dict.fromkeys(frontier) if block.passes_through else {}
        for lane in block.lanes:
            lane_frontier = list(frontier)
            for stage in lane.stages:
                lane_frontier = enter(lane_frontier, stage)
            exits.update(dict.fromkeys(lane_frontier))
        frontier = list(exits)
    return tuple(dict.fromkeys(edges))


def _name(stage: Mapping[str, Any], index: int) -> str:
    name = stage.get("name")
    return str(name) if isinstance(name, str) and name.strip() else f"stage {index + 1}"


# -- the arithmetic: what share of the leads at the top come out as customers -----------------
#: Below this share of the leads at the top, a funnel is not computed further: every factor
#: is at most 1, so the leads needed are more than the goal × 10^30 whatever follows, and
#: exact products of thousands of decimals would grow without bound (time and digits).
NEGLIGIBLE = Fraction(1, 10**30)
#: Products keep this many decimal places, exactly: far more than any real funnel has (twenty
#: stages of three-digit rates have sixty), and a bound on the digits a long one can grow.
_PLACES = 10**80


def _bounded(value: Fraction) -> Fraction:
    if value.denominator <= _PLACES:
        return value
    return Fraction(round(value * _PLACES), _PLACES)


@dataclass(frozen=True)
class Yield:
    """What a stretch of the funnel keeps of its entrants, exactly, with the arithmetic."""

    keeps: Fraction
    #: The factors as written ("0.1", "(0.7 + 0.3 × 0.4)", "(0.8 × 0.3 + 0.2 × 0.4 × 0.5)").
    factors: tuple[str, ...]
    #: Whether the product fell below NEGLIGIBLE (then `keeps` is NEGLIGIBLE, an upper bound).
    negligible: bool = False


@dataclass(frozen=True)
class PathYield:
    """One path of a branch: its share, what its stages keep, and the formula."""

    path: str
    name: str
    share: Decimal
    keeps: Fraction
    formula: str


@dataclass(frozen=True)
class FunnelYield:
    """The funnel's yield before the sale, or why it cannot be computed."""

    overall: Yield | None
    #: The winning stages, in written order.
    stages: tuple[int, ...]
    #: The first branch among the winning stages, path by path (empty without one).
    by_path: tuple[PathYield, ...]
    #: The share of the leads who reach that branch (the trunk before it).
    before_branch: Fraction
    #: What the funnel keeps after the branch (the trunk after it and later branches).
    after_branch: Fraction
    #: The index of a winning stage without a usable conversion, or None.
    missing: int | None = None


def winning_blocks(funnel: Funnel) -> list[Block]:
    """The blocks a lead passes before becoming a customer: those before the first stage
    every entrant reaches whose role keeps customers (retention, referral); every block
    where there is none. Within a branch, a path stops at its first such stage."""
    out: list[Block] = []
    for block in funnel.blocks:
        if block.trunk is not None:
            if funnel.stages[block.trunk].get("role") in AFTER_THE_SALE:
                break
            out.append(block)
            continue
        lanes = []
        for lane in block.lanes:
            kept: list[int] = []
            for stage in lane.stages:
                if funnel.stages[stage].get("role") in AFTER_THE_SALE:
                    break
                kept.append(stage)
            lanes.append(Lane(lane.path, tuple(kept)))
        out.append(Block(lanes=tuple(lanes), passes_through=block.passes_through))
    return out


def conversion_of(stage: Mapping[str, Any]) -> Decimal | None:
    """A stage's conversion as written, when usable (above 0, at most 1: FC501's range)."""
    return exact_share(stage.get("conversion"))


def funnel_yield(funnel: Funnel) -> FunnelYield:
    """What share of the leads at the top become customers, exactly, with its formula."""
    return funnel.yielded


def _funnel_yield(funnel: Funnel) -> FunnelYield:
    blocks = winning_blocks(funnel)
    stages = tuple(i for b in blocks for i in b.stages)
    for i in stages:
        if conversion_of(funnel.stages[i]) is None:
            return FunnelYield(None, stages, (), Fraction(1), Fraction(1), missing=i)
    if any(b.trunk is None for b in blocks):
        unsharable = [p for p in funnel.paths if p.share is None]
        total = sum((p.share for p in funnel.paths if p.share is not None), Decimal(0))
        if unsharable or total != 1:
            # The paths' shares are at fault: FC011 says so; no figure.
            return FunnelYield(None, stages, (), Fraction(1), Fraction(1))
    shares = {p.id: p for p in funnel.paths}
    keeps = Fraction(1)
    factors: list[str] = []
    by_path: tuple[PathYield, ...] = ()
    before = Fraction(1)
    after = Fraction(1)
    negligible = False
    for block in blocks:
        if keeps < NEGLIGIBLE:
            negligible = True
            keeps = NEGLIGIBLE
            factors.append("…")
            break
        if block.trunk is not None:
            factor, text = _stage_factor(funnel.stages[block.trunk])
            keeps = _bounded(keeps * factor)
            factors.append(text)
            if by_path:
                after = _bounded(after * factor)
            continue
        parts: list[PathYield] = []
        taken = Decimal(0)
        for lane in block.lanes:
            declared = shares[lane.path]
            assert declared.share is not None
            taken += declared.share
            lane_keeps = Fraction(1)
            lane_texts: list[str] = []
            for stage in lane.stages:
                if lane_keeps < NEGLIGIBLE:  # as above: no lead of the path gets through
                    lane_texts.append("…")
                    break
                factor, text = _stage_factor(funnel.stages[stage])
                lane_keeps = _bounded(lane_keeps * factor)
                lane_texts.append(text)
            formula = " × ".join([decimal_text(declared.share), *lane_texts])
            parts.append(PathYield(lane.path, declared.name, declared.share, lane_keeps, formula))
        block_keeps = _bounded(sum((Fraction(p.share) * p.keeps for p in parts), Fraction(0)))
        texts = [p.formula for p in parts]
        if taken < 1:  # the paths with no stage here go straight through
            block_keeps += Fraction(1 - taken)
            texts.append(decimal_text(1 - taken))
        if not by_path:
            listed = {p.path: p for p in parts}
            by_path = tuple(
                listed.get(p.id)
                or PathYield(p.id, p.name, p.share, Fraction(1), decimal_text(p.share))
                for p in funnel.paths
                if p.share is not None
            )
            before = keeps
        else:
            after = _bounded(after * block_keeps)
        keeps = _bounded(keeps * block_keeps)
        factors.append("(" + " + ".join(texts) + ")")
    if keeps < NEGLIGIBLE:
        negligible, keeps = True, NEGLIGIBLE
    return FunnelYield(Yield(keeps, tuple(factors), negligible), stages, by_path, before, after)


def _stage_factor(stage: Mapping[str, Any]) -> tuple[Fraction, str]:
    conversion = conversion_of(stage)
    assert conversion is not None
    share = exact_share(stage.get("share"))
    if share is None or share == 1:
        return Fraction(conversion), decimal_text(conversion)
    rest = 1 - share
    return (
        Fraction(rest) + Fraction(share) * Fraction(conversion),
        f"({decimal_text(rest)} + {decimal_text(share)} × {decimal_text(conversion)})",
    )


def goal_customers(value: Any) -> int | None:
    """`goals.customers` as a whole number of at least 0, or None."""
    number = exact_number(value)
    if number is None or number < 0 or number != number.to_integral_value():
        return None
    return int(number)


def leads_needed(funnel: Funnel, customers_value: Any) -> int | None:
    """The leads `goals.customers` need at the top of the funnel, rounded up; None where
    there is no goal or the funnel's yield cannot be computed (FC502 says why)."""
    customers = goal_customers(customers_value)
    if customers is None:
        return None
    figure = funnel_yield(funnel)
    if figure.overall is None or figure.overall.negligible:
        return None
    return math.ceil(Fraction(customers) / figure.overall.keeps)


def stage_entrants(funnel: Funnel, leads: int) -> dict[int, int]:
    """How many of `leads` at the top enter each stage (rounded up), walking the funnel as
    `funnel_yield` does: a stage passed by a share sees all its entrants and converts only
    that share; a path sees its share of the entrants at the branch. Stages after one whose
    conversion is unusable (or in a branch whose shares are at fault) get no figure."""
    shares = {p.id: p.share for p in funnel.paths}
    entering = Fraction(leads)
    out: dict[int, int] = {}
    for block in funnel.blocks:
        if block.trunk is not None:
            out[block.trunk] = math.ceil(entering)
            if conversion_of(funnel.stages[block.trunk]) is None:
                break
            entering = _bounded(entering * _stage_factor(funnel.stages[block.trunk])[0])
            continue
        lanes = [lane for lane in block.lanes if shares.get(lane.path) is not None]
        if len(lanes) != len(block.lanes):
            break
        total = Fraction(0)
        taken = Fraction(0)
        complete = True
        for lane in block.lanes:
            share = Fraction(shares[lane.path] or 0)
            taken += share
            flow = entering * share
            for stage in lane.stages:
                out[stage] = math.ceil(flow)
                if conversion_of(funnel.stages[stage]) is None:
                    complete = False
                    break
                flow = _bounded(flow * _stage_factor(funnel.stages[stage])[0])
            total += flow
        if not complete or taken > 1:
            break
        entering = _bounded(total + entering * (1 - taken))
    return out
