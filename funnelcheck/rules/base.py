"""The interface every rule implements, built-in or plugged in."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from funnelcheck.findings import Issue, Severity

if TYPE_CHECKING:
    from funnelcheck.model.strategy import Strategy

#: Codes whose presence means the data does not have the format's shape: content rules
#: would only repeat the fault, so the engine does not run them on such a file, and the
#: configuration never turns these off (a file that cannot be checked is never clean).
SHAPE_FAULTS = frozenset({"FC001", "FC002", "FC006", "FC007"})

#: How much of a user's text (a claim, a reason, an assumption) a message quotes.
QUOTE_CHARS = 80


def check_range(
    name: str,
    value: float,
    *,
    at_least: float | None = None,
    above: float | None = None,
    at_most: float | None = None,
) -> None:
    """Refuse an option value outside the range where it means something.

    Called from an Options dataclass's `__post_init__`; the configuration reports the
    ValueError with the config file and line, so `min-concepts: -3` or
    `max-foreign-share: 7` (a percentage where a share is meant) is an error, not a rule
    that silently never fires.
    """
    shown = f"`{name.replace('_', '-')}`"
    if at_least is not None and value < at_least:
        raise ValueError(f"{shown} must be at least {at_least:g}, not {value!r}")
    if above is not None and value <= above:
        raise ValueError(f"{shown} must be more than {above:g}, not {value!r}")
    if at_most is not None and value > at_most:
        raise ValueError(f"{shown} must be at most {at_most:g}, not {value!r}")


def quote(text: str) -> str:
    """A user's text on one line, cut at a word once it passes `QUOTE_CHARS`: a message
    names what it speaks of without a long text burying the finding."""
    flat = " ".join(text.split())
    if len(flat) <= QUOTE_CHARS:
        return flat
    return flat[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"


def join_and(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"; "" for none."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class NoOptions:
    """A rule that takes no options."""


class Rule:
    """First line: what it checks. Then why, a failing and a passing example, options.

    Subclasses set `code`, `name` and `severity`, may give a frozen dataclass whose fields
    have defaults as their options (`class MyRule(Rule, options=MyOptions)`, or `Options =
    MyOptions` in the class body), and implement `check`. A rule reads the strategy's plain
    data (and its derived views), yields `Issue`s that point at paths, and never prints
    or computes line numbers: the engine locates, stamps and filters.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type[Any]] = NoOptions
    #: Input rules (FC001-FC004, FC007) report what the load and validate steps found and
    #: run on every file; the other rules run only on data that has the format's shape.
    input_rule: ClassVar[bool] = False

    def __init_subclass__(cls, options: type[Any] | None = None, **kwargs: Any) -> None:
        """`class MyRule(Rule, options=MyOptions)` sets `Options`: in the class body,
        `Options = Options` would make the name in `check`'s annotation the attribute, not
        the module's dataclass. Setting `Options` in the body still works (older plugins)."""
        super().__init_subclass__(**kwargs)
        if options is not None:
            cls.Options = options

    def check(self, strategy: Strategy, options: Any) -> Iterator[Issue]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph on one line: what `funnelcheck rules`, SARIF's
        `shortDescription` and every other listing show. A paragraph, not a line, so that a
        sentence wrapped in the source is never cut where the line happens to break."""
        doc = inspect.cleandoc(cls.__doc__ or "")
        return " ".join(doc.split("\n\n", 1)[0].split())

    @classmethod
    def family(cls) -> str:
        """`FC1` for FC101: the hundred a code belongs to."""
        return cls.code[:3]


class InputRule(Rule):
    """An input rule: yields what the load and validate steps recorded under its code."""

    input_rule = True

    def check(self, strategy: Strategy, options: Any) -> Iterator[Issue]:
        yield from strategy.input_issues.get(self.code, ())
