"""By SMS a list of three services arrives as one text of at most three segments (name, the
one way to reach it, open now), for every need, area, age band and writer, over the real
catalogue; and so does each "more" page. The web chat keeps the full entries."""
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.signposting import ActionFindServices, ActionMoreServices
from services_catalog.taxonomy import load_taxonomy
from signposting.replies import TEXT_ADDRESS_CHARS, text_address, text_name
from signposting.sms import MAX_SEGMENTS, segments
from tests.support.actions import tracker
from tests.support.domain import render

NEEDS = sorted(load_taxonomy().needs)
PLACES = [("kent", "Dover", "Dover"), ("medway", "Medway", "Chatham"),
          ("essex", "Chelmsford", "Chelmsford"), ("southend", "Southend-on-Sea", "Westcliff"),
          ("thurrock", "Thurrock", "Grays")]
ENTRY = re.compile(r"(?m)^\d{1,2}\. ")


async def sms_reply(action, **slots) -> str:
    dispatcher = CollectingDispatcher()
    await action().run(dispatcher, tracker(**slots), {})
    texts = [render(m, channel="twilio_sms") for m in dispatcher.messages]
    return "\n\n".join(texts)


@pytest.mark.parametrize("need", NEEDS)
async def test_every_list_by_sms_fits_one_text(need):
    too_long = []
    for area, district, place in PLACES:
        for age in (8, 15, 20):
            for audience in ("young_person", "parent_carer", "professional"):
                slots = dict(need=need, age=age, area=area, district=district, location=place,
                             audience=audience)
                for action, extra in ((ActionFindServices, {}), (ActionMoreServices,
                                                                   {"shown": 3.0})):
                    text = await sms_reply(action, **slots, **extra)
                    if ENTRY.search(text) and segments(text) > MAX_SEGMENTS:
                        too_long.append(f"{need}/{area}/{age}/{audience}/{action.__name__}: "
                                        f"{segments(text)} segments\n{text}")
    assert not too_long, "\n\n".join(too_long[:3])


def test_long_addresses_and_bracketed_names_are_shortened_for_texts():
    assert text_address("https://www.kooth.com/") == "kooth.com"
    long = "https://www.nelft.nhs.uk/kent-and-medway-mental-health-support-teams"
    assert text_address(long) == "nelft.nhs.uk"
    assert len(text_address("https://example.org/help")) <= TEXT_ADDRESS_CHARS
    assert text_address("https://example.org/help") == "example.org/help"
    assert text_name("Mental Health Support Teams in schools (Emotional Wellbeing Teams in Kent, "
                     "Emotional Support Teams in Medway)") == "Mental Health Support Teams in schools"
    assert text_name("Y's Girls mentoring (Southend YMCA)") == "Y's Girls mentoring (Southend YMCA)"
