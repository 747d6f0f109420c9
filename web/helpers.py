"""Shared pieces of the web layer: JSON twins, error pages, IRI → local link, Korean labels."""
from __future__ import annotations

import csv
import io
import ipaddress
import re
from typing import Any, Callable, Iterable
from urllib.parse import urlencode

from flask import Flask, Response, abort, current_app, jsonify, render_template, request
from markupsafe import Markup, escape
from werkzeug.exceptions import default_exceptions

from kg.csvsafe import safe_row
from kg.settings import Settings
from core.types import NODE_TYPE_ORDER, SLUG_TYPES, TYPE_LABELS, TYPE_ORDER  # noqa: F401 (re-exported to the blueprints)

BROWSE_TYPES = NODE_TYPE_ORDER  # entities are nodes; dates and amounts are values

STATUS_TITLES = {
    400: "잘못된 요청입니다",
    403: "허용되지 않는 요청입니다",
    404: "페이지를 찾을 수 없습니다",
    405: "허용되지 않는 요청 방식입니다",
    406: "요청한 형식으로 응답할 수 없습니다",
    413: "요청이 너무 큽니다",
    415: "지원하지 않는 요청 형식입니다",
    429: "요청이 너무 많습니다",
    500: "서버 오류가 발생했습니다",
    503: "지금은 처리할 수 없습니다",
}
STATUS_HINTS = {
    404: "주소를 확인하거나 검색을 이용해 주세요.",
    500: "잠시 후 다시 시도해 주세요. 문제가 계속되면 관리자에게 알려 주세요.",
    503: "데이터가 아직 없거나 서버가 바쁩니다. 잠시 후 다시 시도해 주세요.",
}


def settings() -> Settings:
    return current_app.config["KG_SETTINGS"]


def client_address() -> str:
    """Who sends this request, for fair shares and lock-outs: the peer's address, or
    behind a reverse proxy the one ProxyFix puts in remote_addr. An IPv6 client counts
    by its /64 (one household or server holds a whole /64 and could rotate through it);
    an IPv4 address written as IPv6 (::ffff:a.b.c.d) counts as itself."""
    addr = request.remote_addr or ""
    try:
        ip = ipaddress.ip_address(addr.split("%")[0])
    except ValueError:
        return addr
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


# -- JSON twins ----------------------------------------------------------------------
def wants_json() -> bool:
    """A JSON twin is asked for by a `.json` suffix, an /api/ path, or an Accept header
    that prefers JSON to HTML (browsers prefer HTML; a bare client gets HTML)."""
    if request.path.endswith(".json") or request.path.startswith("/api/"):
        return True
    accept = request.accept_mimetypes
    if not accept:
        return False
    best = accept.best_match(["text/html", "application/json"])
    return best == "application/json" and accept["application/json"] > accept["text/html"]


def json_response(data: Any, status: int = 200) -> Response:
    resp = jsonify(data)
    resp.status_code = status
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.vary.add("Accept")
    return resp


CsvTable = Callable[[dict[str, Any]], tuple[list[str], Iterable[Iterable[Any]], str]]


def page_or_json(template: str, payload: dict[str, Any], status: int = 200, *, fmt: str | None = None,
                 table: CsvTable | None = None, name: str | None = None, **page_only: Any) -> Any:
    """A page, its JSON twin and its CSV from one payload (Datasette's data() idea), so
    the three cannot drift apart. `fmt` is the suffix the route was asked with ("json",
    "csv"; None: the Accept header chooses page or JSON); `table` makes the CSV's
    (header, rows, filename) from the payload. The template gets the payload's keys by name, or
    the whole payload as `name` (`data`, `ent`, `doc`) where the template reads it so,
    plus `page_only` for what only the page shows (objects, links, labels)."""
    if fmt == "csv":
        if table is None:
            abort(404)
        header, rows, filename = table(payload)
        return csv_response(header, rows, filename)
    if fmt == "json" or wants_json():
        return json_response(payload, status)
    context = {name: payload} if name else payload
    resp = current_app.make_response((render_template(template, **context, **page_only), status))
    resp.vary.add("Accept")
    return resp


def csv_response(header: list[str], rows: Iterable[Iterable[Any]], filename: str) -> Response:
    """A CSV download (UTF-8 with a BOM, so Excel reads Hangul; CRLF line ends; cells
    that would start a formula are quoted, kg.csvsafe)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(safe_row(r) for r in rows)
    resp = Response("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
    resp.headers["Content-Disposition"] = f"attachment; filename={filename}"
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp


def error_response(status: int, message: str) -> Any:
    """A Korean HTML page, JSON for JSON requests, plain text for SPARQL clients.
    `message` is shown as text (escaped); never a stack trace."""
    title = STATUS_TITLES.get(status, "오류")
    default = default_exceptions.get(status)
    if default is not None and message == default.description:
        message = ""  # werkzeug's English default text: the Korean title says it
    if wants_json():
        return json_response({"ok": False, "status": status, "error": title, "message": message or title}, status)
    if request.path.startswith("/sparql") and not _prefers_html():
        body = f"{status} {title}" + (f"\n\n{message}" if message else "") + "\n"
        return Response(body, status, content_type="text/plain; charset=utf-8")
    return render_template("error.html", status=status, title=title, message=message,
                           hint=STATUS_HINTS.get(status, "")), status


def _prefers_html() -> bool:
    accept = request.accept_mimetypes
    return bool(accept) and accept.best_match(["text/plain", "text/html"]) == "text/html" \
        and accept["text/html"] > accept["text/plain"]


# -- IRIs and links -------------------------------------------------------------------
def local_path(iri: str) -> str | None:
    """The page of an IRI minted under our base (…/id/…), or None for other IRIs."""
    base = settings().base_iri
    if not iri.startswith(base + "id/"):
        return None
    return request.script_root + "/" + iri[len(base):]


def iri_href(iri: str) -> str:
    """A link for any IRI: our own go to the local page, http(s) ones go out. Other IRIs
    under our base (the named graphs) are no page: no link, rather than one to the base's
    host, which need not be this server (KG_PORT=5077 with the default base)."""
    local = local_path(iri)
    if local is not None:
        return local
    if iri.startswith(settings().base_iri):
        return ""
    return iri if iri.startswith(("http://", "https://")) else ""


def type_of_iri(iri: str) -> str | None:
    """Entity type code from an entity IRI's path (…/id/company/… → COMPANY)."""
    base = settings().base_iri
    if not iri.startswith(base + "id/"):
        return None
    slug = iri[len(base) + 3:].split("/", 1)[0]
    return SLUG_TYPES.get(slug)


def short_iri(iri: str) -> str:
    """Compact form for tables: kgo:announces, or the IRI under our base without it."""
    from ontology.namespace import PREFIXES  # noqa: PLC0415

    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    base = settings().base_iri
    if iri.startswith(base):
        return iri[len(base):]
    return iri


def url_with(*, path: str | None = None, drop: Iterable[str] = (), **changes: Any) -> str:
    """The current URL with query arguments changed (for facets and pagination).
    A value of None removes the argument; a list sets all its values."""
    args: list[tuple[str, str]] = [(k, v) for k, v in request.args.items(multi=True)
                                   if k not in changes and k not in drop]
    for k, v in changes.items():
        if v is None:
            continue
        for item in v if isinstance(v, (list, tuple)) else [v]:
            args.append((k, str(item)))
    qs = urlencode(args)
    return (path or request.path) + ("?" + qs if qs else "")


def page_number(name: str = "page") -> int:
    """The `page` argument of a paged list (1 when absent); a bad one is a Korean 400."""
    raw = request.args.get(name, "1").strip() or "1"
    try:
        n = int(raw)
    except ValueError:
        abort(400, f"쪽 번호가 잘못되었습니다: {name}={raw}")
    if not 1 <= n <= 100_000:
        abort(400, f"쪽 번호는 1에서 100,000 사이여야 합니다: {name}={n}")
    return n


_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?|\d{4}년(?: \d{1,2}월)?(?: \d{1,2}일)?")  # ISO, or in words


def whole_dates(text: Any) -> Markup:
    """The text (escaped) with each date in a span that does not break: a narrow table
    cell would otherwise wrap 2024-05-08 at its hyphens, digit groups on three lines, and
    '2024년 5월 8일' between its words."""
    return Markup(_DATE.sub(lambda m: f'<span class="nw">{m.group(0)}</span>', str(escape(text))))


def register_template_helpers(app: Flask) -> None:
    from web.charts import result_chart, result_graph  # noqa: PLC0415
    from web.korean import with_particle  # noqa: PLC0415
    from web.vendor import vendor_available  # noqa: PLC0415

    app.jinja_env.globals.update(
        TYPE_LABELS=TYPE_LABELS, TYPE_ORDER=TYPE_ORDER, local_path=local_path, iri_href=iri_href,
        short_iri=short_iri, url_with=url_with, type_of_iri=type_of_iri, vendor_available=vendor_available,
        result_chart=result_chart, result_graph=result_graph,
    )
    app.jinja_env.filters["type_label"] = lambda code: TYPE_LABELS.get(str(code), str(code))
    app.jinja_env.filters["number"] = lambda n: f"{int(n):,}"
    app.jinja_env.filters["josa"] = with_particle  # {{ name|josa('와') }}: 산업통상자원부와, 강경성과
    app.jinja_env.filters["whole_dates"] = whole_dates
    from web.dates import dates_in_words, human_date  # noqa: PLC0415

    app.jinja_env.filters["human_date"] = human_date  # '2026년 말까지', not '../2026-12-31'
    app.jinja_env.filters["dates_in_words"] = dates_in_words  # '회의 (2022년 6월 28일)'
