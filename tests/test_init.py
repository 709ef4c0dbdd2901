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

from funnelcheck import starter

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
        ({"customer": {"nmae": "Acme"}}, "'nmae' was unexpected"),
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
    from funnelcheck.load import load_text

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
