"""The app over a changing or broken index: new commits seen without a restart, friendly errors."""
from __future__ import annotations

import logging
from pathlib import Path

from search_service.app import create_app, templates_dir
from search_service.model import Document
from search_service.pipeline.indexing import index_documents

ROOT = Path(__file__).parent.parent
PAGE = """Agenda item

Library opening hours

Minutes:

The Head of Libraries presented the report on opening hours across the county.

In response to a question about Sunday opening, Members were informed that a pilot would start in April.
"""


def document(number: int, text: str = PAGE) -> Document:
    url = f"https://council.example/mgAi.aspx?ID={number}"
    return Document(source=url, url=url, text=text, council="Example", committee="Cabinet")


def test_the_app_sees_the_indexers_new_commits_without_a_restart(tmp_path, engine):
    index_documents(tmp_path, [document(1)], engine=engine)
    client = create_app(index_dir=tmp_path).test_client()
    before = client.get("/api/search?q=library").get_json()["total"]
    assert before > 0
    index_documents(tmp_path, [document(2, PAGE.replace("Library", "Mobile library"))])
    after = client.get("/api/search?q=library").get_json()["total"]
    assert after == 2 * before
    assert client.get("/api/search?q=mobile").get_json()["total"] > 0


def test_without_an_index_the_pages_say_so_until_the_indexer_has_run(tmp_path, engine):
    client = create_app(index_dir=tmp_path / "index").test_client()
    page = client.get("/?q=library")
    assert page.status_code == 503
    assert "The minutes have not been indexed yet" in page.get_data(as_text=True)
    api = client.get("/api/search?q=library")
    assert api.status_code == 503 and api.get_json()["error"]["status"] == 503
    index_documents(tmp_path / "index", [document(1)], engine=engine)
    assert client.get("/?q=library").status_code == 200


def test_a_broken_index_gives_a_short_apology_and_logs_the_error(tmp_path, caplog):
    """Whoosh only: it breaks Whoosh's own files."""
    index_documents(tmp_path, [document(1)])
    for segment_file in tmp_path.glob("*.seg"):
        segment_file.unlink()
    client = create_app(index_dir=tmp_path).test_client()
    with caplog.at_level(logging.ERROR, logger="search_service.app"):
        page = client.get("/?q=library")
        api = client.get("/api/search?q=library")
    assert page.status_code == 500 and api.status_code == 500
    html = page.get_data(as_text=True)
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html and ".seg" not in html
    assert api.get_json()["error"]["message"].startswith("Something went wrong")
    assert any(record.exc_info for record in caplog.records), "the traceback goes to the log"


def test_the_app_never_runs_in_debug_mode(tmp_path):
    app = create_app(index_dir=tmp_path)
    assert not app.debug and not app.testing


def test_templates_come_from_the_checkouts_top_level_folder():
    assert templates_dir() == ROOT / "templates"

