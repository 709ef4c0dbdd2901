"""FC401 no-economic-buyer: the stakeholders include a user but nobody who owns the budget."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule

#: The roles that own the budget: `buyer` is a buyer who is also the user, as in B2C.
BUDGET_OWNERS = ("economic_buyer", "buyer")


class NoEconomicBuyer(Rule):
    """Stakeholders include a user but nobody who owns the budget.

    **Why.** A funnel that talks only to the people who will use the product wins
    enthusiasm and loses the deal: someone has to sign, and that someone was never told
    why the problem is worth the price. The rule fires when `segment.stakeholders` lists a
    `user` and neither an `economic_buyer` nor a `buyer` (a buyer who is also the user, as
    in B2C). It sits on the first user listed.

    **Failing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: user, title: Staff accountant, cares_about: [no manual matching]}
    ```

    **Passing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO, cares_about: [faster month-end close]}
        - {role: user, title: Staff accountant, cares_about: [no manual matching]}
    ```

    **Options.** None.
    """

    code = "FC401"
    name = "no-economic-buyer"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        stakeholders = strategy.segment.get("stakeholders")
        if not isinstance(stakeholders, list):
            return
        roles = [s.get("role") if isinstance(s, dict) else None for s in stakeholders]
        if any(role in BUDGET_OWNERS for role in roles) or "user" not in roles:
            return
        index = roles.index("user")
        title = stakeholders[index].get("title")
        who = f"the {title} (`user`)" if isinstance(title, str) and title.strip() else "a user"
        listed = ", ".join(str(r) for r in dict.fromkeys(roles) if r is not None)
        yield Issue(
            path=("segment", "stakeholders", index),
            message=(
                f"the segment lists {who} but nobody who owns the budget "
                f"(an `economic_buyer` or a `buyer`; listed: {listed}): someone must sign, "
                "and the funnel never says who, nor what convinces them"
            ),
            subject=title if isinstance(title, str) else "user",
            data={"roles": [r for r in roles if r is not None], "user": title},
        )
