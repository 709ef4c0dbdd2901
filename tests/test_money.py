"""Money as a user writes it: yearly figures, amounts read from pitch text, and wording."""

from __future__ import annotations

from decimal import Decimal

import pytest

from funnelcheck.language.money import (
    Money,
    find_amounts,
    format_money,
    money_from,
    to_decimal,
    yearly,
)

D = Decimal

# (text, strategy currency, amount, currency, per, per_seat, floor)
PHRASINGS: list[tuple[str, str | None, str, str, str | None, bool, bool]] = [
    ("One plan at $399.", "USD", "399", "USD", None, False, False),
    ("Only $399/mo", "USD", "399", "USD", "month", False, False),
    ("$399 a month", "USD", "399", "USD", "month", False, False),
    ("399 USD a month", "USD", "399", "USD", "month", False, False),
    ("USD 399", "USD", "399", "USD", None, False, False),
    ("USD399 per month", "USD", "399", "USD", "month", False, False),
    ("€1,200 per year", "EUR", "1200", "EUR", "year", False, False),
    ("£49 per seat per month", "GBP", "49", "GBP", "month", True, False),
    ("$1.5k", "USD", "1500", "USD", None, False, False),
    ("$2M in pipeline", "USD", "2000000", "USD", None, False, False),
    ("$2 million", "USD", "2000000", "USD", None, False, False),
    ("$18,000 annually", "USD", "18000", "USD", "year", False, False),
    ("$99/user/month", "USD", "99", "USD", "month", True, False),
    ("$30 per user, per month", "USD", "30", "USD", "month", True, False),
    ("$25 per employee per month", "USD", "25", "USD", "month", True, False),
    ("$15 a member a month", "USD", "15", "USD", "month", True, False),
    ("$40 per agent per month", "USD", "40", "USD", "month", True, False),
    ("from $399", "USD", "399", "USD", None, False, True),
    ("Plans starting at $399 a month", "USD", "399", "USD", "month", False, True),
    ("as low as $9", "USD", "9", "USD", None, False, True),
    ("$4,990 once", "USD", "4990", "USD", "once", False, False),
    ("a one-time fee of $4,990", "USD", "4990", "USD", "once", False, False),
    ("$12 per location per month", "USD", "12", "USD", "month", False, False),
    ("$4,788 billed annually", "USD", "4788", "USD", "year", False, False),
    ("$499/month, billed annually", "USD", "499", "USD", "month", False, False),
    ("$10k/mo", "USD", "10000", "USD", "month", False, False),
    ("$1,200 per quarter", "USD", "1200", "USD", "quarter", False, False),
    ("$5 a day", "USD", "5", "USD", "day", False, False),
    ("$80/wk", "USD", "80", "USD", "week", False, False),
    ("€49,99 pro Monat", "EUR", "49.99", "EUR", None, False, False),
    ("1.200 € par an", "EUR", "1200", "EUR", None, False, False),
    ("1.200,50 € per month", "EUR", "1200.50", "EUR", "month", False, False),
    ("1 200 € a year", "EUR", "1200", "EUR", "year", False, False),
    ("399 dollars a month", "USD", "399", "USD", "month", False, False),
    ("$399 a month", "CAD", "399", "CAD", "month", False, False),
    ("$399 a month", "EUR", "399", "USD", "month", False, False),
    ("US$399 a month", "CAD", "399", "USD", "month", False, False),
    ("C$499/yr", "USD", "499", "CAD", "year", False, False),
    ("$399 CAD a month", "USD", "399", "CAD", "month", False, False),
    ("¥5,000 a month", "JPY", "5000", "JPY", "month", False, False),
    ("¥5,000 a month", "CNY", "5000", "CNY", "month", False, False),
    ("CHF 99 per month", "EUR", "99", "CHF", "month", False, False),
    ("499 kr i månaden", "NOK", "499", "NOK", None, False, False),
    # A space between groups of three after the symbol or code, plain, thin or no-break.
    ("$1 500 per month", "USD", "1500", "USD", "month", False, False),
    ("$1\u2009500 per month", "USD", "1500", "USD", "month", False, False),
    ("$1\u00a0500 a month", "USD", "1500", "USD", "month", False, False),
    ("$12 000 a year", "USD", "12000", "USD", "year", False, False),
    ("$1 500 000 a year", "USD", "1500000", "USD", "year", False, False),
    ("EUR 12 000 per year", "EUR", "12000", "EUR", "year", False, False),
    ("$1 500.50 a month", "USD", "1500.50", "USD", "month", False, False),
    # Cents: of the currency "$" names.
    ("99¢", "USD", "0.99", "USD", None, False, False),
    ("Less than 99¢ a day", "USD", "0.99", "USD", "day", False, False),
    ("99 ¢ per user per month", "USD", "0.99", "USD", "month", True, False),
    ("99¢ a day", "CAD", "0.99", "CAD", "day", False, False),
    ("99¢ a day", "EUR", "0.99", "USD", "day", False, False),
    # Pence and cents written out or as a letter (held-out set 6: UK energy in pence).
    ("22.50p per kWh", "GBP", "0.225", "GBP", None, False, False),
    ("53p a day", "GBP", "0.53", "GBP", "day", False, False),
    ("22.50 pence per kWh", "GBP", "0.225", "GBP", None, False, False),
    ("22.50 pence per kWh", "USD", "0.225", "GBP", None, False, False),
    ("99 cents a month", "USD", "0.99", "USD", "month", False, False),
    ("99c a month", "USD", "0.99", "USD", "month", False, False),
    ("99 cents a month", "EUR", "0.99", "EUR", "month", False, False),
    ("99c per user per month", "CAD", "0.99", "CAD", "month", True, False),
    ("99 cents a month", "GBP", "0.99", "USD", "month", False, False),
    # Three decimals: a leading 0 is never a group of thousands; a "$" writes "." decimals.
    ("$0.125 per GB", "USD", "0.125", "USD", None, False, False),
    ("$0.0079 per message", "USD", "0.0079", "USD", None, False, False),
    ("$1.250 per GB", "USD", "1.25", "USD", None, False, False),
    ("£0.045 per minute", "GBP", "0.045", "GBP", None, False, False),
    ("€0.125 per GB", "EUR", "0.125", "EUR", None, False, False),
    ("0,125 € pro GB", "EUR", "0.125", "EUR", None, False, False),
    ("€0,00325 pro Nutzer", "EUR", "0.00325", "EUR", None, False, False),
    ("€1.250 pro Jahr", "EUR", "1250", "EUR", None, False, False),
    # Indian grouping, lakh and crore, "Rs." and "INR".
    ("₹10,00,000 a month", "INR", "1000000", "INR", "month", False, False),
    ("₹1,00,000 a year", "INR", "100000", "INR", "year", False, False),
    ("Rs. 1,00,00,000 a year", "INR", "10000000", "INR", "year", False, False),
    ("Rs 999/mo", "INR", "999", "INR", "month", False, False),
    ("Rs.1,499 per month", "INR", "1499", "INR", "month", False, False),
    ("INR 12,34,567.50 a year", "INR", "1234567.50", "INR", "year", False, False),
    ("₹10 lakh a month", "INR", "1000000", "INR", "month", False, False),
    ("₹2.5 crore a year", "INR", "25000000", "INR", "year", False, False),
    ("₹5Cr a year", "INR", "50000000", "INR", "year", False, False),
    ("10,00,000 rupees a month", "INR", "1000000", "INR", "month", False, False),
    ("$1,00,000 a year", "USD", "100000", "USD", "year", False, False),
]


@pytest.mark.parametrize(
    ("text", "default", "amount", "currency", "per", "per_seat", "floor"), PHRASINGS
)
def test_a_price_is_read_as_written(
    text: str,
    default: str | None,
    amount: str,
    currency: str,
    per: str | None,
    per_seat: bool,
    floor: bool,
) -> None:
    found = find_amounts(text, default)
    assert len(found) == 1, found
    (got,) = found
    assert (got.amount, got.currency, got.per, got.per_seat, got.floor, got.is_saving) == (
        D(amount),
        currency,
        per,
        per_seat,
        floor,
        False,
    )
    # The span is the amount itself: the words that qualify it from before are context.
    assert text[got.span[0] : got.span[1]] == got.raw
    assert not got.raw.lower().startswith(("from", "starting", "as low", "a one-time"))


NOT_PRICES = [
    "Close the books 30% faster.",
    "Join 40 customers who reconcile in minutes.",
    "Three to five days become 3 to 5 hours.",
    "Built for companies with 50 to 500 employees.",
    "Ready for the 2026 close.",
    "Ledgerline 2.1.3 posts journal entries.",
    "Version 3.0 ships in Q2 2027.",
    "24/7 support, 99.9% uptime, 10x fewer errors.",
    "Match 1,200 payouts a month.",
    "4 times a month, 12 a year.",
    "Our SOC2 and ISO 27001 audits.",
    "Teams try it 3 times a week.",
]


@pytest.mark.parametrize("text", NOT_PRICES)
def test_percentages_counts_years_and_versions_are_not_money(text: str) -> None:
    assert find_amounts(text, "USD") == []


@pytest.mark.parametrize(
    ("text", "default"),
    [
        # "p" is pence only attached, in a GBP strategy, and never a video resolution.
        ("Streams in 1080p and 720p.", "GBP"),
        ("Open until 4p.m. daily.", "GBP"),
        ("Rates from 24.50p per kWh.", "USD"),
        ("Rates from 24.50 p per kWh.", "GBP"),
        # "c" is cents only attached to the number.
        ("Section 5 c of the terms.", "USD"),
        ("Grade 5c students.", "USD"),
    ],
)
def test_letters_after_a_number_are_minor_units_only_where_they_can_be(
    text: str, default: str
) -> None:
    found = [a.raw for a in find_amounts(text, default)]
    assert found == [], found


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # A word between the numbers: the second is a count, not the amount's digits.
        ("$1 and 500 users", ["1"]),
        ("Pay $10, 500 users already do.", ["10"]),
        # Not exactly three digits after the space: no group.
        ("$1 5000 times", ["1"]),
        ("$5 50 seats", ["5"]),
        # A group must not be followed by more digits after a separator.
        ("$1 500,000", ["1"]),
    ],
)
def test_a_space_groups_thousands_only_before_exactly_three_digits(
    text: str, amounts: list[str]
) -> None:
    assert [found.amount for found in find_amounts(text, "USD")] == [D(a) for a in amounts]


def test_a_range_in_cents_reads_both_bounds_as_cents() -> None:
    low, high = find_amounts("50-99¢ a day", "USD")
    assert (low.amount, high.amount) == (D("0.50"), D("0.99"))
    assert (low.per, high.per) == ("day", "day")


@pytest.mark.parametrize(
    "text",
    [
        "Save $2,000 a month.",
        "It saves $24k a year.",
        "Teams lose $6,000 a month to manual matching.",
        "Stop wasting $500 a week.",
        "Manual matching costs you $6,000 a month.",
        "A clean audit is worth $10k.",
        "That is $6,000 a month in lost staff time.",
        "$6,000 a month wasted on spreadsheets.",
    ],
)
def test_an_amount_of_loss_or_saving_is_not_a_price(text: str) -> None:
    (found,) = find_amounts(text, "USD")
    assert found.is_saving


def test_a_saving_in_one_clause_leaves_the_price_in_the_next_alone() -> None:
    saving, price = find_amounts("Save $2,000 a month; pay $499 a month.", "USD")
    assert saving.is_saving and not price.is_saving
    assert price.amount == D(499)


def test_the_format_page_example_claim() -> None:
    text = (
        "One plan at $399 a month, less than one day of reconciling Stripe payouts "
        "against the ledger by hand."
    )
    (found,) = find_amounts(text, "USD")
    assert (found.amount, found.per, found.raw) == (D(399), "month", "$399 a month")
    assert found.span == (text.index("$"), text.index("$") + len("$399 a month"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$10-20 a month", [("10", "month"), ("20", "month")]),
        ("$10–$20", [("10", None), ("20", None)]),
        ("$499 to $999 a month", [("499", "month"), ("999", "month")]),
        ("10-20 € a year", [("10", "year"), ("20", "year")]),
        ("$10-20k", [("10000", None), ("20000", None)]),
    ],
)
def test_a_range_gives_each_bound_with_the_range_period(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = find_amounts(text, "USD")
    assert [(a.amount, a.per) for a in found] == [(D(v), p) for v, p in expected]
    assert not any(a.floor for a in found)


def test_a_dash_that_is_no_range_keeps_the_price() -> None:
    (found,) = find_amounts("$399 - 20 seats included", "USD")
    assert found.amount == D(399)


# -- yearly figures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "per", "seats", "expected"),
    [
        ("10", "day", 1, "3650"),
        ("100", "week", 1, "5200"),
        ("499", "month", 1, "5988"),
        ("1500", "quarter", 1, "6000"),
        ("4788", "year", 1, "4788"),
        ("40", "seat-month", 1, "480"),
        ("40", "seat-month", 5, "2400"),
        ("400", "seat-year", 5, "2000"),
        ("499", "month", 5, "5988"),  # seats multiply seat prices only
        ("0.1", "month", 1, "1.2"),  # exact: 0.1 × 12 is 1.2, not 1.2000000000000002
    ],
)
def test_yearly_follows_the_catalog(amount: str, per: str, seats: int, expected: str) -> None:
    assert yearly(D(amount), per, seats) == D(expected)


@pytest.mark.parametrize("per", ["once", None, "hour", "fortnight"])
def test_no_yearly_figure_for_once_or_an_unknown_period(per: str | None) -> None:
    assert yearly(D(100), per) is None


def test_yaml_floats_are_read_exactly() -> None:
    assert to_decimal(0.1) == D("0.1")
    assert to_decimal(49.99) * 12 == D("599.88")
    assert to_decimal(True) is None


def test_money_without_a_currency_takes_the_price_currency() -> None:
    assert money_from({"amount": 6000, "per": "month"}, "EUR") == Money(D(6000), "EUR", "month")
    assert money_from({"amount": 6000, "currency": "USD", "per": "month"}, "EUR") == Money(
        D(6000), "USD", "month"
    )


# -- wording -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "per", "expected"),
    [
        ("5988", "USD", "year", "$5,988 a year"),
        ("1200", "EUR", "month", "€1,200 a month"),
        ("499", "CAD", "once", "CAD 499 once"),
        ("49", "GBP", "seat-month", "£49 a seat a month"),
        ("1000", "JPY", None, "¥1,000"),
        ("333.3333", "USD", "month", "$333.33 a month"),
        ("0.0079", "USD", None, "$0.0079"),
        ("0.3", "USD", None, "$0.30"),
        ("12.5", "USD", "week", "$12.50 a week"),
        ("1500000", "USD", "quarter", "$1,500,000 a quarter"),
        ("499", None, "month", "499 a month"),
    ],
)
def test_messages_write_money_as_people_read_it(
    amount: str, currency: str | None, per: str | None, expected: str
) -> None:
    assert format_money(D(amount), currency, per) == expected


# -- ----------------------------------------------------------------------------------------
# Money in pitch text as users write it, found while trying the checker on real pitches.
#
# Two readings a price check must get right before it calls a claim wrong: a period adjective
# after the amount ("a $5,988 annual contract") is the amount's period, and figures about the
# customer's business ("$2M ARR", "$5M-$50M in revenue", "raised $10M") are not prices.


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


# -- held-out set 4: amounts as written ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "amounts"),
    [
        # The text's own numbers say which mark is the decimal one.
        ("€1.250 per GB, and €12.50 a month", "EUR", ["1.25", "12.50"]),
        ("€1.250 per GB, and €1,000,000 a year", "EUR", ["1.25", "1000000"]),
        # "1,000" shows no mark of its own: the currency decides the other.
        ("€1.250 per GB, and €1,000 a month", "EUR", ["1250", "1000"]),
        ("€1.250 per GB, and €49,99 a month", "EUR", ["1250", "49.99"]),
        ("$0.00325 per user and $1.250 per GB", "USD", ["0.00325", "1.25"]),
        ("1.250 € und 2.500.000 € Umsatz", "EUR", ["1250", "2500000"]),
        ("1,250 € pro GB, dann 0,99 €", "EUR", ["1.25", "0.99"]),
        # Numbers that show no mark (a version, a date) decide nothing: the currency does.
        ("Version 2.1.3: $1.250 per GB", "USD", ["1.25"]),
        ("Seit 07.12.2026: €1.250 pro Jahr", "EUR", ["1250"]),
        # Marks that disagree decide nothing either.
        ("€1.250 a year; $12.50 or €49,99", "EUR", ["1250", "12.50", "49.99"]),
    ],
)
def test_an_amount_is_read_in_its_texts_convention(
    text: str, currency: str, amounts: list[str]
) -> None:
    assert [a.amount for a in find_amounts(text, currency)] == [D(a) for a in amounts]


def test_a_period_word_of_the_amount_before_is_not_the_next_amounts_period() -> None:
    first, second = find_amounts(
        "Beyond that, $0.00325 per monthly active user and $0.125 per GB of database.", "USD"
    )
    assert (first.amount, second.amount) == (D("0.00325"), D("0.125"))
    assert second.per is None
    # Said before the amount and not the unit of another, the adjective still counts.
    (annual,) = find_amounts("An annual plan at $5,988.", "USD")
    assert annual.per == "year"
    seat, plan = find_amounts("$10 per seat, or an annual plan at $5,988.", "USD")
    assert (seat.per_seat, plan.per_seat, plan.per) == (True, False, "year")


@pytest.mark.parametrize(
    "text",
    [
        "A brand taking ₹10,00,000 a month in payments.",
        "Stores processing $50,000 a month.",
        "Shops doing $20k a month.",
        "Merchants that sell over $1M a year.",
        "Sellers bringing in $30,000 a month.",
        "Creators earning $5,000 a month.",
        "Platforms handling about $2M a month.",
        "Merchants with $40,000 of monthly volume.",
        "$500k in payment volume a year.",
        "Marketplaces with a GMV of $3M.",
    ],
)
def test_money_the_customer_takes_in_is_a_business_figure(text: str) -> None:
    (found,) = find_amounts(text, "INR" if "₹" in text else "USD")
    assert found.is_business_figure, found


@pytest.mark.parametrize(
    "text",
    [
        "Payment processing $0.30 per charge.",
        "All it takes is $10 a month.",
        "$10 a month, which makes $120 a year.",
        "It sells for $99.",
        "Card processing $0.25 per transaction.",
    ],
)
def test_a_price_after_a_verb_of_volume_nearby_is_still_a_price(text: str) -> None:
    assert not any(a.is_business_figure for a in find_amounts(text, "USD"))
