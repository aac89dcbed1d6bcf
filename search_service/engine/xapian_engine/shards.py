"""The database a search reads: an index folder's, or the shards a stub file names, read and
opened one by one (a shard that does not answer is left out and reported, and the others are
searched as one database).

A stub line is `remote HOST:PORT` or `tcp HOST PORT` (a database served by `xapian-tcpsrv`) or
`auto PATH` (a local database; a relative path is relative to the stub's folder); blank lines
and lines starting with `#` are skipped. Xapian's own `remote :PROGRAM` form (a program to run)
is refused: it is the trap docs/scale-out.md describes.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import xapian

from ...model import ShardStatus
from ..caches import GenerationValues
from ..store import StoreError, UnavailableError

log = logging.getLogger(__name__)
T = TypeVar("T")

# The database folder inside an index folder (beside the ENGINE file and the run lock).
DATABASE = "xapian"
FORMS = "`remote HOST:PORT`, `tcp HOST PORT` or `auto PATH`"
# Milliseconds: a shard machine that does not accept the connection in this time is down (Xapian
# waits 10 s by default, which would hold every search up); an answer may take Xapian's 10 s.
CONNECT_TIMEOUT_MS = 3000
ANSWER_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Shard:
    """One shard of a stub: a served database (`host`, `port`) or a local one (`path`)."""

    address: str
    host: str = ""
    port: int = 0
    path: Path | None = None

    def open(self) -> xapian.Database:
        """The shard's database; xapian.Error when it cannot be reached or read."""
        if self.path is not None:
            return xapian.Database(str(self.path))
        return xapian.remote_open(self.host, self.port, ANSWER_TIMEOUT_MS, CONNECT_TIMEOUT_MS)


class PassageDatabase(xapian.Database):
    """The database a search reads: one index folder, or the shards of a stub that answered
    (`shards` says how many of how many; None for a folder). `path` is what it was opened from,
    `stamp` the stub file's when it was read; `kept` what was read from a whole generation of it
    (the glossary), shared by every database opened from the same index object (the web
    server's threads, a reopen)."""

    def __init__(self, path: Path, parts: Sequence[xapian.Database],
                 shards: ShardStatus | None = None, kept: GenerationValues | None = None,
                 stamp: tuple[int, ...] | None = None) -> None:
        super().__init__()
        for part in parts:
            self.add_database(part)
        self.path = path
        self.shards = shards
        self.kept = kept if kept is not None else GenerationValues()
        self.stamp = stamp

    def generation(self) -> tuple[int, int, ShardStatus | None]:
        """What changes with every commit of any shard and with the shards answering: the
        document count, the last document number (a commit replacing a source adds documents,
        one removing it lowers the count) and the shards (get_revision() is refused over a
        stub)."""
        return self.get_doccount(), self.get_lastdocid(), self.shards

    def reopened(self) -> PassageDatabase:
        """The same index opened anew: each shard asked again (one that was down may be back,
        one that answered may be down)."""
        return open_database(self.path, self.kept)

    def refreshed(self) -> PassageDatabase:
        """The database for the next request of a long-running process: this one reopened
        (seeing the indexers' commits) while every shard answers and the stub file is
        unchanged, else opened anew (a shard added to the stub is searched without a
        restart)."""
        if self.shards is not None and (self.shards.failed or _stamp(self.path) != self.stamp):
            return self.reopened()
        try:
            self.reopen()
        except xapian.Error as exc:  # a shard stopped or restarted: ask each one again
            log.info("reopening %s afresh: %s", self.path, _why(exc))
            return self.reopened()
        return self


def with_live_shards(database: PassageDatabase, read: Callable[[PassageDatabase], T]) -> T:
    """`read(database)`; when a shard of a stub stops answering during it, `read` again over
    the shards that answer now (its results say so through their `shards`). Any other failure
    of the engine is a StoreError, a message, not a traceback."""
    try:
        try:
            return read(database)
        except xapian.NetworkError:
            if database.shards is None:
                raise
            log.info("a shard of %s stopped answering: reading the others", database.path)
            return read(database.reopened())
    except xapian.Error as exc:
        raise StoreError(f"the Xapian index failed: {exc.get_msg()}") from None


def open_database(path: Path, kept: GenerationValues | None = None) -> PassageDatabase:
    """The database of an index folder, or of a stub file's shards with those that do not answer
    left out; StoreError when none does. `kept`: the index's values kept per generation."""
    if not path.is_file():
        try:
            return PassageDatabase(path, [xapian.Database(str(path / DATABASE))], kept=kept)
        except xapian.Error as exc:
            raise StoreError(f"cannot open the Xapian index {path}: {exc.get_msg()}") from None
    stamp = _stamp(path)  # (before reading: an edit made meanwhile is seen by the next refresh)
    shards = read_stub(path)
    parts, failed = [], []
    for shard in shards:
        try:
            parts.append(shard.open())
        except xapian.Error as exc:
            log.info("shard %s of %s did not answer: %s", shard.address, path, _why(exc))
            failed.append((shard.address, _why(exc)))
    if not parts:
        reasons = "; ".join(f"{address}: {why}" for address, why in failed)
        raise UnavailableError(f"none of the {len(shards)} shards of {path} answered ({reasons})")
    return PassageDatabase(path, parts, ShardStatus(len(shards),
                                                    tuple(address for address, _ in failed)),
                           kept, stamp)


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What changes when a stub file is edited or replaced; None when it is gone."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def _why(exc: xapian.Error) -> str:
    """Xapian's message and, when it has one, the system's ("Couldn't connect: Connection
    refused"), read from the exception's text: get_error_string() crashes the process when
    there is none (a NULL pointer in the 1.4 bindings, met on a shard killed mid-connection)."""
    message = exc.get_msg()
    rest = str(exc).removeprefix(message)
    if exc.get_context():
        rest = rest.removeprefix(f" (context: {exc.get_context()})")
    reason = rest.strip().removeprefix("(").removesuffix(")")
    return f"{message}: {reason}" if reason else message


def read_stub(path: Path) -> list[Shard]:
    """The shards a stub file names, in order; StoreError naming the file and line of a line
    that is none of the forms."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"cannot read the stub file {path}: {exc}") from None
    shards = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            shards.append(_shard(path, number, line))
    if not shards:
        raise StoreError(f"{path} names no shard: write one line a shard, {FORMS}")
    return shards


def _shard(stub: Path, number: int, line: str) -> Shard:
    """The shard of one stub line."""
    where = f"{stub}:{number}"
    keyword, _, rest = line.partition(" ")
    rest = rest.strip()
    words = rest.split()
    if keyword == "auto" and rest:
        return Shard(rest, path=stub.parent / rest)
    if keyword == "remote" and rest.startswith(":"):
        raise StoreError(f"{where}: `{line}` names a program to run; a shard served by "
                         f"xapian-tcpsrv is `remote HOST:PORT`")
    if keyword == "remote" and len(words) == 1 and ":" in rest:
        host, _, port = rest.rpartition(":")
        return Shard(rest, host, _port(where, line, port))
    if keyword == "tcp" and len(words) == 2:
        return Shard(f"{words[0]}:{words[1]}", words[0], _port(where, line, words[1]))
    raise StoreError(f"{where}: cannot read `{line}`: a shard line is {FORMS} "
                     f"(`#` starts a comment)")


def _port(where: str, line: str, text: str) -> int:
    """A TCP port number, or StoreError naming the stub line."""
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise StoreError(f"{where}: `{line}`: the port must be a number from 1 to 65535, "
                         f"not {text!r}")
    return int(text)
