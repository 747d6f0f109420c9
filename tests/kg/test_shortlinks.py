"""The short-link table (kg.shortlinks): kept on disk, the same id for the same address,
no file made by a lookup, a clear error where the data directory cannot be written."""
from __future__ import annotations

import pytest

from core.errors import StoreError
from kg.write.shortlinks import DB_NAME, ShortLinks, link_id


def test_lookups_never_create_the_table(tmp_path) -> None:
    links = ShortLinks(tmp_path)
    assert links.get("abcdefgh") is None and not (tmp_path / DB_NAME).exists()
    link = links.put("/search?q=x")
    assert links.get(link) == "/search?q=x" and ShortLinks(tmp_path).get(link) == "/search?q=x"  # kept on disk


def test_a_data_directory_that_cannot_be_written_is_a_clear_error(tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(StoreError, match="짧은 링크를 저장할 수 없습니다"):
        ShortLinks(blocked / "data").put("/search?q=x")


def test_a_clash_makes_the_id_longer(tmp_path, monkeypatch) -> None:
    import kg.write.shortlinks as sl

    monkeypatch.setattr(sl, "link_id", lambda target, length=8: ("a" * length))   # every address clashes
    links = ShortLinks(tmp_path)
    first, second = links.put("/search?q=x"), links.put("/search?q=y")
    assert (first, second) == ("a" * 8, "a" * 9)
    assert links.get(first) == "/search?q=x" and links.get(second) == "/search?q=y"
    assert link_id("/search?q=x") != link_id("/search?q=y")
