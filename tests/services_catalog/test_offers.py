"""What a service offers, from the catalogue's facts (made-up services)."""
from datetime import date

from services_catalog.offers import (
    EVENING,
    IN_PERSON,
    ONLINE,
    PHONE,
    SELF_REFERRAL,
    TEXT,
    WEEKEND,
    offers,
)
from services_catalog.query import ContactView, ServiceView


def contact(kind: str, status: str = "confirmed", schedule=()) -> ContactView:
    # Made-up: 07700 900xxx and 01632 960xxx are reserved by Ofcom for drama.
    value = "07700 900001" if kind == "text" else "01632 960001"
    return ContactView(kind, value, None, None, None, status, "https://example.org", date.today(),
                       schedule)


def service(contacts=(), schedule=(), always_open=False, access=(), description="Help.") -> ServiceView:
    return ServiceView(
        id="made-up", name="Made-up", summary="Help for tests.", url=None, hours=None,
        always_open=always_open, minimum_age=None, maximum_age=None, areas=("kent",),
        needs=("anxiety",), urgent=(), audiences=(), thrive=(), access=tuple(access),
        contacts=tuple(contacts), source="https://example.org", assured_date=date.today(),
        schedule=tuple(schedule), description=description)


def test_only_confirmed_contacts_count():
    assert offers(service([contact("text"), contact("phone")])) == {TEXT, PHONE}
    assert offers(service([contact("text", "unverified")])) == set()


def test_online_from_a_web_chat_or_the_description():
    assert ONLINE in offers(service([contact("webchat")]))
    assert ONLINE in offers(service(description="Free online counselling for 11-25s."))
    assert ONLINE not in offers(service([contact("webchat", "unverified")]))


def test_face_to_face_from_walk_in_access_or_the_description():
    assert IN_PERSON in offers(service(access=["walk_in"]))
    assert IN_PERSON in offers(service(description="Face-to-face counselling in Deal."))


def test_self_referral_from_the_access_codes():
    assert SELF_REFERRAL in offers(service(access=["self_referral"]))
    assert SELF_REFERRAL not in offers(service(access=["gp"]))


def test_evenings_and_weekends_from_the_schedules():
    office = [(day, 9 * 60, 17 * 60) for day in range(5)]
    assert not {EVENING, WEEKEND} & offers(service(schedule=office))
    assert EVENING in offers(service(schedule=[(2, 16 * 60, 20 * 60)]))
    assert EVENING in offers(service(schedule=[(4, 22 * 60, 2 * 60)]))  # past midnight
    assert WEEKEND in offers(service(schedule=[(5, 10 * 60, 14 * 60)]))
    # A confirmed contact's own hours count too.
    assert EVENING in offers(service([contact("phone", schedule=((0, 17 * 60, 21 * 60),))]))
    assert {EVENING, WEEKEND} <= offers(service(always_open=True))


def test_an_online_form_or_a_website_about_it_is_not_working_online():
    # Found by the independent review: "online referral form", "Refer online", "met online".
    for words in ("Call us, or use our online referral form.", "Refer online.",
                  "Young people who met online during lockdown.", "A website with advice."):
        assert ONLINE not in offers(service(description=words)), words


def test_a_contact_too_old_to_read_out_is_not_offered():
    old = ContactView("text", "07700 900002", None, None, None, "confirmed", "https://example.org",
                      date(2000, 1, 1))
    assert TEXT not in offers(service([old]))
