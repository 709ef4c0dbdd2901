"""FC108 claim-off-problem: one claim carries none of the problem's terms."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy, describe_stage
from funnelcheck.model.told import told_of
from funnelcheck.rules.base import NoOptions, Rule, quote


class ClaimOffProblem(Rule):
    """One claim carries none of the problem's terms.

    **Why.** A stage can carry the problem in its pitch or in one claim and still spend its
    other claims on something else; each of those is a sentence the customer hears that
    does not hand the baton on. This is a note, not a drop: a claim about onboarding time
    or security can be right where it stands. It is given only in stages that carry the
    problem elsewhere: a stage that carries none of it is FC101's (or FC102's), once for the
    whole stage.

    **Failing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched to its invoices, fees and refunds.
          - text: SOC 2 Type II certified, with single sign-on.
    ```

    **Passing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched to its invoices, fees and refunds.
          - text: Reconciliation you can hand to the auditor, with single sign-on.
    ```

    **Options.** None.
    """

    code = "FC108"
    name = "claim-off-problem"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        story = strategy.story
        if not story.concepts:
            return
        told = told_of(strategy).stages
        for index, stage in story.stages.items():
            if not told[index].count:
                continue  # the whole stage is off the problem: FC101/FC102, once
            claims = strategy.data["stages"][index].get("claims")
            for path, carried in stage.by_text.items():
                if carried or path[0] != "claims" or path in stage.retelling:
                    continue  # on the problem, or it retells one of its pains
                claim_index = path[1]
                assert isinstance(claim_index, int)
                text = str(claims[claim_index]["text"])
                yield Issue(
                    path=("stages", index, "claims", claim_index),
                    message=(
                        f'the claim "{quote(text)}" in {describe_stage(strategy, index)} '
                        f"carries none of the problem's concepts ({', '.join(story.keys)})"
                    ),
                    related=(("problem", "terms"),),
                    subject=" ".join(text.split()),
                    data={
                        "stage": strategy.stage_name(index),
                        "carries": [],
                        "misses": list(story.keys),
                        "stage_carries": list(stage.carries),
                    },
                )
