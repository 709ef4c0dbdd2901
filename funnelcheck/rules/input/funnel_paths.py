"""FC011 funnel-paths: a branching funnel whose paths cannot be followed."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class FunnelPaths(Rule):
    """A branching funnel whose paths cannot be followed: shares that do not add up to 1,
    a path that never joins again, a stage on a path `paths` does not declare.

    **Why.** A funnel that branches (most customers self-serve, a sales call only for
    large teams) is written with `paths` (each an id and the share of the entrants at the
    branch who take it) and `path: ID` on the stages that belong to one; the paths join
    again at the next stage without `path`. The leads needed (FC502), the weakest handoff
    (FC503), the stage order (FC504) and the story's handoffs (FC103) follow the paths, so
    a shape they cannot follow would make them guess. Instead this rule names the fault,
    where it is and the fix, and FC502 leaves the figure out until the shape is whole:

    - the paths' shares do not add up to 1 (every entrant at a branch takes exactly one
      path; a path with no stage of its own in a branch goes straight on, so declare the
      rest that way rather than leave them out);
    - a path has no `share`;
    - a branch is the last thing in the funnel: the paths never join again, so no stage
      counts the customers of every path (add the stage where they meet, without `path`);
    - a stage names a path `paths` does not declare (with the nearest id), or `paths` is
      missing altogether; such a stage is read as passed by every lead;
    - `paths` is declared but no stage names one of them.

    The written order of `stages` stays the funnel's order, so a cycle cannot be written:
    a stage only hands its entrants to stages written after it. A share outside (0, 1] is
    the schema's (FC002); two paths with one id are FC008's.

    **Failing example.**

    ```yaml
    paths:
      - {id: self-serve, share: 0.8}
      - {id: sales-assisted, share: 0.3}
    stages:
      - {name: Docs and open source, role: marketing, conversion: 0.05}
      - {name: Self-serve trial, role: product, path: self-serve, conversion: 0.2}
      - {name: Sales demo, role: sales, path: sales-assisted, conversion: 0.3}
      - {name: Checkout, role: pricing, conversion: 0.6}
    ```

    The shares add up to 1.1.

    **Passing example.**

    ```yaml
    paths:
      - {id: self-serve, share: 0.8}
      - {id: sales-assisted, share: 0.2}
    stages:
      - {name: Docs and open source, role: marketing, conversion: 0.05}
      - {name: Self-serve trial, role: product, path: self-serve, conversion: 0.2}
      - {name: Sales demo, role: sales, path: sales-assisted, conversion: 0.3}
      - {name: Checkout, role: pricing, conversion: 0.6}
    ```

    **Options.** None.
    """

    code = "FC011"
    name = "funnel-paths"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        if strategy.data.get("paths") is None and not _any_path(strategy):
            return  # a funnel that is one line: nothing to follow
        for fault in strategy.funnel.faults:
            yield Issue(
                path=fault.path,
                message=fault.message,
                related=fault.related,
                subject=fault.subject,
            )


def _any_path(strategy: Strategy) -> bool:
    return any("path" in stage for _, stage in strategy.stages())
