"""The indexing pipeline: read sources, split them into passages, tag their topics, learn their
acronyms, and store them incrementally."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import segment
from .engine.store import (
    PassageWriter,
    clear_leftovers,
    open_index,
    run_lock,
    stored_hashes,
)
from .glossary import source_acronyms
from .model import Document, stable_id
from .segment import split_document
from .sources import SourceError, read_paths
from .topics import Taxonomy, load_taxonomy

log = logging.getLogger(__name__)

# Commit after this many changed documents (~22k passages, about a minute of work): a killed run
# loses at most its last batch. Each commit makes a segment, and the engine's merges cost about as
# much as indexing (engine/merge_policy.py), so batches are big enough that a full build of 1M
# passages makes ~50 segments and merges none of them.
COMMIT_EVERY = 2_000


def splitter_fingerprint() -> str:
    """A hash of the splitter's code, so that a new splitter splits every document again."""
    folder = Path(segment.__file__).parent
    return stable_id(*(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.py"))))


SPLITTER_FINGERPRINT = splitter_fingerprint()


@dataclass
class IndexReport:
    """What one indexer run did."""

    documents: int = 0
    unchanged: int = 0
    passages_added: int = 0
    passages_removed: int = 0
    errors: list[SourceError] = field(default_factory=list)

    @property
    def changed(self) -> int:
        """Documents whose passages were written."""
        return self.documents - self.unchanged

    def summary(self) -> str:
        """The one-line summary printed at the end of a run."""
        line = (f"{self.documents} documents read, {self.unchanged} unchanged, "
                f"{self.passages_added} passages added, {self.passages_removed} removed, "
                f"{len(self.errors)} errors")
        return line if self.changed or self.errors else line + " (index already up to date)"


Progress = Callable[[Document | SourceError, IndexReport], None]


def index_documents(index_dir: Path, documents: Iterable[Document | SourceError], *,
                    wait: bool = False, progress: Progress | None = None,
                    commit_every: int = COMMIT_EVERY,
                    taxonomy: Taxonomy | None = None) -> IndexReport:
    """Index documents under the run lock; errors are collected, never fatal to the run.

    Passages are tagged with `taxonomy` (default: `load_taxonomy()`).
    """
    report = IndexReport()
    taxonomy = taxonomy or load_taxonomy()
    with run_lock(index_dir, wait=wait):
        ix = open_index(index_dir, create=True)
        clear_leftovers(ix)
        known = stored_hashes(ix)
        writer: PassageWriter | None = None
        pending: set[str] = set()
        try:
            for document in documents:
                if isinstance(document, SourceError):
                    log.info("%s", document)  # the caller shows report.errors
                    report.errors.append(document)
                else:
                    report.documents += 1
                    # Stored per source: unchanged only if both the page and the splitter are.
                    digest = stable_id(document.content_hash, SPLITTER_FINGERPRINT)
                    if known.get(document.url) == digest:
                        report.unchanged += 1
                    else:
                        if document.url in pending:  # the same url twice in one batch
                            writer = _commit(writer, pending)
                        writer = writer or PassageWriter(ix)
                        if _write_document(writer, document, digest, document.url in known,
                                           report, taxonomy):
                            known[document.url] = digest
                            pending.add(document.url)
                        if len(pending) >= commit_every:
                            writer = _commit(writer, pending)
                if progress:
                    progress(document, report)
            _commit(writer, pending)
        except BaseException:
            if writer:
                writer.cancel()
            raise
    return report


def _write_document(writer: PassageWriter, document: Document, digest: str, existed: bool,
                    report: IndexReport, taxonomy: Taxonomy) -> bool:
    """Split and tag one document and replace its passages; a failure becomes a SourceError."""
    try:
        passages = taxonomy.tag_passages(split_document(document))
    except Exception as exc:  # one bad page must not stop a cron run
        log.exception("cannot split %s", document.source)
        report.errors.append(SourceError(document.source, f"cannot split: {exc}"))
        return False
    report.passages_removed += writer.replace_source(
        document.url, digest, passages, existed, source_acronyms(document, passages))
    report.passages_added += len(passages)
    return True


def _commit(writer: PassageWriter | None, pending: set[str]) -> None:
    """Commit the batch, if any, and forget it; returns no writer, so the next batch opens one."""
    if writer:
        writer.commit()
    pending.clear()
    return None


def index_paths(index_dir: Path, paths: Iterable[str], **options: object) -> IndexReport:
    """Index the files and directories named by `paths`."""
    return index_documents(index_dir, read_paths(paths), **options)  # type: ignore[arg-type]
