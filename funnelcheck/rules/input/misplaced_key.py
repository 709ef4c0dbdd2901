"""FC012 misplaced-key: a price key that means nothing where it stands, so it is read past."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.footing import Misplaced
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class MisplacedKey(Rule):
    """A key of the price that the schema allows where it stands but that means nothing
    there, so the price footing reads past it: `financing` or `life_years` on a recurring
    price, `seats_min` on a plan not priced per seat.

    **Why.** `financing` says how a one-time price (a device, a bike, a lifetime licence)
    may be paid in instalments, and `life_years` how long what it buys serves: on a plan
    billed every month there is nothing to spread or to last, so a claim naming the
    instalment would be compared with nothing, and the problem's cost with the wrong
    figure. `seats_min` is the fewest seats of a plan priced per seat (`per: seat-month`);
    on a flat monthly price it changes nothing. Read silently, such a key leaves the
    author believing the price says what it does not; this rule names the key, its line
    and the fix instead. The file still checks as if the key were absent, as it did before
    this rule, so the finding is a warning.

    What counts as one-time: a plan with `per: once` or a billing option `per: once` (a
    lifetime option beside a monthly price); a component with `per: once`, or a `fee`
    with neither `per` nor `unit`. A unit's usage rate, a per-event fee and a percentage
    are recurring. A seat plan is one whose `per`, or a billing option's, is `seat-month`
    or `seat-year`.

    **Failing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month, financing: {periods: 12, per: month}}
    ```

    `team` is billed per month: `financing` spreads only a one-time price.

    **Passing example.**

    ```yaml
    price:
      currency: USD
      plans:
        - id: team
          amount: 499
          per: month
          components:
            - {fee: device, amount: 1445, per: once, financing: {periods: 39, per: month}}
    ```

    The device is bought once, so its price may be paid in 39 monthly instalments.

    **Options.** None.
    """

    code = "FC012"
    name = "misplaced-key"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        for found in strategy.footing.misplaced:
            yield Issue(
                path=found.path,
                message=_message(found),
                data={"key": found.key, "plan": found.plan_id, "per": found.per},
            )


def _message(found: Misplaced) -> str:
    where = f"plan `{found.plan_id}`"
    if found.component is not None:
        where = f"the component {found.component} of {where}"
    billed = f"per {found.per}" if found.per is not None else "for what is used"
    if found.key == "seats_min":
        return (
            f"`seats_min` on {where} does nothing: the plan is not priced per seat (it is "
            f"billed {billed}); write `per: seat-month` (or `seat-year`) for a price per "
            "seat, or remove `seats_min` (a unit component has `minimum` for the fewest "
            "units billed)"
        )
    if found.key == "financing":
        what = "spreads a one-time price over instalments"
    else:
        what = "is how long something bought once serves"
    fix = (
        "put it on the one-time part it belongs to (a component with `per: once`, such as "
        "`{fee: device, amount: 299, per: once}`)"
        if found.component is None
        else "give the component `per: once` if it is bought once"
    )
    return (
        f"`{found.key}` on {where} does nothing: it {what}, and this is billed {billed}; "
        f"{fix}, or remove `{found.key}`"
    )
