"""Explicit core tags and odd numbers: every one is FC002 at its line, or a value; never a crash.

Issue 12, item 7: `x: !!bool maybe` (KeyError), `!!int ""`, `!!int "-"`, `!!float ""`
(IndexError), a long sexagesimal float (OverflowError) and huge hexadecimal or sexagesimal
integers (read, then failing when a report printed them) crashed the loader, in strategies
and in configuration files alike. Here a grid of every core scalar tag (and no tag) times
values of the wrong type, empty values, NaN, infinities, overflowing floats and integers
too long to print is checked through the CLI (strategies) and the configuration reader
(YAML and TOML).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import AS_OF, base_strategy, run_cli, to_yaml

from funnelcheck.config import ConfigError

TAGS = ("", "!!bool ", "!!int ", "!!float ", "!!null ", "!!str ", "!!timestamp ")
LONG_SEXAGESIMAL_FLOAT = "1" + ":59" * 300 + ".5"
ODD_VALUES = (
    "maybe",
    '""',
    '"-"',
    '"+"',
    ".",
    "0x",
    "0b",
    "1_",
    "1.5",
    "1:2",
    "yes",
    "~",
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "+.Inf",
    "1.0e+999",
    "-1.0e+999",
    "1e99999",
    LONG_SEXAGESIMAL_FLOAT,
    "0x" + "f" * 4000,
    "1" + ":59" * 3000,
    "9" * 4300,
    "9" * 4301,
    "0b" + "1" * 15000,
)
#: What no figure can hold, whatever the tag: each is FC002 at its line.
NEVER_A_FIGURE = {
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "+.Inf",
    "1.0e+999",
    "-1.0e+999",
    LONG_SEXAGESIMAL_FLOAT,
    "0x" + "f" * 4000,
    "1" + ":59" * 3000,
    "9" * 4301,
    "0b" + "1" * 15000,
}
#: The reproductions of the issue, with the tag each was written with.
REPRODUCTIONS = (
    ("!!bool ", "maybe"),
    ("!!int ", '""'),
    ("!!int ", '"-"'),
    ("!!float ", '""'),
    ("!!float ", LONG_SEXAGESIMAL_FLOAT),
    ("!!int ", "0x" + "f" * 4000),
    ("", "0x" + "f" * 4000),
    ("", "1" + ":59" * 3000),
)


#: What each tag reads without complaint among the odd values (PyYAML's SafeLoader's
#: reading of YAML 1.1); every other (tag, value) of the grid is FC002 at its line.
READ_AS_A_VALUE = {
    "!!bool ": {"yes"},
    "!!int ": {"1_", "1:2", "9" * 4300},
    "!!float ": {"1_", "1.5", "1:2"},
}


def _expect_fc002(tag: str, value: str) -> bool:
    """Whether the tagged value must be FC002 (the others load as some value)."""
    if tag in ("!!str ", "!!timestamp ", "!!null "):
        return False  # text as written; PyYAML reads any text under !!null as null
    if tag == "":
        return value in NEVER_A_FIGURE
    return value not in READ_AS_A_VALUE[tag]


def _cases() -> list[tuple[str, str]]:
    return [(tag, value) for tag in TAGS for value in ODD_VALUES]


@pytest.fixture(scope="module")
def grid_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """One strategy per (tag, value), checked in one CLI run; findings by file name."""
    folder = tmp_path_factory.mktemp("tags")
    body = to_yaml(base_strategy())
    line = body.count("\n") + 1
    names = {}
    for n, (tag, value) in enumerate(_cases()):
        name = f"case{n:03}.yaml"
        (folder / name).write_text(f'{body}"x": {tag}{value}\n', encoding="utf-8")
        names[name] = (tag, value)
    proc = run_cli("check", ".", "--as-of", AS_OF, "-f", "json", cwd=folder)
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]
    document = json.loads(proc.stdout)
    found = {f["file"]: f for f in document["files"]}
    assert set(found) == set(names)
    return {"names": names, "files": found, "line": line}  # type: ignore[dict-item]


@pytest.mark.parametrize(("tag", "value"), _cases(), ids=lambda v: str(v)[:20])
def test_every_core_tag_with_every_odd_value_is_a_finding_or_a_value(
    grid_run: dict[str, object], tag: str, value: str
) -> None:
    names: dict[str, tuple[str, str]] = grid_run["names"]  # type: ignore[assignment]
    files: dict[str, dict[str, object]] = grid_run["files"]  # type: ignore[assignment]
    name = next(n for n, case in names.items() if case == (tag, value))
    result = files[name]
    assert result.get("error") is None, result
    findings: list[dict[str, object]] = result["findings"]  # type: ignore[assignment]
    at_line = [f for f in findings if f["code"] == "FC002" and f["line"] == grid_run["line"]]
    if _expect_fc002(tag, value):
        assert at_line, (tag, value[:40], [(f["code"], f["line"]) for f in findings])
        message = str(at_line[0]["message"])
        assert len(message) < 400  # the value is quoted shortened, not in full
    # Every value given back prints: the report holds no number too long to write.
    assert all(f["code"] != "FC001" for f in findings), findings


@pytest.mark.parametrize(("tag", "value"), REPRODUCTIONS, ids=lambda v: str(v)[:20])
@pytest.mark.slow
def test_the_reproductions_of_the_issue_are_fc002_at_their_line(
    tmp_path: Path, tag: str, value: str
) -> None:
    body = to_yaml(base_strategy())
    line = body.count("\n") + 1
    (tmp_path / "s.yaml").write_text(f'{body}"x": {tag}{value}\n', encoding="utf-8")
    for fmt in ("json", "table", "sarif"):
        proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "-f", fmt, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr.decode()
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "-f", "json", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert any(f["code"] == "FC002" and f["line"] == line for f in findings), findings


def test_a_bad_value_in_a_list_is_placed_at_its_own_line_and_path(tmp_path: Path) -> None:
    body = to_yaml(base_strategy())
    line = body.count("\n") + 2
    (tmp_path / "s.yaml").write_text(body + '"x":\n  - !!bool ""\n  - .nan\n', encoding="utf-8")
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, "-f", "json", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    placed = {(f["line"], f["path"]) for f in findings if f["code"] == "FC002"}
    assert {(line, "x[0]"), (line + 1, "x[1]")} <= placed, placed


# -- configuration files --------------------------------------------------------------------
def _config_error(folder: Path) -> ConfigError | None:
    from hostile_support import checker

    strategy = folder / "s.yaml"
    strategy.write_text(to_yaml(base_strategy()), encoding="utf-8")
    try:
        checker().resolver.for_file(str(strategy))
    except ConfigError as exc:
        return exc
    return None


@pytest.mark.parametrize(("tag", "value"), _cases(), ids=lambda v: str(v)[:20])
def test_a_yaml_configuration_with_a_core_tag_is_a_config_error_at_its_line(
    tmp_path: Path, tag: str, value: str
) -> None:
    (tmp_path / ".funnelcheck.yaml").write_text(
        f"fail-on: warning\nreview-interval-days: {tag}{value}\n", encoding="utf-8"
    )
    error = _config_error(tmp_path)
    # review-interval-days takes a whole number: most values are a config error, and
    # every one that is must say where; none may crash.
    if _expect_fc002(tag, value):
        assert error is not None
        assert error.line == 2, (str(error), error.line)
    if error is not None:
        assert ".funnelcheck.yaml" in str(error)


@pytest.mark.parametrize(
    "setting",
    [
        "review-interval-days = nan",
        "review-interval-days = inf",
        "review-interval-days = -inf",
        "review-interval-days = " + "9" * 5000,
        "review-interval-days = 0x" + "f" * 5000,
        "review-interval-days = 0b" + "1" * 15000,
        "[tool.funnelcheck.rules.FC302]\ntolerance = nan",
        "[tool.funnelcheck.rules.FC104]\nmax-foreign-share = inf",
    ],
    ids=lambda s: s[:40],
)
def test_a_toml_configuration_with_odd_numbers_is_a_config_error(
    tmp_path: Path, setting: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.funnelcheck]\n{setting}\n", encoding="utf-8")
    error = _config_error(tmp_path)
    assert error is not None
    assert "pyproject.toml" in str(error)


@pytest.mark.parametrize("value", ["!!bool maybe", '!!int ""', ".nan", "0x" + "f" * 4000])
def test_a_bad_configuration_value_through_the_cli_is_exit_2_naming_the_line(
    tmp_path: Path, value: str
) -> None:
    (tmp_path / ".funnelcheck.yaml").write_text(
        f"fail-on: warning\nreview-interval-days: {value}\n", encoding="utf-8"
    )
    (tmp_path / "s.yaml").write_text(to_yaml(base_strategy()), encoding="utf-8")
    proc = run_cli("check", "s.yaml", "--as-of", AS_OF, cwd=tmp_path)
    assert proc.returncode == 2
    assert ".funnelcheck.yaml:2" in proc.stderr.decode()
    proc = run_cli("config", "s.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert ".funnelcheck.yaml:2" in proc.stderr.decode()
