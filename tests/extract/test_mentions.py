"""Mention resolution within one document (stance.extract.mentions.MentionResolver): the same
entity whichever way the text names it. Every person, place and body here is fictional, and
the registry is a small one written for these tests."""
import pytest

from stance.extract.actors import Actor, ActorRegistry
from stance.extract.mentions import Entity, MentionResolver
from stance.text.segment import split_sentences

REGISTRY = ActorRegistry([
    Actor("Ilse Varnholt", "person", "Ruritania", "f", aliases=("Varnholt",),
          titles=("Foreign Minister",)),
    Actor("Ruritania", "state", "Ruritania"),
])


class Reader:
    """A resolver over ``text`` that has scanned it sentence by sentence, as attribution does."""

    def __init__(self, text, actors=REGISTRY, scan=True):
        self.text = text
        self.resolver = MentionResolver(text, actors)
        self.scanned = []
        if scan:
            for sentence in split_sentences(text):
                self.scanned += self.resolver.scan(sentence.start, sentence.end)

    def at(self, phrase, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        return start

    def resolve(self, phrase, nth=0, **kwargs):
        start = self.at(phrase, nth)
        return self.resolver.resolve(start, start + len(phrase), **kwargs)


def test_full_name_then_surname_is_one_entity():
    r = Reader("Senator Mira Tallis opened the session. Tallis said the vote would wait.")
    full = r.resolve("Senator Mira Tallis")
    later = r.resolve("Tallis", 1)
    assert full.entity.name == "Mira Tallis" and full.entity.type == "person"
    assert later.how == "surname" and later.entity == full.entity
    assert "senator" in full.entity.titles


def test_registry_name_then_alias_is_the_registry_actor():
    r = Reader("Foreign Minister Ilse Varnholt met envoys on Monday. Varnholt said talks "
               "would go on.")
    assert [(m.text, m.entity.name, m.how) for m in r.scanned] == [
        ("Ilse Varnholt", "Ilse Varnholt", "name"), ("Varnholt", "Ilse Varnholt", "name")]
    alias = r.resolve("Varnholt", 1)
    assert alias.entity.in_registry and alias.entity.affiliation == "Ruritania"


def test_title_and_surname_after_the_full_name():
    r = Reader("Deputy Minister Otto Kessler spoke at noon. Minister Kessler then left.")
    assert [(m.text, m.how) for m in r.scanned] == [("Deputy Minister Otto Kessler", "title+name")]
    first = r.resolve("Deputy Minister Otto Kessler")
    again = r.resolve("Minister Kessler")
    assert first.entity.name == "Otto Kessler"
    assert again.entity == first.entity
    assert {"deputy", "minister"} <= first.entity.titles


def test_a_title_names_an_unknown_person_and_gives_the_gender():
    r = Reader("Mr. Piet Hollis arrived late.", scan=False)
    m = r.resolve("Mr. Piet Hollis")
    assert (m.entity.name, m.entity.gender, m.how) == ("Piet Hollis", "m", "title+name")


def test_pronoun_refers_to_the_last_compatible_person():
    r = Reader("Mr. Piet Hollis arrived late. Spokeswoman Dana Orlik spoke first. He said "
               "little. She said more.")
    assert r.resolve("He").entity.name == "Piet Hollis"       # skips the spokeswoman
    assert r.resolve("She").entity.name == "Dana Orlik"
    assert r.resolve("He").how == "pronoun"


def test_pronoun_prefers_a_salient_speaker_over_a_later_mention():
    r = Reader("Senator Ansel Grau spoke. Mayor Ilka Sorn replied. He said no.", scan=False)
    grau = r.resolve("Senator Ansel Grau").entity
    sorn = r.resolve("Mayor Ilka Sorn").entity
    he = r.at("He")
    assert r.resolver.resolve_pronoun(he, "he") == sorn        # the last person mentioned
    r.resolver.make_salient(0, grau)
    assert r.resolver.resolve_pronoun(he, "he") == grau        # the speaker wins
    assert r.resolver.resolve_pronoun(0, "he") is None         # nothing before the text


def test_object_pronoun_resolves_as_its_subject_form():
    r = Reader("Spokeswoman Dana Orlik was asked. According to her, talks will resume.")
    assert r.resolve("her").entity.name == "Dana Orlik"


def test_institution_phrase_then_the_generic_head():
    r = Reader("The Estonian Defence Ministry issued a statement. The ministry said drills "
               "would go on.")
    inst = r.resolve("The Estonian Defence Ministry")
    assert inst.how == "institution" and inst.entity.type == "institution"
    assert inst.entity.name == "Estonian Defence Ministry"
    assert inst.entity.affiliation == "Estonia"
    assert r.resolve("The ministry").entity == inst.entity
    assert [m.entity.name for m in r.scanned] == ["Estonian Defence Ministry"]


def test_a_spokesperson_speaks_for_the_body():
    r = Reader("The Borduran Trade Ministry's spokesman said so.", scan=False)
    m = r.resolve("The Borduran Trade Ministry's spokesman")
    assert m.how == "spokesperson" and m.entity.type == "institution"
    assert m.entity.name == "Borduran Trade Ministry"


def test_a_generic_role_finds_the_person_who_holds_it():
    r = Reader("Foreign Minister Lena Brask met Finance Minister Tomas Ek. The foreign "
               "minister said the talks went well.")
    assert r.resolve("The foreign minister").entity.name == "Lena Brask"


def test_groups_possessors_and_unknown_words():
    r = Reader("Officials agreed. Kessler's plan failed. Kessler said more.", scan=False)
    group = r.resolve("Officials")
    assert (group.entity.type, group.how) == ("group", "group")
    assert r.resolve("Kessler's") is None          # a possessor is not the speaker
    assert r.resolve("Kessler", 1) is None         # a lone unknown word is not a name ...
    bare = r.resolve("Kessler", 1, bare=True)      # ... except right next to a cue
    assert bare.entity == Entity("Kessler", "person")


def test_remember_false_leaves_the_memory_alone():
    r = Reader("Senator Mira Tallis spoke. Tallis left.", scan=False)
    r.resolve("Senator Mira Tallis", remember=False)
    assert r.resolve("Tallis", 1) is None
    r.resolve("Senator Mira Tallis")
    assert r.resolve("Tallis", 1).entity.name == "Mira Tallis"


@pytest.mark.parametrize("phrase", ["", "   "])
def test_empty_phrase_resolves_to_nothing(phrase):
    r = Reader(f"Tallis{phrase}.", scan=False)
    assert r.resolver.resolve(6, 6 + len(phrase)) is None
