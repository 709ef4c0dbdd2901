"""`--format html`: one self-contained page for a pitch review (issue 19).

One HTML file for one or many strategies, made to be put on a screen or printed:

- a summary at the top (files, errors, warnings, infos) and, for several files, a table of
  the files with their counts, each linking to its section;
- per strategy, the relay as an inline SVG drawn from the same `Relay` data as the terminal
  relay (stages left to right as runners with role, conversion and what they carry; the
  problem's concepts as lanes each stage carries or drops; each dropped handoff marked), with
  a text alternative listing the drops; each runner shows the leads that must enter it
  (`RelayStage.leads`, from `funnel.stage_entrants`); a branching funnel draws each path
  as a band of its own, side by side, with the split and the join marked;
- the upside-down funnel: each reference customer's six answers beside the stages that
  must deliver them (`FileResult.pitch.references`, mapped in `funnelcheck.model.upside_down`),
  each row with the FC6xx findings on that answer;
- the price against what the customer has: the typical customer's bill beside the
  segment's budget, the problem's cost and the willingness-to-pay range as a small SVG
  bar chart with the numbers written on it (`FileResult.pitch.price`, from
  `price_picture.price_picture`; nothing is priced here), what is missing said in words;
- the findings grouped by stage, most severe first, each with `file:line:col`, the YAML
  path, the message and the rule's reference page folded under it (`<details>`).

Nothing is loaded from anywhere: styles are inline, there is no script, and the page's
Content-Security-Policy forbids scripts and every external load. Every string from a
strategy or a file name goes through jinja2's autoescaping (nothing is marked safe). Each
strategy starts a new printed page (`break-before: page`; A4 and Letter both fit the
`@page` margins). jinja2 is imported only when this format is chosen: it is the `html`
extra (`pip install 'funnelcheck[html]'`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from funnelcheck.findings import FileResult, Finding, Relay, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter

#: Width of one runner's column in the relay picture, and the geometry around it.
_COLUMN = 200
_LEFT = 150
_TOP = 52
_LANE = 26
_BOX = 74

SEVERITY_MARK = {Severity.ERROR: "✖ error", Severity.WARNING: "▲ warning", Severity.INFO: "● info"}


class HtmlUnavailable(RuntimeError):
    """jinja2 is not installed: the message says how to get it."""


def _environment() -> Any:
    try:
        import jinja2
    except ImportError:  # pragma: no cover - the test extra installs it
        raise HtmlUnavailable(
            "the html format needs jinja2: pip install 'funnelcheck[html]'"
        ) from None
    return jinja2.Environment(
        loader=jinja2.PackageLoader("funnelcheck.reporters", "html_templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class HtmlReporter(Reporter):
    name = "html"
    extension = "html"
    draws_pitch = True

    def render(self, report: Report, ctx: RenderContext) -> str:
        return "".join(self.stream(report, ctx))

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        env = _environment()
        counts = report.counts()
        rows = []
        for number, result in enumerate(report.files, 1):
            per = dict.fromkeys(Severity, 0)
            for finding in result.findings:
                per[finding.severity] += 1
            rows.append(
                {
                    "anchor": f"strategy-{number}",
                    "file": result.file,
                    "error": result.error,
                    "errors": per[Severity.ERROR],
                    "warnings": per[Severity.WARNING],
                    "infos": per[Severity.INFO],
                }
            )
        yield env.get_template("head.html.j2").render(
            report=report,
            files=rows,
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
        )
        template = env.get_template("strategy.html.j2")
        for number, result in enumerate(report.files, 1):
            yield template.render(
                anchor=f"strategy-{number}",
                result=result,
                relay=_relay_picture(result) if result.relay is not None else None,
                upside_down=_upside_down(result),
                price=_price(result),
                groups=_groups(result, report),
            )
        yield env.get_template("foot.html.j2").render(report=report)


def _stage_of(finding: Finding) -> int | None:
    path = finding.location.path
    if path.startswith("stages[") and "]" in path:
        text = path[7 : path.index("]")]
        if text.isdigit():
            return int(text)
    return None


def _groups(result: FileResult, report: Report) -> list[dict[str, Any]]:
    """The findings by stage (funnel order, then those outside any stage), most severe first."""
    names: dict[int, str] = {}
    if result.relay is not None:
        names = {s.index: s.name for s in result.relay.stages}
    by: dict[int | None, list[Finding]] = {}
    for finding in result.findings:
        by.setdefault(_stage_of(finding), []).append(finding)
    order = sorted((k for k in by if k is not None), key=int)
    keys: list[int | None] = [*order, None] if None in by else list(order)
    groups = []
    for key in keys:
        items = sorted(by[key], key=lambda f: (-f.severity, f.sort_key()))
        if key is None:
            title = "Outside the stages"
        else:
            stage_name = names.get(key) or items[0].location.stage or ""
            title = f"Stage {key + 1}: {stage_name}" if stage_name else f"Stage {key + 1}"
        groups.append(
            {
                "title": title,
                "findings": [
                    {
                        "finding": f,
                        "mark": SEVERITY_MARK[f.severity],
                        "label": f.severity.label,
                        "page": report.pages.get(f.code, "") if report.pages else "",
                        "summary": report.rules.get(f.code, ("", Severity.INFO, ""))[2],
                    }
                    for f in items
                ],
            }
        )
    return groups


def _relay_picture(result: FileResult) -> dict[str, Any]:
    """Coordinates for the relay SVG, from the relay data alone (nothing recomputed).

    One line of runners for a funnel that does not branch. In a funnel that branches, each
    path is a band of its own (its stages in one row, side by side with the other paths'),
    the stages every lead passes span the bands, and the split and the join are marked.
    Each band carries the problem's concepts as lanes, so a path reads as a relay of its own.
    """
    relay: Relay = result.relay  # type: ignore[assignment]
    ids = [label.split(" ", 1)[0] for label in relay.paths]
    used = {s.path for s in relay.stages if s.path is not None}
    rows = [i for i in ids if i in used]
    labels = {label.split(" ", 1)[0]: label for label in relay.paths}
    row_of = {path: r for r, path in enumerate(rows)}
    # Columns: a stage every lead passes takes the next one; a branch takes as many as its
    # longest path has stages, each path from the branch's first column.
    column_of: dict[int, int] = {}
    splits: list[tuple[int, int]] = []  # (first column of a branch, the column after it)
    column = 0
    branch: dict[str, int] | None = None
    start = 0
    for stage in relay.stages:
        row = row_of.get(stage.path) if stage.path is not None else None
        if row is None:
            if branch is not None:
                column = start + max(branch.values())
                splits.append((start, column))
                branch = None
            column_of[stage.index] = column
            column += 1
            continue
        if branch is None:
            branch, start = {}, column
        assert stage.path is not None
        taken = branch.get(stage.path, 0)
        column_of[stage.index] = start + taken
        branch[stage.path] = taken + 1
    if branch is not None:
        column = start + max(branch.values())
        splits.append((start, column))
    # Room above the runners for the split and join marks, where the funnel branches.
    top = _TOP if splits else _TOP - 18
    bands = max(len(rows), 1)
    band = _BOX + 30 + len(relay.concepts) * _LANE + 14
    lanes = [
        {"concept": c, "y": top + r * band + _BOX + 30 + i * _LANE}
        for r in range(bands)
        for i, c in enumerate(relay.concepts)
    ]
    stages: list[dict[str, Any]] = []
    for stage in relay.stages:
        x = _LEFT + column_of[stage.index] * _COLUMN
        row = row_of.get(stage.path) if stage.path is not None else None
        in_bands = range(bands) if row is None else (row,)
        y = top + (row or 0) * band
        height = _BOX + (bands - 1) * band if row is None else _BOX
        dots = []
        for r in in_bands:
            for i, concept in enumerate(relay.concepts):
                if not stage.says_something or stage.price_only:
                    state = "silent"  # not judged: says nothing, or only its terms
                elif concept in stage.carries:
                    state = "carried"
                else:
                    state = "dropped"
                ly = top + r * band + _BOX + 30 + i * _LANE
                dots.append({"x": x + _COLUMN // 2 - 10, "y": ly, "state": state})
        leads = None if stage.leads is None else f"{stage.leads:,}"
        stages.append(
            {"x": x, "y": y, "height": height, "stage": stage, "dots": dots, "leads": leads}
        )
    where: dict[int, int] = {s.index: x["x"] for s, x in zip(relay.stages, stages, strict=True)}
    # Which (band, column) a runner stands in: a line is drawn only where none stands
    # between its two ends (a silent stage between them, another path's trunk).
    occupied: set[tuple[int, int]] = set()
    for stage in relay.stages:
        row = row_of.get(stage.path) if stage.path is not None else None
        for r in range(bands) if row is None else (row,):
            occupied.add((r, column_of[stage.index]))
    # The one-line message told at a drop: the handoff rule's (FC103) on the stage the baton
    # should reach, else another story rule's (FC1xx) there.
    messages: dict[int, str] = {}
    story = sorted(
        (f for f in result.findings if f.code.startswith("FC1")),
        key=lambda f: (f.code != "FC103", f.sort_key()),
    )
    for finding in story:
        index = _stage_of(finding)
        if index is not None and index not in messages:
            messages[index] = finding.message
    names = {s.index: s for s in relay.stages}
    handoffs = []
    drops = []
    for handoff in relay.handoffs:
        a, b = where.get(handoff.source), where.get(handoff.target)
        if a is None or b is None:
            continue
        source, target = names[handoff.source], names[handoff.target]
        text = f"{source.name} → {target.name}: " + (
            "held (" + ", ".join(handoff.passed) + ")" if handoff.held else "DROPPED"
        )
        if not handoff.held:
            why = messages.get(target.index, "no concept passes across")
            drops.append(f"{source.name} → {target.name}: {why}")
        # The line runs in the band of the path it enters or leaves (the top one between
        # two stages every lead passes).
        row = row_of.get(target.path or "", row_of.get(source.path or "", 0))
        y = top + row * band + _BOX // 2
        handoffs.append(
            {
                "x1": a + _COLUMN - 20,
                "x2": b,
                "y": y,
                "label_y": top + row * band - 8,
                "held": handoff.held,
                "text": text,
                "skip": any(
                    (row, c) in occupied
                    for c in range(column_of[source.index] + 1, column_of[target.index])
                )
                or b <= a,
            }
        )
    width = _LEFT + max(column, 1) * _COLUMN + 20
    height = top + bands * band
    return {
        "relay": relay,
        "lanes": lanes,
        "stages": stages,
        "handoffs": handoffs,
        "drops": drops,
        "width": width,
        "height": height,
        "box": _BOX,
        "column": _COLUMN,
        "top": top,
        "bands": [{"label": labels[path], "y": top + r * band} for r, path in enumerate(rows)],
        "splits": [
            {"x": _LEFT + first * _COLUMN - 10, "join": _LEFT + after * _COLUMN - 10}
            for first, after in splits
        ],
    }


def _upside_down(result: FileResult) -> dict[str, Any] | None:
    """Each reference customer's answers (the engine's mapping) with the FC6xx findings on
    each: a finding on an answer's key, or FC602's naming the question unanswered."""
    if result.pitch is None:
        return None
    on_customer: dict[int, list[Finding]] = {}
    elsewhere: list[Finding] = []
    for finding in result.findings:
        if not finding.code.startswith("FC6"):
            continue
        match = _CUSTOMER.match(finding.location.path)
        if match is None:
            elsewhere.append(finding)
        else:
            on_customer.setdefault(int(match.group(1)), []).append(finding)
    customers = []
    for view in result.pitch.references:
        mine = on_customer.get(view.index, [])
        placed: set[int] = set()
        rows = []
        for answer in view.answers:
            here = []
            for n, finding in enumerate(mine):
                rest = finding.location.path[len(f"reference_customers[{view.index}]") :]
                on_key = any(rest == f".{k}" or rest.startswith(f".{k}.") for k in answer.keys)
                unanswered = finding.data.get("unanswered") if finding.data else None
                if on_key or (isinstance(unanswered, list) and answer.question in unanswered):
                    here.append(_item(finding))
                    placed.add(n)
            rows.append({"answer": answer, "findings": here})
        others = [_item(f) for n, f in enumerate(mine) if n not in placed]
        customers.append({"view": view, "rows": rows, "others": others})
    return {"customers": customers, "elsewhere": [_item(f) for f in elsewhere]}


_CUSTOMER = re.compile(r"reference_customers\[(\d+)\]")
#: The rules that hold the bill against what the customer has: budget, cost, the range.
_PRICE_RULES = ("FC301", "FC303", "FC304")

#: The chart's geometry: the labels' column, the bars' length at the largest figure.
_CHART_LABEL = 230
_CHART_BAR = 380
_CHART_ROW = 34


def _price(result: FileResult) -> dict[str, Any] | None:
    """The price chart: each figure of the engine's picture as a bar (a band for the range)
    on one scale, its number written beside it; FC301, FC303 and FC304 under it."""
    if result.pitch is None or result.pitch.price is None:
        return None
    picture = result.pitch.price
    drawn = [f for f in picture.figures if f.amount is not None]
    largest = max((f.amount for f in drawn if f.amount is not None), default=None)
    bars: list[dict[str, Any]] = []
    for row, figure in enumerate(drawn):
        assert figure.amount is not None
        scale = min(max(float(figure.amount / largest), 0.0), 1.0) if largest else 0.0
        low = float(figure.low / largest) if largest and figure.low is not None else None
        end = round(_CHART_BAR * scale)
        begin = round(_CHART_BAR * low) if low is not None else 0
        bars.append(
            {
                "figure": figure,
                "kind": figure.kind,
                "y": 10 + row * _CHART_ROW,
                "x": _CHART_LABEL + begin,
                "width": max(end - begin, 2),
                "text_x": _CHART_LABEL + end + 8,
            }
        )
    findings = [_item(f) for f in result.findings if f.code in _PRICE_RULES]
    # A dashed line down from the end of the (first) bill, to hold each figure against it.
    first_bill = next((b for b in bars if b["kind"] == "bill"), None)
    return {
        "axis_x": _CHART_LABEL,
        "marker_x": None if first_bill is None else first_bill["x"] + first_bill["width"],
        "picture": picture,
        "bars": bars,
        "width": _CHART_LABEL + _CHART_BAR + 360,
        "height": 20 + len(bars) * _CHART_ROW,
        "label_x": _CHART_LABEL - 10,
        "findings": findings,
    }


def _item(finding: Finding) -> dict[str, Any]:
    return {
        "finding": finding,
        "mark": SEVERITY_MARK[finding.severity],
        "label": finding.severity.label,
    }
