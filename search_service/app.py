"""The Flask app factory: pages and API over one index, security headers, friendly errors."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

from .engine.store import StoreError, UnavailableError, default_index_dir
from .search import QueryError
from .web import POOL_KEY, api, pages
from .web.searchers import open_pool

log = logging.getLogger(__name__)

DISTRIBUTION = "minutes-search-service"
# No script at all: the pages work without JavaScript, so none is allowed to run.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Search words are in URLs; keep them from the council sites the results link to.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(index_dir: Path | str | None = None,
               test_config: Mapping[str, Any] | None = None) -> Flask:
    """The web app over the index in `index_dir` (default: $SEARCH_SERVICE_INDEX or ./index)."""
    app = Flask(__name__, template_folder=str(templates_dir()))
    app.config.from_mapping(
        INDEX_DIR=str(index_dir or default_index_dir()),
        # Only GET forms: a request body is never needed.
        MAX_CONTENT_LENGTH=16 * 1024,
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions[POOL_KEY] = open_pool(Path(app.config["INDEX_DIR"]))
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.after_request(add_security_headers)
    app.register_error_handler(QueryError, bad_query)
    app.register_error_handler(StoreError, no_index)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected_error)
    return app


def templates_dir() -> Path:
    """The top-level `templates/` of a checkout, else the copy installed with the package."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "setup.cfg").is_file() and (checkout / "templates" / "base.html").is_file():
        return checkout / "templates"
    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name == "base.html" and file.parent.name == "templates":
            return Path(str(file.locate())).resolve().parent
    raise RuntimeError(f"cannot find the templates: neither {checkout / 'templates'} nor an "
                       f"installed {DISTRIBUTION} has them; reinstall the package")


def add_security_headers(response: Response) -> Response:
    """Headers every response carries."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def wants_json() -> bool:
    """True for API requests, which get JSON errors."""
    return request.path.startswith("/api/")


def error_response(status: int, title: str, message: str) -> tuple[Any, int]:
    """A JSON error for the API, else the error page."""
    if wants_json():
        return jsonify(error={"status": status, "message": message}), status
    return render_template("error.html", status=status, title=title, message=message), status


def bad_query(exc: QueryError) -> tuple[Any, int]:
    """A query or parameter the user must change."""
    return error_response(400, "Cannot run this search", str(exc))


def no_index(exc: StoreError) -> tuple[Any, int]:
    """No index to search yet, or none of its shards answers."""
    log.error("%s", exc)
    if isinstance(exc, UnavailableError):
        return error_response(503, "The search index is not answering",
                              "None of the search index's servers answered. Try again in a "
                              "few minutes, or ask the administrator to check them.")
    return error_response(503, "The search index is not ready",
                          "The minutes have not been indexed yet. Try again later, or ask the "
                          "administrator to run the indexer.")


def http_error(exc: HTTPException) -> tuple[Any, int, list[tuple[str, str]]]:
    """404s, 405s and the like, with their message."""
    status = exc.code or 500
    if status >= 500:
        log.error("HTTP %s on %s: %s", status, request.path, exc)
    message = exc.description or "Something went wrong."
    if isinstance(exc, NotFound) and message == NotFound.description:
        message = "There is no page at this address. Search or browse the minutes instead."
    # The exception's own headers (a 405's Allow, as RFC 9110 asks) but not its content type:
    # the body is ours.
    headers = [(name, value) for name, value in exc.get_headers()
               if name.lower() != "content-type"]
    return *error_response(status, exc.name, message), headers


def unexpected_error(exc: Exception) -> tuple[Any, int]:
    """A bug: log the traceback, show the user a short apology and nothing of the internals."""
    log.exception("unexpected error on %s", request.path)
    return error_response(500, InternalServerError.name,
                          "Something went wrong on our side; the error has been logged. "
                          "Please try again later.")

