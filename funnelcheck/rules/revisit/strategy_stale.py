"""FC701 strategy-stale: the strategy has not been reviewed within the review interval."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import FUTURE_SLACK_DAYS, Strategy, as_date
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: Days a review stays fresh; the configuration's `review-interval-days` sets it.
    interval_days: int = 30

    def __post_init__(self) -> None:
        check_range("interval_days", self.interval_days, at_least=1)


class StrategyStale(Rule, options=Options):
    """`reviewed` is older than the review interval (default 30 days).

    **Why.** A strategy is a set of bets about a market that moves: prices change, a
    competitor ships, the conversion rates of last quarter stop holding. A strategy nobody
    has revisited in more than a month still reads as the plan, and every stage keeps
    running a story that may no longer be true. The check counts whole days from `reviewed`
    to today (`--as-of DATE` where given, so CI is reproducible): more days than the
    interval is stale, exactly the interval is not (reviewed 2026-10-30, checked
    2026-11-29 is 30 days: fresh; 2026-11-30 is 31 days: stale).

    A `reviewed` date after today cannot be stale, and is most likely a typo (2062 for
    2026) that would otherwise keep the strategy "fresh" for decades: it is a finding of its
    own, saying how many days after today it is. One day ahead is allowed, since the author
    and the CI machine may be on different sides of midnight.

    **Failing example.**

    ```yaml
    reviewed: 2026-10-30   # checked --as-of 2027-01-15: 77 days
    ```

    ```yaml
    reviewed: 2062-10-30   # checked --as-of 2026-11-22: 13,126 days after today
    ```

    **Passing example.**

    ```yaml
    reviewed: 2026-10-30   # checked --as-of 2026-11-22: 23 days
    ```

    **Options.** `interval_days` (default 30; the configuration key `review-interval-days`):
    how many days a review stays fresh. A monthly review suits a strategy under active
    work; a team reviewing quarterly sets 92.
    """

    code = "FC701"
    name = "strategy-stale"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        reviewed = as_date(strategy.data.get("reviewed"))
        if reviewed is None:
            return  # a missing or impossible date is the schema's (FC002)
        today = strategy.as_of
        days = (today - reviewed).days
        if -days > FUTURE_SLACK_DAYS:
            yield Issue(
                path=("reviewed",),
                message=(
                    f"`reviewed` is {reviewed.isoformat()}, {-days:,} days after today "
                    f"({today.isoformat()}; --as-of sets today): a typo? Write the day the "
                    "strategy was last reviewed"
                ),
                subject=reviewed.isoformat(),
                data={
                    "reviewed": reviewed.isoformat(),
                    "as_of": today.isoformat(),
                    "days_ahead": -days,
                },
            )
            return
        if days <= options.interval_days:
            return
        yield Issue(
            path=("reviewed",),
            message=(
                f"the strategy was last reviewed on {reviewed.isoformat()}, {days} days before "
                f"{today.isoformat()}: more than the review interval of "
                f"{options.interval_days} days; revisit it and update `reviewed`"
            ),
            subject=reviewed.isoformat(),
            data={
                "reviewed": reviewed.isoformat(),
                "as_of": today.isoformat(),
                "days": days,
                "interval_days": options.interval_days,
            },
        )
