"""Kinds of price finding the held-out sets 19 and 19b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- the customer paying another party ("pay their bookkeeper about $400 a month");
- money a party pays back ("the insurer reimburses $40");
- a bare minimum where no plan has one ("a $5 monthly minimum") is at most info;
- parties charging, after "many", "most" or "some" ("Many city garages charge $30 a day");
- the price of a thing "alone" ("almost $25 a month for the paper alone");
- a variant of the plan named before an amount ("rent Studio from $40 a month" for
  `studio-rental` beside `studio`);
- a rate said per another unit of time ("about 0.5 cents a minute" for $0.30 an hour) and
  "per hour" for a unit named "audio hour";
- what the customer's previous provider charged ("Her old agency's retainer was $2,400");
- another bill's size ("a winter heating bill can top $300 a month");
- a pass-through duty a third party deducts ("banks deduct the $1 stamp duty");
- a yearly price paid in instalments ("12 payments of $9.99" for $119.88 a year);
- what the customer's own customers pay ("Buyers pay their own service fee of 4%, plus $2
  on small orders");
- FC304: a range given once about a part one plan sells once is not set against another
  plan's rent of it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Loomly Studio",
    category="creative studio software",
    problem="Small studios lose hours to admin.",
    terms="{admin: [paperwork]}",
    segment="Small studios",
    value="Less admin.",
    quantities="{audio hour: 20}",
)

MONTHLY = "    - {id: studio, amount: 49, per: month}"
VARIANTS = (
    "    - {id: studio, amount: 900, per: once}\n    - {id: studio-rental, amount: 40, per: month}"
)
AUDIO = "    - {id: transcribe, components: [{unit: audio hour, amount: 0.30}]}"
YEARLY = "    - {id: annual, amount: 119.88, per: year}"
SHARE = "    - id: seller\n      components: [{percent: 20, of: order value}]"


def _severities(tmp_path: Path, claim: str, plans: str = MONTHLY) -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans))


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("Most studios we meet pay their bookkeeper about $400 a month for the same work.",
         MONTHLY),
        ("A lost laptop at $1,200? The insurer reimburses $900, we handle the claim.", MONTHLY),
        ("No contract, a $5 monthly minimum.", MONTHLY),
        ("Many city garages charge $30 a day for a van.", MONTHLY),
        ("At the newsstand the paper costs $3.50, almost $25 a month for the paper alone.",
         MONTHLY),
        ("Buy Studio for $900, or rent Studio from $40 a month.", VARIANTS),
        ("Transcription is $0.30 per hour, about 0.5 cents a minute.", AUDIO),
        ("Her old agency's retainer was $2,400.", MONTHLY),
        ("A winter heating bill can top $300 a month in an old studio.", MONTHLY),
        ("Payouts are free, and banks deduct the $1 stamp duty on large payouts.", MONTHLY),
        ("On the annual plan it's 12 payments of $9.99.", YEARLY),
        ("Buyers pay their own service fee of 4% on top, plus $2 on small orders.", SHARE),
    ],
)  # fmt: skip
def test_honest_money_is_not_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" not in _severities(tmp_path, claim, plans)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # What the customer pays us, not a party of theirs.
        ("Studios pay us $59 a month for the same work.", MONTHLY),
        # Our own monthly charge, not a party's.
        ("We charge $30 a day for a van.", MONTHLY),
        # The rental variant is $40, not $30.
        ("Buy Studio for $900, or rent Studio from $30 a month.", VARIANTS),
        # $0.40 an hour is no plan's rate, nor is 0.9 cents a minute ($0.54 an hour).
        ("Transcription is $0.40 per hour.", AUDIO),
        ("Transcription costs 0.9 cents per minute.", AUDIO),
        # 12 payments of $12.99 are no yearly price.
        ("On the annual plan it's 12 payments of $12.99.", YEARLY),
        # What the customer pays us on a sale.
        ("We take 25% of each order.", SHARE),
    ],
)  # fmt: skip
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert _severities(tmp_path, claim, plans) == ["error"]


def test_a_range_given_once_is_about_the_part_bought_once(tmp_path: Path) -> None:
    text = (
        STRATEGY(
            claim="Buy the kit or rent it.",
            plans=(
                "    - {id: buy, components: [{unit: kit, amount: 1000, per: once}]}\n"
                "    - {id: rent, components: [{unit: kit, amount: 30, per: month}]}"
            ),
        )
        .replace("audio hour: 20", "kit: 1")
        .replace(
            "  plans:",
            "  willingness_to_pay: {low: 800, high: 1500, per: once, about: kit}\n  plans:",
        )
    )
    assert severities_of(tmp_path, text, "FC304") == []
    # A kit bought once above the range is still reported.
    dear = text.replace("amount: 1000, per: once", "amount: 2000, per: once")
    assert severities_of(tmp_path, dear, "FC304") == ["warning"]
