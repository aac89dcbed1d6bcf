"""How often the meeting's committee, date, time and title are read from the page itself, and how
often rightly (docs/metadata.md).

Every page (`docs/X.json`: `{"url", "text"}`) of the given corpora is read as the splitter reads
it, with no hints from a source. The script prints, per corpus, the share of pages whose
committee, date, both, council, time and title are filled; then, over the pages whose header
states them (labelled by hand in benchmarks/metadata_labels.json, the untouched hosts never),
the share filled and the share right. `--list` prints what was read from each page outside the
untouched hosts, for a check by hand.

    python -m benchmarks.metadata ../shared/corpus/dev ../shared/corpus/train [--list]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from search_service.segment import read_page

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT_HOSTS = ROOT / "docs" / "holdout-hosts.txt"
LABELS = Path(__file__).resolve().parent / "metadata_labels.json"


@dataclass(frozen=True)
class Read:
    """What was read from one page of a corpus."""

    key: str
    url: str
    held_out: bool
    committee: str | None
    date: dt.date | None
    council: str | None
    time: dt.time | None
    title: str | None


def read_corpus(corpus: Path, held: set[str]) -> list[Read]:
    """Read each page of a corpus as the splitter does, with no hints."""
    pages = []
    for path in sorted((corpus / "docs").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        page = read_page(record["text"])
        pages.append(Read(path.stem, record["url"], urlsplit(record["url"]).hostname in held,
                          page.committee, page.meeting_date, page.council, page.meeting_time,
                          page.meeting_title))
    return pages


def _share(count: int, total: int) -> str:
    return f"{count}/{total} = {count / total:.3f}" if total else "0/0"


def _same_name(a: str | None, b: str | None) -> bool:
    """Names alike but for case, '&' for 'and' and spacing."""
    def fold(name: str | None) -> str:
        return re.sub(r"\s+", " ", (name or "").casefold().replace("&", "and")).strip()
    return fold(a) == fold(b)


def report(name: str, pages: list[Read], labels: dict[str, dict[str, str | None]]) -> list[str]:
    """The figure lines of one corpus."""
    lines = [f"{name}: {len(pages)} pages ({sum(p.held_out for p in pages)} untouched)",
             f"  filled, all pages: committee {_share(sum(bool(p.committee) for p in pages), len(pages))}"
             f"; date {_share(sum(bool(p.date) for p in pages), len(pages))}"
             f"; both {_share(sum(bool(p.committee and p.date) for p in pages), len(pages))}"
             f"; council {_share(sum(bool(p.council) for p in pages), len(pages))}"
             f"; time {_share(sum(bool(p.time) for p in pages), len(pages))}"
             f"; title {_share(sum(bool(p.title) for p in pages), len(pages))}"]
    for field in ("committee", "date", "time", "title"):
        stated = [(p, labels[p.key][field]) for p in pages
                  if p.key in labels and labels[p.key].get(field)]
        filled = [(p, want) for p, want in stated if getattr(p, field)]
        right = [(p, want) for p, want in filled
                 if (_same_name(getattr(p, field), want) if field in ("committee", "title")
                     else str(getattr(p, field))[:5 if field == "time" else None] == want)]
        lines.append(f"  where the page states the {field}: filled "
                     f"{_share(len(filled), len(stated))}, right {_share(len(right), len(stated))}")
    return lines


def main() -> None:
    """Print the figures for each corpus given, and with --list what each page gave."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true",
                        help="print what was read from each page (untouched hosts left out)")
    args = parser.parse_args()
    held = set(HOLDOUT_HOSTS.read_text(encoding="utf-8").split())
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    for corpus in args.corpora:
        pages = read_corpus(corpus, held)
        if args.list:
            for p in pages:
                if not p.held_out:
                    print(f"{p.key}\t{p.committee}\t{p.date}\t{p.time and f'{p.time:%H:%M}'}"
                          f"\t{p.title}\t{p.council}\t{p.url}")
        print("\n".join(report(corpus.name, pages, labels)))


if __name__ == "__main__":
    main()
