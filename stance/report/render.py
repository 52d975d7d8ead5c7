"""HTML views of one article: boilerplate, sentences and statements, for notebooks and reports.

:func:`render_html` turns a document text and the spans the pipeline found in it into one
self-contained HTML fragment (inline styles only, no scripts, no external files), so it reads
the same in JupyterLab, in an exported notebook and in a browser:

- boilerplate that cleaning masked is grey and struck through; hovering names the rule;
- sentence starts are thin vertical bars (hover: sentence number and offsets);
- statements are highlighted in one colour per speaker (hover: "speaker · kind · cue"), and a
  legend says which colour is whose.

Every piece of text goes through :func:`html.escape`, so an article holding ``<script>`` shows
it as text. The return value is a ``str`` (an :class:`HTML`) that Jupyter displays rendered.

The small table helpers (:func:`mask_table`, :func:`sentence_table`) and
:func:`statement_browser` (pick a speaker, see their statements) exist so that the notebooks
only call functions and never define any.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

__all__ = ["HTML", "render_html", "statement_table_html", "speaker_colours", "mask_table",
           "sentence_table", "statement_browser", "speaker_statements", "PALETTE",
           "BORDER_STYLES"]

#: Okabe & Ito (2008), "Color Universal Design": eight colours that stay distinct for the
#: common colour-vision deficiencies. Yellow and black come last: a yellow tint is faint on
#: white and a black one reads as grey.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442",
           "#000000")
#: Underline styles that tell apart values sharing a colour once there are more values than
#: colours (value i gets colour i mod 8 and style i div 8).
BORDER_STYLES = ("solid", "dashed", "dotted", "double")
#: Opacity of a statement's background tint; the full colour is the underline. 0.28 keeps black
#: text readable on every palette colour (contrast ratio above 7:1 on the darkest tint).
TINT_ALPHA = 0.28
#: Masked boilerplate: mid grey text (4.5:1 on white, WCAG AA) on a light grey ground.
MASK_STYLE = "color:#6b6b6b;background:#f1f1f1;text-decoration:line-through;"
#: Sentence start marker: a thin bar with no text, so a span's text content stays exact.
SENTENCE_STYLE = ("display:inline-block;width:0;height:1.1em;vertical-align:text-bottom;"
                  "border-left:2px solid #9a9a9a;margin:0 2px 0 1px;")
#: The article block: wrapped text that keeps the document's line breaks.
BLOCK_STYLE = ("font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.7;"
               "white-space:pre-wrap;max-width:52em;color:#111;background:#fff;padding:0.6em;")
LEGEND_STYLE = ("font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;"
                "margin:0.3em 0 0.6em 0;line-height:1.9;color:#111;")
SWATCH_STYLE = "display:inline-block;padding:0 0.45em;margin:0 0.5em 0 0;border-radius:2px;"


class HTML(str):
    """A string of HTML that Jupyter displays rendered (it has ``_repr_html_``).

    It is a plain ``str`` otherwise: write it to a file, or embed it in a larger page.

    Examples
    --------
    >>> h = HTML("<b>x</b>")
    >>> h._repr_html_(), h + "!"
    ('<b>x</b>', '<b>x</b>!')
    """

    def _repr_html_(self) -> str:
        return str(self)

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's text/plain fallback
        printer.text(f"<HTML fragment, {len(self)} characters>")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    order: int  # position in the input, to keep nesting stable for equal spans
    open_tag: str


def _get(item: Any, name: str, default: Any = "") -> Any:
    """Field ``name`` of a record, a mapping or a DataFrame row."""
    if isinstance(item, Mapping):
        return item.get(name, default)
    if isinstance(item, pd.Series):
        return item.get(name, default)
    return getattr(item, name, default)


def _records(items: Any) -> list:
    """Rows of a DataFrame as Series, or the items of any other iterable."""
    if items is None:
        return []
    if isinstance(items, pd.DataFrame):
        return [row for _, row in items.iterrows()]
    return list(items)


def _text(value: Any) -> str:
    """A cell as display text: missing values (None, NaN) become ''."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def speaker_colours(values: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Colour and underline style per value, in order of first appearance.

    Parameters
    ----------
    values : iterable of str
        Speakers (or kinds, ...), repeated values allowed.

    Returns
    -------
    dict
        value -> (hex colour from :data:`PALETTE`, CSS border style from :data:`BORDER_STYLES`).

    Examples
    --------
    >>> speaker_colours(["Putin", "Orban", "Putin"])
    {'Putin': ('#E69F00', 'solid'), 'Orban': ('#56B4E9', 'solid')}
    """
    out: dict[str, tuple[str, str]] = {}
    for value in values:
        if value not in out:
            i = len(out)
            out[value] = (PALETTE[i % len(PALETTE)],
                          BORDER_STYLES[(i // len(PALETTE)) % len(BORDER_STYLES)])
    return out


def _highlight_style(colour: str, border: str) -> str:
    width = "3px" if border == "double" else "2px"
    return (f"background:{_rgba(colour, TINT_ALPHA)};border-bottom:{width} {border} {colour};"
            "border-radius:2px;padding:0 1px;")


def _swatch(colour: str, border: str) -> str:
    return f"{SWATCH_STYLE}{_highlight_style(colour, border)}"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _statement_title(st: Any) -> str:
    parts = [_text(_get(st, "speaker")) or "(unknown speaker)", _text(_get(st, "kind")),
             _text(_get(st, "cue")) or "(no cue)"]
    title = " · ".join(parts)
    relayed = _text(_get(st, "relayed_by"))
    if relayed:
        title += f" · relayed by {relayed}"
    return title


def _nest(text: str, spans: Sequence[_Span], markers: Mapping[int, list[str]]) -> str:
    """Write ``text`` with ``spans`` as properly nested ``<span>`` elements.

    Spans that contain each other nest; a span that crosses another's end is closed there and
    reopened (marked ``data-continued``) so the HTML stays well formed. ``markers`` are
    zero-width snippets inserted at their offsets.
    """
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    starts: dict[int, list[_Span]] = {}
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.order)):
        starts.setdefault(s.start, []).append(s)
    points = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans),
                     *(p for p in markers if 0 <= p <= n)})
    out: list[str] = []
    stack: list[_Span] = []
    for i, p in enumerate(points):
        ending = [k for k, s in enumerate(stack) if s.end == p]
        reopen: list[_Span] = []
        if ending:
            cut = ending[0]
            reopen = [s for s in stack[cut:] if s.end != p]
            out.append("</span>" * (len(stack) - cut))
            del stack[cut:]
        for s in reopen:
            out.append(s.open_tag.replace("<span ", "<span data-continued=\"1\" ", 1))
            stack.append(s)
        out.extend(markers.get(p, ()))
        for s in starts.get(p, ()):
            out.append(s.open_tag)
            stack.append(s)
        if i + 1 < len(points):
            out.append(html.escape(text[p:points[i + 1]], quote=False))
    out.append("</span>" * len(stack))
    return "".join(out)


def render_html(text: str, *, masks: Iterable = (), sentences: Iterable = (),
                statements: Iterable = (), colour_by: str = "speaker",
                legend: bool = True) -> HTML:
    """Render one article with its boilerplate, sentence starts and statements marked.

    Parameters
    ----------
    text : str
        The document text as loaded (every offset points into it).
    masks : iterable of Mask, optional
        Boilerplate spans (:func:`stance.find_boilerplate`): greyed and struck through, the
        rule in the tooltip.
    sentences : iterable of Sentence, optional
        Sentences (:func:`stance.split_sentences`): a thin bar marks where each starts.
    statements : iterable of Statement, or the ``statements`` DataFrame, optional
        Each is highlighted over ``text[start:end]`` (its content), in a colour per value of
        ``colour_by``, with the tooltip "speaker · kind · cue".
    colour_by : str, default "speaker"
        The statement field that picks the colour (``"speaker"``, ``"kind"``, ``"cue"``, ...).
    legend : bool, default True
        Put a legend (one swatch per value of ``colour_by``, and the mask and sentence
        markers used) above the text.

    Returns
    -------
    HTML
        A ``str`` holding a self-contained ``<div>`` (inline styles only); Jupyter shows it
        rendered.

    Examples
    --------
    >>> from stance.text.clean import Mask
    >>> out = render_html("WATCH: x. Putin said a <b>.", masks=[Mask(0, 9, "related_link")])
    >>> "&lt;b&gt;" in out and 'title="boilerplate: related_link"' in out
    True
    """
    statements = _records(statements)
    colours = speaker_colours(_text(_get(st, colour_by)) or "(none)" for st in statements)
    spans: list[_Span] = []
    rules: list[str] = []
    for m in _records(masks):
        rule = _text(_get(m, "rule")) or "boilerplate"
        rules.append(rule)
        spans.append(_Span(int(_get(m, "start")), int(_get(m, "end")), len(spans),
                           f'<span class="stance-mask" data-rule="{_attr(rule)}" '
                           f'title="{_attr("boilerplate: " + rule)}" style="{MASK_STYLE}">'))
    for st in statements:
        value = _text(_get(st, colour_by)) or "(none)"
        colour, border = colours[value]
        sid = _text(_get(st, "statement_id"))
        spans.append(_Span(int(_get(st, "start")), int(_get(st, "end")), len(spans),
                           f'<span class="stance-statement" data-speaker='
                           f'"{_attr(_text(_get(st, "speaker")))}" data-statement-id='
                           f'"{_attr(sid)}" title="{_attr(_statement_title(st))}" '
                           f'style="{_highlight_style(colour, border)}">'))
    markers: dict[int, list[str]] = {}
    sentence_list = _records(sentences)
    for s in sentence_list:
        start, end = int(_get(s, "start")), int(_get(s, "end"))
        index = _text(_get(s, "index"))
        label = f"sentence {index} ({start}–{end})" if index else f"sentence ({start}–{end})"
        markers.setdefault(start, []).append(
            f'<span class="stance-sentence" data-start="{start}" title="{_attr(label)}" '
            f'style="{SENTENCE_STYLE}"></span>')
    body = _nest(text, spans, markers)
    parts = ['<div class="stance-render">']
    if legend:
        parts.append(_legend(colours, colour_by, sorted(set(rules)), bool(sentence_list)))
    parts.append(f'<div class="stance-text" style="{BLOCK_STYLE}">{body}</div></div>')
    return HTML("".join(parts))


def _legend(colours: Mapping[str, tuple[str, str]], colour_by: str, rules: Sequence[str],
            sentences: bool) -> str:
    items = []
    for value, (colour, border) in colours.items():
        items.append(f'<span class="stance-legend-item" data-value="{_attr(value)}" '
                     f'style="{_swatch(colour, border)}">{html.escape(value)}</span>')
    if rules:
        items.append(f'<span class="stance-legend-mask" title="{_attr(", ".join(rules))}" '
                     f'style="{SWATCH_STYLE}{MASK_STYLE}">boilerplate ({html.escape(", ".join(rules))})'
                     '</span>')
    if sentences:
        items.append(f'<span style="{SWATCH_STYLE}"><span style="{SENTENCE_STYLE}"></span>'
                     'sentence start</span>')
    if not items:
        return ""
    head = f"<b>{html.escape(colour_by)}:</b> " if colours else ""
    return (f'<div class="stance-legend" style="{LEGEND_STYLE}">{head}{"".join(items)}'
            "<br><i>Hover over a highlight for details.</i></div>")


def statement_table_html(statements: pd.DataFrame | Iterable, *,
                         columns: Sequence[str] = ("speaker", "speaker_mention", "kind", "cue",
                                                   "relayed_by", "text"),
                         colour_by: str = "speaker") -> HTML:
    """An HTML table of statements whose ``colour_by`` cell carries the speaker's colour.

    The colours are those :func:`render_html` gives the same statements, so the table reads
    as the legend of the rendered article. Columns the statements lack are left out.

    Parameters
    ----------
    statements : DataFrame or iterable of Statement
        The ``statements`` table (or records).
    columns : sequence of str
        Columns to show, in order.
    colour_by : str, default "speaker"
        The column whose values are coloured.

    Returns
    -------
    HTML
    """
    rows = _records(statements)
    colours = speaker_colours(_text(_get(r, colour_by)) or "(none)" for r in rows)
    if isinstance(statements, pd.DataFrame):
        columns = [c for c in columns if c in statements.columns]
    cell = "padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;"
    out = ['<table class="stance-statements" style="border-collapse:collapse;font-size:13px;">',
           "<thead><tr>", *(f'<th style="{cell}">{html.escape(c)}</th>' for c in columns),
           "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>")
        for c in columns:
            value = _text(_get(r, c))
            if c == colour_by:
                colour, border = colours[value or "(none)"]
                out.append(f'<td style="{cell}"><span style="{_swatch(colour, border)}">'
                           f"{html.escape(value)}</span></td>")
            else:
                out.append(f'<td style="{cell}">{html.escape(value)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return HTML("".join(out))


def mask_table(text: str, masks: Iterable) -> pd.DataFrame:
    """One row per boilerplate mask: ``start``, ``end``, ``rule`` and the masked ``text``."""
    rows = [{"start": int(_get(m, "start")), "end": int(_get(m, "end")),
             "rule": _text(_get(m, "rule"))} for m in _records(masks)]
    frame = pd.DataFrame(rows, columns=["start", "end", "rule"])
    frame["text"] = [text[s:e] for s, e in zip(frame["start"], frame["end"])]
    return frame


def sentence_table(text: str, sentences: Iterable) -> pd.DataFrame:
    """One row per sentence: ``index``, ``paragraph``, ``start``, ``end``, ``masked``, ``text``."""
    rows = [{"index": _get(s, "index", None), "paragraph": _get(s, "paragraph", None),
             "start": int(_get(s, "start")), "end": int(_get(s, "end")),
             "masked": bool(_get(s, "masked", False))} for s in _records(sentences)]
    frame = pd.DataFrame(rows, columns=["index", "paragraph", "start", "end", "masked"])
    frame["text"] = [text[s:e] for s, e in zip(frame["start"], frame["end"])]
    return frame


def _speakers(statements: pd.DataFrame) -> tuple[list[str], pd.Series]:
    """Speakers, most statements first (ties by name), and their statement counts."""
    counts = statements["speaker"].value_counts()
    return sorted(counts.index, key=lambda name: (-counts[name], name)), counts


def _speaker_view(speaker: str, statements: pd.DataFrame,
                  stances: pd.DataFrame | None) -> pd.DataFrame:
    """The statements of ``speaker``, each with its stance rows (target, label, evidence)."""
    mine = statements[statements["speaker"] == speaker]
    cols = [c for c in ("statement_id", "speaker_mention", "kind", "cue", "text")
            if c in mine.columns]
    mine = mine[cols]
    if stances is None or not len(stances):
        return mine.reset_index(drop=True)
    extra = [c for c in ("target", "score", "label", "evidence") if c in stances.columns]
    merged = mine.merge(stances[["statement_id", *extra]], on="statement_id", how="left")
    for c in ("target", "label", "evidence"):
        if c in merged:
            merged[c] = merged[c].fillna("")
    return merged.reset_index(drop=True)


def statement_browser(statements: pd.DataFrame, stances: pd.DataFrame | None = None, *,
                      speaker: str | None = None):
    """A drop-down of speakers that lists the chosen speaker's statements with their evidence.

    Parameters
    ----------
    statements : DataFrame
        The ``statements`` table.
    stances : DataFrame, optional
        The ``stances`` table; its target, score, label and evidence are joined on
        ``statement_id``.
    speaker : str, optional
        The speaker shown first (default: the one with most statements).

    Returns
    -------
    ipywidgets.VBox or DataFrame
        The widget when ipywidgets is installed; otherwise (and for reading a notebook
        outside Jupyter, where widgets do not render) the static table of ``speaker``.
    """
    names, counts = _speakers(statements)
    if not names:
        return _speaker_view("", statements, stances)
    first = speaker if speaker in names else names[0]
    try:
        import ipywidgets as widgets
    except ImportError:
        return _speaker_view(first, statements, stances)
    options = [(f"{name} ({counts[name]})", name) for name in names]
    pick = widgets.Dropdown(options=options, value=first, description="Speaker:",
                            layout=widgets.Layout(width="30em"))
    # An HTML widget whose value is replaced, not an Output widget that captures display():
    # capturing output from a widget callback made ipykernel 7 delay execute replies, which
    # hung papermill runs now and then.
    table = widgets.HTML(value=_table_html(_speaker_view(first, statements, stances)))

    def show(change) -> None:
        table.value = _table_html(_speaker_view(change["new"], statements, stances))

    pick.observe(show, names="value")
    return widgets.VBox([pick, table])


def _table_html(frame: pd.DataFrame) -> str:
    """A DataFrame as an escaped HTML table (pandas escapes cell text by default)."""
    return frame.to_html(index=False, escape=True, border=0, classes="stance-speaker-table")


def speaker_statements(statements: pd.DataFrame, stances: pd.DataFrame | None = None, *,
                       speaker: str | None = None) -> pd.DataFrame:
    """The static table :func:`statement_browser` shows for one speaker.

    Parameters
    ----------
    statements, stances : DataFrame
        As in :func:`statement_browser`.
    speaker : str, optional
        The speaker; default (or a name without statements): the one with most statements.

    Returns
    -------
    DataFrame
        One row per statement and target: ``statement_id``, ``speaker_mention``, ``kind``,
        ``cue``, ``text`` and, with ``stances``, ``target``, ``score``, ``label``, ``evidence``.
    """
    names, _ = _speakers(statements)
    if speaker not in names:
        speaker = names[0] if names else ""
    return _speaker_view(speaker, statements, stances)

