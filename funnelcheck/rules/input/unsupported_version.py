"""FC006 unsupported-version: `funnelcheck:` names a format this version does not read."""

from __future__ import annotations

from funnelcheck.findings import Severity
from funnelcheck.rules.base import InputRule


class UnsupportedVersion(InputRule):
    """`funnelcheck:` names a format version this version of funnelcheck does not read (it reads 1).

    **Why.** The version says how the rest of the file is to be read. A strategy written
    for a newer format may use fields this version does not know, and judging it by the
    old format would bury the one useful message (upgrade funnelcheck) under a heap of
    unknown keys and type errors. So when the version is anything but the integer `1` (a
    `2`, the text `"1"`, `1.0`, an empty value), this is the only finding on the file and
    nothing else is checked. A file with no `funnelcheck:` key at all is FC002 (a missing
    required key).

    **Failing example.**

    ```yaml
    funnelcheck: 2
    product: {name: Ledgerline}
    ```

    **Passing example.**

    ```yaml
    funnelcheck: 1
    product: {name: Ledgerline}
    ```

    **Options.** None.
    """

    code = "FC006"
    name = "unsupported-version"
    severity = Severity.ERROR
