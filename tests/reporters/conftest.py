"""Fixtures for the reporter tests; the report itself is built in `fixed_report.py`."""

from __future__ import annotations

import pytest
from fixed_report import CWD, build_report

from funnelcheck.findings import Report
from funnelcheck.reporters.base import RenderContext


@pytest.fixture
def report() -> Report:
    return build_report()


@pytest.fixture
def ctx() -> RenderContext:
    return RenderContext(cwd=CWD)
