"""The package's import graph has the shape docs/DEVELOPING.md draws: no cycles, no room
importing a room above it or beside it, and no rule importing another rule.

The graph is read from the source with `ast` (nothing is imported). Every import counts:
module level, inside functions (a lazy import is still a dependency, only a later one) and
inside `if TYPE_CHECKING:` blocks (a type-only import still says "this room knows that
one"; a type the lower room needs lives in the lower room). `from funnelcheck import x`
names the sub-module `x` when there is one, the package otherwise.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "funnelcheck"

# The layer table, lowest first. Each level holds rooms; a room is a list of module-name
# prefixes (a prefix matches the module itself and everything under it; the longest
# prefix wins). A module may import its own room and any room of a strictly lower level:
# never a room of its own level (sideways) or of a higher one (upward). Every module of
# the package must fall in a room, so a new module has to be placed here on purpose.
#
# base: plumbing that knows nothing of strategies (the package itself for __version__).
# findings: what every step after reading speaks. input: files, bytes, YAML with
# locations, the schema step and its generated check. language: words and money, taking
# plain values. model: a checked strategy and the views several rules share. rule-base:
# what a rule is (the public base class). rules and reporters: each rule is its own room
# too (RULE_PACKAGES); reporters read only the report; neither knows the other. config:
# knows the rules' options. run: discovery's caller, the engine, suppressions, baselines,
# the spool, diff, init's starter. api: the public plugin API. cli: the command line.
LAYERS: list[dict[str, list[str]]] = [
    {
        "base": [
            "funnelcheck",
            "funnelcheck.support",
        ],
    },
    {
        "findings": [
            "funnelcheck.findings",
        ],
    },
    {
        "input": [
            "funnelcheck.input",
        ],
    },
    {
        "language": [
            "funnelcheck.language",
        ],
    },
    {
        "model": [
            "funnelcheck.model",
        ],
    },
    {
        "rule-base": [
            "funnelcheck.rules.base",
        ],
    },
    {
        "rules": [
            "funnelcheck.rules",
        ],
        "reporters": [
            "funnelcheck.reporters",
        ],
    },
    {
        "config": [
            "funnelcheck.config",
        ],
    },
    {
        "run": [
            "funnelcheck.run",
        ],
    },
    {
        "api": [
            "funnelcheck.api",
        ],
    },
    {
        "cli": [
            "funnelcheck.cli",
            "funnelcheck.init_cli",
            "funnelcheck.__main__",
        ],
    },
]

# Packages whose modules are rules: one rule never imports another (what two rules share
# lives in the model or language layer). The package itself (the registry) and these
# modules are exempt.
RULE_PACKAGES = ["funnelcheck.rules"]
RULE_SHARED = {"funnelcheck.rules", "funnelcheck.rules.base"}


def module_names() -> dict[str, Path]:
    names: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every funnelcheck module `name` imports, wherever the import statement stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [module]
            # `from funnelcheck.reporters import json` imports the sub-module.
            targets += [f"{module}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("funnelcheck"):
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    names = module_names()
    return {name: imports_of(name, path, set(names)) for name, path in names.items()}


def room_of(module: str) -> tuple[int, str]:
    best: tuple[int, int, str] | None = None
    for level, rooms in enumerate(LAYERS):
        for room, prefixes in rooms.items():
            for prefix in prefixes:
                inside = module == prefix or module.startswith(prefix + ".")
                if inside and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), level, room)
    assert best is not None, f"{module} is in no room of LAYERS: place it there"
    return best[1], best[2]


def is_rule(module: str) -> bool:
    return module not in RULE_SHARED and any(
        module.startswith(package + ".") for package in RULE_PACKAGES
    )


def test_the_graph_is_read() -> None:
    # The reader itself: it sees a lazy import inside a function and a relative import.
    g = graph()
    assert "funnelcheck.rules.base" in g["funnelcheck.rules"]
    assert "funnelcheck.run.engine" in g["funnelcheck.cli"]  # imported inside functions
    assert len(g) > 40


def test_every_module_has_a_room() -> None:
    for module in graph():
        room_of(module)


def test_no_upward_or_sideways_import() -> None:
    wrong = []
    for module, targets in sorted(graph().items()):
        level, room = room_of(module)
        for target in sorted(targets):
            t_level, t_room = room_of(target)
            if t_room == room:
                continue
            if t_level >= level:
                way = "sideways" if t_level == level else "upward"
                wrong.append(f"{module} ({room}) imports {target} ({t_room}): {way}")
    assert not wrong, "\n".join(wrong)


def test_rules_never_import_rules() -> None:
    # Nor does anything else name a rule module: the registry (the rules package) alone
    # loads them, so the engine and the reporters get rules and their texts from it.
    wrong = [
        f"{module} imports {target}"
        for module, targets in sorted(graph().items())
        if module not in RULE_SHARED
        for target in sorted(targets)
        if is_rule(target)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle() -> None:
    g = graph()
    # Tarjan's strongly connected components; a component of more than one module is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(g):
        if v not in index:
            visit(v)
    # A package's __init__ importing its own sub-modules (a registry) while they import a
    # sibling through the package is not a cycle we can break; there is none today.
    assert not cycles, "\n".join(" <-> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import funnelcheck.alpha\n", {"funnelcheck.alpha"}),
        ("def f():\n    from funnelcheck import beta\n", {"funnelcheck", "funnelcheck.beta"}),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .gamma import S\n",
            {"funnelcheck.gamma"},
        ),
    ],
)
def test_reader_sees_every_kind_of_import(tmp_path: Path, source: str, expected: set[str]) -> None:
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    known = {"funnelcheck", "funnelcheck.alpha", "funnelcheck.beta", "funnelcheck.gamma"}
    assert imports_of("funnelcheck.probe", path, known) == expected
