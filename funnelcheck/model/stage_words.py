"""The words a stage needs to do its job: left out of FC104's measure of another story.

FC104 (foreign-story) counts the share of a stage's words that appear nowhere in the texts
that set the story. But every stage of a role has words its job requires whatever the
problem is: a paywall says "billed once; cancel any time", a referral stage says "invite a
friend", a trial says "sign up". Those words are not another story, and counting them made
FC104 flag honest pricing stages (issue 15). So these are left out of the measure, as
numbers and money amounts already are:

- **The role's own words** (`ROLE_WORDS`): for each stage role, the words a stage of that
  role must use to do its job, and only those. The lists were written from what each role
  does in the funnel (the catalog's relay: marketing opens, sales qualifies and proposes,
  product lets the customer try, pricing asks for the money, retention renews, referral
  brings the next customer) and checked against the stages of the samples and of the
  real-world corpus (`tests/realworld/`): a pricing stage's plans, billing periods,
  payment and cancellation terms; a referral stage's invitation and reward; a product
  stage's sign-up, setup and first steps; a sales stage's meeting, proposal and contract;
  a retention stage's renewal and review; a marketing stage's calls to action. They were
  widened from the words real stages of each role use that the story does not (the
  stages of `tests/realworld/` and its held-out sets `holdout` to `holdout3`, read role by
  role; `holdout4` kept to check them on): a product stage sets up and shows ("plug in",
  "point", "mount", "wifi", "the app shows", "watch", "test mode", "the kit arrives"), a
  pricing stage quotes ("from", "installed", "financed at 0% APR", "warranty", "incentives
  and rebates", "federal tax credit", "less than", "shipping"), a retention stage reports
  back ("sends a summary", "an alert", "the app shows"). Before, those words made FC104
  (and, in a quote that states only its price, FC101) flag 3 aligned stages of
  `holdout4`; after, none. A word of
  the problem's own story is never in these lists on purpose: a list holds the *mechanics*
  of the role, not a subject (no "dashboard", "report", "team" or "data"), so a stage that
  talks about another subject still shows it.
- **Money** (`MONEY_WORDS`): currency words, in every role.
- **Periods** (`PERIOD_WORDS`: "a year", "monthly", "per quarter") in a pricing or
  retention stage, whose job is to say what is billed when. Elsewhere a period can be the
  story itself ("see where the week went"), so it is counted as any word.
- **The strategy's own names**: the stages' channels ("LinkedIn ads", "finance
  podcasts") in every role; and in a pricing or retention stage every word written under
  `price` (plan ids and names, units, fees, billing options, what a percentage is of).
  The strategy defines them; naming them is not drift.

A word of these lists that is also a story word counts as any story word (on the story);
the others are left out of both of FC104's counts, as if unsaid. So a pricing stage that
drifts is judged on its other words ("Dashboards of headcount and hiring, billed yearly;
cancel any time" is still all foreign), and a stage left with fewer than three other
words is not judged (FC104's `MIN_WORDS_LEFT`): it says its job and little else.

Words are compared as the story rules compare them (stems; derived forms meet).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from funnelcheck.language.money import CURRENCY_NAMES
from funnelcheck.language.story import StemSet, content_words
from funnelcheck.model.strategy import Strategy, nonblank_strings


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Billing periods: a pricing or retention stage says them ("billed once a year").
PERIOD_WORDS = _words(
    """
    day days daily week weeks weekly month months monthly quarter quarters quarterly
    year years yearly annual annually hour hours hourly
    """
)
#: Currency words: every role may name money.
MONEY_WORDS = CURRENCY_NAMES

#: Per stage role, the words a stage of that role must use to do its job (see above).
ROLE_WORDS: Mapping[str, frozenset[str]] = {
    # Asking for the money: the plan, what it costs and how it is billed, what is
    # included, how to buy, change or leave it, and the tier names that say nothing else
    # (the strategy's own plan names are added from `price`).
    "pricing": _words(
        """
        price prices priced pricing plan plans tier tiers cost costs pay pays paid payment
        payments bill bills billed billing charge charges charged fee fees subscription
        subscriptions subscribe subscribed membership member members once one-time
        upfront up-front setup set-up transaction transactions processing
        cancel cancels cancelled canceled cancellation anytime time
        renew renews renewal commitment contract contracts minimum included includes
        include including extra extras add-on add-ons seat seats user users licence
        licences license licenses upgrade downgrade switch trial free discount discounts
        save saving savings off refund refunds money-back guarantee guaranteed keep
        continue unlock unlimited access buy purchase checkout card quote quotes invoice
        invoiced credit credits tax taxes vat excluding overage overages rate rates
        term terms usage unit units per each every additional beyond above
        kb mb gb tb pb starter basic standard plus pro premium
        allowance allowances quota quotas limit limits cap capped forever
        expire expires expiry lifetime
        start starts from low lower lowest less cheaper cheapest comparable compare
        compared unlike instead hidden choice choose prefer shorter longer
        finance financed financing apr interest installment installments instalment
        instalments deposit warranty warranties incentive incentives rebate rebates
        federal cover covers covered install installed installation implementation
        onboarding shipping ships shipped delivery delivered
        """
    ),
    # Bringing the next customer: who is invited, how, and what both get.
    "referral": _words(
        """
        invite invites invited inviting invitation friend friends colleague colleagues
        refer refers referred referral referrals recommend share shares shared link code
        reward rewards rewarded bonus earn earns gift gifts credit credits give gives get
        gets both together join joins free
        """
    ),
    # Letting the customer try: signing up, setting up, the first steps.
    "product": _words(
        """
        sign signs signed sign-up signup set setup set-up install installs installed
        connect connects connected start starts started try tries trial free account
        accounts onboarding onboard login download create first step steps click
        clicks tap minutes demo guided tour import invite
        see sees show shows watch watches test tests turn turns switch switches
        load loads imports add adds pick run runs live sandbox playground mode ready
        app apps plug plugs mount mounts point wifi wi-fi router kit arrive arrives
        included includes minute seconds afternoon
        """
    ),
    # Qualifying and proposing: the meeting, the proposal, the contract.
    "sales": _words(
        """
        call calls meeting meetings demo demos book booked schedule walk walkthrough
        proposal proposals quote quotes contract contracts pilot pilots procurement
        security review questionnaire references reference case study studies roi
        talk discuss rep sales
        """
    ),
    # Renewing: the check-in, the review, staying and growing.
    "retention": _words(
        """
        renew renews renewal renewals stay stays keep keeps continue cancel churn
        check-in review reviews quarterly business anniversary reminder reminders back
        upgrade expand expansion success support streak
        see sees show shows watch watches send sends sent summary summaries alert alerts
        notify notification notifications app apps next new milestone milestones
        """
    ),
    # Opening: the calls to action of ads, posts and content.
    "marketing": _words(
        """
        learn read watch listen download join sign free guide webinar episode newsletter
        see discover try
        """
    ),
    "other": frozenset(),
}


#: A stage left with fewer other words than this once its job's words are set aside says
#: its job and little else: FC104 does not measure its share of another story, and FC101
#: does not ask a pricing or retention stage that only states the price to retell the
#: problem.
MIN_WORDS_LEFT = 3

#: The roles whose job is to state a price and its period: they may name the periods, and
#: the strategy's own plans and units, without telling another story.
BILLING_ROLES = frozenset({"pricing", "retention"})


class StageWords:
    """The stems each stage of a strategy may say without telling another story: its role's
    words, money words and the strategy's channel names; in a pricing or retention stage
    also periods and the strategy's own plan and unit names.

    Built once per strategy and per check: the names are read once, and each role's
    vocabulary is built once, so ten thousand stages cost linear time."""

    def __init__(self, strategy: Strategy) -> None:
        # Plain values only, not the strategy: it keeps this in its `views`, and a cycle
        # would leave every file's strategy to the cycle collector.
        self._stages = strategy.data.get("stages")
        self._price = strategy.price
        channels: dict[str, None] = {}
        for _, stage in strategy.stages():
            channels.update(dict.fromkeys(nonblank_strings(stage.get("channels"))))
        self._names = _stems_of(channels)
        self._price_names: frozenset[str] | None = None
        self._by_role: dict[str, StemSet] = {}

    def for_stage(self, index: int) -> StemSet:
        role = self._role(index)
        found = self._by_role.get(role)
        if found is None:
            found = self._by_role[role] = self._vocabulary(role)
        return found

    def terms_for_stage(self, index: int) -> StemSet:
        """The words a stage may say when it states the terms (a price, an allowance, a
        free tier): its own role's words and a pricing stage's, with periods and the
        strategy's plan and unit names, whatever its role (`price_only`)."""
        role = self._role(index)
        key = f"terms:{role}"
        found = self._by_role.get(key)
        if found is None:
            found = self._by_role[key] = self._vocabulary(role, also="pricing")
        return found

    def _role(self, index: int) -> str:
        stages = self._stages
        stage = stages[index] if isinstance(stages, list) and 0 <= index < len(stages) else None
        role = stage.get("role") if isinstance(stage, Mapping) else None
        return role if isinstance(role, str) else "other"

    def _vocabulary(self, role: str, also: str | None = None) -> StemSet:
        billing = role in BILLING_ROLES or also in BILLING_ROLES
        stems = self._names
        if billing:
            if self._price_names is None:
                self._price_names = _stems_of(dict.fromkeys(_strings_in(self._price)))
            stems = stems | self._price_names
        # A role the lists do not know (an unshaped file's) has no words of its own: one
        # entry for all of them, so the run's cache stays as small as the lists.
        known = role if role in ROLE_WORDS else None
        return _listed(known, also, billing).with_stems(stems)


def stage_words_of(strategy: Strategy) -> StageWords:
    """A strategy's `StageWords`, made once per file (FC104 and the verdict of what each
    stage tells both read it)."""
    found = strategy.views.get(__name__)
    if not isinstance(found, StageWords):
        found = strategy.views[__name__] = StageWords(strategy)
    return found


def _stems_of(names: Iterable[str]) -> frozenset[str]:
    return frozenset(stem for name in names for stem, _ in content_words(name.replace("_", " ")))


@cache
def _listed(role: str | None, also: str | None, billing: bool) -> StemSet:
    """The stems of a role's listed words (and money, and periods where it bills), filed:
    the same for every strategy, so filed once per run rather than once per strategy (a
    tenth of FC104's time went to filing them again)."""
    words = [*(ROLE_WORDS.get(role, ()) if role is not None else ()), *MONEY_WORDS]
    if also is not None:
        words.extend(ROLE_WORDS.get(also, ()))
    if billing:
        words.extend(PERIOD_WORDS)
    return StemSet(stem for word in words for stem, _ in content_words(word))


def _strings_in(value: Any) -> Iterator[str]:
    """Every string value inside a mapping or list (keys left out), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)
