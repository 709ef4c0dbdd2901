"""FC007 input-refused: input the checker will not read whole. Raised by the loader's bounds."""

from __future__ import annotations

from funnelcheck.findings import Severity
from funnelcheck.rules.base import InputRule


class InputRefused(InputRule):
    """The input is refused before it is read whole: too large, too deep, too many values, an
    alias bomb, a tag.

    **Why.** Strategy repositories take pull requests from many people and CI checks
    whatever arrives. A few kilobytes of YAML can expand to billions of values through
    aliases ("billion laughs"), nest deep enough to crash a parser, or carry a
    `!!python/object/apply:os.system` tag that an unsafe loader would run. The loader
    counts size, depth, values and alias expansion while the parser's events stream, before any
    structure is built, and refuses at the first bound crossed; tags outside YAML's core
    types are refused, never constructed. A path that is not a regular file (a pipe, a
    socket, a device) is refused without being opened, since reading it could block.

    **Failing example.**

    ```yaml
    funnelcheck: 1
    product: !!python/object/apply:os.system ["echo owned"]
    ```

    The tag on line 2 asks to run a command; the finding sits on the tag and nothing runs.

    **Passing example.**

    ```yaml
    funnelcheck: 1
    product: {name: Ledgerline, category: payout reconciliation}
    ```

    **Options.** The bounds are the loader's `Limits`: 5,000,000 bytes per file, 200
    levels of nesting, 100,000 values reached through aliases and 250,000 values written
    in the file (keys, list items and scalars; a strategy of 10,000 stages holds about
    100,000, while 5 MB of one-line keys holds 900,000). Set `max-file-bytes` in the
    configuration to check a larger file; the depth, alias and value bounds protect the
    process and are not configurable.
    """

    code = "FC007"
    name = "input-refused"
    severity = Severity.ERROR
