"""Minutes the engine tests write (two councils' pages, beside the user's seed) and real
`xapian-tcpsrv` shards of them on 127.0.0.1: the same pages as one Xapian index and as two
shards behind a stub file."""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from search_service.pipeline.indexing import index_paths

from .minutes import SEED
from .server import free_port

# Two councils' minutes written for these tests: one shard each in the shard test.
PAGES = {
    "northvale": {
        "council": "Northvale", "committee": "Cabinet", "meeting_date": "2021-03-09",
        "text": "Minutes:\n\nCouncillor Ames asked how many referrals the early help hub had "
                "received since April.\n\nThe Cabinet Member for Children replied that the hub "
                "had received 412 referrals, most of them from schools.\n\nRESOLVED: that the "
                "early help strategy be approved.\n"},
    "southmere": {
        "council": "Southmere", "committee": "Scrutiny Panel", "meeting_date": "2022-11-15",
        "text": "Minutes:\n\nThe Director of Public Health presented the report on waiting "
                "times for child mental health services.\n\nCouncillor Brook asked what was "
                "being done about waiting times for CAMHS referrals.\n\nThe Director replied "
                "that additional funding had reduced the waiting list by a third.\n\n"
                "RESOLVED: that the report be noted.\n"},
}


def write_pages(folder: Path, names: list[str]) -> Path:
    """The test's pages as a .jsonl of `names`, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"url": f"https://{name}.example.gov.uk/minutes/1", **PAGES[name]})
             for name in names]
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


# Starts xapian-tcpsrv over database folders; returns their ports.
ServeShards = Callable[[list[Path]], list[int]]


@contextmanager
def xapian_servers() -> Iterator[ServeShards]:
    """Starts xapian-tcpsrv over the given database folders (own session each: it signals its
    whole process group on SIGTERM) until the block ends; stops them by PID."""
    started: list[subprocess.Popen] = []

    def serve(databases: list[Path]) -> list[int]:
        ports = []
        for database in databases:
            port = free_port()
            started.append(subprocess.Popen(
                ["setsid", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
                 str(database)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            ports.append(port)
        for port in ports:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, f"xapian-tcpsrv on {port} never came up"
                    time.sleep(0.05)
        return ports

    try:
        yield serve
    finally:
        for process in started:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)


def one_index_and_a_stub_of_two_shards(folder: Path, serve: ServeShards) -> tuple[Path, Path]:
    """The same pages (the seed and both councils') as one Xapian index and as two shards
    served by xapian-tcpsrv behind a stub file, in `folder`: (the index, the stub)."""
    whole, north, south = folder / "whole", folder / "north", folder / "south"
    index_paths(whole, [str(SEED), str(write_pages(folder / "all", list(PAGES)))],
                engine="xapian")
    index_paths(north, [str(SEED), str(write_pages(folder / "n", ["northvale"]))],
                engine="xapian")
    index_paths(south, [str(write_pages(folder / "s", ["southmere"]))], engine="xapian")
    stub = folder / "shards.stub"
    stub.write_text("".join(f"remote 127.0.0.1:{port}\n" for port in
                            serve([north / "xapian", south / "xapian"])))
    return whole, stub
