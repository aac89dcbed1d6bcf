"""Which PDF library reads printed minutes best: text quality, pages per second, install size.

Each candidate's text runs and boxes go through the same layout rules (`sources/pdf_layout.py`),
so the table compares what each library gives them. The PDFs are made here, as the tests make
them (`tests/support/moderngov_site/printed_minutes.py`), so every expected paragraph is known:

- paragraphs: expected paragraphs found whole, as one paragraph of the output (page breaks
  mid-paragraph, bullets, item headings);
- headers: output paragraphs holding a running header or a "Page N of M" (fewer is better);
- hyphens: words the layout broke at a line end found whole in the output;
- columns: paragraphs of a two-column page found whole and in reading order;
- table: rows of a table found as rows, cells apart;
- pages/s: a 40-page minute book read to text (best of three), and the library's own plain text
  extraction alone beside it;
- install: the library and the packages it needs, as installed (MB).

    .venv/bin/python -m benchmarks.pdf_readers
"""
from __future__ import annotations

import importlib.metadata
import io
import re
import time
from collections.abc import Callable

from search_service.sources.pdf import read_pdf_bytes
from search_service.sources.pdf_layout import Line, Run, page_text_lines, printed_text
from tests.support.minutes import SEED
from tests.support.moderngov_site.printed_minutes import (Bullet, Columns, Heading, Layout, Para,
                                                          Table, seed_blocks)

HEADER = "Children and Families Overview and Scrutiny Panel - 2 October 2018"
BOOK_PAGES = 40
PACKAGES = {"pypdfium2": "pypdfium2", "pdfminer.six": "pdfminer.six", "pypdf": "pypdf"}

Reader = Callable[[bytes], str]


def pdfium_text(data: bytes) -> str:
    """The service's own reader (pypdfium2 runs and boxes, then the layout rules)."""
    return read_pdf_bytes(data).text


def pdfminer_text(data: bytes) -> str:
    """pdfminer.six's text lines with their boxes, through the layout rules."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    pages = []
    for number, page in enumerate(extract_pages(io.BytesIO(data))):
        runs = [Run(number, line.x0, page.height - line.y1, line.x1, page.height - line.y0,
                    line.get_text().strip())
                for box in page if isinstance(box, LTTextContainer)
                for line in box if isinstance(line, LTTextLine) and line.get_text().strip()]
        pages.append(page_text_lines(runs, page.height))
    return printed_text(pages)


def pypdf_text(data: bytes) -> str:
    """pypdf's text operators with their positions (widths estimated from the font size: pypdf
    gives none), through the layout rules."""
    from pypdf import PdfReader

    pages: list[list[Line]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        height = float(page.mediabox.height)
        runs: list[Run] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  runs: list[Run] = runs, number: int = number, height: float = height) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = size * (tm[0] or 1) * (cm[0] or 1)
            runs.append(Run(number, x, height - y - 0.75 * scale,
                            x + 0.5 * scale * len(text), height - y + 0.2 * scale, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(page_text_lines(runs, height))
    return printed_text(pages)


def plain_text(name: str) -> Reader:
    """A library's own plain-text extraction, for its speed alone."""
    def pdfium(data: bytes) -> str:
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
        return "".join(page.get_textpage().get_text_range() for page in document)

    def pdfminer(data: bytes) -> str:
        from pdfminer.high_level import extract_text
        return extract_text(io.BytesIO(data))

    def pypdf(data: bytes) -> str:
        from pypdf import PdfReader
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)

    return {"pypdfium2": pdfium, "pdfminer.six": pdfminer, "pypdf": pypdf}[name]


READERS: dict[str, Reader] = {"pypdfium2": pdfium_text, "pdfminer.six": pdfminer_text,
                              "pypdf": pypdf_text}


def expected_paragraph(block: object) -> str:
    if isinstance(block, Bullet):
        text = f"\u2022 {block.text}"
    elif isinstance(block, Heading):
        text = f"{block.number} {block.title}"
    else:
        text = block.text  # type: ignore[attr-defined]
    return " ".join(text.split())


def broken_words(layout: Layout) -> list[str]:
    """The words the layout hyphenated at a line end, whole."""
    lines = [run[3] for page in layout.pages for run in page.runs]
    return [head[:-1] + re.match(r"\w+", tail)[0]  # type: ignore[index]
            for head, tail in zip(lines, lines[1:])
            for head in [head.split()[-1]] if head.endswith("-") and head[-2].isalpha()]


def corpus() -> dict[str, tuple[bytes, object]]:
    """The measured PDFs with what each should read as."""
    seed = seed_blocks(SEED.read_text(encoding="utf-8"), committee=HEADER.split(" - ")[0],
                       date_line="Tuesday, 2 October 2018 at 10.00 am")
    minutes = Layout(header=HEADER).add(seed)
    book = Layout(header=HEADER)
    while len(book.pages) < BOOK_PAGES:
        book.add(seed[3:])
    columns = (" ".join(["The first column tells of the budget for the coming year."] * 5),
               " ".join(["The second column tells of the plans for new housing."] * 5),
               " ".join(["The third paragraph is at the foot of the right column."] * 3))
    rows = (("Councillor", "Vote", "Ward"), ("Cllr A Green", "For", "North"),
            ("Cllr B Moss", "Against", "South"), ("Cllr C Price", "Abstained", "East"))
    return {
        "seed": (minutes.pdf(), (seed, broken_words(minutes))),
        "book": (book.pdf(), (None, None)),
        "columns": (Layout().add([Para("Notes of the meeting"), Columns(columns)]).pdf(),
                    columns),
        "table": (Layout().add([Para("The votes were:"), Table(rows)]).pdf(),
                  ["\t".join(row) for row in rows]),
    }


def install_mb(name: str, seen: set[str] | None = None) -> float:
    """Installed size of a distribution and the distributions it requires (each counted once)."""
    seen = set() if seen is None else seen
    key = name.lower().replace("_", "-")
    if key in seen:
        return 0.0
    seen.add(key)
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return 0.0
    size = sum(f.size or 0 for f in dist.files or ()) / 2**20
    for requirement in dist.requires or ():
        if "extra ==" in requirement:
            continue
        size += install_mb(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0], seen)
    return size


def best_rate(reader: Reader, data: bytes, pages: int) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        reader(data)
        times.append(time.perf_counter() - started)
    return pages / min(times)


def measure() -> list[dict[str, object]]:
    """One row per library."""
    pdfs = corpus()
    seed_pdf, (seed, broken) = pdfs["seed"]
    book_pdf = pdfs["book"][0]
    book_pages = len(__import__("pypdfium2").PdfDocument(book_pdf))
    rows = []
    for name, reader in READERS.items():
        text = reader(seed_pdf)
        paragraphs = text.split("\n\n")
        expected = [expected_paragraph(b) for b in seed if not isinstance(b, Table)]
        columns = reader(pdfs["columns"][0]).split("\n\n")
        table = reader(pdfs["table"][0]).split("\n\n")
        rows.append({
            "library": name,
            "version": importlib.metadata.version(PACKAGES[name]),
            "paragraphs": sum(p in paragraphs for p in expected) / len(expected),
            "headers": sum(HEADER in p or bool(re.search(r"Page \d+ of", p))
                           for p in paragraphs),
            "hyphens": sum(word in text for word in broken) / max(len(broken), 1),
            "columns": float(columns[1:] == list(pdfs["columns"][1])),  # type: ignore[arg-type]
            "table": sum(row in table for row in pdfs["table"][1]) / 4,  # type: ignore[union-attr]
            "pages/s": best_rate(reader, book_pdf, book_pages),
            "plain pages/s": best_rate(plain_text(name), book_pdf, book_pages),
            "install MB": install_mb(PACKAGES[name]),
        })
    return rows


def main() -> None:
    rows = measure()
    print("| library | paragraphs whole | header/page-number leaks | hyphenated words whole | "
          "two columns | table rows | pages/s (with layout) | pages/s (plain text) | "
          "install MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['library']} {r['version']} | {r['paragraphs']:.0%} | {r['headers']} | "
              f"{r['hyphens']:.0%} | {r['columns']:.0%} | {r['table']:.0%} | "
              f"{r['pages/s']:.0f} | {r['plain pages/s']:.0f} | {r['install MB']:.1f} |")


if __name__ == "__main__":
    main()
