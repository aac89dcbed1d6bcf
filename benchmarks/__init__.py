"""Corpus generator and benchmark of the minutes search service (see benchmarks/README.md)."""
