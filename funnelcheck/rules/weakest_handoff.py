"""FC503 weakest-handoff: the handoff with the lowest conversion; is the story dropped there?"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from funnelcheck.findings import Issue, Severity
from funnelcheck.rules.base import NoOptions, Rule, join_and
from funnelcheck.rules.conversion_out_of_range import exact_conversion
from funnelcheck.strategy import Strategy

#: FC101's default: a speaking stage carrying fewer concepts than this is off the problem.
#: The rule reads the default, not a configured value: each rule sees only its own options.
STAGE_MIN_CONCEPTS = 1


class WeakestHandoff(Rule):
    """The handoff with the lowest conversion; a warning where the story drops there too.

    **Why.** A funnel loses most of its customers at one handoff; knowing which one tells
    the team where an hour of work pays most. A handoff is the pass from one stage to the
    next, in the order the stages are written; its conversion is the conversion of the
    stage the customer leaves (the share of its entrants who reach the next one). The
    last stage hands off to no one and is not a handoff. Ties go to the earlier handoff.
    At least two handoffs must have a usable conversion (one FC501 accepts): with one,
    there is nothing to compare.

    Where the same handoff also drops the problem story (its later stage is off the
    problem, as FC101 or FC102 judge it, or shares none of the problem's concepts with the
    stage before it, as FC103 does), the finding is a warning that says so: customers are
    lost where the story is lost, and the low rate is likely the story's doing. The story
    finding itself is reported by its own rule as usual. The message says how the story
    drops but names no rule: the drop is true whatever rules are selected, and naming
    FC103 when FC103 is ignored would point at a finding the report does not hold (the
    finding's data says which test found it, as `story_rule`). The finding sits on the
    later stage, with the earlier one as the related location.

    **Failing example.** (a warning: the weakest handoff also drops the story)

    ```yaml
    problem:
      terms: {payout: [payouts], ledger: [general ledger]}
    stages:
      - name: LinkedIn campaign
        role: marketing
        conversion: 0.3
        pitch: Stripe payouts reconciled against your general ledger.
      - name: Discovery call
        role: sales
        conversion: 0.2
        pitch: Payouts matched to your ledger, line by line.
      - name: Two-week trial
        role: product
        conversion: 0.5
        pitch: Beautiful dashboards for your board.
      - {name: Proposal, role: pricing}
    ```

    Discovery call → Two-week trial keeps 20% and the trial carries none of the problem's
    concepts.

    **Passing example.** (an info note: the weakest handoff, nothing more)

    ```yaml
    problem:
      terms: {payout: [payouts], ledger: [general ledger]}
    stages:
      - name: LinkedIn campaign
        role: marketing
        conversion: 0.3
        pitch: Stripe payouts reconciled against your general ledger.
      - name: Discovery call
        role: sales
        conversion: 0.2
        pitch: Payouts matched to your ledger, line by line.
      - name: Two-week trial
        role: product
        conversion: 0.5
        pitch: Watch last month's payouts reconcile against your ledger.
      - {name: Proposal, role: pricing}
    ```

    **Options.** None. The story test uses FC101's default (at least 1 concept per stage).
    """

    code = "FC503"
    name = "weakest-handoff"
    severity = Severity.INFO

    def check(self, strategy: Strategy, options: NoOptions) -> Iterator[Issue]:
        handoffs: list[tuple[int, int, Decimal]] = []
        for (source, stage), (target, _) in pairwise(strategy.stages()):
            conversion = exact_conversion(stage.get("conversion"))
            if conversion is not None:
                handoffs.append((source, target, conversion))
        if len(handoffs) < 2:
            return
        source, target, weakest = min(handoffs, key=lambda h: h[2])  # min keeps the first tie
        source_name, target_name = strategy.stage_name(source), strategy.stage_name(target)
        others = [c for s, _, c in handoffs if s != source]  # in funnel order
        message = (
            f"the weakest handoff is `{source_name}` → `{target_name}`: {_percent(weakest)} "
            f"of `{source_name}`'s entrants go on (the other handoffs keep "
            f"{join_and([_percent(c) for c in others])})"
        )
        story_rule, story_drop = _story_drop(strategy, target)
        data = {
            "source": source_name,
            "target": target_name,
            "conversion": f"{weakest:f}",
            "story_drop": story_drop,
            "story_rule": story_rule,
        }
        if story_drop is None:
            yield Issue(
                path=("stages", target),
                message=message,
                severity=Severity.INFO,
                related=(("stages", source),),
                subject=f"{source_name} → {target_name}",
                data=data,
            )
            return
        yield Issue(
            path=("stages", target),
            message=(
                f"{message}; the problem story drops at the same handoff ({story_drop}): "
                "customers are lost where the story is lost"
            ),
            severity=Severity.WARNING,
            related=(("stages", source),),
            subject=f"{source_name} → {target_name}",
            data=data,
        )


def _story_drop(strategy: Strategy, target: int) -> tuple[str | None, str | None]:
    """The story rule whose test the stage `target` fails, and why the story drops there in
    words naming no rule; (None, None) where it holds (or the stage says nothing, which no
    story rule judges)."""
    story = strategy.story
    stage = story.stages.get(target)
    if stage is None:
        return None, None
    name = strategy.stage_name(target)
    if len(stage.carries) < STAGE_MIN_CONCEPTS:
        code = "FC102" if target == story.first_stage else "FC101"
        return code, f"`{name}` carries none of the problem's concepts"
    for handoff in story.handoffs:
        if handoff.target != target or handoff.passed:
            continue
        source = story.stages.get(handoff.source)
        if source is not None and len(source.carries) >= 1:
            return "FC103", (
                f"`{name}` shares none of the problem's concepts with "
                f"`{strategy.stage_name(handoff.source)}`"
            )
    return None, None


def _percent(share: Decimal) -> str:
    """0.1 → "10%", 0.125 → "12.5%": the share as written, never rounded away."""
    return f"{(share * 100).normalize():f}%"
