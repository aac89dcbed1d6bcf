"""The SQLite FTS5 baseline: the same passages and queries, through what a user could pick instead.

Passages come from the service's own readers and splitter, so the two stores index identical
text. Ranking is FTS5's BM25 with the service's field weights; facet counts are GROUP BY queries
over the matched rows; an incremental run skips documents whose content hash is unchanged.
"""
from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search_service.engine.query_parser import FIELD_BOOSTS
from search_service.engine.store import passage_fields
from search_service.model import Document
from search_service.segment import split_document
from search_service.sources import SourceError, read_paths

from .queries import BenchQuery

log = logging.getLogger(__name__)

TEXT_COLUMNS = tuple(FIELD_BOOSTS)  # text, question, answer, item_title, item_description
FACETS = {"council": "council_key", "committee": "committee_key", "meeting": "meeting_id",
          "year": "year", "kind": "kind", "speaker": "speaker_key", "item": "item_title_key"}
META_COLUMNS = ("id", "source_url", "kind", "speaker", "council", "committee", "meeting_id",
                "meeting_date", "year", "item_title_key", "council_key", "committee_key",
                "speaker_key", "url", "position", "topics")
COMMIT_EVERY = 500
SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS passages USING fts5(
    {", ".join(TEXT_COLUMNS)}, tokenize='porter unicode61');
CREATE TABLE IF NOT EXISTS meta (rowid INTEGER PRIMARY KEY, {", ".join(META_COLUMNS)});
CREATE INDEX IF NOT EXISTS meta_source ON meta(source_url);
CREATE TABLE IF NOT EXISTS sources (url TEXT PRIMARY KEY, hash TEXT);
"""


@dataclass
class BuildReport:
    """What one FTS5 indexing run did, with the time spent splitting apart from storing."""

    documents: int = 0
    unchanged: int = 0
    passages: int = 0
    split_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create) the FTS5 database."""
    conn = sqlite3.connect(path)
    conn.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + SCHEMA)
    return conn


def index_documents(conn: sqlite3.Connection, documents: Iterable[Document | SourceError]
                    ) -> BuildReport:
    """Index documents incrementally: unchanged ones (by content hash) are skipped."""
    report = BuildReport()
    known = dict(conn.execute("SELECT url, hash FROM sources"))
    pending = 0
    for document in documents:
        if isinstance(document, SourceError):
            report.errors.append(str(document))
            continue
        report.documents += 1
        digest = document.content_hash
        if known.get(document.url) == digest:
            report.unchanged += 1
            continue
        started = time.perf_counter()
        passages = split_document(document)
        report.split_seconds += time.perf_counter() - started
        if document.url in known:
            old = [row for (row,) in conn.execute("SELECT rowid FROM meta WHERE source_url = ?",
                                                  (document.url,))]
            conn.executemany("DELETE FROM passages WHERE rowid = ?", [(r,) for r in old])
            conn.executemany("DELETE FROM meta WHERE rowid = ?", [(r,) for r in old])
        for passage in passages:
            fields = passage_fields(passage)
            cursor = conn.execute(
                f"INSERT INTO meta ({', '.join(META_COLUMNS)}) VALUES "
                f"({', '.join('?' * len(META_COLUMNS))})",
                [_value(fields.get(name)) for name in META_COLUMNS])
            conn.execute(f"INSERT INTO passages (rowid, {', '.join(TEXT_COLUMNS)}) VALUES "
                         f"(?, {', '.join('?' * len(TEXT_COLUMNS))})",
                         [cursor.lastrowid] + [fields.get(name) for name in TEXT_COLUMNS])
        conn.execute("INSERT OR REPLACE INTO sources VALUES (?, ?)", (document.url, digest))
        known[document.url] = digest
        report.passages += len(passages)
        pending += 1
        if pending >= COMMIT_EVERY:
            conn.commit()
            pending = 0
    conn.commit()
    return report


def _value(value: object) -> object:
    return value.date().isoformat() if isinstance(value, dt.datetime) else value


def index_paths(db: Path, paths: list[str]) -> BuildReport:
    """Index the given input files into the FTS5 database at `db`."""
    conn = connect(db)
    try:
        return index_documents(conn, read_paths(paths))
    finally:
        conn.close()


def _where(query: BenchQuery) -> tuple[str, list[Any]]:
    """The filters of a query as SQL over `meta`."""
    clauses, params = [], []
    for name, values in query.filters.items():
        clauses.append(f"meta.{FACETS[name]} IN ({', '.join('?' * len(values))})")
        params += values
    if query.date_from:
        clauses.append("meta.meeting_date >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to:
        clauses.append("meta.meeting_date <= ?")
        params.append(query.date_to.isoformat())
    return " AND ".join(clauses), params


def search(conn: sqlite3.Connection, query: BenchQuery, page_size: int = 10) -> dict[str, Any]:
    """One page of hits with snippets, the total, and counts for every facet."""
    where, params = _where(query)
    if query.fts:
        source = "passages JOIN meta ON meta.rowid = passages.rowid"
        match = ["passages MATCH ?"] + ([where] if where else [])
        condition, args = " AND ".join(match), [query.fts] + params
    else:
        source, condition, args = "meta", where or "1", params
    conn.execute("DROP TABLE IF EXISTS temp.matched")
    conn.execute(f"CREATE TEMP TABLE matched AS SELECT meta.* FROM {source} WHERE {condition}",
                 args)
    if query.fts:
        weights = ", ".join(str(w) for w in FIELD_BOOSTS.values())
        hits = conn.execute(
            f"SELECT meta.id, snippet(passages, 0, '<mark>', '</mark>', ' … ', 24), "
            f"meta.committee, meta.meeting_date FROM {source} WHERE {condition} "
            f"ORDER BY bm25(passages, {weights}) LIMIT ? OFFSET ?",
            args + [page_size, (query.page - 1) * page_size]).fetchall()
    else:
        # The page first, then its text by rowid: a plain join scans the FTS table once per
        # matched row (SQLite puts the virtual table outside), minutes at 100k passages.
        hits = conn.execute(
            "SELECT page.id, substr(passages.text, 1, 300), page.committee, page.meeting_date "
            "FROM (SELECT * FROM matched ORDER BY meeting_date DESC LIMIT ? OFFSET ?) AS page "
            "CROSS JOIN passages ON passages.rowid = page.rowid ORDER BY page.meeting_date DESC",
            [page_size, (query.page - 1) * page_size]).fetchall()
    total = conn.execute("SELECT count(*) FROM matched").fetchone()[0]
    facets = {name: conn.execute(f"SELECT {column}, count(*) FROM matched WHERE {column} IS NOT "
                                 f"NULL GROUP BY 1 ORDER BY 2 DESC").fetchall()
              for name, column in FACETS.items()}
    return {"total": total, "hits": hits, "facets": facets}
