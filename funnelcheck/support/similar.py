"""One "did you mean": the nearest known word to a typo, for every message that suggests one.

Config keys and rule names, FC004's unknown keys, FC005's ids, suppression comments, the
`paths` of a funnel, `funnelcheck rule NAME`: all ask this module, so that one typo gets
the same suggestion wherever it is made.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

#: difflib's similarity ratio from which a word reads as a typo of another (its default).
CUTOFF = 0.6


def nearest(word: str, choices: Iterable[str], *, fold: bool = False) -> str | None:
    """The choice closest to `word`, if one is close enough to be a typo of it.

    With `fold`, case is ignored (compared case-folded) and the choice comes back as written.
    """
    if not fold:
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=CUTOFF)
        return close[0] if close else None
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=CUTOFF)
    return by_folded[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str], *, fold: bool = False, mark: str = "`") -> str:
    """`; did you mean `x`?` for the nearest choice, or "" where none is near."""
    near = nearest(word, choices, fold=fold)
    return f"; did you mean {mark}{near}{mark}?" if near is not None else ""


# -- one text edited, or another text ----------------------------------------------------

_WORD = re.compile(r"[\w$€£¢%]+(?:[.,]\d+)*")

#: The similarity from which two texts of one place (two claims of a stage) read as one text
#: edited rather than one removed and another added: tuned on half of the labelled pairs
#: of tests/benchmarks/claim_edits.py, which reports the other half.
EDITED = 0.55


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def text_similarity(old: str, new: str) -> float:
    """How alike two texts are, 0 to 1: difflib's ratio over their words (case folded,
    punctuation aside, figures whole: "$1,500" is one word), so an edited figure or a
    clause added costs what it changes, and word order counts."""
    return difflib.SequenceMatcher(None, _words(old), _words(new), autojunk=False).ratio()
