"""The installed package, not the source tree: an editable install hides a missing file."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The new environment's own: a PYTHONPATH naming a source tree would hide the wheel.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


@pytest.mark.slow
def test_wheel_carries_the_schemas_and_runs_from_a_fresh_environment(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("funnelcheck-*.whl"))
    env_dir = tmp_path / "env"
    # The runtime dependencies come from the test environment's site-packages (no network,
    # nothing installed globally): a .pth file names them. `system_site_packages` would name
    # the base interpreter's, which has none of them in a fresh clone. A .pth in a folder a
    # .pth names is not read, so the test environment's editable funnelcheck stays out;
    # funnelcheck itself comes from the wheel, which the check below proves.
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    env_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
        env=ENV,
    ).stdout.strip()
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(env_site) / "test-environment.pth").write_text("\n".join(ours) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        cwd=tmp_path,
    )
    where = subprocess.run(
        [str(python), "-c", "import funnelcheck; print(funnelcheck.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=ENV,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir), f"funnelcheck imported from {where}"

    script = env_dir / "bin" / "funnelcheck"
    for name in ("strategy", "config", "report"):
        shown = subprocess.run(
            [str(script), "schema", name],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=ENV,
        )
        assert json.loads(shown.stdout)["$schema"].startswith("https://json-schema.org/")
    sample = ROOT / "sample_strategies" / "ledgerline.yaml"
    checked = subprocess.run(
        [str(script), "check", "--as-of", "2026-11-22", "-f", "json", str(sample)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=ENV,
    )
    assert checked.returncode == 1, checked.stderr
    codes = {f["code"] for f in json.loads(checked.stdout)["files"][0]["findings"]}
    assert "FC201" in codes
