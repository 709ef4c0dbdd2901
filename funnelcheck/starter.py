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
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

SKIP = "-"
SCHEMA_MODELINE = (
    "# yaml-language-server: $schema=https://funnelcheck.dev/schemas/strategy.schema.json"
)

Answers = dict[str, Any]
Default = str | Callable[[Mapping[str, Any]], str]


@dataclass(frozen=True)
class Question:
    """One prompt: where its answer goes, what it asks, why, and its default."""

    key: str  # dotted place in the answers, such as "customer.paid.amount"
    prompt: str
    help: str  # one line: why the question is asked
    default: Default = ""
    kind: str = "text"  # text, number, list, terms, choice
    choices: tuple[str, ...] = ()
    #: The strategy path the answer is checked at (None: checked as free text).
    checks_at: tuple[str | int, ...] | None = None
    optional: bool = False  # SKIP leaves it out of the strategy


def _get(answers: Mapping[str, Any], key: str) -> Any:
    node: Any = answers
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _set(answers: Answers, key: str, value: Any) -> None:
    parts = key.split(".")
    node = answers
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _text(answers: Mapping[str, Any], key: str, fallback: str = "") -> str:
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
        "The problem that made them look for a product, in their words",
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
        "What the price is worth to them, set against the cost of the problem",
    ),
    Question(
        "customer.trust",
        "Why do they trust the company?",
        "The proof that made them believe you; the referral stage and the evidence.",
        "Who or what they trusted: a peer, a case study, a trial they ran",
    ),
    Question(
        "customer.evaluation",
        "How did they evaluate the product in their own setting?",
        "What they tried, on what data, compared with what; the trial (product) stage.",
        "A trial on their own data, compared with how they work today",
    ),
    Question(
        "customer.why_us",
        "Why did they choose this product from this company?",
        "What no alternative gave them; a sales claim and the first differentiator.",
        "What no alternative gave them",
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
            f"{_text(a, 'product.name', 'Our product')} solves it: "
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
        "price.model",
        "Pricing model",
        "How customers pay: subscription, usage, one-time, freemium or hybrid.",
        lambda a: "one-time" if _plan_period(a) == "once" else "subscription",
        "choice",
        ("subscription", "usage", "one-time", "freemium", "hybrid"),
        checks_at=("price", "model"),
    ),
    Question(
        "price.currency",
        "Price currency",
        "The currency every amount is read in.",
        lambda a: _text(a, "customer.paid.currency", "USD"),
        checks_at=("price", "currency"),
    ),
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


def default_for(question: Question, answers: Mapping[str, Any]) -> str:
    default = question.default
    return default(answers) if callable(default) else default


def asked(question: Question, answers: Mapping[str, Any]) -> bool:
    """Whether `init` asks this question, given the answers so far."""
    if question.key in ("price.plan.unit_amount", "price.plan.unit_per"):
        return _get(answers, "price.plan.unit") not in (None, "", SKIP)
    return True


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


def parse_terms(text: str) -> dict[str, list[str]]:
    terms: dict[str, list[str]] = {}
    for group in text.split(","):
        words = [w.strip() for w in group.split("/") if w.strip()]
        if words:
            terms.setdefault(words[0], []).extend(w for w in words[1:] if w not in terms)
    return terms


def format_terms(terms: Mapping[str, Sequence[str]]) -> str:
    return ", ".join("/".join([term, *wordings]) for term, wordings in terms.items())


def problem_with(question: Question, value: Any) -> str | None:
    """The schema step's message for this answer, or None when it is fine.

    The answer is placed at its spot in a strategy that is otherwise valid, and the
    project's validator (funnelcheck.schema.validate) judges it: the prompt says what
    `check` would say.
    """
    if question.checks_at is None:
        return None
    from funnelcheck.schema import validate

    probe = _probe()
    # The loader reads a decimal as a float: the schema step is asked about what it reads.
    _place(probe, question.checks_at, float(value) if isinstance(value, Decimal) else value)
    issues = [i for codes in validate(probe).values() for i in codes]
    mine = [i for i in issues if tuple(i.path[: len(question.checks_at)]) == question.checks_at]
    if question.key == "problem.terms" and not value:
        return "Give at least one term: the words the problem story is told in."
    return "; ".join(i.message for i in mine) or None


def _probe() -> dict[str, Any]:
    probe = build_strategy({})
    probe["price"]["plans"][0]["components"] = [{"unit": "seat", "amount": 1, "per": "month"}]
    return probe


def _place(data: Any, path: Sequence[str | int], value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def interview(
    ask: Callable[[Question, str], str],
    tell: Callable[[str], None] = lambda message: None,
    questions: Sequence[Question] = QUESTIONS,
) -> Answers:
    """Ask every question through `ask`; a bad answer is told (`tell`) and asked again.

    `ask` returns the text typed (the default when the user just pressed Enter). It may
    raise EOFError or KeyboardInterrupt: the caller then writes nothing.
    """
    answers: Answers = {}
    for question in questions:
        if not asked(question, answers):
            continue
        if question.key == "problem.terms":
            _set(answers, "problem.terms", None)
        while True:
            default = default_for(question, answers)
            text = ask(question, default).strip()
            if text == SKIP and question.optional:
                _set(answers, question.key, SKIP)
                break
            value = parse(question, text if text else default)
            message = problem_with(question, value)
            if message is None:
                _set(answers, question.key, value)
                break
            tell(message)
    return answers


# -- proposing terms -------------------------------------------------------------------------

_ANSWER_KEYS = ("why_bought", "why_that_price", "trust", "evaluation", "why_us", "reached_with")


def propose_terms(answers: Mapping[str, Any], most: int = 4) -> dict[str, list[str]]:
    """Terms from the words of the answers: the content words found in the most answers
    (and the problem statement), each with the other forms of it the answers used."""
    from funnelcheck.story import content_words, stem

    texts = [_text(answers, f"customer.{key}") for key in _ANSWER_KEYS]
    texts.append(_text(answers, "problem.statement"))
    own = {stem(w) for w in re.findall(r"\w+", _text(answers, "product.name").lower())}
    reach: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        seen = set()
        for word in re.findall(r"[\w'-]+", text.lower()):
            for stemmed, normal in content_words(word):
                if len(normal) < 3 or stemmed in own:
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


def _answer(answers: Mapping[str, Any], key: str) -> Any:
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
        if (
            question.key.startswith("price.")
            and isinstance(a.get("price"), Mapping)
            and ("plans" in a["price"])
        ):
            continue
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
    given = a.get("price")
    if isinstance(given, Mapping) and "plans" in given:
        return copy.deepcopy(dict(given))  # any shape the format supports, as written
    plan: dict[str, Any] = {
        "id": get("price.plan.id"),
        "amount": get("price.plan.amount"),
        "per": get("price.plan.per"),
    }
    unit = get("price.plan.unit")
    if unit:
        plan["components"] = [
            {
                "unit": unit,
                "amount": get("price.plan.unit_amount"),
                "per": get("price.plan.unit_per"),
            }
        ]
    price: dict[str, Any] = {
        "model": get("price.model"),
        "currency": get("price.currency"),
        "plans": [plan],
    }
    if isinstance(given, Mapping) and isinstance(given.get("willingness_to_pay"), Mapping):
        price["willingness_to_pay"] = dict(given["willingness_to_pay"])
    return price


_BY_KEY = {q.key: q for q in QUESTIONS}


# -- strategy -> commented YAML ---------------------------------------------------------------


def order(data: Any, schema: Mapping[str, Any] | None = None) -> Any:
    """`data` with every mapping's keys in the order the schema declares them."""
    if schema is None:
        from funnelcheck.schema import STRATEGY_SCHEMA, inline_refs, load_schema

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
    """What is wrong with the YAML written, read back by the project's loader and schema
    step (an empty list: it loads and has the format's shape)."""
    from funnelcheck.load import InputError, load_text
    from funnelcheck.schema import validate

    try:
        loaded = load_text(text)
    except InputError as exc:
        return [str(exc)]
    problems = [i.message for codes in loaded.issues.values() for i in codes]
    problems += [
        f"{'.'.join(map(str, i.path))}: {i.message}"
        for codes in validate(loaded.data).values()
        for i in codes
    ]
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
