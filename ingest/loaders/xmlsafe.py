"""Parse untrusted XML (HWPX, DOCX, RSS/Atom) without DTDs or entities.

Three layers, standard library only:

1. the prolog (everything before the root element) is scanned for `<!DOCTYPE`: a
   document that declares one is refused before the parser sees it;
2. the parser's target refuses a DOCTYPE anyway (a UTF-16 document hides it from the
   byte scan), so no entity declared in it is ever used;
3. expat (2.4+) itself stops entity amplification ("billion laughs").

External entities are never fetched by `xml.etree`. Without a DTD the only entities
are the five predefined ones and character references.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

from ingest.loaders.base import PathLoadError

_ROOT_START = re.compile(rb"<[A-Za-z_:]")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
DEPTH_MAX = 200  # element nesting a loader walks into; deeper is refused, not recursed


class ForbiddenDTD(Exception):
    """The XML declares a DOCTYPE (and could declare entities): refused."""


class _GuardedBuilder(ET.TreeBuilder):
    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise ForbiddenDTD(name)


def parse_xml(data: bytes, path: Path | str, what: str) -> ET.Element:
    """The root element of `data`, or PathLoadError naming `what` (e.g. 'Contents/section0.xml')."""
    m = _ROOT_START.search(data, 0, 1 << 20)
    if _DOCTYPE.search(data, 0, m.start() if m else min(len(data), 1 << 20)):
        raise PathLoadError(path, _doctype(what))
    parser = ET.XMLParser(target=_GuardedBuilder())
    try:
        parser.feed(data)
        return parser.close()
    except ForbiddenDTD:
        raise PathLoadError(path, _doctype(what)) from None
    except ET.ParseError as e:
        raise PathLoadError(path, f"{what}: XML 형식이 잘못됐습니다 (invalid XML: {e})") from None
    except (ValueError, RecursionError, LookupError) as e:  # unknown encoding, …
        raise PathLoadError(path, f"{what}: XML 형식이 잘못됐습니다 (invalid XML: {type(e).__name__}: {e})") from None


def _doctype(what: str) -> str:
    return (f"{what}: DOCTYPE 선언이 있는 XML은 받지 않습니다. 안전을 위해 DTD와 엔터티는 처리하지 않습니다 "
            f"(XML with a DOCTYPE declaration is refused; DTDs and entities are not processed, for safety)")


def local(tag: object) -> str:
    """'{namespace}name' → 'name' (HWPX and OOXML namespaces vary between versions)."""
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1]


def iter_local(el: ET.Element) -> Iterator[ET.Element]:
    """All descendants of `el` in document order, iteratively (no recursion limit)."""
    stack = [iter(el)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        yield node
        stack.append(iter(node))


def text_of(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""
