"""Fixtures of the web tests: an on-disk index of the minutes in tests/data/web on each engine, the
web app over it, and the app under waitress. A test asking for `engine`, `web_index` or a fixture
made from them runs once per engine (ids `[whoosh]`, `[xapian]`)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search_service.app import create_app
from search_service.pipeline.indexing import index_paths
from tests.support.server import serve_index
from tests.support.xapian_shards import ShardServers, started_servers

DATA = Path(__file__).parent / "data"
WEB_DATA = DATA / "web"


ENGINES = ("whoosh", "xapian")


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test's indexes are built with: each test asking for it runs on both."""
    return request.param


@pytest.fixture(scope="session")
def web_index(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the pages in tests/data/web on `engine`, built once per session and engine: do
    not write to it."""
    index_dir = tmp_path_factory.mktemp(f"web-index-{engine}")
    report = index_paths(index_dir, [str(WEB_DATA)], engine=engine)
    assert not report.errors and report.passages_added > 50
    return index_dir


@pytest.fixture
def app(web_index: Path) -> Flask:
    """The web app over the session's index of tests/data/web."""
    return create_app(index_dir=web_index)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client for the app."""
    return app.test_client()


@contextmanager
def running_server(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`search-service serve` (waitress) over `index_dir`; yields its base URL. The server must
    log no traceback."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    with serve_index(index_dir, log=log) as base:
        yield base
    output = log.read_text()
    assert "Traceback" not in output, output


@pytest.fixture
def start_server(tmp_path_factory: pytest.TempPathFactory
                 ) -> Callable[[Path], AbstractContextManager[str]]:
    """Starts the app under waitress over a given index: `with start_server(dir) as url:`."""
    return lambda index_dir: running_server(index_dir, tmp_path_factory)


@pytest.fixture(scope="module")
def server(web_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under waitress over the session's index of tests/data/web; its base URL."""
    with running_server(web_index, tmp_path_factory) as base:
        yield base


@pytest.fixture
def shard_servers() -> Iterator[ShardServers]:
    """xapian-tcpsrv servers on 127.0.0.1 (free ports, own sessions), stopped by PID after the
    test."""
    with started_servers() as servers:
        yield servers
