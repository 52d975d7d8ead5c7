"""Tokens of a sentence (stance.extract.tokens): offsets into the document, abbreviation
periods kept, a sentence's last period split off. Text and names are fictional."""
import pytest

from stance.extract.tokens import LazyTokens, Token, iter_tokens, tokenize

TEXT = ("Earlier, Gen. Arlo Penn met U.S. envoys and Dr. Ines Marr in the harbour. "
        "They left at 9.30 a.m. on O'Dell's boat.")


def test_offsets_point_into_the_text():
    tokens = tokenize(TEXT)
    assert tokens and all(TEXT[t.start:t.end] == t.text for t in tokens)
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_a_window_keeps_document_offsets():
    start = TEXT.index("Gen.")
    end = TEXT.index(" met")
    tokens = tokenize(TEXT, start, end)
    assert [t.text for t in tokens] == ["Gen.", "Arlo", "Penn"]
    assert tokens[0].start == start and tokens[-1].end == end


@pytest.mark.parametrize("word", ["Gen.", "U.S.", "Dr.", "a.m."])
def test_abbreviation_periods_are_kept(word):
    assert word in [t.text for t in tokenize(TEXT)]


def test_sentence_final_period_is_its_own_token():
    texts = [t.text for t in tokenize(TEXT)]
    assert texts[texts.index("harbour") + 1] == "."
    assert texts[-2:] == ["boat", "."]
    last = tokenize(TEXT)[-1]
    assert (last.start, last.end) == (len(TEXT) - 1, len(TEXT))


def test_names_with_inner_apostrophes_and_decimals_stay_whole():
    texts = [t.text for t in tokenize(TEXT)]
    assert "O'Dell" in texts and "9.30" in texts
    # the possessive is a token of its own, as the scorer and the speaker phrases read it
    assert texts[texts.index("O'Dell") + 1] == "'s"
    assert texts[:2] == ["Earlier", ","]


def test_is_cap():
    assert Token(0, 4, "Penn").is_cap and not Token(0, 3, "met").is_cap
    assert not Token(0, 1, ",").is_cap


def test_iter_tokens_is_tokenize_one_at_a_time():
    assert list(iter_tokens(TEXT, 9, 40)) == tokenize(TEXT, 9, 40)


def test_lazy_tokens_read_as_the_list_would():
    lazy = LazyTokens(TEXT, 0, len(TEXT))
    eager = tokenize(TEXT)
    assert lazy[2] == eager[2]
    assert lazy.has(len(eager) - 1) and not lazy.has(len(eager))
    assert len(lazy) == len(eager)
    assert [lazy[i] for i in range(len(lazy))] == eager
    with pytest.raises(IndexError):
        lazy[len(eager)]
    with pytest.raises(IndexError):
        lazy[-1]
