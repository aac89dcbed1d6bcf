"""The service under its production server: `search-service serve` (waitress) on a free port of
127.0.0.1, for the tests and the benchmarks, and its resident memory."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(command: list[str], port: int, ready_path: str, log: Path | None = None,
           code: Path | None = None) -> Iterator[subprocess.Popen]:
    """Run a web server (with the code in `code`, default this checkout) until the block ends;
    wait until `ready_path` answers.

    Its stderr goes to `log` (a temporary file if None): a pipe nobody reads would fill up
    with waitress's queue warnings under load and stall the server.
    """
    with open(log, "w+b") if log else tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=code)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}",
                                           timeout=60).read()
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        errors.seek(0)
                        raise RuntimeError(f"server {' '.join(command)} did not start: "
                                           f"{errors.read().decode()[-2000:]}") from None
                    time.sleep(0.2)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=30)


def serve_command(index_dir: Path, port: int) -> list[str]:
    """The command line of `search-service serve` over `index_dir` on 127.0.0.1:`port`."""
    return [sys.executable, "-m", "search_service", "serve", "--index", str(Path(index_dir)
                                                                               .resolve()),
            "--host", "127.0.0.1", "--port", str(port)]


@contextmanager
def serve_index(index_dir: Path, log: Path | None = None) -> Iterator[str]:
    """`search-service serve` over `index_dir` on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    with server(serve_command(index_dir, port), port, "/help", log=log):
        yield f"http://127.0.0.1:{port}"


def memory_mb(pid: int) -> dict[str, float]:
    """A process's resident memory in MB: all, anonymous, file-backed (mapped index files), and
    its peak."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    status = Path(f"/proc/{pid}/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+)", status)[1]) / 1024
    return {"rss": fields["Rss"], "anonymous": fields["Anonymous"],
            "file": fields["Rss"] - fields["Anonymous"], "peak": peak}
