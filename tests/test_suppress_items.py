"""A suppression above a list item covers the whole item, as a person pointing at it means.

`# funnelcheck: ignore FC201 -- reason` on the line above `- text:` must silence the FC201
that sits on that claim's `promises:` line (issue 11); elsewhere a comment covers its own
line and the line below, so a comment above `stages:` silences no stage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"
AS_OF = "2026-11-22"
CLAIM = "      - text: Audit-ready books with a full trail of every match.\n"
STAGE = "  - name: Discovery call\n"
COMMENT = "# funnelcheck: ignore FC201 -- ships with the March release\n"


def check(text: str, tmp_path: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "funnelcheck",
            "check",
            "s.yaml",
            "--as-of",
            AS_OF,
            "-f",
            "json",
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)["files"][0]["findings"]


def codes(findings: list[dict[str, object]]) -> list[str]:
    return [str(f["code"]) for f in findings]


def above(line: str, comment: str = COMMENT) -> str:
    """The sample with `comment` on its own line above `line`, indented as it is."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(line) == 1
    indent = line[: len(line) - len(line.lstrip())]
    return text.replace(line, indent + comment + line)


def test_the_sample_has_one_fc201_on_the_claims_promises_line(tmp_path: Path) -> None:
    _, found = check(SAMPLE.read_text(encoding="utf-8"), tmp_path, "--select", "FC201,FC009")
    assert codes(found) == ["FC201"]
    assert found[0]["path"] == "stages[1].claims[1].promises[0]"


def test_a_comment_above_a_claim_covers_the_whole_claim(tmp_path: Path) -> None:
    _, found = check(above(CLAIM), tmp_path, "--select", "FC201,FC009")
    assert found == [], "the FC201 on the promises line is still reported, or FC009 says unused"


def test_a_comment_above_a_stage_covers_its_nested_claims(tmp_path: Path) -> None:
    _, found = check(above(STAGE), tmp_path, "--select", "FC201,FC009")
    assert found == []


def test_a_comment_above_a_lone_dash_covers_the_item(tmp_path: Path) -> None:
    text = above(CLAIM).replace(CLAIM, "      -\n        text: Audit-ready books with a trail.\n")
    _, found = check(text, tmp_path, "--select", "FC201,FC009")
    assert found == []


def test_a_comment_above_one_item_does_not_reach_its_sibling(tmp_path: Path) -> None:
    sibling = "      - text: Every payout matched to its invoices, fees and refunds, and posted"
    text = SAMPLE.read_text(encoding="utf-8")
    line = next(ln + "\n" for ln in text.splitlines() if ln.startswith(sibling))
    _, found = check(above(line), tmp_path, "--select", "FC201,FC009")
    assert codes(found) == ["FC009", "FC201"]
    unused = found[0]
    assert unused["severity"] == "info"
    assert "unused" in str(unused["message"]) and "list item below the comment" in str(
        unused["message"]
    )


def test_a_comment_above_a_key_does_not_silence_the_list(tmp_path: Path) -> None:
    _, found = check(above("stages:\n"), tmp_path, "--select", "FC201,FC009")
    assert codes(found) == ["FC201", "FC009"] or sorted(codes(found)) == ["FC009", "FC201"]
    assert any("unused" in str(f["message"]) for f in found if f["code"] == "FC009")


def test_a_trailing_comment_still_covers_its_own_line_only(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(CLAIM, CLAIM[:-1] + "  " + COMMENT)
    _, found = check(text, tmp_path, "--select", "FC201,FC009")
    assert sorted(codes(found)) == ["FC009", "FC201"]


def test_explain_fc009_says_what_a_comment_covers() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", "explain", "FC009"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0
    page = " ".join(proc.stdout.split())
    assert "covers the whole item" in page
    assert "`ignore-file` is for that" in page
