"""What an answer to "are you (is your child) safe right now?" says (safety/safe_answers.py)."""
from __future__ import annotations

import pytest

from safety.safe_answers import (
    asks_only_what_to_do,
    asks_what_to_do,
    says_safe,
    says_safe_and_more,
    unsure_of_safety,
)


@pytest.mark.parametrize("text", [
    # Development sets 47, 44 and 51: parents whose answers were asked again.
    "Yes, she's fine, she's downstairs watching telly.", "Yes, he's safe with us.",
    # Where the child is, or who with, in other words.
    "Yes she is safe, she's sat with her dad in the lounge", "she's fine, she's at school",
    "Yes, she’s fine, she’s with her nan", "yes hes at home with me now", "yes she's downstairs with me",
    "yes we're fine thank you",
])
def test_an_adult_saying_the_child_is_safe_and_where(text):
    assert says_safe_and_more(text, of_another=True)
    assert not unsure_of_safety(text)


@pytest.mark.parametrize("text", ["yes im safe, thank you", "im safe with my nan",
                                  "yes im at home with my mum",
                                  "yeah im ok, im downstairs with my mum"])
def test_a_young_person_saying_they_are_safe_and_where(text):
    assert says_safe_and_more(text)


@pytest.mark.parametrize("text, of_another", [
    # The second review: a parent's "yes im fine thanks" is the parent, not the child; a young
    # person's "yes she's fine" is someone else.
    ("yes im fine thanks", True), ("yes she's fine", False),
])
def test_the_person_said_to_be_safe_must_be_the_one_asked_about(text, of_another):
    assert not says_safe_and_more(text, of_another=of_another)


@pytest.mark.parametrize("text", [
    # The body after an overdose or an injury.
    "yes shes ok just a bit drowsy", "yes she's safe, she's asleep now", "yes hes fine, hes being sick",
    "yes shes fine, gone a grey colour", "yes he's ok, his lips look a bit blue",
    # Doubt, a contrast, something to come.
    "yes i think shes ok", "yes we're ok, he's on his way back", "yes shes fine, when mum goes to work tho",
    "yes she's fine, she's outside", "yes hes ok, hes gone out",
    # A negation, someone not reached, a question.
    "yes hes safe, hes at school, i just cant get hold of him", "yes she's fine, should i still ring someone",
    "yes shes safe? i dont know",
    # Risk the lexicon reads.
    "yes hes fine he said he wants to kill himself",
    # The first independent review (67 of 140 not-safe answers passed a list of risky words):
    # "she says", in bed, lying down, out, a stranger, acknowledging the advice.
    "yes she's fine, she says", "yes shes fine apparently", "yes she's ok she's in bed",
    "yes shes fine, shes just lying down", "yes she's safe, she's with her boyfriend",
    "yes he's fine, he's at his mates somewhere", "yes were ok, he's due home at 6",
    "yes were safe, hes out with his mates, im just exhausted",
    # The second: acknowledgements, tiredness after an overdose, a stepdad or partner named.
    "yeah alright", "yes alright", "yes fine thanks", "yes ok", "ok thanks", "yes ok ill call them now",
    "yes she's fine, she's with her stepdad watching tv", "yes hes in bed",
    "yes he's at home, his dad is coming back soon", " ".join(["yes she's fine"] + ["and"] * 30),
    # The third: a place alone says where, not safe (a teacher's "she's at home"); trailing off.
    "she's at home", "he's at school", "yes she's at school", "yes hes home", "yes she's downstairs",
    "she's fine...", "😢😢 she's fine", "SHE'S FINE!!!",
])
def test_an_adult_saying_safe_then_more_that_may_not_be_is_not_read_as_safe(text):
    assert not says_safe_and_more(text, of_another=True)


@pytest.mark.parametrize("text", [
    "yes im ok, just a lot of blood", "yeah im fine, i only took 6", "yeah im ok, i passed out for a bit",
    "yes im ok for now but he'll be back at 6", "im fine but my sister isnt", "yeah im safe till tonight",
    "yes im safe, im on my own", "ok so what do i do now", "yes im fine, i just want to die",
    "yes im fine, im just so tired of it all", "yes im safe, hes in the other room",
    "yes im ok, at a hotel with him", "yes im fine just a bit drowzy", "yes im fine, ive made my decision",
    "yeah im ok now its passed", "yes im fine, im just exhausted", "yes im fine, knackered",
    "ok im in my room", "fine whatever", "yeah i'm ok. in my room with music on",
    # The third review: "im here" is "still here"; a place alone; trailing off; a promise.
    "im here", "yes im here", "im at home", "yes im at home", "im back home", "yes im in the kitchen",
    "yeah im fine....", "😭 im fine", "im fine i promise", "im fine honestly",
])
def test_a_young_person_saying_safe_then_more_that_may_not_be_is_not_read_as_safe(text):
    assert not says_safe_and_more(text)


@pytest.mark.parametrize("text, plain", [
    ("she's fine", True), ("yes im safe now", True), ("ok", True),
    ("Yes, he's safe with us.", False), ("not sure if im safe", False),
])
def test_a_plain_short_safe(text, plain):
    assert says_safe(text) is plain


@pytest.mark.parametrize("text, asks", [
    ("mum n dad are out what do i do", True), ("he wont stop bleeding, what do i do pls", True),
    ("idk what to do", True), ("what should we do??", True), ("i dont know what to do now", True),
    # What to do said first, or about something else.
    ("idk what to do, he wont open the door", False), ("what do i do about school", False),
    # The independent review: help there or called, a yes, safe, the past.
    ("ive already called 999, what now", False), ("the paramedics are here what do i do", False),
    ("shes in hospital now what do i do", False), ("she's with a teacher, what do i do", False),
    ("yes she is, what should i do", False), ("she showed me old scars last week what do i do", False),
    ("my friend is safe at her gran's, i dont know what to do", False),
    ("yes shes fine what do i do now", False), ("she's ok now, what now", False),
    ("what do i do " + "x" * 200, False),
    # The second review: help or a safe adult there, small or old wounds, asking how to help.
    ("shes in class now, idk what to do", False), ("they're just small scratches, what should i do", False),
    ("i mean how do i help her, what do i do", False), ("her mum's with her now what do i do", False),
    ("hes in bed, what should i do", False), ("he says it happens all the time, what do i do", False),
])
def test_asking_what_to_do(text, asks):
    assert asks_what_to_do(text) is asks


@pytest.mark.parametrize("text, bare", [
    ("idk what to do", True), ("help what do i do", True), ("im on my own what do i do", True),
    ("mum n dad are out what do i do", True), ("what should i do??", True),
    ("not really, what do i do", True),
    ("she cut her arm what do i do", False), ("shes in class now, idk what to do", False),
])
def test_asking_only_what_to_do(text, bare):
    assert asks_only_what_to_do(text) is bare
