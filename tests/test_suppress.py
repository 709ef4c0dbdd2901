"""Inline `# funnelcheck: ignore` comments: what they silence, and what FC009 says about them."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest

from funnelcheck.findings import Finding, Issue, Location, Severity
from funnelcheck.run import suppress
from funnelcheck.run.suppress import apply_suppressions

KNOWN = {
    "FC005": "dangling-reference",
    "FC101": "stage-off-problem",
    "FC104": "foreign-story",
    "FC201": "promise-not-shipped",
}
TODAY = dt.date(2026, 11, 22)


def finding(code: str, line: int) -> Finding:
    return Finding(
        code=code,
        name=KNOWN[code],
        severity=Severity.WARNING,
        message=f"{code} on line {line}",
        location=Location("s.yaml", line, 3),
    )


def run(
    text: str, *found: tuple[str, int], as_of: dt.date = TODAY, **kwargs: Any
) -> tuple[list[tuple[str, int]], int, list[Issue]]:
    findings = [finding(code, line) for code, line in found]
    kept, suppressed, issues = apply_suppressions(
        findings, textwrap.dedent(text).lstrip("\n"), KNOWN, as_of, **kwargs
    )
    assert suppressed == len(findings) - len(kept)
    return [(f.code, f.location.line) for f in kept], suppressed, issues


def messages(issues: list[Issue]) -> list[str]:
    return [issue.message for issue in issues]


STAGES = """
stages:
  - name: Discovery call
    role: sales
    claims:
      - text: Audit-ready books.
        promises: [audit-trail]{trailing}
"""


def test_a_trailing_comment_silences_its_own_line_only() -> None:
    text = STAGES.format(trailing="  # funnelcheck: ignore FC201 -- ships in March")
    kept, suppressed, issues = run(text, ("FC201", 6), ("FC104", 6), ("FC201", 7), ("FC201", 5))
    assert kept == [("FC104", 6), ("FC201", 7), ("FC201", 5)]
    assert suppressed == 1
    assert issues == []


def test_a_comment_on_its_own_line_silences_the_next_line() -> None:
    text = """
    stages:
      # funnelcheck: ignore FC101 -- the opening is about the brand on purpose
      # funnelcheck: ignore foreign-story -- ditto

      - name: Brand campaign
        role: marketing
    """
    kept, suppressed, issues = run(text, ("FC101", 5), ("FC104", 5), ("FC101", 6), ("FC101", 1))
    assert kept == [("FC101", 6), ("FC101", 1)]
    assert suppressed == 2
    assert issues == []


def test_several_codes_and_names_in_one_comment() -> None:
    text = "a: 1  # funnelcheck: ignore FC201, foreign-story FC005 -- known gaps\n"
    kept, suppressed, issues = run(text, ("FC201", 1), ("FC104", 1), ("FC005", 1), ("FC101", 1))
    assert kept == [("FC101", 1)]
    assert suppressed == 3
    assert issues == []


def test_ignore_file_silences_the_rule_everywhere() -> None:
    text = """
    funnelcheck: 1
    stages: []
    # funnelcheck: ignore-file FC104 -- our vocabulary is the industry's
    """
    kept, suppressed, issues = run(text, ("FC104", 1), ("FC104", 40), ("FC101", 2))
    assert kept == [("FC101", 2)]
    assert suppressed == 2
    assert issues == []


def test_until_holds_through_its_day() -> None:
    text = "a: 1  # funnelcheck: ignore FC201 until 2027-03-31 -- ships in March\n"
    for as_of in (TODAY, dt.date(2027, 3, 31)):
        kept, _, issues = run(text, ("FC201", 1), as_of=as_of)
        assert kept == []
        assert issues == []


def test_an_expired_suppression_stops_and_says_so() -> None:
    text = "a: 1\nb: 2  # funnelcheck: ignore FC201 until 2027-03-31 -- ships in March\n"
    kept, suppressed, issues = run(text, ("FC201", 2), as_of=dt.date(2027, 4, 1))
    assert kept == [("FC201", 2)]
    assert suppressed == 0
    assert messages(issues) == [
        "the suppression of FC201 expired on 2027-03-31; FC201 is reported again"
    ]
    assert (issues[0].line, issues[0].column, issues[0].path) == (2, 7, ())
    assert issues[0].severity is None  # FC009's own: warning


def test_until_written_at_the_end_of_the_reason() -> None:
    for comment in (
        "# funnelcheck: ignore FC201 -- ships in March, until 2027-03-31",
        "# funnelcheck: ignore FC201 -- ships in March (until 2027-03-31).",
        "# funnelcheck: ignore FC201 until: 2027-03-31 -- ships in March",
    ):
        kept, _, issues = run(f"a: 1  {comment}\n", ("FC201", 1), as_of=dt.date(2027, 4, 1))
        assert kept == [("FC201", 1)], comment
        assert "expired on 2027-03-31" in messages(issues)[0], comment


def test_until_in_the_middle_of_a_reason_is_part_of_the_reason() -> None:
    text = "a: 1  # funnelcheck: ignore FC201 -- wait until 2027-03-31 for the launch\n"
    kept, _, issues = run(text, ("FC201", 1), as_of=dt.date(2028, 1, 1))
    assert kept == []
    assert issues == []


def test_a_date_that_is_not_one() -> None:
    text = "a: 1  # funnelcheck: ignore FC201 until 2027-02-30 -- ships soon\n"
    kept, _, issues = run(text, ("FC201", 1))
    assert kept == []
    assert messages(issues) == [
        "`until 2027-02-30` is not a date (write YYYY-MM-DD); the suppression does not expire"
    ]


def test_no_reason_still_suppresses_but_is_reported() -> None:
    kept, _, issues = run("a: 1  # funnelcheck: ignore FC201\n", ("FC201", 1))
    assert kept == []
    assert len(issues) == 1
    assert issues[0].message.startswith("the suppression of FC201 gives no reason")
    assert issues[0].severity is None


def test_a_reason_without_the_dashes_is_still_a_reason() -> None:
    kept, _, issues = run("a: 1  # funnelcheck: ignore FC201 because it ships\n", ("FC201", 1))
    assert kept == []
    assert issues == []


def test_an_unknown_code_is_reported_with_did_you_mean() -> None:
    text = "a: 1  # funnelcheck: ignore FC2010, FC104, foriegn-story -- typo\n"
    kept, _, issues = run(text, ("FC201", 1), ("FC104", 1))
    assert kept == [("FC201", 1)]  # the misspelt code silences nothing
    assert messages(issues) == [
        "the suppression names `FC2010`, which is no rule; did you mean `FC201`?",
        "the suppression names `foriegn-story`, which is no rule; did you mean `foreign-story`?",
    ]


def test_an_unused_suppression_is_info() -> None:
    text = """
    stages:
      # funnelcheck: ignore FC201, FC104 -- ships in March
      - name: Discovery call
    """
    kept, _, issues = run(text, ("FC201", 3))
    assert kept == []
    assert messages(issues) == [
        "the suppression of FC104 is unused: no FC104 finding on line 3 (the line below the "
        "comment); remove it"
    ]
    assert issues[0].severity is Severity.INFO
    assert (issues[0].line, issues[0].column) == (2, 3)


def test_an_unused_file_suppression_is_info() -> None:
    _, _, issues = run("# funnelcheck: ignore-file FC104 -- ours\na: 1\n", ("FC201", 2))
    assert messages(issues) == [
        "the suppression of FC104 is unused: no FC104 finding in this file; remove it"
    ]
    assert issues[0].severity is Severity.INFO


def test_a_rule_that_did_not_run_does_not_make_its_suppression_unused() -> None:
    text = "a: 1  # funnelcheck: ignore FC104 -- ours\n"
    _, _, issues = run(text, active={"FC201"})
    assert issues == []
    _, _, issues = run(text, active={"FC104"})
    assert len(issues) == 1


def test_a_blanket_suppression_silences_nothing() -> None:
    kept, _, issues = run("a: 1  # funnelcheck: ignore -- everything\n", ("FC201", 1))
    assert kept == [("FC201", 1)]
    assert "names no rule" in messages(issues)[0]


def test_a_misspelt_directive_is_reported_and_a_commented_version_key_is_not() -> None:
    text = "# funnelcheck: 1\na: 1  # funnelcheck: ingore FC201 -- ships\n"
    kept, _, issues = run(text, ("FC201", 2))
    assert kept == [("FC201", 2)]
    assert len(issues) == 1
    assert "did you mean `ignore`?" in issues[0].message
    assert issues[0].line == 2


@pytest.mark.parametrize(
    "text",
    [
        'pitch: "Reconcile payouts # funnelcheck: ignore FC201 -- quoted"\n',
        "pitch: 'Reconcile payouts # funnelcheck: ignore FC201 -- quoted'\n",
        "pitch: |\n  Reconcile payouts.\n  # funnelcheck: ignore FC201 -- in a block\n",
        "pitch: >-\n  Reconcile payouts.\n\n  # funnelcheck: ignore FC201 -- folded\nb: 1\n",
        'pitch: "Reconcile payouts\n  # funnelcheck: ignore FC201 -- two-line quote"\n',
        "claims: [{text: 'a # funnelcheck: ignore FC201 -- flow'}]\n",
    ],
)
def test_a_hash_inside_a_string_is_not_a_suppression(text: str) -> None:
    found = [("FC201", n) for n in range(1, 5)]
    kept, suppressed, issues = run(text, *found)
    assert suppressed == 0
    assert kept == found
    assert issues == []


def test_a_comment_right_after_a_block_scalar_counts() -> None:
    text = "pitch: |\n  Reconcile payouts.\n# funnelcheck: ignore FC201 -- after the block\nb: 1\n"
    kept, _, issues = run(text, ("FC201", 4))
    assert kept == []
    assert issues == []


def test_lines_count_as_yaml_counts_them() -> None:
    text = "a: 1\r\nb: 2\r\nc: 3  # funnelcheck: ignore FC201 -- crlf\r\n"
    kept, _, _ = run(text, ("FC201", 3))
    assert kept == []
    kept, _, _ = run("\ufeffa: 1\nb: 2  # funnelcheck: ignore FC201 -- bom\n", ("FC201", 2))
    assert kept == []


def test_a_file_yaml_cannot_read_is_still_searched() -> None:
    text = "a: [1, 2\n# funnelcheck: ignore-file FC104 -- broken file\nb: 'x # funnelcheck: no'\n"
    kept, _, issues = run(text, ("FC104", 1))
    assert kept == []
    assert issues == []


def test_without_the_marker_nothing_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the tokenizer ran on a file with no suppression")

    monkeypatch.setattr(suppress.yaml, "scan", refuse)
    monkeypatch.setattr(suppress.yaml, "parse", refuse)
    # Every strategy holds the version key `funnelcheck: 1`: that is no reason to look.
    text = "funnelcheck: 1\na: 1  # an ordinary comment\n"
    kept, suppressed, issues = run(text, ("FC201", 2))
    assert (kept, suppressed, issues) == ([("FC201", 2)], 0, [])


@pytest.mark.parametrize("named", ["FC009", "suppression", "fc009"])
def test_naming_fc009_says_it_cannot_be_suppressed_inline(named: str) -> None:
    # Not "unused" (which would suggest it could ever be used): FC009 reports on the
    # comments themselves, so the way to turn it off is the configuration.
    known = {**KNOWN, "FC009": "suppression"}
    text = f"a: 1  # funnelcheck: ignore {named}, FC201 -- both\n"
    findings = [finding("FC201", 1)]
    kept, suppressed, issues = apply_suppressions(findings, text, known, TODAY)
    assert (kept, suppressed) == ([], 1)  # the other code still works
    assert messages(issues) == [
        "FC009 cannot be suppressed inline: it reports on the suppressions themselves; to "
        "turn it off, list FC009 under `ignore` in the configuration"
    ]
    _, _, alone = apply_suppressions(
        [], f"a: 1  # funnelcheck: ignore {named} -- x\n", known, TODAY
    )
    assert [issue.message[:40] for issue in alone] == ["FC009 cannot be suppressed inline: it re"]
