"""Built-in stages: ingest (reading articles), nlp (spaCy) and extract (one module per concept).

Each extract stage registers itself in :mod:`sitrep.pipeline.registry` under a versioned name;
every module under this package is imported on the registry's first lookup.
"""
