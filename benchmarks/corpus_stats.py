"""Word, phrase and length statistics of the labelled real minutes, for the corpus generator.

Run `python -m benchmarks.corpus_stats [DEV_DIR]` to rebuild `tests/support/corpus_stats.json`
(read by the generator, `tests/support/generate.py`) from `../shared/corpus/dev`. The file holds
counts, not text: word successor counts (a bigram model), the opening words of each kind of
passage, paragraph lengths and title words, so that generated minutes follow the real pages'
statistics without copying their paragraphs.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tests.support.generate import STATS_FILE

DEFAULT_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

# Words with their inner apostrophes and hyphens, numbers, and the punctuation kept as tokens.
TOKEN = re.compile(r"[A-Za-z0-9£][\w'’/&.-]*\w|[A-Za-z0-9]|[.,;:()?]")
_MARKER = re.compile(r"^(?:[·•▪◦●○§*\-–o]\s+|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxl]{1,5})\)\s+|"
                     r"\d{1,3}(?:\.\d{1,3})*\.?\s+|[a-z]\.\s+)")
_CHROME = re.compile(r"^(?:Skip to|Quick Links|navigation and tools|Find it|You are here|Agendas?,? |"
                     r"Issue - |Agenda item|Venue:|Contact:|Items|No\.? Item|Additional documents|"
                     r"Meeting: |Supporting documents|Note:)", re.I)
_NORMAL = re.compile(r"[^a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Words and punctuation of a paragraph, as the bigram model counts them."""
    return TOKEN.findall(text.replace("’", "'"))


def minutes_paragraphs(text: str) -> tuple[str | None, list[tuple[bool, str]]]:
    """The item title and the minutes paragraphs of a page, each with whether it was a point."""
    lines = [line.replace("\u00a0", " ").strip() for line in text.splitlines()]
    content = [line for line in lines if line]
    title = next((line for line in content if not _CHROME.match(line)), None)
    start = next((i + 1 for i, line in enumerate(content) if re.match(r"^Minutes:?$", line)), 2)
    paragraphs = []
    for line in content[start:]:
        if re.match(r"^(?:Supporting|Background) documents", line, re.I):
            break
        if _CHROME.match(line) or len(line) < 3:
            continue
        marker = _MARKER.match(line)
        paragraphs.append((bool(marker), line[marker.end():] if marker else line))
    return title, paragraphs


def _normal(text: str) -> str:
    return _NORMAL.sub(" ", text.lower().replace("’", "'")).strip()


def collect(dev: Path) -> dict[str, object]:
    """Statistics of every labelled page under `dev`."""
    successors: dict[str, Counter[str]] = defaultdict(Counter)
    title_successors: dict[str, Counter[str]] = defaultdict(Counter)
    openers: dict[str, Counter[str]] = defaultdict(Counter)
    answer_openers: Counter[str] = Counter()
    kind_lengths: dict[str, list[int]] = defaultdict(list)
    lead_in_lengths: list[int] = []
    paragraph_counts: list[int] = []
    points = paragraphs_seen = 0
    for doc_path in sorted((dev / "docs").glob("*.json")):
        page = json.loads(doc_path.read_text(encoding="utf-8"))
        title, paragraphs = minutes_paragraphs(page["text"])
        if title:
            words = ["<s>"] + tokens(title) + ["</s>"]
            for a, b in zip(words, words[1:]):
                title_successors[a][b] += 1
        paragraph_counts.append(len(paragraphs))
        for point, paragraph in paragraphs:
            paragraphs_seen += 1
            points += point
            words = tokens(paragraph)
            if paragraph.endswith(":"):
                lead_in_lengths.append(len(words))
            for a, b in zip(["<s>"] + words, words + ["</s>"]):
                successors[a][b] += 1
        label_path = dev / "labels" / doc_path.name
        if label_path.exists():
            _collect_units(json.loads(label_path.read_text(encoding="utf-8"))["units"],
                           paragraphs, openers, answer_openers, kind_lengths)
    return {
        "successors": {w: dict(c.most_common()) for w, c in sorted(successors.items())},
        "title_successors": {w: dict(c.most_common()) for w, c in sorted(title_successors.items())},
        "openers": {k: dict(c.most_common()) for k, c in sorted(openers.items())},
        "answer_openers": dict(answer_openers.most_common()),
        "kind_lengths": {k: sorted(v) for k, v in sorted(kind_lengths.items())},
        "lead_in_lengths": sorted(lead_in_lengths),
        "paragraphs_per_page": sorted(paragraph_counts),
        "point_share": round(points / max(paragraphs_seen, 1), 3),
    }


def _collect_units(units: list[dict[str, str]], paragraphs: list[tuple[bool, str]],
                   openers: dict[str, Counter[str]], answer_openers: Counter[str],
                   kind_lengths: dict[str, list[int]]) -> None:
    """Opening words and lengths of the labelled units found in the page's paragraphs."""
    normal = [(_normal(text), text) for _, text in paragraphs]
    for unit in units:
        snippet = _normal(unit["snippet"])
        found = next((text for norm, text in normal if snippet and snippet in norm), None)
        if found is None:
            continue
        words = tokens(found)
        kind_lengths[unit["kind"]].append(len(words))
        openers[unit["kind"]][" ".join(words[:3])] += 1
        if unit.get("a"):
            answer_words = tokens(unit["a"])
            for i in range(len(words) - len(answer_words) + 1):
                if [w.lower() for w in words[i:i + len(answer_words)]] == \
                        [w.lower() for w in answer_words]:
                    lead = words[max(0, i - 4):i]
                    # Only reporting phrases ("Members were informed that"), not content.
                    if len(lead) == 4 and lead[-1] == "that" and lead[0] not in ".,;":
                        answer_openers[" ".join(lead)] += 1
                    break


def main(argv: list[str]) -> None:
    """Write the statistics file from the dev corpus given (or ../shared/corpus/dev)."""
    dev = Path(argv[0]) if argv else DEFAULT_DEV
    stats = collect(dev)
    STATS_FILE.write_text(json.dumps(stats, ensure_ascii=False, separators=(",", ":")) + "\n",
                          encoding="utf-8")
    print(f"wrote {STATS_FILE} ({STATS_FILE.stat().st_size // 1024} KB, "
          f"{len(stats['successors'])} words)")


if __name__ == "__main__":
    main(sys.argv[1:])
