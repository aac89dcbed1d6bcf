"""Xapian over shards in the benchmark: the generated corpus split by council into N corpora
(councils dealt to the shard with the fewest documents so far, biggest first), one Xapian index
built from each, served by `xapian-tcpsrv` on 127.0.0.1 and searched through a stub file, as
docs/scale-out.md lays out across machines (here every shard shares the one machine)."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.support.generate import SHARD_DOCUMENTS
from tests.support.xapian_shards import started_servers, write_stub


def records(corpus: Path) -> Iterator[str]:
    """The corpus's lines (one document each), file by file."""
    for path in sorted(corpus.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            yield from lines


def deal_councils(corpus: Path, shards: int) -> dict[str, int]:
    """Each council's shard: the biggest councils first, each to the shard with the fewest
    documents so far."""
    documents = Counter(json.loads(line)["council"] for line in records(corpus))
    sizes = [0] * shards
    dealt = {}
    for council, count in documents.most_common():
        shard = sizes.index(min(sizes))
        dealt[council] = shard
        sizes[shard] += count
    return dealt


def split_corpus(corpus: Path, dealt: dict[str, int], out: Path) -> list[Path]:
    """The corpus written as one folder a shard (`out/shard-K`), the councils as `dealt`, in
    files of SHARD_DOCUMENTS lines as the generator writes them."""
    folders = [out / f"shard-{shard}" for shard in range(max(dealt.values()) + 1)]
    batches: list[list[str]] = [[] for _ in folders]
    written = [0] * len(folders)

    def flush(shard: int) -> None:
        folders[shard].mkdir(parents=True, exist_ok=True)
        part = folders[shard] / f"part-{written[shard]:05d}.jsonl"
        part.write_text("".join(batches[shard]), encoding="utf-8")
        written[shard] += 1
        batches[shard].clear()

    for line in records(corpus):
        shard = dealt[json.loads(line)["council"]]
        batches[shard].append(line)
        if len(batches[shard]) == SHARD_DOCUMENTS:
            flush(shard)
    for shard, batch in enumerate(batches):
        if batch or not written[shard]:
            flush(shard)
    return folders


Step = Callable[..., dict[str, Any]]


def build(run_step: Step, indexes: list[Path], corpora: list[Path]) -> dict[str, Any]:
    """Each shard's build (or incremental run) one after the other, on this machine: the
    figures summed (seconds, passages, documents) and the biggest peak memory."""
    steps = [run_step("xapian-index", str(index), str(corpus))
             for index, corpus in zip(indexes, corpora)]
    summed = {name: sum(step[name] for step in steps)
              for name in ("seconds", "documents", "unchanged", "passages")}
    return summed | {"peak_mb": max(step["peak_mb"] for step in steps),
                     "per_shard": steps}


def queries(run_step: Step, indexes: list[Path], stub: Path, passages: int,
            seed: int) -> dict[str, Any]:
    """The query mix through a stub file of the shards, each served by xapian-tcpsrv on
    127.0.0.1 for the step."""
    with started_servers() as servers:
        write_stub(stub, servers.serve([index / "xapian" for index in indexes]))
        return run_step("xapian-queries", str(stub), str(passages), str(seed))
