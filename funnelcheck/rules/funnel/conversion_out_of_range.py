"""FC501 conversion-out-of-range: a stage's conversion is not in (0, 1].

What a usable conversion is lives in `funnelcheck.model.funnel` (`conversion_of`): the
funnel-math rules (FC502, FC503) and the relay view read conversions through it, so that a
figure FC501 rejects is never multiplied.
"""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.funnel import exact_number, exact_share
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class ConversionOutOfRange(Rule):
    """A conversion is not in (0, 1].

    **Why.** A conversion is the share of a stage's entrants who reach the next stage: a
    figure above 0 and at most 1. Anything else breaks the funnel math quietly: 0 makes
    the leads needed infinite, 40 (meant as 40%) makes the funnel create customers out of
    nothing, and a negative one means nothing at all. The format's schema leaves the range
    to this rule, so one mistake gives one finding. Where the figure reads as a percentage
    (above 1, at most 100), the message offers the share it probably means. The funnel
    math (FC502, FC503) skips a conversion this rule rejects.

    **Failing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        conversion: 40
    ```

    `stages[0].conversion` is 40; did you mean 0.4 (40%)?

    **Passing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        conversion: 0.4
    ```

    **Options.** None.
    """

    code = "FC501"
    name = "conversion-out-of-range"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        for i, stage in strategy.stages():
            if "conversion" not in stage or stage["conversion"] is None:
                continue
            value = stage["conversion"]
            if exact_share(value) is not None:
                continue
            number = exact_number(value)
            if number is None and not isinstance(value, float):
                continue  # not a number at all: the schema's (FC002)
            name = strategy.stage_name(i)
            written = str(number) if number is not None else str(value)
            hint = ""
            if number is not None and 1 < number <= 100:
                share = (number / 100).normalize()
                hint = f"; did you mean {share:f} ({number.normalize():f}%)?"
            yield Issue(
                path=("stages", i, "conversion"),
                message=(
                    f"the conversion of `{name}` is {written}, but a conversion is the share "
                    f"of the stage's entrants who reach the next stage: above 0 and at most "
                    f"1{hint}"
                ),
                subject=name,
                data={"stage": name, "conversion": written},
            )
