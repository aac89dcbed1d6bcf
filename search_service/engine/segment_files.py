"""Whoosh's segment files read in place from their memory map, never copied.

Whoosh 2.7.4 maps each compound segment file (`.seg`) into memory, then opens each file inside
it (postings, terms, every column, the stored fields) as a `BufferFile`, which wraps the mapped
bytes in `io.BytesIO`: a private copy of the whole inner file. A searcher that has read every
segment so holds an anonymous copy of about the whole index (1.5 GB at 615k passages), every
server thread its own, and the copy reads every page of the map too. Here a `BufferFile` reads
the map through a view instead: only the pages read become resident, shared by every searcher
of the process and with the page cache.
"""
from __future__ import annotations

import logging

from whoosh.filedb.structfile import BufferFile

log = logging.getLogger(__name__)

# Bytes handed to the unpickler at a time: a posting block's header pickle is ~40 bytes, and
# the unpickler asks for 128 kB (a copy per block).
PEEK_BYTES = 256


class MappedFile:
    """A read-only file over a buffer (a view of a memory map), without copying the buffer."""

    __slots__ = ("_buf", "_pos")

    def __init__(self, buf: memoryview | bytes) -> None:
        self._buf = buf
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        """Up to `size` bytes from the position (all the rest if negative), and move past them."""
        start = self._pos
        end = len(self._buf) if size is None or size < 0 else min(start + size, len(self._buf))
        self._pos = max(start, end)
        return bytes(self._buf[start:end])

    def peek(self, size: int = 0) -> bytes:
        """Bytes from the position without moving: pickle reads a header in a call or two."""
        return bytes(self._buf[self._pos:self._pos + min(max(size, 1), PEEK_BYTES)])

    def readline(self, size: int | None = -1) -> bytes:
        """The bytes up to and including the next newline (pickle asks for this method)."""
        limit = len(self._buf) if size is None or size < 0 else min(len(self._buf),
                                                                    self._pos + size)
        end = self._pos
        while end < limit:
            chunk = bytes(self._buf[end:min(end + PEEK_BYTES, limit)])
            found = chunk.find(b"\n")
            end += found + 1 if found >= 0 else len(chunk)
            if found >= 0:
                break
        return self.read(end - self._pos)

    def seek(self, offset: int, whence: int = 0) -> int:
        """Move to `offset` from the start (whence 0), the position (1) or the end (2)."""
        base = (0, self._pos, len(self._buf))[whence]
        self._pos = base + offset
        return self._pos

    def tell(self) -> int:
        """The position."""
        return self._pos

    def close(self) -> None:
        """Nothing to release: the map belongs to Whoosh's compound storage."""


def read_compound_files_in_place() -> None:
    """Make Whoosh's BufferFile read its buffer through a MappedFile instead of a BytesIO copy."""

    def init(self: BufferFile, buf: memoryview | bytes, name: str | None = None,
             onclose: object = None) -> None:
        self._buf = buf
        self._name = name
        self.file = MappedFile(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    BufferFile.__init__ = init
