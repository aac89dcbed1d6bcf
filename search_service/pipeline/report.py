"""What an index run did, kept apart from the run so a display can read it without the indexer."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Document
from ..sources import SourceError


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
