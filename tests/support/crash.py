"""Indexer runs killed with SIGKILL at random moments, and what the index must hold after each:
the machinery of `tests/test_crash.py` and of `python -m benchmarks.crash_kill` (whose docstring
tells what a run proves).

Run as a program, `python -m tests.support.crash INDEX CORPUS COMMIT_EVERY`, it is the indexer
run that gets killed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index

from search_service.engine.store import RUN_LOCK, open_index, run_lock
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest, search_passages

from .generate import Generator

log = logging.getLogger(__name__)

# The share of documents the second corpus version rewrites: every run has work to do.
CHANGED = 0.5
# A word common in every generated corpus, searched after each kill.
PROBE_WORD = "council"
# Runs per kill at most: a run can finish before its kill moment.
MAX_RUNS_PER_KILL = 3


@dataclass
class Snapshot:
    """What an index holds: per document its recorded hash and its passages' content digests."""

    hashes: dict[str, str] = field(default_factory=dict)
    passages: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    duplicates: int = 0

    def rows(self) -> set[tuple[str, str]]:
        """Every passage as (id, digest of its stored fields)."""
        return {(pid, digest) for by_id in self.passages.values() for pid, digest in by_id.items()}


@dataclass
class KillReport:
    """The figures of a crash run."""

    kills: int = 0
    survived: int = 0
    completed_early: int = 0
    runs: int = 0
    failures: list[str] = field(default_factory=list)
    leftover_files: set[str] = field(default_factory=set)
    left_after_final: int = 0
    final_equal: bool = False
    passages: int = 0

    def summary(self) -> str:
        """The figures as printed lines."""
        return "\n".join([
            f"kills survived: {self.survived} of {self.kills} "
            f"({self.runs} indexer runs, {self.completed_early} finished before their kill)",
            f"final index equals an uninterrupted run: {'yes' if self.final_equal else 'NO'} "
            f"({self.passages} passages compared by id and content hash)",
            f"files left unreferenced by killed runs: {len(self.leftover_files)}; "
            f"still there after the last run: {self.left_after_final}",
            *(f"FAILURE: {failure}" for failure in self.failures)])


def write_versions(folder: Path, passages: int, seed: int) -> tuple[Path, Path]:
    """Two versions of one corpus over the same document URLs; the second rewrites about half."""
    generator = Generator(passages, seed)
    first = list(generator.documents(0.0))
    second = {record["url"]: record for record in generator.documents(CHANGED)}
    paths = (folder / "corpus-a" / "minutes.jsonl", folder / "corpus-b" / "minutes.jsonl")
    for path, records in zip(paths, (first, [second.get(r["url"], r) for r in first])):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
    return paths


def indexer_command(index_dir: Path, corpus: Path, commit_every: int) -> list[str]:
    """The child process: this module run as a program runs the real indexing pipeline."""
    return [sys.executable, "-m", "tests.support.crash", str(index_dir), str(corpus),
            str(commit_every)]


def run_indexer(index_dir: Path, corpus: Path, commit_every: int) -> float:
    """One uninterrupted indexer run; returns its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run(indexer_command(index_dir, corpus, commit_every), check=True)
    return time.perf_counter() - started


def run_and_kill(index_dir: Path, corpus: Path, commit_every: int, after: float) -> bool:
    """Start an indexer run and SIGKILL it `after` seconds in; False when it finished first."""
    child = subprocess.Popen(indexer_command(index_dir, corpus, commit_every))
    try:
        child.wait(timeout=after)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return True
    if child.returncode != 0:
        raise RuntimeError(f"indexer run exited with status {child.returncode}")
    return False


def snapshot(index_dir: Path) -> Snapshot:
    """Read every stored document of the index."""
    found = Snapshot()
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            url = fields["source_url"]
            if "source_hash" in fields:
                found.hashes[url] = fields["source_hash"]
                continue
            digest = hashlib.sha256(repr(sorted(fields.items())).encode()).hexdigest()[:16]
            if fields["id"] in found.passages[url]:
                found.duplicates += 1
            found.passages[url][fields["id"]] = digest
    return found


def check_after_kill(index_dir: Path, versions: dict[str, dict[str, str]]) -> list[str]:
    """What is wrong with the index after a kill; an empty list when nothing is."""
    problems = []
    with run_lock(index_dir):  # IndexBusyError here would mean a lock survived its process
        ix = open_index(index_dir)
        ix.writer().cancel()  # Whoosh's own write lock: LockError at once if it were still held
        with ix.searcher() as searcher:
            search_passages(searcher, SearchRequest(query=PROBE_WORD))
            search_passages(searcher, SearchRequest(query="", sort="newest"))
    state = snapshot(index_dir)
    if state.duplicates:
        problems.append(f"{state.duplicates} passage ids stored twice")
    for url in set(state.passages) - set(state.hashes):
        problems.append(f"{url}: passages without their document's hash")
    for url, digest in state.hashes.items():
        expected = versions.get(digest)
        if expected is None:
            problems.append(f"{url}: recorded hash {digest} belongs to no corpus version")
        elif state.passages.get(url, {}) != expected:
            problems.append(f"{url}: passages differ from the version its hash names")
    return problems


def passages_by_hash(reference: Snapshot) -> dict[str, dict[str, str]]:
    """The passages of each document version of a reference index, by its content hash."""
    return {digest: dict(reference.passages.get(url, {}))
            for url, digest in reference.hashes.items()}


def unreferenced_files(index_dir: Path) -> list[str]:
    """Files in the index folder that its current generation does not use (locks aside)."""
    ix = open_index(index_dir)
    used = {segment.segment_id() for segment in ix._segments()}
    current = f"_{ix.indexname}_{ix.latest_generation()}.toc"
    return sorted(path.name for path in index_dir.iterdir()
                  if path.name not in (current, RUN_LOCK, f"{ix.indexname}_WRITELOCK")
                  and path.name.split(".")[0] not in used)


def crash_run(work: Path, kills: int, passages: int, commit_every: int, seed: int) -> KillReport:
    """Index two corpus versions in turn, killing runs at random moments; then compare."""
    rng = random.Random(seed)
    report = KillReport()
    corpora = write_versions(work, passages, seed)
    references, durations = [], []
    for n, corpus in enumerate(corpora):
        reference_dir = work / f"reference-{'ab'[n]}"
        durations.append(run_indexer(reference_dir, corpus, commit_every))
        references.append(snapshot(reference_dir))
        log.info("uninterrupted run over %s: %.1f s", corpus.parent.name, durations[-1])
    versions = {**passages_by_hash(references[0]), **passages_by_hash(references[1])}
    index_dir = work / "index"
    turn = 0
    while report.kills < kills and report.runs < kills * MAX_RUNS_PER_KILL:
        corpus, duration = corpora[turn % 2], durations[turn % 2]
        turn += 1
        report.runs += 1
        if not run_and_kill(index_dir, corpus, commit_every, rng.uniform(0.0, duration)):
            report.completed_early += 1
            continue
        report.kills += 1
        if not index.exists_in(str(index_dir)):
            report.survived += 1  # killed before it created the index: nothing to break
            continue
        report.leftover_files.update(unreferenced_files(index_dir))
        try:
            problems = check_after_kill(index_dir, versions)
        except Exception as exc:  # the index must open and search: anything else is a failure
            log.exception("after kill %d", report.kills)
            problems = [f"{type(exc).__name__}: {exc}"]
        if problems:
            report.failures.append(f"kill {report.kills}: " + "; ".join(problems[:5]))
        else:
            report.survived += 1
        log.info("kill %d of %d: %s", report.kills, kills, "; ".join(problems) or "index intact")
    final = corpora[turn % 2]
    run_indexer(index_dir, final, commit_every)
    report.left_after_final = len(unreferenced_files(index_dir))
    result, expected = snapshot(index_dir), references[turn % 2]
    report.passages = len(expected.rows())
    report.final_equal = (result.rows() == expected.rows() and result.hashes == expected.hashes
                          and not result.duplicates)
    if not report.final_equal:
        report.failures.append(
            f"final index differs: {len(result.rows() - expected.rows())} passages not in the "
            f"uninterrupted run, {len(expected.rows() - result.rows())} missing")
    return report


def child_main(index_dir: str, corpus: str, commit_every: int) -> None:
    """The indexer process that gets killed: the pipeline the `index` command runs."""
    report = index_paths(Path(index_dir), [corpus], commit_every=commit_every)
    if report.errors:
        sys.exit(f"{len(report.errors)} errors: {report.errors[0]}")


if __name__ == "__main__":
    child_main(sys.argv[1], sys.argv[2], commit_every=int(sys.argv[3]))
