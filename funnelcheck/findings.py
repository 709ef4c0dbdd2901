"""What a user sees: severities, locations, findings and the report that holds them.

Everything here is plain, immutable data. Rules produce `Issue`s (a path, no line);
the engine turns them into `Finding`s (with a `Location`); reporters only render.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from functools import lru_cache
from typing import Any

#: A place in a strategy's data: keys and list indices from the top, e.g. ("stages", 1, "claims").
Path = tuple[str | int, ...]

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


class Severity(IntEnum):
    """How much a finding matters; the order is the order of `--fail-on`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read `error`, `warning` or `info` (any case); raise ValueError otherwise."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"{text!r} is not a severity; use one of: error, warning, info"
            ) from None


@lru_cache(maxsize=4096)  # strategies share their paths: stages[1].claims[0].text
def format_path(path: Path) -> str:
    """Write a path the way every message and report does: `stages[1].claims[0].promises[0]`.

    Keys that are not plain identifiers are quoted (`terms["month-end close"]` stays
    readable; a key holding a dot or a bracket cannot be mistaken for two steps).
    """
    out: list[str] = []
    for step in path:
        if isinstance(step, int):
            out.append(f"[{step}]")
        elif _PLAIN_KEY.match(step):
            out.append(f".{step}" if out else step)
        else:
            escaped = step.replace("\\", "\\\\").replace('"', '\\"')
            out.append(f'["{escaped}"]')
    return "".join(out)


@dataclass(frozen=True)
class Location:
    """Where a value sits in a file: 1-based line and column (Unicode code points)."""

    file: str
    line: int
    column: int
    path: str = ""
    #: The stage's name, when the path is inside a stage (shown beside line:col).
    stage: str | None = None


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule yields: a path and a message. The engine adds code, location and severity.

    `severity` is set only where the rule's severity depends on the case (FC201: planned is
    an error, beta a warning). `at_key` places the finding on the mapping key rather than
    its value (an unknown or repeated key). `subject` is the text the finding is about; the
    baseline hashes it so that a finding is recognised after unrelated lines move.
    """

    path: Path
    message: str
    severity: Severity | None = None
    related: tuple[Path, ...] = ()
    at_key: bool = False
    data: Mapping[str, Any] = field(default_factory=dict)
    subject: str = ""
    #: A location known up front (syntax errors have no path to resolve).
    line: int | None = None
    column: int | None = None


#: The most findings of one rule listed for one file; the rest are counted in one more
#: finding (`more_issues`). A file of 400,000 unknown keys would otherwise hold 400,000
#: findings in memory (1.3 GB, issue 12); no one reads past the first thousand.
MAX_PER_RULE = 1_000


def more_issues(first: Issue, count: int) -> Issue:
    """The finding that stands for `count` issues of one rule beyond `MAX_PER_RULE`,
    placed where the first of them is."""
    return Issue(
        path=first.path,
        message=(
            f"{count:,} more findings of this rule in this file are not listed (at most "
            f"{MAX_PER_RULE:,} of one rule are listed per file; this is the first of the "
            "rest): fix the ones listed and check again"
        ),
        severity=first.severity,
        at_key=first.at_key,
        data={"not_listed": count},
        subject=f"{count} more",
        line=first.line,
        column=first.column,
    )


@dataclass(frozen=True)
class Finding:
    """One baton drop (or input fault), located, with everything a reporter shows."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    subject: str = ""
    #: The path with each list index replaced by what the item is (`stages[name="Demo"
    #: role="sales"].claims[text="..."]`; `funnelcheck.run.identity`); "" where the finding was
    #: made without the data: `location.path` stands in.
    stable_path: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code, loc.path, self.message)

    @property
    def identity(self) -> tuple[str, str, str]:
        """What this finding is about, whatever its line or its items' places in their lists:
        (rule code, stable path, the text concerned). Two runs' findings of one file are the
        same finding when their identities are equal (more than one of an identity: matched
        in order). Baselines, SARIF and GitLab fingerprints are built on it (`fingerprint`).
        """
        return (self.code, self.stable_path or self.location.path, self.subject or self.message)


def fingerprint(finding: Finding) -> str:
    """A key for a finding that survives moved lines and moved list items: its file and its
    `identity` (code, stable path, the text concerned), hashed.

    Baselines, SARIF `partialFingerprints` and GitLab fingerprints use it; line numbers and
    list positions are deliberately left out, so that editing unrelated lines, or inserting,
    removing or reordering stages, claims, plans or customers, brings no known finding back.
    """
    key = "\0".join((finding.location.file, *finding.identity))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Why:
    """The evidence that a stage carries a concept (`--why`): which of its words met which
    wording of the concept, and where."""

    concept: str
    #: The concept's key or listed wording that the words met.
    wording: str
    #: The stage's words that met it, as written.
    words: str
    #: The pitch or claim text they are in, as findings write paths ("stages[1].claims[0].text").
    path: str
    #: Where the words are; the start of the text when they cannot be placed exactly
    #: (a folded or escaped scalar): `exact` says which.
    line: int
    column: int
    exact: bool
    #: Where the evidence is a retold pain (`concept` is its label, "pain: ..."): the pain's
    #: text, as findings write paths ("problem.pains[0].text"); `wording` is then the pain's
    #: words that were met and `words` the stage's words that met them. None for a concept.
    pain: str | None = None


@dataclass(frozen=True)
class RelayStage:
    """One runner of the relay as the default table shows it."""

    index: int
    name: str
    role: str
    line: int
    carries: tuple[str, ...]
    misses: tuple[str, ...]
    conversion: str | None
    says_something: bool
    #: The path the stage is on, in a funnel that branches (None: every lead passes it).
    path: str | None = None
    #: With `--why`: the evidence of each concept it carries; None without.
    why: tuple[Why, ...] | None = None
    #: The leads (or customers, after the sale) that must enter this stage for the goal,
    #: rounded up (`funnel.stage_entrants`); None without a goal or a computable yield.
    leads: int | None = None
    #: The problem's pains its pitch and claims retell, as shown: "pain: <its id>".
    retells: tuple[str, ...] = ()
    #: It tells nothing of the problem and only states its terms (a price, an allowance):
    #: no rule reports it, and the relay's handoffs pass over it.
    price_only: bool = False

    @property
    def tells(self) -> tuple[str, ...]:
        """What it carries, then the pains it retells: what the relay shows."""
        return (*self.carries, *self.retells)


@dataclass(frozen=True)
class Handoff:
    """The pass from a stage that says something to the next that does (on each path, in a
    funnel that branches): which concepts go across."""

    source: int
    target: int
    passed: tuple[str, ...]
    held: bool


@dataclass(frozen=True)
class Relay:
    stages: tuple[RelayStage, ...]
    handoffs: tuple[Handoff, ...]
    concepts: tuple[str, ...]
    leads_needed: int | None = None
    customers_out: str | None = None
    #: A branching funnel's paths, as shown: "self-serve 80%" (empty for one line).
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageRef:
    """A stage named in a view: its index, name, role and path (None: on every path)."""

    index: int
    name: str
    role: str
    path: str | None = None


@dataclass(frozen=True)
class Answer:
    """One of a reference customer's six answers, beside the stages that must deliver it."""

    question: str
    #: The keys that answer it ("paid", "why_that_price"): findings on them belong here.
    keys: tuple[str, ...]
    #: The answer as written ("" where it is not given).
    text: str
    #: The stages that must deliver it (the marketing stage with that channel, the trial...).
    stages: tuple[StageRef, ...]
    #: What else delivers it, with its name ("the value proposition's differentiators").
    also_label: str = ""
    also: tuple[str, ...] = ()
    #: In words, where no stage delivers it ("no stage lists \"trade show\" ...").
    gap: str = ""


@dataclass(frozen=True)
class ReferenceView:
    """A reference customer worked backwards: the six answers, each beside its stage."""

    index: int
    name: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class PriceFigure:
    """One figure of the price picture, on the bill's footing (a year, or once)."""

    label: str
    #: The figure compared; a range's top. None where it cannot be drawn (`note` says why).
    amount: Decimal | None
    #: As written, with its period ("$1,000 a month ($12,000 a year)").
    text: str
    #: A range's bottom (willingness to pay); None for a single figure.
    low: Decimal | None = None
    note: str = ""
    #: What the figure is: "bill", "budget", "cost" or "range" (the chart's style).
    kind: str = "bill"


@dataclass(frozen=True)
class PricePicture:
    """The typical customer's bill beside what the customer has (`price_picture.price_picture`)."""

    currency: str | None
    #: How the plan compared is named ("the cheapest paid plan, `team`,"); "" without one.
    plan: str
    bill: str
    figures: tuple[PriceFigure, ...]
    #: What is missing or not comparable, in words.
    missing: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pitch:
    """The pitch-review views beyond the relay: the upside-down funnel and the price."""

    references: tuple[ReferenceView, ...] = ()
    price: PricePicture | None = None


def fails(fail_on: str, severities: Iterable[Severity]) -> bool:
    """Whether any of `severities` is at or above `fail_on` (`never`: none is)."""
    if fail_on == "never":
        return False
    level = Severity.parse(fail_on)
    return any(severity >= level for severity in severities)


@dataclass
class FileResult:
    """Everything found in one file; `error` is set when the file could not be read at all."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    relay: Relay | None = None
    #: Codes of the rules that ran on this file (JUnit writes a testcase per rule run).
    rules_run: tuple[str, ...] = ()
    suppressed: int = 0
    #: The file's own `fail-on` (its configuration's, or the command line's): the run
    #: exits 1 when any file has a finding at or above its own threshold.
    fail_on: str = "error"
    #: The upside-down funnel and the price picture (the HTML report shows them).
    pitch: Pitch | None = None

    @property
    def fails(self) -> bool:
        """Whether a finding of this file is at or above the file's `fail-on`."""
        return fails(self.fail_on, (f.severity for f in self.findings))


@dataclass(slots=True)
class Report:
    """All files' results, in a deterministic order, plus what a reporter needs to say.

    `files` is a list, or in a run a `ResultSpool` that reads each result back from a
    temporary file when asked (so a report over thousands of files is never held whole).
    """

    files: Sequence[FileResult]
    as_of: str
    version: str
    #: Rules known in this run (code -> (name, default severity, one-line summary)).
    rules: Mapping[str, tuple[str, Severity, str]] = field(default_factory=dict)
    #: Baseline entries that no longer occur.
    fixed: Sequence[Mapping[str, str]] = ()
    baselined: int = 0
    #: Each known rule's reference page (its docstring), for reports that fold it in (HTML).
    pages: Mapping[str, str] = field(default_factory=dict)

    def findings(self) -> list[Finding]:
        """Every finding, file by file, in one list (`iter_findings` holds one file's)."""
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        """Every finding, file by file, read afresh at each call."""
        for result in self.files:
            yield from result.findings

    def counts(self) -> dict[Severity, int]:
        known = getattr(self.files, "counts", None)
        if callable(known):  # a spool counted them as they came
            return dict(known())
        counts = dict.fromkeys(Severity, 0)
        for f in self.iter_findings():
            counts[f.severity] += 1
        return counts

    def per_rule(self) -> list[tuple[str, str, int]]:
        """`--statistics`: (code, name, findings) for each rule that found something, the
        most frequent first, then by code."""
        counts: dict[tuple[str, str], int] = {}
        for f in self.iter_findings():
            counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(code, name, n) for (code, name), n in ordered]

    def failing(self) -> int:
        """How many files have a finding at or above their own `fail-on`."""
        known = getattr(self.files, "failing", None)
        if callable(known):  # a spool counted them as they came
            return int(known())
        return sum(1 for result in self.files if result.fails)

    def errors(self) -> list[FileResult]:
        known = getattr(self.files, "errors", None)
        if callable(known):
            return list(known())
        return [r for r in self.files if r.error is not None]
