from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SettingsError
from kg.settings import Settings


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.data_dir == Path("data") and s.port == 5000 and s.query_timeout == 10.0


def test_environment_overrides() -> None:
    s = Settings.from_env({"KG_DATA_DIR": "/tmp/x", "KG_PORT": "8080", "KG_BASE_IRI": "https://kg.example.kr"})
    assert s.data_dir == Path("/tmp/x") and s.port == 8080
    assert s.base_iri == "https://kg.example.kr/"
    assert s.graph_dir == Path("/tmp/x/graph")


def test_explicit_overrides_win() -> None:
    assert Settings.from_env({"KG_PORT": "8080"}, port=9000).port == 9000


@pytest.mark.parametrize("name,value,needle", [
    ("KG_PORT", "http", "KG_PORT"),
    ("KG_PORT", "70000", "between 1 and 65535"),
    ("KG_QUERY_TIMEOUT", "-1", "positive"),
    ("KG_BASE_IRI", "ftp://x", "http"),
])
def test_invalid_values_are_clear_errors(name: str, value: str, needle: str) -> None:
    with pytest.raises(SettingsError, match=needle):
        Settings.from_env({name: value})
