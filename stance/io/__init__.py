"""Stage 1, in and out: documents and metadata loaded, tables written atomically.

``load`` reads text, HTML, JSON Lines and CSV corpora into :class:`~stance.io.load.Document`
records (a broken file becomes an error row, never a crash); ``atomic`` writes every table,
figure and model so that a reader never sees half a file.
"""
