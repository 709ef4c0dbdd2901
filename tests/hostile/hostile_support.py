"""Shared helpers for the hostile-input tests: paths, a YAML writer, the CLI, the engine.

Not a test module (no `test_` prefix); the tests import it by name, as pytest puts this
folder on `sys.path` (the repository's tests have no `__init__.py`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from corpora import corpus as corpus  # the shared rule for absent corpora

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-22"
AS_OF_DATE = dt.date.fromisoformat(AS_OF)
#: A generous hang guard for one CLI run; never a timing assertion.
HANG_GUARD = 180
FORMATS = ("json", "sarif", "junit", "github", "gitlab", "markdown", "table")


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a CI job gives the CLI: this checkout importable, no GitHub/colour."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "GITHUB_ACTIONS", "FUNNELCHECK_DEBUG", "PYTHONHASHSEED")
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


def run_cli(
    *args: str | bytes | os.PathLike[str],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = HANG_GUARD,
    stdin: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m funnelcheck ARGS` as a user runs it; asserts what must never happen.

    A signal (negative return code), a traceback or an exit code outside 0/1/2 is a
    crash, whatever the input was.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args],
        capture_output=True,
        cwd=cwd or ROOT,
        env=cli_env(env),
        timeout=timeout,
        input=stdin,
        check=False,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2), (proc.returncode, stderr[-2000:])
    assert "Traceback" not in stderr, stderr[-4000:]
    assert "internal error" not in stderr, stderr[-2000:]
    return proc


# -- writing YAML by hand ---------------------------------------------------------------------
#: What a YAML stream may hold raw (PyYAML's reader and libyaml agree on this set); NEL and
#: the Unicode line/paragraph separators are printable but are line breaks in YAML 1.1, so
#: they are escaped too.
_RAW_OK = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufeff\uff00-\ufffd\U00010000-\U0010ffff]"
)
_SHORT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def yaml_quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar that loads back as exactly `text`.

    Printable characters are written raw (as UTF-8), everything else as an escape:
    `\\xNN`, `\\uNNNN` or `\\UNNNNNNNN` (never a surrogate pair: YAML reads each
    `\\u` escape as one code point).
    """
    out = ['"']
    for char in text:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif _RAW_OK.match(char) and char != "\ufeff":
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    out.append('"')
    return "".join(out)


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML with every string double-quoted (`yaml_quote`); keys too."""
    pad = " " * indent
    if isinstance(value, Mapping):
        if not value:
            return pad + "{}\n"
        lines = []
        for key, item in value.items():
            head = f"{pad}{yaml_quote(str(key))}:"
            if isinstance(item, Mapping | list) and item:
                lines.append(head + "\n" + to_yaml(item, indent + 2))
            else:
                lines.append(head + " " + to_yaml(item, 0).strip() + "\n")
        return "".join(lines)
    if isinstance(value, list):
        if not value:
            return pad + "[]\n"
        lines = []
        for item in value:
            if isinstance(item, Mapping | list) and item:
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- " + body[indent + 2 :])
            else:
                lines.append(f"{pad}- " + to_yaml(item, 0).strip() + "\n")
        return "".join(lines)
    if isinstance(value, str):
        return pad + yaml_quote(value) + "\n"
    if value is None:
        return pad + "null\n"
    if isinstance(value, bool):
        return pad + ("true" if value else "false") + "\n"
    return pad + str(value) + "\n"


def base_strategy(stages: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A small strategy that the schema accepts, so that every content rule runs on it."""
    return {
        "funnelcheck": 1,
        "product": {"name": "Ledgerline", "category": "payout reconciliation"},
        "reviewed": "2026-10-30",
        "problem": {
            "id": "payout-reconciliation",
            "statement": "Finance teams reconcile Stripe payouts against the ledger by hand.",
            "terms": {"payout": ["payouts"], "ledger": ["books"], "reconcile": ["matching"]},
        },
        "segment": {
            "name": "Finance teams",
            "stakeholders": [
                {"role": "economic_buyer", "title": "CFO", "cares_about": ["the ledger"]},
                {"role": "user", "title": "Accountant", "cares_about": ["payouts"]},
            ],
        },
        "value_proposition": {"statement": "Payouts reconcile against the ledger by themselves."},
        "capabilities": [{"id": "auto-match", "text": "Matches payouts", "status": "shipped"}],
        "price": {
            "model": "subscription",
            "currency": "USD",
            "plans": [{"id": "team", "amount": 499, "per": "month", "includes": ["auto-match"]}],
        },
        "stages": stages
        if stages is not None
        else [
            {
                "name": "Campaign",
                "role": "marketing",
                "audience": ["economic_buyer"],
                "pitch": "Payouts reconcile against your ledger.",
            },
            {
                "name": "Trial",
                "role": "product",
                "audience": ["user"],
                "pitch": "Watch last month's payouts reconcile against the ledger.",
            },
        ],
    }


# -- the engine, in-process -------------------------------------------------------------------
def checker(plugins: bool = False, config: str | None = None) -> Any:
    from funnelcheck.config import Overrides
    from funnelcheck.run.engine import make_checker

    return make_checker(config, Overrides(), plugins, AS_OF_DATE)


def check_paths(paths: Iterable[Path | str], the_checker: Any = None) -> Any:
    """Check files named explicitly, in-process; return the Report."""
    from funnelcheck.input.discover import Source
    from funnelcheck.input.load import display_name
    from funnelcheck.run.engine import build_report, check_sources

    ck = the_checker or checker()
    sources = [Source(str(p), display_name(str(p)), True) for p in paths]
    results, _ = check_sources(ck, sources, 1)
    return build_report(results, ck)


def render(report: Any, fmt: str, cwd: Path | str = ROOT, **reporter_args: Any) -> str:
    import importlib

    from funnelcheck.reporters import REPORTERS, RenderContext

    module_name, _, class_name = REPORTERS[fmt].partition(":")
    cls = getattr(importlib.import_module(f"funnelcheck.reporters.{module_name}"), class_name)
    return str(cls(**reporter_args).render(report, RenderContext(color=False, cwd=str(cwd))))


def code_paths(report: Any) -> set[tuple[str, str, str]]:
    """(file, code, path) of every finding: what a user would see move."""
    return {(f.location.file, f.code, f.location.path) for f in report.findings()}


#: "Billion laughs": nine levels of nine aliases, 9^9 values if expanded.
BOMB = """funnelcheck: 1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def priced_claim(n: int) -> str:
    """A strategy whose first claim is n sentences, each naming prices no plan has: n FC302
    findings on one long text (each once held a copy of the text in its stable path)."""
    strategy = base_strategy()
    strategy["stages"][0]["claims"] = [
        {
            "text": " ".join(
                f"Plan {i} costs ${i}.99 a month for {i} seats, saving 20% over the $49 plan."
                for i in range(n)
            )
        }
    ]
    return to_yaml(strategy)
