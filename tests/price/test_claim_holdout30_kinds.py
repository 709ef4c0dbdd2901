"""Kinds of price finding the held-out sets 30 to 31b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a fee for a lapse or for going back named before its amount ("a reconnection fee of
  $30"), a release fee after clamping;
- what the customer charges their own customers ("charge your customer a $3.99 delivery
  fee", "Charge $49 a month for your community"), a fee their customer pays ("the guest's
  booking fee of $2"), money "to you";
- a thing priced on its own ("Pro Studio alone is $599"), a cap another party sets, things
  priced "from" that the product does not sell ("fares from $9.99"), a list a named party
  charges ("The DMV charges $62 for ... and $23 for ..."), a tax named by a word, a hedged
  collection ("may collect $400 a month");
- two amounts added with "plus" that make a figure of the model together.
"""

from __future__ import annotations

from functools import partial

from claim_support import pair_test, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Drivewell",
    category="driving school app",
    problem="Learners book lessons in a muddle.",
    terms="{lesson: [lessons]}",
    segment="Learner drivers",
    value="Lessons booked in one tap.",
)

MONTHLY = "    - {id: grow, amount: 99, per: month}"
YEARLY = "    - {id: pack, amount: 779, per: seat-year}"
ADULTS = "    - id: family\n      components: [{unit: adult, amount: 1525, per: once}]"

PAIRS = [
    # (honest, near miss, plans)
    (
        "Unpaid bills lead to disconnection and a reconnection fee of $30.",
        "Grow has a setup fee of $30.",
        MONTHLY,
    ),
    (
        "An untaxed car can be clamped with a $100 release fee.",
        "Grow has a $150 setup fee.",
        MONTHLY,
    ),
    (
        "With us you pay $99 a month and can charge your customer a $3.99 delivery fee.",
        "With us you pay $99 a month and a $3.99 delivery fee.",
        MONTHLY,
    ),
    (
        "Charge $49 a month for your community and keep the rest.",
        "Grow is $49 a month for your community.",
        MONTHLY,
    ),
    (
        "The guest's booking fee of $2 is theirs to pay.",
        "Our booking fee of $2 applies to every order.",
        MONTHLY,
    ),
    (
        "On a $30 bed, the guest pays $76.50 to you at check-in.",
        "Grow costs $76.50 a month.",
        MONTHLY,
    ),
    (
        "Pro Studio alone is $599 per user a year - the pack adds more for $180.",
        "The pack is $599 per user a year.",
        YEARLY,
    ),
    (
        "The regulator caps the network fee at $130 for 200 channels.",
        "Grow's service fee is $130 a month.",
        MONTHLY,
    ),
    (
        "Members get sales with fares from $9.99 one way.",
        "Grow plans from $9.99 a month.",
        MONTHLY,
    ),
    (
        "The DMV charges $62 for a road test and $23 for the written test.",
        "Grow charges $62 a month and $23 a seat.",
        MONTHLY,
    ),
    (
        "The road tax of $300 a year is paid for you.",
        "Grow is $300 a year.",
        MONTHLY,
    ),
    (
        "On a $40 order, a marketplace at 25% commission takes $10.",
        "On a $40 order, Grow at 25% commission takes $10.",
        MONTHLY,
    ),
    (
        "A cable operator may collect $40 a month in cash.",
        "Grow is $40 a month.",
        MONTHLY,
    ),
    (
        "Fees are $950 per adult plus the residence fee of $575.",
        "Fees are $950 per adult plus the residence fee of $700.",
        ADULTS,
    ),
]


test_honest_money_beside_a_misquote = pair_test(STRATEGY, PAIRS)

CARS = (
    "    - {id: compact-3-years, amount: 192, per: month}\n"
    "    - {id: hybrid-3-years, amount: 415, per: month}"
)

# A plan named by its id's first word, in capitals, where no other plan's id starts with
# it: "Hybrid from $415" is `hybrid-3-years`' from-price, not the cheapest plan's.
test_a_plan_named_by_its_first_word = pair_test(
    STRATEGY,
    [
        (
            "Compact from $192 a month and Hybrid from $415 a month on a 3-year term.",
            "Compact from $192 a month and Hybrid from $450 a month on a 3-year term.",
            CARS,
        )
    ],
)
