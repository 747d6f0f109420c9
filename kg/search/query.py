"""The search syntax, parsed once into a small tree that any backend can compile.

Words are ANDed; `"자율 제조"` is a phrase; `OR`, `AND`, `NOT` and parentheses work;
`title:` / `body:` restrict a word to one field; a trailing `*` is a prefix; `word^0.2`
weighs a word. Operator
precedence follows whoosh's default parser, so both backends read a query the same way:
NOT binds to the next item, then AND, then OR, and what is left side by side is ANDed
(`산업부 반도체 OR 이차전지` = 산업부 AND (반도체 OR 이차전지)). Words and phrases are cut
by the same Kiwi analysis as the documents (kg.search.base.text_terms), so particles,
spacing and aliases do not matter; words that together spell a known name are that name
('LG 전자' finds LG전자).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.nlp.kiwi import is_name, known_name
from kg.search.base import text_terms

FIELDS = ("title", "body")
OPERATORS = ("AND", "OR", "NOT")


@dataclass
class Terms:
    """A word (all terms must occur, in one field) or a phrase (adjacent, in order)."""

    terms: list[str]
    phrase: bool = False
    fields: tuple[str, ...] = FIELDS
    boost: float = 1.0  # `word^0.2`, as in whoosh's syntax (kg.search.expand writes it)


@dataclass
class Prefix:
    prefix: str
    fields: tuple[str, ...] = FIELDS


@dataclass
class And:
    items: list = field(default_factory=list)


@dataclass
class Or:
    items: list = field(default_factory=list)


@dataclass
class Not:
    item: object


@dataclass
class Every:
    """The empty query: every document."""


Node = Terms | Prefix | And | Or | Not | Every | None  # None: matches nothing (e.g. only particles)

_BOOST = re.compile(r"^(.+)\^(\d+(?:\.\d+)?)$")
_TOKEN = re.compile(r'"([^"]*)"?|(\()|(\))|([^\s()"]+)')


def parse(text: str) -> Node:
    """The tree of a search query; Every for an empty one."""
    if not text.strip():
        return Every()
    items, _end = _group(_tokens(text), 0)
    return _combine(items)


def positive_terms(node: Node) -> list[str]:
    """Terms (and prefixes) a hit may have matched, for snippet highlighting."""
    out: list[str] = []
    if isinstance(node, Terms):
        out += node.terms
    elif isinstance(node, Prefix):
        out.append(node.prefix)
    elif isinstance(node, (And, Or)):
        for i in node.items:
            out += positive_terms(i)
    return list(dict.fromkeys(out))


def with_names_joined(text: str) -> str:
    """The query text with adjacent words that spell a known name written as that name
    ('LG 전자 OR 삼성' → 'LG전자 OR 삼성'), for a backend that parses the text itself
    (whoosh); the text as it is when there is none."""
    raw = _tokens(text, join=False)
    joined = _join_names(raw)
    if joined == raw:
        return text
    return " ".join(f'"{v}"' if k == "phrase" else v for k, v in joined)


def tokens(text: str) -> list[tuple[str, str]]:
    """The query as (kind, value) tokens: word, phrase, op, '(' and ')', with the words
    that spell a known name joined (kg.search.expand rewrites them)."""
    return _tokens(text)


def _tokens(text: str, join: bool = True) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        phrase, open_, close, word = m.groups()
        if phrase is not None:
            out.append(("phrase", phrase))
        elif open_:
            out.append(("(", "("))
        elif close:
            out.append((")", ")"))
        elif word in OPERATORS:
            out.append(("op", word))
        else:
            out.append(("word", word))
    return _join_names(out) if join else out


def _join_names(tokens: list[tuple[str, str]], most: int = 3) -> list[tuple[str, str]]:
    """Adjacent words that together spell a known name become that name ('LG 전자' →
    LG전자, '산업 통상 자원부' → 산업통상자원부): the documents index it as one term."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind in ("word", "phrase") and ":" not in value and not value.endswith("*") \
                and (name := known_name(value)) and not is_name(value):  # 'lg전자', '"LG 전자"'
            out.append((kind, name))
            i += 1
            continue
        for n in range(min(most, len(tokens) - i), 1, -1):
            run = tokens[i:i + n]
            if all(k == "word" and ":" not in v and not v.endswith("*") for k, v in run) \
                    and (name := known_name("".join(v for _k, v in run))):
                out.append(("word", name))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _group(tokens: list[tuple[str, str]], i: int) -> tuple[list, int]:
    """Items up to the matching ')' (or the end): nodes and ('op', X) markers; a
    parenthesised group becomes one node."""
    items: list = []
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == ")":
            return items, i + 1
        if kind == "(":
            sub, i = _group(tokens, i + 1)
            items.append(_combine(sub) if sub else None)
            continue
        items.append(("op", value) if kind == "op" else _atom(kind, value))
        i += 1
    return items, i


def _atom(kind: str, value: str) -> Node:
    fields = FIELDS
    boost = 1.0
    if kind == "word" and (m := _BOOST.match(value)):
        value, boost = m.group(1), float(m.group(2))
    if kind == "word":
        name, sep, rest = value.partition(":")
        if sep and name in FIELDS and rest:
            fields, value = (name,), rest
        if value.endswith("*") and len(value.rstrip("*")) > 0:
            p = value.rstrip("*")
            return Prefix(p.lower() if p.isascii() else p, fields)
    terms = text_terms(value)
    if not terms:
        return None
    return Terms(terms, phrase=kind == "phrase" and len(terms) > 1, fields=fields, boost=boost)


def _is_op(item: object, name: str) -> bool:
    return isinstance(item, tuple) and item == ("op", name)


def _combine(items: list) -> Node:
    # an operator with nothing to apply to is a word, as in whoosh ("반도체 OR")
    items = [_atom("word", it[1].lower()) if isinstance(it, tuple) and not _applicable(items, k) else it
             for k, it in enumerate(items)]
    # NOT x
    out: list = []
    k = 0
    while k < len(items):
        if _is_op(items[k], "NOT"):
            out.append(Not(items[k + 1]) if items[k + 1] is not None else None)
            k += 2
        else:
            out.append(items[k])
            k += 1
    for name, cls in (("AND", And), ("OR", Or)):
        merged: list = []
        k = 0
        while k < len(out):
            if _is_op(out[k], name):
                left = merged.pop()
                right = out[k + 1]
                merged.append(_join(cls, left, right))
                k += 2
            else:
                merged.append(out[k])
                k += 1
        out = merged
    return _simplify(And(out))


def _applicable(items: list, k: int) -> bool:
    """Whether the operator at k has what it needs (NOT: a right side; AND/OR: both)."""
    op = items[k][1]
    has_right = k + 1 < len(items) and not isinstance(items[k + 1], tuple)
    if op == "NOT":
        return has_right
    has_left = k > 0 and not isinstance(items[k - 1], tuple)
    return has_left and has_right


def _join(cls: type, left: Node, right: Node) -> Node:
    if left is None or right is None:
        return left if right is None else right
    parts = [*(left.items if isinstance(left, cls) else [left]), *(right.items if isinstance(right, cls) else [right])]
    return cls(parts)


def _simplify(node: And) -> Node:
    """An And without its dropped (None) items; None when nothing is left."""
    items = [i for i in node.items if i is not None]
    if not items:
        return None
    return items[0] if len(items) == 1 else And(items)
