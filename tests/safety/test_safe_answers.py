"""What an answer to "are you (is your child) safe right now?" says (safety/safe_answers.py)."""
from __future__ import annotations

import pytest

from safety.safe_answers import answers_no, says_safe, says_safe_and_more, unsure_of_safety


@pytest.mark.parametrize("text", [
    # Development sets 47, 44 and 51: parents whose answers were asked again.
    "Yes, she's fine, she's downstairs watching telly.", "Yes, he's safe with us.",
    # Where they are or who they are with, in other words.
    "im safe with my nan", "yes im safe, thank you",
    "im safe with my nan", "Yes she is safe, she's sat with her dad in the lounge",
    "she's fine, she's at school", "Yes, she’s fine, she’s with her nan",
    "yes hes at home with me now", "yes she's downstairs",  # a yes that says where (set 47)
])
def test_safe_and_where_they_are_says_safe(text):
    assert says_safe_and_more(text)
    assert not unsure_of_safety(text)


@pytest.mark.parametrize("text", [
    # The body after an overdose or an injury.
    "yes shes ok just a bit drowsy", "yes she's safe, she's asleep now", "yes hes fine, hes being sick",
    "yes im ok, just a lot of blood", "yeah im fine, i only took 6", "yes shes fine, gone a grey colour",
    "yeah im ok, i passed out for a bit", "yes he's ok, his lips look a bit blue",
    # Doubt, a contrast, something to come.
    "yes im ok for now but he'll be back at 6", "im fine but my sister isnt", "yes i think shes ok",
    "yes we're ok, he's on his way back", "yeah im safe till tonight",
    "yes shes fine, when mum goes to work tho",
    "yes she's fine, she's outside", "yes hes ok, hes gone out", "yes im safe, im on my own",
    # A negation, someone not reached, a question.
    "yes hes safe, hes at school, i just cant get hold of him", "ok so what do i do now",
    "yes she's fine, should i still ring someone", "yes shes safe? i dont know",
    # Risk the lexicon reads.
    "yes im fine, i just want to die", "yes hes fine he said he wants to kill himself",
    # A bare "ok" only acknowledges; and at length.
    # Anything after the opening that is not only where they are, with whom, or something
    # ordinary they are doing (the independent review: 67 of 140 not-safe answers passed a list
    # of risky words): "she says", in bed, lying down, out, a stranger, acknowledging the advice.
    "yes she's fine, she says", "yes shes fine apparently", "yes she's ok she's in bed",
    "yes shes fine, shes just lying down", "yes im fine, im just so tired of it all",
    "yes im safe, hes in the other room", "yes im ok, at a hotel with him", "yes ok ill call them now",
    "yes she's safe, she's with her boyfriend", "yes he's fine, he's at his mates somewhere",
    "yes im fine just a bit drowzy", "yes im fine, ive made my decision", "yes were ok, he's due home at 6",
    "yes were safe, hes out with his mates, im just exhausted", "yeah im ok now its passed",
    "ok thanks", "yes ok",
    "ok im in my room", "fine whatever", "yes hes in bed",
    "yes he's at home, his dad is coming back soon", " ".join(["yes she's fine"] + ["and"] * 30),
])
def test_safe_then_more_that_may_not_be_is_not_read_as_safe(text):
    assert not says_safe_and_more(text)


@pytest.mark.parametrize("text, plain", [
    ("she's fine", True), ("yes im safe now", True), ("ok", True),
    ("Yes, he's safe with us.", False), ("not sure if im safe", False),
])
def test_a_plain_short_safe(text, plain):
    assert says_safe(text) is plain


@pytest.mark.parametrize("text", ["yes she's fine she's with her dad", "Yes, he's safe with us.",
                                  "yes hes at home with me now"])
def test_after_danger_or_a_disclosure_no_third_person_may_be_named(text):
    """The independent review: "he" may be the one who harms."""
    assert says_safe_and_more(text)
    assert not says_safe_and_more(text, someone_may_harm=True)


def test_after_danger_the_writer_safe_at_home_is_safe():
    assert says_safe_and_more("yes im at home", someone_may_harm=True)


@pytest.mark.parametrize("text, no", [
    ("no hes outside the bathroom door. ive locked it", True), ("nope. i still want to die", True),
    ("not really, he's calmed down a bit but still drinking", True),
    # Denials of the risk (the independent review), and "no thanks".
    ("no im not suicidal, i just self harm sometimes", False), ("no he hasnt hurt me he just shouts", False),
    ("no i dont want to die", False), ("no im not going to do anything", False), ("no thanks", False),
])
def test_answers_no(text, no):
    assert answers_no(text) is no
