"""FC009 suppression: an inline suppression has no reason, has expired, or names an unknown code.

The comments are read by `funnelcheck.run.suppress.apply_suppressions`, which the engine calls
after the other rules have run (a suppression can only be judged against their findings);
the engine stamps what it returns with this rule's code and severity. `check` therefore
yields nothing: this class is the rule's registry entry and its reference page.
"""

from __future__ import annotations

from collections.abc import Iterator

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.strategy import Strategy
from funnelcheck.rules.base import NoOptions, Rule


class Suppression(Rule):
    """An inline suppression has no reason, has expired, or names an unknown code; unused is info.

    **Why.** A `# funnelcheck: ignore` comment silences a finding where the team has decided
    to live with it. Without a reason, the next reader cannot tell a decision from a shrug;
    past its `until` date, the decision is due again, so the finding comes back and this
    rule says why; a misspelt code silences nothing while looking as if it did; and a
    suppression whose finding has gone (the strategy was fixed) only hides the next,
    different problem on that line, so it is reported at info to be removed.

    **Syntax.** The comment must be a real YAML comment (a `#` inside a quoted string or a
    block scalar is text, not a suppression):

    - `# funnelcheck: ignore FC201 -- reason` as a trailing comment silences FC201 on its
      own line; on a line of its own, it silences FC201 on the next line that holds
      something. Several comments stacked above one line all apply to it.
    - Directly above a list item (a line starting with `- `: a stage, a claim, a plan, a
      customer), the comment covers the whole item: FC201 anywhere inside it, on the
      claim's `promises:` line too, and in the item's nested lists (above a stage, in its
      claims). Above anything else, such as the key `stages:`, it covers that one line, not
      every stage below it: `ignore-file` is for that.
    - `# funnelcheck: ignore-file FC104 -- reason` anywhere silences FC104 in the whole file.
    - Several rules: `ignore FC201, FC104` or by name, `ignore promise-not-shipped`.
    - `until YYYY-MM-DD` before the `--` (`ignore FC201 until 2027-03-31 -- reason`), or as
      the reason's last words (`-- waiting for the launch, until 2027-03-31`): the
      suppression holds up to and including that day (`--as-of` sets today) and then
      stops, and FC009 says "expired on 2027-03-31; FC201 is reported again".
    - The reason follows `--` (an en or em dash, or ` - `, are read the same way).

    A suppression names its rules: a comment with no code silences nothing (and is
    reported). An unknown word after `funnelcheck:` is reported too (`ingore`); a
    commented-out `# funnelcheck: 1` is left alone. FC009's own findings cannot be
    suppressed inline (a comment naming FC009 is reported as such); turn the rule off with
    `ignore: [FC009]` in the configuration.

    **Failing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        claims:
          - text: Audit-ready books with a full trail of every match.
            promises: [audit-trail]  # funnelcheck: ignore FC201
          - text: Every change to the books, traced.
            # funnelcheck: ignore FC2010 -- the launch is in March, until 2027-03-31
            promises: [audit-trail]
    ```

    The first suppression gives no reason (a warning; it still silences FC201). The second
    names `FC2010`, which is no rule ("did you mean `FC201`?"): FC201 is still reported.
    Checked with `--as-of 2027-04-01`, a correct `ignore FC201 until 2027-03-31` would have
    expired ("expired on 2027-03-31; FC201 is reported again"); and an `ignore FC104` with
    no FC104 finding on its line (or in the list item below it) is unused (info).

    **Passing example.**

    ```yaml
    stages:
      - name: Discovery call
        role: sales
        claims:
          # funnelcheck: ignore FC201 until 2027-03-31 -- ships with the March release
          - text: Audit-ready books with a full trail of every match.
            promises: [audit-trail]
    ```

    The comment stands above the claim's `- `, so it covers the whole claim, and the FC201
    on its `promises:` line with it.

    **Options.** None. "Unused" is info and the rest are warnings; a severity set in the
    configuration (`rules: {FC009: {severity: error}}`) applies to all of them.
    """

    code = "FC009"
    name = "suppression"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        # The engine calls funnelcheck.run.suppress.apply_suppressions once the other rules'
        # findings are known; there is nothing to judge from the data alone.
        yield from ()
