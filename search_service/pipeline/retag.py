"""Re-tag the stored passages of an index with a taxonomy, reading no source again."""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from ..engine.choice import engine_of
from ..engine.store import StoreError, stored_passage, stored_passages
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
    unchanged taxonomy writes nothing and an interrupted run leaves the index as it was.
    """
    if engine_of(index_dir) != "whoosh":
        raise StoreError(f"{index_dir} is a Xapian index: retag works on Whoosh indexes only "
                         f"so far; re-index the sources to tag them anew")
    report = RetagReport()
    with write_run(index_dir, wait=wait) as run:
        for fields in stored_passages(run.ix):
            report.passages += 1
            topics = taxonomy.tag(fields["text"], fields.get("item_title"))
            if ",".join(topics) != (fields.get("topics") or ""):
                run.writer.replace_passages([replace(stored_passage(fields), topics=topics)])
                report.retagged += 1
    log.info("re-tagged %d of %d passages with %s", report.retagged, report.passages,
             taxonomy.source)
    return report
