"""Look at a SPARQL query's keywords without parsing it: strings, IRIs, comments,
variables and prefixed names are blanked out first, so `?insert` or "DROP" in a
literal never count."""
from __future__ import annotations

import re

from kg.errors import QueryError

_NEUTRAL = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r'|<[^<>"{}|^`\\\s]*>'                 # IRIs
    r'|#[^\n]*'                            # comments
    r'|[?$]\w+'                            # variables
    r'|[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]+'   # prefixed names
)
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
_FROM = re.compile(r"\bFROM\b", re.I)


def code_only(query: str) -> str:
    return _NEUTRAL.sub(" ", query)


def check_read_only(query: str) -> None:
    """Refuse updates and federated queries before they reach any engine."""
    code = code_only(query)
    if m := _UPDATE.search(code):
        raise QueryError(f"SPARQL Update ({m.group(1).upper()}) is not allowed: this endpoint is read-only")
    if _SERVICE.search(code):
        raise QueryError("SERVICE (federated query) is not allowed: this endpoint does not reach other servers")


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset (FROM / FROM NAMED)."""
    return bool(_FROM.search(code_only(query)))
