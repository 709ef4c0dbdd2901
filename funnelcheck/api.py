"""The public API for plugins: what a third-party rule or reporter may import.

A rule plugin subclasses `Rule` (entry-point group `funnelcheck.rules`), a reporter plugin
subclasses `Reporter` (group `funnelcheck.reporters`); see docs/DEVELOPING.md, "Plugins".
Everything named here keeps its name and meaning within a major version. The modules it
comes from (`funnelcheck.rules.base`, `funnelcheck.findings`, `funnelcheck.reporters.base`)
stay importable under those names too, for plugins written before this module existed;
anything else in the package is internal and may move.
"""

from __future__ import annotations

from funnelcheck.findings import (
    FileResult,
    Finding,
    Issue,
    Location,
    Path,
    Report,
    Severity,
    fingerprint,
    format_path,
)
from funnelcheck.model.strategy import Strategy
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.rules.base import InputRule, NoOptions, Rule, check_range, join_and, quote

__all__ = [
    "FileResult",
    "Finding",
    "InputRule",
    "Issue",
    "Location",
    "NoOptions",
    "Path",
    "RenderContext",
    "Report",
    "Reporter",
    "Rule",
    "Severity",
    "Strategy",
    "check_range",
    "fingerprint",
    "format_path",
    "join_and",
    "quote",
]
