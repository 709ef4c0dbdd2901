"""The two sides of `funnelcheck diff`, read and checked: two paths, or the working tree
against a git revision (read with `git show`, never checked out).

Every side is checked by one checker (the working tree's configuration, one `--as-of`) as
standard input named after the file's place in the working tree, so the older text gets
the configuration the file has now. Anything the user's environment can cause (git missing,
not a repository, a revision that does not exist, a path outside the repository) raises
`DiffInputError` with a message saying what to do; the CLI exits 2 on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from typing import Any

from funnelcheck.diff import Side
from funnelcheck.discover import STDIN, Source, discover
from funnelcheck.engine import Checker
from funnelcheck.findings import FileResult
from funnelcheck.load import InputError, decode, load_text

YAML_SUFFIXES = (".yaml", ".yml")


class DiffInputError(Exception):
    """A side of the diff cannot be had at all (exit 2)."""


def check_bytes(
    checker: Checker, raw: bytes, config_path: str, name: str, shown: str, explicit: bool = True
) -> Side | None:
    """Check one file's bytes as if they were at `config_path`; a Side named `name`, or None
    for a file met in a walk that is not a strategy (as `check` passes it over)."""
    checker.stdin_bytes = raw
    result = checker.check(Source(STDIN, config_path, explicit=explicit))
    if result is None:
        return None
    result.file = shown
    return Side(name=name, shown=shown, result=result, data=_data(checker, raw, config_path))


def _data(checker: Checker, raw: bytes, config_path: str) -> dict[str, Any] | None:
    limits = checker.resolver.for_file(config_path).limits
    try:
        data = load_text(decode(raw, limits), limits).data
    except InputError:
        return None
    return data if isinstance(data, dict) else None


def _unreadable(name: str, shown: str, why: str) -> Side:
    return Side(
        name=name, shown=shown, result=FileResult(shown, error=f"{shown}: {why}"), data=None
    )


def _read(path: str) -> bytes | str:
    """The file's bytes, or why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return exc.strerror or str(exc)


def _walk(checker: Checker, root: str) -> list[tuple[str, str]]:
    """(path, name relative to root) of the strategies under a directory, as `check` finds them."""
    found = discover([root], excluded=checker.resolver.excluded)
    out = []
    for source in found.sources:
        out.append((source.path, os.path.relpath(source.path, root)))
    return out


def path_sides(checker: Checker, old: str, new: str) -> tuple[list[Side], list[Side]]:
    """`diff OLD NEW`: two files (paired whatever their names) or two directories."""
    for path in (old, new):
        if not os.path.exists(path):
            raise DiffInputError(f"{path}: no such file or directory")
    if os.path.isdir(old) != os.path.isdir(new):
        raise DiffInputError(
            f"{old} and {new}: compare two files or two directories, not one of each"
        )
    if not os.path.isdir(old):
        before, after = _file_side(checker, old, name=new), _file_side(checker, new, name=new)
        return [before] if before else [], [after] if after else []
    sides: list[list[Side]] = []
    for root in (old, new):
        listed = []
        for path, rel in _walk(checker, root):
            side = _file_side(checker, path, name=rel, explicit=False)
            if side is not None:
                listed.append(side)
        sides.append(listed)
    return sides[0], sides[1]


def _file_side(checker: Checker, path: str, name: str, explicit: bool = True) -> Side | None:
    raw = _read(path)
    if isinstance(raw, str):
        return _unreadable(name, path, raw)
    return check_bytes(checker, raw, path, name=name, shown=path, explicit=explicit)


def _git(args: Sequence[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise DiffInputError(
            "git is not installed or not on PATH: install git, or compare two paths with "
            "`funnelcheck diff OLD NEW`"
        )
    try:
        return subprocess.run([git, *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise DiffInputError(f"cannot run git: {exc.strerror or exc}") from None


def git_sides(checker: Checker, rev: str, paths: Sequence[str]) -> tuple[list[Side], list[Side]]:
    """`diff --git REV [PATH...]`: the strategies at REV against the working tree's."""
    cwd = os.getcwd()
    top_run = _git(["rev-parse", "--show-toplevel"], cwd)
    if top_run.returncode != 0:
        raise DiffInputError(
            f"{cwd} is not in a git repository: run `funnelcheck diff --git` inside one, or "
            "compare two paths with `funnelcheck diff OLD NEW`"
        )
    top = os.path.realpath(os.fsdecode(top_run.stdout.strip()))
    if rev.startswith("-"):
        raise DiffInputError(f"{rev!r} is not a revision: name a commit, branch or tag")
    verify = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top
    )
    if verify.returncode != 0:
        raise DiffInputError(
            f"the revision {rev!r} does not exist in {top}: name a commit, branch or tag "
            "(in CI, fetch the base first, e.g. `git fetch origin main`)"
        )
    commit = verify.stdout.decode("ascii", "replace").strip()
    chosen = list(paths) or ["."]
    rels: list[str] = []
    for path in chosen:
        real = os.path.realpath(path)
        if real != top and not real.startswith(top + os.sep):
            raise DiffInputError(f"{path} is outside the repository {top}: name a path inside it")
        rel = os.path.relpath(real, top)
        rels.append("." if rel == "." else rel)
    excluded = checker.resolver.excluded
    # The working tree's side, as `check` finds it (files named are checked anyway).
    new: list[Side] = []
    found = discover(chosen, excluded=excluded)
    for source in found.sources:
        name = os.path.relpath(os.path.realpath(source.path), top)
        raw = _read(source.path)
        if isinstance(raw, str):
            new.append(_unreadable(name, source.display, raw))
            continue
        side = check_bytes(
            checker, raw, source.path, name=name, shown=source.display, explicit=source.explicit
        )
        if side is not None:
            new.append(side)
    named_files = {
        os.path.relpath(os.path.realpath(p), top) for p in chosen if not os.path.isdir(p)
    }
    listing = _git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", *rels], top)
    if listing.returncode != 0:
        message = listing.stderr.decode("utf-8", "replace").strip()
        raise DiffInputError(f"git ls-tree {rev} failed: {message}")
    old: list[Side] = []
    for entry in sorted(listing.stdout.split(b"\0")):
        if not entry:
            continue
        rel = os.fsdecode(entry)
        at = os.path.join(top, rel)
        walked_out = not rel.endswith(YAML_SUFFIXES) or excluded(at)
        if rel not in named_files and walked_out:
            continue
        shown_path = os.path.relpath(at, cwd)
        blob = _git(["show", f"{commit}:{rel}"], top)
        if blob.returncode != 0:
            old.append(_unreadable(rel, f"{rev}:{shown_path}", "git show failed"))
            continue
        raw = blob.stdout
        side = check_bytes(
            checker, raw, at, name=rel, shown=f"{rev}:{shown_path}", explicit=rel in named_files
        )
        if side is not None:
            old.append(side)
    return old, new
