"""The Big List of Naughty Strings in every position a user writes text, through every format.

Each of the 515 strings of `blns.json` is written as a product name (one file each, whose
problem statement names the product so that FC106 quotes it back), a claim text, a stage
name, a term (a `problem.terms` key), an unknown key in a stage (FC004 names it) and, where
the file system allows, a file name (the product files are named after their string).
The strings are batched into a few files: one file with 515 stages, one with 515 claims,
one with 511 terms and one with 511 unknown keys (the list repeats 4 strings, and a key can
be written once per mapping).

The files are checked once through the real CLI, writing all seven formats in one run, and
once in-process through the engine; the tests compare the two and check each format's
promise: JSON gives every string back exactly; SARIF validates against the OASIS schema;
JUnit validates against both XSDs, with the characters XML 1.0 forbids replaced and
counted in the suite's properties; GitHub annotations start no workflow command of their
own; Markdown rows keep their six pipes; the table prints no control character.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest
from hostile_support import (
    AS_OF,
    base_strategy,
    check_paths,
    corpus,
    render,
    run_cli,
    to_yaml,
)

#: Characters XML 1.0 cannot hold (outside its Char production).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: What a terminal must never receive from the input: C0 (but LF), DEL and C1 controls.
TERMINAL_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
#: A workflow command as our GitHub reporter writes it, with every value escaped.
GITHUB_COMMAND = re.compile(
    r"::(error|warning|notice) file=[^,:\r\n]*(,line=\d+(,col=\d+)?)?,title=[^,:\r\n]*::[^\r\n]*"
)
#: Characters YAML cannot hold raw (PyYAML's reader): written raw, these make FC001.
YAML_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


@pytest.fixture(scope="module")
def strings() -> list[str]:
    loaded = json.loads((corpus("blns") / "blns.json").read_text(encoding="utf-8"))
    assert len(loaded) == 515
    return [str(s) for s in loaded]


def _file_name(text: str, directory: Path, taken: set[str]) -> str | None:
    """`text` + ".yaml" when the file system can hold that name, else None."""
    name = text + ".yaml"
    if "/" in text or name in taken or len(os.fsencode(name)) > 255:
        return None
    try:
        (directory / name).touch()
    except (OSError, ValueError):
        return None
    taken.add(name)
    return name


@pytest.fixture(scope="module")
def naughty(tmp_path_factory: pytest.TempPathFactory, strings: list[str]) -> dict[str, Any]:
    """The strategy files, and which string went where."""
    root = tmp_path_factory.mktemp("naughty")
    folder = root / "strategies"
    folder.mkdir()
    unique = list(dict.fromkeys(strings))

    stages = [
        {
            "name": text,
            "role": "marketing",
            "pitch": "Payouts reconcile against your ledger.",
            "naughty-extra": 1,  # FC004 in each stage: a finding that names the stage
        }
        for text in strings
    ]
    batches = {
        "batch-stages.yaml": base_strategy(stages),
        "batch-claims.yaml": base_strategy(
            [
                {
                    "name": "Campaign",
                    "role": "marketing",
                    "pitch": "Payouts reconcile against your ledger.",
                    "claims": [{"text": text} for text in strings],
                }
            ]
        ),
    }
    keys = base_strategy()
    keys["stages"][0].update({text: 1 for text in unique if text not in keys["stages"][0]})
    batches["batch-keys.yaml"] = keys
    terms = base_strategy()
    terms["problem"]["terms"].update({text: [] for text in unique})
    batches["batch-terms.yaml"] = terms
    for name, data in batches.items():
        (folder / name).write_text(to_yaml(data), encoding="utf-8")

    products: list[tuple[str, str]] = []  # (file name, product name)
    taken = set(batches)
    for index, text in enumerate(strings):
        name = _file_name(text, folder, taken) or f"product-{index:03d}.yaml"
        taken.add(name)
        data = base_strategy()
        data["product"]["name"] = text
        data["problem"]["statement"] = (
            f"Finance teams reconcile payouts by hand, and {text} does not help them."
        )
        (folder / name).write_text(to_yaml(data), encoding="utf-8")
        products.append((name, text))
    return {
        "root": root,
        "folder": folder,
        "strings": strings,
        "unique": unique,
        "products": products,
        "named_files": sum(1 for name, text in products if name == text + ".yaml"),
    }


@pytest.fixture(scope="module")
def engine_report(naughty: dict[str, Any]) -> Any:
    """The in-process report, with the paths the CLI would show (run from `root`)."""
    folder: Path = naughty["folder"]
    names = sorted(os.listdir(folder))
    cwd = os.getcwd()
    os.chdir(naughty["root"])
    try:
        return check_paths([os.path.join("strategies", name) for name in names])
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def cli_outputs(naughty: dict[str, Any]) -> dict[str, str]:
    """One real run over the folder, all formats at once (the table on standard output)."""
    root: Path = naughty["root"]
    args = ["check", "strategies", "--as-of", AS_OF, "--color", "never"]
    files = {"json": "out.json", "sarif": "out.sarif", "junit": "out.xml", "gitlab": "gl.json"}
    files |= {"github": "gh.txt", "markdown": "out.md"}
    for fmt, name in files.items():
        args += ["-f", f"{fmt}:{root / name}"]
    args += ["-f", "table"]
    proc = run_cli(*args, cwd=root)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")[-2000:]
    outputs = {fmt: (root / name).read_text(encoding="utf-8") for fmt, name in files.items()}
    outputs["table"] = proc.stdout.decode("utf-8")
    return outputs


def _messages(report: Any) -> list[tuple[str, str, str, str | None, str]]:
    return [
        (f.location.file, f.code, f.location.path, f.location.stage, f.message)
        for f in report.findings()
    ]


# -- every string is really in the files, and loads back exactly ------------------------------
def test_every_string_loads_back_exactly_from_each_position(naughty: dict[str, Any]) -> None:
    from funnelcheck.input.load import load_file

    folder: Path = naughty["folder"]
    strings, unique = naughty["strings"], naughty["unique"]
    stages = load_file(str(folder / "batch-stages.yaml")).data["stages"]
    assert [stage["name"] for stage in stages] == strings
    claims = load_file(str(folder / "batch-claims.yaml")).data["stages"][0]["claims"]
    assert [claim["text"] for claim in claims] == strings
    keys = load_file(str(folder / "batch-keys.yaml")).data["stages"][0]
    assert set(unique) <= set(keys)
    terms = load_file(str(folder / "batch-terms.yaml")).data["problem"]["terms"]
    assert set(unique) <= set(terms)
    for name, text in naughty["products"]:
        assert load_file(str(folder / name)).data["product"]["name"] == text
    # Where the file system allows: every string but those with "/" or over 255 bytes.
    assert naughty["named_files"] == 511 - sum(
        1 for s in unique if "/" in s or len(os.fsencode(s + ".yaml")) > 255
    )


def test_strings_yaml_cannot_hold_raw_are_refused_as_fc001(
    tmp_path: Path, strings: list[str]
) -> None:
    """Written raw (json.dumps leaves DEL, C1 controls and U+FFFE unescaped), a string with
    a character YAML forbids is a syntax finding, FC001, never a crash or a silent change."""
    raw = [s for s in strings if YAML_UNPRINTABLE.search(json.dumps(s, ensure_ascii=False))]
    # DEL (in the C0 controls' string), the C1 controls, U+FFFE. (NEL and U+2028/9 in the
    # spaces' string are allowed raw: YAML 1.1 reads them as line breaks and folds them.)
    assert len(raw) == 3
    paths = []
    for index, text in enumerate(strings):
        data = to_yaml(base_strategy()).replace(
            '"name": "Ledgerline"', '"name": ' + json.dumps(text, ensure_ascii=False), 1
        )
        path = tmp_path / f"{index:03d}.yaml"
        path.write_text(data, encoding="utf-8")
        paths.append(path)
    report = check_paths(paths)
    refused = {
        int(Path(result.file).stem)
        for result in report.files
        if any(f.code == "FC001" for f in result.findings)
    }
    assert refused == {strings.index(s) for s in raw}
    assert not report.errors()


# -- JSON ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_json_gives_every_string_back_exactly(
    naughty: dict[str, Any], cli_outputs: dict[str, str], engine_report: Any
) -> None:
    document = json.loads(cli_outputs["json"])
    from_json = [
        (f["file"], f["code"], f["path"], f["stage"], f["message"])
        for file in document["files"]
        for f in file["findings"]
    ]
    # The same findings, character for character, as the engine made them.
    assert from_json == _messages(engine_report)
    by_file = {file["file"]: file for file in document["files"]}
    prefix = "strategies" + os.sep

    # File names, each as written.
    assert set(by_file) == {prefix + name for name, _ in naughty["products"]} | {
        prefix + name for name in ("batch-stages.yaml", "batch-claims.yaml")
    } | {prefix + "batch-keys.yaml", prefix + "batch-terms.yaml"}

    # Stage names: each stage's FC004 finding carries its name.
    stage_of = {
        f["path"]: f["stage"]
        for f in by_file[prefix + "batch-stages.yaml"]["findings"]
        if f["code"] == "FC004"
    }
    assert [stage_of[f"stages[{i}].naughty-extra"] for i in range(515)] == naughty["strings"]
    relay_names = [s["name"] for s in by_file[prefix + "batch-stages.yaml"]["relay"]["stages"]]
    assert relay_names == naughty["strings"]

    # Unknown keys: FC004 names each one in its message.
    keys_messages = [
        f["message"]
        for f in by_file[prefix + "batch-keys.yaml"]["findings"]
        if f["code"] == "FC004"
    ]
    assert len(keys_messages) == len(naughty["unique"])
    for text in naughty["unique"]:
        assert any(text in message for message in keys_messages), text

    # Terms: the relay lists the problem's concepts, each term as written.
    concepts = by_file[prefix + "batch-terms.yaml"]["relay"]["concepts"]
    assert set(naughty["unique"]) <= set(concepts)

    # Product names: FC106 quotes the product's name where the problem statement names it.
    quoted = 0
    for name, text in naughty["products"]:
        for finding in by_file[prefix + name]["findings"]:
            if finding["code"] == "FC106":
                assert f"`{text.strip()}`" in finding["message"]
                quoted += 1
    assert quoted > 400  # most strings are words a statement can name


# -- SARIF --------------------------------------------------------------------------------
def test_sarif_validates_against_the_oasis_schema(
    cli_outputs: dict[str, str], engine_report: Any
) -> None:
    schema = json.loads(
        (corpus("sarif-schema") / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    document = json.loads(cli_outputs["sarif"])
    # With formats checked too: every `uri` and `uri-reference` must be one (percent-encoded).
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = list(validator.iter_errors(document))
    assert not errors, [f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors[:5]]
    results = document["runs"][0]["results"]
    assert len(results) == len(engine_report.findings())
    # Every message made it, whole, into some result's text.
    texts = [r["message"]["text"] for r in results]
    for (_, _, _, _, message), text in zip(_messages(engine_report), texts, strict=True):
        assert message in text


# -- JUnit --------------------------------------------------------------------------------
@pytest.mark.parametrize("xsd", ["windyroad/JUnit.xsd", "jenkins-xunit/junit-10.xsd"])
@pytest.mark.slow
def test_junit_validates_against_both_schemas(cli_outputs: dict[str, str], xsd: str) -> None:
    import xmlschema

    schema = xmlschema.XMLSchema(str(corpus("junit-xsd") / xsd))
    errors = list(schema.iter_errors(cli_outputs["junit"]))
    assert not errors, [str(e)[:300] for e in errors[:3]]


def test_junit_says_where_it_replaced_characters_xml_forbids(
    cli_outputs: dict[str, str], engine_report: Any
) -> None:
    root = ET.fromstring(cli_outputs["junit"].encode("utf-8"))
    suites = root.findall("testsuite")
    assert len(suites) == len(engine_report.files)
    needs_replacing = 0
    for suite, result in zip(suites, engine_report.files, strict=True):
        texts = [result.file] + [
            part
            for f in result.findings
            for part in (f.message, f.location.path, f.location.stage or "", f.location.file)
        ]
        expected = any(NOT_XML.search(text) for text in texts)
        needs_replacing += expected
        replaced = [
            p.get("value")
            for p in suite.iter("property")
            if p.get("name") == "funnelcheck.replaced-characters"
        ]
        if expected:
            assert replaced and int(replaced[0] or 0) > 0, result.file
        else:
            assert not replaced, result.file
        assert NOT_XML.search(ET.tostring(suite, encoding="unicode")) is None
    assert needs_replacing >= 4  # the stages, keys, claims files and a control-character name


# -- GitHub -------------------------------------------------------------------------------
def _assert_only_our_commands(text: str, expected_commands: int) -> None:
    # The runner reads a command per line; it splits lines at CR and LF, nothing else.
    lines = [line for line in re.split(r"\r\n|\r|\n", text) if line]
    commands = [line for line in lines if line.startswith("::")]
    for line in commands:
        assert GITHUB_COMMAND.fullmatch(line), line[:300]
    assert len(commands) == expected_commands
    others = [line for line in lines if not line.startswith("::")]
    assert all(line.startswith("funnelcheck: ") for line in others), others[:3]


def test_github_annotations_start_no_extra_workflow_command(
    naughty: dict[str, Any], cli_outputs: dict[str, str], engine_report: Any
) -> None:
    # Every finding, not only the 10 per level GitHub shows, so that each string is seen.
    unlimited = render(engine_report, "github", naughty["root"], per_level=10**9)
    _assert_only_our_commands(unlimited, len(engine_report.findings()))
    shown = sum(min(10, n) for n in Counter(f.severity for f in engine_report.findings()).values())
    _assert_only_our_commands(cli_outputs["github"], shown)


# -- GitLab -------------------------------------------------------------------------------
def test_gitlab_report_parses_with_one_entry_per_finding(
    cli_outputs: dict[str, str], engine_report: Any
) -> None:
    entries = json.loads(cli_outputs["gitlab"])
    assert len(entries) == len(engine_report.findings())
    assert len({e["fingerprint"] for e in entries}) == len(entries)
    for entry, (_, _, _, _, message) in zip(entries, _messages(engine_report), strict=True):
        assert entry["description"].startswith(message)


# -- Markdown -----------------------------------------------------------------------------
def test_markdown_tables_keep_their_shape(cli_outputs: dict[str, str], engine_report: Any) -> None:
    text = cli_outputs["markdown"]
    lines = text.split("\n")
    rows = [line for line in lines if line.startswith("|")]
    # A comment holds at most 65,536 characters: the report shows the rows that fit and
    # says how many more there are.
    assert len(text) <= 65_536
    note = re.search(r"^(\d+) more findings? (?:is|are) not shown", text, re.MULTILINE)
    left_out = int(note.group(1)) if note else 0
    tables = sum(1 for row in rows if row.startswith("| severity |"))
    # A header and a delimiter per table, then one row per finding shown, each one line.
    assert len(rows) == 2 * tables + len(engine_report.findings()) - left_out
    for row in rows:
        assert row.count("|") == 6, row[:300]
        assert row.endswith(" |")
    # A heading per table shown is one line that starts a heading, nothing else does.
    headings = [line for line in lines if line.startswith("#")]
    assert len(headings) == 1 + tables


# -- the table ----------------------------------------------------------------------------
def test_table_prints_no_control_character_from_the_input(
    naughty: dict[str, Any], cli_outputs: dict[str, str], engine_report: Any
) -> None:
    table = cli_outputs["table"]
    found = TERMINAL_CONTROL.search(table)
    assert found is None, repr(table[max(0, found.start() - 80) : found.end() + 80])
    assert "\u202e" not in table and "\u2066" not in table  # bidi overrides shown as escapes
    # The strings are there (the escape sequences only shown), e.g. the stage names.
    assert "Roses are \\u001b[0;31mred" in table
    # Each file's heading is one line: a line break in a file name is shown as a space.
    headings = [line for line in table.split("\n") if line.startswith("strategies" + os.sep)]
    assert len(headings) == len(engine_report.files)
