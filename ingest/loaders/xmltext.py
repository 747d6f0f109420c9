"""Paragraph text out of word-processor XML (HWPX sections, DOCX document.xml).

Both formats nest the same way: paragraph → run → text, and tables (table → row → cell →
paragraphs) or text boxes inside a paragraph's run. `ParagraphWalker` keeps document
order, gives each paragraph its own line, and lays out a table row as one line of
tab-separated cells (the HTML loader does the same with <td>), so '보도시점 | 2024. 3. 7.'
header tables read as label/value pairs.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ingest.loaders.xmlsafe import DEPTH_MAX, local


class TooDeep(Exception):
    """Elements nested deeper than DEPTH_MAX."""


@dataclass(frozen=True)
class Vocabulary:
    """Local element names of one format."""

    para: str
    text: str
    table: str
    row: str
    cell: str
    inline: dict[str, str] = field(default_factory=dict)  # e.g. {"tab": "\t", "br": "\n"}
    skip: frozenset[str] = frozenset()                     # subtrees holding no body text


class ParagraphWalker:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab

    def paragraphs(self, root: ET.Element) -> list[str]:
        """Paragraph texts in document order (empty paragraphs kept as '')."""
        out: list[str] = []
        self._visit(root, 0, out, None)
        return out

    def _visit(self, el: ET.Element, depth: int, out: list[str], buf: list[str] | None) -> None:
        if depth > DEPTH_MAX:
            raise TooDeep
        name, v = local(el.tag), self.v
        if name in v.skip:
            return
        if name == v.para:
            if buf:  # a paragraph inside a paragraph (text box, table in a run): keep order
                _flush(buf, out)
            own: list[str] = []
            for child in el:
                self._visit(child, depth + 1, out, own)
            out.append("".join(own))
        elif name == v.table:
            if buf:
                _flush(buf, out)
            out.extend(self._table(el, depth + 1))
        elif name == v.text and buf is not None:
            buf.append(el.text or "")
            for child in el:
                buf.append(v.inline.get(local(child.tag), ""))
                buf.append(child.tail or "")
        elif name in v.inline and buf is not None:
            buf.append(v.inline[name])
        else:
            for child in el:
                self._visit(child, depth + 1, out, buf)

    def _table(self, tbl: ET.Element, depth: int) -> list[str]:
        lines: list[str] = []
        for row in _descendants(tbl, self.v.row, self.v.table, depth):
            cells = []
            for cell in _descendants(row, self.v.cell, self.v.table, depth):
                inner: list[str] = []
                self._visit_children(cell, depth + 2, inner)
                cells.append(" ".join(p.strip() for p in inner if p.strip()).replace("\t", " "))
            if any(cells):
                lines.append("\t".join(cells))
        return lines

    def _visit_children(self, el: ET.Element, depth: int, out: list[str]) -> None:
        for child in el:
            self._visit(child, depth, out, None)


def _descendants(el: ET.Element, name: str, stop: str, depth: int) -> list[ET.Element]:
    """Elements named `name` under `el`, not looking into nested tables (`stop`)."""
    found: list[ET.Element] = []
    stack = [(child, depth + 1) for child in reversed(el)]
    while stack:
        node, d = stack.pop()
        if d > DEPTH_MAX:
            raise TooDeep
        n = local(node.tag)
        if n == name:
            found.append(node)
        elif n != stop:
            stack.extend((child, d + 1) for child in reversed(node))
    return found


def _flush(buf: list[str], out: list[str]) -> None:
    text = "".join(buf)
    if text.strip():
        out.append(text)
    buf.clear()
