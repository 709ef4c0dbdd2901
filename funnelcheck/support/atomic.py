"""Write a file so that a crash or an interrupt never leaves a truncated one behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable


def write_atomic(path: str, text: str | Iterable[str]) -> None:
    """Write to a temporary file in the same directory, flush it to disk, then rename.

    The rename is atomic on POSIX and Windows (os.replace), so readers see either the old
    file whole or the new one whole. The temporary file is removed if anything fails.

    Only a regular file (or a path that does not exist yet) is replaced. A device, a pipe
    or a terminal (`-o /dev/null`, `-o /dev/stdout`) is written to directly: there is no
    old content to keep whole, and renaming over it would replace the device itself with
    a regular file (as root, `/dev/null` would stop being the null device for everyone).
    A symbolic link is written through: its target is replaced and the link stays a link.
    `text` may be a string or the chunks of one (a reporter streaming file by file).
    """
    chunks = (text,) if isinstance(text, str) else text
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(path, "w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
        return
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=".funnelcheck-", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); a report gets the permissions the file it
        # replaces had, or those any new file gets (0666 less the umask), as `open` gives.
        os.fchmod(fd, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    # Reading the umask means setting it; the CLI writes its reports from one thread.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _identity(path: str) -> tuple[str, object] | None:
    """What makes two paths one file: device and inode where it exists (links, hard links
    and `..` all resolve to it), the resolved path where it does not yet. None for a
    device, pipe or socket: writing two reports into /dev/null loses nothing."""
    try:
        st = os.stat(path)
    except OSError:
        return ("path", os.path.realpath(path))
    if not stat.S_ISREG(st.st_mode):
        return None
    return ("inode", (st.st_dev, st.st_ino))


def overwrite_clash(
    writes: Iterable[tuple[str, str]],
    reads: Iterable[tuple[str, str]],
    stdout_used: bool = False,
) -> str | None:
    """Why this run would write over what it reads, or write two outputs to one file;
    None when it would not. `writes` and `reads` are (path, how the user knows it).

    Every report, `--output` and `--write-baseline` path is held against every file the
    run reads (the strategies, `--baseline`, the configuration files) and against the
    other outputs; standard output too where it is a regular file (`>> s.yaml`).
    """
    read_ids: dict[tuple[str, object], str] = {}
    for path, what in reads:
        key = _identity(path)
        if key is not None:
            read_ids.setdefault(key, what)
    seen: dict[tuple[str, object], str] = {}
    for path, what in writes:
        key = _identity(path)
        if key is None:
            continue
        if key in read_ids:
            return f"{what} would be written over {read_ids[key]}, which this run reads"
        if key in seen:
            return f"{seen[key]} and {what} are the same file: give each its own"
        seen[key] = what
    if stdout_used:
        with contextlib.suppress(OSError, ValueError):
            st = os.fstat(1)
            if stat.S_ISREG(st.st_mode):
                key = ("inode", (st.st_dev, st.st_ino))
                if key in read_ids:
                    return f"standard output is {read_ids[key]}, which this run reads"
    return None
