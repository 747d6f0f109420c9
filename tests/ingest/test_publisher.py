"""Who published a document (ingest.publisher): what a citation and the 출처 facet show."""
from __future__ import annotations

from core.model import Document
from ingest.publisher import publisher


def doc(text: str = "본문이다.", url: str | None = None, source: str = "corpus/a.md", **meta) -> Document:
    return Document(title="제목", text=text, source=source, url=url, meta=meta)


def test_a_publisher_field_wins() -> None:
    assert publisher(doc(publisher="연합뉴스", ministry="산업통상자원부")) == "연합뉴스"
    assert publisher(doc(**{"og:site_name": " 대한민국  정책브리핑 "})) == "대한민국 정책브리핑"


def test_press_release_header_and_opening() -> None:
    assert publisher(doc(ministry="과학기술정보통신부")) == "과학기술정보통신부"
    opening = doc("산업통상자원부는 17일 울산에서 로드맵을 발표했다.", source_kind="보도자료")
    assert publisher(opening) == "산업통상자원부"
    # an article that opens with a ministry is not published by it
    assert publisher(doc("산업통상자원부는 17일 로드맵을 발표했다.", source_kind="기사")) is None


def test_the_original_address_names_the_site() -> None:
    assert publisher(doc(url="https://www.motie.go.kr/kor/article/1")) == "산업통상자원부"
    assert publisher(doc(url="https://www.korea.kr/briefing/pressReleaseView.do?newsId=1")) == "대한민국 정책브리핑"
    assert publisher(doc(url="https://example.org/briefs/001")) == "example.org"
    assert publisher(doc(source="https://news.example.com/a/1")) == "news.example.com"
    assert publisher(doc()) is None  # a file and nothing else: no guess
