"""Checked files' results, kept out of memory until a reporter reads them.

A run over thousands of strategies keeps every file's findings until the report is written
(reports are sorted by file, and their heads give totals). Held as objects, that was most
of a run's peak memory and grew with the number of files (issue 7). Here each result is
kept as a pickle in a temporary file (in memory until it passes a few megabytes), with only
its file name, place and severity counts beside it; reporters read the results back one at
a time, in the report's order, as often as they need to.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from funnelcheck.findings import FileResult, Severity

#: Results stay in memory up to this many bytes of pickles, then go to a temporary file.
IN_MEMORY_BYTES = 8 * 1024 * 1024


class SpoolError(Exception):
    """The temporary file could not be written or read back (a full disk, most likely)."""


def pickled(result: FileResult) -> tuple[str, tuple[int, int, int, int], str | None, bytes]:
    """What a spool keeps of one result: worker processes send this, already pickled.

    The counts are of info, warning and error findings, then 1 when the file fails (has a
    finding at or above its own `fail-on`), else 0.
    """
    blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    return result.file, counts_of(result), result.error, blob


def counts_of(result: FileResult) -> tuple[int, int, int, int]:
    """A result's info, warning and error findings, then 1 when the file fails, else 0."""
    counts = [0, 0, 0]
    for finding in result.findings:
        counts[finding.severity - 1] += 1
    return counts[0], counts[1], counts[2], 1 if result.fails else 0


class ResultSpool(Sequence[FileResult]):
    """File results in the report's order (by file name, then as added)."""

    def __init__(self, results: Iterable[FileResult] = ()) -> None:
        self._store = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        self._end = 0
        # One entry per result, in the order added, kept compact (a run may have tens of
        # thousands): the file name, the order that breaks ties, where its pickle starts
        # (it ends where the next begins).
        self._names: list[str] = []
        self._orders = array("q")
        self._offsets = array("q")
        #: Where each entry's text rendered in advance starts (-1: none); it ends where
        #: the next pickle begins. `rendered_by` names the reporter that made them.
        self._text_offsets = array("q")
        self.rendered_by: str | None = None
        #: Entries in the report's order, when the order added is not already it.
        self._permutation: array[int] | None = None
        self._in_order = True
        self._counts = dict.fromkeys(Severity, 0)
        self._failing = 0
        self._errors: list[FileResult] = []
        for result in results:
            self.add(result)

    # -- writing ------------------------------------------------------------------------
    def add(
        self,
        result: FileResult,
        order: int | None = None,
        rendered: str | None = None,
        keep: bool = True,
    ) -> None:
        """Keep one result; with `keep` False and its `rendered` text given, only that text
        (and its counts): the result itself cannot be read back (see `text_only`)."""
        if keep or rendered is None or result.error is not None:
            self.add_pickled(*pickled(result), order=order, rendered=rendered)
            return
        self.add_pickled(result.file, counts_of(result), None, b"", order, rendered)

    def add_pickled(
        self,
        file: str,
        counts: tuple[int, int, int, int],
        error: str | None,
        blob: bytes,
        order: int | None = None,
        rendered: str | None = None,
    ) -> None:
        """Keep one result; `order` (default: as added) breaks ties between equal names;
        `rendered` is its text from `rendered_by`'s `render_file`, made in advance."""
        text = b"" if rendered is None else rendered.encode("utf-8", "surrogatepass")
        try:
            self._store.seek(self._end)
            self._store.write(blob)
            if text:
                self._store.write(text)
        except OSError as exc:
            raise SpoolError(_advice(exc)) from exc
        self._text_offsets.append(self._end + len(blob) if rendered is not None else -1)
        if order is None:
            order = len(self._names)
        if self._names and (file, order) < (self._names[-1], self._orders[-1]):
            self._in_order = False
        self._permutation = None
        self._names.append(file)
        self._orders.append(order)
        self._offsets.append(self._end)
        self._end += len(blob) + len(text)
        for severity, n in zip(Severity, counts[:3], strict=True):
            self._counts[severity] += n
        self._failing += counts[3]
        if error is not None:
            self._errors.append(pickle.loads(blob))

    # -- what a report asks without reading the results ---------------------------------
    def counts(self) -> dict[Severity, int]:
        return dict(self._counts)

    def failing(self) -> int:
        """How many files have a finding at or above their own `fail-on`."""
        return self._failing

    def errors(self) -> list[FileResult]:
        """Files that could not be read at all, in the report's order."""
        return sorted(self._errors, key=lambda r: r.file)

    # -- reading ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._names)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index: int | slice) -> FileResult | list[FileResult]:
        if isinstance(index, slice):
            return [self._read(i) for i in range(len(self))[index]]
        if not -len(self) <= index < len(self):
            raise IndexError("spool index out of range")
        return self._read(index % len(self))

    def __iter__(self) -> Iterator[FileResult]:
        for position in range(len(self)):
            yield self._read(position)

    def rendered(self, position: int, reporter: str) -> str | None:
        """The text `reporter` rendered in advance for the result at `position` (in the
        report's order), or None: then the reporter renders the result itself."""
        if reporter != self.rendered_by:
            return None
        entry = self._entry(position)
        start = self._text_offsets[entry]
        if start < 0:
            return None
        return self._bytes(start, self._entry_end(entry)).decode("utf-8", "surrogatepass")

    def _read(self, position: int) -> FileResult:
        """The result at `position` in the report's order."""
        entry = self._entry(position)
        start = self._offsets[entry]
        end = self._text_offsets[entry]
        if end == start:
            # Only its text was kept (`add(keep=False)`): the run promised no reporter
            # would read the result itself (cli.check decides that).
            raise RuntimeError("this result's text alone was kept; it cannot be read back")
        result: FileResult = pickle.loads(
            self._bytes(start, end if end >= 0 else self._entry_end(entry))
        )
        return result

    def _entry(self, position: int) -> int:
        """Which entry (in the order added) stands at `position` in the report's order."""
        if not self._in_order and self._permutation is None:
            names, orders = self._names, self._orders
            self._permutation = array(
                "q", sorted(range(len(names)), key=lambda i: (names[i], orders[i]))
            )
        return position if self._permutation is None else self._permutation[position]

    def _entry_end(self, entry: int) -> int:
        return self._offsets[entry + 1] if entry + 1 < len(self._offsets) else self._end

    def _bytes(self, start: int, end: int) -> bytes:
        try:
            self._store.seek(start)
            return self._store.read(end - start)
        except OSError as exc:
            raise SpoolError(_advice(exc)) from exc

    def close(self) -> None:
        self._store.close()


def _advice(exc: OSError) -> str:
    return (
        f"cannot keep the results in a temporary file in {tempfile.gettempdir()} "
        f"({exc.strerror or exc}); free some space there or point TMPDIR elsewhere"
    )
