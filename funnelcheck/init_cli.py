"""The terminal side of `funnelcheck init`: prompts, the answers file, writing, the first check.

What is asked and how answers become a strategy lives in funnelcheck/run/starter.py; this module
only talks to the user and the file system, and returns the exit code.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Any

from funnelcheck.run import starter

EXIT_WRITTEN, EXIT_END_OF_INPUT, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
ANSWERS_SCHEMA = "answers.schema.json"


def _say(message: str) -> None:
    from funnelcheck.support.terminal import clean

    print(f"funnelcheck: {clean(message)}", file=sys.stderr)


def _exists(file: str) -> bool:
    return os.path.lexists(file)


def _refuse_existing(file: str) -> int:
    _say(
        f"{file} already exists; nothing was written. Run again with --force to overwrite "
        "it, or name another file."
    )
    return EXIT_ERROR


def run(file: str, *, no_input: bool, answers: str | None, force: bool) -> int:
    if no_input and answers is not None:
        _say("--no-input and --answers cannot be used together: choose one.")
        return EXIT_ERROR
    if _exists(file) and not force:
        return _refuse_existing(file)
    if no_input:
        text = starter.template()
    elif answers is not None:
        loaded = _answers_file(answers)
        if loaded is None:
            return EXIT_ERROR
        strategy = starter.build_strategy(loaded)
        text = starter.render(strategy, header=_header(loaded))
        found = starter.verify_issues(text)
        if found:
            # The price and the typical customer are written as in the strategy: a path
            # there is a path in the answers file too.
            located = _located_in(answers)
            for where, problem in found:
                line = _line(located, where) if located is not None else ""
                _say(f"{answers}{line}: {problem}")
            _say(f"nothing was written; fix {answers} and run again.")
            return EXIT_ERROR
    else:
        try:
            given = _interview()
        except KeyboardInterrupt:
            print(file=sys.stderr)
            _say("interrupted; nothing was written.")
            return EXIT_INTERRUPTED
        except EOFError:
            print(file=sys.stderr)
            _say("end of input before the last answer; nothing was written.")
            return EXIT_END_OF_INPUT
        text = starter.render(starter.build_strategy(given), header=_header(given))
    problems = starter.verify(text)
    if problems:  # a bug of ours: the answers were each checked at the prompt
        for problem in problems:
            _say(f"the strategy written would not be valid: {problem}")
        _say("nothing was written; this is a bug in funnelcheck init, please report it.")
        return EXIT_ERROR
    if _exists(file) and not force:  # created while we were asking
        return _refuse_existing(file)
    from funnelcheck.support.atomic import write_atomic

    try:
        write_atomic(file, text)
    except OSError as exc:
        _say(f"cannot write {file}: {exc.strerror or exc}; nothing was written.")
        return EXIT_ERROR
    print(f"Wrote {file}.")
    _first_check(file)
    return EXIT_WRITTEN


def _header(answers: dict[str, Any]) -> tuple[str, ...]:
    name = starter._text(answers, "customer.name", "one reference customer")
    return (
        f"Written by `funnelcheck init`, worked backwards from {name}.",
        "Run `funnelcheck check` on this file after each change.",
    )


def _interview() -> dict[str, Any]:
    from rich.console import Console
    from rich.markup import escape
    from rich.prompt import Prompt

    console = Console(highlight=False)
    console.print(
        "[bold]funnelcheck init[/]: a strategy worked backwards from one reference customer.\n"
        "Press Enter to take the default shown in brackets; answer - to leave an optional "
        "answer out. Ctrl-C stops without writing anything."
    )

    def ask(question: starter.Question, default: str) -> str:
        console.print(f"\n[dim]{escape(question.help)}[/]")
        shown = " " + escape(f"[{default}]") if default else ""
        return Prompt.ask(
            f"[bold]{escape(question.prompt)}[/]{shown}",
            console=console,
            default=default,
            show_default=False,
        )

    def tell(message: str) -> None:
        sentence = message.rstrip(".")
        end = "" if sentence.endswith("?") else "."
        console.print(f"[red]{escape(sentence)}{end}[/] Please answer again.")

    return starter.interview(ask, tell)


def _answers_file(path: str) -> dict[str, Any] | None:
    from funnelcheck.input.load import InputError, UnreadablePath, load_text, read_text

    try:
        loaded = load_text(read_text(path))
    except UnreadablePath as exc:
        _say(f"{path}: {exc.reason}; nothing was written.")
        return None
    except InputError as exc:
        _say(f"{path}: {exc}; nothing was written.")
        return None
    except OSError as exc:
        _say(f"{path}: {exc.strerror or exc}; nothing was written.")
        return None
    from funnelcheck.findings import format_path
    from funnelcheck.input.validate import validate_against

    data = loaded.data
    # The file's structure, in the schema step's words (answers.schema.json, which reads
    # the price's and the typical customer's shapes from the strategy schema).
    bad: list[tuple[tuple[Any, ...], str, bool]] = [
        (tuple(i.path), i.message, i.at_key) for i in validate_against(ANSWERS_SCHEMA, data)
    ]
    if not bad:
        assert isinstance(data, dict)
        price = data.get("price")
        if isinstance(price, dict) and "plan" in price and "plans" in price:
            bad.append(
                (
                    ("price", "plan"),
                    "`price` has both `plan` and `plans`; give the plans under `plans` "
                    "(the format's words) and remove `plan`",
                    True,
                )
            )
    if not bad:
        assert isinstance(data, dict)
        # Each answer the prompts would check is checked the same way (the schema step).
        for question in (*starter.QUESTIONS, *starter.PLAN_QUESTIONS):
            key = question.key
            value = starter._get(data, key)
            if value is None or value == starter.SKIP:
                continue
            if isinstance(value, str) and question.kind != "text":
                value = starter.parse(question, value)
            problem = starter.problem_with(question, value)
            if problem:
                where = starter._parts(key)
                # The message names the answer's place in the strategy; the user wrote it
                # at `where` in this file.
                strategy_path = f"`{format_path(question.checks_at or ())}`"
                answer_path = f"`{format_path(where)}`"
                if strategy_path in problem:
                    message = problem.replace(strategy_path, answer_path)
                else:
                    message = f"{answer_path}: {problem}"
                bad.append((where, message, False))
    if bad:
        for where, message, at_key in bad:
            _say(f"{path}{_line(loaded, where, at_key)}: {message}")
        _say(f"nothing was written; fix {path} and run again.")
        return None
    assert isinstance(data, dict)
    return data


def _line(loaded: Any, where: tuple[Any, ...], at_key: bool = False) -> str:
    try:
        line = loaded.locations.find(where, at_key)[0]
    except (KeyError, IndexError, TypeError, ValueError):  # a location is a courtesy
        return ""
    return f":{line}" if line else ""


def _located_in(path: str) -> Any:
    from funnelcheck.input.load import InputError, load_text, read_text

    try:
        return load_text(read_text(path))
    except (InputError, OSError):
        return None


def _first_check(file: str) -> None:
    from funnelcheck.config import Overrides
    from funnelcheck.input.discover import Source
    from funnelcheck.run.engine import make_checker

    checker = make_checker(None, Overrides(), True, dt.date.today())
    result = checker.check(Source(file, file, True))
    if result is None or result.error:
        _say(f"could not check {file}: {result.error if result else 'not a strategy'}")
        return
    findings = sorted(result.findings, key=lambda f: f.sort_key())
    counts = {level: 0 for level in ("error", "warning", "info")}
    for finding in findings:
        counts[finding.severity.name.lower()] += 1
    from funnelcheck.support.terminal import clean

    print(
        f"First check: {_n(len(findings), 'finding')} ({_n(counts['error'], 'error')}, "
        f"{_n(counts['warning'], 'warning')}, {_n(counts['info'], 'note')}); the file has "
        "the format's shape, so every rule ran."
        if not any(f.code.startswith("FC00") for f in findings)
        else f"First check: {_n(len(findings), 'finding')}, some about the file's shape."
    )
    if findings:
        print("What to fill in next:")
        for finding in findings[:12]:
            print(f"  {file}:{finding.location.line}  {finding.code}  {clean(finding.message)}")
        if len(findings) > 12:
            print(f"  ... and {len(findings) - 12} more: run `funnelcheck check {file}`.")
    print(
        "Then: add pains, capabilities (shipped or planned) and conversions, and run "
        f"`funnelcheck check {file}`; `funnelcheck explain CODE` explains a finding."
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
