"""National Assembly records: bills and committee speeches, JSON Lines plain or gzipped,
with the record's fields as facts (offsets into the built text), gzip read streamed and
bounded."""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest

from ingest.loaders import load_path, pick_loader
from ingest.loaders import assembly
from ingest.loaders.assembly import AssemblyLoader
from core.model import Document
from core.errors import LoadError

BILLS = [
    {"bill_id": "PRC_A1", "bill_no": 2201234, "assembly": 22,
     "bill_name": "반도체산업 경쟁력 강화 및 혁신성장을 위한 특별법안", "committee": "산업통상자원중소벤처기업위원회",
     "propose_date": "2024-07-01", "result": None, "proposer": "이철규", "proposer_id": "X1"},
    {"bill_id": "PRC_B2", "bill_no": 2024995, "assembly": 20, "bill_name": "지방세법 일부개정법률안",
     "committee": float("nan"), "propose_date": "2020-05-22", "result": "철회", "proposer": "김병관",
     "proposer_id": "X2"},
    {"bill_id": "PRC_C3", "bill_no": 2100001, "assembly": 21, "bill_name": "전기사업법 일부개정법률안",
     "committee": "산업통상자원위원회", "propose_date": "2020-06-01", "result": "대안반영폐기", "proposer": "홍길동",
     "proposer_id": "X3"},
]
SPEECHES = [
    {"assembly": 22, "date": "2024-06-11", "committee": "과학기술정보방송통신위원회", "speaker": "위원장 최민희",
     "role": "chair", "speaker_name": "최민희", "member_id": "1", "speech_order": 1,
     "speech": "  성원이 되었으므로 회의를 개의하겠습니다. 오늘은 인공지능 기본법을 심사합니다."},
    {"assembly": 22, "date": "2024-06-11", "committee": "과학기술정보방송통신위원회", "speaker": "김현 위원",
     "role": "legislator", "speaker_name": "김현", "member_id": "2", "speech_order": 2,
     "speech": "과학기술정보통신부 장관께 인공지능 반도체 예산을 묻겠습니다."},
    {"assembly": 22, "date": "2024-06-11", "committee": "과학기술정보방송통신위원회", "speaker": "조정위원장직무대행 최민희",
     "role": "chair", "speaker_name": "직무대행 최민희", "member_id": "1", "speech_order": 1,
     "speech": "안건조정위원회를 개의하겠습니다."},
]


def jsonl(records: list[dict]) -> bytes:
    # json.dumps writes NaN as the bare token NaN, as pandas' exports do
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def load(path: Path) -> tuple[list[Document], list[LoadError]]:
    items = list(load_path(path, max_bytes=50 * 1024 * 1024))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, LoadError)]


def test_bills_in_gzip_become_documents_with_facts(tmp_path: Path) -> None:
    path = tmp_path / "bills.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(BILLS)))
    assert pick_loader(path, path.read_bytes()[:4096]) is AssemblyLoader
    docs, errors = load(path)
    assert errors == [] and len(docs) == 3
    chips = docs[0]
    assert chips.title == BILLS[0]["bill_name"] and chips.date == "2024-07-01"
    assert chips.key == f"{path}#PRC_A1" and chips.meta["source_kind"] == "법률안"
    assert chips.url and chips.url.endswith("billId=PRC_A1")
    assert "이철규 의원이 2024년 7월 1일 대표발의한" in chips.text and "계류 중" in chips.text
    facts = chips.facts
    assert facts is not None
    for e in facts.entities:  # offsets point at the text they name
        assert chips.text[e.start:e.end] == e.text
    by_type = {e.type: e for e in facts.entities}
    assert by_type["PERSON"].text == "이철규"
    assert by_type["MINISTRY"].text == "산업통상자원중소벤처기업위원회"
    assert by_type["MINISTRY"].attrs["gov_kind"] == "committee"
    assert by_type["DATE"].value == "2024-07-01"
    bill = by_type["INITIATIVE"]
    assert bill.attrs["kind"] == "law" and bill.attrs["identifier"] == "2201234"
    assert bill.canonical == "반도체산업 경쟁력 강화 및 혁신성장을 위한 특별법안 (의안번호 2201234)"
    rels = {(r.type, facts.entities[r.head].type, facts.entities[r.tail].type) for r in facts.relations}
    assert rels == {("PROPOSES", "PERSON", "INITIATIVE"), ("REFERRED_TO", "INITIATIVE", "MINISTRY"),
                    ("PROPOSED_ON", "INITIATIVE", "DATE")}
    # NaN committee (pandas' missing value): no committee fact, a sentence that says so
    local = docs[1]
    assert "소관 위원회가 정해지지 않았다" in local.text and "'철회'" in local.text
    assert {e.type for e in local.facts.entities} == {"PERSON", "DATE", "INITIATIVE"}
    assert local.facts.entities[-1].attrs["status"] == "철회"


def test_plain_jsonl_of_bills_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "bills.jsonl"
    path.write_bytes(jsonl(BILLS[:1]))
    assert pick_loader(path, path.read_bytes()[:4096]) is AssemblyLoader
    docs, errors = load(path)
    assert errors == [] and docs[0].facts is not None


def test_speeches(tmp_path: Path) -> None:
    path = tmp_path / "speeches.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(SPEECHES)))
    docs, errors = load(path)
    assert errors == [] and len(docs) == 3
    chair = docs[0]
    assert chair.text.startswith("과학기술정보방송통신위원회 2024년 6월 11일 회의 · 위원장 최민희\n성원이")
    assert chair.meta["source_kind"] == "회의록" and chair.date == "2024-06-11"
    ents = {e.type: e for e in chair.facts.entities}
    assert chair.text[ents["PERSON"].start:ents["PERSON"].end] == "최민희"
    assert ents["PERSON"].attrs["title"] == "위원장"
    assert [r.type for r in chair.facts.relations] == ["LEADS"]  # the chair leads the committee
    assert docs[1].facts.relations == []
    acting = next(e for e in docs[2].facts.entities if e.type == "PERSON")  # the title is not the name
    assert (acting.text, acting.attrs["title"]) == ("최민희", "조정위원장직무대행")
    # a second meeting the same day restarts the numbering: still two records
    assert [d.key.rsplit("#", 1)[1] for d in docs] == ["2024-06-11/1", "2024-06-11/2", "2024-06-11/1-2"]


def test_other_records_in_gzip_load_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl([{"id": "n1", "title": "기사", "body": "환경부는 회의를 열었다."},
                                          {"id": "n2", "body": ""}])))
    docs, errors = load(path)
    assert [d.key for d in docs] == [f"{path}#n1"] and docs[0].facts is None
    assert len(errors) == 1 and "2행: 본문이 없습니다" in str(errors[0])


def test_concatenated_gzip_members(tmp_path: Path) -> None:
    path = tmp_path / "bills.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(BILLS[:2])) + gzip.compress(jsonl(BILLS[2:])))
    docs, errors = load(path)
    assert errors == [] and len(docs) == 3


@pytest.mark.parametrize("mangle, needle", [
    (lambda b: b[: len(b) // 2], "truncated"),
    (lambda b: b[:30] + bytes(x ^ 0x55 for x in b[30:60]) + b[60:], "corrupted"),
    (lambda b: b + b"garbage!", "trailing garbage"),
])
def test_broken_gzip_is_a_load_error(tmp_path: Path, mangle, needle: str) -> None:  # noqa: ANN001
    path = tmp_path / "bills.jsonl.gz"
    path.write_bytes(mangle(gzip.compress(jsonl(BILLS * 200))))
    _docs, errors = load(path)
    assert errors and needle in str(errors[-1]) and str(errors[-1]).startswith(str(path))


def test_gzip_bomb_stops_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assembly, "RATIO_MIN_SIZE", 1024 * 1024)
    line = jsonl(BILLS[:1])
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    blob = comp.compress(line) + comp.compress(b" " * (64 * 1024 * 1024)) + comp.flush()  # 64 MB of spaces
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(blob)
    assert len(blob) < 200_000
    docs, errors = load(path)
    assert len(docs) == 1 and any("bomb" in str(e) for e in errors)


def test_an_overlong_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assembly, "MAX_LINE", 2000)
    long = dict(BILLS[1], bill_id="PRC_LONG", bill_name="가" * 5000)
    path = tmp_path / "bills.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl([BILLS[0], long, BILLS[2]])))
    docs, errors = load(path)
    assert [d.key.rsplit("#", 1)[1] for d in docs] == ["PRC_A1", "PRC_C3"]
    assert len(errors) == 1 and "2행: 줄이" in str(errors[0]) and "longer than" in str(errors[0])


def test_a_plain_gzip_is_still_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt.gz"
    path.write_bytes(gzip.compress("그냥 텍스트 파일입니다.\n".encode()))
    _docs, errors = load(path)
    assert len(errors) == 1 and "unsupported format" in str(errors[0]) and "gzip" in str(errors[0])


SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "assembly-kr"


@pytest.mark.skipif(not (SHARED / "bills_20-22.jsonl.gz").exists(), reason="../shared/data is not here")
def test_the_real_bills_file_loads_without_errors() -> None:
    path = SHARED / "bills_20-22.jsonl.gz"
    n = 0
    for item in load_path(path, max_bytes=50 * 1024 * 1024):
        assert not isinstance(item, LoadError), item
        n += 1
        if n == 2000:  # the whole file (60,925 records) takes ~10 s; a prefix is enough here
            break
    assert n == 2000


def test_records_say_how_far_into_the_file_they_are(tmp_path: Path) -> None:
    """The ETA of a one-file ingest comes from these positions (compressed bytes read)."""
    import random
    rng = random.Random(3)
    bills = [{**BILLS[0], "bill_id": f"PRC_{i:05d}", "bill_name": f"법률안 {i} " + "".join(rng.choice("가나다라마바사아자차")
                                                                                     for _ in range(400))}
             for i in range(600)]
    path = tmp_path / "bills.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps(b, ensure_ascii=False) for b in bills).encode()))
    positions = [d.position for d in load_path(path) if not isinstance(d, Exception)]
    assert len(positions) == 600
    assert positions == sorted(positions) and positions[-1] == 1.0
    assert 0.2 < positions[300] < 0.8
