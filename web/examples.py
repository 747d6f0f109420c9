"""Example searches and the SPARQL query gallery (Korean titles, queries over kgo:).

Each query declares the prefixes it uses, so it also runs on any other SPARQL client.
The default graph is the union of all document graphs, and a triple stated in several
documents matches once per document: hence DISTINCT and COUNT(DISTINCT …).
tests/web/test_sparql.py runs every one of them.
"""
from __future__ import annotations

from dataclasses import dataclass

from ontology.namespace import PREFIXES


@dataclass(frozen=True)
class Example:
    key: str
    title: str
    description: str
    query: str


def with_prefixes(body: str) -> str:
    """Prepend the PREFIX lines of the prefixes that `body` uses."""
    used = [p for p in PREFIXES if f"{p}:" in body]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + "\n" + body.strip() + "\n"


ALL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
DEFAULT_QUERY = ALL_PREFIXES + """
# 문서 제목과 날짜 (최신순)
SELECT ?doc ?title ?date WHERE {
  ?doc a kgo:Document ; dcterms:title ?title .
  OPTIONAL { ?doc dcterms:date ?date }
}
ORDER BY DESC(?date)
LIMIT 20
"""

SEARCH_EXAMPLES = ["산업부 자율제조", "반도체 OR 이차전지", '"AI 자율제조"', "마키나락스"]

SPARQL_EXAMPLES = [
    Example("motie-initiatives", "산업통상자원부가 발표한 정책·사업",
            "kgo:announces 관계와 그 근거 문장(rdf:Statement의 kgo:inSentence)을 함께 봅니다.",
            with_prefixes("""
SELECT DISTINCT ?initiative ?name ?doc ?sentence WHERE {
  ?ministry skos:prefLabel "산업통상자원부"@ko ; kgo:announces ?initiative .
  ?initiative skos:prefLabel ?name . FILTER(lang(?name) = "ko")
  OPTIONAL {
    ?st rdf:subject ?ministry ; rdf:predicate kgo:announces ; rdf:object ?initiative ;
        kgo:inDocument ?doc .
    OPTIONAL { ?st kgo:inSentence/kgo:text ?sentence }
  }
}
ORDER BY ?name
LIMIT 100""")),
    Example("companies-in-ministry-initiatives", "부처가 발표한 일에 참여한 기업",
            "정부기관이 발표한 정책·행사에 kgo:participatesIn 으로 연결된 기업입니다.",
            with_prefixes("""
SELECT DISTINCT ?ministryName ?initiativeName ?companyName WHERE {
  ?ministry kgo:announces ?initiative ; kgo:entityType "MINISTRY" ; skos:prefLabel ?ministryName .
  ?company kgo:participatesIn ?initiative ; kgo:entityType "COMPANY" ; skos:prefLabel ?companyName .
  ?initiative skos:prefLabel ?initiativeName .
  FILTER(lang(?ministryName) = "ko" && lang(?companyName) = "ko" && lang(?initiativeName) = "ko")
}
ORDER BY ?ministryName ?initiativeName ?companyName
LIMIT 200""")),
    Example("deadlines-this-year", "올해 마감되는 일정",
            "kgo:scheduledFor 가 가리키는 OWL-Time 구간의 끝(time:hasEnd) 또는 날짜가 올해인 정책입니다.",
            with_prefixes("""
SELECT DISTINCT ?name ?expression ?end ?doc WHERE {
  ?initiative kgo:scheduledFor ?when ; skos:prefLabel ?name . FILTER(lang(?name) = "ko")
  ?when (time:hasEnd/time:inXSDDate)|time:inXSDDate ?end .
  OPTIONAL { ?when kgo:expression ?expression }
  FILTER(YEAR(?end) = YEAR(NOW()))
  OPTIONAL { ?st rdf:subject ?initiative ; rdf:predicate kgo:scheduledFor ; rdf:object ?when ;
                 kgo:inDocument ?doc }
}
ORDER BY ?end
LIMIT 200""")),
    Example("co-participation", "함께 참여한 기업 쌍",
            "같은 정책·행사에 참여한 기업의 쌍과 함께 참여한 횟수입니다.",
            with_prefixes("""
SELECT ?a ?b (COUNT(DISTINCT ?x) AS ?together) WHERE {
  ?ca kgo:participatesIn ?x ; kgo:entityType "COMPANY" ; skos:prefLabel ?a .
  ?cb kgo:participatesIn ?x ; kgo:entityType "COMPANY" ; skos:prefLabel ?b .
  FILTER(STR(?ca) < STR(?cb) && lang(?a) = "ko" && lang(?b) = "ko")
}
GROUP BY ?a ?b
ORDER BY DESC(?together) ?a ?b
LIMIT 100""")),
    Example("documents-per-ministry", "정부기관별 문서 수",
            "각 정부기관을 언급한(kgo:mentions) 문서의 수입니다.",
            with_prefixes("""
SELECT ?ministry ?name (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?doc a kgo:Document ; kgo:mentions ?ministry .
  ?ministry kgo:entityType "MINISTRY" ; skos:prefLabel ?name . FILTER(lang(?name) = "ko")
}
GROUP BY ?ministry ?name
ORDER BY DESC(?documents) ?name
LIMIT 100""")),
    Example("people-and-posts", "인물, 직함, 주재한 행사",
            "kgo:postTitle(직함)과 kgo:leads(주재·대표) 관계입니다.",
            with_prefixes("""
SELECT ?name (GROUP_CONCAT(DISTINCT ?title; separator=", ") AS ?titles) ?ledName WHERE {
  ?person kgo:entityType "PERSON" ; skos:prefLabel ?name . FILTER(lang(?name) = "ko")
  OPTIONAL { ?person kgo:postTitle ?title }
  OPTIONAL { ?person kgo:leads ?led . ?led skos:prefLabel ?ledName . FILTER(lang(?ledName) = "ko") }
}
GROUP BY ?name ?ledName
ORDER BY ?name
LIMIT 100""")),
    Example("predecessors", "조직 개편: 이전 기관",
            "kgo:predecessor 로 연결된 현재 기관과 이전 기관입니다.",
            with_prefixes("""
SELECT DISTINCT ?name ?predecessorName WHERE {
  ?body kgo:predecessor ?p ; skos:prefLabel ?name .
  ?p skos:prefLabel ?predecessorName .
  FILTER(lang(?name) = "ko" && lang(?predecessorName) = "ko")
}
ORDER BY ?name
LIMIT 100""")),
    Example("motie-neighbourhood", "산업통상자원부 주변 그래프 (CONSTRUCT)",
            "산업통상자원부와 직접 연결된 관계를 Turtle 그래프로 만듭니다.",
            with_prefixes("""
CONSTRUCT {
  ?m ?p ?o . ?s ?q ?m .
} WHERE {
  ?m skos:prefLabel "산업통상자원부"@ko .
  { ?m ?p ?o . FILTER(?p IN (kgo:announces, kgo:participatesIn, kgo:leads, kgo:predecessor)) }
  UNION
  { ?s ?q ?m . FILTER(?q IN (kgo:announces, kgo:participatesIn, kgo:leads, kgo:predecessor)) }
}
LIMIT 500""")),
]

EXAMPLES_BY_KEY = {e.key: e for e in SPARQL_EXAMPLES}
