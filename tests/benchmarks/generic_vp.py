"""FC107's warning measured: labelled value propositions, the samples and the real-world corpus.

    python tests/benchmarks/generic_vp.py

Prints, for the labelled texts of `generic_vps.yaml`, how often FC107 warns on the generic
ones and stays below a warning on the concrete ones, at the default `max_generic_share` and
nearby; then every value-proposition text of `sample_strategies/` and `tests/realworld/`
(where present) that FC107 notes or warns about. Each labelled text is checked as the
value proposition of the format page's example, under its own product name. Not collected
by pytest: it prints figures, it does not assert them.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from funnelcheck.findings import Severity  # noqa: E402
from funnelcheck.model.strategy import Strategy  # noqa: E402
from funnelcheck.rules.story.generic_value_proposition import (  # noqa: E402
    GenericValueProposition,
    Options,
)

AS_OF = dt.date(2026, 12, 1)
RULE = GenericValueProposition()


def _findings(data: dict[str, Any], options: Options) -> list[tuple[str, str]]:
    """FC107's (severity, path) findings for one strategy."""
    issues = RULE.check(Strategy(file="vp.yaml", data=data, as_of=AS_OF), options)
    return [
        ((issue.severity or RULE.severity).value, ".".join(map(str, issue.path)))
        for issue in issues
    ]


def main() -> int:
    base = yaml.safe_load((ROOT / "sample_strategies" / "ledgerline.yaml").read_text())
    labelled = yaml.safe_load((Path(__file__).parent / "generic_vps.yaml").read_text())["vps"]
    default = Options().max_generic_share
    for share in sorted({0.34, 0.4, default, 0.6, 0.67}):
        hits = {True: 0, False: 0}
        count = {True: 0, False: 0}
        missed: list[str] = []
        for item in labelled:
            data = copy.deepcopy(base)
            data["product"]["name"] = item["product"]
            data["value_proposition"] = {"statement": item["text"]}
            found = _findings(data, Options(max_generic_share=share))
            warned = any(severity == Severity.WARNING.value for severity, _ in found)
            count[item["generic"]] += 1
            hits[item["generic"]] += warned == item["generic"]
            if warned != item["generic"]:
                what = "missed" if item["generic"] else "false warning"
                missed.append(f"    {what}: {item['text']}")
        mark = "  (default)" if share == default else ""
        print(
            f"max_generic_share {share:.2f}: generic warned {hits[True]}/{count[True]}, "
            f"concrete not warned {hits[False]}/{count[False]}{mark}"
        )
        if share == default and missed:
            print("\n".join(missed))
    files = sorted((ROOT / "sample_strategies").glob("*.yaml"))
    files += sorted((ROOT / "tests" / "realworld").glob("*.yaml"))
    texts = found = 0
    for path in files:
        data = yaml.safe_load(path.read_text())
        vp = data.get("value_proposition") if isinstance(data, dict) else None
        if not isinstance(vp, dict):
            continue
        texts += 1 + len(vp.get("differentiators") or [])
        for severity, where in _findings(data, Options()):
            found += 1
            print(f"  {path.relative_to(ROOT)}: {severity} at {where}")
    print(f"{len(files)} strategies, {texts} value-proposition texts: {found} FC107 findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
