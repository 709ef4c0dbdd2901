"""FC503 weakest-handoff: the handoff furthest below what its role typically keeps; is the
story dropped there?"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.funnel import Funnel, conversion_of, decimal_text
from funnelcheck.model.strategy import Strategy
from funnelcheck.model.told import told_of
from funnelcheck.rules.base import Rule, check_range, join_and

#: FC101's default: a speaking stage carrying fewer concepts than this is off the problem.
#: The rule reads the default, not a configured value: each rule sees only its own options.
STAGE_MIN_CONCEPTS = 1


@dataclass(frozen=True)
class Options:
    """What a handoff of each role typically keeps (the share of the stage's entrants who
    go on): each handoff is measured against the typical figure of the role it leaves."""

    typical_marketing: float = 0.05
    typical_sales: float = 0.3
    typical_product: float = 0.2
    typical_pricing: float = 0.3
    typical_retention: float = 0.85
    typical_referral: float = 0.1
    typical_other: float = 0.3

    def __post_init__(self) -> None:
        for name in (
            "typical_marketing",
            "typical_sales",
            "typical_product",
            "typical_pricing",
            "typical_retention",
            "typical_referral",
            "typical_other",
        ):
            value = getattr(self, name)
            check_range(name, value, above=0)
            check_range(name, value, at_most=1)

    def typical(self, role: object) -> Decimal:
        value = getattr(self, f"typical_{role}", self.typical_other)
        return Decimal(repr(float(value)))


@dataclass(frozen=True)
class _Handoff:
    source: int
    targets: tuple[int, ...]
    conversion: Decimal
    typical: Decimal
    role: str
    #: The path the handoff's stage is on (None: a stage every path passes).
    path: str | None

    @property
    def below(self) -> Decimal:
        """How far below its role's typical figure: the lower, the weaker."""
        return self.conversion / self.typical


class WeakestHandoff(Rule, options=Options):
    """The handoff furthest below what such a handoff typically keeps; a warning where the
    story drops there too.

    **Why.** A funnel loses most of its customers at one handoff; knowing which one tells
    the team where an hour of work pays most. A handoff is the pass from a stage to the
    stages its entrants go on to (the next stage, in a funnel that does not branch); its
    conversion is the conversion of the stage the customer leaves. The last stage hands
    off to no one and is not a handoff.

    The lowest rate is not the weakest handoff: a campaign that moves 5% of the people it
    reaches does as well as campaigns do, while a proposal that closes 20% loses deals it
    should win. So each handoff is measured against what a handoff of its stage's role
    typically keeps, and the weakest is the one furthest below that (the lowest
    conversion ÷ typical figure; ties go to the earlier handoff). The typical figures are
    round medians of published B2B SaaS funnel benchmarks (options, below): marketing 5%
    (a campaign's audience to the next step), sales 30% (a discovery call or demo to the
    next step), product 20% (a trial to paid), pricing 30% (a proposal to a signed deal),
    retention 85% (a year's renewals), referral 10%, `other` 30%. Set them to your own
    history with the options where you have it. At least two handoffs must have a usable
    conversion (one FC501 accepts): with one, there is nothing to compare.

    In a funnel with `paths`, each path is judged on its own handoffs and on those every
    path passes; one finding names the weakest handoff of each path (one finding for
    several paths whose weakest handoff is the same).

    Where the same handoff also drops the problem story (its later stage is off the
    problem, as FC101 or FC102 judge it, or shares none of the problem's concepts with the
    stage before it, as FC103 does), the finding is a warning that says so: customers are
    lost where the story is lost, and the low rate is likely the story's doing. The story
    finding itself is reported by its own rule as usual. The message says how the story
    drops but names no rule: the drop is true whatever rules are selected, and naming
    FC103 when FC103 is ignored would point at a finding the report does not hold (the
    finding's data says which test found it, as `story_rule`). The finding sits on the
    later stage, with the earlier one as the related location.

    **Failing example.** (a warning: the weakest handoff also drops the story)

    ```yaml
    problem:
      terms: {payout: [payouts], ledger: [general ledger]}
    stages:
      - name: LinkedIn campaign
        role: marketing
        conversion: 0.3
        pitch: Stripe payouts reconciled against your general ledger.
      - name: Discovery call
        role: sales
        conversion: 0.2
        pitch: Payouts matched to your ledger, line by line.
      - name: Two-week trial
        role: product
        conversion: 0.5
        pitch: Beautiful dashboards for your board.
      - {name: Proposal, role: pricing}
    ```

    Discovery call → Two-week trial keeps 20%, where 30% is typical of a sales stage (the
    campaign's 30% is six times the typical 5%), and the trial carries none of the
    problem's concepts.

    **Passing example.** (an info note: the weakest handoff, nothing more)

    ```yaml
    problem:
      terms: {payout: [payouts], ledger: [general ledger]}
    stages:
      - name: LinkedIn campaign
        role: marketing
        conversion: 0.3
        pitch: Stripe payouts reconciled against your general ledger.
      - name: Discovery call
        role: sales
        conversion: 0.2
        pitch: Payouts matched to your ledger, line by line.
      - name: Two-week trial
        role: product
        conversion: 0.5
        pitch: Watch last month's payouts reconcile against your ledger.
      - {name: Proposal, role: pricing}
    ```

    **Options.** `typical-marketing` (0.05), `typical-sales` (0.3), `typical-product` (0.2),
    `typical-pricing` (0.3), `typical-retention` (0.85), `typical-referral` (0.1),
    `typical-other` (0.3): what a handoff leaving a stage of that role typically keeps,
    above 0 and at most 1. The story test uses FC101's default (at least 1 concept per
    stage).
    """

    code = "FC503"
    name = "weakest-handoff"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        funnel = strategy.funnel
        trunk: list[_Handoff] = []  # the handoffs every lead passes
        own: dict[str, list[_Handoff]] = {}  # each path's own handoffs
        for handoff in _handoffs(funnel, options):
            if handoff.path is None:
                trunk.append(handoff)
            else:
                own.setdefault(handoff.path, []).append(handoff)
        routes: list[str | None] = [p.id for p in funnel.paths] if own else [None]
        weakest_trunk = min(trunk, key=_weakness, default=None)
        chosen: dict[int, tuple[_Handoff, list[str]]] = {}
        judged = 0
        for route in routes:
            mine = own.get(route, []) if route is not None else []
            if len(trunk) + len(mine) < 2:
                continue  # one handoff with a conversion: nothing to compare it with
            judged += 1
            candidates = [h for h in (weakest_trunk, min(mine, key=_weakness, default=None)) if h]
            weakest = min(candidates, key=_weakness)
            entry = chosen.setdefault(weakest.source, (weakest, []))
            if route is not None:
                entry[1].append(route)
        for weakest, on in chosen.values():
            everywhere = len(on) == judged  # the funnel's weakest, on every path
            lists = [trunk, *(own.values() if everywhere else (own[r] for r in on if r in own))]
            count = sum(map(len, lists)) - 1
            compared = (h for h in heapq.merge(*lists, key=_order) if h is not weakest)
            shown = [h.conversion for h in islice(compared, _LISTED)]  # in funnel order
            yield _finding(strategy, funnel, weakest, (shown, count), [] if everywhere else on)


def _weakness(handoff: _Handoff) -> tuple[Decimal, int]:
    """The furthest below its role's typical figure first; ties go to the earlier handoff."""
    return handoff.below, handoff.source


def _order(handoff: _Handoff) -> int:
    return handoff.source


def _handoffs(funnel: Funnel, options: Options) -> list[_Handoff]:
    """Every handoff with a usable conversion, in funnel order."""
    targets: dict[int, list[int]] = {}
    for source, target in funnel.edges:
        targets.setdefault(source, []).append(target)
    out: list[_Handoff] = []
    known = {p.id for p in funnel.paths}
    for source, stage in funnel.stages.items():
        conversion = conversion_of(stage)
        if conversion is None or source not in targets:
            continue
        role = stage.get("role")
        path = stage.get("path")
        if path not in known:
            path = None  # no declared path (FC011's): passed by every lead
        out.append(
            _Handoff(
                source=source,
                targets=tuple(targets[source]),
                conversion=conversion,
                typical=options.typical(role),
                role=str(role),
                path=path if isinstance(path, str) else None,
            )
        )
    return out


def _finding(
    strategy: Strategy,
    funnel: Funnel,
    weakest: _Handoff,
    others: tuple[list[Decimal], int],
    routes: list[str],
) -> Issue:
    source = weakest.source
    target = _target(funnel, weakest, routes)
    source_name = strategy.stage_name(source)
    target_name = strategy.stage_name(target)
    shown = target_name
    if not routes and len(weakest.targets) > 1:  # a stage every path passes, into each
        shown = " / ".join(f"{strategy.stage_name(t)}" for t in weakest.targets)
    where = ""
    if routes:
        where = f" on path{'s' if len(routes) > 1 else ''} {join_and([f'`{r}`' for r in routes])}"
    typical = f"a {weakest.role} stage" if weakest.role != "other" else "a stage of role `other`"
    message = (
        f"the weakest handoff{where} is `{source_name}` → `{shown}`: "
        f"{_percent(weakest.conversion)} of `{source_name}`'s entrants go on, the least "
        f"against what its role typically keeps (about {_percent(weakest.typical)} for "
        f"{typical}; the other handoffs keep {_listed(others)})"
    )
    story_rule, story_drop = _story_drop(strategy, target)
    data = {
        "source": source_name,
        "target": target_name,
        "conversion": decimal_text(weakest.conversion),
        "typical": decimal_text(weakest.typical),
        "paths": routes,
        "story_drop": story_drop,
        "story_rule": story_rule,
    }
    if story_drop is None:
        return Issue(
            path=("stages", target),
            message=message,
            severity=Severity.INFO,
            related=(("stages", source),),
            subject=f"{source_name} → {shown}",
            data=data,
        )
    return Issue(
        path=("stages", target),
        message=(
            f"{message}; the problem story drops at the same handoff ({story_drop}): "
            "customers are lost where the story is lost"
        ),
        severity=Severity.WARNING,
        related=(("stages", source),),
        subject=f"{source_name} → {target_name}",
        data=data,
    )


def _target(funnel: Funnel, handoff: _Handoff, routes: list[str]) -> int:
    """The stage the handoff leads to on the first of `routes` (the first it leads to)."""
    if routes:
        for target in handoff.targets:
            path = funnel.stages[target].get("path")
            if not isinstance(path, str) or path == routes[0]:
                return target
    return handoff.targets[0]


def _story_drop(strategy: Strategy, target: int) -> tuple[str | None, str | None]:
    """The story rule whose test the stage `target` fails, and why the story drops there in
    words naming no rule; (None, None) where it holds (or the stage says nothing, which no
    story rule judges)."""
    told = told_of(strategy)
    stage = told.stages.get(target)
    if stage is None or stage.price_only:
        return None, None  # says nothing, or only states its terms: no story rule judges it
    name = strategy.stage_name(target)
    if stage.count < STAGE_MIN_CONCEPTS:
        code = "FC102" if target == told.opening else "FC101"
        return code, f"`{name}` carries none of the problem's concepts"
    for handoff in told.handoffs:
        if handoff.target != target or handoff.passed:
            continue
        source = told.stages.get(handoff.source)
        if source is not None and source.count >= 1:
            return "FC103", (
                f"`{name}` shares none of the problem's concepts with "
                f"`{strategy.stage_name(handoff.source)}`"
            )
    return None, None


#: How many of the other handoffs' rates a message lists.
_LISTED = 12


def _listed(others: tuple[list[Decimal], int]) -> str:
    """The other handoffs' rates in funnel order, the first dozen and how many more."""
    rates, count = others
    shown = [_percent(c) for c in rates]
    if count > len(rates):
        shown.append(f"{count - len(rates):,} more")
    return join_and(shown)


def _percent(share: Decimal) -> str:
    """0.1 → "10%", 0.125 → "12.5%": the share as written, never rounded away."""
    return f"{decimal_text((share * 100).normalize())}%"
