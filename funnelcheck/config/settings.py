"""What every part of the configuration speaks: the file names, the limits, the
error, the command line's overrides and one rule's effective settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from funnelcheck.findings import Severity

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    pass


CONFIG_FILE = ".funnelcheck.yaml"
PYPROJECT = "pyproject.toml"
#: The largest configuration file read (a pyproject.toml holds other tools' settings too);
#: anything larger is refused before it is read (issue 12: a 1.5 GB sparse file used 3.8 GB).
CONFIG_MAX_BYTES = 5_000_000
#: The most files one `extends` chain may hold (each file is read and checked in turn).
MAX_EXTENDS = 64
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_FAIL_ON = "error"
#: FC701's option that `review-interval-days` is shorthand for.
REVIEW_RULE, REVIEW_OPTION = "FC701", "interval_days"

DEFAULT = "default"
COMMAND_LINE = "command line"
#: `SHAPE_FAULTS` (funnelcheck.rules.base) are the findings that mean a file could not be
#: checked at all: not YAML (FC001), not the format's shape (FC002), a format this version
#: does not read (FC006), refused (FC007).
#: No rule ran on such a file, so hiding them would pass it as clean. As ruff always
#: reports a syntax error, a family or `ALL` in `ignore`, or a `select` that does not name
#: them, leaves them on; naming one by code or name in `ignore` still turns it off.
ALWAYS = "always on: a file that cannot be checked is never passed as clean"


class ConfigError(Exception):
    """A configuration that cannot be used: the message, and where (file, 1-based line/column)."""

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(part) for part in (self.file, self.line, self.column) if part is not None]
        return f"{':'.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class Overrides:
    """What the command line says for one run; it wins over every file."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None


@dataclass(frozen=True)
class RuleSettings:
    """How one rule runs on one file: a severity override (None: the rule's own) and options."""

    severity: Severity | None
    options: Any
