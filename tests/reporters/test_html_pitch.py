"""`--format html`, the pitch-review sections beyond the findings (issue 19): the upside-down
funnel, the price against what the customer has, the leads at each stage and a branching
funnel's paths side by side.

Each test runs the CLI on a strategy as a user would and reads the page back as a browser
builds its DOM (the standard library's HTML parser).
"""

from __future__ import annotations

import html as html_module
import re
from decimal import Decimal
from pathlib import Path

from fixed_report import CWD, naughty_strings
from test_html import ATTRIBUTES, ROOT, STYLE, TAGS, contrast, parse, run

from funnelcheck.findings import (
    Answer,
    FileResult,
    Finding,
    Handoff,
    Location,
    Pitch,
    PriceFigure,
    PricePicture,
    ReferenceView,
    Relay,
    RelayStage,
    Report,
    Severity,
    StageRef,
)
from funnelcheck.reporters import get_reporter
from funnelcheck.reporters.base import RenderContext

LEDGERLINE = ROOT / "sample_strategies" / "ledgerline.yaml"
TWO_PATHS = ROOT / "sample_strategies" / "devtool-two-paths.yaml"


def page_of(path: Path, tmp_path: Path) -> str:
    out = tmp_path / "review.html"
    done = run("check", str(path), "-f", f"html:{out}")
    assert done.returncode in (0, 1), done.stderr
    return out.read_text(encoding="utf-8")


def edited(tmp_path: Path, source: Path, *changes: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    out = tmp_path / source.name
    out.write_text(text, encoding="utf-8")
    return out


def section(page: str, title: str) -> str:
    """The HTML of one `<h3>` section, up to the next `<h3>`."""
    start = page.index(f"<h3>{title}</h3>")
    end = page.find("<h3>", start + 1)
    return page[start : end if end != -1 else len(page)]


def rows(html: str) -> dict[str, str]:
    """The upside-down table's rows by question, each row's text with the tags taken out."""
    out = {}
    for row in re.findall(r"<tr class=\"\w+\">(.*?)</tr>", html, re.S):
        question = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        assert question is not None
        out[question.group(1)] = html_module.unescape(re.sub(r"<[^>]+>", "", row))
    return out


# -- the upside-down funnel ------------------------------------------------------------------
def test_each_answer_stands_beside_the_stage_that_must_deliver_it(tmp_path: Path) -> None:
    html = section(page_of(LEDGERLINE, tmp_path), "The upside-down funnel")
    assert "Northwind Analytics, worked backwards" in html
    table = rows(html)
    assert list(table) == [
        "What convinced them",
        "What they paid and why",
        "Why they trust the company",
        "How they evaluated the product",
        "Why this product",
        "How the company reached them",
    ]
    assert "Stage 1: LinkedIn and podcast campaign" in table["How the company reached them"]
    assert "Stage 3: Two-week trial" in table["How they evaluated the product"]
    assert "Stage 4: Proposal" in table["What they paid and why"]
    assert "$5,988 a year: Less than one week" in table["What they paid and why"]
    for question in ("What convinced them", "Why this product"):
        assert "Stage 2: Discovery call" in table[question]
        assert "Posts balanced journal entries to NetSuite" in table[question]
    # Ledgerline has no referral stage: the trust row says so in words, beside the evidence.
    trust = table["Why they trust the company"]
    assert "no stage has the role `referral`" in trust and "finance-interviews" in trust


def test_an_answer_a_stage_disagrees_with_carries_its_finding_in_its_row(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        LEDGERLINE,
        ("reached_via: finance podcasts", "reached_via: trade shows"),
        ("evaluation: Ran the trial on the previous month's payouts", "evaluation: ''\n    #"),
        (
            "    paid: {amount: 5988, currency: USD, per: year}",
            "    paid: {amount: 900, per: year}",
        ),
    )
    table = rows(section(page_of(path, tmp_path), "The upside-down funnel"))
    reached = table["How the company reached them"]
    assert "FC604" in reached and 'no stage lists "trade shows" among its channels' in reached
    assert "FC602" in table["How they evaluated the product"]
    assert "not answered" in table["How they evaluated the product"]
    # The stage that must deliver an unanswered answer is still named.
    assert "Stage 3: Two-week trial" in table["How they evaluated the product"]
    assert "FC603" in table["What they paid and why"]
    for question in ("What convinced them", "Why this product"):
        assert "FC60" not in table[question] and "none" in table[question]


def test_a_strategy_without_a_reference_customer_says_so(tmp_path: Path) -> None:
    text = LEDGERLINE.read_text(encoding="utf-8")
    start = text.index("reference_customers:")
    end = text.index("\nevidence:")
    path = tmp_path / "no-reference.yaml"
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    html = section(page_of(path, tmp_path), "The upside-down funnel")
    assert "No reference customer is named" in html
    assert "FC601" in html


def test_a_branching_funnel_names_each_path_s_stage(tmp_path: Path) -> None:
    table = rows(section(page_of(TWO_PATHS, tmp_path), "The upside-down funnel"))
    paid = table["What they paid and why"]
    assert "Self-serve checkout" in paid and "path self-serve" in paid
    assert "Security review and proposal" in paid and "path sales-assisted" in paid


# -- the price against what the customer has ----------------------------------------------
def svg_texts(html: str) -> list[str]:
    dom = parse(html)
    return [t.strip() for t in dom.text.get("text", [])]


def test_the_bill_stands_beside_budget_cost_and_range_with_its_numbers(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        LEDGERLINE,
        (
            "  plans:\n",
            "  willingness_to_pay: {low: 300, high: 900, per: month}\n  plans:\n",
        ),
    )
    html = section(page_of(path, tmp_path), "Price against what the customer has")
    assert "the `team` plan is <strong>$5,988 a year ($499 a month)</strong>" in html
    texts = svg_texts(html)
    for label, figure in (
        ("Typical bill, a year", "$5,988 a year"),
        ("The segment's budget", "$15,000 a year"),
        ("The problem's cost", "$6,000 a month ($72,000 a year)"),
        ("Willingness to pay", "$300 to $900 a month ($3,600 to $10,800 a year)"),
    ):
        assert label in texts and figure in texts, (label, texts)
    dom = parse(html)
    assert any("The typical bill of" in t for t in dom.text["title"])
    assert any("The segment's budget: $15,000 a year" in t for t in dom.text["desc"])
    # The bars are drawn to one scale: the cost's is the longest, the budget's longer than
    # the bill's, the range spans from its low to its high.
    widths = {
        kind: (int(x), int(w))
        for kind, x, w in re.findall(
            r'<g class="bar bar-(\w+)">.*?<rect x="(\d+)" y="\d+" width="(\d+)"', html, re.S
        )
    }
    assert widths["cost"][1] > widths["budget"][1] > widths["bill"][1]
    assert widths["range"][0] > widths["bill"][0]
    cost_width = widths["cost"][1]
    assert abs(widths["budget"][1] - cost_width * 15000 / 72000) <= 1


def test_what_cannot_be_drawn_is_said_in_words(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        LEDGERLINE,
        ("budget: {amount: 15000, currency: USD", "budget: {amount: 15000, currency: EUR"),
        ("  cost: {amount: 6000, currency: USD, per: month}\n", ""),
    )
    html = section(page_of(path, tmp_path), "Price against what the customer has")
    words = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert "The segment's budget is in EUR, the price in USD: not drawn" in words
    assert "The problem's cost is not given (`problem.cost`)" in words
    assert "No willingness-to-pay range is given (`price.willingness_to_pay`)" in words
    texts = svg_texts(html)
    assert "Typical bill, a year" in texts and "The segment's budget" not in texts


def test_a_bill_with_a_one_time_part_shows_the_first_year_and_the_years_after(
    tmp_path: Path,
) -> None:
    path = edited(
        tmp_path,
        LEDGERLINE,
        (
            "includes: [auto-match, journal-sync]}",
            "includes: [auto-match, journal-sync],\n"
            "       components: [{fee: onboarding, amount: 2000, per: once}]}",
        ),
    )
    texts = svg_texts(section(page_of(path, tmp_path), "Price against what the customer has"))
    assert "Typical bill, first year" in texts and "$7,988" in texts
    assert "Typical bill, each year after" in texts and "$5,988 a year" in texts


def test_a_price_finding_sits_under_the_chart(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        LEDGERLINE,
        ("budget: {amount: 15000, currency: USD, per: year}", "budget: {amount: 3000, per: year}"),
    )
    html = section(page_of(path, tmp_path), "Price against what the customer has")
    assert "FC301" in html


# -- leads at each stage, paths side by side -------------------------------------------------
def test_each_runner_shows_the_leads_that_must_enter_it(tmp_path: Path) -> None:
    texts = svg_texts(section(page_of(LEDGERLINE, tmp_path), "The relay"))
    # 3,334 leads a quarter at the top; conversions 0.1, 0.4, 0.5, 0.6: 334, 134, 67, 41
    # (each rounded up).
    enters = [t for t in texts if t.endswith(" enter")]
    assert enters == ["3,334 enter", "334 enter", "134 enter", "67 enter", "41 enter"]


def test_a_branching_funnel_draws_each_path_in_its_own_row(tmp_path: Path) -> None:
    html = section(page_of(TWO_PATHS, tmp_path), "The relay")
    texts = svg_texts(html)
    assert "↳ paths split" in texts and "↲ paths join" in texts
    assert "self-serve 80%" in texts and "sales-assisted 20%" in texts
    boxes = {
        int(number): (int(x), int(y))
        for x, y, number in re.findall(
            r'<rect x="(\d+)" y="(\d+)" width="\d+" height="\d+" rx="8"/>\n'
            r'<text class="role" x="\d+" y="\d+">(\d+)\.',
            html,
        )
    }
    # Stages 2-3 are the self-serve path, 4-5 the sales-assisted one: side by side, each
    # path in its own row; 1 and 6 are passed by every lead.
    assert boxes[2][0] == boxes[4][0] and boxes[3][0] == boxes[5][0]
    assert boxes[2][1] == boxes[3][1] < boxes[4][1] == boxes[5][1]
    assert boxes[1][0] < boxes[2][0] and boxes[6][0] > boxes[3][0]
    # The leads split with the paths' shares: 4,839 × 0.04 = 193.56 enter the branch, 80%
    # of them the trial (155 rounded up), 20% the demo (39).
    enters = [t for t in texts if t.endswith(" enter")]
    assert enters[:3] == ["4,839 enter", "155 enter", "39 enter"]
    assert "39 enter" in enters[3:]


# -- hostile text, colours --------------------------------------------------------------------
def test_every_naughty_string_stays_text_in_the_new_sections() -> None:
    strings = naughty_strings()
    files = []
    for text in strings:
        stage = RelayStage(0, text, text, 3, (text,), (), text, True, path=text, leads=7)
        other = RelayStage(1, text, "sales", 5, (), (text,), None, True, path=None, leads=3)
        answer = Answer(
            question=text,
            keys=("why_bought",),
            text=text,
            stages=(StageRef(0, text, text, text),),
            also_label=text,
            also=(text,),
            gap=text,
        )
        figure = PriceFigure(text, Decimal(5), text, low=Decimal(1), note=text, kind=text)
        files.append(
            FileResult(
                file=text,
                findings=[
                    Finding(
                        "FC604",
                        text,
                        Severity.WARNING,
                        text,
                        Location(text, 3, 5, "reference_customers[0].why_bought"),
                    ),
                    Finding(
                        "FC301", text, Severity.ERROR, text, Location(text, 3, 5, "price.plans[0]")
                    ),
                ],
                relay=Relay(
                    (stage, other),
                    (Handoff(0, 1, (), held=False),),
                    (text,),
                    leads_needed=7,
                    customers_out=text,
                    paths=(text,),
                ),
                pitch=Pitch(
                    references=(ReferenceView(0, text, (answer,)),),
                    price=PricePicture(text, text, text, (figure,), (text,), (text,)),
                ),
            )
        )
    report = Report(files=files, as_of="2026-11-22", version="0.1.0")
    page = get_reporter("html").render(report, RenderContext(cwd=CWD))
    dom = parse(page)
    assert {tag for tag, _ in dom.elements} <= TAGS | {"br"}
    assert {name for _, attrs in dom.elements for name, _ in attrs} <= ATTRIBUTES
    assert not dom.comments
    assert len(dom.text["h2"]) == len(strings)


def test_every_colour_of_the_page_is_one_the_contrast_test_checks() -> None:
    style = STYLE.read_text(encoding="utf-8")
    palette = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", style))
    used = set(re.findall(r"#[0-9a-f]{6}", style)) - set(palette.values())
    # The page and a runner's box are the backgrounds the palette is checked against.
    assert used <= {"#ffffff", "#f3f5f8"}, used
    # The bars are graphics: WCAG asks 3:1 against the page (they are drawn in text colours).
    for name in ("info", "ok", "warning", "ink"):
        assert contrast(palette[name], palette["paper"]) >= 3
