"""FC002 schema: the file breaks the format (what the validate step found)."""

from __future__ import annotations

from funnelcheck.findings import Severity
from funnelcheck.rules.base import InputRule


class Schema(InputRule):
    """The file breaks the format: a wrong type, a bad choice or date, a missing required key.

    **Why.** Every other check reads the strategy's fields: a conversion written as
    `"high"`, a stage role spelled `sale` or a review date of February 30th would make them
    judge a funnel that is not the one meant, or judge nothing at all. So the other rules
    run only once the file has the format's shape, and this finding says, in plain words,
    which value is wrong and what it should be: the path (`stages[2].conversion`), the value
    found, and what the format expects there. A missing required key sits on the line of
    the mapping that lacks it and says what the key is for. docs/format.md describes every
    key of the format.

    Ranges and keys that have a rule of their own are left to it, so one defect gives one
    finding: a conversion outside (0, 1] is FC501, a key the format does not define is
    FC004, an unknown `funnelcheck:` version is FC006. Other ranges (a severity from 1 to
    5, a share from 0 to 1, a sample size of at least 1) and stakeholder roles outside the
    list are reported here. A file that is empty, or whose top level is a list or a single
    value rather than a mapping, is reported here too.

    **Failing example.**

    ```yaml
    funnelcheck: 1
    product: {name: Ledgerline}
    reviewed: 2026-02-30          # no such day
    problem:
      id: payout-reconciliation   # `statement` is missing
      terms: {payout: [payouts]}
      pains:
        - {id: manual-matching, text: Matching payouts by hand, severity: 7}   # 1 to 5
    segment: {name: Mid-market SaaS finance teams}
    value_proposition: {statement: Payouts reconcile themselves.}
    price:
      plans: [{id: team, amount: 499, per: month}]
    stages:
      - {name: Discovery call, role: sale, conversion: high}   # `sales`; a number
    ```

    **Passing example.**

    ```yaml
    funnelcheck: 1
    product: {name: Ledgerline}
    reviewed: 2026-02-28
    problem:
      id: payout-reconciliation
      statement: Finance teams spend days a month matching Stripe payouts to the ledger.
      terms: {payout: [payouts]}
      pains:
        - {id: manual-matching, text: Matching payouts by hand, severity: 5}
    segment: {name: Mid-market SaaS finance teams}
    value_proposition: {statement: Payouts reconcile themselves.}
    price:
      plans: [{id: team, amount: 499, per: month}]
    stages:
      - {name: Discovery call, role: sales, conversion: 0.4}
    ```

    **Options.** None.
    """

    code = "FC002"
    name = "schema"
    severity = Severity.ERROR
