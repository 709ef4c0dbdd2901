"""`--format json`: one document for pipelines, described by `schemas/report.schema.json`."""

from __future__ import annotations

import json
from collections.abc import Mapping
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
        counts = report.counts()
        document = {
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
            "files": [_file(result) for result in report.files],
        }
        if report.fixed:
            document["baseline_fixed"] = [dict(entry) for entry in report.fixed]
        return json.dumps(document, ensure_ascii=False, indent=2, default=_plain) + "\n"


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
