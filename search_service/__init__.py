"""Full-text search over the published minutes of local council meetings.

The stages, in the order data flows through them: sources/ → segment/ → enrich (topics.py,
glossary.py, people.py, routine.py) → engine/ → search.py → web/ and cli.py; indexer.py runs
read → split → tag → write.
"""
