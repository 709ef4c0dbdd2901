"""What each stage tells of the problem: one verdict that FC101, FC102, FC103 and the relay
read, so that they cannot disagree.

The story engine (`funnelcheck.language.story`) says which of the problem's concepts each
stage's pitch and claims carry, and which of the problem's `pains` they retell. This module
turns that into the verdict the rules and the relay share:

- **What a stage tells** (`StageTold.tells`): the concepts it carries, and each pain it
  retells in its own words as a concept of its own, shown as `pain: <its id>` (or, for a
  pain without an id, its text's first words). Retelling pains counts as one concept
  towards `min_concepts` (FC101, FC102), however many it retells.
- **A stage that states only its terms** (`StageTold.price_only`): a stage that tells
  nothing, is not the opening, and whose words, once its job's words and the story's words
  are set aside, leave fewer than `MIN_WORDS_LEFT` others. A pricing or retention stage
  is read with its own job's words (plans, billing, periods, money, units, the strategy's
  plan and unit names: `stage_words`); a product stage, whose job is the trial or the
  free tier, with its own role's words and a pricing stage's, and only when it states a
  figure (an allowance, a price, a count): "The free tier includes 1M requests and 400,000
  GB-seconds of compute every month, and it does not expire". It states the price or the
  allowance, it tells no other story: FC101 does not report it, and the relay shows it as
  "price only (its job's words)". A marketing or sales stage that only quotes a price is
  not excused: marketing opens on the problem and sales qualifies on it.
- **Handoffs** (`Told.handoffs`): between the stages that tell (a silent stage and a
  price-only one are passed over: the baton goes from the stage before to the stage
  after), with what passes across: the concepts both carry, and a pain both retell (and,
  across a checkout so passed over, the plan it priced: see below). A
  handoff with nothing passed is dropped: FC103 reports it where both stages tell
  something, FC101 or FC102 where one tells nothing. A checkout (a `pricing` stage) does
  not reset the story: out of it passes what it tells, or where the next stage shares
  none of that, what reached the checkout (the relay shows those concepts), so the stage
  after it (the kit arrives, the first session) holds when it carries what the checkout
  or the stage before the checkout told ("Plug in the dish ... your connection" after an
  order page that names only streaming, where the page before promised internet).
- **Two facets of one story** (issue 15). Where two stages share no concept, the handoff
  still holds when the strategy ties their facets: a capability the earlier stage promises
  whose text, or a pain it relieves, carries a concept of each (`_Facets`; the relay shows
  "live-dashboards (dashboards → reports)"); into a checkout, a concept any stage before it
  on the customer's path told (`_heard`: the checkout prices the whole story), or a plan
  that includes a capability the stage before promised and one the checkout promises, each
  stage's words telling of its own ("plan team (projects + admin-controls)"); out of a
  checkout passed over as price only, the same plan where the capability the later stage
  promises relieves one of the problem's pains (the customer bought the plan for the
  problem; a side feature of it, relieving none, is another story). Measured with
  `python tests/benchmarks/handoff_facets.py`: aligned handoffs dropped on the real-world
  sets 19 to 4; planted drops of a concept unrelated to what the stages promise found 59
  and 58 of 62 (FC103's page has the figures).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from funnelcheck.language.story import GENERIC_WORDS, foreign_words, states_a_figure, stem
from funnelcheck.model.stage_words import (
    BILLING_ROLES,
    MIN_WORDS_LEFT,
    StageWords,
    stage_words_of,
)

if TYPE_CHECKING:
    from funnelcheck.model.strategy import Strategy

#: Roles besides pricing and retention whose job includes stating the terms on which the
#: customer uses the product: a product stage offers the trial or the free tier and says
#: what it allows. A marketing stage opens on the problem and a sales stage qualifies on it:
#: one that only quotes a price has skipped the story, and FC101 still reports it.
ALLOWANCE_ROLES = frozenset({"product"})

#: Roles whose stage passes on what reached it as well as what it tells: a checkout states
#: the price of what the stages before it promised (see `_carried_forward`).
CHECKOUT_ROLES = frozenset({"pricing"})

#: A retold pain without an id is shown by its text's first words, at most this many.
PAIN_LABEL_WORDS = 5


@dataclass(frozen=True)
class RetoldPain:
    """One of the problem's pains that a stage retells."""

    #: Its place in `problem.pains`.
    index: int
    #: Its text as written.
    text: str
    #: How it is shown among what a stage carries: "pain: Friday afternoons spent …".
    label: str


@dataclass(frozen=True)
class StageTold:
    """What one speaking stage tells of the problem."""

    index: int
    #: Concept keys the pitch and claims carry, in `problem.terms` order.
    carries: tuple[str, ...]
    #: The concepts it does not carry, in the same order.
    misses: tuple[str, ...]
    #: The pains it retells, in `problem.pains` order.
    retells: tuple[RetoldPain, ...]
    #: A stage that tells nothing and only states its terms (see the module's doc).
    price_only: bool

    @property
    def count(self) -> int:
        """How much of the problem it tells, as `min_concepts` counts: its concepts, and
        one more where it retells pains."""
        return len(self.carries) + (1 if self.retells else 0)

    @property
    def tells(self) -> tuple[str, ...]:
        """Its concepts, then its retold pains' labels: what the relay and FC103 show."""
        return (*self.carries, *(pain.label for pain in self.retells))


@dataclass(frozen=True)
class HandoffTold:
    """The pass from one stage that tells to the next (on each path)."""

    source: int
    target: int
    #: What both carry: concept keys, then the labels of pains both retell.
    passed: tuple[str, ...]


@dataclass(frozen=True)
class Told:
    """What every speaking stage of one strategy tells, and each handoff between them."""

    #: Only the stages that say something, by stage index.
    stages: Mapping[int, StageTold]
    handoffs: tuple[HandoffTold, ...]
    #: The first stage that says something (FC102's), or None.
    opening: int | None


def pain_label(text: str, pain_id: object = None) -> str:
    """How a retold pain is shown: by its id, which the file uses to name it ("pain:
    surprise-renewals"), or where it has none by its text's first words ("pain: Friday
    afternoons spent reconstructing …")."""
    if isinstance(pain_id, str) and pain_id.strip():
        return f"pain: {' '.join(pain_id.split())}"
    words = text.split()
    shown = " ".join(words[:PAIN_LABEL_WORDS])
    return f"pain: {shown} …" if len(words) > PAIN_LABEL_WORDS else f"pain: {shown}"


def told_of(strategy: Strategy) -> Told:
    """The verdict for every speaking stage of a strategy, worked out once per file."""
    found = strategy.views.get(__name__)
    if not isinstance(found, Told):
        found = strategy.views[__name__] = _told(strategy)
    return found


def _told(strategy: Strategy) -> Told:
    story = strategy.story
    opening = story.first_stage
    pains = _pains_by_text(strategy)
    stages_data = strategy.data.get("stages")
    words: StageWords | None = None
    out: dict[int, StageTold] = {}
    for index, stage in story.stages.items():
        retells = tuple(
            RetoldPain(pains[text][0], text, pain_label(text, pains[text][1]))
            for text in stage.retells
            if text in pains
        )
        price_only = False
        if not stage.carries and not retells and index != opening and story.concepts:
            row = stages_data[index] if isinstance(stages_data, list) else None
            role = row.get("role") if isinstance(row, dict) else None
            texts = [text for _, text in strategy.texts_of_stage(index)]
            billing = role in BILLING_ROLES
            if billing or (role in ALLOWANCE_ROLES and any(map(states_a_figure, texts))):
                words = words or stage_words_of(strategy)
                vocabulary = words.for_stage(index) if billing else words.terms_for_stage(index)
                _, other = foreign_words(
                    story, words.quote_texts(index, texts, story.vocabulary), vocabulary
                )
                price_only = len(other) < MIN_WORDS_LEFT
        out[index] = StageTold(index, stage.carries, stage.misses, retells, price_only)
    judged = sorted(i for i, stage in out.items() if not stage.price_only)
    pairs = strategy.handoffs_between(judged)
    roles = _roles(strategy)
    forward = _carried_forward(out, pairs, roles)
    heard = _heard(out, pairs)
    facets = _Facets(strategy)
    handoffs = []
    for a, b in pairs:
        told_b = out[b].tells
        passed = tuple(k for k in out[a].tells if k in told_b) or tuple(
            k for k in forward[a] if k in told_b
        )
        if not passed and roles.get(b) in CHECKOUT_ROLES:
            passed = tuple(k for k in told_b if k in heard[a])
        if not passed:
            # A checkout passed over as price only still stands between them: the
            # customer bought the plan it priced (`_Facets.bridge`, `priced`).
            priced = any(
                i in out and out[i].price_only and roles.get(i) in CHECKOUT_ROLES
                for i in range(a + 1, b)
            )
            passed = facets.bridge(out[a], out[b], roles.get(b) in CHECKOUT_ROLES, priced)
        handoffs.append(HandoffTold(source=a, target=b, passed=passed))
    return Told(MappingProxyType(out), tuple(handoffs), opening)


def _roles(strategy: Strategy) -> dict[int, object]:
    stages = strategy.data.get("stages")
    if not isinstance(stages, list):
        return {}
    return {i: row.get("role") for i, row in enumerate(stages) if isinstance(row, dict)}


def _carried_forward(
    out: Mapping[int, StageTold], pairs: tuple[tuple[int, int], ...], roles: Mapping[int, object]
) -> dict[int, tuple[str, ...]]:
    """What the customer carries out of each stage that tells: what it tells and, out of
    a checkout (`CHECKOUT_ROLES`), what reached it too. A checkout's job is the price, and
    it does not reset the story: the stage after it (the kit arrives, the first session)
    is judged against what it said and what the customer heard before it."""
    into: dict[int, list[int]] = {}
    for a, b in pairs:
        into.setdefault(b, []).append(a)
    found: dict[int, tuple[str, ...]] = {}
    for index in sorted(out):  # sources come before their targets
        carried = dict.fromkeys(out[index].tells)
        if roles.get(index) in CHECKOUT_ROLES:
            for source in into.get(index, ()):
                carried.update(dict.fromkeys(found.get(source, out[source].tells)))
        found[index] = tuple(carried)
    return found


def _heard(
    out: Mapping[int, StageTold], pairs: tuple[tuple[int, int], ...]
) -> dict[int, frozenset[str]]:
    """What a customer has heard by the end of each stage that tells: what it tells and
    what every stage before it on their path told. A checkout is judged against it
    (`CHECKOUT_ROLES`): it prices the whole story, and may justify the price by any part of
    it the customer has heard."""
    into: dict[int, list[int]] = {}
    for a, b in pairs:
        into.setdefault(b, []).append(a)
    found: dict[int, frozenset[str]] = {}
    for index in sorted(out):  # sources come before their targets
        heard = set(out[index].tells)
        for source in into.get(index, ()):
            heard |= found.get(source, frozenset())
        found[index] = frozenset(heard)
    return found


class _Facets:
    """The capabilities each stage's claims promise (`promises`: what the claim says it
    shows), and the facets of the problem each capability ties together: the concepts its
    own text carries, then each pain it relieves (`relieves`) with the concepts that pain's
    text carries. Read only for a handoff that passes nothing otherwise."""

    def __init__(self, strategy: Strategy) -> None:
        self._strategy = strategy
        self._promised: dict[int, dict[str, None]] | None = None
        self._facets: dict[str, tuple[str, ...]] = {}
        self._plans: dict[str, frozenset[str]] | None = None
        self._plan_order: dict[str, int] = {}
        self._capability_words: dict[str, frozenset[str]] = {}
        self._said: dict[int, frozenset[str]] = {}

    def bridge(
        self, source: StageTold, target: StageTold, checkout: bool, priced: bool = False
    ) -> tuple[str, ...]:
        """What ties two stages that share no concept, as the relay shows it:

        - each capability the source promised that ties a concept the source tells to one
          the target tells: "sso (apps → sign-on)". The trial shows the live dashboards,
          the sales call says the analysts no longer rebuild their reports by hand, and the
          dashboards are what relieves that pain: one story. Only the source's promises
          count: the customer was shown what the stage before promised, and a later claim
          rewritten to another facet keeps its old `promises`;
        - into a checkout, a plan that includes both a capability the source promised and
          one the checkout promises (the same or another), each stage's words telling of
          the capability it promises (`_tells_of`): "plan team (projects +
          admin-controls)". The checkout prices the plan the customer was shown, and may
          name what else it includes;
        - out of a checkout passed over as price only (`priced`: it stands between them),
          the same plan, where the capability the target promises relieves one of the
          problem's pains: the customer bought the plan for the problem, and the stage
          after it tells of another part of it ("Demo" on double bookings, a quote, then
          the renewal on the plan's commission-free booking engine). A capability that
          relieves none is a side feature, and the handoff is dropped (the setup stage on
          a collar's step counter after ads about escapes).
        """
        promised = self._promised_at()
        ours = tuple(promised.get(source.index, ()))
        theirs = tuple(promised.get(target.index, ()))
        out: list[str] = []
        for capability_id in ours:
            facets = self._of(capability_id)
            told = next((k for k in facets if k in source.tells), None)
            heard = next((k for k in facets if k in target.tells), None)
            if told is not None and heard is not None:
                out.append(f"{capability_id} ({told} → {heard})")
        if out or not (checkout or priced) or not ours or not theirs:
            return tuple(out)
        # Only a capability the stage's own words tell of counts: a claim rewritten to
        # another facet that keeps its old `promises` ties nothing.
        plans = self._plans_of()
        shown = [c for c in ours if c in plans and self._tells_of(c, source)]
        for capability_id in theirs if shown else ():
            in_plans = plans.get(capability_id)
            if in_plans is None or not self._tells_of(capability_id, target):
                continue
            if not checkout and not self._relieves_a_pain(capability_id):
                continue
            for first in shown:
                # `isdisjoint` walks the smaller set and stops at the first plan in both.
                if not plans[first].isdisjoint(in_plans):
                    plan_id = min(plans[first] & in_plans, key=self._plan_order.__getitem__)
                    both = first if first == capability_id else f"{first} + {capability_id}"
                    return (f"plan {plan_id} ({both})",)
        return ()

    def _relieves_a_pain(self, capability_id: str) -> bool:
        """Whether a capability relieves one of the problem's pains (`relieves`)."""
        capability = self._strategy.capabilities.get(capability_id)
        relieves = capability.get("relieves") if isinstance(capability, dict) else None
        pains = _pains_by_id(self._strategy)
        return isinstance(relieves, list) and any(
            isinstance(pain_id, str) and pain_id in pains for pain_id in relieves
        )

    def _tells_of(self, capability_id: str, stage: StageTold) -> bool:
        """Whether a stage's words tell of a capability: they carry one of its facets, or
        use one of its text's own words, generic ones left out ("Suite Professional adds
        SLAs" for "SLA targets and reply-time reporting")."""
        facets = self._of(capability_id)
        if any(k in facets for k in stage.tells):
            return True
        own = self._words_of(capability_id)
        # The stemmer keeps an acronym's plural whole ("slas", "apis"): its singular counts.
        return any(
            w in own or (w.endswith("s") and w[:-1] in own) for w in self._stage_words(stage.index)
        )

    def _words_of(self, capability_id: str) -> frozenset[str]:
        found = self._capability_words.get(capability_id)
        if found is None:
            capability = self._strategy.capabilities.get(capability_id)
            text = capability.get("text") if isinstance(capability, dict) else None
            generic = _generic_stems()
            story = self._strategy.story
            found = frozenset(
                stem_
                for stem_, _ in (story.content_words(text) if isinstance(text, str) else ())
                if stem_ not in generic
            )
            self._capability_words[capability_id] = found
        return found

    def _stage_words(self, index: int) -> frozenset[str]:
        found = self._said.get(index)
        if found is None:
            story = self._strategy.story
            found = self._said[index] = frozenset(
                stem_
                for _, text in self._strategy.texts_of_stage(index)
                for stem_, _ in story.content_words(text)
            )
        return found

    def _plans_of(self) -> dict[str, frozenset[str]]:
        """The plans (ids) that include each capability, read once."""
        if self._plans is None:
            found: dict[str, set[str]] = {}
            for _, plan in self._strategy.plans():
                plan_id, includes = plan.get("id"), plan.get("includes")
                if isinstance(plan_id, str) and isinstance(includes, list):
                    self._plan_order.setdefault(plan_id, len(self._plan_order))
                    for capability_id in includes:
                        if isinstance(capability_id, str):
                            found.setdefault(capability_id, set()).add(plan_id)
            self._plans = {c: frozenset(ids) for c, ids in found.items()}
        return self._plans

    def _promised_at(self) -> dict[int, dict[str, None]]:
        if self._promised is None:
            self._promised = {}
            capabilities = self._strategy.capabilities
            for path, capability_id in self._strategy.promises():
                if capability_id in capabilities:  # a dangling promise is FC005's
                    self._promised.setdefault(int(path[1]), {})[capability_id] = None
        return self._promised

    def _of(self, capability_id: str) -> tuple[str, ...]:
        found = self._facets.get(capability_id)
        if found is None:
            found = self._facets[capability_id] = self._read(capability_id)
        return found

    def _read(self, capability_id: str) -> tuple[str, ...]:
        strategy = self._strategy
        capability = strategy.capabilities.get(capability_id)
        if not isinstance(capability, dict):
            return ()
        story = strategy.story
        text = capability.get("text")
        facets = dict.fromkeys(story.concepts_in(text) if isinstance(text, str) else ())
        relieves = capability.get("relieves")
        if isinstance(relieves, list):
            pains = _pains_by_id(strategy)
            for pain_id in relieves:
                pain_text = pains.get(pain_id) if isinstance(pain_id, str) else None
                if pain_text is not None:
                    facets[pain_label(pain_text, pain_id)] = None
                    facets.update(dict.fromkeys(story.concepts_in(pain_text)))
        return tuple(facets)


@cache
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in GENERIC_WORDS)


def _pains_by_id(strategy: Strategy) -> dict[str, str]:
    """Each pain's text by its id (the first, where an id repeats: FC008's)."""
    pains = strategy.problem.get("pains")
    out: dict[str, str] = {}
    if isinstance(pains, list):
        for pain in pains:
            if isinstance(pain, dict):
                pain_id, text = pain.get("id"), pain.get("text")
                if isinstance(pain_id, str) and isinstance(text, str):
                    out.setdefault(pain_id, text)
    return out


def _pains_by_text(strategy: Strategy) -> dict[str, tuple[int, object]]:
    """Each pain's text with its place in `problem.pains` and its id (the first, where two
    texts repeat)."""
    pains = strategy.problem.get("pains")
    out: dict[str, tuple[int, object]] = {}
    if isinstance(pains, list):
        for i, pain in enumerate(pains):
            text = pain.get("text") if isinstance(pain, dict) else None
            if isinstance(text, str):
                out.setdefault(text, (i, pain.get("id")))
    return out
