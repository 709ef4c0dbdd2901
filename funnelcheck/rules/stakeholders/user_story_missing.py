"""FC403 user-story-missing: after marketing, no stage talks to the product's users."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy, describe_stakeholder
from funnelcheck.rules.base import NoOptions, Rule

#: The roles that use the product: `buyer` is a buyer who is also the user, as in B2C.
USER_ROLES = ("user", "buyer")


class UserStoryMissing(Rule):
    """The user role is in the audience of no stage after marketing.

    **Why.** Marketing may well speak to the budget owner alone; from sales on, the people
    who will use the product every day need to hear, and see, that it relieves their pain.
    If nobody shows it to them, the deal is signed over their heads and the renewal is
    lost in their hands. The rule reads the stakeholders of role `user` (or `buyer`, a
    buyer who is also the user) and fires where none of them is in the `audience` of a
    stage whose role is not `marketing`. It sits on the first such stakeholder; a segment
    that lists no user is left alone (FC401 and FC402 judge the stakeholder list). Info:
    some funnels reach users through their buyer on purpose.

    **Failing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO}
        - {role: user, title: Staff accountant}
    stages:
      - {name: LinkedIn campaign, role: marketing, audience: [economic_buyer, user]}
      - {name: Discovery call, role: sales, audience: [economic_buyer]}
      - {name: Proposal, role: pricing, audience: [economic_buyer]}
    ```

    **Passing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO}
        - {role: user, title: Staff accountant}
    stages:
      - {name: LinkedIn campaign, role: marketing, audience: [economic_buyer]}
      - {name: Two-week trial, role: product, audience: [user]}
      - {name: Proposal, role: pricing, audience: [economic_buyer]}
    ```

    **Options.** None.
    """

    code = "FC403"
    name = "user-story-missing"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        users = [(i, s) for i, s in strategy.stakeholders() if s.get("role") in USER_ROLES]
        if not users:
            return
        user_roles = {s["role"] for _, s in users}
        for _, stage in strategy.stages():
            audience = stage.get("audience")
            if (
                stage.get("role") != "marketing"
                and isinstance(audience, list)
                and user_roles.intersection(a for a in audience if isinstance(a, str))
            ):
                return
        index, first = users[0]
        who = describe_stakeholder(first)
        later = [
            strategy.stage_name(i)
            for i, stage in strategy.stages()
            if stage.get("role") != "marketing"
        ]
        after = ", ".join(f"`{n}`" for n in later) if later else "the funnel has none"
        yield Issue(
            path=("segment", "stakeholders", index),
            message=(
                f"{who} is in the audience of no stage after marketing ({after}): nobody "
                "shows the product to the person who will use it; add them to the audience "
                "of a trial, a demo or the onboarding"
            ),
            subject=str(first["role"]),
            data={"roles": sorted(user_roles), "stages_after_marketing": later},
        )
