"""FC004 unknown-key: a key the format does not define. Found by the validate step."""

from __future__ import annotations

from funnelcheck.findings import Severity
from funnelcheck.rules.base import InputRule


class UnknownKey(InputRule):
    """A mapping holds a key the format does not define; the message offers the nearest known key.

    **Why.** A misspelled key is not an error YAML can see: `pich:` is read happily and
    then ignored, so the stage looks silent to every story check, and a misspelled
    `conversoin:` drops a figure from the funnel math without a word. The finding sits on
    the key itself and names the known key it most likely meant ("did you mean `pitch`?");
    where none is close, it lists the keys that mapping takes. Where the misspelled key
    stands for a required one (`nme:` for `name:`), this finding alone reports it: the
    missing `name` is not reported a second time as FC002.

    The keys of `problem.terms` are the problem's own words, not format keys: any term is
    allowed there; so are the unit, volume and plan names of `segment.typical_customer`.
    docs/format.md lists every key the format defines.

    **Failing example.**

    ```yaml
    stages:
      - name: Onboarding and renewal
        role: retention
        pich: Every payout reconciled against your ledger, every month.
    ```

    **Passing example.**

    ```yaml
    stages:
      - name: Onboarding and renewal
        role: retention
        pitch: Every payout reconciled against your ledger, every month.
    ```

    **Options.** None.
    """

    code = "FC004"
    name = "unknown-key"
    severity = Severity.ERROR
