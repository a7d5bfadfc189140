"""The crisis replies (domain) and the catalogue's crisis entries must never disagree.

The domain holds the urgent replies so that they work with the catalogue down; the catalogue
holds the facts with their sources. These tests are what keeps the two the same.
"""
import pytest
from rasa.shared.core.domain import Domain

from actions.signposting import ROUTES_24_7
from services_catalog.phones import numbers_in
from services_catalog.taxonomy import load_taxonomy

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


def test_crisis_reply_gives_the_routes_in_order():
    text = DOMAIN.responses["utter_crisis_suicidal"][0]["text"]
    order = ["999", "111", "option 2", "SHOUT to 85258", "0800 1111", "116 123", "0800 068 4141"]
    positions = [text.index(route) for route in order]
    assert positions == sorted(positions)
    assert text.rstrip().endswith("Are you safe right now?")


@pytest.mark.parametrize("text", [ROUTES_24_7, DOMAIN.responses["utter_goodbye"][0]["text"]])
def test_other_replies_only_give_catalogue_crisis_numbers(catalogue, text):
    every_crisis_number = set().union(
        *(catalogue_numbers(catalogue, c) for c in load_taxonomy().urgent))
    assert numbers_in(text)
    assert numbers_in(text) <= every_crisis_number
