"""Topic tagging on the labelled corpus: coverage, speed, and a fixed random sample to check by hand.

    python -m benchmarks.topics [--corpus DIR] [--sample 50] [--seed 6] [--taxonomy FILE]

Splits every page of the corpus (`{"url", "text"}` JSON files), tags the passages, prints the
share with at least one topic, the count per topic, the tagging speed, and then the sample:
each passage with its item title, its topics and the terms that chose them.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from search_service.model import Document, Passage
from search_service.segment import split_document
from search_service.topics import THRESHOLD, Taxonomy, load_taxonomy

DEFAULT_CORPUS = Path("/work/shared/corpus/dev/docs")


def corpus_passages(corpus: Path) -> list[Passage]:
    """The passages of every page in the corpus folder, in file name order."""
    passages = []
    for path in sorted(corpus.glob("*.json")):
        page = json.loads(path.read_text("utf-8"))
        passages.extend(split_document(Document(source=str(path), url=page["url"],
                                                text=page["text"])))
    return passages


def tagging_rate(taxonomy: Taxonomy, passages: list[Passage], repeat: int) -> float:
    """Passages tagged per second (text and title), over `repeat` rounds of the corpus."""
    started = time.perf_counter()
    for _ in range(repeat):
        taxonomy.tag_passages(passages)
    return repeat * len(passages) / (time.perf_counter() - started)


def why(taxonomy: Taxonomy, passage: Passage) -> str:
    """The terms and hints that chose each topic of a passage, title ones marked."""
    found: dict[str, list[str]] = {}
    for source, text in (("title", passage.item.title or ""), ("", passage.text)):
        matches = taxonomy.matches(text)
        scores = taxonomy.scores(text)
        for index, weight, term in sorted(matches):
            if scores[index] >= THRESHOLD:
                label = taxonomy.topics[index].label
                found.setdefault(label, []).append(f"{source + ':' if source else ''}{term}"
                                                   f"{'' if weight > 1 else '(hint)'}")
    return "; ".join(f"{label} <- {', '.join(terms)}" for label, terms in found.items())


def main() -> None:
    """Print coverage, speed and the sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--taxonomy", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=20, help="Rounds for the speed figure.")
    args = parser.parse_args()
    taxonomy = load_taxonomy(args.taxonomy)
    passages = taxonomy.tag_passages(corpus_passages(args.corpus))
    tagged = [p for p in passages if p.topics]
    print(f"{len(passages)} passages, {len(tagged)} with at least one topic "
          f"({100 * len(tagged) / max(1, len(passages)):.1f}%), "
          f"{sum(len(p.topics) for p in passages) / max(1, len(passages)):.2f} topics each")
    counts = {label: sum(label in p.topics for p in passages) for label in taxonomy.labels}
    print("per topic: " + ", ".join(f"{label} {n}" for label, n in
                                     sorted(counts.items(), key=lambda kv: -kv[1]) if n))
    print(f"tagging: {tagging_rate(taxonomy, passages, args.repeat):,.0f} passages/s "
          f"(one core, text and item title)")
    sample = random.Random(args.seed).sample(passages, min(args.sample, len(passages)))
    for number, passage in enumerate(sample, start=1):
        print(f"\n#{number} {Path(passage.source_url or '').name} [{passage.kind}] "
              f"title: {passage.item.title!r}")
        print(f"   {passage.text[:400]}")
        print(f"   topics: {', '.join(passage.topics) or '-'}")
        if passage.topics:
            print(f"   why: {why(taxonomy, passage)}")


if __name__ == "__main__":
    main()
