"""One fixed report, built by hand, that every format renders; and the shared corpora.

(A module of its own, not conftest.py, so that test modules import it by a name no other
test directory uses.)

The report holds what each format must get right: every severity, two findings of one rule
in one file, a handoff finding with the other end as a related location, a finding with
no data path (a syntax error), a file that could not be read, a clean file, a file outside
the working directory, and a path with spaces and non-ASCII characters. Messages and stage
names carry characters that mean something in Markdown, XML and workflow commands.

Golden files: `tests/reporters/golden/report.<format>` hold the expected bytes. After an
intended change of output, regenerate them with

    UPDATE_GOLDEN=1 pytest tests/reporters

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from corpora import corpus

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity

GOLDEN = Path(__file__).resolve().parent / "golden"

#: The working directory the fixed report is rendered from; a space in it tests URI encoding.
CWD = "/home/dev/funnel repo"

RULES: dict[str, tuple[str, Severity, str]] = {
    "FC001": ("yaml-syntax", Severity.ERROR, "The file is not well-formed YAML."),
    "FC005": (
        "dangling-reference",
        Severity.ERROR,
        "A reference names a capability, pain, evidence id or stakeholder role not defined.",
    ),
    "FC101": (
        "stage-off-problem",
        Severity.WARNING,
        "A stage's pitch and claims carry too few of the problem's concepts.",
    ),
    "FC103": (
        "handoff-drift",
        Severity.WARNING,
        "Two adjacent stages each carry the problem, but share none of its concepts.",
    ),
    "FC201": ("promise-not-shipped", Severity.ERROR, "A claim promises a capability not shipped."),
    "FC503": ("weakest-handoff", Severity.INFO, "The handoff with the lowest conversion."),
    "FC704": ("open-assumption", Severity.INFO, "An assumption is still open."),
}

#: Fixed reference texts, so golden files do not follow edits of the real rules' docstrings.
RULE_TEXTS: dict[str, str] = {
    "FC101": (
        "A stage's pitch and claims carry too few of the problem's concepts.\n\n"
        "**Why.** A stage that talks about something else drops the baton.\n\n"
        "**Failing example.**\n\n```yaml\nstages: []\n```\n\n"
        "**Options.** `min_concepts` (default 1)."
    ),
    "FC103": "Two adjacent stages each carry the problem, but share none of its concepts.",
}

LEDGER = "strategies/ledgerline.yaml"
UNICODE = "strategies/Ünïcode plan – Q3.yaml"
BROKEN = "strategies/broken.yaml"
MISSING = "strategies/missing.yaml"
CLEAN = "strategies/clean.yaml"
OUTSIDE = "/srv/shared/other team.yaml"


def finding(
    code: str,
    message: str,
    file: str,
    line: int,
    column: int,
    path: str = "",
    stage: str | None = None,
    severity: Severity | None = None,
    related: tuple[Location, ...] = (),
    subject: str = "",
) -> Finding:
    name, default, _summary = RULES[code]
    return Finding(
        code=code,
        name=name,
        severity=severity or default,
        message=message,
        location=Location(file, line, column, path, stage),
        related=related,
        subject=subject,
    )


def build_report() -> Report:
    every_rule = tuple(RULES)
    ledger = [
        finding(
            "FC005",
            'promises names "audit-trails", which is not a capability; did you mean "audit-trail"?',
            LEDGER,
            40,
            21,
            "stages[1].claims[0].promises[0]",
            "Discovery call",
        ),
        finding(
            "FC103",
            'the story drops between "Demo" and "Trial": they share none of the problem\'s '
            "concepts (Demo carries: payout, invoice; Trial carries: dashboard)",
            LEDGER,
            52,
            5,
            "stages[3]",
            "Trial",
            related=(Location(LEDGER, 47, 5, "stages[2]", "Demo"),),
        ),
        finding(
            "FC101",
            "Retention carries 0 of the problem's 4 concepts (needs 1)",
            LEDGER,
            61,
            5,
            "stages[4]",
            "Retention",
        ),
        finding(
            "FC503",
            "the weakest handoff is Demo -> Trial at 12%",
            LEDGER,
            52,
            5,
            "stages[3].conversion",
            "Trial",
        ),
        finding("FC704", "assumption a-1 is still open", LEDGER, 80, 5, "assumptions[0]"),
        finding("FC704", "assumption a-2 is still open", LEDGER, 84, 5, "assumptions[1]"),
    ]
    unicode = [
        finding(
            "FC201",
            "claim promises `sso` | <b>planned</b> & not shipped;\n"
            "ask @product-team about #42 [here](https://evil.example)",
            UNICODE,
            12,
            9,
            "stages[0].claims[0]",
            "Pricing | Q3 <script>",
        ),
        finding(
            "FC101",
            "Ünïcode stage carries 0 of 3 concepts: 50% of 'pain', \"quotes\", a:b,c",
            UNICODE,
            20,
            3,
            'terms["month-end close"]',
            "Étape 2 🚀",
            severity=Severity.ERROR,  # a severity override: the finding's own level wins
        ),
    ]
    broken = [
        finding("FC001", "expected ':' after a mapping key, found '-'\n  line two", BROKEN, 3, 7)
    ]
    outside = [
        finding("FC704", "assumption b-1 is still open", OUTSIDE, 9, 5, "assumptions[0]"),
    ]
    for findings in (ledger, unicode):  # the engine's order: line, column, code, ...
        findings.sort(key=Finding.sort_key)
    return Report(
        files=[
            FileResult(file=OUTSIDE, findings=outside, rules_run=every_rule),
            FileResult(file=BROKEN, findings=broken, rules_run=("FC001",)),
            FileResult(file=CLEAN, findings=[], rules_run=every_rule),
            FileResult(file=LEDGER, findings=ledger, rules_run=every_rule),
            FileResult(
                file=MISSING, error="[Errno 2] No such file or directory: 'strategies/missing.yaml'"
            ),
            FileResult(file=UNICODE, findings=unicode, rules_run=every_rule),
        ],
        as_of="2026-11-22",
        version="0.1.0",
        rules=RULES,
        baselined=2,
    )


def check_golden(name: str, text: str) -> None:
    """Compare `text` with `golden/<name>` byte for byte; rewrite it under UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    data = text.encode("utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing; run UPDATE_GOLDEN=1 pytest tests/reporters"
    assert data == path.read_bytes(), f"output differs from {path} (UPDATE_GOLDEN=1 rewrites it)"


def naughty_strings() -> list[str]:
    """Every string of the Big List of Naughty Strings; skips where the corpus is absent."""
    source = corpus("blns/blns.json")
    strings: list[str] = json.loads(source.read_text(encoding="utf-8"))
    assert len(strings) > 500  # the list is the list, not a stub
    return strings


def naughty_report(strings: list[str]) -> Report:
    """A report with one file per string; the string is the file name, stage and message."""
    files = []
    for text in strings:
        files.append(
            FileResult(
                file=text,
                findings=[
                    finding("FC101", text, text, 3, 5, "stages[0]", text),
                    finding(
                        "FC103",
                        text,
                        text,
                        7,
                        5,
                        "stages[1]",
                        text,
                        related=(Location(text, 3, 5, "stages[0]", text),),
                    ),
                ],
                rules_run=("FC101", "FC103"),
            )
        )
    return Report(files=files, as_of="2026-11-22", version="0.1.0", rules=RULES)
