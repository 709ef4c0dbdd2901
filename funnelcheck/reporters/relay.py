"""`funnelcheck relay FILE` (or `--format relay`): the relay alone, for a pitch review.

The stages in order with their conversions, the leads needed at the top and the customers
out at the bottom, each handoff held or dropped, and the findings at each stage; findings
that belong to no stage (price, evidence...) follow in one short list.
"""

from __future__ import annotations

import io

from rich.text import Text

from funnelcheck.findings import Report
from funnelcheck.reporters.base import RenderContext, Reporter
from funnelcheck.reporters.table import _STYLE, _relay_table, stage_index, text_console
from funnelcheck.terminal import clean


class RelayReporter(Reporter):
    name = "relay"
    extension = "txt"

    def render(self, report: Report, ctx: RenderContext) -> str:
        buffer = io.StringIO()
        console = text_console(buffer, ctx)
        for result in report.files:
            console.print(Text(clean(result.file), style="bold underline"))
            if result.error is not None:
                console.print(Text(f"  could not be checked: {clean(result.error)}", style="red"))
                continue
            if result.relay is None:
                console.print(
                    Text("  no relay: the file does not have the format's shape yet", style="red")
                )
                for finding in result.findings:
                    console.print(Text(f"  {finding.code} {clean(finding.message)}"))
                continue
            console.print(_relay_table(result.relay, result.findings))
            elsewhere = [f for f in result.findings if stage_index(f) is None]
            if elsewhere:
                console.print(Text("Outside the stages:", style="bold"))
                for finding in elsewhere:
                    line = Text("  ")
                    line.append(finding.severity.label, style=_STYLE[finding.severity])
                    line.append(f" {finding.code} {clean(finding.message)}")
                    console.print(line)
            console.print()
        return buffer.getvalue()
