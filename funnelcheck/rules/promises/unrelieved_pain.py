"""FC203 unrelieved-pain: a severe pain is relieved by no shipped capability."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class UnrelievedPainOptions:
    #: Pains of at least this severity (1-5) must be relieved by a shipped capability.
    min_severity: int = 4

    def __post_init__(self) -> None:
        check_range("min_severity", self.min_severity, at_least=1, at_most=5)


class UnrelievedPain(Rule):
    """A pain of severity 4 or 5 is relieved by no shipped capability.

    **Why.** The severe pains are why the customer listens at all: marketing opens on them
    and sales builds the value proposition on them. When no capability the customer can
    use today relieves one, the trial is where the story breaks: the product does not do
    the thing the funnel was about. Capabilities in beta or only planned do not count (the
    message names them, so the gap and its remedy are visible side by side); what the
    value proposition says it `relieves` does not count either: that is a claim, and this
    rule checks that a capability stands behind it.

    **Failing example.**

    ```yaml
    problem:
      pains:
        - {id: manual-matching, text: Hours of matching payout lines by hand, severity: 5}
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: planned,
         relieves: [manual-matching]}
    ```

    `problem.pains[0]` (severity 5) is relieved only by `auto-match`, which is planned.

    **Passing example.**

    ```yaml
    problem:
      pains:
        - {id: manual-matching, text: Hours of matching payout lines by hand, severity: 5}
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped,
         relieves: [manual-matching]}
    ```

    **Options.** `min_severity` (default 4): the least severity (1-5) of a pain that must
    be relieved by a shipped capability. 4 and 5 are the pains a customer would name
    unprompted; lower ones may wait for the roadmap.
    """

    code = "FC203"
    name = "unrelieved-pain"
    severity = Severity.WARNING
    Options = UnrelievedPainOptions

    def check(self, strategy: Strategy, options: UnrelievedPainOptions) -> Iterator[Issue]:
        pains = strategy.problem.get("pains")
        if not isinstance(pains, list):
            return
        # Which capabilities relieve each pain, with their status, in definition order.
        relievers: dict[str, list[tuple[str, str]]] = {}
        for capability_id, capability in strategy.capabilities.items():
            relieves = capability.get("relieves")
            if not isinstance(relieves, list):
                continue
            status = str(capability.get("status", "unknown"))
            for pain_id in relieves:
                if isinstance(pain_id, str):
                    relievers.setdefault(pain_id, []).append((capability_id, status))
        for i, pain in enumerate(pains):
            if not isinstance(pain, dict):
                continue
            pain_id, severity = pain.get("id"), pain.get("severity")
            if not isinstance(pain_id, str) or not isinstance(severity, int):
                continue  # a pain without an id or a severity is the schema's
            if severity < options.min_severity:
                continue
            found = relievers.get(pain_id, [])
            if any(status == "shipped" for _, status in found):
                continue
            yield _issue(i, pain_id, pain.get("text"), severity, found)


def _issue(
    index: int, pain_id: str, text: object, severity: int, found: list[tuple[str, str]]
) -> Issue:
    described = f" ({text})" if isinstance(text, str) and text.strip() else ""
    if found:
        others = ", ".join(f"`{cap}` ({status})" for cap, status in found)
        relief = f"only by {others}, none of them shipped"
    else:
        relief = "by no capability at all"
    message = (
        f"the pain `{pain_id}`{described} has severity {severity} but is relieved {relief}: "
        "the trial cannot show the customer the relief the funnel is about"
    )
    return Issue(
        path=("problem", "pains", index),
        message=message,
        subject=pain_id,
        data={
            "pain": pain_id,
            "severity": severity,
            "relieved_by": [{"capability": cap, "status": status} for cap, status in found],
        },
    )
