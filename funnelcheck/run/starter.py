"""`funnelcheck init`: a first strategy written upside down, from one reference customer.

Plain data in, plain data out, so it can be tested without a terminal:

- `QUESTIONS`: the questions `init` asks, in order, each with a one-line explanation, a
  default (a fixed text or one worked out from the earlier answers) and the place in the
  strategy its answer is checked at;
- `interview(ask)`: asks them through any `ask(question, default) -> str` function (the
  CLI passes a rich prompt; tests pass a list of answers), re-asking a bad answer with the
  schema step's own message;
- `build_strategy(answers)`: the strategy, with the stages pre-filled from the customer's
  answers (reached -> marketing, evaluated -> product, paid and why -> price and pricing,
  convinced and why us -> sales and the differentiators, trust -> referral and evidence);
- `render(strategy)`: commented YAML in the format's key order, verified by reading it back
  with the project's loader and validating it with the schema step.

Answers are a nested mapping described by `schemas/answers.schema.json`; a key left out
takes its default, as pressing Enter does at the prompt.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

SKIP = "-"
SCHEMA_MODELINE = (
    "# yaml-language-server: $schema=https://funnelcheck.dev/schemas/strategy.schema.json"
)

Answers = dict[str, Any]
Default = str | Callable[[Mapping[str, Any]], str]


Key = str | tuple[str | int, ...]


@dataclass(frozen=True)
class Question:
    """One prompt: where its answer goes, what it asks, why, and its default."""

    #: Where the answer goes: a dotted place such as "customer.paid.amount", or a path
    #: such as ("price", "plans", 0, "amount") for the questions asked once per plan or
    #: part (a unit's name may hold a dot). Empty: a menu answer, not kept.
    key: Key
    prompt: str
    help: str  # one line: why the question is asked
    default: Default = ""
    kind: str = "text"  # text, number, list, terms, choice, billing
    choices: tuple[str, ...] = ()
    #: The strategy path the answer is checked at (None: checked as free text).
    checks_at: tuple[str | int, ...] | None = None
    optional: bool = False  # SKIP leaves it out of the strategy


def _parts(key: Key) -> tuple[str | int, ...]:
    if isinstance(key, tuple):
        return key
    return tuple(key.split(".")) if key else ()


def _get(answers: Any, key: Key) -> Any:
    node: Any = answers
    for part in _parts(key):
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return None
        elif not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _set(answers: Answers, key: Key, value: Any) -> None:
    """Put `value` at `key`, making the mappings and list entries on the way."""
    parts = _parts(key)
    node: Any = answers
    for part, after in itertools.pairwise(parts):
        fresh: Any = [] if isinstance(after, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append(fresh)
                fresh = [] if isinstance(after, int) else {}
            node = node[part]
        else:
            if not isinstance(node.get(part), list | dict):
                node[part] = fresh
            node = node[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def _text(answers: Mapping[str, Any], key: Key, fallback: str = "") -> str:
    value = _get(answers, key)
    return str(value) if value not in (None, "") else fallback


def _slug(text: str, fallback: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:4]
    return "-".join(words) or fallback


_PLAN_PERIOD = {
    "day": "month",
    "week": "month",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "once": "once",
}


def _plan_period(answers: Mapping[str, Any]) -> str:
    return _PLAN_PERIOD.get(_text(answers, "customer.paid.per", "month"), "month")


def _today() -> str:
    return dt.date.today().isoformat()


RC = ("reference_customers", 0)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "customer.name",
        "Reference customer",
        "One customer, real or hoped for, you would be proud to name; the rest is "
        "worked backwards from them.",
        "Our first reference customer",
    ),
    Question(
        "customer.why_bought",
        "What convinced them to buy?",
        "In their words: the problem that made them act becomes the sales stage's first claim.",
        "The problem that made them act, and what it cost them, in their words",
    ),
    Question(
        "customer.paid.amount",
        "What did they pay? (a number, no currency sign)",
        "The reference customer's bill; the first plan's price starts from it.",
        "100",
        "number",
        checks_at=(*RC, "paid", "amount"),
    ),
    Question(
        "customer.paid.currency",
        "In which currency?",
        "A three-letter ISO 4217 code such as USD, EUR or GBP.",
        "USD",
        checks_at=(*RC, "paid", "currency"),
    ),
    Question(
        "customer.paid.per",
        "Per what period?",
        "What the amount is per: day, week, month, quarter, year or once.",
        "month",
        "choice",
        ("day", "week", "month", "quarter", "year", "once"),
        checks_at=(*RC, "paid", "per"),
    ),
    Question(
        "customer.why_that_price",
        "Why were they willing to pay that?",
        "The value they set the price against; the pricing stage's claim.",
        "What solving the problem is worth to them, against what it costs",
    ),
    Question(
        "customer.trust",
        "Why do they trust the company?",
        "The proof that made them believe you; the referral stage and the evidence.",
        "Who vouched for solving the problem: a peer, a case study, a trial",
    ),
    Question(
        "customer.evaluation",
        "How did they evaluate the product in their own setting?",
        "What they tried, on what data, compared with what; the trial (product) stage.",
        "A trial that solved the problem on their own data",
    ),
    Question(
        "customer.why_us",
        "Why did they choose this product from this company?",
        "What no alternative gave them; a sales claim and the first differentiator.",
        "What no alternative gave them for the problem",
    ),
    Question(
        "customer.reached_via",
        "How did the company reach them, and where were they?",
        "The channel, such as finance podcasts or a trade fair; the marketing stage's channel.",
        "word of mouth",
    ),
    Question(
        "customer.reached_with",
        "With what did it reach them?",
        "The message or offer that caught them; the marketing stage's pitch.",
        lambda a: _text(a, "customer.why_bought"),
    ),
    Question(
        "product.name", "Product name", "The product's name as customers know it.", "Our product"
    ),
    Question(
        "product.category",
        "Product category",
        "What kind of product it is, in the customers' words.",
        "software",
        optional=True,
    ),
    Question(
        "problem.statement",
        "The problem",
        "Who has it, what it is, what it costs them; every stage must carry its story.",
        lambda a: _text(a, "customer.why_bought"),
    ),
    Question(
        "problem.terms",
        "The problem's terms (term/wording/wording, comma-separated)",
        "The words every stage's story is measured against; proposed from your answers.",
        lambda a: format_terms(propose_terms(a)),
        "terms",
        checks_at=("problem", "terms"),
    ),
    Question(
        "problem.id",
        "Problem id",
        "Lowercase words joined by hyphens, such as payout-reconciliation.",
        lambda a: _slug(" ".join(list(_get(a, "problem.terms") or {})[:3]), "the-problem"),
        checks_at=("problem", "id"),
    ),
    Question(
        "segment.name",
        "Segment",
        "A short name for the customers who have the problem.",
        "The customers who have this problem",
    ),
    Question(
        "segment.description",
        "Who exactly is in the segment?",
        "A sentence: size, industry, situation; - leaves it out.",
        SKIP,
        optional=True,
    ),
    Question(
        "segment.buyer.title",
        "Who signs the purchase? (the economic buyer)",
        "The person who owns the budget, such as CFO.",
        "Budget owner",
    ),
    Question(
        "segment.buyer.cares_about",
        "What does the buyer care about? (comma-separated)",
        "What the buyer weighs the purchase against.",
        lambda a: _text(a, "customer.why_that_price"),
        "list",
        optional=True,
    ),
    Question(
        "segment.user.title",
        "Who uses the product day to day? (- if the buyer does)",
        "The user; when the buyer is also the user (as in B2C) answer -.",
        "User",
        optional=True,
    ),
    Question(
        "segment.user.cares_about",
        "What does the user care about? (comma-separated)",
        "What the user needs from the product every day.",
        lambda a: _text(a, "customer.evaluation"),
        "list",
        optional=True,
    ),
    Question(
        "value_proposition.statement",
        "Value proposition",
        "How the product solves the problem, in the problem's own terms.",
        lambda a: (
            f"{_text(a, 'product.name', 'Our product')} solves the problem: "
            f"{_text(a, 'customer.why_us', 'what no alternative gave them')}"
        ),
    ),
    Question(
        "value_proposition.differentiators",
        "Differentiators (comma-separated)",
        "What sets the product apart from the alternatives, one concrete point each.",
        lambda a: _text(a, "customer.why_us"),
        "list",
        optional=True,
    ),
    Question(
        "price.currency",
        "Price currency",
        "The currency every amount is read in.",
        lambda a: _text(a, "customer.paid.currency", "USD"),
        checks_at=("price", "currency"),
    ),
    Question(
        "price.model",
        "Pricing model",
        "How customers pay: subscription, usage, one-time, freemium or hybrid (several in one "
        "plan); proposed from the plans.",
        lambda a: _default_model(a),
        "choice",
        ("subscription", "usage", "one-time", "freemium", "hybrid"),
        checks_at=("price", "model"),
    ),
    Question(
        "owner", "Strategy owner", "Who keeps this strategy true.", "Head of Product", optional=True
    ),
    Question(
        "reviewed",
        "Review date (YYYY-MM-DD)",
        "The day the strategy was last revisited; FC701 reminds you after 30 days.",
        lambda a: _today(),
        checks_at=("reviewed",),
    ),
)

#: The single plan of `price.plan` in an answers file (the prompts' earlier words): its
#: defaults and checks. The prompts now ask the plans one by one (`_price_flow`).
PLAN_QUESTIONS: tuple[Question, ...] = (
    Question(
        "price.plan.id",
        "First plan's id",
        "Lowercase words joined by hyphens.",
        "standard",
        checks_at=("price", "plans", 0, "id"),
    ),
    Question(
        "price.plan.amount",
        "First plan's price (a number)",
        "The base amount; the reference customer's bill by default.",
        lambda a: _text(a, "customer.paid.amount", "100"),
        "number",
        checks_at=("price", "plans", 0, "amount"),
    ),
    Question(
        "price.plan.per",
        "Per what?",
        "month, quarter, year, seat-month, seat-year or once.",
        _plan_period,
        "choice",
        ("month", "quarter", "year", "seat-month", "seat-year", "once"),
        checks_at=("price", "plans", 0, "per"),
    ),
    Question(
        "price.plan.unit",
        "A fee per unit on top? (unit name such as seat, - for none)",
        "For prices that grow with seats, employees, messages...",
        SKIP,
        optional=True,
    ),
    Question(
        "price.plan.unit_amount",
        "Price of one unit (a number)",
        "Charged for each unit, each period below.",
        "10",
        "number",
        checks_at=("price", "plans", 0, "components", 0, "amount"),
    ),
    Question(
        "price.plan.unit_per",
        "Per what period is the unit charged?",
        "month or year for a unit billed each period; once for a one-off.",
        "month",
        "choice",
        ("day", "week", "month", "quarter", "year", "once"),
        checks_at=("price", "plans", 0, "components", 0, "per"),
    ),
)


def default_for(question: Question, answers: Mapping[str, Any]) -> str:
    default = question.default
    return default(answers) if callable(default) else default


# -- answers: parsing and checking --------------------------------------------------------


def parse(question: Question, text: str) -> Any:
    """The answer's value: a number where one is asked for (kept as typed when not one, so
    that the schema step says what is wrong), a list, a terms mapping, or the text."""
    text = text.strip()
    if question.kind == "number":
        return _number(text)
    if question.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if question.kind == "terms":
        return parse_terms(text)
    if question.kind == "billing":
        return parse_billing(text)
    return text


def _number(text: str) -> Any:
    cleaned = text.replace(",", "").replace("_", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return int(value) if value == value.to_integral_value() and "." not in cleaned else value


def parse_billing(text: str) -> dict[str, Any]:
    """`60/year`, `60 a year` or `60 per year`: one billing option (`{amount, per}`); a
    part that is not a number or a period is kept as typed, for the schema step to name."""
    match = re.fullmatch(r"\s*(.*?)\s*(?:/|\bper\b|\ba\b|\ban\b)\s*(\S*)\s*", text)
    amount, per = (match.group(1), match.group(2)) if match else (text, "")
    return {"amount": _number(amount), "per": per}


def parse_terms(text: str) -> dict[str, list[str]]:
    terms: dict[str, list[str]] = {}
    for group in text.split(","):
        words = [w.strip() for w in group.split("/") if w.strip()]
        if words:
            terms.setdefault(words[0], []).extend(w for w in words[1:] if w not in terms)
    return terms


def format_terms(terms: Mapping[str, Sequence[str]]) -> str:
    return ", ".join("/".join([term, *wordings]) for term, wordings in terms.items())


#: The input findings (besides the schema step's) an answer can cause once it is in place:
#: a name the price does not define (FC005), an id used twice (FC008).
_INPUT_RULES = ("FC005", "FC008")


def problem_with(
    question: Question, value: Any, answers: Mapping[str, Any] | None = None
) -> str | None:
    """The message `check` would give about this answer, or None when it is fine.

    The answer is placed at its spot in the strategy the answers so far make (the defaults
    filling the rest), and the project's schema step (funnelcheck.input.validate.validate) judges
    it, then the input rules that read across the file (FC005, FC008): the prompt says
    what `check` would say, at the answer's own path.
    """
    if question.kind == "choice" and question.checks_at is None:
        if value in question.choices:
            return None
        from funnelcheck.input.validate import _nearest

        shown = json.dumps(str(value), ensure_ascii=False)
        choices = ", ".join(c for c in question.choices if c != SKIP)
        nearest = _nearest(str(value), list(question.choices))
        also = f"; did you mean {nearest}?" if nearest else ""
        return f"the answer is {shown}; answer one of {choices}{also}"
    if question.checks_at is None:
        return None
    if question.key == "problem.terms" and not value:
        return "Give at least one term: the words the problem story is told in."
    from funnelcheck.input.validate import validate

    probe = _probe(answers or {})
    # The loader reads a decimal as a float: the schema step is asked about what it reads.
    _place(probe, question.checks_at, float(value) if isinstance(value, Decimal) else value)
    _fill(probe)
    at = question.checks_at
    issues = [i for codes in validate(probe).values() for i in codes]
    mine = [i.message for i in issues if tuple(i.path[: len(at)]) == at]
    if not issues:
        mine = [i.message for i in _input_rules(probe) if tuple(i.path[: len(at)]) == at]
    return "; ".join(mine) or None


def _input_rules(data: dict[str, Any]) -> list[Any]:
    from funnelcheck.model.strategy import Strategy
    from funnelcheck.rules import all_rules

    strategy = Strategy(file="answers", data=data, as_of=dt.date.today())
    found: list[Any] = []
    registry = all_rules(plugins=False)  # the built-in rules, by code
    for code in _INPUT_RULES:
        rule = registry[code]()
        found.extend(rule.check(strategy, rule.Options()))
    return found


def _probe(answers: Mapping[str, Any]) -> dict[str, Any]:
    """A valid strategy to try an answer in: the answers so far, defaults for the rest."""
    probe = build_strategy(answers)
    if not isinstance(_get(answers, "price.plans"), list):
        probe["price"]["plans"][0]["components"] = [{"unit": "seat", "amount": 1, "per": "month"}]
    return probe


def _fill(probe: dict[str, Any]) -> None:
    """Give a plan or part still being asked the required keys its later questions will
    ask, so that the probe is valid but for the answer it tries (never over an answer)."""
    for n, plan in enumerate(_plans(probe)):
        plan.setdefault("id", f"probe-plan-{n}")
        if "amount" not in plan and not plan.get("components"):
            plan["amount"] = 1
        if "amount" in plan:
            plan.setdefault("per", "month")
        for part in _list(plan.get("components")):
            if not isinstance(part, dict):
                continue
            if not any(k in part for k in ("unit", "fee", "percent")) or "fixed" in part:
                part.setdefault("unit", "unit")
            if "percent" in part:
                part.setdefault("of", "volume")
            elif "amount" not in part:
                part["amount"] = 1


def _place(data: Any, path: Sequence[str | int], value: Any) -> None:
    _set(data, tuple(path), value)


def interview(
    ask: Callable[[Question, str], str],
    tell: Callable[[str], None] = lambda message: None,
) -> Answers:
    """Ask every question through `ask`; a bad answer is told (`tell`) and asked again.

    `ask` returns the text typed (the default when the user just pressed Enter). It may
    raise EOFError or KeyboardInterrupt: the caller then writes nothing. The questions
    come from `flow`, which reads the answers given so far: how many plans and parts, and
    which of a part's questions apply, follow from them.
    """
    answers: Answers = {}
    steps = flow(answers)
    question = next(steps, None)
    while question is not None:
        value = _ask_one(question, answers, ask, tell)
        try:
            question = steps.send(value)
        except StopIteration:
            question = None
    return answers


def _ask_one(
    question: Question,
    answers: Answers,
    ask: Callable[[Question, str], str],
    tell: Callable[[str], None],
) -> Any:
    """The accepted answer (SKIP when left out), also put in `answers` at its key."""
    if question.key == "problem.terms":
        _set(answers, "problem.terms", None)
    while True:
        default = default_for(question, answers)
        text = ask(question, default).strip() or default
        if text == SKIP and question.optional:
            if question.key in _BY_KEY:  # its default would stand in for it otherwise
                _set(answers, question.key, SKIP)
            return SKIP
        value = parse(question, text)
        message = problem_with(question, value, answers)
        if message is None:
            if question.key:
                _set(answers, question.key, value)
            return value
        tell(message)


def flow(answers: Answers) -> Generator[Question, Any, None]:
    """The questions, in order; each accepted answer is sent back (and is in `answers`)."""
    for question in QUESTIONS:
        if question.key == "price.model":
            yield from _price_flow(answers)
        yield question


# -- the price, any shape the format supports -------------------------------------------

_PLAN_PERIODS = ("month", "quarter", "year", "seat-month", "seat-year", "once")
_MONEY_PERIODS = ("day", "week", "month", "quarter", "year", "once")
#: The parts a plan's price can have (docs/format.md, "A component"), as the menu names them.
PART_KINDS = {
    "unit": "a fee per unit each period: seats, employees, locations",
    "usage": "a fee per unit used, counted a month: messages, emails, API calls",
    "percent": "a percentage of a volume, such as 2.9% of payments, with a fixed fee",
    "fee": "a named fee: onboarding or setup paid once, a device, a fee per dispute",
}


def _price_flow(answers: Answers) -> Generator[Question, Any, None]:
    index = 0
    while True:
        yield from _plan_flow(answers, index)
        more = yield Question(
            "",
            "Add another plan? (yes or no)",
            "A dearer tier, a yearly plan, a free plan: most prices have one to three plans.",
            "no",
            "choice",
            ("yes", "no"),
        )
        if more != "yes":
            break
        index += 1
    yield from _willingness_flow(answers)
    yield from _typical_customer_flow(answers)


def _plan_flow(answers: Answers, i: int) -> Generator[Question, Any, None]:
    at: tuple[str | int, ...] = ("price", "plans", i)
    name = "the first plan" if i == 0 else f"plan {i + 1}"
    yield Question(
        (*at, "id"),
        f"Id of {name}",
        "Lowercase words joined by hyphens, such as team or pro; claims and ranges name it.",
        "standard" if i == 0 else f"plan-{i + 1}",
        checks_at=(*at, "id"),
    )
    plan_id = _text(answers, (*at, "id"))
    amount = yield Question(
        (*at, "amount"),
        f"Base price of {plan_id} (a number; - for none)",
        "What the plan costs before any per-unit or usage part; - when it is only usage "
        "or a percentage.",
        lambda a: _base_default(a, i),
        "number",
        checks_at=(*at, "amount"),
        optional=True,
    )
    per = None
    if amount != SKIP:
        per = yield Question(
            (*at, "per"),
            "Per what?",
            "month, quarter, year, seat-month or seat-year (per seat), or once (bought once).",
            lambda a: _text(a, ("price", "plans", i - 1, "per"), _plan_period(a)),
            "choice",
            _PLAN_PERIODS,
            checks_at=(*at, "per"),
        )
        if per in ("seat-month", "seat-year"):
            yield Question(
                (*at, "seats_min"),
                "Fewest seats sold (a whole number; - for 1)",
                "The least a customer can buy; the bill is priced at it when no seat count "
                "is given.",
                SKIP,
                "number",
                checks_at=(*at, "seats_min"),
                optional=True,
            )
        if per in ("month", "seat-month", "quarter"):
            yield Question(
                (*at, "billed"),
                "Invoiced less often than that? (quarter or year; - for as priced)",
                'For "$150 per seat a month, billed annually": year.',
                SKIP,
                checks_at=(*at, "billed"),
                optional=True,
            )
        if per == "once":
            yield Question(
                (*at, "life_years"),
                "How many years does it serve? (a number; - to leave out)",
                "Its price is then set against the problem's cost over that life (FC303).",
                SKIP,
                "number",
                checks_at=(*at, "life_years"),
                optional=True,
            )
        else:
            option = 0
            while True:
                given = yield Question(
                    (*at, "billing_options", option),
                    "Also sold on another billing period? (amount/period such as 60/year; "
                    "- for none)",
                    'The same plan billed another way: "$6 a month or $60 a year".',
                    SKIP,
                    "billing",
                    checks_at=(*at, "billing_options", option),
                    optional=True,
                )
                if given == SKIP:
                    break
                option += 1
    part = 0
    while True:
        has_price = amount != SKIP or part > 0
        kinds = (*PART_KINDS, SKIP) if has_price else tuple(PART_KINDS)
        kind = yield Question(
            "",
            f"Add a part to {plan_id}'s price? ({', '.join(kinds)})",
            "; ".join(f"{k}: {v}" for k, v in PART_KINDS.items())
            + ("; -: no more parts." if has_price else " (a plan with no base price needs one)."),
            SKIP if has_price else "usage",
            "choice",
            kinds,
            optional=False,
        )
        if kind == SKIP:
            break
        yield from _part_flow(answers, (*at, "components", part), str(kind), per)
        part += 1


def _base_default(answers: Mapping[str, Any], i: int) -> str:
    if i == 0:
        return _text(answers, "customer.paid.amount", "100")
    for before in range(i - 1, -1, -1):
        amount = _get(answers, ("price", "plans", before, "amount"))
        if isinstance(amount, int | Decimal):
            return str(amount * 2)
    return SKIP


def _part_flow(
    answers: Answers, at: tuple[str | int, ...], kind: str, plan_per: Any
) -> Generator[Question, Any, None]:
    def q(
        key: str,
        prompt: str,
        help_: str,
        default: Default,
        qkind: str = "text",
        choices: tuple[str, ...] = (),
        optional: bool = False,
    ) -> Question:
        return Question((*at, key), prompt, help_, default, qkind, choices, (*at, key), optional)

    if kind in ("unit", "usage"):
        usage = kind == "usage"
        unit = yield q(
            "unit",
            "What is counted? (one word, singular, such as "
            + ("message or email)" if usage else "seat or employee)"),
            "The typical customer's quantity of it is asked later, by this name.",
            "message" if usage else "seat",
        )
        yield q(
            "amount",
            f"Price of one {unit}{' used' if usage else ''} (a number as published)",
            "Write it as the price page does: 0.0079 stays 0.0079.",
            "0.01" if usage else "10",
            "number",
        )
        if not usage:
            yield q(
                "per",
                f"Per what period is each {unit} charged?",
                "month or year for a unit billed each period; once for a one-off.",
                {"seat-year": "year", "year": "year", "quarter": "quarter"}.get(
                    str(plan_per), "month"
                ),
                "choice",
                _MONEY_PERIODS,
            )
        yield q(
            "included",
            f"How many {unit}s does the base price include? (- for none)",
            "Only units beyond the allowance are charged: 3 seats, 10,000 emails a month.",
            SKIP,
            "number",
            optional=True,
        )
        yield q(
            "block",
            f"Sold in blocks of how many {unit}s? (- for one at a time)",
            '"$1.50 per extra 1,000": 1000; a part block is billed whole.',
            SKIP,
            "number",
            optional=True,
        )
        yield q(
            "minimum",
            f"Fewest {unit}s billed whatever is used? (- for none)",
            "A minimum such as 5 employees.",
            SKIP,
            "number",
            optional=True,
        )
    elif kind == "percent":
        yield q(
            "percent",
            "What percentage? (0 to 100, such as 2.9)",
            'For "2.9% + 30¢ per charge": 2.9.',
            "2.9",
            "number",
        )
        yield q(
            "of",
            "Of what volume?",
            "The money the customer moves each month that the percentage is taken of.",
            "payment volume",
        )
        fixed = yield q(
            "fixed",
            "A fixed amount beside it, per event? (a number such as 0.30; - for none)",
            'The "+ 30¢ per charge" part.',
            SKIP,
            "number",
            optional=True,
        )
        if fixed != SKIP:
            yield q(
                "unit",
                "Per what event is the fixed amount charged?",
                "One word, singular: charge, transfer, payout.",
                "charge",
            )
    else:
        fee = yield q(
            "fee",
            "The fee's name (such as onboarding, setup or device)",
            "Money a claim names as this fee is not compared with the plans.",
            "onboarding",
        )
        yield q("amount", f"The {fee} fee's amount (a number)", "As published.", "500", "number")
        event = yield q(
            "unit",
            f"Is the {fee} fee charged per event? (an event such as dispute; - for no)",
            "A fee per event counts only where the typical customer has a quantity of it.",
            SKIP,
            optional=True,
        )
        if event != SKIP:
            return
        every = yield q(
            "per",
            f"How often is the {fee} fee paid?",
            "once for a one-off (setup, a device); a period for a recurring fee.",
            "once",
            "choice",
            _MONEY_PERIODS,
        )
        if every == "once":
            yield q(
                "life_years",
                f"Years the {fee} serves? (a number, for a device; - for none)",
                "For a one-time fee that buys something lasting: its service life.",
                SKIP,
                "number",
                optional=True,
            )


def _plans(answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    plans = _get(answers, "price.plans")
    return [p for p in plans if isinstance(p, dict)] if isinstance(plans, list) else []


def _parts_of(answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    parts: list[Any] = [c for p in _plans(answers) for c in _list(p.get("components"))]
    return [c for c in parts if isinstance(c, dict)]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _willingness_flow(answers: Answers) -> Generator[Question, Any, None]:
    at = ("price", "willingness_to_pay")
    low = yield Question(
        (*at, "low"),
        "Lowest price buyers take seriously (a number; - if you have not asked them)",
        "A Van Westendorp survey's range; below it they doubt the quality (FC304).",
        SKIP,
        "number",
        checks_at=(*at, "low"),
        optional=True,
    )
    if low == SKIP:
        return
    yield Question(
        (*at, "high"),
        "Highest price they would still pay (a number)",
        "The top of the range, in the price's currency.",
        lambda a: str(_number(str(_get(a, (*at, "low")))) * 3),
        "number",
        checks_at=(*at, "high"),
    )
    plans = _plans(answers)
    yield Question(
        (*at, "per"),
        "Per what are they?",
        "month, quarter, year, seat-month, seat-year or once.",
        str(plans[0].get("per", "month")) if plans else "month",
        "choice",
        _PLAN_PERIODS,
        checks_at=(*at, "per"),
    )
    names = [str(p["id"]) for p in plans if "id" in p]
    names += [str(c.get("unit") or c.get("fee")) for c in _parts_of(answers)]
    names = [n for n in dict.fromkeys(names) if n != "None"]
    yield Question(
        (*at, "about"),
        f"What is the range about? ({', '.join(names)}; - for each plan's whole price)",
        "A plan, or one part such as a device; one unit's price is then compared.",
        SKIP,
        checks_at=(*at, "about"),
        optional=True,
    )


def _typical_customer_flow(answers: Answers) -> Generator[Question, Any, None]:
    at = ("segment", "typical_customer")
    units: dict[str, bool] = {}  # unit -> counted per month (usage)
    volumes: list[str] = []
    for part in _parts_of(answers):
        if isinstance(part.get("unit"), str):
            usage = "per" not in part and "fee" not in part and "percent" not in part
            units.setdefault(part["unit"], usage)
        if isinstance(part.get("of"), str) and part["of"] not in volumes:
            volumes.append(part["of"])
    if any(str(p.get("per", "")).startswith("seat-") for p in _plans(answers)):
        units.setdefault("seat", False)
    for unit, usage in units.items():
        yield Question(
            (*at, "quantities", unit),
            f"How many {unit}s does a typical customer have"
            + (" a month" if usage else "")
            + "? (- to leave out)",
            "The bill the price rules compare is worked out for this customer; left out, "
            "the least the plan bills is assumed.",
            SKIP,
            "number",
            checks_at=(*at, "quantities", unit),
            optional=True,
        )
    for volume in volumes:
        yield Question(
            (*at, "volumes", volume),
            f"A typical customer's {volume} a month (a number; - to leave out)",
            "Money moved each month, in the price's currency: the percentage is taken of it.",
            SKIP,
            "number",
            checks_at=(*at, "volumes", volume),
            optional=True,
        )
    ids = [str(p["id"]) for p in _plans(answers) if "id" in p]
    for n, plan_id in enumerate(ids if len(ids) > 1 else ()):
        yield Question(
            (*at, "plan_mix", plan_id),
            f"Share of new customers on {plan_id} (0 to 1; - to leave out)",
            "The plan mix: the revenue goal and the budget are judged on it (FC306).",
            functools.partial(_mix_default, ids=ids, n=n),
            "number",
            checks_at=(*at, "plan_mix", plan_id),
            optional=True,
        )
    yield Question(
        (*at, "revenue_per_account"),
        "What does a new account pay on average? (amount/period such as 1200/year; - to leave out)",
        "Where given, the revenue goal is judged on it rather than on the plans (FC306).",
        SKIP,
        "billing",
        checks_at=(*at, "revenue_per_account"),
        optional=True,
    )


def _mix_default(answers: Mapping[str, Any], *, ids: Sequence[str], n: int) -> str:
    """An even split; the last plan takes what the others leave."""
    if n < len(ids) - 1:
        return str((Decimal(1) / len(ids)).quantize(Decimal("0.01")))
    given = _get(answers, "segment.typical_customer.plan_mix") or {}
    taken = sum((Decimal(str(v)) for v in given.values()), Decimal(0))
    return str(max(Decimal(1) - taken, Decimal(0)))


# -- proposing terms -------------------------------------------------------------------------

_ANSWER_KEYS = ("why_bought", "why_that_price", "trust", "evaluation", "why_us", "reached_with")


@functools.cache
def _weak_stems() -> frozenset[str]:
    """Words the checker itself calls too common to carry a story (`story.GENERIC_WORDS`,
    which FC109 never suggests as terms), as stems. Stopwords never reach here:
    `content_words` drops them."""
    from funnelcheck.language.story import GENERIC_WORDS, stem

    return frozenset(stem(word) for word in GENERIC_WORDS)


def propose_terms(answers: Mapping[str, Any], most: int = 4) -> dict[str, list[str]]:
    """Terms from the words of the answers: the content words found in the most answers
    (and the problem statement), each with the other forms of it the answers used. Never
    proposed: stopwords, numbers, the product's own name, and the words FC109 flags as too
    common to carry a story (time units, "customer", "team", "use"...)."""
    from funnelcheck.language.story import content_words, stem

    weak = _weak_stems()
    texts = [_text(answers, f"customer.{key}") for key in _ANSWER_KEYS]
    texts.append(_text(answers, "problem.statement"))
    # A default copies an answer (the pitch, the statement): one answer counts once.
    texts = list(dict.fromkeys(text.strip() for text in texts))
    own = {stem(w) for w in re.findall(r"\w+", _text(answers, "product.name").lower())}
    reach: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        seen = set()
        for word in re.findall(r"[\w'-]+", text.lower()):
            for stemmed, normal in content_words(word):
                if len(normal) < 3 or not normal.isalpha() or stemmed in own | weak:
                    continue
                forms.setdefault(stemmed, Counter())[normal] += 1
                seen.add(stemmed)
        reach.update(seen)
    ranked = sorted(reach, key=lambda s: (-reach[s], -sum(forms[s].values()), s))
    terms: dict[str, list[str]] = {}
    for stemmed in ranked[:most]:
        words = [w for w, _ in sorted(forms[stemmed].items(), key=lambda kv: (-kv[1], kv[0]))]
        terms[words[0]] = words[1:]
    return terms


# -- answers -> strategy -----------------------------------------------------------------


def _answer(answers: Mapping[str, Any], key: Key) -> Any:
    """The answer for `key`, its default when absent; None when skipped."""
    value = _get(answers, key)
    if value == SKIP:
        return None
    if value is None or value == "":
        question = _BY_KEY.get(key)
        if question is None:
            return None
        default = default_for(question, answers)
        if default == SKIP:
            return None
        return parse(question, default) if default else None
    return value


def build_strategy(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The strategy for these answers (plain data, in the format's key order)."""
    a: Answers = copy.deepcopy(dict(answers))
    # Fill defaults in question order: later defaults read earlier answers.
    for question in QUESTIONS:
        if _get(a, question.key) is None:
            value = _answer(a, question.key)
            _set(a, question.key, SKIP if value is None else value)

    def get(key: str) -> Any:
        value = _get(a, key)
        return None if value == SKIP or value in ("", []) else value

    customer = str(get("customer.name"))
    paid_per = get("customer.paid.per")
    buyer_role = "economic_buyer"
    user_title = get("segment.user.title")
    if user_title is None or str(user_title) == str(get("segment.buyer.title")):
        buyer_role, user_role = "buyer", "buyer"
    else:
        user_role = "user"

    stakeholders: list[dict[str, Any]] = []
    buyer: dict[str, Any] = {"role": buyer_role, "title": get("segment.buyer.title")}
    if get("segment.buyer.cares_about"):
        buyer["cares_about"] = get("segment.buyer.cares_about")
    stakeholders.append(buyer)
    if user_role == "user":
        user: dict[str, Any] = {"role": "user", "title": user_title}
        if get("segment.user.cares_about"):
            user["cares_about"] = get("segment.user.cares_about")
        stakeholders.append(user)

    segment: dict[str, Any] = {"name": get("segment.name")}
    if get("segment.description"):
        segment["description"] = get("segment.description")
    typical = _get(a, "segment.typical_customer")
    if isinstance(typical, Mapping) and typical:
        segment["typical_customer"] = copy.deepcopy(dict(typical))
    segment["stakeholders"] = stakeholders

    value_proposition: dict[str, Any] = {"statement": get("value_proposition.statement")}
    if get("value_proposition.differentiators"):
        value_proposition["differentiators"] = get("value_proposition.differentiators")

    price = _price(a, get)
    evidence_id = _slug(customer, "reference") + "-reference"
    reached_via = get("customer.reached_via")
    why_bought = get("customer.why_bought")
    sales_claims = [{"text": t} for t in (why_bought, get("customer.why_us")) if t]

    marketing: dict[str, Any] = {
        "name": "Reaching them",
        "role": "marketing",
        "audience": [buyer_role],
    }
    if reached_via:
        marketing["channels"] = [reached_via]
    if get("customer.reached_with"):
        marketing["pitch"] = get("customer.reached_with")
    stages: list[dict[str, Any]] = [
        marketing,
        {
            "name": "Sales conversation",
            "role": "sales",
            "audience": [buyer_role],
            "claims": sales_claims,
        },
        {
            "name": "Evaluation in their own setting",
            "role": "product",
            "audience": [user_role],
            "pitch": get("customer.evaluation"),
        },
        {
            "name": "Proposal",
            "role": "pricing",
            "audience": [buyer_role],
            "claims": [{"text": get("customer.why_that_price")}],
        },
        {
            "name": "Referrals",
            "role": "referral",
            "audience": [buyer_role],
            "channels": ["customer referrals"],
            "claims": [{"text": get("customer.trust"), "evidence": [evidence_id]}],
        },
    ]
    for stage in stages:
        for key in ("pitch", "claims"):
            if (key in stage and not stage[key]) or (
                key == "claims" and any(c.get("text") is None for c in stage.get(key, []))
            ):
                stage.pop(key, None)

    reference: dict[str, Any] = {"name": customer}
    for key in ("why_bought",):
        if get(f"customer.{key}"):
            reference[key] = get(f"customer.{key}")
    if get("customer.paid.amount") is not None:
        paid: dict[str, Any] = {"amount": get("customer.paid.amount")}
        if get("customer.paid.currency"):
            paid["currency"] = get("customer.paid.currency")
        paid["per"] = paid_per or "month"
        reference["paid"] = paid
    for key in ("why_that_price", "trust", "evaluation", "why_us", "reached_via"):
        if get(f"customer.{key}"):
            reference[key] = get(f"customer.{key}")

    product: dict[str, Any] = {"name": get("product.name")}
    if get("product.category"):
        product["category"] = get("product.category")
    strategy: dict[str, Any] = {"funnelcheck": 1, "product": product}
    if get("owner"):
        strategy["owner"] = get("owner")
    strategy["reviewed"] = str(get("reviewed"))
    strategy["problem"] = {
        "id": get("problem.id"),
        "statement": get("problem.statement"),
        "terms": get("problem.terms") or {},
        # The customer who bought is the first evidence that the problem is real.
        "evidence": [evidence_id],
    }
    strategy["segment"] = segment
    strategy["value_proposition"] = value_proposition
    strategy["price"] = price
    strategy["stages"] = stages
    strategy["reference_customers"] = [reference]
    strategy["evidence"] = [
        {"id": evidence_id, "kind": "purchase", "n": 1, "source": f"reference customer {customer}"}
    ]
    ordered: dict[str, Any] = order(strategy)
    return ordered


def _price(a: Mapping[str, Any], get: Callable[[str], Any]) -> dict[str, Any]:
    """The price: `price.plans` as given (any shape the format supports), else the one
    plan of `price.plan`, else one plan from what the reference customer paid."""
    given = a.get("price") if isinstance(a.get("price"), Mapping) else {}
    assert isinstance(given, Mapping)
    price: dict[str, Any] = {}
    for key in ("model", "currency"):
        if get(f"price.{key}") is not None:
            price[key] = get(f"price.{key}")
    if isinstance(given.get("plans"), list):
        price["plans"] = copy.deepcopy(given["plans"])
    else:
        price["plans"] = [_legacy_plan(a)]
    if isinstance(given.get("willingness_to_pay"), Mapping):
        price["willingness_to_pay"] = copy.deepcopy(dict(given["willingness_to_pay"]))
    return price


def _legacy_plan(a: Mapping[str, Any]) -> dict[str, Any]:
    def value(key: str) -> Any:
        return _answer(a, f"price.plan.{key}")

    plan: dict[str, Any] = {"id": value("id"), "amount": value("amount"), "per": value("per")}
    if value("unit"):
        plan["components"] = [
            {"unit": value("unit"), "amount": value("unit_amount"), "per": value("unit_per")}
        ]
    return plan


def _default_model(a: Mapping[str, Any]) -> str:
    """The pricing model the plans describe: usage when no plan has a base price, one-time
    when every plan is bought once, hybrid when a recurring plan has a part bought once (or
    the plans mix the two), freemium beside a free plan, else subscription."""
    plans = _plans(a)
    if not plans:
        return "one-time" if _plan_period(a) == "once" else "subscription"
    based = [p for p in plans if "amount" in p]
    if not based:
        return "usage"
    once = [p.get("per") == "once" for p in based]
    parts_once = any(
        isinstance(c, dict) and c.get("per") == "once"
        for p in based
        if p.get("per") != "once"
        for c in _list(p.get("components"))
    )
    if all(once) and len(based) == len(plans):
        return "one-time"
    if any(once) or parts_once:
        return "hybrid"
    if any(p.get("amount") == 0 and not p.get("components") for p in based):
        return "freemium"
    return "subscription"


_BY_KEY: dict[Key, Question] = {q.key: q for q in (*QUESTIONS, *PLAN_QUESTIONS)}


# -- strategy -> commented YAML ---------------------------------------------------------------


def order(data: Any, schema: Mapping[str, Any] | None = None) -> Any:
    """`data` with every mapping's keys in the order the schema declares them."""
    if schema is None:
        from funnelcheck.input.validate import STRATEGY_SCHEMA, inline_refs, load_schema

        schema = inline_refs(load_schema(STRATEGY_SCHEMA))
    if isinstance(data, Mapping):
        props = schema.get("properties", {})
        keys = [k for k in props if k in data] + [k for k in data if k not in props]
        extra = schema.get("additionalProperties")
        out = {}
        for key in keys:
            sub = props.get(key, extra if isinstance(extra, Mapping) else {})
            out[key] = order(data[key], sub)
        return out
    if isinstance(data, list):
        items = schema.get("items", {})
        return [order(item, items if isinstance(items, Mapping) else {}) for item in data]
    return data


_PLAIN = re.compile(r"[A-Za-z][\w ,.'()/$%&+-]*[\w.)%]\Z|[A-Za-z]\Z|\d{4}-\d{2}-\d{2}\Z", re.ASCII)
# Read as booleans or null by YAML 1.1 or 1.2 when plain.
_YAML_WORDS = frozenset(["yes", "no", "true", "false", "on", "off", "null"])


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS and "  " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


#: One line above each top-level key: what it holds and what to do next.
COMMENTS = {
    "funnelcheck": "The format version. `funnelcheck check` reads this file; "
    "`funnelcheck explain FCxxx` explains a finding.",
    "product": "The product, as customers name it.",
    "reviewed": "Revisit the strategy at least every 30 days (FC701) and update this date.",
    "problem": "The one problem every stage must talk about. Add `pains` (with severity), "
    "`cost` and `evidence`; terms with other wordings make the story checks strong.",
    "segment": "Who has the problem. Add `size` and a `budget`; stages talk to these roles.",
    "value_proposition": "How the product solves the problem, in the problem's own terms. "
    "Add `relieves` once pains are listed.",
    "price": "Plans from the reference customer's bill. Components, billing options and "
    "willingness to pay: see docs/format.md.",
    "stages": "The funnel, first touch first, pre-filled from the customer's answers. Add "
    "`conversion` and `basis` to each, claims that `promises` capabilities, and retention.",
    "reference_customers": "The customer this strategy was worked backwards from.",
    "evidence": "What the claims rest on; add interviews, surveys and pilots with a date.",
}


def render(strategy: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    """Commented YAML for `strategy`, keys in the order given (see `order`)."""
    lines = [SCHEMA_MODELINE, *(f"# {line}".rstrip() for line in header)]
    for n, (key, value) in enumerate(strategy.items()):
        if n and isinstance(value, Mapping | list):
            lines.append("")
        if key in COMMENTS:
            lines.extend(_wrap(COMMENTS[key]))
        lines.extend(_node(key, value, 0))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 92) -> list[str]:
    out, line = [], "#"
    for word in text.split():
        if len(line) + 1 + len(word) > width:
            out.append(line)
            line = "#"
        line += " " + word
    out.append(line)
    return out


def _node(key: str, value: Any, indent: int) -> Iterator[str]:
    pad = " " * indent
    head = f"{pad}{scalar(key)}:"
    if isinstance(value, Mapping):
        if not value:
            yield f"{head} {{}}"
            return
        yield head
        for k, v in value.items():
            yield from _node(k, v, indent + 2)
    elif isinstance(value, list):
        if not value:
            yield f"{head} []"
        elif all(not isinstance(v, Mapping | list) for v in value):
            yield f"{head} [{', '.join(scalar(v) for v in value)}]"
        else:
            yield head
            for item in value:
                yield from _item(item, indent + 2)
    else:
        yield f"{head} {scalar(value)}"


def _item(value: Any, indent: int) -> Iterator[str]:
    pad = " " * indent
    if isinstance(value, Mapping) and value:
        first = True
        for k, v in value.items():
            for line in _node(k, v, indent + 2):
                if first:
                    line = f"{pad}- {line[indent + 2 :]}"
                    first = False
                yield line
    elif isinstance(value, list) and value:
        yield f"{pad}- [{', '.join(scalar(v) for v in value)}]"
    else:
        yield f"{pad}- {scalar(value) if not isinstance(value, Mapping | list) else '{}'}"


def verify(text: str) -> list[str]:
    """What is wrong with the YAML written, read back by the project's loader, schema step
    and the input rules that read across the file, FC005 and FC008 (an empty list: it
    loads, has the format's shape and every name it uses is defined once)."""
    return [message for _, message in verify_issues(text)]


def verify_issues(text: str) -> list[tuple[tuple[str | int, ...], str]]:
    """`verify`, each problem with the path it is at (empty when it has none)."""
    from funnelcheck.input.load import InputError, load_text
    from funnelcheck.input.validate import validate

    try:
        loaded = load_text(text)
    except InputError as exc:
        return [((), str(exc))]
    problems: list[tuple[tuple[str | int, ...], str]] = [
        (tuple(i.path), i.message) for codes in loaded.issues.values() for i in codes
    ]
    schema = [i for codes in validate(loaded.data).values() for i in codes]
    problems += [(tuple(i.path), i.message) for i in schema]
    if not problems:
        problems += [(tuple(i.path), i.message) for i in _input_rules(loaded.data)]
    return problems


def template() -> str:
    """The `--no-input` file: every default, and a header saying what to replace."""
    return render(
        build_strategy({}),
        header=(
            "A funnelcheck strategy template, worked backwards from one reference customer.",
            "Replace every placeholder with your own answers (or run `funnelcheck init`",
            "without --no-input to be asked), then run `funnelcheck check` on this file.",
        ),
    )
