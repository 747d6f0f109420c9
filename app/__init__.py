"""The application shell: the `kg` command line, the HTTP server and the ingest progress
display. It joins the library (kg/) and the web UI (web/); nothing below it imports it."""
