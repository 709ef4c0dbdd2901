"""FC201 promise-not-shipped: a claim promises a capability that is only planned or in beta."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule

#: Severity by capability status; a shipped capability (or an unknown id: FC005) is not ours.
SEVERITY_BY_STATUS = {"planned": Severity.ERROR, "beta": Severity.WARNING}


class PromiseNotShipped(Rule):
    """A claim promises a capability whose status is `planned` (error) or `beta` (warning).

    **Why.** Every stage after the one that made a promise is judged against it: the
    customer who heard "a full audit trail" on the discovery call looks for it in the
    trial, and does not find it. The drop happens late, after sales and the customer have
    spent their time, and it costs trust as well as the deal. A planned capability is an
    error (there is nothing to show); a beta one is a warning (it exists, but may not hold
    up in the customer's hands, so say "beta" in the claim or drop the promise). The
    finding sits on the promise itself and points at the capability's definition.

    **Failing example.**

    ```yaml
    capabilities:
      - {id: audit-trail, text: Keeps an audit trail of every match, status: planned, eta: 2027-Q2}
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Audit-ready books with a full trail of every match.
            promises: [audit-trail]
    ```

    `stages[0].claims[0].promises[0]` promises `audit-trail`, which is only planned
    (eta 2027-Q2): an error.

    **Passing example.**

    ```yaml
    capabilities:
      - {id: audit-trail, text: Keeps an audit trail of every match, status: shipped}
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Audit-ready books with a full trail of every match.
            promises: [audit-trail]
    ```

    **Options.** None. The severity is chosen per finding (planned: error, beta: warning);
    configuration can still override it for the rule as a whole.
    """

    code = "FC201"
    name = "promise-not-shipped"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        for path, capability_id in strategy.promises():
            capability = strategy.capabilities.get(capability_id)
            if capability is None:
                continue  # an undefined id is FC005's
            status = capability.get("status")
            severity = SEVERITY_BY_STATUS.get(status) if isinstance(status, str) else None
            if severity is None:
                continue
            stage_index = path[1]
            assert isinstance(stage_index, int)
            yield _issue(
                path=path,
                stage_name=strategy.stage_name(stage_index),
                capability_id=capability_id,
                capability=capability,
                status=str(status),
                severity=severity,
                definition_index=strategy.capability_indices[capability_id],
            )


def _issue(
    *,
    path: Path,
    stage_name: str,
    capability_id: str,
    capability: dict[str, Any],
    status: str,
    severity: Severity,
    definition_index: int,
) -> Issue:
    eta = capability.get("eta")
    eta_text = f", eta {eta}" if isinstance(eta, str) and eta.strip() else ""
    text = capability.get("text")
    described = f" ({text})" if isinstance(text, str) and text.strip() else ""
    if status == "planned":
        consequence = (
            "the customer will look for it in the product and not find it; "
            "promise it when it ships, or say it is on the roadmap"
        )
    else:
        consequence = (
            "it may not hold up in the customer's hands; say it is in beta in the claim, "
            "or promise it once it ships"
        )
    message = (
        f"`{stage_name}` promises `{capability_id}`{described}, which is only "
        f"{status}{eta_text}: {consequence}"
    )
    return Issue(
        path=path,
        message=message,
        severity=severity,
        related=(("capabilities", definition_index),),
        subject=capability_id,
        data={
            "capability": capability_id,
            "status": status,
            "eta": eta if isinstance(eta, str) else None,
            "stage": stage_name,
        },
    )
