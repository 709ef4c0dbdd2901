"""FC206 promise-in-words: a claim describes, in its own words, a capability it cannot sell."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.story import (
    Concept,
    StemIndex,
    StemSet,
    StoryAnalysis,
    concepts_of,
    content_words,
    normalise,
)
from funnelcheck.model.strategy import Strategy, indexed_mappings, nonblank_strings
from funnelcheck.rules.base import Rule, check_range

#: Words that say a capability is not here yet: a claim that says so makes no promise.
_HEDGE = re.compile(
    r"\b(?:coming soon|coming in|coming next|soon|roadmap|planned|beta|preview|early access|"
    r"wait-?list|in development|next year|later this year|(?:in|by|from) (?:q[1-4] )?20\d\d)\b"
)


@dataclass(frozen=True)
class Options:
    #: The fewest of a capability's distinctive words a text must use to describe it.
    min_distinctive_words: int = 1
    #: The least share of a capability's distinctive words a text must use to describe it.
    min_distinctive_share: float = 0.4
    #: The fewest of a capability's own words (distinctive, or shared with the problem but
    #: with no other capability) a text must use to describe it.
    min_shared_words: int = 2

    def __post_init__(self) -> None:
        check_range("min_distinctive_words", self.min_distinctive_words, at_least=1)
        check_range("min_distinctive_share", self.min_distinctive_share, at_least=0, at_most=1)
        check_range("min_shared_words", self.min_shared_words, at_least=1)


@dataclass(frozen=True)
class _Capability:
    id: str
    index: int
    text: str
    #: Why it cannot be promised as if it were for sale: "planned", "beta" or "in no plan".
    status: str
    eta: str | None
    #: Stems of its text shared with neither the problem nor another capability.
    distinctive: tuple[str, ...]
    #: Stems of its text shared with no other capability (the problem's included).
    own: tuple[str, ...]
    own_set: frozenset[str]
    #: Whether the customer can buy it today (shipped and in a plan, or plans say nothing).
    buyable: bool
    #: The plans that include it.
    plans: frozenset[str]


class PromiseInWords(Rule, options=Options):
    """A claim or pitch describes an unsellable capability in its own words, not in `promises`.

    The capability is planned, in beta, or in no plan the stage offers.

    **Why.** FC201 and FC202 hold a claim to what it lists under `promises`. A sales rep who
    writes "you'll get a warning before an hourly employee tips into overtime" lists
    nothing, and the capability that does this is only planned: the customer buys on a
    promise nobody checked. This rule reads the words. Each capability has *distinctive
    words*: the content words of its text that are in neither the problem (statement and
    terms) nor another capability's text, so a claim that only names the problem, or
    describes a neighbouring capability, does not match it. A text describes a capability
    when it uses at least `min_distinctive_words` of them, and at least
    `min_distinctive_share` of them, and at least `min_shared_words` of the capability's
    own words in all (its distinctive words and those it shares only with the problem);
    words are compared as the story rules compare them (stems; derived forms meet).

    A text is reported with the capability it resembles most among those it cannot sell:
    planned (nothing to show), beta (may not hold up), or shipped but in no plan the stage
    offers (every plan, or the plans the stage names by id). Not reported:

    - a shipped capability in a plan, described in words (the story working as it should);
    - a text that a capability the customer can buy describes better (more distinctive
      words): the claim is about that one;
    - a claim that lists the capability in `promises` (FC201 and FC202 judge it), and a
      stage's pitch when one of the stage's claims lists it;
    - a text that says the capability is not there yet ("coming soon", "on the roadmap",
      "beta", "in 2027").

    The fix is either to list it (`promises: [id]`, so FC201 and FC202 hold the claim to
    the capability's status and plans) or to rewrite the text so that it promises only
    what is for sale.

    **Failing example.**

    ```yaml
    problem:
      statement: Restaurant owners spend hours every pay period working out staff pay by hand.
      terms:
        payroll: [pay run, pay period]
    capabilities:
      - {id: auto-payroll, text: Runs payroll from the timesheets every pay period, status: shipped}
      - id: overtime-alerts
        text: Warns the manager before an hourly employee tips into overtime
        status: planned
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: You'll get a warning before an hourly employee tips into overtime.
    ```

    `stages[0].claims[0].text` describes `overtime-alerts` (warning, hourly, employee, tips,
    overtime), which is only planned, and does not list it.

    **Passing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Coming in 2027, a warning before an hourly employee tips into overtime.
    ```

    **Options.** `min_distinctive_words` (default 1) and `min_distinctive_share` (default
    0.4): how many of a capability's distinctive words, and what share of them, a text must
    use; `min_shared_words` (default 2): how many of the capability's own words (its
    distinctive words and those it shares only with the problem) it must use in all. So the
    match rests on a distinctive word, and one word alone is never enough. Set on the
    tuning half of the labelled claims of `tests/benchmarks/plain_promises.yaml` (73
    claims, 8 businesses, the halves fixed by each text's SHA-1 before any tuning) and
    reported on the other half (`python tests/benchmarks/plain_promises.py`; `--sweep`
    prints the grid). Tuning half, 34 claims: every setting with one distinctive word, a
    share from 0.2 to 0.5 and one or two own words in all gets 34 of 34 right; the default
    takes the middle of that plateau, on the stricter side. Validation half, 39 claims:
    0.974 (13 of 14 promises in words found, no false alarm on 25 other claims); the miss
    says "alert" for a capability that "warns", a synonym the stems cannot meet. On the 7
    sample strategies and the 17 strategies of real businesses in `tests/realworld/` (14,
    and 3 held out) and their 12 drifted copies: no finding.
    """

    code = "FC206"
    name = "promise-in-words"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        if not _any_unbuyable(strategy):
            return  # nothing that cannot be sold: no text needs reading
        # The story analysis has read the claims, pitches and the problem's words already:
        # read them through its cache when it has run (the rules' default selection).
        story: StoryAnalysis | None = vars(strategy).get("story")
        read = content_words if story is None else story.content_words
        known = _capabilities(strategy, read, story)
        if not any(not c.buyable for c in known.listed):
            return
        plan_ids = _plan_ids(strategy)
        for index, stage in strategy.stages():
            texts = strategy.texts_of_stage(index)
            if not texts:
                continue
            stage_promises: set[str] = set()
            for claim in _claims(stage):
                stage_promises.update(nonblank_strings(claim.get("promises")))
            offered = _Offered(texts, plan_ids)
            for relative, text in texts:
                if relative[0] == "claims":
                    claim = stage["claims"][relative[1]]
                    listed = set(nonblank_strings(claim.get("promises")))
                else:
                    listed = stage_promises
                found = _describes(text, read, known, listed, offered, options)
                if found is None:
                    continue
                capability, words = found
                yield _issue(strategy, ("stages", index, *relative), index, capability, words)


class _Offered:
    """The plans a stage names by id ("the Team plan"), or None when it names none (then
    every plan is on offer): worked out when a text first asks."""

    def __init__(self, texts: list[tuple[Path, str]], plan_ids: list[str]) -> None:
        self._texts = texts
        self._plan_ids = plan_ids
        self._done = False
        self._plans: frozenset[str] | None = None

    def includes(self, capability: _Capability) -> bool:
        """Whether a plan on offer includes the capability."""
        if not self._done:
            self._plans = _offered_plans(self._texts, self._plan_ids)
            self._done = True
        return self._plans is None or bool(capability.plans & self._plans)


def _describes(
    text: str,
    read: Callable[[str], list[tuple[str, str]]],
    known: _Known,
    listed: set[str],
    offered: _Offered,
    options: Options,
) -> tuple[_Capability, list[str]] | None:
    """The capability this text describes but cannot sell, with the words that matched.

    Only the capabilities whose own words the text uses are weighed: each word of the text
    is looked up once in the index of the capabilities' own stems."""
    words = read(text)
    #: Each capability (by position) with its own stems the text meets.
    met: dict[int, set[str]] = {}
    #: Each word of the text with the capabilities whose own stems it meets.
    meets: list[tuple[str, set[int]]] = []
    may_meet = known.filed.may_meet
    for stem, word in words:
        hits = known.own.get(stem)
        if hits is None:
            # Most of a text's words meet no capability's: a set probe says so.
            hits = known.own[stem] = _own_met(known, stem) if may_meet(stem) else ()
        if hits:
            meets.append((word, {position for position, _ in hits}))
            for position, own_stem in hits:
                met.setdefault(position, set()).add(own_stem)
    if not met:
        return None
    best: tuple[int, float, _Capability] | None = None
    best_position = -1
    best_buyable = 0
    for position in sorted(met):
        capability = known.listed[position]
        said = met[position]
        count = sum(stem in said for stem in capability.distinctive)
        share = count / len(capability.distinctive)
        if count < options.min_distinctive_words or share < options.min_distinctive_share:
            continue
        if len(said) < options.min_shared_words:
            continue
        if capability.id in listed or (capability.buyable and offered.includes(capability)):
            best_buyable = max(best_buyable, count)
            continue
        if best is None or (count, share) > best[:2]:
            best = (count, share, capability)
            best_position = position
    if best is None or best_buyable >= best[0]:
        return None
    if _HEDGE.search(normalise(text)):
        return None
    return best[2], [word for word, positions in meets if best_position in positions]


def _own_met(known: _Known, stem: str) -> tuple[tuple[int, str], ...]:
    """The capabilities' own stems that `stem` meets, each with its capability's position."""
    return tuple(
        (position, own)
        for index, own in known.filed.lookup(stem)
        if (position := known.position.get(index)) is not None
        and own in known.listed[position].own_set
    )


@dataclass(frozen=True)
class _Known:
    """The strategy's capabilities, and their stems filed for looking up a text's words."""

    listed: list[_Capability]
    #: Every capability's stems: (capability index, stem) under each stem.
    filed: StemIndex[tuple[int, str]]
    #: A capability's index in `capabilities` -> its position in `listed`, for those
    #: that have distinctive words (the others are never described).
    position: dict[int, int]
    #: A text's stem -> the own stems it meets, by position (filled as texts ask).
    own: dict[str, tuple[tuple[int, str], ...]]


def _any_unbuyable(strategy: Strategy) -> bool:
    """Whether some capability with a text is planned, in beta or shipped in no plan (so
    `_capabilities`' word work can be skipped where every capability is for sale)."""
    includes = _includes(strategy)
    included = set().union(*includes.values()) if includes else set()
    for _, capability in indexed_mappings(strategy.data.get("capabilities")):
        capability_id = capability.get("id")
        if not isinstance(capability.get("text"), str) or not isinstance(capability_id, str):
            continue
        status = capability.get("status")
        if status in ("planned", "beta"):
            return True
        if status == "shipped" and includes and capability_id not in included:
            return True
    return False


def _capabilities(
    strategy: Strategy,
    read: Callable[[str], list[tuple[str, str]]],
    story: StoryAnalysis | None,
) -> _Known:
    """Every capability with a text, its distinctive stems and whether it can be sold."""
    problem = strategy.problem
    problem_stems: set[str] = set()
    concepts = concepts_of(problem.get("terms")) if story is None else story.concepts
    for wording in _problem_texts(problem, concepts):
        problem_stems.update(stem for stem, _ in read(wording))
    problem_set = StemSet(problem_stems)
    listed = list(indexed_mappings(strategy.data.get("capabilities")))
    stems_of: dict[int, list[str]] = {}
    for i, capability in listed:
        text = capability.get("text")
        if isinstance(text, str):
            stems_of[i] = [stem for stem, _ in read(text)]
    # Every capability's stems filed once, so "shared with another capability" is a
    # look-up, not a comparison with every other capability (linear in the capabilities).
    filed: StemIndex[tuple[int, str]] = StemIndex()
    for i, stems in stems_of.items():
        for stem in dict.fromkeys(stems):
            filed.add(stem, (i, stem))
    includes = _includes(strategy)
    any_includes = bool(includes)
    out: list[_Capability] = []
    position: dict[int, int] = {}
    seen: set[str] = set()
    for i, capability in listed:
        capability_id = capability.get("id")
        if not isinstance(capability_id, str) or capability_id in seen or i not in stems_of:
            continue
        seen.add(capability_id)
        own = tuple(
            dict.fromkeys(
                stem for stem in stems_of[i] if all(j == i for j, _ in filed.lookup(stem))
            )
        )
        distinctive = tuple(stem for stem in own if stem not in problem_set)
        status = capability.get("status")
        plans = frozenset(p for p, ids in includes.items() if capability_id in ids)
        in_plan = bool(plans) or not any_includes
        if status == "shipped":
            reason = "shipped" if in_plan else "in no plan"
        elif status in ("planned", "beta"):
            reason = str(status)
        else:
            continue  # an unknown status is the schema's
        eta = capability.get("eta")
        if distinctive:
            position[i] = len(out)
        out.append(
            _Capability(
                id=capability_id,
                index=i,
                text=str(capability.get("text")),
                status=reason,
                eta=eta if isinstance(eta, str) and eta.strip() else None,
                distinctive=distinctive,
                own=own,
                own_set=frozenset(own),
                buyable=reason == "shipped",
                plans=plans if any_includes else frozenset(_plan_ids(strategy)),
            )
        )
    return _Known(out, filed, position, {})


def _problem_texts(problem: Mapping[str, Any], concepts: Iterable[Concept]) -> Iterator[str]:
    statement = problem.get("statement")
    if isinstance(statement, str):
        yield statement
    for concept in concepts:
        yield from concept.all_wordings


def _includes(strategy: Strategy) -> dict[str, set[str]]:
    """Each plan's id with the capability ids it includes (plans that list `includes`)."""
    out: dict[str, set[str]] = {}
    for i, plan in strategy.plans():
        includes = plan.get("includes")
        if isinstance(includes, list):
            plan_id = plan.get("id")
            key = plan_id if isinstance(plan_id, str) else f"plan {i + 1}"
            out.setdefault(key, set()).update(x for x in includes if isinstance(x, str))
    return out


def _plan_ids(strategy: Strategy) -> list[str]:
    return [str(plan["id"]) for _, plan in strategy.plans() if isinstance(plan.get("id"), str)]


def _offered_plans(texts: Iterable[tuple[Path, str]], plan_ids: list[str]) -> frozenset[str] | None:
    """The plans a stage names by id ("the Team plan"), or None when it names none (then
    every plan is on offer)."""
    named: set[str] = set()
    for _, text in texts:
        words = set(re.findall(r"[\w-]+", normalise(text)))
        named.update(p for p in plan_ids if normalise(p) in words)
    return frozenset(named) or None


def _claims(stage: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    for _, claim in indexed_mappings(stage.get("claims")):
        yield claim


def _issue(
    strategy: Strategy, path: Path, stage_index: int, capability: _Capability, words: list[str]
) -> Issue:
    stage_name = strategy.stage_name(stage_index)
    if capability.status == "planned":
        why = "which is only planned" + (f" (eta {capability.eta})" if capability.eta else "")
    elif capability.status == "beta":
        why = "which is only in beta"
    else:
        why = "which no plan on offer includes"
    where = "claim" if path[2] == "claims" else "pitch"
    message = (
        f"a {where} of `{stage_name}` describes `{capability.id}` ({capability.text}), {why}, "
        f"in its own words ({', '.join(words)}) without listing it in `promises`: add "
        f"`promises: [{capability.id}]` so the promise is checked, or rewrite the {where} "
        "to promise what is for sale"
    )
    return Issue(
        path=path,
        message=message,
        related=(("capabilities", capability.index),),
        subject=capability.id,
        data={
            "capability": capability.id,
            "status": capability.status,
            "words": words,
            "stage": stage_name,
        },
    )
