"""The one price footing: what the typical customer pays on each plan, exactly (issue 14).

Each shape of docs/format.md is priced by hand here, from tests/price/shapes.yaml.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from funnelcheck.input.load import load_text
from funnelcheck.model.footing import Footing, explainers, explains, reaches
from funnelcheck.model.strategy import Strategy

D = Decimal
SHAPES = Path(__file__).resolve().parent / "shapes.yaml"


def _strategy(data: dict[str, Any]) -> Strategy:
    return Strategy(file="x", data=data, as_of=dt.date(2026, 11, 22))


@pytest.fixture(scope="module")
def shapes() -> Footing:
    loaded = load_text(SHAPES.read_text(encoding="utf-8"))
    return _strategy(loaded.data).footing


@pytest.mark.parametrize(
    ("plan", "one_time", "monthly"),
    [
        ("team", "0", "499"),
        # 700 + 37 extra seats × 40 + 2 extra blocks of 5,000 contacts × 200 + 14 × 8
        ("pro", "0", "2692"),
        # 20,000 messages × 0.0079 + 3 numbers × 1.15
        ("pay-as-you-go", "0", "161.45"),
        # 15 + 15 extra blocks of 1,000 emails × 1.50
        ("essentials", "0", "37.5"),
        ("membership", "299", "6"),
        # 2.9% of 40,000 + 800 charges × 0.30
        ("payments", "0", "1400"),
        # 40 seats × 150
        ("business", "0", "6000"),
        ("enterprise", "3000", "2000"),
        # the dispute fee is billed only where the typical customer has disputes
        ("standard", "0", "0"),
        ("kitchen-kit", "1450", "0"),
    ],
)
def test_each_shape_is_priced_for_the_typical_customer(
    shapes: Footing, plan: str, one_time: str, monthly: str
) -> None:
    found = shapes.by_id(plan)
    assert found is not None
    bill = found.own
    assert bill.one_time == D(one_time)
    assert bill.monthly == D(monthly)
    assert bill.yearly == D(monthly) * 12
    assert bill.first_year == D(one_time) + D(monthly) * 12
    assert bill.assumptions == ()


def test_a_billing_option_is_another_bill_for_the_same_plan(shapes: Footing) -> None:
    membership = shapes.by_id("membership")
    assert membership is not None
    assert [b.first_year for b in membership.bills] == [D(371), D(359)]
    assert membership.cheapest.option == 0
    assert membership.bill_on("month").option is None
    assert membership.bill_on("year").option == 0
    assert membership.own.life_years == D(4)


def test_free_plans_are_not_paid_and_the_cheapest_is_of_the_plan_mix(shapes: Footing) -> None:
    assert "standard" not in {plan.id for plan in shapes.paid}
    cheapest = shapes.cheapest_typical()
    assert cheapest is not None and cheapest.plan_id == "team"  # the mix: team and pro


def test_a_missing_quantity_is_the_least_the_plan_bills_and_is_named() -> None:
    footing = _strategy(
        {
            "price": {
                "currency": "USD",
                "plans": [
                    {"id": "seats", "amount": 30, "per": "seat-month", "seats_min": 20},
                    {
                        "id": "payroll",
                        "amount": 59,
                        "per": "month",
                        "components": [{"unit": "employee", "amount": 8, "minimum": 5}],
                    },
                    {"id": "pay", "components": [{"percent": 2.9, "of": "payment volume"}]},
                ],
            }
        }
    ).footing
    seats, payroll, pay = footing.plans
    assert seats.own.yearly == D(7200)
    assert "20 seats are assumed (the fewest the plan sells)" in seats.assumptions[0]
    assert payroll.own.monthly == D(59 + 5 * 8)
    assert "`employee`" in payroll.assumptions[0] and "5 a month" in payroll.assumptions[0]
    assert pay.own.yearly == 0 and "payment volume" in pay.assumptions[0]


def test_figures_are_exact_decimals_never_floats() -> None:
    footing = _strategy(
        {
            "segment": {"typical_customer": {"quantities": {"message": 3}}},
            "price": {"plans": [{"id": "u", "components": [{"unit": "message", "amount": 0.1}]}]},
        }
    ).footing
    assert footing.plans[0].own.monthly == D("0.3")  # 0.1 × 3, not 0.30000000000000004


def test_a_claim_amount_is_explained_on_its_footing(shapes: Footing) -> None:
    found = explainers(shapes)

    def ok(amount: str, per: str | None, **kw: bool) -> bool:
        options = {"per_unit": False, "floor": False, "at_most": False, **kw}
        return explains(found, D(amount), per, tolerance=D("0.02"), **options)

    assert ok("0.0079", None, per_unit=True)  # a usage rate, per message
    assert ok("40", "month", per_unit=True)  # an extra seat
    assert ok("3000", "once")  # onboarding
    assert ok("299", None, floor=True)  # "from $299": the only device
    assert ok("5988", "year")  # team, on a year
    assert ok("69.99", "year") is False
    assert not ok("499", None, floor=True)  # "from $499": the membership is $6
    assert ok("6", None, floor=True)
    assert ok("20", "month", at_most=True)  # "less than $20 a month": $15 essentials


def test_a_bill_reaches_another_whole_quantity_but_not_a_fraction() -> None:
    footing = _strategy(
        {"price": {"plans": [{"id": "s", "amount": 500, "per": "seat-month"}]}}
    ).footing
    bill = footing.plans[0].own
    assert reaches(bill, D(6000 * 7), D("0.02"))
    assert not reaches(bill, D(9000), D("0.10"))
    assert not reaches(bill, D(3000), D("0.10"))  # below one seat
