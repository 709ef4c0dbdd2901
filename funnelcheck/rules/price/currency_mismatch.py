"""FC305 currency-mismatch: an amount is in another currency than the price's."""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Path, Severity
from funnelcheck.language.money import money_from
from funnelcheck.model.strategy import Strategy, value_at
from funnelcheck.rules.base import NoOptions, Rule


class CurrencyMismatch(Rule):
    """Price, budget, cost or a pitch amount use different currencies.

    **Why.** A budget in euros and a price in dollars cannot be compared without an
    exchange rate, and a rate read today is wrong tomorrow: the checker never converts.
    So a budget, cost, revenue goal or reference payment in another currency than the price
    is silently left out of the price checks (FC301, FC303, FC306, FC603), and a pitch
    amount in another currency is not checked against the plans (FC302). This rule says
    so, on the amount whose currency differs from the price's, so that nothing is skipped
    unseen. Often it is a real drop too: a pitch written for another market.

    What it reads: `segment.budget`, `problem.cost`, `goals.revenue`,
    `segment.typical_customer.revenue_per_account` and each reference customer's `paid`
    (an amount without a currency is in the price's), and every amount in a stage's
    `pitch` or claims' `text` (a symbol names the price's currency where that currency
    writes it so: "$" is CAD in a CAD strategy, USD otherwise). Nothing is
    reported when the price names no currency, nor for an amount that is not the product's
    price as FC302 reads it: a competitor's or an alternative's in its own currency ("AWS
    S3 Standard charges about $0.023 per GB" in a EUR strategy where AWS S3 is an
    alternative), another party's fee, the customer's own money, a saving or a loss ("when
    the exchange collapsed, its customers lost access to $8 billion" in a EUR strategy).

    **Failing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      budget: {amount: 15000, currency: EUR, per: year}
    price:
      currency: USD
      plans:
        - {id: team, amount: 499, per: month}
    ```

    The segment's budget is in EUR; the price is in USD: they are not compared.

    **Passing example.**

    ```yaml
    segment:
      name: Mid-market SaaS finance teams
      budget: {amount: 15000, per: year}
    price:
      currency: CAD
      plans:
        - {id: team, amount: 499, per: month}
    stages:
      - name: Proposal
        role: pricing
        pitch: One plan at $499 a month.
    ```

    The budget names no currency, so it is in CAD; "$" is CAD in a CAD strategy.

    **Options.** None.
    """

    code = "FC305"
    name = "currency-mismatch"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        price_currency = strategy.currency
        if price_currency is None:
            return
        for path, name, compared_by in _money_fields(strategy):
            money = money_from(value_at(strategy.data, path), price_currency)
            if money is None or money.currency == price_currency:
                continue
            yield Issue(
                path=(*path, "currency"),
                message=(
                    f"{name} is in {money.currency} ({money.describe()}); the price is in "
                    f"{price_currency}: amounts in two currencies are never compared, so "
                    f"{compared_by} leaves it out"
                ),
                related=(("price", "currency"),),
                subject=name,
                data={"currency": money.currency, "price_currency": price_currency},
            )
        context = None
        for stage_index, texts in strategy.stages_with_texts():
            for relative, text in texts:
                where = "the pitch" if relative[0] == "pitch" else "the claim"
                for amount in strategy.amounts_in(text):
                    if amount.currency is None or amount.currency == price_currency:
                        continue
                    if amount.is_saving or amount.is_business_figure:
                        continue  # a saving, a loss or a business figure: never a price
                    context = context or strategy.claim_context
                    if context.not_a_price(text, *amount.span) is not None:
                        continue  # a competitor's, an alternative's, another party's money
                    yield Issue(
                        path=("stages", stage_index, *relative),
                        message=(
                            f"{where} names {amount.describe()}, in {amount.currency}; the "
                            f"price is in {price_currency}: the amount is not compared with "
                            "the plans"
                        ),
                        related=(("price", "currency"),),
                        subject=text,
                        data={
                            "written": amount.raw,
                            "currency": amount.currency,
                            "price_currency": price_currency,
                        },
                    )


def _money_fields(strategy: Strategy) -> Iterator[tuple[Path, str, str]]:
    """Each money value of the strategy: its path, how a message names it, and who skips it."""
    yield ("segment", "budget"), "the segment's budget", "the budget check (FC301)"
    yield ("problem", "cost"), "the problem's cost", "the cost check (FC303)"
    yield ("goals", "revenue"), "the revenue goal", "the revenue check (FC306)"
    yield (
        ("segment", "typical_customer", "revenue_per_account"),
        "the revenue per account",
        "the revenue check (FC306)",
    )
    for index, customer in strategy.reference_customers():
        name = customer.get("name")
        label = name.strip() if isinstance(name, str) and name.strip() else f"#{index + 1}"
        yield (
            ("reference_customers", index, "paid"),
            f"what reference customer {label} paid",
            "the reference price check (FC603)",
        )
