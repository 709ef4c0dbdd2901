"""FC001 yaml-syntax: the file is not valid YAML. Reported by the loader, with the fault's place."""

from __future__ import annotations

from funnelcheck.findings import Severity
from funnelcheck.rules.base import InputRule


class YamlSyntax(InputRule):
    """The file is not valid YAML, or not text: the line and column of the fault.

    **Why.** A strategy that cannot be parsed cannot be checked at all: every other rule
    stays silent until this one is fixed. The finding points at the character where the
    parser gave up, which is often just after the real mistake (an unclosed bracket or
    quote is reported where the parser noticed it, not where it was opened). The same code
    covers input that is not UTF-8 (or UTF-16/32 with a byte-order mark), a character YAML
    forbids, a value that cannot be read as its tag says (`!!int ten`), an alias with no
    anchor, a mapping or list used as a key, and a file holding several YAML documents.

    **Failing example.**

    ```yaml
    funnelcheck: 1
    product: {name: Ledgerline, category: payout reconciliation
    reviewed: 2026-10-30
    ```

    The flow mapping on line 2 is never closed: the parser reports the fault on line 3.
    A tab used for indentation, a `---` starting a second document or a stray `:` in a
    plain value (`pitch: Save time: close in hours`) are other common causes.

    **Passing example.**

    ```yaml
    funnelcheck: 1
    product: {name: Ledgerline, category: payout reconciliation}
    reviewed: 2026-10-30
    ```

    **Options.** None.
    """

    code = "FC001"
    name = "yaml-syntax"
    severity = Severity.ERROR
