"""`funnelcheck diff` on prices: every figure of the price footing that moved, and the claims
whose money the old price explained and the new does not (issue 18), run as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli_diff import TEXT, diff, diff_json, write

# The sample's one plan, with what real price pages have: a yearly billing option, a unit
# rate with one included, usage in blocks beyond an allowance, a one-time fee.
RICH_PLAN = """\
    - id: team
      amount: 499
      per: month
      includes: [auto-match, journal-sync]
      billing_options: [{amount: 4990, per: year}]
      components:
        - {unit: entity, amount: 50, per: month, included: 1}
        - {unit: payout, amount: 2, block: 1000, included: 5000}
        - {fee: onboarding, amount: 1500, per: once}
"""
RICH = (
    TEXT.replace(
        "    - {id: team, amount: 499, per: month, includes: [auto-match, journal-sync]}\n",
        RICH_PLAN,
    )
    .replace(
        "  size: 12000\n",
        "  size: 12000\n  typical_customer: {quantities: {entity: 3, payout: 12000}}\n",
    )
    .replace(
        "One plan at $399 a month, less than",
        "One plan at $499 a month ($4,990 a year), $50 a month per extra entity and $2 per "
        "1,000 payouts beyond 5,000, with $1,500 onboarding once, less than",
    )
)
# Every figure moves; the claims are left as they were.
RAISED = (
    RICH.replace("amount: 499", "amount: 549")
    .replace("{amount: 4990, per: year}", "{amount: 5490, per: year}")
    .replace("{unit: entity, amount: 50,", "{unit: entity, amount: 60,")
    .replace("{fee: onboarding, amount: 1500,", "{fee: onboarding, amount: 2000,")
    .replace("included: 5000}", "included: 8000}")
)


def rows(entry: dict) -> dict[tuple[str, str, str], dict]:
    return {(d["kind"], d["change"], d["where"]): d for d in entry["details"]}


def test_the_sample_plan_is_the_rich_one() -> None:
    # The replacements above took: a test of nothing would pass too.
    assert RICH.count("billing_options") == 1 and "typical_customer" in RICH
    assert "$1,500 onboarding once" in RICH
    assert "amount: 549" in RAISED and "included: 8000" in RAISED


@pytest.mark.slow
def test_every_figure_that_moved_and_every_claim_still_quoting_the_old(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", RICH)
    new = write(tmp_path / "new.yaml", RAISED)
    # The older side's own price claims all hold: nothing FC302 says there.
    code, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    assert not [f for f in entry["resolved"] if f["code"] == "FC302"]
    found = rows(entry)
    moved = {
        where: (d["old"], d["new"]) for (kind, _, where), d in found.items() if kind == "price"
    }
    assert moved == {
        "team: price": ("$499 a month", "$549 a month"),
        "team: billed per year": ("$4,990 a year", "$5,490 a year"),
        "team: unit `entity`": (
            "$50 a month per entity beyond 1",
            "$60 a month per entity beyond 1",
        ),
        "team: unit `payout`": (
            "$2 per 1,000 payouts beyond 5,000",
            "$2 per 1,000 payouts beyond 8,000",
        ),
        "team: fee `onboarding`": ("$1,500 once (onboarding)", "$2,000 once (onboarding)"),
        "team: typical bill": (
            "$8,856 in the first year ($1,500 once, then $7,356 a year)",
            "$10,124 in the first year ($2,000 once, then $8,124 a year)",
        ),
    }
    assert found[("price", "changed", "team: price")]["what"] == "$499 a month -> $549 a month"
    # The proposal still quotes four figures of the old price; FC302 now finds each.
    outdated = [d for d in entry["details"] if d["change"] == "outdated"]
    assert {d["where"] for d in outdated} == {"Proposal"}
    said = {d["what"].split(",")[0]: (d["old"], d["new"]) for d in outdated}
    assert said == {
        "quotes $499 a month": ("$499 a month", "$549 a month"),
        "quotes $4": ("$4,990 a year", "$5,490 a year"),
        "quotes $50 a month per extra": (
            "$50 a month per entity beyond 1",
            "$60 a month per entity beyond 1",
        ),
        "quotes $1": ("$1,500 once (onboarding)", "$2,000 once (onboarding)"),
    }
    what = " | ".join(d["what"] for d in outdated)
    assert "the old `team` price billed per year" in what
    assert "the old `team` fee `onboarding`" in what
    assert "the old `team` unit `entity`" in what
    # The payout rate did not change, only its allowance: "$2 per 1,000" still holds.
    assert "quotes $2 " not in what
    introduced = [f for f in entry["introduced"] if f["code"] == "FC302"]
    assert len(introduced) == len(outdated) == 4
    assert code == 1
    # The table and the pull-request comment say the same.
    table = diff(str(old), str(new), "--fail-on", "never")
    assert table.returncode == 0
    assert "claim outdated" in table.stdout and "team: typical bill" in table.stdout
    markdown = diff(str(old), str(new), "-f", "markdown").stdout
    assert "| claim outdated | Proposal | quotes \\$499 a month" in markdown
    assert "| price changed | team: fee \\`onboarding\\` | \\$1,500 once" in markdown


def test_a_percentage_the_claim_still_names(tmp_path: Path) -> None:
    # A payments plan: a share of the volume plus a fixed fee per charge.
    plan = (
        "    - id: standard\n"
        "      components: [{percent: 2.9, of: payment volume, fixed: 0.30, unit: charge}]\n"
    )
    text = (
        TEXT.replace(
            "    - {id: team, amount: 499, per: month, includes: [auto-match, journal-sync]}\n",
            plan,
        )
        .replace(
            "  size: 12000\n",
            "  size: 12000\n  typical_customer:\n"
            "    quantities: {charge: 2000}\n    volumes: {payment volume: 100000}\n",
        )
        .replace("One plan at $399 a month,", "2.9% + 30¢ per successful card charge,")
    )
    assert "percent: 2.9" in text and "2.9% + 30¢" in text
    old = write(tmp_path / "old.yaml", text)
    new = write(tmp_path / "new.yaml", text.replace("percent: 2.9,", "percent: 3.4,"))
    _, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    found = rows(entry)
    share = found[("price", "changed", "standard: percent of `payment volume`")]
    assert (share["old"], share["new"]) == (
        "2.9% of payment volume + $0.30 per charge",
        "3.4% of payment volume + $0.30 per charge",
    )
    bill = found[("price", "changed", "standard: typical bill")]
    assert (bill["old"], bill["new"]) == (
        "$42,000 a year ($3,500 a month)",
        "$48,000 a year ($4,000 a month)",
    )
    [outdated] = [d for d in entry["details"] if d["change"] == "outdated"]
    assert outdated["what"].startswith(
        "quotes 2.9%, the old `standard` percent of `payment volume`"
    )


def test_plans_added_removed_and_the_currency(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", RICH)
    two_plans = RICH.replace(
        "    - id: team\n",
        "    - {id: solo, amount: 99, per: month, includes: [auto-match]}\n    - id: team\n",
    )
    new = write(tmp_path / "new.yaml", two_plans)
    _, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    [added] = [d for d in entry["details"] if d["kind"] == "price"]
    assert (added["change"], added["where"], added["what"]) == ("added", "solo", "$99 a month")
    assert added["old"] is None and added["new"] == "$99 a month"
    # The other way round, and in euros: the plan is removed, the currency changed, and
    # every dollar the proposal names is now another currency's (FC305's), not outdated.
    euros = RICH.replace("currency: USD", "currency: EUR")
    back = write(tmp_path / "euros.yaml", euros)
    _, document = diff_json(str(new), str(back))
    [entry] = document["strategies"]
    found = rows(entry)
    assert found[("price", "removed", "solo")]["what"] == "$99 a month"
    currency = found[("price", "changed", "currency")]
    assert (currency["old"], currency["new"]) == ("USD", "EUR")
    assert found[("price", "changed", "team: price")]["what"] == "$499 a month -> €499 a month"
    assert not [d for d in entry["details"] if d["change"] == "outdated"]


def test_a_price_nobody_quotes_moved_and_a_side_without_the_shape(tmp_path: Path) -> None:
    # Only the typical customer changed: the bill moved, no price did.
    old = write(tmp_path / "old.yaml", RICH)
    more = RICH.replace("{entity: 3, payout: 12000}", "{entity: 5, payout: 12000}")
    new = write(tmp_path / "new.yaml", more)
    code, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    assert [(d["kind"], d["where"]) for d in entry["details"]] == [("price", "team: typical bill")]
    assert code == 0
    # A newer side the schema refuses (a stage without its role): its input finding is
    # introduced, and the diff still says what it can, prices and claims included.
    broken = RAISED.replace("    role: pricing\n", "", 1).replace("n: 10,", "n: 12,")
    assert broken.count("role: pricing") == RAISED.count("role: pricing") - 1
    bad = write(tmp_path / "bad.yaml", broken)
    code, document = diff_json(str(old), str(bad))
    [entry] = document["strategies"]
    assert [f["code"] for f in entry["introduced"]] == ["FC002"]
    found = rows(entry)
    assert found[("price", "changed", "team: price")]["what"] == "$499 a month -> $549 a month"
    assert ("claim", "outdated", "Proposal") in found
    assert "n 10 -> 12" in found[("evidence", "changed", "finance-interviews")]["what"]
    assert code == 1


def test_a_competitors_price_is_no_outdated_claim(tmp_path: Path) -> None:
    # The claim sets the product against a competitor ("switch from Ledgerhub") and names
    # the competitor's price, which happens to be the old plan's $499. FC302 reads that
    # money as the competitor's (the names the strategy sets itself against), and so does
    # diff: one reading of a claim's money, so the raise is no "claim still quoting $499".
    claim = (
        "One plan at $PRICE a month. Teams switch from Ledgerhub, where Ledgerhub Pro runs "
        "$499 a month for card payouts alone; less than"
    )
    text = TEXT.replace("One plan at $399 a month, less than", claim.replace("PRICE", "499"))
    raised = text.replace("amount: 499, per: month", "amount: 549, per: month").replace(
        "One plan at $499 a month.", "One plan at $549 a month."
    )
    assert "Ledgerhub Pro runs $499" in raised and "amount: 549" in raised
    old = write(tmp_path / "old.yaml", text)
    new = write(tmp_path / "new.yaml", raised)
    code, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    found = rows(entry)
    assert found[("price", "changed", "team: price")]["what"] == "$499 a month -> $549 a month"
    assert [d for d in entry["details"] if d["change"] == "outdated"] == []
    assert not [f for f in entry["introduced"] if f["code"] == "FC302"]
    assert code == 0
    # Without the competitor the same $499 is the old price, still quoted.
    plain = raised.replace(
        "Teams switch from Ledgerhub, where Ledgerhub Pro runs", "Our old plan ran"
    )
    assert "Ledgerhub" not in plain
    code, document = diff_json(str(old), str(write(tmp_path / "plain.yaml", plain)))
    [entry] = document["strategies"]
    [outdated] = [d for d in entry["details"] if d["change"] == "outdated"]
    assert outdated["what"].startswith("quotes $499 a month, the old `team` price")
