"""Kinds of money in a claim that the held-out set 3 showed FC302 misreading (issue 14), as
a user runs the checker (`funnelcheck check FILE --select FC302 --format json`). Each kind
is tried where it is no price and beside a near miss that still is one.

- a relative clause hanging on a competitor's name ("unlike ShiftCycle, where classes run
  $45.99 a month") is the competitor's price;
- the problem's cost said as a cost ("riding alone costs a parent about $150 a month"
  where `problem.cost` is $1,800 a year) is no price;
- a seat plan's least bill, at its fewest seats ("a minimum annual contract of $1,512"), is
  a figure of the model;
- "$0" beside a length ("try 1 month for $0") is a free spell, an offer: explained by a
  modelled `introductory` offer, else an info saying so, never "no plan is free".
"""

from __future__ import annotations

from pathlib import Path

from tests.price.test_price_offers import STORE, _fc302, _strategy

MONTHLY = "    - {id: all-access, amount: 44, per: month}\n"


def test_a_relative_clause_on_a_competitor_is_its_price(tmp_path: Path) -> None:
    claim = "No contracts, no hidden fees - unlike ShiftCycle, where classes run $45.99 a month."
    assert _fc302(_strategy(tmp_path, MONTHLY, claim)) == []
    # Without the competitor the same clause is our price, and no plan's.
    plain = "No contracts, no hidden fees - and classes, which run $45.99 a month."
    assert [f["severity"] for f in _fc302(_strategy(tmp_path, MONTHLY, plain))] == ["error"]


def test_the_problems_cost_said_as_a_cost_is_no_price(tmp_path: Path) -> None:
    # problem.cost is $1,800 a year: $150 a month.
    claim = "Riding alone costs a parent about $150 a month in missed classes."
    assert _fc302(_strategy(tmp_path, MONTHLY, claim)) == []
    # The same figure said as the product's price is compared, and is no plan's.
    price = "All-access is $150 a month."
    assert [f["severity"] for f in _fc302(_strategy(tmp_path, MONTHLY, price))] == ["error"]
    # A cost that is not the problem's is still compared.
    other = "Riding alone costs a parent about $95 a month."
    assert [f["severity"] for f in _fc302(_strategy(tmp_path, MONTHLY, other))] == ["error"]


def test_a_seat_plans_least_bill_is_a_figure_of_the_model(tmp_path: Path) -> None:
    seats = "    - {id: sso, amount: 2, per: seat-month, billed: year, seats_min: 63}\n"
    claim = (
        "SSO is $2 per user per month, billed annually, with a minimum annual contract of $1,512."
    )
    assert _fc302(_strategy(tmp_path, seats, claim)) == []
    short = "SSO is $2 per user per month, with a minimum annual contract of $1,200."
    assert [f["severity"] for f in _fc302(_strategy(tmp_path, seats, short))] == ["error"]


def test_zero_for_a_length_is_a_free_spell_not_a_free_plan(tmp_path: Path) -> None:
    claim = "Listen without ads - try 1 month for $0."
    offer = (
        "    - {id: basic, amount: 39, per: month,"
        " introductory: {amount: 0, per: month, periods: 1}}\n"
    )
    assert _fc302(_strategy(tmp_path, offer, claim)) == []
    found = _fc302(_strategy(tmp_path, STORE, claim))
    assert [f["severity"] for f in found] == ["info"], found
    assert "no plan is free" not in found[0]["message"]
    assert [
        f["severity"] for f in _fc302(_strategy(tmp_path, STORE, "$0 for your first 30 days."))
    ] == ["info"]
    # "$0 a month" with no length is still a free plan that none of the plans is.
    free = _fc302(_strategy(tmp_path, STORE, "Listen for $0 a month."))
    assert [f["severity"] for f in free] == ["error"]
    assert "no plan is free" in free[0]["message"]
