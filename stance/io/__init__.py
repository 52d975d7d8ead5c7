"""Stage 1, in and out: documents and metadata loaded, tables written atomically.

``load`` reads text, HTML, JSON Lines and CSV corpora into :class:`~stance.io.load.Document`
records (a broken file becomes an error row, never a crash): it walks the inputs and joins
metadata, ``readers`` reads one file of each type, ``decode`` finds its encoding,
``html_text`` extracts a page's article, and ``records`` holds the records they yield.
``atomic`` writes every table, figure and model so that a reader never sees half a file.
"""
