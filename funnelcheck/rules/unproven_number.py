"""FC204 unproven-number: a claim with a number or percentage cites no evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.strategy import Strategy

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
_CODE_BEFORE = re.compile(r"\b(?P<code>[A-Z]{3})\s?\Z")
# Words that introduce an amount as a saving or a loss: such an amount is a figure that
# needs proof (FC302 reads every other amount as a price, which the plans prove).
_SAVING_BEFORE = re.compile(
    r"\b(save[sd]?|saving|savings|lose|loses|losing|lost|waste[sd]?|wasting|costs you|"
    r"worth)\b[^.;:!?]{0,30}\Z",
    re.IGNORECASE,
)


class UnprovenNumber(Rule):
    """A claim with a number or percentage cites no evidence.

    **Why.** "30% faster close" is the sentence a buyer repeats to their boss, and the one
    a sceptical buyer asks about first. A figure with nothing behind it either falls apart
    in the discovery call or, worse, is believed and then not met in the trial. A claim
    that cites `evidence` (an interview round, a pilot, analytics) can be defended; one
    that does not is marked here so that someone goes and finds the source.

    What counts: numbers written in digits, with or without `%`, "percent", `x` or `k`
    ("30%", "10x", "5 minutes", "40 customers"). Not counted: digits inside a word or code
    ("B2B", "Q2", "24/7"), numbers that follow an acronym ("SOC 2", "ISO 27001"), and
    money amounts that state a price ("$499 a month"): FC302 checks those against the
    plans. An amount introduced by a word of saving or loss
    ("save $6,000 a month", "worth", "costs you") is a figure like any other and needs its
    evidence. Numbers in words ("three days") are not read: they are too often not figures
    ("one plan").

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
            figures = figures_to_prove(text, codes)
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


def figures_to_prove(text: str, currency_codes: frozenset[str] | set[str]) -> list[str]:
    """The figures in `text` that need evidence, as written, in order; prices are left out."""
    figures: list[str] = []
    for match in _NUMBER.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        code_after = _CODE_AFTER.match(after)
        code_before = _CODE_BEFORE.search(before)
        is_money = bool(
            match.group("symbol")
            or (code_after and code_after.group("code") in currency_codes)
            or (code_before and code_before.group("code") in currency_codes)
        )
        if is_money and not _SAVING_BEFORE.search(before):
            continue
        if not is_money and not match.group("suffix") and _ACRONYM_BEFORE.search(before):
            continue
        figure = match.group(0).strip()
        unit = _UNIT_AFTER.match(after)
        if unit and not match.group("suffix") and not is_money:
            figure += after[: unit.end()]
        figures.append(figure)
    return figures
