"""FC005 dangling-reference: a reference names an id (or stakeholder role) that is not defined."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from funnelcheck.findings import Issue, Path, Severity, format_path
from funnelcheck.model.footing import unit_key
from funnelcheck.model.strategy import Strategy, defined_ids, indexed_mappings, value_at
from funnelcheck.rules.base import NoOptions, Rule
from funnelcheck.support.similar import did_you_mean


# Compared and hashed by identity (the four kinds below are the only ones): the check
# looks a kind up for every reference, and a dataclass's generated hash is Python code.
@dataclass(frozen=True, eq=False)
class _Kind:
    """One kind of id: what a message calls it and where the strategy defines such ids."""

    singular: str
    plural: str
    defined_at: Path


CAPABILITY = _Kind("capability", "capabilities", ("capabilities",))
PAIN = _Kind("pain", "pains", ("problem", "pains"))
EVIDENCE = _Kind("evidence", "evidence ids", ("evidence",))
STAKEHOLDER = _Kind("stakeholder role", "stakeholder roles", ("segment", "stakeholders"))
PLAN = _Kind("plan", "plans", ("price", "plans"))
PRICED = _Kind(
    "plan or price component", "plan ids and component units and fees", ("price", "plans")
)


class DanglingReference(Rule):
    """A reference names a capability, pain, evidence id or stakeholder role that is not defined.

    **Why.** Ids tie the funnel together: a claim promises capabilities, a plan includes
    them, a capability relieves pains, a claim rests on evidence, a stage talks to
    stakeholders. A misspelled or deleted id breaks that tie silently: the promise checks
    (FC201, FC202), the pain check (FC203) and the evidence checks would judge a funnel with
    a hole in it, and a reader of the strategy cannot tell what was meant. The message names
    the id, where ids of its kind are defined, the ids that are, and the nearest one.

    What is checked: capability ids in `stages[].claims[].promises` and
    `price.plans[].includes`; pain ids in `value_proposition.relieves` and
    `capabilities[].relieves`; evidence ids in `problem.evidence`,
    `problem.prevalence.evidence`, `stages[].claims[].evidence`,
    `price.willingness_to_pay.evidence` and `assumptions[].evidence`; the roles in each
    stage's `audience`, which must be listed under `segment.stakeholders`; the plan ids of
    `segment.typical_customer.plan_mix`; and `price.willingness_to_pay.about`, which names
    a plan id or a component's `unit` or `fee`.

    **Failing example.**

    ```yaml
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped}
      - {id: audit-trail, text: Keeps an audit trail of every match, status: planned}
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Audit-ready books with a full trail of every match.
            promises: [audit-trails]
    ```

    `stages[0].claims[0].promises[0]` names the capability `audit-trails`, which is not
    defined; the message offers `audit-trail`.

    **Passing example.**

    ```yaml
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped}
      - {id: audit-trail, text: Keeps an audit trail of every match, status: planned}
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Audit-ready books with a full trail of every match.
            promises: [audit-trail]
    ```

    **Options.** None.
    """

    code = "FC005"
    name = "dangling-reference"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        data = strategy.data
        problem = strategy.problem
        known = {
            CAPABILITY: defined_ids(data.get("capabilities")),
            PAIN: defined_ids(problem.get("pains")),
            EVIDENCE: defined_ids(data.get("evidence")),
            STAKEHOLDER: _roles(strategy.segment.get("stakeholders")),
        }
        # Membership per reference in sets; the lists, in order, are what messages show.
        known_sets = {kind: set(ids) for kind, ids in known.items()}
        for list_path, value, kind in _reference_lists(strategy):
            if not isinstance(value, list):
                continue
            ids = known_sets[kind]
            for j, entry in enumerate(value):
                if isinstance(entry, str) and entry not in ids:
                    yield _dangling(data, (*list_path, j), entry, kind, known[kind])
        plan_ids = defined_ids(strategy.price.get("plans"))
        mix = strategy.typical_customer.get("plan_mix")
        if isinstance(mix, dict):
            for key in mix:
                if isinstance(key, str) and key not in plan_ids:
                    mix_path = ("segment", "typical_customer", "plan_mix", key)
                    yield _dangling(data, mix_path, key, PLAN, plan_ids)
        wtp = strategy.price.get("willingness_to_pay")
        about = wtp.get("about") if isinstance(wtp, dict) else None
        if isinstance(about, str) and about.strip():
            priced = plan_ids + _component_names(strategy)
            if about.strip() not in priced and unit_key(about) not in map(unit_key, priced):
                yield _dangling(
                    data, ("price", "willingness_to_pay", "about"), about, PRICED, priced
                )


def _reference_lists(strategy: Strategy) -> Iterator[tuple[Path, Any, _Kind]]:
    """Every list that names ids (or what stands where one should be), its path and the kind
    of id its entries must name, in file order."""
    data = strategy.data
    problem = strategy.problem
    yield ("problem", "evidence"), problem.get("evidence"), EVIDENCE
    prevalence = problem.get("prevalence")
    if isinstance(prevalence, dict):
        yield ("problem", "prevalence", "evidence"), prevalence.get("evidence"), EVIDENCE
    relieves = strategy.value_proposition.get("relieves")
    yield ("value_proposition", "relieves"), relieves, PAIN
    for i, cap in indexed_mappings(data.get("capabilities")):
        yield ("capabilities", i, "relieves"), cap.get("relieves"), PAIN
    for i, plan in strategy.plans():
        yield ("price", "plans", i, "includes"), plan.get("includes"), CAPABILITY
    wtp = strategy.price.get("willingness_to_pay")
    if isinstance(wtp, dict):
        yield ("price", "willingness_to_pay", "evidence"), wtp.get("evidence"), EVIDENCE
    for i, stage in strategy.stages():
        yield ("stages", i, "audience"), stage.get("audience"), STAKEHOLDER
        for k, claim in indexed_mappings(stage.get("claims")):
            yield ("stages", i, "claims", k, "promises"), claim.get("promises"), CAPABILITY
            yield ("stages", i, "claims", k, "evidence"), claim.get("evidence"), EVIDENCE
    for i, assumption in indexed_mappings(data.get("assumptions")):
        yield ("assumptions", i, "evidence"), assumption.get("evidence"), EVIDENCE


def _dangling(data: dict[str, Any], path: Path, value: str, kind: _Kind, known: list[str]) -> Issue:
    where = format_path(kind.defined_at)
    defined = value_at(data, kind.defined_at) is not None
    at = f"`{format_path(path)}` names the {kind.singular} `{value}`"
    listed = ", ".join(known)
    if kind is STAKEHOLDER and known:
        message = f"{at}, which `{where}` does not list (known: {listed})"
    elif kind is STAKEHOLDER:
        message = f"{at}, but `{where}` lists no one: add the stakeholders the stages talk to"
    elif known:
        message = (
            f"{at}, which is not defined; {kind.plural} are defined under `{where}` "
            f"(known: {listed})"
        )
    else:
        message = (
            f"{at}, which is not defined; no {kind.plural} are defined: add them under `{where}`"
        )
    message += did_you_mean(value, known)
    return Issue(
        path=path,
        message=message,
        # The other end is the list where the id should be defined; where that list is
        # absent there is nothing to point at (its ancestor would only mislead).
        related=(kind.defined_at,) if defined else (),
        subject=value,
        data={"kind": kind.singular, "id": value, "known": list(known)},
    )


def _component_names(strategy: Strategy) -> list[str]:
    """The `unit` and `fee` names of every plan's components, in order, without repeats."""
    names: list[str] = []
    for _, plan in strategy.plans():
        for _, component in indexed_mappings(plan.get("components")):
            for key in ("fee", "unit"):
                name = component.get(key)
                if isinstance(name, str) and name.strip() and name not in names:
                    names.append(name)
    return names


def _roles(value: Any) -> list[str]:
    """The stakeholder roles of a list, in order and without repeats."""
    roles = (item.get("role") for _, item in indexed_mappings(value))
    return list(dict.fromkeys(role for role in roles if isinstance(role, str)))
