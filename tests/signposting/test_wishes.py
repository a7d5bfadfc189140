"""What a person wants a service to offer, read from their reply to a list."""
import pytest

from services_catalog.offers import (
    EVENING,
    IN_PERSON,
    ONLINE,
    PHONE,
    SELF_REFERRAL,
    TEXT,
    WEEKEND,
)
from signposting.wishes import described, fits, read_wishes


@pytest.mark.parametrize("text, wishes", [
    # conversations14 (development), then made-up variants of each kind.
    ("do any of them do text only? i cant do phone calls", ({TEXT},)),
    ("Thanks. Realistically she won't sit in a room with a counsellor - is there something she "
     "could do online or by text?", ({TEXT, ONLINE},)),
    ("he wont talk on the phone", ({TEXT, ONLINE},)),
    ("is there one i can just text", ({TEXT},)),
    ("anything with a web chat", ({ONLINE},)),
    ("she'd rather ring someone, is there a helpline", ({PHONE},)),
    ("somewhere she can go face to face", ({IN_PERSON},)),
    ("Do any of these run in the evenings? Mum works until 6", ({EVENING},)),
    ("is anything open tonight", ()),  # tonight is not "some evenings": left to the list as it is
    ("anything at the weekend?", ({WEEKEND},)),
    ("any i can text in the evenings", ({TEXT}, {EVENING})),
    ("one i can refer myself to without going to the gp", ({SELF_REFERRAL},)),
])
def test_wishes_are_read_as_groups_of_offers(text, wishes):
    assert read_wishes(text) == tuple(frozenset(group) for group in wishes)


@pytest.mark.parametrize("text", ["more please", "anything nearer?", "any others?", "next",
                                  "are any of them free?", "thanks, that's great"])
def test_a_plain_wish_for_more_asks_for_no_offer(text):
    assert read_wishes(text) == ()


def test_a_service_fits_with_one_offer_of_every_group():
    wishes = read_wishes("any i can text or chat to online in the evenings")
    assert fits(frozenset({TEXT, EVENING}), wishes)
    assert fits(frozenset({ONLINE, EVENING, PHONE}), wishes)
    assert not fits(frozenset({TEXT}), wishes)
    assert not fits(frozenset({PHONE, EVENING}), wishes)


def test_wishes_in_words():
    assert described(read_wishes("online or by text, in the evenings")) == \
        "take texts or work online, and are open some evenings"
