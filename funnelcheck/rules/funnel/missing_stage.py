"""FC505 missing-stage: the funnel has no stage of a core role."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule

#: The roles every funnel needs, with what goes missing without them (for the message).
CORE_ROLES: dict[str, str] = {
    "marketing": "nobody brings the lead in with the problem",
    "sales": "nobody makes the case to the economic buyer who signs",
    "product": "the customer never tries the product before paying",
    "pricing": "nobody puts the price in front of the customer",
}


class MissingStage(Rule):
    """No stage of a core role: marketing, product or pricing, and sales where the segment
    has an economic buyer.

    **Why.** Each core role is a runner of the relay: marketing brings the lead in with
    the problem, the product lets them see it solved, pricing asks them to pay for it. A
    funnel without one of them has a leg nobody runs, and the story is never told there.
    Sales is a core role only where `segment.stakeholders` lists an `economic_buyer`:
    someone who signs and must be convinced; a self-serve funnel sold to a `buyer` who is
    also the user may go without. Retention and referral are not required (the reverse
    funnel and the freshness rules look after what comes after the sale). One finding per
    missing role, on `stages`.

    **Failing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO}
    stages:
      - {name: LinkedIn campaign, role: marketing}
      - {name: Two-week trial, role: product}
      - {name: Proposal, role: pricing}
    ```

    No `sales` stage, though the CFO signs.

    **Passing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO}
    stages:
      - {name: LinkedIn campaign, role: marketing}
      - {name: Discovery call, role: sales}
      - {name: Two-week trial, role: product}
      - {name: Proposal, role: pricing}
    ```

    **Options.** None.
    """

    code = "FC505"
    name = "missing-stage"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        present = {stage.get("role") for _, stage in strategy.stages()}
        has_economic_buyer = any(
            s.get("role") == "economic_buyer" for _, s in strategy.stakeholders()
        )
        for role, consequence in CORE_ROLES.items():
            if role in present or (role == "sales" and not has_economic_buyer):
                continue
            reason = " (the segment has an economic buyer)" if role == "sales" else ""
            yield Issue(
                path=("stages",),
                message=f"no stage has the role `{role}`{reason}: {consequence}",
                subject=role,
                data={"role": role, "roles_present": sorted(r for r in present if r)},
            )
