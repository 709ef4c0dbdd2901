"""Paths on the command line -> the files to check.

A file named on the command line is always checked (unless `--force-exclude` and an
`exclude` pattern say otherwise). In a directory walk only `*.yaml` / `*.yml` files are
candidates, `.gitignore` files are honoured (gitignore semantics via `pathspec`), VCS and
virtual-environment folders are skipped, and the engine later passes over a candidate whose
top-level mapping has no `funnelcheck` key (CI files, configs and other YAML).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: checking one named file never needs it
    import pathspec


#: Folders no strategy repository wants walked (as ruff and yamllint skip them).
SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox"}
)
YAML_SUFFIXES = (".yaml", ".yml")
STDIN = "-"
#: How reports name standard input when --stdin-filename does not.
STDIN_DISPLAY = "<stdin>"


@dataclass(frozen=True, slots=True)
class Source:
    """One file to check: its path on disk, the name reports use, and how it was found."""

    path: str
    display: str
    explicit: bool  # named on the command line: checked even without a `funnelcheck` key


@dataclass(frozen=True, slots=True)
class Discovery:
    sources: list[Source]
    #: Paths that could not be used, with the reason (reported; the others still run).
    problems: list[tuple[str, str]]
    #: Files named on the command line that `--force-exclude` left out.
    excluded: list[str] = field(default_factory=list)


#: Whether configuration excludes a path (a file or a folder): the CLI passes
#: `ConfigResolver.excluded`, which asks the configuration that governs that path.
ExcludeTest = Callable[[str], bool]


def display_name(path: str) -> str:
    """A path as reports show it: undecodable bytes are written as escapes, never raw."""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in path):
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def discover(
    paths: list[str],
    excluded: ExcludeTest | None = None,
    force_exclude: bool = False,
    stdin_name: str | None = None,
) -> Discovery:
    """Expand files, directories and glob patterns, in a stable order, without duplicates."""
    sources: list[Source] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()

    left_out: list[str] = []

    def add(path: str, explicit: bool) -> None:
        key = os.path.normpath(path)
        if key == path:
            key = path  # one string, not two equal ones: a walk may list tens of thousands
        if key in seen:
            return
        seen.add(key)
        # A found file is shown as ruff shows it (`x.yaml`, not `./x.yaml`); a named one
        # as the user typed it.
        sources.append(Source(path, display_name(path if explicit else key), explicit))

    for arg in paths:
        if arg == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                sources.append(Source(STDIN, stdin_name or STDIN_DISPLAY, True))
            continue
        if os.path.isdir(arg):
            for path in _walk(arg, excluded):
                add(path, explicit=False)
        elif os.path.lexists(arg):
            if force_exclude and excluded is not None and excluded(arg):
                left_out.append(arg)
                continue
            add(arg, explicit=True)
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append((arg, "the pattern matches no file"))
            for match in matches:
                if os.path.isdir(match):
                    for path in _walk(match, excluded):
                        add(path, explicit=False)
                elif not (excluded is not None and excluded(match)):
                    # A pattern is a walk written differently: `'**/*.yaml'` means the
                    # strategies among those files, not every CI file it happens to match.
                    add(match, explicit=False)
        else:
            problems.append((arg, "no such file or directory"))
    return Discovery(sources, problems, left_out)


def _walk(root: str, excluded: ExcludeTest | None) -> Iterator[str]:
    """YAML files below `root`, sorted, honouring .gitignore files and exclusions."""
    ignores: list[tuple[str, pathspec.PathSpec[Any]]] = []
    for ancestor in _repository_ancestors(root):
        spec = _gitignore(ancestor)
        if spec is not None:
            ignores.append((ancestor, spec))
    yield from _walk_dir(root, ignores, excluded)


def _repository_ancestors(root: str) -> list[str]:
    """The folders above `root` up to its git repository's top, outermost first.

    Their .gitignore files apply to the walk as git applies them. Outside a repository
    (no `.git` above) none do: an unrelated .gitignore in a home folder must not hide files.
    """
    chain: list[str] = []
    current = os.path.abspath(root)
    while True:
        parent = os.path.dirname(current)
        if os.path.exists(os.path.join(current, ".git")):
            return [_relative_like(root, d) for d in reversed(chain)] if chain else []
        if parent == current:
            return []
        current = parent
        chain.append(current)


def _relative_like(root: str, directory: str) -> str:
    """`directory` written the way `root` is (relative stays relative), for relpath math."""
    return directory if os.path.isabs(root) else os.path.relpath(directory)


def _walk_dir(
    directory: str,
    ignores: list[tuple[str, pathspec.PathSpec[Any]]],
    excluded: ExcludeTest | None,
) -> Iterator[str]:
    spec = _gitignore(directory)
    if spec is not None:
        ignores = [*ignores, (directory, spec)]
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir:
            if entry.name in SKIPPED_DIRS or _ignored(path + "/", ignores):
                continue
            if excluded is not None and excluded(path):
                continue
            yield from _walk_dir(path, ignores, excluded)
        elif entry.name.endswith(YAML_SUFFIXES):
            if _ignored(path, ignores) or (excluded is not None and excluded(path)):
                continue
            yield path


def _ignored(path: str, ignores: list[tuple[str, pathspec.PathSpec[Any]]]) -> bool:
    for base, spec in ignores:
        if spec.match_file(os.path.relpath(path, base) + ("/" if path.endswith("/") else "")):
            return True
    return False


@lru_cache(maxsize=1024)
def _gitignore(directory: str) -> pathspec.PathSpec[Any] | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    import pathspec

    return pathspec.PathSpec.from_lines("gitwildmatch", lines)


_STRATEGY_KEY = re.compile(r"""^["']?funnelcheck["']?[ \t]*:""", re.MULTILINE)


def looks_like_strategy(text: str) -> bool:
    """Whether a walked YAML file's top-level mapping has the key `funnelcheck`.

    A cheap text test (the file is parsed once, later, only if it passes): a line that
    starts with the key `funnelcheck:` at column 0, or a flow mapping that names it.
    """
    if _STRATEGY_KEY.search(text):
        return True
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("{") and "funnelcheck" in stripped
