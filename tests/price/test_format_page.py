"""docs/format.md, the user's reference for the strategy format, says what the checker reads.

Its complete example is the sample ledgerline.yaml byte for byte; each price shape it works
through validates when put in that example; the schema's descriptions and the README point
to it.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from funnelcheck.input.validate import validate

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "format.md"
SAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"


def _blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


def test_the_complete_example_is_the_sample_byte_for_byte() -> None:
    assert _blocks()[-1] == SAMPLE.read_text(encoding="utf-8")


def test_the_page_shows_the_editor_modeline() -> None:
    assert "# yaml-language-server: $schema=../schemas/strategy.schema.json" in PAGE.read_text(
        encoding="utf-8"
    )


SHAPES = [b for b in _blocks() if b.startswith(("price:", "segment:"))]


@pytest.mark.parametrize("block", SHAPES, ids=[f"shape-{i}" for i in range(len(SHAPES))])
def test_each_worked_shape_validates_in_the_example(block: str) -> None:
    data: dict[str, Any] = copy.deepcopy(yaml.safe_load(SAMPLE.read_text(encoding="utf-8")))
    data["reviewed"] = str(data["reviewed"])
    for evidence in data.get("evidence", []):
        evidence["date"] = str(evidence["date"])
    fragment = yaml.safe_load(block)
    for key, value in fragment.items():
        data[key] = {**data[key], **value} if key == "segment" else value
    assert validate(data) == {}


def test_every_price_key_of_the_schema_is_on_the_page() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for key in (
        "components",
        "billing_options",
        "billed",
        "life_years",
        "included",
        "minimum",
        "block",
        "percent",
        "fixed",
        "typical_customer",
        "quantities",
        "volumes",
        "plan_mix",
        "revenue_per_account",
        "about",
        "hybrid",
    ):
        assert f"`{key}`" in text, key


def test_the_readme_and_the_schema_point_to_the_page() -> None:
    assert "docs/format.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/format.md" in (ROOT / "schemas" / "strategy.schema.json").read_text(
        encoding="utf-8"
    )
