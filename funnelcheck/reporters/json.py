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
    RelayStage,
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
        files = report.files
        # Made by the workers of a parallel run (see Reporter.render_file), or here.
        rendered = getattr(files, "rendered", None)
        for n in range(len(files)):
            text = rendered(n, self.name) if rendered is not None else None
            if text is None:
                text = self.render_file(files[n])
            yield ("," if n else "") + "\n    " + text
        yield "\n  ]" if files else "]"
        if ctx.statistics:
            per_rule = [{"code": c, "name": n, "findings": k} for c, n, k in report.per_rule()]
            yield ',\n  "statistics": ' + _dumps(per_rule, "  ")
        if report.fixed:
            fixed = _dumps([dict(entry) for entry in report.fixed], "  ")
            yield ',\n  "baseline_fixed": ' + fixed
        yield "\n}\n"

    def render_file(self, result: FileResult) -> str:
        """One file's object, as it stands in the report's `files` list."""
        return _dumps(_file(result), "    ")


def _dumps(value: Any, indent: str = "") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2, default=_plain)`; lines after the
    first start with `indent` (a JSON string never holds a raw line break)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=_plain)
    return text.replace("\n", "\n" + indent) if indent else text


def _file(result: FileResult) -> dict[str, Any]:
    return {
        "file": result.file,
        "error": result.error,
        "findings": [_finding(f) for f in result.findings],
        "suppressed": result.suppressed,
        "relay": None if result.relay is None else _relay(result.relay),
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


def _location(loc: Location) -> dict[str, Any]:
    return {
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "path": loc.path,
        "stage": loc.stage,
    }


def _relay(relay: Relay) -> dict[str, Any]:
    out = {
        "concepts": list(relay.concepts),
        "stages": [_relay_stage(s) for s in relay.stages],
        "handoffs": [
            {"from": h.source, "to": h.target, "passed": list(h.passed), "held": h.held}
            for h in relay.handoffs
        ],
        "leads_needed": relay.leads_needed,
        "customers_out": relay.customers_out,
    }
    if relay.paths:  # a branching funnel; one line's report stays as it was
        out["paths"] = list(relay.paths)
    return out


def _relay_stage(stage: RelayStage) -> dict[str, Any]:
    out: dict[str, Any] = {
        "index": stage.index,
        "name": stage.name,
        "role": stage.role,
        "line": stage.line,
        "says_something": stage.says_something,
        "carries": list(stage.carries),
        "misses": list(stage.misses),
        "conversion": stage.conversion,
    }
    if stage.path is not None:
        out["path"] = stage.path
    if stage.retells:  # absent where none, so a report without them stays as it was
        out["retells"] = list(stage.retells)
    if stage.price_only:
        out["price_only"] = True
    if stage.why is not None:  # only with --why: the report is otherwise as it always was
        out["why"] = [
            {
                "concept": w.concept,
                "wording": w.wording,
                "words": w.words,
                "path": w.path,
                "line": w.line,
                "column": w.column,
                "exact": w.exact,
                **({"pain": w.pain} if w.pain is not None else {}),
            }
            for w in stage.why
        ]
    return out


def _data(data: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): data[k] for k in sorted(data, key=str)}


def _plain(value: Any) -> Any:
    """Figures are exact decimals: written as their text, never as a rounded float."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | set | frozenset):
        return sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
    return str(value)
