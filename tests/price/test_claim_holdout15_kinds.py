"""Kinds of price finding the held-out sets 15 and 15b showed (issue 14), in wordings of
our own, as a user runs the checker (`funnelcheck check FILE --select ... --format json`).
Each kind is tried where the amount is no misquote, beside a near miss still reported:

- a range's low bound takes the high's multiplier only where it stays the lower ("from
  £1,000 to £1m" is a thousand to a million, not a billion);
- loans from and to an amount are what the customer borrows; a total of interest over a
  term ("about $700 in interest in total") is at most info;
- money the customer gets back ("get back up to $500 a year") is theirs;
- the customer's average ticket "from $300 to $380" is their business;
- a sentence's price per seat in the customer's word ("per technician per month") applies
  to its other amounts ("Max at $398");
- a sentence naming a fee gives percentages to plans named after them ("25% at Bronze");
- FC305: a competitor's price in its own currency is not reported;
- FC301: a seat plan's seats by the customer's word (`quantities: {employee: 180}`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_support import findings_of

STRATEGY = """\
funnelcheck: 1
product: {{name: Fieldcrew, category: field service software}}
reviewed: 2026-11-20
problem:
  id: the-problem
  statement: Trades firms lose jobs to slow quotes.
  terms: {{quote: [quotes]}}
  alternatives: [AWS S3]
segment:
  name: Trades firms
  budget: {{amount: 20000, per: year}}
  typical_customer: {{quantities: {quantities}}}
value_proposition:
  statement: Quotes out the same day.
price:
  currency: {currency}
  plans:
{plans}
stages:
  - name: Pricing page
    role: pricing
    claims:
      - text: "{claim}"
"""

ONE = "    - {id: core, amount: 45, per: month}"
ONCE = "    - {id: project, amount: 1000, per: once}"
SEATS = (
    "    - {id: core, amount: 245, per: seat-month}\n    - {id: max, amount: 398, per: seat-month}"
)
TIERS = (
    "    - id: bronze\n      components: [{percent: 20, of: completed jobs}]\n"
    "    - id: silver\n      components: [{percent: 15, of: completed jobs}]"
)
PER_SEAT = "    - {id: team, amount: 10, per: seat-month, seats_min: 50}"


def _findings(
    tmp_path: Path,
    claim: str,
    plans: str = ONE,
    currency: str = "USD",
    code: str = "FC302",
    quantities: str = "{}",
) -> list[dict[str, object]]:
    text = STRATEGY.format(claim=claim, plans=plans, currency=currency, quantities=quantities)
    return findings_of(tmp_path, text, code)


def _severities(tmp_path: Path, claim: str, plans: str = ONE, **kwargs: str) -> list[str]:
    return [str(f["severity"]) for f in _findings(tmp_path, claim, plans, **kwargs)]


def test_a_range_multiplier_keeps_the_low_bound_lower(tmp_path: Path) -> None:
    # The plan (£1,000) is inside "from £1,000 to £1m": explained, as a range of quotes.
    assert _findings(tmp_path, "Projects from £1,000 to £1m.", ONCE, currency="GBP") == []
    # Beside a plan above the range, both ends are reported as written: £1,000, not a
    # billion (the low bound took the high's multiplier).
    big = ONCE.replace("1000", "2000000")
    found = _findings(tmp_path, "Projects from £1,000 to £1m.", big, currency="GBP")
    amounts = [f["data"]["amount"] for f in found]  # type: ignore[index]
    assert amounts and 1000000000 not in amounts and set(amounts) <= {1000, 1000000}


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("Business loans from $1,000 to $250,000, decided the same day.", ONE),
        ("Get back up to $500 a year on physio and dental.", ONE),
        ("Crews grow their average ticket from $300 to $380 in a year.", ONE),
        ("Core is $245 per technician per month, Max at $398, billed annually.", SEATS),
        ("Our service fee is 20% at Bronze, dropping to 15% at Silver.", TIERS),
    ],
)
def test_other_money_and_its_own_figures_are_not_errors(
    tmp_path: Path, claim: str, plans: str
) -> None:
    assert "error" not in _severities(tmp_path, claim, plans)


def test_interest_over_a_term_is_at_most_info(tmp_path: Path) -> None:
    claim = "Borrow $8,000 and you pay about $700 in interest in total."
    assert _severities(tmp_path, claim) == ["info"]
    assert _severities(tmp_path, "Borrow $8,000 and you pay us $700 a month.") == ["error"]


@pytest.mark.parametrize(
    ("claim", "plans"),
    [
        ("Get the whole plan for $500 a year.", ONE),
        ("Plans from $300 a month.", ONE),
        ("Core is $245 per technician per month, Max at $350, billed annually.", SEATS),
        ("Our service fee is 25% at Bronze, dropping to 15% at Silver.", TIERS),
    ],
)
def test_a_misquote_beside_them_is_still_an_error(tmp_path: Path, claim: str, plans: str) -> None:
    assert _severities(tmp_path, claim, plans) == ["error"]


def test_a_competitors_price_in_its_own_currency_is_not_a_currency_mismatch(
    tmp_path: Path,
) -> None:
    claim = "AWS S3 charges about $0.023 per GB stored."
    assert _severities(tmp_path, claim, currency="EUR", code="FC305") == []
    near = "Storage is $0.023 per GB stored."
    assert _severities(tmp_path, near, currency="EUR", code="FC305") == ["warning"]


def test_seats_are_counted_in_the_customers_own_word(tmp_path: Path) -> None:
    claim = "One plan for the whole crew."
    # 180 employees x $10 x 12 = $21,600 a year, over the $20,000 budget.
    over = _findings(tmp_path, claim, PER_SEAT, code="FC301", quantities="{employee: 180}")
    assert [f["severity"] for f in over] == ["error"]
    # 100 employees: the 50-seat minimum is not the figure, 100 seats are: $12,000.
    under = _findings(tmp_path, claim, PER_SEAT, code="FC301", quantities="{employee: 100}")
    assert under == []
