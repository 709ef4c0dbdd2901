"""One configuration file's meaning, read into a layer: its selection, its rules'
severities and options, its per-file entries and its `extends` bases underneath."""

from __future__ import annotations

import dataclasses
import errno
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from funnelcheck.config.files import (
    _display,
    _Document,
    _json_type,
    _quoted,
    _read_document,
    _schema_check,
    _step,
)
from funnelcheck.config.options import _coerce, _describe_type, _kebab, _option_types, _WrongType
from funnelcheck.config.selection import _RuleIndex, _Selection, _Selector
from funnelcheck.config.settings import DEFAULT, MAX_EXTENDS, REVIEW_OPTION, REVIEW_RULE
from funnelcheck.findings import Path, Severity
from funnelcheck.input.discover import compiled_patterns
from funnelcheck.rules.base import Rule
from funnelcheck.support.similar import nearest

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    import pathspec


@dataclass(frozen=True)
class _RuleConfig:
    """One `rules:` entry: a severity and option values, each with where it was set."""

    code: str
    severity: tuple[Severity, str] | None = None
    options: Mapping[str, tuple[Any, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _PerFile:
    pattern: str
    root: str
    origin: str
    spec: pathspec.GitIgnoreSpec
    selection: _Selection
    rules: tuple[_RuleConfig, ...]

    def matches(self, file: str) -> bool:
        rel = os.path.relpath(os.path.abspath(file), self.root)
        if rel == os.curdir or rel.startswith(os.pardir + os.sep) or rel == os.pardir:
            return False
        return self.spec.match_file(rel.replace(os.sep, "/"))


@dataclass
class _Layered:
    """One config file with its `extends` bases under it, flattened in apply order."""

    selections: list[_Selection] = field(default_factory=list)
    rules: list[_RuleConfig] = field(default_factory=list)
    per_file: list[_PerFile] = field(default_factory=list)
    #: Top-level scalar keys: key -> (value, origin, folder of the file that set it).
    values: dict[str, tuple[Any, str, str]] = field(default_factory=dict)
    #: For `describe`: every select/extend-select/ignore list as written, with its origin.
    lists: list[tuple[str, list[str], str]] = field(default_factory=list)


class _Reader:
    """Turns config files into `_Layered`, checking everything it can against the rules."""

    def __init__(self, index: _RuleIndex) -> None:
        self.index = index
        #: Every configuration file read, `extends` bases too (no report may overwrite one).
        self.files_read: set[str] = set()

    def read(self, path: str, chain: tuple[str, ...] = ()) -> _Layered | None:
        self.files_read.add(os.path.abspath(path))
        doc = _read_document(path)
        if doc is None:
            return None
        _schema_check(doc)
        data = doc.data
        layered = _Layered()
        if "extends" in data:
            layered = self._base(doc, chain)
        folder = os.path.dirname(doc.real)

        for key in ("fail-on", "max-file-bytes", "exclude"):
            if key in data:
                layered.values[key] = (data[key], doc.origin((key,)), folder)
        exclude = data.get("exclude", ())
        try:  # all at once (and kept for the walk); one by one only to name a bad one
            compiled_patterns(tuple(exclude))
        except ValueError:
            for i, pattern in enumerate(exclude):
                _glob(doc, pattern, ("exclude", i))

        own_selection = self._selection(doc, (), doc.origin(()))
        if own_selection is not None:
            layered.selections.append(own_selection)
        layered.lists += self._lists(doc, ())

        rules = self._rules(doc, ("rules",))
        if "review-interval-days" in data:
            rules = self._review_interval(doc, rules)
            layered.values["review-interval-days"] = (
                data["review-interval-days"],
                doc.origin(("review-interval-days",)),
                folder,
            )
        layered.rules += rules

        for pattern in data.get("per-file", {}):
            base = ("per-file", pattern)
            origin = doc.origin(base, at_key=True)
            selection = self._selection(doc, base, origin) or _Selection(origin)
            spec = _glob(doc, pattern, base, at_key=True)
            layered.per_file.append(
                _PerFile(
                    pattern,
                    folder,
                    origin,
                    spec,
                    selection,
                    tuple(self._rules(doc, (*base, "rules"))),
                )
            )
            layered.lists += [
                (f"per-file.{pattern}.{k}", v, o) for k, v, o in self._lists(doc, base)
            ]
        return layered

    def _base(self, doc: _Document, chain: tuple[str, ...]) -> _Layered:
        target = doc.data["extends"]
        base_path = os.path.normpath(os.path.join(os.path.dirname(doc.real), target))
        # Compared as the files they are: a link to a file of the chain closes a cycle too.
        seen = {os.path.realpath(p) for p in (*chain, doc.real)}
        if base_path in (*chain, doc.real) or os.path.realpath(base_path) in seen:
            cycle = " -> ".join(_display(p) for p in (*chain, doc.real, base_path))
            raise doc.error(f"`extends` makes a cycle: {cycle}", ("extends",))
        if len(chain) + 1 >= MAX_EXTENDS:
            raise doc.error(
                f"`extends` goes more than {MAX_EXTENDS} files deep; flatten the chain",
                ("extends",),
            )
        if os.path.islink(base_path) and not os.path.exists(base_path):
            try:
                os.stat(base_path)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    raise doc.error(
                        f"`extends` names {target!r}, a symbolic link that leads back to "
                        "itself (a cycle of links)",
                        ("extends",),
                    ) from None
        if not os.path.isfile(base_path):
            raise doc.error(f"`extends` names {target!r}, which is not a file", ("extends",))
        base = self.read(base_path, (*chain, doc.real))
        if base is None:
            raise doc.error(
                f"`extends` names {target!r}, which has no [tool.funnelcheck] table",
                ("extends",),
            )
        return base

    def _selection(self, doc: _Document, base: Path, origin: str) -> _Selection | None:
        table = _step_path(doc.data, base)
        if not any(k in table for k in ("select", "extend-select", "ignore")):
            return None

        def selectors(key: str) -> tuple[_Selector, ...]:
            out = []
            for i, text in enumerate(table.get(key, ())):
                path = (*base, key, i)
                selector = self.index.selector(text, doc.origin(path))
                if selector is None:
                    raise doc.error(
                        f"`{key}` names {text!r}, which is no rule code, rule name or family"
                        + self.index.suggest(text, ["ALL"]),
                        path,
                    )
                out.append(selector)
            return tuple(out)

        select = selectors("select") if "select" in table else None
        if select is not None:
            origin = doc.origin((*base, "select"), at_key=True)
        return _Selection(origin, select, selectors("extend-select"), selectors("ignore"))

    def _lists(self, doc: _Document, base: Path) -> list[tuple[str, list[str], str]]:
        table = _step_path(doc.data, base)
        return [
            (key, list(table[key]), doc.origin((*base, key), at_key=True))
            for key in ("select", "extend-select", "ignore")
            if key in table
        ]

    def _rules(self, doc: _Document, base: Path) -> list[_RuleConfig]:
        out: dict[str, _RuleConfig] = {}
        first_key: dict[str, str] = {}
        for key, entry in _step_path(doc.data, base).items():
            here = (*base, key)
            rule = self.index.rule(key)
            if rule is None:
                hint = self.index.suggest(key)
                if self.index.selector(key, DEFAULT) is not None:
                    hint = "; `rules` takes one rule's code or name, not a family"
                raise doc.error(f"unknown rule `{key}`{hint}", here, at_key=True)
            if rule.code in out:
                raise doc.error(
                    f"{rule.code} ({rule.name}) is configured twice: as `{first_key[rule.code]}` "
                    f"and as `{key}`",
                    here,
                    at_key=True,
                )
            first_key[rule.code] = key
            severity = None
            if "severity" in entry:
                severity = (Severity.parse(entry["severity"]), doc.origin((*here, "severity")))
            options = self._options(doc, rule, here, entry.get("options", {}))
            out[rule.code] = _RuleConfig(rule.code, severity, options)
        return list(out.values())

    def _options(
        self, doc: _Document, rule: type[Rule], here: Path, given: Mapping[str, Any]
    ) -> dict[str, tuple[Any, str]]:
        types_by_field = _option_types(rule.Options)
        values: dict[str, tuple[Any, str]] = {}
        for key, value in given.items():
            path = (*here, "options", key)
            name = key.replace("-", "_")
            if name not in types_by_field:
                if not types_by_field:
                    raise doc.error(f"{rule.code} ({rule.name}) takes no options", path, True)
                spelled = (
                    list(types_by_field) if "_" in key else [_kebab(f) for f in types_by_field]
                )
                near = nearest(key, spelled)
                hint = f"did you mean `{near}`?" if near else "known: " + ", ".join(spelled)
                raise doc.error(f"{rule.code} has no option `{key}`; {hint}", path, True)
            expected = types_by_field[name]
            try:
                coerced = _coerce(value, expected)
            except _WrongType:
                raise doc.error(
                    f"{rule.code} option `{key}` must be {_describe_type(expected)}, "
                    f"not {_json_type(value)}{_quoted(value)}",
                    path,
                ) from None
            values[name] = (coerced, doc.origin(path))
        if values:
            try:  # the rule's own checks (__post_init__), with this file's values alone
                rule.Options(**{k: v for k, (v, _) in values.items()})
            except (TypeError, ValueError) as exc:
                raise doc.error(f"{rule.code} options: {exc}", (*here, "options"), True) from None
        return values

    def _review_interval(self, doc: _Document, rules: list[_RuleConfig]) -> list[_RuleConfig]:
        """`review-interval-days: N` is FC701's `interval_days` option, set in this file."""
        path = ("review-interval-days",)
        value = doc.data["review-interval-days"]
        origin = doc.origin(path)
        known = self.index.rule(REVIEW_RULE)
        if known is not None and REVIEW_OPTION not in _option_types(known.Options):
            raise doc.error(f"{REVIEW_RULE} here has no option `{REVIEW_OPTION}`", path, True)
        out = []
        merged = False
        for entry in rules:
            if entry.code == REVIEW_RULE:
                if REVIEW_OPTION in entry.options:
                    raise doc.error(
                        "`review-interval-days` and FC701's `interval-days` option both set the "
                        "review interval; keep one",
                        path,
                        at_key=True,
                    )
                entry = dataclasses.replace(
                    entry, options={**entry.options, REVIEW_OPTION: (value, origin)}
                )
                merged = True
            out.append(entry)
        if not merged:
            out.append(_RuleConfig(REVIEW_RULE, None, {REVIEW_OPTION: (value, origin)}))
        return out


def _glob(doc: _Document, pattern: str, path: Path, at_key: bool = False) -> pathspec.GitIgnoreSpec:
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines([pattern])
    except ValueError as exc:  # pathspec's GitIgnorePatternError is a ValueError
        raise doc.error(
            f"{pattern!r} is not a .gitignore-style pattern ({exc})", path, at_key
        ) from None


def _step_path(data: Any, path: Path) -> Any:
    for step in path:
        data = _step(data, step)
    return data if isinstance(data, dict) else {}
