"""Eval tasks, one module per capability; each registers its scorers with ``@task``."""
