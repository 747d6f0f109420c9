"""Whoosh indexes built before the analyzer moved to kg/search/ still open."""
from __future__ import annotations

import pickle

from kg.search.analysis import KiwiTokenizer, korean_analyzer


def test_an_index_schema_pickled_under_the_old_module_name_still_loads() -> None:
    old = pickle.dumps(korean_analyzer(), protocol=0).replace(b"kg.search.analysis", b"kg.analysis")
    assert b"ckg.analysis\n" in old
    loaded = pickle.loads(old)
    assert isinstance(loaded, KiwiTokenizer)
    assert loaded == korean_analyzer()
