"""Text from a strategy, made safe to show on a terminal.

A strategy's names and claims (and file names) come from whoever wrote the pull request:
an escape sequence in them could recolour, retitle or rewrite what a reviewer sees. Every
string shown on a terminal, in the table or on standard error, goes through `clean`.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, and the bidi controls that can reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Show unsafe characters as visible escapes; tabs and newlines become spaces."""
    text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ")
    # Line and paragraph separators end a line for many readers (and str.splitlines).
    text = text.replace("\u2028", " ").replace("\u2029", " ")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
