"""Helpers shared by the attribution tests: run the extractor, find a statement by its words."""
from stance.extract.attribute import extract_statements


def run(text, actors, **kw):
    """The statements of ``text`` as one document ``t``."""
    return extract_statements("t", text, actors=actors, **kw)


def by_anchor(statements, anchor):
    """The first statement whose text holds ``anchor`` (fails, listing them, when none does)."""
    hits = [s for s in statements if anchor in s.text]
    assert hits, f"no statement contains {anchor!r}: {[s.text for s in statements]}"
    return hits[0]
