"""Web security under the production server: hostile minutes and queries stay text everywhere,
no route reads files outside the index, templates and static files, security headers on every
answer, request size limits, and no tracebacks or debugger in production."""
from __future__ import annotations

import json
import mimetypes
import shutil
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import lxml.html
import pytest
from lxml import etree

from search_service.app import SECURITY_HEADERS
from search_service.pipeline.indexing import index_paths
from tests.support.server import free_port, serve_index, server

ROOT = Path(__file__).parent.parent
SCRIPT = '<script>alert("minutes")</script>'
HANDLER = '<img src=x onerror="alert(1)">'
JS_LINK = '<a href="javascript:alert(2)">details</a>'
PAYLOAD = f"{SCRIPT} {HANDLER} {JS_LINK}"
# Minutes whose every field carries markup, as a hostile or broken council page could.
HOSTILE_RECORDS = [
    {"url": "https://evil.example/mgAi.aspx?ID=1", "council": f"Zebra {SCRIPT} Council",
     "committee": f"Cabinet {HANDLER}", "meeting_date": "2021-03-04", "item_number": "7",
     "item_title": f"Crossings {JS_LINK}", "meeting_url": "javascript:alert(3)//ieListDocuments",
     "text": f"Minutes:\n\nThe zebra crossing report was presented. {PAYLOAD}\n\n"
             f"Councillor Smith asked whether the zebra crossing {SCRIPT} would be lit. The "
             f"Cabinet Member replied that it would be lit {HANDLER} by March.\n\n"
             f"RESOLVED that the zebra report {JS_LINK} be noted."},
    {"url": "javascript:alert(4)", "council": "Zebra Council", "committee": "Council",
     "meeting_date": "2021-05-06", "item_title": "Zebra petition",
     "text": f"Minutes:\n\nA petition about the zebra crossing was received. {PAYLOAD}"},
]
DANGEROUS_TAGS = ("script", "img", "iframe", "object", "embed", "svg", "math", "base")


def write_hostile_index(folder: Path, engine: str) -> Path:
    """An index of minutes carrying script, event handlers and javascript: links, written with
    `engine` in `folder`."""
    corpus = folder / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE_RECORDS), encoding="utf-8")
    report = index_paths(folder / "index", [str(corpus)], engine=engine)
    assert not report.errors and report.passages_added >= 4
    return folder / "index"


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """The hostile minutes on `engine`."""
    return write_hostile_index(tmp_path_factory.mktemp(f"hostile-{engine}"), engine)


@pytest.fixture(scope="module")
def whoosh_hostile_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile minutes on Whoosh, for the test that breaks Whoosh's own files."""
    return write_hostile_index(tmp_path_factory.mktemp("hostile-whoosh"), "whoosh")


@dataclass
class Site:
    """The server's base URL and the record of the files it opened since it was ready."""

    base: str
    opened: Path
    opened_at_start: int

    def opened_since_start(self) -> set[Path]:
        """Files opened while answering requests."""
        lines = self.opened.read_text().splitlines()[self.opened_at_start:]
        return {Path(line).resolve() for line in lines}


@pytest.fixture(scope="module")
def site(hostile_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """`search-service serve` (waitress) over the hostile index, recording every file it opens."""
    opened = tmp_path_factory.mktemp("server") / "opened.txt"
    port = free_port()
    command = [sys.executable, "-c", OPEN_RECORDER, str(opened), "serve", "--index",
               str(hostile_index), "--host", "127.0.0.1", "--port", str(port)]
    with server(command, port, "/help", log=opened.with_name("server.log")):
        yield Site(f"http://127.0.0.1:{port}", opened, len(opened.read_text().splitlines()))
    assert "Traceback" not in opened.with_name("server.log").read_text()


# Runs the real CLI with an audit hook that writes down each file the process opens.
OPEN_RECORDER = """
import sys
record = open(sys.argv[1], "a", buffering=1)
def audit(event, args):
    if event == "open" and isinstance(args[0], str):
        record.write(args[0] + "\\n")
sys.addaudithook(audit)
from search_service.cli import cli
cli(sys.argv[2:], prog_name="search-service")
"""


def fetch(url: str, method: str = "GET", data: bytes | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request, errors included."""
    request = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def passage_ids(site: str) -> list[str]:
    status, _, body = fetch(f"{site}/api/search?q=zebra&page_size=50")
    assert status == 200
    return [hit["id"] for hit in json.loads(body)["results"]]


def meeting_ids(site: str) -> list[str]:
    status, _, body = fetch(f"{site}/api/search?q=zebra")
    return [value["value"] for value in json.loads(body)["facets"]["meeting"]]


def html_pages(site: str) -> list[str]:
    """Every kind of HTML page, over the hostile minutes and with hostile queries."""
    return [
        f"{site}/?q=zebra", f"{site}/?q=zebra&kind=qa", f"{site}/?q={quote(PAYLOAD)}",
        f"{site}/?q=zebra&committee={quote('Cabinet ' + HANDLER)}",
        f"{site}/?q={quote(SCRIPT)}&page=abc", f"{site}/browse", f"{site}/help",
        f"{site}/glossary", f"{site}/glossary?council={quote('Zebra ' + SCRIPT + ' Council')}",
        *(f"{site}/passages/{pid}" for pid in passage_ids(site)),
        *(f"{site}/meetings/{mid}" for mid in meeting_ids(site)),
        f"{site}/passages/{quote(SCRIPT)}", f"{site}/{quote(HANDLER)}",
    ]


def assert_inert(url: str, body: bytes) -> None:
    """No element, attribute or link of the page can run script."""
    document = lxml.html.document_fromstring(body)
    for tag in DANGEROUS_TAGS:
        assert not document.xpath(f"//{tag}"), f"{url} has a <{tag}>"
    for element in document.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{url}: {name}={value!r}"
            if name in ("href", "src", "action", "formaction"):
                assert urlsplit(value.strip()).scheme in ("", "http", "https"), f"{url}: {value}"


def test_minutes_and_queries_carrying_markup_are_shown_as_text_on_every_page(site: Site) -> None:
    for url in html_pages(site.base):
        status, headers, body = fetch(url)
        assert status in (200, 400, 404), url
        assert headers["Content-Type"].startswith("text/html"), url
        assert_inert(url, body)
    # The markup is there, as text the reader can see.
    _, _, body = fetch(f"{site.base}/?q=zebra")
    assert SCRIPT in lxml.html.document_fromstring(body).text_content()
    _, _, body = fetch(f"{site.base}/?q={quote(PAYLOAD)}")
    assert PAYLOAD in lxml.html.document_fromstring(body).xpath("//input[@name='q']/@value")


def test_the_feed_carries_minutes_as_text_and_only_web_links(site: Site) -> None:
    status, headers, body = fetch(f"{site.base}/feed.atom?q=zebra")
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(body)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.xpath("//a:entry", namespaces=ns)
    for element in feed.iter():
        assert element.get("type") in (None, "text", "text/html", "application/atom+xml"), \
            etree.tostring(element)
        if element.get("href") is not None:
            assert urlsplit(element.get("href")).scheme in ("http", "https"), element.get("href")
    assert SCRIPT in "".join(feed.xpath("//a:summary/text()", namespaces=ns))


def test_the_api_answers_json_with_escaped_highlights_and_only_web_links(site: Site) -> None:
    urls = [f"{site.base}/api/search?q=zebra", f"{site.base}/api/search?q={quote(PAYLOAD)}",
            f"{site.base}/api/glossary",
            *(f"{site.base}/api/passages/{pid}" for pid in passage_ids(site.base)),
            *(f"{site.base}/api/meetings/{mid}" for mid in meeting_ids(site.base))]
    for url in urls:
        status, headers, body = fetch(url)
        assert status in (200, 400), url
        assert headers["Content-Type"] == "application/json", url
        assert headers["X-Content-Type-Options"] == "nosniff"
        for key, value in walk(json.loads(body)):
            if key == "highlights" and isinstance(value, dict):
                for fragment in value.values():
                    assert_inert(url, f"<p>{fragment}</p>".encode())
            if key in ("url", "meeting_url", "source_url") and value:
                assert urlsplit(value).scheme in ("http", "https"), f"{url}: {key}={value}"
            if key == "links" and isinstance(value, dict):  # pages of this site, or the web
                for link in filter(None, value.values()):
                    assert urlsplit(link).scheme in ("", "http", "https"), f"{url}: {link}"


def walk(value: object, key: str = "") -> Iterator[tuple[str, object]]:
    """Every (key, value) pair in a JSON document, depth first."""
    yield key, value
    if isinstance(value, dict):
        for name, child in value.items():
            yield from walk(child, name)
    elif isinstance(value, list):
        for child in value:
            yield from walk(child, key)


def test_every_answer_carries_the_security_headers(site: Site) -> None:
    for url in [f"{site.base}/?q=zebra", f"{site.base}/static/site.css", f"{site.base}/feed.atom?q=zebra",
                f"{site.base}/api/search?q=zebra", f"{site.base}/api/search?page=x", f"{site.base}/nowhere",
                f"{site.base}/api/nowhere", f"{site.base}/passages/nothing"]:
        status, headers, _ = fetch(url)
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, (url, name)
    csp = SECURITY_HEADERS["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe" not in csp


TRAVERSALS = [
    "/static/../setup.cfg", "/static/..%2f..%2fsetup.cfg", "/static/%2e%2e/%2e%2e/setup.cfg",
    "/static/..%5c..%5csetup.cfg", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
    "/static/site.css%00.txt", "//etc/passwd", "/../../etc/passwd", "/passages/../../etc/passwd",
    "/api/passages/..%2f..%2f..%2fetc%2fpasswd", "/meetings/%2e%2e%2f%2e%2e%2fsetup.cfg",
    "/templates/base.html", "/index/_MAIN_1.toc", "/static/../index/RUN.lock",
    "/feed.atom?q=../../etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_reaches_a_file_outside_the_static_folder(site: Site, path: str) -> None:
    status, headers, body = raw_get(site.base, path)
    assert status in (200, 308, 400, 404), path
    if status == 308:  # Werkzeug merges doubled slashes: a redirect within this site only
        assert urlsplit(headers["location"]).netloc in ("", "127.0.0.1"), headers["location"]
    assert b"root:x:0:0" not in body and b"[metadata]" not in body and b"{%" not in body


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example/", "/%2f%2fevil.example/",
                                  "/static//evil.example/x.css"])
def test_no_path_redirects_to_another_site(site: Site, path: str) -> None:
    status, headers, _ = raw_get(site.base, path)
    location = headers.get("location", "")
    assert urlsplit(location).netloc in ("", "127.0.0.1"), (status, location)


def raw_get(site: str, path: str) -> tuple[int, dict[str, str], bytes]:
    """A GET of `path` exactly as written (urllib would normalise the dots away)."""
    host, port = urlsplit(site).hostname, urlsplit(site).port
    with socket.create_connection((host, port), timeout=60) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
                     .encode())
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip()
               for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def test_answering_every_route_opens_only_index_template_and_static_files(
        site: Site, hostile_index: Path) -> None:
    for url in html_pages(site.base) + [f"{site.base}/feed.atom?q=zebra",
                                        f"{site.base}/api/search?q=zebra",
                                        f"{site.base}/static/site.css",
                                        f"{site.base}/api/openapi.json"]:
        fetch(url)
    for path in TRAVERSALS:
        raw_get(site.base, path)
    allowed = [hostile_index.resolve(), ROOT / "templates", ROOT / "search_service" / "static",
               ROOT / "search_service" / "data",  # the package's own topic and acronym lists
               # the system's table of file types, read once to name the static files' types
               *(Path(known) for known in mimetypes.knownfiles)]
    code = [Path(p).resolve() for p in sys.path if p] + [Path(sys.prefix), Path(sys.base_prefix)]
    for path in site.opened_since_start():
        if any(path.is_relative_to(folder) for folder in allowed):
            continue
        assert path.suffix in (".py", ".pyc", ".so") and any(
            path.is_relative_to(folder) for folder in code), f"the server opened {path}"


def test_request_bodies_and_oversized_requests_are_refused_at_once(site: Site) -> None:
    # A body nobody needs: refused as soon as its length is announced, never spooled to disk.
    host, port = urlsplit(site.base).hostname, urlsplit(site.base).port
    for length in (100_000, 100_000_000):
        with socket.create_connection((host, port), timeout=30) as sock:
            sock.sendall(f"POST /api/search HTTP/1.1\r\nHost: {host}\r\nContent-Length: "
                         f"{length}\r\n\r\n".encode() + b"x" * 1000)
            head = sock.recv(65536)
        assert head.split()[1] == b"413", head[:200]
    status, _, _ = fetch(f"{site.base}/?q={'a' * 100_000}")
    assert status in (400, 414, 431)
    status, _, _ = fetch(f"{site.base}/?q=zebra", headers={"X-Padding": "p" * 300_000})
    assert status in (400, 431)
    for method in ("POST", "PUT", "DELETE", "TRACE"):
        status, _, body = fetch(f"{site.base}/?q=zebra", method=method, data=b"q=x")
        assert status == 405, method


def test_no_debugger_and_no_traceback_when_the_index_breaks(whoosh_hostile_index, tmp_path):
    index_dir = tmp_path / "index"
    shutil.copytree(whoosh_hostile_index, index_dir)
    log = tmp_path / "server.log"
    with serve_index(index_dir, log=log) as base:
        assert fetch(f"{base}/console")[0] == 404
        assert b"debugger" not in fetch(f"{base}/?__debugger__=yes&cmd=resource&f=debugger.js")[2]
        # A newer table of contents that is garbage, as a disk could return: every server
        # thread meets it when it refreshes its searcher. (Overwriting segment files instead
        # races the server's memory maps.)
        newest = max(int(toc.stem.rsplit("_", 1)[1]) for toc in index_dir.glob("_MAIN_*.toc"))
        (index_dir / f"_MAIN_{newest + 1}.toc").write_bytes(b"\x00garbage" * 8)
        for url in (f"{base}/?q=zebra", f"{base}/api/search?q=zebra"):
            status, headers, body = fetch(url)
            assert status >= 500, url
            text = body.decode()
            for leak in ("Traceback", 'File "', "site-packages", "whoosh", str(index_dir)):
                assert leak not in text, (url, leak)
    assert "Traceback" in log.read_text()  # the administrator gets the details in the log
