"""Reading one configuration file: YAML or `pyproject.toml`, each value located (file and
line), numbers bounded, and the whole checked against `schemas/config.schema.json`."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from funnelcheck.config.settings import CONFIG_MAX_BYTES, PYPROJECT, ConfigError
from funnelcheck.findings import Path, format_path
from funnelcheck.input.load import (
    MAX_BITS,
    MAX_DIGITS,
    InputError,
    ReadRefused,
    load_text,
    read_bounded,
)
from funnelcheck.support.similar import did_you_mean

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    import jsonschema  # type: ignore[import-untyped,unused-ignore]


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


@cache
def config_schema() -> dict[str, Any]:
    import json

    from funnelcheck.input.validate import schema_path

    schema: dict[str, Any] = json.loads(
        schema_path("config.schema.json").read_text(encoding="utf-8")
    )
    return schema


@cache
def _validator() -> jsonschema.protocols.Validator:
    # Imported here: only a run with a configuration file pays for jsonschema's import.
    from funnelcheck.support._jsonschema import import_jsonschema

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
        hint = did_you_mean(key, known) or f" (known: {', '.join(known)})"
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
