"""One exception hierarchy for the whole project (every layer raises these; see README "How it works")."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error this project raises on purpose."""


class SettingsError(KGError):
    """A setting has an invalid value; raised at start-up."""


class LoadError(KGError):
    """A document could not be read (bad file, encoding, format)."""


class ExtractionError(KGError):
    """The NLP pipeline failed on a document."""


class StoreError(KGError):
    """The graph store or the text index could not be opened or written."""


class QueryError(KGError):
    """A SPARQL or search query is malformed or failed."""


class QueryTimeout(QueryError):
    """A query ran past the time limit and was stopped."""


class GoldError(KGError):
    """A gold annotation file (for `kg eval`) is malformed; the message names the line."""


class QueryBusy(QueryTimeout):
    """No query worker can take this query now (the queue is full, or this client's
    share is in use): the client should retry after `retry_after` seconds (HTTP 503
    with Retry-After)."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QueryMemoryError(QueryError):
    """A query needed more memory than a query worker may use; the worker was replaced."""
