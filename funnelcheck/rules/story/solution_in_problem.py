"""FC106 solution-in-problem: the problem statement names the product or a capability."""

from __future__ import annotations

import re
from collections.abc import Iterator

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.story import normalise
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class SolutionInProblem(Rule):
    """The problem statement names the product, or a capability by its id.

    **Why.** A problem stated with the solution in it ("teams lack Ledgerline's
    auto-match") cannot be checked against the market: nobody has the problem of not owning
    your product. It also makes every story check pass for the wrong reason, since the
    product's own words become the problem's. State who has the problem, what it is and
    what it costs them, in the customer's words. Names are compared whole-word, ignoring
    case. Capability ids are looked for when they read as ids (hyphenated or with digits,
    `auto-match`); an id that is one plain word (`matching`) is also an ordinary word a
    problem may well use, and is not judged. Nor is a name that `problem.terms` lists as
    one of the problem's own words (a product called "Ledger" for a problem about the
    general ledger): the statement cannot avoid it.

    **Failing example.**

    ```yaml
    product: {name: Ledgerline}
    problem:
      statement: Finance teams without Ledgerline reconcile Stripe payouts by hand.
    ```

    **Passing example.**

    ```yaml
    product: {name: Ledgerline}
    problem:
      statement: Finance teams reconcile Stripe payouts against the ledger by hand.
    ```

    **Options.** None.
    """

    code = "FC106"
    name = "solution-in-problem"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        statement = strategy.problem.get("statement")
        if not isinstance(statement, str) or not statement.strip():
            return
        text = normalise(statement)
        # A name the user also lists as the problem's own word (a product called "Ledger"
        # for a problem about the general ledger) is the problem's vocabulary, not the
        # solution slipping in: the statement cannot help using it.
        problem_words = {
            " ".join(normalise(wording).split())
            for concept in strategy.story.concepts
            for wording in concept.all_wordings
        }
        named: list[str] = []
        related: list[Path] = []
        product = strategy.data.get("product")
        product_name = product.get("name") if isinstance(product, dict) else None
        if (
            isinstance(product_name, str)
            and " ".join(normalise(product_name).split()) not in problem_words
            and _names(text, product_name)
        ):
            named.append(f"the product `{product_name.strip()}`")
            related.append(("product", "name"))
        capabilities = strategy.data.get("capabilities")
        ids: list[str] = []
        if isinstance(capabilities, list):
            for index, capability in enumerate(capabilities):
                if not isinstance(capability, dict):
                    continue
                capability_id = capability.get("id")
                if not isinstance(capability_id, str) or not _reads_as_id(capability_id):
                    continue
                if (
                    capability_id not in ids
                    and normalise(capability_id) not in problem_words
                    and _names(text, capability_id)
                ):
                    ids.append(capability_id)
                    related.append(("capabilities", index, "id"))
        if ids:
            noun = "capability" if len(ids) == 1 else "capabilities"
            named.append(f"the {noun} " + ", ".join(f"`{i}`" for i in ids))
        if not named:
            return
        yield Issue(
            path=("problem", "statement"),
            message=(
                f"the problem statement names {' and '.join(named)}: state the problem as the "
                "customer lives it, without the solution, or every story check passes on the "
                "product's own words"
            ),
            related=tuple(related),
            subject=" ".join(statement.split()),
            data={
                "product": bool(related and related[0] == ("product", "name")),
                "capabilities": ids,
            },
        )


def _reads_as_id(capability_id: str) -> bool:
    return "-" in capability_id or any(ch.isdigit() for ch in capability_id)


def _names(normalised_text: str, name: str) -> bool:
    """Whether a normalised text holds `name` as whole words (spaces as any whitespace)."""
    words = normalise(name).split()
    if not words or any(word not in normalised_text for word in words):
        return False  # each word must be in the text: no pattern to build (names vary by file)
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    return re.search(pattern, normalised_text) is not None
