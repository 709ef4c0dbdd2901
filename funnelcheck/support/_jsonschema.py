"""Import jsonschema without the format plug-ins funnelcheck never uses.

jsonschema's `_format` module, imported by `import jsonschema`, tries one optional package
per string format (`with suppress(ImportError): import ...`) and registers a checker for
each it finds. Two of them are costly to import: `rfc3987_syntax` (the `iri` formats)
compiles some forty lark grammars at import, one to eight seconds per process, and
`isoduration` (the `duration` format) pulls in `arrow`, about 60 ms. Both come with
`jsonschema[format-nongpl]`, which many users have installed for their own reasons.
funnelcheck's schemas use one format, `date`, which jsonschema checks with the standard
library; so funnelcheck imports jsonschema with those two packages marked absent
(`sys.modules[name] = None` makes `import name` raise ImportError, which jsonschema
suppresses, exactly as if the package were not installed).

The trade-off, deliberately taken: in a process where funnelcheck imports jsonschema
first, jsonschema's format checkers have no `iri`, `iri-reference` or `duration` checker,
so those formats pass unchecked, as they do wherever those packages are not installed.
Nothing else changes: the marks are removed right after the import (only the ones this
module put there), so a later `import rfc3987_syntax` or `import isoduration` in the same
process works as usual. A process that imported jsonschema before funnelcheck keeps its
full set of checkers: jsonschema is then imported already and this module does nothing.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: Optional format plug-ins of jsonschema that are slow to import and that no funnelcheck
#: schema needs (only `format: date` is used).
SKIPPED_FORMAT_PACKAGES = ("rfc3987_syntax", "isoduration")


def import_jsonschema() -> ModuleType:
    """`jsonschema`, imported (once) without the slow format plug-ins funnelcheck skips."""
    already = sys.modules.get("jsonschema")
    if already is not None:
        return already
    marked = [name for name in SKIPPED_FORMAT_PACKAGES if name not in sys.modules]
    for name in marked:
        sys.modules[name] = None  # type: ignore[assignment]  # "not installed" for this import
    try:
        import jsonschema  # type: ignore[import-untyped,unused-ignore]
    finally:
        for name in marked:
            # Only our own mark goes: had a thread imported the package meanwhile, keep it.
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    module: ModuleType = jsonschema
    return module
