"""Cron-grade runs: one run at a time, kills that lose nothing committed, output fit for cron."""
import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search_service.cli import EXIT_BUSY
from search_service.engine.schema import PASSAGE
from search_service.engine.store import open_index, stored_hashes
from search_service.model import Document
from search_service.pipeline.report import IndexReport
from search_service.progress import RunProgress
from search_service.sources import SourceError
from tests.support.moderngov_site import FIXTURE, FakeModernGov

ROOT = Path(__file__).parents[1]
MINUTES = ROOT / "tests" / "data" / "web" / "minutes.jsonl"


def command(*args):
    return [sys.executable, "-m", "search_service", *map(str, args)]


def environment():
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def wait_for(condition, what, process, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"the run ended before {what}"
        assert time.monotonic() < deadline, f"no {what} within {seconds} s"
        time.sleep(0.01)


def stored(index):
    with open_index(index).searcher() as searcher:
        return list(searcher.documents(record=PASSAGE))


@pytest.fixture
def many_pages(tmp_path):
    """The web fixture's minutes fifteen times over, under different URLs: a run of a few
    seconds."""
    lines = MINUTES.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(15):
            for line in lines:
                record = json.loads(line)
                record["url"] += f"#copy{copy}"
                out.write(json.dumps(record) + "\n")
    return path


@pytest.mark.slow
def test_two_index_runs_together_one_runs_the_other_exits_with_the_message(tmp_path, many_pages):
    index = tmp_path / "index"
    first = subprocess.Popen(command("index", "--index", index, many_pages), env=environment(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = index / "RUN.lock"
    wait_for(lambda: lock.exists() and lock.read_text().startswith(f"pid {first.pid}"),
             "lock taken", first)
    second = subprocess.run(command("index", "--index", index, many_pages), env=environment(),
                            capture_output=True, text=True, timeout=60)
    out, err = first.communicate(timeout=120)

    assert second.returncode == EXIT_BUSY
    assert second.stdout == ""
    assert second.stderr.startswith(f"Error: another indexer run (pid {first.pid} since ")
    assert "try again later, or pass --wait" in second.stderr
    assert first.returncode == 0, err
    assert out.startswith("240 documents read, 0 unchanged,")
    # Consistent afterwards: every page once, and a new run finds nothing to do.
    assert len(stored_hashes(open_index(index))) == 240
    again = subprocess.run(command("index", "--index", index, many_pages), env=environment(),
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "(index already up to date)" in again.stdout


def test_with_wait_the_second_run_waits_its_turn(tmp_path, many_pages):
    index = tmp_path / "index"
    first = subprocess.Popen(command("index", "--index", index, many_pages), env=environment(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = index / "RUN.lock"
    wait_for(lambda: lock.exists() and lock.read_text().startswith("pid"), "lock taken", first)
    second = subprocess.run(command("index", "--wait", "--index", index, many_pages),
                            env=environment(), capture_output=True, text=True, timeout=120)
    assert first.wait(timeout=120) == 0
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("240 documents read, 240 unchanged")


@pytest.fixture
def big_site():
    """The fake site with 45 more meetings of the Scrutiny Committee, copies of the real ones."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    originals = [m for m in data["meetings"] if m["committee_id"] == "320"]
    start = dt.date(2021, 1, 4)
    for n in range(45):
        meeting = json.loads(json.dumps(originals[n % 2]))
        meeting["id"] = str(6000 + n)
        meeting["date"] = (start + dt.timedelta(weeks=n)).isoformat()
        data["meetings"].append(meeting)
    with FakeModernGov(data) as site:
        yield site


def crawl_command(site, tmp_path, index):
    return command("crawl", "--index", index, "--cache", tmp_path / "cache", "--since",
                   "2000-01-01", "--until", "2030-01-01", "--delay", "0.02", "--council",
                   "Test Council", "--committee", "320", site.base_url)


@pytest.mark.slow
def test_a_killed_crawl_leaves_the_last_commit_searchable_and_the_next_run_completes(
        big_site, tmp_path):
    index = tmp_path / "index"
    crawl = subprocess.Popen(crawl_command(big_site, tmp_path, index), env=environment(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: (index / "_MAIN_1.toc").exists(), "first commit", crawl)
    crawl.send_signal(signal.SIGKILL)
    crawl.wait(timeout=30)

    # The last commit is searchable and whole: every page in it has all its passages.
    committed = stored_hashes(open_index(index))
    assert 0 < len(committed) < 47
    kept = stored(index)
    assert {p["source_url"] for p in kept} == set(committed)

    rerun = subprocess.run(crawl_command(big_site, tmp_path, index), env=environment(),
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stdout.strip()
    assert "\n" not in summary and f"{len(committed)} unchanged" in summary
    assert "\r" not in rerun.stderr  # plain log lines under cron, no progress bar
    first, *pages = rerun.stderr.splitlines()
    assert "the previous indexer run (pid" in first and "did not finish" in first
    assert pages and all(line.split(" ", 2)[2].startswith("indexed http") for line in pages)

    clean = tmp_path / "clean"
    subprocess.run(crawl_command(big_site, tmp_path, clean), env=environment(), check=True,
                   capture_output=True, timeout=120)
    assert len(stored_hashes(open_index(index))) == 47
    assert sorted(p["id"] for p in stored(index)) == sorted(p["id"] for p in stored(clean))


def report_after(documents=0, unchanged=0, added=0, errors=()):
    return IndexReport(documents=documents, unchanged=unchanged, passages_added=added,
                       errors=list(errors))


def test_progress_under_cron_is_one_timestamped_line_per_indexed_page_and_error():
    out = io.StringIO()
    progress = RunProgress(out, interactive=False)
    page = Document(source="https://site/p1", url="https://site/p1", text="")
    error = SourceError("https://site/GetMeetings", "malformed XML")
    progress.document(page, report_after(documents=1, added=7))
    progress.document(page, report_after(documents=2, unchanged=1, added=7))
    progress.document(error, report_after(documents=2, unchanged=1, added=7, errors=[error]))
    progress.finish()
    lines = out.getvalue().splitlines()
    assert [line[20:] for line in lines] == ["indexed https://site/p1: 7 passages",
                                             "error: https://site/GetMeetings: malformed XML"]
    assert all(dt.datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S") for line in lines)


def test_progress_on_a_terminal_is_a_bar_redrawn_in_place_with_errors_above_it():
    out = io.StringIO()
    progress = RunProgress(out, interactive=True)
    progress.meetings(0, 40)
    error = SourceError("https://site/p2", "HTTP 404 Not Found")
    time.sleep(0.11)
    progress.document(error, report_after(errors=[error]))
    time.sleep(0.11)
    progress.meetings(10, 40)
    progress.finish()
    text = out.getvalue()
    assert "\rerror: " not in text and "error: https://site/p2: HTTP 404 Not Found\n" in text
    assert "\r\x1b[K[......" in text
    assert "[######..................] 10/40 meetings, 0 documents" in text
    assert text.endswith("\r\x1b[K")
