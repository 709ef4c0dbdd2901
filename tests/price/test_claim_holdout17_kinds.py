"""Kinds of price finding the held-out sets 17 and 17b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a fee the claim says is waived ("we waive the $25 activation fee") is not charged;
- the sum a policy covers, right before "cover" ("the $250,000 cover is $30 a month");
- what the customer spent on something else ("you paid $80 in taxi fares last month");
- a price shared over the items its sentence counts ("10 sessions for $180, $18 per
  session");
- other parties charging, named in the plural ("the ferries charge from $12");
- a price at another business, named after it ("$20 a month at Anytime Fitness");
- a lapse as what costs the money ("late returns cost $30 per day"): a penalty;
- the monthly bill while a device is paid off ("$75 in the first month": the plan and an
  instalment);
- a plan named as the sentence's subject gives its own from-price ("Scale adds reports
  from $90 a month");
- a block price whose unit comes before it ("Extra texts cost $4 per 1,000, ...").
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Harbourline",
    problem="Commuters lose hours to unreliable trips.",
    terms="{trip: [trips]}",
    segment="Commuters",
    value="Trips on time.",
    quantities="{day: 2}",
)

MONTHLY = "    - {id: pass, amount: 49, per: month}"
SESSIONS = "    - {id: pack, amount: 180, per: once}"
DAILY = "    - {id: hire, amount: 45, per: month, components: [{unit: day, amount: 12}]}"
PHONE = (
    "    - id: essential\n      amount: 50\n      per: month\n"
    "      components:\n"
    "        - {fee: phone, amount: 900, per: once, life_years: 3,"
    " financing: {periods: 36, per: month}}"
)
TIERS = "    - {id: starter, amount: 30, per: month}\n    - {id: scale, amount: 90, per: month}"
TEXTS = (
    "    - id: team\n      amount: 20\n      per: month\n"
    "      components: [{unit: text, amount: 3, block: 1000, included: 5000}]"
)


def _severities(
    tmp_path: Path, claim: str, plans: str, category: str = "commuter transport"
) -> list[str]:
    text = STRATEGY(claim=claim, plans=plans, category=category)
    return severities_of(tmp_path, text)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("Switch and keep your card: we waive the $25 card transfer fee and post your pass.",
         MONTHLY),
        ("The $250,000 cover is $49 a month, about $1.60 a day.", MONTHLY),
        ("You paid $80 in taxi fares last month. With a pass, the ferry is included.", MONTHLY),
        ("10 sessions for $180, about $18 per session, used within a year.", SESSIONS),
        ("Parking is extra at the piers, and the operators charge from $12 a day.", MONTHLY),
        ("Pay as little as $20 a month at Anytime Fitness instead of a gym contract.", MONTHLY),
        ("Bring the bike back on time - late returns cost $30 per day.", DAILY),
        ("Phone for $25 a month over 36 months. Total $75 in the first month on Essential.",
         PHONE),
        ("Scale adds reports from $90 a month.", TIERS),
        ("Extra texts cost $3 per 1,000, your contacts stay unlimited.", TEXTS),
    ],
)  # fmt: skip
def test_honest_money_is_not_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" not in _severities(tmp_path, claim, plans)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # Our own fee, not waived, that no plan has.
        ("Switch and keep your card: we charge a $25 card transfer fee and post your pass.",
         MONTHLY),
        # The premium is misquoted beside the sum covered, which is not reported.
        ("Harbourline is $59 a month with $250,000 cover.", MONTHLY),
        # What the customer pays us, in the past tense.
        ("You paid $80 on your Harbourline pass last month.", MONTHLY),
        # 10 sessions at $25 each are not the $180 pack.
        ("10 sessions for $180, about $25 per session, used within a year.", SESSIONS),
        # We charge it, not another party.
        ("We charge $12 a day for parking at the piers.", MONTHLY),
        # Our own price at a time, not at another business.
        ("Pay as little as $20 a month from January.", MONTHLY),
        # A day's hire is $12, not $30: no lapse makes it a penalty.
        ("Extra days cost $30 per day.", DAILY),
        # The plan and an instalment are $75; $85 is neither.
        ("Phone for $25 a month over 36 months. Total $85 in the first month on Essential.",
         PHONE),
        # Scale is $90, not $70, and $70 is no plan's price.
        ("Scale adds reports from $70 a month.", TIERS),
        # The block is $3 per 1,000, not $4.
        ("Extra texts cost $4 per 1,000, your contacts stay unlimited.", TEXTS),
    ],
)  # fmt: skip
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert _severities(tmp_path, claim, plans) == ["error"]


def test_a_plan_named_as_subject_keeps_the_cheapest_plans_floor(tmp_path: Path) -> None:
    # "Scale teams start from $30": the cheapest plan's price, as before, though Scale is
    # named; a plan named earlier only adds its own from-price as an explanation.
    assert _severities(tmp_path, "Scale teams start from $30 a month.", TIERS) == []
