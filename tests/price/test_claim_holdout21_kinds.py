"""Kinds of price finding the held-out sets 21 and 21b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a counterfactual "$0" ("With Plus that would have been $0") is no price;
- a city or council charging a fee ("Your city may charge a $50 permit fee");
- money spent in other fees after the amount ("$60 a load in landfill tip fees");
- the figure a sentence sets its own against ("costs $9.95, not $14.50");
- a fee named as what is priced ("Each extra ton is $65") ties the amount: a misquote of
  it is an error, not an info;
- a percentage given to its volume after it ("1.2% on every card"); "0% on repeat
  clients" takes no share and is no price;
- a unit named like a period ("$495 per year of accounts" for `unit: year of accounts`);
- money the customer's people raise ("Our runners raise £600 each");
- a benefit paid for every day of an event ("paying ¥10,000 for every day in hospital");
- a named company taking its share ("Booking.com still takes its 15% commission");
- what the problem costs in its inputs ("€40 per hectare in product");
- a market price the sentence assumes ("With wheat at €210 a tonne");
- the subscription alone beside a percentage of volume ("a 40-room hotel pays €610 a month
  for the software");
- the introductory price over a length ("$4 every 4 weeks for the first year").
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from claim_support import severities_of, strategy_text

STRATEGY = partial(
    strategy_text,
    product="Tallyho",
    category="operations software",
    problem="Small operators lose hours to admin.",
    terms="{admin: [paperwork]}",
    segment="Small operators",
    value="Less admin.",
    budget=90000,
    quantities="{room: 40, ton: 1, hectare: 100}",
)

MONTHLY = "    - {id: plus, amount: 9.99, per: month}"
SKIP = (
    "    - {id: skip, amount: 400, per: once,"
    " components: [{fee: extra ton, unit: ton, amount: 65, per: once}]}"
)
CARDS = "    - id: terminal\n      components: [{percent: 1.4, of: card sales}]"
CLIENTS = "    - id: partner\n      components: [{percent: 35, of: new client bookings}]"
ACCOUNTS = (
    "    - id: limited\n      amount: 139.50\n      per: month\n"
    "      components: [{fee: catch-up accounts, amount: 495, unit: year of accounts}]"
)
HOTEL = (
    "    - id: essential\n      amount: 250\n      per: month\n"
    "      components:\n"
    "        - {unit: room, amount: 9, per: month}\n"
    "        - {percent: 1.6, of: card payments}"
)
HECTARES = "    - id: licence\n      components: [{unit: hectare, amount: 4, per: year}]"
INTRO = (
    "    - {id: news, amount: 325, per: year, introductory: {amount: 52, per: year, periods: 1}}"
)


def _severities(tmp_path: Path, claim: str, plans: str) -> list[str]:
    return severities_of(tmp_path, STRATEGY(claim=claim, plans=plans))


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("You paid $23 in delivery fees last month. With Plus that would have been $0.",
         MONTHLY),
        ("Your city may charge a $50 permit fee to put the skip on the street.", SKIP),
        ("That is a dozen runs in a pickup, at $60 a load in landfill tip fees.", SKIP),
        ("Shipping it with us costs $9.99, not $14.50.", MONTHLY),
        ("Each extra ton is $65 and each skip $400.", SKIP),
        ("A flat 1.4% on every card, with no monthly fees.", CARDS),
        ("35% commission on new clients, 0% on repeat clients and no other fees.", CLIENTS),
        ("Catch-up accounts are $495 + VAT per year of accounts.", ACCOUNTS),
        ("Our runners raise £600 each on average for a charity place.", MONTHLY),
        ("The cover is $9.99 a month, paying $100 for every day in hospital.", MONTHLY),
        ("Booking.com still takes its 15% commission; our booking engine takes none.", CARDS),
        ("A spray pass costs €40 to €60 per hectare in product.", HECTARES),
        ("With wheat at €210 a tonne, a better yield pays for the licence.", HECTARES),
        ("A 40-room hotel on Essential pays $610 a month for the software.", HOTEL),
        ("$1 a week for your first year, billed as $4 every 4 weeks, then $25 every 4 weeks.",
         INTRO),
    ],
)  # fmt: skip
def test_honest_money_is_not_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" not in _severities(tmp_path, claim, plans)


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        # Our own fee, charged.
        ("We charge a $50 permit fee to put the skip on the street.", SKIP),
        # The extra ton is $65, not $45.
        ("Each extra ton is $45 and each skip $400.", SKIP),
        # The card share is 1.4%, not 1.2%.
        ("A flat 1.2% on every card, with no monthly fees.", CARDS),
        # A year of accounts is $495, not $395.
        ("Catch-up accounts are $395 + VAT per year of accounts.", ACCOUNTS),
        # Four weeks of the introductory year are $4, not $6.
        ("$1 a week for your first year, billed as $6 every 4 weeks, then $25 every 4 weeks.",
         INTRO),
    ],
)  # fmt: skip
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert "error" in _severities(tmp_path, claim, plans)
