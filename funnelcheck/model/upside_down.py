"""The upside-down funnel: each reference customer's six answers beside the stage that must
deliver each one.

A reference customer is the funnel worked backwards, and each of the six questions checks
one runner of the relay:

- how the company reached them (`reached_via`) -> the stage whose `channels` list it
  (a marketing stage, usually);
- how they evaluated the product (`evaluation`) -> the product stage (the trial);
- what they paid and why (`paid`, `why_that_price`) -> the pricing stage;
- what convinced them (`why_bought`) and why this product (`why_us`) -> the sales stage and
  the value proposition's differentiators;
- why they trust the company (`trust`) -> the referral stage and the evidence.

The rules FC602 (the questions), FC604 (the channel) read the questions and the channels
from here, and the HTML report shows the mapping as `ReferenceView`s on the result: it is
computed once, here, never in a reporter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from funnelcheck.findings import Answer, Path, ReferenceView, StageRef

if TYPE_CHECKING:
    from funnelcheck.model.strategy import Strategy

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Question:
    """One question of the upside-down funnel, the keys that answer it and who delivers it."""

    label: str
    keys: tuple[str, ...]
    #: The stage roles that must deliver the answer.
    roles: tuple[str, ...]
    #: What else delivers it: "differentiators", "evidence" or "".
    also: str = ""


#: The six questions, in the catalog's order. "What they paid and why" takes both the amount
#: and the reason.
_SALES = ("sales",)
QUESTIONS: tuple[Question, ...] = (
    Question("what convinced them", ("why_bought",), _SALES, "differentiators"),
    Question("what they paid and why", ("paid", "why_that_price"), ("pricing",)),
    Question("why they trust the company", ("trust",), ("referral",), "evidence"),
    Question("how they evaluated the product", ("evaluation",), ("product",)),
    Question("why this product", ("why_us",), _SALES, "differentiators"),
    Question("how the company reached them", ("reached_via",), ("marketing",)),
)


# -- channels (FC604 and the view) ---------------------------------------------------------
def stage_channels(strategy: Strategy) -> list[tuple[str, Path]]:
    """Every channel any stage lists, as written, with its path (`stages[i].channels[j]`)."""
    channels: list[tuple[str, Path]] = []
    for stage_index, stage in strategy.stages():
        listed = stage.get("channels")
        if not isinstance(listed, list):
            continue
        for channel_index, channel in enumerate(listed):
            if isinstance(channel, str) and channel.strip():
                channels.append((channel, ("stages", stage_index, "channels", channel_index)))
    return channels


def stages_reaching(channels: list[tuple[str, Path]], reached_via: str) -> list[int]:
    """The stages (indices, in order) that list the channel `reached_via`."""
    found = {path[1] for channel, path in channels if same_channel(reached_via, channel)}
    return sorted(i for i in found if isinstance(i, int))


def same_channel(a: str, b: str) -> bool:
    """Two channels are the same when their words pair up, ignoring case and plurals."""
    words_a, words_b = _words(a), _words(b)
    return len(words_a) == len(words_b) and all(map(_same_word, words_a, words_b))


def _words(channel: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", channel).casefold())


def _same_word(a: str, b: str) -> bool:
    """`podcast`/`podcasts`, `search`/`searches`, `community`/`communities`.

    A plural is recognised only against its own singular, never guessed from an ending
    alone: cutting a final "s" would also turn "analysis" into "analysi".
    """
    if a == b:
        return True
    for singular, plural in ((a, b), (b, a)):
        if plural in (singular + "s", singular + "es"):
            return True
        if singular.endswith("y") and plural == singular[:-1] + "ies":
            return True
    return False


# -- the view ------------------------------------------------------------------------------
def reference_views(strategy: Strategy) -> tuple[ReferenceView, ...]:
    """Each reference customer's six answers, each with the stages that must deliver it."""
    from funnelcheck.model.strategy import customer_name

    customers = list(strategy.reference_customers())
    if not customers:
        return ()
    stages = list(_stage_refs(strategy))
    channels = stage_channels(strategy)
    proposition = _mapping(strategy.data.get("value_proposition"))
    differentiators = _texts(proposition.get("differentiators"))
    evidence = tuple(_evidence(strategy))
    views = []
    for index, customer in customers:
        answers = []
        for question in QUESTIONS:
            text = _answer(customer, question.keys, strategy.currency)
            delivering = [s for s in stages if s.role in question.roles]
            gap = ""
            if question.keys == ("reached_via",) and text:
                listing = set(stages_reaching(channels, text))
                delivering = [s for s in stages if s.index in listing]
                if not delivering:
                    gap = f'no stage lists "{text}" among its channels'
            elif not delivering:
                gap = f"no stage has the role `{question.roles[0]}`: no runner delivers this"
            also_label = ""
            also: tuple[str, ...] = ()
            if question.also == "differentiators":
                also_label, also = "the value proposition's differentiators", differentiators
            elif question.also == "evidence":
                also_label, also = "the evidence", evidence
            answers.append(
                Answer(
                    question=question.label,
                    keys=question.keys,
                    text=text,
                    stages=tuple(delivering),
                    also_label=also_label,
                    also=also,
                    gap=gap,
                )
            )
        views.append(ReferenceView(index, customer_name(customer, index), tuple(answers)))
    return tuple(views)


def _stage_refs(strategy: Strategy) -> Iterator[StageRef]:
    known = {p.id for p in strategy.funnel.paths}
    for index, stage in strategy.stages():
        path = stage.get("path")
        yield StageRef(
            index=index,
            name=str(stage.get("name", f"stage {index + 1}")),
            role=str(stage.get("role", "")),
            path=path if isinstance(path, str) and path in known else None,
        )


def _answer(customer: dict[str, Any], keys: tuple[str, ...], currency: str | None) -> str:
    """The answer as one text: "$5,988 a year: less than a week of the controller's time"."""
    from funnelcheck.language.money import money_from

    parts = []
    for key in keys:
        value = customer.get(key)
        if value is None or value == "" or value == {} or value == []:
            continue
        if key == "paid":
            try:
                money = money_from(value, currency)
            except Exception:  # a malformed amount is the schema's; show it as written
                money = None
            parts.append(money.describe() if money is not None else _plain(value))
        else:
            parts.append(_plain(value))
    return ": ".join(p for p in parts if p)


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(" ".join(v.split()) for v in value if isinstance(v, str) and v.strip())


def _evidence(strategy: Strategy) -> Iterator[str]:
    """Each piece of evidence in words: "finance-interviews (interview, 14, 2026-09-01)"."""
    items = strategy.data.get("evidence")
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        details = []
        for key, shown in (("kind", "{}"), ("n", "n={}"), ("date", "{}")):
            if item.get(key) not in (None, ""):
                details.append(shown.format(_plain(item[key])))
        yield item["id"] + (f" ({', '.join(details)})" if details else "")
