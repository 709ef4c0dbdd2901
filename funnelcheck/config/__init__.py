"""`.funnelcheck.yaml` / `pyproject.toml` -> `Config`, and where every value came from.

Which file applies. For each checked strategy, the nearest `.funnelcheck.yaml`, or
`pyproject.toml` holding a `[tool.funnelcheck]` table, found walking up from the strategy's
folder (in one folder `.funnelcheck.yaml` wins over `pyproject.toml`; a `pyproject.toml`
without the table is passed over). The result is cached per folder, so thousands of files
cost one walk per folder. Files are not merged, except through `extends: PATH` (relative
to the file that says it), which puts a shared base under a file. `--config FILE` applies
one file to every strategy; standard input (`-`) looks upward from the current folder.
The file found applies whole, wherever the run starts: its `exclude` (through
`ConfigResolver.excluded`, for each path a walk meets), its `fail-on` (kept on each file's
result), its selection, severities, options and limits. A file that cannot be read raises
ConfigError for each strategy it governs, and for no other.

Which rules run. Selection is worked out in layers, each later one overriding the earlier
ones for the rules it names, as ruff does:

    defaults (every rule) < extends bases < the file's select/ignore < per-file < command line

Within one layer `select` starts over (only what it names), `extend-select` adds, `ignore`
removes, and for a rule named by both a positive and an `ignore` entry the more specific
entry wins: a code or rule name beats a family (`FC10` beats `FC1`, which beats `ALL`), and
on a tie `ignore` wins. So `select: [FC101]` with `ignore: [FC1]` runs FC101 and no other
FC1xx rule; `ignore: [FC101]` with `extend-select: [FC1]` runs every FC1xx rule but FC101.
The findings that mean a file could not be checked at all (FC001, FC002, FC006, FC007)
stay on through any family, `ALL` or `select`: only naming them in `ignore` turns them off.

Severity and options. `rules:` sets a rule's severity and options (kebab or snake names,
type-checked against the rule's `Options` dataclass); a base's settings apply first, then
the file's, then matching `per-file` entries in the order written. The command line does
not set severities or options.

Errors. Unknown keys, unknown rules (with "did you mean"), values of the wrong type and
`extends` cycles raise `ConfigError` with the config file and the line of the offending key
or value. YAML files are read with `funnelcheck.input.load.load_text`, which knows every value's
line and refuses tags (a config file can never load a module or run code). `tomllib` gives
no positions, so for `pyproject.toml` the line is found by searching the text, from the
`[tool.funnelcheck` header on, for each key of the path in turn (then for the quoted value
of a list item): right for ordinary files, approximate where a key's name also appears
earlier in a comment-free line of the table.

The package, by job: `files` finds and reads one file (YAML or TOML, located, checked
against the schema); `selection` says which rules run; `options` types a rule's options;
`layers` reads a file's meaning into a layer (with its `extends` bases); `resolution`
finds each strategy's file and answers for it (`Config`, `ConfigResolver`); `describe` is
`funnelcheck config`'s listing. Import from `funnelcheck.config`: the names below.
"""

from __future__ import annotations

from funnelcheck.config.describe import describe
from funnelcheck.config.resolution import Config, ConfigResolver
from funnelcheck.config.settings import (
    ALWAYS,
    COMMAND_LINE,
    CONFIG_FILE,
    CONFIG_MAX_BYTES,
    DEFAULT,
    DEFAULT_FAIL_ON,
    FAIL_ON,
    MAX_EXTENDS,
    PYPROJECT,
    ConfigError,
    Overrides,
    RuleSettings,
)

__all__ = [
    "ALWAYS",
    "COMMAND_LINE",
    "CONFIG_FILE",
    "CONFIG_MAX_BYTES",
    "DEFAULT",
    "DEFAULT_FAIL_ON",
    "FAIL_ON",
    "MAX_EXTENDS",
    "PYPROJECT",
    "Config",
    "ConfigError",
    "ConfigResolver",
    "Overrides",
    "RuleSettings",
    "describe",
]
