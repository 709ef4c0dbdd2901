"""FC003 duplicate-key: a mapping repeats a key. Recorded by the loader while it reads events."""

from __future__ import annotations

from funnelcheck.findings import Severity
from funnelcheck.rules.base import InputRule


class DuplicateKey(InputRule):
    """A mapping repeats a key: the finding sits on the repeat and names the first line.

    **Why.** YAML says keys are unique, yet every common loader keeps the last value
    silently, so the first value is lost without a word. In a strategy that usually means
    a stage that was copied and half edited, or two `claims:` lists of which only the
    second is ever read: the checker would judge a funnel that is not the one written.

    **Failing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        pitch: Every payout matched to its invoices and posted to your ledger.
        pitch: Close your books in hours.
    ```

    The second `pitch` (line 5) replaces the first (line 4); the finding sits on line 5.

    **Passing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        pitch: Every payout matched to its invoices and posted to your ledger.
        claims:
          - text: Close your books in hours.
    ```

    **Options.** None.
    """

    code = "FC003"
    name = "duplicate-key"
    severity = Severity.ERROR
