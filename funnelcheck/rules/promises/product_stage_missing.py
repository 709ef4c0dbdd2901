"""FC205 product-stage-missing: claims promise capabilities no stage lets the customer try."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule, join_and


class ProductStageMissing(Rule):
    """Claims promise capabilities but no `product` stage lets the customer test them.

    **Why.** A promise is a runner handing over the baton: the product stage (a trial, a
    pilot, a demo on the customer's own data) is where it is caught. Without one, the
    customer buys on the word of marketing and sales and meets the product for the first
    time after paying, when a broken promise costs a refund and a reference. The finding
    sits on the first promise and names every capability promised and the stages that
    promise them. FC505 reports a missing product stage whether or not anything is
    promised; this rule says what goes untested.

    **Failing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched to its invoices.
            promises: [auto-match]
      - name: Proposal
        role: pricing
    ```

    **Passing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched to its invoices.
            promises: [auto-match]
      - name: Two-week trial
        role: product
      - name: Proposal
        role: pricing
    ```

    **Options.** None.
    """

    code = "FC205"
    name = "product-stage-missing"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        if any(stage.get("role") == "product" for _, stage in strategy.stages()):
            return
        promise_paths: list[Path] = []
        capabilities: list[str] = []
        stages: list[str] = []
        for path, capability_id in strategy.promises():
            promise_paths.append(path)
            if capability_id not in capabilities:
                capabilities.append(capability_id)
            stage_index = path[1]
            if isinstance(stage_index, int):
                name = strategy.stage_name(stage_index)
                if name not in stages:
                    stages.append(name)
        if not promise_paths:
            return
        listed = join_and([f"`{c}`" for c in capabilities])
        by = join_and([f"`{name}`" for name in stages])
        yield Issue(
            path=promise_paths[0],
            message=(
                f"{by} promise{'s' if len(stages) == 1 else ''} {listed}, but no stage has "
                "the role `product`: the customer never tries what was promised before "
                "paying; add a trial, pilot or demo stage"
            ),
            related=tuple(promise_paths[1:]),
            subject="product",
            data={"capabilities": capabilities, "stages": stages},
        )
