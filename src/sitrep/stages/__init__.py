"""Built-in stages: ingest (reading articles), nlp (spaCy) and extract (one module per concept).

Each extract stage registers itself in :mod:`sitrep.pipeline.registry` under a versioned name;
the modules are listed in ``registry.BUILTIN_MODULES`` and imported on first lookup.
"""
