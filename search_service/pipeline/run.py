"""The one way a run writes the index: under the run lock, through a batch writer that commits
what the run wrote, or cancels it when the run fails or is interrupted."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from types import ModuleType
from typing import Any

from ..engine import store as whoosh_store
from ..engine.choice import choose_engine, store_module
from ..engine.store import run_lock


class WriteRun:
    """An open index and the writer of the batch being written, opened at its first write so a
    run with nothing to write never takes the engine's write lock. `store` is the engine's
    store module (engine/store.py or engine/xapian_engine/store.py)."""

    def __init__(self, ix: Any, store: ModuleType = whoosh_store) -> None:
        self.ix = ix
        self.store = store
        self._writer: Any = None

    @property
    def writer(self) -> Any:
        """The current batch's writer (the engine's PassageWriter)."""
        if self._writer is None:
            self._writer = self.store.PassageWriter(self.ix)
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
def write_run(index_dir: Path, *, wait: bool = False, create: bool = False,
              engine: str | None = None) -> Iterator[WriteRun]:
    """Hold the run lock and yield the index's WriteRun; its last batch is committed when the
    block ends, and cancelled on any exception (KeyboardInterrupt and SystemExit included).

    A new index is built with `engine` (default Whoosh) and records it; an existing one is
    written with its own engine (another `engine` is refused)."""
    with run_lock(index_dir, wait=wait):
        store = store_module(choose_engine(index_dir, engine, create))
        run = WriteRun(store.open_index(index_dir, create=create), store)
        try:
            yield run
            run.commit()
        except BaseException:
            run.cancel()
            raise
