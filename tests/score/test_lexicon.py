"""The geopolitical lexicon: bundled table, inflection-aware lookup, phrase matching, loading."""
import dataclasses

import pytest

from stance.score.lexicon import FRAMES, Lexicon, LexiconEntry, load_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_bundled_lexicon_size_and_rows(lex):
    assert len(lex) >= 320
    for e in lex.entries:
        assert e.frame in FRAMES
        assert -1.0 <= e.valence <= 1.0
        assert e.term == e.term.lower().strip()
        assert e.source.startswith("project;")


def test_bundled_lexicon_header():
    from importlib.resources import files

    text = (files("stance") / "resources" / "geopolitical_lexicon.tsv").read_text("utf-8")
    first = next(line for line in text.splitlines() if line and not line.startswith("#"))
    assert first == "term\tvalence\tframe\tsource"


def test_default_lexicon_is_cached(lex):
    assert load_lexicon() is lex


@pytest.mark.parametrize("term, frame, sign", [
    ("invasion", "hostile_act", -1), ("annexation", "hostile_act", -1),
    ("occupation", "hostile_act", -1), ("sanctions", "measure", -1),
    ("sovereignty", "attribute", 1), ("territorial integrity", "attribute", 1),
    ("escalation", "hostile_act", -1), ("de-escalation", "peace", 1),
    ("provocation", "hostile_act", -1), ("blackmail", "hostile_act", -1),
    ("war crime", "hostile_act", -1), ("ceasefire", "peace", 1),
    ("genocide", "hostile_act", -1), ("aggression", "hostile_act", -1),
    ("nonstarter", "general", -1), ("mobilization", "hostile_act", -1),
    ("buildup", "hostile_act", -1), ("withdrawal", "peace", 1),
    ("intimidation", "hostile_act", -1), ("threat", "hostile_act", -1),
    ("disinformation", "hostile_act", -1), ("sham referendum", "attribute", -1),
    ("annex", "hostile_act", -1), ("liberation", "support_act", 1),
    ("denazification", "measure", -1), ("solidarity", "support_act", 1),
    ("regime", "attribute", -1), ("nuclear blackmail", "hostile_act", -1),
    ("ignore", "hostile_act", -1), ("brush aside", "hostile_act", -1),
    ("flout", "hostile_act", -1),
])
def test_required_terms(lex, term, frame, sign):
    e = lex.lookup(term)
    assert e is not None, term
    assert e.frame == frame
    assert e.valence * sign > 0


@pytest.mark.parametrize("term", ["troops", "forces", "weapons", "war", "expansion"])
def test_topic_words_are_near_neutral(lex, term):
    """Military topic words are overridden so that a war report is not a stance by itself."""
    assert abs(lex.lookup(term).valence) <= 0.1


@pytest.mark.parametrize("form, term", [
    ("invaded", "invade"), ("invading", "invade"), ("invades", "invade"),
    ("Annexed", "annex"), ("occupied", "occupy"), ("threatening", "threaten"),
    ("war crimes", "war crime"), ("supplies", "supply"), ("arming", "arm"),
    ("stands with", "stand with"), ("de-escalating", "de-escalate"),
    ("sanctioned", "sanction"), ("killed", "kill"), ("negotiations", "negotiations"),
    ("Ukraine’s", None), ("", None), ("banana", None),
])
def test_lookup_inflections(lex, form, term):
    e = lex.lookup(form)
    assert (e.term if e else None) == term


def test_match_longest_phrase_without_overlap(lex):
    tokens = "the full-scale invasion of ukraine and sanctions relief for russia".split()
    hits = [(i, j, e.term) for i, j, e in lex.match(tokens)]
    assert (1, 3, "full-scale invasion") in hits
    assert (6, 8, "sanctions relief") in hits
    spans = sorted((i, j) for i, j, _ in hits)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_match_prefers_exact_form_on_tie():
    lex = Lexicon([LexiconEntry("talks", 0.3, "peace"), LexiconEntry("talk", -0.1, "general")])
    assert [e.term for _, _, e in lex.match(["talks"])] == ["talks"]


def test_extend_returns_new_lexicon_and_overrides():
    base = Lexicon([LexiconEntry("junta", -0.8, "attribute")])
    more = base.extend([LexiconEntry("junta", -0.5, "attribute"),
                        LexiconEntry("truce", 0.5, "peace")])
    assert len(base) == 1 and base.lookup("junta").valence == -0.8
    assert len(more) == 2 and more.lookup("junta").valence == -0.5
    assert "truce" in more and "truce" not in base


def test_extend_does_not_touch_cached_default(lex):
    n = len(lex)
    lex.extend([LexiconEntry("zzzword", 0.5, "general")])
    assert len(load_lexicon()) == n


def test_entry_is_frozen_and_validated():
    e = LexiconEntry("truce", 0.5, "peace", "test")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.valence = 0.1
    with pytest.raises(ValueError, match="frame"):
        LexiconEntry("truce", 0.5, "mood")
    with pytest.raises(ValueError, match="valence"):
        LexiconEntry("truce", 1.5, "peace")


def _write(tmp_path, body, name="mine.tsv"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_load_researcher_tsv(tmp_path):
    path = _write(tmp_path, "# my lexicon\nterm\tvalence\tframe\tsource\n"
                            "Kyiv Junta\t-0.8\tattribute\tme\n\nfriendship\t0.5\tsupport_act\tme\n")
    lex = load_lexicon(path)
    assert len(lex) == 2
    assert lex.lookup("kyiv junta").valence == -0.8


@pytest.mark.parametrize("body, problem", [
    ("term\tvalence\tframe\tsource\nwar\t-0.1\tgeneral\n", "line 2: expected 4"),
    ("term\tvalence\tframe\tsource\nwar\tbad\tgeneral\tx\n", "line 2: valence 'bad'"),
    ("term\tvalence\tframe\tsource\nwar\t-3\tgeneral\tx\n", "outside"),
    ("term\tvalence\tframe\tsource\nwar\t-0.1\tmood\tx\n", "frame 'mood'"),
    ("term\tvalence\tframe\tsource\n\t-0.1\tgeneral\tx\n", "term is empty"),
    ("term\tvalence\tframe\tsource\nwar\t-0.1\tgeneral\tx\nwar\t-0.2\tgeneral\tx\n",
     "line 3: duplicate term 'war' \\(first on line 2\\)"),
    ("word\tscore\nwar\t-0.1\n", "line 1: expected the header"),
    ("# only comments\n", "no header"),
])
def test_malformed_rows_name_file_line_and_problem(tmp_path, body, problem):
    path = _write(tmp_path, body)
    with pytest.raises(ValueError, match=problem) as err:
        load_lexicon(path)
    assert "mine.tsv" in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_lexicon(tmp_path / "nope.tsv")
