"""Which segments a commit merges: a tiered policy in place of Whoosh's MERGE_SMALL.

Whoosh merges a segment by re-adding its postings one by one, in Python: a merge costs about
as much CPU per document as indexing it did (1.25 ms per document against 1.5 ms per passage
indexed, docs/performance.md round 3). Its default policy, MERGE_SMALL, merged the ~23 smallest
segments again and again, and at ~600k passages merged every segment into one: 13 minutes
without a commit. Here a commit merges only segments of similar size, `MERGE_FACTOR` at a time,
and never makes a segment above `MAX_MERGED_DOCS`: a document is rewritten at most once per size
tier it climbs, and no commit rewrites more than `MAX_MERGED_DOCS` documents. A full build's
batches (pipeline.indexing.COMMIT_EVERY) are so big that ten of them exceed the cap: a build
merges nothing.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

from whoosh.codec.base import Segment
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

log = logging.getLogger(__name__)

MERGE_FACTOR = 10
# Tier 0 holds the segments below this many documents (passages and source records), tier n
# those from SMALL_SEGMENT * MERGE_FACTOR**(n-1) up to MERGE_FACTOR times that.
SMALL_SEGMENT = 10_000
# No merge makes a segment bigger than this: ~4 minutes of CPU for the biggest merge.
MAX_MERGED_DOCS = 200_000


def size_tier(live_docs: int) -> int:
    """The size tier of a segment with `live_docs` undeleted documents (0 for the smallest)."""
    tier, bound = 0, SMALL_SEGMENT
    while live_docs >= bound:
        tier, bound = tier + 1, bound * MERGE_FACTOR
    return tier


def segments_to_merge(segments: Sequence[Segment]) -> list[Segment]:
    """The segments one commit should merge: the `MERGE_FACTOR` smallest of the smallest tier
    that has that many, if together they stay within `MAX_MERGED_DOCS`; else none."""
    tiers: dict[int, list[Segment]] = defaultdict(list)
    for segment in segments:
        tiers[size_tier(segment.doc_count())].append(segment)
    for tier in sorted(tiers):
        group = sorted(tiers[tier], key=lambda segment: segment.doc_count())[:MERGE_FACTOR]
        if len(group) == MERGE_FACTOR:
            if sum(segment.doc_count() for segment in group) <= MAX_MERGED_DOCS:
                return group
    return []


def tiered_merge(writer: SegmentWriter, segments: Sequence[Segment]) -> list[Segment]:
    """Whoosh merge policy: drop segments whose documents are all deleted, merge one group of
    similar size (`segments_to_merge`) into the writer's new segment; returns the segments kept."""
    live = [segment for segment in segments if segment.doc_count()]
    chosen = segments_to_merge(live)
    if chosen:
        log.info("merging %d segments of %d documents", len(chosen),
                 sum(segment.doc_count() for segment in chosen))
    for segment in chosen:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in live if segment not in chosen]
