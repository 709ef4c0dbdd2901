"""FC107 generic-value-proposition: buzzwords stand in for a concrete value (mostly: a warning)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.story import STOPWORDS, normalise
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import Rule, check_range

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


#: Words that say what kind of thing is sold, not what it does for whom: "the platform
#: for ..." fits every product of its kind. They count as generic in the share, but
#: alone they are not a finding ("Payroll software for restaurants" is concrete enough).
GENERIC_NOUNS: tuple[str, ...] = (
    "app",
    "apps",
    "experience",
    "experiences",
    "hub",
    "platform",
    "platforms",
    "product",
    "products",
    "solution",
    "solutions",
    "software",
    "suite",
    "system",
    "technology",
    "tool",
    "tools",
    "toolkit",
)
#: Qualities any product claims and none proves as written: generic in the share, not a
#: finding alone ("a simple way to reconcile payouts" says what is simple).
VAGUE_QUALITIES: tuple[str, ...] = (
    "amazing",
    "awesome",
    "better",
    "easy",
    "easier",
    "flexible",
    "great",
    "intuitive",
    "leading",
    "modern",
    "scalable",
    "simple",
    "smart",
    "smarter",
    "ultimate",
    "unique",
)


#: A text is "mostly generic" only with at least this many generic words: "Simple pricing"
#: is half generic, and concrete enough for a differentiator.
MIN_GENERIC_WORDS = 2


@dataclass(frozen=True)
class Options:
    #: Buzzwords of your own trade to look for as well (as BUZZWORDS are written).
    extra_buzzwords: tuple[str, ...] = ()
    #: Above this share of generic words, a text with a buzzword is a warning, not a note.
    max_generic_share: float = 0.5

    def __post_init__(self) -> None:
        check_range("max_generic_share", self.max_generic_share, at_least=0, at_most=1)


class GenericValueProposition(Rule, options=Options):
    """Buzzwords (best-in-class, all-in-one, seamless...) stand in for a concrete value.

    **Why.** "The seamless, all-in-one platform" could be said of any product, so it tells
    the buyer nothing about *their* problem, and sales has nothing concrete to hand on: no
    number to check in the trial, no outcome to price against. Say what changes for the
    customer, in their terms ("the month-end close takes hours instead of days"). Each text
    of the value proposition (the statement, each differentiator) that uses buzzwords gets
    one finding naming them; they are matched as whole words, ignoring case, a hyphen or a
    space either way.

    **Severity.** A text whose words are mostly generic (more than `max_generic_share` of
    them, and at least two) is a warning: a reviewer would stop the pitch there. A text with
    a buzzword in an otherwise concrete sentence ("A powerful NetSuite and QuickBooks sync")
    is a note (info).
    The share counts each word once as written (a hyphenated word or a buzzword phrase as
    one), leaving out function words, numbers and the product's own name. Generic words are:

    - `BUZZWORDS`: the words press-release and marketing-copy studies find in every
      industry's copy, such as David Meerman Scott's *Gobbledygook Manifesto* (the most
      overused words in hundreds of thousands of press releases, 2006: next-generation,
      flexible, robust, world-class, scalable, easy-to-use, cutting-edge, market-leading, turnkey,
      mission-critical, best-of-breed, user-friendly, innovative, seamless...) and
      Wikipedia's "peacock" and "puffery" words (WP:PEACOCK); only words that claim value
      without saying which, so any product could say them of itself.
    - `GENERIC_NOUNS`: what kind of thing is sold (platform, solution, tool, app, software,
      suite, experience...): "the platform for X" fits every product of its kind.
    - `VAGUE_QUALITIES`: qualities every product claims and none proves as written (simple,
      easy, modern, smart, flexible, scalable, intuitive, better...).

    Generic nouns and vague qualities are no finding in a concrete text ("Payroll software
    for restaurants", "a simple way to reconcile payouts" name their subject); a text made
    mostly of them ("A simple, modern platform") is a warning like any other.

    Measured (`python tests/benchmarks/generic_vp.py`): on 35 labelled texts of 25
    businesses (15 generic, 20 concrete, several with a buzzword in a concrete sentence),
    the warning falls on 15 of 15 generic texts and on none of the 20 concrete ones at any
    share from 0.34 to 0.6 (the default 0.5 is the issue's "most of its words", not a tuned
    figure; at 0.67 four generic texts fall back to a note); on the 7 sample strategies and
    the 17 strategies of real businesses in `tests/realworld/` (with the 3 held out), no
    finding at all.

    **Failing example.**

    ```yaml
    value_proposition:
      statement: The seamless, all-in-one platform for modern finance teams.
    ```

    Four of its six words (seamless, all-in-one, platform, modern) are generic: a warning.

    **Passing example.**

    ```yaml
    value_proposition:
      statement: >
        Ledgerline reconciles every Stripe payout against the general ledger automatically,
        so the month-end close takes hours instead of days.
    ```

    **Options.** `extra_buzzwords` (default none): more words or phrases to treat as
    buzzwords, written as the built-in list writes them (`best-in-class`).
    `max_generic_share` (default 0.5): above this share of generic words, a text is a
    warning rather than a note.
    """

    code = "FC107"
    name = "generic-value-proposition"
    severity = Severity.WARNING

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
        own_names = _own_names(strategy)
        for path, text in texts:
            normalised = normalise(text)
            found = _unique(m.group(0) for m in pattern.finditer(normalised))
            generic, total = _generic_share(pattern, normalised, own_names)
            share = generic / total if total else 0.0
            mostly_generic = generic >= MIN_GENERIC_WORDS and share > options.max_generic_share
            if not (found or mostly_generic):
                continue
            last = path[-1]
            where = f"differentiator {last + 1}" if isinstance(last, int) else "statement"
            if mostly_generic:
                named = f"; buzzwords: {', '.join(found)}" if found else ""
                message = (
                    f"the value proposition's {where} is mostly generic words ({generic} of "
                    f"its {total}, {share:.0%}{named}): it could be said of any product, so "
                    "it tells the buyer nothing; say what changes for the customer, in their "
                    "numbers"
                )
            else:
                message = (
                    f"the value proposition's {where} leans on buzzwords "
                    f"({', '.join(found)}) instead of a concrete value: say what changes for "
                    "the customer, in their numbers"
                )
            yield Issue(
                path=path,
                message=message,
                severity=Severity.WARNING if mostly_generic else Severity.INFO,
                subject=" ".join(text.split()),
                data={
                    "buzzwords": found,
                    "generic_words": generic,
                    "words": total,
                    "share": round(share, 2),
                },
            )


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


_GENERIC_WORDS = frozenset((*GENERIC_NOUNS, *VAGUE_QUALITIES))
#: A word as the story rules read one, a hyphenated word whole ("self-care").
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def _generic_share(
    pattern: re.Pattern[str], normalised: str, own_names: frozenset[str]
) -> tuple[int, int]:
    """How many of a text's words are generic, of how many: each buzzword phrase counts as
    one word; the other words count once each, leaving out function words, numbers and the
    product's own name (it is neither generic nor concrete); a hyphenated word is one."""
    generic = 0
    total = 0
    rest: list[str] = []
    position = 0
    for match in pattern.finditer(normalised):
        rest.append(normalised[position : match.start()])
        position = match.end()
        generic += 1
        total += 1
    rest.append(normalised[position:])
    for word in _WORD.findall(" ".join(rest)):
        if word in STOPWORDS or word in own_names or not word.replace("-", "").isalpha():
            continue  # function words, the product's name and numbers say neither
        total += 1
        generic += word in _GENERIC_WORDS
    return generic, total


def _own_names(strategy: Strategy) -> frozenset[str]:
    """The words of the product's name: "Ledgerline reconciles ..." is about Ledgerline."""
    product = strategy.data.get("product")
    name = product.get("name") if isinstance(product, dict) else None
    return frozenset(_WORD.findall(normalise(name))) if isinstance(name, str) else frozenset()
