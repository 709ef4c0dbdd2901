"""The strategy as the rules read it: plain data plus a few derived views, computed once.

Rules read `Strategy`, never YAML nodes or lines. Views that several rules share (the
problem story's analysis, capabilities by id, the plans) are computed on first use and
kept for the file's other rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from funnelcheck.findings import Issue, Path

if TYPE_CHECKING:
    from funnelcheck.language.money import TextAmount
    from funnelcheck.language.story import StoryAnalysis
    from funnelcheck.model.footing import ClaimContext, Footing
    from funnelcheck.model.funnel import Funnel

#: Days a date may lie after today without being called a typo: the author's day may
#: already be tomorrow on the machine that checks (time zones). FC701 and FC703.
FUTURE_SLACK_DAYS = 1

#: Funnel roles in the order a customer meets them (FC504); `other` may stand anywhere.
ROLE_ORDER = {"marketing": 0, "sales": 1, "product": 1, "pricing": 2, "retention": 3, "referral": 4}


@dataclass
class Strategy:
    """One file's strategy: what every rule receives."""

    file: str
    data: dict[str, Any]
    as_of: dt.date
    text: str = ""
    #: What the load and validate steps found, by code (FC002, FC003, FC004 ...).
    input_issues: dict[str, list[Issue]] = field(default_factory=dict)
    #: Views of the model layer that several rules read, each worked out once per file by
    #: the module that owns it and kept here under that module's name: what each stage
    #: tells (`funnelcheck.model.told.told_of`, read by the story rules and the relay) and
    #: the words each stage's job needs (`funnelcheck.model.stage_words.stage_words_of`).
    views: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: The money amounts read in each text so far (`amounts_in`).
    _amounts: dict[str, tuple[TextAmount, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    # -- plain views -------------------------------------------------------------------
    @property
    def problem(self) -> dict[str, Any]:
        return _mapping(self.data.get("problem"))

    @property
    def segment(self) -> dict[str, Any]:
        return _mapping(self.data.get("segment"))

    @property
    def value_proposition(self) -> dict[str, Any]:
        return _mapping(self.data.get("value_proposition"))

    @property
    def price(self) -> dict[str, Any]:
        return _mapping(self.data.get("price"))

    @property
    def goals(self) -> dict[str, Any]:
        return _mapping(self.data.get("goals"))

    @property
    def typical_customer(self) -> dict[str, Any]:
        """`segment.typical_customer`: quantities, volumes, plan mix, revenue per account."""
        return _mapping(self.segment.get("typical_customer"))

    @property
    def currency(self) -> str | None:
        cur = self.price.get("currency")
        return cur if isinstance(cur, str) else None

    def stages(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every stage with its index, first touch first."""
        return iter(self._stages)

    def texts_of_stage(self, index: int) -> list[tuple[Path, str]]:
        """`stage_texts` of the stage at `index` (none for no such stage), read once."""
        return self._stage_texts.get(index, [])

    def stages_with_texts(self) -> Iterator[tuple[int, list[tuple[Path, str]]]]:
        """Every stage's index with its `stage_texts` (maybe none), first touch first."""
        return iter(self._stage_texts.items())

    def claims(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        """Every claim with its path, stage by stage."""
        return iter(self._claims)

    def promises(self) -> Iterator[tuple[Path, str]]:
        """Every capability id a claim promises, with its path, stage by stage."""
        for claim_path, claim in self._claims:
            for k, capability_id in enumerate(_list(claim.get("promises"))):
                if isinstance(capability_id, str):
                    yield (*claim_path, "promises", k), capability_id

    # The stages, their texts and claims, listed once: most rules walk them, and the data
    # does not change while the rules read it.
    @cached_property
    def _stages(self) -> list[tuple[int, dict[str, Any]]]:
        return list(indexed_mappings(self.data.get("stages")))

    @cached_property
    def _stage_texts(self) -> dict[int, list[tuple[Path, str]]]:
        return {i: stage_texts(stage) for i, stage in self._stages}

    @cached_property
    def _claims(self) -> list[tuple[Path, dict[str, Any]]]:
        return [
            (("stages", i, "claims", j), claim)
            for i, stage in self._stages
            for j, claim in indexed_mappings(stage.get("claims"))
        ]

    @cached_property
    def capability_indices(self) -> dict[str, int]:
        """Where each capability id is defined in `capabilities` (its first definition: FC008
        reports the repeat)."""
        out: dict[str, int] = {}
        for i, cap in indexed_mappings(self.data.get("capabilities")):
            if isinstance(cap.get("id"), str):
                out.setdefault(cap["id"], i)
        return out

    @cached_property
    def capabilities(self) -> dict[str, dict[str, Any]]:
        """Capabilities by id (the first of a repeated id: FC008 reports the repeat)."""
        listed = self.data["capabilities"] if self.capability_indices else []
        return {cap_id: listed[i] for cap_id, i in self.capability_indices.items()}

    def plans(self) -> Iterator[tuple[int, dict[str, Any]]]:
        return indexed_mappings(self.price.get("plans"))

    def stakeholders(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every stakeholder of the segment with its index, in the order written."""
        return indexed_mappings(self.segment.get("stakeholders"))

    def reference_customers(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every reference customer with its index, in the order written."""
        return indexed_mappings(self.data.get("reference_customers"))

    def stage_name(self, index: int) -> str:
        stages = _list(self.data.get("stages"))
        if 0 <= index < len(stages) and isinstance(stages[index], dict):
            return str(stages[index].get("name", f"stage {index + 1}"))
        return f"stage {index + 1}"

    # -- derived views -------------------------------------------------------------------
    def amounts_in(self, text: str) -> tuple[TextAmount, ...]:
        """The money amounts of a text, as `money.find_amounts` reads them with the price's
        currency: read once per file, since FC204, FC302 and FC305 read the same pitches
        and claims."""
        found = self._amounts.get(text)
        if found is None:
            from funnelcheck.language.money import find_amounts

            found = self._amounts[text] = tuple(find_amounts(text, self.currency))
        return found

    @cached_property
    def footing(self) -> Footing:
        """The plans priced for the typical customer (`funnelcheck.model.footing`): every price
        rule compares on these figures."""
        from funnelcheck.model.footing import Footing

        return Footing(self.currency, self.typical_customer, self.plans())

    @cached_property
    def claim_context(self) -> ClaimContext:
        """What tells the product's price from other money in this strategy's pitches and
        claims (`funnelcheck.model.footing.read_claim`): its product's name and category,
        `problem.alternatives`, and the competitors its value proposition, pitches and
        claims set it against ("unlike Square")."""
        from funnelcheck.model.footing import claim_context

        product = _mapping(self.data.get("product"))
        value = self.value_proposition
        differentiators = value.get("differentiators")
        texts = [value.get("statement")]
        texts += differentiators if isinstance(differentiators, list) else []
        texts += [text for _, stage_texts in self.stages_with_texts() for _, text in stage_texts]
        return claim_context(
            self.footing,
            product.get("name"),
            product.get("category"),
            self.problem.get("alternatives"),
            [text for text in texts if isinstance(text, str)],
            self.problem.get("cost"),
            _problem_texts(self.problem),
        )

    @cached_property
    def funnel(self) -> Funnel:
        """The funnel's shape: who hands their entrants to whom, along `paths`."""
        from funnelcheck.model.funnel import read_funnel

        return read_funnel(self.data.get("stages"), self.data.get("paths"))

    @cached_property
    def story(self) -> StoryAnalysis:
        """The problem story: concepts, what each stage carries, what each handoff passes."""
        from funnelcheck.language.story import analyse

        handoffs = self.funnel.handoffs_between if self._branches else None
        proposition = self.value_proposition
        said = [
            *_strings(self.problem.get("statement")),
            *_strings(proposition.get("statement")),
            *_strings(proposition.get("differentiators")),
        ]
        return analyse(
            self.problem.get("terms"),
            said,
            self.stages_with_texts(),
            handoffs,
            story_texts(self),
            who_texts(self),
            [
                text
                for pain in _items(self.problem.get("pains"))
                for text in _strings(pain.get("text"))
            ],
        )

    @cached_property
    def _branches(self) -> bool:
        return self.data.get("paths") is not None or any(
            "share" in stage for _, stage in self.stages()
        )

    def handoffs_between(self, speaking: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """The handoffs between the stages at `speaking` (indices): along the funnel's
        edges where it branches (`Funnel.handoffs_between`), else each to the next."""
        ordered = sorted(speaking)
        if self._branches:
            return self.funnel.handoffs_between(ordered)
        return tuple(pairwise(ordered))


def describe_stage(strategy: Strategy, index: int) -> str:
    """How messages name a stage: `Onboarding and renewal` (retention)."""
    stages = strategy.data.get("stages")
    role = None
    if isinstance(stages, list) and 0 <= index < len(stages) and isinstance(stages[index], dict):
        role = stages[index].get("role")
    name = strategy.stage_name(index)
    return f"`{name}` ({role})" if isinstance(role, str) else f"`{name}`"


def who_texts(strategy: Strategy) -> Iterator[str]:
    """The texts that say who has the problem: the segment's name and description and its
    stakeholders' titles (what they care about is the story, not who they are)."""
    segment = strategy.segment
    yield from _strings(segment.get("name"))
    yield from _strings(segment.get("description"))
    for stakeholder in _items(segment.get("stakeholders")):
        yield from _strings(stakeholder.get("title"))


def story_texts(strategy: Strategy) -> Iterator[str]:
    """The texts that set the story, FC104's vocabulary: the problem (statement, terms,
    pains, alternatives), the value proposition (statement, differentiators), the
    capabilities' texts, the segment (name, description, stakeholders' titles and what they
    care about) and the product's name and category."""
    from funnelcheck.language.story import concepts_of

    problem = strategy.problem
    yield from _strings(problem.get("statement"))
    for concept in concepts_of(problem.get("terms")):
        yield from concept.all_wordings
    for pain in _items(problem.get("pains")):
        yield from _strings(pain.get("text"))
    yield from _strings(problem.get("alternatives"))
    proposition = strategy.value_proposition
    yield from _strings(proposition.get("statement"))
    yield from _strings(proposition.get("differentiators"))
    for capability in _items(strategy.data.get("capabilities")):
        yield from _strings(capability.get("text"))
    segment = strategy.segment
    yield from _strings(segment.get("name"))
    yield from _strings(segment.get("description"))
    for stakeholder in _items(segment.get("stakeholders")):
        yield from _strings(stakeholder.get("title"))
        yield from _strings(stakeholder.get("cares_about"))
    product = strategy.data.get("product")
    if isinstance(product, Mapping):
        yield from _strings(product.get("name"))
        yield from _strings(product.get("category"))


def _problem_texts(problem: Mapping[str, Any]) -> list[str]:
    """The problem's own words: its statement, its terms (names and synonyms) and its
    pains' texts (`ClaimContext.problem`: what a subject costing a party is about)."""
    texts = list(_strings(problem.get("statement")))
    terms = problem.get("terms")
    if isinstance(terms, Mapping):
        texts += [str(key) for key in terms] + [t for v in terms.values() for t in _strings(v)]
    pains = problem.get("pains")
    for pain in pains if isinstance(pains, list) else []:
        texts += _strings(pain.get("text") if isinstance(pain, Mapping) else pain)
    return texts


def _strings(value: Any) -> Iterator[str]:
    """A string, or the strings of a list (numbers as written); nothing else."""
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            yield str(item)


def _items(value: Any) -> Iterable[Mapping[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, Mapping))


def stage_texts(stage: dict[str, Any]) -> list[tuple[Path, str]]:
    """The texts a stage says, with their paths relative to the stage: pitch, then claims."""
    out: list[tuple[Path, str]] = []
    pitch = stage.get("pitch")
    if isinstance(pitch, str) and pitch.strip():
        out.append((("pitch",), pitch))
    for j, claim in enumerate(_list(stage.get("claims"))):
        if isinstance(claim, dict):
            text = claim.get("text")
            if isinstance(text, str) and text.strip():
                out.append((("claims", j, "text"), text))
    return out


def nonblank_strings(value: Any) -> list[str]:
    """A string, or the strings of a list, leaving out blank ones and anything not text."""
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and v.strip()]


def describe_stakeholder(stakeholder: dict[str, Any]) -> str:
    """How a message names a stakeholder: "the CFO (`economic_buyer`)", or the bare role."""
    role = stakeholder.get("role")
    title = stakeholder.get("title")
    if isinstance(title, str) and title.strip():
        return f"the {title} (`{role}`)"
    return f"`{role}`"


def customer_name(customer: dict[str, Any], index: int) -> str:
    """What a message calls a reference customer: its name, or its place in the list."""
    name = customer.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    return f"reference customer {index + 1}"


def indexed_mappings(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of a list with their indices; anything else in it (the schema's) skipped."""
    for i, item in enumerate(_list(value)):
        if isinstance(item, dict):
            yield i, item


def defined_ids(value: Any) -> list[str]:
    """The ids of a list of mappings, in order and without repeats (FC008 reports those)."""
    return list(
        dict.fromkeys(
            item["id"] for _, item in indexed_mappings(value) if isinstance(item.get("id"), str)
        )
    )


def value_at(data: Any, path: Path) -> Any:
    """The value under a path of keys and indices, or None where a step is missing."""
    for step in path:
        if isinstance(step, int):
            data = data[step] if isinstance(data, list) and 0 <= step < len(data) else None
        else:
            data = data.get(step) if isinstance(data, dict) else None
    return data


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_date(value: Any) -> dt.date | None:
    """A `YYYY-MM-DD` date as the loader keeps it (text), or a date already; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
