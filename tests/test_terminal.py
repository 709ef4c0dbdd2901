"""What may reach a terminal from a strategy or a file name."""

from __future__ import annotations

import pytest

from funnelcheck.support.terminal import clean


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text", "plain text"),
        ("\x1b]0;title\x07", "\\u001b]0;title\\u0007"),
        ("a\nb\r\nc\td", "a b c d"),
        ("left\u202eright", "left\\u202eright"),
        ("line\u2028para\u2029end", "line para end"),
        ("\x9bcsi", "\\u009bcsi"),
    ],
)
def test_clean_shows_controls_as_escapes(raw: str, shown: str) -> None:
    assert clean(raw) == shown
    assert not any(ch in clean(raw) for ch in "\x1b\x07\x9b\n\r\u2028\u2029")
