"""The build: the tiered merge policy merges small segments without losing or resurrecting a
passage."""
from pathlib import Path

import pytest
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from search_service.engine import merge_policy
from search_service.engine.store import BuildWriter, open_index, passage_fields
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.search import SearchRequest, search_passages
from search_service.segment import split_document
from tests.support.crash import crash_run
from tests.support.minutes import PAGE, SEED, doc


def segment_contents(index_dir: Path) -> list:
    ix = open_index(index_dir)
    (segment,) = ix._segments()
    reader = SegmentReader(ix.storage, ix.schema, segment)
    terms = []
    for field, text in reader.all_terms():
        info = reader.term_info(field, text)
        terms.append((field, text, info.weight(), info.doc_frequency(), info.min_length(),
                      info.max_length(), info.max_weight()))
    lengths = {name: [reader.doc_field_length(n, name) for n in range(reader.doc_count_all())]
               for name in ix.schema.scorable_names()}
    return [terms, list(reader.iter_postings()), lengths]


def test_a_segment_holds_the_same_terms_lengths_and_postings_as_whooshs_writer_makes(tmp_path):
    passages = [passage for url, text in (("seed", SEED.read_text(encoding="utf-8")),
                                          ("page", PAGE))
                for passage in split_document(Document(source=url, url=url, text=text))]
    for name, writer_class in (("whoosh", SegmentWriter), ("ours", BuildWriter)):
        writer = writer_class(open_index(tmp_path / name, create=True))
        for passage in passages:
            writer.add_document(**passage_fields(passage))
        writer.commit()

    assert segment_contents(tmp_path / "ours") == segment_contents(tmp_path / "whoosh")


def segment_sizes(index_dir: Path) -> list[int]:
    return [segment.doc_count() for segment in open_index(index_dir)._segments()]


def passages_of(index_dir: Path, query: str) -> list[str]:
    with open_index(index_dir).searcher() as searcher:
        result = search_passages(searcher, SearchRequest(query=query, page_size=100))
        return sorted(hit.passage.url for hit in result.hits)


def page(n: int, days: int = 28):
    return doc(url=f"https://council.example/mgAi.aspx?ID={n}",
               text=PAGE.replace("28 days", f"{days} days"))


def test_ten_small_segments_are_merged_at_the_next_commit_and_nothing_is_lost(tmp_path):
    pages = 2 * merge_policy.MERGE_FACTOR
    for n in range(0, pages, 2):
        index_documents(tmp_path, [page(n), page(n + 1)])
    assert len(segment_sizes(tmp_path)) == merge_policy.MERGE_FACTOR
    index_documents(tmp_path, [page(3, days=14)])  # replaces page 3: a deletion in a segment

    assert len(segment_sizes(tmp_path)) == 1
    urls = [page(n).url for n in range(pages)]
    assert passages_of(tmp_path, "potholes") == sorted(urls)
    assert passages_of(tmp_path, '"28 days"') == sorted(set(urls) - {page(3).url})
    assert passages_of(tmp_path, '"14 days"') == [page(3).url]


def test_a_segment_whose_passages_were_all_replaced_is_dropped_without_a_merge(tmp_path):
    index_documents(tmp_path, [page(1)])
    index_documents(tmp_path, [page(2)])
    index_documents(tmp_path, [page(1, days=14)])

    assert len(segment_sizes(tmp_path)) == 2
    assert passages_of(tmp_path, '"28 days"') == [page(2).url]


def test_no_merge_makes_a_segment_above_the_cap(tmp_path, monkeypatch):
    index_documents(tmp_path, [page(0)])
    monkeypatch.setattr(merge_policy, "MAX_MERGED_DOCS", segment_sizes(tmp_path)[0] * 5)
    for n in range(1, merge_policy.MERGE_FACTOR + 2):
        index_documents(tmp_path, [page(n)])

    assert len(segment_sizes(tmp_path)) == merge_policy.MERGE_FACTOR + 2


@pytest.mark.parametrize("live, tier", [(0, 0), (999, 0), (9_999, 0), (10_000, 1),
                                        (99_999, 1), (100_000, 2), (2_000_000, 3)])
def test_size_tiers_grow_tenfold(live, tier):
    assert merge_policy.size_tier(live) == tier


@pytest.mark.slow
def test_runs_killed_while_merging_leave_an_index_that_heals(tmp_path):
    # Three documents per commit: each run makes ~20 segments, so its kills land in merges too.
    report = crash_run(tmp_path, kills=3, passages=600, commit_every=3, seed=11)

    assert report.failures == []
    assert report.survived == report.kills == 3
    assert report.final_equal and report.left_after_final == 0
