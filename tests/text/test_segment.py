"""Paragraphs and sentences with offsets; Punkt parameters shipped, no download."""
import pytest

from stance.text.clean import Mask
from stance.text.segment import split_paragraphs, split_sentences


def _sentences(text, **kw):
    return [text[s.start:s.end] for s in split_sentences(text, **kw) if not s.masked]


@pytest.mark.parametrize("text, expected", [
    ("Zelenskyy signed a decree starting from Jan. 1, 2024, and outlined plans to raise pay. "
     "He spoke later.",
     ["Zelenskyy signed a decree starting from Jan. 1, 2024, and outlined plans to raise pay.",
      "He spoke later."]),
    ("Associated Press writer Edith M. Lederer at the United Nations contributed. Next.",
     ["Associated Press writer Edith M. Lederer at the United Nations contributed.", "Next."]),
    ("Gen. Anna Rask and Lt. Col. Ivo Daal met Sen. Mira Holt on Sept. 3. They talked.",
     ["Gen. Anna Rask and Lt. Col. Ivo Daal met Sen. Mira Holt on Sept. 3.", "They talked."]),
    ("Mr. Varga, Mrs. Kova and Dr. Lind spoke in St. Petersburg. It rained.",
     ["Mr. Varga, Mrs. Kova and Dr. Lind spoke in St. Petersburg.", "It rained."]),
    ("The U.S. and the U.K. joined the U.N. and E.U. talks. Then they left.",
     ["The U.S. and the U.K. joined the U.N. and E.U. talks.", "Then they left."]),
    ("Rep. Tom Hale Jr. said so on Feb. 2 and Aug. 5, not Oct. 1 or Nov. 9 or Dec. 3. Fine.",
     ["Rep. Tom Hale Jr. said so on Feb. 2 and Aug. 5, not Oct. 1 or Nov. 9 or Dec. 3.", "Fine."]),
    ("“Imagine that,” Varga said. “Should we fight then? Has anyone thought about it?”",
     ["“Imagine that,” Varga said.", "“Should we fight then?", "Has anyone thought about it?”"]),
    ("Gov. Lee and Sgt. Park arrived.", ["Gov. Lee and Sgt. Park arrived."]),
])
def test_sentence_cases(text, expected):
    assert _sentences(text) == expected


def test_sentences_stay_inside_paragraphs():
    text = "First line without stop\n\nSecond paragraph. Two sentences."
    sents = split_sentences(text)
    paras = split_paragraphs(text)
    assert [s.paragraph for s in sents] == [0, 1, 1]
    for s in sents:
        p = paras[s.paragraph]
        assert p.start <= s.start < s.end <= p.end


def test_paragraphs_blank_lines_and_single_newlines():
    assert [(p.start, p.end) for p in split_paragraphs("a b\n\n  c d  \n\n\n e")] == \
        [(0, 3), (7, 10), (16, 17)]
    # Without any blank line, each line is a paragraph.
    assert len(split_paragraphs("one.\ntwo.\nthree.")) == 3


def test_offsets_round_trip():
    text = "  Lead para. Second.\n\n“Quote,” she said.\n"
    for s in split_sentences(text):
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        assert text[s.start:s.end]


def test_masks_flag_whole_sentences_and_trim_datelines():
    text = "MOSCOW (AP) — The leader spoke. READ MORE: Other story"
    masks = [Mask(0, 14, "dateline"), Mask(32, len(text), "related-link")]
    sents = split_sentences(text, masks=masks)
    assert text[sents[0].start:sents[0].end] == "The leader spoke."
    assert not sents[0].masked
    assert sents[1].masked


def test_no_punkt_download_needed(tmp_path, monkeypatch):
    import subprocess
    import sys
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk"), "PATH": "/usr/bin:/bin"}
    code = ("from stance.text.segment import split_sentences; "
            "print(len(split_sentences('Ab cd. Ef gh.')))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "2"


def test_remembered_sentence_breaks_split_as_punkt_does(monkeypatch):
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from stance.text import segment
    plain = PunktSentenceTokenizer(segment.sentence_tokenizer()._params)
    texts = ["Dr. Varga met Gen. Osk at 5 p.m. on Monday. He left. (They spoke.) Then?",
             "The U.N. envoy, Ms. Teel, said: “No.” Mr. Brand agreed. It rained.",
             "Gen. Osk at 5 p.m. on Monday. He left.",  # its candidates were asked above
             "Lt. Osk waited. Osk left. Sgt. Osk stayed.",  # one next word, other answers
             "They met in 2021. then talks began.",  # one word before the stop, and the
             "They met in 2021. Then talks began."]  # next word's case decides
    monkeypatch.setattr(segment, "SENTBREAK_CACHE_SIZE", 3)  # the cache fills and is emptied
    for _ in range(2):
        for text in texts:
            assert list(segment.sentence_tokenizer().span_tokenize(text)) == \
                list(plain.span_tokenize(text))
    assert len(segment.sentence_tokenizer()._sentbreaks) <= 3
