"""The one way a blueprint reaches the knowledge graph: the app's KnowledgeGraph, opened
once by create_app (web/__init__.py) and shared by all request threads."""
from __future__ import annotations

from flask import current_app

from kg.read.graph import KnowledgeGraph


def get_kg() -> KnowledgeGraph:
    """The app's knowledge graph (opened once at create_app)."""
    return current_app.extensions["kg"].kg
