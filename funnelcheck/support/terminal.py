"""Text from a strategy, made safe to show on a terminal and in a CI log.

A strategy's names and claims (and file names) come from whoever wrote the pull request:
an escape sequence in them could recolour, retitle or rewrite what a reviewer sees, and
in a GitHub Actions log a line starting with `::` is a workflow command (`::stop-commands::`
turns off every annotation after it; the runner trims leading whitespace first).

There is one cleaner, `clean` (one line) and `clean_lines` (line breaks kept), and one
place it is applied to everything a command prints: `OutputGuard`, which the CLI puts
around standard output and standard error before any command runs. It

- shows C0 and C1 controls, DEL, the bidirectional controls (U+061C, U+200E, U+200F,
  U+202A-U+202E, U+2066-U+2069) and the deprecated format controls (U+206A-U+206F) as
  visible escapes, in the syntax of what is being written (`\\u001b` in text and JSON,
  `&#x1b;` in XML), so nothing reaches the terminal raw, in any command;
- under GitHub Actions (`GITHUB_ACTIONS=true`), rewrites the first colon of any line whose
  text (after whitespace and colour codes) starts with `::` the same way, unless the line
  is an annotation our GitHub reporter wrote.

The table and the relay colour their own output (drawn by rich): they clean every text with
`clean` before rich measures it and pass through the guard without a second cleaning,
their lines still checked for `::`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

#: C0 and C1 controls, DEL, and the bidi and deprecated format controls that can reorder
#: or reshape what a reader sees.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f\u2028\u2029]"
)
#: The same, but tabs and line feeds pass (a report's lines stay lines).
_UNSAFE_IN_LINES = _UNSAFE


def text_escape(char: str) -> str:
    r"""`\u001b`: how text and JSON show an unsafe character (in JSON, the same string)."""
    return f"\\u{ord(char):04x}"


def xml_escape(char: str) -> str:
    """`&#x1b;`: a character reference, the same text to any XML reader."""
    return f"&#x{ord(char):x};"


def clean(text: str) -> str:
    """Show unsafe characters as visible escapes; tabs and newlines become spaces."""
    text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ")
    # Line and paragraph separators end a line for many readers (and str.splitlines).
    text = text.replace("\u2028", " ").replace("\u2029", " ")
    return _UNSAFE.sub(lambda m: text_escape(m.group()), text)


def clean_lines(text: str, escape: Any = text_escape) -> str:
    """`clean` for text of several lines: line feeds and tabs stay, CR is escaped."""
    return _UNSAFE_IN_LINES.sub(lambda m: escape(m.group()), text)


# -- workflow commands -------------------------------------------------------------------------
#: What the Actions runner trims before it looks for `::` (.NET's white space, and, to be
#: safe, the zero-width characters and colour codes a terminal would not show).
#: Where the runner starts a new line: LF and CR (and, to be safe, the other breaks).
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LEAD = rf"(?:[^\S{_BREAKS}]|[\u180e\u200b-\u200d\u2060\ufeff]|\x1b\[[0-9;]*m)*"
_ALL_LEAD = re.compile(_LEAD)
_COMMAND_START = re.compile(rf"(?:^|(?<=[{_BREAKS}])){_LEAD}(:)(?=:|\Z)")
#: The annotations our GitHub reporter writes (every value in them escaped).
_OUR_ANNOTATION = re.compile(r"::(?:error|warning|notice) [^\r\n]*")


class OutputGuard:
    """A text stream (standard output or error) that nothing unsafe passes through.

    Everything written is cleaned with `clean_lines` (unless a reporter that cleans its
    own text says otherwise, `raw`), and under GitHub Actions no line may start a
    workflow command it did not mean to (`commands`: our annotations). The state of the
    current line is kept across writes, so a `::` split over two writes is still seen.
    """

    def __init__(self, stream: TextIO, actions: bool) -> None:
        self._stream = stream
        self._actions = actions
        self._escape: Any = text_escape
        self._raw = False
        self._commands = False
        self._at_line_start = True
        self._held = ""

    # What the guard changes ---------------------------------------------------------------
    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        written = len(text)
        if not self._raw:
            text = clean_lines(text, self._escape)
        if self._actions:
            text = self._defuse(self._held + text)
        if text:
            self._stream.write(text)
        return written

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._held:  # a lone ':' at the start of a line, the stream ending after it
            self._stream.write(self._escape(":"))
            self._held = ""
            self._at_line_start = False
        self._stream.flush()

    @contextlib.contextmanager
    def report(self, reporter: Any) -> Iterator[None]:
        """Write one reporter's output: its syntax's escapes, its own cleaning, its
        annotations."""
        saved = (self._escape, self._raw, self._commands)
        style = getattr(reporter, "escape_style", "text")
        self._escape = xml_escape if style == "xml" else text_escape
        self._raw = bool(getattr(reporter, "terminal_safe", False))
        self._commands = bool(getattr(reporter, "workflow_commands", False))
        try:
            yield
        finally:
            self.flush()
            self._escape, self._raw, self._commands = saved

    def _defuse(self, text: str) -> str:
        self._held = ""
        out: list[str] = []
        position = 0
        for match in _COMMAND_START.finditer(text):
            colon = match.start(1)
            if match.start() == 0 and not self._at_line_start:
                continue  # the middle of a line begun in an earlier write
            if colon == len(text) - 1:
                out.append(text[position:colon])  # one ':' ends the text: wait for the next
                self._held = ":"
                position = len(text)
                break
            if self._commands and _OUR_ANNOTATION.match(text, colon) and colon == match.start():
                continue
            out.append(text[position:colon])
            out.append(self._escape(":"))
            position = colon + 1
        out.append(text[position:])
        result = "".join(out)
        if self._held:
            self._at_line_start = True
        elif text:
            last_break = max(text.rfind(char) for char in _BREAKS)
            if last_break >= 0:
                self._at_line_start = True
            rest = text[last_break + 1 :]
            self._at_line_start = self._at_line_start and _ALL_LEAD.fullmatch(rest) is not None
        return result

    # Everything else is the stream's ----------------------------------------------------------
    @property
    def buffer(self) -> None:
        """No way around the guard: bytes written to the buffer would not be cleaned."""
        return None

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_streams() -> None:
    """Put an `OutputGuard` around standard output and standard error (once)."""
    actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, OutputGuard):
            setattr(sys, name, OutputGuard(stream, actions))


def current_guard() -> OutputGuard | None:
    """The guard on standard output, where the CLI put one."""
    return sys.stdout if isinstance(sys.stdout, OutputGuard) else None


class _OwnStyling:
    terminal_safe = True


def writing_as(reporter: Any) -> contextlib.AbstractContextManager[None]:
    """`with writing_as(reporter):` standard output takes that reporter's text (see
    `OutputGuard.report`); a no-op where no guard is in place."""
    guard = current_guard()
    return guard.report(reporter) if guard is not None else contextlib.nullcontext()


def own_styling() -> contextlib.AbstractContextManager[None]:
    """For text a command has cleaned with `clean` and styled itself (rich's tables)."""
    return writing_as(_OwnStyling())
