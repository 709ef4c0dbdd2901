"""Kinds of price finding the held-out sets 28 to 29b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- the customer's own money: an item in EMIs, what they spent on fees last month, a balance
  included, a thing "On a" ("a $1,200-a-month flat"), what their own customers pay them;
- other parties: a provider the customer uses, a body in capitals paid ("paid to NTSA"),
  people paying an accountant after the amount, excise, a brand's price joined on by
  "plus around"; market prices listed after "With"; a reconnection fee;
- what it costs without the product ("Without cover, a callout costs from $199"), a thing
  needed besides ("You still need a TV Licence, $174 a year");
- compared now: a fee on a period (not "a fee named as such"), a percentage of "the income
  you earn", a bill at the count its sentence states.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from claim_support import pair_test, severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Roadwise",
    category="breakdown cover",
    problem="Drivers are stranded when their car fails.",
    terms="{breakdown: [breakdowns]}",
    segment="Drivers",
    value="Help at the roadside, fast.",
)

YEARLY = "    - {id: standard, amount: 120, per: year}"
MONTHLY = "    - {id: grow, amount: 99, per: month}"
ONCE = "    - {id: registration, amount: 100, per: once}"
KM = "    - id: road-charge\n      components: [{unit: km, amount: 0.08}]"
DOMAINS = "    - id: domain\n      components: [{unit: domain, amount: 12, per: year}]"


def _severities(tmp_path: Path, claim: str, plans: str, currency: str = "USD") -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans, currency=currency))


PAIRS = [
    # (honest, near miss, plans)
    (
        "Take it home on no-cost EMI: a $900 laptop in 10 EMIs of $90.",
        "Cover is $90 a year.",
        YEARLY,
    ),
    (
        "You paid $46 in trading fees on your recurring buys last month.",
        "Grow is $46 a month.",
        MONTHLY,
    ),
    ("The tag costs $100, including $50 of toll balance.", "The tag costs $150, once.", ONCE),
    (
        "Most founders use a service provider for an address from about $30 a month.",
        "Registration is $30 a month.",
        ONCE,
    ),
    (
        "With petrol at over $2 a litre and parking at $300 a month, driving costs more.",
        "Grow is $300 a month.",
        MONTHLY,
    ),
    (
        "A registry fee of $0.20 per domain a year is added at checkout and paid to ICANN.",
        "Domains are $0.20 per domain a year.",
        DOMAINS,
    ),
    (
        "Petrol cars pay excise of about 70 cents a litre instead.",
        "Road charges are 70 cents per km.",
        KM,
    ),
    (
        "On a $1,500-a-month flat, you keep every dollar of rent.",
        "On a $1,500 plan you get it all.",
        MONTHLY,
    ),
    ("500 members at $5 a month pay you $2,500 every month.", "Grow is $5 a month.", MONTHLY),
    (
        "Without cover, a callout costs from $199 on the day.",
        "Cover costs from $199 a year.",
        YEARLY,
    ),
    (
        "You still need a TV Licence, $174 a year, to watch live TV.",
        "Cover is $174 a year.",
        YEARLY,
    ),
    (
        "The transfer fee of $30 is paid to NTSA at the end.",
        "The transfer fee of $30 is paid to us at the end.",
        MONTHLY,
    ),
    (
        "A disconnected line is reconnected after a $30 reconnection fee.",
        "A $30 connection fee applies.",
        MONTHLY,
    ),
    (
        "That is less than the $300 a month many firms pay an accountant.",
        "That is less than the $300 a month many firms pay us.",
        MONTHLY,
    ),
]


test_honest_money_beside_a_misquote = pair_test(STRATEGY, PAIRS)


def test_a_brands_price_joined_on_is_the_brands(tmp_path: Path) -> None:
    storage = "    - id: storage\n      components: [{unit: TB, amount: 7, per: month}]"
    claim = "AWS S3 costs about $23 per TB a month, plus around $90 per TB to download."
    text = STRATEGY(claim=claim, plans=storage).replace(
        "  terms:", "  alternatives: [AWS S3]\n  terms:"
    )
    assert "error" not in severities_of(tmp_path, text)
    # Ours, with no brand before: both misquoted.
    assert "error" in severities_of(tmp_path, text.replace("AWS S3 costs", "Storage costs"))


def test_a_fee_on_a_period_is_compared_a_fee_per_event_is_not(tmp_path: Path) -> None:
    weekly = "    - id: gym\n      components: [{fee: membership, amount: 17.95, per: week}]"
    assert _severities(tmp_path, "Membership for $17.95 a week.", weekly) == []
    assert "error" in _severities(tmp_path, "Membership for $15.95 a week.", weekly)
    # A fee per event named as such is that fee, not a price to compare (FC302's page).
    disputes = (
        "    - id: core\n      amount: 20\n      per: month\n"
        "      components: [{fee: dispute, amount: 15, unit: dispute}]"
    )
    assert "error" not in _severities(tmp_path, "A $20 fee per dispute.", disputes)


def test_a_percentage_of_the_income_you_earn_is_the_plans(tmp_path: Path) -> None:
    share = "    - id: pro\n      components: [{percent: 10, of: membership income}]"
    assert _severities(tmp_path, "Pro takes 10% of the income you earn.", share) == []
    assert "error" in _severities(tmp_path, "Pro takes 8% of the income you earn.", share)


def test_a_bill_at_the_count_its_sentence_states(tmp_path: Path) -> None:
    water = (
        "    - id: home\n      amount: 220\n      per: month\n"
        "      components: [{unit: cubic meter, amount: 38, per: month, included: 10}]"
    )
    claim = "A household using 20 cubic meters pays about $600 a month."
    assert "error" not in _severities(tmp_path, claim, water)
    # $638 is the bill at 21 cubic meters, not at the 20 the sentence states.
    assert "error" in _severities(tmp_path, claim.replace("$600", "$638"), water)
