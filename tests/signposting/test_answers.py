import pytest

from signposting.answers import AFFIRM, DENY, UNSURE, short_answer


@pytest.mark.parametrize("text", ["yes", "Yeah!", "yep", "im safe", "I'm safe.", "ok", "👍", "yes please"])
def test_yes(text):
    assert short_answer(text) == AFFIRM


@pytest.mark.parametrize("text", ["no", "No.", "nah", "nope", "not really", "no im not", "👎"])
def test_no(text):
    assert short_answer(text) == DENY


@pytest.mark.parametrize("text", ["no one cares about me", "yes i want to die", "i feel anxious",
                                  "", "x" * 1000, "not safe at home"])
def test_longer_messages_are_left_to_the_model(text):
    assert short_answer(text) is None


@pytest.mark.parametrize("text", ["idk", "not sure", "maybe", "dunno", "kind of"])
def test_unsure(text):
    assert short_answer(text) == UNSURE


def test_stretched_words():
    assert short_answer("nooo") == DENY and short_answer("yesss") == AFFIRM


@pytest.mark.parametrize("text", ["rather not say", "I'd rather not", "prefer not to say", "skip",
                                  "dont want to say", "not telling"])
def test_declines(text):
    from signposting.answers import declines
    assert declines(text)


@pytest.mark.parametrize("text", ["15", "maidstone", "i passed my exams", "i'd rather die",
                                  "a private school in maidstone", "near the pass"])
def test_not_declines(text):
    from signposting.answers import declines
    assert not declines(text)
