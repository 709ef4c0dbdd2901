"""funnelcheck imports jsonschema without its slow format plug-ins, and leaves no trace.

Each case runs in a fresh interpreter: what matters is the state of `sys.modules` in a
process where funnelcheck imports jsonschema first (or second).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_slow_format_packages_are_not_imported_and_stay_importable() -> None:
    out = _python(
        """
        import importlib.util, sys
        from funnelcheck.support._jsonschema import SKIPPED_FORMAT_PACKAGES, import_jsonschema
        jsonschema = import_jsonschema()
        for name in SKIPPED_FORMAT_PACKAGES:
            # Not imported, and no "absent" mark left behind: find_spec raises
            # ValueError on a None entry in sys.modules.
            assert name not in sys.modules, name
            importlib.util.find_spec(name)
        assert "date" in jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers
        print("ok")
        """
    )
    assert out == "ok"


def test_a_dates_format_is_still_checked() -> None:
    out = _python(
        """
        from funnelcheck.input.validate import strategy_validator
        validator = strategy_validator()
        print(validator.format_checker.conforms("2026-02-30", "date"),
              validator.format_checker.conforms("2026-02-28", "date"))
        """
    )
    assert out == "False True"


def test_jsonschema_imported_before_funnelcheck_is_used_as_it_is() -> None:
    out = _python(
        """
        import sys
        sys.modules["rfc3987_syntax"] = None   # stand-in: "imported" without the slow part
        import jsonschema
        del sys.modules["rfc3987_syntax"]
        from funnelcheck.support._jsonschema import import_jsonschema
        print(import_jsonschema() is jsonschema)
        """
    )
    assert out == "True"
