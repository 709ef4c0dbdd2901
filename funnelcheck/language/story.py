"""The problem-story engine: which of the problem's concepts each stage carries.

The baton of the relay is the problem story. `problem.terms` names the words that carry
it: each key with its list of other wordings is one *concept*. This module decides, for
every stage that says something, which concepts its pitch and claims carry, and for every
handoff between adjacent speaking stages, which concepts pass across. The FC1xx rules read
the result (`Strategy.story`, computed once per file) and never compare text themselves.

How two texts are compared, step by step:

1. **Normalise.** Unicode NFKC (full-width letters, ligatures and compatibility forms become
   plain ones), then case-folded; typographic apostrophes and hyphens become `'` and `-`.
2. **Words.** Runs of letters and digits, with apostrophes and hyphens inside a word kept
   (`month's`, `month-end`). A hyphenated word counts whole (written as one word:
   `e-mail` meets `email`) and as its parts (`month-end` carries `month` and `end`).
3. **Stopwords.** English function words (pronouns, articles, auxiliaries, prepositions,
   conjunctions) are dropped: `STOPWORDS`, the project's own list, covering the Snowball
   English stop list plus the modal auxiliaries and a few prepositions it leaves out.
4. **Stems.** Each word is stemmed with the Snowball English stemmer (PyStemmer).
5. **Derived forms meet.** Snowball strips inflections but leaves some derivations apart:
   `reconcile` -> `reconcil` but `reconciliation` -> `reconcili`, `automate` -> `autom` but
   `automatic` -> `automat`, `deliver` -> `deliv` but `delivery` -> `deliveri`. So two
   stems *meet* when they are equal, or when the shorter, at least `MIN_ROOT` (5) letters
   long, begins the longer and the longer adds at most `MAX_TAIL` (3) letters: the tails
   Snowball leaves on derived forms (`-i` of `-iation` and `-y`, `-at` of `-atic`, `-ic` of
   `-ication`, `-anc` of `-iance`, `-er`/`-or` of agent nouns). The root minimum keeps short
   words apart (`plan` never meets `planet`, `care` never meets `career`); the tail maximum
   keeps compounds apart (`payout` never meets `payoutdashboard`). Known limits: vowel
   changes are not bridged (`retain`/`retention`, `decide`/`decision`); two derived forms
   that each meet a root need not meet each other (`compliance` and `compliant` both meet
   `comply`, so list the root); and a few unrelated pairs do meet (`police`/`policy`,
   `close`/`closer`). List such wordings in the terms.
6. **Concepts.** A concept is carried by a text that contains its key or one of its
   wordings; a multi-word wording matches as a phrase (consecutive stems once stopwords are
   dropped, so "close the books" matches "close your books"). A wording that holds a
   negation or a verb particle (`MEANINGFUL_FUNCTION_WORDS`: "no-show", "sign up", "didn't
   pay") is matched word for word instead, those words included: "no-show" is not carried
   by every "show". Whole words only: `red` is not in `shared`. Concepts are counted, not
   occurrences.

Performance: the concept matcher is built once per strategy; a text is matched in one pass
over its stems with dictionary look-ups (no text is compared with every other), and stems
are cached, so thousands of stages cost linear time.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, pairwise
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

from funnelcheck.findings import Path
from funnelcheck.language.money import CURRENCY_NAMES

#: The shorter of two meeting stems has at least this many letters (see step 5 above).
MIN_ROOT = 5
#: The longer of two meeting stems adds at most this many letters to the shorter.
MAX_TAIL = 3

# Words are read once and remembered: one strategy's texts repeat the same words, and so do
# many files. The bound keeps a run over thousands of files in flat memory (issue 7): a file
# uses about 160 distinct words, so this holds many files' worth, and a word every file uses
# stays. Measured on 2,000 generated files (11,000 distinct words): the caches hold 6 MB at
# most (the earlier unbounded-in-practice caches of 65,536 entries held 15 MB and kept
# growing with new words); 8,192 words would save a further 0.03 ms a file for 2.5 MB more.
#: Entries of each per-word cache (a word's stem, a word read).
WORD_CACHE_SIZE = 4096

# Texts (pitches, claims, wordings, pains) are read once per analysis and remembered for
# that analysis only (`TextCache`, held by `StoryAnalysis`): the analysis reads its texts in
# several passes (the matcher's wordings, the vocabulary, the stages, the pains) and FC104
# reads the stages' again. A shared LRU of 1,024 texts, read cyclically by those passes,
# thrashed once a file held more texts than that (12,000 terms: every pass missed); the
# per-analysis cache grows with the file, is dropped with it, and nothing is kept from one
# file for the next.

# The project's English stop list: function words only, grouped as grammar groups them.
# It covers the Snowball English stop list (tests compare the two) and adds the modal
# auxiliaries Snowball leaves out because they double as nouns ("will", "can", "may"),
# plus a few determiners and prepositions of the same kind ("every", "per", "via").
_PRONOUNS = """
    i me my myself we our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    what which who whom this that these those
"""
_AUXILIARIES = """
    am is are was were be been being have has had having do does did doing
    would should could ought can will may might must shall
"""
_CONTRACTIONS = """
    i'm you're he's she's it's we're they're i've you've we've they've
    i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll
    isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
    won't wouldn't shan't shouldn't can't cannot couldn't mustn't
    let's that's who's what's here's there's when's where's why's how's
"""
_ARTICLES_AND_CONJUNCTIONS = """
    a an the and but if or because as until while nor
"""
_PREPOSITIONS = """
    of at by for with about against between into through during before after above below
    to from up down in out on off over under
    per via within without across along among around onto upon toward towards versus
"""
_ADVERBS_AND_DETERMINERS = """
    again further then once here there when where why how
    all any both each few more most other some such no not only own same so than too very
    every another either neither
"""


def _word_set(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


STOPWORDS: frozenset[str] = _word_set(
    _PRONOUNS,
    _AUXILIARIES,
    _CONTRACTIONS,
    _ARTICLES_AND_CONJUNCTIONS,
    _PREPOSITIONS,
    _ADVERBS_AND_DETERMINERS,
)

# Function words that change what a wording means: negations and the particles of phrasal
# verbs. A wording that holds one ("no-show", "sign up", "didn't pay") is matched word for
# word, these included, so that "no-show" is not carried by every "show".
MEANINGFUL_FUNCTION_WORDS: frozenset[str] = _word_set(
    """
    no not nor off out up down over under on in against without
    isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
    won't wouldn't shan't shouldn't can't cannot couldn't mustn't
    """
)

# Function words whose loss changes nothing a wording means: articles and possessive
# determiners ("the books", "your invoices" mean "books", "invoices"). A wording that drops
# any other function word and keeps a single word ("how to meditate", "every day", "within
# days") is matched word for word: see `collapsed`.
_EMPTY_DETERMINERS = _word_set("a an the my your our their his her its")

# Adjectives made from a noun with "-ly" that mean something else than the noun: "hourly"
# staff are paid by the hour, they are not hours; "friendly" is no friend, "timely" no
# time. Snowball stems them to the noun ("hourly" -> "hour"), so each is given a stem of its
# own that meets only itself (see `stem`). A short list, the time units first: "-ly" on an
# adjective ("quickly", "automatically", "manually") keeps the meaning and is left alone.
_DENOMINAL_LY = _word_set(
    """
    hourly weekly monthly quarterly yearly nightly fortnightly biweekly bimonthly
    friendly unfriendly timely untimely orderly disorderly lovely homely worldly earthly
    likely unlikely manly scholarly
    """
)

# Numbers written as words: FC104 leaves them out with numbers written in digits.
_NUMBER_WORDS = _word_set(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion dozen dozens first second third fourth fifth sixth seventh eighth ninth tenth
    """
)
# Words that name a currency: left out of FC104's measure when they stand beside a number
# ("499 dollars", "USD 499"), as part of the money amount.
_CURRENCY_WORDS = CURRENCY_NAMES
# 3, 3.5, 1,200, 9:15, 2nd, 1990s, 5k, 10x, 7am, 24h: a number however it is written in
# digits, with the short unit or suffix written onto it.
_NUMBER = re.compile(r"\d[\d.,:']*[a-z]{0,3}")

_HAS_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
#: Every ASCII character that `_WORD` never takes into a word, written as a space.
_ASCII_BREAKS = bytes(c if chr(c).isalnum() or chr(c) in "'-" else 32 for c in range(256))
# Typographic apostrophes and hyphens written the plain way; a soft hyphen is invisible.
_PUNCTUATION = str.maketrans(
    {"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u00ad": None}
)


@cache
def _english_stemmer() -> Any:
    """Snowball's English stemmer, PyStemmer's C build (a runtime dependency).

    It is generated from the same Snowball source as the pure-Python `snowballstemmer`
    and gives the same stems (tests/test_story.py holds them equal on every word of the
    samples and the corpora); it stems a word about fifty times faster, which a corpus of
    thousands of strategies with their own vocabularies feels: 13% of the engine's CPU
    time on 300 files of perf.py's corpus (issue 13, paired runs).
    """
    import Stemmer  # PyStemmer

    return Stemmer.Stemmer("english")


# -- building blocks ----------------------------------------------------------------------
def normalise(text: str) -> str:
    """NFKC, case-folded, with typographic apostrophes and hyphens made plain."""
    if text.isascii():
        # ASCII is its own NFKC form, folds as it lowers, and holds no typographic marks.
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold()
    # Case folding can leave sequences that are not NFKC ("ǰ"); normalise once more.
    return unicodedata.normalize("NFKC", folded).translate(_PUNCTUATION)


def _words(text: str) -> list[str]:
    """The words of a normalised text, hyphenated words kept whole."""
    if not text.isascii():
        return _WORD.findall(text)
    # `_WORD` on ASCII, without the regular expression's per-character cost: no word holds
    # a character other than a letter, a digit, `'` or `-`, so the runs between such
    # characters are read apart (a byte table writes them as spaces), and a run of letters
    # and digits only (most of them) is one word as it stands.
    runs = text.encode().translate(_ASCII_BREAKS).decode().split()
    if "'" not in text and "-" not in text:
        return runs
    out: list[str] = []
    for run in runs:
        if run.isalnum():
            out.append(run)
        else:
            out.extend(_WORD.findall(run))
    return out


def tokens(text: str) -> list[str]:
    """The words of a text, normalised, in order; a hyphenated word whole, then its parts.

    Stopwords are kept: this is the raw word stream the other steps filter.
    """
    out: list[str] = []
    for word in _words(normalise(text)):
        out.append(word)
        if "-" in word:
            out.extend(word.split("-"))
    return out


@lru_cache(maxsize=WORD_CACHE_SIZE)
def stem(word: str) -> str:
    """The Snowball English stem of one normalised word (a word with digits stays as it is)."""
    if not word.isalpha() and _HAS_DIGIT.search(word):
        # "q2", "401k", "2027": no English suffix to strip, and stemming them costs time.
        return word
    if word in _DENOMINAL_LY:
        # Not the noun's stem, and not a word of letters only: it meets no derived form.
        return word + "+"
    return str(_english_stemmer().stemWord(word))


def stems_meet(a: str, b: str) -> bool:
    """Whether two stems count as one word (equal, or a derived form of it: see step 5)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short) >= MIN_ROOT
        and len(long) - len(short) <= MAX_TAIL
        and long.startswith(short)
        and long.isalpha()
    )


def _is_number(word: str) -> bool:
    return bool(_NUMBER.fullmatch(word)) or word in _NUMBER_WORDS


class _Word(NamedTuple):
    """One normalised word as every step reads it, worked out once (`_word`)."""

    #: The stems it adds to a text's sequence: its parts that are not stopwords.
    sequence: tuple[str, ...]
    #: The stems of every part, stopwords included.
    full: tuple[str, ...]
    #: A hyphenated word's stem written as one word ("e-mail" -> "email"); None otherwise.
    joined: str | None
    #: (stem, part) for the parts that count in FC104's measure.
    content: tuple[tuple[str, str], ...]
    #: A number in digits or words: FC104 leaves it out.
    is_number: bool
    #: A currency word ("usd", "dollars"): left out beside a number.
    is_currency: bool


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word(word: str) -> _Word:
    parts = word.split("-")
    return _Word(
        sequence=tuple(stem(part) for part in parts if part not in STOPWORDS),
        full=tuple(stem(part) for part in parts),
        joined=stem(word.replace("-", "")) if len(parts) > 1 else None,
        content=tuple(
            (stem(part), part)
            for part in parts
            if len(part) >= 2 and part not in STOPWORDS and not _is_number(part)
        ),
        is_number=_is_number(word),
        is_currency=word in _CURRENCY_WORDS,
    )


class _Text(NamedTuple):
    """A text as the concept matcher and FC104's measure read it, read once (`_text`):
    the two read the same pitches and claims, and the story's wordings feed both too."""

    #: Stems of the words that are not stopwords, in order; hyphenated words as their parts.
    sequence: tuple[str, ...]
    #: Stems of the hyphenated words written as one word ("e-mail" -> "email").
    joined: tuple[str, ...]
    #: Stems of every word, stopwords included: for wordings matched word for word.
    full: tuple[str, ...]
    #: Distinct content stems with the first part that gave each (`content_words`).
    content: tuple[tuple[str, str], ...]


#: The texts one analysis has read (`_text`).
TextCache = dict[str, _Text]


def _text(text: str, cache: TextCache | None = None) -> _Text:
    """A text read (`_Text`), remembered in `cache` (one analysis's) when given."""
    if cache is None:
        return _read_text(text)
    found = cache.get(text)
    if found is None:
        found = cache[text] = _read_text(text)
    return found


def _read_text(text: str) -> _Text:
    found = _words(normalise(text))
    if len(found) == 1:  # a wording, a name: half the texts read
        word = _word(found[0])
        content = word.content
        if len(content) > 1 and len(dict(content)) != len(content):
            content = _first_of(content)  # "invoice-invoices": one stem
        return _Text(
            word.sequence, () if word.joined is None else (word.joined,), word.full, content
        )
    words = tuple(map(_word, found))
    if len(words) < _TRANSPOSED:
        return _read_words(words)
    # The words' fields side by side (a `_Word` is a tuple), each joined by C builtins: a
    # longer text is read without a Python step per word.
    sequences, fulls, joins, contents, _numbers, currencies = zip(*words, strict=True)
    if True in currencies:
        return _read_words(words)  # a currency word may be part of a money amount
    # A number holds no content stem (`_Word.content`): the words' are joined as they are.
    pairs = tuple(chain.from_iterable(contents))
    if len(dict(pairs)) != len(pairs):
        pairs = _first_of(pairs)
    return _Text(
        tuple(chain.from_iterable(sequences)),
        () if joins.count(None) == len(joins) else tuple(j for j in joins if j is not None),
        tuple(chain.from_iterable(fulls)),
        pairs,
    )


def _first_of(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Each stem once, with the first word that gave it."""
    first: dict[str, str] = {}
    for stem_, part in pairs:
        first.setdefault(stem_, part)
    return tuple(first.items())


#: From this many words, a text's words are read side by side (`_read_text`); a shorter
#: one word by word, which costs less for a few words.
_TRANSPOSED = 4


def _read_words(words: tuple[_Word, ...]) -> _Text:
    """`_read_text` word by word: for a short text, and for a text with a currency word
    (one beside a number, "USD 499", "499 dollars", is part of the money amount)."""
    sequence: list[str] = []
    joined: list[str] = []
    full: list[str] = []
    content: dict[str, str] = {}
    last = len(words) - 1
    for i, word in enumerate(words):
        if word.joined is not None:
            joined.append(word.joined)
        sequence.extend(word.sequence)
        full.extend(word.full)
        if word.is_number:
            continue
        if word.is_currency and (
            (i > 0 and words[i - 1].is_number) or (i < last and words[i + 1].is_number)
        ):
            continue  # "USD 499", "499 dollars": part of the money amount
        for stem_, part in word.content:
            content.setdefault(stem_, part)
    return _Text(tuple(sequence), tuple(joined), tuple(full), tuple(content.items()))


def states_a_figure(text: str) -> bool:
    """Whether a text states a figure written in digits (a price, an allowance, a count)."""
    return bool(_HAS_DIGIT.search(text))


def content_words(text: str) -> list[tuple[str, str]]:
    """Distinct content stems of a text, each with the first word (normalised) that gave it.

    Left out: stopwords, numbers in digits or words, currency words standing beside a
    number (the money amount), and single letters. Hyphenated words count as their parts.
    """
    return list(_text(text).content)


def content_stems(text: str) -> list[str]:
    """Distinct content stems of a text, in order: FC104's measure (see `content_words`)."""
    return [s for s, _ in content_words(text)]


# -- stems that meet, looked up in constant time -----------------------------------------
_V = TypeVar("_V")


class StemIndex(Generic[_V]):
    """Values filed under stems, found again by any stem that meets theirs.

    Each stem is filed as itself and under its prefixes that a meeting stem could be, so a
    look-up is a handful of dictionary probes whatever the index holds; answers are
    remembered, since a strategy's texts use the same words again and again.
    """

    def __init__(self) -> None:
        self._exact: dict[str, list[_V]] = {}
        self._by_prefix: dict[str, list[_V]] = {}
        #: The first MIN_ROOT letters of every filed stem: two stems that meet without
        #: being equal share them, so a stem whose opening is not here meets none.
        self._roots: set[str] = set()
        self._memo: dict[str, tuple[_V, ...]] = {}

    def add(self, stem_: str, value: _V) -> None:
        if self._memo:
            self._memo.clear()  # an answer remembered may now miss the new value
        self._exact.setdefault(stem_, []).append(value)
        if stem_.isalpha() and len(stem_) >= MIN_ROOT:
            self._roots.add(stem_[:MIN_ROOT])
            for k in range(max(MIN_ROOT, len(stem_) - MAX_TAIL), len(stem_)):
                self._by_prefix.setdefault(stem_[:k], []).append(value)

    def lookup(self, stem_: str) -> tuple[_V, ...]:
        """Every value filed under a stem that meets `stem_` (a value may come twice)."""
        found = self._memo.get(stem_)
        if found is None:
            found = self._memo[stem_] = self._find(stem_)
        return found

    def _find(self, stem_: str) -> tuple[_V, ...]:
        exact = self._exact.get(stem_, [])
        if len(stem_) < MIN_ROOT or stem_[:MIN_ROOT] not in self._roots or not stem_.isalpha():
            return tuple(exact)
        found = list(exact)
        # `stem_` begins a longer filed stem ...
        found.extend(self._by_prefix.get(stem_, ()))
        # ... or a shorter filed stem begins `stem_`.
        for k in range(max(MIN_ROOT, len(stem_) - MAX_TAIL), len(stem_)):
            found.extend(self._exact.get(stem_[:k], ()))
        return tuple(found)

    def __contains__(self, stem_: object) -> bool:
        return isinstance(stem_, str) and bool(self.lookup(stem_))

    def may_meet(self, stem_: str) -> bool:
        """False when no filed stem can meet `stem_` (not filed, and no filed stem shares
        its opening): a quick answer for the many words of a text that meet nothing."""
        return stem_ in self._exact or (len(stem_) >= MIN_ROOT and stem_[:MIN_ROOT] in self._roots)


class StemSet:
    """A vocabulary: `stem in vocabulary` is true when a stem of it meets `stem`.

    `StemIndex`'s look-up with sets in place of lists of values and no memo: a vocabulary
    only answers yes or no, is built from a whole strategy's texts, and is asked about each
    stage's distinct words about once, so filing and probing must be cheap, not remembered.
    The prefixes a meeting stem could be are filed only when a look-up first needs them:
    most vocabularies never do (a stem asked about is filed, or shares no filed stem's
    opening), and filing them was three quarters of a vocabulary's cost.
    """

    def __init__(self, stems: Iterable[str] = ()) -> None:
        self._exact: set[str] = set()
        #: Each filed stem's prefixes that a meeting stem could be (`StemIndex.add`), once
        #: a look-up has needed them (`_prefixes`).
        self._by_prefix: set[str] | None = None
        #: The first MIN_ROOT letters of every filed stem that others may meet.
        self._roots: set[str] = set()
        self._file(stems)

    def _file(self, stems: Iterable[str]) -> None:
        exact, roots = self._exact, self._roots
        by_prefix = self._by_prefix
        for stem_ in stems:
            if stem_ in exact:
                continue
            exact.add(stem_)
            length = len(stem_)
            if length >= MIN_ROOT and stem_.isalpha():
                roots.add(stem_[:MIN_ROOT])
                if by_prefix is not None:
                    for k in range(max(MIN_ROOT, length - MAX_TAIL), length):
                        by_prefix.add(stem_[:k])

    def _prefixes(self) -> set[str]:
        by_prefix = self._by_prefix
        if by_prefix is None:
            by_prefix = self._by_prefix = set()
            for stem_ in self._exact:
                length = len(stem_)
                if length >= MIN_ROOT and stem_.isalpha():
                    for k in range(max(MIN_ROOT, length - MAX_TAIL), length):
                        by_prefix.add(stem_[:k])
        return by_prefix

    def with_stems(self, stems: Iterable[str]) -> StemSet:
        """A new vocabulary: this one's stems and `stems`. Only the new stems are filed, so
        a large vocabulary shared by many (a role's listed words) is filed once."""
        out = StemSet()
        out._exact = set(self._exact)
        out._roots = set(self._roots)
        if self._by_prefix is not None:
            out._by_prefix = set(self._by_prefix)
        out._file(stems)
        return out

    def __contains__(self, stem_: object) -> bool:
        if not isinstance(stem_, str):
            return False
        if stem_ in self._exact:
            return True
        if len(stem_) < MIN_ROOT or stem_[:MIN_ROOT] not in self._roots or not stem_.isalpha():
            return False
        # `stem_` begins a longer filed stem, or a shorter filed stem begins `stem_`.
        return stem_ in self._prefixes() or any(
            stem_[:k] in self._exact
            for k in range(max(MIN_ROOT, len(stem_) - MAX_TAIL), len(stem_))
        )


# -- concepts ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Concept:
    """One `problem.terms` entry: the key and the other wordings the user listed."""

    key: str
    wordings: tuple[str, ...]

    @property
    def all_wordings(self) -> tuple[str, ...]:
        return (self.key, *self.wordings)


def _variants(
    wording: str, as_written: bool = False, cache: TextCache | None = None
) -> tuple[tuple[bool, tuple[str, ...]], ...]:
    """The stem sequences a wording matches as, each with how: word for word (True: it holds
    a negation or a particle, or is `as_written`: see `Collapsed`) or by its content stems
    (False). A wording that is one
    hyphenated word also matches written as one ("e-mail", "email"; "no-show", "noshow")."""
    if wording.isascii() and wording.isalnum():
        # One plain word (most wordings): one part, no hyphen, nothing to split.
        part = wording.lower()
        if as_written or part in MEANINGFUL_FUNCTION_WORDS:
            return ((True, (stem(part),)),)
        content = _text(wording, cache).sequence
        return ((False, content),) if content else ()
    words = _words(normalise(wording))
    parts = [part for word in words for part in word.split("-")]
    out: list[tuple[bool, tuple[str, ...]]] = []
    if as_written or any(part in MEANINGFUL_FUNCTION_WORDS for part in parts):
        out.append((True, tuple(stem(part) for part in parts)))
    else:
        content = _text(wording, cache).sequence
        if content:
            out.append((False, content))
    if len(words) == 1 and "-" in words[0]:
        out.append((False, (stem(words[0].replace("-", "")),)))
    return tuple(out)


def collapsed(wording: str) -> str | None:
    """The one word a wording of several keeps once its function words are dropped, when
    the dropped words carried meaning ("how to meditate" keeps "meditate", "every day" keeps
    "day"); None otherwise. Where that word is common in the strategy, the wording is
    matched word for word (`Collapsed`). Dropping only articles and possessives ("the
    books") changes nothing, and a wording with a negation or a particle is word for word
    already."""
    if wording.isascii() and wording.isalnum():
        return None  # one plain word: nothing dropped
    words = _words(normalise(wording))
    parts = [part for word in words for part in word.split("-")]
    if len(parts) < 2 or any(part in MEANINGFUL_FUNCTION_WORDS for part in parts):
        return None
    kept = [part for part in parts if part not in STOPWORDS]
    dropped = [part for part in parts if part in STOPWORDS]
    if len(kept) != 1 or all(part in _EMPTY_DETERMINERS for part in dropped):
        return None
    return kept[0]


_Phrase = tuple[int, tuple[str, ...]]


class _Hit(NamedTuple):
    """One place a text carries a concept (`_ConceptMatcher.hits`)."""

    concept: int
    #: Which stems of the text: "sequence", "joined" or "full" (see `_Text`).
    stems: str
    first: int
    length: int


#: The probe of a stem that meets no concept's first word.
_MEETS_NOTHING: tuple[tuple[int, ...], tuple[_Phrase, ...]] = ((), ())


class _ConceptMatcher:
    """Finds the concepts a text carries in one pass over its stems."""

    def __init__(
        self,
        concepts: tuple[Concept, ...],
        as_written: frozenset[str] = frozenset(),
        texts: TextCache | None = None,
    ):
        self._keys = tuple(c.key for c in concepts)
        #: The analysis's texts read (`TextCache`).
        self.texts: TextCache = {} if texts is None else texts
        #: Wordings matched word for word whatever they hold (`Collapsed`).
        self.as_written = as_written
        self._single: StemIndex[int] = StemIndex()
        self._phrases: StemIndex[_Phrase] = StemIndex()
        #: Wordings matched word for word ("no-show"), against every word of a text.
        self._literal: StemIndex[_Phrase] = StemIndex()
        for index, concept in enumerate(concepts):
            for wording in concept.all_wordings:
                for literal, variant in _variants(wording, wording in as_written, self.texts):
                    if literal:
                        self._literal.add(variant[0], (index, variant))
                    elif len(variant) == 1:
                        self._single.add(variant[0], index)
                    else:
                        self._phrases.add(variant[0], (index, variant))
        self._has_literal = bool(self._literal._exact)
        #: What each stem of a text's sequence meets: (single-word concepts, phrases that
        #: start with it), one probe per distinct stem of the file.
        self._probes: dict[str, tuple[tuple[int, ...], tuple[_Phrase, ...]]] = {}
        #: Answers by text: the analysis and several rules ask about the same texts.
        self._by_text: dict[str, frozenset[int]] = {}

    def indices(self, text: str) -> frozenset[int]:
        """The indices of the concepts a text carries."""
        found = self._by_text.get(text)
        if found is None:
            found = self._by_text[text] = frozenset(self._find(text))
        return found

    def _probe(self, stem_: str) -> tuple[tuple[int, ...], tuple[_Phrase, ...]]:
        if not (self._single.may_meet(stem_) or self._phrases.may_meet(stem_)):
            return _MEETS_NOTHING
        found = self._single.lookup(stem_), self._phrases.lookup(stem_)
        return found if found[0] or found[1] else _MEETS_NOTHING

    def _find(self, text: str) -> set[int]:
        stems = _text(text, self.texts)
        found: set[int] = set()
        sequence = stems.sequence
        probes = self._probes
        for position, stem_ in enumerate(sequence):
            probe = probes.get(stem_)
            if probe is None:
                probe = probes[stem_] = self._probe(stem_)
            if probe is _MEETS_NOTHING:
                continue  # most words of a text are no concept's
            carried, candidates = probe
            found.update(carried)
            if candidates:
                _match_phrases(candidates, sequence, position, found)
        for joined in stems.joined:
            found.update(self._single.lookup(joined))
        if self._has_literal:
            literal = self._literal
            full = stems.full
            for position, stem_ in enumerate(full):
                if candidates := literal.lookup(stem_):
                    _match_phrases(candidates, full, position, found)
        return found

    def hits(self, text: str) -> list[_Hit]:
        """Every place a text carries a concept, as `_find` finds them (the evidence `--why`
        shows): the concept's index, which stems of `_text(text)` ("sequence", "joined" or
        "full") and the first and how many of them. Slower than `_find`, which stops at the
        first place: only asked for when a user wants to see why."""
        stems = _text(text, self.texts)
        out: list[_Hit] = []
        sequence = stems.sequence
        for position, stem_ in enumerate(sequence):
            probe = self._probes.get(stem_)
            if probe is None:
                probe = self._probes[stem_] = self._probe(stem_)
            carried, candidates = probe
            out.extend(_Hit(index, "sequence", position, 1) for index in dict.fromkeys(carried))
            out.extend(
                _Hit(index, "sequence", position, len(phrase))
                for index, phrase in candidates
                if _phrase_at(phrase, sequence, position)
            )
        for position, joined in enumerate(stems.joined):
            found = dict.fromkeys(self._single.lookup(joined))
            out.extend(_Hit(index, "joined", position, 1) for index in found)
        if self._has_literal:
            full = stems.full
            for position, stem_ in enumerate(full):
                out.extend(
                    _Hit(index, "full", position, len(phrase))
                    for index, phrase in self._literal.lookup(stem_)
                    if _phrase_at(phrase, full, position)
                )
        return out

    def keys(self, text: str) -> tuple[str, ...]:
        """The concept keys a text carries, in `problem.terms` order."""
        # Ordered by the few indices found, not by a pass over every key: asked once per
        # wording, a pass would make 12,000 terms cost 144 million steps (issue 12).
        keys = self._keys
        return tuple(keys[i] for i in sorted(self.indices(text)))


def _match_phrases(
    candidates: Iterable[_Phrase], sequence: tuple[str, ...], position: int, found: set[int]
) -> None:
    """Add the concepts whose phrase starts at `position` (its first stem already meets)."""
    for index, phrase in candidates:
        if index not in found and _phrase_at(phrase, sequence, position):
            found.add(index)


def _phrase_at(phrase: tuple[str, ...], sequence: tuple[str, ...], position: int) -> bool:
    """Whether `phrase` runs on from `position` of `sequence` (its first stem already meets)."""
    return position + len(phrase) <= len(sequence) and all(
        stems_meet(sequence[position + k], phrase[k]) for k in range(1, len(phrase))
    )


class Match(NamedTuple):
    """One place where a text carries a concept: what `--why` shows."""

    #: The concept's key.
    concept: str
    #: The key or listed wording that the text met.
    wording: str
    #: The text's words that met it, as written (from the first to the last).
    words: str
    #: Where those words are in the text: character offsets, end exclusive.
    start: int
    end: int


# A word as written, before normalising: `_WORD` with the typographic apostrophes and
# hyphens (and the invisible soft hyphen) that `normalise` makes plain.
_RAW_WORD = re.compile(r"[^\W_]+(?:['\-\u2019\u02bc\u2018\u2010\u2011\u00ad][^\W_]+)*")


def _spans(text: str, words: list[str]) -> list[tuple[int, int]] | None:
    """Each normalised word's place in the text as written; None when normalising the text
    whole does not give the same words as normalising it word by word (a rare compatibility
    character that splits or joins words), so that no place is ever shown wrong."""
    spans: list[tuple[int, int]] = []
    for match in _RAW_WORD.finditer(text):
        for _ in _words(normalise(match.group())):
            spans.append(match.span())
    if len(spans) != len(words):
        return None
    if [w for m in _RAW_WORD.finditer(text) for w in _words(normalise(m.group()))] != words:
        return None
    return spans


def _matches(
    concepts: tuple[Concept, ...],
    hits: list[_Hit],
    text: str,
    as_written: frozenset[str],
    texts: TextCache | None = None,
) -> tuple[Match, ...]:
    """The hits of a text as the words and wordings a user can read (`StoryAnalysis.matches`)."""
    if not hits:
        return ()
    words = _words(normalise(text))
    parsed = [_word(w) for w in words]
    owners: dict[str, list[int]] = {"sequence": [], "joined": [], "full": []}
    for i, word in enumerate(parsed):
        owners["sequence"].extend([i] * len(word.sequence))
        owners["full"].extend([i] * len(word.full))
        if word.joined is not None:
            owners["joined"].append(i)
    spans = _spans(text, words)
    stems = _text(text, texts)
    out: dict[tuple[int, int, int], Match] = {}
    for hit in hits:
        own = owners[hit.stems]
        first, last = own[hit.first], own[hit.first + hit.length - 1]
        if spans is not None:
            start, end = spans[first][0], spans[last][1]
            shown = text[start:end]
        else:
            start = end = -1
            shown = " ".join(words[first : last + 1])
        matched = getattr(stems, hit.stems)[hit.first : hit.first + hit.length]
        concept = concepts[hit.concept]
        key = (hit.concept, first, last)
        if key not in out:
            out[key] = Match(
                concept.key, _wording_met(concept, matched, as_written, texts), shown, start, end
            )
    # A place inside a longer one of the same concept ("ledger" in "general ledger") says
    # nothing more: the longer is shown.
    kept = [
        key
        for key in out
        if not any(
            other != key and other[0] == key[0] and other[1] <= key[1] and key[2] <= other[2]
            for other in out
        )
    ]
    return tuple(out[key] for key in sorted(kept, key=lambda k: (k[1], k[2], k[0])))


def _wording_met(
    concept: Concept,
    matched: tuple[str, ...],
    as_written: frozenset[str],
    texts: TextCache | None = None,
) -> str:
    """The first of a concept's wordings whose stems meet `matched`."""
    for wording in concept.all_wordings:
        for _literal, variant in _variants(wording, wording in as_written, texts):
            if len(variant) == len(matched) and all(
                stems_meet(a, b) for a, b in zip(variant, matched, strict=True)
            ):
                return wording
    return concept.key


def concepts_of(terms: Any) -> tuple[Concept, ...]:
    """The concepts of a `problem.terms` mapping (anything else has none)."""
    if not isinstance(terms, Mapping):
        return ()
    out: list[Concept] = []
    for key, wordings in terms.items():
        if isinstance(wordings, list):
            listed = tuple(str(w) for w in wordings if w is not None and str(w).strip())
        elif isinstance(wordings, str) and wordings.strip():
            listed = (wordings,)
        else:
            listed = ()
        out.append(Concept(str(key), listed))
    return tuple(out)


# -- the analysis -------------------------------------------------------------------------
@dataclass(frozen=True)
class StageStory:
    """What one speaking stage says about the problem."""

    index: int
    #: Concept keys the pitch and claims carry, in `problem.terms` order.
    carries: tuple[str, ...]
    #: The concepts it does not carry, in the same order.
    misses: tuple[str, ...]
    #: For each text (path relative to the stage: ("pitch",) or ("claims", j, "text")),
    #: the concepts it carries.
    by_text: Mapping[Path, tuple[str, ...]]
    #: The problem's pains (their texts) that one of the stage's texts retells in its own
    #: words: at least `RETELL_WORDS` of the pain's distinctive words (`_Pains`).
    retells: tuple[str, ...] = ()
    #: The texts (paths as in `by_text`) that retell one of those pains.
    retelling: frozenset[Path] = frozenset()


@dataclass(frozen=True)
class HandoffStory:
    """The pass from one speaking stage to the next."""

    source: int
    target: int
    #: Concepts both stages carry: what goes across.
    passed: tuple[str, ...]


@dataclass(frozen=True)
class StoryAnalysis:
    """The problem story of one strategy."""

    concepts: tuple[Concept, ...]
    #: Only the stages that say something, by stage index.
    stages: Mapping[int, StageStory]
    #: Between adjacent speaking stages, first touch first.
    handoffs: tuple[HandoffStory, ...]
    #: FC104's vocabulary: the content stems of the texts that set the story.
    vocabulary: StemSet = field(repr=False, compare=False)
    _matcher: _ConceptMatcher = field(repr=False, compare=False)
    #: Wordings matched as written because they keep one common word (FC109 says so).
    collapsed: tuple[Collapsed, ...] = ()
    #: Words FC104 leaves out of its measure: the segment's own (who has the problem, not
    #: what it is); `GENERIC_WORDS` the story does not use are left out too.
    neutral: frozenset[str] = frozenset()
    _pains: _Pains | None = field(default=None, repr=False, compare=False)

    def content_words(self, text: str) -> list[tuple[str, str]]:
        """`content_words`, read through this analysis's text cache: for the rules that read
        the strategy's texts again (FC109, FC206)."""
        return list(_text(text, self._matcher.texts).content)

    def retellings(self, text: str) -> tuple[Retelling, ...]:
        """The evidence that a text retells pains (`StageStory.retells`): for each pain it
        retells, which of the pain's words it holds and where. Only asked for by `--why`."""
        if self._pains is None:
            return ()
        found = self._pains.evidence(text)
        if not found:
            return ()
        words = _words(normalise(text))
        spans = _spans(text, words)
        # The first word of the text that gives each content stem, and the pain's own word
        # for each of its stems.
        first: dict[str, int] = {}
        for i, word in enumerate(words):
            for stem_, _ in _word(word).content:
                first.setdefault(stem_, i)
        out: list[Retelling] = []
        for pain, pairs in found:
            pain_word = dict(_text(pain, self._matcher.texts).content)
            placed = sorted({at for s, _ in pairs if (at := first.get(s)) is not None})
            shown: list[tuple[str, int, int]] = []
            for i in placed:
                if spans is None:
                    shown.append((words[i], -1, -1))
                else:
                    start, end = spans[i]
                    shown.append((text[start:end], start, end))
            out.append(
                Retelling(
                    pain,
                    tuple(dict.fromkeys(pain_word.get(p, p) for _, p in pairs)),
                    tuple(shown),
                )
            )
        return tuple(out)

    def concepts_in(self, text: str) -> tuple[str, ...]:
        """The concept keys a text carries, in `problem.terms` order."""
        return self._matcher.keys(text)

    def matches(self, text: str) -> tuple[Match, ...]:
        """The evidence of what a text carries: each place a concept is carried, with the
        wording it met and the text's words that met it, first place first."""
        matcher = self._matcher
        return _matches(self.concepts, matcher.hits(text), text, matcher.as_written, matcher.texts)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.concepts)

    @property
    def first_stage(self) -> int | None:
        """The index of the first stage that says something (the opening)."""
        return min(self.stages) if self.stages else None


#: Words every problem statement uses and no story turns on (time units, "team", "spend",
#: the segment's "size"...): FC109 never suggests them as terms, and a wording that keeps
#: only one of them (`Collapsed`) would be carried by every strategy's texts.
GENERIC_WORDS = _word_set(
    """
    second minute hour day week month quarter year time team company people customer user
    size small large
    business spend take make get use help way thing lot instead want need like also just
    still even much many well
    """
)


#: A text retells a pain when it holds at least this many of the pain's words (stems that
#: meet, `GENERIC_WORDS` left out). Set on the tuning half of
#: `tests/benchmarks/story_drift.yaml`: 2 lets "Bank details secured with 256-bit encryption"
#: retell "Paychecks delayed because bank details arrived late"; 4 misses "No more Friday
#: afternoons rebuilding the week from your calendar" for "Friday afternoons spent
#: reconstructing a week from emails and calendars".
RETELL_WORDS = 3
#: A word held by more of the pains than this is not one pain's word (`_Pains`).
MAX_PAINS_PER_WORD = 16


class _Pains:
    """The problem's pains, their distinctive stems (content stems, generic ones left out)
    filed in a `StemIndex`, so that a text is read once against all of them: each of its
    stems is looked up, not compared with every pain."""

    def __init__(self, pains: Iterable[str], texts: TextCache | None = None) -> None:
        generic = _generic_stems()
        self._texts: TextCache = {} if texts is None else texts
        self.texts: list[str] = []
        holders: dict[str, list[int]] = {}
        for text in pains:
            distinctive = {s for s, _ in _text(text, self._texts).content if s not in generic}
            if len(distinctive) < RETELL_WORDS:
                continue  # too short to be retold: any two words would do
            for stem_ in distinctive:
                holders.setdefault(stem_, []).append(len(self.texts))
            self.texts.append(text)
        self._index: StemIndex[tuple[int, str]] = StemIndex()
        for stem_, holding in holders.items():
            # A word that many pains share tells none of them apart; leaving it out keeps a
            # text's reading linear however many pains repeat the same words.
            if len(holding) <= MAX_PAINS_PER_WORD:
                for i in holding:
                    self._index.add(stem_, (i, stem_))

    def retold_by(self, text: str) -> list[str]:
        """The pains a text retells: it holds `RETELL_WORDS` of their distinctive words."""
        if not self.texts:
            return []
        met: set[tuple[int, str]] = set()
        for stem_, _ in _text(text, self._texts).content:
            met.update(self._index.lookup(stem_))
        counts = Counter(i for i, _ in met)
        return [self.texts[i] for i in sorted(counts) if counts[i] >= RETELL_WORDS]

    def evidence(self, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """What `retold_by` counted, for `--why`: each pain the text retells, with the
        (text stem, pain stem) pairs that met, in the text's order."""
        if not self.texts:
            return []
        met: dict[int, dict[str, list[tuple[str, str]]]] = {}
        for stem_, _ in _text(text, self._texts).content:
            for i, pain_stem in self._index.lookup(stem_):
                pairs = met.setdefault(i, {})
                if pain_stem not in pairs:
                    pairs[pain_stem] = [(stem_, pain_stem)]
        return [
            (self.texts[i], [pair for pairs in met[i].values() for pair in pairs])
            for i in sorted(met)
            if len(met[i]) >= RETELL_WORDS
        ]


class Retelling(NamedTuple):
    """Where a text retells one of the problem's pains: what `--why` shows for it."""

    #: The pain's text, as written under `problem.pains`.
    pain: str
    #: The pain's words that the text met (normalised, as first written in the pain).
    pain_words: tuple[str, ...]
    #: The text's words that met them, as written, each with its character offsets (end
    #: exclusive; -1 where the text's words cannot be placed exactly).
    words: tuple[tuple[str, int, int], ...]


def lone_keyword(analysis: StoryAnalysis, stage: StageStory, texts: Iterable[str]) -> str | None:
    """The word a stage shares with the problem's terms when that is all it shares: it
    carries one concept, and every place it does is a single written word ("invoice",
    "Airbnb"), not a phrase ("tax forms", "stopped giving"). None otherwise. FC104 judges
    such a stage more strictly: one keyword among words of another story is how
    keyword-sharing drift reads ("Invoice templates that look as polished as your legal
    work" for a problem of unbilled hours)."""
    if len(stage.carries) != 1:
        return None
    first: str | None = None
    for text in texts:
        for match in analysis.matches(text):
            if len(_words(normalise(match.words))) != 1:
                return None
            if first is None:
                first = match.words
    return first


@dataclass(frozen=True)
class Collapsed:
    """A wording that keeps one common word once its function words are dropped ("how to
    meditate" keeps "meditate", which the statement says; "every day" keeps "day"). Matched
    by that word alone, every mention of it would carry the concept, so it is matched word
    for word, as written; FC109 tells the user why."""

    concept: str
    #: The wording's place in the concept's `all_wordings` (0: the key).
    index: int
    wording: str
    #: The one word it keeps.
    keeps: str
    #: Why that word is common: "generic", "said" (the problem or value proposition use
    #: it: `form` is how) or "shared" (another wording holds it: `form` is that wording).
    reason: str
    form: str


def _collapsed_wordings(
    said_texts: Iterable[str], concepts: tuple[Concept, ...], texts: TextCache
) -> tuple[Collapsed, ...]:
    candidates = [
        (concept, j, wording, word)
        for concept in concepts
        for j, wording in enumerate(concept.all_wordings)
        if (word := collapsed(wording)) is not None
    ]
    if not candidates:
        return ()
    generic = _generic_stem_set()
    said = [(stem_, word) for text in said_texts for stem_, word in _text(text, texts).content]
    out: list[Collapsed] = []
    for concept, j, wording, word in candidates:
        kept = stem(word)
        alone = StemSet([kept])
        if kept in generic:
            out.append(Collapsed(concept.key, j, wording, word, "generic", word))
        elif form := next((w for s, w in said if s in alone), None):
            out.append(Collapsed(concept.key, j, wording, word, "said", form))
        elif other := next(
            (
                w
                for c in concepts
                for w in c.all_wordings
                if w != wording and any(s in alone for s, _ in _text(w, texts).content)
            ),
            None,
        ):
            out.append(Collapsed(concept.key, j, wording, word, "shared", other))
    return tuple(out)


def analyse(
    terms: Any,
    said: Iterable[str],
    stage_texts: Iterable[tuple[int, list[tuple[Path, str]]]],
    handoffs: Callable[[list[int]], Iterable[tuple[int, int]]] | None,
    texts: Iterable[str],
    who: Iterable[str],
    pains: Iterable[str] = (),
) -> StoryAnalysis:
    """Concepts, what each speaking stage carries, and what passes at each handoff.

    Plain values, read from a strategy by `funnelcheck.model.strategy`: `terms` is
    `problem.terms` as written; `said` the problem and value proposition's own texts (a
    wording that keeps a word they use is matched as written); `stage_texts` each stage's
    texts by index; `handoffs` the handoffs between the speaking stages (given their indices,
    in order), or None for one line, each stage handing to the next; `texts` the texts that
    set the story (FC104's vocabulary) and `who` those of them that say who has the problem;
    `pains` the texts of `problem.pains` (a stage that retells one is on the problem).
    """
    concepts = concepts_of(terms)
    cache: TextCache = {}
    collapsed_wordings = _collapsed_wordings(said, concepts, cache)
    matcher = _ConceptMatcher(concepts, frozenset(c.wording for c in collapsed_wordings), cache)
    keys = tuple(c.key for c in concepts)
    stages: dict[int, StageStory] = {}
    retold = _Pains(pains, cache)
    for index, stage_said in stage_texts:
        if not stage_said:
            continue  # a stage that says nothing carries nothing: not judged
        by_text: dict[Path, tuple[str, ...]] = {}
        carried: set[int] = set()
        retells: dict[str, None] = {}
        retelling: set[Path] = set()
        for path, text in stage_said:
            found = matcher.indices(text)
            by_text[path] = tuple(keys[i] for i in sorted(found))
            carried |= found
            if pains_told := retold.retold_by(text):
                retells.update(dict.fromkeys(pains_told))
                retelling.add(path)
        stages[index] = StageStory(
            index=index,
            carries=tuple(keys[i] for i in sorted(carried)),
            misses=tuple(k for i, k in enumerate(keys) if i not in carried),
            by_text=MappingProxyType(by_text),
            retells=tuple(retells),
            retelling=frozenset(retelling),
        )
    pairs: Iterable[tuple[int, int]] = (
        pairwise(sorted(stages)) if handoffs is None else handoffs(sorted(stages))
    )
    handoff_stories = tuple(
        HandoffStory(
            source=a,
            target=b,
            passed=tuple(k for k in stages[a].carries if k in stages[b].carries),
        )
        for a, b in pairs
    )
    vocabulary_stems: set[str] = set()
    told_stems: set[str] = set()
    who_said = set(who)
    for text in texts:
        stems = dict(_text(text, cache).content)
        vocabulary_stems.update(stems)
        if text not in who_said:
            told_stems.update(stems)
    vocabulary = StemSet(vocabulary_stems)
    # The segment's own words (who has the problem) say neither that a stage is on the
    # story nor that it is off it, and a word every strategy uses is not another story:
    # FC104 leaves them out (a generic word the story uses still counts for it).
    generic = _generic_stems()
    neutral: set[str] = set()
    if who_said:
        # Told stems by their opening, so that a derived form of a told word is told too
        # without filing every told stem's prefixes (a StemSet) for a handful of look-ups.
        told: dict[str, list[str]] = {}
        for t in told_stems:
            told.setdefault(t[:MIN_ROOT], []).append(t)
        for text in who_said:
            for s, _ in _text(text, cache).content:
                if s not in generic and not any(
                    stems_meet(s, t) for t in told.get(s[:MIN_ROOT], ())
                ):
                    neutral.add(s)
    return StoryAnalysis(
        concepts,
        MappingProxyType(stages),
        handoff_stories,
        vocabulary,
        matcher,
        collapsed_wordings,
        frozenset(neutral),
        retold,
    )


@cache
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in GENERIC_WORDS)


@cache
def _generic_stem_set() -> StemSet:
    return StemSet(_generic_stems())


def foreign_words(
    analysis: StoryAnalysis, texts: Iterable[str], needed: StemSet | None = None
) -> tuple[int, list[str]]:
    """FC104's measure for a stage's texts: how many distinct content stems they hold, and
    the words (as first written, normalised) whose stems meet nothing in the vocabulary.
    Neutral words (`StoryAnalysis.neutral`: the segment's own, the generic) are in neither
    count: "for engineering teams" says who, not which story. Nor are the words the stage's
    job needs (`needed`, FC104's `stage_words`) that are not story words."""
    seen: dict[str, str] = {}
    neutral, generic, vocabulary = analysis.neutral, _generic_stems(), analysis.vocabulary
    cache = analysis._matcher.texts
    for text in texts:
        for stem_, word in _text(text, cache).content:
            if stem_ in neutral or (stem_ in generic and stem_ not in vocabulary):
                continue
            if needed is not None and stem_ in needed and stem_ not in vocabulary:
                continue
            seen.setdefault(stem_, word)
    return len(seen), [word for stem_, word in seen.items() if stem_ not in vocabulary]
