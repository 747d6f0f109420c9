"""Front-end libraries at `/vendor/<name>`, from an allow-list of files.

The libraries come from the npm registry through the checked-in package.json and
package-lock.json (`make setup` runs `npm ci` and the esbuild bundle of the SPARQL
editor); no library code is in the repository. Only the files named here are served,
so nothing else under node_modules/ is reachable. When a file is missing (no npm), the
templates leave its <script> out and the pages stay plain HTML forms and tables.
"""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_file

bp = Blueprint("vendor", __name__)

ROOT = Path(__file__).resolve().parent.parent  # the repository (package.json, node_modules/)

# public name → file under the repository root
FILES: dict[str, str] = {
    "cytoscape.min.js": "node_modules/cytoscape/dist/cytoscape.min.js",  # network graphs (MIT)
    "editor.js": "build/vendor/editor.js",  # CodeMirror 6 + SPARQL mode (MIT), bundled by esbuild
}


def vendor_path(name: str) -> Path | None:
    rel = FILES.get(name)
    if rel is None:
        return None
    root = Path(current_app.config.get("KG_VENDOR_ROOT") or ROOT)
    p = root / rel
    return p if p.is_file() else None


def vendor_available(name: str) -> bool:
    """Is the library file there (templates include its <script> only then)?"""
    return vendor_path(name) is not None


@bp.get("/vendor/<name>")
def vendor(name: str):  # type: ignore[no-untyped-def]
    p = vendor_path(name)
    if p is None:
        abort(404, "이 파일은 제공하지 않습니다.")
    resp = send_file(p, mimetype="text/javascript", max_age=86400, conditional=True)
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
