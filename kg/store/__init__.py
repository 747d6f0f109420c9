"""Graph storage: the embedded Oxigraph store (embedded), a remote SPARQL 1.1 server
(remote), published snapshots, the writer lock, export/import (transfer) and the SPARQL
text checks both stores share (sparql_text)."""
