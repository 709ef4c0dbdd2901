"""Baselines: accept today's findings, report only new ones.

A baseline records each finding by file, code, stable path and a hash of its identity
(`findings.fingerprint`: code, stable path, the text concerned), never by line number or
list position, so editing unrelated lines, or inserting, removing or reordering stages,
claims, plans or customers, brings no recorded finding back. `--baseline FILE` drops the
findings it records and lists the entries that no longer occur (fixed, or what they are
about changed: a renamed stage, a reworded claim).

Format 2 (this one) records the stable path (`funnelcheck.run.identity`). A format-1 baseline
(paths by list position) is still read and matched as format 1 matched, by position, so
nothing already accepted comes back; `--write-baseline` rewrites it as format 2.

Files are recorded relative to the baseline file's directory, with `/` separators
("strategies/ledgerline.yaml"), and findings are matched the same way: the same file
named `./strategies/ledgerline.yaml` by `check .`, `strategies/ledgerline.yaml` by
pre-commit, by an absolute path, or from another working directory keeps its entries.
Standard input keeps the name it was given (`--stdin-filename`), read from the working
directory like any other.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from typing import Any

from funnelcheck.findings import Finding, Report, fingerprint
from funnelcheck.input.load import ReadRefused, read_bounded
from funnelcheck.support.atomic import write_atomic

BASELINE_FORMAT = 2
#: Formats `--baseline` reads: 1 matched by list position, as it was written.
READABLE_FORMATS = (1, 2)
#: The largest baseline read (about 200,000 recorded findings); a larger file is refused
#: before it is read (issue 12: a 2 GB baseline used 4.2 GB).
BASELINE_MAX_BYTES = 50_000_000


class BaselineError(Exception):
    """The baseline file cannot be read or written; the message says which and why."""


def _recorded_name(file: str, baseline_path: str) -> str:
    """`file` as the baseline records it: relative to the baseline's directory, `/`-separated.

    A file the relative path cannot reach (another drive on Windows) keeps its absolute path.
    """
    base = os.path.dirname(os.path.abspath(baseline_path))
    absolute = os.path.abspath(file)
    try:
        name = os.path.relpath(absolute, base)
    except ValueError:
        name = absolute
    return name.replace(os.sep, "/")


def _entry(finding: Finding, baseline_path: str, format: int = BASELINE_FORMAT) -> dict[str, str]:
    name = _recorded_name(finding.location.file, baseline_path)
    # The hash covers the file too: hash the recorded name, not the name as typed.
    recorded = dataclasses.replace(
        finding, location=dataclasses.replace(finding.location, file=name)
    )
    if format == 1:  # by list position: the path as it was located, not the stable one
        recorded = dataclasses.replace(recorded, stable_path="")
    return {
        "file": name,
        "code": finding.code,
        "path": recorded.identity[1],
        "fingerprint": fingerprint(recorded),
    }


def _key(entry: dict[str, str]) -> tuple[str, str, str, str]:
    return (entry["file"], entry["code"], entry["path"], entry["fingerprint"])


def write(report: Report, path: str) -> None:
    """Record every finding of the report (atomically)."""
    entries = sorted((_entry(f, path) for f in report.iter_findings()), key=_key)
    text = json.dumps(
        {"funnelcheck_baseline": BASELINE_FORMAT, "entries": entries},
        indent=2,
        ensure_ascii=False,
    )
    try:
        write_atomic(path, text + "\n")
    except OSError as exc:
        raise BaselineError(f"cannot write the baseline {path}: {exc.strerror or exc}") from exc


def read(path: str) -> tuple[int, list[dict[str, str]]]:
    """The baseline's format and its entries."""
    try:
        raw = read_bounded(path, BASELINE_MAX_BYTES)
    except ReadRefused as exc:
        if exc.reason == "no such file":
            raise BaselineError(
                f"the baseline {path} does not exist; create it with --write-baseline {path}"
            ) from None
        raise BaselineError(f"cannot read the baseline {path}: {exc.reason}") from None
    try:
        document: Any = json.loads(raw.decode("utf-8"), parse_int=_small_int)
    except UnicodeDecodeError as exc:
        raise BaselineError(f"cannot read the baseline {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}:{exc.lineno}:{exc.colno}: the baseline is not valid JSON ({exc.msg}); "
            "write it again with --write-baseline"
        ) from None
    except (RecursionError, ValueError):
        # Nested thousands deep, or a number of thousands of digits: no baseline we write.
        document = None
    entries = document.get("entries") if isinstance(document, dict) else None
    version = document.get("funnelcheck_baseline") if isinstance(document, dict) else None
    if isinstance(version, int) and version > BASELINE_FORMAT:
        raise BaselineError(
            f"{path} is a format-{version} baseline, newer than this funnelcheck reads "
            f"(format {BASELINE_FORMAT}); upgrade funnelcheck, or write it again with "
            f"--write-baseline {path}"
        )
    if (
        not isinstance(document, dict)
        or version not in READABLE_FORMATS
        or not isinstance(entries, list)
        or not all(
            isinstance(e, dict)
            and all(isinstance(e.get(k), str) for k in ("file", "code", "path", "fingerprint"))
            for e in entries
        )
    ):
        raise BaselineError(
            f"{path} is not a funnelcheck baseline (format {BASELINE_FORMAT}); "
            f"write it again with --write-baseline {path}"
        )
    assert isinstance(version, int)
    return version, entries


def _small_int(text: str) -> int:
    """A baseline's integers are small (its format number): a long one is refused before
    Python is asked to convert it (beyond 4,300 digits it refuses with ValueError)."""
    if len(text) > 18:
        raise ValueError("an integer too long for a baseline")
    return int(text)


def apply(report: Report, path: str, notes: list[str] | None = None) -> Report:
    """The report without the findings the baseline records, plus the entries now gone.

    A format-1 baseline is matched by list position, as it was written, and a note saying
    how to rewrite it is added to `notes`.
    """
    from funnelcheck.run.spool import ResultSpool

    format, entries = read(path)
    if format != BASELINE_FORMAT and notes is not None:
        notes.append(
            f"{path} is a format-{format} baseline: its findings are matched by their place "
            "in their lists, so inserting or reordering stages, claims or plans brings them "
            f"back; rewrite it with `funnelcheck check PATHS --write-baseline {path}`"
        )
    remaining = Counter(_key(e) for e in entries)
    baselined = 0
    # Kept as the report's own results are: out of memory, one file at a time.
    files = ResultSpool()
    for result in report.files:
        kept = []
        for finding in result.findings:
            key = _key(_entry(finding, path, format))
            if remaining[key] > 0:
                remaining[key] -= 1
                baselined += 1
            else:
                kept.append(finding)
        files.add(dataclasses.replace(result, findings=kept))
    fixed = [
        {"file": k[0], "code": k[1], "path": k[2], "fingerprint": k[3]}
        for k, n in sorted(remaining.items())
        for _ in range(n)
    ]
    return dataclasses.replace(report, files=files, fixed=fixed, baselined=baselined)
