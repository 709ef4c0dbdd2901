"""`--format html`: one self-contained page for a pitch review (issue 19).

One HTML file for one or many strategies, made to be put on a screen or printed:

- a summary at the top (files, errors, warnings, infos) and, for several files, a table of
  the files with their counts, each linking to its section;
- per strategy, the relay as an inline SVG drawn from the same `Relay` data as the terminal
  relay (stages left to right as runners with role, conversion and what they carry; the
  problem's concepts as lanes each stage carries or drops; each dropped handoff marked), with
  a text alternative listing the drops;
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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from funnelcheck.findings import FileResult, Finding, Relay, Report, Severity
from funnelcheck.reporters.base import RenderContext, Reporter

#: Width of one runner's column in the relay picture, and the geometry around it.
_COLUMN = 200
_LEFT = 150
_TOP = 34
_LANE = 26
_BOX = 58

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


@dataclass(frozen=True)
class _Lane:
    concept: str
    y: int


class HtmlReporter(Reporter):
    name = "html"
    extension = "html"

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
    """Coordinates for the relay SVG, from the relay data alone (nothing recomputed)."""
    relay: Relay = result.relay  # type: ignore[assignment]
    lanes = [_Lane(c, _TOP + _BOX + 30 + i * _LANE) for i, c in enumerate(relay.concepts)]
    stages = []
    for column, stage in enumerate(relay.stages):
        x = _LEFT + column * _COLUMN
        dots = []
        for lane in lanes:
            if not stage.says_something:
                state = "silent"
            elif lane.concept in stage.carries:
                state = "carried"
            else:
                state = "dropped"
            dots.append({"x": x + _COLUMN // 2 - 10, "y": lane.y, "state": state})
        stages.append({"x": x, "stage": stage, "dots": dots})
    columns = {s.index: c for c, s in enumerate(relay.stages)}
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
    handoffs = []
    drops = []
    for handoff in relay.handoffs:
        a, b = columns.get(handoff.source), columns.get(handoff.target)
        if a is None or b is None:
            continue
        source = relay.stages[a]
        target = relay.stages[b]
        x1 = _LEFT + a * _COLUMN + _COLUMN - 20
        x2 = _LEFT + b * _COLUMN
        text = f"{source.name} → {target.name}: " + (
            "held (" + ", ".join(handoff.passed) + ")" if handoff.held else "DROPPED"
        )
        if not handoff.held:
            why = messages.get(target.index, "no concept passes across")
            drops.append(f"{source.name} → {target.name}: {why}")
        handoffs.append({"x1": x1, "x2": x2, "held": handoff.held, "text": text, "skip": b - a > 1})
    width = _LEFT + max(len(relay.stages), 1) * _COLUMN + 20
    height = (lanes[-1].y if lanes else _TOP + _BOX) + 20
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
        "top": _TOP,
    }
