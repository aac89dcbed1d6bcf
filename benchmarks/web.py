"""Web load: the service under its production server (waitress), and the FTS5 baseline app.

`wrk` (Debian package `wrk`) drives each server at a concurrency of 8 over distinct queries, so no
result cache can answer twice. The service runs exactly as deployed (`search-service serve`);
the FTS5 baseline is a small Flask app under waitress answering the same JSON search.
"""
from __future__ import annotations

import logging
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

CONCURRENCY = 8
THREADS = 2
# Each wrk thread walks its own half of the query list, so no query is asked twice.
WRK_SCRIPT = """
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local counter = 0
setup = function(thread)
  thread:set("first", counter)
  counter = counter + 1
end
init = function(args) n = first end
request = function()
  n = n + %(threads)d
  return wrk.format("GET", "%(prefix)s" .. paths[(n %% #paths) + 1])
end
"""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(command: list[str], port: int, ready_path: str,
           log: Path | None = None) -> Iterator[subprocess.Popen]:
    """Run a web server until the block ends; wait until `ready_path` answers.

    Its stderr goes to `log` (a temporary file if None): a pipe nobody reads would fill up
    with waitress's queue warnings under load and stall the server.
    """
    with open(log, "w+b") if log else tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
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


@contextmanager
def serve_index(index_dir: Path, log: Path | None = None) -> Iterator[str]:
    """`search-service serve` over `index_dir` on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "search_service", "serve", "--index", str(index_dir),
               "--host", "127.0.0.1", "--port", str(port)]
    with server(command, port, "/help", log=log):
        yield f"http://127.0.0.1:{port}"


def wrk(port: int, prefix: str, paths_file: Path, seconds: int, script_file: Path,
        concurrency: int = CONCURRENCY) -> dict[str, float]:
    """Requests per second and latency of wrk against `prefix` + each line of `paths_file`.

    A request unanswered after a minute counts as a socket error (wrk's own default is 2 s).
    """
    script_file.write_text(WRK_SCRIPT % {"paths": paths_file, "prefix": prefix,
                                         "threads": THREADS})
    done = subprocess.run(["wrk", f"-t{THREADS}", f"-c{concurrency}", f"-d{seconds}s",
                           "--timeout", "60s", "--latency", "-s", str(script_file),
                           f"http://127.0.0.1:{port}"],
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        out)
    return {"requests": int(re.search(r"(\d+) requests in", out)[1]),
            "requests_per_second": rate, "non_2xx": int(errors[1]) if errors else 0,
            "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
            "latency_median_ms": _ms(re.search(r"50%\s+([\d.]+\w+)", out)[1]),
            "latency_p99_ms": _ms(re.search(r"99%\s+([\d.]+\w+)", out)[1])}


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def load_test(index_dir: Path, db: Path, paths_file: Path, seconds: int, work: Path
              ) -> dict[str, dict[str, float]]:
    """Pages/s of the search page and the API, and of the FTS5 app's API, at concurrency 8."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed: apt-get install wrk (Debian)")
    out = {}
    port = free_port()
    serve = [sys.executable, "-m", "search_service", "serve", "--index", str(index_dir),
             "--host", "127.0.0.1", "--port", str(port)]
    with server(serve, port, "/?q=council"):
        for name, prefix in (("page", "/?"), ("api", "/api/search?")):
            out[name] = wrk(port, prefix, paths_file, seconds, work / "wrk.lua")
    port = free_port()
    baseline = [sys.executable, "-m", "benchmarks.fts5_app", str(db), str(port)]
    with server(baseline, port, "/api/search?q=council"):
        out["fts5_api"] = wrk(port, "/api/search?", paths_file, seconds, work / "wrk.lua")
    return out
