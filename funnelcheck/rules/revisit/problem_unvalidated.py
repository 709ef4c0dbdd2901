"""FC702 problem-unvalidated: neither the problem nor its prevalence cites any evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.model.strategy import Strategy, defined_ids
from funnelcheck.rules.base import NoOptions, Rule


class ProblemUnvalidated(Rule):
    """Neither the problem nor its prevalence cites any evidence.

    **Why.** The problem is the baton every stage carries: if it is only believed, not
    observed, the whole relay may be running for a customer who does not exist. One
    interview round, a survey or a pilot cited under `problem.evidence` or
    `problem.prevalence.evidence` is the least that ties the story to real customers. A
    cited id that is not defined is still a citation here; FC005 reports it as dangling.

    **Failing example.**

    ```yaml
    problem:
      id: payout-reconciliation
      statement: Finance teams reconcile Stripe payouts against the ledger by hand.
      terms: {reconcile: [reconciliation], payout: [payouts]}
      prevalence: {share: 0.7}
    evidence:
      - {id: finance-interviews, kind: interview, n: 10, date: 2026-09-12}
    ```

    **Passing example.**

    ```yaml
    problem:
      id: payout-reconciliation
      statement: Finance teams reconcile Stripe payouts against the ledger by hand.
      terms: {reconcile: [reconciliation], payout: [payouts]}
      prevalence: {share: 0.7, evidence: [finance-interviews]}
    evidence:
      - {id: finance-interviews, kind: interview, n: 10, date: 2026-09-12}
    ```

    **Options.** None.
    """

    code = "FC702"
    name = "problem-unvalidated"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        problem = strategy.problem
        prevalence = problem.get("prevalence")
        cited = _cited(problem.get("evidence"))
        if isinstance(prevalence, dict):
            cited += _cited(prevalence.get("evidence"))
        if cited:
            return
        problem_id = problem.get("id")
        name = f"the problem `{problem_id}`" if isinstance(problem_id, str) else "the problem"
        defined = defined_ids(strategy.data.get("evidence"))
        if defined:
            hint = f"cite the evidence already gathered ({', '.join(defined)})"
        else:
            hint = "gather some (interviews, a survey, a pilot) and cite it"
        related: tuple[Path, ...] = (("evidence",),) if defined else ()
        yield Issue(
            path=("problem",),
            message=(
                f"{name} cites no evidence: neither `problem.evidence` nor "
                f"`problem.prevalence.evidence` names any; {hint}"
            ),
            related=related,
            subject=problem_id if isinstance(problem_id, str) else "problem",
            data={"problem": problem_id, "evidence_defined": defined},
        )


def _cited(value: Any) -> list[str]:
    """The evidence ids a list cites (blank entries cite nothing)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str) and item.strip()]
