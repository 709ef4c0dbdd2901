"""The two sides of `funnelcheck diff`, read and checked: two paths, or the working tree
against a git revision (read with `git show`, never checked out).

Every side is checked by one checker (the working tree's configuration, one `--as-of`) as
standard input named after the file's place in the working tree, so the older text gets
the configuration the file has now. Anything the user's environment can cause (git missing,
not a repository, a revision that does not exist, a path outside the repository) raises
`DiffInputError` with a message saying what to do; the CLI exits 2 on it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from funnelcheck.findings import FileResult
from funnelcheck.input.discover import STDIN, Source, discover
from funnelcheck.run.diff import Side
from funnelcheck.run.diff_price import DEFAULT_TOLERANCE
from funnelcheck.run.engine import Checker

if TYPE_CHECKING:
    from funnelcheck.model.strategy import Strategy

YAML_SUFFIXES = (".yaml", ".yml")


class DiffInputError(Exception):
    """A side of the diff cannot be had at all (exit 2)."""


def check_bytes(
    checker: Checker, raw: bytes, config_path: str, name: str, shown: str, explicit: bool = True
) -> Side | None:
    """Check one file's bytes as if they were at `config_path`; a Side named `name`, or None
    for a file met in a walk that is not a strategy (as `check` passes it over).

    The side keeps the strategy the check loaded (its data, and the views the rules
    computed on it: the price footing, the funnel, the story), so each side is parsed once.
    """
    kept: list[tuple[Strategy, bool]] = []
    checker.stdin_bytes = raw
    checker.keep = lambda strategy, shaped: kept.append((strategy, shaped))
    try:
        result = checker.check(Source(STDIN, config_path, explicit=explicit))
    finally:
        checker.keep = None
        checker.stdin_bytes = b""
    if result is None:
        return None
    result.file = shown
    strategy, shaped = kept[-1] if kept else (None, False)
    if strategy is not None:
        strategy.text = ""  # the rules' and suppressions' alone: kept until the diff, it is not
    return Side(
        name=name,
        shown=shown,
        result=result,
        strategy=strategy,
        shaped=shaped,
        tolerance=_claim_tolerance(checker, config_path),
    )


def _claim_tolerance(checker: Checker, config_path: str) -> Decimal:
    """The tolerance FC302 reads a claim's money with in this file (its default where the
    rule is off there), so the diff says a claim quotes the old price only where FC302
    would say it names no price now."""
    from funnelcheck.config import ConfigError
    from funnelcheck.language.money import to_decimal

    rule = checker.rules.get("FC302")
    try:
        settings = (
            checker.resolver.for_file(config_path).settings_for(rule, config_path)
            if rule is not None
            else None
        )
    except ConfigError:
        settings = None  # the check reported it
    tolerance = to_decimal(getattr(settings.options, "tolerance", None)) if settings else None
    return tolerance if tolerance is not None else DEFAULT_TOLERANCE


def _unreadable(name: str, shown: str, why: str) -> Side:
    return Side(name=name, shown=shown, result=FileResult(shown, error=f"{shown}: {why}"))


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


class _Blobs:
    """The files of a revision, read one at a time through one `git cat-file --batch` (a
    `git show` per file costs a process each: 3.4 s of 200 files' diff, measured)."""

    def __init__(self, top: str) -> None:
        self._top = top
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _Blobs:
        git = shutil.which("git")
        if git is not None:
            try:
                self._proc = subprocess.Popen(
                    [git, "cat-file", "--batch"],
                    cwd=self._top,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError:
                self._proc = None
        return self

    def read(self, blob_id: str) -> bytes | None:
        """The blob's bytes, or None where git cannot give them."""
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdout is None:
            return None
        try:
            proc.stdin.write(blob_id.encode("ascii") + b"\n")
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                return None
            size = int(header[2])
            data = proc.stdout.read(size)
            proc.stdout.read(1)  # the newline after the contents
        except (OSError, ValueError):
            return None
        return data if len(data) == size else None

    def __exit__(self, *exc: object) -> None:
        proc = self._proc
        if proc is not None:
            with contextlib.suppress(OSError):
                if proc.stdin is not None:
                    proc.stdin.close()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()


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
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *rels], top)
    if listing.returncode != 0:
        message = listing.stderr.decode("utf-8", "replace").strip()
        raise DiffInputError(f"git ls-tree {rev} failed: {message}")
    entries: list[tuple[str, str]] = []  # (path, blob id); a submodule has no text to read
    for entry in listing.stdout.split(b"\0"):
        head, tab, name_bytes = entry.partition(b"\t")
        fields = head.split()
        if tab and len(fields) == 3 and fields[1] == b"blob":
            entries.append((os.fsdecode(name_bytes), fields[2].decode("ascii", "replace")))
    old: list[Side] = []
    with _Blobs(top) as blobs:
        for rel, blob_id in sorted(entries):
            at = os.path.join(top, rel)
            walked_out = not rel.endswith(YAML_SUFFIXES) or excluded(at)
            if rel not in named_files and walked_out:
                continue
            shown = f"{rev}:{os.path.relpath(at, cwd)}"
            blob = blobs.read(blob_id)
            if blob is None:
                old.append(_unreadable(rel, shown, "git could not read it"))
                continue
            side = check_bytes(
                checker, blob, at, name=rel, shown=shown, explicit=rel in named_files
            )
            if side is not None:
                old.append(side)
    return old, new
