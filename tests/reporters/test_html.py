"""`--format html`: one self-contained page for a pitch review (issue 19).

The page is read back with the standard library's HTML parser, as a browser builds its
DOM: what the tests look at is the elements, attributes and text a reader gets.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixed_report import CWD, naughty_report, naughty_strings

from funnelcheck.findings import FileResult, Finding, Location, Report, Severity
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_strategies"
STYLE = ROOT / "funnelcheck" / "reporters" / "html_templates" / "style.html.j2"

#: Every element and attribute the reporter itself writes; anything else came from input.
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "ul", "ol", "li", "strong", "span", "table", "caption", "thead", "tbody", "tr", "th",
    "td", "a", "main", "section", "figure", "figcaption", "svg", "desc", "line", "text",
    "g", "rect", "circle", "path", "code", "details", "summary", "div", "footer",
}  # fmt: skip
ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "aria-label", "aria-hidden",
    "scope", "href", "id", "aria-labelledby", "role", "viewbox", "width", "height", "xmlns",
    "x", "y", "x1", "y1", "x2", "y2", "rx", "cx", "cy", "r", "d", "text-anchor",
}  # fmt: skip


class Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        if tag not in {"meta", "line", "rect", "circle", "path"}:
            self.stack.append(tag)
            self.text.setdefault(tag, []).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            texts = self.text[self.stack[-1]]
            texts[-1] += data

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(page: str) -> Dom:
    dom = Dom()
    dom.feed(page)
    dom.close()
    return dom


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "review.html"
    done = run("check", "sample_strategies/", "-f", f"html:{out}")
    assert done.returncode in (0, 1), done.stderr
    return out.read_text(encoding="utf-8")


def test_samples_make_one_page_with_a_section_and_a_relay_picture_per_strategy(
    sample_page: str,
) -> None:
    dom = parse(sample_page)
    files = sorted(SAMPLES.glob("*.yaml"))
    sections = [a for tag, a in dom.elements if tag == "section"]
    assert len(sections) == len(files)
    # Every strategy that has the format's shape shows its relay as a picture with a title.
    assert sum(tag == "svg" for tag, _ in dom.elements) >= len(files) - 1
    assert sum(tag == "title" for tag, _ in dom.elements) >= len(files)
    h2 = dom.text["h2"]
    for path in files:
        assert any(text.endswith(path.name) for text in h2), path.name
    # The summary table links to each strategy's section.
    links = [dict(a)["href"] for tag, a in dom.elements if tag == "a"]
    ids = {dict(a).get("id") for _, a in dom.elements}
    assert links and all(link is not None and link[1:] in ids for link in links)


def test_the_page_loads_nothing_and_runs_nothing(sample_page: str) -> None:
    dom = parse(sample_page)
    assert not any(tag in {"script", "link", "img", "iframe", "object"} for tag, _ in dom.elements)
    policy = [
        dict(a)["content"]
        for tag, a in dom.elements
        if tag == "meta" and dict(a).get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy
    assert "default-src 'none'" in str(policy[0]) and "script-src 'none'" in str(policy[0])
    for _tag, attrs in dom.elements:
        for name, value in attrs:
            assert not name.startswith("on")
            if name in {"href", "src"}:
                assert value is not None and value.startswith("#"), value
    # No url() in the styles: no font, no picture from anywhere.
    assert "url(" not in sample_page and "@import" not in sample_page


def test_headings_go_down_one_level_at_a_time(sample_page: str) -> None:
    levels = [int(tag[1]) for tag, _ in parse(sample_page).elements if re.fullmatch(r"h\d", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_findings_are_grouped_by_stage_most_severe_first_with_their_reference_page(
    sample_page: str,
) -> None:
    assert "<details><summary>Why it matters, how to fix it" in sample_page
    for section in sample_page.split('<section class="strategy"')[1:]:
        for group in section.split("<h4>")[1:]:
            ranks = [
                {"error": 3, "warning": 2, "info": 1}[m]
                for m in re.findall(r'class="finding sev-(\w+)"', group)
            ]
            assert ranks == sorted(ranks, reverse=True)


def test_a_dropped_handoff_is_named_in_words_beside_the_picture(sample_page: str) -> None:
    dom = parse(sample_page)
    assert any(text.startswith("Drops: ") for text in dom.text["desc"])
    assert "Where the baton falls:" in dom.text["strong"]
    assert any("→" in text for text in dom.text["li"])


@pytest.mark.slow
def test_the_page_is_byte_identical_across_runs_and_jobs(tmp_path: Path) -> None:
    pages = []
    for jobs in ("1", "2", "1"):
        out = tmp_path / f"r{len(pages)}.html"
        done = run("check", "sample_strategies/", "--jobs", jobs, "-f", f"html:{out}")
        assert done.returncode in (0, 1), done.stderr
        pages.append(out.read_bytes())
    assert pages[0] == pages[1] == pages[2]


def test_every_naughty_string_stays_text() -> None:
    strings = naughty_strings()
    report = naughty_report(strings)
    page = get_reporter("html").render(report, RenderContext(cwd=CWD))
    dom = parse(page)
    assert {tag for tag, _ in dom.elements} <= TAGS
    assert {name for _, attrs in dom.elements for name, _ in attrs} <= ATTRIBUTES
    assert not dom.comments
    # Each file name reads back as exactly its text, one section each.
    h2 = dom.text["h2"]
    assert len(h2) == len(strings)
    for shown, text in zip(h2, strings, strict=True):
        assert shown == text.replace("\r\n", "\n").replace("\r", "\n") or shown == text


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_palette_meets_wcag_aa_for_text() -> None:
    palette = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", STYLE.read_text(encoding="utf-8")))
    assert {"ink", "muted", "error", "warning", "info", "ok", "paper"} <= set(palette)
    for name in ("ink", "muted", "error", "warning", "info", "ok"):
        for background in (palette["paper"], "#f3f5f8"):  # the page and a runner's box
            assert contrast(palette[name], background) >= 4.5, name
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0


def test_severity_is_never_told_by_colour_alone() -> None:
    finding = Finding(
        "FC103", "handoff-drift", Severity.ERROR, "m", Location("s.yaml", 3, 5, "stages[1]")
    )
    result = FileResult("s.yaml", findings=[finding])
    report = Report(files=[result], as_of="2026-12-07", version="0")
    page = get_reporter("html").render(report, RenderContext())
    assert "✖ error" in page
