"""Crawl speed against the fake ModernGov site on 127.0.0.1: pages/s fetched, passages/s indexed.

    python -m benchmarks.crawl_speed [--meetings 200] [--delay 0]

Serves the test suite's fake site (tests/support/moderngov_site) with MEETINGS copies of its meetings
with minutes, then measures, each on a fresh index:
  1. a first crawl (web service + meeting pages + splitting + indexing), with --delay;
  2. a second crawl of the unchanged site (conditional requests, every page a 304);
  3. fetching the meeting pages alone (no splitting, no index);
  4. `index --from-cache`: re-indexing the cached pages with no network.
Figures are wall-clock seconds in this process, without interpreter start-up, and the CPU
seconds of the process (server threads included): on a shared machine the gap is waiting.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from search_service.fetch import PoliteClient
from search_service.pipeline.crawling import crawl_site
from search_service.pipeline.indexing import index_documents
from search_service.sources.moderngov import read_cache
from tests.support.moderngov_site import FIXTURE, FakeModernGov


def site_data(meetings: int) -> dict:
    """The fixture site with `meetings` meetings with minutes, copies of its own."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    originals = [m for m in data["meetings"] if m["minutes_published"]
                 and m["committee_id"] in ("261", "144", "320")]
    data["meetings"] = []
    start = dt.date(2010, 1, 4)
    for n in range(meetings):
        meeting = json.loads(json.dumps(originals[n % len(originals)]))
        meeting["id"] = str(10000 + n)
        meeting["date"] = (start + dt.timedelta(days=3 * n)).isoformat()
        data["meetings"].append(meeting)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    since, until = dt.date(2000, 1, 1), dt.date(2030, 1, 1)
    with tempfile.TemporaryDirectory() as tmp, FakeModernGov(site_data(args.meetings)) as site:
        site.faults.malformed.clear()
        root = Path(tmp)
        options = {"since": since, "until": until, "delay": args.delay, "council": "Bench"}

        cpu, started = time.process_time(), time.perf_counter()
        first = crawl_site(site.base_url, root / "index", root / "cache", **options)
        first_s, first_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert not first.errors, first.errors
        pages = first.pages_changed

        cpu, started = time.process_time(), time.perf_counter()
        second = crawl_site(site.base_url, root / "index", root / "cache", **options)
        second_s, second_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert second.pages_unchanged == pages and second.index.passages_added == 0

        client = PoliteClient(delay=args.delay)
        urls = [site.base_url + site.page_path(m["id"]) for m in site.data["meetings"]]
        cpu, started = time.process_time(), time.perf_counter()
        fetched = sum(len(client.get(url).body) for url in urls)
        fetch_s, fetch_cpu = time.perf_counter() - started, time.process_time() - cpu

        cpu, started = time.process_time(), time.perf_counter()
        rebuilt = index_documents(root / "rebuilt", read_cache(root / "cache"))
        rebuild_s, rebuild_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert rebuilt.passages_added == first.index.passages_added

    passages = first.index.passages_added
    print(f"site: {args.meetings} meetings with minutes, delay {args.delay:g} s, "
          f"{fetched / len(urls) / 1024:.0f} KB per page")
    print(f"first crawl:     {first_s:6.2f} s  {pages / first_s:7.1f} pages/s  "
          f"{first.fetch.requests / first_s:7.1f} requests/s  {passages / first_s:7.0f} passages/s"
          f"  cpu {first_cpu:.2f} s ({pages} pages, {first.fetch.requests} requests, "
          f"{passages} passages)")
    print(f"second crawl:    {second_s:6.2f} s  {pages / second_s:7.1f} pages/s  "
          f"{second.fetch.requests / second_s:7.1f} requests/s  cpu {second_cpu:.2f} s "
          "(all pages 304, nothing indexed)")
    print(f"fetch pages only:{fetch_s:6.2f} s  {len(urls) / fetch_s:7.1f} pages/s  "
          f"cpu {fetch_cpu:.2f} s")
    print(f"index from cache:{rebuild_s:6.2f} s  {pages / rebuild_s:7.1f} pages/s  "
          f"{passages / rebuild_s:7.0f} passages/s  cpu {rebuild_cpu:.2f} s")


if __name__ == "__main__":
    main()
