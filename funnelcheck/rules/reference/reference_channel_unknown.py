"""FC604 reference-channel-unknown: a reference customer came through a channel no stage uses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.model.strategy import Strategy, customer_name
from funnelcheck.model.upside_down import stage_channels, stages_reaching
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.support.similar import did_you_mean


class ReferenceChannelUnknown(Rule):
    """A reference customer was reached through a channel that no stage lists.

    **Why.** `reached_via` is the first runner of the relay worked backwards: how the
    company actually reached a customer who bought and stayed. When no stage lists that
    channel, the funnel being planned (and measured) is not the one that produced the
    reference: budget goes to channels that have not yet brought a customer, and the one
    that did is nobody's job. Either the channel belongs in a stage's `channels`, or the
    reference came by a route the strategy does not mean to repeat.

    Channels are compared ignoring case, punctuation, spacing and plurals: `finance
    podcast` matches `finance podcasts`, `LinkedIn Ads` matches `LinkedIn ads`. Every stage's
    channels count, whatever its role. A missing `reached_via` is FC602's.

    **Failing example.**

    ```yaml
    stages:
      - name: LinkedIn and podcast campaign
        role: marketing
        channels: [LinkedIn ads, finance podcasts]
    reference_customers:
      - name: Northwind Analytics
        reached_via: trade show
    ```

    Northwind Analytics was reached via "trade show", which no stage lists.

    **Passing example.**

    ```yaml
    stages:
      - name: LinkedIn and podcast campaign
        role: marketing
        channels: [LinkedIn ads, finance podcasts]
    reference_customers:
      - name: Northwind Analytics
        reached_via: Finance podcast
    ```

    **Options.** None.
    """

    code = "FC604"
    name = "reference-channel-unknown"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        # Every channel any stage lists, as written, with the stage it appears in.
        channels = stage_channels(strategy)
        for index, customer in strategy.reference_customers():
            reached_via = customer.get("reached_via")
            if not isinstance(reached_via, str) or not reached_via.strip():
                continue  # unanswered: FC602
            if stages_reaching(channels, reached_via):
                continue
            yield _unknown(customer, index, reached_via.strip(), channels)


def _unknown(
    customer: dict[str, Any], index: int, reached_via: str, channels: list[tuple[str, Path]]
) -> Issue:
    name = customer_name(customer, index)
    listed = list(dict.fromkeys(channel for channel, _ in channels))
    if listed:
        message = (
            f'{name} was reached via "{reached_via}", which no stage lists among its channels '
            f"(the stages list: {', '.join(listed)})"
        )
        # Suggest the nearest channel, compared as case-folded text ("Linkedin add" -> ...).
        hint = did_you_mean(reached_via, listed, fold=True, mark='"')
        if hint:
            message += hint
        else:
            message += "; add it to the stage that reaches customers there"
    else:
        message = (
            f'{name} was reached via "{reached_via}", but no stage lists any channels; '
            "add it to the `channels` of the stage that reaches customers there"
        )
    return Issue(
        path=("reference_customers", index, "reached_via"),
        message=message,
        related=tuple(dict.fromkeys(path[:3] for _, path in channels)),
        subject=reached_via,
        data={"customer": name, "reached_via": reached_via, "channels": listed},
    )
