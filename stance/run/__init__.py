"""Stage 6, running it: one document (``pipeline``), a corpus (``engine``), the ``stance`` CLI.

:func:`~stance.run.pipeline.process_document` takes one document through every stage;
:func:`~stance.run.engine.run_corpus` runs a corpus in worker processes or on Dask and writes
the tables of CONTRACT.md; ``cli`` is the command line on top.
"""
