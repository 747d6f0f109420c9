"""`python -m kg`: a shim kept so the old command works; the CLI lives in app.cli."""
from app.cli import main

main()
