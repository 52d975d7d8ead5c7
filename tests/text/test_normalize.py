"""Tests of stance.text.normalize: one folding, comparison keys and word-list patterns."""
from __future__ import annotations

import doctest
import re

import pytest

import stance.text.normalize as normalize
from stance.text.normalize import (case_variants, fold, fold_cased, name_key, phrase_key,
                                   trie_regex, whole_words)


def test_module_examples():
    result = doctest.testmod(normalize)
    assert result.attempted and not result.failed


@pytest.mark.parametrize("text, folded, cased, key", [
    ("Vossberg", "vossberg", "Vossberg", "vossberg"),
    ("Lidia Novár", "lidia novar", "Lidia Novar", "lidia novar"),
    ("Mendel-Łask", "mendel-lask", "Mendel-Lask", "mendel lask"),
    ("Weißbach", "weissbach", "Weissbach", "weissbach"),
    ("N.O.R.V.", "n.o.r.v.", "N.O.R.V.", "norv"),
    ("Belmark’s  envoy", "belmark's  envoy", "Belmark's  envoy", "belmark's envoy"),
    ("Belmarkʼs", "belmark's", "Belmark's", "belmark's"),
    ("Belmark`s", "belmark's", "Belmark's", "belmark's"),
])
def test_one_folding_cased_and_lower_cased(text, folded, cased, key):
    assert (fold(text), fold_cased(text), name_key(text)) == (folded, cased, key)
    assert fold(text) == fold_cased(text).lower()


def test_mentions_and_registries_fold_alike():
    # The registry's key and the resolver's folding agree on letters decomposition leaves alone.
    assert name_key("Radosław") == fold("Radosław") == fold("RADOSLAW")


def test_phrase_key_drops_a_leading_the():
    assert phrase_key("The Norvessan Envoy") == "norvessan envoy"
    assert phrase_key("Thessaly envoy") == "thessaly envoy"


def test_trie_regex_prefers_the_longer_word():
    pattern = whole_words(trie_regex(["envoy", "envoy general", "Vossberg"]))
    assert [m.group() for m in pattern.finditer("the envoy general met Vossberg")] == [
        "envoy general", "Vossberg"]
    assert pattern.fullmatch("envoy") and not pattern.search("envoys")


def test_trie_regex_accepts_any_apostrophe_hyphen_and_spacing():
    pattern = re.compile(trie_regex(["Belmark's Mendel-Lask"]))
    assert pattern.fullmatch("Belmark’s  Mendel‐Lask")


def test_whole_words_of_nothing_is_none():
    assert whole_words(trie_regex([])) is None


def test_case_variants_keep_capitals_and_allow_headline_case():
    assert case_variants("the Belmark pact") == {
        "the Belmark pact", "The Belmark pact", "the Belmark Pact", "The Belmark Pact",
        "THE BELMARK PACT"}
    assert "Novar" in case_variants("Novár") and "nOVAR" not in case_variants("Novár")
