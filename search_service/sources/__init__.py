"""Readers that turn input files into Documents for the splitter, one module per format."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Document

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".pdf")


@dataclass(frozen=True)
class SourceError:
    """A file, or one line of a file, that could not be read; the rest of the run goes on."""

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


def find_files(paths: Iterable[str]) -> Iterator[str | SourceError]:
    """Expand files and directories (recursively, in name order) into readable input files."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield str(child)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield given
            else:
                yield SourceError(given, f"unsupported file type {path.suffix or '(none)'!r}; "
                                         f"expected one of {', '.join(SUFFIXES)}")
        else:
            yield SourceError(given, "no such file or directory")


def read_file(path: str) -> Iterator[Document | SourceError]:
    """Read one input file into Documents, or errors naming the file (and line)."""
    from . import html, jsonl, pdf, text

    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from jsonl.read_jsonl(path)
        elif suffix in (".html", ".htm"):
            yield html.read_html_file(path)
        elif suffix == ".pdf":
            yield pdf.read_pdf_file(path)
        else:
            yield text.read_text_file(path)
    except OSError as exc:
        yield SourceError(path, f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        yield SourceError(path, str(exc))


def read_paths(paths: Iterable[str]) -> Iterator[Document | SourceError]:
    """Read every input under the given paths, yielding Documents and per-file errors."""
    for found in find_files(paths):
        if isinstance(found, SourceError):
            yield found
        else:
            yield from read_file(found)
