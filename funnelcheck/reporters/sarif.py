"""`--format sarif`: SARIF 2.1.0 for code-scanning uploads (GitHub, Azure DevOps, IDE viewers).

One run. `tool.driver.rules` lists every rule of the report with its reference text (the
rule's docstring) so that a viewer can explain a result without funnelcheck installed.
Each result points at its file through a percent-encoded URI relative to the working
directory (`uriBaseId` "%SRCROOT%", declared in `run.originalUriBaseIds`); files outside
the working directory get an absolute `file://` URI instead, since a relative reference
with `..` would climb out of the source root a viewer maps "%SRCROOT%" to. Columns count
Unicode code points (`run.columnKind`), as every funnelcheck location does. The other end
of a handoff is a `relatedLocation`; `partialFingerprints["funnelcheck/v1"]` is the
line-free fingerprint the baselines use (file, code, stable path and the text concerned:
`findings.fingerprint`), so a finding keeps its identity when lines move and when the
stages, claims or plans around it are inserted, removed or reordered. The file in it is
the one the URI names, relative to the working directory, so that `check .`
(`./strategies/x.yaml`) and `check strategies/` give the same fingerprints; two results of
one run that would share one (two amounts in one claim) are told apart by their order, as
the GitLab report does.
Files that could not be read are `toolExecutionNotifications` of the one invocation, which
is then not `executionSuccessful`.

Nothing here reads the clock or the environment: the same report gives the same bytes
(keys sorted, rules in code order, results in report order).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity, fingerprint
from funnelcheck.reporters.base import RenderContext, Reporter

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
#: Where a SARIF viewer sends a reader who wants to know the tool; the package's index page
#: until the project has a home page of its own.
INFORMATION_URI = "https://pypi.org/project/funnelcheck/"
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT_KEY = "funnelcheck/v1"

LEVELS: Mapping[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}

# Paths from a directory walk may carry undecodable bytes as lone surrogates
# (surrogateescape); JSON text written as UTF-8 cannot hold them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Where a rule's docstring stops describing the rule and starts showing examples.
_EXAMPLES_START = re.compile(r"^\*\*(Failing|Passing) example", re.MULTILINE)


def encodable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so that it can be written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def absolute_directory(cwd: str) -> str:
    """The working directory as an absolute, normalised path (no filesystem access)."""
    return os.path.normpath(os.path.abspath(cwd))


def relative_to_cwd(file: str, cwd: str) -> str | None:
    """`file` relative to `cwd` with '/' separators, or None when it lies outside `cwd`.

    Purely lexical (no symlinks resolved): a report names files as they were given, and
    the same report must render the same on any machine.
    """
    base = absolute_directory(cwd)
    target = os.path.normpath(os.path.join(base, file))
    try:
        common = os.path.commonpath([base, target])
    except ValueError:  # different drives on Windows
        return None
    if common != base:
        return None
    relative = os.path.relpath(target, base)
    return PurePath(relative).as_posix()


def _quote(text: str) -> str:
    """Percent-encode everything but unreserved characters and '/'.

    Undecodable file-name bytes (surrogateescape) go back to the bytes they stood for;
    any other lone surrogate is encoded as its UTF-8-like bytes so the URI stays valid.
    """
    try:
        return quote(text, safe="/", errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(text, safe="/", errors="surrogatepass")


def source_root_uri(cwd: str) -> str:
    """The `file://` URI of the working directory, ending in '/' as SARIF requires."""
    uri = file_uri(absolute_directory(cwd))
    return uri if uri.endswith("/") else uri + "/"


def file_uri(absolute_path: str) -> str:
    """A `file://` URI for an absolute path, percent-encoded."""
    posix = PurePath(absolute_path).as_posix()
    if not posix.startswith("/"):  # a Windows drive path: file:///C:/...
        posix = "/" + posix
    return "file://" + _quote(posix)


def artifact_location(file: str, cwd: str) -> dict[str, str]:
    """A SARIF `artifactLocation`: relative to %SRCROOT% inside cwd, absolute outside it."""
    relative = relative_to_cwd(file, cwd)
    if relative is None:
        target = os.path.normpath(os.path.join(absolute_directory(cwd), file))
        return {"uri": file_uri(target)}
    uri = _quote(relative)
    # A first segment such as "a:b" would read as a scheme; quote() already encodes ':',
    # and normpath leaves no leading "//" that could read as an authority.
    return {"uri": uri, "uriBaseId": SOURCE_ROOT}


def _full_description(reference: str) -> str:
    """The docstring up to its examples: what the rule checks and why."""
    match = _EXAMPLES_START.search(reference)
    return reference[: match.start()].rstrip() if match else reference


class SarifReporter(Reporter):
    name = "sarif"
    extension = "sarif"

    def __init__(self, rule_texts: Mapping[str, str] | None = None) -> None:
        # Tests pass fixed texts so that golden files do not follow every docstring edit.
        self._rule_texts = rule_texts

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The text of `json.dumps(document, indent=2, sort_keys=True)`, result by result.

        A run over thousands of files has hundreds of thousands of results: they are
        written as they are read back, never held as one document (issue 7).
        """
        rules = self._rules(report)
        rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
        unreadable = report.errors()
        # The run's members before "results" (keys sorted: columnKind, invocations,
        # originalUriBaseIds), then the results, then "tool".
        before = {
            "columnKind": "unicodeCodePoints",
            "invocations": [
                {
                    "executionSuccessful": not unreadable,
                    "toolExecutionNotifications": [
                        _unreadable(result, ctx.cwd) for result in unreadable
                    ],
                }
            ],
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": source_root_uri(ctx.cwd)}},
        }
        tool = {
            "driver": {
                "name": "funnelcheck",
                "version": report.version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        }
        opened = _dumps(before, "    ")[: -len("\n    }")]
        yield encodable(f'{{\n  "$schema": {_dumps(SCHEMA_URI)},\n  "runs": [\n    {opened},')
        yield '\n      "results": ['
        seen: dict[str, int] = {}
        separator = "\n        "
        for finding in report.iter_findings():
            result = _result(finding, rule_index[finding.code], ctx.cwd, seen)
            yield encodable(separator + _dumps(result, "        "))
            separator = ",\n        "
        yield "]" if separator == "\n        " else "\n      ]"
        yield encodable(f',\n      "tool": {_dumps(tool, "      ")}\n    }}\n  ],')
        yield f'\n  "version": {_dumps(SARIF_VERSION)}\n}}\n'

    def _rules(self, report: Report) -> list[dict[str, Any]]:
        """Every rule of the report, plus any code a finding carries that the report lacks
        (a result's `ruleIndex` must point somewhere), in code order."""
        known: dict[str, tuple[str, Severity, str]] = dict(report.rules)
        for finding in report.iter_findings():
            known.setdefault(finding.code, (finding.name, finding.severity, finding.name))
        codes = sorted(known)
        # The reference pages come with the report (the engine knows the rules that ran,
        # plugins included); a reporter never asks the rule registry.
        texts = self._rule_texts if self._rule_texts is not None else report.pages
        rules = []
        for code in codes:
            name, severity, summary = known[code]
            reference = texts.get(code) or summary
            full = _full_description(reference)
            rules.append(
                {
                    "id": code,
                    "name": name,
                    "shortDescription": {"text": summary},
                    "fullDescription": {"text": full, "markdown": full},
                    "help": {"text": reference, "markdown": reference},
                    "defaultConfiguration": {"level": LEVELS[severity]},
                }
            )
        return rules


def _dumps(value: Any, indent: str = "") -> str:
    """Sorted, indented JSON; lines after the first start with `indent`."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return text.replace("\n", "\n" + indent) if indent else text


def _where(location: Location) -> str:
    """The data path and stage, for messages: `stages[1].claims[0] (stage "Demo")`."""
    if location.stage is not None:
        return f'{location.path} (stage "{location.stage}")'
    return location.path


def _physical(location: Location, cwd: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(location.file, cwd)}
    if location.line >= 1:
        region = {"startLine": location.line}
        if location.column >= 1:
            region["startColumn"] = location.column
        physical["region"] = region
    return physical


def _location(location: Location, cwd: str) -> dict[str, Any]:
    out: dict[str, Any] = {"physicalLocation": _physical(location, cwd)}
    if location.path:
        # The stage's name is no logical location's name (that would be the path's last
        # step); it goes into the result's properties instead.
        out["logicalLocations"] = [{"fullyQualifiedName": location.path}]
    return out


def result_fingerprint(finding: Finding, cwd: str, seen: dict[str, int]) -> str:
    """The finding's line-free fingerprint over its file as the URI names it, unique in `seen`.

    The first result with a key gets the key; each repeat a deterministic hash of it and
    its count, so that the same report gives the same fingerprints.
    """
    relative = relative_to_cwd(finding.location.file, cwd)
    if relative is not None:
        location = dataclasses.replace(finding.location, file=relative)
        finding = dataclasses.replace(finding, location=location)
    key = fingerprint(finding)
    seen[key] = seen.get(key, 0) + 1
    if seen[key] == 1:
        return key
    return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]


def _result(finding: Finding, rule_index: int, cwd: str, seen: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.location, cwd)],
        "partialFingerprints": {FINGERPRINT_KEY: result_fingerprint(finding, cwd, seen)},
    }
    if finding.related:
        related = []
        for number, other in enumerate(finding.related):
            entry = _location(other, cwd)
            entry["id"] = number
            entry["message"] = {"text": f"related: {_where(other)}" if other.path else "related"}
            related.append(entry)
        result["relatedLocations"] = related
    if finding.location.stage is not None:
        result["properties"] = {"stage": finding.location.stage}
    return result


def _unreadable(result: FileResult, cwd: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"could not read {result.file}: {result.error}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(result.file, cwd)}}
        ],
    }
