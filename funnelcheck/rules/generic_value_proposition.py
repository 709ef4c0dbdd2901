"""FC107 generic-value-proposition: buzzwords stand in for a concrete value."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.rules.base import Rule
from funnelcheck.story import normalise
from funnelcheck.strategy import Strategy

#: Words that claim value without saying which: any product could say them of itself.
#: Written with hyphens; a space or a hyphen matches either way ("best in class").
BUZZWORDS: tuple[str, ...] = (
    "all-in-one",
    "best-in-class",
    "best-of-breed",
    "bleeding-edge",
    "cutting-edge",
    "disruptive",
    "easy-to-use",
    "effortless",
    "effortlessly",
    "empower",
    "empowers",
    "empowering",
    "end-to-end",
    "enterprise-grade",
    "frictionless",
    "future-proof",
    "game-changer",
    "game-changing",
    "holistic",
    "industry-leading",
    "innovative",
    "market-leading",
    "mission-critical",
    "next-gen",
    "next-generation",
    "one-stop shop",
    "paradigm shift",
    "powerful",
    "revolutionary",
    "revolutionize",
    "revolutionizes",
    "robust",
    "seamless",
    "seamlessly",
    "state-of-the-art",
    "supercharge",
    "supercharges",
    "synergy",
    "synergies",
    "turnkey",
    "unmatched",
    "unparalleled",
    "unrivaled",
    "user-friendly",
    "world-class",
)


@dataclass(frozen=True)
class Options:
    #: Buzzwords of your own trade to look for as well (as BUZZWORDS are written).
    extra_buzzwords: tuple[str, ...] = ()


class GenericValueProposition(Rule):
    """Buzzwords (best-in-class, all-in-one, seamless...) stand in for a concrete value.

    **Why.** "The seamless, all-in-one platform" could be said of any product, so it tells
    the buyer nothing about *their* problem, and sales has nothing concrete to hand on: no
    number to check in the trial, no outcome to price against. Say what changes for the
    customer, in their terms ("the month-end close takes hours instead of days"). Each text
    of the value proposition (the statement, each differentiator) that uses buzzwords gets
    one note naming them; they are matched as whole words, ignoring case, a hyphen or a
    space either way.

    **Failing example.**

    ```yaml
    value_proposition:
      statement: The seamless, all-in-one platform for modern finance teams.
    ```

    **Passing example.**

    ```yaml
    value_proposition:
      statement: >
        Ledgerline reconciles every Stripe payout against the general ledger automatically,
        so the month-end close takes hours instead of days.
    ```

    **Options.** `extra_buzzwords` (default none): more words or phrases to treat as
    buzzwords, written as the built-in list writes them (`best-in-class`).
    """

    code = "FC107"
    name = "generic-value-proposition"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        pattern = _pattern(tuple(options.extra_buzzwords))
        proposition = strategy.value_proposition
        texts: list[tuple[Path, str]] = []
        statement = proposition.get("statement")
        if isinstance(statement, str):
            texts.append((("value_proposition", "statement"), statement))
        differentiators = proposition.get("differentiators")
        if isinstance(differentiators, list):
            for index, text in enumerate(differentiators):
                if isinstance(text, str):
                    texts.append((("value_proposition", "differentiators", index), text))
        for path, text in texts:
            found = _unique(m.group(0) for m in pattern.finditer(normalise(text)))
            if not found:
                continue
            last = path[-1]
            where = f"differentiator {last + 1}" if isinstance(last, int) else "statement"
            yield Issue(
                path=path,
                message=(
                    f"the value proposition's {where} leans on buzzwords "
                    f"({', '.join(found)}) instead of a concrete value: say what changes for "
                    "the customer, in their numbers"
                ),
                subject=" ".join(text.split()),
                data={"buzzwords": found},
            )

    # Set after `check`: there, `Options` must still name the module's dataclass for mypy.
    Options = Options


@lru_cache(maxsize=16)
def _pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    phrases = sorted({normalise(b) for b in (*BUZZWORDS, *extra) if b.strip()}, key=len)
    alternatives = [
        r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", phrase.strip()))
        for phrase in reversed(phrases)  # longest first, so "next-generation" beats "next-gen"
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(" ".join(item.split()), None)
    return list(seen)
