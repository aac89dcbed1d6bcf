"""A short load under the production server: wrk at concurrency 32, every answer a 2xx.

The short form of `python -m benchmarks.load --seconds 60 --concurrency 32` (docs/reliability.md);
speed and memory figures come from that, never from a test.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.load import load_run

SECONDS = 5
CONCURRENCY = 32


@pytest.mark.slow
def test_a_mix_of_searches_at_concurrency_32_is_answered_without_an_error(web_index: Path,
                                                                           tmp_path: Path):
    assert shutil.which("wrk"), "the load test needs wrk: apt-get install wrk"

    report = load_run(web_index, tmp_path, SECONDS, CONCURRENCY, warm_up=1)

    assert report.result["requests"] > CONCURRENCY
    assert (report.result["non_2xx"], report.result["socket_errors"]) == (0, 0)
    assert report.tracebacks == 0
    assert "server memory (anonymous + file-backed, MB): " in report.summary()
