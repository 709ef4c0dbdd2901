"""FC602 reference-question-unanswered: a reference customer leaves questions unanswered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy, customer_name
from funnelcheck.model.upside_down import QUESTIONS
from funnelcheck.rules.base import NoOptions, Rule


class ReferenceQuestionUnanswered(Rule):
    """A reference customer leaves one or more of the six questions of the upside-down funnel empty.

    **Why.** A reference customer is the funnel worked backwards, and each of the six
    questions checks one runner: what convinced them (`why_bought`: marketing's story),
    what they paid and why (`paid`, `why_that_price`: pricing), why they trust the company
    (`trust`), how they evaluated the product (`evaluation`: the product stage), why this
    product (`why_us`: the value proposition against the alternatives), and how the company
    reached them (`reached_via`: the channel). An empty answer is a runner nobody has
    watched: the strategy cannot say the baton passed there, even for its best customer.

    A key that is missing, null or blank (only spaces, or an empty mapping) leaves its
    question unanswered. "What they paid and why" needs both halves: an amount with no
    reason (or a reason with no amount) leaves the question unanswered, and the message
    says which half is missing. One finding per customer names every unanswered question.

    **Failing example.**

    ```yaml
    reference_customers:
      - name: Northwind Analytics
        why_bought: Their controller spent four days a month matching Stripe payouts by hand.
        paid: {amount: 5988, currency: USD, per: year}
        trust: A peer CFO in their investor network recommended Ledgerline.
        evaluation: Ran the trial on the previous month's payouts.
        why_us: The only tool that also posted the journal entries to NetSuite.
        reached_via: ""
    ```

    Northwind Analytics leaves two questions unanswered: what they paid and why (the amount
    is given, `why_that_price` is missing) and how the company reached them.

    **Passing example.**

    ```yaml
    reference_customers:
      - name: Northwind Analytics
        why_bought: Their controller spent four days a month matching Stripe payouts by hand.
        paid: {amount: 5988, currency: USD, per: year}
        why_that_price: Less than one week of the controller's time each quarter.
        trust: A peer CFO in their investor network recommended Ledgerline.
        evaluation: Ran the trial on the previous month's payouts.
        why_us: The only tool that also posted the journal entries to NetSuite.
        reached_via: finance podcasts
    ```

    **Options.** None.
    """

    code = "FC602"
    name = "reference-question-unanswered"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        for index, customer in strategy.reference_customers():
            name = customer_name(customer, index)
            unanswered: list[str] = []
            described: list[str] = []
            empty_keys: list[str] = []
            for asked in QUESTIONS:
                question, keys = asked.label, asked.keys
                states = {key: _state(customer, key) for key in keys}
                empty = [key for key, state in states.items() if state != "given"]
                if not empty:
                    continue
                unanswered.append(question)
                empty_keys.extend(empty)
                described.append(f"{question} ({_explain(states)})")
            if not unanswered:
                continue
            count = len(unanswered)
            how_many = "all six" if count == len(QUESTIONS) else f"{count} of the six"
            yield Issue(
                path=("reference_customers", index),
                message=(
                    f"{name} leaves {how_many} questions of the upside-down funnel "
                    f"unanswered: {'; '.join(described)}"
                ),
                subject=name,
                data={
                    "customer": name,
                    "unanswered": unanswered,
                    "keys": empty_keys,
                    "answered": len(QUESTIONS) - count,
                },
            )


def _state(customer: dict[str, Any], key: str) -> str:
    """`missing` (no such key), `empty` (null or blank) or `given`."""
    if key not in customer:
        return "missing"
    value = customer[key]
    if value is None:
        return "empty"
    if isinstance(value, str) and not value.strip():
        return "empty"
    # `paid` is money: a mapping with no amount says nothing about what they paid.
    if isinstance(value, dict) and value.get("amount") is None:
        return "empty"
    if isinstance(value, list | dict) and not value:
        return "empty"
    return "given"


def _explain(states: dict[str, str]) -> str:
    """Which keys leave the question open; for a two-key question, which half is there."""
    parts = [f"`{key}` is {state}" for key, state in states.items() if state != "given"]
    given = [f"`{key}` is given" for key, state in states.items() if state == "given"]
    return ", ".join(given + parts)
