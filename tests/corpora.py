"""The third-party material beside the clone: `../shared/corpora` and `../shared/spec`.

Nothing of it is copied into the project. Every test that reads it goes through `corpus`,
`spec` or `optional_corpus` here, so that there is one rule for its absence:

- in a plain clone (no `../shared`) such a test is skipped, and the reason names the path;
- under `CI=true` (GitHub, GitLab and most CI services set it) a missing corpus fails the
  test: CI never passes silently because the material it was meant to check was missing.

`FUNNELCHECK_SHARED` names another folder to use in place of `../shared` (the tests of
this rule point it at a missing one).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    """`../shared` beside the clone, or the folder `FUNNELCHECK_SHARED` names."""
    named = os.environ.get("FUNNELCHECK_SHARED")
    return Path(named) if named else ROOT.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _absent(path: Path) -> NoReturn:
    if in_ci():
        pytest.fail(
            f"shared corpus absent: {path} is missing, and under CI=true a missing corpus is "
            "a failure, not a skip (put ../shared beside the clone)",
            pytrace=False,
        )
    pytest.skip(f"shared corpus absent: {path} is not beside this clone (under CI=true: a failure)")


def _shared(*parts: str) -> Path:
    path = shared_root().joinpath(*parts)
    if not path.exists():
        _absent(path)
    return path


def corpus(relative: str) -> Path:
    """A file or folder of `../shared/corpora`; skips (fails under CI) where it is absent."""
    return _shared("corpora", relative)


def spec(relative: str) -> Path:
    """A page of `../shared/spec`; skips (fails under CI) where it is absent."""
    return _shared("spec", relative)


def optional_corpus(relative: str) -> Path | None:
    """A corpus file that widens a test which also runs without it: None in a plain clone,
    a failure under CI where it is absent."""
    path = shared_root() / "corpora" / relative
    if path.exists():
        return path
    if in_ci():
        _absent(path)
    return None
