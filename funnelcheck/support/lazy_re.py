"""Regular expressions compiled on first use, for a module that holds many.

The price footing reads a claim's money with some 160 module-level patterns. Python compiles
a pattern in Python code (`re._parser`, `re._compiler`), about 3 µs a character, and a
one-file check pays for every pattern at import whether its reading is reached or not: on
`sample_strategies/ledgerline.yaml` a quarter of them never run. `lazy_compile` returns a
stand-in that compiles the pattern the first time it is used and then puts the compiled
pattern in its place in the module's globals, so that every later use is the plain
`re.Pattern`, with no stand-in in between (issue 13; the figures are in the commit that
added it). A pattern held somewhere else than a module global keeps the stand-in, which
still works, one attribute look-up slower.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast


class _LazyPattern:
    """A pattern to compile when first used (`lazy_compile`)."""

    __slots__ = ("_args", "_compiled", "_module")

    def __init__(self, module: str, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._module = module
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = re.compile(*self._args)
            self._compiled = compiled
            module = sys.modules.get(self._module)
            if module is not None:
                for key, value in list(vars(module).items()):
                    if value is self:
                        setattr(module, key, compiled)
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` for a module-level name, compiled on first use."""
    module = sys._getframe(1).f_globals.get("__name__", "")
    return cast(re.Pattern[str], _LazyPattern(module, pattern, flags))
