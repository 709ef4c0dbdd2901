"""FC506 guessed-rates: more than half the funnel's conversions are guesses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class GuessedRatesOptions:
    #: The rule fires when the share of conversions with `basis: guess` is above this.
    max_guessed_share: float = 0.5

    def __post_init__(self) -> None:
        check_range("max_guessed_share", self.max_guessed_share, at_least=0, at_most=1)


class GuessedRates(Rule):
    """More than half the conversions have `basis: guess`.

    **Why.** The leads needed (FC502) and the weakest handoff (FC503) are only as good as
    the conversions they multiply. One guessed rate among measured ones is a fair start;
    when most of them are guesses the funnel's arithmetic is a wish, and the goal it
    "proves" reachable may be off by an order of magnitude. The note names the guessed
    stages so the team knows which figures to measure or benchmark first. Conversions
    without a `basis` are counted as conversions but not as guesses (the rule does not
    guess either). It sits on `stages`.

    **Failing example.**

    ```yaml
    stages:
      - {name: LinkedIn campaign, role: marketing, conversion: 0.1, basis: guess}
      - {name: Discovery call, role: sales, conversion: 0.4, basis: guess}
      - {name: Proposal, role: pricing, conversion: 0.6, basis: measured}
    ```

    2 of 3 conversions are guesses.

    **Passing example.**

    ```yaml
    stages:
      - {name: LinkedIn campaign, role: marketing, conversion: 0.1, basis: measured}
      - {name: Discovery call, role: sales, conversion: 0.4, basis: benchmark}
      - {name: Proposal, role: pricing, conversion: 0.6, basis: guess}
    ```

    **Options.** `max_guessed_share` (default 0.5): the share of guessed conversions
    above which the note appears; "more than half" is where guesses outweigh what was
    measured or benchmarked.
    """

    code = "FC506"
    name = "guessed-rates"
    severity = Severity.INFO
    Options = GuessedRatesOptions

    def check(self, strategy: Strategy, options: GuessedRatesOptions) -> Iterator[Issue]:
        with_conversion = [
            (i, stage) for i, stage in strategy.stages() if stage.get("conversion") is not None
        ]
        guessed = [strategy.stage_name(i) for i, s in with_conversion if s.get("basis") == "guess"]
        total = len(with_conversion)
        # Compared as fractions: "more than half" of 4 must not depend on a float's error.
        limit = Fraction(str(options.max_guessed_share))
        if total == 0 or Fraction(len(guessed), total) <= limit:
            return
        yield Issue(
            path=("stages",),
            message=(
                f"{len(guessed)} of {total} conversions are guesses "
                f"({', '.join(f'`{n}`' for n in guessed)}): the funnel math (leads needed, "
                "weakest handoff) rests on them; measure or benchmark these rates first"
            ),
            subject="guess",
            data={"guessed": len(guessed), "conversions": total, "stages": guessed},
        )
