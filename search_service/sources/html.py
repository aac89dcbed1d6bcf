"""ModernGov HTML pages (agenda item and meeting pages) turned into structured page text."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..model import Document
from .text import decode_bytes, document_url, read_bytes

BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
              "br", "blockquote", "section", "article", "dd", "dt"}
DROP_TAGS = ("script", "style", "noscript", "head", "nav", "form")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def html_to_text(markup: str | bytes) -> str:
    """Page text with one paragraph, list item or row per block, blank lines between blocks."""
    if isinstance(markup, bytes):
        markup = decode_bytes(markup)
    if not markup.strip():
        return ""
    root = lxml.html.document_fromstring(markup)
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    parts: list[str] = []
    _walk(root, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).splitlines())
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _walk(node: etree._Element, parts: list[str]) -> None:
    """Append the text of `node` and its children, with paragraph breaks around blocks."""
    block = node.tag in BLOCK_TAGS
    if block:
        parts.append("\n\n")
    if node.tag == "li":
        parts.append("· ")
    parts.append(node.text or "")
    for child in node:
        if isinstance(child.tag, str):
            _walk(child, parts)
        parts.append(child.tail or "")
    if block:
        parts.append("\n\n")


def read_html_file(path: str) -> Document:
    """Read a saved `.html`/`.htm` page of minutes."""
    return Document(source=path, url=document_url(path), text=html_to_text(read_bytes(path)))
