"""`funnelcheck diff` on a funnel that branches (`paths`): what each path's leads hear and the
handoffs on each path's way (issues 16 and 18), run as a user runs it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_cli import ROOT
from tests.test_cli_diff import diff, diff_json, write

TWO_PATHS = (ROOT / "sample_strategies" / "devtool-two-paths.yaml").read_text(encoding="utf-8")
TRIAL = "see which of your last fifty migrations would have locked a busy table."
DEMO = "Every migration checked for table locks and dropped columns before it ships"
RENEWAL = "the table locks and dropped columns caught"
# The self-serve trial stops talking about the problem; the sales demo and the renewal
# report stop naming dropped columns (the renewal is every path's).
REVISED = (
    TWO_PATHS.replace(TRIAL, "pick a colour theme for your dashboard.")
    .replace(DEMO, "Every migration checked for table locks before it ships")
    .replace(RENEWAL, "the table locks caught")
)
# The same funnel as one line: no `paths`, no stage on a path.
ONE_LINE = re.sub(r"\n    path: [a-z-]+", "", TWO_PATHS).replace(
    "paths:\n  - {id: self-serve, name: Self-serve, share: 0.8}\n"
    "  - {id: sales-assisted, name: Sales-assisted, share: 0.2}\n",
    "",
)


def test_the_revisions_took() -> None:
    assert TRIAL in TWO_PATHS and DEMO in TWO_PATHS and RENEWAL in TWO_PATHS
    assert "path:" not in ONE_LINE and "\npaths:" not in ONE_LINE


def test_each_path_says_what_its_leads_lost(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TWO_PATHS)
    new = write(tmp_path / "new.yaml", REVISED)
    _, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    paths = {p["path"]: p for p in entry["paths"]}
    assert set(paths) == {"self-serve", "sales-assisted"}
    self_serve, sales = paths["self-serve"], paths["sales-assisted"]
    assert self_serve["change"] == sales["change"] == "changed"
    # Only the renewal named dropped columns on the self-serve way: its leads lose them.
    # The docs still name table locks, so the trial's loss is not the path's.
    # With the dropped columns, the retold pain of broken reads goes too (`pain: broken-reads`).
    assert (self_serve["gained"], self_serve["lost"]) == (
        [],
        ["dropped column", "pain: broken-reads"],
    )
    assert self_serve["stages"] == [
        {
            "stage": "Free trial",
            "gained": [],
            "lost": ["migration", "pain: locked-tables", "table lock"],
        }
    ]
    assert self_serve["handoffs"] == [
        {"from": "Docs, blog and GitHub", "to": "Free trial", "change": "dropped"},
        {"from": "Free trial", "to": "Self-serve checkout", "change": "dropped"},
    ]
    # The sales path: the demo lost dropped columns, no handoff of its own dropped.
    assert sales["lost"] == ["dropped column", "pain: broken-reads"]
    assert sales["stages"] == [
        {
            "stage": "Demo for larger teams",
            "gained": [],
            "lost": ["dropped column", "pain: broken-reads"],
        }
    ]
    assert sales["handoffs"] == []
    # The stage list still has every stage, the renewal (every path's) among them.
    assert {s["stage"] for s in entry["stages"]} == {
        "Free trial",
        "Demo for larger teams",
        "Onboarding and renewal",
    }
    # The table and the comment show each change once, under its path.
    table = diff(str(old), str(new)).stdout
    assert "path story" in table and "path handoff" in table
    markdown = diff(str(old), str(new), "-f", "markdown").stdout
    lines = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert (
        "| path handoff | path self-serve: Docs, blog and GitHub -&gt; Free trial | dropped |"
        in (lines)
    )
    assert (
        "| path story | path sales-assisted | lost dropped column, pain: broken-reads "
        "(anywhere on the path) |"
    ) in lines
    assert "| story | Onboarding and renewal | lost dropped column, pain: broken-reads |" in lines
    assert not [line for line in lines if line.startswith("| story | Free trial")]
    assert not [line for line in lines if line.startswith("| handoff |")]


def test_paths_declared_or_given_up(tmp_path: Path) -> None:
    line = write(tmp_path / "line.yaml", ONE_LINE)
    branched = write(tmp_path / "branched.yaml", TWO_PATHS)
    _, document = diff_json(str(line), str(branched))
    [entry] = document["strategies"]
    assert [(p["path"], p["change"]) for p in entry["paths"]] == [
        ("self-serve", "added"),
        ("sales-assisted", "added"),
    ]
    # Compared with the line every lead used to follow, nothing a path's leads hear was lost.
    assert all(p["lost"] == [] and p["handoffs"] == [] for p in entry["paths"])
    _, document = diff_json(str(branched), str(line))
    [entry] = document["strategies"]
    assert [(p["path"], p["change"]) for p in entry["paths"]] == [
        ("self-serve", "removed"),
        ("sales-assisted", "removed"),
    ]
    # A funnel without paths on either side has no path breakdown.
    _, document = diff_json(str(line), str(line))
    assert document["strategies"][0]["paths"] == []
    assert document["strategies"][0]["status"] == "unchanged"
