"""The `kg` command line (click group; `kg` alone serves the UI, as in Datasette)."""
# Over 400 lines, kept whole: the click group and its core commands; further command groups live in app/cli_*.py.
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any, Callable

import click

from core.errors import KGError
from core.types import NODE_TYPE_ORDER
from app.progress import FAILURES_FILE, Progress, report_end
from kg.settings import Settings, describe


def _settings(data_dir: Path | None, **kw: Any) -> Settings:
    """The settings, or exit 2 with the setting's error (Korean first; not click's English
    usage banner: the command line was fine, a KG_* variable was not)."""
    try:
        return Settings.from_env(data_dir=data_dir, **kw)
    except KGError as e:
        click.echo(f"오류: {e}", err=True)
        sys.exit(2)


def data_dir_option(f: Callable) -> Callable:
    return click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                        help="Data directory (graph store + index). Default: $KG_DATA_DIR or ./data")(f)


def _fail(e: Exception) -> None:
    click.echo(f"오류: {e}", err=True)
    sys.exit(1)


@click.group(invoke_without_command=True)
@click.version_option(package_name="korean-policy-kg")
@click.pass_context
def main(ctx: click.Context) -> None:
    """한국 정책·산업 문서 지식그래프 — Korean policy knowledge graph and search."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


class _PathOrURL(click.ParamType):
    """An existing file or folder, or an http(s) address (kept as a string)."""

    name = "path|url"

    def convert(self, value: Any, param: Any, ctx: Any) -> Path | str:
        text = str(value)
        if text.startswith(("http://", "https://")):
            return text
        if "://" in text:
            self.fail(f"http나 https 주소만 가져올 수 있습니다: {text} (only http and https addresses)", param, ctx)
        path = Path(text)
        if not path.exists():
            self.fail(f"파일이나 폴더가 없습니다: {text} (no such file or folder)", param, ctx)
        return path


@main.command()
@click.argument("paths", nargs=-1, type=_PathOrURL())
@click.option("--retry-failed", is_flag=True, help="Re-run only the files that failed last time.")
@click.option("--batch-size", default=16, show_default=True,
              help="Documents per NLP chunk (what one worker process takes at a time).")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="NLP worker processes (default: $KG_WORKERS, else one per CPU core; 1 = in this process).")
@click.option("--commit-every", type=click.IntRange(min=1), default=None,
              help="Documents per commit of the graph and the text index (default: 1,000; one also "
                   "happens every 5 s at first, up to every 60 s on a long run). A killed run redoes at most these.")
@data_dir_option
def ingest(paths: tuple[Path | str, ...], retry_failed: bool, batch_size: int, workers: int | None,
           commit_every: int | None, data_dir: Path | None) -> None:
    """Ingest files, folders or web addresses (txt, md, html, jsonl, jsonl.gz, csv, pdf, hwp,
    hwpx, docx, rss; http/https pages and files are fetched): extract, store, index.

    Unchanged documents are skipped; changed ones replace their old version; near
    duplicates (the same story from another outlet) are stored and linked to the first
    copy. Failures are listed at the end and written to DATA_DIR/ingest-failures.tsv
    (path, reason), warnings (bad bytes replaced, a date dropped…) to ingest-warnings.tsv
    (document, warning). A run that was killed is cleaned up and finished by the next one.
    """
    from kg.read.graph import KnowledgeGraph
    from kg.store.locks import WriterLock
    from kg.write.pipeline import ingest_paths

    settings = _settings(data_dir, workers=workers)
    failures = settings.data_dir / FAILURES_FILE
    if retry_failed:
        if not failures.exists():
            click.echo("지난 수집에서 실패한 파일이 없습니다.")
            return
        listed = dict.fromkeys(line.split("\t", 1)[0] for line in failures.read_text(encoding="utf-8").splitlines() if line)
        paths = tuple(p if p.startswith(("http://", "https://")) else Path(p) for p in listed)
        paths = tuple(p for p in paths if isinstance(p, str) or p.exists())
    if not paths:
        raise click.UsageError("수집할 파일이나 폴더를 하나 이상 주거나 --retry-failed 를 쓰세요 "
                               "(give at least one file or folder, or --retry-failed)")
    progress = Progress(sys.stderr.isatty())
    try:
        with WriterLock(settings.data_dir, "kg ingest"), KnowledgeGraph(settings) as kg:
            report = ingest_paths(kg, paths, batch_size=batch_size, progress=progress,
                                  workers=settings.ingest_workers, commit_every=commit_every)
    except KGError as e:
        progress.done()
        _fail(e)
        return
    except KeyboardInterrupt:
        progress.done()
        click.echo("중단되었습니다. 다시 실행하면 이어서 처리합니다 (끝난 문서는 건너뜁니다).", err=True)
        sys.exit(130)
    progress.done()
    report_end(report, settings.data_dir)


@main.command()
@click.option("--base-iri", default=None, help="Base for the `iri` of entities (default: setting).")
def extract(base_iri: str | None) -> None:
    """Read JSON Lines {"id","text","date"?} on stdin, write entities and relations.

    One output line per input line, in order: {"id", "entities": [{start, end, text,
    type, iri?, canonical?, value?}], "relations": [{type, head, tail}]}.
    """
    from ingest.nlp.pipeline import extract_many
    from ontology.mapping import entity_node

    settings = _settings(None, base_iri=base_iri)
    base = settings.base_iri
    out = sys.stdout

    def items():
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError('각 줄은 문자열 "text"가 있는 JSON 객체여야 합니다 '
                                     '(each line must be an object with a string "text")')
                yield obj, None
            except json.JSONDecodeError as e:
                yield {"id": None, "text": ""}, f"{lineno}행: JSON 형식이 잘못됐습니다 (line {lineno}: {e})"
            except ValueError as e:
                yield {"id": None, "text": ""}, f"{lineno}행: {e}"

    pending: list[tuple[dict, str | None]] = []

    def texts():
        for obj, err in items():
            pending.append((obj, err))
            yield obj.get("text", ""), obj.get("date") if isinstance(obj.get("date"), str) else None

    for ex in extract_many(texts(), ner_model=settings.ner_model):
        obj, err = pending.pop(0)
        if err:
            out.write(json.dumps({"id": obj.get("id"), "error": err, "entities": [], "relations": []},
                                 ensure_ascii=False) + "\n")
            continue
        ents = []
        for e in ex.entities:
            d = e.to_json()
            node = entity_node(base, e)
            if node is not None:
                d["iri"] = str(node)
            ents.append(d)
        out.write(json.dumps({"id": obj.get("id"), "entities": ents,
                              "relations": [r.to_json() for r in ex.relations]}, ensure_ascii=False) + "\n")
        out.flush()


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Score this saved `kg extract` output instead of running the pipeline.")
@click.option("--type", "types", multiple=True, help="Score only these entity types (repeatable).")
@click.option("--errors", is_flag=True, help="List false positives and negatives with their context.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_cmd(gold: Path, pred: Path | None, types: tuple[str, ...], errors: bool, as_json: bool) -> None:
    """Score extraction against GOLD (JSON Lines: the `kg extract` format plus `text`
    and gold `entities`/`relations`; see ingest/nlp/evaluate.py): per-type precision,
    recall and F1 on exact spans and types, micro/macro F1, relation P/R/F1."""
    from core.types import ENTITY_TYPES as EXTRACTED
    from ingest.nlp import evaluate

    bad = [t for t in types if t not in EXTRACTED]
    if bad:
        raise click.BadParameter(f"알 수 없는 유형입니다: {bad[0]!r}. 다음 가운데 하나를 쓰세요: {', '.join(EXTRACTED)} "
                                 f"(unknown type {bad[0]!r})", param_hint="--type")
    try:
        docs = evaluate.load_gold(gold)
        preds = (evaluate.load_predictions(pred, docs) if pred is not None
                 else evaluate.predict(docs, ner_model=_settings(None).ner_model))
        report = evaluate.score(docs, preds, types or None)
    except KGError as e:
        _fail(e)
        return
    if as_json:
        click.echo(json.dumps(report.to_json(errors=errors), ensure_ascii=False, indent=2))
    else:
        click.echo(evaluate.format_report(report, errors=errors))


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--page", default=1, show_default=True)
@click.option("--type", "types", multiple=True, help="Only documents mentioning an entity of this type (MINISTRY, COMPANY…).")
@click.option("--from", "date_from", default=None, help="Earliest date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Latest date (YYYY-MM-DD).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--exact", is_flag=True, help="Only the words as typed (no names that start with them, no compounds).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@data_dir_option
def search(query: tuple[str, ...], page: int, types: tuple[str, ...], date_from: str | None, date_to: str | None,
           sort: str, exact: bool, as_json: bool, data_dir: Path | None) -> None:
    """Full-text search (Korean-aware; "phrase", AND/OR/NOT); a short name also finds the
    names that start with it (삼성 → 삼성전자, 삼성SDI …), ranked below."""
    import html
    import re

    from kg.read.graph import KnowledgeGraph

    settings = _settings(data_dir)
    try:
        with KnowledgeGraph(settings, read_only=True) as kg:
            res = kg.search(" ".join(query), expand=not exact, page=page, page_size=settings.page_size,
                            types=types, date_from=date_from, date_to=date_to, sort=sort, facets=False)
    except KGError as e:
        _fail(e)
        return
    if as_json:
        click.echo(json.dumps({"query": res.query, "total": res.total, "page": res.page,
                               "included": res.included, "compounds": res.compounds,
                               "hits": [h.__dict__ for h in res.hits]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"검색 결과 {res.total}건 (쪽 {res.page}/{res.pages})")
    for inc in res.included:
        click.echo(f"'{inc['word']}': {', '.join(n['label'] for n in inc['names'])} 포함 (--exact: 입력한 말만)")
    for c in res.compounds:
        click.echo(f"'{c['word']}': '{c['also']}'도 찾음")
    for i, h in enumerate(res.hits, (res.page - 1) * res.page_size + 1):
        snippet = " ".join(html.unescape(re.sub(r'<mark[^>]*>(.*?)</mark>', lambda m: click.style(m.group(1), bold=True), h.snippet)).split())
        click.echo(f"\n{i}. {h.title}  [{h.date or '날짜 없음'}]")
        # who to cite and where the original is; the file it was read from when there is no address
        click.echo("   " + " · ".join(x for x in (h.publisher, h.url or h.source) if x))
        click.echo(f"   {snippet}")


@main.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "turtle"]), default="table",
              show_default=True)
@data_dir_option
def sparql(query: str, fmt: str, data_dir: Path | None) -> None:
    """Run a SPARQL query (prefixes kgo:, skos:, dcterms:, org:, prov:, time: … predeclared).
    QUERY may be @file.rq to read it from a file."""
    from kg.read.graph import KnowledgeGraph

    if query.startswith("@"):
        try:
            query = Path(query[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            _fail(KGError(f"질의 파일을 읽을 수 없습니다: {query[1:]} (cannot read the query file: "
                          f"{getattr(e, 'strerror', None) or e})"))
    settings = _settings(data_dir)
    try:
        with KnowledgeGraph(settings, read_only=True) as kg:
            res = kg.sparql(query)
    except KGError as e:
        _fail(e)
        return
    if res.kind == "CONSTRUCT":
        click.echo(res.graph.serialize(format="json-ld" if fmt == "json" else "turtle"))
    elif fmt == "json":
        click.echo(json.dumps(res.to_json(), ensure_ascii=False, indent=2))
    elif fmt in ("csv", "tsv"):
        click.echo(res.to_delimited("," if fmt == "csv" else "\t"), nl=False)
    elif res.kind == "ASK":
        click.echo("true" if res.boolean else "false")
    else:
        _table(res.vars, [[_short(r.get(v)) for v in res.vars] for r in res.rows])
        click.echo(f"({len(res.rows)}행{', 잘림' if res.truncated else ''})")


def _short(t: Any) -> str:
    return "" if t is None else str(t)


def _table(headers: list[str], rows: list[list[str]]) -> None:
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    def pad(s: str, w: int) -> str:
        return s + " " * (w - width(s))

    ws = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    click.echo(" | ".join(pad(h, w) for h, w in zip(headers, ws)))
    click.echo("-+-".join("-" * w for w in ws))
    for r in rows:
        click.echo(" | ".join(pad(c, w) for c, w in zip(r, ws)))


@main.command()
@click.option("--host", default=None, help="Bind host (default: $KG_HOST or 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default: $KG_PORT or 5000).")
@click.option("--dev", is_flag=True,
              help="Werkzeug's development server instead of waitress (one thread per connection, no limits: "
                   "never on a public address).")
@data_dir_option
def serve(host: str | None, port: int | None, dev: bool, data_dir: Path | None) -> None:
    """Serve the web UI, the JSON API and the SPARQL endpoint (waitress; see Deploying in the README)."""
    from app.httpd import make_server, run, thread_count
    from app.serving import bring_up_to_date, warm_up, warm_up_once
    from web import create_app

    settings = _settings(data_dir, host=host, port=port)
    try:
        bring_up_to_date(settings)
        app = create_app(settings)
    except KGError as e:
        _fail(e)
        return
    try:
        server = None if dev else make_server(app, settings)
    except OSError as e:  # the port is taken, the host unknown
        click.echo(f"오류: {settings.host}:{settings.port}에서 연결을 받을 수 없습니다 (cannot listen on "
                   f"{settings.host}:{settings.port}: {e.strerror or e})", err=True)
        sys.exit(1)
    kind = ("개발용 서버(development server)" if dev else
            f"waitress, 스레드 {thread_count(settings)}개, 연결 최대 {settings.connection_limit:,}개")
    click.echo(f"http://{settings.host}:{settings.port}/ 에서 서비스 중 ({kind}; data: {settings.data_dir})", err=True)
    threading.Thread(target=warm_up, args=(app,), name="warm-up", daemon=True).start()
    app.extensions["kg"].kg.on_snapshot = lambda: warm_up_once(app)  # and again at each new snapshot
    if server is None:
        app.run(host=settings.host, port=settings.port, threaded=True, use_reloader=False)
    else:
        run(server)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@data_dir_option
def stats(as_json: bool, data_dir: Path | None) -> None:
    """Documents, triples and entities by type."""
    from kg.read.graph import KnowledgeGraph

    from kg.write.dedup import count_unique

    try:
        with KnowledgeGraph(_settings(data_dir), read_only=True) as kg:
            s = kg.stats()
            _total, dups = count_unique(kg.store)
    except KGError as e:
        _fail(e)
        return
    s["unique_documents"], s["near_duplicates"] = s["documents"] - dups, dups
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(f"문서 {s['documents']}건 (고유 {s['unique_documents']}건, 유사 중복 {dups}건; 색인 {s['indexed']}건), "
               f"트리플 {s['triples']:,}개")
    for t, n in s["entities"].items():
        click.echo(f"  {t:14s} {n}")


ENTITY_TYPES = NODE_TYPE_ORDER  # from core.types, which imports no rdflib: `kg` starts fast


@main.command()
@click.argument("name", required=False, default="")
@click.option("--type", "etype", default=None, type=click.Choice(ENTITY_TYPES, case_sensitive=False),
              help="Only entities of this type.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="Rows per page.")
@click.option("--page", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@data_dir_option
def entities(name: str, etype: str | None, limit: int, page: int, as_json: bool, data_dir: Path | None) -> None:
    """Entities the documents mention, the most mentioned first (with NAME: those whose name
    or alias contains it), as the /entities page lists them."""
    from kg.read.graph import KnowledgeGraph

    etype = etype.upper() if etype else None
    try:
        with KnowledgeGraph(_settings(data_dir), read_only=True) as kg:
            summary, start = kg.summary(), (page - 1) * limit
            if name.strip():
                hits = summary.lookup(name, kg.base, limit=10**9, type_=etype)
                total, rows = len(hits), hits[start:start + limit]
            else:
                total, rows = summary.browse(kg.base, etype, offset=start, limit=limit)
    except KGError as e:
        _fail(e)
        return
    if as_json:
        click.echo(json.dumps({"total": total, "page": page, "results": rows}, ensure_ascii=False, indent=2))
        return
    click.echo(f"개체 {total:,}개" + (f" ({page}쪽)" if page > 1 else ""))
    _table(["#", "이름", "유형", "문서", "IRI"], [[str(start + i + 1), r["label"], r["type"], str(r["documents"]), r["iri"]]
                                            for i, r in enumerate(rows)])


@main.command()
@click.argument("document")
@data_dir_option
def remove(document: str, data_dir: Path | None) -> None:
    """Remove a document (its IRI, content hash, source path or path#record id; a JSON
    Lines or CSV path removes all its records) from the store and index."""
    from kg.read.graph import KnowledgeGraph
    from kg.store.locks import WriterLock
    from kg.write.pipeline import find_documents, remove_document

    settings = _settings(data_dir)
    try:
        with WriterLock(settings.data_dir, "kg remove"), KnowledgeGraph(settings) as kg:
            removed = [i for i in find_documents(kg, document) if remove_document(kg, i)]
    except KGError as e:
        _fail(e)
        return
    if not removed:
        _fail(KGError(f"그런 문서가 없습니다: {document}. IRI, 내용 해시, 원본 경로(또는 경로#레코드 id)로 "
                      f"지정하세요 (no such document: {document})"))
    for i in removed:
        click.echo(f"삭제: {i}")


@main.command("settings")
def settings_cmd() -> None:
    """List the settings (environment variables, defaults, help)."""
    for name, default, help_ in describe():
        click.echo(f"{name:20s} {default:28s} {help_}")


def _backend_settings(data_dir: Path | None, embedded: bool) -> Settings:
    settings = _settings(data_dir)
    if embedded:  # the on-disk store even where KG_SPARQL_* point at a server
        settings = settings.with_(sparql_endpoint="", sparql_update_endpoint="", sparql_graph_store="",
                                  sparql_user="", sparql_password="")
    return settings


def _backend_name(settings: Settings) -> str:
    return settings.sparql_endpoint or str(settings.graph_dir)


EMBEDDED_HELP = "Use the on-disk store in DATA_DIR even when KG_SPARQL_ENDPOINT is set."


@main.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.option("--embedded", is_flag=True, help=EMBEDDED_HELP)
@data_dir_option
def export_cmd(output: Path | None, embedded: bool, data_dir: Path | None) -> None:
    """Write the whole graph as N-Quads, streaming: `kg export > all.nq`.

    Reads the remote server when KG_SPARQL_ENDPOINT is set, else the on-disk store (or,
    while another process holds it, the newest published snapshot).
    """
    from kg.store import open_store, snapshots
    from core.errors import StoreError
    from kg.store.transfer import export_nquads

    settings = _backend_settings(data_dir, embedded)
    remote = bool(settings.sparql_endpoint)
    try:
        try:  # a remote server only read; no empty on-disk store made where there is none
            store = open_store(settings, read_only=remote, create=False)
        except StoreError:
            snap = None if remote else snapshots.current(settings.data_dir)
            if snap is None:
                raise
            click.echo(f"저장소를 다른 프로세스가 쓰고 있어 최근 스냅숏을 내보냅니다: {snap}", err=True)
            store = open_store(settings, read_only=True, path=snap)
        with store:
            if output is None:
                n = export_nquads(store, sys.stdout.buffer)
            else:
                with output.open("wb") as f:
                    n = export_nquads(store, f)
    except KGError as e:
        _fail(e)
        return
    click.echo(f"내보냄: {n:,} quads ({_backend_name(settings)})", err=True)


@main.command("import")
@click.argument("source", type=click.File("rb"))
@click.option("--embedded", is_flag=True, help=EMBEDDED_HELP)
@click.option("--chunk", type=click.IntRange(min=1), default=None,
              help="Quads per write request. Default: 500 (SPARQL Update), 10000 (Graph Store, on-disk).")
@data_dir_option
def import_cmd(source: Any, embedded: bool, chunk: int | None, data_dir: Path | None) -> None:
    """Load N-Quads (e.g. from `kg export`; `-` reads standard input), streaming.

    Each named graph in the input replaces the graph of that name; other graphs stay.
    The text index is not touched: keep DATA_DIR/index with the graph it describes.
    """
    from kg.read.graph import KnowledgeGraph
    from kg.search.index import TextIndex
    from kg.store.transfer import import_nquads

    settings = _backend_settings(data_dir, embedded)
    try:
        with KnowledgeGraph(settings) as kg:
            quads, graphs = import_nquads(kg.store, source, chunk=chunk)
            kg.store.upgrade()  # N-Quads exported by an older version
            kg.publish()
            docs = set(kg.store.document_iris())
    except KGError as e:
        _fail(e)
        return
    click.echo(f"가져옴: {quads:,} quads, 그래프 {graphs:,}개 → {_backend_name(settings)}", err=True)
    try:
        ix = TextIndex(settings.index_dir, create=False)
        missing = len(docs - ix.all_iris())
        ix.close()
    except KGError:
        missing = len(docs)
    if missing:
        click.echo(f"주의: 문서 {missing:,}건이 텍스트 색인({settings.index_dir})에 없습니다. 다음 `kg ingest`는 "
                   "색인에 없는 문서 그래프를 중단된 수집으로 보고 지웁니다: 색인 디렉터리를 함께 옮기거나 "
                   "원본을 다시 수집하세요.", err=True)


def _register() -> None:
    from app.cli_saved import calendar, saved  # noqa: PLC0415
    from app.cli_watch import watch  # noqa: PLC0415

    for command in (watch, saved, calendar):
        main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    main()
