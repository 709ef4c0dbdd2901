"""Property-based: the HTML report's views of a strategy (the upside-down funnel, the price
picture, the leads at each stage) are built for every strategy the format allows, valid or
mutated, and never let text from it become markup.

The views are a courtesy, as the relay is: a fault in them must not stop a run, so the
engine keeps going without them; under FUNNELCHECK_DEBUG=1 it raises instead, which is how
this test sees any failure rather than a missing section.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from hostile_support import to_yaml
from hypothesis import given
from test_properties import SETTINGS, _check_text, mutated, strategies

from funnelcheck.findings import Report
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext

#: Every element the HTML reporter writes; anything else came from input.
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "ul", "ol", "li", "strong", "span", "table", "caption", "thead", "tbody", "tr", "th",
    "td", "a", "main", "section", "figure", "figcaption", "svg", "desc", "line", "text",
    "g", "rect", "circle", "path", "code", "details", "summary", "div", "footer", "br",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.comments = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_comment(self, data: str) -> None:
        self.comments += 1


@pytest.fixture(autouse=True, scope="module")
def _debug() -> Iterator[None]:
    before = os.environ.get("FUNNELCHECK_DEBUG")
    os.environ["FUNNELCHECK_DEBUG"] = "1"
    yield
    if before is None:
        del os.environ["FUNNELCHECK_DEBUG"]
    else:
        os.environ["FUNNELCHECK_DEBUG"] = before


def _page(data: dict[str, Any]) -> tuple[Any, str]:
    result = _check_text(to_yaml(data), pitch=True)  # as `-f html` asks for (draws_pitch)
    report = Report(files=[result], as_of="2026-11-22", version="0")
    page = get_reporter("html").render(report, RenderContext())
    parser = _Tags()
    parser.feed(page)
    parser.close()
    assert parser.tags <= TAGS and not parser.comments
    return result, page


@SETTINGS
@given(strategies())
@pytest.mark.slow
def test_every_generated_strategy_gets_its_views(data: dict[str, Any]) -> None:
    result, page = _page(data)
    assert result.pitch is not None and result.pitch.price is not None
    customers = data.get("reference_customers") or []
    assert len(result.pitch.references) == len(customers)
    assert all(len(view.answers) == 6 for view in result.pitch.references)
    assert "<h3>Price against what the customer has</h3>" in page
    assert "<h3>The upside-down funnel</h3>" in page


@SETTINGS
@given(mutated())
@pytest.mark.slow
def test_a_mutated_strategy_never_breaks_the_views(data: dict[str, Any]) -> None:
    _page(data)
