"""Output formats by name; third parties add theirs in the entry-point group
`funnelcheck.reporters`. Each is imported only when chosen (start-up time matters)."""

from __future__ import annotations

import importlib

from funnelcheck.reporters.base import RenderContext, Reporter

REPORTERS: dict[str, str] = {
    "table": "table:TableReporter",
    "json": "json:JsonReporter",
    "sarif": "sarif:SarifReporter",
    "junit": "junit:JunitReporter",
    "github": "github:GithubReporter",
    "gitlab": "gitlab:GitlabReporter",
    "markdown": "markdown:MarkdownReporter",
    "relay": "relay:RelayReporter",
    "html": "html:HtmlReporter",
}

__all__ = ["REPORTERS", "RenderContext", "Reporter", "get_reporter", "reporter_names"]


def reporter_names(plugins: bool = True) -> list[str]:
    names = set(REPORTERS)
    if plugins:
        from funnelcheck.support.plugins import entry_points

        names.update(ep.name for ep in entry_points("funnelcheck.reporters"))
    return sorted(names)


def get_reporter(name: str, plugins: bool = True) -> Reporter:
    """The reporter called `name`; KeyError names the known ones."""
    if name in REPORTERS:
        module_name, _, class_name = REPORTERS[name].partition(":")
        module = importlib.import_module(f"funnelcheck.reporters.{module_name}")
        cls = getattr(module, class_name)
    else:
        from funnelcheck.support.plugins import entry_points

        eps = [ep for ep in entry_points("funnelcheck.reporters") if ep.name == name]
        if not plugins or not eps:
            raise KeyError(name)
        cls = eps[0].load()
    reporter = cls()
    if not isinstance(reporter, Reporter):
        raise KeyError(name)
    return reporter
