"""Shared fixtures: a real on-disk index of real minutes pages, and the web app over it."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search_service.app import create_app
from search_service.indexer import index_paths

ROOT = Path(__file__).parent.parent
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
    """The web app over the shared fixture index."""
    return create_app(index_dir=web_index)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client for the app."""
    return app.test_client()


@contextmanager
def running_server(index_dir: Path) -> Iterator[str]:
    """`search-service serve` (waitress) on a free port of 127.0.0.1; yields its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "search_service", "serve", "--index", str(index_dir),
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"{base}/help", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the server did not start: {process.communicate()[0]}")
            time.sleep(0.1)
    try:
        yield base
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert "Traceback" not in output, output


@pytest.fixture
def start_server() -> Callable[[Path], AbstractContextManager[str]]:
    """Starts the app under waitress over a given index: `with start_server(dir) as url:`."""
    return running_server


@pytest.fixture(scope="module")
def server(web_index: Path) -> Iterator[str]:
    """The app under waitress over the shared fixture index; its base URL."""
    with running_server(web_index) as base:
        yield base
