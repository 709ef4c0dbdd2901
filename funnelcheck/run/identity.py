"""What a finding is about, whatever position its stage, claim or plan holds in its list.

A finding's `Location.path` (`stages[1].claims[0].promises[0]`) says where it sits today;
insert a stage at the top and every later index moves. Baselines, SARIF
`partialFingerprints`, GitLab fingerprints (and any tool that matches the findings of two
runs) need what it is *about* instead: its *stable path*, the same path with each list
index replaced by what the item is:

- a mapping with an `id` (capabilities, plans, pains, evidence, assumptions): `[id="sso"]`;
- a stage by its name and role: `[name="Discovery call" role="sales"]` (a reference
  customer by its name);
- a claim by its text: `[text="Audit-ready books."]`;
- a stakeholder by its role and title: `[role="buyer" title="CFO"]`;
- a plain value (a promised capability id, a channel) by itself: `["audit-trail"]`;
- anything else by its place among the items that have nothing to be known by: `[#2]`.

Items that share a key (two stages with the same name and role, a claim written twice) are
told apart by their order among those: the first is `[text="x"]`, the second
`[text="x" #2]`. So inserting, removing or reordering stages, claims, plans or customers
changes no other finding's stable path; renaming a stage changes its own findings' only.

`stable_path(data, path)` is the one place this is computed; the engine stores the result
on each `Finding` (`Finding.stable_path`), and `Finding.identity` / `findings.fingerprint`
build on it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from funnelcheck.findings import Path, format_path

#: The fields an item of a list is known by, tried in this order; the first field must be
#: present (and a plain value) for a rule to apply, the others are added when present.
ITEM_KEYS: tuple[tuple[str, ...], ...] = (
    ("id",),
    ("name", "role"),
    ("text",),
    ("role", "title"),
)


def _plain(value: Any) -> bool:
    return (
        value is None or isinstance(value, str | int | float | bool) or hasattr(value, "isoformat")
    )


def _shown(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, default=str)`, a date as its ISO text; a text
    (most keys are) escaped by the C escaper straight away, without building an encoder
    for each value as `json.dumps` with options does."""
    if type(value) is str:
        return encode_basestring(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=str)


def item_key(item: Any) -> str:
    """What one list item is known by (`id="sso"`, `name="Demo" role="sales"`, `"sso"`), or
    "" when it has nothing (then its order among such items tells it apart)."""
    if isinstance(item, dict):
        for fields in ITEM_KEYS:
            if fields[0] in item and _plain(item[fields[0]]):
                return " ".join(
                    f"{name}={_shown(item[name])}"
                    for name in fields
                    if name in item and _plain(item[name])
                )
        return ""
    if isinstance(item, list):
        return ""
    return _shown(item)


def item_keys(items: Sequence[Any]) -> list[str]:
    """Each item's step in a stable path, told apart from same-keyed items by their order."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for item in items:
        key = item_key(item)
        n = seen[key] = seen.get(key, 0) + 1
        if not key:
            out.append(f"#{n}")
        else:
            out.append(key if n == 1 else f"{key} #{n}")
    return out


class StablePaths:
    """Stable paths into one strategy's data; each list's keys are worked out once, so a
    file with many findings in a long list costs one pass over that list. Each path's
    result is kept too: the many findings of one long claim (a key holding its whole
    text) share one string rather than each holding a copy, which made memory grow with
    the findings times the text."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self._keys: dict[int, list[str]] = {}
        self._paths: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        known = self._paths.get(path)
        if known is None:
            known = self._paths[path] = self._stable(path)
        return known

    def _stable(self, path: Path) -> str:
        node = self.data
        out: list[str] = []
        for n, step in enumerate(path):
            if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
                keys = self._keys.get(id(node))
                if keys is None:
                    keys = self._keys[id(node)] = item_keys(node)
                out.append(f"[{keys[step]}]")
                node = node[step]
            elif isinstance(step, str) and isinstance(node, dict):
                out.append(format_path((step,)) if not out else _key_step(step))
                node = node.get(step)
            else:  # beyond the data (a missing key, a fault): the rest as written
                rest = format_path(tuple(path[n:]))
                out.append(rest if not out or rest.startswith("[") else "." + rest)
                break
        return "".join(out)


def _key_step(step: str) -> str:
    shown = format_path((step,))
    return shown if shown.startswith("[") else "." + shown


def stable_path(data: Any, path: Path) -> str:
    """The stable path of `path` in `data` (see the module's doc)."""
    return StablePaths(data)(path)
