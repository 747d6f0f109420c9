"""Who published a document, for a citation and the 출처 facet: a journalist cites
'산업통상자원부 보도자료' or 'example.org', never the folder a file was copied into.

From the document's own metadata, first found wins:

1. a publisher field the loader kept (front matter, JSON, HTML meta: publisher, press,
   agency, 발행처, 언론사, 기관, site_name / og:site_name);
2. the issuing body of a press-release header (meta['ministry'], ingest.loaders.pressrelease);
3. the host of the original address: a known government site by its body's name
   (www.motie.go.kr → 산업통상자원부), any other by its host without 'www.';
4. a press release (source kind 보도자료) without a header: the official body name its
   first sentence opens with ('산업통상자원부는 17일 …').

None when nothing says. A pure function of the Document: the mapping and the index
both call it.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ingest.loaders.pressrelease import MINISTRIES
from core.model import Document

FIELDS = ("publisher", "press", "agency", "발행처", "언론사", "기관", "site_name", "og:site_name")
HOSTS = {  # government sites → the body that publishes there
    "korea.kr": "대한민국 정책브리핑", "motie.go.kr": "산업통상자원부", "msit.go.kr": "과학기술정보통신부",
    "moef.go.kr": "기획재정부", "me.go.kr": "환경부", "molit.go.kr": "국토교통부", "mss.go.kr": "중소벤처기업부",
    "fsc.go.kr": "금융위원회", "mofa.go.kr": "외교부", "moel.go.kr": "고용노동부", "mof.go.kr": "해양수산부",
    "assembly.go.kr": "국회", "opm.go.kr": "국무조정실", "president.go.kr": "대통령실", "kosis.kr": "통계청",
}
_OPENING = re.compile(r"^\s*(?:\[[^\]]{0,20}\]\s*)?(" + "|".join(sorted(MINISTRIES, key=len, reverse=True)) + r")")


def publisher(doc: Document) -> str | None:
    """The publisher of `doc` (see the module doc), or None."""
    meta = doc.meta or {}
    for key in FIELDS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:100]
    if isinstance(meta.get("ministry"), str) and meta["ministry"]:
        return meta["ministry"]
    if (host := _host(doc.url or doc.source)) is not None:
        return host
    if meta.get("source_kind") == "보도자료" and (m := _OPENING.match(doc.text[:200])):
        return m.group(1)
    return None


def _host(address: str | None) -> str | None:
    if not address or not address.startswith(("http://", "https://")):
        return None
    host = (urlsplit(address).hostname or "").lower()
    if not host:
        return None
    bare = host[4:] if host.startswith("www.") else host
    for site, name in HOSTS.items():
        if bare == site or bare.endswith("." + site):
            return name
    return bare
