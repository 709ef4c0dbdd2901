"""The JSON Schema step: one validator per process, and what it finds in plain words.

`validate(data)` returns input issues by code:

- FC006: `funnelcheck:` names a format this version does not read. Nothing else is checked
  then: the rest of the file follows a format we do not know, so its errors would be noise.
- FC004: a key the format does not define, with the nearest known key ("did you mean").
- FC002: everything else the schema refuses: a wrong type, a value outside a list of
  choices, a date that does not exist, a missing required key, a range no rule of its own
  judges.

jsonschema's messages are written for schema authors ("... is not valid under any of the
given schemas", Python reprs of whole mappings). The reader here is a product manager, so
each error is rewritten from the schema's own `title`, `description` and `examples`: the
schema file is the one place that says what a field means, for editors and messages alike.
One defect gives one issue: errors are collapsed per value, `anyOf` branches are reduced to
the one the value was meant for, and a missing key that an unknown key probably misspells
is left to FC004.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from funnelcheck.findings import MAX_PER_RULE, Issue, Path, format_path, more_issues
from funnelcheck.input._strategy_check import is_valid
from funnelcheck.support._jsonschema import import_jsonschema

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]

STRATEGY_SCHEMA = "strategy.schema.json"
#: The one strategy format this version reads (`funnelcheck: 1`).
FORMAT_VERSION = 1

# In a wheel the schemas sit inside the package (hatch force-include); in a source checkout
# they sit in the repository's top-level `schemas/`, where editors and users link to them.
# Counted from the package's folder, wherever in the package this module sits.
_PACKAGE_DIR = FilePath(__file__).resolve().parents[__name__.count(".") - 1]
_PACKAGED_SCHEMAS = _PACKAGE_DIR / "schemas"
_CHECKOUT_SCHEMAS = _PACKAGE_DIR.parent / "schemas"

# Schema keywords whose value maps names to subschemas: the dict reached through one of
# them is not itself a schema, so it never declares a field.
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_LONGEST_SHOWN = 60


def schema_path(name: str) -> FilePath:
    """The file of the schema `name` (e.g. "strategy.schema.json"); never the network."""
    if not name or FilePath(name).name != name or name in (".", ".."):
        raise ValueError(f"{name!r} is not a schema file name")
    for folder in (_PACKAGED_SCHEMAS, _CHECKOUT_SCHEMAS):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"the schema {name} is missing: looked in {_PACKAGED_SCHEMAS} and {_CHECKOUT_SCHEMAS}"
    )


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema `name` as data, read once per process (callers must not change it)."""
    with schema_path(name).open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


#: jsonschema's validator class, imported on first use and without the format plug-ins no
#: funnelcheck schema needs (funnelcheck/support/_jsonschema.py): `funnelcheck schema` and
#: `--version` do not pay for jsonschema's import. None until then.
Draft202012Validator: Any = None


@cache
def strategy_validator() -> Any:
    """The strategy validator, built once per process: thousands of files share it.

    It validates against the schema with its `$ref`s written out in place: jsonschema
    resolves a reference anew on every visit; doing it once here made validating the
    format page's example two to three times faster in our measurements.
    """
    global Draft202012Validator
    if Draft202012Validator is None:
        Draft202012Validator = import_jsonschema().Draft202012Validator
    return Draft202012Validator(
        inline_refs(load_schema(STRATEGY_SCHEMA)),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def _explainer() -> _Explainer:
    original = load_schema(STRATEGY_SCHEMA)
    return _Explainer(strategy_validator().schema, original.get("$defs", {}))


# Words a schema may set beside a `$ref` without changing what is valid.
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment"})


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every local `$ref` replaced by what it names, and no `$defs`.

    Beside a `$ref` only annotations (title, description, examples) are allowed; they
    override the definition's, which is what an editor shows for that field too. A
    validation keyword beside a `$ref` would mean "both apply", which merging cannot keep,
    so it is refused, as are references that are not local or that refer to themselves.
    """

    def resolve(ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references can be inlined, not {ref!r}")
        node: Any = schema
        for step in ref[2:].split("/"):
            node = node[step.replace("~1", "/").replace("~0", "~")]
        return node

    def inline(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise ValueError(f"the reference {ref!r} refers to itself")
            extra = set(node) - _ANNOTATIONS - {"$ref"}
            if extra:
                raise ValueError(f"beside {ref!r} only annotations may stand, not {sorted(extra)}")
            merged: dict[str, Any] = dict(inline(resolve(ref), (*seen, ref)))
            merged.update((key, value) for key, value in node.items() if key != "$ref")
            return merged
        return {key: inline(value, seen) for key, value in node.items() if key != "$defs"}

    result: dict[str, Any] = inline(schema, ())
    return result


def validate(data: Any) -> dict[str, list[Issue]]:
    """Check a strategy's data against the format; issues by code (FC002, FC004, FC006).

    The result holds only codes with at least one issue; an empty dict means the data has
    the format's shape and the rules may rely on it.
    """
    if not isinstance(data, dict):
        return {"FC002": [_not_a_mapping(data)]}
    if "funnelcheck" in data and not _is_supported_version(data["funnelcheck"]):
        return {"FC006": [_unsupported_version(data["funnelcheck"])]}
    if is_valid(data):
        # The common case, kept cheap: the schema compiled to plain Python (see
        # funnelcheck/input/schemagen.py) says yes without importing jsonschema.
        return {}
    errors = list(strategy_validator().iter_errors(data))
    if not errors:
        return {}
    return _explainer().explain(errors)


def validate_against(name: str, data: Any) -> list[Issue]:
    """`data` checked against the published schema `name` (such as `answers.schema.json`),
    explained in the strategy schema step's own words: one issue per defect, in path order.

    A `$ref` into `strategy.schema.json` reads the strategy's definition (a plan, a
    component, a date), so a part two files share is checked and worded alike.
    """
    validator, explainer = _checker(name)
    if not isinstance(data, dict) and _types(validator.schema) == ["object"]:
        expected = explainer._expected(validator.schema)
        message = (
            f"the file is empty; it should hold {expected}"
            if data is None
            else f"the top level is {_shown(data)}; it should be {expected}"
        )
        return [Issue(path=(), message=message, subject=_flow(data))]
    errors = list(validator.iter_errors(data))
    if not errors:
        return []
    found = explainer.explain(errors)
    issues = [issue for code in sorted(found) for issue in found[code]]
    return sorted(issues, key=lambda issue: _path_order(issue.path))


@cache
def _checker(name: str) -> tuple[Any, _Explainer]:
    schema = _with_strategy_refs(load_schema(name))
    inlined = inline_refs(schema)
    validator_class = import_jsonschema().Draft202012Validator
    validator = validator_class(inlined, format_checker=validator_class.FORMAT_CHECKER)
    return validator, _Explainer(inlined, schema.get("$defs", {}))


def _with_strategy_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with each `strategy.schema.json#/...` reference replaced by what it names
    (annotations beside it kept) and the strategy's `$defs` beside its own, so that
    `inline_refs` can write every reference out locally."""
    strategy = load_schema(STRATEGY_SCHEMA)
    prefix = f"{STRATEGY_SCHEMA}#"

    def target(pointer: str) -> Any:
        node: Any = strategy
        for step in pointer.lstrip("/").split("/") if pointer.strip("/") else ():
            node = node[step.replace("~1", "/").replace("~0", "~")]
        return node

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix):
            found = target(ref[len(prefix) :])
            if not isinstance(found, dict):
                raise ValueError(f"{ref!r} names no schema")
            return {**found, **{key: value for key, value in node.items() if key != "$ref"}}
        return {key: walk(value) for key, value in node.items()}

    out: dict[str, Any] = walk(schema)
    own = out.get("$defs", {})
    clash = set(own) & set(strategy.get("$defs", {}))
    if clash:
        raise ValueError(f"{sorted(clash)} are defined both here and in {STRATEGY_SCHEMA}")
    out["$defs"] = {**strategy.get("$defs", {}), **own}
    return out


# -- before the schema: the top level and the version ------------------------------------


def _not_a_mapping(data: Any) -> Issue:
    expected = "a strategy is a mapping that starts with `funnelcheck: 1`"
    if data is None:
        return Issue(path=(), message=f"the file is empty; {expected}", subject="")
    if isinstance(data, list):
        what = "an empty list" if not data else "a list"
        return Issue(path=(), message=f"the top level is {what}; {expected}", subject="list")
    if isinstance(data, str):
        what = f"the text {_shown(data)}"
    elif isinstance(data, bool):
        what = "true" if data else "false"
    else:
        what = f"the number {_flow(data)}"
    return Issue(path=(), message=f"the top level is {what}; {expected}", subject=_flow(data))


def _is_supported_version(value: Any) -> bool:
    # `type(...) is int`: YAML's `true` is a bool, and bool is an int equal to 1.
    return type(value) is int and value == FORMAT_VERSION


def _unsupported_version(value: Any) -> Issue:
    reads = f"this version of funnelcheck reads format {FORMAT_VERSION} (`funnelcheck: 1`)"
    if type(value) is int and value > FORMAT_VERSION:
        message = (
            f"`funnelcheck` is {value}, a newer format; {reads}: upgrade funnelcheck, "
            "or write the strategy in format 1"
        )
    elif type(value) is int:
        message = f"`funnelcheck` is {value}, a format that does not exist; {reads}"
    else:
        message = f"`funnelcheck` is {_shown(value)}, which is not a format version; {reads}"
    return Issue(
        path=("funnelcheck",),
        message=message,
        subject=_flow(value),
        data={"version": _flow(value)},
    )


# -- after the schema: errors in plain words ---------------------------------------------


class _Explainer:
    """Turns jsonschema errors into FC002/FC004 issues, reading the schema for the words."""

    def __init__(self, schema: dict[str, Any], definitions: Mapping[str, Any]) -> None:
        #: The schema the validator uses (references inlined), so error paths lead into it.
        self.root = schema
        # What each pattern means, from the definition that declares it: a field's own
        # description says what it is for, the definition's says how it is written.
        self.patterns: dict[str, str] = {
            definition["pattern"]: _first_sentence(definition.get("description", ""))
            for definition in definitions.values()
            if "pattern" in definition
        }

    def explain(self, errors: Iterable[ValidationError]) -> dict[str, list[Issue]]:
        found = _Found()
        for error in errors:
            self._add(error, found)
        return found.result()

    # -- one error ----------------------------------------------------------------------
    def _add(self, error: ValidationError, found: _Found) -> None:
        keyword = error.validator
        path: Path = tuple(error.absolute_path)
        if keyword in ("additionalProperties", "unevaluatedProperties"):
            self._unknown_keys(error, path, found)
        elif keyword == "required":
            known = error.schema.get("properties", {})
            for key in error.validator_value:
                if isinstance(error.instance, dict) and key not in error.instance:
                    found.missing(path, key, self._missing_key(path, key, known.get(key, {})))
        elif keyword == "dependentRequired":
            self._dependent_required(error, path, found)
        elif keyword in ("anyOf", "oneOf"):
            self._alternatives(error, path, found)
        else:
            found.value(path, self._value_issue(error, path))

    def _unknown_keys(self, error: ValidationError, path: Path, found: _Found) -> None:
        schema = error.schema
        known = list(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        instance = error.instance if isinstance(error.instance, dict) else {}
        free = [k for k in known if k not in instance]  # a suggestion must be a key not used
        where = f"in `{format_path(path)}`" if path else "at the top level"
        for key in instance:
            text = str(key)
            if text in known or any(p.search(text) for p in patterns):
                continue
            if found.unknown_full():
                # Only counted from here on: no suggestion is worked out for it.
                found.unknown(Issue(path=(*path, key), message="", at_key=True))
                continue
            suggestion = _nearest(text, free)
            if suggestion is not None:
                message = f"unknown key `{text}` {where}; did you mean `{suggestion}`?"
            else:
                message = f"unknown key `{text}` {where}, which takes {_keys(known)}"
            found.unknown(
                Issue(
                    path=(*path, key),
                    message=message,
                    at_key=True,
                    subject=text,
                    data={"key": text, "suggestion": suggestion},
                )
            )

    def _missing_key(self, path: Path, key: str, declared: Mapping[str, Any]) -> Issue:
        where = f"`{format_path(path)}`" if path else "the strategy"
        meaning = _first_sentence(declared.get("description", ""), short=True)
        why = f" ({meaning})" if meaning else ""
        return Issue(
            path=path,
            message=f"{where} lacks the required key `{key}`{why}",
            subject=key,
            data={"missing": key},
        )

    def _dependent_required(self, error: ValidationError, path: Path, found: _Found) -> None:
        instance = error.instance if isinstance(error.instance, dict) else {}
        known = error.schema.get("properties", {})
        where = f"`{format_path(path)}`" if path else "the strategy"
        for key, needed in error.validator_value.items():
            if key not in instance:
                continue
            for dependency in needed:
                if dependency in instance:
                    continue
                meaning = _first_sentence(known.get(dependency, {}).get("description", ""))
                why = f" ({meaning})" if meaning else ""
                found.missing(
                    path,
                    dependency,
                    Issue(
                        path=path,
                        message=f"{where} lacks the key `{dependency}`, which `{key}` needs{why}",
                        subject=dependency,
                        data={"missing": dependency, "needed_by": key},
                    ),
                )

    def _alternatives(self, error: ValidationError, path: Path, found: _Found) -> None:
        """One message for an anyOf/oneOf: the branch the value was meant for, or all of them."""
        branches: list[Any] = error.validator_value
        fitting = [
            index for index, branch in enumerate(branches) if _type_fits(branch, error.instance)
        ]
        context: list[ValidationError] = list(error.context or ())
        if len(fitting) == 1:
            meant = [e for e in context if e.relative_schema_path[0] == fitting[0]]
            if meant:
                for sub in meant:
                    self._add(sub, found)
                return
        elif len(fitting) > 1 and context:
            self._add(import_jsonschema().exceptions.best_match(context), found)
            return
        found.value(path, self._value_issue(error, path))

    def _value_issue(self, error: ValidationError, path: Path) -> Issue:
        """`stages[2].conversion` is "high"; a conversion is a number such as 0.35."""
        declared = self._declared(error.absolute_schema_path)
        value = error.instance
        where = f"`{format_path(path)}`" if path else "the strategy"
        keyword = error.validator
        if keyword == "format" and isinstance(value, str):
            if _DATE_SHAPE.match(value):
                message = (
                    f"{where} is {_shown(value)}, which is not a date that exists; write YYYY-MM-DD"
                )
            else:
                message = (
                    f"{where} is {_shown(value)}, which is not a date written YYYY-MM-DD, "
                    "such as 2026-10-30"
                )
        elif keyword == "minItems":
            item = declared.get("items", {})
            what = _lower(item.get("title", "entry"))
            count = error.validator_value
            at_least = f"one {what}" if count == 1 else f"{count} entries"
            message = f"{where} is {_shown(value)}; list at least {at_least}"
        else:
            message = f"{where} is {_shown(value)}; {self._subject(declared, path)} "
            message += self._expected(declared)
            if "enum" in declared and isinstance(value, str):
                choices = [c for c in declared["enum"] if isinstance(c, str)]
                suggestion = _nearest(value, choices)
                if suggestion is not None:
                    message += f"; did you mean {suggestion}?"
        subject = value if isinstance(value, str) else _flow(value)
        return Issue(path=path, message=message, subject=subject, data={"keyword": keyword})

    # -- reading the schema -------------------------------------------------------------
    def _declared(self, schema_path: Sequence[Any]) -> Mapping[str, Any]:
        """The schema that declares the failing value, from the error's schema path.

        That is the last schema the path reaches before the failing keyword (a property,
        `items`, a branch); a schema-valued map (`properties`) on the way is not one.
        """
        node: Any = self.root
        declaring: Mapping[str, Any] = self.root
        in_map = False  # `node` maps names to schemas: its next step is a name, any name
        for step in list(schema_path)[:-1]:  # the last step is the failing keyword
            node = node[step]
            if in_map:
                in_map = False
                declaring = node
            elif step in _SCHEMA_MAPS:
                in_map = True
            elif isinstance(node, dict):
                declaring = node
        return declaring

    def _subject(self, declared: Mapping[str, Any], path: Path) -> str:
        """`a conversion is`, `channels are`: what the sentence says the value should be."""
        title = declared.get("title")
        if not isinstance(title, str):
            last = next((s for s in reversed(path) if isinstance(s, str)), "value")
            title = last.replace("_", " ")
        # Lists and free mappings (`problem.terms`) hold many: their titles are plural.
        if _types(declared) == ["array"] or (
            _types(declared) == ["object"] and "properties" not in declared
        ):
            return f"{_lower(title)} are"
        return f"{_article(title)} {_lower(title)} is"

    def _expected(self, schema: Mapping[str, Any]) -> str:
        """What the value should be, in words: "a number such as 0.35", "one of a, b"."""
        if "enum" in schema:
            return "one of " + ", ".join(_flow(choice) for choice in schema["enum"])
        if "const" in schema:
            return _flow(schema["const"])
        for alternatives in ("anyOf", "oneOf"):
            if alternatives in schema:
                return " or ".join(self._expected(b) for b in schema[alternatives])
        return " or ".join(self._expected_type(kind, schema) for kind in _types(schema))

    def _expected_type(self, kind: str, schema: Mapping[str, Any]) -> str:
        examples = schema.get("examples") or []
        bounds = _range(schema)
        # "a number such as 0.35", but "a whole number from 1 to 5, such as 4".
        such_as = (", such as " if bounds else " such as ") + _flow(examples[0]) if examples else ""
        if kind == "null":
            return "empty"
        if kind == "boolean":
            return "true or false"
        if kind == "string":
            if schema.get("format") == "date":
                return "a date written YYYY-MM-DD, such as 2026-10-30"
            if "pattern" in schema:
                return self.patterns.get(schema["pattern"]) or f"text{such_as}"
            return f"text{such_as}"
        if kind in ("integer", "number"):
            noun = "a whole number" if kind == "integer" else "a number"
            return f"{noun}{bounds}{such_as}"
        if kind == "array":
            return f"a list{such_as}"
        if kind == "object":
            keys = list(schema.get("properties", {}))
            if keys:
                required = set(schema.get("required", ()))
                return f"a mapping with {_keys(keys, required)}"
            return f"a mapping{such_as}"
        return kind


class _Found:
    """Issues gathered from one file's errors, one per defect."""

    def __init__(self) -> None:
        self.values: dict[Path, Issue] = {}
        self.missing_keys: dict[tuple[Path, str], Issue] = {}
        self.unknown_keys: dict[Path, Issue] = {}
        self.unknown_beyond: Issue | None = None
        self.unknown_not_listed = 0
        self.schema_beyond: Issue | None = None
        self.schema_not_listed = 0

    def value(self, path: Path, issue: Issue) -> None:
        # Several keywords can refuse one value (a type and a pattern): the first says it.
        if path not in self.values and not self._schema_room(issue):
            return
        self.values.setdefault(path, issue)

    def missing(self, path: Path, key: str, issue: Issue) -> None:
        if (path, key) not in self.missing_keys and not self._schema_room(issue):
            return
        self.missing_keys.setdefault((path, key), issue)

    def unknown_full(self) -> bool:
        return len(self.unknown_keys) >= MAX_PER_RULE

    def _schema_room(self, issue: Issue) -> bool:
        """Whether one more FC002 issue is kept; past the bound it is only counted."""
        if len(self.values) + len(self.missing_keys) < MAX_PER_RULE:
            return True
        self.schema_beyond = self.schema_beyond or issue
        self.schema_not_listed += 1
        return False

    def unknown(self, issue: Issue) -> None:
        if len(self.unknown_keys) >= MAX_PER_RULE and issue.path not in self.unknown_keys:
            # Counted, not kept (see `more_issues`).
            self.unknown_beyond = self.unknown_beyond or issue
            self.unknown_not_listed += 1
            return
        self.unknown_keys.setdefault(issue.path, issue)

    def result(self) -> dict[str, list[Issue]]:
        # `nme:` where `name:` is required is one defect, a misspelling: FC004 names it and
        # suggests the key, so the missing key is not reported a second time.
        suggested = {
            (issue.path[:-1], issue.data.get("suggestion")) for issue in self.unknown_keys.values()
        }
        schema_issues = list(self.values.values()) + [
            issue
            for (path, key), issue in self.missing_keys.items()
            if (path, key) not in suggested
        ]
        # Such an FC004 still means a required key is missing: the engine must not run the
        # content rules on data that lacks it (`Stages:` would give "no stage of any role").
        absorbed = {(path, key) for path, key in self.missing_keys} & suggested
        for where, issue in list(self.unknown_keys.items()):
            if (issue.path[:-1], issue.data.get("suggestion")) in absorbed:
                self.unknown_keys[where] = dataclasses.replace(
                    issue, data={**issue.data, "replaces_required": True}
                )
        out: dict[str, list[Issue]] = {}
        if schema_issues:
            out["FC002"] = sorted(schema_issues, key=lambda issue: _path_order(issue.path))
        if self.schema_beyond is not None:
            out.setdefault("FC002", []).append(
                more_issues(self.schema_beyond, self.schema_not_listed)
            )
        if self.unknown_keys:
            out["FC004"] = sorted(self.unknown_keys.values(), key=lambda i: _path_order(i.path))
        if self.unknown_beyond is not None:
            out["FC004"].append(more_issues(self.unknown_beyond, self.unknown_not_listed))
        return out


# -- words -------------------------------------------------------------------------------


def _path_order(path: Path) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, step, "") if isinstance(step, int) else (1, 0, step) for step in path)


def _types(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return []
    return [kind] if isinstance(kind, str) else list(kind)


def _type_fits(schema: Mapping[str, Any], value: Any) -> bool:
    kinds = _types(schema)
    if not kinds:
        return True
    return any(_is_type(kind, value) for kind in kinds)


def _is_type(kind: str, value: Any) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return False


def _range(schema: Mapping[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    above, below = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if low is not None and high is not None:
        return f" from {_flow(low)} to {_flow(high)}"
    parts = []
    if low is not None:
        parts.append(f"at least {_flow(low)}")
    if above is not None:
        parts.append(f"above {_flow(above)}")
    if high is not None:
        parts.append(f"at most {_flow(high)}")
    if below is not None:
        parts.append(f"below {_flow(below)}")
    return (" of " + " and ".join(parts)) if parts else ""


def _keys(keys: Sequence[str], required: Iterable[str] = ()) -> str:
    must = set(required)
    words = [f"`{key}`" + (" (required)" if key in must else "") for key in keys]
    if len(words) <= 1:
        return "".join(words) or "no keys"
    return ", ".join(words[:-1]) + " and " + words[-1]


def _nearest(word: str, choices: Sequence[str]) -> str | None:
    """The choice closest to `word` (case aside), if any is close enough to be a typo."""
    from funnelcheck.support.similar import nearest

    return nearest(word, choices, fold=True)


def _first_sentence(text: str, short: bool = False) -> str:
    """A description's first sentence, lowercased, to follow "is" or stand in parentheses."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].rstrip(".")
    if short and " (" in sentence:  # no parenthesis inside the message's own parenthesis
        sentence = sentence.split(" (", 1)[0]
    return _lower(sentence)


def _lower(text: str) -> str:
    # "Conversion" -> "conversion", but "ISO code" stays as it is.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _shown(value: Any) -> str:
    """A value as a message shows it: strings quoted and cut short, never a Python repr."""
    if isinstance(value, str):
        text = value if len(value) <= _LONGEST_SHOWN else value[: _LONGEST_SHOWN - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    if isinstance(value, dict):
        return "an empty mapping" if not value else "a mapping"
    return _flow(value)


_PLAIN_TEXT = re.compile(r"[^\s\[\]{},:#&*!|>'\"%@`][^\[\]{},#]*\Z")


def _flow(value: Any) -> str:
    """A value written as YAML flow style, as a user would type it: [a, b], {k: v}."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        plain = _PLAIN_TEXT.match(value) and ": " not in value and value == value.strip()
        return value if plain else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)
