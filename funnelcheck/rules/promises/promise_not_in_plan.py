"""FC202 promise-not-in-plan: a promised, shipped or beta capability is in no plan."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule, join_and

#: Planned capabilities are FC201's: one drop, one finding.
BUYABLE_STATUSES = ("shipped", "beta")


class PromiseNotInPlan(Rule):
    """A promised capability that is shipped or in beta is in no plan the customer can buy.

    **Why.** The pitch promised it, the product has it, and then the proposal does not
    include it: the customer learns at the price stage that what convinced them costs
    extra, or is not for sale at all. The baton falls between the product and the price.
    One finding per capability, on its first promise, with the other promises and the
    capability's definition as related locations: the fix is one (add it to a plan, or
    stop promising it), however many claims make the promise. Capabilities that are only
    planned are left to FC201. Where no plan lists `includes` at all, there is nothing to
    compare with: one finding on `price.plans` says so and names what is promised.

    **Failing example.**

    ```yaml
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped}
      - {id: journal-sync, text: Posts journal entries to NetSuite, status: shipped}
    price:
      plans:
        - {id: team, amount: 499, per: month, includes: [auto-match]}
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched and posted to your general ledger.
            promises: [auto-match, journal-sync]
    ```

    `stages[0].claims[0].promises[1]`: `journal-sync` is shipped and promised, but no plan
    includes it.

    **Passing example.**

    ```yaml
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped}
      - {id: journal-sync, text: Posts journal entries to NetSuite, status: shipped}
    price:
      plans:
        - {id: team, amount: 499, per: month, includes: [auto-match, journal-sync]}
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Every payout matched and posted to your general ledger.
            promises: [auto-match, journal-sync]
    ```

    **Options.** None.
    """

    code = "FC202"
    name = "promise-not-in-plan"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        promised = _buyable_promises(strategy)
        if not promised:
            return
        plans = list(strategy.plans())
        included: set[str] = set()
        any_includes = False
        for _, plan in plans:
            includes = plan.get("includes")
            if isinstance(includes, list):
                any_includes = True
                included.update(x for x in includes if isinstance(x, str))
        if plans and not any_includes:
            yield _no_includes(promised)
            return
        plan_ids = [str(plan.get("id")) for _, plan in plans if isinstance(plan.get("id"), str)]
        for capability_id, paths in promised.items():
            if capability_id in included:
                continue
            status = str(strategy.capabilities[capability_id].get("status"))
            first, *others = paths
            stages = _stage_names(strategy, paths)
            plans_text = ", ".join(f"`{p}`" for p in plan_ids) or "none"
            promised_by = join_and([f"`{name}`" for name in stages])
            message = (
                f"`{capability_id}` is {status} and promised by {promised_by}, "
                f"but no plan includes it (plans: {plans_text}): the customer meets a price "
                "that does not buy what convinced them; add it to a plan's `includes`, "
                "or stop promising it"
            )
            # Every id here names a defined capability: `_buyable_promises` read its status.
            related = (*others, ("capabilities", strategy.capability_indices[capability_id]))
            yield Issue(
                path=first,
                message=message,
                related=related,
                subject=capability_id,
                data={
                    "capability": capability_id,
                    "status": status,
                    "stages": stages,
                    "plans": plan_ids,
                    "promises": len(paths),
                },
            )


def _buyable_promises(strategy: Strategy) -> dict[str, list[Path]]:
    """Shipped or beta capabilities that claims promise, with every promise's path, in order."""
    out: dict[str, list[Path]] = {}
    for path, capability_id in strategy.promises():
        capability = strategy.capabilities.get(capability_id)
        if capability is None or capability.get("status") not in BUYABLE_STATUSES:
            continue
        out.setdefault(capability_id, []).append(path)
    return out


def _no_includes(promised: dict[str, list[Path]]) -> Issue:
    ids = list(promised)
    return Issue(
        path=("price", "plans"),
        message=(
            f"no plan lists what it `includes`, so nothing shows the customer can buy what "
            f"the claims promise ({', '.join(f'`{i}`' for i in ids)}); "
            "list each plan's capabilities under `includes`"
        ),
        related=tuple(paths[0] for paths in promised.values()),
        subject="includes",
        data={"capabilities": ids},
    )


def _stage_names(strategy: Strategy, paths: list[Path]) -> list[str]:
    """The names of the stages the promises sit in, each once, in funnel order."""
    names: list[str] = []
    for path in paths:
        index = path[1]
        name = strategy.stage_name(index) if isinstance(index, int) else str(index)
        if name not in names:
            names.append(name)
    return names
