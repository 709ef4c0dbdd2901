"""Paths on the command line -> the files to check.

A file named on the command line is always checked (unless `--force-exclude` and an
`exclude` pattern say otherwise). In a directory walk only `*.yaml` / `*.yml` files are
candidates, `.gitignore` files are honoured (gitignore semantics via `pathspec`), VCS and
virtual-environment folders are skipped, and the engine later passes over a candidate whose
top-level mapping has no `funnelcheck` key (CI files, configs and other YAML).
"""

from __future__ import annotations

import errno
import fnmatch
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


@lru_cache(maxsize=64)
def compiled_patterns(patterns: tuple[str, ...]) -> pathspec.PathSpec[Any]:
    """`exclude` patterns compiled once per run (each is a regular expression to build:
    ~0.3 ms apiece, so 20,000 patterns compiled at every use took 11 s, issue 12). Raises
    ValueError for a pattern that is not .gitignore-style."""
    import pathspec

    return pathspec.PathSpec.from_lines("gitwildmatch", patterns)


def discover(
    paths: list[str],
    excluded: ExcludeTest | None = None,
    force_exclude: bool = False,
    stdin_name: str | None = None,
) -> Discovery:
    """Expand files, directories and glob patterns, in a stable order, without duplicates."""
    from funnelcheck.input.load import display_name

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
            for path in _walk(arg, excluded, problems):
                add(path, explicit=False)
        elif os.path.lexists(arg):
            if force_exclude and excluded is not None and excluded(arg):
                left_out.append(arg)
                continue
            add(arg, explicit=True)
        elif glob.has_magic(arg):
            matches = sorted(expand_glob(arg, problems))
            if not matches:
                problems.append((arg, "the pattern matches no file"))
            for match in matches:
                if os.path.isdir(match):
                    for path in _walk(match, excluded, problems):
                        add(path, explicit=False)
                elif not (excluded is not None and excluded(match)):
                    # A pattern is a walk written differently: `'**/*.yaml'` means the
                    # strategies among those files, not every CI file it happens to match.
                    add(match, explicit=False)
        else:
            problems.append((arg, "no such file or directory"))
    return Discovery(sources, problems, left_out)


def expand_glob(pattern: str, problems: list[tuple[str, str]] | None = None) -> list[str]:
    """The paths a glob pattern matches, as `glob.glob(pattern, recursive=True)` finds them,
    except that each real directory is visited once per part of the pattern.

    `glob.glob` follows every link to a directory: `strategies/a -> ..` and
    `strategies/b -> ..` made `strategies/**/*.yaml` visit an exponential number of paths
    (past 20 s; one such link gave 841 copies of each file, issue 12). Here a directory
    already visited (same device and inode) is not entered again, so a link loop ends and
    a file is found by one path only. Hidden names match only a part that starts with `.`,
    and `**` does not enter hidden folders, as with `glob`. A folder that cannot be listed
    is added to `problems`.
    """
    drive, rest = os.path.splitdrive(pattern)
    absolute = rest.startswith(("/", os.sep))
    parts = [p for p in re.split(r"[/\\]" if os.sep == "\\" else "/", rest) if p]
    first_magic = next((i for i, p in enumerate(parts) if glob.has_magic(p)), len(parts))
    base_parts = parts[:first_magic]
    if absolute:
        base = drive + os.sep + os.path.join(*base_parts) if base_parts else drive + os.sep
    else:
        base = os.path.join(*base_parts) if base_parts else ""
    todo = parts[first_magic:]
    if not todo:
        return [pattern] if os.path.lexists(pattern) else []
    found: list[str] = []
    visited: set[tuple[int, int, int]] = set()
    stack: list[tuple[str, int]] = [(base, 0)]
    while stack:
        directory, index = stack.pop()
        try:
            st = os.stat(directory or ".")
        except OSError:
            continue
        key = (st.st_dev, st.st_ino, index)
        if key in visited:
            continue  # this real folder was already read for this part of the pattern
        visited.add(key)
        part = todo[index]
        last = index == len(todo) - 1
        if part == "**":
            if last:
                if directory == base and base:
                    found.append(os.path.join(base, ""))  # as glob: `x/**` names x/ too
            else:
                stack.append((directory, index + 1))
            for name, is_dir in _listing(directory, problems):
                if is_dir and not name.startswith("."):
                    child = os.path.join(directory, name)
                    if last:
                        found.append(child)
                    stack.append((child, index))
            if last:  # files too, as `glob('x/**')` lists them
                found.extend(
                    os.path.join(directory, name)
                    for name, is_dir in _listing(directory, problems)
                    if not is_dir and not name.startswith(".")
                )
            continue
        if not glob.has_magic(part):
            child = os.path.join(directory, part)
            if last:
                if os.path.lexists(child):
                    found.append(child)
            elif os.path.isdir(child):
                stack.append((child, index + 1))
            continue
        matcher = re.compile(fnmatch.translate(part)).match
        hidden_ok = part.startswith(".")
        for name, is_dir in _listing(directory, problems):
            if (name.startswith(".") and not hidden_ok) or not matcher(name):
                continue
            child = os.path.join(directory, name)
            if last:
                found.append(child)
            elif is_dir:
                stack.append((child, index + 1))
    if pattern.endswith(("/", os.sep)):  # `x/**/`: the folders only, written as folders
        return sorted({os.path.join(p, "") for p in found if os.path.isdir(p)})
    return sorted(set(found))


def _listing(directory: str, problems: list[tuple[str, str]] | None) -> list[tuple[str, bool]]:
    """(name, is a directory, links followed) for each entry of a folder; a folder that
    cannot be listed is a problem named, not a silence."""
    try:
        with os.scandir(directory or ".") as entries:
            out = []
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                out.append((entry.name, is_dir))
            return out
    except OSError as exc:
        if problems is not None:
            problems.append((directory or os.curdir, _cannot_list(exc)))
        return []


def _cannot_list(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: the folder cannot be read, so its files are not checked"
    return f"the folder cannot be read ({exc.strerror or exc}), so its files are not checked"


def _walk(
    root: str, excluded: ExcludeTest | None, problems: list[tuple[str, str]] | None = None
) -> Iterator[str]:
    """YAML files below `root`, sorted, honouring .gitignore files and exclusions. A folder
    that cannot be read is added to `problems` (an error naming it), never left out quietly."""
    ignores: list[tuple[str, pathspec.PathSpec[Any]]] = []
    for ancestor in _repository_ancestors(root):
        spec = _gitignore(ancestor)
        if spec is not None:
            ignores.append((ancestor, spec))
    yield from _walk_dir(root, ignores, excluded, problems)


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
    problems: list[tuple[str, str]] | None = None,
) -> Iterator[str]:
    spec = _gitignore(directory)
    if spec is not None:
        ignores = [*ignores, (directory, spec)]
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        if problems is not None:
            problems.append((directory, _cannot_list(exc)))
        return
    for entry in entries:
        path = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as exc:
            if problems is not None:
                problems.append((path, f"cannot be read ({exc.strerror or exc})"))
            continue
        if is_dir:
            if entry.name in SKIPPED_DIRS or _ignored(path + "/", ignores):
                continue
            if excluded is not None and excluded(path):
                continue
            yield from _walk_dir(path, ignores, excluded, problems)
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
    from funnelcheck.input.load import DEFAULT_LIMITS, ReadRefused, read_bounded

    try:
        # Through the one bounded reader: a .gitignore linked to /dev/zero or made a FIFO
        # is refused, never read without end.
        raw = read_bounded(os.path.join(directory, ".gitignore"), DEFAULT_LIMITS.max_bytes)
        lines = raw.decode("utf-8").splitlines()
    except (ReadRefused, UnicodeDecodeError):
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
