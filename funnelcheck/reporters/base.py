"""The one interface every output format implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from funnelcheck.findings import FileResult, Report


@dataclass(frozen=True)
class RenderContext:
    """What a reporter may know besides the report; it never decides what is a finding."""

    #: Colour and terminal width only matter to the table; None width means "do not wrap".
    color: bool = False
    width: int | None = None
    quiet: bool = False
    statistics: bool = False
    #: Paths in reports that want them relative (SARIF, GitLab) are made relative to this.
    cwd: str = "."


class Reporter:
    """Turns a finished `Report` into text. Subclasses set `name` and implement `render`."""

    name: ClassVar[str]
    #: The usual file extension, for docs and `--output` hints.
    extension: ClassVar[str] = "txt"
    #: On standard output (funnelcheck.support.terminal.OutputGuard): True where the reporter
    #: cleans every text itself with `terminal.clean` and writes colour codes of its own;
    #: "xml" where an unsafe character is written as a character reference; True where
    #: it writes GitHub workflow commands (annotations) on purpose.
    terminal_safe: ClassVar[bool] = False
    escape_style: ClassVar[str] = "text"
    workflow_commands: ClassVar[bool] = False
    #: Whether it draws each file's pitch (`FileResult.pitch`: the upside-down funnel and
    #: the price picture). The engine works the pitch out only when a chosen reporter draws
    #: it: it is a tenth of a `-f json` run's time that no other format reads.
    draws_pitch: ClassVar[bool] = False
    #: Whether `stream` reads a file's result only where `render_file` gave no text for it
    #: (and nothing else of the report's files but their counts and errors; `--statistics`
    #: reads the findings, and a run with it keeps the results). A run with only this
    #: reporter then keeps each file's text alone, not its result: pickling the results
    #: was a twentieth of a `--jobs 1 -f json` run.
    reads_rendered_only: ClassVar[bool] = False

    def render(self, report: Report, ctx: RenderContext) -> str:
        raise NotImplementedError

    def stream(self, report: Report, ctx: RenderContext) -> Iterator[str]:
        """The report in chunks, for writing as it is made; the same text as `render`.

        A reporter that can write file by file overrides this, so that a run over thousands
        of files never holds the whole report text in memory at once.
        """
        yield self.render(report, ctx)

    def render_file(self, result: FileResult) -> str | None:
        """This reporter's text for one file, where it depends on that file's result alone
        (and on no `RenderContext`); None where it does not.

        In a parallel run the workers call it as they finish each file, so that the
        parent, which writes the report alone, only copies the text (issue 7). `stream`
        then takes a file's text from `report.files.rendered(...)` when it is there.
        """
        return None
