"""Configuration as a user writes it: which file applies, which rules run, and the errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from funnelcheck.config import Config, ConfigError, ConfigResolver, Overrides, describe
from funnelcheck.config import layers as config_layers
from funnelcheck.findings import Issue, Severity
from funnelcheck.input.discover import Source
from funnelcheck.input.validate import schema_path
from funnelcheck.rules import all_rules
from funnelcheck.rules.base import Rule
from funnelcheck.run.engine import make_checker


@dataclass(frozen=True)
class StoryOptions:
    min_concepts: int = 1
    max_foreign_share: float = 0.5
    extra_stopwords: tuple[str, ...] = ()
    strict: bool = False


@dataclass(frozen=True)
class StaleOptions:
    interval_days: int = 30

    def __post_init__(self) -> None:
        if self.interval_days < 1:
            raise ValueError("interval_days must be at least 1")


class _TestRule(Rule):
    def check(self, strategy: Any, options: Any) -> Iterator[Issue]:
        yield from ()


class StageOffProblem(_TestRule):
    code = "FC101"
    name = "stage-off-problem"
    severity = Severity.WARNING
    Options = StoryOptions


class OpeningOffProblem(_TestRule):
    code = "FC102"
    name = "opening-off-problem"
    severity = Severity.ERROR


class ForeignStory(_TestRule):
    code = "FC104"
    name = "foreign-story"
    severity = Severity.WARNING


class PromiseNotShipped(_TestRule):
    code = "FC201"
    name = "promise-not-shipped"
    severity = Severity.ERROR


class DanglingReference(_TestRule):
    code = "FC005"
    name = "dangling-reference"
    severity = Severity.ERROR


class StrategyStale(_TestRule):
    code = "FC701"
    name = "strategy-stale"
    severity = Severity.WARNING
    Options = StaleOptions


RULES: dict[str, type[Rule]] = {
    r.code: r
    for r in (
        DanglingReference,
        StageOffProblem,
        OpeningOffProblem,
        ForeignStory,
        PromiseNotShipped,
        StrategyStale,
    )
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def resolver(explicit: Path | None = None, **overrides: Any) -> ConfigResolver:
    return ConfigResolver(str(explicit) if explicit else None, Overrides(**overrides), RULES)


def enabled(config: Config, file: Path) -> set[str]:
    return {code for code, rule in RULES.items() if config.settings_for(rule, str(file))}


def config_error(path: Path, text: str) -> ConfigError:
    write(path, text)
    with pytest.raises(ConfigError) as caught:
        resolver(path)
    return caught.value


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Sources are shown relative to the current folder; run each test from its own.
    monkeypatch.chdir(tmp_path)


# -- which file applies -------------------------------------------------------------------


def test_the_nearest_file_upward_applies_whole(tmp_path: Path) -> None:
    write(tmp_path / ".funnelcheck.yaml", "ignore: [FC104]\nfail-on: warning\n")
    write(tmp_path / "team" / ".funnelcheck.yaml", "ignore: [FC201]\n")
    top = write(tmp_path / "s.yaml", "")
    deep = write(tmp_path / "a" / "b" / "s.yaml", "")
    team = write(tmp_path / "team" / "x" / "s.yaml", "")
    res = resolver()

    assert res.for_file(str(top)).source == ".funnelcheck.yaml"
    assert res.for_file(str(deep)).source == ".funnelcheck.yaml"
    assert "FC104" not in enabled(res.for_file(str(deep)), deep)

    nearest = res.for_file(str(team))
    assert nearest.source == "team/.funnelcheck.yaml"
    # No merging: the outer file's ignore and fail-on do not reach the team's files.
    assert enabled(nearest, team) == set(RULES) - {"FC201"}
    assert nearest.fail_on == "error"


def test_without_any_file_every_rule_runs_with_its_own_severity(tmp_path: Path) -> None:
    file = write(tmp_path / "s.yaml", "")
    config = resolver().for_file(str(file))
    assert config.source is None
    assert enabled(config, file) == set(RULES)
    settings = config.settings_for(StageOffProblem, str(file))
    assert settings is not None
    assert settings.severity is None
    assert settings.options == StoryOptions()
    assert config.fail_on == "error"
    assert config.limits.max_bytes == 5_000_000


def test_pyproject_table_is_used_and_one_without_it_is_passed_over(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "strategies"

        [tool.funnelcheck]
        ignore = ["FC1"]
        fail-on = "warning"

        [tool.funnelcheck.rules.FC201]
        severity = "warning"
        """,
    )
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "not-configured"\n')
    file = write(tmp_path / "sub" / "s.yaml", "")
    config = resolver().for_file(str(file))
    assert config.source == "pyproject.toml"
    assert config.fail_on == "warning"
    assert enabled(config, file) == {"FC005", "FC201", "FC701"}
    settings = config.settings_for(PromiseNotShipped, str(file))
    assert settings is not None and settings.severity is Severity.WARNING


def test_funnelcheck_yaml_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.funnelcheck]\nignore = ["FC101"]\n')
    write(tmp_path / ".funnelcheck.yaml", "ignore: [FC102]\n")
    file = write(tmp_path / "s.yaml", "")
    config = resolver().for_file(str(file))
    assert config.source == ".funnelcheck.yaml"
    assert enabled(config, file) == set(RULES) - {"FC102"}


def test_each_folder_is_searched_and_each_file_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / ".funnelcheck.yaml", "ignore: [FC104]\n")
    reads: list[str] = []
    real_read = config_layers._read_document

    def counting(path: str) -> Any:
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(config_layers, "_read_document", counting)
    res = resolver()
    configs = {id(res.for_file(str(tmp_path / f"d{i % 7}" / f"s{i}.yaml"))) for i in range(500)}
    assert len(configs) == 1
    assert len(reads) == 1


def test_explicit_config_applies_to_every_file(tmp_path: Path) -> None:
    write(tmp_path / "deep" / ".funnelcheck.yaml", "ignore: [FC101]\n")
    shared = write(tmp_path / "ci" / "strict.yaml", "ignore: [FC201]\nfail-on: info\n")
    file = write(tmp_path / "deep" / "s.yaml", "")
    config = resolver(shared).for_file(str(file))
    assert config.source == "ci/strict.yaml"
    assert config.fail_on == "info"
    assert enabled(config, file) == set(RULES) - {"FC201"}


def test_standard_input_uses_the_current_folder(tmp_path: Path) -> None:
    write(tmp_path / ".funnelcheck.yaml", "ignore: [FC701]\n")
    config = resolver().for_file("-")
    assert config.source == ".funnelcheck.yaml"
    assert StrategyStale not in [r for r in RULES.values() if config.settings_for(r, "-")]


# -- extends ----------------------------------------------------------------------------


def test_extends_puts_a_shared_base_under_a_file(tmp_path: Path) -> None:
    write(
        tmp_path / "shared" / "base.yaml",
        """
        ignore: [FC104]
        fail-on: warning
        rules:
          FC101: {severity: info, options: {min-concepts: 2, strict: true}}
        per-file:
          "drafts/**": {ignore: [FC201]}
        """,
    )
    write(
        tmp_path / "product" / ".funnelcheck.yaml",
        """
        extends: ../shared/base.yaml
        rules:
          FC101: {options: {min-concepts: 3}}
        """,
    )
    file = write(tmp_path / "product" / "s.yaml", "")
    config = resolver().for_file(str(file))
    assert config.fail_on == "warning"
    assert enabled(config, file) == set(RULES) - {"FC104"}
    settings = config.settings_for(StageOffProblem, str(file))
    assert settings is not None
    # The base's severity stays; options merge name by name, the file's value winning.
    assert settings.severity is Severity.INFO
    assert settings.options == StoryOptions(min_concepts=3, strict=True)
    # The base's globs are relative to the base's folder, not the product's.
    assert "FC201" in enabled(config, write(tmp_path / "product" / "drafts" / "s.yaml", ""))
    assert "FC201" not in enabled(config, write(tmp_path / "shared" / "drafts" / "s.yaml", ""))


def test_a_select_in_the_extending_file_starts_over(tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", "select: [FC1]\nignore: [FC102]\n")
    write(tmp_path / ".funnelcheck.yaml", "extends: base.yaml\nextend-select: [FC201]\n")
    file = write(tmp_path / "s.yaml", "")
    assert enabled(resolver().for_file(str(file)), file) == {"FC101", "FC104", "FC201"}
    write(tmp_path / ".funnelcheck.yaml", "extends: base.yaml\nselect: [FC102, FC005]\n")
    assert enabled(resolver().for_file(str(file)), file) == {"FC102", "FC005"}


def test_an_extends_cycle_is_reported_with_its_line(tmp_path: Path) -> None:
    write(tmp_path / "b.yaml", "fail-on: info\nextends: a.yaml\n")
    err = config_error(tmp_path / "a.yaml", "# shared\nextends: b.yaml\n")
    assert "cycle" in err.message
    assert "a.yaml -> b.yaml -> a.yaml" in err.message
    assert err.file == "b.yaml"
    assert err.line == 2


def test_extends_naming_a_missing_file(tmp_path: Path) -> None:
    err = config_error(tmp_path / "a.yaml", "fail-on: info\nextends: ../nowhere.yaml\n")
    assert err.line == 2
    assert "'../nowhere.yaml', which is not a file" in err.message


# -- select, ignore and per-file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("select: [FC101]", {"FC101"}),
        ("select: [stage-off-problem, FC2]", {"FC101", "FC201"}),
        ("select: [FC10]", {"FC101", "FC102", "FC104"}),
        ("ignore: [FC1]", {"FC005", "FC201", "FC701"}),
        ("ignore: [foreign-story, FC0]", {"FC101", "FC102", "FC201", "FC701"}),
        ("select: [ALL]\nignore: [fc7]", set(RULES) - {"FC701"}),
        # The more specific entry wins, whichever list it is in.
        ("select: [FC101]\nignore: [FC1]", {"FC101"}),
        ("select: [FC1]\nignore: [FC101]", {"FC102", "FC104"}),
        ("ignore: [FC101]\nextend-select: [FC1]", set(RULES) - {"FC101"}),
        ("select: [FC1]\nignore: [FC10]", set()),
        # On a tie ignore wins.
        ("select: [FC1]\nignore: [FC1]", set()),
        ("select: [FC102]\nignore: [opening-off-problem]", set()),
    ],
)
def test_select_and_ignore(tmp_path: Path, text: str, expected: set[str]) -> None:
    write(tmp_path / ".funnelcheck.yaml", text + "\n")
    file = write(tmp_path / "s.yaml", "")
    assert enabled(resolver().for_file(str(file)), file) == expected


def test_command_line_wins_over_the_file(tmp_path: Path) -> None:
    write(tmp_path / ".funnelcheck.yaml", "select: [FC1]\nfail-on: info\n")
    file = write(tmp_path / "s.yaml", "")
    assert enabled(resolver(select=("FC2",)).for_file(str(file)), file) == {"FC201"}
    assert enabled(resolver(ignore=("FC101",)).for_file(str(file)), file) == {"FC102", "FC104"}
    assert resolver(fail_on="never").for_file(str(file)).fail_on == "never"
    assert resolver().for_file(str(file)).fail_on == "info"


def test_a_command_line_rule_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        resolver(select=("FC1O1",))
    assert "--select FC1O1" in caught.value.message
    assert "did you mean `FC101`?" in caught.value.message
    with pytest.raises(ConfigError, match="--fail-on"):
        resolver(fail_on="sometimes")


def test_per_file_overrides_by_glob(tmp_path: Path) -> None:
    write(
        tmp_path / ".funnelcheck.yaml",
        """
        ignore: [FC104]
        rules:
          FC101: {options: {min-concepts: 2}}
        per-file:
          "legacy/**":
            ignore: [FC1]
          "*.draft.yaml":
            extend-select: [FC104]
            rules:
              FC201: {severity: warning}
              FC101: {severity: info, options: {min-concepts: 1}}
          "legacy/keep.yaml":
            select: [FC101]
        """,
    )
    plain = write(tmp_path / "a" / "s.yaml", "")
    legacy = write(tmp_path / "legacy" / "old" / "s.yaml", "")
    draft = write(tmp_path / "a" / "b" / "next.draft.yaml", "")
    keep = write(tmp_path / "legacy" / "keep.yaml", "")
    config = resolver().for_file(str(plain))

    assert enabled(config, plain) == set(RULES) - {"FC104"}
    assert enabled(config, legacy) == {"FC005", "FC201", "FC701"}
    assert enabled(config, draft) == set(RULES)
    # Several globs match: they apply in the order written.
    assert enabled(config, keep) == {"FC101"}

    draft_201 = config.settings_for(PromiseNotShipped, str(draft))
    plain_201 = config.settings_for(PromiseNotShipped, str(plain))
    assert draft_201 is not None and draft_201.severity is Severity.WARNING
    assert plain_201 is not None and plain_201.severity is None
    draft_101 = config.settings_for(StageOffProblem, str(draft))
    plain_101 = config.settings_for(StageOffProblem, str(plain))
    assert draft_101 is not None and draft_101.options.min_concepts == 1
    assert plain_101 is not None and plain_101.options.min_concepts == 2


# -- severities and options ------------------------------------------------------------------


def test_severity_override_by_code_and_by_name(tmp_path: Path) -> None:
    write(
        tmp_path / ".funnelcheck.yaml",
        "rules:\n  FC201: {severity: warning}\n  foreign-story: {severity: error}\n",
    )
    file = write(tmp_path / "s.yaml", "")
    config = resolver().for_file(str(file))
    for rule, severity in ((PromiseNotShipped, Severity.WARNING), (ForeignStory, Severity.ERROR)):
        settings = config.settings_for(rule, str(file))
        assert settings is not None and settings.severity is severity


def test_options_are_typed_from_the_dataclass(tmp_path: Path) -> None:
    write(
        tmp_path / ".funnelcheck.yaml",
        """
        rules:
          stage-off-problem:
            options:
              min-concepts: 2
              max_foreign_share: 1
              extra-stopwords: [platform, solution]
              strict: true
        """,
    )
    file = write(tmp_path / "s.yaml", "")
    settings = resolver().for_file(str(file)).settings_for(StageOffProblem, str(file))
    assert settings is not None
    assert settings.options == StoryOptions(2, 1.0, ("platform", "solution"), True)
    assert isinstance(settings.options.max_foreign_share, float)


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("min-concepts", '"two"', "must be a whole number, not text ('two')"),
        ("min-concepts", "2.5", "must be a whole number, not a number (2.5)"),
        ("min-concepts", "true", "must be a whole number, not true or false"),
        ("min-concepts", "null", "must be a whole number, not empty"),
        ("max-foreign-share", "half", "must be a number, not text ('half')"),
        ("strict", "1", "must be true or false, not a whole number (1)"),
        ("extra-stopwords", "platform", "must be a list of text, not text ('platform')"),
        ("extra-stopwords", "[1, 2]", "must be a list of text, not a list ([1, 2])"),
    ],
)
def test_option_type_errors_name_the_line(
    tmp_path: Path, option: str, value: str, expected: str
) -> None:
    err = config_error(
        tmp_path / ".funnelcheck.yaml",
        f"fail-on: error\nrules:\n  FC101:\n    options:\n      {option}: {value}\n",
    )
    assert expected in err.message
    assert not re.search(r"\((None|True|False)\)", err.message), err.message  # Python, not YAML
    assert f"`{option}`" in err.message
    assert (err.file, err.line) == (".funnelcheck.yaml", 5)
    assert str(err).startswith(".funnelcheck.yaml:5:")


def test_unknown_option_with_did_you_mean(tmp_path: Path) -> None:
    err = config_error(
        tmp_path / ".funnelcheck.yaml", "rules:\n  FC101:\n    options: {min-concept: 2}\n"
    )
    assert err.message == "FC101 has no option `min-concept`; did you mean `min-concepts`?"
    assert err.line == 3
    err = config_error(tmp_path / ".funnelcheck.yaml", "rules:\n  FC201:\n    options: {x: 2}\n")
    assert "FC201 (promise-not-shipped) takes no options" in err.message


def test_the_rules_own_checks_on_options_are_reported_with_the_line(tmp_path: Path) -> None:
    err = config_error(
        tmp_path / ".funnelcheck.yaml", "rules:\n  FC701:\n    options: {interval-days: 0}\n"
    )
    assert "interval_days must be at least 1" in err.message
    assert err.line == 3


def test_review_interval_days_is_fc701s_interval(tmp_path: Path) -> None:
    write(tmp_path / ".funnelcheck.yaml", "review-interval-days: 90\n")
    file = write(tmp_path / "s.yaml", "")
    config = resolver().for_file(str(file))
    settings = config.settings_for(StrategyStale, str(file))
    assert settings is not None and settings.options == StaleOptions(interval_days=90)
    assert ("rules.FC701.options.interval-days", 90, ".funnelcheck.yaml:1") in describe(config)

    err = config_error(tmp_path / "both.yaml", "review-interval-days: 0\n")
    assert (err.line, err.message) == (1, "`review-interval-days` must be at least 1, not 0")
    err = config_error(
        tmp_path / "both.yaml",
        "review-interval-days: 60\nrules: {FC701: {options: {interval-days: 14}}}\n",
    )
    assert "keep one" in err.message


def test_limits_fail_on_and_exclude(tmp_path: Path) -> None:
    write(
        tmp_path / ".funnelcheck.yaml",
        'max-file-bytes: 1000\nfail-on: "never"\nexclude: ["drafts/", "*.example.yaml"]\n',
    )
    file = write(tmp_path / "s.yaml", "")
    config = resolver().for_file(str(file))
    assert config.limits.max_bytes == 1000
    assert config.fail_on == "never"
    assert config.exclude == ("drafts/", "*.example.yaml")
    assert Path(config.root) == tmp_path
    assert config.excluded(str(tmp_path / "drafts" / "a.yaml"))
    assert config.excluded(str(tmp_path / "x" / "b.example.yaml"))
    assert not config.excluded(str(file))


# -- errors a user makes ---------------------------------------------------------------------


def test_unknown_key_with_did_you_mean_at_its_line(tmp_path: Path) -> None:
    err = config_error(tmp_path / ".funnelcheck.yaml", "# ours\nfail-on: warning\nselct: [FC1]\n")
    assert err.message == "unknown key `selct`; did you mean `select`?"
    assert (err.file, err.line, err.column) == (".funnelcheck.yaml", 3, 1)
    err = config_error(tmp_path / ".funnelcheck.yaml", "rules:\n  FC101:\n    severty: info\n")
    assert err.message == "unknown key `severty`; did you mean `severity`?"
    assert err.line == 3


def test_unknown_rules_with_did_you_mean(tmp_path: Path) -> None:
    err = config_error(tmp_path / ".funnelcheck.yaml", "select:\n  - FC101\n  - FC2011\n")
    assert "`select` names 'FC2011'" in err.message
    assert "did you mean `FC201`?" in err.message
    assert (err.line, err.column) == (3, 5)
    err = config_error(tmp_path / ".funnelcheck.yaml", "rules:\n  foreign-stroy: {}\n")
    assert err.message == "unknown rule `foreign-stroy`; did you mean `foreign-story`?"
    assert err.line == 2
    err = config_error(tmp_path / ".funnelcheck.yaml", "rules:\n  FC1: {severity: info}\n")
    assert "not a family" in err.message


def test_bad_values(tmp_path: Path) -> None:
    err = config_error(tmp_path / ".funnelcheck.yaml", "fail-on: sometimes\n")
    assert err.message == "`fail-on` must be one of: error, warning, info, never, not 'sometimes'"
    err = config_error(tmp_path / ".funnelcheck.yaml", "rules:\n  FC101:\n    severity: off\n")
    assert "YAML reads an unquoted yes/no/on/off as true or false" in err.message
    assert err.line == 3
    err = config_error(tmp_path / ".funnelcheck.yaml", "ignore: FC101\n")
    assert err.message == "`ignore` must be a list, not text ('FC101')"
    err = config_error(tmp_path / ".funnelcheck.yaml", "- just a list\n")
    assert "must be a mapping" in err.message
    err = config_error(tmp_path / ".funnelcheck.yaml", "exclude:\n  - drafts/\n  - '!'\n")
    assert (err.line, err.message.split(" (")[0]) == (3, "'!' is not a .gitignore-style pattern")
    err = config_error(tmp_path / ".funnelcheck.yaml", "per-file:\n  '!': {ignore: [FC1]}\n")
    assert err.line == 2 and "not a .gitignore-style pattern" in err.message


def test_yaml_faults_and_tags_are_config_errors(tmp_path: Path) -> None:
    err = config_error(tmp_path / ".funnelcheck.yaml", "select: [FC1\nignore: []\n")
    assert err.message.startswith("YAML syntax")
    err = config_error(
        tmp_path / ".funnelcheck.yaml", "fail-on: !!python/object/apply:os.system [ls]\n"
    )
    assert "refused" in err.message
    assert err.line == 1


def test_pyproject_errors_point_at_the_key_line(tmp_path: Path) -> None:
    text = """
        [project]
        name = "x"
        description = "select the best"

        [tool.funnelcheck]
        fail-on = "warning"
        select = ["FC101", "FC9x"]

        [tool.funnelcheck.rules.FC101.options]
        min-concepts = "two"
        """
    err = config_error(tmp_path / "pyproject.toml", text)
    assert (err.file, err.line) == ("pyproject.toml", 7)
    assert "FC9x" in err.message
    err = config_error(tmp_path / "pyproject.toml", text.replace('"FC9x"', '"FC102"'))
    assert err.line == 10
    assert "must be a whole number" in err.message
    err = config_error(tmp_path / "pyproject.toml", "[tool.funnelcheck]\nfail_on = 'info'\n")
    assert (err.line, err.message) == (2, "unknown key `fail_on`; did you mean `fail-on`?")
    err = config_error(tmp_path / "pyproject.toml", "[tool.funnelcheck]\nselect = [\n")
    assert err.message.startswith("TOML syntax") and err.line is not None


# -- funnelcheck config ---------------------------------------------------------------------


def test_describe_says_where_each_value_came_from(tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", "max-file-bytes: 2000\nignore: [FC104]\n")
    write(
        tmp_path / ".funnelcheck.yaml",
        """
        extends: base.yaml
        fail-on: warning
        rules:
          FC101:
            severity: info
            options:
              min-concepts: 2
        """,
    )
    file = write(tmp_path / "s.yaml", "")
    rows = describe(resolver(ignore=("FC201",)).for_file(str(file)))
    where = {key: (value, source) for key, value, source in rows}
    assert where["config"] == (".funnelcheck.yaml", ".funnelcheck.yaml")
    assert where["fail-on"] == ("warning", ".funnelcheck.yaml:2")
    assert where["max-file-bytes"] == (2000, "base.yaml:1")
    assert where["exclude"] == ([], "default")
    assert where["rules.FC101.severity"] == ("info", ".funnelcheck.yaml:5")
    assert where["rules.FC101.options.min-concepts"] == (2, ".funnelcheck.yaml:7")
    assert where["rules.FC101.options.strict"] == (False, "default")
    assert where["rules.FC102.severity"] == ("error", "default")
    assert where["rules.FC104.selected"] == (False, "base.yaml:2")
    assert where["rules.FC201.selected"] == (False, "command line")
    assert where["rules.FC005.selected"] == (True, "default")
    assert ("ignore", ["FC201"], "command line") in rows
    assert ("ignore", ["FC104"], "base.yaml:2") in rows


def test_describe_of_the_defaults(tmp_path: Path) -> None:
    rows = describe(resolver().for_file(str(write(tmp_path / "s.yaml", ""))))
    assert ("select", ["ALL"], "default") in rows
    assert ("fail-on", "error", "default") in rows
    assert ("max-file-bytes", 5_000_000, "default") in rows
    assert all(source == "default" for key, _, source in rows if key.startswith("rules."))


# -- the schema and the real rules -----------------------------------------------------------


def test_every_schema_property_has_a_description() -> None:
    schema = json.loads(schema_path("config.schema.json").read_text(encoding="utf-8"))

    def walk(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    yield f"{where}.{name}"
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, f"{where}[{i}]")

    assert list(walk(schema, "$")) == []
    assert "description" in schema


def test_the_built_in_rules_are_configured_the_same_way(tmp_path: Path) -> None:
    from funnelcheck.rules import all_rules

    rules = all_rules(plugins=False)
    write(
        tmp_path / ".funnelcheck.yaml",
        "select: [FC0, FC1]\nignore: [FC009]\nrules:\n  dangling-reference: {severity: warning}\n",
    )
    file = write(tmp_path / "s.yaml", "")
    config = ConfigResolver(None, Overrides(), rules).for_file(str(file))
    on = {code for code, rule in rules.items() if config.settings_for(rule, str(file))}
    assert on == {code for code in rules if code[:3] in ("FC0", "FC1") and code != "FC009"}
    settings = config.settings_for(rules["FC005"], str(file))
    assert settings is not None and settings.severity is Severity.WARNING


# -- ----------------------------------------------------------------------------------------
# Rule options outside the range where they mean something are configuration errors.
#
# A user who writes `max-foreign-share: 70` (a percentage where a share is meant) or
# `min-concepts: 0` gets an error at the config file's line, not a rule that silently never
# (or always) fires.


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


# -- ----------------------------------------------------------------------------------------
# Selecting rule families never passes a file that could not be checked as clean.
#
# `select: [FC1, FC2]` (as a ruff user writes `select = ["E", "F"]`) or `--select FC101`
# must not hide that a file is not YAML or not a strategy: no rule ran on it, and "no
# findings" with exit 0 would be a lie. Only naming FC001/FC002/FC006/FC007 in `ignore`
# turns them off.


BROKEN = {
    "FC001": "funnelcheck: 1\nstages: [\n",
    "FC002": "funnelcheck: 1\nproduct: {name: X}\n",
    "FC006": "funnelcheck: 2\n",
    "FC007": "funnelcheck: 1\nowner: !!python/object/apply:os.system [echo]\n",
}


def _codes(tmp_path: Path, text: str, config: str | None, **overrides: Any) -> set[str]:
    strategy = tmp_path / "s.yaml"
    strategy.write_text(text, encoding="utf-8")
    config_file = None
    if config is not None:
        config_file = tmp_path / ".funnelcheck.yaml"
        config_file.write_text(config, encoding="utf-8")
    checker = make_checker(
        str(config_file) if config_file else None,
        Overrides(**overrides),
        plugins=False,
        as_of=dt.date(2026, 11, 22),
    )
    result = checker.check(Source(str(strategy), "s.yaml", explicit=True))
    assert result is not None and result.error is None
    return {finding.code for finding in result.findings}


@pytest.mark.parametrize("code", sorted(BROKEN))
@pytest.mark.parametrize(
    "config",
    [
        "select: [FC1, FC2]\n",
        "select: [stage-off-problem]\n",
        "ignore: [FC0]\n",
        "ignore: [ALL]\nextend-select: [FC101]\n",
        "per-file:\n  '*.yaml': {select: [FC7]}\n",
    ],
)
def test_a_family_or_select_never_hides_that_a_file_could_not_be_checked(
    tmp_path: Path, code: str, config: str
) -> None:
    assert code in _codes(tmp_path, BROKEN[code], config)


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_select_on_the_command_line_never_hides_it_either(tmp_path: Path, code: str) -> None:
    assert code in _codes(tmp_path, BROKEN[code], None, select=("FC101",))


def test_naming_the_code_in_ignore_still_turns_it_off(tmp_path: Path) -> None:
    assert "FC001" not in _codes(tmp_path, BROKEN["FC001"], "ignore: [FC001]\n")
    assert "FC002" not in _codes(tmp_path, BROKEN["FC002"], "ignore: [schema]\n")
    assert "FC001" not in _codes(tmp_path, BROKEN["FC001"], None, ignore=("yaml-syntax",))


def test_other_input_rules_still_follow_the_selection(tmp_path: Path) -> None:
    misspelled = (
        Path(__file__).resolve().parents[1] / "sample_strategies" / "input-mistakes.yaml"
    ).read_text(encoding="utf-8")
    assert {"FC004", "FC005"} <= _codes(tmp_path, misspelled, None)
    assert not {"FC004", "FC005"} & _codes(tmp_path, misspelled, "select: [FC1]\n")
