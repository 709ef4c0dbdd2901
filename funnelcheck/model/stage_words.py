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
  `holdout4`; after, none. And a pricing page's wording, as every pricing page words it
  (`holdout10`, read after its first measurement): the period abbreviated ("$125/mo",
  "/yr"), what the plan includes besides the product (migration, training, priority
  support, the modules, products or options chosen, the full suite), the product's own
  model name ("Series 3", "Gen 2": series, model, version, generation), shipping, returns
  and a return window, and who pays it (a grant, a voucher, a coupon). Before, these made
  FC101 flag 3 aligned pricing stages of `holdout10` and hid a planted FC103 behind one;
  after, none, and the drop is found. And what a pricing page commonly carries besides
  its plans (`holdout11`, read after its first measurement): a referral or sign-up offer,
  the referral role's invitation and reward on a pricing page (`REFERRAL_OFFER_WORDS`:
  "sign up through a friend's link", "a gift", "a bonus", "a code"), and the plan's
  allowance nouns (storage, bandwidth, egress, transfer; hours are periods; the plan's
  own `includes` names already come from `price`). Before, these made FC104 flag 1
  aligned pricing stage of `holdout11`; after, none. A word of
  the problem's own story is never in these lists on purpose: a list holds the *mechanics*
  of the role, not a subject (no "dashboard", "report", "team" or "data"), so a stage that
  talks about another subject still shows it.
- **A quote's mechanics** (`QUOTE_WORDS`), in a pricing stage, and in a sales stage that
  states a figure: it quotes, and is read with a pricing stage's words, periods and the
  strategy's plan and unit names besides its own (one that states no figure is qualifying,
  and is judged on the problem's words). Many businesses price by quote, or sell a product
  whose terms are insurance-, loan- or tariff-like: the premium and what it depends on, a
  deductible or excess, co-pay, reimbursement, policy, APR and term, a standing charge and
  unit rate, an estimate, a call-out and labour. They are the mechanics of any such price,
  never a subject (no "vet", "car", "energy"). With them, the per-person framing of a
  price and its packaging ("under $2 a person", "the starter pack for the whole team") in
  the pricing list. Before, these made FC104 (and FC101, in a pricing stage that states
  only its terms) flag 3 aligned stages of `holdout8` (an insurance quote, an insurance
  excess, a per-person plan) and one of `holdout6` (an energy tariff); after, none. The
  sales stage needs a figure because, on the labelled claims of `story_drift.yaml`, the
  quote's words in every sales stage let one keyword-sharing drift through (validation
  half 0.914 to 0.905); with the figure, 0.914.
- **The mechanics of a quote's sentence** (`quote_text`), read in the same stages: in the
  list of what the price "depends on / is based on / varies with / is determined by / is
  calculated from", the common rating factors (`FACTOR_WORDS`: age, where you live, size,
  usage, distance, credit score ...) and what a possessive names ("your pet's *breed*":
  an attribute of the thing named, which is still read); and the customer of a worked
  example of the price ("a typical *young lab in Toronto* is about $79", "for a *team*
  of 10", "for a 30-room *property*"). The other words of the list stay: "Your premium
  depends on your dashboards, headcount reports and hiring pipeline" is still all another
  story. And the brand of a reward an offer gives: one to three capitalised words just
  before "gift card", "voucher" or "coupon" ("a $20 *Amazon* gift card"), a retailer's
  name and not the product's subject (a capitalised word elsewhere, "Workday dashboards",
  is still read). A word so left out that is a story word still counts for the story
  ("a typical home using 2,700 kWh").
- **Money** (`MONEY_WORDS`): currency words, in every role.
- **Periods** (`PERIOD_WORDS`: "a year", "monthly", "per quarter", "/mo") in a pricing or
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

import re
from collections.abc import Container, Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from funnelcheck.language.money import CURRENCY_NAMES
from funnelcheck.language.story import StemSet, content_words, states_a_figure
from funnelcheck.model.strategy import Strategy, nonblank_strings, stage_texts


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Billing periods: a pricing or retention stage says them ("billed once a year").
PERIOD_WORDS = _words(
    """
    day days daily week weeks weekly month months monthly quarter quarters quarterly
    year years yearly annual annually hour hours hourly
    mo mos mth mths wk wks yr yrs hr hrs qtr qtrs
    """
)
#: Currency words: every role may name money.
MONEY_WORDS = CURRENCY_NAMES

#: The mechanics of a quote, and of the terms of an insurance-, loan- or tariff-like price:
#: a pricing or sales stage whose price is a quote says them whatever the business insures,
#: lends, supplies or moves. Mechanics only, never a subject (no "vet", "car", "energy").
QUOTE_WORDS = _words(
    """
    quote quotes quoted quoting estimate estimates estimated personalised personalized
    tailored bespoke custom no-obligation obligation typical typically average example
    around approximately roughly about
    depend depends depending dependent based vary varies varying determined calculated
    factor factors
    premium premiums deductible deductibles excess excesses co-pay co-pays copay copays
    coinsurance co-insurance reimbursement reimbursements reimburse reimburses reimbursed
    policy policies policyholder insurer insured eligible eligibility exclusion exclusions
    excluded claim claims payout payouts liability comprehensive underwriting
    apr aer interest term terms fixed variable repayment repayments repay borrow borrowing
    tariff tariffs standing unit rate rates kwh mwh peak off-peak exit early
    labour labor materials callout call-out visit visits assessment consultation
    separately itemised itemized breakdown run runs
    """
)

#: A referral or sign-up offer, as a pricing page commonly carries one ("sign up through a
#: friend's link and you both get a gift card"): the referral role's invitation and reward,
#: never a subject.
REFERRAL_OFFER_WORDS = _words(
    """
    invite invites invited inviting invitation friend friends refer refers referred
    referral referrals link code reward rewards rewarded bonus gift gifts earn earns both
    sign signs signed sign-up signup
    """
)

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
        person persons people everyone whole entire pack packs package packages bundle
        bundles
        return returns returned returnable exchange exchanges window period periods
        grant grants voucher vouchers coupon coupons promo
        product products edition editions module modules feature features option options
        pick picks select selected suite suites
        full complete training migration migrations support priority
        series model models version versions generation
        storage bandwidth egress transfer
        """
    )
    | QUOTE_WORDS
    | REFERRAL_OFFER_WORDS,
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
    ),  # Renewing: the check-in, the review, staying and growing.
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

#: What a quote's price is said to depend on: "depends on", "is based on", "varies with",
#: "is determined by", "is calculated from", "is set by", "according to". What follows, to
#: the end of the clause, is the list of the quote's factors.
_FACTORS = re.compile(
    r"\b(?:depends?|depending|dependent|based|vary|varies|varying|determined|calculated"
    r"|worked\s+out|set|tailored|quoted|priced|rated)\s+(?:on|upon|by|with|from|to"
    r"|according\s+to)\s+"
    r"(?P<factors>[^.;:!?()\u2013\u2014]*?)(?=\s+-\s|[.;:!?()\u2013\u2014]|$)",
    re.IGNORECASE,
)
#: A worked example of the price: "a typical young lab in Toronto is about $79", "for a
#: team of 10 that is $80", "for a 30-room property, ...": the words between (or after the
#: size) say whom the price is for.
_EXAMPLE = re.compile(
    r"\b(?:a|an|the|your|one)\s+(?:typical|average)\s+(?P<who>[^.;:!?$\u20ac\u00a3\u00a5\u20b9]"
    r"{1,60}?)\s+(?:is|are|costs?|pays?|comes?\s+to|runs?|uses?|would\s+pay|works?\s+out\s+at)\b"
    r"|\bfor\s+(?:a|an|one|your)\s+(?P<group>[^.;:!?,$\u20ac\u00a3\u00a5\u20b9\d]{1,40}?)\s+of\s+"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty)\b"
    r"|\bfor\s+(?:a|an|one|your)\s+\d[\d,.]*[-\s]?[^\W\d_]+\s+"
    r"(?P<sized>[^\W\d_]+(?:\s+[^\W\d_]+)?)(?=\s*[,.;:!?]|\s+(?:is|are|costs?|pays?|at|that"
    r"|it|this|you|the|would|comes?|runs?|works?)\b)",
    re.IGNORECASE,
)
#: The brand of a gift card, voucher or coupon an offer gives ("a $20 *Amazon* gift card"):
#: a retailer's name, not the product's subject. One to three capitalised words just before
#: the reward.
_REWARD_BRAND = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?P<brand>[A-Z][\w&'.\u2019-]*(?:\s+[A-Z][\w&'.\u2019-]*){0,2})"
    r"(?=\s+(?:e-?)?(?:gift\s+(?:cards?|certificates?|vouchers?|codes?)|vouchers?|coupons?)\b)"
)
#: The factors a quote is commonly rated on, whatever the business: who, where, how much,
#: how long. Left out only inside a list of factors (`_FACTORS`), never elsewhere.
FACTOR_WORDS = _words(
    """
    age ages old young location locations where live lives living located postcode
    postcodes zip code area areas region regions city address size sizes big small usage
    use uses consumption volume volumes history record score credit income term length
    distance far mileage miles kilometres kilometers km type types model make year often
    much many long number amount level frequency scope required requirements needs
    rooms room bedrooms bedroom floor floors module modules feature features option
    options
    """
)

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
        #: Whether each sales stage asked about states a figure (`_quotes`).
        self._quoting: dict[int, bool] = {}

    def for_stage(self, index: int) -> StemSet:
        role = self._role(index)
        quote = role == "sales" and self._quotes(index)
        key = f"quote:{role}" if quote else role
        found = self._by_role.get(key)
        if found is None:
            found = self._by_role[key] = (
                self._vocabulary(role, also="pricing") if quote else self._vocabulary(role)
            )
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

    def quote_texts(self, index: int, texts: list[str], story: Container[str]) -> list[str]:
        """A stage's texts as FC104 and the price-only verdict measure them: in a pricing
        stage, or a sales stage that quotes, without a quote's mechanics (`quote_text`),
        save the words of the story among them (`story`: its stems), which count for it
        as anywhere; elsewhere as written."""
        role = self._role(index)
        if role != "pricing" and (role != "sales" or not self._quotes(index)):
            return texts
        dropped: list[str] = []
        out = [quote_text(text, dropped) for text in texts]
        kept = [word for span in dropped for stem, word in content_words(span) if stem in story]
        if kept:
            out.append(" ".join(kept))
        return out

    def _quotes(self, index: int) -> bool:
        """Whether a stage states a figure (a price, a premium): a sales stage that does
        quotes, and may use a quote's words; one that does not is qualifying, on the
        problem's words."""
        found = self._quoting.get(index)
        if found is None:
            stage = self._stages[index] if isinstance(self._stages, list) else None
            found = self._quoting[index] = isinstance(stage, dict) and any(
                states_a_figure(text) for _, text in stage_texts(stage)
            )
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


def quote_text(text: str, dropped: list[str] | None = None) -> str:
    """A pricing or sales text without its quote's mechanics: in the list of what the
    price depends on, the common rating factors (`FACTOR_WORDS`) and what a possessive
    names ("your pet's *breed*": an attribute of the thing named, which is still read);
    and the customer of a worked example ("a typical *young lab in Toronto* is about
    $79"); and the brand of a reward's gift card, voucher or coupon ("a $20 *Amazon* gift
    card"). The other words of a list of factors stay: "depends on your dashboards and
    hiring pipeline" is still another story. What is left out is added to `dropped`.
    One pass of three regular expressions."""
    into: list[str] = [] if dropped is None else dropped

    def example(match: re.Match[str]) -> str:
        who = next(name for name in ("who", "group", "sized") if match.group(name) is not None)
        start, end = match.start(who) - match.start(), match.end(who) - match.start()
        whole = match.group(0)
        into.append(whole[start:end])
        return whole[:start] + whole[end:]

    def factors(match: re.Match[str]) -> str:
        start = match.start("factors") - match.start()
        kept: list[str] = []
        possessed = False
        for token in match.group("factors").split():
            bare = token.strip(",").lower()
            if not possessed and bare not in FACTOR_WORDS:
                kept.append(token)
            else:
                into.append(token)
            possessed = bare.endswith(("'s", "\u2019s", "s'"))
        return match.group(0)[:start] + " ".join(kept)

    def brand(match: re.Match[str]) -> str:
        into.append(match.group("brand"))
        return ""

    return _FACTORS.sub(factors, _EXAMPLE.sub(example, _REWARD_BRAND.sub(brand, text)))


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
