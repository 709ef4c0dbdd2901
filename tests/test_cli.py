"""The commands as a user types them: real processes, real files, exit codes included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_strategies"
EXAMPLE = SAMPLES / "ledgerline.yaml"
AS_OF = "2026-11-22"


def run(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "funnelcheck", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )
    out = subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback" not in out.stderr, out.stderr
    return out


def check_json(*args: str, **kw: object) -> tuple[int, dict[str, object]]:
    proc = run("check", "--as-of", AS_OF, "--format", "json", *args, **kw)  # type: ignore[arg-type]
    return proc.returncode, json.loads(proc.stdout)


def codes(document: dict[str, object]) -> list[str]:
    return [f["code"] for file in document["files"] for f in file["findings"]]  # type: ignore[index, union-attr]


def test_version_and_module_entry_point() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("funnelcheck ")


def test_samples_print_tables_and_exit_1_for_the_input_mistakes() -> None:
    proc = run("check", "sample_strategies/", "--as-of", AS_OF)
    assert proc.returncode == 1
    assert "sample_strategies/input-mistakes.yaml" in proc.stdout
    assert "FC004" in proc.stdout and "FC005" in proc.stdout
    assert "The relay" in proc.stdout
    assert (
        proc.stdout.rstrip()
        .splitlines()[-1]
        .startswith(f"{len(list(SAMPLES.glob('*.yaml')))} files")
    )
    assert "\x1b[" not in proc.stdout, "piped output carries no escape codes"


def test_json_report_validates_against_the_published_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    rc, document = check_json("sample_strategies/")
    assert rc == 1
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = list(validator.iter_errors(document))
    assert not errors, errors[0].message
    assert document["summary"]["files"] == len(list(SAMPLES.glob("*.yaml")))  # type: ignore[index]


def test_format_page_example_has_no_input_finding() -> None:
    _rc, document = check_json(str(EXAMPLE))
    input_codes = [c for c in codes(document) if c < "FC100"]
    assert input_codes == []


def test_json_is_byte_identical_across_runs() -> None:
    first = run("check", "--as-of", AS_OF, "-f", "json", "sample_strategies/").stdout
    second = run("check", "--as-of", AS_OF, "-f", "json", "sample_strategies/").stdout
    assert first == second


def test_stdin_with_a_name_for_reports() -> None:
    proc = run(
        "check",
        "-",
        "--stdin-filename",
        "from-pipe.yaml",
        "--as-of",
        AS_OF,
        "-f",
        "json",
        stdin=EXAMPLE.read_bytes(),
    )
    document = json.loads(proc.stdout)
    assert [f["file"] for f in document["files"]] == ["from-pipe.yaml"]
    assert "FC201" in codes(document)


def test_glob_patterns_expand(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    _rc, document = check_json(str(tmp_path / "*.yaml"))
    assert [Path(f["file"]).name for f in document["files"]] == ["a.yaml", "b.yaml"]  # type: ignore[index, union-attr]


def test_directory_walk_passes_over_yaml_that_is_not_a_strategy(tmp_path: Path) -> None:
    (tmp_path / "strategy.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("funnelcheck: 1\n", encoding="utf-8")
    _rc, document = check_json(str(tmp_path))
    assert [Path(f["file"]).name for f in document["files"]] == ["strategy.yaml"]  # type: ignore[index, union-attr]


def test_a_file_named_on_the_command_line_is_always_checked(tmp_path: Path) -> None:
    ci = tmp_path / "ci.yml"
    ci.write_text("on: push\n", encoding="utf-8")
    rc, document = check_json(str(ci))
    assert rc == 1
    assert "FC002" in codes(document)


def test_directory_with_no_strategy_exits_2(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("on: push\n", encoding="utf-8")
    proc = run("check", str(tmp_path))
    assert proc.returncode == 2
    assert "no strategy found" in proc.stderr


def test_missing_path_exits_2_and_the_others_are_still_checked(tmp_path: Path) -> None:
    proc = run("check", "--as-of", AS_OF, "-f", "json", str(EXAMPLE), str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2
    document = json.loads(proc.stdout)
    files = {Path(f["file"]).name: f for f in document["files"]}
    assert files["ledgerline.yaml"]["findings"]
    assert "no such file" in files["nope.yaml"]["error"]
    assert "nope.yaml" in proc.stderr


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", "FC002", "empty"),
        (b"- a\n- b\n", "FC002", "list"),
        (b"just text\n", "FC002", "text"),
        (b"funnelcheck: 1\n---\nfunnelcheck: 1\n", "FC001", "more than one YAML document"),
        (b"funnelcheck: 1\nproduct: \xff\xfe broken\n", "FC001", "UTF-8"),
        (b"\x00\x01\x02\x03binary\x00", "FC001", ""),
        (b"problem: [unclosed\n", "FC001", "YAML syntax"),
    ],
)
def test_bad_input_gets_a_finding_not_a_traceback(
    tmp_path: Path, content: bytes, code: str, words: str
) -> None:
    target = tmp_path / "bad.yaml"
    target.write_bytes(content)
    rc, document = check_json(str(target))
    assert rc == 1
    findings = document["files"][0]["findings"]  # type: ignore[index]
    assert [f["code"] for f in findings] == [code]
    assert words.lower() in findings[0]["message"].lower()
    assert findings[0]["line"] >= 1


def test_fail_on_thresholds() -> None:
    clean = SAMPLES / "clean-b2b-saas.yaml"
    assert run("check", "--as-of", AS_OF, str(clean)).returncode == 0
    assert run("check", "--as-of", AS_OF, "--fail-on", "info", str(clean)).returncode == 1
    assert run("check", "--as-of", AS_OF, "--fail-on", "never", str(EXAMPLE)).returncode == 0
    assert run("check", "--as-of", AS_OF, "--fail-on", "error", str(EXAMPLE)).returncode == 1
    assert run("check", "--as-of", AS_OF, "--exit-zero", str(EXAMPLE)).returncode == 0


def test_usage_errors_exit_2() -> None:
    assert run("check", "--fail-on", "sometimes", str(EXAMPLE)).returncode == 2
    assert run("check", "--as-of", "2026-02-30", str(EXAMPLE)).returncode == 2
    assert run("check", "--format", "yaml", str(EXAMPLE)).returncode == 2
    assert run("check").returncode == 2


def test_output_file_and_quiet(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = run("check", "--as-of", AS_OF, "-f", "json", "-o", str(out), str(EXAMPLE))
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] >= 1
    quiet = run("check", "--as-of", AS_OF, "-q", str(SAMPLES))
    assert "The relay" not in quiet.stdout and "FC005" in quiet.stdout


def test_colour_follows_the_flag_and_no_color() -> None:
    coloured = run("check", "--as-of", AS_OF, "--color", "always", str(EXAMPLE))
    assert "\x1b[" in coloured.stdout
    plain = run("check", "--as-of", AS_OF, "--color", "never", str(EXAMPLE))
    assert "\x1b[" not in plain.stdout
    no_color = run("check", "--as-of", AS_OF, str(EXAMPLE), env={"NO_COLOR": "1"})
    assert "\x1b[" not in no_color.stdout


def test_table_never_cuts_a_message_short() -> None:
    _rc, document = check_json(str(EXAMPLE))
    table = run("check", "--as-of", AS_OF, str(EXAMPLE)).stdout
    flat = " ".join(table.split())
    for file in document["files"]:  # type: ignore[union-attr]
        for finding in file["findings"]:
            words = finding["message"].split()
            assert words[-1] in flat and words[0] in flat


def test_schema_command_prints_the_strategy_schema() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["$schema"].startswith("https://json-schema.org/")


def test_rules_and_explain() -> None:
    listing = json.loads(run("rules", "--format", "json").stdout)
    assert {r["code"] for r in listing} >= {"FC001", "FC101", "FC201", "FC701"}
    page = run("explain", "FC103")
    assert page.returncode == 0 and "handoff-drift" in page.stdout
    assert run("explain", "handoff-drift").stdout == page.stdout
    unknown = run("explain", "FC1O3")
    assert unknown.returncode == 2 and "did you mean" in unknown.stderr
