"""Kinds of price finding the held-out sets 32 to 33b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a period that is a sold unit's whole name ("$140 a day" for a unit `day`);
- another party of two words charging ("your grid operator charges around $40 a month"),
  others of the product's kind charging a thing they name ("Other rings charge a
  membership of around $5 a month");
- what the customer's people at a price earn them ("2,000 readers at $5 a month earns
  $10,000"); what a cost can "eat".
"""

from __future__ import annotations

from functools import partial

from claim_support import pair_test, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Ringo",
    category="smart ring",
    problem="People cannot see how they sleep.",
    terms="{sleep: [sleeping]}",
    segment="Sleepers",
    value="Sleep you can see.",
)

DAYS = "    - id: day-care\n      components: [{unit: day, amount: 140}]"
MONTHLY = "    - {id: grow, amount: 9, per: month}"
RING = "    - {id: ring, amount: 299, per: once}"

test_honest_money_beside_a_misquote = pair_test(
    STRATEGY,
    [
        ("Our daily fee is $140 a day.", "Our daily fee is $150 a day.", DAYS),
        (
            "Your grid operator charges around $40 a month for the connection.",
            "Grow charges around $40 a month for the connection.",
            MONTHLY,
        ),
        (
            "Other rings charge a membership of around $5 a month on top of the ring.",
            "The ring's membership is around $5 a month on top of the ring.",
            RING,
        ),
        (
            "A newsletter with 2,000 readers at $5 a month earns $10,000 a month.",
            "Grow is $5 a month.",
            MONTHLY,
        ),
        (
            "A car's fuel and parking can eat $150 a week of that.",
            "Grow is $150 a week.",
            MONTHLY,
        ),
    ],
)
