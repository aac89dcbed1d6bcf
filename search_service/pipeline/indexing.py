"""Index documents: split them into passages, tag their topics, learn their acronyms, and write
each changed document's passages in place of its old ones."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from .. import segment
from ..glossary import source_acronyms
from ..model import Document, stable_id
from ..segment import split_document
from ..sources import SourceError, read_paths
from ..topics import Taxonomy, load_taxonomy
from .report import IndexReport, Progress
from .run import WriteRun, write_run

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


def index_documents(index_dir: Path, documents: Iterable[Document | SourceError], *,
                    wait: bool = False, progress: Progress | None = None,
                    commit_every: int = COMMIT_EVERY,
                    taxonomy: Taxonomy | None = None, engine: str | None = None
                    ) -> IndexReport:
    """Index documents under the run lock; errors are collected, never fatal to the run.

    Passages are tagged with `taxonomy` (default: `load_taxonomy()`); a new index is built with
    `engine` (engine/choice.py).
    """
    report = IndexReport()
    taxonomy = taxonomy or load_taxonomy()
    with write_run(index_dir, wait=wait, create=True, engine=engine) as run:
        run.store.clear_leftovers(run.ix)
        known = run.store.stored_hashes(run.ix)
        pending: set[str] = set()  # the urls written in the current batch
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
                        _commit(run, pending)
                    if _write_document(run, document, digest, document.url in known,
                                       report, taxonomy):
                        known[document.url] = digest
                        pending.add(document.url)
                    if len(pending) >= commit_every:
                        _commit(run, pending)
            if progress:
                progress(document, report)
    return report


def _write_document(run: WriteRun, document: Document, digest: str, existed: bool,
                    report: IndexReport, taxonomy: Taxonomy) -> bool:
    """Split and tag one document and replace its passages; a failure becomes a SourceError."""
    try:
        passages = taxonomy.tag_passages(split_document(document))
    except Exception as exc:  # one bad page must not stop a cron run
        log.exception("cannot split %s", document.source)
        report.errors.append(SourceError(document.source, f"cannot split: {exc}"))
        return False
    report.passages_removed += run.writer.replace_source(
        document.url, digest, passages, existed, source_acronyms(document, passages))
    report.passages_added += len(passages)
    return True


def _commit(run: WriteRun, pending: set[str]) -> None:
    """Commit the batch and forget its urls."""
    run.commit()
    pending.clear()


def index_paths(index_dir: Path, paths: Iterable[str], **options: object) -> IndexReport:
    """Index the files and directories named by `paths`."""
    return index_documents(index_dir, read_paths(paths), **options)  # type: ignore[arg-type]
