"""Xapian shards for the tests and the benchmark: `xapian-tcpsrv` servers on 127.0.0.1 (free
ports, each server in its own session: it signals its whole process group on SIGTERM, which
would otherwise take the test run with it; stopped or killed by its PID), stub files naming
them, and two councils' pages (beside the user's seed) indexed as one database and as two
shards."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from search_service.pipeline.indexing import index_paths
from tests.support.minutes import SEED
from tests.support.server import free_port

STARTUP_SECONDS = 10

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


class ShardServers:
    """The xapian-tcpsrv servers started so far, by port."""

    def __init__(self) -> None:
        self.processes: dict[int, subprocess.Popen] = {}

    def serve(self, databases: list[Path]) -> list[int]:
        """Serves each database folder on a free port of its own; the ports, once answering."""
        ports = [self.start(database, free_port(), wait=False) for database in databases]
        for port in ports:
            self.wait_until_up(port)
        return ports

    def start(self, database: Path, port: int, wait: bool = True) -> int:
        """Serves `database` on `port` (a server killed there before comes back)."""
        self.processes[port] = subprocess.Popen(
            ["setsid", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
             str(database)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if wait:
            self.wait_until_up(port)
        return port

    def wait_until_up(self, port: int) -> None:
        """Returns once the server on `port` accepts connections."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                process = self.processes[port]
                assert process.poll() is None, f"xapian-tcpsrv on {port} exited"
                assert time.monotonic() < deadline, f"xapian-tcpsrv on {port} never came up"
                time.sleep(0.05)

    def kill(self, port: int) -> None:
        """Kills the server on `port` as a crash would: it and the connections it forked (its
        process group, whose id is its PID), at once."""
        process = self.processes.pop(port)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        # Its forked connections hold the listening socket until they are gone too.
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.02)

    def stop_all(self) -> None:
        """Stops every server still running (SIGTERM: it ends its forked connections too)."""
        for process in self.processes.values():
            process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            process.wait(timeout=10)
        self.processes.clear()


@contextmanager
def started_servers() -> Iterator[ShardServers]:
    """Servers started inside the block, stopped when it ends."""
    servers = ShardServers()
    try:
        yield servers
    finally:
        servers.stop_all()


def write_pages(folder: Path, names: list[str]) -> Path:
    """The test's pages as a .jsonl of `names`, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"url": f"https://{name}.example.gov.uk/minutes/1", **PAGES[name]})
             for name in names]
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


class ShardIndexes(NamedTuple):
    """Xapian index folders of the same pages: all of them, and split into two shards by
    council (the seed and Northvale; Southmere)."""

    whole: Path
    north: Path
    south: Path

    @property
    def shard_databases(self) -> list[Path]:
        """The shards' database folders, as xapian-tcpsrv serves them."""
        return [self.north / "xapian", self.south / "xapian"]


def shard_indexes(folder: Path) -> ShardIndexes:
    """The seed and both councils' pages indexed under `folder`, whole and as two shards."""
    whole, north, south = folder / "whole", folder / "north", folder / "south"
    index_paths(whole, [str(SEED), str(write_pages(folder / "all", list(PAGES)))],
                engine="xapian")
    index_paths(north, [str(SEED), str(write_pages(folder / "n", ["northvale"]))],
                engine="xapian")
    index_paths(south, [str(write_pages(folder / "s", ["southmere"]))], engine="xapian")
    return ShardIndexes(whole, north, south)


def write_stub(path: Path, ports: list[int]) -> Path:
    """A stub file naming the shards served on `ports` of 127.0.0.1."""
    path.write_text("".join(f"remote 127.0.0.1:{port}\n" for port in ports), encoding="utf-8")
    return path


def one_index_and_a_stub_of_two_shards(folder: Path, servers: ShardServers) -> tuple[Path, Path]:
    """The same pages as one Xapian index and as two shards served by xapian-tcpsrv behind a
    stub file, in `folder`: (the index, the stub)."""
    indexes = shard_indexes(folder)
    return indexes.whole, write_stub(folder / "shards.stub",
                                     servers.serve(indexes.shard_databases))
