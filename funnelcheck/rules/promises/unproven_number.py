"""FC204 unproven-number: a claim with a number or percentage cites no evidence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from funnelcheck.findings import Issue, Severity
from funnelcheck.language.money import TextAmount
from funnelcheck.language.story import STOPWORDS
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule

# A number written in digits, whole: not inside a word or a code ("B2B", "Q2", "SOC2",
# "24/7" are names, not figures), with what commonly follows a figure in a pitch.
_NUMBER = re.compile(
    r"(?<![\w.,/])"
    r"(?P<symbol>[$€£¥]\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>\s?%|\s?per\s?cent\b|[x×kKmM](?!\w))?"
    r"(?![\w/])"
)
#: ISO codes people write beside an amount ("399 USD", "EUR 1,200"); the strategy's own
#: currency is added per file.
_COMMON_CODES = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "NZD", "SEK"})
_CODE_AFTER = re.compile(r"\s?(?P<code>[A-Z]{3})\b")
#: The word a bare figure counts ("5 minutes", "40 customers"), shown with it in the message.
_UNIT_AFTER = re.compile(r"(?:\s|-)(?P<unit>[^\W\d_]+)(?!\w)")
#: An acronym right before a bare number makes it a name: "SOC 2", "ISO 27001".
_ACRONYM_BEFORE = re.compile(r"\b(?P<acronym>[A-Z]{2,})\s\Z")
# Identifiers with digits are names, not figures (issue 15). The class, by its shapes:
#: letters joined to the number by a hyphen: "W-4", "I-9", "GPT-4", "COVID-19", "ICD-10";
_LETTERS_HYPHEN_BEFORE = re.compile(r"(?<![\w-])[^\W\d_]+-\Z")
#: the number joined to a code in capitals or to a bracketed letter: "1099-NEC", "1040-ES",
#: "401(k)", "403(b)", "501(c)(3)";
_CODE_JOINED_AFTER = re.compile(r"-[A-Z]{1,5}(?![\w-])|\([a-z0-9]{1,2}\)")
#: a word written with a capital inside it right before: "iOS 17", "macOS 14", "Wi-Fi 6";
_MIXED_CASE_BEFORE = re.compile(r"(?<![\w-])[\w-]*[a-z][\w-]*[A-Z][\w-]*\s\Z")
#: a capitalised word inside a sentence right before: "runs on Windows 11", "under Title 21";
#: at a sentence's start a capital says nothing ("Save 4 hours", "Over 40 customers").
_CAPITALISED_BEFORE = re.compile(r"(?P<lead>^|\S)\s*(?P<word>[A-Z][a-z]+)\s\Z")
#: What comes before a sentence's first word: the text's start, an end of sentence, a quote
#: or a bullet.
_SENTENCE_LEADS = frozenset(("", ".", "!", "?", ":", ";", '"', "'", "“", "‘", "(", "•", "*", "-"))
#: How much text either side of a number `_is_identifier` reads.
_NAME_WINDOW = 40
#: How much text either side of a number decides what it is (a saving's word comes at most
#: 30 characters before it).
_WINDOW = 80
_DIGIT = re.compile(r"\d")
_LONG_WORD = re.compile(r"(?<![\w-])[^\W\d_]{4,}")
#: a noun that numbers a document, version or grade, in any case: "Form 1099", "section
#: 179", "version 2", "tier 1", "type 2 diabetes", "phase 3 trial".
_NUMBERING_NOUN_BEFORE = re.compile(
    r"\b(?:form|forms|section|sections|schedule|article|articles|title|part|chapter|clause|"
    r"rule|regulation|version|release|tier|level|grade|class|type|phase|model|series|"
    r"gen|generation|nr|number|step)\.?\s\Z",
    re.IGNORECASE,
)
_CODE_BEFORE = re.compile(r"\b(?P<code>[A-Z]{3})\s?\Z")
# Words that introduce an amount as a saving or a loss: such an amount is a figure that
# needs proof (FC302 reads every other amount as a price, which the plans prove).
_SAVING_BEFORE = re.compile(
    r"\b(save[sd]?|saving|savings|lose|loses|losing|lost|waste[sd]?|wasting|costs you|"
    r"worth)\b[^.;:!?]{0,30}\Z",
    re.IGNORECASE,
)


#: Years a pitch names ("the 2026 ledger", "since 2019"): a bare four-digit number in this
#: range is a date, not a claim, unless it counts something (see `_is_year`).
_YEAR_RANGE = range(1900, 2101)
# Words that make the number after them a date even before a plural word ("since 2019
# teams ...", "March 2026 payouts"). Words that as often come before a count ("in 2000
# stores", "by 2000 teams", "of 2000 users") are left out: there the plural word decides.
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:since|until|till|during|circa|as of|"
    r"early|mid|late|spring|summer|autumn|fall|winter|FY|H[12]|Q[1-4]|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s-]\Z",
    re.IGNORECASE,
)
# A plural word after the number makes it a count: "2000 customers", "1950 hours".
_PLURAL_UNIT_AFTER = re.compile(r"[\s-](?P<word>[^\W\d_]+s)(?!\w)")
# Words ending in "s" that are not plurals and often follow a year ("2019 was the year").
_NOT_PLURAL = frozenset({"is", "was", "has", "does", "this", "its", "as", "plus", "versus", "vs"})


class UnprovenNumber(Rule):
    """A claim with a number or percentage cites no evidence.

    **Why.** "30% faster close" is the sentence a buyer repeats to their boss, and the one
    a sceptical buyer asks about first. A figure with nothing behind it either falls apart
    in the discovery call or, worse, is believed and then not met in the trial. A claim
    that cites `evidence` (an interview round, a pilot, analytics) can be defended; one
    that does not is marked here so that someone goes and finds the source.

    What counts: numbers written in digits, with or without `%`, "percent", `x` or `k`
    ("30%", "10x", "5 minutes", "40 customers"). Not counted: digits inside a word or code
    ("B2B", "Q2", "24/7"); identifiers with digits, which name a form, a standard or a
    version rather than state a figure: a number joined by a hyphen to letters before it
    ("W-4", "I-9", "GPT-4", "COVID-19") or to a code in capitals after it ("1099-NEC"), or
    followed by a bracketed letter ("401(k)"), or that follows an acronym ("SOC 2", "ISO
    27001", "HIPAA 164.312"), a word with a capital inside it ("iOS 17"), a capitalised
    word inside a sentence ("runs on Windows 11"; not the first word of a sentence, nor any
    word of a text written in title case, where a capital says nothing) or a noun that
    numbers things ("Form 1099", "section 179", "version 2", "tier 1", "type 2"); years (a
    bare four-digit number from 1900 to 2100, as in "the 2026 ledger" or "since 2019"; it
    still counts when a plural word follows it, as in "2000 customers", since then it counts
    something, unless a date word such as "since" or a month comes first), and money amounts
    that state a price, read as FC302 reads them ("$499 a month", "$1 500 a month", "99¢ a
    day", "399 dollars"): FC302 checks those against the plans. An amount introduced by a
    word of saving or loss ("save $6,000 a month", "worth", "costs you") is a figure like
    any other and needs its evidence. Numbers in words ("three days") are not read: they are
    too often not figures ("one plan").

    **Failing example.**

    ```yaml
    stages:
      - name: LinkedIn campaign
        role: marketing
        claims:
          - text: Close the books 80% faster than with spreadsheets.
    ```

    **Passing example.**

    ```yaml
    stages:
      - name: LinkedIn campaign
        role: marketing
        claims:
          - text: Close the books 80% faster than with spreadsheets.
            evidence: [pilot-2026]
    evidence:
      - {id: pilot-2026, kind: pilot, n: 12, date: 2026-06-01, source: pilots/2026.md}
    ```

    **Options.** None.
    """

    code = "FC204"
    name = "unproven-number"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        codes = _COMMON_CODES | ({strategy.currency} if strategy.currency else set())
        for claim_path, claim in strategy.claims():
            text = claim.get("text")
            evidence = claim.get("evidence")
            if not isinstance(text, str) or (isinstance(evidence, list) and evidence):
                continue
            if _DIGIT.search(text) is None:
                continue  # every figure it counts is written in digits
            figures = figures_to_prove(text, codes, strategy.amounts_in(text))
            if not figures:
                continue
            stage_index = claim_path[1]
            stage_name = strategy.stage_name(stage_index) if isinstance(stage_index, int) else ""
            listed = ", ".join(f"“{f}”" for f in figures)
            yield Issue(
                path=claim_path,
                message=(
                    f"a claim of `{stage_name}` states {listed} but cites no evidence: "
                    "add what the figure rests on (interviews, a pilot, analytics) under the "
                    "claim's `evidence`"
                ),
                subject=text,
                data={"figures": figures, "stage": stage_name},
            )


def figures_to_prove(
    text: str, currency_codes: frozenset[str] | set[str], amounts: Sequence[TextAmount] = ()
) -> list[str]:
    """The figures in `text` that need evidence, as written, in order; prices are left out.

    `amounts` are the money amounts `money.find_amounts` reads in `text`: a number inside
    one is money too ("99¢", "399 dollars"), and digits after an amount's start are part of
    it, not a figure of their own (the "500" of "$1 500 per month").
    """
    figures: list[str] = []
    #: Where the last figure that is a saving amount starts, to extend it over its digits.
    saving_start: int | None = None
    #: Whether the text is written in title case: worked out when a number first asks.
    title_case: list[bool] = []

    def titled() -> bool:
        if not title_case:
            title_case.append(_in_title_case(text))
        return title_case[0]

    # Amounts in the order they start; walked once alongside the numbers, which come in order.
    ordered = sorted(amounts, key=lambda a: a.span)
    next_amount = 0
    for match in _NUMBER.finditer(text):
        # What decides a number's kind lies within a few words of it: read a window either
        # side, so a text with many numbers costs time linear in its length.
        start, end = match.start(), match.end()
        before, after = text[max(0, start - _WINDOW) : start], text[end : end + _WINDOW]
        code_after = _CODE_AFTER.match(after)
        code_before = _CODE_BEFORE.search(before)
        while next_amount < len(ordered) and ordered[next_amount].span[1] <= start:
            next_amount += 1
        amount = None
        k = next_amount
        while k < len(ordered) and ordered[k].span[0] <= start:
            if start < ordered[k].span[1]:
                amount = ordered[k]
                break
            k += 1
        if amount is not None and match.start() > amount.span[0]:
            # The rest of an amount already read from its first digits ("$1 500").
            if saving_start == amount.span[0]:
                figures[-1] = text[saving_start : match.end()].strip()
            continue
        saving_start = None
        is_money = bool(
            match.group("symbol")
            or (code_after and code_after.group("code") in currency_codes)
            or (code_before and code_before.group("code") in currency_codes)
            or amount is not None
        )
        if is_money and not _SAVING_BEFORE.search(before):
            continue
        if amount is not None:
            saving_start = amount.span[0]
        if not is_money and not match.group("suffix") and _is_identifier(before, after, titled):
            continue
        if not is_money and not match.group("suffix") and _is_year(match, before, after):
            continue
        figure = match.group(0).strip()
        unit = _UNIT_AFTER.match(after)
        if unit and not match.group("suffix") and not is_money:
            figure += after[: unit.end()]
        figures.append(figure)
    return figures


def _is_identifier(before: str, after: str, title_case: Callable[[], bool]) -> bool:
    """Whether a bare number is part of a name with digits, not a figure: "SOC 2", "W-4",
    "401(k)", "Form 1099-NEC", "iOS 17", "runs on Windows 11", "section 179"."""
    # A name is a word or two: read only the end of the text before the number and the
    # start of the text after it, so a long text costs no more per number.
    before, after = before[-_NAME_WINDOW:], after[:_NAME_WINDOW]
    if _LETTERS_HYPHEN_BEFORE.search(before) or _CODE_JOINED_AFTER.match(after):
        return True
    if _ACRONYM_BEFORE.search(before) or _MIXED_CASE_BEFORE.search(before):
        return True
    if _NUMBERING_NOUN_BEFORE.search(before):
        return True
    if title_case():
        return False  # "Close Your Books In 5 Days": every word has a capital
    capitalised = _CAPITALISED_BEFORE.search(before)
    if capitalised is None or capitalised.group("word").lower() in STOPWORDS:
        return False  # "Save 4 hours ... Over 40 customers": the sentence's capital
    # A capital at the start of the text or of a sentence is the sentence's, not a name's.
    return capitalised.group("lead") not in _SENTENCE_LEADS


def _in_title_case(text: str) -> bool:
    """Whether a text is written as a headline, most words with a capital: of the words of
    four letters or more that do not start a sentence, at least three, most capitalised."""
    words = [
        m.group(0)
        for m in _LONG_WORD.finditer(text)
        if text[max(0, m.start() - 4) : m.start()].rstrip().rstrip("\"'“‘(")[-1:]
        not in _SENTENCE_LEADS
    ]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 2 > len(words)


def _is_year(match: re.Match[str], before: str, after: str) -> bool:
    """Whether a bare number names a year: four digits from 1900 to 2100, not followed by a
    plural word ("the 2026 ledger", "in 2025, teams", but not "2000 customers", which counts
    something) unless a date word comes first ("since 2019 teams", "March 2026 payouts")."""
    number = match.group("number")
    if len(number) != 4 or not number.isdigit() or int(number) not in _YEAR_RANGE:
        return False
    plural = _PLURAL_UNIT_AFTER.match(after)
    counts = plural is not None and plural.group("word").lower() not in _NOT_PLURAL
    return bool(_YEAR_WORD_BEFORE.search(before)) or not counts
