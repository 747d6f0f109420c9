"""Look at a SPARQL query's keywords without parsing it: strings, IRIs, comments,
variables and prefixed names are blanked out first, so `?insert` or "DROP" in a
literal never count.

These checks run before any engine sees the query (the web endpoint, the query
workers, `kg sparql`). They are the first of two guards against SERVICE: Oxigraph
really does call a SERVICE endpoint over HTTP, and its parser matches keywords without
word boundaries (`SERVICEex:x { … }` and `1SERVICE<…>` are SERVICE calls), so the check
looks for the word anywhere outside names' local parts. The second guard is the query
workers' sandbox (kg.sparql_exec), which cannot open network sockets at all.
"""
from __future__ import annotations

import re
from typing import Iterable

from core.errors import QueryError

# Linear time on any input (no ReDoS): every repetition is possessive over disjoint
# alternatives, and a string that never closes runs to the end of its line (or, for a
# long string, of the query) in one step instead of being retried at every quote. The
# patterns follow the SPARQL grammar's tokens; where they differ they blank *less* than
# a parser would (comments end at \r too, IRIs exclude what IRIREF excludes), so a
# keyword can show up here that a parser would not see, never the other way round.
_STRINGS = (r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*+(?:"""|\Z)'
            r"|'''(?:[^'\\]|\\[\s\S]|'(?!''))*+(?:'''|\Z)"
            r'|"(?:[^"\\\n\r]|\\[^\n\r])*+"?'
            r"|'(?:[^'\\\n\r]|\\[^\n\r])*+'?"
            r'|<[^<>"{}|^`\\\x00-\x20]*+>'   # IRIs
            r'|#[^\n\r]*+')                   # comments
_VARIABLES = r'|[?$]\w++'
_NEUTRAL = re.compile(
    _STRINGS + _VARIABLES
    + r'|(?<![\w.-])[A-Za-z][\w.-]*+:[\w.-]*+|(?<![\w.-]):[\w.-]++'  # prefixed names
)
_NO_NAMES = re.compile(_STRINGS + _VARIABLES)
_WORD = re.compile(r"[\w.:%\\-]++")
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_FROM = re.compile(r"\bFROM\b", re.I)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# Oxigraph's recursive-descent parser overflows an 8 MB stack at about 2 000 nested
# braces; real queries stay far below this.
MAX_NESTING = 256


class QueryRefused(QueryError):
    """The query asks for something this endpoint never does (update, SERVICE)."""


def code_only(query: str) -> str:
    return _NEUTRAL.sub(" ", query)


def check_read_only(query: str) -> None:
    """Refuse updates and federated queries before they reach any engine (QueryRefused),
    and queries nested deeply enough to overflow a parser's stack (QueryError)."""
    code = code_only(query)
    if m := _UPDATE.search(code):
        raise QueryRefused(f"SPARQL Update({m.group(1).upper()})는 쓸 수 없습니다. 이 엔드포인트는 읽기 전용입니다 "
                           f"(SPARQL Update {m.group(1).upper()} is not allowed: this endpoint is read-only)")
    if calls_service(query):
        raise QueryRefused("SERVICE(연합 질의)는 쓸 수 없습니다. 이 엔드포인트는 다른 서버에 접속하지 않습니다 "
                           "(SERVICE, federated query, is not allowed: this endpoint does not reach other servers)")
    depth = nesting_depth(code)
    if depth > MAX_NESTING:
        raise QueryError(f"질의의 괄호가 너무 깊게 중첩되어 있습니다: {depth}단계, 최대 {MAX_NESTING}단계 "
                         f"(the query is nested too deeply)")


def calls_service(query: str) -> bool:
    """Could an engine read SERVICE in this query? True when the word appears in the
    code anywhere but in the local part of a prefixed name (`schema:serviceType` is
    fine; `SERVICE`, `1SERVICE`, `SERVICEex:x`, `myservice:x` are not). Errs on the
    side of refusing; `\\u` escapes are read both as written and decoded."""
    variants = [query]
    if "\\u" in query or "\\U" in query:
        variants.append(_UNICODE_ESCAPE.sub(lambda m: _chr(m.group(1) or m.group(2)), query))
    for text in variants:
        for word in _WORD.findall(_NO_NAMES.sub(" ", text)):
            if "service" in word.split(":", 1)[0].lower():
                return True
    return False


def _chr(hex_digits: str) -> str:
    try:
        return chr(int(hex_digits, 16))
    except (ValueError, OverflowError):
        return " "


def nesting_depth(code: str) -> int:
    """The deepest nesting of (), {} and [] in `code` (strings and IRIs blanked)."""
    depth = deepest = 0
    for m in re.finditer(r"[(){}\[\]]", code):
        if m.group(0) in "({[":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def query_form(query: str) -> str | None:
    """SELECT, ASK or CONSTRUCT (also for DESCRIBE: both give a graph) as written, or
    None when no form keyword is found (the engine will say what is wrong)."""
    m = _FORM.search(code_only(query))
    if m is None:
        return None
    form = m.group(1).upper()
    return "CONSTRUCT" if form == "DESCRIBE" else form


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset (FROM / FROM NAMED)."""
    return bool(_FROM.search(code_only(query)))


# -- syntax errors a reader can act on --------------------------------------------------
_SYNTAX = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.S)
_CHAR_CLASS = re.compile(r"\[[^\]]*\]", re.S)
_ONE_CHAR = re.compile(r"\['(.)'\]")
_EXPECTED = re.compile(r'"([^"]+)"|\b([A-Za-z][A-Za-z_]*)\b')
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_PREFIXED = re.compile(r"(?<![\w.:-])([A-Za-z][\w.-]*)?:(?=[\w%\s(){}\[\],;.]|$)")
MAX_EXPECTED = 12


def syntax_error_message(query: str, error: str, bound: Iterable[str] = (), shown: Iterable[str] = ()) -> str:
    """Oxigraph's parse error (`error at LINE:COL: expected one of …`, with character
    classes spelled out as Unicode ranges) as a Korean message: where, what may come
    there (keywords and punctuation only), and the line with a caret under the place.
    A prefix the query uses without declaring it (and the engine does not bind: `bound`)
    is named first, at its first use, with the prefixes that need no declaration
    (`shown`, and 등 when `bound` has more): Oxigraph often reports it as something else
    ('expected OPTIONAL')."""
    bound, shown = set(bound), list(shown)
    undeclared = _undeclared_prefix(query, bound)
    m = _SYNTAX.match(error.strip())
    if undeclared is not None:
        name, line, col = undeclared
        known = ", ".join(shown) + (" 등" if bound - set(shown) else "")
        body = (f"선언되지 않은 접두사 '{name}:'입니다. 질의 앞에 PREFIX {name}: <…> 를 쓰세요"
                + (f" (선언 없이 쓸 수 있는 접두사: {known})." if known else "."))
    elif m is None:
        return f"SPARQL 구문 오류: {error}"
    else:
        line, col, expected = int(m[1]), int(m[2]), m[3]
        body = _expected_text(expected)
    return (f"SPARQL 구문 오류 ({line}행 {col}열; syntax error at {line}:{col}): {body}\n"
            + _pointer(_line(query, line), col))


def _expected_text(expected: str) -> str:
    """What the parser expected, keywords as they are and punctuation in quotes (a list
    of "," "." ";" reads badly bare), without its character classes."""
    if "Prefix not found" in expected:
        return "선언되지 않은 접두사입니다. 질의 앞에 PREFIX 로 선언하세요."
    kept = _CHAR_CLASS.sub(" ", _ONE_CHAR.sub(r'"\1"', expected))
    items = list(dict.fromkeys(f'"{a}"' if a else b for a, b in _EXPECTED.findall(kept)))
    if not items:
        return "여기서 질의를 읽을 수 없습니다."
    more = ", …" if len(items) > MAX_EXPECTED else ""
    return f"여기에는 다음 가운데 하나가 와야 합니다: {', '.join(items[:MAX_EXPECTED])}{more}."


def with_prefixes(query: str, known: dict[str, str]) -> str:
    """The query with a PREFIX declaration for each of the `known` prefixes it uses without
    declaring (kgo:, skos: …), put before it on its first line, so line numbers in the
    server's messages stay the user's: a remote server binds none of ours, the embedded
    store binds them all, and the same query should run on both."""
    code = _NO_NAMES.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), query)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(code)}
    used = dict.fromkeys(m.group(1) for m in _PREFIXED.finditer(code) if m.group(1))
    missing = [p for p in used if p in known and p not in declared]
    return "".join(f"PREFIX {p}: <{known[p]}> " for p in missing) + query if missing else query


def _undeclared_prefix(query: str, bound: set[str]) -> tuple[str, int, int] | None:
    """(prefix, line, column) of the first prefixed name whose prefix neither a PREFIX
    line declares nor the engine binds; strings, IRIs, comments and variables blanked
    first (newlines kept, so positions hold)."""
    code = _NO_NAMES.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), query)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(code)}
    for m in _PREFIXED.finditer(code):
        name = m.group(1) or ""
        if name in declared or name in bound:
            continue
        before = query[:m.start()]
        return name, before.count("\n") + 1, m.start() - (before.rfind("\n") + 1) + 1
    return None


def _line(query: str, line: int) -> str:
    lines = query.split("\n")
    return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""


def _pointer(text: str, col: int) -> str:
    """The line and a caret under column `col` (1-based, in characters), counting wide
    (Hangul, CJK) characters as two columns as a monospace font shows them."""
    import unicodedata  # noqa: PLC0415

    text = text.replace("\t", " ")
    if len(text) > 120:  # a long line: the 100 characters before the place
        start = max(0, col - 101)
        text, col = ("…" if start else "") + text[start:start + 120], col - start + (1 if start else 0)
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text[:max(0, col - 1)])
    return f"  {text}\n  {' ' * width}^"


_IRI_BREAKERS = re.compile(r'[<>"{}|^`\\ \n\r\t]')


def _iri(iri: str) -> str:
    """Guard against IRIs that would break out of <…> in a query string. (A regular
    expression: a generator over the characters was a third of the graph-write stage.)"""
    if _IRI_BREAKERS.search(iri):
        raise QueryError(f"IRI가 잘못됐습니다: {iri!r} (invalid IRI: {iri!r})")
    return iri
