"""The problem-story engine as the story rules rely on it: which concepts a text carries.

Each test builds the smallest strategy that shows one behaviour a user meets: a derived
form that must count, a word inside another that must not, a phrase, a hyphenated word,
a silent stage that the relay skips.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
from corpora import corpus, optional_corpus

from funnelcheck.language.story import (
    STOPWORDS,
    StoryAnalysis,
    content_stems,
    normalise,
    stem,
    stems_meet,
    tokens,
)
from funnelcheck.model.strategy import Strategy

AS_OF = dt.date(2026, 11, 22)


def _strategy(terms: dict[str, list[str]], stages: list[dict[str, Any]]) -> Strategy:
    data = {
        "funnelcheck": 1,
        "product": {"name": "Ledgerline"},
        "problem": {"id": "p", "statement": "Finance teams reconcile payouts.", "terms": terms},
        "stages": stages,
    }
    return Strategy(file="x.yaml", data=data, as_of=AS_OF)


def _story(terms: dict[str, list[str]]) -> StoryAnalysis:
    return _strategy(terms, []).story


# -- derived forms meet --------------------------------------------------------------------
WORD_FAMILIES = [
    ["reconcile", "reconciles", "reconciled", "reconciling", "reconciliation"],
    ["automate", "automated", "automation", "automatic", "automatically"],
    ["invoice", "invoices", "invoiced", "invoicing"],
    ["integrate", "integrated", "integration", "integrations"],
    ["schedule", "schedules", "scheduled", "scheduling"],
    ["deliver", "delivered", "delivery", "deliveries"],
    ["verify", "verified", "verification"],
    ["apply", "applied", "application"],
]


@pytest.mark.parametrize("family", WORD_FAMILIES, ids=lambda f: f[0])
def test_every_form_of_a_word_carries_the_term_whichever_form_is_listed(family: list[str]) -> None:
    for listed in family:
        story = _story({listed: []})
        for written in family:
            assert story.concepts_in(f"We {written} it for you.") == (listed,), (listed, written)


def test_listing_the_root_carries_sibling_forms_that_do_not_meet_each_other() -> None:
    # "compliance" and "compliant" each meet "comply" but not each other (neither begins
    # the other): the module's documented limit, so the root is the term to list.
    story = _story({"comply": []})
    for written in ("comply", "complies", "compliance", "compliant"):
        assert story.concepts_in(f"Fully {written}.") == ("comply",), written


def test_snowball_alone_leaves_reconcile_and_reconciliation_apart() -> None:
    # Why the engine adds its own step: without it, a user listing "reconcile" would see
    # "reconciliation" reported as off the problem.
    assert stem("reconcile") != stem("reconciliation")
    assert stems_meet(stem("reconcile"), stem("reconciliation"))


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("plan", "Explore the planet."),  # short roots never stretch: plan is not planet
        ("care", "A career in finance."),
        ("match", "A matchless experience."),  # the tail may add three letters, not four
        ("payout", "The payoutdashboard view."),
    ],
)
def test_the_derived_form_rule_keeps_other_words_apart(term: str, text: str) -> None:
    assert _story({term: []}).concepts_in(text) == ()


# -- whole words, phrases, hyphens ---------------------------------------------------------
def test_whole_words_only() -> None:
    story = _story({"red": [], "book": []})
    assert story.concepts_in("Shared bookkeeping for everyone.") == ()
    assert story.concepts_in("The red books.") == ("red", "book")


def test_a_multi_word_wording_matches_as_a_phrase() -> None:
    story = _story({"ledger": ["general ledger"], "month-end close": ["close the books"]})
    assert story.concepts_in("Posted to your general ledgers.") == ("ledger",)
    # A phrase needs its words in order, side by side (stopwords aside) ...
    assert _story({"gl": ["general ledger"]}).concepts_in("A general purpose ledger.") == ()
    assert _story({"gl": ["general ledger"]}).concepts_in("The ledger in general.") == ()
    # ... and stopwords in it are not asked for word for word.
    assert story.concepts_in("Close your books in hours.") == ("month-end close",)


def test_a_hyphenated_word_counts_whole_and_as_its_parts() -> None:
    assert _story({"month": []}).concepts_in("A faster month-end.") == ("month",)
    assert _story({"email": []}).concepts_in("Reminders by e-mail.") == ("email",)
    assert _story({"e-mail": []}).concepts_in("Reminders by email.") == ("e-mail",)
    close = _story({"month-end close": []})
    assert close.concepts_in("Your month end close, in hours.") == ("month-end close",)
    assert close.concepts_in("Your month-end close, in hours.") == ("month-end close",)
    # The parts of a phrase are not the phrase: "month-end" alone is not "month-end close".
    assert close.concepts_in("A month-end report.") == ()


def test_a_wording_with_a_negation_or_a_particle_is_matched_word_for_word() -> None:
    story = _story({"no-show": ["didn't show up"], "sign up": []})
    assert story.concepts_in("We show you the week ahead.") == ()
    assert story.concepts_in("Sign the form.") == ()
    assert story.concepts_in("No-shows, no shows, noshows.") == ("no-show",)
    assert story.concepts_in("Patients who didn't show up.") == ("no-show",)
    assert story.concepts_in("Twice the sign-ups.") == ("sign up",)


def test_case_and_unicode_forms_do_not_matter() -> None:
    story = _story({"reconcile": [], "finance": [], "month": []})
    assert story.concepts_in("ＲＥＣＯＮＣＩＬＥＤ") == ("reconcile",)  # full-width letters
    assert story.concepts_in("RECONCILIATION") == ("reconcile",)
    assert story.concepts_in("ﬁnance teams") == ("finance",)  # the "fi" ligature
    assert story.concepts_in("last month’s payouts") == ("month",)  # typographic apostrophe
    assert normalise("Straße") == "strasse"


def test_concepts_are_counted_not_occurrences_and_keep_the_terms_order() -> None:
    story = _story({"reconcile": ["match"], "payout": [], "ledger": []})
    assert story.concepts_in("Ledger, ledger, payout: matched, matched, reconciled.") == (
        "reconcile",
        "payout",
        "ledger",
    )


def test_tokens_keep_a_hyphenated_word_whole_and_give_its_parts() -> None:
    assert tokens("Month-end close, don’t") == ["month-end", "month", "end", "close", "don't"]


# -- FC104's measure ----------------------------------------------------------------------
def test_content_stems_leave_out_function_words_numbers_and_money() -> None:
    stems = content_stems(
        "For $499 a month (USD 5,988 a year), twelve months of 3x faster payouts for you."
    )
    assert stems == [stem("month"), stem("year"), stem("faster"), stem("payouts")]


def test_content_stems_are_distinct_and_split_hyphenated_words() -> None:
    assert content_stems("Audit-ready books, audit-ready ledgers") == [
        stem("audit"),
        stem("ready"),
        stem("books"),
        stem("ledgers"),
    ]


def test_a_currency_word_counts_when_no_amount_stands_beside_it() -> None:
    assert content_stems("Dollars and euros reconciled") == [
        stem("dollars"),
        stem("euros"),
        stem("reconciled"),
    ]


def test_the_stop_list_covers_the_snowball_english_list() -> None:
    path = corpus("snowball-stopwords/english.txt")
    snowball = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("|", 1)[0].strip()
        if word:
            snowball.add(word)
    assert len(snowball) > 150
    assert snowball <= STOPWORDS, sorted(snowball - STOPWORDS)
    # What we add are function words of the same kinds (modals, determiners, prepositions),
    # never a content word a story could turn on.
    extras = STOPWORDS - snowball
    modals = {"can", "will", "may", "might", "must", "shall"}
    determiners = {"every", "another", "either", "neither"}
    prepositions = {"per", "via", "within", "without", "across", "along", "among", "around"}
    prepositions |= {"onto", "upon", "toward", "towards", "versus"}
    assert extras <= modals | determiners | prepositions


# -- the analysis: stages, silence, handoffs -------------------------------------------------
def test_each_stage_carries_and_misses_and_each_text_is_shown() -> None:
    strategy = _strategy(
        {"reconcile": [], "payout": ["settlement"], "ledger": []},
        [
            {
                "name": "Campaign",
                "role": "marketing",
                "pitch": "Settlements, reconciled.",
                "claims": [{"text": "Nicer dashboards."}, {"text": "Your ledger, on time."}],
            }
        ],
    )
    stage = strategy.story.stages[0]
    assert stage.carries == ("reconcile", "payout", "ledger")
    assert stage.misses == ()
    assert dict(stage.by_text) == {
        ("pitch",): ("reconcile", "payout"),
        ("claims", 0, "text"): (),
        ("claims", 1, "text"): ("ledger",),
    }


def test_name_and_channels_do_not_count() -> None:
    strategy = _strategy(
        {"payout": []},
        [
            {
                "name": "Payout webinar",
                "role": "marketing",
                "channels": ["payout podcast"],
                "pitch": "Dashboards for your board.",
            }
        ],
    )
    assert strategy.story.stages[0].carries == ()
    assert strategy.story.stages[0].misses == ("payout",)


def test_silent_stages_are_skipped_and_adjacency_skips_them() -> None:
    strategy = _strategy(
        {"reconcile": [], "payout": [], "ledger": []},
        [
            {"name": "Ads", "role": "marketing"},  # says nothing
            {"name": "Call", "role": "sales", "claims": [{"text": "Payouts reconciled."}]},
            {"name": "Trial", "role": "product", "pitch": "   ", "claims": []},  # nothing
            {"name": "Proposal", "role": "pricing", "pitch": "Payouts posted to the ledger."},
        ],
    )
    story = strategy.story
    assert sorted(story.stages) == [1, 3]
    assert story.first_stage == 1
    assert [(h.source, h.target, h.passed) for h in story.handoffs] == [(1, 3, ("payout",))]


def test_no_terms_means_no_concepts_and_every_stage_misses_nothing() -> None:
    strategy = _strategy({}, [{"name": "Ads", "role": "marketing", "pitch": "Payouts."}])
    assert strategy.story.concepts == ()
    assert strategy.story.stages[0].carries == ()
    assert strategy.story.stages[0].misses == ()


def test_ten_thousand_stages_take_time_linear_in_their_words() -> None:
    sentence = (
        "reconcile payouts ledger books close month finance team stripe invoices fees refunds "
        "dashboards headcount hiring board trial connect watch minutes plan price renewal"
    )
    words = sentence.split()

    def stages(n: int) -> list[dict[str, Any]]:
        return [
            {
                "name": f"Stage {i}",
                "role": "sales",
                "pitch": " ".join(words[(i + k) % len(words)] for k in range(20)) + f" {i}",
                "claims": [{"text": f"{words[i % len(words)]} claim {i}"}],
            }
            for i in range(n)
        ]

    def seconds(n: int) -> float:
        strategy = _strategy({"reconcile": ["match"], "payout": [], "ledger": ["books"]}, stages(n))
        start = time.perf_counter()
        story = strategy.story
        elapsed = time.perf_counter() - start
        assert len(story.stages) == n and len(story.handoffs) == n - 1
        return elapsed

    seconds(200)  # warm the stem cache
    small, large = seconds(1_000), seconds(10_000)
    # Ten times the stages: about ten times the time (a pairwise comparison would be 100x).
    assert large < 30 * small + 0.5, (small, large)


def _words_of(texts: list[str]) -> set[str]:
    from funnelcheck.language.story import _words

    return {w for text in texts for word in _words(normalise(text)) for w in word.split("-")}


def test_the_c_stemmer_gives_the_pure_python_stems() -> None:
    """PyStemmer (C, for speed) stands in for snowballstemmer only because the stems agree:
    on every word of the samples, the spec pages and the naughty strings."""
    import snowballstemmer  # in the test extra
    import Stemmer  # a runtime dependency: its absence is a failure, not a skip

    root = Path(__file__).resolve().parents[1]
    samples = sorted(p for p in root.glob("sample_strategies/**/*") if p.is_file())
    texts = [p.read_text(encoding="utf-8") for p in samples]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests").rglob("*.yaml"))]
    blns = optional_corpus("blns/blns.txt")
    if blns is not None:
        texts.append(blns.read_text(encoding="utf-8"))
    words = _words_of(texts)
    assert len(words) > 1000
    c_stemmer, pure = Stemmer.Stemmer("english"), snowballstemmer.stemmer("english")
    differ = {w: (c_stemmer.stemWord(w), pure.stemWord(w)) for w in words}
    differ = {w: pair for w, pair in differ.items() if pair[0] != pair[1]}
    assert differ == {}


def _story_of(path: Path) -> tuple[Strategy, StoryAnalysis]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    strategy = Strategy(file=str(path), data=data if isinstance(data, dict) else {}, as_of=AS_OF)
    return strategy, strategy.story


def test_the_evidence_of_a_match_is_what_the_matcher_found() -> None:
    """`--why` shows the engine's own evidence: for every text of the samples, the concepts
    its matches name are exactly the concepts it carries, and each match's words are the
    text's own, at the offsets given."""
    root = Path(__file__).resolve().parents[1] / "sample_strategies"
    checked = 0
    for path in sorted(root.glob("*.yaml")):
        strategy, story = _story_of(path)
        if not story.concepts:
            continue
        for _index, texts in strategy.stages_with_texts():
            for _path, text in texts:
                matches = story.matches(text)
                assert {m.concept for m in matches} == set(story.concepts_in(text)), text
                for match in matches:
                    assert text[match.start : match.end] == match.words
                    assert match.wording in next(
                        c.all_wordings for c in story.concepts if c.key == match.concept
                    )
                checked += 1
    assert checked > 20


def test_the_evidence_names_the_wording_and_the_words_as_written() -> None:
    strategy = _strategy(
        {"ledger": ["general ledger", "books"], "no-show": ["missed appointment"]},
        [{"name": "Ads", "role": "marketing", "pitch": "x"}],
    )
    text = "Your General Ledger, no\u2010shows and the month\u2019s books"
    shown = [(m.concept, m.wording, m.words) for m in strategy.story.matches(text)]
    # "ledger" inside "general ledger" says nothing more: the longer place is shown.
    assert shown == [
        ("ledger", "general ledger", "General Ledger"),
        ("no-show", "no-show", "no\u2010shows"),
        ("ledger", "books", "books"),
    ]


@pytest.mark.parametrize(
    ("term", "text", "carried"),
    [
        ("hours", "Built for hourly staff.", False),
        ("month", "A monthly plan.", False),
        ("friend", "A friendly interface.", False),
        ("hourly staff", "Every hourly employee and their hourly staff.", True),
        ("onboard", "Onboarding in a day.", True),
        ("onboarding", "We onboard every new hire.", True),
        ("on-boarding", "Onboarded in a day.", True),
        ("automatic", "Payouts reconciled automatically.", True),
        ("manual", "Stop doing it manually.", True),
    ],
)
def test_a_derived_form_meets_its_base_only_where_the_meaning_holds(
    term: str, text: str, carried: bool
) -> None:
    strategy = _strategy({term: []}, [{"name": "Ads", "role": "marketing", "pitch": text}])
    assert bool(strategy.story.concepts_in(text)) is carried


def test_a_wording_that_keeps_one_common_word_is_matched_as_written() -> None:
    """ "how to meditate" drops "how to" and keeps "meditate", which the statement says:
    matched by that word, every mention of meditating would carry `beginner`."""
    data: dict[str, Any] = {
        "funnelcheck": 1,
        "problem": {
            "statement": "Adults who want to start meditating give up within two weeks.",
            "terms": {
                "beginner": ["first-timer", "how to meditate"],
                "habit": ["streak", "every day"],
                "payment": ["via ACH"],
            },
        },
        "stages": [],
    }
    story = Strategy(file="x.yaml", data=data, as_of=AS_OF).story
    assert story.concepts_in("Meditate to ocean sounds, every morning.") == ()
    assert story.concepts_in("Learn how to meditate.") == ("beginner",)
    assert story.concepts_in("Five minutes a day.") == ()
    assert story.concepts_in("A streak you keep every day.") == ("habit",)
    # "ACH" is no common word: matched alone it still means the payment.
    assert story.concepts_in("Paid by ACH.") == ("payment",)
    assert [(c.wording, c.keeps, c.reason) for c in story.collapsed] == [
        ("how to meditate", "meditate", "said"),
        ("every day", "day", "generic"),
    ]


def test_the_segments_own_words_and_generic_words_are_neither_on_nor_off_the_story() -> None:
    """ "for engineering teams" says who has the problem, not which story a stage tells:
    FC104's measure leaves out the segment's own words ("engineering"), and the words every
    strategy uses where the story does not use them ("faster" is another story, "a lot" is
    no story at all); a generic word the strategy uses ("teams") still counts for it."""
    from funnelcheck.language.story import foreign_words

    data: dict[str, Any] = {
        "funnelcheck": 1,
        "problem": {
            "statement": "Flaky tests fail at random, so builds are re-run by hand.",
            "terms": {"flaky test": ["flaky tests"], "build": ["builds", "CI"]},
        },
        "segment": {"name": "Engineering teams with large monorepos"},
        "stages": [],
    }
    story = Strategy(file="x.yaml", data=data, as_of=AS_OF).story
    total, foreign = foreign_words(story, ["The all-in-one project tool for engineering teams."])
    assert (total, sorted(foreign)) == (3, ["project", "tool"])
    # A segment word the problem also uses is the story's: "builds" stays on it.
    total, foreign = foreign_words(story, ["Faster builds for monorepos, and a lot more."])
    assert (total, foreign) == (2, ["faster"])
