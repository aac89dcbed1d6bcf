"""Fixtures of the web tests: an on-disk index of the minutes in tests/data/web, the web app over
it, and the app under waitress."""
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


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the pages in tests/data/web, built once per session: do not write to it."""
    index_dir = tmp_path_factory.mktemp("web-index")
    report = index_paths(index_dir, [str(WEB_DATA)])
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
