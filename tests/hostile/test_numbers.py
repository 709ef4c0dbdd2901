"""Ordinary numbers never crash a rule: NaN and infinities are input errors, the rest exact.

Issue 12, item 5: a claim price of 10^28 (InvalidOperation in FC302), `amount: .nan`
(FC301), `.inf` (FC302), `low: .nan` (FC304), sixteen stages converting 1.0e-300 (FC502
hit the 4,300-digit limit) and a 4,300-digit amount crashed the rules. NaN and infinities
are now FC002 at their line; every finite figure the schema accepts is compared exactly
(one decimal context for every rule, wide enough for any product of figures read) and
shown readably ("1 × 10^28", never dozens of digits).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hostile_support import AS_OF, FORMATS, ROOT, run_cli

LEDGERLINE = (ROOT / "sample_strategies" / "ledgerline.yaml").read_text(encoding="utf-8")
CLEAN = (ROOT / "sample_strategies" / "clean-b2b-saas.yaml").read_text(encoding="utf-8")
#: A figure written out in more digits than anyone reads (with or without separators).
LONG_FIGURE = re.compile(r"\d[\d,]{40,}")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _sixteen_tiny_stages() -> str:
    head = LEDGERLINE[: LEDGERLINE.index("stages:")]
    stages = "".join(
        f"  - {{name: Stage {n}, role: {'marketing' if n == 0 else 'sales'}, "
        "conversion: 1.0e-300, pitch: Payouts reconcile against the ledger.}\n"
        for n in range(16)
    )
    return head + "stages:\n" + stages


#: name -> (strategy text, the text the bad value is on, or None where nothing is bad).
NOT_FIGURES = {
    "budget-nan": (LEDGERLINE.replace("budget: {amount: 15000", "budget: {amount: .nan"), "budget"),
    "cost-nan": (LEDGERLINE.replace("cost: {amount: 6000", "cost: {amount: .nan"), "cost:"),
    "plan-inf": (LEDGERLINE.replace("amount: 499,", "amount: .inf,"), "amount: .inf"),
    "plan-minus-inf": (LEDGERLINE.replace("amount: 499,", "amount: -.Inf,"), "amount: -.Inf"),
    "low-nan": (
        CLEAN.replace("willingness_to_pay: {low: 6000", "willingness_to_pay: {low: .nan"),
        "willingness_to_pay",
    ),
    "conversion-nan": (LEDGERLINE.replace("conversion: 0.40", "conversion: .NaN"), ".NaN"),
    "overflowing-float": (
        LEDGERLINE.replace("amount: 499,", "amount: " + "9" * 400 + ".5,"),
        "amount: 999",
    ),
}
FIGURES = {
    "claim-10^28": LEDGERLINE.replace("$399 a month", "$10000000000000000000000000000 a month"),
    "claim-10^4200": LEDGERLINE.replace("$399 a month", "$" + "9" * 4200 + " a month"),
    "claim-tiny": LEDGERLINE.replace("$399 a month", "$0.0000001 a month"),
    "amount-4300-digits": LEDGERLINE.replace("amount: 499,", "amount: " + "9" * 4300 + ","),
    "budget-4300-digits": LEDGERLINE.replace(
        "budget: {amount: 15000", "budget: {amount: " + "8" * 4300
    ),
    "customers-4300-digits": LEDGERLINE.replace("customers: 40", "customers: " + "7" * 4300),
    "sixteen-tiny-conversions": _sixteen_tiny_stages(),
    "tiny-amount": LEDGERLINE.replace("amount: 499,", "amount: 1.0e-300,"),
    "revenue-customers-4300-digits": CLEAN.replace("customers: 30", "customers: " + "9" * 4300),
    "revenue-4300-digits": CLEAN.replace(
        "revenue: {amount: 900000", "revenue: {amount: " + "9" * 4300
    ),
    "cost-4300-digits": CLEAN.replace("cost: {amount: ", "cost: {amount: " + "1" * 4290),
    "seats-4300-digits": LEDGERLINE.replace(
        "amount: 499, per: month", "amount: 499, per: seat-month, seats_min: " + "3" * 4300
    ),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every case in one CLI run, every format written to a file."""
    folder = tmp_path_factory.mktemp("numbers")
    for name, (text, _) in NOT_FIGURES.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    for name, text in FIGURES.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    args = [a for fmt in FORMATS for a in ("-f", f"{fmt}:out.{fmt}")]
    proc = run_cli("check", ".", "--as-of", AS_OF, *args, cwd=folder)
    assert proc.returncode == 1, proc.stderr.decode()[-3000:]
    document = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    return {
        "folder": folder,
        "files": {f["file"].removesuffix(".yaml"): f for f in document["files"]},
    }


@pytest.mark.parametrize("name", sorted(NOT_FIGURES))
def test_nan_and_infinities_are_fc002_at_their_line(run: dict[str, Any], name: str) -> None:
    text, needle = NOT_FIGURES[name]
    findings = run["files"][name]["findings"]
    lines = [f["line"] for f in findings if f["code"] == "FC002"]
    assert _line_of(text, needle) in lines, [(f["code"], f["line"]) for f in findings]
    assert not any(f["code"] == "FC010" for f in findings)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_finite_figure_is_checked_and_shown_readably(run: dict[str, Any], name: str) -> None:
    result = run["files"][name]
    assert result.get("error") is None
    findings = result["findings"]
    codes = {f["code"] for f in findings}
    assert "FC010" not in codes, [f["message"] for f in findings if f["code"] == "FC010"]
    assert "FC002" not in codes, [f["message"] for f in findings if f["code"] == "FC002"]
    for finding in findings:
        assert not LONG_FIGURE.search(finding["message"]), finding["message"][:300]


def test_the_figures_the_issue_names_are_reported(run: dict[str, Any]) -> None:
    files = run["files"]

    def messages(name: str, code: str) -> list[str]:
        return [f["message"] for f in files[name]["findings"] if f["code"] == code]

    assert any("$1 × 10^28 a month" in m for m in messages("claim-10^28", "FC302"))
    # FC502 says the funnel keeps less than one lead in 10^30 (the funnel's own bound).
    assert any("10^30" in m for m in messages("sixteen-tiny-conversions", "FC502"))
    assert any("10^4301 leads" in m for m in messages("customers-4300-digits", "FC502"))
    assert messages("amount-4300-digits", "FC301")  # over the budget, and said so
    # A rate is shown to ten decimals as written; only a smaller one goes to × 10^n.
    assert any("$0.0000001 a month" in m for m in messages("claim-tiny", "FC302"))
    shown = messages("tiny-amount", "FC302") + messages("tiny-amount", "FC301")
    assert all("10^-300" in m for m in shown if "plan" in m), shown


def test_every_format_is_written_for_every_case(run: dict[str, Any]) -> None:
    folder: Path = run["folder"]
    for fmt in FORMATS:
        text = (folder / f"out.{fmt}").read_text(encoding="utf-8")
        assert text, fmt
        assert not any(line.startswith("Traceback") for line in text.splitlines())


def test_relay_of_the_huge_and_tiny_figures(run: dict[str, Any]) -> None:
    folder: Path = run["folder"]
    names = ["sixteen-tiny-conversions.yaml", "customers-4300-digits.yaml", "claim-10^28.yaml"]
    proc = run_cli("relay", *names, "--as-of", AS_OF, cwd=folder)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "10^4301" in out  # 7.7…×10^4299 customers need that many leads, shown readably
    assert not LONG_FIGURE.search(out)


# -- exact, whatever the size ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("plan", "claim", "mismatch"),
    [
        # Equal to the last of 29 digits: no mismatch (28 digits of precision would round).
        ("10000000000000000000000000001", "$10,000,000,000,000,000,000,000,000,001", False),
        ("11000000000000000000000000000", "$10,000,000,000,000,000,000,000,000,000", True),
        ("123456789012345678901234567890.12", "$123,456,789,012,345,678,901,234,567,890.12", False),
        ("1" + "0" * 300, "$1" + "0" * 300, False),
        ("1" + "0" * 300, "$2" + "0" * 300, True),
    ],
    ids=["29-digits-equal", "10-percent-off", "cents-equal", "301-digits-equal", "double"],
)
def test_big_prices_are_compared_exactly(
    tmp_path: Path, plan: str, claim: str, mismatch: bool
) -> None:
    text = LEDGERLINE.replace("amount: 499,", f"amount: {plan},").replace(
        "$399 a month", f"{claim} a month"
    )
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "-f", "json", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    codes = [f["code"] for f in findings]
    assert "FC010" not in codes
    claimed = [f for f in findings if f["code"] == "FC302" and f["line"] == 95]
    assert bool(claimed) is mismatch, [f["message"] for f in claimed]


@pytest.mark.parametrize("exponent", [-400, -300, -20, -7, -3, -1, 0, 3, 14, 15, 28, 300, 4299])
def test_money_is_written_readably_at_every_magnitude(exponent: int) -> None:
    from funnelcheck.language.money import format_amount, format_count, format_percent, json_number

    for mantissa in ("1", "9.87654321", "-4.5"):
        value = Decimal(f"{mantissa}E{exponent}")
        shown = format_amount(value)
        assert not LONG_FIGURE.search(shown) and len(shown) < 40, shown
        assert len(format_percent(value)) < 40
        json.dumps(json_number(value))  # printable, whatever its size
        if exponent >= 0:
            assert len(format_count(int(value.to_integral_value()))) < 40
