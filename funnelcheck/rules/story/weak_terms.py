"""FC109 weak-terms: too few terms, or terms with no other wording: story checks will be weak."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.language.story import GENERIC_WORDS, StemSet, stem
from funnelcheck.model.strategy import Strategy, nonblank_strings
from funnelcheck.rules.base import Rule, check_range

#: How many words the message suggests.
_SUGGESTIONS = 5
#: Never suggested as terms (`story.GENERIC_WORDS`).
_GENERIC = frozenset(stem(word) for word in GENERIC_WORDS)


@dataclass(frozen=True)
class Options:
    #: The fewest terms under which story checks are called weak.
    min_terms: int = 3

    def __post_init__(self) -> None:
        check_range("min_terms", self.min_terms, at_least=1)


class WeakTerms(Rule, options=Options):
    """The problem has fewer than three terms, or terms with no other wording.

    **Why.** Every story rule (FC101-FC105, FC108, FC605) looks for the problem's terms in
    what the stages say. With one or two terms, a stage that tells the story in other words
    looks off the problem; with a term and no other wordings ("payout" but not "settlement"
    or "Stripe transfer"), every paraphrase is missed. Derived forms already meet
    ("reconciling" carries `reconcile`), but synonyms and phrases must be listed. The note
    names words from the problem statement and the value proposition that no term covers
    yet: the likeliest candidates for a term or a wording. Two terms that are one word in
    derived forms ("reconcile" and "reconciliation") are one concept counted twice: the
    note says so, so that the relay and `min-concepts` count what the user meant.

    **Failing example.**

    ```yaml
    problem:
      statement: Finance teams reconcile Stripe payouts against the general ledger by hand.
      terms:
        payout: []
    ```

    **Passing example.**

    ```yaml
    problem:
      statement: Finance teams reconcile Stripe payouts against the general ledger by hand.
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement, stripe transfer]
        ledger: [general ledger, books]
    ```

    **Options.** `min_terms` (default 3): the fewest terms a problem should have. Three is
    the least that lets FC103 tell a handoff that passes part of the story from one that
    passes none of it.
    """

    code = "FC109"
    name = "weak-terms"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        yield from self._weak(strategy, options)
        yield from _collapsed_wordings(strategy)

    def _weak(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        concepts = strategy.story.concepts
        without_wordings = [c.key for c in concepts if not c.wordings]
        too_few = len(concepts) < options.min_terms
        twice = _same_terms(strategy)
        if not too_few and not without_wordings and not twice:
            return
        reasons: list[str] = []
        if too_few:
            plural = "" if len(concepts) == 1 else "s"
            count = f"only {len(concepts)} term{plural}" if concepts else "no terms"
            reasons.append(f"the problem has {count} (fewer than {options.min_terms})")
        if without_wordings:
            listed = ", ".join(f"`{k}`" for k in without_wordings)
            verb = "lists" if len(without_wordings) == 1 else "list"
            reasons.append(f"{listed} {verb} no other wording")
        for first, second in twice:
            reasons.append(
                f"`{first}` and `{second}` are one concept listed twice (each carries the "
                "other: one word in two forms, or one already a wording of the other); keep "
                "one term and list the other among its wordings"
            )
        suggestions = _suggestions(strategy)
        advice = (
            "; words from the problem statement and value proposition worth adding: "
            + ", ".join(suggestions)
            if suggestions
            else "; add the words customers use for the problem, and their other wordings"
        )
        yield Issue(
            path=("problem", "terms"),
            message=f"{' and '.join(reasons)}: story checks will be weak{advice}",
            subject="terms",
            data={
                "terms": len(concepts),
                "without_wordings": without_wordings,
                "suggestions": suggestions,
                "same_terms": [list(pair) for pair in twice],
                "min_terms": options.min_terms,
            },
        )


def _collapsed_wordings(strategy: Strategy) -> Iterator[Issue]:
    """Wordings that keep one common word once their function words are dropped ("how to
    meditate" keeps "meditate"): the engine matches them word for word (`story.Collapsed`);
    the user is told, with the reason."""
    terms = strategy.problem.get("terms")
    for found in strategy.story.collapsed:
        if found.reason == "generic":
            why = f"“{found.keeps}” is a word every strategy uses"
        elif found.reason == "said":
            why = f"the problem and value proposition say “{found.form}”"
        else:
            why = f"“{found.keeps}” is also in the wording “{found.form}”"
        key = found.concept
        listed = isinstance(terms, dict) and isinstance(terms.get(key), list)
        at_key = found.index == 0 or not listed
        yield Issue(
            path=("problem", "terms", key)
            if at_key
            else ("problem", "terms", key, found.index - 1),
            at_key=at_key,
            message=(
                f"the wording “{found.wording}” of `{key}` keeps only “{found.keeps}” once its "
                f"function words are dropped, and {why}: matched by that word alone, every "
                f"mention of it would carry `{key}`, so it is matched only as written; list "
                f"instead a wording whose own words say `{key}`, or drop it"
            ),
            subject=f"{key}: {found.wording}",
            data={"concept": key, "wording": found.wording, "keeps": found.keeps},
        )


def _same_terms(strategy: Strategy) -> list[tuple[str, str]]:
    """Pairs of terms that carry each other ("reconcile" and "reconciliation"): one concept
    listed twice, so every stage that carries one carries both and the relay, FC101's
    `min-concepts` and the handoffs count it twice."""
    story = strategy.story
    keys = [c.key for c in story.concepts]
    carried = {key: story.concepts_in(key) for key in keys}
    carried_sets = {key: set(found) for key, found in carried.items()}
    position = {key: i for i, key in enumerate(keys)}
    # Each term's carried keys (in terms order) are read, not every pair of terms: 12,000
    # terms would be 72 million pairs (issue 12).
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(keys):
        for b in carried[a]:
            if position[b] > i and a in carried_sets[b]:
                pairs.append((a, b))
    return pairs


def _suggestions(strategy: Strategy) -> list[str]:
    """Content words of the problem statement and value proposition that no term covers.

    Ranked: words both the problem and the value proposition use first (the story's
    backbone), then by how often they occur, then in the order they first appear.
    """
    story = strategy.story
    covered = StemSet(
        s
        for concept in story.concepts
        for wording in concept.all_wordings
        for s, _ in story.content_words(wording)
    )
    product = strategy.data.get("product")
    name = product.get("name") if isinstance(product, dict) else None
    product_stems = {s for s, _ in story.content_words(name)} if isinstance(name, str) else set()
    proposition = strategy.value_proposition
    problem_texts = nonblank_strings(strategy.problem.get("statement"))
    proposition_texts = nonblank_strings(proposition.get("statement")) + nonblank_strings(
        proposition.get("differentiators")
    )
    first_word: dict[str, str] = {}
    count: dict[str, int] = {}
    in_problem: set[str] = set()
    in_proposition: set[str] = set()
    for texts, seen_in in ((problem_texts, in_problem), (proposition_texts, in_proposition)):
        for text in texts:
            for stem_, word in story.content_words(text):
                if (
                    len(word) < 4  # "mid" of "mid-size", "saas": too short to carry a story
                    or stem_ in covered
                    or stem_ in product_stems
                    or stem_ in _GENERIC
                    or not word.isalpha()
                ):
                    continue
                first_word.setdefault(stem_, word)
                count[stem_] = count.get(stem_, 0) + 1
                seen_in.add(stem_)
    order = {s: i for i, s in enumerate(first_word)}
    ranked = sorted(
        first_word,
        key=lambda s: (not (s in in_problem and s in in_proposition), -count[s], order[s]),
    )
    return [first_word[s] for s in ranked[:_SUGGESTIONS]]
