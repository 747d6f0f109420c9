"""One exception hierarchy for the whole project (DESIGN.md, house style 6)."""
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
