"""Who tells of an urgent message: a friend or family member telling of another young person
(signposting/peers.py). Made-up messages: the first are the kind met in development sets 53, 55
and 57 (a sister and a brother telling of a sibling, a friend of a friend's goodbye); the
young people's own crises are from the independent review of this change, whose first draft
read 87 of 180 of them as telling of someone else."""
import pytest

from signposting.peers import OWN, PEER, reporter_of

SUICIDAL, SELF_HARM = "crisis_suicidal", "crisis_self_harm"
DANGER, DISCLOSURE = "crisis_danger", "safeguarding_disclosure"

PEERS = [
    ("my little sister is 16 and shes been saying stuff like everyone would be better off without her",
     SUICIDAL),
    ("my little brother just put a post on his close friends saying goodbye and thanks for everything", None),
    ("my best mate just sent me this weird msg", None),
    ("now shes not answering what do i do", SUICIDAL),
    ("my mate said she wants to kill herself", SUICIDAL),
    ("my best friend has been cutting again and she made me promise not to tell", SELF_HARM),
    ("my friend took loads of pills and wont wake up", SELF_HARM),
    ("my brother is in the bathroom and theres blood on the floor he cut his arm again and it wont stop",
     SELF_HARM),
    ("a girl in my class said shes going to jump off the bridge after school", SUICIDAL),
    ("my friend wants to kill herself, should i tell someone", SUICIDAL),
    ("my friend keeps saying she wants to die. i dont know what to do", SUICIDAL),
    ("my friend wants to kill themself and i'm scared", SUICIDAL),
    ("my bf just sent me a goodbye text and i cant reach him", SUICIDAL),
    ("she said she's going to kill herself tonight what do i do", SUICIDAL),
    ("my friend told me her stepdad touches her", DISCLOSURE),
    ("my friends mum hits him with a belt", DISCLOSURE),
    ("i think my friend is being groomed by an older guy he gives her vapes", DISCLOSURE),
    ("my cousin (15) is being made to sell drugs by older lads and hes terrified", DISCLOSURE),
    ("my friend is with an older guy right now and he won't let her leave, what do i do", DANGER),
    ("my little brother hasnt come home and his phone is off, hes 12", DANGER),
    # Development set 55: a sister of 20 with her sister, after her first message.
    ("she hasnt done anything i dont think but she said it again tonight and then went really quiet. "
     "mum doesnt know. im 20 and its just me and her in tonight", SUICIDAL),
]

OWNS = [
    ("i want to kill myself", SUICIDAL),
    ("i cant stop thinking about ending it", SUICIDAL),
    ("i cant do this anymore my boyfriend left", SUICIDAL),
    ("gonna end it tonight, tell my brother sorry", SUICIDAL),
    ("im at the bridge, my brother doesnt know", SUICIDAL),
    ("love you all, tell my best friend goodbye", SUICIDAL),
    ("she broke up with me, dont want to be alive anymore", SUICIDAL),
    ("my brother and me both want to die", SUICIDAL),
    ("my sister wants to die and honestly so do i", SUICIDAL),
    ("tbh i feel the same as her sometimes, i want to die", SUICIDAL),
    ("no its me not him, i want to die", SUICIDAL),
    ("took a whole packet of paracetamol, my sister is asleep", SELF_HARM),
    ("cut too deep, my bf is at work", SELF_HARM),
    ("i think it needs stitches, my brother is out", SELF_HARM),
    ("im in the bathroom with a blade, my sister is banging on the door", SELF_HARM),
    ("my friend and i both cut ourselves last night", SELF_HARM),
    ("my boyfriend hits me", DISCLOSURE),
    ("my stepdad touched me", DISCLOSURE),
    ("my brother does things to me at night", DISCLOSURE),
    ("hes 25 and im 14 and he wants to meet up", DISCLOSURE),
    ("he threw a bottle at me", DANGER),
    ("im at my boyfriends and hes locked the door", DANGER),
    ("me and my mate are scared of her dad he hits her and sometimes us", DANGER),
    ("my ex boyfriend is outside and wont leave", DANGER),
    ("now hes here and banging on my door", DANGER),
    # The second independent review: own crises a first rebuild read as telling of another.
    ("whats the point anymore, he's gone", SUICIDAL),
    ("dont know what to do anymore, he left and theres no point living", SUICIDAL),
    ("i saw him with his new gf, now just want to die", SUICIDAL),
    ("necked a box of co codamol, my sister is downstairs", SELF_HARM),
    ("same. want to die", SUICIDAL),
    ("its actually me", SUICIDAL),
    # An adult writing has replies of their own (signposting.audience).
    ("my daughter said she wants to die", SUICIDAL),
    ("one of my year 9 pupils told me she wants to die", SUICIDAL),
]

#: Said too little to tell: an earlier urgent message's reading stands (on a first message,
#: the young person's own reply).
UNCLEAR = [
    # Danger with no peer named: what a sister's first message said stands.
    ("hes 16 and hes not answering his phone. im 19 im at uni, hes at home with mum. what do i do", DANGER),
    ("dads hitting mum again, hes gonna kill her", DANGER),
    ("my mums boyfriend is hitting her again, hes drunk, pls help", DANGER),
    ("my boyfriend is drunk and has a knife and hes angry", DANGER),
    ("mum and dad are out", None),
    ("", None),
]


@pytest.mark.parametrize("text, urgent_class", PEERS)
def test_a_friend_or_family_member_telling_of_another_young_person(text, urgent_class):
    assert reporter_of(text, urgent_class) == PEER


@pytest.mark.parametrize("text, urgent_class", OWNS)
def test_the_writers_own_crisis_or_an_adult_writing(text, urgent_class):
    assert reporter_of(text, urgent_class) == OWN


@pytest.mark.parametrize("text, urgent_class", UNCLEAR)
def test_a_message_that_does_not_say_keeps_what_was_said_before(text, urgent_class):
    assert reporter_of(text, urgent_class) is None


def test_the_one_who_harms_named_is_not_the_one_at_risk():
    """Danger or a disclosure with a boyfriend or brother named as the one who harms is never
    read as telling of him."""
    for text in ("my boyfriend is really controlling and gets violent", "my big brother has got a bat"):
        assert reporter_of(text, DANGER) != PEER
        assert reporter_of(text, DISCLOSURE) != PEER
