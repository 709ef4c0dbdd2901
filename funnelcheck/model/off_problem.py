"""What the off-problem rules share (FC101, FC102, FC105, FC605): how many of the problem's
concepts a text must carry, how to say what it carries and misses, and a stage's finding."""

from __future__ import annotations

from collections.abc import Sequence

from funnelcheck.findings import Issue
from funnelcheck.language.story import StoryAnalysis
from funnelcheck.model.strategy import Strategy, describe_stage
from funnelcheck.model.told import StageTold


def concepts_needed(min_concepts: int, story: StoryAnalysis) -> int:
    """How many concepts a text must carry: the option, but never more than the problem has
    (a `min-concepts` above the number of terms asks for every concept)."""
    return max(1, min(min_concepts, len(story.concepts)))


def carried_too_few(carries: Sequence[str], misses: Sequence[str], needed: int) -> str:
    """What a text that carries fewer than `needed` concepts carries and misses (FC101, FC102,
    FC105): "carries only 1 of the problem's concepts (payout), fewer than 2; it misses ..."."""
    if carries:
        return (
            f"carries only {len(carries)} of the problem's concepts ({', '.join(carries)}), "
            f"fewer than {needed}; it misses {', '.join(misses)}"
        )
    return f"carries none of the problem's concepts ({', '.join(misses)})"


def off_problem_issue(
    strategy: Strategy, stage: StageTold, needed: int, *, opening: bool = False
) -> Issue:
    """The finding for a stage that carries fewer than `needed` concepts (FC101 and FC102)."""
    label = describe_stage(strategy, stage.index)
    told = carried_too_few(stage.carries, stage.misses, needed)
    if opening:
        message = (
            f"the opening stage {label} {told}: the funnel starts on another story than "
            "the problem, and every later stage inherits that expectation"
        )
    else:
        message = f"{label} {told}"
    return Issue(
        path=("stages", stage.index),
        message=message,
        related=(("problem", "terms"),),
        subject=strategy.stage_name(stage.index),
        data={
            "stage": strategy.stage_name(stage.index),
            "carries": list(stage.carries),
            "misses": list(stage.misses),
            "min_concepts": needed,
        },
    )
