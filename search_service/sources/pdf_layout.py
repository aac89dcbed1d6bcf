"""Text runs with their boxes on printed pages → the paragraphs a reader sees, in reading order.

Pure: no PDF library here, so the rules are the same whichever library found the runs (the
benchmark feeds them from three). Coordinates are points from the page's top-left corner.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# Runs further apart than this many text heights on one line are separate cells (table
# columns, a bullet and its text, an item number and its title); word spaces are far smaller.
CELL_GAP = 1.2
# A line holding a page number or a running header lies in this top or bottom share of the page.
MARGIN_SHARE = 0.12
# A line further below the previous one than this many usual line spacings opens a paragraph.
PARAGRAPH_GAP = 1.3
# A line without a full stop that ends this share of the column short is a title of its own.
SHORT_LINE = 0.3
LEADING_MAX = 1.5
_EDGE_LINES = 3
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\.?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)
_BULLET = re.compile(r"^[•·▪◦●○■□➢►▶✓✔\uf0b7\uf0a7\uf0d8\uf076\uf0fc]")
# A marker alone in the first cell of a line: a bullet, a point or item number ("(a)", "12.",
# "612", "45/23", "Minute 45/23"); it belongs to the text after it, which is no table cell.
_MARKER = re.compile(rf"^(?:{_BULLET.pattern[1:]}|o|[-–]|\(?[a-z\divx]{{1,4}}\)|"
                     r"(?:Minute |Item )?[A-Z]{0,6}/?\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?\.?)$")
# A line opening a numbered point or item ("12. Title", "612 Title", "(b) The …", "Minute 4").
_NUMBERED = re.compile(r"^(?:(?:Minute|Item) )?\(?[A-Z]{0,6}/?\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?"
                       r"\)?\.?\s+(?!(?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December)\b)[A-Z(]|^\([a-z]{1,4}\)\s")
_TERMINAL = re.compile(r"[.!?:;][\"'’”)]?$")
# Line ends PDF software marks as a hyphen it or the writer put in to break a word.
_HYPHENS = ("-", "\x02", "\ufffe", "\u00ad", "\u2010")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\u00ad": "", "\ufffe": "-", "\x02": "-"})
_COMPOUND = re.compile(r"\b[a-z]+-[a-z]+\b")


@dataclass(frozen=True)
class Run:
    """A run of text on one line of a page, with its box."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class Cell:
    """Runs side by side with no wider gap than a word space."""

    x0: float
    x1: float
    text: str


@dataclass
class Line:
    """One line of a page: its cells left to right and the box around them."""

    page: int
    top: float
    bottom: float
    cells: list[Cell] = field(default_factory=list)
    page_height: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)

    @property
    def x0(self) -> float:
        return self.cells[0].x0

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def x1(self) -> float:
        return self.cells[-1].x1


@dataclass
class Piece:
    """A line (or one column's part of one) in reading order, as it joins a paragraph."""

    page: int
    column: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    table: bool = False


def page_text_lines(runs: Iterable[Run], page_height: float) -> list[Line]:
    """A page's runs grouped into lines (runs sharing a baseline band), top down."""
    lines: list[tuple[list[Run], float, float]] = []
    for run in sorted(runs, key=lambda r: (r.top + r.bottom) / 2):
        centre = (run.top + run.bottom) / 2
        if lines and abs(centre - lines[-1][1]) < 0.5 * min(run.height, lines[-1][2]):
            lines[-1][0].append(run)
        else:
            lines.append(([run], centre, run.height))
    return [_line(members, page_height) for members, _, _ in lines]


def _line(runs: list[Run], page_height: float) -> Line:
    runs.sort(key=lambda r: r.x0)
    line = Line(runs[0].page, min(r.top for r in runs), max(r.bottom for r in runs),
                page_height=page_height)
    for run in runs:
        text = run.text.replace("\r", "").replace("\n", " ")
        cell = line.cells[-1] if line.cells else None
        gap = run.x0 - cell.x1 if cell else 0.0
        if cell is None or gap > CELL_GAP * run.height:
            line.cells.append(Cell(run.x0, run.x1, text.strip()))
            continue
        spaced = gap > 0.1 * run.height and not cell.text.endswith(" ") and not text[:1].isspace()
        cell.text = (cell.text + (" " if spaced else "") + text).strip()
        cell.x1 = max(cell.x1, run.x1)
    line.cells = [cell for cell in line.cells if cell.text]
    return line


def running_lines(pages: list[list[Line]]) -> set[int]:
    """The ids of lines in a page's top or bottom margin that are page numbers, or that repeat
    (digits aside) on at least half the pages: running headers and footers."""
    edges = [list(_edge_lines(lines)) for lines in pages]
    seen = Counter(key for lines in edges for key in {_running_key(line) for line in lines})
    repeated = {key for key, count in seen.items() if count >= 2 and count * 2 >= len(pages)}
    return {id(line) for lines in edges for line in lines
            if _PAGE_NUMBER.match(line.text) or _running_key(line) in repeated}


def _edge_lines(lines: list[Line]) -> Iterator[Line]:
    """The lines set apart at the top and the bottom of a page (up to a few, then a blank
    line's gap) that lie in its top or bottom margin band."""
    for ordered, inner in ((lines, lambda a, b: b.top - a.bottom),
                           (lines[::-1], lambda a, b: a.top - b.bottom)):
        for n, line in enumerate(ordered[:_EDGE_LINES]):
            following = ordered[n + 1] if n + 1 < len(ordered) else None
            if following is None or inner(line, following) > line.height:
                block = ordered[:n + 1]
                if all(min(l.top, l.page_height - l.bottom) < MARGIN_SHARE * l.page_height
                       for l in block):
                    yield from block
                break


def _running_key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def _gutter(lines: list[Line]) -> float | None:
    """The x of the gap between two columns of text on a page, if the page has two."""
    if not lines:
        return None
    left, right = min(l.x0 for l in lines), max(l.x1 for l in lines)
    span = right - left
    best, best_count = None, 2
    for step in range(31, 70):
        g = left + span * step / 100
        count = sum(_two_sided(line, g, span) for line in lines)
        if count > best_count:
            best, best_count = g, count
    return best


def _two_sided(line: Line, g: float, span: float) -> bool:
    """Whether a line is two columns' lines side by side about x = g."""
    if _crosses(line, g):
        return False
    left = sum(c.x1 - c.x0 for c in line.cells if c.x1 <= g)
    right = sum(c.x1 - c.x0 for c in line.cells if c.x0 >= g)
    return left > 0.25 * span and right > 0.25 * span


def _crosses(line: Line, g: float) -> bool:
    return any(c.x0 < g < c.x1 for c in line.cells)


def _column_region(lines: list[Line], g: float) -> range:
    """The lines of the two-column part: from the first to the last line two columns wide,
    widened over neighbours that stay clear of the gutter at the usual line spacing."""
    span = max(l.x1 for l in lines) - min(l.x0 for l in lines)
    sided = [n for n, line in enumerate(lines) if _two_sided(line, g, span)]
    start, end = sided[0], sided[-1]
    spacing = statistics.median([b.top - a.top for a, b in zip(lines[start:end], lines[start + 1:
                                                                                      end + 1])])
    while start > 0 and not _crosses(lines[start - 1], g) and \
            lines[start].top - lines[start - 1].top <= PARAGRAPH_GAP * spacing:
        start -= 1
    while end + 1 < len(lines) and not _crosses(lines[end + 1], g) and \
            lines[end + 1].top - lines[end].top <= PARAGRAPH_GAP * spacing:
        end += 1
    return range(start, end + 1)


def reading_order(lines: list[Line]) -> list[Piece]:
    """A page's lines as pieces in reading order: a two-column part column by column."""
    g = _gutter(lines)
    region = _column_region(lines, g) if g is not None else range(0)
    pieces = []
    for n, line in enumerate(lines):
        if n in region:
            if n == region.start:
                for column in (0, 1):
                    pieces += [Piece(l.page, column + 1, c.x0, c.x1, l.top, l.bottom, c.text)
                               for l in lines[region.start:region.stop] for c in l.cells
                               if (c.x1 <= g if column == 0 else c.x0 >= g)]  # type: ignore
            continue
        pieces.append(_piece(line))
    return pieces


def _piece(line: Line) -> Piece:
    """A line of one column: a table row when its cells are apart (its marker aside)."""
    cells = [cell.text for cell in line.cells]
    if len(cells) > 1 and _MARKER.match(cells[0]):
        cells = [f"{cells[0]} {cells[1]}", *cells[2:]]
    if len(cells) > 1:
        return Piece(line.page, 0, line.x0, line.x1, line.top, line.bottom, "\t".join(cells),
                     table=True)
    return Piece(line.page, 0, line.x0, line.x1, line.top, line.bottom, cells[0])


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """The pages' text as paragraphs: lines joined across line and page breaks."""
    pieces = [piece for lines in pages for piece in reading_order(lines)]
    if not pieces:
        return []
    flow = [p for p in pieces if not p.table]
    # Column 0 is the page-wide text; 1 and 2 the left and right of a two-column part.
    wide = {0: (0, 1, 2), 1: (1,), 2: (2,)}
    left = {column: min((p.x0 for p in flow if p.column in wide[column]), default=0.0)
            for column in wide}
    right = {column: max((p.x1 for p in flow if p.column in wide[column]), default=0.0)
             for column in wide}
    steps = [b.top - a.top for a, b in zip(flow, flow[1:])
             if a.page == b.page and a.column == b.column and b.top > a.top]
    # Where most paragraphs are one line, most steps are paragraph gaps: no single spacing is
    # over LEADING_MAX line heights.
    height = statistics.median(p.bottom - p.top for p in flow) if flow else 0.0
    spacing = min(statistics.median(steps), LEADING_MAX * height) if steps else 0.0
    compounds = {word for p in flow for word in _COMPOUND.findall(p.text.lower()[:-1])}
    out: list[list[Piece]] = []
    for piece in pieces:
        if out and not _opens_paragraph(out[-1][-1], piece, left, right, spacing):
            out[-1].append(piece)
        else:
            out.append([piece])
    return [_join(group, compounds) for group in out]


def _opens_paragraph(prev: Piece, piece: Piece, left: dict[int, float], right: dict[int, float],
                     spacing: float) -> bool:
    """Whether `piece` starts a paragraph rather than running on from `prev`."""
    if prev.table or piece.table or _BULLET.match(piece.text):
        return True
    if prev.page == piece.page and prev.column != piece.column and piece.column != 2:
        return True  # into or out of a two-column part: the text above or below is its own
    if prev.page == piece.page and prev.column == piece.column and spacing and \
            piece.top - prev.top > PARAGRAPH_GAP * spacing:
        return True
    ended = bool(_TERMINAL.search(prev.text))
    width = right[prev.column] - left[prev.column]
    if _NUMBERED.match(piece.text) and (
            ended or right[piece.column] - piece.x1 > SHORT_LINE * width):
        return True  # a numbered point after a sentence, or an item heading on its own line
    # A sentence ends where the next line's first word would still have fitted (the line was
    # broken by hand), or a line without one stops far short (a title, a name and address).
    char = (prev.x1 - prev.x0) / max(len(prev.text), 1)
    room = right[prev.column] - prev.x1
    if ended:
        return room > char * (len(piece.text.split(" ", 1)[0]) + 3)
    return room > SHORT_LINE * width


def _join(group: list[Piece], compounds: set[str]) -> str:
    """The pieces of one paragraph as one line, a word broken at a line end made whole."""
    text = ""
    for piece in group:
        line = piece.text.strip()
        if not text:
            text = line
        elif text.endswith(_HYPHENS) and text[-2:-1].isalnum() and line[:1].isalnum():
            head = re.search(r"(\w+)\W$", text)
            tail = re.match(r"\w+", line)
            whole = f"{head[1] if head else ''}-{tail[0] if tail else ''}".lower()
            keep = not line[:1].islower() or whole in compounds
            text = text[:-1] + ("-" if keep else "") + line
        else:
            text = f"{text} {line}"
    return re.sub(r" {2,}", " ", text.translate(_LIGATURES)).strip()


def printed_text(pages: list[list[Line]]) -> str:
    """The pages' text as a reader sees it: paragraphs between blank lines, running headers,
    footers and page numbers left out."""
    running = running_lines(pages)
    body = [[line for line in lines if id(line) not in running] for lines in pages]
    return "\n\n".join(paragraphs(body))
