"""HWPX documents (.hwpx): Hancom's OWPML, a ZIP of XML parts (KS X 6101).

Text: the hp:t elements of Contents/section0.xml, section1.xml, … in order, one line per
paragraph (hp:p), table rows as tab-separated cells; page headers and footers are left
out. Title: <opf:title> in Contents/content.hpf, else the first paragraph. Author and
creation time from content.hpf go to meta. A password-protected HWPX (encryption data in
META-INF/manifest.xml) is refused with a clear error.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ingest.loaders.base import Loader, PathLoadError, first_line, make_document
from ingest.loaders.decode import normalize_text
from ingest.loaders.xmlsafe import iter_local, local, parse_xml, text_of
from ingest.loaders.xmltext import ParagraphWalker, TooDeep, Vocabulary
from ingest.loaders.zipsafe import ZIP_MAGIC, SafeZip
from core.model import Document

HWPX_MIME = b"application/hwp+zip"
_SECTION = re.compile(r"Contents/section(\d+)\.xml", re.I)
VOCAB = Vocabulary(para="p", text="t", table="tbl", row="tr", cell="tc",
                   inline={"tab": "\t", "lineBreak": "\n", "fwSpace": " ", "nbSpace": " ", "hyphen": "-"},
                   skip=frozenset({"linesegarray", "header", "footer"}))


class HWPXLoader(Loader):
    NAME = "hwpx"
    EXTENSIONS = (".hwpx",)
    MIME_TYPES = ("application/hwp+zip", "application/vnd.hancom.hwpx", "application/x-hwpx")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        if head_bytes.startswith(ZIP_MAGIC) and HWPX_MIME in head_bytes[:256]:
            return cls.EXTENSION_SCORE + 5  # the 'mimetype' entry comes first, stored
        return cls.declared_score(path, mime_type)

    def load_one(self, path: Path, data: bytes) -> Document:
        if not data.startswith(ZIP_MAGIC):
            ko, en = _hint(data)
            raise PathLoadError(path, f"HWPX 문서가 아닙니다: ZIP 서명이 없습니다{ko} (not an HWPX document: no ZIP signature{en})")
        z = SafeZip(data, path, "HWPX document")
        try:
            return self._load(path, z)
        finally:
            z.close()

    def _load(self, path: Path, z: SafeZip) -> Document:
        if z.has("META-INF/manifest.xml") and b"encryption-data" in z.read("META-INF/manifest.xml"):
            raise PathLoadError(path, "암호가 걸린 HWPX 문서라 읽을 수 없습니다 "
                                      "(encrypted HWPX document: cannot read, password-protected)")
        sections = sorted((int(m.group(1)), name) for name in z.names() if (m := _SECTION.fullmatch(name)))
        if not sections:
            docx = z.has("word/document.xml")
            raise PathLoadError(path, f"HWPX 문서가 아닙니다: Contents/section*.xml 부분이 없습니다"
                                      f"{'. DOCX 문서로 보입니다' if docx else ''} (not an HWPX document: "
                                      f"no Contents/section*.xml{'; looks like a DOCX' if docx else ''})")
        walker = ParagraphWalker(VOCAB)
        paragraphs: list[str] = []
        try:
            for _, name in sections:
                paragraphs.extend(walker.paragraphs(parse_xml(z.read(name), path, name)))
        except TooDeep:
            raise PathLoadError(path, "HWPX 구역 XML이 너무 깊게 중첩되어 있습니다 (HWPX section XML is nested too deeply)") \
                from None
        text = normalize_text("\n".join(paragraphs))
        meta: dict[str, Any] = {"format": self.NAME, "sections": len(sections)}
        title = None
        if z.has("Contents/content.hpf"):
            title = _package_meta(parse_xml(z.read("Contents/content.hpf"), path, "Contents/content.hpf"), meta)
        return make_document(path, title=title or first_line(text), text=text, meta=meta)


def _package_meta(root: Any, meta: dict[str, Any]) -> str | None:
    """Title from the OPF package metadata; author and dates into `meta`."""
    title = None
    for el in iter_local(root):
        name = local(el.tag)
        if name == "title" and title is None:
            title = normalize_text(text_of(el)) or None
        elif name == "meta":
            key = (el.get("name") or "").lower()
            value = normalize_text(text_of(el))
            if key == "creator" and value:
                meta.setdefault("author", value)
            elif key == "createddate" and value:
                meta.setdefault("created", value)
            elif key == "modifieddate" and value:
                meta.setdefault("modified", value)
    return title


def _hint(data: bytes) -> tuple[str, str]:
    """(Korean, English) of what the file looks like instead, or empty strings."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return (". OLE 파일이라 확장자만 .hwpx로 바꾼 HWP 5 문서일 수 있습니다",
                "; it is an OLE file: an HWP 5 document renamed .hwpx?")
    return "", ""
