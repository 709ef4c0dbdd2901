"""Inline suppressions: `# funnelcheck: ignore FC201 -- reason` comments inside a strategy.

The syntax (the reference page is FC009's, `funnelcheck explain FC009`):

    # funnelcheck: ignore FC201 -- the SSO launch is on 2027-03-01
    # funnelcheck: ignore FC201, foreign-story -- two rules, by code or by name
    # funnelcheck: ignore FC201 until 2027-03-31 -- expires: reported again after that day
    # funnelcheck: ignore FC201 -- waiting for the launch, until 2027-03-31
    # funnelcheck: ignore-file FC104 -- anywhere in the file: the whole file

- `ignore` as a trailing comment silences the named rules' findings on its own line; on a
  line of its own it silences them on the next line that holds something (a stack of such
  comments all apply to that line). When that line starts a list item (`- `: a stage, a
  claim, a plan, a customer), the comment covers the whole item: every line from its `- `
  to its last, nested items included. The item's lines come from the location tree the
  loader built (`Locations`), not from the text. A comment above a key such as `stages:`
  covers that line only, never the whole list (`ignore-file` is for that).
- `ignore-file` silences the named rules' findings anywhere in the file.
- The reason follows `--` (an en or em dash, or ` - `, are read the same way); the text
  after the codes is read as the reason even without one.
- `until YYYY-MM-DD` goes before the reason; written as the reason's last words it is read
  the same. The suppression holds up to and including that day (`--as-of` sets "today");
  after it, the findings are reported again and FC009 says the suppression expired.
- Only real YAML comments count: a `#` inside a quoted string or a block scalar is text.

What is reported as FC009: a suppression with no reason, one that has expired, a code or
name that is no rule (with "did you mean"), a date that is not one, a directive that is
not `ignore`/`ignore-file`, a suppression that names no rule (blanket suppressions are not
supported: they would hide tomorrow's findings too), and, at info, a suppression that
silenced nothing. FC009's own findings cannot be suppressed inline.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from funnelcheck.findings import MAX_PER_RULE, Finding, Issue, Severity, more_issues
from funnelcheck.input.load import Locations, Place
from funnelcheck.support.similar import did_you_mean, nearest

DIRECTIVES = ("ignore", "ignore-file")
#: FC009 suppression: the rule that reports on these comments.
SUPPRESSION_CODE = "FC009"

#: What a suppression comment starts with; a file without it costs one regex search.
MARKER = re.compile(r"#[ \t]*funnelcheck[ \t]*:")
_DIRECTIVE = re.compile(r"#[ \t]*funnelcheck[ \t]*:\s*(?P<word>[^\s,]*)(?P<rest>.*)\Z")
_REASON_SEPARATOR = re.compile(r"\s*(?:--|\u2014|\u2013)\s*|\s+-\s+")
_CODE_LIKE = re.compile(r"[A-Za-z]+\d+\Z")
_NAME_LIKE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+\Z")
_DATE_TEXT = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\Z")
_TRAILING_UNTIL = re.compile(
    r"(?:^|[\s,;(])until:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\)?[\s.]*\Z", re.IGNORECASE
)
# YAML's line breaks (PyYAML and libyaml count NEL and the Unicode separators too).
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(slots=True)
class _Comment:
    """One `# funnelcheck:` comment, parsed."""

    line: int  # 1-based
    column: int  # 1-based, of the `#`
    text: str
    directive: str
    codes: list[str] = field(default_factory=list)  # known codes, in the order written
    unknown: list[str] = field(default_factory=list)
    reason: str = ""
    until: dt.date | None = None
    bad_until: str | None = None
    #: The line whose findings it silences (None: the whole file).
    target: int | None = None
    #: The last line it silences: beyond `target` when it stands above a list item.
    last: int | None = None
    #: On a line of its own directly above a list item (a line starting `- `): the line
    #: where the item's content begins (the `- ` line, or the next after a lone `-`).
    item_line: int | None = None
    used: set[str] = field(default_factory=set)
    #: Codes it would have silenced had it not expired.
    missed: set[str] = field(default_factory=set)

    def issue(self, message: str, severity: Severity | None = None) -> Issue:
        return Issue(
            path=(),
            message=message,
            severity=severity,
            line=self.line,
            column=self.column,
            subject=self.text,
            data={
                "directive": self.directive,
                "codes": list(self.codes),
                "until": self.until.isoformat() if self.until else None,
            },
        )


def apply_suppressions(
    findings: list[Finding],
    text: str,
    known: Mapping[str, str],
    as_of: dt.date,
    active: Collection[str] | None = None,
    locations: Locations | None = None,
) -> tuple[list[Finding], int, list[Issue]]:
    """Drop the findings that inline comments suppress.

    `locations` is the file's location tree: with it, a comment directly above a list item
    covers the whole item (without it, only the item's first line).

    `known` maps every rule's code to its name; `active`, when given, holds the codes of the
    rules that ran on this file (a suppression of a rule that did not run is not "unused":
    it may be needed when the rule is selected again). Returns the findings kept, how many
    were suppressed, and the FC009 issues (path `()`, with line and column set).
    """
    # The common case: no work at all. (Every strategy holds `funnelcheck: 1`, so the
    # marker includes the `#`.)
    if not MARKER.search(text):
        return list(findings), 0, []
    comments, issues = _parse_comments(text, known)
    if not comments:
        return list(findings), 0, issues

    by_line: dict[int, list[_Comment]] = {}
    whole_file: list[_Comment] = []
    spans: list[_Comment] = []
    items = [c for c in comments if c.item_line is not None and c.target is not None]
    if items and locations is not None:
        ends = item_ends(locations, {c.item_line for c in items if c.item_line is not None})
        for comment in items:
            assert comment.target is not None and comment.item_line is not None
            end = ends.get(comment.item_line, comment.target)
            if end > comment.target:
                comment.last = end
    for comment in comments:
        if comment.target is None:
            whole_file.append(comment)
        elif comment.last is not None:
            spans.append(comment)
        else:
            by_line.setdefault(comment.target, []).append(comment)

    kept: list[Finding] = []
    suppressed = 0
    # Whether the comments of a line (None: the whole file) silence a code. The comments
    # are matched once per line and code, not once per finding: a thousand findings of one
    # code under a thousand comments would be a million steps (issue 12).
    verdicts: dict[tuple[int | None, str], bool] = {}
    for finding in findings:
        silenced = False
        line = finding.location.line
        verdict = verdicts.get((line, finding.code))
        if verdict is None:
            covering = [
                c for c in spans if c.target is not None and c.target <= line <= (c.last or 0)
            ]
            verdict = verdicts[(line, finding.code)] = _silences(
                (*by_line.get(line, ()), *covering), finding.code, as_of
            )
        whole = verdicts.get((None, finding.code))
        if whole is None:
            whole = verdicts[(None, finding.code)] = _silences(whole_file, finding.code, as_of)
        silenced = verdict or whole
        if silenced:
            suppressed += 1
        else:
            kept.append(finding)

    # At most MAX_PER_RULE issues are kept, and one more counts the rest (`more_issues`):
    # 180,000 comments held 360,000 issues at once (460 MB, issue 12).
    beyond: Issue | None = None
    not_listed = max(0, len(issues) - MAX_PER_RULE)
    if not_listed:
        beyond = issues[MAX_PER_RULE]
        del issues[MAX_PER_RULE:]
    for comment in comments:
        for issue in _verdicts(comment, as_of, active):
            if len(issues) < MAX_PER_RULE:
                issues.append(issue)
            else:
                beyond = beyond or issue
                not_listed += 1
    issues.sort(key=lambda issue: (issue.line or 0, issue.column or 0))
    if beyond is not None:
        issues.append(more_issues(beyond, not_listed))
    return kept, suppressed, issues


def _silences(comments: Iterable[_Comment], code: str, as_of: dt.date) -> bool:
    """Whether any of `comments` silences `code` today; each is marked used or missed."""
    silenced = False
    for comment in comments:
        if code not in comment.codes:
            continue
        if comment.until is not None and as_of > comment.until:
            comment.missed.add(code)
        else:
            comment.used.add(code)
            silenced = True
    return silenced


def _verdicts(comment: _Comment, as_of: dt.date, active: Collection[str] | None) -> list[Issue]:
    """What FC009 says about one parsed suppression once the findings have been matched."""
    out: list[Issue] = []
    if not comment.codes:
        return out  # already reported while parsing (no rule, or only unknown ones)
    names = ", ".join(comment.codes)
    if not comment.reason:
        out.append(
            comment.issue(
                f"the suppression of {names} gives no reason; add one after `--` "
                f"(`# funnelcheck: {comment.directive} {names} -- why`)"
            )
        )
    if comment.until is not None and as_of > comment.until:
        expired = f"expired on {comment.until.isoformat()}"
        if comment.missed:
            again = ", ".join(c for c in comment.codes if c in comment.missed)
            out.append(
                comment.issue(f"the suppression of {names} {expired}; {again} is reported again")
            )
        else:
            out.append(comment.issue(f"the suppression of {names} {expired}; remove it"))
        return out
    unused = [
        code
        for code in comment.codes
        if code not in comment.used and (active is None or code in active)
    ]
    if unused:
        if comment.target is None:
            where = "in this file"
        elif comment.last is not None:
            where = f"in the list item below the comment (lines {comment.target}-{comment.last})"
        else:
            where = f"on line {comment.target}" + (
                " (the line below the comment)" if comment.target != comment.line else ""
            )
        listed = ", ".join(unused)
        out.append(
            comment.issue(
                f"the suppression of {listed} is unused: no {listed} finding {where}; remove it",
                Severity.INFO,
            )
        )
    return out


# -- finding the comments -----------------------------------------------------------------


def _parse_comments(text: str, known: Mapping[str, str]) -> tuple[list[_Comment], list[Issue]]:
    text = text.removeprefix("\ufeff")
    lines = _LINE_BREAK.split(text)
    candidates = [
        i for i, line in enumerate(lines) if "funnelcheck" in line and MARKER.search(line)
    ]
    if not candidates:
        return [], []
    inside = _ScalarSpans(text, candidates)
    by_name = {name.lower(): code for code, name in known.items()}
    codes_upper = {code.upper(): code for code in known}
    comments: list[_Comment] = []
    issues: list[Issue] = []
    next_content: list[int] | None = None
    for index in candidates:
        line = lines[index]
        start = _comment_start(line, index, inside)
        if start is None:
            continue
        match = _DIRECTIVE.match(line, start)
        if match is None:
            continue
        comment = _Comment(
            line=index + 1,
            column=start + 1,
            text=line[start:].strip(),
            directive=match["word"],
        )
        if comment.directive not in DIRECTIVES:
            # A commented-out `funnelcheck: 1` is not a directive; a misspelt word is.
            if comment.directive[:1].isalpha():
                near = nearest(comment.directive, DIRECTIVES)
                hint = f"did you mean `{near}`?" if near else "use `ignore` or `ignore-file`"
                issues.append(
                    comment.issue(
                        f"`funnelcheck: {comment.directive}` is not a suppression; {hint} "
                        "(nothing is suppressed by this comment)"
                    )
                )
            continue
        issues += _read_directive(comment, match["rest"], codes_upper, by_name, known)
        if comment.directive == "ignore":
            own_line = not line[:start].strip()
            if own_line and next_content is None:
                next_content = _next_content_lines(lines)
            comment.target = next_content[index] if own_line and next_content else index + 1
            if own_line and next_content and comment.target <= len(lines):
                comment.item_line = _item_line(lines, comment.target, next_content)
        comments.append(comment)
    return comments, issues


def _read_directive(
    comment: _Comment,
    rest: str,
    codes_upper: Mapping[str, str],
    by_name: Mapping[str, str],
    known: Mapping[str, str],
) -> list[Issue]:
    """Fill in codes, reason and expiry from the text after the directive word."""
    issues: list[Issue] = []
    separator = _REASON_SEPARATOR.search(rest)
    head, reason = (rest[: separator.start()], rest[separator.end() :]) if separator else (rest, "")
    tokens = [t for t in re.split(r"[,\s]+", head.strip()) if t]
    names_itself = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.lower().rstrip(":") == "until" and i + 1 < len(tokens):
            _set_until(comment, tokens[i + 1])
            i += 2
            continue
        code = codes_upper.get(token.upper()) or by_name.get(token.lower())
        if code == SUPPRESSION_CODE:
            names_itself = True  # FC009 reports on the suppressions: it cannot silence itself
        elif code is not None:
            if code not in comment.codes:
                comment.codes.append(code)
        elif _CODE_LIKE.match(token) or _NAME_LIKE.match(token):
            comment.unknown.append(token)
        else:  # the reason began without a `--`
            reason = " ".join([*tokens[i:], reason]).strip()
            break
        i += 1
    trailing = _TRAILING_UNTIL.search(reason)
    if trailing and comment.until is None and comment.bad_until is None:
        _set_until(comment, trailing["date"])
        reason = reason[: trailing.start()].rstrip(" ,;(")
    comment.reason = reason.strip()

    for token in comment.unknown:
        candidates = [*known, *known.values()]
        probe = token.upper() if _CODE_LIKE.match(token) else token.lower()
        hint = did_you_mean(probe, candidates)
        issues.append(comment.issue(f"the suppression names `{token}`, which is no rule{hint}"))
    if comment.bad_until is not None:
        issues.append(
            comment.issue(
                f"`until {comment.bad_until}` is not a date (write YYYY-MM-DD); "
                "the suppression does not expire"
            )
        )
    if names_itself:
        issues.append(
            comment.issue(
                f"{SUPPRESSION_CODE} cannot be suppressed inline: it reports on the suppressions "
                f"themselves; to turn it off, list {SUPPRESSION_CODE} under `ignore` in the "
                "configuration"
            )
        )
    elif not comment.codes and not comment.unknown:
        issues.append(
            comment.issue(
                "the suppression names no rule, so it silences nothing; name the codes it is "
                f"for: `# funnelcheck: {comment.directive} FC201 -- why`"
            )
        )
    return issues


def _set_until(comment: _Comment, text: str) -> None:
    try:
        if not _DATE_TEXT.match(text):
            raise ValueError
        year, month, day = (int(part) for part in text.split("-"))
        comment.until = dt.date(year, month, day)
    except ValueError:
        comment.bad_until = text


def _item_line(lines: list[str], target: int, next_content: list[int]) -> int | None:
    """Where the list item starting on line `target` begins its content; None when that
    line starts no list item (`- `)."""
    below = lines[target - 1].lstrip()
    if not (below == "-" or below.startswith(("- ", "-\t"))):
        return None
    rest = below[1:].strip()
    if not rest or rest.startswith("#"):  # a lone `-`: the item's content is below
        return next_content[target - 1]
    return target


def item_ends(locations: Locations, starts: Collection[int]) -> dict[int, int]:
    """For each line of `starts` on which a list item begins, the item's last line.

    An item's lines run from its start to the last line where anything inside it (a key,
    a value, a nested item) begins, as the loader's location tree records them. Items
    that begin on one line (`- - x`, a flow list) count as one: the longest.
    """
    wanted = set(starts)
    ends: dict[int, int] = {}
    stack: list[Place] = [locations.root]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            continue
        children = node.children
        if isinstance(children, list):
            for child in children:
                first = child[0] if isinstance(child, tuple) else child.line
                if first in wanted:
                    ends[first] = max(ends.get(first, first), _last_line(child))
            stack.extend(children)
        elif isinstance(children, dict):
            stack.extend(children.values())
    return ends


def _last_line(place: Place) -> int:
    """The last line on which anything inside `place` begins."""
    last = 0
    stack: list[Place] = [place]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            last = max(last, node[0])
            continue
        last = max(last, node.line)
        if node.keys:
            last = max(last, *(line for line, _ in node.keys.values()))
        children = node.children
        if isinstance(children, list):
            stack.extend(children)
        elif isinstance(children, dict):
            stack.extend(children.values())
    return last


def _next_content_lines(lines: list[str]) -> list[int]:
    """For each line, the 1-based number of the first line after it that is neither blank
    nor a comment (the line after it where none is). One pass from the end: a search from
    each comment made 500 KB of comment lines quadratic (issue 12)."""
    out = [0] * len(lines)
    following: int | None = None
    for j in range(len(lines) - 1, -1, -1):
        out[j] = following if following is not None else j + 2
        stripped = lines[j].strip()
        if stripped and not stripped.startswith("#"):
            following = j + 1
    return out


def _comment_start(line: str, index: int, inside: _ScalarSpans) -> int | None:
    """The column where the line's comment starts, or None when it has none."""
    column = line.find("#")
    while column != -1:
        if (column == 0 or line[column - 1] in " \t") and not inside(index, column):
            return column
        column = line.find("#", column + 1)
    return None


class _ScalarSpans:
    """Whether a place lies inside a scalar (a quoted string, a block scalar, plain text).

    The YAML parser knows where every scalar starts and ends, block scalars and multi-line
    quoted strings included; only the spans that touch a candidate line are kept, by line.
    A file the parser cannot finish is judged by the spans found before the fault (and a
    `#` after a space counts as a comment beyond it).
    """

    def __init__(self, text: str, candidate_lines: Iterable[int]) -> None:
        wanted = sorted(set(candidate_lines))
        self.by_line: dict[int, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
        try:
            self._collect(yaml.parse(text, Loader=_LOADER), wanted)
        except yaml.YAMLError:
            # The parser stops at a structural fault; the tokenizer gets further (it only
            # needs each scalar's bounds), so a broken file is judged by its tokens.
            self.by_line.clear()
            with contextlib.suppress(yaml.YAMLError):
                self._collect(yaml.scan(text, Loader=_LOADER), wanted)

    def _collect(self, items: Iterable[Any], wanted: list[int]) -> None:
        last = wanted[-1]
        for item in items:
            if not isinstance(item, yaml.ScalarEvent | yaml.ScalarToken):
                continue
            start, end = item.start_mark, item.end_mark
            if start is None or end is None:
                continue
            if start.line > last:
                break
            # Candidate lines within [start.line, end.line]: usually none.
            i = bisect.bisect_left(wanted, start.line)
            while i < len(wanted) and wanted[i] <= end.line:
                span = ((start.line, start.column), (end.line, end.column))
                self.by_line.setdefault(wanted[i], []).append(span)
                i += 1

    def __call__(self, line: int, column: int) -> bool:
        place = (line, column)
        return any(start <= place < end for start, end in self.by_line.get(line, ()))


_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # libyaml's tokenizer where PyYAML was built with it: much faster on large files
    _LOADER = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _LOADER = yaml.SafeLoader
