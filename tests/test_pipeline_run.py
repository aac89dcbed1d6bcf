"""write_run, the one way a run writes: its batch committed at the end, cancelled on failure."""
import pytest

from search_service.engine.schema import PASSAGE
from search_service.engine.store import open_index, run_lock
from search_service.pipeline.indexing import index_documents
from search_service.pipeline.run import write_run
from search_service.segment import split_document
from tests.support.minutes import doc


def write(run, url):
    passages = split_document(doc(url=url))
    run.writer.replace_source(url, "hash", passages, existed=False)
    return len(passages)


def passage_urls(index_dir):
    with open_index(index_dir).searcher() as searcher:
        return {fields["source_url"] for fields in searcher.documents(record=PASSAGE)}


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError])
def test_a_failed_run_leaves_the_last_commit_and_frees_both_locks(tmp_path, failure):
    index_documents(tmp_path, [doc(url="first")])
    with pytest.raises(failure), write_run(tmp_path) as run:
        write(run, "second")
        raise failure
    assert passage_urls(tmp_path) == {"first"}
    with run_lock(tmp_path):  # would raise IndexBusyError if the run had kept it
        pass
    with write_run(tmp_path) as run:  # Whoosh's write lock was released by the cancel
        write(run, "third")
    assert passage_urls(tmp_path) == {"first", "third"}


def test_batches_are_committed_as_asked_and_the_last_at_the_end(tmp_path):
    with write_run(tmp_path, create=True) as run:
        write(run, "first")
        run.commit()
        assert passage_urls(tmp_path) == {"first"}
        write(run, "second")
    assert passage_urls(tmp_path) == {"first", "second"}


def test_a_run_that_writes_nothing_commits_nothing(tmp_path):
    index_documents(tmp_path, [doc(url="first")])
    generation = open_index(tmp_path).latest_generation()
    with write_run(tmp_path):
        pass
    assert open_index(tmp_path).latest_generation() == generation
