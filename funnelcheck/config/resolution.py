"""Resolution: finding the configuration of each checked file (walking up, once per folder)
and answering, for one file, which rules run with which severity and options."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from funnelcheck.config.files import _display
from funnelcheck.config.layers import _Layered, _Reader, _RuleConfig
from funnelcheck.config.options import _option_types
from funnelcheck.config.selection import _command_line_selection, _RuleIndex, _Selection
from funnelcheck.config.settings import (
    CONFIG_FILE,
    DEFAULT,
    DEFAULT_FAIL_ON,
    PYPROJECT,
    ConfigError,
    Overrides,
    RuleSettings,
)
from funnelcheck.findings import Severity
from funnelcheck.input.load import (
    Limits,
)
from funnelcheck.rules.base import Rule

if TYPE_CHECKING:
    # Imported where used: most runs have no pyproject table, exclude or per-file pattern,
    # and a one-file check should not pay ~12 ms to import them (issue 7).
    import pathspec


# -- Config -----------------------------------------------------------------------------------


class Config:
    """The configuration that applies to some strategies: one file (with its bases) or defaults."""

    def __init__(
        self,
        source: str | None,
        layered: _Layered,
        overrides: Overrides,
        rules: Mapping[str, type[Rule]],
        folder: str,
    ) -> None:
        self.source = source
        self._layered = layered
        self._overrides = overrides
        self._rules = dict(rules)
        self._command_line = _command_line_selection(overrides, _RuleIndex(rules))
        values = layered.values

        fail_on = values.get("fail-on")
        self.fail_on: str = overrides.fail_on or (fail_on[0] if fail_on else DEFAULT_FAIL_ON)
        exclude = values.get("exclude")
        self.exclude: tuple[str, ...] = tuple(exclude[0]) if exclude else ()
        self.root: str = exclude[2] if exclude else folder
        max_bytes = values.get("max-file-bytes")
        self.limits = Limits(max_bytes=max_bytes[0]) if max_bytes else Limits()
        # Built on first use: only a folder walk under an `exclude` asks (patterns were
        # already checked when the file was read).
        self._exclude_spec: pathspec.GitIgnoreSpec | None = None

        self._per_file_cache: dict[str, tuple[int, ...]] = {}
        self._settings_cache: dict[tuple[str, tuple[int, ...]], RuleSettings | None] = {}
        self._plan_cache: dict[
            tuple[tuple[type[Rule], ...], tuple[int, ...]],
            tuple[tuple[type[Rule], RuleSettings], ...],
        ] = {}

    # -- what the engine asks ----------------------------------------------------------------
    def settings_for(self, rule: type[Rule], file: str) -> RuleSettings | None:
        """How `rule` runs on `file`; None when it is off there (select/ignore/per-file)."""
        matched = self._per_file(file)
        key = (rule.code, matched)
        if key not in self._settings_cache:
            self._settings_cache[key] = self._settings(rule, matched)
        return self._settings_cache[key]

    def rules_for(
        self, rules: Mapping[str, type[Rule]], file: str
    ) -> tuple[tuple[type[Rule], RuleSettings], ...]:
        """The rules of `rules` that run on `file`, in their order, with their settings.

        Files matched by the same per-file entries share one answer: asking rule by rule
        for every file was a tenth of the engine's own time (issue 7).
        """
        matched = self._per_file(file)
        # Keyed by the rules themselves, not the mapping's id (an id can be reused).
        key = (tuple(rules.values()), matched)
        plan = self._plan_cache.get(key)
        if plan is None:
            plan = self._plan_cache[key] = tuple(
                (rule, settings)
                for rule in rules.values()
                if (settings := self.settings_for(rule, file)) is not None
            )
        return plan

    def excluded(self, file: str) -> bool:
        """Whether `exclude` drops this file (or folder) when a walk meets it.

        Patterns are read as .gitignore reads them, relative to the folder of the file that
        set them; a folder is also tried with a trailing `/`, so `drafts/` drops the folder.
        """
        if not self.exclude:
            return False
        rel = os.path.relpath(os.path.abspath(file), self.root)
        if rel.startswith(os.pardir) or rel == os.curdir:
            return False
        if self._exclude_spec is None:
            import pathspec

            self._exclude_spec = pathspec.GitIgnoreSpec.from_lines(self.exclude)
        rel = rel.replace(os.sep, "/")
        return self._exclude_spec.match_file(rel) or (
            os.path.isdir(file) and self._exclude_spec.match_file(rel + "/")
        )

    def _per_file(self, file: str) -> tuple[int, ...]:
        if file == "-" or not self._layered.per_file:
            return ()
        if file not in self._per_file_cache:
            self._per_file_cache[file] = tuple(
                i for i, entry in enumerate(self._layered.per_file) if entry.matches(file)
            )
        return self._per_file_cache[file]

    def _layers(self, matched: tuple[int, ...]) -> list[_Selection]:
        per_file = [self._layered.per_file[i].selection for i in matched]
        return [*self._layered.selections, *per_file, self._command_line]

    def _selected(self, rule: type[Rule], matched: tuple[int, ...]) -> tuple[bool, str]:
        state = (True, DEFAULT)  # every rule runs unless a layer says otherwise
        for layer in self._layers(matched):
            state = layer.apply(rule, state)
        return state

    def _rule_configs(self, code: str, matched: tuple[int, ...]) -> list[_RuleConfig]:
        entries = [r for r in self._layered.rules if r.code == code]
        for i in matched:
            entries += [r for r in self._layered.per_file[i].rules if r.code == code]
        return entries

    def _settings(self, rule: type[Rule], matched: tuple[int, ...]) -> RuleSettings | None:
        if not self._selected(rule, matched)[0]:
            return None
        severity, options, _ = self._effective(rule, matched)
        return RuleSettings(severity[0], options)

    def _effective(
        self, rule: type[Rule], matched: tuple[int, ...]
    ) -> tuple[tuple[Severity | None, str], Any, dict[str, str]]:
        """(severity override and where, the Options instance, where each option came from)."""
        severity: tuple[Severity | None, str] = (None, DEFAULT)
        values: dict[str, Any] = {}
        origins: dict[str, str] = {}
        known = _option_types(rule.Options)
        for entry in self._rule_configs(rule.code, matched):
            if entry.severity is not None:
                severity = entry.severity
            for name, (value, origin) in entry.options.items():
                if name in known:  # review-interval-days when FC701 was unknown at read time
                    values[name], origins[name] = value, origin
        try:
            options = rule.Options(**values)
        except (TypeError, ValueError) as exc:
            where = ", ".join(sorted(set(origins.values())))
            raise ConfigError(f"{rule.code} options: {exc} (set at {where})") from None
        return severity, options, origins

    # -- what `funnelcheck config` shows -------------------------------------------------------


# -- finding the file -------------------------------------------------------------------------


class ConfigResolver:
    """Finds and reads the configuration of each checked file, once per folder and per file."""

    def __init__(
        self,
        explicit: str | None,
        overrides: Overrides,
        rules: Mapping[str, type[Rule]],
    ) -> None:
        self._overrides = overrides
        self._rules = dict(rules)
        self._reader = _Reader(_RuleIndex(rules))
        _command_line_selection(overrides, self._reader.index)  # report a bad --select now
        self._by_folder: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}
        #: Config files that could not be read: each file they govern reports the error.
        self._broken: dict[str, ConfigError] = {}
        self._defaults: Config | None = None
        self._explicit: Config | None = None
        if explicit is not None:
            if os.path.isdir(explicit):
                raise ConfigError(
                    f"--config {explicit}: a folder, not a file; name the .funnelcheck.yaml "
                    "or pyproject.toml to use"
                )
            if not os.path.lexists(explicit):
                raise ConfigError(f"--config {explicit}: no such file")
            # Anything else (a FIFO, a device, a dangling link) the bounded reader refuses.
            self._explicit = self._load(os.path.abspath(explicit))
            if self._explicit is None:
                raise ConfigError(
                    "the file has no [tool.funnelcheck] table", _display(os.path.abspath(explicit))
                )

    def excluded(self, path: str) -> bool:
        """Whether the `exclude` of the configuration governing `path` drops it.

        A walk asks for every file and folder it meets, so the setting of a nested
        `.funnelcheck.yaml` applies wherever the run starts. A path whose configuration
        cannot be read is not excluded: it is checked, and reports that error.
        """
        try:
            return self.for_file(path).excluded(path)
        except ConfigError:
            return False

    def for_file(self, file: str) -> Config:
        """The configuration for one file: `--config`, or the nearest file upward, or defaults.

        Raises ConfigError when the file that governs `file` is broken (every time it is
        asked: the files it governs are not checked, the others are).
        """
        if self._explicit is not None:
            return self._explicit
        start = os.getcwd() if file == "-" else os.path.dirname(os.path.abspath(file))
        walked: list[str] = []
        folder = start
        found: Config | None = None
        while True:
            if folder in self._by_folder:
                found = self._by_folder[folder]
                break
            walked.append(folder)
            found = self._in_folder(folder)
            if found is not None:
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        config = found or self._default_config()
        for seen in walked:
            self._by_folder[seen] = config
        return config

    def files_read(self) -> list[str]:
        """Every configuration file read so far (absolute paths), `extends` bases too."""
        return sorted(self._reader.files_read)

    def _in_folder(self, folder: str) -> Config | None:
        for name in (CONFIG_FILE, PYPROJECT):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                config = self._load(path)
                if config is not None:
                    return config
        return None

    def _load(self, path: str) -> Config | None:
        if path in self._by_file:
            return self._by_file[path]
        if path in self._broken:
            raise self._broken[path]
        try:
            layered = self._reader.read(path)
        except ConfigError as exc:
            self._broken[path] = exc
            raise
        if layered is None:
            return None
        config = Config(
            _display(path), layered, self._overrides, self._rules, os.path.dirname(path)
        )
        self._by_file[path] = config
        return config

    def _default_config(self) -> Config:
        if self._defaults is None:
            self._defaults = Config(None, _Layered(), self._overrides, self._rules, os.getcwd())
        return self._defaults
