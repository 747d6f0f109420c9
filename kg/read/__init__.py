"""The read side: the KnowledgeGraph facade web calls (graph), the data of each page
(entity, queries, summary, versions, lineage, calendar, suggest) and SPARQL execution in
worker processes (sparql_exec, query_queue, worker_limits)."""
