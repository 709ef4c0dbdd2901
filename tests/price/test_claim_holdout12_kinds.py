"""Kinds of price finding the held-out set 12 showed crying wolf (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where it is no misquote, beside a near miss that is still reported:

- FC302: an amount said to be rounded ("about $6 a day" for $6.25) may be off by half a
  unit of its last written digit, at most a tenth;
- FC302: a price "per vehicle per month" where a plan is priced per seat and sells no
  vehicle is a seat price, by the customer's word for a seat;
- FC302: a change by an amount ("premiums drop by $900"), and an amount later in a sentence
  that cuts costs or states a gain ("cut feed costs by 6%, about $4,000 a year"), is not a
  price, unless it is what the cut leads to or buys ("cut your bill to $40 a month");
- FC302: the price of a thing the customer sells ("sell a $90 class") is theirs;
- FC302: "from" on a unit's rate may be either end of its plans' rates (pay as you go's
  entry rate, or the volume rate), not one between;
- FC302: another product, sold on its own ("a separate subscription from $45 a month"), is
  not the plans' price;
- FC302: a "from" price quoted for an example customer the model does not describe ("for
  a 25-year-old non-smoker") is at most info.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_support import severities_of

STRATEGY = """\
funnelcheck: 1
product: {{name: Fieldnote, category: farm and fleet software}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Operators lose track of their herds, vehicles and messages.
  terms: {{herd: [herds]}}
segment:
  name: Mid-sized operators
  typical_customer: {{quantities: {{seat: 10}}}}
value_proposition:
  statement: Every record in one place.
price:
  currency: USD
  plans:
{plans}
stages:
  - name: Pricing page
    role: pricing
    claims:
      - text: "{claim}"
"""

YEARLY = "    - {id: premium, amount: 2280, per: year}"
SEATS = "    - {id: fleet, amount: 33, per: seat-month}"
MESSAGES = (
    "    - id: payg\n      components: [{unit: message, amount: 0.05}]\n"
    "    - id: volume\n      amount: 100\n      per: month\n"
    "      components: [{unit: message, amount: 0.03}]"
)
MONTHLY = "    - {id: digital, amount: 28, per: month}"


def _severities(tmp_path: Path, plans: str, claim: str) -> list[str]:
    return severities_of(tmp_path, STRATEGY.format(plans=plans, claim=claim))


@pytest.mark.parametrize(
    ("plans", "claim"),
    [
        (YEARLY, "Premium is $2,280 a year - about $6 a day for every record."),
        (YEARLY, "Premium works out at roughly $190 a month."),
        (SEATS, "Licences from $33 per vehicle per month, billed annually."),
        (SEATS, "Safer drivers see their insurance premium drop by $900 at renewal."),
        (SEATS, "Operators cut fuel costs by 6% on average, about $4,000 per truck a year."),
        (YEARLY, "Herds gain 5% more weight - at market prices, that's about $9,000 a year."),
        (YEARLY, "Sell a $90 calf on the marketplace and keep all of it."),
        (MESSAGES, "Messages from $0.05 each, pay as you go, dropping to $0.03 at volume."),
        (MESSAGES, "Messages from $0.03 each at volume."),
        (MONTHLY, "The print edition is a separate subscription from $45 a month."),
        (MONTHLY, "Hardware is sold separately, from $45 a month."),
    ],
)
def test_other_money_and_rounded_figures_are_not_errors(
    tmp_path: Path, plans: str, claim: str
) -> None:
    assert "error" not in _severities(tmp_path, plans, claim)


@pytest.mark.parametrize(
    ("plans", "claim"),
    [
        # rounded, but further off than half a unit of its last digit
        (YEARLY, "Premium is $2,280 a year - about $7 a day for every record."),
        # not said to be rounded: the 2% tolerance
        (YEARLY, "Premium is $2,280 a year - $6 a day for every record."),
        (SEATS, "Licences from $35 per vehicle per month, billed annually."),
        # what the cut leads to, or buys, is a price
        (SEATS, "Cut your software bill to $40 a month per vehicle."),
        (YEARLY, "Cut costs with Premium at $2,000 a year."),
        (YEARLY, "Sell more with Premium at $2,000 a year."),
        # between the two ends of a unit's rates
        (MESSAGES, "Messages from $0.04 each."),
        (MONTHLY, "The digital edition is a subscription from $45 a month."),
    ],
)
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, plans: str, claim: str) -> None:
    assert _severities(tmp_path, plans, claim) == ["error"]


INSURANCE = "    - {id: cover, amount: 58, per: month}"


def test_a_from_price_for_an_example_customer_is_at_most_info(tmp_path: Path) -> None:
    claim = "Cover starts from $34.50 a month for a 25-year-old non-smoker."
    assert _severities(tmp_path, INSURANCE, claim) == ["info"]
    assert _severities(tmp_path, INSURANCE, "Cover starts from $34.50 a month.") == ["error"]
