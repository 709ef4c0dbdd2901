"""Price rules on the real-world corpus: false alarms on aligned files, planted drops found.

Runs ``funnelcheck check --format json`` (the CLI, as a user runs it) over
``tests/realworld/*.yaml`` (strategies of real businesses, each written as honestly aligned as a
careful product manager would) and ``tests/realworld/drifted/*.yaml`` (copies with planted price
drops, each labelled by a ``# planted: CODE PATH`` line at the top; see tests/realworld/README.md),
and prints, per rule:

- on the aligned files: the errors, warnings and infos it raised (every error or warning of a
  price rule is a false alarm);
- on the drifted files: the planted drops it found (as a warning or error), the ones it found only
  as an info, the ones it missed, and the warnings or errors it raised that no label plants.

The price rules (FC3xx and FC603) come first, each on its own row, then every other rule that
raised anything, each on its own row. Input findings (FC00x) are rules like the others: on a
checker whose schema does not know the price format they are what the corpus gets.

``--legacy`` first rewrites each file the way it had to be written in format 1 before issue 14
(the plan keeps only its base amount, or its first component's amount where it has no base;
every key format 1 does not know is dropped) so the rules of an older checker can be measured on
the same businesses; it is how the issue's "before" figures were taken.

    python tests/benchmarks/realworld.py [--corpus DIR] [--as-of DATE] [--legacy] [--details]

Exit status is 0 whatever the figures: this script measures, the tests assert.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent / "realworld"
PLANTED = re.compile(r"^#\s*planted:\s*(FC\d{3})\s+(\S+)\s*(?:--.*)?$")
LOUD = ("warning", "error")
#: The loader funnelcheck reads with (libyaml's), so that a file it reads is read here too:
#: the pure-Python parser refuses some plain scalars libyaml takes ("{name: 1-800-GOT-JUNK?}").
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def is_price_rule(code: str) -> bool:
    """The rules issue 14 judges: the FC3xx family and FC603."""
    return code.startswith("FC3") or code == "FC603"


def planted_drops(path: Path) -> list[tuple[str, str]]:
    """The ``(code, path)`` pairs a drifted file's ``# planted:`` lines name, in order."""
    drops = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PLANTED.match(line.strip())
        if match:
            drops.append((match.group(1), match.group(2)))
    return drops


def resolves(data: Any, where: str) -> bool:
    """``where`` (``stages[2].claims[0]``) names a node of ``data``."""
    node = data
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", where):
        if name:
            if not isinstance(node, dict) or name not in node:
                return False
            node = node[name]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return False
            node = node[int(index)]
    return True


def _related(a: str, b: str) -> bool:
    """One path is the other or lies inside it (``stages[2].claims[0]`` and its ``.text``)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short)] in ".["


def touches(finding: dict[str, Any], where: str) -> bool:
    """The finding sits at ``where`` (or inside or around it), or names it among its related."""
    paths = [finding.get("path") or ""]
    paths += [rel.get("path") or "" for rel in finding.get("related") or []]
    return any(p and _related(p, where) for p in paths)


def _legacy_plan(plan: dict[str, Any]) -> dict[str, Any]:
    keep: dict[str, Any] = {
        k: plan[k] for k in ("id", "amount", "per", "seats_min", "includes") if k in plan
    }
    if "amount" not in keep:
        first = next(
            (c for c in plan.get("components") or [] if isinstance(c, dict) and "amount" in c),
            None,
        )
        keep["amount"] = first["amount"] if first else 0
        per = first.get("per") if first else None
        keep["per"] = per if per in ("month", "quarter", "year", "once") else "month"
    keep.setdefault("per", "month")
    return keep


def legacy(data: dict[str, Any]) -> dict[str, Any]:
    """The strategy as it had to be written in format 1: base amounts only, new keys dropped."""
    price = data.get("price")
    if isinstance(price, dict):
        if price.get("model") == "hybrid":
            price["model"] = "subscription"
        price["plans"] = [_legacy_plan(p) for p in price.get("plans") or [] if isinstance(p, dict)]
        wtp = price.get("willingness_to_pay")
        if isinstance(wtp, dict):
            wtp.pop("about", None)
    segment = data.get("segment")
    if isinstance(segment, dict):
        segment.pop("typical_customer", None)
    goals = data.get("goals")
    if isinstance(goals, dict):
        goals.pop("typical_customer", None)
    return data


def write_legacy(files: list[Path], into: Path) -> list[Path]:
    """Legacy copies of ``files`` under ``into``, keeping each file's ``# planted:`` lines."""
    out = []
    for src in files:
        text = src.read_text(encoding="utf-8")
        header = "".join(line + "\n" for line in text.splitlines() if PLANTED.match(line.strip()))
        data = legacy(yaml.load(text, Loader=LOADER))
        dest = into / src.parent.name / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        out.append(dest)
    return out


def run_checker(files: list[Path], as_of: str) -> dict[str, list[dict[str, Any]]]:
    """Findings per file, from the CLI's JSON report."""
    if not files:
        return {}
    cmd = [sys.executable, "-m", "funnelcheck", "check", "--format", "json", "--exit-zero"]
    cmd += ["--as-of", as_of, "--jobs", "1", *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if not proc.stdout.strip():
        sys.exit(f"funnelcheck gave no report (exit {proc.returncode}):\n{proc.stderr}")
    report = json.loads(proc.stdout)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for entry in report["files"]:
        if entry.get("error"):
            print(f"  {entry['file']}: {entry['error']}", file=sys.stderr)
        by_file[str(Path(entry["file"]).resolve())] = entry.get("findings") or []
    return by_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--as-of", default="2026-12-01", help="the day to check as of")
    parser.add_argument("--legacy", action="store_true", help="rewrite files to format 1 first")
    parser.add_argument("--details", action="store_true", help="list every counted finding")
    args = parser.parse_args(argv)

    aligned = sorted(args.corpus.glob("*.yaml"))
    drifted = sorted((args.corpus / "drifted").glob("*.yaml"))
    if not aligned:
        sys.exit(f"no strategies under {args.corpus}")
    planted = {str(p.resolve()): planted_drops(p) for p in drifted}
    for p in drifted:
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=LOADER)
        for code, where in planted[str(p.resolve())]:
            if not resolves(data, where):
                sys.exit(f"{p}: `# planted: {code} {where}` names no place in the file")

    with tempfile.TemporaryDirectory() as tmp:
        if args.legacy:
            aligned = write_legacy(aligned, Path(tmp))
            drifted_run = write_legacy(drifted, Path(tmp))
            planted = {
                str(new.resolve()): planted[str(old.resolve())]
                for old, new in zip(drifted, drifted_run, strict=True)
            }
            drifted = drifted_run
        findings = run_checker(aligned + drifted, args.as_of)

    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    details: list[str] = []
    for path in aligned:
        for f in findings.get(str(path.resolve()), []):
            rows[f["code"]][f"aligned_{f['severity']}"] += 1
            if f["severity"] in LOUD and (args.details or is_price_rule(f["code"])):
                details.append(f"  aligned {path.name}: {f['code']} {f['severity']} {f['path']}")
    for path in drifted:
        found_here = findings.get(str(path.resolve()), [])
        drops = planted[str(path.resolve())]
        for code, where in drops:
            hits = [f for f in found_here if f["code"] == code and touches(f, where)]
            if any(f["severity"] in LOUD for f in hits):
                rows[code]["found"] += 1
            elif hits:
                rows[code]["found_info"] += 1
                details.append(f"  drifted {path.name}: planted {code} {where} only as info")
            else:
                rows[code]["missed"] += 1
                details.append(f"  drifted {path.name}: planted {code} {where} MISSED")
        for f in found_here:
            if f["severity"] not in LOUD:
                continue
            if any(f["code"] == code and touches(f, where) for code, where in drops):
                continue
            rows[f["code"]]["unplanted"] += 1
            if args.details or is_price_rule(f["code"]):
                details.append(
                    f"  drifted {path.name}: unplanted {f['code']} {f['severity']} {f['path']}"
                )

    n_drops = sum(len(d) for d in planted.values())
    mode = " (legacy rewrite to format 1)" if args.legacy else ""
    print(
        f"realworld corpus{mode}: {len(aligned)} aligned files, {len(drifted)} drifted files, "
        f"{n_drops} planted drops, as of {args.as_of}"
    )
    head = (
        f"{'rule':<7} {'aligned err':>11} {'warn':>5} {'info':>5}   "
        f"{'planted found':>13} {'info only':>9} {'missed':>6} {'unplanted':>9}"
    )
    price_codes = sorted(c for c in rows if is_price_rule(c))
    other_codes = sorted(c for c in rows if not is_price_rule(c))
    totals: dict[str, dict[str, int]] = {"price": defaultdict(int), "other": defaultdict(int)}
    for title, codes, key in (
        ("price rules", price_codes, "price"),
        ("other rules", other_codes, "other"),
    ):
        print(f"\n{title}\n{head}")
        for code in codes:
            r = rows[code]
            for k, v in r.items():
                totals[key][k] += v
            print(_row(code, r))
        print(_row("total", totals[key]))
    p = totals["price"]
    loud = p["aligned_error"] + p["aligned_warning"]
    print(
        f"\nprice rules: {loud} warnings/errors on {len(aligned)} aligned files "
        f"({loud / len(aligned) * 10:.1f} per ten files); planted drops found "
        f"{p['found']}/{n_drops}; unplanted price warnings/errors on drifted files {p['unplanted']}"
    )
    if details:
        print("\n" + "\n".join(details))
    return 0


def _row(code: str, r: dict[str, int]) -> str:
    return (
        f"{code:<7} {r['aligned_error']:>11} {r['aligned_warning']:>5} {r['aligned_info']:>5}   "
        f"{r['found']:>13} {r['found_info']:>9} {r['missed']:>6} {r['unplanted']:>9}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
