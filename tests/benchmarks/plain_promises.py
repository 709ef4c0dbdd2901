"""How often FC206 (promise-in-words) agrees with a reader, on labelled claims.

Run from the repository root:

    python tests/benchmarks/plain_promises.py [--sweep]

Each claim of `plain_promises.yaml` becomes a small strategy: its business's problem,
capabilities and plans, and one stage of the claim's role that makes the claim (with the
`promises` it lists). The verdict is FC206's finding on that claim, with the capability it
names. A claim is right when FC206 names the labelled capability, or stays silent where
the label is null. The halves are fixed by the data (the parity of each text's SHA-1): the
options are tuned on the tuning half and reported on the validation half. `--sweep` prints
both halves for a grid of options.

Not collected by pytest: it prints figures, it does not assert them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from funnelcheck.model.strategy import Strategy  # noqa: E402
from funnelcheck.rules.promises.promise_in_words import Options, PromiseInWords  # noqa: E402

AS_OF = dt.date(2026, 11, 22)


def half(text: str) -> str:
    return "validation" if int(hashlib.sha1(text.encode()).hexdigest(), 16) % 2 else "tuning"


def strategy_for(business: dict[str, Any], claim: dict[str, Any]) -> Strategy:
    plans = [
        {"id": plan["id"], "amount": 100, "per": "month", "includes": plan["includes"]}
        for plan in business["plans"]
    ]
    stated: dict[str, Any] = {"text": claim["text"]}
    if claim.get("promises"):
        stated["promises"] = claim["promises"]
    data = {
        "funnelcheck": 1,
        "product": {"name": "Product"},
        "problem": {"id": "problem", "statement": business["problem"], "terms": business["terms"]},
        "segment": {"name": "Customers"},
        "value_proposition": {"statement": business["problem"]},
        "capabilities": business["capabilities"],
        "price": {"plans": plans},
        "stages": [{"name": "Judged stage", "role": claim["role"], "claims": [stated]}],
    }
    return Strategy(file=business["name"], data=data, as_of=AS_OF)


def score(spec: dict[str, Any], options: Options, show: bool) -> dict[str, Counter[str]]:
    rule = PromiseInWords()
    out: dict[str, Counter[str]] = {"tuning": Counter(), "validation": Counter()}
    for business in spec["businesses"]:
        for claim in business["claims"]:
            issues = list(rule.check(strategy_for(business, claim), options))
            named = issues[0].data["capability"] if issues else None
            expect = claim["expect"]
            table = out[half(claim["text"])]
            if expect is None:
                table["held" if named is None else "false alarm"] += 1
            else:
                table["found" if named == expect else "missed"] += 1
                if named is not None and named != expect:
                    table["wrong capability"] += 1
            if show and named != expect:
                print(f"  [{half(claim['text'])}] expect {expect}, got {named}: {claim['text']}")
    return out


def line(name: str, table: Counter[str]) -> str:
    total = table["held"] + table["false alarm"] + table["found"] + table["missed"]
    right = table["held"] + table["found"]
    positives = table["found"] + table["missed"]
    flagged = table["found"] + table["false alarm"] + table["wrong capability"]
    precision = table["found"] / flagged if flagged else 1.0
    recall = table["found"] / positives if positives else 1.0
    return (
        f"{name:10} accuracy {right / total:.3f} ({right}/{total}), precision {precision:.2f}, "
        f"recall {recall:.2f} (found {table['found']}/{positives}), "
        f"false alarms {table['false alarm']}/{table['held'] + table['false alarm']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", default=str(Path(__file__).with_name("plain_promises.yaml")))
    parser.add_argument("--sweep", action="store_true", help="print a grid of options")
    parser.add_argument(
        "--validation", action="store_true", help="with --sweep, the validation half too"
    )
    args = parser.parse_args()
    spec = yaml.safe_load(Path(args.claims).read_text(encoding="utf-8"))
    claims = sum(len(b["claims"]) for b in spec["businesses"])
    print(f"{claims} labelled claims across {len(spec['businesses'])} businesses")
    if args.sweep:
        for distinctive in (1, 2):
            for shared in (1, 2, 3):
                for share in (0.2, 0.3, 0.4, 0.5, 0.6):
                    options = Options(
                        min_distinctive_words=distinctive,
                        min_distinctive_share=share,
                        min_shared_words=shared,
                    )
                    tables = score(spec, options, False)
                    print(
                        f"min_distinctive_words {distinctive}, min_distinctive_share {share}, "
                        f"min_shared_words {shared}:"
                    )
                    for name in ("tuning", "validation"):
                        if name == "tuning" or args.validation:
                            print("  " + line(name, tables[name]))
        return
    options = Options()
    print(
        f"default options (min_distinctive_words={options.min_distinctive_words}, "
        f"min_distinctive_share={options.min_distinctive_share}, "
        f"min_shared_words={options.min_shared_words}); misjudged claims:"
    )
    tables = score(spec, options, show=True)
    for name in ("tuning", "validation"):
        print(line(name, tables[name]))


if __name__ == "__main__":
    main()
