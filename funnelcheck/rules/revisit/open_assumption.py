"""FC704 open-assumption: an assumption is still `assumed`."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule, quote


class OpenAssumption(Rule):
    """An assumption is still `assumed`: nobody is testing it yet.

    **Why.** Writing an assumption down is the first step; the strategy is only as strong
    as the guesses it has started to test. An assumption left at `assumed` is a bet the
    funnel relies on with no experiment running: moving it to `testing` (with the evidence
    being gathered), then to `validated` or `invalidated`, is how a strategy learns. This is
    a note, not a warning: every strategy starts with open assumptions.

    **Failing example.**

    ```yaml
    assumptions:
      - {id: cfo-signs, text: The CFO signs off without procurement below $10k, status: assumed}
    ```

    **Passing example.**

    ```yaml
    assumptions:
      - id: cfo-signs
        text: The CFO signs off without procurement below $10k
        status: testing
        last_checked: 2026-11-02
    ```

    **Options.** None.
    """

    code = "FC704"
    name = "open-assumption"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        assumptions = strategy.data.get("assumptions")
        if not isinstance(assumptions, list):
            return
        for index, assumption in enumerate(assumptions):
            if not isinstance(assumption, dict) or assumption.get("status") != "assumed":
                continue
            assumption_id = assumption.get("id")
            label = f"`{assumption_id}`" if isinstance(assumption_id, str) else f"{index + 1}"
            text = assumption.get("text")
            quoted = f' ("{quote(text)}")' if isinstance(text, str) and text.strip() else ""
            last_checked = assumption.get("last_checked")
            checked = f", last checked {last_checked}" if last_checked is not None else ""
            yield Issue(
                path=("assumptions", index, "status"),
                message=(
                    f"assumption {label}{quoted} is still assumed{checked}: nobody is testing "
                    "it; design a test and set its status to `testing`"
                ),
                subject=assumption_id if isinstance(assumption_id, str) else str(text),
                data={"id": assumption_id, "status": "assumed", "last_checked": last_checked},
            )
