"""The write side: the ingest pipeline and its worker processes, near-duplicate detection,
structured facts, the upload queue, watched sources, change log, saved views and alerts."""
