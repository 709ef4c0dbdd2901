"""Which rules run: rules by code, name and family, and the layered selection
(`select`, `extend-select`, `ignore`; the more specific entry wins)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from funnelcheck.config.settings import (
    ALWAYS,
    COMMAND_LINE,
    DEFAULT,
    FAIL_ON,
    ConfigError,
    Overrides,
)
from funnelcheck.rules.base import SHAPE_FAULTS, Rule
from funnelcheck.support.similar import did_you_mean

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    pass


# -- rules by code, name and family ---------------------------------------------------------

_FAMILY = re.compile(r"([A-Za-z]+)(\d*)\Z")
#: A code or a rule name is as specific as a selector gets.
_EXACT = 1_000


@dataclass(frozen=True)
class _Selector:
    """One entry of `select` / `ignore`: which rules it names and how specifically."""

    text: str
    code: str | None = None  # an exact code (a rule name is stored as its code)
    prefix: str | None = None  # a family: codes starting so, e.g. "FC1"
    origin: str = DEFAULT

    @property
    def specificity(self) -> int:
        if self.code is not None:
            return _EXACT
        return len(self.prefix or "")  # "ALL" has the empty prefix: least specific

    def matches(self, rule: type[Rule]) -> bool:
        if self.code is not None:
            return rule.code == self.code
        assert self.prefix is not None
        return rule.code.upper().startswith(self.prefix)


class _RuleIndex:
    """The known rules, to resolve what a user writes and to suggest what they meant."""

    def __init__(self, rules: Mapping[str, type[Rule]]) -> None:
        self.rules = dict(rules)
        self.by_code = {code.upper(): rule for code, rule in rules.items()}
        self.by_name = {rule.name: rule for rule in rules.values()}

    def rule(self, text: str) -> type[Rule] | None:
        """The rule a `rules:` key names (code in any case, or name)."""
        return self.by_code.get(text.upper()) or self.by_name.get(text.strip().lower())

    def selector(self, text: str, origin: str) -> _Selector | None:
        rule = self.rule(text)
        if rule is not None:
            return _Selector(text, code=rule.code, origin=origin)
        upper = text.strip().upper()
        if upper == "ALL":
            return _Selector(text, prefix="", origin=origin)
        family = _FAMILY.match(upper)
        # A family is a code's letters and some of its digits: "FC", "FC1", "FC10" (not "F").
        if family and any(
            code.startswith(upper) and code[len(family[1]) : len(family[1]) + 1].isdigit()
            for code in self.by_code
        ):
            return _Selector(text, prefix=upper, origin=origin)
        return None

    def suggest(self, text: str, extra: Sequence[str] = ()) -> str:
        """`; did you mean X?` for the nearest code or name, or nothing."""
        candidates = [*self.by_code, *self.by_name, *extra]
        probe = text.upper() if _FAMILY.match(text.strip()) else text.lower()
        return did_you_mean(probe, candidates) or did_you_mean(text, candidates, fold=True)


# -- selection, rule settings and per-file overrides ------------------------------------------


@dataclass(frozen=True)
class _Selection:
    """One layer's `select` / `extend-select` / `ignore` (None: the layer has no `select`)."""

    origin: str
    select: tuple[_Selector, ...] | None = None
    extend_select: tuple[_Selector, ...] = ()
    ignore: tuple[_Selector, ...] = ()

    def apply(self, rule: type[Rule], state: tuple[bool, str]) -> tuple[bool, str]:
        """The rule's (on, decided where) after this layer, given its state before it."""

        def best(selectors: Sequence[_Selector]) -> _Selector | None:
            hits = [s for s in selectors if s.matches(rule)]
            return max(hits, key=lambda s: s.specificity) if hits else None

        uncheckable = rule.code in SHAPE_FAULTS
        positive = best((*(self.select or ()), *self.extend_select))
        # Only an entry naming the rule itself turns off a "could not be checked" finding.
        ignore = [s for s in self.ignore if s.code is not None] if uncheckable else self.ignore
        negative = best(ignore)
        if negative is not None and (
            positive is None or negative.specificity >= positive.specificity
        ):
            return False, negative.origin
        if positive is not None:
            return True, positive.origin
        if uncheckable and (self.select is not None or len(ignore) < len(self.ignore)):
            return True, ALWAYS  # a family, ALL or `select` tried to hide it
        if self.select is not None:  # `select` starts over: what it does not name is off
            return False, self.origin
        return state


def _command_line_selection(overrides: Overrides, index: _RuleIndex) -> _Selection:
    if overrides.fail_on is not None and overrides.fail_on not in FAIL_ON:
        raise ConfigError(f"--fail-on takes one of {', '.join(FAIL_ON)}, not {overrides.fail_on!r}")

    def selectors(option: str, texts: tuple[str, ...]) -> tuple[_Selector, ...]:
        out = []
        for text in texts:
            selector = index.selector(text, COMMAND_LINE)
            if selector is None:
                raise ConfigError(
                    f"{option} {text}: no rule code, rule name or family is called so"
                    + index.suggest(text, ["ALL"])
                )
            out.append(selector)
        return tuple(out)

    select = selectors("--select", overrides.select) if overrides.select else None
    return _Selection(COMMAND_LINE, select, (), selectors("--ignore", overrides.ignore))
