"""Stage 6, running it: one document (``document``), a corpus (``engine``, ``pipeline``), the CLI.

:func:`~stance.run.document.process_document` takes one document through every stage;
:func:`~stance.run.engine.iter_results` is the one corpus loop (chunks, in this process, in
worker processes or on Dask); :func:`~stance.run.engine.run_corpus` streams its chunks into the
tables of CONTRACT.md on disk, :func:`~stance.run.pipeline.score_documents` collects them in
memory; ``cli`` is the command line on top.
"""
