"""The FTS5 baseline as a web app: the JSON search the load test asks of both services.

    python -m benchmarks.fts5_app DB PORT
"""
from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import waitress
from flask import Flask, request

from . import fts5
from .queries import BenchQuery

THREADS = 4


def create_app(db: Path) -> Flask:
    """A Flask app answering /api/search?q=...&kind=... from the FTS5 database."""
    app = Flask(__name__)
    local = threading.local()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "conn"):
            local.conn = fts5.connect(db)
        return local.conn

    @app.get("/api/search")
    def search() -> dict[str, Any]:
        words = request.args.get("q", "")
        filters = {name: request.args.getlist(name) for name in fts5.FACETS
                   if request.args.getlist(name)}
        found = fts5.search(connection(), BenchQuery("web", words, words, filters=filters))
        return {"total": found["total"],
                "hits": [dict(zip(("id", "snippet", "committee", "date"), hit))
                         for hit in found["hits"]],
                "facets": {name: [{"value": value, "count": count} for value, count in counts]
                           for name, counts in found["facets"].items()}}

    return app


if __name__ == "__main__":
    waitress.serve(create_app(Path(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]),
                   threads=THREADS, _quiet=True)
