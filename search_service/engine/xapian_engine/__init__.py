"""The Xapian engine: the same passages as the Whoosh index, in a Xapian database folder that
one machine searches locally or many serve as shards (`xapian-tcpsrv`, opened through a stub
file). Needs the `[xapian]` extra (xapian-bindings-binary).

- layout.py: a passage as a Xapian document (terms with the Whoosh schema's analysers, boolean
  filter terms, value slots for facets, sorting and grouping, stored fields as JSON).
- store.py: open, write a source's passages in the batch's transaction, commit or cancel.
- search.py: the parsed query as a Xapian query, a ranked page with facet counts.
"""
