"""The splitter: page text → agenda items → minutes blocks → qa, statement, decision passages.

Stages, in order: `page.read_page` (header and items; `minute_book` for plain minutes under
numbered headings), `blocks.split_blocks` (paragraphs,
bullets, numbered points, question labels), `minutes.split_minutes` (lead-ins, joins, kinds,
question/answer split, speakers) and `document.split_document` (meeting, item, stable ids).
"""
from .document import split_document
from .minutes import split_minutes
from .page import Page, read_page

__all__ = ["Page", "read_page", "split_document", "split_minutes"]
