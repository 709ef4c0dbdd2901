"""FC703 stale-evidence: a piece of evidence is older than the evidence age limit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import FUTURE_SLACK_DAYS, Strategy, as_date
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: Days a piece of evidence stays current.
    max_age_days: int = 180

    def __post_init__(self) -> None:
        check_range("max_age_days", self.max_age_days, at_least=1)


class StaleEvidence(Rule, options=Options):
    """A piece of evidence is dated more than 180 days before today.

    **Why.** Interviews, surveys and pilots describe the market when they were run. Six
    months on, the people interviewed may have changed tools, budgets may have been cut, a
    competitor may have arrived: the claims, the prevalence and the price that rest on that
    evidence rest on a picture that may have moved. This is a note, not a warning: old
    evidence can still hold, but it is worth re-running before the next big bet. The check
    counts whole days from the evidence's `date` to today (`--as-of DATE` where given): more
    than the limit is stale, exactly the limit is not. Evidence dated after today (more than
    a day after, as FC701 allows for time zones) is noted too, as a likely typo: it would
    otherwise never age.

    **Failing example.**

    ```yaml
    evidence:   # checked --as-of 2026-11-22: 314 days
      - {id: finance-interviews, kind: interview, n: 10, date: 2026-01-12}
    ```

    **Passing example.**

    ```yaml
    evidence:   # checked --as-of 2026-11-22: 71 days
      - {id: finance-interviews, kind: interview, n: 10, date: 2026-09-12}
    ```

    **Options.** `max_age_days` (default 180): how many days evidence stays current; half a
    year is roughly two planning cycles, after which markets usually need a fresh look.
    """

    code = "FC703"
    name = "stale-evidence"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        items = strategy.data.get("evidence")
        if not isinstance(items, list):
            return
        today = strategy.as_of
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            dated = as_date(item.get("date"))
            if dated is None:
                continue  # undated evidence cannot age; a bad date is the schema's
            days = (today - dated).days
            evidence_id = item.get("id")
            label = f"`{evidence_id}`" if isinstance(evidence_id, str) else f"{index + 1}"
            what = _describe(item)
            if -days > FUTURE_SLACK_DAYS:
                yield Issue(
                    path=("evidence", index, "date"),
                    message=(
                        f"evidence {label}{what} is dated {dated.isoformat()}, {-days:,} days "
                        f"after today ({today.isoformat()}; --as-of sets today): a typo? "
                        "Write the day the evidence was gathered"
                    ),
                    subject=str(evidence_id) if evidence_id is not None else dated.isoformat(),
                    data={
                        "id": evidence_id,
                        "date": dated.isoformat(),
                        "as_of": today.isoformat(),
                        "days_ahead": -days,
                    },
                )
                continue
            if days <= options.max_age_days:
                continue
            yield Issue(
                path=("evidence", index, "date"),
                message=(
                    f"evidence {label}{what} is dated {dated.isoformat()}, {days} days before "
                    f"{today.isoformat()}: older than {options.max_age_days} days; "
                    "check that it still holds, or gather fresh evidence"
                ),
                subject=str(evidence_id) if evidence_id is not None else dated.isoformat(),
                data={
                    "id": evidence_id,
                    "date": dated.isoformat(),
                    "as_of": today.isoformat(),
                    "days": days,
                    "max_age_days": options.max_age_days,
                },
            )


def _describe(item: dict[str, Any]) -> str:
    """` (interview, n=10)`: what kind of evidence, so the reader knows what to re-run."""
    parts: list[str] = []
    if isinstance(item.get("kind"), str):
        parts.append(item["kind"])
    n = item.get("n")
    if isinstance(n, int) and not isinstance(n, bool):
        parts.append(f"n={n}")
    return f" ({', '.join(parts)})" if parts else ""
