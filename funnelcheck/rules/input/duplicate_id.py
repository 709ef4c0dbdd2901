"""FC008 duplicate-id: two capabilities, pains, plans, evidence or assumptions share an id."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Path, Severity, format_path
from funnelcheck.model.strategy import Strategy, indexed_mappings, value_at
from funnelcheck.rules.base import NoOptions, Rule

#: The lists whose items carry an id, with what a message calls one item.
ID_LISTS: tuple[tuple[Path, str], ...] = (
    (("problem", "pains"), "pain"),
    (("capabilities",), "capability"),
    (("price", "plans"), "plan"),
    (("evidence",), "evidence"),
    (("assumptions",), "assumption"),
    (("paths",), "path"),
)


class DuplicateId(Rule):
    """Two capabilities, pains, plans, evidence, assumptions or paths share an id.

    **Why.** An id is how the rest of the strategy points at a thing: a claim promises a
    capability by id, a plan includes it, a capability relieves a pain. When two share an
    id, every reference means whichever one a reader (or a rule) happens to find first, so
    a claim may be judged against a capability it never meant: a shipped `auto-match` can
    hide a planned one of the same id. The finding sits on the repeat's `id` and names the
    first; ids are compared within one list (a pain and a capability may share an id).

    **Failing example.**

    ```yaml
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped}
      - {id: auto-match, text: Matches refunds to their charges, status: planned}
    ```

    `capabilities[1].id` repeats `auto-match`, first defined at `capabilities[0].id`.

    **Passing example.**

    ```yaml
    capabilities:
      - {id: auto-match, text: Matches each payout to its invoices, status: shipped}
      - {id: refund-match, text: Matches refunds to their charges, status: planned}
    ```

    **Options.** None.
    """

    code = "FC008"
    name = "duplicate-id"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        for list_path, noun in ID_LISTS:
            first_seen: dict[str, Path] = {}
            for index, item in indexed_mappings(value_at(strategy.data, list_path)):
                item_id = item.get("id")
                if not isinstance(item_id, str):
                    continue
                id_path: Path = (*list_path, index, "id")
                first = first_seen.setdefault(item_id, id_path)
                if first == id_path:
                    continue
                yield Issue(
                    path=id_path,
                    message=(
                        f"the {noun} id `{item_id}` is used twice: first at "
                        f"`{format_path(first)}`, again at `{format_path(id_path)}`; "
                        "references cannot tell them apart, so give each its own id"
                    ),
                    related=(first,),
                    subject=item_id,
                    data={"kind": noun, "id": item_id, "first": format_path(first)},
                )
