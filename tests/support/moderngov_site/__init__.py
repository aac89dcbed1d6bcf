"""A fake ModernGov site: a real HTTP server on 127.0.0.1 serving the web service and pages.

It answers `mgWebService.asmx/GetCommittees`, `GetMeetings` and `GetMeeting` with XML shaped
like ModernGov's, and `ieListDocuments.aspx?CId=…&MId=…` with meeting pages in ModernGov markup
(see `pages.py`), and printed minutes at `documents/g{MId}/Printed minutes ….pdf` for a
meeting published only as a PDF (`printed_minutes.py`), built from `meetings.json` (minutes
written for the tests, and the user's seed page, grouped into meetings). It sends ETag and
Last-Modified and answers conditional requests with 304, gzips when asked, and can be told to
fail: 500 once, answer slowly, or send malformed XML. Every request is logged.
"""
from __future__ import annotations

import copy
import datetime as dt
import email.utils
import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .pages import committees_xml, meeting_page, meeting_xml, meetings_xml

FIXTURE = Path(__file__).with_name("meetings.json")


@dataclass
class Resource:
    """One servable body with its validators."""

    body: bytes
    content_type: str
    modified: float

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Faults:
    """Misbehaviour to act out, keyed by request target ("/path?query")."""

    fail_once: set[str] = field(default_factory=set)
    always_fail: set[str] = field(default_factory=set)
    slow: dict[str, float] = field(default_factory=dict)
    malformed: set[str] = field(default_factory=set)
    conditional: bool = True


class FakeModernGov:
    """The fake site; start() serves it on 127.0.0.1 at `base_url` until stop()."""

    def __init__(self, data: dict | None = None) -> None:
        self.data = copy.deepcopy(data or json.loads(FIXTURE.read_text(encoding="utf-8")))
        self.faults = Faults()
        self.requests: list[tuple[str, int]] = []
        self.arrivals: list[tuple[float, str, str | None]] = []  # (time, target, User-Agent)
        self._failed: set[str] = set()
        self._modified: dict[str, float] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- content -----------------------------------------------------------------------------
    def committee(self, committee_id: str) -> dict:
        return next(c for c in self.data["committees"] if c["id"] == committee_id)

    def meeting(self, meeting_id: str) -> dict:
        return next(m for m in self.data["meetings"] if m["id"] == meeting_id)

    def page_path(self, meeting_id: str) -> str:
        meeting = self.meeting(meeting_id)
        return f"/ieListDocuments.aspx?CId={meeting['committee_id']}&MId={meeting_id}"

    def edit_minutes(self, meeting_id: str, item_number: str, old: str, new: str) -> None:
        """Change the text of one item's minutes, as a council correcting its minutes does."""
        meeting = self.meeting(meeting_id)
        item = next(i for i in meeting["items"] if i["number"] == item_number)
        changed = [p.replace(old, new) for p in item["minutes"]]
        assert changed != item["minutes"], f"{old!r} is not in item {item_number}"
        item["minutes"] = changed
        # Second resolution of Last-Modified: make sure the edit is newer than the last fetch.
        self._modified[self.page_path(meeting_id)] = time.time() + 1

    def resource(self, path: str, query: dict[str, str]) -> Resource | None:
        """The body for a request path, or None for 404."""
        target = path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        if path.endswith("/GetCommittees"):
            body, kind = committees_xml(self.data["committees"]), "text/xml; charset=utf-8"
        elif path.endswith("/GetMeetings"):
            since, until = (_date(query.get("sFromDate")), _date(query.get("sToDate")))
            meetings = [m for m in self.data["meetings"]
                        if m["committee_id"] == query.get("lCommitteeId")
                        and since <= dt.date.fromisoformat(m["date"]) <= until]
            body, kind = meetings_xml(meetings), "text/xml; charset=utf-8"
        elif path.endswith("/GetMeeting"):
            meeting = self._find_meeting(query.get("lMeetingId"))
            if meeting is None:
                return None
            body = meeting_xml(meeting, self.committee(meeting["committee_id"]))
            kind = "text/xml; charset=utf-8"
        elif path.endswith("/ieListDocuments.aspx"):
            meeting = self._find_meeting(query.get("MId"))
            if meeting is None or meeting["committee_id"] != query.get("CId"):
                return None
            body = meeting_page(meeting, self.committee(meeting["committee_id"]))
            kind = ("text/html; charset=windows-1252" if meeting.get("markup") == "word-cp1252"
                    else "text/html; charset=utf-8")
        elif path.startswith("/documents/g") and path.endswith(".pdf"):
            meeting = self._find_meeting(path.split("/")[2][1:])
            if meeting is None or meeting.get("markup") != "printed":
                return None
            from .printed_minutes import meeting_pdf  # ReportLab, only when a PDF is asked for

            body = meeting_pdf(meeting, self.committee(meeting["committee_id"]))
            kind = "application/pdf"
        else:
            return None
        if any(target.startswith(bad) for bad in self.faults.malformed):
            body = body[: len(body) * 2 // 3]  # cut off mid-element, as a dropped response is
        page_key = path + (f"?CId={query.get('CId')}&MId={query.get('MId')}"
                           if path.endswith("ieListDocuments.aspx") else "")
        modified = self._modified.setdefault(page_key, time.time() - 86400)
        return Resource(body, kind, modified)

    def _find_meeting(self, meeting_id: str | None) -> dict | None:
        return next((m for m in self.data["meetings"] if m["id"] == meeting_id), None)

    # --- serving -----------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        assert self._server, "start() the site first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeModernGov:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (the http.server API)
                site._answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeModernGov:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        target = handler.path
        with self._lock:
            self.arrivals.append((time.monotonic(), target, handler.headers.get("User-Agent")))
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        delay = next((s for t, s in self.faults.slow.items() if target.startswith(t)), 0.0)
        if delay:
            time.sleep(delay)
        with self._lock:
            first_failure = (any(target.startswith(t) for t in self.faults.fail_once)
                             and target not in self._failed)
            if first_failure:
                self._failed.add(target)
        if first_failure or any(target.startswith(t) for t in self.faults.always_fail):
            return self._send(handler, target, 500, b"<h1>Server Error in '/' Application.</h1>",
                              "text/html")
        resource = self.resource(parts.path, query)
        if resource is None:
            return self._send(handler, target, 404, b"<h1>404 Not Found</h1>", "text/html")
        last_modified = email.utils.formatdate(resource.modified, usegmt=True)
        headers = {"ETag": resource.etag, "Last-Modified": last_modified}
        if self.faults.conditional and self._not_modified(handler, resource):
            return self._send(handler, target, 304, b"", None, headers)
        body = resource.body
        if "gzip" in (handler.headers.get("Accept-Encoding") or ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self._send(handler, target, 200, body, resource.content_type, headers)

    def _not_modified(self, handler: BaseHTTPRequestHandler, resource: Resource) -> bool:
        etag = handler.headers.get("If-None-Match")
        if etag is not None:
            return etag == resource.etag
        since = handler.headers.get("If-Modified-Since")
        if since:
            parsed = email.utils.parsedate_to_datetime(since).timestamp()
            return int(resource.modified) <= parsed
        return False

    def _send(self, handler: BaseHTTPRequestHandler, target: str, status: int, body: bytes,
              content_type: str | None, headers: dict[str, str] | None = None) -> None:
        with self._lock:
            self.requests.append((target, status))
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    # --- what happened -----------------------------------------------------------------------
    def requests_for(self, prefix: str) -> list[int]:
        """The statuses answered to requests whose target starts with `prefix`, in order."""
        with self._lock:
            return [status for target, status in self.requests if target.startswith(prefix)]

    def full_responses(self) -> list[str]:
        """Targets answered with a body (200), in order."""
        with self._lock:
            return [target for target, status in self.requests if status == 200]


def _date(value: str | None) -> dt.date:
    return dt.datetime.strptime(value, "%d/%m/%Y").date() if value else dt.date(1900, 1, 1)
