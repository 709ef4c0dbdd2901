"""FC101 stage-off-problem: a stage's pitch and claims carry too few of the problem's concepts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from funnelcheck.findings import Issue, Severity
from funnelcheck.model.off_problem import concepts_needed, off_problem_issue
from funnelcheck.model.strategy import Strategy
from funnelcheck.model.told import told_of
from funnelcheck.rules.base import Rule, check_range


@dataclass(frozen=True)
class Options:
    #: The fewest of the problem's concepts a stage's pitch and claims must carry.
    min_concepts: int = 1

    def __post_init__(self) -> None:
        check_range("min_concepts", self.min_concepts, at_least=1)


class StageOffProblem(Rule, options=Options):
    """A stage's pitch and claims carry too few of the problem's concepts.

    **Why.** The funnel is a relay and the problem story is the baton. A stage whose pitch
    and claims name none of the problem's concepts talks about something else: the lead who
    arrived with the problem hears another story there, and the baton is on the ground. A
    concept is a key of `problem.terms` with its other wordings, matched whole-word, ignoring
    case, derived forms and stopwords ("reconciling" carries `reconcile`; "close your books"
    carries the phrase "close the books"). The stage's name and channels do not count: what
    the customer hears is the pitch and the claims. Stages with neither say nothing and are
    not judged; the first stage that says something is FC102's, not this rule's.

    **A pain retold is the problem too.** A stage that retells one of the problem's `pains`
    in its own words, holding at least three of that pain's words (`story.RETELL_WORDS`;
    words every strategy uses, such as "week" or "day", left out), is on the problem even
    where it names no term: "No more Friday afternoons rebuilding the week from your
    calendar" for the pain "Friday afternoons spent reconstructing a week from emails and
    calendars". It counts as one concept towards `min_concepts`. Two shared words are not a
    retelling ("Bank details secured with 256-bit encryption" shares "bank details" with
    "Paychecks delayed because bank details arrived late"). On the tuning half of
    `tests/benchmarks/story_drift.yaml` this holds two honest claims FC101 flagged
    (0.857 to 0.876 alone; 3 words was best there: 2 held a drift, 4 held one honest claim
    fewer); on the validation half it holds one (0.848 to 0.857), and holds no drift on
    either half.

    **A price list is a pricing stage doing its job.** A pricing or retention stage whose
    words, once its job's words (plans, billing, periods, money, units of measure, the
    strategy's own plan and unit names: `funnelcheck/model/stage_words.py`) and the story's own
    words are set aside, leave fewer than three others ("Pro is $20 per member per month,
    with 1 TB of data transfer included") only states the price: it is not reported. So is
    a product stage that states its free tier or allowance with a figure and nothing else
    ("The free tier includes 1M requests and 400,000 GB-seconds of compute every month"),
    read with a pricing stage's words besides its own. A pricing stage's job's words include
    a quote's and an insurance-like product's terms, and a price per person ("Up to 10
    people? The starter pack is $19.95 a month for the whole team, under $2 a person";
    "The insurance excess is 5 000 kr, as on a normal policy"), and a pricing page's
    wording: "Plans starting at $125/mo, billed annually", what the plan includes
    (migration, training, support, the modules chosen), what the price depends on ("your
    number of rooms"), the product's model name ("Series 3 from $149"), free shipping and a
    return window. A pricing stage that says more, none
    of it the problem, still is, and so is one that carries some of the story but fewer
    concepts than `min_concepts` asks, and a marketing or sales stage that only quotes a
    price (marketing opens on the problem, sales qualifies on it). The relay shows such a
    stage as "price only (its job's words)" and a retold pain as `pain: <its id>`: the rule
    and the relay read one verdict (`funnelcheck/model/told.py`).

    **Failing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
        ledger: [general ledger, books]
    stages:
      - name: LinkedIn campaign
        role: marketing
        claims:
          - text: Stripe payouts reconcile themselves.
      - name: Onboarding and renewal
        role: retention
        pitch: Beautiful dashboards of headcount and payroll budgets for your board.
    ```

    `Onboarding and renewal` (retention) carries none of the problem's concepts (reconcile,
    payout, ledger).

    **Passing example.**

    ```yaml
    problem:
      terms:
        reconcile: [reconciliation, matching]
        payout: [payouts, settlement]
        ledger: [general ledger, books]
    stages:
      - name: LinkedIn campaign
        role: marketing
        claims:
          - text: Stripe payouts reconcile themselves.
      - name: Onboarding and renewal
        role: retention
        pitch: Every payout matched and posted to your books before the month ends.
    ```

    **Options.** `min_concepts` (default 1): the fewest of the problem's concepts a stage
    must carry; where it is larger than the number of concepts, every concept is asked for.
    1 asks that each stage names the problem at all. Measured on the 54 labelled claims of
    `tests/benchmarks/story_pairs.yaml` (`python tests/benchmarks/story_accuracy.py`), FC101
    alone agrees with the readers on 0.81: it holds every paraphrase that uses the terms and
    catches every drift that shares only statement words, but it cannot see a term's word
    used in another sense ("cancel anytime" for a churn problem), which is FC104's facet
    (FC101 or FC104 together: 0.93). 2 would give 0.85 there, at the price of flagging
    on-story claims that name a single concept.
    """

    code = "FC101"
    name = "stage-off-problem"
    severity = Severity.WARNING

    def check(self, strategy: Strategy, options: Options) -> Iterator[Issue]:
        story = strategy.story
        if not story.concepts:
            return  # no terms, no story to check against (FC109 says so)
        needed = concepts_needed(options.min_concepts, story)
        told = told_of(strategy)
        for index, stage in told.stages.items():
            if index == told.opening:
                continue  # the opening is FC102's, in FC101's place
            if stage.count >= needed or stage.price_only:
                # A price list ("Pro is $20 per member per month, billed yearly") says its
                # job and little else: it does not tell another story.
                continue
            yield off_problem_issue(strategy, stage, needed)
