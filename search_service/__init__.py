"""Full-text search over the published minutes of local council meetings.

The stages, in the order data flows through them: sources/ → segment/ → enrich (topics.py,
glossary.py, people.py, routine.py) → engine/ → search.py → web/ and cli.py; pipeline/ runs
every write: read (or crawl) → split → tag → write, and re-tagging, under the run lock.
"""
