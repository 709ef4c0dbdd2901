"""FC402 stakeholder-unaddressed: a stakeholder role is the audience of no stage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy, describe_stakeholder
from funnelcheck.rules.base import NoOptions, Rule


class StakeholderUnaddressed(Rule):
    """A stakeholder role is the audience of no stage.

    **Why.** Every stakeholder listed under the segment has a say in the deal: the CFO
    signs, the accountant uses, the IT lead can block. One whom no stage talks to hears
    the story second-hand, or not at all, and objects late: the deal stalls at the step
    where their say comes due. One finding per role (on its first entry under
    `segment.stakeholders`), naming what they care about, so the stage that should address
    them knows what to say. Where no stage names an `audience` at all there is one
    finding, on `segment.stakeholders`, naming every role: the fix is one (say who each
    stage talks to), not one per stakeholder.

    **Failing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO, cares_about: [faster month-end close]}
        - {role: user, title: Staff accountant, cares_about: [no manual matching]}
    stages:
      - {name: LinkedIn campaign, role: marketing, audience: [economic_buyer]}
      - {name: Discovery call, role: sales, audience: [economic_buyer]}
    ```

    `segment.stakeholders[1]`: no stage talks to the user (the staff accountant).

    **Passing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      stakeholders:
        - {role: economic_buyer, title: CFO, cares_about: [faster month-end close]}
        - {role: user, title: Staff accountant, cares_about: [no manual matching]}
    stages:
      - {name: LinkedIn campaign, role: marketing, audience: [economic_buyer]}
      - {name: Two-week trial, role: product, audience: [user]}
    ```

    **Options.** None.
    """

    code = "FC402"
    name = "stakeholder-unaddressed"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        first_entry: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, stakeholder in strategy.stakeholders():
            if isinstance(stakeholder.get("role"), str):
                first_entry.setdefault(stakeholder["role"], (i, stakeholder))
        if not first_entry:
            return
        audiences = [stage.get("audience") for _, stage in strategy.stages()]
        addressed = {
            role
            for audience in audiences
            if isinstance(audience, list)
            for role in audience
            if isinstance(role, str)
        }
        if not any(isinstance(a, list) for a in audiences):
            roles = list(first_entry)
            listed = ", ".join(describe_stakeholder(s) for _, s in first_entry.values())
            yield Issue(
                path=("segment", "stakeholders"),
                message=(
                    f"no stage names its `audience`, so none of the stakeholders "
                    f"({listed}) is addressed: "
                    "say who each stage talks to"
                ),
                subject="audience",
                data={"roles": roles},
            )
            return
        for role, (index, stakeholder) in first_entry.items():
            if role in addressed:
                continue
            cares = stakeholder.get("cares_about")
            cares_text = (
                "; they care about " + ", ".join(str(c) for c in cares)
                if isinstance(cares, list) and cares
                else ""
            )
            yield Issue(
                path=("segment", "stakeholders", index),
                message=(
                    f"no stage has {describe_stakeholder(stakeholder)} in its audience: they "
                    f"hear the story second-hand and object late{cares_text}"
                ),
                subject=role,
                data={
                    "role": role,
                    "title": stakeholder.get("title"),
                    "cares_about": cares if isinstance(cares, list) else [],
                },
            )
