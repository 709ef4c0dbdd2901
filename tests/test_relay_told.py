"""The relay and the story rules agree on what a stage tells (issue 15).

A stage that retells one of the problem's pains, or that only states its terms (a price, an
allowance, a free tier), is not reported by FC101; the relay, in every format, must then
not show it as carrying "nothing", and its handoffs must not show a drop no rule reports.
Run as a user runs it, on the format page's example with one stage rewritten.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from tests.test_why import run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))

RETOLD = "No more unexplained differences turning up late, when the auditors arrive."
PRICE_LIST = "One plan at $399 a month, billed yearly; cancel any time."
FREE_TIER = "The free plan includes 500 transactions every month, and it does not expire."


def variant(tmp_path: Path, **said: str) -> Path:
    """The example with stages rewritten: {"stage index": pitch}, claims removed."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for index, pitch in said.items():
        stage = data["stages"][int(index.lstrip("s"))]
        stage.pop("claims", None)
        stage["pitch"] = pitch
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def report(path: Path, *extra: str) -> dict[str, Any]:
    proc = run("check", "-f", "json", *extra, path.name, cwd=path.parent)
    document: dict[str, Any] = json.loads(proc.stdout)
    jsonschema.validate(document, SCHEMA)
    return document["files"][0]


def codes_on(result: dict[str, Any], index: int) -> list[str]:
    where = f"stages[{index}]"
    return [
        f["code"]
        for f in result["findings"]
        if f["path"] == where or f["path"].startswith(where + ".")
    ]


def test_a_retold_pain_is_shown_as_the_concept_it_stands_for(tmp_path: Path) -> None:
    path = variant(tmp_path, s4=RETOLD)
    result = report(path)
    renewal = result["relay"]["stages"][4]
    assert renewal["carries"] == []
    assert renewal["retells"] == ["pain: audit-risk"]
    assert not [c for c in codes_on(result, 4) if c in ("FC101", "FC102", "FC108")]
    relay = run("relay", path.name, cwd=tmp_path).stdout
    block = relay[relay.index("Onboarding and renewal") :]
    assert "carries: pain: audit-risk" in block
    assert "carries: nothing" not in relay
    assert "pain: audit-risk" in run("check", path.name, cwd=tmp_path).stdout


def test_why_shows_which_words_of_which_pain_and_where(tmp_path: Path) -> None:
    path = variant(tmp_path, s4=RETOLD)
    renewal = report(path, "--why")["relay"]["stages"][4]
    [why] = renewal["why"]
    assert why["concept"] == "pain: audit-risk"
    assert why["pain"] == "problem.pains[1].text"
    # The pain's words that were met, and the stage's words that met them, as written.
    assert why["wording"] == "unexplained, differences, late, auditors"
    assert why["words"] == "unexplained, differences, late, auditors"
    line = path.read_text(encoding="utf-8").splitlines()[why["line"] - 1]
    assert why["exact"] is True
    assert line[why["column"] - 1 :].startswith("unexplained differences")
    shown = run("relay", "--why", path.name, cwd=tmp_path).stdout
    assert "why: pain: audit-risk ← “unexplained, differences, late, auditors”" in shown
    table = run("check", "--why", path.name, cwd=tmp_path).stdout
    assert "pain: audit-risk ←" in table


def test_a_stage_that_only_states_its_price_is_shown_so(tmp_path: Path) -> None:
    path = variant(tmp_path, s3=PRICE_LIST)
    result = report(path)
    proposal = result["relay"]["stages"][3]
    assert proposal["carries"] == [] and proposal["price_only"] is True
    assert "FC101" not in codes_on(result, 3)
    # The baton passes over it: from the trial to the renewal, and no drop is shown at it.
    handoffs = {(h["from"], h["to"]): h for h in result["relay"]["handoffs"]}
    assert (2, 3) not in handoffs and (3, 4) not in handoffs and (2, 4) in handoffs
    relay = run("relay", path.name, cwd=tmp_path).stdout
    assert "carries: price only (its job's words)" in relay
    table = run("check", path.name, cwd=tmp_path).stdout
    assert "price only (its job's words)" in table


def test_the_relay_drops_the_baton_only_where_a_rule_says_so(tmp_path: Path) -> None:
    """Every handoff the relay shows DROPPED is reported by FC101, FC102 or FC103, and every
    stage it shows carrying nothing by FC101 or FC102."""
    for said in ({"s4": RETOLD}, {"s3": PRICE_LIST}, {"s2": FREE_TIER}, {}):
        result = report(variant(tmp_path, **said))
        relay = result["relay"]
        for handoff in relay["handoffs"]:
            if not handoff["held"]:
                on = codes_on(result, handoff["to"]) + codes_on(result, handoff["from"])
                assert {"FC101", "FC102", "FC103"} & set(on), (said, handoff)
        for stage in relay["stages"]:
            told = stage["carries"] or stage.get("retells") or stage.get("price_only")
            if stage["says_something"] and not told:
                assert {"FC101", "FC102"} & set(codes_on(result, stage["index"])), said


def test_a_product_stage_that_states_only_its_free_tier_is_doing_its_job(tmp_path: Path) -> None:
    result = report(variant(tmp_path, s2=FREE_TIER))
    trial = result["relay"]["stages"][2]
    assert trial["price_only"] is True
    assert not [c for c in codes_on(result, 2) if c.startswith("FC1")]


def test_a_sales_stage_that_only_quotes_a_price_is_still_off_the_problem(tmp_path: Path) -> None:
    result = report(variant(tmp_path, s1=PRICE_LIST))
    assert "price_only" not in result["relay"]["stages"][1]
    assert "FC101" in codes_on(result, 1)


def test_a_free_tier_that_also_tells_another_story_is_reported(tmp_path: Path) -> None:
    drift = (
        "The free plan includes 500 headcount dashboards every month, with hiring "
        "pipelines and payroll budgets charted for your board."
    )
    result = report(variant(tmp_path, s2=drift))
    assert "price_only" not in result["relay"]["stages"][2]
    assert "FC101" in codes_on(result, 2)


def test_the_relay_says_which_capability_ties_two_facets(tmp_path: Path) -> None:
    """Two stages that carry different concepts hold where a capability the earlier one
    promises ties a concept of each (issue 15); the relay names it, in JSON and in the table, and
    FC103 does not report the handoff. Without the promise the words alone decide."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    call = {"text": "Every Stripe payout, accounted for.", "promises": ["auto-match"]}
    data["stages"][1]["claims"] = [call]
    data["stages"][2]["claims"] = [{"text": "Watch last month's lines reconcile in minutes."}]
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = report(path)
    handoff = next(h for h in result["relay"]["handoffs"] if h["to"] == 2)
    tie = "auto-match (payout → reconcile)"
    assert handoff == {"from": 1, "to": 2, "passed": [tie], "held": True}
    assert "FC103" not in codes_on(result, 2)
    assert f"held: {tie}" in run("relay", path.name, cwd=tmp_path).stdout
    del call["promises"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = report(path)
    assert "FC103" in codes_on(result, 2)
