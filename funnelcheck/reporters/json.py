"""`--format json`: one document for pipelines, described by `schemas/report.schema.json`."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from decimal import Decimal
from json.encoder import encode_basestring
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
    reads_rendered_only = True

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
    """`json.dumps(value, ensure_ascii=False, indent=2, default=_plain)`, byte for byte;
    lines after the first start with `indent`.

    The standard library falls back to its pure-Python encoder, a generator yielding a
    chunk per token, whenever `indent` is set; this writes the same text into one list,
    with strings escaped by the C escaper, in half its time. That is 4% of a `--jobs 1`
    run's instructions, and perf.py's bound for it (at most 4x the C loader's floor)
    depends on it (issue 13). tests/reporters hold the two equal on every naughty string
    and on arbitrary values.
    """
    out: list[str] = []
    _encode(value, "\n" + indent, out)
    return "".join(out)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """Append the indented JSON text of `value`; `newline` is a line break plus indent."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            head = separator + encode_basestring(key if type(key) is str else _key(key)) + ": "
            separator = "," + inner
            # Most values are plain strings, whole numbers or null: written here, without
            # a call per value (the report's hot loop).
            kind = type(item)
            if kind is str:
                out.append(head + encode_basestring(item))
            elif item is None:
                out.append(head + "null")
            elif kind is int:
                out.append(head + int.__repr__(item))
            else:
                out.append(head)
                _encode(item, inner, out)
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            if type(item) is str:
                out.append(separator + encode_basestring(item))
            else:
                out.append(separator)
                _encode(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:
        _encode(_plain(value), newline, out)


def _float(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")


def _key(key: Any) -> str:
    """A mapping key as `json.dumps` writes it (it refuses keys of other types)."""
    if isinstance(key, str):
        return key
    if key is True or key is False or key is None:
        return json.dumps(key)
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _float(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


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
