"""The act rules (stance.score.act_rules), through score_mention: willingness, refusal,
pretext, cause and prevention, the own side's position, a relieved place. Speakers are
fictional; targets real."""
import pytest

from .scoring import check, score


# Rule 7a: willingness predicates with a peace word present their subject favourably.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("Kyiv is ready for dialogue with all sides, minister Tova Ridd said.", "Kyiv", {}, "favor"),
    ("Russia seeks a peaceful settlement of the dispute.", "Russia", {}, "favor"),
    ("NATO has proposed new negotiations on missile limits.", "NATO", {}, "favor"),
    ("We remain open to diplomacy.", "We",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Moscow is not ready for talks.", "Moscow", {}, "against"),
    ("Russia is ready to invade.", "Russia", {}, "against"),
])
def test_willingness(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7b: refusing to heed, consider or withdraw; and whose demands are refused.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("Moscow's refusal to withdraw its troops prolongs the crisis.", "Moscow", {}, "against"),
    ("The refusal of NATO to heed our concerns is regrettable, envoy Pyotr Alen said.", "NATO",
     {}, "against"),
    ("Kyiv has repeatedly refused to negotiate.", "Kyiv", {}, "against"),
    ("The alliance's refusal to heed Moscow's demands angered officials.", "Moscow", {},
     "favor"),
    ("The refusal of NATO to heed our concerns is regrettable.", "our",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("We refuse to heed Moscow's demands.", "Moscow", {}, "against"),
    ("Ukraine refused to cede any territory.", "Ukraine", {}, "neutral"),
    ("Kyiv refused to recognise the sham vote.", "Kyiv", {}, "not against"),
])
def test_refusal(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7c: "as a pretext" accuses the subject of bad faith.
@pytest.mark.parametrize("text, mention, expected", [
    ("The Kremlin is using the exercises as a pretext for aggression.", "Kremlin", "against"),
    ("NATO cites the incident as an excuse to expand.", "NATO", "against"),
    ("NATO cites the incident in its report.", "NATO", "neutral"),
])
def test_pretext(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7d: causes of hostile acts are blamed; those who prevent them are credited.
@pytest.mark.parametrize("text, mention, expected", [
    ("NATO's expansion could provoke a war, analyst Mira Tolk warned.", "NATO", "against"),
    ("Kyiv's membership in the alliance would lead to war.", "Kyiv", "against"),
    ("Any eastward move by NATO could trigger a confrontation.", "NATO", "against"),
    ("Ukraine's entry into the bloc could spark a wider conflict.", "Ukraine", "against"),
    ("The Russian proposal could prevent a new war.", "Russian", "favor"),
    ("Arming Ukraine would only encourage more attacks.", "Ukraine", "favor"),
    ("NATO warned Russia could trigger a war.", "NATO", "neutral"),
    ("The talks in Moscow could lead to a war.", "Moscow", "not against"),
])
def test_cause(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7e: the speaker's own side stating its position.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("Further enlargement of the alliance is unacceptable to Moscow.", "Moscow",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Russia will not tolerate provocations on its borders.", "Russia",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("A ceasefire on these terms is a red line for Kyiv.", "Kyiv",
     dict(speaker_affiliation="Ukraine", target_name="Ukraine"), "favor"),
    ("Further enlargement of the alliance is unacceptable to Moscow.", "Moscow", {}, "neutral"),
])
def test_own_position(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7f: a demanded withdrawal from the target's land favours it.
@pytest.mark.parametrize("text, mention, expected", [
    ("The envoy urged Moscow to pull its forces out of Ukraine.", "Ukraine", "favor"),
    ("The foreign troops must leave Ukraine immediately, Jana Kessel said.", "Ukraine", "favor"),
    ("Diplomats called for the withdrawal of all troops from Ukraine's east.", "Ukraine",
     "favor"),
    ("Russian troops withdrew from Ukraine's north last spring.", "Ukraine", "neutral"),
])
def test_relieved_place(text, mention, expected):
    check(score(text, mention), expected)
