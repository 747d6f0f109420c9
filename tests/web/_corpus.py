"""Shared by the tests that read the sample corpus's pages (test_sample_corpus_pages,
test_initiative_roles): files ingested through the real pipeline into a data directory
of their own, an app over it, and the role lists of an initiative's overview."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from flask.testing import FlaskClient

from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from kg.write.pipeline import ensure_gazetteer, ingest_paths
from web import create_app

ROOT = Path(__file__).resolve().parents[2]


def served(data_dir: Path, paths: list[Path]) -> Iterator[FlaskClient]:
    """A client of an app over `paths` ingested into `data_dir` (a fixture yields from it)."""
    s = Settings(data_dir=data_dir, base_iri="http://kg.test/")
    with KnowledgeGraph(s) as kg:
        ensure_gazetteer(kg)
        report = ingest_paths(kg, paths)
        assert report.ok, report.failed
    app = create_app(s, query_workers=1)
    app.config["TESTING"] = True
    yield app.test_client()
    app.extensions["kg"].close()


def roles(page: str) -> dict[str, str]:
    """The overview's role lists: 발표 기관, 참여자, 주재·대표 → their HTML."""
    return {m.group(1): m.group(2) for m in re.finditer(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", page, re.S)}
