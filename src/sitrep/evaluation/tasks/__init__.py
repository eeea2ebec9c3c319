"""Eval tasks, one module per task or capability; each registers its scorers with ``@task``.

A task too big for one module keeps its scorer in the task's module and its mapping in modules
named after it: ``muc4`` scores with ``grit`` and maps with ``muc4_incidents``,
``muc4_fillers``, ``muc4_perpetrators`` and ``muc4_words``.
"""
