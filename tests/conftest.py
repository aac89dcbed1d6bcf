"""Shared fixtures: a real on-disk index of real minutes pages, and the web app over it."""
from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search_service.app import create_app
from search_service.indexer import index_paths

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
