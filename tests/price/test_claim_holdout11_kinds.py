"""Kinds of price finding the held-out set 11 showed crying wolf (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where it is no misquote, beside a near miss that is still reported:

- FC302: a rate "per hour" ("$10/hr") where a plan is priced by the hour is that unit's
  rate and is compared with it (it was read as a period no plan has, and so as no price);
- FC302: a rate with two per-units ("$0.003 per minute per month", "/GB/mo") is the rate
  per unit, read whole (it was read as "$0.003 a month");
- FC302: a per-device or per-person share of a plan's price ("less than 50 cents per device
  a month"), of a unit no plan prices and below every plan's recurring price: at most info;
- FC302: a fee for an act against the terms that is no lateness ("leaving the bike outside
  a drop-off zone costs a 100 kr fee", unauthorised, without leave) is a penalty;
- FC302: an amount sizing a business ("for a $1.2M practice") is the customer's business;
- FC603: a reference customer who paid a plan's declared introductory price (a first year
  at a lower price, a few months at a lower price then the regular one) paid a price the
  model has; the check considers every billing option and every declared offer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claim_support import severities_of

REFERENCE = """\
funnelcheck: 1
product: {{name: Tunnelguard, category: VPN}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Customers lose their accounts on open networks.
  terms: {{account: [accounts]}}
segment:
  name: Freelancers
value_proposition:
  statement: One private connection everywhere.
price:
  currency: USD
  plans:
    - id: solo
      amount: 11.99
      per: month
      billing_options: [{{amount: 89.99, per: year}}]
      introductory: {intro}
stages:
  - name: Checkout
    role: pricing
    claims:
      - text: One private connection on every network.
reference_customers:
  - name: A freelance translator
    paid: {paid}
"""


def _reference(tmp_path: Path, intro: str, paid: str) -> list[str]:
    return severities_of(tmp_path, REFERENCE.format(intro=intro, paid=paid), "FC603")


@pytest.mark.parametrize(
    ("intro", "paid"),
    [
        # the first year at the offer's yearly price
        ("{amount: 47.40, per: year, periods: 1}", "{amount: 47.40, per: year}"),
        # $2 a month for 3 months, then $11.99: 6 + 9 x 11.99 = $113.91 the first year
        ("{amount: 2, per: month, periods: 3}", "{amount: 113.91, per: year}"),
        # the offer's price on its own period
        ("{amount: 3.95, per: month, periods: 12}", "{amount: 3.95, per: month}"),
    ],
)
def test_a_reference_on_the_introductory_offer_matches(
    tmp_path: Path, intro: str, paid: str
) -> None:
    assert _reference(tmp_path, intro, paid) == []


@pytest.mark.parametrize(
    ("intro", "paid"),
    [
        ("{amount: 47.40, per: year, periods: 1}", "{amount: 30, per: year}"),
        ("{amount: 2, per: month, periods: 3}", "{amount: 1, per: month}"),
    ],
)
def test_a_reference_below_every_option_and_offer_is_reported(
    tmp_path: Path, intro: str, paid: str
) -> None:
    assert _reference(tmp_path, intro, paid) == ["warning"]


CLAIM = """\
funnelcheck: 1
product: {{name: Parkshare, category: car sharing}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Owning a car costs too much for the few trips people make.
  terms: {{car: [cars]}}
segment:
  name: City dwellers
value_proposition:
  statement: A car nearby when you need one.
price:
  currency: USD
  plans:
{plans}
stages:
  - name: Checkout
    role: pricing
    claims:
      - text: {claim}
"""

HOURLY = """\
    - id: flex
      components: [{unit: hour, amount: 9.50}, {unit: mile, amount: 0.35}]"""
MONTHLY = """\
    - {id: member, amount: 49, per: month}"""


def _claim(tmp_path: Path, claim: str, plans: str = HOURLY) -> list[str]:
    return severities_of(tmp_path, CLAIM.format(plans=plans, claim=json.dumps(claim)))


@pytest.mark.parametrize(
    "claim",
    [
        "Drive for $7/hr plus 35 cents a mile.",
        "Flex: just $7 per hour and $0.35/mi.",
    ],
)
def test_an_hourly_rate_no_plan_has_is_reported(tmp_path: Path, claim: str) -> None:
    # A rate per hour where a plan is priced by the hour is that unit's rate, compared.
    assert _claim(tmp_path, claim) == ["error"]


@pytest.mark.parametrize(
    "claim",
    ["Drive for $9.50/hr plus 35 cents a mile.", "Flex: $9.50 per hour, fuel included."],
)
def test_the_hourly_rate_a_plan_has_passes(tmp_path: Path, claim: str) -> None:
    assert _claim(tmp_path, claim) == []


def test_an_hourly_figure_where_no_plan_is_priced_by_the_hour_is_no_price(
    tmp_path: Path,
) -> None:
    # Nothing in the model is per hour: a figure per hour cannot be compared (as before).
    assert _claim(tmp_path, "Parking downtown runs $7/hr.", MONTHLY) == []


STORAGE = """\
    - id: usage
      components: [{unit: GB stored, amount: 0.021}, {unit: request, amount: 0.0004}]"""


@pytest.mark.parametrize(
    "claim",
    [
        "Archive space is $0.021 per GB per month.",
        "Keep your backups for $0.021/GB/mo.",
        "Storage runs $0.021 a GB a month.",
    ],
)
def test_a_rate_with_two_per_units_is_read_whole(tmp_path: Path, claim: str) -> None:
    # Read as "$0.021 a month" it matched no plan; it is the rate per GB (per month).
    assert _claim(tmp_path, claim, STORAGE) == []


def test_a_compound_rate_no_plan_has_is_reported(tmp_path: Path) -> None:
    assert _claim(tmp_path, "Usage: storage is $0.05 per GB per month.", STORAGE) == ["error"]


def _all(tmp_path: Path, claim: str, plans: str) -> list[str]:
    """Every FC302 severity, info included."""
    return _claim(tmp_path, claim, plans)


@pytest.mark.parametrize(
    "claim",
    [
        "Cover the whole household: under 90 cents per phone per month.",
        "Protect every laptop for less than $2 a device a month.",
    ],
)
def test_a_per_device_share_of_a_plan_is_at_most_info(tmp_path: Path, claim: str) -> None:
    # A share of the $49 plan per device or person, a unit no plan prices: the model has no
    # count to check it against, so at most info (the per-use share policy).
    assert set(_all(tmp_path, claim, MONTHLY)) <= {"info"}


def test_a_compound_rate_at_a_plans_scale_is_still_reported(tmp_path: Path) -> None:
    # Not below the plan's monthly price: no share, a misquote.
    claim = "The member plan: $59 per car per month."
    assert _claim(tmp_path, claim, MONTHLY) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "Parking the car outside the home zone costs a $40 fee.",
        "Scooters left outside the service area carry a $25 charge.",
        "Unauthorised drivers mean a $200 penalty.",
    ],
)
def test_a_fee_for_an_act_against_the_terms_is_a_penalty(tmp_path: Path, claim: str) -> None:
    # A penalty for a lapse that is no lateness (where, who, without leave), named as a fee.
    assert _claim(tmp_path, claim, MONTHLY) == []


def test_a_fee_with_no_lapse_is_still_reported(tmp_path: Path) -> None:
    claim = "Parking the car is included; membership costs a $40 fee a month."
    assert _claim(tmp_path, claim, MONTHLY) == ["error"]


@pytest.mark.parametrize(
    "claim",
    [
        "For a $3M agency, a week of rework is a lot.",
        "Built for every $500k family business.",
    ],
)
def test_a_business_sized_by_its_revenue_is_no_price(tmp_path: Path, claim: str) -> None:
    assert _claim(tmp_path, claim, MONTHLY) == []


def test_a_plan_priced_beside_a_business_word_is_reported(tmp_path: Path) -> None:
    assert _claim(tmp_path, "The member plan is $59 a month for any agency.", MONTHLY) == ["error"]
