"""RSS/Atom feed loader: one Document per item, safe XML."""
from __future__ import annotations

import time
from pathlib import Path

from ingest.loaders import load_path, pick_loader
from core.model import Document
from core.errors import LoadError

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>시험 정책 뉴스</title><link>https://example.kr/</link>
<item>
  <title>시험용 자율제조 전략 발표</title>
  <atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://example.kr/self.rss"/>
  <link>https://example.kr/news/1</link>
  <guid isPermaLink="false">news-0001</guid>
  <pubDate>Thu, 07 Mar 2024 09:00:00 +0900</pubDate>
  <dc:creator>시험 기자</dc:creator>
  <category>산업</category>
  <description>&lt;p&gt;산업부는 &lt;b&gt;전략&lt;/b&gt;을 발표했다.&lt;/p&gt;
    &lt;p&gt;둘째 문단&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>
</item>
<item>
  <title>본문이 긴 기사</title>
  <link>https://example.kr/news/2</link>
  <pubDate>2024-03-08</pubDate>
  <description>요약만</description>
  <content:encoded><![CDATA[<div><p>전체 본문 첫 문단</p><p>전체 본문 둘째 문단</p></div>]]></content:encoded>
</item>
<item><title>제목만 있는 항목</title><pubDate>not a date</pubDate></item>
<item><description></description></item>
<item><title>같은 링크</title><link>https://example.kr/news/2</link><description>중복</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>시험 아톰 피드</title>
  <entry>
    <title type="html">&lt;b&gt;아톰&lt;/b&gt; 항목</title>
    <link rel="self" href="https://example.kr/self/1"/>
    <link rel="alternate" href="https://example.kr/atom/1"/>
    <id>tag:example.kr,2024:1</id>
    <updated>2024-03-07T10:00:00+09:00</updated>
    <author><name>시험 저자</name></author>
    <summary>요약</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>아톰 본문 첫 문단</p><p>둘째</p></div></content>
  </entry>
  <entry>
    <title>텍스트 항목</title><id>tag:example.kr,2024:2</id><published>2024-03-06T23:30:00Z</published>
    <content type="text">3 &lt; 5 그대로 둔다</content>
  </entry>
</feed>"""


def load(path: Path, content: str | bytes) -> list[Document | LoadError]:
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return list(load_path(path))


def test_rss_items_become_documents(tmp_path: Path) -> None:
    p = tmp_path / "news.rss"
    got = load(p, RSS)
    docs = [g for g in got if isinstance(g, Document)]
    errors = [str(g) for g in got if isinstance(g, LoadError)]
    assert [d.title for d in docs] == ["시험용 자율제조 전략 발표", "본문이 긴 기사", "제목만 있는 항목"]
    first, second, third = docs
    assert first.text == "산업부는 전략을 발표했다.\n\n둘째 문단"
    assert first.url == "https://example.kr/news/1" and first.date == "2024-03-07"
    assert first.key == f"{p}#news-0001" and first.source == str(p)
    assert first.meta["author"] == "시험 기자" and first.meta["categories"] == ["산업"]
    assert first.meta["feed_title"] == "시험 정책 뉴스" and first.meta["format"] == "feed"
    assert second.text == "전체 본문 첫 문단\n\n전체 본문 둘째 문단"  # content:encoded over description
    assert second.key == f"{p}#https://example.kr/news/2" and second.date == "2024-03-08"
    assert third.text == "제목만 있는 항목" and third.date is None
    assert any("invalid date" in w for w in third.meta["warnings"])
    assert len(errors) == 2
    assert "item 4: no text" in errors[0] and "item 5: duplicate id" in errors[1]


def test_atom_entries(tmp_path: Path) -> None:
    docs = load(tmp_path / "feed.atom", ATOM)
    assert all(isinstance(d, Document) for d in docs)
    first, second = docs
    assert first.title == "아톰 항목" and first.url == "https://example.kr/atom/1"
    assert first.text == "아톰 본문 첫 문단\n\n둘째" and first.date == "2024-03-07"
    assert first.key.endswith("#tag:example.kr,2024:1") and first.meta["author"] == "시험 저자"
    assert second.text == "3 < 5 그대로 둔다" and second.date == "2024-03-06"  # as written, no tz shift


def test_xml_files_are_sniffed_by_root_element(tmp_path: Path) -> None:
    assert pick_loader(tmp_path / "feed.xml", RSS.encode()).NAME == "feed"
    assert pick_loader(tmp_path / "feed.xml", ("<!-- c -->\n" + ATOM).encode("utf-8-sig")).NAME == "feed"
    assert pick_loader(tmp_path / "feed.xml", ATOM.encode("utf-16")).NAME == "feed"
    assert len(load(tmp_path / "a.xml", RSS)) == 5
    rdf = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<channel rdf:about="https://example.kr/"><title>RDF</title></channel>'
           '<item rdf:about="https://example.kr/r/1"><title>RSS 1.0 항목</title>'
           '<description>본문</description><dc:date>2024-03-05</dc:date></item></rdf:RDF>')
    (doc,) = load(tmp_path / "b.xml", rdf)
    assert isinstance(doc, Document) and doc.key.endswith("#https://example.kr/r/1") and doc.date == "2024-03-05"
    err = load(tmp_path / "other.xml", '<?xml version="1.0"?><config><a/></config>')
    assert "unsupported format" in str(err[0]) and "not an RSS or Atom feed" in str(err[0])


def test_feed_with_doctype_or_entities_is_refused_quickly(tmp_path: Path) -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{levels}]>'
            f"<rss><channel><item><title>&l9;</title><description>&l9;</description></item></channel></rss>")
    external = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                "<rss><channel><item><description>&x;</description></item></channel></rss>")
    for name, content in (("bomb.rss", bomb), ("ext.rss", external), ("utf16.rss", bomb.encode("utf-16"))):
        t0 = time.perf_counter()
        (err,) = load(tmp_path / name, content)
        assert time.perf_counter() - t0 < 2
        assert isinstance(err, LoadError) and "DOCTYPE" in str(err), err


def test_broken_and_empty_feeds(tmp_path: Path) -> None:
    (err,) = load(tmp_path / "cut.rss", RSS[:300])
    assert "invalid XML" in str(err)
    (err,) = load(tmp_path / "empty.rss", "<rss><channel><title>빈 피드</title></channel></rss>")
    assert "no items" in str(err)
