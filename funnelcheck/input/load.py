"""Bytes -> plain data plus a location for every value, in one pass over the parser's events.

Why events and not `yaml.load`: the C composer crashes the process on very deep nesting
and a "billion laughs" document expands without bound, so depth and alias expansion are
counted while the events stream, before any structure is built. Building plain data
straight from the events also gives each value its line and column without a second walk
over a node tree, and lets us see repeated keys (which every loader drops silently).

What the data looks like: mappings are dicts with string keys (the key's text as written:
`on:` stays "on"), sequences are lists, scalars are str, int, float, bool or None by the
YAML 1.1 core rules PyYAML's SafeLoader uses, except that dates stay the text they were
written as (the schema checks them as `format: date`, and the data stays serialisable).
Only the core tags are accepted; `!!python/...` and any other tag are refused, never
constructed.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from funnelcheck.findings import MAX_PER_RULE, Issue, Path, more_issues

try:  # libyaml's parser where PyYAML was built with it; the pure one otherwise.
    from yaml._yaml import CParser as _CParser

    def _parser(text: str) -> Any:
        return _CParser(text)

    PARSER = "libyaml (C)"
except ImportError:  # pragma: no cover - depends on how PyYAML was built

    def _parser(text: str) -> Any:
        return yaml.BaseLoader(text)

    PARSER = "PyYAML (pure Python)"


@dataclass(frozen=True)
class Limits:
    """Bounds on what a file may make the checker do; each refusal is FC007."""

    max_bytes: int = 5_000_000
    max_depth: int = 200
    #: Values reached through aliases, counted as if expanded: a billion laughs needs 10^9.
    max_alias_expansion: int = 100_000
    #: Values written in the file (every key, scalar, list and mapping). A strategy of
    #: 10,000 stages holds about 100,000; 5 MB of one-line keys holds 900,000, and reading
    #: each costs the checker more than a strategy's worth of rules would.
    max_values: int = 250_000


DEFAULT_LIMITS = Limits()


class InputError(Exception):
    """The file cannot be turned into data: the engine reports it as `code` at line:column."""

    def __init__(
        self, code: str, message: str, line: int = 1, column: int = 1, too_large: bool = False
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        #: Refused for its size alone: a walk may still pass it over as not a strategy.
        self.too_large = too_large


class UnreadablePath(Exception):
    """The path cannot be read at all (missing, a directory, permission): exit code 2.

    `str()` names the path; `reason` alone is for callers that name the file their way.
    """

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"{shown}: {reason}")
        self.reason = reason


class LocNode:
    """Where one collection sits, and where its children sit (a tree that mirrors the data).

    A scalar's place is a plain (line, column) tuple: a strategy has hundreds of scalars,
    and a tuple costs a fraction of an object (issue 7).
    """

    __slots__ = ("children", "column", "keys", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.children: dict[str, Place] | list[Place] | None = None
        #: For mappings: where each key is written.
        self.keys: dict[str, tuple[int, int]] | None = None


#: Where a value sits: a collection's LocNode, or a scalar's (line, column).
Place = LocNode | tuple[int, int]


@dataclass
class Locations:
    """Finds the line and column of any path, falling back to the nearest ancestor."""

    root: LocNode

    def find(self, path: Path, at_key: bool = False) -> tuple[int, int, int]:
        """Return (line, column, how many steps of the path were found)."""
        node: Place = self.root
        depth = 0
        for step in path:
            if isinstance(node, tuple):  # a scalar: nothing below it
                break
            children = node.children
            if isinstance(children, dict) and isinstance(step, str) and step in children:
                if at_key and depth == len(path) - 1 and node.keys is not None:
                    line, col = node.keys[step]
                    return line, col, depth + 1
                node = children[step]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                node = children[step]
            else:
                break
            depth += 1
        if isinstance(node, tuple):
            return node[0], node[1], depth
        return node.line, node.column, depth


@dataclass
class Loaded:
    """One file, read once: its text, data, locations and what loading noticed."""

    text: str
    data: Any
    locations: Locations
    #: Input issues found while loading (FC003 repeated keys), by code.
    issues: dict[str, list[Issue]] = field(default_factory=dict)


class ReadRefused(Exception):
    """`read_bounded` would not read the file, or could not: `reason` says why in words that
    follow the file's name. `unreadable`: the path cannot be read at all (missing, a
    directory, permission); otherwise the file was refused (a device, a pipe, too large)."""

    def __init__(self, reason: str, unreadable: bool = False, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unreadable = unreadable
        self.too_large = too_large


#: How much one read asks for: a limit set very high never becomes one huge allocation.
READ_CHUNK = 1 << 20


def display_name(path: str) -> str:
    """A path as reports show it: undecodable bytes are written as escapes, never raw."""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in path):
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def read_bounded(path: str, limit: int, raise_limit: str = "") -> bytes:
    """The bytes of a regular file of at most `limit` bytes: the one reader every file of a
    run goes through (strategies, configurations and their `extends`, baselines).

    Refused before any byte is read: what is not a regular file (a FIFO or a device would
    block or never end: `/dev/zero`, a named pipe, a link to either) and a file whose size
    is over `limit`. A file that grows while it is read is read up to `limit + 1` bytes and
    then refused, so memory is bounded by the limit whatever the file does. `raise_limit`
    says how to raise the limit, for the message.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadRefused("the link points at nothing (dangling link)", True) from None
        raise ReadRefused("no such file", True) from None
    except OSError as exc:  # a symlink loop, a name too long, a folder we may not enter
        raise ReadRefused(f"cannot be read ({exc.strerror or exc})", True) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadRefused("is a directory", True)
    if not stat.S_ISREG(st.st_mode):
        # Never opened: reading a FIFO or a device would block or never end.
        raise ReadRefused("not a regular file (a pipe, socket or device); not read")
    how = f"; {raise_limit}" if raise_limit else ""
    if st.st_size > limit:
        raise ReadRefused(
            f"the file is {st.st_size:,} bytes, over the limit of {limit:,}{how}", too_large=True
        )
    try:
        with open(path, "rb", buffering=0) as fh:
            raw = _read_up_to(fh, limit + 1, first=st.st_size + 1)
    except OSError as exc:
        raise ReadRefused(f"cannot be read ({exc.strerror or exc})", True) from None
    if len(raw) > limit:
        raise ReadRefused(
            f"the file grew past the limit of {limit:,} bytes while it was read{how}",
            too_large=True,
        )
    return raw


def _read_up_to(fh: Any, most: int, first: int | None = None) -> bytes:
    """At most `most` bytes of a binary stream, asked for in bounded pieces (the first piece
    the size a file was seen to have: one read for a file that does not grow)."""
    pieces: list[bytes] = []
    got = 0
    ask = min(first if first is not None else READ_CHUNK, most)
    while got < most:
        piece = fh.read(min(ask, most - got))
        if not piece:
            break
        pieces.append(piece)
        got += len(piece)
        ask = READ_CHUNK
    return b"".join(pieces)


def read_stream(stream: Any, limit: int) -> bytes:
    """Piped standard input, read up to `limit + 1` bytes and no further: `decode` then
    refuses what is over the limit (`cat /dev/zero | funnelcheck check -` ends at once)."""
    return _read_up_to(stream, limit + 1)


def read_text(path: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Read a strategy as text, refusing what is not a regular file or is too large."""
    try:
        raw = read_bounded(
            path,
            limits.max_bytes,
            "split the strategy or raise `max-file-bytes` in the configuration",
        )
    except ReadRefused as exc:
        if exc.unreadable:
            # Messages name the file as reports do: undecodable bytes of a name as escapes,
            # since a lone surrogate cannot be written to a UTF-8 report.
            raise UnreadablePath(display_name(path), exc.reason) from None
        raise InputError("FC007", exc.reason, too_large=exc.too_large) from None
    return decode(raw, limits)


def read_head(path: str, size: int = 65_536) -> str:
    """The start of a regular file, as text: enough to tell whether it is a strategy."""
    with open(path, "rb") as fh:
        return fh.read(size).decode("utf-8", "replace")


def decode(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """UTF-8 (a byte-order mark is dropped), or UTF-16/32 where a byte-order mark says so."""
    if len(raw) > limits.max_bytes:
        raise InputError(
            "FC007", f"the input is over the limit of {limits.max_bytes:,} bytes; not read"
        )
    encoding = "utf-8"
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise InputError(
            "FC001",
            f"the file is not {encoding.upper()} text (byte 0x{raw[exc.start]:02x} at byte "
            f"{exc.start}); save it as UTF-8",
            line,
            column,
        ) from None
    return text.lstrip("\ufeff") if encoding != "utf-8" else text


# YAML 1.1 implicit typing as SafeLoader does it, minus timestamps (dates stay text).
_RESOLVERS: dict[str | None, list[tuple[str, Any]]] = {
    first: [(tag, rx) for tag, rx in entries if not tag.endswith(":timestamp")]
    for first, entries in Resolver.yaml_implicit_resolvers.items()
}
_CONSTRUCTOR = SafeConstructor()
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCT = {
    _CORE + "int": _CONSTRUCTOR.construct_yaml_int,
    _CORE + "float": _CONSTRUCTOR.construct_yaml_float,
    _CORE + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _CORE + "null": _CONSTRUCTOR.construct_yaml_null,
}


def _resolve_plain(value: str) -> str:
    for tag, rx in _RESOLVERS.get(value[:1], ()) if value else _RESOLVERS.get("", ()):
        if rx.match(value):
            return str(tag)
    return _CORE + "str"


#: The most digits a number may have: Python's own bound for reading and printing whole
#: numbers (`sys.int_info.default_max_str_digits`). A hexadecimal or sexagesimal integer
#: is held to the same bound, so every number read can be printed in a report.
MAX_DIGITS = 4300
MAX_BITS = 14284  # 2**14284 < 10**4300: fewer bits, fewer digits
_TOO_MANY_DIGITS = 10**MAX_DIGITS
_NOT_DIGIT = re.compile(r"[^0-9A-Za-z]")
#: What a placeholder holds where a value could not be read (FC002 is reported at its
#: line, so no content rule ever sees it): the schema finds nothing more to say there.
_PLACEHOLDERS: dict[str, Any] = {"int": 0, "float": 0.0, "bool": False, "null": None}
_ADVICE_BY_KIND = {
    "int": "write a whole number such as 12",
    "float": "write a number such as 0.25",
    "bool": "write true or false",
    "null": "write null or ~",
}


class BadScalar(Exception):
    """A scalar that no figure can hold: an explicit core tag on text of another type
    (`!!bool maybe`, `!!int ""`), NaN or an infinity, a float beyond the double range, or
    an integer of more than `MAX_DIGITS` digits. Reported as FC002 at its line (in a
    configuration, as a configuration error there), never a crash."""

    def __init__(self, message: str, placeholder: Any) -> None:
        super().__init__(message)
        self.message = message
        self.placeholder = placeholder


def _shown(value: str) -> str:
    if not value.strip():
        return "an empty value"
    return f"`{value[:24]}…`" if len(value) > 25 else f"`{value}`"


def _scalar(event: Any) -> Any:
    tag = event.tag
    value = event.value
    if tag is None or tag == "!":
        if not event.implicit[0] or tag == "!":
            return value
        tag = _resolve_plain(value)
        if tag == _CORE + "str":
            return value
        if tag == _CORE + "merge":
            return _MERGE
        if tag == _CORE + "value":
            return value
        explicit = False
    elif tag not in _SCALAR_TAGS:
        raise _refused_tag(tag, event)
    else:
        explicit = True
    if tag in (_CORE + "str", _CORE + "timestamp"):
        return value
    return _typed(tag.rsplit(":", 1)[-1], value, explicit)


def _typed(kind: str, value: str, explicit: bool) -> Any:
    """A core-typed scalar, or BadScalar: every failure of the constructor (KeyError,
    IndexError, OverflowError, ...) is an input error, whatever the text."""
    # Plain decimal digits, the most common number, skip the constructor (YAML 1.1 reads
    # a leading 0 as octal: that is left to it).
    if (
        kind == "int"
        and len(value) < 19
        and value.isdigit()
        and value.isascii()
        and (value[0] != "0" or len(value) == 1)
    ):
        return int(value)
    placeholder = _PLACEHOLDERS[kind]
    # Counted before anything is built: a long sexagesimal number costs quadratic time.
    if (
        kind in ("int", "float")
        and len(value) > MAX_DIGITS
        and len(_NOT_DIGIT.sub("", value)) > MAX_DIGITS
    ):
        raise BadScalar(
            f"the number {_shown(value)} has more than {MAX_DIGITS:,} digits; "
            "write a smaller figure",
            placeholder,
        )
    try:
        result = _CONSTRUCT[_CORE + kind](ScalarNode(_CORE + kind, value))
    except Exception as exc:
        article = "an" if kind == "int" else "a"
        if isinstance(exc, ValueError) and "digits" in str(exc):
            why = f"has more than {MAX_DIGITS:,} digits"
        elif isinstance(exc, OverflowError):
            why = f"is too large for {article} {kind}"
        else:
            why = f"is not {article} {kind}"
        tagged = f" (the tag `!!{kind}` asks for one)" if explicit and "not" in why else ""
        advice = _ADVICE_BY_KIND[kind] + (", or remove the tag" if explicit else "")
        raise BadScalar(f"{_shown(value)} {why}{tagged}: {advice}", placeholder) from None
    if isinstance(result, float) and not math.isfinite(result):
        if math.isnan(result) or value.strip().lstrip("+-").lower() in (".inf", "inf"):
            why = "NaN and infinities are not figures: they cannot be compared or added"
        else:
            why = "it is beyond the largest number a figure can hold (about 1.8 × 10^308)"
        raise BadScalar(f"{_shown(value)} is not a finite number: {why}; write a figure", 0.0)
    if type(result) is int and result.bit_length() > MAX_BITS and abs(result) >= _TOO_MANY_DIGITS:
        raise BadScalar(
            f"the number {_shown(value)} has more than {MAX_DIGITS:,} digits; "
            "write a smaller figure",
            0,
        )
    return result


def _refused_tag(tag: str, event: Any) -> InputError:
    mark = event.start_mark
    if "python/" in tag:
        why = f"the tag {tag!r} asks to run Python code; it is refused, never constructed"
    else:
        why = f"the tag {tag!r} is not part of the strategy format; remove it"
    return InputError("FC007", why, mark.line + 1, mark.column + 1)


class _Merge:
    """The `<<` merge key's marker."""


_MERGE = _Merge()


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "key", "key_mark", "loc", "merges", "weight")

    def __init__(self, container: Any, loc: LocNode, anchor: str | None) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.loc = loc
        self.anchor = anchor
        self.key: Any = None
        self.key_mark: tuple[int, int] | None = None
        self.weight = 1
        self.merges: list[Any] | None = None


def load_text(text: str, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Parse one YAML document into data and locations; raise InputError where it cannot."""
    parser = _parser(text)
    try:
        return _build(text, parser, limits)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (1, 1)
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        problem = exc.problem or str(exc)
        if _PARSER_DEPTH_LIMIT in problem:
            # libyaml 0.2.5 and later refuse nesting deeper than their own limit (1,000
            # levels) in the scanner, which reads ahead of the events our bound counts:
            # too deep is FC007 whichever layer notices it first.
            raise InputError("FC007", _too_deep(limits), line, column) from None
        context = f" ({exc.context})" if exc.context else ""
        lines = text.splitlines()
        row = lines[line - 1] if 0 < line <= len(lines) else ""
        char = row[column - 1] if 0 < column <= len(row) else ""
        raise InputError("FC001", _explain(problem, context, char), line, column) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        raise InputError(
            "FC001",
            (
                f"the file holds a character YAML does not allow (U+{exc.character:04X}); "
                "remove it or write it as an escape in a double-quoted string"
            )
            if isinstance(exc.character, int)
            else f"YAML reader: {exc.reason}",
            line,
            column,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError("FC001", f"YAML: {exc}") from None
    finally:
        parser.dispose()


#: libyaml's words when nesting exceeds its own limit (libyaml 0.2.5 and later).
_PARSER_DEPTH_LIMIT = "exceeded maximum nesting depth"


def _too_deep(limits: Limits) -> str:
    return f"the data is nested more than {limits.max_depth} levels deep; not read further"


def _too_many(limits: Limits) -> str:
    return (
        f"the file holds more than {limits.max_values:,} values (keys, items and scalars); "
        "a strategy needs a few thousand: split it, or remove what was generated by mistake; "
        "not read further"
    )


#: PyYAML's words for the faults people make most, and what to do about each.
_ADVICE = (
    ("mapping values are not allowed", "a `: ` inside a value: put the value in quotes"),
    ("could not find expected ':'", "a line that is not `key: value`: a missing `:`?"),
    ("expected <block end>", "this line's indentation does not match the lines above it"),
    ("found unexpected end of stream", "the file ends inside an open quote or bracket"),
    ("did not find expected key", "this line's indentation does not match the lines above it"),
)


def _explain(problem: str, context: str, char: str = "") -> str:
    """PyYAML's problem in plain words where we know them, its own words after."""
    if char == "\t":
        advice = "a tab: YAML indents with spaces, never tabs"
        return f"YAML syntax: {advice} (the parser says: {problem}{context})"
    for words, advice in _ADVICE:
        if words in problem:
            return f"YAML syntax: {advice} (the parser says: {problem}{context})"
    return f"YAML syntax: {problem}{context}"


def _build(text: str, parser: Any, limits: Limits) -> Loaded:
    # Every value, scalar, collection or alias, is placed by `attach`. A scalar's place is
    # a plain (line, column) tuple, a collection's a LocNode (see `Locations.find`).
    issues: dict[str, list[Issue]] = {}
    anchors: dict[str, tuple[Any, Place, int]] = {}
    stack: list[_Frame] = []
    root: Any = None
    root_loc: Place | None = None
    documents = 0
    expanded = 0
    max_depth = limits.max_depth
    values_left = limits.max_values

    def attach(value: Any, loc: Place, weight: int, mark: Any) -> None:
        nonlocal root, root_loc
        if not stack:
            root, root_loc = value, loc
            return
        frame = stack[-1]
        frame.weight += weight
        container = frame.container
        if isinstance(container, list):
            container.append(value)
            assert isinstance(frame.loc.children, list)
            frame.loc.children.append(loc)
            return
        if frame.key_mark is None:  # this value is a key
            if value is _MERGE:
                frame.key = _MERGE
            elif isinstance(value, dict | list):
                raise InputError(
                    "FC001",
                    "a mapping key is itself a mapping or a list; keys must be plain text",
                    mark.line + 1,
                    mark.column + 1,
                )
            else:
                frame.key = value
            frame.key_mark = loc if isinstance(loc, tuple) else (loc.line, loc.column)
            return
        key = frame.key
        key_mark = frame.key_mark
        frame.key_mark = None
        if key is _MERGE:
            frame.merges = (frame.merges or []) + [(value, loc)]
            return
        assert isinstance(frame.loc.children, dict) and frame.loc.keys is not None
        if key in container:
            _repeated(issues, stack, key, key_mark)
        container[key] = value
        frame.loc.children[key] = loc
        frame.loc.keys[key] = key_mark

    get_event = parser.get_event
    while True:
        event = get_event()
        cls = event.__class__
        if cls is ScalarEvent:
            mark = event.start_mark
            values_left -= 1
            if values_left < 0:
                raise InputError("FC007", _too_many(limits), mark.line + 1, mark.column + 1)
            where = (mark.line + 1, mark.column + 1)
            value = event.value
            frame = stack[-1] if stack else None
            if frame is not None and frame.is_map and frame.key_mark is None:
                # A key: its text as written (`on:` stays "on", `1:` stays "1").
                tag = event.tag
                if tag is not None and tag != "!" and tag not in _SCALAR_TAGS:
                    raise _refused_tag(tag, event)
                if value == "<<" and tag is None and event.implicit[0]:
                    value = _MERGE
                if event.anchor is not None:
                    anchors[event.anchor] = (value, where, 1)
                # `attach`'s work for a key, written here: a scalar key is most events.
                frame.weight += 1
                frame.key = value
                frame.key_mark = where
                continue
            try:
                if event.tag is not None:
                    value = _scalar(event)
                elif event.implicit[0] and (not value or value[0] in _RESOLVERS):
                    # Plain text may be a number, a boolean or null; quoted text and
                    # plain text no implicit type could claim (most values) stay as they
                    # are.
                    value = _scalar(event)
            except BadScalar as exc:
                value = exc.placeholder
                _bad_scalar(issues, stack, exc, where)
            if event.anchor is not None:
                anchors[event.anchor] = (value, where, 1)
            if frame is None or frame.key is _MERGE:
                attach(value, where, 1, mark)
                continue
            # `attach`'s work for a scalar value, written here: most events are one.
            frame.weight += 1
            places: Any = frame.loc.children
            if frame.is_map:
                key, key_mark = frame.key, frame.key_mark
                frame.key_mark = None
                held: Any = frame.container
                if key in held:
                    _repeated(issues, stack, key, key_mark or where)
                held[key] = value
                places[key] = where
                key_marks: Any = frame.loc.keys
                key_marks[key] = key_mark
            else:
                frame.container.append(value)
                places.append(where)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            mark = event.start_mark
            if event.tag not in (None, "!", _CORE + "map", _CORE + "seq", _CORE + "omap"):
                raise _refused_tag(event.tag, event)
            if len(stack) >= max_depth:
                raise InputError(
                    "FC007",
                    _too_deep(limits),
                    mark.line + 1,
                    mark.column + 1,
                )
            values_left -= 1
            if values_left < 0:
                raise InputError("FC007", _too_many(limits), mark.line + 1, mark.column + 1)
            node = LocNode(mark.line + 1, mark.column + 1)
            if cls is MappingStartEvent:
                container: Any = {}
                node.children = {}
                node.keys = {}
            else:
                container = []
                node.children = []
            stack.append(_Frame(container, node, event.anchor))
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            frame = stack.pop()
            if frame.merges:
                _apply_merges(frame, event)
            if frame.anchor is not None:
                anchors[frame.anchor] = (frame.container, frame.loc, frame.weight)
            attach(frame.container, frame.loc, frame.weight, event.start_mark)
        elif cls is AliasEvent:
            mark = event.start_mark
            try:
                value, place, weight = anchors[event.anchor]
            except KeyError:
                raise InputError(
                    "FC001",
                    f"the alias *{event.anchor} names no anchor defined before it",
                    mark.line + 1,
                    mark.column + 1,
                ) from None
            expanded += weight
            if expanded > limits.max_alias_expansion:
                raise InputError(
                    "FC007",
                    "aliases expand to more than "
                    f"{limits.max_alias_expansion:,} values (an alias bomb?); not read further",
                    mark.line + 1,
                    mark.column + 1,
                )
            if stack and stack[-1].key_mark is None and isinstance(stack[-1].container, dict):
                if isinstance(value, dict | list):
                    attach(value, place, weight, mark)  # raises: a collection as a key
                value = str(value)
            attach(value, place, weight, mark)
        elif cls is StreamEndEvent:
            break
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise InputError(
                    "FC001",
                    "the file holds more than one YAML document; a strategy is one document "
                    "(remove the `---` line or split the file)",
                    mark.line + 1,
                    mark.column + 1,
                )
    for listed in issues.values():
        if len(listed) > MAX_PER_RULE:  # the count is final now: say it
            listed[-1] = more_issues(listed[-1], listed[-1].data["not_listed"])
    return Loaded(
        text=text,
        data=root,
        locations=Locations(
            LocNode(*root_loc) if isinstance(root_loc, tuple) else root_loc or LocNode(1, 1)
        ),
        issues=issues,
    )


def _bad_scalar(
    issues: dict[str, list[Issue]], stack: list[_Frame], exc: BadScalar, where: tuple[int, int]
) -> None:
    """FC002 at a value no figure can hold; the value is read as a placeholder."""
    path: list[str | int] = list(_path_of(stack))
    if stack:
        frame = stack[-1]
        path.append(frame.key if frame.is_map else len(frame.container))
    issues.setdefault("FC002", []).append(
        Issue(path=tuple(path), message=exc.message, line=where[0], column=where[1])
    )


def _repeated(
    issues: dict[str, list[Issue]], stack: list[_Frame], key: Any, key_mark: tuple[int, int]
) -> None:
    """FC003: a key the innermost open mapping already holds."""
    keys = stack[-1].loc.keys
    assert keys is not None
    first = keys[key]
    listed = issues.setdefault("FC003", [])
    if len(listed) >= MAX_PER_RULE:
        # Counted in the last issue, not kept one by one (see `more_issues`).
        if len(listed) == MAX_PER_RULE:
            first_beyond = Issue(
                (*_path_of(stack), key), "", at_key=True, line=key_mark[0], column=key_mark[1]
            )
            listed.append(more_issues(first_beyond, 0))
        counted = listed[-1].data
        assert isinstance(counted, dict)
        counted["not_listed"] += 1
        return
    listed.append(
        Issue(
            path=(*_path_of(stack), key),
            message=(
                f"the key `{key}` is repeated: {_where_repeated(first, key_mark)}; a "
                "YAML loader keeps only the last, and the first value is lost"
            ),
            at_key=True,
            subject=str(key),
            line=key_mark[0],
            column=key_mark[1],
            data={"first_line": first[0], "repeat_line": key_mark[0]},
        )
    )


def _where_repeated(first: tuple[int, int], again: tuple[int, int]) -> str:
    """ "first on line 4, again on line 7", with columns where both are on one line."""
    if first[0] != again[0]:
        return f"first on line {first[0]}, again on line {again[0]}"
    return f"first on line {first[0]} column {first[1]}, again at column {again[1]}"


def _apply_merges(frame: _Frame, event: Any) -> None:
    """`<<: *base` fills in the keys the mapping does not set itself."""
    container = frame.container
    assert isinstance(frame.loc.children, dict) and frame.loc.keys is not None
    for value, loc in frame.merges or ():
        sources = value if isinstance(value, list) else [value]
        source_locs = loc.children if isinstance(value, list) else [loc]
        for source, source_loc in zip(sources, source_locs or [], strict=False):
            if not isinstance(source, dict):
                mark = event.start_mark
                raise InputError(
                    "FC001",
                    "a `<<` merge key takes a mapping or a list of mappings",
                    mark.line + 1,
                    mark.column + 1,
                )
            assert isinstance(source_loc.children, dict) and source_loc.keys is not None
            for key, item in source.items():
                if key not in container:
                    container[key] = item
                    frame.loc.children[key] = source_loc.children[key]
                    frame.loc.keys[key] = source_loc.keys[key]


def _path_of(stack: list[_Frame]) -> Path:
    """The path of the innermost open collection (only needed for the rare repeated key)."""
    path: list[str | int] = []
    for parent in stack[:-1]:
        if isinstance(parent.container, list):
            path.append(len(parent.container))
        else:
            path.append(parent.key)
    return tuple(path)


def load_file(path: str, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    return load_text(read_text(path, limits), limits)
