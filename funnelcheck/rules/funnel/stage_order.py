"""FC504 stage-order: the stages' roles are out of funnel order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import ROLE_ORDER, Strategy
from funnelcheck.rules.base import NoOptions, Rule

_ORDER_IN_WORDS = (
    "marketing, then sales and product in either order, then pricing, then retention, then referral"
)


class StageOrder(Rule):
    """Stage roles out of funnel order (pricing before sales, retention before product...).

    **Why.** `stages` is the funnel in the order a customer meets it, and every other
    check reads it so: a handoff is the pass from one stage to the next, the leads needed
    multiply the conversions before retention, the story must hold from one stage to the
    one after. A funnel written out of order is either a typo that skews all of those, or
    a funnel that asks for the price before anyone has heard the value. The order is:
    marketing, then sales and product in either order (sales-led and product-led funnels
    both exist), then pricing, then retention, then referral; a stage of role `other` may
    stand anywhere. The finding sits on the first stage that comes after a stage of a
    later role, and names that stage as the related location; one finding per funnel
    (fixing the first misplaced stage often fixes the rest). In a funnel that branches
    (`paths`), the order is followed along each path: a sales-assisted path's demo may be
    written after the self-serve path's checkout, since no lead meets both.

    **Failing example.**

    ```yaml
    stages:
      - {name: LinkedIn campaign, role: marketing}
      - {name: Proposal, role: pricing}
      - {name: Discovery call, role: sales}
    ```

    `stages[2]` (sales) comes after `Proposal` (pricing).

    **Passing example.**

    ```yaml
    stages:
      - {name: LinkedIn campaign, role: marketing}
      - {name: Two-week trial, role: product}
      - {name: Discovery call, role: sales}
      - {name: Proposal, role: pricing}
    ```

    **Options.** None.
    """

    code = "FC504"
    name = "stage-order"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        # The latest role a lead has met on its way into each stage, along the handoffs
        # (one line, or each path of a branching funnel): (index, role, rank).
        funnel = strategy.funnel
        before: dict[int, tuple[int, str, int]] = {}
        for source, target in sorted(funnel.edges):  # every way into a stage comes first
            out = _after(funnel.stages[source], source, before.get(source))
            if out is None:
                continue
            held = before.get(target)
            if held is None or out[2] > held[2] or (out[2] == held[2] and out[0] < held[0]):
                before[target] = out
        for i, stage in funnel.stages.items():
            role = stage.get("role")
            if not isinstance(role, str) or role not in ROLE_ORDER:
                continue  # `other` stands anywhere; an unknown role is the schema's
            latest = before.get(i)
            if latest is not None and ROLE_ORDER[role] < latest[2]:
                earlier_index, earlier_role, _ = latest
                name, earlier_name = strategy.stage_name(i), strategy.stage_name(earlier_index)
                yield Issue(
                    path=("stages", i),
                    message=(
                        f"`{name}` ({role}) comes after `{earlier_name}` ({earlier_role}): "
                        f"a customer meets {_ORDER_IN_WORDS}; move `{name}` before "
                        f"`{earlier_name}`, or fix its role"
                    ),
                    related=(("stages", earlier_index),),
                    subject=name,
                    data={
                        "stage": name,
                        "role": role,
                        "after": earlier_name,
                        "after_role": earlier_role,
                    },
                )
                return


def _after(
    stage: Mapping[str, Any], index: int, latest: tuple[int, str, int] | None
) -> tuple[int, str, int] | None:
    """The latest role a lead has met once past this stage."""
    role = stage.get("role")
    if not isinstance(role, str) or role not in ROLE_ORDER:
        return latest
    rank = ROLE_ORDER[role]
    if latest is None or rank > latest[2]:
        return (index, role, rank)
    return latest
