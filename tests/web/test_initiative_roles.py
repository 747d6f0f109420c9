"""An alliance's page lists who announced it, who takes part (companies included) and who
leads it, each with the sentence it was read from, for the alliances of the sample corpus
(issue #20: the page said 참여자 없음 although the release lists the members)."""
from __future__ import annotations


import pytest

from tests.web._corpus import ROOT, roles, served

FILES = ["corpus/28-ai-autonomous-manufacturing-alliance.html", "corpus/37-k-humanoid-alliance.html",
         "corpus/41-max-alliance-launch.md"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    yield from served(tmp_path_factory.mktemp("alliances"), [ROOT / f for f in FILES])


@pytest.mark.parametrize(("path", "announced", "members", "leaders"), [
    ("/id/initiative/AI_자율제조_얼라이언스", "산업통상자원부", ["현대자동차", "LG전자", "포스코", "한국항공우주산업"], []),
    ("/id/initiative/K-휴머노이드_연합", "산업통상자원부", ["레인보우로보틱스", "두산로보틱스", "HD현대로보틱스"], []),
    ("/id/initiative/제조_AX(M.AX)_얼라이언스", "산업통상자원부", ["현대자동차", "LG전자", "포스코"], ["김정관", "최태원"]),
])
def test_an_alliance_page_lists_its_members_with_their_sentences(client, path, announced, members, leaders) -> None:
    resp = client.get(path)
    assert resp.status_code == 200, path
    found = roles(resp.get_data(as_text=True))
    assert announced in found["발표 기관"]
    for name in members:
        assert name in found["참여자"], (path, name)
    assert "근거" in found["참여자"]  # each with the sentence it was read from
    for name in leaders:
        assert name in found["주재·대표"], (path, name)
