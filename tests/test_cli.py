"""The commands as a user types them: real processes, real files, exit codes included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def check_json(*args: str, **kw: Any) -> tuple[int, dict[str, object]]:
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
    rc, document = check_json("sample_strategies/", "--statistics")
    assert rc == 1
    assert document["statistics"], "--statistics puts its block in the JSON report"
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


@pytest.mark.slow
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


def test_stdin_filename_picks_that_files_configuration(tmp_path: Path) -> None:
    legacy = tmp_path / "strats" / "legacy"
    legacy.mkdir(parents=True)
    (tmp_path / ".funnelcheck.yaml").write_text(
        "per-file:\n  'strats/legacy/**': {ignore: [FC201]}\n", encoding="utf-8"
    )
    proc = run(
        "check",
        "-",
        "--stdin-filename",
        "strats/legacy/x.yaml",
        "--as-of",
        AS_OF,
        "-f",
        "json",
        stdin=EXAMPLE.read_bytes(),
        cwd=tmp_path,
    )
    assert "FC201" not in codes(json.loads(proc.stdout))


def test_a_large_data_file_in_a_walk_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "strategy.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "big.yaml").write_text("".join(f"key{i}: v\n" for i in range(700_000)))
    assert (tmp_path / "big.yaml").stat().st_size > 5_000_000
    _rc, document = check_json(str(tmp_path))
    assert [Path(f["file"]).name for f in document["files"]] == ["strategy.yaml"]  # type: ignore[index, union-attr]
    assert "FC007" not in codes(document)


def test_a_misspelt_required_key_is_one_finding(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("\nstages:", "\nStages:"), encoding="utf-8"
    )
    _rc, document = check_json(str(target))
    found = codes(document)
    assert "FC004" in found
    assert not any(c.startswith(("FC4", "FC5")) for c in found), found


def test_a_tab_is_explained(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_text("funnelcheck: 1\nproduct:\n\tname: x\n", encoding="utf-8")
    _rc, document = check_json(str(target))
    finding = document["files"][0]["findings"][0]  # type: ignore[index]
    assert finding["code"] == "FC001" and (finding["line"], finding["column"]) == (3, 1)
    assert "tab" in finding["message"]


def test_a_glob_checks_the_strategies_among_its_matches(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    _rc, document = check_json(str(tmp_path / "*.yaml"))
    assert [Path(f["file"]).name for f in document["files"]] == ["s.yaml"]  # type: ignore[index, union-attr]


def test_skip_non_strategies_with_nothing_to_check_is_clean(tmp_path: Path) -> None:
    ci = tmp_path / "ci.yml"
    ci.write_text("on: push\n", encoding="utf-8")
    proc = run("check", "--skip-non-strategies", str(ci))
    assert proc.returncode == 0 and "nothing to check" in proc.stderr


def test_select_takes_commas_and_repeats() -> None:
    _rc, document = check_json("--select", "FC201,FC302", "--select", "FC101", str(EXAMPLE))
    assert set(codes(document)) == {"FC201", "FC302", "FC101"}


def test_two_reports_to_one_file_is_a_usage_error(tmp_path: Path) -> None:
    out = str(tmp_path / "x")
    proc = run("check", str(EXAMPLE), "-f", f"sarif:{out}", "-f", f"json:{out}")
    assert proc.returncode == 2 and "same file" in proc.stderr
    lone = run("check", str(EXAMPLE), "-f", f"sarif:{out}", "-o", out + "2")
    assert lone.returncode == 2 and "every --format already names its file" in lone.stderr


def test_walked_files_are_named_without_dot_slash(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_bytes(EXAMPLE.read_bytes())
    _rc, document = check_json(".", cwd=tmp_path)
    assert [f["file"] for f in document["files"]] == ["s.yaml"]  # type: ignore[index, union-attr]


def test_the_table_lists_baseline_entries_that_no_longer_occur(tmp_path: Path) -> None:
    strategy = tmp_path / "s.yaml"
    strategy.write_bytes(EXAMPLE.read_bytes())
    run("check", "s.yaml", "--as-of", AS_OF, "--write-baseline", "b.json", cwd=tmp_path)
    strategy.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("$399 a month", "$499 a month"),
        encoding="utf-8",
    )
    proc = run("check", "s.yaml", "--as-of", AS_OF, "--baseline", "b.json", cwd=tmp_path)
    assert "1 baseline entry no longer occur" in proc.stdout
    assert "FC302" in proc.stdout


def test_a_crashing_plugin_rule_is_named(tmp_path: Path) -> None:
    dist = tmp_path / "site"
    (dist / "crashy").mkdir(parents=True)
    (dist / "crashy" / "__init__.py").write_text(
        "from funnelcheck.rules.base import Rule\n"
        "from funnelcheck.findings import Severity\n"
        "class Crashy(Rule):\n"
        "    '''Always fails.'''\n"
        "    code = 'FC901'\n    name = 'crashy'\n    severity = Severity.WARNING\n"
        "    def check(self, strategy, options):\n"
        "        raise ZeroDivisionError('boom')\n",
        encoding="utf-8",
    )
    info = dist / "crashy-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: crashy\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[funnelcheck.rules]\ncrashy = crashy:Crashy\n")
    env = {"PYTHONPATH": str(dist)}
    # FC010 on the file, naming the rule and how to go on; the other rules still report.
    proc = run("check", str(EXAMPLE), "-f", "json", env=env)
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    [failed] = [f for f in findings if f["code"] == "FC010"]
    assert "FC901" in failed["message"] and "crashy" in failed["message"]
    assert "--no-plugins" in failed["message"] and "ZeroDivisionError" in failed["message"]
    assert {"FC201", "FC302"} <= {f["code"] for f in findings}
    assert run("check", str(EXAMPLE), "--no-plugins", env=env).returncode == 1
