"""Changes to Whoosh 2.7.4's own classes, applied once, by `apply_patches`, before an index opens.

Each is measured in docs/performance.md; none changes what is indexed or found. They are applied
by one explicit call (store.open_index makes it) rather than on import, so importing a module
never changes Whoosh behind a caller's back.
"""
from __future__ import annotations

import sys
import threading

from whoosh.codec.whoosh3 import W3PerDocReader

from . import analysis, segment_files

# Indexes written before the engine package pickled their analyzer under this module name.
MOVED_MODULES = {"search_service.analysis": analysis}

_applied = False
_lock = threading.Lock()


def apply_patches() -> None:
    """Apply every patch, once per process (later calls do nothing)."""
    global _applied
    with _lock:
        if _applied:
            return
        segment_files.read_compound_files_in_place()
        _remember_missing_length_columns()
        for name, module in MOVED_MODULES.items():
            sys.modules.setdefault(name, module)
        _applied = True


def _remember_missing_length_columns() -> None:
    """Make Whoosh remember that a field has no length column.

    Whoosh 2.7.4 asks the disk again (a `stat`) for every posting of a field without one (ids,
    numbers) when it writes a segment: 469k calls for 7k passages, a fifth of a build.
    """
    find = W3PerDocReader._cached_reader

    def cached_reader(self: W3PerDocReader, fieldname: str, column: object) -> object:
        readers = self._readers  # only this method reads it; None now means "no column"
        if fieldname not in readers:
            readers[fieldname] = find(self, fieldname, column)
        return readers[fieldname]

    W3PerDocReader._cached_reader = cached_reader
