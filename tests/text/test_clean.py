"""Tests for stance.text.clean: boilerplate masks on the seed article and small examples."""
from __future__ import annotations

import re
import time
from importlib.resources import files
from pathlib import Path

import pytest

from stance.text.clean import (CAPTION, HEADLINE, Mask, _paragraphs, find_boilerplate, load_rules,
                               masked)
from stance.text.segment import split_paragraphs

SEED = Path(__file__).parents[2] / "data" / "articles" / "ap-2022-02-01-putin-orban.txt"

# Every span the seed article should lose, in text order.
SEED_MASKS = [
    (HEADLINE, "Putin says West ignored Russia's security demands but keeps door open to talks"),
    (CAPTION, "Russian President Vladimir Putin meets Hungarian Prime Minister Viktor Orban in "
              "Moscow"),
    ("dateline", "MOSCOW (AP) — "),
    ("related_link", "WATCH: What is at stake as Washington and Moscow trade written proposals"),
    ("related_link", "Read Also: Russia and the U.S. clash at the United Nations over Ukraine "
                     "troop buildup"),
    ("related_link", "READ MORE: Russia says Western replies leave little room for optimism"),
    ("credit", "Vladimir Isachenkov reported from Moscow. Associated Press writers Edith M. "
               "Lederer at the United Nations, Matthew Lee in Washington and Yuras Karmanau in "
               "Kyiv, Ukraine, contributed to this report."),
    ("comment_form", "LEAVE A REPLY"),
    ("comment_form", "Please enter your comment!"),
    ("comment_form", "Please enter your name here"),
]


def spans(text, **options):
    return [(m.rule, text[m.start:m.end]) for m in find_boilerplate(text, **options)]


@pytest.fixture(scope="module")
def seed():
    return SEED.read_text(encoding="utf-8")


# -- the seed article -----------------------------------------------------------------------

def test_seed_masks_exactly_the_expected_spans(seed):
    assert spans(seed) == SEED_MASKS


def test_seed_story_paragraphs_are_untouched(seed):
    masks = find_boilerplate(seed)
    boiler = {text for _, text in SEED_MASKS}
    story = [(a, b) for a, b in _paragraphs(seed)
             if not all(line in boiler for line in seed[a:b].split("\n"))]
    lead = next(p for p in story if seed[p[0]:p[1]].startswith("MOSCOW (AP)"))
    assert len(story) == 23  # 31 paragraphs, 8 of them wholly boilerplate
    for a, b in story:
        if (a, b) == lead:
            a += len("MOSCOW (AP) — ")  # only the dateline goes; the lead sentence stays
        assert not any(m.start < b and a < m.end for m in masks), seed[a:b]
    assert seed[lead[0] + len("MOSCOW (AP) — "):].startswith("Russian President Vladimir Putin")


def test_masks_are_sorted_disjoint_and_exclude_newlines(seed):
    masks = find_boilerplate(seed)
    assert masks == sorted(masks, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(masks, masks[1:]))
    for m in masks:
        assert m.start < m.end
        assert "\n" not in seed[m.start:m.end]
        assert seed[m.start:m.end] == seed[m.start:m.end].strip() or m.rule == "dateline"


def test_paragraphs_agree_with_segment(seed):
    for text in [seed, "a\nb\n\n c ", "one\ntwo\nthree", "  \n\n", "x\n \u00a0\ny"]:
        assert _paragraphs(text) == [(p.start, p.end) for p in split_paragraphs(text)]


# -- pattern rules --------------------------------------------------------------------------

BODY = "Putin said talks could continue."


@pytest.mark.parametrize("line, rule", [
    ("Read Also: Russia and the U.S. clash at the U.N.", "related_link"),
    ("READ MORE: Russia says Western replies leave little room", "related_link"),
    ("WATCH: What is at stake", "related_link"),
    ("Related: NATO allies send troops", "related_link"),
    ("ALSO READ: Kyiv prepares", "related_link"),
    ("MORE ON UKRAINE: https://apnews.com/hub/russia-ukraine", "related_link"),
    ("Subscribe to our newsletter for the latest news.", "promo"),
    ("Sign up for our daily briefing.", "promo"),
    ("Click here to read the full statement.", "promo"),
    ("Follow AP's coverage of the crisis at https://apnews.com/hub/russia-ukraine", "promo"),
    ("ADVERTISEMENT", "promo"),
    ("LEAVE A REPLY", "comment_form"),
    ("Leave a Comment", "comment_form"),
    ("Please enter your comment!", "comment_form"),
    ("Please enter your name here", "comment_form"),
    ("By VLADIMIR ISACHENKOV and MATTHEW LEE", "byline"),
    ("Lee reported from Washington.", "credit"),
    ("Edith M. Lederer reported from the United Nations. Others contributed.", "credit"),
    ("Associated Press writer Jill Lawless in London contributed to this report.", "credit"),
    ("Anton Troianovski contributed reporting from Moscow.", "credit"),
    ("(Reporting by Andrew Osborn; Editing by Mark Trevelyan)", "credit"),
    ("Copyright 2022 The Associated Press. All rights reserved.", "copyright"),
    ("© 2022 Reuters", "copyright"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
])
def test_boilerplate_paragraphs_are_masked_whole(line, rule):
    text = f"{BODY}\n\n{line}\n\n{BODY}"
    assert spans(text) == [(rule, line)]


@pytest.mark.parametrize("line", [
    "Reuters reported from Moscow that the talks had failed and would not resume.",
    "Subscribers to the service were told the talks had failed.",
    "Readers wrote in to say the talks had failed.",
    "By Tuesday, Russia had moved more troops toward the border.",
    "Please note that the Kremlin denied the report.",
    "The copyright on the recording belongs to the Kremlin.",
    "“Should we fight NATO then? Has anyone thought about it?”",
    "He listed three demands:",
])
def test_story_paragraphs_are_not_masked(line):
    assert spans(f"{BODY}\n\n{line}\n\n{BODY}") == []


def test_line_rules_mask_only_the_matching_line_of_a_paragraph():
    text = (f"{BODY}\n\nPlease enter your comment!\nPlease enter your name here\n"
            "Kremlin aides spoke.")
    assert spans(text) == [("comment_form", "Please enter your comment!"),
                           ("comment_form", "Please enter your name here")]


@pytest.mark.parametrize("dateline", [
    "MOSCOW (AP) — ",
    "KYIV, Ukraine (AP) — ",
    "WASHINGTON (Reuters) - ",
    "UNITED NATIONS (AP) — ",
    "ST. PETERSBURG, Russia (AP) — ",
    "LONDON, Feb 1 (Reuters) - ",
    "KYIV, Ukraine — ",
])
def test_only_the_dateline_of_the_lead_is_masked(dateline):
    lead = "Russian President Vladimir Putin said Tuesday that talks could continue."
    text = f"Putin says talks go on\n\n{dateline}{lead}\n\n{BODY}"
    assert spans(text) == [(HEADLINE, "Putin says talks go on"), ("dateline", dateline)]
    start = text.index(dateline)
    assert not masked(find_boilerplate(text), start + len(dateline), start + len(dateline) + 1)


def test_dateline_is_found_after_a_question_headline():
    text = "Should NATO fear Russia?\n\nMOSCOW (AP) — Putin spoke.\n\nHe left."
    assert spans(text) == [("dateline", "MOSCOW (AP) — ")]


def test_dateline_is_only_looked_for_at_the_start_of_the_story():
    text = f"{BODY}\n\n{BODY}\n\nMOSCOW (AP) — Putin spoke again."
    assert spans(text) == []


# -- structural rules -----------------------------------------------------------------------

@pytest.mark.parametrize("first, expected", [
    ("Putin says West ignored Russia's demands", True),
    ("Putin calls NATO expansion “unacceptable”", True),
    (" ".join(["word"] * 29), True),
    ("Putin says West ignored Russia's demands.", False),
    ("“Should we fight NATO?”", False),
    ("Putin: ‘Should we fight NATO then?’", False),
    (" ".join(["word"] * 30), False),
    ("Putin says West\nignored Russia's demands", False),
])
def test_headline_rule(first, expected):
    assert spans(f"{first}\n\n{BODY}") == ([(HEADLINE, first)] if expected else [])


def test_a_one_paragraph_document_has_no_headline():
    assert spans("Putin says West ignored Russia's demands") == []


@pytest.mark.parametrize("para, is_caption", [
    ("Russian President Vladimir Putin meets Hungarian Prime Minister Viktor Orban", True),
    (" ".join(["word"] * 19), True),
    ("(AP Photo/Alexander Zemlianichenko, Pool)", True),
    ("Talks in Geneva", True),
    ("Russian President Vladimir Putin meets Hungarian Prime Minister Viktor Orban.", False),
    (" ".join(["word"] * 20), False),
    ("He listed three demands:", False),
    ("“We are ready,” he said (in Moscow).", False),
])
def test_caption_rule(para, is_caption):
    got = spans(f"{BODY}\n\n{para}\n\n{BODY}")
    assert got == ([(CAPTION, para)] if is_caption else [])


def test_structural_rules_can_be_switched_off(seed):
    rules = {rule for rule, _ in spans(seed, structural=False)}
    assert HEADLINE not in rules and CAPTION not in rules
    assert "dateline" not in rules  # the headline and caption now come before the lead


def test_text_without_blank_lines_has_a_paragraph_per_line():
    text = f"Putin says talks go on\nMOSCOW (AP) — {BODY}\nREAD MORE: Other story\n{BODY}"
    assert spans(text) == [(HEADLINE, "Putin says talks go on"), ("dateline", "MOSCOW (AP) — "),
                           ("related_link", "READ MORE: Other story")]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "x"])
def test_degenerate_texts(text):
    assert find_boilerplate(text) == []


# -- masked() -------------------------------------------------------------------------------

MASKS = [Mask(0, 5, "a"), Mask(5, 9, "b"), Mask(12, 20, "c")]


@pytest.mark.parametrize("start, end, expected", [
    (0, 5, True), (1, 3, True), (2, 8, True), (0, 9, True), (12, 20, True),
    (8, 10, False), (9, 12, False), (10, 11, False), (11, 13, False), (19, 21, False),
    (4, 4, True), (9, 9, False), (20, 20, False),
])
def test_masked(start, end, expected):
    assert masked(MASKS, start, end) is expected
    assert masked(list(reversed(MASKS)), start, end) is expected


# -- rules files ----------------------------------------------------------------------------

def test_packaged_rules_file_is_a_package_resource():
    assert (files("stance") / "resources" / "boilerplate.tsv").is_file()
    names = {r.name for r in load_rules()}
    assert names == {"related_link", "promo", "comment_form", "byline", "credit",
                     "copyright", "dateline"}
    assert all(r.note for r in load_rules())


def test_own_rules_replace_or_extend_the_defaults(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# house style of one outlet\nrule\tscope\tpattern\tnote\n"
                    "newsletter\tparagraph\tOur Morning Brief\tthe outlet's newsletter plug\n",
                    encoding="utf-8")
    more = "READ MORE: Russia says the replies leave little room for optimism."
    text = f"{BODY}\n\nGet Our Morning Brief daily.\n\n{more}\n\n{BODY}"
    assert spans(text, rules=path) == [("newsletter", "Get Our Morning Brief daily.")]
    assert spans(text, rules=load_rules() + load_rules(path)) == [
        ("newsletter", "Get Our Morning Brief daily."), ("related_link", more)]
    assert spans(text, rules=[]) == []


@pytest.mark.parametrize("body, words", [
    ("x\tline\tA\tno header\n", "header"),
    ("rule\tscope\tpattern\tnote\nx\tsentence\tA\tn\n", "line 2: unknown scope"),
    ("rule\tscope\tpattern\tnote\nx\tline\t(unclosed\tn\n", "line 2: .*not a valid regular"),
    ("rule\tscope\tpattern\tnote\nx\tline\t\\s*\tn\n", "matches the empty string"),
    ("rule\tscope\tpattern\tnote\nx line A\n", "line 2: needs at least 3"),
    ("rule\tscope\tpattern\tnote\n\tline\tA\tn\n", "rule column is empty"),
])
def test_bad_rules_files_say_where_and_what(tmp_path, body, words):
    path = tmp_path / "bad.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=words) as info:
        load_rules(path)
    assert str(path) in str(info.value)


ADVERSARIAL = [
    "A" * 20000,
    "A " * 10000,
    "A. " * 7000,
    "By " + "A " * 10000 + "!",
    "MOSCOW, " + "Ukraine " * 5000 + "(AP",
    "X reported from " + "Kyiv, " * 4000 + "!",
    "(" * 20000,
    "contributed to this " * 2000 + "reporter",
    "Edith M. " * 5000 + "reported from the",
    "—" * 20000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_rules_run_in_linear_time_on_adversarial_input(text):
    started = time.perf_counter()
    for rule in load_rules():
        # As find_boilerplate runs them: only paragraph rules search, the others match.
        (rule.pattern.search if rule.scope == "paragraph" else rule.pattern.match)(text)
    find_boilerplate(f"{text}\n\n{text}")
    assert time.perf_counter() - started < 2.0


def test_rule_patterns_have_no_nested_unbounded_quantifiers():
    # A group ending in + or * that is itself repeated without bound can backtrack
    # exponentially; bounded repeats ({0,4}) of unambiguous groups are fine.
    nested = re.compile(r"\([^()]*[+*]\)[+*]")
    for rule in load_rules():
        assert not nested.search(rule.pattern.pattern), rule
