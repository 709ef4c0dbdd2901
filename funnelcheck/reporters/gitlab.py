"""`--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`).

A JSON array with one object per finding, in report order: `description` (the message,
then where in the strategy), `check_name` (the rule's code), `fingerprint`, `severity`
(info -> "info", warning -> "minor", error -> "major") and `location` {`path` relative to
the working directory, `lines` {`begin`}}. A file that could not be read is one entry with
`check_name` "read-error" and severity "major" at line 1.

GitLab matches findings between the base and the head of a merge request by fingerprint, so
it must be unique in a report and stable when lines move: it is funnelcheck's line-free
fingerprint, over the file as `location.path` names it (so `check .` and `check strategies/`
agree), the same as SARIF's (`findings.fingerprint`: by what a finding is about, not by
list position). Two findings with the same fingerprint (same file, code, stable path and
text) are told apart by their order: the second gets a hash of the fingerprint and "2",
and so on.

Keys are sorted and nothing comes from the clock: the same report gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from funnelcheck.findings import FileResult, Finding, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.sarif import encodable, relative_to_cwd, result_fingerprint

SEVERITIES: Mapping[Severity, str] = {
    Severity.INFO: "info",
    Severity.WARNING: "minor",
    Severity.ERROR: "major",
}
READ_ERROR = "read-error"


def _path(file: str, cwd: str) -> str:
    relative = relative_to_cwd(file, cwd)
    return file if relative is None else relative


def _description(finding: Finding) -> str:
    location = finding.location
    where = location.path
    if location.stage is not None:
        where = f'{where} (stage "{location.stage}")' if where else f'stage "{location.stage}"'
    return f"{finding.message} [at {where}]" if where else finding.message


def _unique(key: str, seen: dict[str, int]) -> str:
    """`key` the first time; a deterministic, distinct hash of it on each repeat."""
    seen[key] = seen.get(key, 0) + 1
    if seen[key] == 1:
        return key
    repeat = f"{key}\0{seen[key]}".encode()
    return hashlib.sha256(repeat).hexdigest()[:32]


class GitlabReporter(Reporter):
    name = "gitlab"
    extension = "json"

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """`json.dumps(entries, indent=2, sort_keys=True)`, an entry at a time as the
        results are read back (never the whole list at once)."""
        seen: dict[str, int] = {}
        separator = "[\n  "
        for result in report.files:
            for entry in _entries(result, ctx.cwd, seen):
                text = json.dumps(entry, indent=2, ensure_ascii=False, sort_keys=True)
                yield encodable(separator + text.replace("\n", "\n  "))
                separator = ",\n  "
        yield "[]\n" if separator == "[\n  " else "\n]\n"


def _entries(result: FileResult, cwd: str, seen: dict[str, int]) -> Iterator[dict[str, Any]]:
    """One file's Code Quality entries: its read error, then its findings."""
    if result.error is not None:
        key = hashlib.sha256(
            f"{result.file}\0{READ_ERROR}".encode("utf-8", "surrogatepass")
        ).hexdigest()[:32]
        yield {
            "description": f"could not read the file: {result.error}",
            "check_name": READ_ERROR,
            "fingerprint": _unique(key, seen),
            "severity": SEVERITIES[Severity.ERROR],
            "location": {"path": _path(result.file, cwd), "lines": {"begin": 1}},
        }
    for finding in result.findings:
        yield {
            "description": _description(finding),
            "check_name": finding.code,
            "fingerprint": result_fingerprint(finding, cwd, seen),
            "severity": SEVERITIES[finding.severity],
            "location": {
                "path": _path(finding.location.file, cwd),
                "lines": {"begin": max(finding.location.line, 1)},
            },
        }
