"""A missing `../shared` skips with a reason in a plain clone and fails under CI=true.

The tests that read the shared corpora and spec are run in a pytest of their own, with
`FUNNELCHECK_SHARED` pointing at a folder that does not exist, once as a plain clone and
once as CI; and no test builds its own path to `../shared` (that would bypass the rule).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: One test per way the shared material is reached: the reporters' and the hostile tests'
#: helpers, module-level use, the spec pages, a session fixture, and an optional corpus.
NEEDING_SHARED = (
    "tests/reporters/test_sarif.py::test_valid_against_the_oasis_schema",
    "tests/reporters/test_junit.py::test_valid_against_both_schemas",
    "tests/reporters/test_json.py::test_every_naughty_string_is_written_as_one_json_dumps_writes_it",
    "tests/hostile/test_yaml_test_suite.py::test_every_case_ends_in_a_finding_or_a_message",
    "tests/test_story.py::test_the_stop_list_covers_the_snowball_english_list",
    "tests/test_schema.py::test_the_sample_is_the_format_page_example_unchanged",
    "tests/rules/test_registry.py::test_the_catalog_is_implemented",
)
#: Runs in a plain clone without the corpus (a narrower check), fails under CI without it.
WIDENED_BY_SHARED = "tests/test_story.py::test_the_c_stemmer_gives_the_pure_python_stems"


PYTEST = (sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rsf")


def _pytest(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env["FUNNELCHECK_SHARED"] = str(tmp_path / "no-shared-here")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [*PYTEST, *NEEDING_SHARED, WIDENED_BY_SHARED],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_a_plain_clone_skips_them_naming_the_missing_path(tmp_path: Path) -> None:
    proc = _pytest(tmp_path, ci=None)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    assert f"1 passed, {len(NEEDING_SHARED)} skipped" in summary, proc.stdout
    skips = [line for line in proc.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skips) == len(NEEDING_SHARED)
    for line in skips:
        assert "shared corpus absent" in line and "no-shared-here" in line, line


@pytest.mark.slow
def test_under_ci_a_missing_corpus_is_a_failure_never_a_skip(tmp_path: Path) -> None:
    proc = _pytest(tmp_path, ci="true")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    # A test whose fixture reads the corpus fails in its setup: pytest calls that an error.
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", summary)}
    assert counts.get("failed", 0) + counts.get("error", 0) == len(NEEDING_SHARED) + 1, summary
    assert set(counts) <= {"failed", "error", "in"}, summary
    assert "under CI=true a missing corpus is a failure" in proc.stdout


def test_no_test_reaches_shared_but_through_the_one_helper() -> None:
    own_path = re.compile(
        r"""["']shared["']\s*/\s*["'](corpora|spec)|["']corpora["']\s*/|shared/(corpora|spec)"""
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if path.name not in ("corpora.py", Path(__file__).name)
        and any(
            own_path.search(line) and not line.lstrip().startswith("#")
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
