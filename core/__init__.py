"""The bottom layer: errors, the document/extraction model, the entity-type table and the
namespace IRIs. It imports none of ingest, ontology, kg or web (tests/test_layers.py)."""
