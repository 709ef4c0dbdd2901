"""FC601 no-reference-customer: the strategy names no reference customer."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class NoReferenceCustomer(Rule):
    """The strategy names no reference customer: the upside-down funnel has nothing to start from.

    **Why.** A funnel read forwards is a plan; read backwards from one real, happy customer
    it is a test. What convinced them, what they paid and why, why they trust the company,
    how they evaluated the product, why this product and how the company reached them: each
    answer checks one runner of the relay (FC602 to FC605 compare them with the stages, the
    plans and the problem). Without a single reference customer none of those checks can run,
    and nothing shows that the story told at each stage has ever carried a customer to the end.
    This is a note, not a warning: a product before its first sale has no reference yet.

    The finding sits on `reference_customers` where the key is present but empty, and on
    the file otherwise.

    **Failing example.**

    ```yaml
    stages:
      - {name: LinkedIn and podcast campaign, role: marketing, channels: [finance podcasts]}
    reference_customers: []
    ```

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

    code = "FC601"
    name = "no-reference-customer"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        customers = strategy.data.get("reference_customers")
        # Any entry counts, even a half-filled one: FC602 says which questions it leaves open.
        if isinstance(customers, list) and customers:
            return
        path: Path = ("reference_customers",) if "reference_customers" in strategy.data else ()
        yield Issue(
            path=path,
            message=(
                "no reference customer: the upside-down funnel has nothing to start from; "
                "add one real customer under `reference_customers` and answer the six "
                "questions (what convinced them, what they paid and why, why they trust the "
                "company, how they evaluated the product, why this product, how the company "
                "reached them)"
            ),
            data={"reference_customers": 0},
        )
