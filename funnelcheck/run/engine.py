"""Check files -> a Report. One file at a time: read, locate, validate, run the rules, drop.

Nothing here prints or exits; the CLI decides what a user sees and the exit code.
Strategies are read, checked and dropped one file at a time; each file's result waits in
a spool (a temporary file) until the reporters read it back, so memory stays flat in the
number of files. With `jobs > 1` files are checked in worker processes and the results
kept in the report's order, so the report is the same as a serial run's, byte for byte.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from funnelcheck import __version__
from funnelcheck.findings import (
    MAX_PER_RULE,
    FileResult,
    Finding,
    Handoff,
    Issue,
    Location,
    Pitch,
    Relay,
    RelayStage,
    Report,
    Severity,
    Why,
    format_path,
    more_issues,
)
from funnelcheck.input.discover import STDIN, STDIN_DISPLAY, Source, looks_like_strategy
from funnelcheck.input.load import (
    InputError,
    Loaded,
    Locations,
    LocNode,
    UnreadablePath,
    display_name,
)
from funnelcheck.model.funnel import leads_needed, stage_entrants
from funnelcheck.model.told import told_of
from funnelcheck.rules.base import SHAPE_FAULTS
from funnelcheck.run.identity import StablePaths

if TYPE_CHECKING:
    from funnelcheck.config import Config, ConfigResolver
    from funnelcheck.model.strategy import Strategy
    from funnelcheck.reporters.base import Reporter
    from funnelcheck.rules.base import Rule
    from funnelcheck.run.spool import ResultSpool

#: Suppressions are comments `# funnelcheck: ignore ...`; most files have none.
_SUPPRESSION_MARK = re.compile(r"#\s*funnelcheck\s*:")


@dataclass
class Checker:
    """Everything that stays the same from file to file in one run."""

    resolver: ConfigResolver
    rules: Mapping[str, type[Rule]]
    as_of: dt.date
    stdin_bytes: bytes = b""
    #: Give each relay stage the evidence of what it carries (`--why`).
    why: bool = False
    #: Work out each file's pitch (`FileResult.pitch`) for a reporter that draws it
    #: (`Reporter.draws_pitch`); None in its place otherwise.
    pitch: bool = False
    #: Called with each file's strategy and whether it has the format's shape, before the
    #: rules read it: `funnelcheck diff` reads the data the check loaded, never a second time.
    keep: Callable[[Strategy, bool], None] | None = None
    _instances: dict[str, Rule] = field(default_factory=dict)

    def rule(self, code: str) -> Rule:
        instance = self._instances.get(code)
        if instance is None:
            instance = self._instances[code] = self.rules[code]()
        return instance

    # -- one file -----------------------------------------------------------------------
    def check(self, source: Source) -> FileResult | None:
        """Check one file; None when a walked YAML file turns out not to be a strategy."""
        # Standard input named with --stdin-filename gets that file's configuration and
        # per-file settings, as ruff does.
        config_path = source.path
        if source.path == STDIN and source.display != STDIN_DISPLAY:
            config_path = source.display
        from funnelcheck.config import ConfigError

        try:
            config = self.resolver.for_file(config_path)
            return self._check(source, config, config_path)
        except ConfigError as exc:
            # A broken configuration stops only the files it governs (issue 11); a walked
            # YAML file that is no strategy (a CI file) is still passed over.
            if not source.explicit:
                from funnelcheck.input.load import read_head

                try:
                    if not looks_like_strategy(read_head(source.path)):
                        return None
                except OSError:
                    pass
            return FileResult(
                source.display, error=f"{source.display}: not checked: its configuration: {exc}"
            )

    def _check(self, source: Source, config: Config, config_path: str) -> FileResult | None:
        from funnelcheck.input.load import decode, load_text, read_head, read_text

        try:
            if source.path == STDIN:
                text = decode(self.stdin_bytes, config.limits)
            else:
                text = read_text(source.path, config.limits)
        except UnreadablePath as exc:
            return FileResult(source.display, error=f"{source.display}: {exc.reason}")
        except InputError as exc:
            # A large data file met in a walk is no strategy to refuse: look at its start.
            if exc.too_large and not source.explicit:
                try:
                    if not looks_like_strategy(read_head(source.path)):
                        return None
                except OSError:
                    pass
            return self._result(source, config, config_path, "", None, {exc.code: [_located(exc)]})
        if not source.explicit and not looks_like_strategy(text):
            return None
        try:
            loaded = load_text(text, config.limits)
        except InputError as exc:
            return self._result(
                source, config, config_path, text, None, {exc.code: [_located(exc)]}
            )
        return self._result(source, config, config_path, text, loaded, dict(loaded.issues))

    def _result(
        self,
        source: Source,
        config: Config,
        config_path: str,
        text: str,
        loaded: Loaded | None,
        input_issues: dict[str, list[Issue]],
    ) -> FileResult:
        from funnelcheck.language.money import exact_arithmetic
        from funnelcheck.model.strategy import Strategy

        data: Any = None
        if loaded is not None:
            from funnelcheck.input.validate import validate

            data = loaded.data
            # A value the loader could not read is FC002 there already; the placeholder it
            # left (0 for `!!int forty`) is not the user's to be told about again.
            unread = {issue.path for issue in loaded.issues.get("FC002", ())}
            for code, issues in validate(data).items():
                if unread:
                    issues = [issue for issue in issues if issue.path not in unread]
                input_issues.setdefault(code, []).extend(issues)
        # A misspelt required key is reported once, as FC004, but the data still lacks it.
        misspelt_required = any(
            issue.data.get("replaces_required") for issue in input_issues.get("FC004", ())
        )
        shaped = not misspelt_required and (
            loaded is not None
            and isinstance(data, dict)
            and not any(code in input_issues for code in SHAPE_FAULTS)
        )
        strategy = Strategy(
            file=source.display,
            data=data if isinstance(data, dict) else {},
            as_of=self.as_of,
            text=text,
            input_issues=input_issues,
        )
        if self.keep is not None:
            self.keep(strategy, shaped)
        locations = loaded.locations if loaded is not None else Locations(LocNode(1, 1))
        with exact_arithmetic():  # every rule's money and funnel figures: exact, bounded
            return self._run_rules(source, config, config_path, text, strategy, locations, shaped)

    def _run_rules(
        self,
        source: Source,
        config: Config,
        config_path: str,
        text: str,
        strategy: Strategy,
        locations: Locations,
        shaped: bool,
    ) -> FileResult:
        stable = StablePaths(strategy.data)
        findings: list[Finding] = []
        rules_run: list[str] = []
        for rule_cls, settings in config.rules_for(self.rules, config_path):
            if not rule_cls.input_rule and not shaped:
                continue
            code = rule_cls.code
            rules_run.append(code)
            rule = self.rule(code)
            listed = 0
            beyond: Issue | None = None
            not_listed = 0
            try:
                for issue in rule.check(strategy, settings.options):
                    if listed >= MAX_PER_RULE and "not_listed" not in issue.data:
                        # Counted, not kept: memory stays flat in the findings (issue 12).
                        beyond = beyond or issue
                        not_listed += 1
                        continue
                    listed += 1
                    findings.append(
                        self._finding(
                            rule_cls, issue, settings.severity, strategy, locations, stable
                        )
                    )
            except Exception as exc:  # a rule's bug: FC010 on this file, the rest goes on
                if os.environ.get("FUNNELCHECK_DEBUG"):
                    raise
                findings.append(self._rule_failed(rule_cls, exc, strategy, locations))
            if beyond is not None:
                findings.append(
                    self._finding(
                        rule_cls,
                        more_issues(beyond, not_listed),
                        settings.severity,
                        strategy,
                        locations,
                    )
                )
        suppressed = 0
        if text and _SUPPRESSION_MARK.search(text):
            findings, suppressed = self._suppress(
                findings, strategy, config, config_path, locations, rules_run, stable
            )
        findings.sort(key=Finding.sort_key)
        relay = _relay(strategy, locations, why=self.why) if shaped else None
        return FileResult(
            source.display,
            findings=findings,
            relay=relay,
            rules_run=tuple(rules_run),
            suppressed=suppressed,
            fail_on=config.fail_on,
            pitch=_pitch(strategy) if shaped and self.pitch else None,
        )

    def _rule_failed(
        self, rule: type[Rule], error: Exception, strategy: Strategy, locations: Locations
    ) -> Finding:
        """FC010: `rule` raised on this file; its findings here are missing."""
        from funnelcheck.rules import builtin_rules

        # Through the registry: the engine names no rule module (the import-graph test).
        failed = next(r for r in builtin_rules() if r.code == "FC010")
        module = rule.__module__
        origin = "funnelcheck" if module.startswith("funnelcheck.") else module.split(".")[0]
        hint = f"--ignore {rule.code}" + (" or --no-plugins" if origin != "funnelcheck" else "")
        said = str(error)
        said = f": {said[:200]}{'…' if len(said) > 200 else ''}" if said else ""
        issue = Issue(
            path=(),
            message=(
                f"the rule {rule.code} ({rule.name}, from {origin}) failed on this file "
                f"({type(error).__name__}{said}), so its findings here are missing; the "
                f"other rules ran. This is a bug in that rule, not in the strategy: please "
                f"report it to {origin}'s authors (FUNNELCHECK_DEBUG=1 shows the traceback); "
                f"meanwhile {hint} checks without it"
            ),
            line=1,
            column=1,
            subject=rule.code,
            data={"rule": rule.code, "rule_name": rule.name, "error": type(error).__name__},
        )
        return self._finding(failed, issue, Severity.ERROR, strategy, locations)

    def _suppress(
        self,
        findings: list[Finding],
        strategy: Strategy,
        config: Config,
        config_path: str,
        locations: Locations,
        rules_run: list[str],
        stable: StablePaths,
    ) -> tuple[list[Finding], int]:
        from funnelcheck.run.suppress import apply_suppressions

        known = {code: rule.name for code, rule in self.rules.items()}
        # A suppression of a rule that did not run (--select, config) is not "unused".
        kept, suppressed, issues = apply_suppressions(
            findings, strategy.text, known, self.as_of, active=set(rules_run), locations=locations
        )
        rule_cls = self.rules.get("FC009")
        if rule_cls is not None:
            settings = config.settings_for(rule_cls, config_path)
            if settings is not None:
                kept.extend(
                    self._finding(rule_cls, issue, settings.severity, strategy, locations, stable)
                    for issue in issues
                )
        return kept, suppressed

    def _finding(
        self,
        rule: type[Rule],
        issue: Issue,
        severity_override: Severity | None,
        strategy: Strategy,
        locations: Locations,
        stable: StablePaths | None = None,
    ) -> Finding:
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=severity_override or issue.severity or rule.severity,
            message=issue.message,
            location=_location(
                strategy, locations, issue.path, issue.at_key, issue.line, issue.column
            ),
            related=tuple(
                _location(strategy, locations, path, False, None, None) for path in issue.related
            ),
            data=issue.data,
            subject=issue.subject,
            stable_path=stable(issue.path) if stable is not None else "",
        )


def _located(exc: InputError) -> Issue:
    return Issue(path=(), message=exc.message, line=exc.line, column=exc.column)


def _location(
    strategy: Strategy,
    locations: Locations,
    path: tuple[str | int, ...],
    at_key: bool,
    line: int | None,
    column: int | None,
) -> Location:
    if line is None:
        line, column, _ = locations.find(path, at_key)
    stage = None
    if len(path) >= 2 and path[0] == "stages" and isinstance(path[1], int):
        stage = strategy.stage_name(path[1])
    return Location(strategy.file, line, column or 1, format_path(path), stage)


def _relay(strategy: Strategy, locations: Locations, why: bool = False) -> Relay | None:
    """The relay view the table leads with: stages, what each carries, each handoff; with
    `why`, the evidence of each concept a stage carries."""
    try:
        story = strategy.story
        verdict = told_of(strategy)
    except Exception:  # the relay view is a courtesy; a story fault shows in the rules
        return None
    declared = strategy.funnel.paths if strategy.data.get("paths") is not None else ()
    known_paths = {p.id for p in declared}
    leads: int | None = None
    customers: str | None = None
    entrants: dict[int, int] = {}
    try:  # a courtesy too: a failure here is FC502's to report (as FC010)
        from funnelcheck.input.load import MAX_DIGITS
        from funnelcheck.language.money import format_count

        figure = leads_needed(strategy.funnel, strategy.goals.get("customers"))
        # A figure too long to print is FC502's to state, readably.
        if figure is not None and figure.bit_length() < 3 * MAX_DIGITS:
            leads = figure
            goal = strategy.goals.get("customers")
            count = format_count(goal) if isinstance(goal, int) else str(goal)
            customers = f"{count} customers per {strategy.goals.get('per', 'period')}"
            entrants = stage_entrants(strategy.funnel, figure)
    except Exception:
        leads = customers = None
        entrants = {}
    # Each stage made once, with its entrants (a `dataclasses.replace` per stage after
    # cost more than the rest of the relay).
    stages = []
    for index, stage in strategy.stages():
        told = verdict.stages.get(index)
        conversion = stage.get("conversion")
        stages.append(
            RelayStage(
                index=index,
                name=str(stage.get("name", "")),
                role=str(stage.get("role", "")),
                line=locations.find(("stages", index))[0],
                carries=told.carries if told else (),
                misses=told.misses if told else (),
                conversion=None if conversion is None else str(conversion),
                says_something=told is not None,
                path=_on_path(stage, known_paths),
                why=_why(strategy, locations, index) if why else None,
                leads=entrants.get(index),
                retells=tuple(pain.label for pain in told.retells) if told else (),
                price_only=told.price_only if told else False,
            )
        )
    handoffs = tuple(
        Handoff(h.source, h.target, h.passed, held=bool(h.passed)) for h in verdict.handoffs
    )
    return Relay(
        stages=tuple(stages),
        handoffs=handoffs,
        concepts=tuple(c.key for c in story.concepts),
        leads_needed=leads,
        customers_out=customers,
        paths=tuple(
            f"{p.id} {(p.share * 100).normalize():f}%" if p.share is not None else p.id
            for p in declared
        ),
    )


def _pitch(strategy: Strategy) -> Pitch | None:
    """The upside-down funnel and the price picture, each a courtesy as the relay is: a
    fault here is a rule's to report (FC010 when a rule trips on it), never the run's;
    FUNNELCHECK_DEBUG=1 raises it instead (tests/hostile/test_html_views.py)."""
    from funnelcheck.model.price_picture import price_picture
    from funnelcheck.model.upside_down import reference_views

    debug = bool(os.environ.get("FUNNELCHECK_DEBUG"))
    try:
        references = reference_views(strategy)
    except Exception:
        if debug:
            raise
        references = ()
    try:
        price = price_picture(strategy)
    except Exception:
        if debug:
            raise
        price = None
    return Pitch(references=references, price=price)


def _on_path(stage: dict[str, Any], known: set[str]) -> str | None:
    path = stage.get("path")
    return path if isinstance(path, str) and path in known else None


#: Where YAML breaks lines, as the loader counts them (not every break str.splitlines knows).
_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _why(strategy: Strategy, locations: Locations, index: int) -> tuple[Why, ...]:
    """Each place a stage's pitch and claims carry a concept, located in the file: at the
    words themselves when the text stands on its line as written (a plain or quoted
    one-line scalar), else at the start of the text."""
    story = strategy.story
    told = told_of(strategy).stages.get(index)
    pains = {pain.text: pain for pain in told.retells} if told is not None else {}
    lines = _YAML_BREAK.split(strategy.text)
    out: list[Why] = []
    for path, text in strategy.texts_of_stage(index):
        full = ("stages", index, *path)
        line, column, _ = locations.find(full)
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        # A plain scalar starts at its column, a quoted one a character after it.
        at = next(
            (start for start in (column - 1, column) if source[start : start + len(text)] == text),
            None,
        )
        for match in story.matches(text):
            exact = at is not None and match.start >= 0
            out.append(
                Why(
                    concept=match.concept,
                    wording=match.wording,
                    words=match.words,
                    path=format_path(full),
                    line=line,
                    column=at + match.start + 1 if exact and at is not None else column,
                    exact=exact,
                )
            )
        for retelling in story.retellings(text):
            pain = pains.get(retelling.pain)
            if pain is None or not retelling.words:
                continue
            start = retelling.words[0][1]
            exact = at is not None and start >= 0
            out.append(
                Why(
                    concept=pain.label,
                    wording=", ".join(retelling.pain_words),
                    words=", ".join(word for word, _, _ in retelling.words),
                    path=format_path(full),
                    line=line,
                    column=at + start + 1 if exact and at is not None else column,
                    exact=exact,
                    pain=format_path(("problem", "pains", pain.index, "text")),
                )
            )
    return tuple(out)


# -- many files ----------------------------------------------------------------------------
_WORKER: Checker | None = None
#: The reporter whose per-file text the workers render in advance (`Reporter.render_file`).
_RENDERER: Reporter | None = None


def _worker_init(
    explicit: str | None,
    overrides: Any,
    plugins: bool,
    as_of: dt.date,
    render_with: str | None = None,
    why: bool = False,
    pitch: bool = False,
) -> None:
    global _WORKER, _RENDERER
    _default_signals()
    _WORKER = make_checker(explicit, overrides, plugins, as_of)
    _WORKER.why = why
    _WORKER.pitch = pitch
    if render_with is not None:
        from funnelcheck.reporters import get_reporter

        _RENDERER = get_reporter(render_with, plugins=plugins)


def _default_signals() -> None:
    """A worker ends as the signals' defaults say: the CLI's handlers (which unwind to
    remove the report's temporary file) are the parent's alone."""
    import signal

    for name in ("SIGHUP", "SIGTERM", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM"):
        signum = getattr(signal, name, None)
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)


def _worker_check(
    source: Source,
) -> tuple[str, tuple[int, int, int, int], str | None, bytes, str | None] | None:
    """Check one file in a worker; the result goes back pickled, straight into the spool,
    with the chosen reporter's text for it when that reporter renders file by file."""
    from funnelcheck.run.spool import pickled

    assert _WORKER is not None
    result = _WORKER.check(source)
    if result is None:
        return None
    text = _RENDERER.render_file(result) if _RENDERER is not None else None
    return (*pickled(result), text)


def make_checker(
    explicit: str | None,
    overrides: Any,
    plugins: bool,
    as_of: dt.date,
    stdin_bytes: bytes = b"",
) -> Checker:
    from funnelcheck.config import ConfigResolver
    from funnelcheck.rules import all_rules

    rules = all_rules(plugins=plugins)
    return Checker(ConfigResolver(explicit, overrides, rules), rules, as_of, stdin_bytes)


def check_sources(
    checker: Checker,
    sources: Sequence[Source],
    jobs: int = 1,
    worker_args: tuple[Any, ...] | None = None,
    render_with: str | None = None,
    notes: list[str] | None = None,
    keep_results: bool = True,
) -> tuple[ResultSpool, int]:
    """Check every source; return the results (a spool, in the report's order) and how
    many were passed over. Raises SpoolError when the results cannot be kept.

    `render_with` names a reporter whose `render_file` is called on each result as it is
    checked (by the workers, in a parallel run): the parent writes the report alone, and
    this takes most of that work off it. With `keep_results` False the spool keeps only
    that text of each file that has one, not the result: the caller promises that the
    report reads nothing else (one output, its reporter `reads_rendered_only`), and
    pickling each result was a twentieth of a `--jobs 1 -f json` run (issue 13).
    """
    from funnelcheck.run.spool import ResultSpool

    if notes is None:
        notes = []
    spool = ResultSpool()
    checked = 0
    parallel = [(n, s) for n, s in enumerate(sources) if s.path != STDIN]
    if jobs > 1 and len(parallel) > 1 and worker_args is not None:
        import multiprocessing

        # fork keeps start-up cheap where it is safe (Linux); spawn elsewhere.
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        ctx = multiprocessing.get_context(method)
        # Standard input is read by this process, which holds it; the first file is checked
        # here too, before the workers start, so that forked workers inherit what it
        # imported and built (the rules, the validator) instead of each paying for it.
        here = [(n, s) for n, s in enumerate(sources) if s.path == STDIN] + parallel[:1]
        for n, source in here:
            result = checker.check(source)
            if result is not None:
                spool.add(result, order=n)
                checked += 1
        rest = parallel[1:]
        spool.rendered_by = render_with
        checked += _check_in_workers(
            checker,
            rest,
            jobs,
            ctx,
            (*worker_args, render_with, checker.why, checker.pitch),
            spool,
            notes,
        )
    else:
        renderer = None
        if render_with is not None:
            from funnelcheck.reporters import get_reporter

            # A built-in name is found first; a plugin's only when the CLI chose it with
            # plugins on.
            renderer = get_reporter(render_with)
            spool.rendered_by = render_with
        for source in sources:
            result = checker.check(source)
            if result is not None:
                text = renderer.render_file(result) if renderer is not None else None
                spool.add(result, rendered=text, keep=keep_results)
                checked += 1
    return spool, len(sources) - checked


#: Files sent ahead to each worker: it never waits for the next, and a lost worker takes
#: few files with it.
_IN_FLIGHT = 2
#: How many lost workers a file may take down before it is reported instead of retried.
_LOSSES_PER_FILE = 2


class _Worker:
    __slots__ = ("conn", "in_flight", "process")

    def __init__(self, process: Any, conn: Any) -> None:
        self.process = process
        self.conn = conn
        self.in_flight: list[tuple[int, Source]] = []


def _worker_main(conn: Any, init_args: tuple[Any, ...]) -> None:
    """A worker's life: check the files it is sent, one answer per file, until told to stop."""
    _worker_init(*init_args)
    while True:
        task = conn.recv()
        if task is None:
            return
        order, source = task
        try:
            conn.send((order, "ok", _worker_check(source)))
        except Exception as exc:  # a bug of ours: the parent reports it as one
            conn.send((order, "bug", f"{type(exc).__name__}: {exc}"))


def _start_worker(ctx: Any, init_args: tuple[Any, ...]) -> _Worker | str:
    """One worker process, or why the system would not make one (fork failing under
    `ulimit -u`, out of memory): the run goes on with the workers it has."""
    try:
        parent_end, child_end = ctx.Pipe()
    except OSError as exc:
        return exc.strerror or str(exc)
    try:
        process = ctx.Process(target=_worker_main, args=(child_end, init_args), daemon=True)
        process.start()
    except OSError as exc:
        parent_end.close()
        child_end.close()
        return exc.strerror or str(exc)
    child_end.close()
    return _Worker(process, parent_end)


def _how_lost(process: Any) -> str:
    process.join(timeout=5)
    code = process.exitcode
    if code is not None and code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"ended unexpectedly (exit status {code})"


def _check_in_workers(
    checker: Checker,
    tasks: Sequence[tuple[int, Source]],
    jobs: int,
    ctx: Any,
    init_args: tuple[Any, ...],
    spool: ResultSpool,
    notes: list[str],
) -> int:
    """Check `tasks` in up to `jobs` worker processes; return how many were strategies.

    Workers that cannot be started are done without (none at all: this process checks
    the files itself). A worker that is lost (killed by a signal: the OOM killer, SIGKILL)
    is said so on standard error's behalf of the report: the files it held are sent to
    another worker, and a file that has taken down `_LOSSES_PER_FILE` workers is reported
    as not checked, naming the signal, rather than tried again.
    """
    from collections import deque
    from multiprocessing.connection import wait

    queue = deque(tasks)
    losses: dict[int, int] = {}
    workers: list[_Worker] = []
    wanted = min(jobs, len(queue))
    for _ in range(wanted):
        started = _start_worker(ctx, init_args)
        if isinstance(started, str):
            had = f"{len(workers)} worker processes" if workers else "no worker process"
            notes.append(
                f"could start {had} of the {wanted} wanted ({started}): the files are "
                + ("checked by those" if workers else "checked one by one in this process")
            )
            break
        workers.append(started)
    checked = 0

    def finish(order: int, source: Source, outcome: Any) -> None:
        nonlocal checked
        if outcome is not None:
            # The name this process already holds, not the worker's copy of it.
            _name, counts, error, blob, text = outcome
            spool.add_pickled(source.display, counts, error, blob, order=order, rendered=text)
            checked += 1

    def feed(worker: _Worker) -> None:
        while queue and len(worker.in_flight) < _IN_FLIGHT:
            task = queue.popleft()
            try:
                worker.conn.send(task)
            except OSError:
                queue.appendleft(task)
                return
            worker.in_flight.append(task)

    def lose(worker: _Worker) -> None:
        workers.remove(worker)
        how = _how_lost(worker.process)
        worker.conn.close()
        # The first file it held is the one it was checking: it counts a loss. The others
        # were only waiting and go back as they were.
        for i, (order, source) in enumerate(reversed(worker.in_flight)):
            first = i == len(worker.in_flight) - 1
            if first:
                losses[order] = losses.get(order, 0) + 1
            if first and losses[order] >= _LOSSES_PER_FILE:
                spool.add(
                    FileResult(
                        source.display,
                        error=(
                            f"{source.display}: not checked: the worker process checking it "
                            f"was {how} ({losses[order]} times; out of memory?)"
                        ),
                    ),
                    order=order,
                )
                continue
            queue.appendleft((order, source))
        held = ", ".join(source.display for _, source in worker.in_flight) or "no file"
        notes.append(f"a worker process was {how} while checking {held}; its files go on")
        replacement = _start_worker(ctx, init_args) if queue else None
        if isinstance(replacement, _Worker):
            workers.append(replacement)
        for other in workers:  # the files it held go out again at once
            feed(other)

    try:
        for worker in workers:
            feed(worker)
        while workers and (queue or any(w.in_flight for w in workers)):
            by_conn = {w.conn: w for w in workers}
            by_sentinel = {w.process.sentinel: w for w in workers}
            for ready in wait([*by_conn, *by_sentinel]):
                worker = by_conn.get(ready) or by_sentinel[ready]
                if worker not in workers:
                    continue
                try:
                    if ready is worker.conn or worker.conn.poll():
                        order, status, payload = worker.conn.recv()
                    else:
                        raise EOFError
                except (EOFError, OSError):
                    lose(worker)
                    continue
                (task,) = [t for t in worker.in_flight if t[0] == order]
                worker.in_flight.remove(task)
                if status == "bug":
                    raise RuntimeError(payload)
                finish(order, task[1], payload)
                feed(worker)
        # No worker left (none could be started, or all were lost): this process goes on.
        while queue:
            order, source = queue.popleft()
            result = checker.check(source)
            if result is not None:
                spool.add(result, order=order)
                checked += 1
    finally:
        for worker in workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
    return checked


def build_report(
    results: Iterable[FileResult], checker: Checker, problems: Sequence[tuple[str, str]] = ()
) -> Report:
    """All files' results in a deterministic order, plus the rules this run knows."""
    from funnelcheck.run.spool import ResultSpool

    spool = results if isinstance(results, ResultSpool) else ResultSpool(results)
    # An argument that names nothing may hold undecodable bytes: shown as escapes, as always.
    for path, why in problems:
        shown = display_name(path)
        spool.add(FileResult(shown, error=f"{shown}: {why}"))
    return Report(
        files=spool,
        as_of=checker.as_of.isoformat(),
        version=__version__,
        rules={
            code: (rule.name, rule.severity, rule.summary()) for code, rule in checker.rules.items()
        },
        pages={code: inspect.cleandoc(rule.__doc__ or "") for code, rule in checker.rules.items()},
    )


def default_jobs() -> int:
    """As ruff does: one worker per CPU."""
    return os.cpu_count() or 1
