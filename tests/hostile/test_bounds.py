"""Bounds: what one file may make the checker do. Each refusal is FC007, never a crash.

The figures (how fast each refusal is, how the time grows with the stages) come from
`tests/benchmarks/bounds.py`; these tests assert what a user sees, with a hang guard.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hostile_support import AS_OF, BOMB, base_strategy, check_paths, run_cli, to_yaml

#: Any one check here that takes this long is a hang (not a timing assertion).
HANG_GUARD = 120


class _Hung(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hung("the check did not end within the hang guard")


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(HANG_GUARD)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check(path: Path, config: str | None = None) -> Any:
    from hostile_support import checker

    report = check_paths([path], checker(config=config))
    assert not report.errors()
    return report.files[0]


def _refusals(result: Any) -> list[str]:
    return [f.message for f in result.findings if f.code == "FC007"]


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    result = _check(path)
    (message,) = _refusals(result)
    assert "alias" in message and "100,000" in message
    assert result.relay is None  # nothing was built from it


def test_aliases_below_the_bound_are_read(tmp_path: Path) -> None:
    """The bound counts expanded values; an ordinary anchor reused a few times is fine."""
    text = to_yaml(base_strategy()).replace(
        '"audience":\n      - "economic_buyer"', '"audience": &buyers\n      - "economic_buyer"', 1
    )
    text = text.replace('"audience":\n      - "user"', '"audience": *buyers', 1)
    path = tmp_path / "anchors.yaml"
    path.write_text(text, encoding="utf-8")
    result = _check(path)
    assert not _refusals(result)
    assert {f.code for f in result.findings}.isdisjoint({"FC001", "FC002"})


def test_a_file_over_5_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    filler = "  " + "x" * 78 + "\n"
    path.write_text("funnelcheck: 1\nnotes: |\n" + filler * (5_000_000 // len(filler) + 1))
    (message,) = _refusals(_check(path))
    assert "over the limit of 5,000,000" in message
    assert "max-file-bytes" in message  # it says how to raise it


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "strategy.yaml"
    path.write_text(to_yaml(base_strategy()), encoding="utf-8")
    size = path.stat().st_size
    (tmp_path / ".funnelcheck.yaml").write_text(f"max-file-bytes: {size - 1}\n")
    (message,) = _refusals(_check(path))
    assert f"{size - 1:,}" in message
    (tmp_path / ".funnelcheck.yaml").write_text(f"max-file-bytes: {size}\n")
    assert not _refusals(_check(path))


def _nested(depth: int) -> str:
    """A strategy-looking mapping holding `depth` collections in all, the root included."""
    return "funnelcheck: 1\nx: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


def test_nesting_is_bounded_at_200_levels(tmp_path: Path) -> None:
    at_bound, over = tmp_path / "200.yaml", tmp_path / "201.yaml"
    at_bound.write_text(_nested(200))
    over.write_text(_nested(201))
    assert not _refusals(_check(at_bound))
    (message,) = _refusals(_check(over))
    assert "more than 200 levels" in message


def test_a_parser_that_refuses_deep_nesting_itself_gives_fc007(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml 0.2.5 and later refuse deep nesting in the scanner ("exceeded maximum nesting
    depth"), before our count of the events sees it; older ones leave it to our bound.
    Whichever layer notices first, the user sees FC007: here the parser always does."""
    import yaml

    from funnelcheck.input import load

    real = load._parser

    class _Refusing:
        def __init__(self, text: str) -> None:
            self._inner = real(text)
            self._events = 0

        def get_event(self) -> Any:
            self._events += 1
            if self._events > 3:
                mark = yaml.Mark("<file>", 0, 1, 7, None, None)
                raise yaml.scanner.ScannerError(
                    "while increasing flow level", mark, "exceeded maximum nesting depth", mark
                )
            return self._inner.get_event()

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

    monkeypatch.setattr(load, "_parser", _Refusing)
    path = tmp_path / "deep.yaml"
    path.write_text(_nested(20))
    result = _check(path)
    assert [f.code for f in result.findings] == ["FC007"]
    (message,) = _refusals(result)
    assert "more than 200 levels" in message
    assert (result.findings[0].location.line, result.findings[0].location.column) == (2, 8)


def test_deep_nesting_in_process_raises_no_recursion_error(tmp_path: Path) -> None:
    # Deeper than Python's recursion limit: a recursive loader would fail here.
    path = tmp_path / "deep.yaml"
    path.write_text("? " * 5_000 + "x\n" + "- " * 5_000 + "x\n")
    assert _refusals(_check(path))


def test_very_deep_nesting_is_refused_without_crashing_the_process(tmp_path: Path) -> None:
    """libyaml's composer died near 30,000 levels (SIGSEGV) before libyaml 0.2.5, which
    refuses past 1,000 levels itself: either way the user sees FC007. Block mappings this
    deep are written with explicit keys (`? ? ? x`), the only block form that fits within
    the size limit at 100,000 levels."""
    files = {
        "flow-30000.yaml": _nested(30_000),
        "flow-100000.yaml": "funnelcheck: 1\nx: " + "[" * 100_000 + "\n",  # never closed
        "block-mappings-30000.yaml": "? " * 30_000 + "x\n",
        "block-mappings-100000.yaml": "? " * 100_000 + "x\n",
        "block-sequences-100000.yaml": "- " * 100_000 + "x\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    proc = run_cli("check", *sorted(files), "--as-of", AS_OF, "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1  # findings: not a signal, not a usage error
    document = json.loads(proc.stdout)
    assert [file["file"] for file in document["files"]] == sorted(files)
    for file in document["files"]:
        assert [f["code"] for f in file["findings"]] == ["FC007"], file["file"]
        assert "more than 200 levels" in file["findings"][0]["message"]


@pytest.mark.parametrize("what", ["stages", "claims"])
@pytest.mark.slow
def test_10000_stages_or_claims_are_checked(tmp_path: Path, what: str) -> None:
    if what == "stages":
        stages = [
            {"name": f"Stage {i}", "role": "marketing", "pitch": "Payouts reconcile.", "x": i}
            for i in range(10_000)
        ]
    else:
        claims = [{"text": "Payouts reconcile against the ledger.", "x": i} for i in range(10_000)]
        stages = [{"name": "Campaign", "role": "marketing", "claims": claims}]
    path = tmp_path / f"{what}.yaml"
    path.write_text(to_yaml(base_strategy(stages)), encoding="utf-8")
    result = _check(path)
    # Every item is reached: the first 1,000 unknown keys `x` are listed where they are,
    # and one more finding, where the 1,001st is, counts the other 9,000 (issue 12: a file
    # lists at most 1,000 findings of one rule).
    unknown = [f for f in result.findings if f.code == "FC004"]
    prefix = "stages[{}].x" if what == "stages" else "stages[0].claims[{}].x"
    assert sorted(f.location.path for f in unknown[:-1]) == sorted(
        prefix.format(i) for i in range(1_000)
    )
    assert unknown[-1].location.path == prefix.format(1_000)
    assert unknown[-1].data == {"not_listed": 9_000}
    if what == "stages":
        assert result.relay is not None and len(result.relay.stages) == 10_000
