"""The one way a run writes the index: under the run lock, through a batch writer that commits
what the run wrote, or cancels it when the run fails or is interrupted."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..engine.store import PassageIndex, PassageWriter, open_index, run_lock


class WriteRun:
    """An open index and the writer of the batch being written, opened at its first write so a
    run with nothing to write never takes Whoosh's write lock."""

    def __init__(self, ix: PassageIndex) -> None:
        self.ix = ix
        self._writer: PassageWriter | None = None

    @property
    def writer(self) -> PassageWriter:
        """The current batch's writer."""
        if self._writer is None:
            self._writer = PassageWriter(self.ix)
        return self._writer

    def commit(self) -> None:
        """Commit the batch, if any was written; the next write opens a new one."""
        if self._writer:
            self._writer.commit()
            self._writer = None

    def cancel(self) -> None:
        """Drop the batch, if any: the index keeps its last commit."""
        if self._writer:
            self._writer.cancel()
            self._writer = None


@contextmanager
def write_run(index_dir: Path, *, wait: bool = False, create: bool = False) -> Iterator[WriteRun]:
    """Hold the run lock and yield the index's WriteRun; its last batch is committed when the
    block ends, and cancelled on any exception (KeyboardInterrupt and SystemExit included)."""
    with run_lock(index_dir, wait=wait):
        run = WriteRun(open_index(index_dir, create=create))
        try:
            yield run
            run.commit()
        except BaseException:
            run.cancel()
            raise
