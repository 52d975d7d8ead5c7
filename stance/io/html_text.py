"""Stage 1, load: the article text and title of an HTML page.

:func:`html_to_text` asks trafilatura for the page's main text and falls back to the standard
library's parser for fragments too small for it; :mod:`stance.io.readers` reads ``.html`` and
``.htm`` files with it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

# Elements whose content is never shown as article text.
# (``head`` is not listed: sloppy pages never close it, and what it holds besides the
# title is scripts, styles and void elements, which show no text anyway.)
_HTML_DROP = frozenset({"script", "style", "noscript", "template", "nav", "aside", "footer",
                        "header", "form", "menu"})
# Elements that start a new paragraph (HTML's block-level and table-row elements).
_HTML_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "ul",
})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.drop: list[str] = []  # stack of open dropped elements
        self.in_title = False

    def _break(self) -> None:
        # HTML collapses runs of white space into one space when it renders text.
        para = "\n".join(_HTML_SPACE.sub(" ", line).strip()
                         for line in "".join(self.current).split("\n"))
        para = para.strip("\n ")
        if para:
            self.paragraphs.append(para)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _HTML_DROP:
            self.drop.append(tag)
        elif self.drop:
            return
        elif tag == "br":
            self.current.append("\n")
        elif tag in _HTML_BLOCK:
            self._break()
        elif tag in ("td", "th"):
            self.current.append(" ")

    def handle_startendtag(self, tag, attrs):
        if not self.drop and tag == "br":
            self.current.append("\n")
        elif not self.drop and tag in _HTML_BLOCK:
            self._break()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in self.drop:
            # Close up to the matching start tag; HTML in the wild is not always well nested.
            while self.drop and self.drop.pop() != tag:
                pass
        elif not self.drop and tag in _HTML_BLOCK:
            self._break()

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.drop:
            # A newline in HTML source is white space, not a line break; only <br> is.
            self.current.append(data.replace("\n", " "))

    def close(self):
        super().close()
        self._break()


def html_to_text(html: str) -> tuple[str, str]:
    """Extract ``(text, title)`` from an HTML page.

    The article is found by trafilatura (Barbaresi 2021, ACL demo), the field's maintained
    main-content extractor: navigation, asides, footers, "most read" boxes and comment forms
    are left out, and each paragraph it keeps is separated from the next by a blank line.
    Pages too small for it to find a main text (a fragment, a bare paragraph) are read with
    the standard library's parser instead, which drops script, style, navigation, asides,
    headers and footers and makes block elements paragraphs. The title is the page's
    ``<title>``.

    Examples
    --------
    >>> html_to_text("<title>T</title><h1>Putin  speaks</h1><script>x()</script><p>He said.</p>")
    ('Putin speaks\n\nHe said.', 'T')
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    title = _HTML_SPACE.sub(" ", "".join(parser.title)).strip()
    fallback = "\n\n".join(parser.paragraphs)
    main = _main_text(html) if len(fallback) >= _MAIN_TEXT_MIN else None
    return (main if main else fallback), title


# Below this many characters of text a page is a fragment, not an article page: trafilatura
# finds no main text in it (it returns nothing for a bare "<p>…</p>"), so it is not asked.
_MAIN_TEXT_MIN = 200


def _main_text(html: str) -> str | None:
    import trafilatura
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False, output_format="txt")
    if not text or not text.strip():
        return None
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
