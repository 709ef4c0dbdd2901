"""Renderers of `funnelcheck diff`: a rich table, JSON (schemas/diff.schema.json) and Markdown
for a pull-request comment (escaped as the Markdown report is). They only render the plain
data `funnelcheck.run.diff.compare` made; they decide nothing."""

from __future__ import annotations

import io
import json
from typing import Any

from funnelcheck.support.terminal import clean

DIFF_FORMATS = ("table", "json", "markdown")


def render(diff: dict[str, Any], fmt: str, color: bool = False, width: int | None = None) -> str:
    if fmt == "json":
        return render_json(diff)
    if fmt == "markdown":
        return render_markdown(diff)
    return render_table(diff, color=color, width=width)


def render_json(diff: dict[str, Any]) -> str:
    return json.dumps(diff, ensure_ascii=False, indent=2) + "\n"


def _status_line(entry: dict[str, Any]) -> str:
    status = entry["status"]
    if status == "renamed":
        return f"renamed {entry['old']} -> {entry['new']}"
    if status == "removed":
        return f"removed {entry['old']}"
    if status == "added":
        return f"added {entry['new']}"
    if entry["old"] != entry["new"]:
        return f"{status} {entry['old']} -> {entry['new']}"
    return f"{status} {entry['new']}"


def _details(entry: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(change, where, what) rows, in the order every format shows them."""
    rows: list[tuple[str, str, str]] = []
    for f in entry["introduced"]:
        rows.append(
            (
                f"+ {f['severity']}",
                f"{f['file']}:{f['line']}:{f['column']} {f['path']}",
                f"{f['code']} {f['message']}",
            )
        )
    for f in entry["resolved"]:
        rows.append(
            (
                f"- {f['severity']}",
                f"{f['file']}:{f['line']}:{f['column']} {f['path']}",
                f"{f['code']} {f['message']} (resolved)",
            )
        )
    # A branching funnel's changes on one path are shown under that path, not twice.
    paths = entry.get("paths", [])
    on_paths = {s["stage"] for p in paths for s in p["stages"]}
    path_handoffs = {(h["from"], h["to"]) for p in paths for h in p["handoffs"]}
    for s in entry["stages"]:
        if s["stage"] not in on_paths:
            rows.append(("story", s["stage"], _gained_lost(s)))
    for h in entry["handoffs"]:
        if (h["from"], h["to"]) not in path_handoffs:
            rows.append(("handoff", f"{h['from']} -> {h['to']}", h["change"]))
    for p in paths:
        name = f"path {p['path']}"
        if p["change"] != "changed":
            rows.append((f"path {p['change']}", name, ""))
        if p["gained"] or p["lost"]:
            rows.append(("path story", name, _gained_lost(p) + " (anywhere on the path)"))
        for s in p["stages"]:
            rows.append(("path story", f"{name}: {s['stage']}", _gained_lost(s)))
        for h in p["handoffs"]:
            rows.append(("path handoff", f"{name}: {h['from']} -> {h['to']}", h["change"]))
    if entry.get("paths_left_out"):
        rows.append(
            (
                "paths",
                "",
                f"{entry['paths_left_out']} more paths are not broken down one by one",
            )
        )
    for d in entry.get("details", []):
        what = d["what"] or d["change"]
        rows.append((f"{d['kind']} {d['change']}", d["where"], what))
    if entry["reviewed"] is not None:
        rows.append(
            ("reviewed", "reviewed", f"{entry['reviewed']['old']} -> {entry['reviewed']['new']}")
        )
    for e in entry["errors"]:
        rows.append(("error", "", e))
    return rows


def _gained_lost(change: dict[str, Any]) -> str:
    parts = []
    if change["gained"]:
        parts.append("gained " + ", ".join(change["gained"]))
    if change["lost"]:
        parts.append("lost " + ", ".join(change["lost"]))
    return "; ".join(parts)


def _summary(diff: dict[str, Any]) -> str:
    intro, res = diff["summary"]["introduced"], diff["summary"]["resolved"]

    def counts(c: dict[str, int]) -> str:
        return ", ".join(f"{n} {label}" for label, n in c.items() if n) or "none"

    return f"introduced: {counts(intro)}; resolved: {counts(res)}"


def render_table(diff: dict[str, Any], color: bool = False, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width or 100,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(Text(clean(f"funnelcheck diff {diff['old']} -> {diff['new']}")))
    for entry in diff["strategies"]:
        rows = _details(entry)
        console.print(Text(clean(_status_line(entry))))
        if not rows:
            continue
        table = Table(show_header=True, header_style="bold" if color else None)
        table.add_column("change", no_wrap=True)
        table.add_column("where", overflow="fold")
        table.add_column("what", overflow="fold")
        for change, where, what in rows:
            table.add_row(Text(clean(change)), Text(clean(where)), Text(clean(what)))
        console.print(table)
    console.print(Text(_summary(diff)))
    return out.getvalue()


def render_markdown(diff: dict[str, Any]) -> str:
    from funnelcheck.reporters.markdown import escape

    lines = [
        f"## funnelcheck diff: {escape(diff['old'])} → {escape(diff['new'])}",
        "",
        f"**{escape(_summary(diff))}**",
        "",
    ]
    for entry in diff["strategies"]:
        if entry["status"] == "unchanged":
            continue
        lines.append(f"### {escape(_status_line(entry))}")
        lines.append("")
        rows = _details(entry)
        if not rows:
            lines.append("No change to the findings or the story.")
            lines.append("")
            continue
        lines.append("| change | where | what |")
        lines.append("| --- | --- | --- |")
        for change, where, what in rows:
            lines.append(f"| {escape(change)} | {escape(where)} | {escape(what)} |")
        lines.append("")
    if all(e["status"] == "unchanged" for e in diff["strategies"]):
        lines.append("No strategy changed.")
        lines.append("")
    return "\n".join(lines)
