"""Money in pitch text as users write it, found while trying the checker on real pitches.

Two readings a price check must get right before it calls a claim wrong: a period adjective
after the amount ("a $5,988 annual contract") is the amount's period, and figures about the
customer's business ("$2M ARR", "$5M-$50M in revenue", "raised $10M") are not prices.
"""

from __future__ import annotations

import pytest

from funnelcheck.money import find_amounts


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("a $5,988 annual contract", "year"),
        ("a $5,988 annual subscription, billed once a year", "year"),
        ("one $499 monthly fee", "month"),
        ("a £120 quarterly invoice", "quarter"),
        ("the €30 weekly box", "week"),
    ],
)
def test_a_period_adjective_after_the_amount_is_its_period(text: str, per: str) -> None:
    [amount] = find_amounts(text, "USD")
    assert amount.per == per


@pytest.mark.parametrize(
    "text",
    [
        "Built for SaaS companies with $2M ARR or more.",
        "Companies with $5M-$50M in revenue reconcile payouts with us.",
        "Finance teams at companies between $10M and $100M in annual revenue.",
        "Our customers average $3M MRR.",
        "Startups that raised $10M in their Series A.",
        "Marketplaces with $40M GMV a year.",
        "Firms with $250 million in assets under management.",
        "Backed by $12M in funding from finance leaders.",
        "Teams with a $20M annual turnover.",
    ],
)
def test_figures_of_the_customer_business_are_not_price_claims(text: str) -> None:
    found = find_amounts(text, "USD")
    assert found, "the amounts are still read"
    assert all(amount.is_business_figure for amount in found), [a.raw for a in found]


@pytest.mark.parametrize(
    "text",
    [
        "One plan at $399 a month.",
        "Revenue teams pay $499 a month.",
        "Grow your revenue for $99 a month.",
        "$1,000 a year for teams under $5M ARR.",
        "$499 a month to grow sales.",
        "$499 a month and revenue reports included.",
    ],
)
def test_a_price_near_the_word_revenue_is_still_a_price(text: str) -> None:
    first = find_amounts(text, "USD")[0]
    assert not first.is_business_figure
    assert not first.is_saving
