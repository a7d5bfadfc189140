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


def catalogue_numbers(catalogue, urgent_class: str) -> set:
    return {
        number
        for service in catalogue.crisis_routes(urgent_class)
        for contact in service.contacts
        if contact.kind in ("phone", "text") and contact.confirmed
        for number in numbers_in(contact.value)
    }


URGENT_IN_DOMAIN = [i for i in load_taxonomy().urgent if i in DOMAIN.intents]


def test_at_least_the_suicidal_class_is_in_the_domain():
    assert "crisis_suicidal" in URGENT_IN_DOMAIN


@pytest.mark.parametrize("urgent_class", URGENT_IN_DOMAIN)
def test_crisis_reply_equals_the_catalogue(catalogue, urgent_class):
    assert reply_numbers(f"utter_{urgent_class}") == catalogue_numbers(catalogue, urgent_class)


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


@pytest.mark.parametrize("response, order", ROUTE_ORDER.items())
def test_urgent_replies_give_the_routes_in_order(response, order):
    for text in variations(response):
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


@pytest.mark.parametrize("response", [r for r in DOMAIN.responses if r.startswith(
    ("utter_crisis", "utter_safeguarding", "utter_risk_check_in", "utter_not_safe"))])
def test_urgent_replies_fit_in_three_sms_segments_of_plain_characters(response):
    for text in variations(response):
        assert len(text) <= 459, (response, len(text))
        assert all(ord(ch) < 128 for ch in text), response  # no characters that force UCS-2


def test_check_in_yes_gives_each_classes_reply():
    by_class = {tuple(c.get("value") for c in v.get("condition", [])) or None: v["text"]
                for v in DOMAIN.responses["utter_check_in_yes"]}
    for urgent_class, response in (("crisis_self_harm", "utter_crisis_self_harm"),
                                   ("crisis_danger", "utter_crisis_danger")):
        assert by_class[(urgent_class,)] == DOMAIN.responses[response][0]["text"]
    assert by_class[None] == DOMAIN.responses["utter_crisis_suicidal"][0]["text"]


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
