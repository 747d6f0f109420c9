"""The loader tests build their HWP, HWPX, DOCX and PDF files with the writers in
tests/fixtures/ (docgen.py, make_hwp.py), from text written for the tests."""
from __future__ import annotations

import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))
