"""The indexing pipeline over a real on-disk Whoosh index: incremental, crash-safe, locked."""
import datetime as dt

import pytest

from search_service.engine.store import IndexBusyError, open_index, run_lock
from search_service.pipeline.indexing import index_documents
from search_service.search import SearchRequest, search_passages
from tests.support.minutes import PAGE, doc


def all_passages(index_dir, query=""):
    with open_index(index_dir).searcher() as searcher:
        return search_passages(searcher, SearchRequest(query=query, page_size=100))


def test_first_run_adds_passages_and_second_run_changes_nothing(tmp_path):
    first = index_documents(tmp_path, [doc()])
    assert (first.documents, first.unchanged, first.errors) == (1, 0, [])
    assert first.passages_added == all_passages(tmp_path).total > 0
    second = index_documents(tmp_path, [doc()])
    assert (second.documents, second.unchanged, second.passages_added,
            second.passages_removed) == (1, 1, 0, 0)
    assert second.summary().endswith("(index already up to date)")


def test_changed_document_has_its_passages_replaced_and_ids_of_unchanged_text_kept(tmp_path):
    index_documents(tmp_path, [doc()])
    before = {h.passage.id: h.passage.text for h in all_passages(tmp_path).hits}
    edited = PAGE.replace("28 days", "14 days")
    report = index_documents(tmp_path, [doc(text=edited)])
    after = {h.passage.id: h.passage.text for h in all_passages(tmp_path).hits}
    assert report.passages_removed == len(before) and report.passages_added == len(after)
    assert len(after) == len(before)
    assert not any("28 days" in text for text in after.values())
    kept = {i for i, text in before.items() if "28 days" not in text}
    assert kept and kept <= set(after)


def test_hints_from_the_source_are_stored_on_each_passage(tmp_path):
    index_documents(tmp_path, [doc(council="Worcestershire", committee="Cabinet",
                                   meeting_date=dt.date(2018, 10, 2))])
    hit = all_passages(tmp_path, "potholes").hits[0]
    assert hit.passage.meeting.council == "Worcestershire"
    assert hit.passage.meeting.committee == "Cabinet"
    assert hit.passage.meeting.date == dt.date(2018, 10, 2)
    assert hit.passage.item.title == "Highways maintenance"


def test_interrupted_run_keeps_the_last_committed_index_searchable(tmp_path):
    index_documents(tmp_path, [doc(url="first")])

    def documents():
        yield doc(url="second")
        raise KeyboardInterrupt  # as when cron's run is killed mid-way

    with pytest.raises(KeyboardInterrupt):
        index_documents(tmp_path, documents(), commit_every=10)
    assert all_passages(tmp_path, "potholes").total == 1
    rerun = index_documents(tmp_path, [doc(url="first"), doc(url="second")])
    assert rerun.unchanged == 1 and all_passages(tmp_path, "potholes").total == 2


def test_a_second_run_is_refused_while_one_holds_the_index(tmp_path):
    with run_lock(tmp_path):
        with pytest.raises(IndexBusyError, match="another indexer run .* holds"):
            index_documents(tmp_path, [doc()])
    assert index_documents(tmp_path, [doc()]).passages_added > 0


def test_a_new_splitter_splits_unchanged_documents_again(tmp_path, monkeypatch):
    from search_service.pipeline import indexing

    index_documents(tmp_path, [doc()])
    monkeypatch.setattr(indexing, "SPLITTER_FINGERPRINT", "a newer splitter")
    rerun = index_documents(tmp_path, [doc()])
    assert rerun.unchanged == 0 and rerun.passages_added == rerun.passages_removed > 0
    assert index_documents(tmp_path, [doc()]).unchanged == 1


def test_an_index_built_by_another_version_is_refused_with_how_to_rebuild(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    from search_service.engine.store import StoreError

    whoosh_index.create_in(str(tmp_path), Schema(id=ID(stored=True), text=TEXT(stored=True)))
    with pytest.raises(StoreError, match=r"built by another version .*`search-service index --index NEW_DIR"):
        open_index(tmp_path)
    with pytest.raises(StoreError, match="another version"):
        index_documents(tmp_path, [doc()])
