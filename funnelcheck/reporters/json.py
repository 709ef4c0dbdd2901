"""`--format json`: one document for pipelines, described by `schemas/report.schema.json`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from funnelcheck.findings import (
    FileResult,
    Finding,
    Location,
    Relay,
    Report,
    Severity,
    fingerprint,
)
from funnelcheck.reporters.base import RenderContext, Reporter

#: Bumped when a field changes meaning or disappears; adding fields does not bump it.
REPORT_FORMAT = 1


class JsonReporter(Reporter):
    name = "json"
    extension = "json"

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The document of `json.dumps(document, indent=2)`, written one file at a time."""
        counts = report.counts()
        head = {
            "report_format": REPORT_FORMAT,
            "tool": {"name": "funnelcheck", "version": report.version},
            "as_of": report.as_of,
            "summary": {
                "files": len(report.files),
                "unreadable": len(report.errors()),
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "infos": counts[Severity.INFO],
                "baselined": report.baselined,
            },
        }
        # The head as its own document, without its closing brace, then "files" by hand.
        yield _dumps(head)[:-2] + ',\n  "files": ['
        for n, result in enumerate(report.files):
            text = _dumps(_file(result)).replace("\n", "\n    ")
            yield ("," if n else "") + "\n    " + text
        yield "\n  ]" if report.files else "]"
        if report.fixed:
            fixed = _dumps([dict(entry) for entry in report.fixed]).replace("\n", "\n  ")
            yield ',\n  "baseline_fixed": ' + fixed
        yield "\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain)


def _file(result: FileResult) -> dict[str, Any]:
    out: dict[str, Any] = {"file": result.file, "error": result.error}
    out["findings"] = [_finding(f) for f in result.findings]
    out["suppressed"] = result.suppressed
    out["relay"] = _relay(result.relay) if result.relay is not None else None
    return out


def _location(loc: Location) -> dict[str, Any]:
    return {
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "path": loc.path,
        "stage": loc.stage,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": f.message,
        **_location(f.location),
        "related": [_location(r) for r in f.related],
        "data": _data(f.data),
        "fingerprint": fingerprint(f),
    }


def _relay(relay: Relay) -> dict[str, Any]:
    return {
        "concepts": list(relay.concepts),
        "stages": [
            {
                "index": s.index,
                "name": s.name,
                "role": s.role,
                "line": s.line,
                "says_something": s.says_something,
                "carries": list(s.carries),
                "misses": list(s.misses),
                "conversion": s.conversion,
            }
            for s in relay.stages
        ],
        "handoffs": [
            {"from": h.source, "to": h.target, "passed": list(h.passed), "held": h.held}
            for h in relay.handoffs
        ],
        "leads_needed": relay.leads_needed,
        "customers_out": relay.customers_out,
    }


def _data(data: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): data[k] for k in sorted(data, key=str)}


def _plain(value: Any) -> Any:
    """Figures are exact decimals: written as their text, never as a rounded float."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | set | frozenset):
        return sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
    return str(value)
