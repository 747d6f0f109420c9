"""The layers are a contract: an import from a lower layer to a higher one (ingest → kg,
kg → web, kg.read → kg.write …) fails here, and so does a lint rule the code follows."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_no_package_imports_a_layer_above_it() -> None:
    p = _run("lint-imports", "--no-cache")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "0 broken" in p.stdout


def test_every_package_is_in_the_layers() -> None:
    """A new top-level package has to take a place in the contract, or nothing checks it."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = conf["tool"]["importlinter"]["contracts"][0]["layers"]
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench", "tools"}
    assert packages == set(layers)


def test_web_never_reaches_into_the_graph_store() -> None:
    """Web calls the facade: a page that wants data the facade lacks gets a facade method
    (kg.read.pages), not `kg.store` handed to a query module."""
    found = [f"{path.relative_to(ROOT)}:{node.lineno}"
             for path in sorted((ROOT / "web").rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Attribute) and node.attr in ("store", "_store", "_remote")]
    assert not found, "web/ touches the graph store: " + ", ".join(found)


def test_the_code_follows_its_lint_rules() -> None:
    p = _run("ruff", "check", "--no-cache", ".")
    assert p.returncode == 0, p.stdout + p.stderr


def test_a_product_module_over_400_lines_says_why_it_is_kept_whole() -> None:
    """Small modules are the house style: one over ~400 lines either splits where a
    coherent group of functions lets it, or says at its top why not."""
    long = [f"{path.relative_to(ROOT)} ({n} lines)"
            for package in ("core", "app", "kg", "ingest", "ontology", "web")
            for path in sorted((ROOT / package).rglob("*.py"))
            if (n := len(lines := path.read_text(encoding="utf-8").splitlines())) > 400
            and not any(line.startswith("# Over 400 lines, kept whole: ") for line in lines[:60])]
    assert not long, "over 400 lines without a reason at the top: " + ", ".join(long)
