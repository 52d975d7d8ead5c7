"""Tests of stance.report.render: the HTML view of an article used by the notebooks."""
from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import stance
from stance.extract.attribute import Statement
from stance.text.clean import Mask
from stance.report.render import (HTML, PALETTE, mask_table, render_html, sentence_table,
                                  speaker_statements,
                                  speaker_colours, statement_browser, statement_table_html)
from stance.text.segment import Sentence


class _Spans(HTMLParser):
    """Collects every <span> with its attributes and the text inside it (nested text too)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.spans: list[dict] = []
        self.open: list[dict] = []
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "span":
            item = {"attrs": dict(attrs), "text": []}
            self.spans.append(item)
            self.open.append(item)
        self.depth += tag not in ("br",)

    def handle_endtag(self, tag):
        if tag == "span":
            self.open.pop()
        self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        for item in self.open:
            item["text"].append(data)

    def of_class(self, cls: str) -> list[tuple[dict, str]]:
        return [(s["attrs"], "".join(s["text"])) for s in self.spans
                if s["attrs"].get("class") == cls]


def _parse(fragment: str) -> _Spans:
    parser = _Spans()
    parser.feed(fragment)
    parser.close()
    assert parser.depth == 0, "unbalanced tags"
    return parser


ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"

TEXT = ("WATCH: Leaders meet\n\n"
        "Putin said that NATO <must> stop & leave. Orban said the talks would go on.\n\n"
        "Please enter your comment!")


def _statement(n, speaker, start_word, end_word, kind="reported", cue="said", relayed_by=""):
    start = TEXT.index(start_word)
    end = TEXT.index(end_word) + len(end_word)
    return Statement("doc", n, speaker, "person", speaker.split()[-1], kind, cue, start, end,
                     TEXT[start:end], relayed_by)


MASKS = [Mask(0, 19, "related_link"), Mask(TEXT.index("Please"), len(TEXT), "comment_form")]
STATEMENTS = [_statement(1, "Vladimir Putin", "NATO", "leave"),
              _statement(2, "Viktor Orbán", "the talks", "go on", relayed_by="his office")]


def test_returns_html_string_that_jupyter_renders():
    out = render_html(TEXT)
    assert isinstance(out, str) and isinstance(out, HTML)
    assert out._repr_html_() == str(out)
    assert out.startswith("<div") and out.endswith("</div>")


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "a & b < c > d \"q\" 'x'",
                                  "Tom & Jerry's <b>bold</b>"])
def test_text_is_escaped(text):
    out = render_html(text, masks=[Mask(0, 3, "r<1>")],
                      statements=[Statement("d", 1, "A <b>", "person", "A", "direct",
                                            "said\"", 0, len(text), text)])
    assert "<script>" not in out and "<b>bold" not in out and "A <b>" not in out
    assert html.escape(text[3:], quote=False) in out
    assert 'title="A &lt;b&gt; · direct · said&quot;"' in out
    assert 'data-rule="r&lt;1&gt;"' in out
    parsed = _parse(out)
    # The document's text survives escaping exactly.
    assert "".join(t for s in parsed.of_class("stance-statement") for t in s[1]) == text


def test_every_mask_is_a_span_with_its_text_and_rule():
    parsed = _parse(render_html(TEXT, masks=MASKS))
    masks = parsed.of_class("stance-mask")
    assert [(a["data-rule"], text) for a, text in masks] == \
        [(m.rule, TEXT[m.start:m.end]) for m in MASKS]
    for attrs, _ in masks:
        assert attrs["title"] == f"boilerplate: {attrs['data-rule']}"
        assert "line-through" in attrs["style"]


def test_every_statement_is_a_span_with_its_text_and_tooltip():
    parsed = _parse(render_html(TEXT, masks=MASKS, statements=STATEMENTS))
    spans = parsed.of_class("stance-statement")
    assert [text for _, text in spans] == [s.text for s in STATEMENTS]
    assert spans[0][0]["title"] == "Vladimir Putin · reported · said"
    assert spans[1][0]["title"] == "Viktor Orbán · reported · said · relayed by his office"
    assert [a["data-statement-id"] for a, _ in spans] == ["doc:1", "doc:2"]


def test_statements_from_a_dataframe_match_records():
    frame = pd.DataFrame([s.row() for s in STATEMENTS])
    assert render_html(TEXT, statements=frame) == render_html(TEXT, statements=STATEMENTS)


def test_sentence_markers_do_not_change_span_text():
    sentences = stance.split_sentences(TEXT, masks=MASKS)
    parsed = _parse(render_html(TEXT, masks=MASKS, sentences=sentences, statements=STATEMENTS))
    assert [t for _, t in parsed.of_class("stance-statement")] == [s.text for s in STATEMENTS]
    markers = parsed.of_class("stance-sentence")
    assert [int(a["data-start"]) for a, _ in markers] == [s.start for s in sentences]
    assert all(text == "" for _, text in markers)
    # The whole text is shown once, in order, markers and legend aside.
    body = "".join(parsed.text)
    assert TEXT in body


def test_legend_lists_each_speaker_once_with_its_colour():
    statements = STATEMENTS + [_statement(3, "Vladimir Putin", "Putin", "that")]
    parsed = _parse(render_html(TEXT, statements=statements))
    legend = parsed.of_class("stance-legend-item")
    assert [text for _, text in legend] == ["Vladimir Putin", "Viktor Orbán"]
    colours = speaker_colours(["Vladimir Putin", "Viktor Orbán"])
    for attrs, text in legend:
        assert colours[text][0] in attrs["style"]
    for attrs, _ in parsed.of_class("stance-statement"):
        assert colours[attrs["data-speaker"]][0] in attrs["style"]


def test_colour_by_kind():
    statements = STATEMENTS[:1] + [_statement(2, "Viktor Orbán", "the talks", "go on",
                                              kind="direct")]
    parsed = _parse(render_html(TEXT, statements=statements, colour_by="kind"))
    assert [t for _, t in parsed.of_class("stance-legend-item")] == ["reported", "direct"]


def test_more_speakers_than_colours_stay_apart():
    colours = speaker_colours(f"speaker {i}" for i in range(len(PALETTE) + 2))
    assert len(set(colours.values())) == len(PALETTE) + 2
    assert colours["speaker 0"][0] == colours[f"speaker {len(PALETTE)}"][0]


def test_overlapping_spans_stay_well_formed():
    text = "abcdefghij"
    out = render_html(text, masks=[Mask(0, 5, "m")],
                      statements=[Statement("d", 1, "A", "person", "A", "reported", "said", 3, 8,
                                            text[3:8])])
    parsed = _parse(out)
    assert "".join(parsed.text).endswith(text)
    assert 'data-continued="1"' in out


def test_real_article_round_trip():
    result = stance.score_documents(ARTICLES)
    text = (ARTICLES / "ap-2022-02-01-putin-orban.txt").read_text(encoding="utf-8")
    masks = stance.find_boilerplate(text)
    parsed = _parse(render_html(text, masks=masks, statements=result.statements,
                                sentences=stance.split_sentences(text, masks=masks)))
    assert len(parsed.of_class("stance-statement")) == len(result.statements)
    assert [t for _, t in parsed.of_class("stance-statement")] == list(result.statements["text"])
    assert {t for _, t in parsed.of_class("stance-legend-item")} == \
        set(result.statements["speaker"])


def test_statement_table_html_escapes_and_colours():
    frame = pd.DataFrame([s.row() for s in STATEMENTS])
    out = statement_table_html(frame)
    assert "&lt;must&gt;" in out and "<must>" not in out
    assert out.count("<tr>") == len(frame) + 1
    assert speaker_colours(frame["speaker"])["Viktor Orbán"][0] in out


def test_tables():
    masks = mask_table(TEXT, MASKS)
    assert list(masks.columns) == ["start", "end", "rule", "text"]
    assert masks["text"].tolist() == ["WATCH: Leaders meet", "Please enter your comment!"]
    sentences = sentence_table(TEXT, stance.split_sentences(TEXT))
    assert sentences["text"].iloc[1].startswith("Putin said")
    assert mask_table(TEXT, []).empty


def test_statement_browser_shows_a_speaker():
    pytest.importorskip("ipywidgets")
    frame = pd.DataFrame([s.row() for s in STATEMENTS])
    box = statement_browser(frame, speaker="Viktor Orbán")
    dropdown, table = box.children
    assert dropdown.value == "Viktor Orbán"
    assert "the talks would go on" in table.value and "&lt;must&gt;" not in table.value
    dropdown.value = "Vladimir Putin"
    assert "&lt;must&gt; stop &amp; leave" in table.value
    assert "the talks would go on" not in table.value


def test_speaker_statements_defaults_to_most_quoted():
    frame = pd.DataFrame([s.row() for s in STATEMENTS + [_statement(3, "Viktor Orbán", "Putin",
                                                                     "that")]])
    table = speaker_statements(frame)
    assert table["statement_id"].tolist() == ["doc:2", "doc:3"]
    assert speaker_statements(frame, speaker="Vladimir Putin")["statement_id"].tolist() == ["doc:1"]
    assert speaker_statements(frame.iloc[:0]).empty
