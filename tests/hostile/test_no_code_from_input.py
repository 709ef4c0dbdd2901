"""No code from input: YAML tags never construct, configs name no module, plugins are opt-out.

Each payload, if it were ever constructed, would create a canary file; the tests check the
finding (FC007, or a configuration error) and that the canary does not exist.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import AS_OF, ROOT, base_strategy, check_paths, checker, run_cli, to_yaml

from funnelcheck.config import ConfigError


def _payloads(canary: Path) -> dict[str, str]:
    touch = f'["touch {canary}"]'
    return {
        "apply.yaml": f"funnelcheck: 1\nx: !!python/object/apply:os.system {touch}\n",
        "apply-key.yaml": f"funnelcheck: 1\n? !!python/object/apply:os.system {touch}\n: 1\n",
        "new.yaml": f"funnelcheck: 1\nx: !!python/object/new:os.system {touch}\n",
        "name.yaml": "funnelcheck: 1\nx: !!python/name:os.system\n",
        "module.yaml": "funnelcheck: 1\nx: !!python/module:os\n",
        "object-mapping.yaml": (
            f"funnelcheck: 1\nx: !!python/object:subprocess.Popen\n  args: [touch, '{canary}']\n"
        ),
        "apply-block.yaml": (
            f"funnelcheck: 1\nx: !!python/object/apply:os.system\n  - touch {canary}\n"
        ),
        "verbatim.yaml": (
            f"funnelcheck: 1\nx: !<tag:yaml.org,2002:python/object/apply:os.system> {touch}\n"
        ),
        "tag-directive.yaml": (
            "%TAG !py! tag:yaml.org,2002:python/\n---\n"
            f"funnelcheck: 1\nx: !py!object/apply:os.system {touch}\n"
        ),
        "in-a-stage.yaml": to_yaml(base_strategy()).replace(
            '"pitch": "Payouts reconcile against your ledger."',
            f'"pitch": !!python/object/apply:os.system {touch}',
        ),
        "behind-an-alias.yaml": (
            f"funnelcheck: 1\nbase: &evil !!python/object/apply:os.system {touch}\nx: *evil\n"
        ),
    }


def test_python_tags_never_construct(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    paths = []
    for name, text in _payloads(canary).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    report = check_paths(paths)
    for result in report.files:
        refusals = [f.message for f in result.findings if f.code == "FC007"]
        assert len(refusals) == 1, (result.file, [f.code for f in result.findings])
        assert "refused, never constructed" in refusals[0]
    assert not canary.exists()


def test_python_tags_never_construct_through_the_cli(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    for name, text in _payloads(canary).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run_cli("check", ".", "--as-of", AS_OF, "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1
    document = json.loads(proc.stdout)
    assert len(document["files"]) == len(_payloads(canary))
    for file in document["files"]:
        assert "FC007" in {f["code"] for f in file["findings"]}, file["file"]
    assert not canary.exists()


# -- configuration ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "config",
    [
        "select: !!python/object/apply:os.system ['touch {canary}']\n",
        "rules: !!python/object/new:os.system ['touch {canary}']\n",
        "extends: base.yaml\n",  # the tag is in the base
        "select: ['os.system', 'os:system']\n",  # names that would import, read as rules
        "rules: {{'os:system': {{}}}}\n",
    ],
)
def test_a_config_file_cannot_load_a_module(tmp_path: Path, config: str) -> None:
    canary = tmp_path / "canary"
    (tmp_path / "base.yaml").write_text(f"ignore: !!python/name:os.system ['{canary}']\n")
    (tmp_path / ".funnelcheck.yaml").write_text(config.format(canary=canary))
    strategy = tmp_path / "s.yaml"
    strategy.write_text(to_yaml(base_strategy()), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        checker().resolver.for_file(str(strategy))
    assert ".funnelcheck.yaml" in str(caught.value) or "base.yaml" in str(caught.value)
    assert not canary.exists()


# -- rule plugins -------------------------------------------------------------------------
PLUGIN = '''
from funnelcheck.findings import Issue, Severity
from funnelcheck.rules.base import Rule


class FakeRule(Rule):
    """A plugin's rule: says it ran."""

    code = "FC990"
    name = "fake-plugin"
    severity = Severity.WARNING

    def check(self, strategy, options):
        yield Issue(path=(), message="the fake plugin ran")
'''


def _distribution(site: Path, name: str, module_text: str, entry: str) -> None:
    """A tiny installed distribution: a module and a dist-info with one entry point."""
    (site / f"{name}.py").write_text(module_text)
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[funnelcheck.rules]\n{entry}\n")


@pytest.fixture
def sites(tmp_path: Path) -> dict[str, Path]:
    good, broken = tmp_path / "good-site", tmp_path / "broken-site"
    good.mkdir()
    broken.mkdir()
    _distribution(good, "fakeplugin", PLUGIN, "fake = fakeplugin:FakeRule")
    _distribution(
        broken, "brokenplugin", "raise ImportError('no such thing')\n", "broken = brokenplugin:Rule"
    )
    return {"good": good, "broken": broken}


def _plugin_run(site: Path, *extra: str) -> tuple[int, str, str]:
    proc = run_cli(
        "check",
        str(ROOT / "sample_strategies" / "ledgerline.yaml"),
        "--as-of",
        AS_OF,
        "-f",
        "json",
        *extra,
        env={"PYTHONPATH": f"{ROOT}:{site}"},
    )
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_an_installed_plugin_runs_and_no_plugins_turns_it_off(sites: dict[str, Path]) -> None:
    code, out, _ = _plugin_run(sites["good"])
    assert code == 1
    messages = [
        f["message"] for f in json.loads(out)["files"][0]["findings"] if f["code"] == "FC990"
    ]
    assert messages == ["the fake plugin ran"]
    code, out, _ = _plugin_run(sites["good"], "--no-plugins")
    assert code == 1
    assert "FC990" not in {f["code"] for f in json.loads(out)["files"][0]["findings"]}


def test_a_broken_plugin_is_exit_2_with_a_message(sites: dict[str, Path]) -> None:
    code, out, err = _plugin_run(sites["broken"])
    assert code == 2 and out == ""
    assert "rule plugin 'broken'" in err and "no such thing" in err
    assert "--no-plugins" in err  # and it says how to go on


def test_no_plugins_checks_without_the_broken_plugin(
    sites: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from funnelcheck.rules import RuleLoadError, all_rules, plugin_rules

    monkeypatch.syspath_prepend(str(sites["broken"]))
    plugin_rules.cache_clear()
    try:
        with pytest.raises(RuleLoadError):
            all_rules(plugins=True)
        assert "FC101" in all_rules(plugins=False)
    finally:
        plugin_rules.cache_clear()


def test_a_module_on_the_path_is_not_a_plugin_without_an_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only installed entry points load: a rule module lying on sys.path does not."""
    from funnelcheck.rules import all_rules, plugin_rules

    (tmp_path / "fakeplugin.py").write_text(PLUGIN)
    (tmp_path / "funnelcheck_rules.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin_rules.cache_clear()
    try:
        assert "FC990" not in all_rules(plugins=True)
    finally:
        plugin_rules.cache_clear()
