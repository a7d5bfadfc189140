"""The crisis replies (domain) and the catalogue's crisis entries must never disagree.

The domain holds the urgent replies so that they work with the catalogue down; the catalogue
holds the facts with their sources. These tests are what keeps the two the same.
"""
import pytest
from rasa.shared.core.domain import Domain

from services_catalog.phones import numbers_in
from services_catalog.taxonomy import load_taxonomy
from signposting.texts import ROUTES_24_7

DOMAIN = Domain.load("domain")


def reply_numbers(response: str) -> set:
    texts = [variation["text"] for variation in DOMAIN.responses[response]]
    assert texts, response
    return set().union(*(numbers_in(t) for t in texts))


def catalogue_numbers(catalogue, urgent_class: str, audience: str = "") -> set:
    """The confirmed numbers of the class's crisis routes (those for ``audience`` if given)."""
    return {
        number
        for service in catalogue.crisis_routes(urgent_class)
        if not audience or audience in service.audiences
        for contact in service.contacts
        if contact.kind in ("phone", "text") and contact.confirmed
        for number in numbers_in(contact.value)
    }


def writer_of(variation: dict) -> str:
    """Who a variation is for: young_person unless a condition says otherwise; "peer" for a
    friend or family member telling of another young person (the reporter slot)."""
    conditions = {c["name"]: c["value"] for c in variation.get("condition") or []}
    if conditions.get("reporter") == "peer":
        return "peer"
    return conditions.get("audience") or "young_person"


#: A friend or sister is given the young person's routes, for themselves, besides what to do.
ROUTES_OF = {"peer": "young_person"}


URGENT_IN_DOMAIN = [i for i in load_taxonomy().urgent if i in DOMAIN.intents]


def test_at_least_the_suicidal_class_is_in_the_domain():
    assert "crisis_suicidal" in URGENT_IN_DOMAIN


@pytest.mark.parametrize("urgent_class", URGENT_IN_DOMAIN)
def test_crisis_reply_equals_the_catalogue(catalogue, urgent_class):
    """Every variation gives every confirmed route the catalogue has for its class and its
    writer, and no number that is not one of the class's confirmed routes (a parent's reply
    may name Childline for the child)."""
    variations = DOMAIN.responses[f"utter_{urgent_class}"]
    every_route = catalogue_numbers(catalogue, urgent_class)
    assert reply_numbers(f"utter_{urgent_class}") <= every_route
    for variation in variations:
        numbers = numbers_in(variation["text"])
        writer = writer_of(variation)
        writers_routes = catalogue_numbers(catalogue, urgent_class, ROUTES_OF.get(writer, writer))
        assert writers_routes <= numbers <= every_route, (writer_of(variation), numbers)


@pytest.mark.parametrize("response", ["utter_check_in_yes", "utter_risk_check_in",
                                      "utter_glad_you_are_safe", "utter_not_safe",
                                      "utter_safety_answer_unclear", "utter_support_for_carers"])
def test_the_urgent_follow_ups_give_only_confirmed_crisis_numbers(catalogue, response):
    every = set().union(*(catalogue_numbers(catalogue, c) for c in load_taxonomy().urgent))
    assert reply_numbers(response) <= every


@pytest.mark.parametrize("urgent_class", [c for c in URGENT_IN_DOMAIN])
def test_adults_reporting_get_their_own_reply(urgent_class):
    """A parent or a professional reporting a young person at risk is told what to do now,
    and asked about the young person, not about themselves."""
    by_writer = {writer_of(v): v["text"] for v in DOMAIN.responses[f"utter_{urgent_class}"]}
    assert set(by_writer) == {"young_person", "parent_carer", "professional", "peer"}
    assert "999" in by_writer["parent_carer"] and "999" in by_writer["professional"]
    assert "Are you safe right now?" not in by_writer["parent_carer"]
    assert "999" in by_writer["peer"] and "Are you safe right now?" not in by_writer["peer"]
    assert by_writer["peer"].rstrip().endswith("Is the young person you're worried about safe right now?")
    assert "adult you trust" in by_writer["peer"]
    assert "child" in by_writer["parent_carer"].lower()
    assert "safeguarding" in by_writer["professional"]
    assert by_writer["professional"].rstrip().endswith("safe right now?")


#: What each urgent reply gives, in the order it must give it (issue 4): immediate danger leads
#: with 999; suicidal thoughts and self-harm with NHS 111 option 2, Shout, Samaritans,
#: Childline, PAPYRUS (self-harm first says to call 999 or go to A&E after an overdose or heavy
#: bleeding); a disclosure with "not your fault", then 999 if in danger now and Childline, or
#: for an adult reporting, the NSPCC helpline and children's services.
ROUTE_ORDER = {
    "utter_crisis_suicidal": ["NHS 111", "option 2", "SHOUT to 85258", "116 123",
                              "0800 1111 (under 19)", "0800 068 4141 (under 35)", "999"],
    "utter_crisis_self_harm": ["999", "NHS 111", "option 2", "SHOUT to 85258", "116 123",
                               "0800 1111 (under 19)", "0800 068 4141 (under 35)"],
    "utter_crisis_danger": ["999", "0800 1111"],
}


def variations(response: str) -> list:
    return [v["text"] for v in DOMAIN.responses[response]]


#: An adult reporting: 999 or A&E first, then NHS 111 option 2 and PAPYRUS for advice.
ADULT_ROUTE_ORDER = {
    "utter_crisis_suicidal": ["999", "111", "option 2", "0800 068 4141"],
    "utter_crisis_self_harm": ["999", "111", "option 2", "0800 068 4141"],
    "utter_crisis_danger": ["999", "0808 800 5000"],
}


#: A friend or family member: 999 first, PAPYRUS (for anyone worried about a young person) and
#: NHS 111 option 2 for the one at risk, then the young person's own routes for themselves.
PEER_ROUTE_ORDER = {
    "utter_crisis_suicidal": ["999", "0800 068 4141", "111", "option 2", "0800 1111 (under 19)",
                              "116 123", "SHOUT to 85258"],
    "utter_crisis_self_harm": ["999", "111", "option 2", "0800 068 4141",
                               "0800 1111 (under 19)", "116 123", "SHOUT to 85258"],
    "utter_crisis_danger": ["999", "0800 1111", "0808 800 5000"],
}


@pytest.mark.parametrize("response, order", ROUTE_ORDER.items())
def test_urgent_replies_give_the_routes_in_order(response, order):
    for variation in DOMAIN.responses[response]:
        text = variation["text"]
        writer = writer_of(variation)
        if writer != "young_person":
            order = PEER_ROUTE_ORDER[response] if writer == "peer" else ADULT_ROUTE_ORDER[response]
        else:
            order = ROUTE_ORDER[response]
        positions = [text.find(route) for route in order]
        assert -1 not in positions, (response, text)
        assert positions == sorted(positions), (response, text)
        assert "safe right now?" in text


def test_disclosure_replies_for_young_people_and_adults():
    by_audience = {tuple(c.get("value") for c in v.get("condition", [])) or None: v["text"]
                   for v in DOMAIN.responses["utter_safeguarding_disclosure"]}
    young = by_audience[None]
    assert young.index("not your fault") < young.index("999") < young.index("Childline 0800 1111")
    for audience in ("parent_carer", "professional"):
        adult = by_audience[(audience,)]
        assert "never to blame" in adult or "not to blame" in adult
        assert adult.index("999") < adult.index("0808 800 5000")
        assert "children's services" in adult
    for key in (("peer", "young_person"), ("peer", None)):
        peer = by_audience[key]
        assert "not their fault" in peer
        assert peer.index("999") < peer.index("Childline 0800 1111") < peer.index("0808 800 5000")


@pytest.mark.parametrize("response", [r for r in DOMAIN.responses if r.startswith(
    ("utter_crisis", "utter_safeguarding", "utter_risk_check_in", "utter_not_safe",
     "utter_safety_answer_unclear"))])
def test_urgent_replies_fit_in_three_sms_segments_of_plain_characters(response):
    for text in variations(response):
        assert len(text) <= 459, (response, len(text))
        assert all(ord(ch) < 128 for ch in text), response  # no characters that force UCS-2


def test_check_in_yes_gives_each_classes_reply_for_each_writer():
    """Exactly one variation for each (class, writer): Rasa picks at random among the
    conditional variations that match."""
    by_key = {}
    for variation in DOMAIN.responses["utter_check_in_yes"]:
        if variation.get("channel"):
            continue
        values = {c["name"]: c["value"] for c in variation.get("condition") or []}
        key = (values.get("risk_class"), values.get("audience"), values.get("reporter"))
        assert key not in by_key, key
        by_key[key] = variation["text"]

    def reply(urgent_class, writer):
        return next(v["text"] for v in DOMAIN.responses[f"utter_{urgent_class}"]
                    if not v.get("channel") and writer_of(v) == writer)

    assert by_key[(None, None, None)] == reply("crisis_suicidal", "young_person")
    for urgent_class in ("crisis_self_harm", "crisis_danger", "safeguarding_disclosure"):
        for audience in (None, "young_person"):
            assert by_key[(urgent_class, audience, "own")] == reply(urgent_class, "young_person")
    for urgent_class in ("crisis_suicidal", "crisis_self_harm", "crisis_danger",
                         "safeguarding_disclosure"):
        for audience in ("parent_carer", "professional"):
            assert by_key[(urgent_class, audience, None)] == reply(urgent_class, audience)
        for audience in (None, "young_person"):
            assert by_key[(urgent_class, audience, "peer")] == reply(urgent_class, "peer")


@pytest.mark.parametrize("text", [ROUTES_24_7, DOMAIN.responses["utter_goodbye"][0]["text"]])
def test_other_replies_only_give_catalogue_crisis_numbers(catalogue, text):
    every_crisis_number = set().union(
        *(catalogue_numbers(catalogue, c) for c in load_taxonomy().urgent))
    assert numbers_in(text)
    assert numbers_in(text) <= every_crisis_number


def test_welcome_fits_two_sms_segments_and_says_what_matters():
    text = DOMAIN.responses["utter_greet"][0]["text"]
    assert len(text) <= 306 and all(ord(ch) < 128 for ch in text)
    for words in ("automated", "can't give medical advice", "not shared", "999"):
        assert words in text


def test_services_unavailable_is_what_the_action_server_says_when_the_catalogue_is_down():
    """The model's reply for an unreachable action server and the action server's reply for an
    unreadable catalogue are one response, so the 24/7 routes cannot drift apart."""
    from pathlib import Path

    from actions.search import UNAVAILABLE

    source = (Path(__file__).resolve().parents[1] / "actions" / "search.py").read_text()
    assert UNAVAILABLE == "utter_services_unavailable"
    assert "utter_message(response=UNAVAILABLE)" in source
    assert variations("utter_services_unavailable") == [
        "Sorry, I can't look services up right now. " + ROUTES_24_7]


@pytest.mark.parametrize("response", ["utter_services_unavailable", "utter_slow_down"])
def test_guard_replies_give_only_confirmed_catalogue_numbers(catalogue, response):
    confirmed = {number for service in catalogue.crisis_routes("crisis_suicidal")
                 for contact in service.contacts if contact.confirmed
                 for number in numbers_in(contact.value)}
    assert reply_numbers(response) and reply_numbers(response) <= confirmed | {"999"}


def test_the_referral_reply_gives_the_two_services_confirmed_numbers_and_says_they_self_refer(catalogue):
    """utter_how_to_refer names the NHS services for children and young people in Kent and Medway
    and in Southend, Essex and Thurrock: their numbers are the catalogue's confirmed ones."""
    services = catalogue.get(["kent-medway-cypmhs-spa", "set-camhs"])
    assert len(services) == 2
    confirmed = {number for service in services for contact in service.contacts
                 if contact.kind == "phone" and contact.confirmed
                 for number in numbers_in(contact.value)}
    assert reply_numbers("utter_how_to_refer") == confirmed | {"999"}
