"""The command line. The only place that prints, and the only place that sets exit codes.

Exit codes: 0 no finding at or above the fail threshold; 1 findings at or above it;
2 a usage, configuration or read error (2 wins over 1). Everything a user can cause ends
in a message naming the file, line and what to do, never in a traceback.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import typer

from funnelcheck import __version__

app = typer.Typer(
    name="funnelcheck",
    help="Check that a product strategy tells one problem story from the first ad to the renewal.",
    # --install-completion / --show-completion: shell completion, as typer makes it.
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # `-h` as `--help`, on every command (click passes it down to the subcommands).
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: The most worker processes `--jobs` may ask for (more than any machine's CPUs; a larger
#: number is a usage error at parse time, never an overflow).
MAX_JOBS = 1024

#: The exit codes, as `check --help` and `relay --help` print them.
EXIT_CODES_HELP = (
    "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; "
    "2 a usage, configuration or read error (2 wins over 1)."
)


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@dataclass(frozen=True)
class OutputSpec:
    """One report to produce: a format, and a file (None: standard output)."""

    format: str
    file: str | None


# Options that `check` and `relay` share, declared once so their help cannot drift apart.
AsOfOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="The day to check as of (YYYY-MM-DD); default today."),
]
ConfigOption = Annotated[
    str | None,
    typer.Option("--config", "-c", metavar="PATH", help="Use this configuration for all files."),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        help="Exit 1 when a finding is at or above this severity (default: the "
        "configuration's fail-on, else error)."
    ),
]
WhyOption = Annotated[
    bool,
    typer.Option(
        "--why",
        help="Show why each stage carries each concept: the words that met which wording, "
        "and where (in the table, and as `why` per relay stage in JSON).",
    ),
]


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    from funnelcheck.support.terminal import clean

    # Messages may quote file names and config values: no escape codes reach the terminal.
    typer.echo(f"funnelcheck: {clean(message)}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"funnelcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Check product strategies written as YAML."""
    from funnelcheck.support.terminal import guard_streams

    guard_streams()  # where main() did not (an embedding that calls `app`)


def _as_of(value: str | None) -> dt.date:
    """`--as-of`, else SOURCE_DATE_EPOCH's day (reproducible builds), else today."""
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            _fail(f"--as-of {value!r} is not a date; write YYYY-MM-DD, e.g. 2026-11-22")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            _fail(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970")
    return dt.date.today()


def _outputs(formats: list[str], output: str | None, plugins: bool = True) -> list[OutputSpec]:
    """`--format NAME[:FILE]`, repeatable; `--output FILE` is where a lone format goes."""
    from funnelcheck.reporters import REPORTERS, reporter_names

    specs: list[OutputSpec] = []
    for item in formats:
        name, sep, file = item.partition(":")
        # A built-in format is known without asking the installed packages for plugins
        # (importlib.metadata: ~15 ms of a one-file check); built-ins win over plugins anyway.
        if name not in REPORTERS and name not in (known := reporter_names(plugins)):
            _fail(f"unknown format {name!r}; choose from {', '.join(known)}")
        if name == "html":
            import importlib.util

            if importlib.util.find_spec("jinja2") is None:
                _fail("the html format needs jinja2: pip install 'funnelcheck[html]'")
        specs.append(OutputSpec(name, file if sep and file else None))
    if output is not None:
        bare = [i for i, s in enumerate(specs) if s.file is None]
        if not specs:
            specs.append(OutputSpec("table", output))
        elif len(bare) == 1:
            specs[bare[0]] = OutputSpec(specs[bare[0]].format, output)
        elif not bare:
            _fail("--output has no format to go to: every --format already names its file")
        else:
            _fail("--output names one file, but several formats have none; use FORMAT:FILE")
    # A device (`json:/dev/null -f sarif:/dev/null`) holds no report to lose.
    targets = [
        os.path.abspath(s.file)
        for s in specs
        if s.file is not None and (os.path.isfile(s.file) or not os.path.exists(s.file))
    ]
    if len(set(targets)) != len(targets):
        _fail("two reports would be written to the same file; give each format its own")
    if not specs:
        specs.append(OutputSpec("table", None))
        if os.environ.get("GITHUB_ACTIONS") == "true":
            # In a GitHub workflow the annotations come for free beside the table.
            specs.append(OutputSpec("github", None))
    on_stdout = {s.format for s in specs if s.file is None}
    if sum(1 for s in specs if s.file is None) > 1 and on_stdout != {"table", "github"}:
        _fail("several formats would share standard output; give each but one a file: FORMAT:FILE")
    return specs


def _codes(values: list[str] | None) -> tuple[str, ...]:
    """`--select FC1 --select FC302,FC305`: repeated, comma-separated, or both (as ruff)."""
    return tuple(c.strip() for value in values or () for c in value.split(",") if c.strip())


def _use_color(choice: Color) -> bool:
    """`--color` wins; then NO_COLOR (no-color.org) over FORCE_COLOR (force-color.org),
    each when set to anything but the empty string; then whether stdout is a terminal."""
    if choice is not Color.auto:
        return choice is Color.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@app.command(
    epilog="Exit codes: 0 written; 1 end of input before the last answer (nothing written); "
    "2 the file exists (use --force) or the answers file is bad; 130 interrupted."
)
def init(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="The strategy file to write.")
    ] = "strategy.yaml",
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Write a commented template without asking.")
    ] = False,
    answers: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Take the answers from this YAML or JSON file (schemas/answers.schema.json).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Start a strategy from one reference customer, asked backwards, and check it."""
    from funnelcheck import init_cli

    raise typer.Exit(init_cli.run(file, no_input=no_input, answers=answers, force=force))


@app.command(epilog=EXIT_CODES_HELP)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH...",
            help="Files, directories or glob patterns; '-' reads standard input.",
        ),
    ] = None,
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            # Every built-in format (tests hold this to the registry; importing it here
            # would load the reporters for `--version` too).
            help="Output format, repeatable: table, json, sarif, junit, github, gitlab, "
            "markdown, relay, html (or a plugin's); FORMAT:FILE writes that report to FILE.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="PATH", help="Write the (one) report to this file."),
    ] = None,
    fail_on: FailOnOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    select: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Only these rules (codes, names, families)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Not these rules (codes, names, families)."),
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(metavar="NAME", help="The name standard input has in reports.")
    ] = None,
    color: Annotated[Color, typer.Option(help="Colour the table.")] = Color.auto,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only findings and errors.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            max=MAX_JOBS,
            help=f"Files checked in parallel, 1 to {MAX_JOBS} (default: CPUs).",
        ),
    ] = None,
    no_plugins: Annotated[
        bool, typer.Option("--no-plugins", help="Load no third-party rules.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Count findings per rule: in the table, in the JSON report, and on standard "
            "error when no chosen report holds them.",
        ),
    ] = False,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude", help="Apply `exclude` to files named on the command line too."
        ),
    ] = False,
    skip_non_strategies: Annotated[
        bool,
        typer.Option(
            "--skip-non-strategies",
            help="Pass over named YAML files with no top-level `funnelcheck` key, as a "
            "directory walk does (for pre-commit, which names every staged YAML file).",
        ),
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option(metavar="PATH", help="Report only findings not in this baseline file."),
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option(metavar="PATH", help="Record the current findings in this baseline file."),
    ] = None,
    show_why: WhyOption = False,
) -> None:
    """Check strategies and report every baton drop."""
    from funnelcheck.config import ConfigError, Overrides
    from funnelcheck.input.discover import discover
    from funnelcheck.rules import RuleLoadError
    from funnelcheck.run.engine import (
        build_report,
        check_sources,
        default_jobs,
        make_checker,
    )
    from funnelcheck.run.spool import SpoolError

    if not paths:
        _fail("name at least one file or directory to check, e.g. `funnelcheck check strategies/`")
    specs = _outputs(format or [], output, plugins=not no_plugins)
    day = _as_of(as_of)
    overrides = Overrides(
        select=_codes(select),
        ignore=_codes(ignore),
        fail_on=fail_on.value if fail_on else None,
    )
    try:
        checker = make_checker(config, overrides, not no_plugins, day)
        checker.why = show_why
        checker.pitch = _draws_pitch(specs, plugins=not no_plugins)
        if "-" in paths:
            # Read up to its file's limit and no further (`cat /dev/zero | ... check -`).
            from funnelcheck.input.load import read_stream

            limit = checker.resolver.for_file(stdin_filename or "-").limits.max_bytes
            stdin = getattr(sys.stdin, "buffer", None)  # None: closed (`<&-`), so empty
            try:
                checker.stdin_bytes = read_stream(stdin, limit) if stdin is not None else b""
            except OSError as exc:
                _fail(f"cannot read standard input: {exc.strerror or exc}")
        # Each path is judged by the `exclude` of the configuration that governs it.
        found = discover(
            paths,
            excluded=checker.resolver.excluded,
            force_exclude=force_exclude,
            stdin_name=stdin_filename,
        )
        _refuse_overwrites(checker, found.sources, specs, baseline, write_baseline)
        if skip_non_strategies:
            found = dataclasses.replace(
                found,
                sources=[dataclasses.replace(s, explicit=False) for s in found.sources],
            )
        n_jobs = jobs if jobs is not None else default_jobs()
        if n_jobs < 1:
            _fail("--jobs takes a whole number of 1 or more")
        worker_args = (config, overrides, not no_plugins, day)
        # A baseline drops findings after the check: texts rendered before it would be stale.
        render_with = _renders_per_file(specs, plugins=not no_plugins) if baseline is None else None
        # The results themselves are kept only when something reads more than that text.
        keep_results = not (
            render_with is not None
            and len(specs) == 1
            and not statistics
            and write_baseline is None
            and _reads_rendered_only(render_with, plugins=not no_plugins)
        )
        _collect_garbage_rarely()
        notes: list[str] = []
        try:
            results, _skipped = check_sources(
                checker,
                found.sources,
                n_jobs,
                worker_args,
                render_with=render_with,
                notes=notes,
                keep_results=keep_results,
            )
        finally:
            for note in notes:  # workers that could not start or were lost: said, not hidden
                typer.echo(f"funnelcheck: {note}", err=True)
    except ConfigError as exc:
        _fail(str(exc))
    except RuleLoadError as exc:
        _fail(f"{exc}; run with --no-plugins to check without third-party rules")
    except SpoolError as exc:
        _fail(str(exc))
    if not results and not found.problems:
        if skip_non_strategies or (found.excluded and not found.sources):
            # pre-commit names whatever YAML is staged: none of it being a strategy (or all
            # of it excluded) is a clean commit, not an error (ruff does the same).
            why = "excluded by the configuration" if found.excluded else "not strategies"
            typer.echo(f"funnelcheck: nothing to check: the files named are {why}", err=True)
            raise typer.Exit(EXIT_OK)
        _fail(
            f"no strategy found in {', '.join(paths)}: a YAML file is a strategy when its "
            "top-level mapping has the key `funnelcheck` (name a file to check it anyway)"
        )
    try:
        report = build_report(results, checker, found.problems)
        if baseline is not None or write_baseline is not None:
            report = _baseline(report, baseline, write_baseline)
        _emit(report, specs, color, quiet, statistics, plugins=not no_plugins)
    except SpoolError as exc:
        _fail(str(exc))
    raise typer.Exit(_exit_code(report, exit_zero))


def _refuse_overwrites(
    checker: Any,
    sources: list[Any],
    specs: list[OutputSpec],
    baseline: str | None,
    write_baseline: str | None,
) -> None:
    """Exit 2, before anything is written, where an output would replace a file this run
    reads (a strategy, the baseline, a configuration) or another output of the run."""
    from funnelcheck.input.discover import STDIN
    from funnelcheck.support.atomic import overwrite_clash

    checked = [s for s in sources if s.path != STDIN]
    import contextlib

    from funnelcheck.config import ConfigError

    for source in checked:
        # The configurations it will read; a broken one: the files it governs report it.
        with contextlib.suppress(ConfigError):
            checker.resolver.for_file(source.path)
    reads = [(s.path, s.display) for s in checked]
    # `--baseline b.json --write-baseline b.json` refreshes the baseline (read, then
    # written whole): that one write over a read is meant; a report over it is not.
    refresh = (
        baseline is not None
        and write_baseline is not None
        and os.path.realpath(baseline) == os.path.realpath(write_baseline)
    )
    if baseline is not None and not refresh:
        reads.append((baseline, f"the baseline {baseline}"))
    for path in checker.resolver.files_read():
        shown = os.path.relpath(path)
        reads.append((path, f"the configuration {path if shown.startswith('..') else shown}"))
    writes = [(s.file, f"the {s.format} report {s.file}") for s in specs if s.file is not None]
    if write_baseline is not None:
        writes.append((write_baseline, f"--write-baseline {write_baseline}"))
    clash = overwrite_clash(writes, reads, stdout_used=any(s.file is None for s in specs))
    if clash is not None:
        _fail(f"{clash}; nothing was written")


def _draws_pitch(specs: list[OutputSpec], plugins: bool) -> bool:
    """Whether a chosen format draws each file's pitch (`Reporter.draws_pitch`)."""
    from funnelcheck.reporters import get_reporter

    return any(get_reporter(spec.format, plugins=plugins).draws_pitch for spec in specs)


def _renders_per_file(specs: list[OutputSpec], plugins: bool) -> str | None:
    """The first chosen format whose reporter can render a file's part on its own (the
    workers of a parallel run then render it; see Reporter.render_file)."""
    from funnelcheck.reporters import Reporter, get_reporter

    for spec in specs:
        if type(get_reporter(spec.format, plugins=plugins)).render_file is not Reporter.render_file:
            return spec.format
    return None


def _reads_rendered_only(name: str, plugins: bool) -> bool:
    """Whether the reporter reads a file's result only where no text was rendered for it
    (`Reporter.reads_rendered_only`)."""
    from funnelcheck.reporters import get_reporter

    return get_reporter(name, plugins=plugins).reads_rendered_only


def _collect_garbage_rarely() -> None:
    """Tune CPython's cycle collector for a run that makes millions of short-lived objects.

    By default it scans young objects every 700 net allocations, and a long run keeps
    findings, so the scans also keep meeting survivors: a tenth of a 2,000-file run went to
    collections that freed next to nothing (issue 7; measured with gc.callbacks). What was
    loaded so far (modules, rules, the validator) is frozen out of every scan, and young
    objects are scanned every 50,000: a strategy's own objects are freed by reference
    counting as soon as the file is done, so cycles are rare and still collected.
    """
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _baseline(report: Any, use: str | None, write: str | None) -> Any:
    import funnelcheck.run.baseline as baseline_mod

    try:
        # Record the whole set first, so that --write-baseline with --baseline refreshes it.
        if write is not None:
            baseline_mod.write(report, write)
        if use is not None:
            notes: list[str] = []
            report = baseline_mod.apply(report, use, notes)
            for note in notes:
                typer.echo(f"funnelcheck: {note}", err=True)
    except baseline_mod.BaselineError as exc:
        _fail(str(exc))
    return report


def _emit(
    report: Any,
    specs: list[OutputSpec],
    color: Color,
    quiet: bool,
    stats: bool,
    plugins: bool = True,
) -> None:
    from funnelcheck.reporters import RenderContext, get_reporter
    from funnelcheck.support.atomic import write_atomic

    for spec in specs:
        reporter = get_reporter(spec.format, plugins=plugins)
        width = None
        if spec.file is None:
            import shutil

            # A terminal's width; COLUMNS when piped (None: the table's own default).
            if sys.stdout.isatty() or os.environ.get("COLUMNS"):
                width = shutil.get_terminal_size().columns
        ctx = RenderContext(
            color=spec.file is None and _use_color(color),
            width=width,
            quiet=quiet,
            statistics=stats,
            cwd=os.getcwd(),
        )
        # Written as it is made: a report over thousands of files is never held whole.
        chunks = reporter.stream(report, ctx)
        if spec.file is None:
            from funnelcheck.support.terminal import writing_as

            with writing_as(reporter):  # the one cleaner, and no stray workflow command
                sys.stdout.writelines(chunks)
                sys.stdout.flush()
        else:
            try:
                write_atomic(spec.file, chunks)
            except OSError as exc:
                _fail(
                    f"cannot write the {spec.format} report to {spec.file}: {exc.strerror or exc}"
                )
    if stats and not any(spec.format in _HOLD_STATISTICS for spec in specs):
        # SARIF, JUnit, GitHub, GitLab and Markdown have no place for them: never dropped.
        from funnelcheck.reporters.table import statistics_text

        sys.stderr.write(statistics_text(report))
        sys.stderr.flush()


#: The reports that carry `--statistics` themselves.
_HOLD_STATISTICS = frozenset({"table", "json"})


def _exit_code(report: Any, exit_zero: bool) -> int:
    """2 on an error; else 1 when a file has a finding at or above its own `fail-on` (its
    configuration's, or `--fail-on`, which overrides every configuration)."""
    if report.errors():
        from funnelcheck.support.terminal import clean

        for result in report.errors():
            typer.echo(f"funnelcheck: {clean(result.error or '')}", err=True)
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if report.failing() else EXIT_OK


@app.command(epilog=EXIT_CODES_HELP)
def relay(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="The strategy files to show.")
    ],
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    fail_on: FailOnOption = None,
    color: Annotated[Color, typer.Option(help="Colour the relay.")] = Color.auto,
    show_why: WhyOption = False,
    no_plugins: Annotated[
        bool, typer.Option("--no-plugins", help="Load no third-party rules.")
    ] = False,
) -> None:
    """Show the relay alone, for a pitch review: stages, conversions, leads, handoffs, drops.

    The strategies are checked as by `check`, so the exit code says the same.
    """
    check(
        paths=paths,
        format=["relay"],
        output=None,
        fail_on=fail_on,
        as_of=as_of,
        config=config,
        select=None,
        ignore=None,
        stdin_filename=None,
        color=color,
        quiet=False,
        jobs=1,
        no_plugins=no_plugins,
        exit_zero=False,
        statistics=False,
        force_exclude=False,
        skip_non_strategies=False,
        baseline=None,
        write_baseline=None,
        show_why=show_why,
    )


DIFF_EXIT_CODES_HELP = (
    "Exit codes: 0 the revision introduces no finding at or above --fail-on; 1 it does; "
    "2 an error (a revision that does not exist, a path outside the repository, not a git "
    "repository, git not installed, a file that cannot be read)."
)


@app.command(epilog=DIFF_EXIT_CODES_HELP)
def diff(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OLD NEW | PATH...",
            help="Two files or two directories (OLD NEW); with --git, the working tree's "
            "paths to compare (default: the current directory).",
        ),
    ] = None,
    git: Annotated[
        str | None,
        typer.Option(
            "--git", metavar="REV", help="Compare the working tree against this git revision."
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="table, json or markdown."),
    ] = "table",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="PATH", help="Write the diff to this file."),
    ] = None,
    fail_on: FailOnOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    color: Annotated[Color, typer.Option(help="Colour the table.")] = Color.auto,
) -> None:
    """Show what a revision did to the story: findings introduced and resolved, concepts
    gained and lost per stage, handoffs dropped or mended, strategies added or removed.

    Both sides are checked with the working tree's configuration and one --as-of.
    """
    from funnelcheck.config import ConfigError, Overrides
    from funnelcheck.findings import Severity
    from funnelcheck.reporters.diff import DIFF_FORMATS, render
    from funnelcheck.rules import RuleLoadError
    from funnelcheck.run.diff import compare, introduces_at
    from funnelcheck.run.diff_input import DiffInputError, git_sides, path_sides
    from funnelcheck.run.engine import make_checker

    if format not in DIFF_FORMATS:
        _fail(f"unknown diff format {format!r}; choose one of: {', '.join(DIFF_FORMATS)}")
    names = paths or []
    if git is None and len(names) != 2:
        _fail("name two files or two directories, `funnelcheck diff OLD NEW`, or use --git REV")
    day = _as_of(as_of)
    overrides = Overrides(fail_on=fail_on.value if fail_on else None)
    try:
        checker = make_checker(config, overrides, True, day)
        run_config = checker.resolver.for_file(os.path.join(os.getcwd(), "-"))
        if git is not None:
            old, new = git_sides(checker, git, names)
            labels = (git, "working tree")
        else:
            old, new = path_sides(checker, names[0], names[1])
            labels = (names[0], names[1])
    except DiffInputError as exc:
        _fail(str(exc))
    except ConfigError as exc:
        _fail(str(exc))
    except RuleLoadError as exc:
        _fail(str(exc))
    if output is not None:
        # Nothing writes over what it reads: a strategy of either side or a configuration.
        from funnelcheck.support.atomic import overwrite_clash

        reads = [(side.shown, side.shown) for side in (*old, *new)]
        reads += [(path, f"the configuration {path}") for path in checker.resolver.files_read()]
        clash = overwrite_clash([(output, f"the diff {output}")], reads)
        if clash is not None:
            _fail(f"{clash}; nothing was written")
    result = compare(
        old,
        new,
        old_label=labels[0],
        new_label=labels[1],
        as_of=day.isoformat(),
        version=__version__,
    )
    width = None
    if output is None and (sys.stdout.isatty() or os.environ.get("COLUMNS")):
        import shutil

        width = shutil.get_terminal_size().columns
    text = render(result, format, color=output is None and _use_color(color), width=width)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from funnelcheck.support.atomic import write_atomic

        try:
            write_atomic(output, [text])
        except OSError as exc:
            _fail(f"cannot write the diff to {output}: {exc.strerror or exc}")
    errors = [e for s in result["strategies"] for e in s["errors"]]
    if errors:
        from funnelcheck.support.terminal import clean

        for error in errors:
            typer.echo(f"funnelcheck: {clean(error)}", err=True)
        raise typer.Exit(EXIT_ERROR)
    threshold = overrides.fail_on or run_config.fail_on
    if threshold != "never" and introduces_at(result, Severity.parse(threshold)):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@app.command()
def rules(
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table or json")
    ] = "table",
    no_plugins: Annotated[
        bool, typer.Option("--no-plugins", help="List no third-party rules.")
    ] = False,
) -> None:
    """List every rule: code, name, family, default severity, what it checks."""
    import json

    from funnelcheck.rules import RuleLoadError, all_rules

    try:
        known = all_rules(plugins=not no_plugins)
    except RuleLoadError as exc:
        _fail(f"{exc}; run with --no-plugins to list the built-in rules alone")
    if format == "json":
        typer.echo(
            json.dumps(
                [
                    {
                        "code": code,
                        "name": rule.name,
                        "family": rule.family(),
                        "severity": rule.severity.label,
                        "summary": rule.summary(),
                    }
                    for code, rule in known.items()
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if format != "table":
        _fail(f"unknown format {format!r}; choose table or json")
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("code", "name", "family", "severity", "checks"):
        table.add_column(column, overflow="fold")
    from funnelcheck.support.terminal import clean, own_styling

    for code, rule in known.items():
        cells = (code, rule.name, rule.family() + "xx", rule.severity.label, rule.summary())
        table.add_row(*(clean(cell) for cell in cells))  # a plugin's names are text too
    # Piped, a listing is read whole: a wide line rather than summaries wrapped in a column.
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    with own_styling():
        Console(highlight=False, markup=False, emoji=False, width=width).print(table)


@app.command()
def explain(
    rule: Annotated[
        str,
        typer.Argument(metavar="RULE", help="A rule code (FC103) or name (handoff-drift)."),
    ],
    no_plugins: Annotated[
        bool, typer.Option("--no-plugins", help="Know no third-party rules.")
    ] = False,
) -> None:
    """Print a rule's reference page: what it checks, why, examples, options."""
    import inspect
    from dataclasses import fields

    from funnelcheck.rules import RuleLoadError, all_rules

    try:
        known = all_rules(plugins=not no_plugins)
    except RuleLoadError as exc:
        _fail(f"{exc}; run with --no-plugins to use the built-in rules alone")
    wanted = rule.strip()
    found = known.get(wanted.upper()) or next(
        (r for r in known.values() if r.name == wanted.lower()), None
    )
    if found is None:
        names = list(known) + [r.name for r in known.values()]
        from funnelcheck.support.similar import did_you_mean

        hint = did_you_mean(wanted, names, mark="") or "; `funnelcheck rules` lists them"
        _fail(f"no rule {wanted!r}{hint}")
    doc = inspect.cleandoc(found.__doc__ or "")
    typer.echo(f"{found.code} {found.name} (default severity: {found.severity.label})\n")
    typer.echo(doc)
    option_fields = fields(found.Options)
    if option_fields:
        typer.echo("\nOptions and their defaults:")
        for f in option_fields:
            typer.echo(f"  {f.name.replace('_', '-')}: {f.default!r}")


@app.command()
def schema(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="strategy (default), config, report or answers.")
    ] = "strategy",
) -> None:
    """Print a published JSON Schema."""
    from funnelcheck.input.validate import schema_path

    if name not in ("strategy", "config", "report", "answers"):
        _fail(f"unknown schema {name!r}; choose strategy, config, report or answers")
    try:
        text = schema_path(f"{name}.schema.json").read_text(encoding="utf-8")
    except OSError as exc:
        _fail(f"the {name} schema is missing from this installation ({exc})")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command("config")
def show_config(
    path: Annotated[
        str,
        typer.Argument(metavar="PATH", help="The file or folder whose configuration to show."),
    ] = ".",
    config: Annotated[
        str | None,
        typer.Option("--config", "-c", metavar="PATH", help="Use this configuration file."),
    ] = None,
    no_plugins: Annotated[
        bool, typer.Option("--no-plugins", help="Know no third-party rules.")
    ] = False,
) -> None:
    """Print the effective configuration for PATH and where each value came from."""
    from funnelcheck.config import ConfigError, ConfigResolver, Overrides, describe
    from funnelcheck.rules import RuleLoadError, all_rules

    target = os.path.join(path, "-") if os.path.isdir(path) else path
    try:
        rules = all_rules(plugins=not no_plugins)
        resolved = ConfigResolver(config, Overrides(), rules).for_file(target)
    except ConfigError as exc:
        _fail(str(exc))
    except RuleLoadError as exc:
        _fail(f"{exc}; run with --no-plugins to use the built-in rules alone")
    typer.echo(f"configuration: {resolved.source or 'defaults (no configuration file found)'}")
    for key, value, source in describe(resolved, None if os.path.isdir(path) else path):
        typer.echo(f"{key} = {value!r}    # {source}")
        if key == "exclude" and not os.path.isdir(path):
            # What a walk does with this file (named, it is checked unless --force-exclude).
            typer.echo(f"excluded = {resolved.excluded(path)!r}    # {source}")


class StreamError(Exception):
    """Standard output or error cannot be written (closed, full, a broken pipe).

    Not an OSError: click would take a broken pipe for its own and exit 1, the code for
    findings.
    """

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"cannot write to standard {name}: {reason}")
        self.name = name


class _GuardedStream:
    """Standard output or error as the CLI writes to it: a fault names the stream (exit 2,
    one line) instead of surfacing as an internal error; a stream closed by the caller
    (`>&-`) is one whose every write fails."""

    def __init__(self, stream: Any, name: str) -> None:
        self._stream = stream
        self._name = name

    def _fault(self, exc: OSError | None) -> StreamError:
        if exc is None:
            return StreamError(self._name, "it is closed")
        return StreamError(self._name, exc.strerror or str(exc))

    def write(self, text: str) -> int:
        if self._stream is None:
            raise self._fault(None)
        try:
            return int(self._stream.write(text))
        except OSError as exc:
            raise self._fault(exc) from None

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._fault(exc) from None

    def isatty(self) -> bool:
        try:
            return self._stream is not None and bool(self._stream.isatty())
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(9, "standard stream closed")
        return int(self._stream.fileno())

    def discard(self) -> None:
        """After a fault: what is still buffered goes nowhere, so that the interpreter's
        flush at exit does not fail again on it."""
        if self._stream is None:
            return
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, self._stream.fileno())
            os.close(fd)
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            if name in ("encoding", "errors"):
                return {"encoding": "utf-8", "errors": "strict"}[name]
            if name == "buffer":
                raise AttributeError(name)
            raise self._fault(None)
        return getattr(self._stream, name)


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    """What a narrow encoding cannot hold, as `\\uXXXX` escapes (a pair of them beyond the
    Basic Multilingual Plane): the escapes JSON and SARIF read back as the characters."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


#: The guarded standard streams (under the cleaner's guard, which wraps them).
_GUARDED: list[_GuardedStream] = []


def _guard_streams() -> None:
    """Standard output and error that cannot fail in a way we call a bug.

    A narrow encoding (cp1252, ASCII) writes what it can encode and escapes the rest
    (`\u2192`); a closed descriptor is held by the null device so that no file opened
    later takes its number, while writes to it fail with a message.
    """
    import codecs

    codecs.register_error("funnelcheck-escape", _escape_unencodable)
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                held = os.open(os.devnull, os.O_RDWR)
                if held != fd:  # another descriptor below it was free too
                    os.dup2(held, fd)
                    os.close(held)
            except OSError:
                pass
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, _GuardedStream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="funnelcheck-escape")
        guarded = _GuardedStream(stream, {"stdout": "output"}.get(name, "error"))
        _GUARDED.append(guarded)
        setattr(sys, name, guarded)


def _stream_fault(exc: StreamError) -> NoReturn:
    """One line on standard error (when it can be written), exit 2."""
    for stream in _GUARDED:
        if stream._name == exc.name:
            stream.discard()
    try:
        sys.stderr.write(f"funnelcheck: {exc}\n")
        sys.stderr.flush()
    except StreamError:
        pass
    sys.exit(EXIT_ERROR)


class Terminated(BaseException):
    """A signal that ends the run arrived: unwinding runs every cleanup (the temporary
    file of a report being written is removed), then the process ends by that signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: Signals whose default is to end the process and that a process can catch (SIGINT is
#: Python's KeyboardInterrupt already; SIGPIPE is ignored by Python; SIGKILL and SIGSTOP
#: cannot be caught; SIGSEGV and its kind mean the interpreter itself is broken).
_ENDING_SIGNALS = (
    "SIGHUP",
    "SIGTERM",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGIO",
    "SIGPWR",
)


def _on_ending_signal(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def _catch_ending_signals() -> None:
    """Turn each ending signal left at its default into `Terminated` (issue 12: SIGTERM
    while a report was written left its `.funnelcheck-*.tmp` behind)."""
    import signal

    for name in _ENDING_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) is signal.SIG_DFL:
                signal.signal(signum, _on_ending_signal)
        except (OSError, ValueError):  # not the main thread, or not catchable here
            continue


def _end_by(signum: int) -> NoReturn:
    """End the process by `signum`, as it would have ended had we not caught it, so that
    a shell or CI runner sees the signal (exit status 128 + signum)."""
    import signal

    signal.signal(signum, signal.SIG_DFL)
    with contextlib.suppress(OSError, StreamError):
        sys.stdout.flush()
    os.kill(os.getpid(), signum)
    sys.exit(128 + signum)  # a signal whose default is to be ignored here


def main() -> None:
    """The console script: typer's usage errors exit 2; so do ours."""
    # Innermost, over the real streams: a fault of the stream is one line and exit 2.
    _guard_streams()
    _catch_ending_signals()
    from funnelcheck.support.terminal import guard_streams

    # Everything printed from here on, by any command, click or Python, goes through the
    # one cleaner (and, under GitHub Actions, starts no workflow command by accident).
    guard_streams()
    try:
        app()
    except Terminated as exc:
        _end_by(exc.signum)
    except StreamError as exc:
        _stream_fault(exc)
    except KeyboardInterrupt:
        typer.echo("funnelcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: say so plainly, keep the traceback on request
        if os.environ.get("FUNNELCHECK_DEBUG"):
            raise
        typer.echo(
            f"funnelcheck: internal error ({type(exc).__name__}: {exc}); this is a bug in "
            "funnelcheck, not in your strategy. Run again with FUNNELCHECK_DEBUG=1 for the "
            "details and please report them.",
            err=True,
        )
        sys.exit(EXIT_ERROR)
