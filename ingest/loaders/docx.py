"""Word documents (.docx, Office Open XML), with zipfile and a guarded XML parser.

Text: the main document part (found through _rels/.rels, normally word/document.xml),
one line per paragraph, table rows as tab-separated cells; deleted revisions, field
codes and the duplicate 'fallback' copy of text boxes are left out. Title: dc:title in
docProps/core.xml, else the first paragraph styled as a title or heading, else the first
paragraph. Author and creation/modification times go to meta.

A password-protected .docx is not a ZIP at all but an OLE container
(EncryptionInfo + EncryptedPackage): it is refused as encrypted.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from ingest.loaders.base import Loader, PathLoadError, first_line, make_document
from ingest.loaders.decode import normalize_text
from ingest.loaders.xmlsafe import iter_local, local, parse_xml, text_of
from ingest.loaders.xmltext import ParagraphWalker, TooDeep, Vocabulary
from ingest.loaders.zipsafe import ZIP_MAGIC, SafeZip
from core.model import Document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
VOCAB = Vocabulary(para="p", text="t", table="tbl", row="tr", cell="tc",
                   inline={"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"},
                   skip=frozenset({"pPr", "rPr", "tblPr", "trPr", "tcPr", "tblGrid", "sectPr", "Fallback",
                                   "del", "moveFrom", "instrText", "delText"}))
_HEADING_IDS = {"title", *(f"heading{i}" for i in range(1, 10))}


class DOCXLoader(Loader):
    NAME = "docx"
    EXTENSIONS = (".docx", ".docm")
    MIME_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "application/vnd.ms-word.document.macroenabled.12")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        if head_bytes.startswith(ZIP_MAGIC) and b"word/" in head_bytes:
            return cls.EXTENSION_SCORE + 3
        return cls.declared_score(path, mime_type)

    def load_one(self, path: Path, data: bytes) -> Document:
        if data.startswith(OLE_MAGIC):
            raise PathLoadError(path, "암호가 걸린 DOCX 문서라 읽을 수 없습니다. 확장자만 바꾼 예전 .doc 파일일 수도 있습니다 "
                                      "(encrypted DOCX document: cannot read; password-protected Office files "
                                      "are OLE containers, or this is an old binary .doc renamed)")
        if not data.startswith(ZIP_MAGIC):
            raise PathLoadError(path, "DOCX 문서가 아닙니다: ZIP 서명이 없습니다 (not a DOCX document: no ZIP signature)")
        z = SafeZip(data, path, "DOCX document")
        try:
            return self._load(path, z)
        finally:
            z.close()

    def _load(self, path: Path, z: SafeZip) -> Document:
        part = _main_part(z, path)
        if not z.has(part):
            hwpx = z.has("Contents/content.hpf")
            raise PathLoadError(path, f"DOCX 문서가 아닙니다: {part} 부분이 없습니다{'. HWPX 문서로 보입니다' if hwpx else ''} "
                                      f"(not a DOCX document: no {part}{'; looks like an HWPX document' if hwpx else ''})")
        root = parse_xml(z.read(part), path, part)
        try:
            paragraphs = ParagraphWalker(VOCAB).paragraphs(root)
        except TooDeep:
            raise PathLoadError(path, f"{part}의 XML이 너무 깊게 중첩되어 있습니다 ({part} is nested too deeply)") from None
        text = normalize_text("\n".join(paragraphs))
        meta: dict[str, Any] = {"format": self.NAME}
        title = None
        if z.has("docProps/core.xml"):
            title = _core_properties(parse_xml(z.read("docProps/core.xml"), path, "docProps/core.xml"), meta)
        if not title:
            title = _first_heading(root, _heading_styles(z, path)) or first_line(text)
        return make_document(path, title=title, text=text, meta=meta)


def _main_part(z: SafeZip, path: Path) -> str:
    """The officeDocument target of the package relationships (word/document.xml by default)."""
    if not z.has("_rels/.rels"):
        return MAIN_PART
    for rel in iter_local(parse_xml(z.read("_rels/.rels"), path, "_rels/.rels")):
        if local(rel.tag) == "Relationship" and (rel.get("Type") or "").endswith("/officeDocument"):
            target = (rel.get("Target") or "").lstrip("/")
            return posixpath.normpath(target) if target else MAIN_PART
    return MAIN_PART


def _attr(el: Any, name: str) -> str:
    """An attribute by local name (w:val is '{…wordprocessingml…}val')."""
    for key, value in el.attrib.items():
        if local(key) == name:
            return str(value)
    return ""


def _core_properties(root: Any, meta: dict[str, Any]) -> str | None:
    title = None
    for el in iter_local(root):
        name, value = local(el.tag), normalize_text(text_of(el))
        if not value:
            continue
        if name == "title" and title is None:
            title = value
        elif name == "creator":
            meta.setdefault("author", value)
        elif name in ("created", "modified"):
            meta.setdefault(name, value)
    return title


def _heading_styles(z: SafeZip, path: Path) -> set[str]:
    """Paragraph style ids named 'Title' or 'heading N' (ids are localised: Korean Word uses '1')."""
    ids = set(_HEADING_IDS)
    if z.has("word/styles.xml"):
        for style in iter_local(parse_xml(z.read("word/styles.xml"), path, "word/styles.xml")):
            if local(style.tag) != "style":
                continue
            name = next((_attr(c, "val") for c in style if local(c.tag) == "name"), "").lower()
            if name == "title" or name.startswith("heading"):
                ids.add(_attr(style, "styleId").lower())
    ids.discard("")
    return ids


def _first_heading(root: Any, styles: set[str]) -> str | None:
    for el in iter_local(root):
        if local(el.tag) != "p":
            continue
        ppr = next((c for c in el if local(c.tag) == "pPr"), None)
        if ppr is None:
            continue
        style = next((_attr(c, "val").lower() for c in ppr if local(c.tag) == "pStyle"), "")
        outline = next((_attr(c, "val") for c in ppr if local(c.tag) == "outlineLvl"), "")
        if style in styles or outline == "0":
            text = normalize_text("".join(t.text or "" for t in iter_local(el) if local(t.tag) == "t")).strip()
            if text:
                return text
    return None
