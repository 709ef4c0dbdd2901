"""The price rules on strategies of real businesses (issue 14), run as a user runs them.

tests/realworld/ holds strategies written from real public pricing pages and pitches, each as
honestly aligned as a careful product manager would make it, and in drifted/ copies of some
with price drops planted, each labelled `# planted: CODE PATH` at the file's top (see
tests/realworld/README.md). The price rules (FC3xx, FC603) must raise no warning or error on
the aligned files, and on a drifted copy exactly its planted drops: each found, at warning
or error, at its path (the finding's path or a related path lies inside it or contains
it), and nothing else loud. `python tests/benchmarks/realworld.py` prints the figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from funnelcheck.cli import app

CORPUS = Path(__file__).resolve().parents[1] / "realworld"
ALIGNED = sorted(CORPUS.glob("*.yaml"))
DRIFTED = sorted((CORPUS / "drifted").glob("*.yaml"))
PLANTED = re.compile(r"^#\s*planted:\s*(FC\d{3})\s+(\S+)\s*(?:--.*)?$")
AS_OF = "2026-12-01"


def _findings(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    result = CliRunner().invoke(
        app,
        ["check", *map(str, paths), "--format", "json", "--as-of", AS_OF, "--jobs", "1"],
    )
    report = json.loads(result.stdout)
    return {Path(file["file"]).name: file["findings"] for file in report["files"]}


def _loud_price(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        f
        for f in findings
        if (f["code"].startswith("FC3") or f["code"] == "FC603")
        and f["severity"] in ("warning", "error")
    ]


def _near(path: str, label: str) -> bool:
    """A finding's path is the label's, inside it, or contains it."""
    return any(
        longer == shorter or longer.startswith((shorter + ".", shorter + "["))
        for longer, shorter in ((path, label), (label, path))
    )


def _at(finding: dict[str, Any], label: str) -> bool:
    paths = [finding["path"], *(r["path"] for r in finding["related"])]
    return any(_near(path, label) for path in paths)


def test_the_corpus_has_the_size_the_issue_asks() -> None:
    assert len(ALIGNED) >= 12 and len(DRIFTED) >= 6


def test_aligned_real_strategies_raise_no_price_warning_or_error() -> None:
    found = _findings(ALIGNED)
    assert sorted(found) == [p.name for p in ALIGNED]
    loud = {
        name: [f"{f['code']} {f['path']}: {f['message']}" for f in _loud_price(findings)]
        for name, findings in found.items()
    }
    assert {name: lines for name, lines in loud.items() if lines} == {}
    # Every shape is read: no file stops at the schema.
    unread = {
        n: [f["code"] for f in fs if f["code"] in ("FC002", "FC004")] for n, fs in found.items()
    }
    assert {n: codes for n, codes in unread.items() if codes} == {}


DRIFTED_HERE = sorted((Path(__file__).resolve().parent / "drifted").glob("*.yaml"))


@pytest.mark.parametrize(
    "path",
    DRIFTED + DRIFTED_HERE,
    ids=[f"{p.parent.parent.name}/{p.name}" for p in DRIFTED + DRIFTED_HERE],
)
def test_a_drifted_copy_raises_exactly_its_planted_price_drops(path: Path) -> None:
    labels = [
        (m.group(1), m.group(2))
        for line in path.read_text(encoding="utf-8").splitlines()
        if (m := PLANTED.match(line.strip()))
    ]
    assert labels, f"{path.name} plants nothing"
    loud = _loud_price(_findings([path])[path.name])
    missed = [
        (code, label)
        for code, label in labels
        if not any(f["code"] == code and _at(f, label) for f in loud)
    ]
    unplanted = [
        f"{f['code']} {f['path']}: {f['message']}"
        for f in loud
        if not any(f["code"] == code and _at(f, label) for code, label in labels)
    ]
    assert (missed, unplanted) == ([], [])


ALIGNED_HERE = sorted((Path(__file__).resolve().parent / "aligned").glob("*.yaml"))


def test_composites_in_the_phrasings_of_pricing_pages_raise_no_price_alarm() -> None:
    """Per-seat tiers on two billing periods, a base plus a card rate with an introductory
    offer, a device with financing and a stated value: written apart from tests/realworld,
    as a check of the kind of case, not of its files."""
    found = _findings(ALIGNED_HERE)
    loud = {
        name: [f"{f['code']} {f['path']}: {f['message']}" for f in _loud_price(findings)]
        for name, findings in found.items()
    }
    assert len(found) == 4
    assert {name: lines for name, lines in loud.items() if lines} == {}
