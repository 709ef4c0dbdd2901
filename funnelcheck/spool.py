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
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from funnelcheck.findings import FileResult, Severity

#: Results stay in memory up to this many bytes of pickles, then go to a temporary file.
IN_MEMORY_BYTES = 8 * 1024 * 1024


class SpoolError(Exception):
    """The temporary file could not be written or read back (a full disk, most likely)."""


def pickled(result: FileResult) -> tuple[str, tuple[int, int, int], str | None, bytes]:
    """What a spool keeps of one result: worker processes send this, already pickled."""
    counts = [0, 0, 0]
    for finding in result.findings:
        counts[finding.severity - 1] += 1
    blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    return result.file, (counts[0], counts[1], counts[2]), result.error, blob


class ResultSpool(Sequence[FileResult]):
    """File results in the report's order (by file name, then as added)."""

    def __init__(self, results: Iterable[FileResult] = ()) -> None:
        self._store = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        self._end = 0
        #: (file, order added, offset, length), sorted before the first read.
        self._index: list[tuple[str, int, int, int]] = []
        self._sorted = True
        self._counts = dict.fromkeys(Severity, 0)
        self._errors: list[FileResult] = []
        for result in results:
            self.add(result)

    # -- writing ------------------------------------------------------------------------
    def add(self, result: FileResult, order: int | None = None) -> None:
        self.add_pickled(*pickled(result), order=order)

    def add_pickled(
        self,
        file: str,
        counts: tuple[int, int, int],
        error: str | None,
        blob: bytes,
        order: int | None = None,
    ) -> None:
        """Keep one result; `order` (default: as added) breaks ties between equal names."""
        try:
            self._store.seek(self._end)
            self._store.write(blob)
        except OSError as exc:
            raise SpoolError(_advice(exc)) from exc
        self._index.append(
            (file, len(self._index) if order is None else order, self._end, len(blob))
        )
        self._end += len(blob)
        self._sorted = False
        for severity, n in zip(Severity, counts, strict=True):
            self._counts[severity] += n
        if error is not None:
            self._errors.append(pickle.loads(blob))

    # -- what a report asks without reading the results ---------------------------------
    def counts(self) -> dict[Severity, int]:
        return dict(self._counts)

    def errors(self) -> list[FileResult]:
        """Files that could not be read at all, in the report's order."""
        return sorted(self._errors, key=lambda r: r.file)

    # -- reading ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index: int | slice) -> FileResult | list[FileResult]:
        self._sort()
        if isinstance(index, slice):
            return [self._read(entry) for entry in self._index[index]]
        return self._read(self._index[index])

    def __iter__(self) -> Iterator[FileResult]:
        self._sort()
        for entry in self._index:
            yield self._read(entry)

    def _sort(self) -> None:
        if not self._sorted:
            self._index.sort()
            self._sorted = True

    def _read(self, entry: tuple[str, int, int, int]) -> FileResult:
        _file, _order, offset, length = entry
        try:
            self._store.seek(offset)
            blob = self._store.read(length)
        except OSError as exc:
            raise SpoolError(_advice(exc)) from exc
        result: FileResult = pickle.loads(blob)
        return result

    def close(self) -> None:
        self._store.close()


def _advice(exc: OSError) -> str:
    return (
        f"cannot keep the results in a temporary file in {tempfile.gettempdir()} "
        f"({exc.strerror or exc}); free some space there or point TMPDIR elsewhere"
    )
