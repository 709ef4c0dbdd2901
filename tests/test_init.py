"""`funnelcheck init` as a user runs it: answers typed or piped, an answers file, a template.

Every strategy written is checked through the CLI and must have no input finding (FC00x).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_cli import run

from funnelcheck.run import starter

HERE = Path(__file__).resolve().parent
LEDGERLINE_ANSWERS = HERE / "init" / "ledgerline-answers.txt"


def checked(path: Path) -> list[dict[str, Any]]:
    """The findings `funnelcheck check` reports on `path`; none may be an input finding."""
    proc = run("check", "--format", "json", "--exit-zero", str(path), cwd=path.parent)
    assert proc.returncode == 0, proc.stderr
    findings: list[dict[str, Any]] = json.loads(proc.stdout)["files"][0]["findings"]
    assert not [f for f in findings if f["code"].startswith("FC00")], findings
    return findings


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_answers_on_standard_input_write_a_strategy_that_checks(tmp_path: Path) -> None:
    out = tmp_path / "strategy.yaml"
    proc = run("init", str(out), stdin=LEDGERLINE_ANSWERS.read_bytes(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    data = read(out)
    assert list(data)[:4] == ["funnelcheck", "product", "owner", "reviewed"]
    assert data["reviewed"].isoformat() == "2026-11-30"
    assert data["problem"]["id"] == "payout-reconciliation"
    assert data["problem"]["terms"]["ledger"] == ["general ledger", "books"]
    assert data["price"]["plans"] == [{"id": "team", "amount": 499, "per": "month"}]
    stages = {s["role"]: s for s in data["stages"]}
    assert stages["marketing"]["channels"] == ["finance podcasts"]
    assert stages["marketing"]["pitch"].startswith("Close your books in hours")
    assert stages["product"]["pitch"].startswith("Ran the trial on last month's payouts")
    assert stages["pricing"]["claims"][0]["text"].startswith("Less than one week")
    assert stages["sales"]["claims"][1]["text"].startswith("The only tool")
    assert data["value_proposition"]["differentiators"][0].startswith("The only tool")
    assert stages["referral"]["claims"][0]["evidence"] == [data["evidence"][0]["id"]]
    roles = [s["role"] for s in data["segment"]["stakeholders"]]
    assert roles == ["economic_buyer", "user"]
    assert "description" not in data["segment"]  # answered "-": left out
    # Bad answers were told in the schema step's words and asked again.
    assert 'is "abc"; an amount is a number' in proc.stdout
    assert 'is "usd"; a currency is a three-letter' in proc.stdout
    assert '"2026-02-30", which is not a date that exists' in proc.stdout
    assert proc.stdout.count("Please answer again") == 3
    assert "First check:" in proc.stdout and "What to fill in next" not in proc.stderr
    findings = checked(out)
    assert not [f for f in findings if f["severity"] == "error"], findings


def test_an_id_with_spaces_is_asked_again(tmp_path: Path) -> None:
    answers = LEDGERLINE_ANSWERS.read_text().replace(
        "payout-reconciliation\n", "payout reconciliation\npayout-reconciliation\n", 1
    )
    proc = run("init", "s.yaml", stdin=answers.encode(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert '`problem.id` is "payout reconciliation"; a problem id is lowercase' in proc.stdout
    assert read(tmp_path / "s.yaml")["problem"]["id"] == "payout-reconciliation"


def test_only_defaults_still_check(tmp_path: Path) -> None:
    proc = run("init", stdin=b"\n" * 60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    checked(tmp_path / "strategy.yaml")


def test_end_of_input_writes_nothing(tmp_path: Path) -> None:
    proc = run("init", stdin=b"Acme\nThey lost invoices\n", cwd=tmp_path)
    assert proc.returncode == 1
    assert "end of input before the last answer; nothing was written" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_no_input_template_and_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "strategy.yaml"
    proc = run("init", "--no-input", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().splitlines()[0].startswith("# yaml-language-server: $schema=")
    checked(out)
    out.write_text("mine\n")
    again = run("init", "--no-input", cwd=tmp_path)
    assert again.returncode == 2
    assert "strategy.yaml already exists; nothing was written" in again.stderr
    assert "--force" in again.stderr
    assert out.read_text() == "mine\n"
    # Asked before any question, so no answer is wasted.
    typed = run("init", stdin=b"Acme\n", cwd=tmp_path)
    assert typed.returncode == 2 and "Reference customer" not in typed.stdout
    forced = run("init", "--no-input", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    checked(out)


FULL_ANSWERS: dict[str, Any] = {
    "customer": {
        "name": "Brightwater Logistics",
        "why_bought": "Three software contracts auto-renewed before anyone checked the licences.",
        "paid": {"amount": 9480, "currency": "USD", "per": "year"},
        "why_that_price": "The unused licences found in one quarter paid for a year.",
        "trust": "Their CFO spoke with two customers whose contracts renew the same way.",
        "evaluation": "A two-week pilot on their forty largest contracts and renewal dates.",
        "why_us": "The only tool that read renewal dates straight from contract PDFs.",
        "reached_via": "procurement webinars",
    },
    "product": {"name": "Renewly", "category": "contract renewal tracking"},
    "problem": {"terms": {"renewal": ["renewals", "renew"], "contract": ["contracts"]}},
    "segment": {"name": "Procurement teams", "buyer": {"title": "CFO"}, "user": {"title": "-"}},
    "price": {
        "model": "hybrid",
        "currency": "USD",
        "plans": [
            {
                "id": "growth",
                "amount": 500,
                "per": "month",
                "components": [
                    {"unit": "seat", "amount": 12, "per": "month", "included": 5},
                    {"fee": "onboarding", "amount": 1500, "per": "once"},
                ],
            }
        ],
        "willingness_to_pay": {"low": 3000, "high": 12000, "per": "year"},
    },
    "reviewed": "2026-11-12",
}


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_answers_file_any_price_shape(tmp_path: Path, kind: str) -> None:
    answers = tmp_path / f"answers.{kind}"
    answers.write_text(yaml.safe_dump(FULL_ANSWERS) if kind == "yaml" else json.dumps(FULL_ANSWERS))
    proc = run("init", "s.yaml", "--answers", answers.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = read(tmp_path / "s.yaml")
    assert data["price"] == FULL_ANSWERS["price"]
    assert [(s["role"], s["title"]) for s in data["segment"]["stakeholders"]] == [("buyer", "CFO")]
    assert {s["audience"][0] for s in data["stages"]} == {"buyer"}
    assert data["problem"]["terms"] == FULL_ANSWERS["problem"]["terms"]
    checked(tmp_path / "s.yaml")


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({"customer": {"nmae": "Acme"}}, "unknown key `nmae` in `customer`; did you mean `name`?"),
        ({"customer": {"paid": {"amount": [1]}}}, "customer.paid.amount"),
        ({"problem": {"id": "payout reconciliation"}}, "a problem id is lowercase letters"),
        ({"reviewed": "2026-02-30"}, "not a date that exists"),
        ({"customer": {"paid": {"amount": "a lot"}}}, 'is "a lot"; an amount is a number'),
        ({"price": {"plans": [{"id": "x", "amount": "ten", "per": "month"}]}}, "price.plans"),
    ],
)
def test_bad_answers_file_writes_nothing(tmp_path: Path, answers: Any, said: str) -> None:
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(answers))
    proc = run("init", "--answers", "a.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("funnelcheck: a.yaml"), proc.stderr
    assert said in proc.stderr
    assert "nothing was written" in proc.stderr
    assert not (tmp_path / "strategy.yaml").exists()


def test_answers_file_missing_and_not_yaml(tmp_path: Path) -> None:
    proc = run("init", "--answers", "nowhere.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "nowhere.yaml" in proc.stderr
    (tmp_path / "bad.yaml").write_text("customer: [unclosed\n")
    proc = run("init", "--answers", "bad.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "bad.yaml" in proc.stderr
    assert not (tmp_path / "strategy.yaml").exists()


def test_answers_schema_describes_every_property() -> None:
    schema = json.loads((HERE.parent / "schemas" / "answers.schema.json").read_text())

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert sub.get("description"), f"{where}.{name} has no description"
            for value in node.values():
                walk(value, where)

    walk(schema, "answers")


HOSTILE = [
    "yes",
    "- dash first",
    "a: colon",
    "hash # inside",
    'quote " and \\ backslash',
    "  leading spaces",
    "line\nbreak",
    "{flow}",
    "&anchor *alias",
    "null",
    "123",
    "Ünïcödé — text ✓",
    "!tag",
    "%percent",
    "'single'",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_answer_text_is_written_as_itself(text: str) -> None:
    answers = {
        "customer": {"name": text, "why_bought": text, "trust": text, "reached_via": text},
        "product": {"name": text},
        "segment": {"buyer": {"title": text, "cares_about": [text]}},
    }
    strategy = starter.build_strategy(answers)
    written = starter.render(strategy)
    assert starter.verify(written) == []
    from funnelcheck.input.load import load_text

    back = load_text(written).data
    assert back["reference_customers"][0]["name"] == text
    assert back["product"]["name"] == text
    assert back["segment"]["stakeholders"][0]["cares_about"] == [text]


def test_terms_are_proposed_from_the_answers() -> None:
    answers = {
        "customer": {
            "why_bought": "Stripe payouts never matched the ledger at month end.",
            "trust": "Another controller showed us how the payouts reconcile.",
            "evaluation": "We matched one month of payouts against our ledger.",
        }
    }
    terms = starter.propose_terms(answers)
    assert list(terms)[:2] == ["payouts", "ledger"]
    assert "matched" in terms or any("matched" in w for w in terms.values())


def test_interview_reasks_with_the_schema_message() -> None:
    typed = iter(["Acme", "", "12,5x", "1,200", *[""] * 80])
    told: list[str] = []
    answers = starter.interview(lambda q, d: next(typed), told.append)
    assert len(told) == 1 and 'is "12,5x"' in told[0]
    assert answers["customer"]["paid"]["amount"] == 1200
    assert starter.verify(starter.render(starter.build_strategy(answers))) == []


pexpect = pytest.importorskip("pexpect") if os.name == "posix" else None


def _spawn(tmp_path: Path) -> Any:
    assert pexpect is not None
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "200"
    return pexpect.spawn(
        sys.executable,
        ["-m", "funnelcheck", "init", "s.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 200),
        # A terminal's Ctrl-C, whatever started the tests: a suite run in the background
        # of a non-interactive shell inherits SIGINT ignored, and so would the child.
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(os.name != "posix", reason="pexpect drives a POSIX pseudo-terminal")
def test_terminal_session_types_answers(tmp_path: Path) -> None:
    child = _spawn(tmp_path)
    child.expect_exact("Reference customer")
    child.sendline("Harbor Dental")
    child.expect_exact("What convinced them to buy?")
    child.sendline("Patients missed appointments because reminders went out by post.")
    child.expect_exact("What did they pay?")
    child.sendline("twelve")
    child.expect_exact("Please answer again")
    child.expect_exact("What did they pay?")
    child.sendline("149")
    # Every other question: take the default, as a user pressing Enter.
    while True:
        index = child.expect([r"\]: ", r"\? ?: ", ": $", "Wrote s.yaml", pexpect.EOF])
        if index >= 3:
            break
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = read(tmp_path / "s.yaml")
    assert data["reference_customers"][0]["name"] == "Harbor Dental"
    assert data["price"]["plans"][0]["amount"] == 149
    checked(tmp_path / "s.yaml")


@pytest.mark.skipif(os.name != "posix", reason="pexpect drives a POSIX pseudo-terminal")
def test_terminal_ctrl_c_writes_nothing(tmp_path: Path) -> None:
    child = _spawn(tmp_path)
    child.expect_exact("Reference customer")
    child.sendline("Harbor Dental")
    child.expect_exact("What convinced them to buy?")
    child.sendintr()
    child.expect_exact("interrupted; nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "s.yaml").exists()
    assert list(tmp_path.iterdir()) == []


def test_schema_command_prints_the_answers_schema() -> None:
    proc = run("schema", "answers")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["$id"].endswith("/answers.schema.json")


# -- every price shape the format supports (docs/format.md), typed at the prompts ---------

#: Enter for every question before the price: the reference customer, the problem, the
#: segment and the value proposition take their defaults.
BEFORE_PRICE = 24
#: After the price: the revenue per account, the pricing model (proposed from the plans),
#: the owner, the date.
AFTER_PRICE = 4

PRICE_SHAPES: dict[str, tuple[list[str], dict[str, Any]]] = {
    # 1. A base fee plus per-unit fees, with an allowance, blocks and a minimum; two plans,
    # the typical customer's quantities and the plan mix.
    "base-plus-units": (
        [
            *["", "pro", "700", "month", "-", "-"],
            *["unit", "seat", "40", "month", "3", "-", "-"],
            *["unit", "contact", "200", "month", "5000", "5000", "-", "-", "yes"],
            *["payroll", "59", "month", "-", "-", "unit", "employee", "8", "month", "-", "-", "5"],
            *["-", "no", "-", "40", "12000", "14", "0.6", "", "1200/year"],
        ],
        {
            "price": {
                "model": "subscription",
                "currency": "USD",
                "plans": [
                    {
                        "id": "pro",
                        "amount": 700,
                        "per": "month",
                        "components": [
                            {"unit": "seat", "amount": 40, "per": "month", "included": 3},
                            {
                                "unit": "contact",
                                "amount": 200,
                                "per": "month",
                                "included": 5000,
                                "block": 5000,
                            },
                        ],
                    },
                    {
                        "id": "payroll",
                        "amount": 59,
                        "per": "month",
                        "components": [
                            {"unit": "employee", "amount": 8, "per": "month", "minimum": 5}
                        ],
                    },
                ],
            },
            "typical_customer": {
                "quantities": {"seat": 40, "contact": 12000, "employee": 14},
                "plan_mix": {"pro": 0.6, "payroll": 0.4},
                "revenue_per_account": {"amount": 1200, "per": "year"},
            },
        },
    ),
    # 2. Pure usage: no base amount; a unit used and a unit a month.
    "pure-usage": (
        [
            *["", "pay-as-you-go", "-", "", "message", "0.0079", "-", "-", "-"],
            *["unit", "number", "1.15", "month", "-", "-", "-", "-", "no", "-", "20000", "3"],
        ],
        {
            "price": {
                "model": "usage",
                "currency": "USD",
                "plans": [
                    {
                        "id": "pay-as-you-go",
                        "components": [
                            {"unit": "message", "amount": 0.0079},
                            {"unit": "number", "amount": 1.15, "per": "month"},
                        ],
                    }
                ],
            },
            "typical_customer": {"quantities": {"message": 20000, "number": 3}},
        },
    ),
    # A free plan beside a pay-as-you-go one (freemium): the second plan's period, after
    # a plan with no base price, defaults to the reference customer's.
    "usage-then-free": (
        [
            *["", "pay-as-you-go", "-", "", "message", "0.0079", "-", "-", "-", "-"],
            *["yes", "free", "0", "", "-", "-", "-", "no", "-", "-", "0.8", ""],
        ],
        {
            "price": {
                "model": "freemium",
                "currency": "USD",
                "plans": [
                    {
                        "id": "pay-as-you-go",
                        "components": [{"unit": "message", "amount": 0.0079}],
                    },
                    {"id": "free", "amount": 0, "per": "month"},
                ],
            },
            "typical_customer": {"plan_mix": {"pay-as-you-go": 0.8, "free": 0.2}},
        },
    ),
    # 3. A tier with included usage and overage in blocks.
    "usage-allowance": (
        [
            *["", "essentials", "15", "month", "-", "-"],
            *["usage", "email", "1.50", "10000", "1000", "-", "-", "no", "-", "-"],
        ],
        {
            "price": {
                "model": "subscription",
                "currency": "USD",
                "plans": [
                    {
                        "id": "essentials",
                        "amount": 15,
                        "per": "month",
                        "components": [
                            {"unit": "email", "amount": 1.5, "included": 10000, "block": 1000}
                        ],
                    }
                ],
            },
        },
    ),
    # 4 and 11. Hardware bought once plus a membership on two billing periods, with the
    # range buyers gave for the device alone.
    "device-and-membership": (
        [
            *["", "membership", "6", "month", "-", "60/year", "-"],
            *["fee", "device", "299", "-", "once", "4", "-", "no"],
            *["200", "350", "once", "device"],
        ],
        {
            "price": {
                "model": "hybrid",
                "currency": "USD",
                "plans": [
                    {
                        "id": "membership",
                        "amount": 6,
                        "per": "month",
                        "billing_options": [{"amount": 60, "per": "year"}],
                        "components": [
                            {"fee": "device", "amount": 299, "per": "once", "life_years": 4}
                        ],
                    }
                ],
                "willingness_to_pay": {"low": 200, "high": 350, "per": "once", "about": "device"},
            },
        },
    ),
    # 5. A percentage of volume plus a fixed fee per charge, and a fee per dispute.
    "percentage-and-fixed-fee": (
        [
            *["", "payments", "-", "percent", "2.9", "payment volume", "0.30", "charge"],
            *["fee", "dispute", "15", "dispute", "-", "no", "-", "800", "-", "40000"],
        ],
        {
            "price": {
                "model": "usage",
                "currency": "USD",
                "plans": [
                    {
                        "id": "payments",
                        "components": [
                            {
                                "percent": 2.9,
                                "of": "payment volume",
                                "fixed": 0.3,
                                "unit": "charge",
                            },
                            {"fee": "dispute", "amount": 15, "unit": "dispute"},
                        ],
                    }
                ],
            },
            "typical_customer": {
                "quantities": {"charge": 800},
                "volumes": {"payment volume": 40000},
            },
        },
    ),
    # 6. Per seat, billed annually only, with the fewest seats sold.
    "per-seat-billed-yearly": (
        ["", "business", "150", "seat-month", "5", "year", "-", "-", "no", "-", "40"],
        {
            "price": {
                "model": "subscription",
                "currency": "USD",
                "plans": [
                    {
                        "id": "business",
                        "amount": 150,
                        "per": "seat-month",
                        "seats_min": 5,
                        "billed": "year",
                    }
                ],
            },
            "typical_customer": {"quantities": {"seat": 40}},
        },
    ),
    # 7. The same plan on two billing periods, in another currency.
    "two-billing-periods": (
        ["EUR", "plus", "12.99", "month", "-", "69.99 a year", "-", "-", "no", "-"],
        {
            "price": {
                "model": "subscription",
                "currency": "EUR",
                "plans": [
                    {
                        "id": "plus",
                        "amount": 12.99,
                        "per": "month",
                        "billing_options": [{"amount": 69.99, "per": "year"}],
                    }
                ],
            },
        },
    ),
    # 8. A one-time fee beside a subscription.
    "one-time-fee": (
        [
            *["", "enterprise", "2000", "month", "-", "-", "fee", "onboarding", "3000", "-", ""],
            *["-", "-", "no", "-"],
        ],
        {
            "price": {
                "model": "hybrid",
                "currency": "USD",
                "plans": [
                    {
                        "id": "enterprise",
                        "amount": 2000,
                        "per": "month",
                        "components": [{"fee": "onboarding", "amount": 3000, "per": "once"}],
                    }
                ],
            },
        },
    ),
    # 9. A one-time purchase with a service life.
    "one-time-purchase": (
        ["", "kitchen-kit", "1450", "once", "5", "-", "no", "-"],
        {
            "price": {
                "model": "one-time",
                "currency": "USD",
                "plans": [{"id": "kitchen-kit", "amount": 1450, "per": "once", "life_years": 5}],
            },
        },
    ),
}


@pytest.mark.parametrize("shape", sorted(PRICE_SHAPES))
def test_every_price_shape_typed_at_the_prompts(tmp_path: Path, shape: str) -> None:
    typed, expected = PRICE_SHAPES[shape]
    lines = [""] * BEFORE_PRICE + typed + [""] * AFTER_PRICE
    proc = run("init", "s.yaml", stdin=("\n".join(lines) + "\n").encode(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert "Please answer again" not in proc.stdout, proc.stdout[-3000:]
    data = read(tmp_path / "s.yaml")
    assert data["price"] == expected["price"]
    assert data["segment"].get("typical_customer") == expected.get("typical_customer")
    checked(tmp_path / "s.yaml")


@pytest.mark.parametrize("shape", sorted(PRICE_SHAPES))
def test_every_price_shape_in_an_answers_file(tmp_path: Path, shape: str) -> None:
    _, expected = PRICE_SHAPES[shape]
    price = {k: v for k, v in expected["price"].items() if k != "model"}
    answers: dict[str, Any] = {"price": price}
    if "typical_customer" in expected:
        answers["segment"] = {"typical_customer": expected["typical_customer"]}
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(answers, sort_keys=False))
    proc = run("init", "s.yaml", "--answers", "a.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = read(tmp_path / "s.yaml")
    # The pricing model left out is proposed from the plans, as at the prompt.
    assert data["price"] == expected["price"]
    assert data["segment"].get("typical_customer") == expected.get("typical_customer")
    checked(tmp_path / "s.yaml")


def test_bad_price_answers_are_asked_again_with_the_checks_words(tmp_path: Path) -> None:
    typed = [
        *["", "Pro Plan", "pro", "ten", "700", "monthly", "month", "-", "sixty/year", "-"],
        *["units", "unit", "seat", "40", "month", "-", "-", "-", "-", "yes"],
        *["pro", "team", "300", "month", "-", "-", "-", "no"],
        *["100", "400", "month", "gadget", "seat", "many", "12", "1.5", "0.7", "", ""],
    ]
    lines = [""] * BEFORE_PRICE + typed + [""] * AFTER_PRICE
    proc = run("init", "s.yaml", stdin=("\n".join(lines) + "\n").encode(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    said = " ".join(proc.stdout.split())  # as read, whatever the terminal's width
    for message in (
        '`price.plans[0].id` is "Pro Plan"; a plan id is lowercase letters and digits',
        '`price.plans[0].amount` is "ten"; a plan amount is a number',
        '`price.plans[0].per` is "monthly"; a plan period is one of month',
        '`price.plans[0].billing_options[0].amount` is "sixty"; an option amount is a number',
        'the answer is "units"; answer one of unit, usage, percent, fee; did you mean unit?',
        "the plan id `pro` is used twice",
        "`price.willingness_to_pay.about` names the",
        '`segment.typical_customer.quantities.seat` is "many"; a quantity is a number',
        "`segment.typical_customer.plan_mix.pro` is 1.5; a share is a number from 0 to 1",
    ):
        assert message in said, message
    assert said.count("Please answer again") == 9
    data = read(tmp_path / "s.yaml")
    assert [p["id"] for p in data["price"]["plans"]] == ["pro", "team"]
    assert data["price"]["willingness_to_pay"]["about"] == "seat"
    assert data["segment"]["typical_customer"] == {
        "quantities": {"seat": 12},
        "plan_mix": {"pro": 0.7, "team": 0.3},
    }
    checked(tmp_path / "s.yaml")


def test_end_of_input_inside_the_price_writes_nothing(tmp_path: Path) -> None:
    lines = [""] * BEFORE_PRICE + ["", "pro", "700", "month", "-", "-", "unit", "seat"]
    proc = run("init", stdin=("\n".join(lines) + "\n").encode(), cwd=tmp_path)
    assert proc.returncode == 1
    assert "end of input before the last answer; nothing was written" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_template_has_only_the_findings_the_readme_names(tmp_path: Path) -> None:
    proc = run("init", "--no-input", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    findings = checked(tmp_path / "strategy.yaml")
    assert [f["code"] for f in findings] == ["FC109"], findings
    readme = " ".join((HERE.parent / "README.md").read_text(encoding="utf-8").split())
    assert "A fresh `--no-input` template checks with one note, FC109" in readme


def test_proposed_terms_leave_out_the_words_the_checker_calls_weak(tmp_path: Path) -> None:
    from funnelcheck.language.story import GENERIC_WORDS, STOPWORDS, stem

    answers = [
        "Harbor Dental",
        "Every week the team spent hours each day calling patients about missed appointments.",
        "",
        "",
        "",
        "It took less time each month than one missed appointment a week costs the team.",
        "Another dental team that used it every day told them how many appointments it saved.",
        "A month of reminders to their own patients, against a week of calls by the team.",
        "The only tool that lets patients move their own appointments by text each day.",
    ]
    lines = answers + [""] * 60
    proc = run("init", "s.yaml", stdin=("\n".join(lines) + "\n").encode(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    terms = read(tmp_path / "s.yaml")["problem"]["terms"]
    weak = {stem(w) for w in GENERIC_WORDS}
    assert terms and "appointments" in terms and "patients" in terms, terms
    for term in terms:
        assert stem(term) not in weak and term not in STOPWORDS, terms


def test_answers_file_structure_errors_say_file_line_and_fix(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "customer:\n"
        "  nmae: Acme\n"
        "  paid: {amount: [1], per: month}\n"
        "reviewed: 2026-02-30\n"
        "price:\n"
        "  plans:\n"
        "    - id: Pro Plan\n"
        "      amount: ten\n"
        "      per: mnth\n"
        "  extra: 1\n"
        "segment:\n"
        "  typical_customer: {quantities: {seat: many}}\n"
    )
    proc = run("init", "--answers", "a.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    said = proc.stderr
    for line, message in (
        (2, "unknown key `nmae` in `customer`; did you mean `name`?"),
        (3, "`customer.paid.amount` is a list; an amount is a number or text"),
        (4, '`reviewed` is "2026-02-30", which is not a date that exists; write YYYY-MM-DD'),
        (7, '`price.plans[0].id` is "Pro Plan"; a plan id is lowercase letters'),
        (8, '`price.plans[0].amount` is "ten"; a plan amount is a number'),
        (9, '`price.plans[0].per` is "mnth"; a plan period is one of month'),
        (10, "unknown key `extra` in `price`"),
        (12, '`segment.typical_customer.quantities.seat` is "many"; a quantity is a number'),
    ):
        assert f"funnelcheck: a.yaml:{line}: {message}" in said, (message, said)
    for jsonschema_words in ("is not valid under", "was unexpected", "is not of type", "["):
        assert jsonschema_words not in said.replace("[0]", ""), said
    assert "nothing was written" in said
    assert not (tmp_path / "strategy.yaml").exists()


@pytest.mark.skipif(os.name != "posix", reason="pexpect drives a POSIX pseudo-terminal")
def test_terminal_session_types_a_price_shape(tmp_path: Path) -> None:
    """Hardware bought once plus a membership on two billing periods, with the range
    buyers gave for the device: typed at the prompts of a real terminal."""
    child = _spawn(tmp_path)
    while child.expect([r"Price currency[^\n]*\]: ", r"\]: "]) == 1:
        child.sendline("")
    child.sendline("")
    script = [
        ("Id of the first plan", "membership"),
        ("Base price of membership", "6"),
        ("Per what?", "month"),
        ("Invoiced less often", "-"),
        ("Also sold on another billing period?", "60/year"),
        ("Also sold on another billing period?", "-"),
        ("Add a part to membership's price?", "fee"),
        ("The fee's name", "device"),
        ("The device fee's amount", "two hundred"),
        ("Please answer again", None),
        ("The device fee's amount", "299"),
        ("Is the device fee charged per event?", "-"),
        ("How often is the device fee paid?", "once"),
        ("Years the device serves?", "4"),
        ("Add a part to membership's price?", "-"),
        ("Add another plan?", "no"),
        ("Lowest price buyers take seriously", "200"),
        ("Highest price they would still pay", "350"),
        ("Per what are they?", "once"),
        ("What is the range about?", "device"),
    ]
    for prompt, answer in script:
        child.expect_exact(prompt)
        if answer is not None:
            child.expect_exact("]: ")
            child.sendline(answer)
    while child.expect([r"\]: ", "Wrote s.yaml"]) == 0:
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = read(tmp_path / "s.yaml")
    assert data["price"] == PRICE_SHAPES["device-and-membership"][1]["price"]
    checked(tmp_path / "s.yaml")
