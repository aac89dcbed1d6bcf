"""The OpenAPI document and the server agree: schemathesis, with all its checks, sends requests
the document allows (and some it forbids) to the app under waitress and judges the answers.

schemathesis runs as its own command, as a client of the API would: its pytest plugin does not
work with pytest 9.2 (it reads `Function._nodeid`), and the command runs every phase (examples,
coverage, fuzzing, stateful links), methods the document does not name included.

This file is also the run's hooks module (SCHEMATHESIS_HOOKS), for the 400s the document can
only give in words: a council or committee the index does not hold, a 'from' after the 'to'.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import schemathesis
from schemathesis import Case
from schemathesis.core.failures import Failure
from schemathesis.core.transport import Response
from schemathesis.hooks import HookContext
from schemathesis.openapi.checks import RejectedPositiveData

# Per operation and phase: meets the 7 disagreements of a 1,347-case run of 100 examples, in a
# quarter of its time. Deterministic generation makes every run send the same cases.
MAX_EXAMPLES = 25
TIME_LIMIT = 60
# The server's words for what the document says in words (filters.py, views.py, search.py).
SAID_IN_WORDS = ("there is no council", "there is no committee",
                 "no passage has a council", "no passage has a committee",
                 "No acronyms have been learnt from the minutes of",
                 "the 'from' date is after the 'to' date")


@pytest.mark.slow
def test_the_server_answers_as_its_openapi_document_says(server: str, tmp_path: Path) -> None:
    started = time.monotonic()
    run = subprocess.run(schemathesis_command(f"{server}/api/openapi.json", tmp_path),
                         capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "SCHEMATHESIS_HOOKS": __file__})
    assert run.returncode == 0, run.stdout + run.stderr
    assert time.monotonic() - started < TIME_LIMIT, "keep the run fast: fewer examples"


def schemathesis_command(schema_url: str, report_dir: Path) -> list[str]:
    """`st run` over every operation with all checks, repeatably, its reports kept aside."""
    return [sys.executable, "-m", "schemathesis.cli", "run", schema_url, "--checks", "all",
            "--max-examples", str(MAX_EXAMPLES), "--generation-deterministic", "--workers", "1",
            "--suppress-health-check", "too_slow", "--report-dir", str(report_dir),
            "--no-color", "--output-truncate", "false"]


def is_the_servers_fault(context: HookContext, failure: Failure, case: Case,
                         response: Response) -> bool:
    """False for a 400 the document declares in words: a schema cannot list the values an index
    holds, nor order two dates."""
    return not (isinstance(failure, RejectedPositiveData) and response.status_code == 400
                and any(words in response.text for words in SAID_IN_WORDS))


# Only in the schemathesis run, which loads this file under that name; pytest's import skips it.
if __name__ == "_schemathesis_hooks":
    schemathesis.hook("filter_failure")(is_the_servers_fault)
