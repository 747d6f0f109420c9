"""Example searches and the SPARQL query gallery (Korean titles, queries over kgo:).

Each query declares the prefixes it uses, so it also runs on any other SPARQL client.
The default graph is the union of all graphs. Entities' types and names, and the
relations between entities (kgo:announces …), are stated once, in the entity graph;
what each document reports (kgr:announces …, in its own graph) and mentions match once
per document: count those with COUNT(DISTINCT …). The queries still find their rows in
a subquery first and then join names (and test types with FILTER EXISTS): Oxigraph
joins a name or a type per row otherwise, and an OPTIONAL GRAPH block after a plain
join read every graph (motie-initiatives over 40 s at 10,000 documents, instead of
well under a second). So each picks its rows first, in a subquery (ranked by a count,
or a plain LIMIT that stops early), then joins names, with the language FILTER last
(before it, Oxigraph joined every name). A ranking orders by the count alone: a second
sort key made announcement-graph 20 times slower at 100,000 documents.
deadlines-this-year starts from the dates and keeps this year's before it looks for
what is scheduled then (every date node first: 4-9 s at 100,000 documents; now 0.6-1.0 s, 2.8 s cold).
co-participation pairs the 30 most active companies only: pairs of all participants grow
with the square of an initiative's participants (over the 10 s limit at 100,000
documents); two subqueries of (company, initiative) joined on the initiative are
hash-joined, where a plain second `?cb kgo:participatesIn ?x` was read per row.
bench/gallery.py times them all (README).
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

SEARCH_EXAMPLES = ["산업부 자율제조", "반도체 OR 이차전지", '"AI 자율제조"', "마키나락스", "반도체 NOT 이차전지"]


@dataclass(frozen=True)
class Question:
    """A question a newcomer can answer without SPARQL, and the page that answers it
    (a path under the app root)."""

    question: str
    path: str


QUESTIONS = [
    Question("산업통상자원부가 발표한 정책·사업과 참여자는?", "/id/gov/산업통상자원부#announced"),
    Question("산업통상자원부 관련 일정: 올해 마감되는 것은?", "/id/gov/산업통상자원부#schedule"),
    Question("마키나락스와 산업통상자원부는 어떻게 이어져 있나?", "/path?from=마키나락스&to=산업통상자원부"),
    Question("산업통상자원부 주변 관계망", "/id/gov/산업통상자원부/network"),
]

SPARQL_EXAMPLES = [
    Example("motie-initiatives", "산업통상자원부가 발표한 정책·사업",
            "kgo:announces 관계를 보도한 문서와 그 근거 문장(rdf:Statement의 kgo:inSentence) 100건입니다. "
            "근거를 먼저 100건 고른 뒤 이름을 붙이므로 문서가 많아도 바로 답합니다.",
            with_prefixes("""
SELECT ?initiative ?name ?doc ?sentence WHERE {
  { SELECT DISTINCT ?initiative ?doc ?sentence WHERE {
      ?ministry skos:prefLabel "산업통상자원부"@ko .
      GRAPH ?doc { ?st rdf:subject ?ministry ; rdf:predicate kgo:announces ; rdf:object ?initiative ;
                       kgo:inSentence ?sen . ?sen kgo:text ?sentence }
    } LIMIT 100 }
  ?initiative skos:prefLabel ?name .
  FILTER(lang(?name) = "ko")
}
ORDER BY ?name""")),
    Example("companies-in-ministry-initiatives", "부처가 발표한 일에 참여한 기업",
            "정부기관이 발표한 정책·행사에 kgo:participatesIn 으로 연결된 기업 200건입니다. "
            "관계를 먼저 200건 고른 뒤 이름을 붙입니다.",
            with_prefixes("""
SELECT DISTINCT ?ministryName ?initiativeName ?companyName WHERE {
  { SELECT DISTINCT ?ministry ?initiative ?company WHERE {
      ?ministry kgo:announces ?initiative . ?company kgo:participatesIn ?initiative .
      FILTER EXISTS { ?ministry kgo:entityType "MINISTRY" }
      FILTER EXISTS { ?company kgo:entityType "COMPANY" } } LIMIT 200 }
  ?ministry skos:prefLabel ?ministryName . ?company skos:prefLabel ?companyName .
  ?initiative skos:prefLabel ?initiativeName .
  FILTER(lang(?ministryName) = "ko" && lang(?companyName) = "ko" && lang(?initiativeName) = "ko")
}
ORDER BY ?ministryName ?initiativeName ?companyName""")),
    Example("deadlines-this-year", "올해 마감되는 일정",
            "kgo:scheduledFor 가 가리키는 OWL-Time 구간의 끝(time:hasEnd) 또는 날짜가 올해인 정책입니다. "
            "날짜 노드는 그것을 쓴 문서의 그래프에 있으므로 GRAPH ?doc 로 출처 문서를 함께 얻습니다.",
            with_prefixes("""
SELECT DISTINCT ?name ?expression ?end ?doc WHERE {
  { SELECT ?initiative ?expression ?end ?doc WHERE {
      GRAPH ?doc { ?x time:inXSDDate ?end }
      FILTER(YEAR(?end) = YEAR(NOW()))
      GRAPH ?doc { { ?when time:hasEnd ?x } UNION { ?x kgo:expression [] BIND(?x AS ?when) }
                   ?when kgo:expression ?expression . ?initiative kgo:scheduledFor ?when }
    } ORDER BY ?end LIMIT 200 }
  ?initiative skos:prefLabel ?name .
  FILTER(lang(?name) = "ko")
}
ORDER BY ?end""")),
    Example("co-participation", "함께 참여한 기업 쌍",
            "가장 많은 정책·행사에 참여한 기업 30곳 가운데, 같은 정책·행사에 함께 참여한 쌍과 그 횟수입니다. "
            "IRI 두 열이 있어 그래프로도 보여 줍니다.",
            with_prefixes("""
SELECT ?ca ?a ?cb ?b ?together WHERE {
  { SELECT ?ca ?cb (COUNT(DISTINCT ?x) AS ?together) WHERE {
      { SELECT ?ca ?x WHERE {
          { SELECT ?ca WHERE {
              { SELECT ?ca (COUNT(?y) AS ?n) WHERE { ?ca kgo:participatesIn ?y } GROUP BY ?ca }
              FILTER EXISTS { ?ca kgo:entityType "COMPANY" } } ORDER BY DESC(?n) LIMIT 30 }
          ?ca kgo:participatesIn ?x } }
      { SELECT ?cb ?x WHERE {
          { SELECT ?cb WHERE {
              { SELECT ?cb (COUNT(?y) AS ?n) WHERE { ?cb kgo:participatesIn ?y } GROUP BY ?cb }
              FILTER EXISTS { ?cb kgo:entityType "COMPANY" } } ORDER BY DESC(?n) LIMIT 30 }
          ?cb kgo:participatesIn ?x } }
      FILTER(STR(?ca) < STR(?cb))
    } GROUP BY ?ca ?cb ORDER BY DESC(?together) LIMIT 100 }
  ?ca skos:prefLabel ?a . ?cb skos:prefLabel ?b .
  FILTER(lang(?a) = "ko" && lang(?b) = "ko")
}
ORDER BY DESC(?together) ?a ?b""")),
    Example("initiatives-per-ministry", "정부기관별 발표한 정책·사업 수",
            "kgo:announces 로 이어진 정책·사업과 행사를 기관별로 셉니다. 이름과 수 두 열이라 막대그래프로도 보여 줍니다.",
            with_prefixes("""
SELECT DISTINCT ?ministry ?name ?initiatives WHERE {
  { SELECT ?ministry (COUNT(DISTINCT ?initiative) AS ?initiatives) WHERE {
      ?ministry kgo:announces ?initiative } GROUP BY ?ministry }
  FILTER EXISTS { ?ministry kgo:entityType "MINISTRY" }
  ?ministry skos:prefLabel ?name . FILTER(lang(?name) = "ko")
}
ORDER BY DESC(?initiatives) ?name
LIMIT 50""")),
    Example("companies-per-initiative", "정책·행사별 참여 기업",
            "kgo:participatesIn 으로 참여한 기업이 많은 정책·행사 100개와 그 기업들입니다. 먼저 세고 "
            "상위 100개를 고른 뒤에 이름을 붙입니다.",
            with_prefixes("""
SELECT ?initiative ?name ?companies (GROUP_CONCAT(DISTINCT ?companyName; separator=", ") AS ?companyNames) WHERE {
  { SELECT ?initiative (COUNT(?company) AS ?companies) WHERE {
      ?company kgo:participatesIn ?initiative . FILTER EXISTS { ?company kgo:entityType "COMPANY" } }
    GROUP BY ?initiative ORDER BY DESC(?companies) LIMIT 100 }
  ?initiative skos:prefLabel ?name . FILTER(lang(?name) = "ko")
  ?company kgo:participatesIn ?initiative ; skos:prefLabel ?companyName . FILTER(lang(?companyName) = "ko")
  FILTER EXISTS { ?company kgo:entityType "COMPANY" }
}
GROUP BY ?initiative ?name ?companies
ORDER BY DESC(?companies) ?name""")),
    Example("announcement-graph", "누가 무엇을 발표했나 (그래프)",
            "가장 많은 문서가 보도한 발표 관계 300개의 기관과 정책·사업 IRI 쌍입니다. 결과가 관계 그래프로 그려집니다.",
            with_prefixes("""
SELECT DISTINCT ?body ?bodyName ?initiative ?initiativeName WHERE {
  { SELECT ?body ?initiative (COUNT(?doc) AS ?documents) WHERE { GRAPH ?doc { ?body kgr:announces ?initiative } }
    GROUP BY ?body ?initiative ORDER BY DESC(?documents) LIMIT 300 }
  ?body skos:prefLabel ?bodyName . ?initiative skos:prefLabel ?initiativeName .
  FILTER(lang(?bodyName) = "ko" && lang(?initiativeName) = "ko")
}
ORDER BY ?bodyName ?initiativeName""")),
    Example("most-reported-announcements", "가장 많이 보도된 발표",
            "kgo:announces는 관계마다 한 번(개체 그래프) 저장되고, 그 관계를 보도한 문서마다 그 문서의 "
            "그래프에 kgr:announces가 있습니다. GRAPH ?doc 안의 kgr:로 관계별 문서 수를 셉니다.",
            with_prefixes("""
SELECT ?bodyName ?initiativeName ?documents WHERE {
  { SELECT ?body ?initiative (COUNT(?doc) AS ?documents) WHERE {
      GRAPH ?doc { ?body kgr:announces ?initiative } } GROUP BY ?body ?initiative
    ORDER BY DESC(?documents) LIMIT 50 }
  ?body skos:prefLabel ?bodyName . ?initiative skos:prefLabel ?initiativeName .
  FILTER(lang(?bodyName) = "ko" && lang(?initiativeName) = "ko")
}
ORDER BY DESC(?documents) ?bodyName ?initiativeName""")),
    Example("documents-per-ministry", "정부기관별 문서 수",
            "각 정부기관을 언급한(kgo:mentions) 문서의 수입니다. kgo:documentCount는 스냅숏을 만들 때 "
            "미리 세어 둔 값이라 문서가 많아도 바로 나옵니다. 직접 세려면 "
            "{ SELECT ?ministry (COUNT(DISTINCT ?doc) AS ?documents) WHERE { GRAPH ?doc "
            "{ ?doc kgo:mentions ?ministry } } GROUP BY ?ministry }를 쓰세요(10만 건에서 1초 안팎).",
            with_prefixes("""
SELECT DISTINCT ?ministry ?name ?documents WHERE {
  ?ministry kgo:entityType "MINISTRY" ; kgo:documentCount ?documents .
  ?ministry skos:prefLabel ?name . FILTER(lang(?name) = "ko")
}
ORDER BY DESC(?documents) ?name
LIMIT 100""")),
    Example("people-and-posts", "인물, 직함, 주재한 행사",
            "kgo:postTitle(직함)과 kgo:leads(주재·대표) 관계입니다.",
            with_prefixes("""
SELECT ?name (GROUP_CONCAT(DISTINCT ?title; separator=", ") AS ?titles) ?ledName WHERE {
  { SELECT DISTINCT ?person WHERE { ?person kgo:entityType "PERSON" } }
  ?person skos:prefLabel ?name . FILTER(lang(?name) = "ko")
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
    Example("lineage-documents", "기관과 그 이전 기관을 언급한 문서",
            "kgo:predecessor* 경로로 산업통상부와 산업통상자원부·지식경제부·산업자원부 … 를 함께 묻습니다. "
            "이전 기관은 명칭 변경·통합·분리·승격으로 이어진 기관이며, 기능 이관만으로는 이어지지 않습니다.",
            with_prefixes("""
SELECT DISTINCT ?date ?title ?bodyName WHERE {
  ?now skos:prefLabel "산업통상부"@ko .
  ?now kgo:predecessor* ?body .
  ?body skos:prefLabel ?bodyName . FILTER(lang(?bodyName) = "ko")
  ?doc kgo:mentions ?body ; dcterms:title ?title .
  OPTIONAL { ?doc dcterms:date ?date }
}
ORDER BY DESC(?date)
LIMIT 100""")),
    Example("reorganisations", "정부 조직 개편 연표",
            "조직 개편(org:ChangeEvent)의 날짜, 유형, 이전·이후 기관과 법적 근거입니다.",
            with_prefixes("""
SELECT DISTINCT ?date ?kind ?fromName ?toName ?law WHERE {
  ?e a org:ChangeEvent ; dcterms:date ?date ; kgo:changeKind ?kind ;
     org:resultingOrganization/skos:prefLabel ?toName .
  FILTER(lang(?toName) = "ko")
  OPTIONAL { ?e org:originalOrganization/skos:prefLabel ?fromName . FILTER(lang(?fromName) = "ko") }
  OPTIONAL { ?e kgo:legalBasis ?law }
}
ORDER BY ?date ?toName
LIMIT 300""")),
    Example("short-name-periods", "약칭이 가리키는 기관: 기간별",
            "'산업부'라는 이름이 언제 어느 기관을 가리켰는지 (SKOS-XL 이름과 OWL-Time 기간).",
            with_prefixes("""
SELECT DISTINCT ?bodyName ?from ?to WHERE {
  ?body skosxl:altLabel ?l ; skos:prefLabel ?bodyName .
  ?l skosxl:literalForm "산업부"@ko .
  FILTER(lang(?bodyName) = "ko")
  OPTIONAL { ?l time:hasTime/time:hasBeginning/time:inXSDDate ?from }
  OPTIONAL { ?l time:hasTime/time:hasEnd/time:inXSDDate ?to }
}
ORDER BY ?from""")),
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
