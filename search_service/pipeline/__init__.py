"""The runs that write the index, each under the index's run lock and through one writer:

- run.py: `write_run`, the lock, the open index and the batch writer every run writes through,
  committed when the run ends and cancelled when it fails or is interrupted;
- indexing.py: documents → split → tagged → written, incrementally (`index_documents`);
- crawling.py: a ModernGov site's documents (crawl.py yields them) indexed as they arrive;
- retag.py: the stored passages re-tagged with a new taxonomy, no source read again;
- report.py: what an index run did, which the progress display reads as the run goes.

Nothing here is imported by the stages it runs: they stay pure and know no index.
"""
