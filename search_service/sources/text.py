"""Plain page text, as saved from a ModernGov agenda item or meeting page."""
from __future__ import annotations

from pathlib import Path

from ..model import Document

# Bigger inputs are not minutes of one page; refuse them rather than stall the run.
MAX_BYTES = 20 * 1024 * 1024


def decode_bytes(data: bytes) -> str:
    """Decode page bytes: a BOM wins, then UTF-8, then Windows-1252 (common on council sites)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise ValueError("looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_bytes(path: str) -> bytes:
    """Read a file, refusing ones too large to be a page of minutes."""
    size = Path(path).stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"file is {size // 1024 // 1024} MB; pages of minutes are under "
                         f"{MAX_BYTES // 1024 // 1024} MB")
    return Path(path).read_bytes()


def document_url(path: str) -> str:
    """The identity of a local file in the index: its absolute path."""
    return str(Path(path).resolve())


def read_text_file(path: str) -> Document:
    """Read a `.txt` page of minutes."""
    text = decode_bytes(read_bytes(path))
    return Document(source=path, url=document_url(path), text=text)
