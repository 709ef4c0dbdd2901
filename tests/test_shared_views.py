"""The shortcuts that make the story engine and the rules fast give the answers of the
long way: a vocabulary in sets, the matcher's quick "meets nothing", ASCII normalised by
lowering, money read once per file, and the stages listed once per file (issue 7).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import Any

import pytest

from funnelcheck.language.money import find_amounts
from funnelcheck.language.story import (
    _PUNCTUATION,
    MAX_TAIL,
    MIN_ROOT,
    StemIndex,
    StemSet,
    content_words,
    normalise,
    stem,
)
from funnelcheck.model.strategy import Strategy, indexed_mappings, stage_texts

AS_OF = dt.date(2026, 11, 22)

# Stems that meet and stems that just miss: equal, a tail of up to MAX_TAIL letters, too
# long a tail, too short a root, digits, a hyphen.
STEMS = [
    "reconcil",
    "reconcili",
    "reconcilia",
    "reconciliati",
    "autom",
    "automat",
    "automatic",
    "plan",
    "planet",
    "care",
    "career",
    "payout",
    "payoutdashboard",
    "deliv",
    "deliveri",
    "q2",
    "401k",
    "month-end",
    "ledger",
    "ledgerlin",
]


def _probes() -> list[str]:
    rng = random.Random(7)
    probes = list(STEMS)
    for stem_ in STEMS:
        for cut in range(1, MAX_TAIL + 2):
            probes.append(stem_[:-cut])
        probes.append(stem_ + "x")
        probes.append(stem_ + "xyzw")
    letters = "aeilnorst"
    probes += ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(300)]
    return probes


@pytest.mark.parametrize("size", [0, 1, 5, len(STEMS)])
def test_a_vocabulary_answers_as_the_stem_index_does(size: int) -> None:
    filed = STEMS[:size]
    index: StemIndex[None] = StemIndex()
    for stem_ in filed:
        index.add(stem_, None)
    vocabulary = StemSet(filed + filed)  # a stem given twice counts once
    for probe in _probes():
        assert (probe in vocabulary) == bool(index.lookup(probe)), probe


def test_a_stem_that_may_not_meet_meets_nothing() -> None:
    index: StemIndex[int] = StemIndex()
    for i, stem_ in enumerate(STEMS[:10]):
        index.add(stem_, i)
    for probe in _probes():
        if not index.may_meet(probe):
            assert index.lookup(probe) == (), probe
    assert len(STEMS[0]) >= MIN_ROOT and index.may_meet(STEMS[0])


def test_ascii_is_normalised_by_lowering_as_the_unicode_steps_would() -> None:
    def long_way(text: str) -> str:
        folded = unicodedata.normalize("NFKC", text).casefold()
        return unicodedata.normalize("NFKC", folded).translate(_PUNCTUATION)

    every_ascii = "".join(chr(c) for c in range(128))
    for text in (every_ascii, "Month-End CLOSE, Q2's 401K", "ﬁnance ＡＰＩ ǰ e\u2010mail"):
        assert normalise(text) == long_way(text)


def test_content_words_are_a_fresh_list_each_time() -> None:
    words = content_words("Every payout reconciled against the ledger")
    words.append(("x", "x"))
    assert content_words("Every payout reconciled against the ledger") == words[:-1]
    assert content_words("Every payout")[0] == (stem("payout"), "payout")


def _strategy(stages: list[Any], currency: str = "CAD") -> Strategy:
    data = {"price": {"currency": currency}, "stages": stages}
    return Strategy(file="x.yaml", data=data, as_of=AS_OF)


STAGES: list[Any] = [
    {"name": "Ads", "pitch": "From $399 a month, or 99¢ a day.", "claims": [{"text": "Save €5k"}]},
    "not a stage",
    {"name": "Call", "claims": [{"text": "  "}, {"text": "$1 500 per month"}, "no claim"]},
    {"name": "Silent"},
    {"name": "Trial", "pitch": "  ", "claims": None},
]


def test_amounts_are_read_once_with_the_price_currency() -> None:
    strategy = _strategy(STAGES)
    for _, texts in strategy.stages_with_texts():
        for _, text in texts:
            first = strategy.amounts_in(text)
            assert list(first) == find_amounts(text, "CAD")
            assert strategy.amounts_in(text) is first


def test_stages_texts_and_claims_are_listed_as_the_data_has_them() -> None:
    strategy = _strategy(STAGES)
    stages = list(indexed_mappings(STAGES))
    assert list(strategy.stages()) == stages
    assert list(strategy.stages()) == stages  # a fresh iterator each time
    texts = [(i, stage_texts(stage)) for i, stage in stages]
    assert list(strategy.stages_with_texts()) == texts
    assert [i for i, said in strategy.stages_with_texts() if said] == [0, 2]
    assert strategy.texts_of_stage(2) == [(("claims", 1, "text"), "$1 500 per month")]
    assert strategy.texts_of_stage(1) == [] and strategy.texts_of_stage(9) == []
    assert [path for path, _ in strategy.claims()] == [
        ("stages", 0, "claims", 0),
        ("stages", 2, "claims", 0),
        ("stages", 2, "claims", 1),
    ]
