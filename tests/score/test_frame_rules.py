"""The frame rules (stance.score.frame_rules), through score_mention: stance verbs, demands,
agents, holders, patients, copulas, disregard and the speaker's own acts. Speakers are
fictional; targets real."""
import pytest

from .scoring import check, score


# Rule 1: stance verbs with the target as object.
@pytest.mark.parametrize("text, mention, expected", [
    ("We condemn Russia's aggression.", "Russia", "against"),
    ("Minister Arla Venn accused Moscow of lying to the world.", "Moscow", "against"),
    ("Officials blamed the Kremlin for the cyberattack.", "Kremlin", "against"),
    ("The senator criticised NATO over its slow response.", "NATO", "against"),
    ("We must hold Russia accountable.", "Russia", "against"),
    ("Warsaw will keep supporting Ukraine.", "Ukraine", "favor"),
    ("Toma Renk praised Kyiv for its courage.", "Kyiv", "favor"),
    ("The envoy thanked NATO for its unity.", "NATO", "favor"),
    ("We stand with Ukraine.", "Ukraine", "favor"),
    ("We will never abandon Ukraine.", "Ukraine", "favor"),
])
def test_verb_object(text, mention, expected):
    check(score(text, mention), expected)


# Rule 2: demands that the target stop or withdraw.
@pytest.mark.parametrize("text, mention, expected", [
    ("Blinken urged Moscow to withdraw its troops.", "Moscow", "against"),
    ("The ministers called on Russia to de-escalate.", "Russia", "against"),
    ("Berlin demanded that the Kremlin stop the shelling.", "Kremlin", "against"),
    ("He urged immediate Russian de-escalation and the withdrawal of troops.", "Russian",
     "against"),
    ("Zora Kell urged Ukrainians to stay calm.", "Ukrainians", "neutral"),
])
def test_demand(text, mention, expected):
    check(score(text, mention), expected)


# Rules 3-4 and 7: the target as agent of a hostile act, or holder of an attribute.
@pytest.mark.parametrize("text, mention, expected", [
    ("Russia invaded Ukraine in February.", "Russia", "against"),
    ("Moscow threatens its neighbours.", "Moscow", "against"),
    ("Russian troops shelled Kharkiv overnight.", "Russian", "against"),
    ("Russian aggression must stop.", "Russian", "against"),
    ("Moscow's threats will not work.", "Moscow", "against"),
    ("Russia launched a full-scale invasion.", "Russia", "against"),
    ("The Kyiv regime is corrupt.", "Kyiv", "against"),
    ("Ukraine's sovereignty is not up for negotiation.", "Ukraine", "favor"),
    ("Ukraine would defend its independence.", "Ukraine", "favor"),
    ("Launching the pipeline would hand Putin a gun that he can then use to blackmail the "
     "whole of Europe.", "Putin", "against"),
    ("The Russian military buildup is a clear and present danger.", "Russian", "against"),
])
def test_agent_and_holder(text, mention, expected):
    check(score(text, mention), expected)


# Rule 5: the target as patient, recipient or object of a measure.
@pytest.mark.parametrize("text, mention, expected", [
    ("A further invasion of Ukraine would be met with swift and severe consequences.",
     "Ukraine", "favor"),
    ("We condemn the aggression against Ukraine.", "Ukraine", "favor"),
    ("This is a threat to Ukraine's security.", "Ukraine", "favor"),
    ("The attack on Kyiv killed dozens.", "Kyiv", "favor"),
    ("He stressed Washington's commitment to Ukraine's sovereignty and territorial integrity.",
     "Ukraine", "favor"),
    ("Poland was ready to deliver weapons to Ukraine, including air defense systems.",
     "Ukraine", "favor"),
    ("Ilse Marr voiced solidarity with Ukraine.", "Ukraine", "favor"),
    ("Tougher sanctions on Russia are coming.", "Russia", "against"),
    ("The expulsion of Russian diplomats was announced.", "Russian", "against"),
    ("Ukraine was invaded by Russia.", "Ukraine", "favor"),
    ("Ukraine was invaded by Russia.", "Russia", "against"),
    ("They fear that Russia could invade Ukraine.", "Ukraine", "favor"),
    ("They fear that Russia could invade Ukraine.", "Russia", "against"),
])
def test_patient_recipient_measure(text, mention, expected):
    check(score(text, mention), expected)


# Rule 6: copula predicates.
@pytest.mark.parametrize("text, mention, expected", [
    ("NATO's further expansion to the east is unacceptable.", "NATO", "against"),
    ("Russia is a terrorist state.", "Russia", "against"),
    ("NATO is a defensive alliance.", "NATO", "favor"),
    ("The deployment of NATO forces near its borders is a threat to its security.", "NATO",
     "against"),
])
def test_copula(text, mention, expected):
    check(score(text, mention), expected)


@pytest.mark.parametrize("text, mention, expected", [
    ("The Russian military buildup is a clear and present danger.", "The Russian military",
     "against"),
    ("The deployment of NATO forces near its borders is a threat.", "NATO forces", "against"),
    ("The attack on Russian troops killed ten.", "Russian", "not against"),
    ("Russian troops killed ten.", "Russian", "against"),
    ("The clash over Ukraine troop buildup went on.", "Ukraine", "not against"),
])
def test_mentions_that_name_an_agent(text, mention, expected):
    """Registry mentions may include the agent noun ("NATO forces") or be part of a compound."""
    check(score(text, mention), expected)


@pytest.mark.parametrize("text, mention, expected", [
    ("We launched an attack on NATO.", "NATO", "against"),
    ("We condemn the attack on NATO.", "NATO", "favor"),
])
def test_hostile_act_by_the_speaker_is_against_its_patient(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7g: disregard verbs blame their agent when a party or its claim is slighted.
@pytest.mark.parametrize("text, mention, expected", [
    ("Senator Hal Brin said NATO ignored Russia's concerns.", "NATO", "against"),
    ("Senator Hal Brin said NATO ignored Russia's concerns.", "Russia", "favor"),
    ("The Kremlin flouted international law again.", "Kremlin", "against"),
    ("Ukraine brushed aside the question.", "Ukraine", "neutral"),
    ("Reporters first ignored the evidence of Russia's tampering with elections.", "Russia",
     "neutral"),
])
def test_disregard(text, mention, expected):
    check(score(text, mention), expected)


# Rule 4, coordination: the subject of a first verb is the agent of a coordinated hostile verb.
@pytest.mark.parametrize("text, mention, expected", [
    ("Russia masses troops and attacks the city.", "Russia", "against"),
    ("Imagine that Kyiv joins the bloc and attacks the separatists.", "Kyiv", "against"),
    ("Suppose a NATO member signs the deal and attacks the rebels.", "NATO", "neutral"),
    ("Ukraine was shot at and attacked for days.", "Ukraine", "not against"),
])
def test_coordinated_agent(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7g: fighting the target with the speaker's own side as subject.
@pytest.mark.parametrize("text, mention, expected", [
    ("We will fight Russia to the last village, commander Orel Vast said.", "Russia",
     "against"),
    ("Must we battle NATO for this?", "NATO", "against"),
    ("Ukrainians fight Russia every day.", "Russia", "neutral"),
    ("We will not fight NATO.", "NATO", "neutral"),
])
def test_speaker_side_fights(text, mention, expected):
    check(score(text, mention), expected)
