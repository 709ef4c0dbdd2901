"""Rule options outside the range where they mean something are configuration errors.

A user who writes `max-foreign-share: 70` (a percentage where a share is meant) or
`min-concepts: 0` gets an error at the config file's line, not a rule that silently never
(or always) fires.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from funnelcheck.config import ConfigError, ConfigResolver, Overrides, describe
from funnelcheck.rules import all_rules

# (rule, option, a value out of range, what the error says, a value at the edge that is fine)
OUT_OF_RANGE = [
    ("FC101", "min-concepts", "0", "`min-concepts` must be at least 1, not 0", "1"),
    ("FC102", "min-concepts", "-2", "`min-concepts` must be at least 1, not -2", "1"),
    ("FC104", "max-foreign-share", "70", "`max-foreign-share` must be at most 1, not 70", "1"),
    ("FC104", "max-foreign-share", "-0.1", "must be at least 0, not -0.1", "0"),
    ("FC105", "min-concepts", "0", "must be at least 1", "3"),
    ("FC109", "min-terms", "0", "`min-terms` must be at least 1, not 0", "1"),
    ("FC203", "min-severity", "6", "`min-severity` must be at most 5, not 6", "5"),
    ("FC302", "tolerance", "-0.02", "`tolerance` must be at least 0", "0"),
    ("FC303", "share", "0", "`share` must be more than 0, not 0", "0.01"),
    ("FC506", "max-guessed-share", "1.5", "`max-guessed-share` must be at most 1", "1"),
    ("FC603", "tolerance", "10", "`tolerance` must be at most 1, not 10", "0.5"),
    ("FC605", "min-concepts", "0", "must be at least 1", "1"),
    ("FC701", "interval-days", "0", "`interval-days` must be at least 1, not 0", "1"),
    ("FC703", "max-age-days", "-30", "`max-age-days` must be at least 1, not -30", "1"),
]


def _resolve(config: Path) -> None:
    ConfigResolver(str(config), Overrides(), all_rules(plugins=False)).for_file(
        str(config.parent / "s.yaml")
    )


@pytest.mark.parametrize(("code", "option", "bad", "says", "fine"), OUT_OF_RANGE)
def test_an_option_out_of_range_is_an_error_at_its_line(
    tmp_path: Path, code: str, option: str, bad: str, says: str, fine: str
) -> None:
    config = tmp_path / ".funnelcheck.yaml"
    config.write_text(f"fail-on: error\nrules:\n  {code}:\n    options: {{{option}: {bad}}}\n")
    with pytest.raises(ConfigError) as caught:
        _resolve(config)
    assert says in caught.value.message
    assert code in caught.value.message
    assert caught.value.line == 4

    config.write_text(f"rules:\n  {code}:\n    options: {{{option}: {fine}}}\n")
    _resolve(config)  # the edge of the range is accepted


def test_an_option_out_of_range_in_a_per_file_entry_is_an_error_too(tmp_path: Path) -> None:
    config = tmp_path / ".funnelcheck.yaml"
    config.write_text(
        "per-file:\n  'legacy/**':\n    rules:\n      FC104: {options: {max-foreign-share: 80}}\n"
    )
    with pytest.raises(ConfigError) as caught:
        _resolve(config)
    assert "`max-foreign-share` must be at most 1, not 80" in caught.value.message
    assert caught.value.line == 4


def test_a_repeated_key_in_a_yaml_config_is_an_error_at_the_repeat(tmp_path: Path) -> None:
    # YAML loaders keep the last value silently: `severity: info` would be dropped unseen.
    config = tmp_path / ".funnelcheck.yaml"
    config.write_text("rules:\n  FC101:\n    severity: info\n    severity: error\n")
    with pytest.raises(ConfigError) as caught:
        _resolve(config)
    assert caught.value.message == "the key `severity` is repeated (first on line 3); keep one"
    assert (caught.value.line, caught.value.column) == (4, 5)


def test_describe_for_a_file_applies_the_per_file_entries_that_match_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `funnelcheck config legacy/old.yaml` must show what that file really gets.
    monkeypatch.chdir(tmp_path)  # sources are shown relative to the current folder
    config = tmp_path / ".funnelcheck.yaml"
    config.write_text(
        "per-file:\n"
        "  'legacy/**':\n"
        "    ignore: [FC201]\n"
        "    rules: {FC101: {severity: info, options: {min-concepts: 2}}}\n"
    )
    legacy = str(tmp_path / "legacy" / "old.yaml")
    resolved = ConfigResolver(None, Overrides(), all_rules(plugins=False)).for_file(legacy)
    shown = {key: (value, origin) for key, value, origin in describe(resolved, legacy)}
    assert shown["rules.FC201.selected"] == (False, f"{config.name}:3")
    assert shown["rules.FC101.severity"] == ("info", f"{config.name}:4")
    assert shown["rules.FC101.options.min-concepts"] == (2, f"{config.name}:4")
    elsewhere = {key: value for key, value, _ in describe(resolved, str(tmp_path / "new.yaml"))}
    assert elsewhere["rules.FC201.selected"] is True
    assert elsewhere["rules.FC101.severity"] == "warning"


def test_config_naming_a_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        ConfigResolver(str(tmp_path), Overrides(), all_rules(plugins=False))
    assert caught.value.message == (
        f"--config {tmp_path}: a folder, not a file; name the .funnelcheck.yaml or "
        "pyproject.toml to use"
    )


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # A rule table written as a dotted header, after another rule's table.
        (
            '[tool.funnelcheck.rules.FC101]\nseverity = "info"\n'
            '[tool.funnelcheck.rules.FC10l]\nseverity = "info"\n',
            3,
            25,
        ),
        # Dotted keys inside the table.
        (
            '[tool.funnelcheck]\nrules.FC101.severity = "info"\nrules.FC104.severity = "high"\n',
            3,
            13,
        ),
        ("[tool.funnelcheck]\n\n[tool.funnelcheck.rules.FC101.options]\nmin-concepts = 0\n", 3, 31),
    ],
)
def test_pyproject_errors_point_at_dotted_tables_and_keys(
    tmp_path: Path, text: str, line: int, column: int
) -> None:
    # tomllib keeps no positions; the line is found by searching for each key of the path,
    # which must also find a key written after a dot.
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n\n' + text)
    with pytest.raises(ConfigError) as caught:
        _resolve(config)
    assert (caught.value.line, caught.value.column) == (line + 3, column)
