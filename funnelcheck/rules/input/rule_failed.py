"""FC010 rule-failed: a rule raised an exception on this file; the other rules still ran.

The engine catches the failure of any rule (built-in or plugin) around that rule alone and
stamps it with this rule's code: `check` yields nothing; this class is the rule's registry
entry and its reference page.
"""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class RuleFailed(Rule):
    """A rule failed on this file (a bug in that rule): its findings here are missing.

    **Why.** A rule that raises an exception on one file is a bug in that rule, not in the
    strategy. As in ruff and sqlfluff, the failure does not stop the run: the rule's
    failure on that file becomes this finding, at error severity, on line 1 of the file,
    naming the rule, where it comes from (funnelcheck or a plugin's package), and the
    exception. Every other rule still runs on the file, every other file is still checked,
    every report is still written, and the run exits 1 as for any error finding. The rule's
    own findings on that file are missing, which is why this is an error: the check of that
    file is incomplete. The message asks for a bug report to the rule's authors and says
    how to go on meanwhile (`--ignore` the rule, or `--no-plugins` for a plugin's rule).
    With `FUNNELCHECK_DEBUG=1` the failure stops the run with its traceback instead, for
    the bug report.

    **Failing example.**

    ```yaml
    # A plugin's rule FC901 raises ZeroDivisionError on any strategy whose stages carry
    # no conversion: FC010 on line 1 of this file names FC901 and the exception.
    funnelcheck: 1
    stages:
      - {name: Discovery call, role: sales}
    ```

    **Passing example.**

    ```yaml
    # Every rule ran to its end on this file: no FC010.
    funnelcheck: 1
    stages:
      - {name: Discovery call, role: sales, conversion: 0.4}
    ```

    **Options.** None. It cannot be turned off or suppressed away from the failure it
    reports: the fix is in the rule (or `--ignore` the rule that fails).
    """

    code = "FC010"
    name = "rule-failed"
    severity = Severity.ERROR

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        # The engine reports other rules' failures under this code; the data alone has
        # nothing to say.
        yield from ()
