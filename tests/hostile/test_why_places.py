"""`--why` on hostile text: every record placed exactly points at the words it names.

Each string of the Big List of Naughty Strings is a claim of the format page's example,
followed by words the problem's terms carry, so every claim has evidence to place; the
records marked `exact` must name the very characters at their line and column (code
points), and none may be lost to a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from hostile_support import ROOT, corpus, run_cli

#: Where YAML breaks lines (PyYAML's reader): not every break str.splitlines knows.
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def test_every_exact_record_points_at_its_words(tmp_path: Path) -> None:
    strings = json.loads((corpus("blns") / "blns.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "sample_strategies" / "ledgerline.yaml").read_text("utf-8"))
    claims = [{"text": f"{s} payouts reconcile"} for s in strings if s.strip()]
    data["stages"][1]["claims"] = claims
    target = tmp_path / "naughty.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    proc = run_cli("check", "--why", "-f", "json", str(target), "--as-of", "2026-11-22")
    why = json.loads(proc.stdout)["files"][0]["relay"]["stages"][1]["why"]
    lines = _BREAK.split(target.read_text(encoding="utf-8"))
    exact = [w for w in why if w["exact"]]
    assert len(exact) > len(claims) // 2  # most claims are plain one-line scalars
    for record in exact:
        line = lines[record["line"] - 1]
        assert line[record["column"] - 1 :].startswith(record["words"]), record
    # Every claim carries both concepts, placed exactly or not.
    carried = {(w["path"], w["concept"]) for w in why}
    assert len(carried) >= 2 * len(claims)
