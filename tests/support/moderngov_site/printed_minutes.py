"""Printed minutes as councils' word processors print them to PDF, made with ReportLab.

A4 pages with a running header and a "Page N of M" footer, justified-width lines broken by
measured word widths (a long word hyphenated at the line end), bullets with a hanging indent,
numbered item headings ("612    Title"), paragraphs running on across page breaks, two-column
passages and ruled tables. Also the bad kinds: a scan (an image, no text), an encrypted file.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
LEFT, RIGHT = 72.0, WIDTH - 72.0
TOP, BOTTOM = HEIGHT - 80.0, 80.0
FONT, BOLD = "Helvetica", "Helvetica-Bold"
GUTTER = 24.0
BULLET = "\u2022"


@dataclass(frozen=True)
class Para:
    """A paragraph; `bold` for headings and the meeting's title lines."""

    text: str
    bold: bool = False
    centred: bool = False


@dataclass(frozen=True)
class Bullet:
    """A bulleted point, the bullet hanging in the left margin of its text."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A numbered agenda item heading: the number, a tab's space, the title in bold."""

    number: str
    title: str


@dataclass(frozen=True)
class Columns:
    """Paragraphs set in two balanced columns."""

    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table: a bold first row, then one line per row, cells at fixed columns."""

    rows: tuple[tuple[str, ...], ...]


Block = Para | Bullet | Heading | Columns | Table


@dataclass
class _Page:
    """What to draw on one page: (x, y, font, text) runs and ruled lines."""

    runs: list[tuple[float, float, str, str]] = field(default_factory=list)


@dataclass
class Layout:
    """Lays blocks out on pages; `header` and `footer` are formats of `page` and `pages`."""

    size: float = 10.0
    header: str | None = None
    footer: str | None = "Page {page} of {pages}"
    hyphenate: bool = True
    pages: list[_Page] = field(default_factory=list)
    y: float = TOP

    @property
    def leading(self) -> float:
        return self.size * 1.25

    def _new_page(self) -> None:
        self.pages.append(_Page())
        self.y = TOP

    def _room(self, lines: int) -> None:
        if not self.pages or self.y - lines * self.leading < BOTTOM:
            self._new_page()

    def _put(self, x: float, text: str, font: str = FONT) -> None:
        self._room(1)
        self.pages[-1].runs.append((x, self.y, font, text))
        self.y -= self.leading

    def wrap(self, text: str, width: float, font: str = FONT) -> list[str]:
        """Break text into lines no wider than `width`, hyphenating a long word that overruns."""
        lines: list[str] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}" if line else word
            if stringWidth(trial, font, self.size) <= width:
                line = trial
                continue
            head, tail = self._hyphenate(line, word, width, font)
            if head:
                lines.append(f"{line} {head}-" if line else f"{head}-")
                line = tail
            else:
                lines.append(line)
                line = word
        return lines + [line] if line else lines

    def _hyphenate(self, line: str, word: str, width: float, font: str) -> tuple[str, str]:
        """The longest head of `word` (3 letters each side at least) that fits with a hyphen."""
        if not (self.hyphenate and word.isalpha() and word.islower() and len(word) >= 7):
            return "", word
        for cut in range(len(word) - 3, 2, -1):
            if stringWidth(f"{line} {word[:cut]}-", font, self.size) <= width:
                return word[:cut], word[cut:]
        return "", word

    def add(self, blocks: Iterable[Block]) -> Layout:
        """Lay the blocks out after what is already laid out."""
        for block in blocks:
            self._block(block)
        return self

    def _block(self, block: Block) -> None:
        width = RIGHT - LEFT
        if isinstance(block, Para):
            font = BOLD if block.bold else FONT
            for line in self.wrap(block.text, width, font):
                x = (WIDTH - stringWidth(line, font, self.size)) / 2 if block.centred else LEFT
                self._put(x, line, font)
        elif isinstance(block, Bullet):
            lines = self.wrap(block.text, width - 18)
            self._room(1)
            self.pages[-1].runs.append((LEFT, self.y, FONT, BULLET))
            for line in lines:
                self._put(LEFT + 18, line)
        elif isinstance(block, Heading):
            self._room(3)
            self.pages[-1].runs.append((LEFT, self.y, BOLD, block.number))
            indent = max(36.0, stringWidth(block.number, BOLD, self.size) + 18)
            self._put(LEFT + indent, block.title, BOLD)
        elif isinstance(block, Columns):
            self._columns(block)
        else:
            self._table(block)
        self.y -= self.leading * 0.6

    def _columns(self, block: Columns) -> None:
        width = (RIGHT - LEFT - GUTTER) / 2
        lines: list[str] = []
        for paragraph in block.paragraphs:
            lines += self.wrap(paragraph, width) + [""]
        lines.pop()
        half = (len(lines) + 1) // 2
        self._room(half)
        top = self.y
        for column, part in enumerate((lines[:half], lines[half:])):
            self.y = top
            for line in part:
                if line:
                    self.pages[-1].runs.append((LEFT + column * (width + GUTTER), self.y, FONT,
                                                line))
                self.y -= self.leading
        self.y = top - half * self.leading

    def _table(self, block: Table) -> None:
        width = (RIGHT - LEFT) / max(len(row) for row in block.rows)
        for n, row in enumerate(block.rows):
            self._room(1)
            for column, cell in enumerate(row):
                self.pages[-1].runs.append((LEFT + column * width, self.y, BOLD if n == 0 else FONT,
                                            cell))
            self.y -= self.leading

    def pdf(self, *, encrypt: str | None = None) -> bytes:
        """The laid-out pages as a PDF, with the running header and footer on every page."""
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4, encrypt=encrypt, invariant=True)
        for number, page in enumerate(self.pages, start=1):
            canvas.setFont(FONT, 8)
            if self.header:
                canvas.drawString(LEFT, HEIGHT - 45, self.header.format(page=number,
                                                                        pages=len(self.pages)))
            if self.footer:
                canvas.drawCentredString(WIDTH / 2, 40, self.footer.format(page=number,
                                                                           pages=len(self.pages)))
            for x, y, font, text in page.runs:
                canvas.setFont(font, self.size)
                canvas.drawString(x, y, text)
            canvas.showPage()
        canvas.save()
        return out.getvalue()


def printed(blocks: Iterable[Block], **layout: object) -> bytes:
    """A PDF of the blocks laid out with the given Layout options."""
    return Layout(**layout).add(blocks).pdf()  # type: ignore[arg-type]


def scanned(pages: int = 2) -> bytes:
    """A scan: each page one grey image with dark bars where the lines were, and no text."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (420, 594), 235)
    draw = ImageDraw.Draw(image)
    for y in range(60, 540, 14):
        draw.rectangle((40, y, 380, y + 6), fill=40)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    for _ in range(pages):
        canvas.drawImage(ImageReader(image), 0, 0, WIDTH, HEIGHT)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def seed_blocks(seed_text: str, *, committee: str, date_line: str) -> list[Block]:
    """The seed page printed as a council prints its minutes: title, heading, attendance, item
    612 with the seed's minutes (its "·" bullets as bullets), then item 613 with a decision."""
    body = seed_text.split("Minutes:", 1)[1].split("Supporting documents:", 1)[0]
    blocks: list[Block] = [
        Para("Worcestershire County Council", bold=True, centred=True),
        Para(f"Minutes of the meeting of the {committee} held on {date_line}", bold=True),
        Para("Present: Councillor J A Brunner (Chairman), Councillor T Baker-Price, "
             "Councillor P Denham and Councillor F M Oborski"),
        Heading("612", "Worcestershire Safeguarding Children Board Annual Report 2017-18")]
    for paragraph in (p.strip() for p in body.split("\n")):
        if not paragraph:
            continue
        if paragraph.startswith("·"):
            blocks.append(Bullet(paragraph.lstrip("·").strip()))
        else:
            blocks.append(Para(paragraph))
    blocks += [
        Heading("613", "Performance and In-Year Budget Monitoring"),
        Para("The Panel considered the latest performance information and the financial "
             "position for the services within its remit."),
        Para("RESOLVED that the performance and in-year budget monitoring report be noted.")]
    return blocks


def meeting_pdf(meeting: dict, committee: dict) -> bytes:
    """A fake site's meeting printed as its minutes: heading, attendance, items with minutes."""
    date = dt.date.fromisoformat(meeting["date"])
    blocks: list[Block] = [
        Para("Test Council", bold=True, centred=True),
        Para(f"Minutes of the meeting of the {committee['title']} held on {date:%A} "
             f"{date.day} {date:%B %Y} at {meeting['time']}", bold=True),
        Para(f"Present: the members of the {committee['title']}")]
    for item in meeting["items"]:
        blocks.append(Heading(item["number"], item["title"]))
        blocks += [Bullet(p.lstrip("·").strip()) if p.startswith("·") else Para(p)
                   for p in item["minutes"]]
    return printed(blocks, header=f"{committee['title']} - {date.day} {date:%B %Y}")
