"""A price key that means nothing where it stands is said, not read past (FC012), as a user
meets it: `funnelcheck check FILE` in a terminal and in CI, with the file, line and fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import AS_OF, EXAMPLE, run

TEXT = EXAMPLE.read_text(encoding="utf-8")
PLAN = "    - {id: team, amount: 499, per: month, includes: [auto-match, journal-sync]}\n"
# The monthly plan, financed as if it were bought once (line 54 of the file).
FINANCED = TEXT.replace(
    PLAN,
    "    - id: team\n"
    "      amount: 499\n"
    "      per: month\n"
    "      includes: [auto-match, journal-sync]\n"
    "      financing: {periods: 12, per: month}\n",
)


def test_the_sample_plan_is_replaced() -> None:
    assert PLAN in TEXT and "financing: {periods: 12" in FINANCED


@pytest.mark.slow
def test_financing_on_a_monthly_plan_names_file_line_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "strategy.yaml"
    path.write_text(FINANCED, encoding="utf-8")
    line = FINANCED.splitlines().index("      financing: {periods: 12, per: month}") + 1
    proc = run("check", "--as-of", AS_OF, "--format", "github", str(path))
    [annotation] = [a for a in proc.stdout.splitlines() if "FC012" in a]
    assert annotation.startswith(f"::warning file={path},line={line},")
    assert "`financing` on plan `team` does nothing" in annotation
    assert "billed per month" in annotation and "`per: once`" in annotation
    assert "or remove `financing`" in annotation
    # A warning: the file checks as before at the default threshold, fails at warning.
    before = run("check", "--as-of", AS_OF, "--format", "json", str(EXAMPLE))
    after = run("check", "--as-of", AS_OF, "--format", "json", str(path))
    assert after.returncode == before.returncode
    codes = [f["code"] for f in json.loads(after.stdout)["files"][0]["findings"]]
    assert codes.count("FC012") == 1
    failing = run("check", "--as-of", AS_OF, "--fail-on", "warning", "--select", "FC012", str(path))
    assert failing.returncode == 1
    assert "FC012" in failing.stdout and f"{line}:" in failing.stdout


def test_financing_on_a_device_bought_once_is_its_instalments(tmp_path: Path) -> None:
    device = TEXT.replace(
        PLAN,
        PLAN.replace(
            "includes:",
            "components: [{fee: device, amount: 1445, per: once, "
            "financing: {periods: 39, per: month}}], includes:",
        ),
    )
    assert "fee: device" in device
    path = tmp_path / "device.yaml"
    path.write_text(device, encoding="utf-8")
    proc = run("check", "--as-of", AS_OF, "--select", "FC012", "--format", "json", str(path))
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["files"][0]["findings"] == []
