"""Kinds of price finding the held-out set 13b showed crying wolf (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where it is no misquote, beside a near miss that is still reported:

- FC302: a range of quotes ("most pay between $100 and $150 a month", "$110 to $200 a
  month") that holds a plan's figure on the same footing is explained by it; a range none
  of whose values any plan gives stays an error;
- FC302: the customer's customer's item the amount prices, and its instalments ("on a $240
  jacket your customer pays 4 payments of $60"), are not our price; "you pay us" is;
- FC302: figures of the customer's business: deal size, pipeline, bookings, deals at risk;
- FC302: a benchmark or reference price the sentence compares against ("12% below the
  reference price of $2,100 a year"), another party's price;
- FC302: what the problem costs in the customer's own staff or time ("$4 to $6 in clerk
  time");
- FC603: a reference customer's monthly payment that is the plan's monthly price plus the
  financing instalment of its equipment.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_support import findings_of, severities_of

STRATEGY = """\
funnelcheck: 1
product: {{name: Ledgerly, category: back-office software}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Small firms lose hours to paperwork and missed follow-ups.
  terms: {{paperwork: [forms]}}
segment:
  name: Small firms
value_proposition:
  statement: The paperwork done for you.
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

MONTHLY = "    - {id: standard, amount: 120, per: month}\n    - {id: plus, amount: 180, per: month}"
SHARE = (
    "    - id: merchant\n"
    "      components: [{percent: 5, of: instalment sales, fixed: 0.25, unit: order}]"
)
CHECKS = "    - id: payg\n      components: [{unit: check, amount: 0.60}]"


def _severities(tmp_path: Path, plans: str, claim: str) -> list[str]:
    return severities_of(tmp_path, STRATEGY.format(plans=plans, claim=claim))


@pytest.mark.parametrize(
    ("plans", "claim"),
    [
        # ranges of quotes holding a plan's figure
        (MONTHLY, "Most firms pay between $100 and $150 a month, depending on their size."),
        (MONTHLY, "Typical quotes are $110 to $200 a month."),
        (MONTHLY, "Offices cleaned bi-weekly pay between $160 and $190 a month."),
        (MONTHLY, "Your quote will be $100-$130 a month, tax extra."),
        # the customer's customer's item and its instalments
        (SHARE, "On a $240 jacket your customer pays 4 payments of $60, interest-free."),
        (SHARE, "On a $320 bike, their buyer pays four instalments of $80 over six weeks."),
        # the customer's business
        (MONTHLY, "One saved sale pays for a year: your average deal size is $65,000."),
        (MONTHLY, "Teams with a $25M annual pipeline see slipping deals early."),
        (MONTHLY, "A 10% slip rate puts $3M of deals at risk."),
        (MONTHLY, "Firms booking $12M in bookings a quarter rely on it."),
        # a reference price the sentence compares against
        (MONTHLY, "That is 12% below the reference price of $2,100 a year."),
        (MONTHLY, "Standard is 8% less than the default tariff of $1,560 a year for a home."),
        (MONTHLY, "Bills stay well under the regulated price cap of $2,050 a year."),
        # what the problem costs in the customer's staff or time
        (CHECKS, "Checking one invoice by hand costs $4 to $6 in clerk time."),
        (CHECKS, "Each missed follow-up costs $15 in staff hours."),
    ],
)
def test_other_money_and_ranges_of_quotes_are_not_errors(
    tmp_path: Path, plans: str, claim: str
) -> None:
    assert "error" not in _severities(tmp_path, plans, claim)


@pytest.mark.parametrize(
    ("plans", "claim"),
    [
        # a range none of whose values a plan gives, on the claim's footing
        (MONTHLY, "Most firms pay between $200 and $260 a month."),
        (MONTHLY, "Typical quotes are $60 to $100 a month."),
        (MONTHLY, "Most firms pay between $100 and $150 a year."),
        # the customer pays us
        (SHARE, "On a $240 jacket you pay us 4 payments of $60."),
        # a deal room is a thing sold, not a deal's size
        (MONTHLY, "Your deal room costs $4,000 a month."),
        # a comparison with a plan is the plan's price
        (MONTHLY, "That is 12% below the Standard plan of $2,100 a year."),
        # a cost on the plan is a price
        (CHECKS, "Each check costs $4 to $6 on the pay-as-you-go plan."),
    ],
)
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, plans: str, claim: str) -> None:
    assert "error" in _severities(tmp_path, plans, claim)


#: A typical merchant whose monthly bill is far above an instalment of $75.
SHOP = STRATEGY.replace(
    "  name: Small firms\n",
    "  name: Small firms\n"
    "  typical_customer: {{volumes: {{instalment sales: 20000}}, quantities: {{order: 100}}}}\n",
)


def test_the_shoppers_instalments_are_no_offer_of_ours(tmp_path: Path) -> None:
    # Paid for a length, yet the shopper's instalments of their own item: not even an info
    # "introductory offer the price does not model".
    claim = "On a $300 sofa your shopper pays 4 payments of $75 every two weeks."
    assert severities_of(tmp_path, SHOP.format(plans=SHARE, claim=claim)) == []
    ours = "You pay us 4 payments of $75 every two weeks."
    assert severities_of(tmp_path, SHOP.format(plans=SHARE, claim=ours)) == ["info"]


REFERENCE = """\
funnelcheck: 1
product: {{name: Porchguard, category: home security}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Parcels are stolen from porches.
  terms: {{parcel: [parcels]}}
segment:
  name: Suburban families
value_proposition:
  statement: Every porch watched.
price:
  currency: USD
  plans:
    - id: watch
      amount: 30
      per: month
      components:
        - {{fee: equipment, amount: 600, per: once, financing: {{periods: 48, per: month, apr: 0}}}}
        - {{fee: installation, amount: 99, per: once}}
reference_customers:
  - name: "Composite: a family in a suburb"
    paid: {{amount: {paid}, per: month}}
stages:
  - name: Pricing page
    role: pricing
    claims:
      - text: "Monitoring from $30 a month."
"""


def test_a_monthly_payment_with_the_equipment_financed_is_a_plan(tmp_path: Path) -> None:
    # $30 a month of monitoring plus $600 over 48 months at 0%: $42.50 a month.
    assert findings_of(tmp_path, REFERENCE.format(paid="42.50"), "FC603") == []
    found = findings_of(tmp_path, REFERENCE.format(paid="60"), "FC603")
    assert [f["severity"] for f in found] == ["warning"]
