"""Re-tag the stored passages of an index with a taxonomy, reading no source again."""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from ..engine.store import stored_passage
from ..topics import Taxonomy
from .run import write_run

log = logging.getLogger(__name__)


@dataclass
class RetagReport:
    """What one re-tagging run did."""

    passages: int = 0
    retagged: int = 0

    def summary(self) -> str:
        """The one-line summary printed at the end of a run."""
        return f"{self.passages} passages read, {self.retagged} re-tagged"


def retag_index(index_dir: Path, taxonomy: Taxonomy, wait: bool = False) -> RetagReport:
    """Re-tag the stored passages of an index with `taxonomy`, without reading any source.

    Only passages whose topics change are rewritten, in one commit, so a run after an
    unchanged taxonomy writes nothing and an interrupted run leaves the index as it was. The
    index is read and written through its engine's store (Whoosh or Xapian).
    """
    report = RetagReport()
    with write_run(index_dir, wait=wait) as run:
        for fields in run.store.stored_passages(run.ix):
            report.passages += 1
            topics = taxonomy.tag(fields["text"], fields.get("item_title"))
            if ",".join(topics) != (fields.get("topics") or ""):
                run.writer.replace_passages([replace(stored_passage(fields), topics=topics)])
                report.retagged += 1
    log.info("re-tagged %d of %d passages with %s", report.retagged, report.passages,
             taxonomy.source)
    return report
