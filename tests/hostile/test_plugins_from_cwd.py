"""Plugins load only from installed distributions: never from the working directory.

Issue 12, item 3: `python -m funnelcheck relay` imported a `*.dist-info` planted in the
current directory and ran its code. A repository under review may hold anything: here it
plants distributions declaring rule and reporter plugins, and modules named after the
libraries funnelcheck imports, each of which would create a canary file if it ran. Every
command is run from that repository (and on a strategy in it from elsewhere); no canary
may appear. `relay`, `explain`, `rules` and `config` take `--no-plugins` as `check` does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import AS_OF, ROOT, base_strategy, run_cli, to_yaml

#: Modules funnelcheck imports lazily or at start: a file of that name in the working
#: directory must not be the one imported.
SHADOWED = ("typer", "rich", "jsonschema", "pathspec", "Stemmer", "snowballstemmer", "evil")


def _plant(folder: Path, canary: Path) -> None:
    payload = f"open({str(canary)!r}, 'a').write(__name__ + '\\n')\n"
    for module in SHADOWED:
        (folder / f"{module}.py").write_text(payload + "class Evil: pass\n", encoding="utf-8")
    info = folder / "evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[funnelcheck.rules]\nevil = evil:Evil\n\n[funnelcheck.reporters]\nevil = evil:Evil\n"
    )
    (folder / "s.yaml").write_text(to_yaml(base_strategy()), encoding="utf-8")


COMMANDS = [
    ("check", "s.yaml", "--as-of", AS_OF),
    ("check", ".", "--as-of", AS_OF, "-f", "json"),
    ("check", "s.yaml", "--as-of", AS_OF, "-f", "evil"),
    ("relay", "s.yaml", "--as-of", AS_OF),
    ("rules",),
    ("rules", "-f", "json"),
    ("explain", "FC101"),
    ("explain", "evil"),
    ("config", "s.yaml"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("pythonpath", ["default", "dot", "empty-entry"])
def test_nothing_planted_in_the_working_directory_runs(
    tmp_path: Path, args: tuple[str, ...], pythonpath: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    canary = tmp_path / "canary"
    _plant(repo, canary)
    # Even where the user's PYTHONPATH names the working directory ("." or an empty
    # entry), a repository's content is not an installed distribution.
    extra = {"default": "", "dot": ":.", "empty-entry": ":"}[pythonpath]
    proc = run_cli(*args, cwd=repo, env={"PYTHONPATH": f"{ROOT}{extra}"})
    assert not canary.exists(), canary.read_text()
    if args[-1] == "evil":
        assert proc.returncode == 2  # no such format / rule: it was never loaded
    else:
        assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    if args[:3] == ("rules", "-f", "json"):
        assert "evil" not in {rule["name"] for rule in json.loads(proc.stdout)}


def test_nothing_planted_beside_the_strategy_runs(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    canary = tmp_path / "canary"
    _plant(repo, canary)
    for args in (("check", str(repo / "s.yaml")), ("relay", str(repo / "s.yaml"))):
        proc = run_cli(*args, "--as-of", AS_OF, cwd=tmp_path)
        assert proc.returncode in (0, 1)
    assert not canary.exists()


# -- --no-plugins everywhere ------------------------------------------------------------------
@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    """An installed (PYTHONPATH) plugin that fails to load."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "brokenplugin.py").write_text("raise ImportError('the plugin is broken')\n")
    info = site / "brokenplugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: brokenplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[funnelcheck.rules]\nbroken = brokenplugin:Rule\n")
    (tmp_path / "s.yaml").write_text(to_yaml(base_strategy()), encoding="utf-8")
    return site


@pytest.mark.parametrize(
    "args",
    [
        ("check", "s.yaml", "--as-of", AS_OF),
        ("relay", "s.yaml", "--as-of", AS_OF),
        ("rules",),
        ("explain", "FC101"),
        ("config", "s.yaml"),
    ],
    ids=lambda a: a[0],
)
def test_every_command_takes_no_plugins(
    tmp_path: Path, broken_site: Path, args: tuple[str, ...]
) -> None:
    env = {"PYTHONPATH": f"{ROOT}:{broken_site}"}
    proc = run_cli(*args, cwd=tmp_path, env=env)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "the plugin is broken" in err and "--no-plugins" in err
    proc = run_cli(*args, "--no-plugins", cwd=tmp_path, env=env)
    assert proc.returncode in (0, 1), proc.stderr.decode()
