"""`funnelcheck.support.lazy_re`: the footing's patterns compiled on first use (issue 13).
A stand-in answers as the compiled pattern does, and once used, the module's global is the
plain compiled pattern."""

from __future__ import annotations

import re
import sys
import types


def test_a_lazy_pattern_is_the_pattern_and_takes_its_place() -> None:
    module = types.ModuleType("lazy_probe")
    sys.modules["lazy_probe"] = module
    try:
        source = (
            "from funnelcheck.support.lazy_re import lazy_compile\n"
            'R = lazy_compile(r"\\bfee\\b", 2)\n'
        )
        exec(compile(source, "lazy_probe", "exec"), module.__dict__)
        stand_in = module.R
        assert not isinstance(stand_in, re.Pattern)  # nothing compiled at import
        assert [m.span() for m in stand_in.finditer("A FEE, a fee")] == [(2, 5), (9, 12)]
        assert isinstance(module.R, re.Pattern)  # the global is now the compiled pattern
        assert module.R.pattern == r"\bfee\b" and module.R.flags & re.IGNORECASE
        # A copy held elsewhere still answers.
        assert stand_in.search("no fee") is not None
    finally:
        del sys.modules["lazy_probe"]
