"""The app under the production server: concurrent requests, and the indexer's commits seen live."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from search_service.model import Document
from search_service.pipeline.indexing import index_documents

PAGE = """Agenda item

Library opening hours

Minutes:

The Head of Libraries presented the report on opening hours across the county.

In response to a question about Sunday opening, Members were informed that a pilot would start in April.
"""


def fetch_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_concurrent_requests_each_get_their_own_right_answer(server):
    queries = ["pothole", "school", "council", "inspection", "question", "budget"] * 6
    expected = {query: fetch_json(f"{server}/api/search?q={query}")[1]["total"]
                for query in set(queries)}
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda q: (q, fetch_json(f"{server}/api/search?q={q}")), queries))
    for query, (status, body) in answers:
        assert status == 200 and body["total"] == expected[query], query


def test_every_server_thread_sees_a_new_commit_without_a_restart(tmp_path, start_server, engine):
    def document(number: int, title: str) -> Document:
        url = f"https://council.example/mgAi.aspx?ID={number}"
        return Document(source=url, url=url, text=PAGE.replace("Library", title))

    index_documents(tmp_path, [document(1, "Library")], engine=engine)
    with start_server(tmp_path) as base, ThreadPoolExecutor(max_workers=8) as pool:
        search = f"{base}/api/search?q=library"
        before = {body["total"] for _, body in pool.map(fetch_json, [search] * 24)}
        assert len(before) == 1 and before.pop() > 0
        index_documents(tmp_path, [document(2, "Mobile library")])
        after = list(pool.map(fetch_json, [f"{base}/api/search?q=mobile"] * 24))
        assert all(status == 200 and body["total"] > 0 for status, body in after)


def test_the_server_answers_503_until_the_first_index_run(tmp_path, start_server, engine):
    with start_server(tmp_path / "index") as base:
        status, body = fetch_json(f"{base}/api/search?q=library")
        assert status == 503 and "not been indexed yet" in body["error"]["message"]
        index_documents(tmp_path / "index", [Document(source="a", url="a", text=PAGE)],
                        engine=engine)
        status, body = fetch_json(f"{base}/api/search?q=library")
        assert status == 200 and body["total"] > 0


def test_serve_on_a_busy_port_says_so_in_one_line(server, web_index):
    port = server.rsplit(":", 1)[1]
    result = subprocess.run([sys.executable, "-m", "search_service", "serve", "--index",
                             str(web_index), "--port", port],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == (f"Error: cannot listen on 127.0.0.1:{port}: Address already "
                                     f"in use; stop the other server or choose another --port")
