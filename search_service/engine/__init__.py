"""The engine: everything that knows the search library's insides (Whoosh 2.7.4), behind a small
interface the search layer calls.

The pipeline's stages run sources → segment → enrich → engine → search → web/cli; the
engine imports from the stages before it, never from those after.

- store.py: open (`open_index`, which applies patches.py once), the run lock, write a source's
  passages (`PassageWriter`); schema.py, analysis.py and merge_policy.py are how it indexes.
- queries.py and query_parser.py: the user's words and filters as queries.
- hits.py: match, rank (ranking.py, in bulk), a page of hits with highlights, facet values,
  stored passages and meetings, suggestions; facet_counts.py counts in bulk over arrays read
  from the posting lists; items.py numbers agenda items and finds copies across segments.
- reading.py: what the rest of the service reads besides searches (word statistics, the
  values a facet holds, what source records carry).
- choice.py: which engine an index uses (Whoosh, or Xapian recorded in its folder);
  xapian_engine/: the second engine, for shards (docs/scale-out.md; the [xapian] extra).
- caches.py: what searches keep about one index, owned by the open index within one memory
  budget (posting_cache.py holds the decoded posting lists); segment_files.py reads segment
  files in place.
"""
