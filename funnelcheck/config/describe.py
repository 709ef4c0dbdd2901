"""`funnelcheck config`'s description: every effective setting of a file, and where it
came from."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from funnelcheck.config.options import _kebab
from funnelcheck.config.resolution import Config
from funnelcheck.config.settings import COMMAND_LINE, DEFAULT

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    pass


def describe(config: Config, file: str | None = None) -> list[tuple[str, object, str]]:
    """Every effective setting: (key, value, where it came from).

    Selection, severities and options are those of `file`, with the `per-file` entries
    that match it applied (`funnelcheck config legacy/old.yaml` shows what that file
    gets); without a file, those of a file no `per-file` glob matches. Each `per-file`
    entry follows, as written, with its line.
    """
    matched = config._per_file(file) if file is not None else ()
    out: list[tuple[str, object, str]] = []
    values = config._layered.values
    out.append(("config", config.source or "(none: defaults)", config.source or DEFAULT))
    lists = [(k, v, o) for k, v, o in config._layered.lists if not k.startswith("per-file.")]
    if not any(k == "select" for k, _, _ in lists):
        out.append(("select", ["ALL"], DEFAULT))
    out += [(k, v, o) for k, v, o in lists]
    if config._overrides.select:
        out.append(("select", list(config._overrides.select), COMMAND_LINE))
    if config._overrides.ignore:
        out.append(("ignore", list(config._overrides.ignore), COMMAND_LINE))

    if config._overrides.fail_on:
        out.append(("fail-on", config.fail_on, COMMAND_LINE))
    else:
        out.append(
            ("fail-on", config.fail_on, values["fail-on"][1] if "fail-on" in values else DEFAULT)
        )
    out.append(
        (
            "exclude",
            list(config.exclude),
            values["exclude"][1] if "exclude" in values else DEFAULT,
        )
    )
    max_bytes = values.get("max-file-bytes")
    out.append(("max-file-bytes", config.limits.max_bytes, max_bytes[1] if max_bytes else DEFAULT))
    if "review-interval-days" in values:
        value, origin, _ = values["review-interval-days"]
        out.append(("review-interval-days", value, origin))

    for code, rule in config._rules.items():
        on, decided = config._selected(rule, matched)
        out.append((f"rules.{code}.selected", on, decided))
        (severity, severity_origin), options, origins = config._effective(rule, matched)
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

    for entry in config._layered.per_file:
        written = [
            (k.rsplit(".", 1)[-1], v)
            for k, v, _ in config._layered.lists
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
