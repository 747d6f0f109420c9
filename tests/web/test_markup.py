"""Mention markup: every slice escaped, overlapping and bad offsets never break the HTML."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from web.markup import choose_spans, mark_mentions


def href(iri: str) -> str:
    return "/id/" + iri


def label(t: str) -> str:
    return t.lower()


class Checker(HTMLParser):
    """Fails on unbalanced tags; collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        assert tag in ("a", "mark", "time"), tag
        assert not self.stack, "nested mention tags"
        self.stack.append(tag)

    def handle_endtag(self, tag) -> None:
        assert self.stack.pop() == tag

    def handle_data(self, data) -> None:
        self.text.append(data)


def check(text: str, mentions: list[dict]) -> str:
    out = str(mark_mentions(text, mentions, href, label))
    c = Checker()
    c.feed(out)
    c.close()
    assert not c.stack
    assert "".join(c.text) == text
    return out


def test_plain_mentions_are_linked_and_text_escaped() -> None:
    text = "산업부는 <b>LG전자</b> & \"마키나락스\"와 만났다."
    ms = [{"start": 0, "end": 3, "type": "MINISTRY", "entity": "gov/산업통상자원부"},
          {"start": 8, "end": 12, "type": "COMPANY", "entity": "company/LG전자"}]
    out = check(text, ms)
    assert '<a class="m m-ministry" href="/id/gov/산업통상자원부"' in out
    assert "&lt;b&gt;" in out and "&amp;" in out and "<b>" not in out


def test_overlapping_and_nested_mentions_do_not_nest_tags() -> None:
    text = "AI 자율제조 전략 2024년 상반기"
    ms = [
        {"start": 0, "end": 10, "type": "INITIATIVE", "entity": "initiative/AI_자율제조_전략"},
        {"start": 3, "end": 7, "type": "INITIATIVE", "entity": "initiative/자율제조"},   # nested
        {"start": 8, "end": 16, "type": "DATE", "value": "2024"},                          # overlaps the end
        {"start": 11, "end": 20, "type": "DATE", "value": "2024-01/2024-06"},
    ]
    out = check(text, ms)
    assert out.count("<a ") == 1
    assert "<mark" in out and "2024-01/2024-06" in out


def test_invalid_offsets_are_skipped() -> None:
    text = "짧은 글"
    ms = [{"start": 2, "end": 99, "type": "COMPANY", "entity": "x"}, {"start": -1, "end": 1, "type": "X"},
          {"start": 2, "end": 2, "type": "X"}, {"start": "0", "end": 1, "type": "X"}]
    assert check(text, ms) == html.escape(text)


def test_attribute_values_are_escaped() -> None:
    text = "가나다"
    ms = [{"start": 0, "end": 3, "type": 'X" onclick="alert(1)', "entity": 'a"><script>'}]
    out = check(text, ms)
    assert "<script>" not in out and 'onclick="' not in out


def test_dates_become_time_elements() -> None:
    out = check("3월 7일 발표", [{"start": 0, "end": 5, "type": "DATE", "value": "2024-03-07"}])
    assert re.search(r'<time class="m m-date" datetime="2024-03-07"', out)


def test_choose_spans_prefers_outer_then_linked() -> None:
    ms = [{"start": 0, "end": 2, "type": "A"}, {"start": 0, "end": 2, "type": "B", "entity": "e"},
          {"start": 0, "end": 5, "type": "C"}]
    assert [m["type"] for m in choose_spans(ms, 10)] == ["C"]
    assert [m["type"] for m in choose_spans(ms[:2], 10)] == ["B"]
