"""Where plugins come from: installed distributions, never the working directory.

`python -m funnelcheck` puts the working directory first on `sys.path` (and so does an
empty entry or `.` in PYTHONPATH): a `*.dist-info` folder planted in a repository being
checked would then declare an entry point, and `importlib.metadata.entry_points()` would
load its code. Rule and reporter plugins are therefore looked up only in the folders of
`sys.path` that are not the working directory, however it is written (`""`, `.`, a
relative or absolute path, a link to it): site-packages, a virtual environment's, the
user site and PYTHONPATH folders named by the user. `funnelcheck/__main__.py` also takes
the working directory off `sys.path` before anything else is imported, so that no module
funnelcheck or an entry point imports is shadowed by a file in the repository. (The
`funnelcheck` console script does not put it there; `python -m funnelcheck` from inside a
repository holding a `funnelcheck/` folder runs that folder: Python finds it before any
code of ours runs.)
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint


def _is_cwd(entry: str, cwd: str) -> bool:
    if entry in ("", "."):
        return True
    try:
        return os.path.realpath(entry) == cwd
    except (OSError, ValueError):
        return False


def plugin_path() -> list[str]:
    """The folders of `sys.path` a plugin may be installed in: all but the working one."""
    try:
        cwd = os.path.realpath(os.getcwd())
    except OSError:  # the working directory was removed: nothing on the path can be it
        return [entry for entry in sys.path if entry not in ("", ".")]
    return [entry for entry in sys.path if not _is_cwd(entry, cwd)]


#: Where installed distributions keep their entry points, one folder per distribution.
_METADATA_DIRS = (".dist-info", ".egg-info")


def _may_declare(group: str, path: list[str]) -> bool:
    """Whether a distribution on `path` may declare entry points of `group`.

    `importlib.metadata` costs about 25 ms to import and scan (6% of a one-file check,
    which the cold-start target of issue 13 depends on) and most installs hold no plugin.
    So read the `entry_points.txt` files first: False only when every place
    `importlib.metadata` would look is a plain folder and none of them names the group.
    Anything this scan cannot read with certainty (a zip or an egg on the path, a finder
    of distributions other than the standard one) answers True, and `importlib.metadata`
    is asked as before."""
    from importlib.machinery import PathFinder

    if any(
        hasattr(finder, "find_distributions") and finder is not PathFinder
        for finder in sys.meta_path
    ):
        return True
    header = f"[{group}]".encode()
    for entry in path:
        folder = entry or "."
        if folder.lower().endswith(".egg"):
            return True
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip file on the path
        except OSError:
            continue  # a missing folder holds no distribution
        for name in names:
            if not name.lower().endswith(_METADATA_DIRS):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), "rb") as fh:
                    if header in fh.read():
                        return True
            except OSError:
                continue  # no entry points (or a PKG-INFO file, not a folder)
    return False


def entry_points(group: str) -> Iterator[EntryPoint]:
    """The entry points of `group` in installed distributions (`plugin_path()`), the first
    distribution of each name winning as `importlib.metadata.entry_points()` does."""
    path = plugin_path()
    if not _may_declare(group, path):
        return
    from importlib.metadata import distributions

    seen: set[str] = set()
    for dist in distributions(path=path):
        name = getattr(dist, "_normalized_name", None) or dist.metadata["Name"] or ""
        key = re.sub(r"[-_.]+", "_", str(name)).lower()
        if key in seen:
            continue
        seen.add(key)
        for entry in dist.entry_points:
            if entry.group == group:
                yield entry


def drop_working_directory() -> None:
    """Take the working directory off `sys.path` (as `python -P` does for the entry `-m`
    puts first; here also where PYTHONPATH names it as `.` or an empty entry)."""
    try:
        cwd = os.path.realpath(os.getcwd())
    except OSError:
        return
    sys.path[:] = [entry for entry in sys.path if not _is_cwd(entry, cwd)]
