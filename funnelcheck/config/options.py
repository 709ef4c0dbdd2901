"""Rule options: a value from a configuration file checked and coerced against the type
of the rule's `Options` field."""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    pass


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
