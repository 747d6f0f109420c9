from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from core.errors import SettingsError
from kg.settings import SETTINGS, Settings


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


@pytest.mark.parametrize("name,value,korean", [
    ("KG_MAX_ROWS", "abc", "양의 정수여야 합니다"),
    ("KG_MAX_ROWS", "0", "양의 정수여야 합니다"),
    ("KG_QUERY_TIMEOUT", "10초", "0보다 큰 수여야 합니다(예: 10 또는 2.5)"),
    ("KG_QUERY_TIMEOUT", "nan", "0보다 큰 수여야 합니다(예: 10 또는 2.5)"),
    ("KG_PORT", "http", "1에서 65535 사이의 정수여야 합니다"),
    ("KG_WORKERS", "-1", "0(CPU 코어마다 하나)이나 양의 정수여야 합니다"),
    ("KG_NER_MODEL", "maybe", "on이나 off여야 합니다"),
    ("KG_SPARQL_ENDPOINT", "http://db:99999/query", "URL의 포트 번호는 1에서 65535 사이여야 합니다"),
])
def test_a_bad_value_says_in_korean_what_is_expected(name: str, value: str, korean: str) -> None:
    """Korean first: the setting, the value, what it must be; Python's own message
    (int()'s 'invalid literal', urllib's 'Port out of range') never shows; the help stays."""
    with pytest.raises(SettingsError) as e:
        Settings.from_env({name: value})
    message = str(e.value)
    assert message.startswith(f"{name} 값이 잘못됐습니다: {value!r}. {korean} (invalid value {value!r} for {name}: ")
    assert "invalid literal" not in message and "could not convert" not in message and "Port out of" not in message
    assert message.endswith(SETTINGS[name[3:].lower()][2])


def test_a_kg_command_with_a_bad_setting_says_so_in_korean(tmp_path: Path) -> None:
    """`KG_MAX_ROWS=abc kg stats`: one Korean line (exit status 2), not click's English usage banner."""
    res = CliRunner().invoke(main, ["stats", "--data-dir", str(tmp_path)], env={"KG_MAX_ROWS": "abc"})
    assert res.exit_code == 2
    assert res.output.startswith("오류: KG_MAX_ROWS 값이 잘못됐습니다: 'abc'. 양의 정수여야 합니다"), res.output
    assert "invalid literal" not in res.output and "Usage:" not in res.output
    assert "Row cap of one SPARQL result" in res.output
