"""The web layer: a Flask application factory (flaskr style) with one blueprint per
feature — search, documents and entities, SPARQL, API — over one shared KnowledgeGraph.

The app reads the newest *published snapshot* of the graph store (kg.snapshots), so a
`kg ingest` can run while the server serves; user SPARQL runs in worker processes that
can be stopped at the time limit (kg.sparql_exec). Every HTML page has a JSON twin
(Datasette style): the same URL with `.json` or `Accept: application/json`.
"""
from __future__ import annotations

import logging
import weakref
from typing import Any

from flask import Flask, request
from werkzeug.exceptions import HTTPException

from core.errors import KGError, QueryError, QueryTimeout, StoreError
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from web import security
from web.helpers import error_response, register_template_helpers

log = logging.getLogger(__name__)


class KGExtension:
    """The resources of one app: the knowledge graph and the SPARQL worker pool.

    Opened once per app and shared by all request threads (the store wrapper holds a
    lock; the whoosh index opens a searcher per query); closed when the app is
    garbage-collected or the process exits, or explicitly with close()."""

    def __init__(self, settings: Settings, query_workers: int) -> None:
        self.settings = settings
        self.runner = None
        if query_workers > 0:
            from kg.read.sparql_exec import QueryRunner  # noqa: PLC0415 (spawns processes)

            self.runner = QueryRunner(settings.data_dir, workers=query_workers, queue_size=settings.query_queue,
                                      client_share=settings.query_client_share,
                                      memory_mb=settings.query_memory_mb, retry_after=settings.query_timeout)
        self.kg = KnowledgeGraph(settings, read_only=True, runner=self.runner)
        self.closed = False

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.kg.close()
        if self.runner is not None:
            self.runner.close()


def create_app(settings: Settings | None = None, *, query_workers: int | None = None) -> Flask:
    """Build the app. `settings` defaults to Settings.from_env(); `query_workers` is the
    number of SPARQL worker processes (default KG_QUERY_WORKERS; 0 runs queries
    in-process, without a time limit)."""
    settings = settings or Settings.from_env()
    query_workers = settings.query_workers if query_workers is None else query_workers
    app = Flask(__name__)
    app.jinja_options = {**app.jinja_options, "trim_blocks": True, "lstrip_blocks": True}
    app.config.update(KG_SETTINGS=settings,
                      MAX_CONTENT_LENGTH=4 * 1024 * 1024)  # a SPARQL query, not an upload
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    from web import deploy  # noqa: PLC0415

    deploy.configure(app, settings)  # ProxyFix, trusted hosts, no Host in redirects

    ext = KGExtension(settings, query_workers)
    app.extensions["kg"] = ext
    weakref.finalize(app, ext.close)  # also runs at interpreter exit

    from web import api, linked, network, pages, saved, search, shortlinks, sparql, upload, vendor, watch  # noqa: PLC0415

    app.register_blueprint(search.bp)
    app.register_blueprint(network.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(vendor.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(linked.bp)  # after sparql, whose request guard runs first
    app.register_blueprint(upload.bp)
    app.register_blueprint(watch.bp)
    app.register_blueprint(saved.bp)
    app.register_blueprint(shortlinks.bp)
    register_template_helpers(app)
    security.init_app(app)
    _register_errors(app)
    return app


def _register_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException) -> Any:
        resp = app.make_response(error_response(e.code or 500, e.description or ""))
        for name, value in e.get_headers():  # e.g. Allow on a 405, as HTTP requires
            if name.lower() != "content-type":
                resp.headers.setdefault(name, value)
        return resp

    @app.errorhandler(QueryTimeout)
    def timeout(e: QueryTimeout) -> Any:
        return error_response(503, str(e))  # Korean first already (kg.sparql_exec, kg.remote)

    @app.errorhandler(QueryError)
    def bad_query(e: QueryError) -> Any:
        return error_response(400, str(e))

    @app.errorhandler(StoreError)
    def no_store(e: StoreError) -> Any:
        log.warning("store unavailable: %s", e)
        return error_response(503, str(e))

    @app.errorhandler(KGError)
    def kg_error(e: KGError) -> Any:
        log.error("%s on %s: %s", type(e).__name__, request.path, e)
        return error_response(500, "")

    @app.errorhandler(Exception)
    def internal(e: Exception) -> Any:
        # the trace goes to the log, never to the client
        log.exception("unhandled error on %s", request.path)
        return error_response(500, "")
