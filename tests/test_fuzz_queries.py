"""Random and pathological queries against the production server: never a 500, never a hang.

The short form of `python -m benchmarks.fuzz` (see docs/reliability.md).
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings

from search_service.app import create_app
from search_service.pipeline.indexing import index_paths
from tests.support.fuzz import ENDPOINTS, PATHOLOGICAL, check_query, search_params
from tests.support.generate import write_corpus
from tests.support.server import free_port, serve_command, server

EXAMPLES = 60


@pytest.fixture(scope="module")
def base(web_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`search-service serve` (waitress) over the session's index of the web fixture minutes."""
    port = free_port()
    log = tmp_path_factory.mktemp("fuzz-server") / "server.log"
    with server(serve_command(web_index, port), port, "/help", log=log):
        yield f"http://127.0.0.1:{port}"
    assert "Traceback" not in log.read_text().replace("cannot suggest", "")


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(params=search_params())
def test_random_queries_and_parameters_never_give_a_server_error(base, params):
    for endpoint in ENDPOINTS:
        check_query(base, endpoint, params, timeout=60)


@pytest.mark.parametrize("params", PATHOLOGICAL, ids=lambda p: str(p)[:40])
def test_pathological_queries_are_answered_or_refused_in_bounded_time(base, params):
    for endpoint in ("/", "/api/search"):
        check_query(base, endpoint, params, timeout=60)


@pytest.fixture(scope="module")
def generated_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """The app over an index of generated minutes, with a vocabulary of thousands of words."""
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder / "corpus", passages=1500)
    index_paths(folder / "index", [str(folder / "corpus")])
    return create_app(index_dir=folder / "index").test_client()


@pytest.mark.slow
@pytest.mark.parametrize("pattern", ["*e*", "*a*", "[a TO z]", "*"])
def test_a_pattern_matching_too_many_words_is_refused_with_advice(generated_client, pattern):
    response = generated_client.get("/api/search", query_string={"q": pattern})
    assert response.status_code == 400
    message = response.json["error"]["message"]
    assert f"'{pattern}' matches too many different words" in message
    assert "more letters before the *" in message
    page = generated_client.get("/", query_string={"q": pattern})
    assert page.status_code == 400 and b"matches too many different words" in page.data


@pytest.mark.slow
def test_a_pattern_matching_hundreds_of_words_is_answered(generated_client):
    response = generated_client.get("/api/search", query_string={"q": "re*"})
    assert response.status_code == 200 and response.json["total"] > 100


def test_a_narrow_pattern_still_finds_and_highlights(base):
    with urllib.request.urlopen(f"{base}/api/search?q=potho*", timeout=60) as response:
        found = json.loads(response.read())
    assert found["total"] > 0 and "<mark" in json.dumps(found["results"][0]["highlights"])


@pytest.mark.parametrize("path", ["/?q=%ff%fe", "/api/search?q=%ff", "/feed.atom?q=%c3%28",
                                  "/api/search?q=%00", "/?kind=%ff&q=a", "/api/search?q=%ed%a0%80"])
def test_query_strings_that_are_not_utf8_are_answered(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    assert status in (200, 400)
