"""The validate step on data: FC002/FC004/FC006 as a user reads them, and the schema itself."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from corpora import corpus, spec
from jsonschema import Draft202012Validator

import funnelcheck.input.validate as schema_module
from funnelcheck.findings import Issue, format_path
from funnelcheck.input.load import InputError, load_file, load_text
from funnelcheck.input.validate import (
    inline_refs,
    load_schema,
    schema_path,
    strategy_validator,
    validate,
)

ROOT = Path(__file__).resolve().parents[1]

# What jsonschema says to schema authors, and Python's own reprs: never in a user's message.
RAW_TEXT = re.compile(
    r"is not valid under any of the given schemas|is a required property|Additional properties"
    r"|is not of type|does not match|is not one of|\{'|\['|\bNone\b|\bTrue\b|\bFalse\b|\bu'"
)


#: The format page's example, kept in the repository as a sample so that these tests run on
#: any clone, not only next to the shared spec (a test below holds the two equal).
EXAMPLE = ROOT / "sample_strategies" / "ledgerline.yaml"


def _format_page_example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def test_the_sample_is_the_format_page_example_unchanged() -> None:
    page = spec("strategy-format.md")
    blocks = re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    assert _format_page_example() == blocks[-1]


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    data = load_text(_format_page_example()).data
    assert isinstance(data, dict)
    return data


def changed(example: dict[str, Any], change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    data = copy.deepcopy(example)
    change(data)
    return data


def only_issue(found: dict[str, list[Issue]]) -> tuple[str, Issue]:
    """The one issue a single defect must give, with its code."""
    everything = [(code, issue) for code, issues in found.items() for issue in issues]
    assert len(everything) == 1, [(c, format_path(i.path), i.message) for c, i in everything]
    return everything[0]


# -- the example is valid ------------------------------------------------------------------


def test_the_format_page_example_has_no_issue_at_all(example: dict[str, Any]) -> None:
    assert validate(example) == {}


def test_the_example_as_yaml_validates_unchanged_in_its_loaded_form() -> None:
    # The loader keeps dates as text; the schema reads them as `format: date`.
    data = load_text(_format_page_example()).data
    assert data["reviewed"] == "2026-10-30"
    assert validate(data) == {}


# -- not a mapping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "the file is empty; a strategy is a mapping that starts with `funnelcheck: 1`"),
        ("# only a comment\n", "the file is empty"),
        ("- funnelcheck: 1\n", "the top level is a list; a strategy is a mapping"),
        ("[]\n", "the top level is an empty list"),
        ("just some text\n", 'the top level is the text "just some text"'),
        ("42\n", "the top level is the number 42"),
        ("true\n", "the top level is true"),
    ],
)
def test_a_top_level_that_is_not_a_mapping_is_one_plain_fc002(text: str, says: str) -> None:
    code, issue = only_issue(validate(load_text(text).data))
    assert code == "FC002"
    assert issue.path == ()
    assert says in issue.message
    assert not RAW_TEXT.search(issue.message)


# -- FC006 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "shown"),
    [
        (2, "is 2, a newer format"),
        (0, "is 0"),
        ("1", 'is "1"'),
        (1.0, "is 1.0"),
        (True, "is true"),
        (None, "is empty"),
        ([1], "is a list"),
    ],
)
def test_a_version_other_than_1_is_fc006_and_nothing_else_is_checked(
    example: dict[str, Any], version: Any, shown: str
) -> None:
    def break_more(data: dict[str, Any]) -> None:
        data["funnelcheck"] = version
        data["stages"][2]["conversion"] = "high"  # would be FC002 under format 1
        data["stages"][0]["pich"] = "x"  # would be FC004 under format 1

    code, issue = only_issue(validate(changed(example, break_more)))
    assert code == "FC006"
    assert issue.path == ("funnelcheck",)
    assert f"`funnelcheck` {shown}" in issue.message
    assert "this version of funnelcheck reads format 1" in issue.message
    assert issue.subject


def test_a_missing_version_is_a_missing_required_key_not_fc006(example: dict[str, Any]) -> None:
    code, issue = only_issue(validate(changed(example, lambda d: d.pop("funnelcheck"))))
    assert code == "FC002"
    assert issue.path == ()
    assert issue.message.startswith("the strategy lacks the required key `funnelcheck`")


# -- FC002 ---------------------------------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


FC002_CASES = [
    (
        _set(("stages", 2, "conversion"), "high"),
        ("stages", 2, "conversion"),
        '`stages[2].conversion` is "high"; a conversion is a number such as 0.35',
    ),
    (
        _set(("stages", 1, "role"), "sale"),
        ("stages", 1, "role"),
        '`stages[1].role` is "sale"; a role is one of marketing, sales, product, pricing, '
        "retention, referral, other; did you mean sales?",
    ),
    (
        _set(("reviewed",), "2026-02-30"),
        ("reviewed",),
        '`reviewed` is "2026-02-30", which is not a date that exists; write YYYY-MM-DD',
    ),
    (
        _set(("evidence", 0, "date"), "2026-02-29"),  # 2026 is not a leap year
        ("evidence", 0, "date"),
        '`evidence[0].date` is "2026-02-29", which is not a date that exists',
    ),
    (
        _set(("reviewed",), 20261030),
        ("reviewed",),
        "`reviewed` is 20261030; a review date is a date written YYYY-MM-DD, such as 2026-10-30",
    ),
    (
        _delete(("problem", "statement")),
        ("problem",),
        "`problem` lacks the required key `statement` "
        "(who has the problem, what it is, what it costs them)",
    ),
    (
        _delete(("stages", 3, "role")),
        ("stages", 3),
        "`stages[3]` lacks the required key `role` (which runner this is: marketing, sales,",
    ),
    (
        _set(("problem", "pains", 0, "severity"), 7),
        ("problem", "pains", 0, "severity"),
        "`problem.pains[0].severity` is 7; a severity is a whole number from 1 to 5, such as 4",
    ),
    (
        _set(("problem", "prevalence", "share"), 70),
        ("problem", "prevalence", "share"),
        "`problem.prevalence.share` is 70; a share is a number from 0 to 1",
    ),
    (
        _set(("evidence", 0, "n"), 0),
        ("evidence", 0, "n"),
        "a sample size is a whole number of at least 1",
    ),
    (
        _set(("segment", "stakeholders", 0, "role"), "economic-buyer"),
        ("segment", "stakeholders", 0, "role"),
        '`segment.stakeholders[0].role` is "economic-buyer"; a stakeholder role is one of '
        "economic_buyer, champion, user, technical_buyer, influencer, blocker, buyer; "
        "did you mean economic_buyer?",
    ),
    (
        _set(("stages", 0, "audience"), ["cfo"]),
        ("stages", 0, "audience", 0),
        '`stages[0].audience[0]` is "cfo"; an audience role is one of economic_buyer,',
    ),
    (
        _set(("stages", 0, "channels"), "LinkedIn ads"),
        ("stages", 0, "channels"),
        '`stages[0].channels` is "LinkedIn ads"; channels are a list such as '
        "[LinkedIn ads, finance podcasts]",
    ),
    (
        _set(("problem", "id"), "Payout Reconciliation"),
        ("problem", "id"),
        "a problem id is lowercase letters and digits, in words joined by hyphens",
    ),
    (
        _set(("price", "currency"), "usd"),
        ("price", "currency"),
        "a price currency is a three-letter ISO 4217 code in capitals, such as USD",
    ),
    (
        _set(("price", "plans"), []),
        ("price", "plans"),
        "`price.plans` is an empty list; list at least one plan",
    ),
    (
        _set(("product",), "Ledgerline"),
        ("product",),
        '`product` is "Ledgerline"; a product is a mapping with `name` (required) and `category`',
    ),
    (
        _set(("problem", "terms", "payout"), None),
        ("problem", "terms", "payout"),
        "`problem.terms.payout` is empty; other wordings are a list",
    ),
    (
        _set(("problem", "terms", "month-end close"), "close"),
        ("problem", "terms", "month-end close"),
        '`problem.terms["month-end close"]` is "close"',
    ),
    (
        _delete(("goals", "per")),
        ("goals",),
        "`goals` lacks the key `per`, which `customers` needs",
    ),
    (
        _set(("reference_customers", 0, "paid"), "5988 a year"),
        ("reference_customers", 0, "paid"),
        '`reference_customers[0].paid` is "5988 a year"; an amount paid is a mapping with '
        "`amount` (required), `currency` and `per` (required) or empty",
    ),
    (
        _set(("reference_customers", 0, "paid", "per"), "yearly"),
        ("reference_customers", 0, "paid", "per"),
        '`reference_customers[0].paid.per` is "yearly"; a period is one of day, week, month,',
    ),
    (
        _set(("owner",), None),
        ("owner",),
        "`owner` is empty; a strategy owner is text such as Head of Product",
    ),
]


@pytest.mark.parametrize(("change", "path", "says"), FC002_CASES)
def test_one_defect_gives_one_plain_fc002_at_its_path(
    example: dict[str, Any],
    change: Callable[[dict[str, Any]], None],
    path: tuple[Any, ...],
    says: str,
) -> None:
    code, issue = only_issue(validate(changed(example, change)))
    assert code == "FC002"
    assert issue.path == path
    assert says in issue.message
    assert not issue.at_key
    assert not RAW_TEXT.search(issue.message), issue.message
    assert issue.subject


def test_a_missing_key_names_the_key_as_its_subject(example: dict[str, Any]) -> None:
    _, issue = only_issue(validate(changed(example, _delete(("problem", "statement")))))
    assert issue.subject == "statement"


def test_a_long_value_is_cut_short_in_the_message_but_whole_in_the_subject(
    example: dict[str, Any],
) -> None:
    long_role = "head of finance operations and everything else " * 4
    _, issue = only_issue(validate(changed(example, _set(("stages", 0, "role"), long_role))))
    assert long_role not in issue.message and "…" in issue.message
    assert issue.subject == long_role


def test_several_defects_give_one_issue_each(example: dict[str, Any]) -> None:
    def break_three(data: dict[str, Any]) -> None:
        data["stages"][1]["role"] = "sale"
        data["stages"][2]["conversion"] = "half"
        del data["value_proposition"]["statement"]

    found = validate(changed(example, break_three))
    assert list(found) == ["FC002"]
    assert [issue.path for issue in found["FC002"]] == [
        ("stages", 1, "role"),
        ("stages", 2, "conversion"),
        ("value_proposition",),
    ]


@pytest.mark.parametrize(
    "change",
    [
        _set(("stages", 2, "conversion"), 1.5),  # FC501 judges (0, 1]
        _set(("stages", 2, "conversion"), 0),
        _set(("stages", 2, "conversion"), -0.2),
        _set(("capabilities", 2, "eta"), 2027),  # a year alone is an eta a user writes
        _set(("reference_customers", 0, "paid"), None),  # FC602: an unanswered question
        _set(("reference_customers", 0, "trust"), ""),
        _set(("reference_customers", 0, "why_us"), None),
        _set(("problem", "terms", "audit"), []),  # terms are the problem's own words
        _set(("problem", "terms", "Bank Feed!"), ["bank feeds"]),
        _set(("evidence", 0, "date"), "2028-02-29"),  # a leap day that exists
        _set(("price", "plans", 0, "amount"), 0),  # a free plan
    ],
)
def test_what_other_rules_judge_or_the_format_allows_gives_no_issue(
    example: dict[str, Any], change: Callable[[dict[str, Any]], None]
) -> None:
    assert validate(changed(example, change)) == {}


# -- FC004 ---------------------------------------------------------------------------------


def test_an_unknown_key_is_fc004_on_the_key_with_the_nearest_known_key(
    example: dict[str, Any],
) -> None:
    code, issue = only_issue(validate(changed(example, _set(("stages", 0, "pich"), "x"))))
    assert code == "FC004"
    assert issue.path == ("stages", 0, "pich")
    assert issue.at_key
    assert issue.subject == "pich"
    assert issue.message == "unknown key `pich` in `stages[0]`; did you mean `pitch`?"


def test_a_misspelled_required_key_is_one_fc004_not_also_a_missing_key(
    example: dict[str, Any],
) -> None:
    def misspell(data: dict[str, Any]) -> None:
        data["stages"][1]["nme"] = data["stages"][1].pop("name")

    code, issue = only_issue(validate(changed(example, misspell)))
    assert code == "FC004"
    assert issue.message == "unknown key `nme` in `stages[1]`; did you mean `name`?"


def test_a_required_key_missing_beside_an_unrelated_unknown_key_is_both(
    example: dict[str, Any],
) -> None:
    def two_defects(data: dict[str, Any]) -> None:
        del data["stages"][1]["name"]
        data["stages"][1]["discount"] = 10

    found = validate(changed(example, two_defects))
    assert [i.path for i in found["FC004"]] == [("stages", 1, "discount")]
    assert [i.message for i in found["FC002"]] == [
        "`stages[1]` lacks the required key `name` (the stage's name, such as Discovery call)"
    ]


def test_an_unknown_key_with_no_close_match_lists_the_keys_its_mapping_takes(
    example: dict[str, Any],
) -> None:
    _, issue = only_issue(validate(changed(example, _set(("price", "discount"), 10))))
    assert issue.message == (
        "unknown key `discount` in `price`, which takes `model`, `currency`, `plans` "
        "and `willingness_to_pay`"
    )


def test_an_unknown_top_level_key_and_one_inside_an_optional_money(
    example: dict[str, Any],
) -> None:
    def two_keys(data: dict[str, Any]) -> None:
        data["assumptons"] = []
        paid = data["reference_customers"][0]["paid"]
        paid["curency"] = paid.pop("currency")

    found = validate(changed(example, two_keys))
    assert list(found) == ["FC004"]
    assert [(i.path, i.message) for i in found["FC004"]] == [
        (("assumptons",), "unknown key `assumptons` at the top level; did you mean `assumptions`?"),
        (
            ("reference_customers", 0, "paid", "curency"),
            "unknown key `curency` in `reference_customers[0].paid`; did you mean `currency`?",
        ),
    ]


# -- the validator is built once -----------------------------------------------------------


def test_the_validator_is_built_once_per_process(
    example: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Any] = []

    class CountingFactory:
        """Stands in for the validator class: counts how often a validator is made."""

        FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            validator = Draft202012Validator(*args, **kwargs)
            built.append(validator)
            return validator

    strategy_validator.cache_clear()
    monkeypatch.setattr(schema_module, "Draft202012Validator", CountingFactory())
    try:
        broken = changed(example, _set(("stages", 2, "conversion"), "high"))
        for _ in range(5):
            validate(example)
            validate(broken)
        assert len(built) == 1
        assert strategy_validator() is built[0]
    finally:
        strategy_validator.cache_clear()  # the next user builds the real one again


def test_the_validator_checks_formats() -> None:
    validator = strategy_validator()
    assert validator is strategy_validator()
    assert validator.format_checker is not None
    assert "date" in validator.format_checker.checkers


# -- the schema file -----------------------------------------------------------------------


def _walk_properties(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    """Every schema that declares a field: properties and free-form map values."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}/properties/{name}", sub
        if isinstance(node.get("additionalProperties"), dict):
            yield f"{where}/additionalProperties", node["additionalProperties"]
        for key, sub in node.items():
            yield from _walk_properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _walk_properties(sub, f"{where}/{index}")


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    schema = load_schema("strategy.schema.json")
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://funnelcheck.dev/schemas/strategy.schema.json"


def test_every_property_in_the_schema_has_a_description() -> None:
    schema = load_schema("strategy.schema.json")
    declared = list(_walk_properties(schema))
    assert len(declared) > 80  # every field of the format page, not a handful
    missing = [where for where, sub in declared if not str(sub.get("description", "")).strip()]
    assert missing == []


def test_every_definition_has_a_description() -> None:
    schema = load_schema("strategy.schema.json")
    assert all(d.get("description") for d in schema["$defs"].values())


def test_ids_and_dates_follow_the_format_page() -> None:
    defs = load_schema("strategy.schema.json")["$defs"]
    assert defs["id"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert defs["date"] == defs["date"] | {"type": "string", "format": "date"}


def test_the_schema_is_found_in_the_checkout_and_read_once() -> None:
    path = schema_path("strategy.schema.json")
    assert path.is_file()
    assert json.loads(path.read_text(encoding="utf-8")) == load_schema("strategy.schema.json")
    assert load_schema("strategy.schema.json") is load_schema("strategy.schema.json")
    packaged = Path(schema_module.__file__).resolve().parent / "schemas"
    if not packaged.is_dir():  # a source checkout: the top-level schemas/ is the one read
        assert path == ROOT / "schemas" / "strategy.schema.json"


@pytest.mark.parametrize("name", ["../pyproject.toml", "", "sub/strategy.schema.json"])
def test_a_schema_name_is_a_plain_file_name(name: str) -> None:
    with pytest.raises(ValueError):
        schema_path(name)


def test_an_unknown_schema_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match=re.escape("no-such.schema.json")):
        schema_path("no-such.schema.json")


# -- hostile input never breaks the step ---------------------------------------------------


def test_naughty_strings_as_values_and_keys_give_plain_messages(example: dict[str, Any]) -> None:
    strings = json.loads(corpus("blns/blns.json").read_text(encoding="utf-8"))
    for text in strings:

        def hostile(data: dict[str, Any], text: str = text) -> None:
            data["stages"][0]["role"] = text
            data["stages"][1][text or "(empty)"] = 1

        found = validate(changed(example, hostile))
        roles = [i for i in found.get("FC002", []) if i.path == ("stages", 0, "role")]
        assert len(roles) == 1 and roles[0].subject == text
        unknown = found["FC004"]
        assert len(unknown) == 1 and unknown[0].at_key and unknown[0].subject == (text or "(empty)")
        for issue in roles + unknown:
            assert "a role is one of" in issue.message or "unknown key" in issue.message


def test_every_yaml_test_suite_document_validates_without_a_crash() -> None:
    folder = corpus("yaml-test-suite")
    checked = 0
    for case in sorted(folder.glob("*.yaml")):
        try:
            data = load_text(case.read_text(encoding="utf-8")).data
        except (InputError, UnicodeDecodeError):
            continue
        found = validate(data)
        assert found, f"{case.name} is no strategy, yet validates"
        for issues in found.values():
            for issue in issues:
                assert not RAW_TEXT.search(issue.message), (case.name, issue.message)
        checked += 1
    assert checked > 200


# -- references inlined for speed ----------------------------------------------------------


def test_the_inlined_schema_accepts_and_refuses_what_the_schema_file_does(
    example: dict[str, Any],
) -> None:
    as_written = Draft202012Validator(
        load_schema("strategy.schema.json"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    variants = [example] + [changed(example, change) for change, _, _ in FC002_CASES]
    variants.append(changed(example, _set(("stages", 0, "pich"), "x")))
    for data in variants:
        written = sorted((list(e.absolute_path), e.validator) for e in as_written.iter_errors(data))
        inlined = sorted(
            (list(e.absolute_path), e.validator) for e in strategy_validator().iter_errors(data)
        )
        assert written == inlined


def test_inlining_keeps_a_fields_own_words_over_its_definitions() -> None:
    schema = {
        "$defs": {"id": {"type": "string", "title": "Id", "pattern": "^[a-z]+$"}},
        "properties": {"plan": {"$ref": "#/$defs/id", "title": "Plan id"}},
    }
    assert inline_refs(schema) == {
        "properties": {"plan": {"type": "string", "title": "Plan id", "pattern": "^[a-z]+$"}}
    }


@pytest.mark.parametrize(
    ("schema", "refusal"),
    [
        ({"properties": {"a": {"$ref": "other.json#/x"}}}, "only local references"),
        (
            {"$defs": {"n": {"items": {"$ref": "#/$defs/n"}}}, "items": {"$ref": "#/$defs/n"}},
            "refers to itself",
        ),
        (
            {
                "$defs": {"n": {"type": "number"}},
                "properties": {"a": {"$ref": "#/$defs/n", "minimum": 0}},
            },
            "only annotations",
        ),
    ],
)
def test_inlining_refuses_what_it_cannot_keep(schema: dict[str, Any], refusal: str) -> None:
    with pytest.raises(ValueError, match=refusal):
        inline_refs(schema)


# -- ----------------------------------------------------------------------------------------
# FC002 messages read as sentences a product manager understands, for every field.
#
# Each message names what the value should be from the schema's `title` ("a conversion is a
# number such as 0.35"), so a title must be a noun: "Why they bought" gave "a why they bought
# is text or empty", "Customers wanted" gave "a customers wanted is a whole number".


EXAMPLE = Path(__file__).resolve().parents[1] / "sample_strategies" / "ledgerline.yaml"

#: "a why ...", "a reached via ...", "a customers wanted ...": a title that is no noun.
NOT_A_NOUN = re.compile(
    r"\ban? (why|how|what|who|when|reached|last checked|customers wanted)\b", re.IGNORECASE
)


def _example() -> dict[str, Any]:
    data = load_file(str(EXAMPLE)).data
    assert isinstance(data, dict)
    # Give the optional parts the example leaves out a value, so their fields are tried too.
    data["price"]["willingness_to_pay"] = {"low": 300, "high": 800, "per": "month"}
    data["assumptions"] = [
        {"id": "cfo-buys", "text": "CFOs sign", "status": "assumed", "last_checked": "2026-10-01"}
    ]
    return data


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    elif isinstance(value, list):
        if value:
            yield from _leaves(value[0], (*path, 0))
    else:
        yield path


@cache
def _messages() -> list[tuple[str, str]]:
    example = _example()
    out = []
    for path in _leaves(example):
        data = copy.deepcopy(example)
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = {"not": "a value of this kind"}
        for issues in validate(data).values():
            out += [(".".join(map(str, path)), issue.message) for issue in issues]
    return out


def test_every_field_is_named_by_a_noun_in_its_fc002_message() -> None:
    messages = _messages()
    assert len(messages) > 60  # every leaf of the example was tried
    wrong = [(path, message) for path, message in messages if NOT_A_NOUN.search(message)]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("goals.customers", "a customer goal is a whole number of at least 1"),
        ("reference_customers.0.why_bought", "a reason they bought is text or empty"),
        ("reference_customers.0.reached_via", "a channel that reached them is text or empty"),
        ("assumptions.0.last_checked", "a last check date is a date written YYYY-MM-DD"),
    ],
)
def test_the_renamed_fields_read_as_sentences(path: str, says: str) -> None:
    assert any(p == path and says in m for p, m in _messages()), path


def test_an_id_message_offers_no_other_kinds_id_as_its_example() -> None:
    # "a pain id is ..., such as `auto-match`" offered the example's capability id as the
    # way to write a pain id; the message says how ids are written instead.
    for path, message in _messages():
        if path.endswith(".id") or path.endswith("evidence.0") or ".relieves." in path:
            assert "auto-match" not in message, (path, message)
            assert "no spaces, capitals or underscores" in message, (path, message)
