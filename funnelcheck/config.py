"""`.funnelcheck.yaml` / `pyproject.toml` -> `Config`, and where every value came from.

Which file applies. For each checked strategy, the nearest `.funnelcheck.yaml`, or
`pyproject.toml` holding a `[tool.funnelcheck]` table, found walking up from the strategy's
folder (in one folder `.funnelcheck.yaml` wins over `pyproject.toml`; a `pyproject.toml`
without the table is passed over). The result is cached per folder, so thousands of files
cost one walk per folder. Files are not merged, except through `extends: PATH` (relative
to the file that says it), which puts a shared base under a file. `--config FILE` applies
one file to every strategy; standard input (`-`) looks upward from the current folder.
The file found applies whole, wherever the run starts: its `exclude` (through
`ConfigResolver.excluded`, for each path a walk meets), its `fail-on` (kept on each file's
result), its selection, severities, options and limits. A file that cannot be read raises
ConfigError for each strategy it governs, and for no other.

Which rules run. Selection is worked out in layers, each later one overriding the earlier
ones for the rules it names, as ruff does:

    defaults (every rule) < extends bases < the file's select/ignore < per-file < command line

Within one layer `select` starts over (only what it names), `extend-select` adds, `ignore`
removes, and for a rule named by both a positive and an `ignore` entry the more specific
entry wins: a code or rule name beats a family (`FC10` beats `FC1`, which beats `ALL`), and
on a tie `ignore` wins. So `select: [FC101]` with `ignore: [FC1]` runs FC101 and no other
FC1xx rule; `ignore: [FC101]` with `extend-select: [FC1]` runs every FC1xx rule but FC101.
The findings that mean a file could not be checked at all (FC001, FC002, FC006, FC007)
stay on through any family, `ALL` or `select`: only naming them in `ignore` turns them off.

Severity and options. `rules:` sets a rule's severity and options (kebab or snake names,
type-checked against the rule's `Options` dataclass); a base's settings apply first, then
the file's, then matching `per-file` entries in the order written. The command line does
not set severities or options.

Errors. Unknown keys, unknown rules (with "did you mean"), values of the wrong type and
`extends` cycles raise `ConfigError` with the config file and the line of the offending key
or value. YAML files are read with `funnelcheck.load.load_text`, which knows every value's
line and refuses tags (a config file can never load a module or run code). `tomllib` gives
no positions, so for `pyproject.toml` the line is found by searching the text, from the
`[tool.funnelcheck` header on, for each key of the path in turn (then for the quoted value
of a list item): right for ordinary files, approximate where a key's name also appears
earlier in a comment-free line of the table.
"""

from __future__ import annotations

import dataclasses
import difflib
import errno
import math
import os
import re
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

from funnelcheck.discover import compiled_patterns
from funnelcheck.findings import Path, Severity, format_path
from funnelcheck.load import (
    MAX_BITS,
    MAX_DIGITS,
    InputError,
    Limits,
    ReadRefused,
    load_text,
    read_bounded,
)
from funnelcheck.rules.base import Rule

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    import jsonschema  # type: ignore[import-untyped,unused-ignore]
    import pathspec

CONFIG_FILE = ".funnelcheck.yaml"
PYPROJECT = "pyproject.toml"
#: The largest configuration file read (a pyproject.toml holds other tools' settings too);
#: anything larger is refused before it is read (issue 12: a 1.5 GB sparse file used 3.8 GB).
CONFIG_MAX_BYTES = 5_000_000
#: The most files one `extends` chain may hold (each file is read and checked in turn).
MAX_EXTENDS = 64
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_FAIL_ON = "error"
#: FC701's option that `review-interval-days` is shorthand for.
REVIEW_RULE, REVIEW_OPTION = "FC701", "interval_days"

DEFAULT = "default"
COMMAND_LINE = "command line"
#: The findings that mean a file could not be checked at all: not YAML (FC001), not the
#: format's shape (FC002), a format this version does not read (FC006), refused (FC007).
#: No rule ran on such a file, so hiding them would pass it as clean. As ruff always
#: reports a syntax error, a family or `ALL` in `ignore`, or a `select` that does not name
#: them, leaves them on; naming one by code or name in `ignore` still turns it off.
UNCHECKABLE = frozenset({"FC001", "FC002", "FC006", "FC007"})
ALWAYS = "always on: a file that cannot be checked is never passed as clean"


class ConfigError(Exception):
    """A configuration that cannot be used: the message, and where (file, 1-based line/column)."""

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(part) for part in (self.file, self.line, self.column) if part is not None]
        return f"{':'.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class Overrides:
    """What the command line says for one run; it wins over every file."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None


@dataclass(frozen=True)
class RuleSettings:
    """How one rule runs on one file: a severity override (None: the rule's own) and options."""

    severity: Severity | None
    options: Any


# -- rules by code, name and family ---------------------------------------------------------

_FAMILY = re.compile(r"([A-Za-z]+)(\d*)\Z")
#: A code or a rule name is as specific as a selector gets.
_EXACT = 1_000


@dataclass(frozen=True)
class _Selector:
    """One entry of `select` / `ignore`: which rules it names and how specifically."""

    text: str
    code: str | None = None  # an exact code (a rule name is stored as its code)
    prefix: str | None = None  # a family: codes starting so, e.g. "FC1"
    origin: str = DEFAULT

    @property
    def specificity(self) -> int:
        if self.code is not None:
            return _EXACT
        return len(self.prefix or "")  # "ALL" has the empty prefix: least specific

    def matches(self, rule: type[Rule]) -> bool:
        if self.code is not None:
            return rule.code == self.code
        assert self.prefix is not None
        return rule.code.upper().startswith(self.prefix)


class _RuleIndex:
    """The known rules, to resolve what a user writes and to suggest what they meant."""

    def __init__(self, rules: Mapping[str, type[Rule]]) -> None:
        self.rules = dict(rules)
        self.by_code = {code.upper(): rule for code, rule in rules.items()}
        self.by_name = {rule.name: rule for rule in rules.values()}

    def rule(self, text: str) -> type[Rule] | None:
        """The rule a `rules:` key names (code in any case, or name)."""
        return self.by_code.get(text.upper()) or self.by_name.get(text.strip().lower())

    def selector(self, text: str, origin: str) -> _Selector | None:
        rule = self.rule(text)
        if rule is not None:
            return _Selector(text, code=rule.code, origin=origin)
        upper = text.strip().upper()
        if upper == "ALL":
            return _Selector(text, prefix="", origin=origin)
        family = _FAMILY.match(upper)
        # A family is a code's letters and some of its digits: "FC", "FC1", "FC10" (not "F").
        if family and any(
            code.startswith(upper) and code[len(family[1]) : len(family[1]) + 1].isdigit()
            for code in self.by_code
        ):
            return _Selector(text, prefix=upper, origin=origin)
        return None

    def suggest(self, text: str, extra: Sequence[str] = ()) -> str:
        """`; did you mean X?` for the nearest code or name, or nothing."""
        candidates = [*self.by_code, *self.by_name, *extra]
        probe = text.upper() if _FAMILY.match(text.strip()) else text.lower()
        near = difflib.get_close_matches(probe, candidates, n=1, cutoff=0.6)
        if not near:
            lowered = {c.lower(): c for c in candidates}
            near = difflib.get_close_matches(text.lower(), list(lowered), n=1, cutoff=0.6)
            near = [lowered[n] for n in near]
        return f"; did you mean `{near[0]}`?" if near else ""


# -- one config file, read and located --------------------------------------------------------


@dataclass
class _Document:
    """One config file's data and a way to find the line of any path in it."""

    file: str  # as shown to the user
    real: str  # absolute, for `extends` and cycle detection
    data: dict[str, Any]
    locate: Callable[[Path, bool], tuple[int, int]]

    def origin(self, path: Path, at_key: bool = False) -> str:
        return f"{self.file}:{self.locate(path, at_key)[0]}"

    def error(self, message: str, path: Path, at_key: bool = False) -> ConfigError:
        line, column = self.locate(path, at_key)
        return ConfigError(message, self.file, line, column)


def _display(path: str) -> str:
    """A path as messages show it: relative to the current folder when it lies beneath it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _read_document(path: str) -> _Document | None:
    """Read a config file; None for a pyproject.toml that has no `[tool.funnelcheck]` table."""
    real = os.path.abspath(path)
    shown = _display(real)
    try:
        raw = read_bounded(real, CONFIG_MAX_BYTES)
    except ReadRefused as exc:
        raise ConfigError(f"cannot read the configuration: {exc.reason}", shown) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("the configuration is not UTF-8 text", shown) from None
    if real.endswith(".toml"):
        return _read_toml(text, shown, real)
    return _read_yaml(text, shown, real)


def _read_yaml(text: str, shown: str, real: str) -> _Document:
    try:
        loaded = load_text(text)
    except InputError as exc:
        raise ConfigError(exc.message, shown, exc.line, exc.column) from None
    # A repeated key keeps only its last value: a setting the user wrote would be dropped
    # silently (TOML refuses the same), so it is an error at the repeat.
    for bad in loaded.issues.get("FC002", ()):  # NaN, a bad `!!int`, ...: as read
        raise ConfigError(bad.message, shown, bad.line, bad.column)
    for repeated in loaded.issues.get("FC003", ()):
        raise ConfigError(
            f"the key `{repeated.subject}` is repeated (first on line "
            f"{repeated.data['first_line']}); keep one",
            shown,
            repeated.line,
            repeated.column,
        )
    data = loaded.data
    if data is None:  # an empty file: all defaults
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping of keys to values", shown, 1, 1)

    def locate(path: Path, at_key: bool) -> tuple[int, int]:
        line, column, _ = loaded.locations.find(path, at_key=at_key)
        return line, column

    return _Document(shown, real, data, locate)


def _read_toml(text: str, shown: str, real: str) -> _Document | None:
    is_pyproject = os.path.basename(real) == PYPROJECT
    if is_pyproject and "funnelcheck" not in text:
        return None  # not ours: do not even parse it
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The message ends "(at line L, column C)".
        where = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, column = (int(where[1]), int(where[2])) if where else (None, None)
        if where is None and "end of document" in str(exc):
            line, column = text.count("\n") + 1, 1
        raise ConfigError(f"TOML syntax: {exc}", shown, line, column) from None
    except ValueError:  # an integer over Python's digit limit; tomllib says not where
        line = _long_number_line(text)
        raise ConfigError(
            f"a number has more than {MAX_DIGITS:,} digits; write a smaller one", shown, line
        ) from None
    table: Any = document
    if is_pyproject or "tool" in document:
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            # `tool = "funnelcheck"`: TOML allows it, but settings go in a table.
            line, column = _TomlLocator(text, document).locate(("tool",), True)
            raise ConfigError(
                f"`tool` must be a table, not {_toml_kind(tool)}: write the settings under "
                "a `[tool.funnelcheck]` header",
                shown,
                line,
                column,
            )
        table = tool.get("funnelcheck")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError("`tool.funnelcheck` must be a table", shown, 1, 1)
    doc = _Document(shown, real, table, _TomlLocator(text, table).locate)
    _check_numbers(doc, doc.data, ())
    return doc


def _long_number_line(text: str) -> int | None:
    """The line of the first run of more than MAX_DIGITS digits (hex digits too)."""
    found = re.search(rf"[0-9A-Fa-f_]{{{MAX_DIGITS + 1},}}", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _check_numbers(doc: _Document, value: Any, path: Path) -> None:
    """A configuration holds no NaN, no infinity and no integer too long to print (TOML
    reads `nan`, `inf` and long hexadecimal integers; YAML's are refused as it is read)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise doc.error(
            f"`{value}` is not a finite number: NaN and infinities are not settings; "
            "write a figure",
            path,
        )
    if type(value) is int and value.bit_length() > MAX_BITS:
        raise doc.error(f"a number has more than {MAX_DIGITS:,} digits; write a smaller one", path)
    if isinstance(value, dict):
        for key, item in value.items():
            _check_numbers(doc, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_numbers(doc, item, (*path, index))


def _toml_kind(value: Any) -> str:
    """A TOML value's kind in words, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    return "a date or time"


class _TomlLocator:
    """Lines of keys in TOML text, by search (tomllib keeps no positions; see the module doc)."""

    def __init__(self, text: str, data: dict[str, Any]) -> None:
        self.lines = text.splitlines()
        self.data = data
        self.start = next(
            (i for i, ln in enumerate(self.lines) if ln.lstrip().startswith("[tool.funnelcheck")),
            0,
        )

    def _search(self, pattern: re.Pattern[str], from_line: int) -> tuple[int, int] | None:
        for i in range(from_line, len(self.lines)):
            line = self.lines[i]
            if line.lstrip().startswith("#"):
                continue
            found = pattern.search(line)
            if found:
                return i, found.start()
        return None

    def locate(self, path: Path, at_key: bool) -> tuple[int, int]:
        line, column = self.start, 0
        value: Any = self.data
        for step in path:
            if isinstance(step, str):
                # A key may follow a dot: `[tool.funnelcheck.rules.FC101]`, `rules.FC101.severity`.
                key = re.compile(r"(?<![\w-])[\"']?" + re.escape(step) + r"[\"']?\s*(?=[=.\]])")
                found = self._search(key, line)
                if found:
                    line, column = found
            value = _step(value, step)
        if path and isinstance(path[-1], int) and isinstance(value, str):
            quoted = re.compile(r"[\"']" + re.escape(value) + r"[\"']")
            found = self._search(quoted, line)
            if found:
                line, column = found
        return line + 1, column + 1


def _step(value: Any, step: str | int) -> Any:
    if isinstance(value, dict) and isinstance(step, str):
        return value.get(step)
    if isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
        return value[step]
    return None


# -- the schema -------------------------------------------------------------------------------


def schema_path() -> FsPath:
    """`schemas/config.schema.json`: in the package when installed, at the top in a checkout."""
    here = FsPath(__file__).resolve().parent
    for candidate in (here / "schemas", here.parent / "schemas"):
        path = candidate / "config.schema.json"
        if path.is_file():
            return path
    raise FileNotFoundError("schemas/config.schema.json is missing from the installation")


@cache
def config_schema() -> dict[str, Any]:
    import json

    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


@cache
def _validator() -> jsonschema.protocols.Validator:
    # Imported here: only a run with a configuration file pays for jsonschema's import.
    from funnelcheck._jsonschema import import_jsonschema

    validator_cls = import_jsonschema().Draft202012Validator
    schema = config_schema()
    validator_cls.check_schema(schema)
    return validator_cls(schema)


_JSON_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}


def _json_type(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _quoted(value: Any) -> str:
    """` ('many')` after the type's name; nothing for empty and true/false, whose name says
    it all (Python's `None` and `True` mean nothing to a user writing YAML or TOML)."""
    return "" if value is None or isinstance(value, bool) else f" ({value!r})"


def _known_keys(path: Path) -> list[str]:
    """The keys the schema allows at a path of the data (for "did you mean")."""
    root = config_schema()
    node: Mapping[str, Any] = root
    for step in path:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        props = node.get("properties", {})
        if isinstance(step, str) and step in props:
            node = props[step]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        else:
            return []
    if "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return list(node.get("properties", {}))


def _schema_check(doc: _Document) -> None:
    """Raise the schema error that comes first in the file, in plain words."""
    errors = list(_validator().iter_errors(doc.data))
    if not errors:
        return
    placed = []
    for err in errors:
        path: Path = tuple(err.absolute_path)
        at_key = False
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {}))
            extra = next(k for k in err.instance if k not in allowed)
            path, at_key = (*path, extra), True
        placed.append((doc.locate(path, at_key), path, at_key, err))
    placed.sort(key=lambda item: item[0])
    _, path, at_key, err = placed[0]
    raise doc.error(_schema_message(path, err), path, at_key)


def _schema_message(path: Path, err: jsonschema.ValidationError) -> str:
    where = f"`{format_path(path)}`" if path else "the configuration"
    value = err.instance
    if err.validator == "additionalProperties":
        key = str(path[-1])
        known = _known_keys(path[:-1])
        near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean `{near[0]}`?" if near else f" (known: {', '.join(known)})"
        return f"unknown key `{key}`{hint}"
    if err.validator == "enum":
        allowed = ", ".join(str(v) for v in err.validator_value)
        if isinstance(value, bool):
            return (
                f"{where} must be one of: {allowed}; YAML reads an unquoted yes/no/on/off as "
                "true or false (to turn a rule off, list it under `ignore`)"
            )
        return f"{where} must be one of: {allowed}, not {value!r}"
    if err.validator == "type":
        expected = _JSON_TYPES.get(str(err.validator_value), str(err.validator_value))
        return f"{where} must be {expected}, not {_json_type(value)}{_quoted(value)}"
    if err.validator == "minimum":
        return f"{where} must be at least {err.validator_value}, not {value!r}"
    if err.validator == "minLength":
        return f"{where} must not be empty"
    return f"{where}: {err.message}"


# -- options ----------------------------------------------------------------------------------


def _describe_type(tp: Any) -> str:
    origin, args = get_origin(tp), get_args(tp)
    if tp is bool:
        return "true or false"
    if tp is int:
        return "a whole number"
    if tp is float:
        return "a number"
    if tp is str:
        return "text"
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    if origin in (Union, types.UnionType):
        parts = [_describe_type(a) for a in args if a is not type(None)]
        optional = " (or empty)" if type(None) in args else ""
        return " or ".join(parts) + optional
    if origin in (list, tuple, set, frozenset, Sequence):
        return f"a list of {_describe_type(args[0]) if args else 'values'}"
    if origin in (dict, Mapping):
        return "a mapping"
    return getattr(tp, "__name__", str(tp))


class _WrongType(Exception):
    pass


def _coerce(value: Any, tp: Any) -> Any:
    """The option's value as the dataclass field's annotation wants it, or `_WrongType`."""
    origin, args = get_origin(tp), get_args(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _coerce(value, arg)
            except _WrongType:
                continue
        raise _WrongType
    if origin is Literal:
        if value in args:
            return value
        raise _WrongType
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise _WrongType
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _WrongType
    if tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise _WrongType
    if tp is str:
        if isinstance(value, str):
            return value
        raise _WrongType
    if origin in (list, tuple, set, frozenset, Sequence):
        if not isinstance(value, list):
            raise _WrongType
        item_type = args[0] if args else Any
        items = [_coerce(item, item_type) for item in value]
        # A frozen Options stays hashable: lists become tuples unless the field says list.
        if origin is list:
            return items
        if origin in (set, frozenset):
            return frozenset(items)
        return tuple(items)
    if origin in (dict, Mapping) or tp in (dict, Mapping):
        if not isinstance(value, dict):
            raise _WrongType
        return dict(value)
    return value  # an annotation we do not know how to check: the rule checks it


def _option_types(options_cls: type[Any]) -> dict[str, Any]:
    """Field name -> annotation of a rule's Options dataclass (strings resolved)."""
    if not dataclasses.is_dataclass(options_cls):
        return {}
    try:
        hints = get_type_hints(options_cls)
    except Exception:  # an annotation that cannot be resolved: check nothing for it
        hints = {}
    return {f.name: hints.get(f.name, Any) for f in dataclasses.fields(options_cls) if f.init}


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# -- selection, rule settings and per-file overrides ------------------------------------------


@dataclass(frozen=True)
class _Selection:
    """One layer's `select` / `extend-select` / `ignore` (None: the layer has no `select`)."""

    origin: str
    select: tuple[_Selector, ...] | None = None
    extend_select: tuple[_Selector, ...] = ()
    ignore: tuple[_Selector, ...] = ()

    def apply(self, rule: type[Rule], state: tuple[bool, str]) -> tuple[bool, str]:
        """The rule's (on, decided where) after this layer, given its state before it."""

        def best(selectors: Sequence[_Selector]) -> _Selector | None:
            hits = [s for s in selectors if s.matches(rule)]
            return max(hits, key=lambda s: s.specificity) if hits else None

        uncheckable = rule.code in UNCHECKABLE
        positive = best((*(self.select or ()), *self.extend_select))
        # Only an entry naming the rule itself turns off a "could not be checked" finding.
        ignore = [s for s in self.ignore if s.code is not None] if uncheckable else self.ignore
        negative = best(ignore)
        if negative is not None and (
            positive is None or negative.specificity >= positive.specificity
        ):
            return False, negative.origin
        if positive is not None:
            return True, positive.origin
        if uncheckable and (self.select is not None or len(ignore) < len(self.ignore)):
            return True, ALWAYS  # a family, ALL or `select` tried to hide it
        if self.select is not None:  # `select` starts over: what it does not name is off
            return False, self.origin
        return state


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
                near = difflib.get_close_matches(key, spelled, n=1, cutoff=0.6)
                hint = f"did you mean `{near[0]}`?" if near else "known: " + ", ".join(spelled)
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


# -- Config -----------------------------------------------------------------------------------


class Config:
    """The configuration that applies to some strategies: one file (with its bases) or defaults."""

    def __init__(
        self,
        source: str | None,
        layered: _Layered,
        overrides: Overrides,
        rules: Mapping[str, type[Rule]],
        folder: str,
    ) -> None:
        self.source = source
        self._layered = layered
        self._overrides = overrides
        self._rules = dict(rules)
        self._command_line = _command_line_selection(overrides, _RuleIndex(rules))
        values = layered.values

        fail_on = values.get("fail-on")
        self.fail_on: str = overrides.fail_on or (fail_on[0] if fail_on else DEFAULT_FAIL_ON)
        exclude = values.get("exclude")
        self.exclude: tuple[str, ...] = tuple(exclude[0]) if exclude else ()
        self.root: str = exclude[2] if exclude else folder
        max_bytes = values.get("max-file-bytes")
        self.limits = Limits(max_bytes=max_bytes[0]) if max_bytes else Limits()
        # Built on first use: only a folder walk under an `exclude` asks (patterns were
        # already checked when the file was read).
        self._exclude_spec: pathspec.GitIgnoreSpec | None = None

        self._per_file_cache: dict[str, tuple[int, ...]] = {}
        self._settings_cache: dict[tuple[str, tuple[int, ...]], RuleSettings | None] = {}
        self._plan_cache: dict[
            tuple[tuple[type[Rule], ...], tuple[int, ...]],
            tuple[tuple[type[Rule], RuleSettings], ...],
        ] = {}

    # -- what the engine asks ----------------------------------------------------------------
    def settings_for(self, rule: type[Rule], file: str) -> RuleSettings | None:
        """How `rule` runs on `file`; None when it is off there (select/ignore/per-file)."""
        matched = self._per_file(file)
        key = (rule.code, matched)
        if key not in self._settings_cache:
            self._settings_cache[key] = self._settings(rule, matched)
        return self._settings_cache[key]

    def rules_for(
        self, rules: Mapping[str, type[Rule]], file: str
    ) -> tuple[tuple[type[Rule], RuleSettings], ...]:
        """The rules of `rules` that run on `file`, in their order, with their settings.

        Files matched by the same per-file entries share one answer: asking rule by rule
        for every file was a tenth of the engine's own time (issue 7).
        """
        matched = self._per_file(file)
        # Keyed by the rules themselves, not the mapping's id (an id can be reused).
        key = (tuple(rules.values()), matched)
        plan = self._plan_cache.get(key)
        if plan is None:
            plan = self._plan_cache[key] = tuple(
                (rule, settings)
                for rule in rules.values()
                if (settings := self.settings_for(rule, file)) is not None
            )
        return plan

    def excluded(self, file: str) -> bool:
        """Whether `exclude` drops this file (or folder) when a walk meets it.

        Patterns are read as .gitignore reads them, relative to the folder of the file that
        set them; a folder is also tried with a trailing `/`, so `drafts/` drops the folder.
        """
        if not self.exclude:
            return False
        rel = os.path.relpath(os.path.abspath(file), self.root)
        if rel.startswith(os.pardir) or rel == os.curdir:
            return False
        if self._exclude_spec is None:
            import pathspec

            self._exclude_spec = pathspec.GitIgnoreSpec.from_lines(self.exclude)
        rel = rel.replace(os.sep, "/")
        return self._exclude_spec.match_file(rel) or (
            os.path.isdir(file) and self._exclude_spec.match_file(rel + "/")
        )

    def _per_file(self, file: str) -> tuple[int, ...]:
        if file == "-" or not self._layered.per_file:
            return ()
        if file not in self._per_file_cache:
            self._per_file_cache[file] = tuple(
                i for i, entry in enumerate(self._layered.per_file) if entry.matches(file)
            )
        return self._per_file_cache[file]

    def _layers(self, matched: tuple[int, ...]) -> list[_Selection]:
        per_file = [self._layered.per_file[i].selection for i in matched]
        return [*self._layered.selections, *per_file, self._command_line]

    def _selected(self, rule: type[Rule], matched: tuple[int, ...]) -> tuple[bool, str]:
        state = (True, DEFAULT)  # every rule runs unless a layer says otherwise
        for layer in self._layers(matched):
            state = layer.apply(rule, state)
        return state

    def _rule_configs(self, code: str, matched: tuple[int, ...]) -> list[_RuleConfig]:
        entries = [r for r in self._layered.rules if r.code == code]
        for i in matched:
            entries += [r for r in self._layered.per_file[i].rules if r.code == code]
        return entries

    def _settings(self, rule: type[Rule], matched: tuple[int, ...]) -> RuleSettings | None:
        if not self._selected(rule, matched)[0]:
            return None
        severity, options, _ = self._effective(rule, matched)
        return RuleSettings(severity[0], options)

    def _effective(
        self, rule: type[Rule], matched: tuple[int, ...]
    ) -> tuple[tuple[Severity | None, str], Any, dict[str, str]]:
        """(severity override and where, the Options instance, where each option came from)."""
        severity: tuple[Severity | None, str] = (None, DEFAULT)
        values: dict[str, Any] = {}
        origins: dict[str, str] = {}
        known = _option_types(rule.Options)
        for entry in self._rule_configs(rule.code, matched):
            if entry.severity is not None:
                severity = entry.severity
            for name, (value, origin) in entry.options.items():
                if name in known:  # review-interval-days when FC701 was unknown at read time
                    values[name], origins[name] = value, origin
        try:
            options = rule.Options(**values)
        except (TypeError, ValueError) as exc:
            where = ", ".join(sorted(set(origins.values())))
            raise ConfigError(f"{rule.code} options: {exc} (set at {where})") from None
        return severity, options, origins

    # -- what `funnelcheck config` shows -------------------------------------------------------
    def describe(self, file: str | None = None) -> list[tuple[str, object, str]]:
        """Every effective setting: (key, value, where it came from).

        Selection, severities and options are those of `file`, with the `per-file` entries
        that match it applied (`funnelcheck config legacy/old.yaml` shows what that file
        gets); without a file, those of a file no `per-file` glob matches. Each `per-file`
        entry follows, as written, with its line.
        """
        matched = self._per_file(file) if file is not None else ()
        out: list[tuple[str, object, str]] = []
        values = self._layered.values
        out.append(("config", self.source or "(none: defaults)", self.source or DEFAULT))
        lists = [(k, v, o) for k, v, o in self._layered.lists if not k.startswith("per-file.")]
        if not any(k == "select" for k, _, _ in lists):
            out.append(("select", ["ALL"], DEFAULT))
        out += [(k, v, o) for k, v, o in lists]
        if self._overrides.select:
            out.append(("select", list(self._overrides.select), COMMAND_LINE))
        if self._overrides.ignore:
            out.append(("ignore", list(self._overrides.ignore), COMMAND_LINE))

        if self._overrides.fail_on:
            out.append(("fail-on", self.fail_on, COMMAND_LINE))
        else:
            out.append(
                ("fail-on", self.fail_on, values["fail-on"][1] if "fail-on" in values else DEFAULT)
            )
        out.append(
            (
                "exclude",
                list(self.exclude),
                values["exclude"][1] if "exclude" in values else DEFAULT,
            )
        )
        max_bytes = values.get("max-file-bytes")
        out.append(
            ("max-file-bytes", self.limits.max_bytes, max_bytes[1] if max_bytes else DEFAULT)
        )
        if "review-interval-days" in values:
            value, origin, _ = values["review-interval-days"]
            out.append(("review-interval-days", value, origin))

        for code, rule in self._rules.items():
            on, decided = self._selected(rule, matched)
            out.append((f"rules.{code}.selected", on, decided))
            (severity, severity_origin), options, origins = self._effective(rule, matched)
            label = (severity or rule.severity).label
            out.append((f"rules.{code}.severity", label, severity_origin))
            if dataclasses.is_dataclass(options):
                for f in dataclasses.fields(options):
                    value = getattr(options, f.name)
                    if isinstance(value, tuple | frozenset):
                        value = list(value)
                    out.append(
                        (
                            f"rules.{code}.options.{_kebab(f.name)}",
                            value,
                            origins.get(f.name, DEFAULT),
                        )
                    )

        for entry in self._layered.per_file:
            written = [
                (k.rsplit(".", 1)[-1], v)
                for k, v, _ in self._layered.lists
                if k.startswith(f"per-file.{entry.pattern}.")
            ]
            summary: dict[str, object] = dict(written)
            for rc in entry.rules:
                settings: dict[str, object] = {}
                if rc.severity:
                    settings["severity"] = rc.severity[0].label
                if rc.options:
                    settings["options"] = {_kebab(k): v for k, (v, _) in rc.options.items()}
                summary.setdefault("rules", {})
                assert isinstance(summary["rules"], dict)
                summary["rules"][rc.code] = settings
            out.append((f"per-file.{entry.pattern}", summary, entry.origin))
        return out


def _command_line_selection(overrides: Overrides, index: _RuleIndex) -> _Selection:
    if overrides.fail_on is not None and overrides.fail_on not in FAIL_ON:
        raise ConfigError(f"--fail-on takes one of {', '.join(FAIL_ON)}, not {overrides.fail_on!r}")

    def selectors(option: str, texts: tuple[str, ...]) -> tuple[_Selector, ...]:
        out = []
        for text in texts:
            selector = index.selector(text, COMMAND_LINE)
            if selector is None:
                raise ConfigError(
                    f"{option} {text}: no rule code, rule name or family is called so"
                    + index.suggest(text, ["ALL"])
                )
            out.append(selector)
        return tuple(out)

    select = selectors("--select", overrides.select) if overrides.select else None
    return _Selection(COMMAND_LINE, select, (), selectors("--ignore", overrides.ignore))


# -- finding the file -------------------------------------------------------------------------


class ConfigResolver:
    """Finds and reads the configuration of each checked file, once per folder and per file."""

    def __init__(
        self,
        explicit: str | None,
        overrides: Overrides,
        rules: Mapping[str, type[Rule]],
    ) -> None:
        self._overrides = overrides
        self._rules = dict(rules)
        self._reader = _Reader(_RuleIndex(rules))
        _command_line_selection(overrides, self._reader.index)  # report a bad --select now
        self._by_folder: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}
        #: Config files that could not be read: each file they govern reports the error.
        self._broken: dict[str, ConfigError] = {}
        self._defaults: Config | None = None
        self._explicit: Config | None = None
        if explicit is not None:
            if os.path.isdir(explicit):
                raise ConfigError(
                    f"--config {explicit}: a folder, not a file; name the .funnelcheck.yaml "
                    "or pyproject.toml to use"
                )
            if not os.path.lexists(explicit):
                raise ConfigError(f"--config {explicit}: no such file")
            # Anything else (a FIFO, a device, a dangling link) the bounded reader refuses.
            self._explicit = self._load(os.path.abspath(explicit))
            if self._explicit is None:
                raise ConfigError(
                    "the file has no [tool.funnelcheck] table", _display(os.path.abspath(explicit))
                )

    def excluded(self, path: str) -> bool:
        """Whether the `exclude` of the configuration governing `path` drops it.

        A walk asks for every file and folder it meets, so the setting of a nested
        `.funnelcheck.yaml` applies wherever the run starts. A path whose configuration
        cannot be read is not excluded: it is checked, and reports that error.
        """
        try:
            return self.for_file(path).excluded(path)
        except ConfigError:
            return False

    def for_file(self, file: str) -> Config:
        """The configuration for one file: `--config`, or the nearest file upward, or defaults.

        Raises ConfigError when the file that governs `file` is broken (every time it is
        asked: the files it governs are not checked, the others are).
        """
        if self._explicit is not None:
            return self._explicit
        start = os.getcwd() if file == "-" else os.path.dirname(os.path.abspath(file))
        walked: list[str] = []
        folder = start
        found: Config | None = None
        while True:
            if folder in self._by_folder:
                found = self._by_folder[folder]
                break
            walked.append(folder)
            found = self._in_folder(folder)
            if found is not None:
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        config = found or self._default_config()
        for seen in walked:
            self._by_folder[seen] = config
        return config

    def files_read(self) -> list[str]:
        """Every configuration file read so far (absolute paths), `extends` bases too."""
        return sorted(self._reader.files_read)

    def _in_folder(self, folder: str) -> Config | None:
        for name in (CONFIG_FILE, PYPROJECT):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                config = self._load(path)
                if config is not None:
                    return config
        return None

    def _load(self, path: str) -> Config | None:
        if path in self._by_file:
            return self._by_file[path]
        if path in self._broken:
            raise self._broken[path]
        try:
            layered = self._reader.read(path)
        except ConfigError as exc:
            self._broken[path] = exc
            raise
        if layered is None:
            return None
        config = Config(
            _display(path), layered, self._overrides, self._rules, os.path.dirname(path)
        )
        self._by_file[path] = config
        return config

    def _default_config(self) -> Config:
        if self._defaults is None:
            self._defaults = Config(None, _Layered(), self._overrides, self._rules, os.getcwd())
        return self._defaults
