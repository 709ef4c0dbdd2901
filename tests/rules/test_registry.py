"""The registry: every rule module registered, codes and names unique, every rule documented
and with a case file. A rule added without any of these fails here, not in review."""

from __future__ import annotations

import inspect
import pkgutil
import re
from dataclasses import fields, is_dataclass
from pathlib import Path

from corpora import spec

import funnelcheck.rules as rules_pkg
from funnelcheck.findings import Severity
from funnelcheck.rules import BUILTIN_RULES, all_rules, builtin_rules
from funnelcheck.rules.base import NoOptions, Rule

CASES = Path(__file__).resolve().parent / "cases"


def test_every_rule_module_is_registered() -> None:
    # Rule modules at any depth (a family folder is a package): "story.stage_off_problem".
    prefix = rules_pkg.__name__ + "."
    modules = {
        m.name[len(prefix) :]
        for m in pkgutil.walk_packages(rules_pkg.__path__, prefix)
        if not m.ispkg and m.name != prefix + "base"
    }
    registered = {entry.partition(":")[0] for entry in BUILTIN_RULES}
    assert modules == registered


def test_codes_and_names_are_unique_and_well_formed() -> None:
    loaded = builtin_rules()
    codes = [r.code for r in loaded]
    names = [r.name for r in loaded]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in loaded:
        assert re.fullmatch(r"FC\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert isinstance(rule.severity, Severity)
        module = inspect.getmodule(rule)
        assert module is not None
        assert module.__name__.rsplit(".", 1)[-1] == rule.name.replace("-", "_"), (
            "a rule's module is named after the rule"
        )
    assert list(all_rules(plugins=False)) == sorted(codes)


def test_the_catalog_is_implemented() -> None:
    page = spec("rules.md").read_text(encoding="utf-8")
    catalog = dict(re.findall(r"^\| (FC\d{3}) \| ([a-z-]+) \|", page, re.MULTILINE))
    implemented = {r.code: r.name for r in builtin_rules()}
    assert catalog.items() <= implemented.items()


def test_every_rule_has_a_reference_page_and_typed_options() -> None:
    for rule in builtin_rules():
        doc = inspect.cleandoc(rule.__doc__ or "")
        assert rule.__doc__ != Rule.__doc__, f"{rule.code} has no docstring of its own"
        for section in ("**Why.**", "**Failing example.**", "**Passing example.**", "**Options.**"):
            assert section in doc, f"{rule.code}'s reference page lacks {section}"
        assert doc.count("```yaml") >= 2, f"{rule.code} needs a failing and a passing example"
        options = rule.Options
        assert options is NoOptions or is_dataclass(options), rule.code
        for f in fields(options):
            assert f.name.replace("_", "-") in doc or f.name in doc, (
                f"{rule.code}'s page does not document its option {f.name}"
            )
        options()  # every option has a default


def test_every_rule_has_a_case_file() -> None:
    for rule in builtin_rules():
        path = CASES / f"{rule.code}_{rule.name}.yaml"
        assert path.exists(), f"{rule.code} has no case file {path.name}"
