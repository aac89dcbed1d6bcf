"""Plain page text, as saved from a ModernGov agenda item or meeting page."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import Document

# Bigger inputs are not minutes of one page; refuse them rather than stall the run.
MAX_BYTES = 20 * 1024 * 1024
# Control characters that never occur in text (tab, line and page breaks aside).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252 instead."""
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


CP1252_FALLBACK = "search_service.cp1252"
codecs.register_error(CP1252_FALLBACK, _as_cp1252)  # type: ignore[arg-type]


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a BOM (Latin text has every other byte zero), else None."""
    head = data[:4096]
    for encoding, high, low in (("utf-16-le", head[1::2], head[0::2]),
                                ("utf-16-be", head[0::2], head[1::2])):
        if high.count(0) * 2 >= len(high) and 0 not in low:
            text = data.decode(encoding, errors="replace")
            if not _CONTROL.search(text[:2048]):
                return text
    return None


def decode_bytes(data: bytes) -> str:
    """Decode page bytes: a BOM wins, then UTF-8 with Windows-1252 for the bytes that are not
    UTF-8 (council sites use both, sometimes in one page)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ValueError("looks like a binary file, not text")
        return text
    return data.decode("utf-8", errors=CP1252_FALLBACK)


def read_bytes(path: str, limit: int = MAX_BYTES,
               too_big: str = "file is {size:.1f} MB; pages of minutes are under {limit} MB",
               error: type[ValueError] = ValueError) -> bytes:
    """Read a file, refusing one over `limit` bytes (before reading it) with `too_big` filled in
    with its size and the limit in MB."""
    size = Path(path).stat().st_size
    if size > limit:
        raise error(too_big.format(size=size / 2**20, limit=limit // 2**20))
    return Path(path).read_bytes()


def document_url(path: str) -> str:
    """The identity of a local file in the index: its absolute path."""
    return str(Path(path).resolve())


def read_text_file(path: str) -> Document:
    """Read a `.txt` page of minutes."""
    text = decode_bytes(read_bytes(path))
    return Document(source=path, url=document_url(path), text=text)
