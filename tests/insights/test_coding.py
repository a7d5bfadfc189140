"""The coded record of a session, from events built by hand."""
from __future__ import annotations

from datetime import date, datetime

from insights import codes
from insights.coding import Gap, code_session, split_sessions
from tests.insights.events import Script


def anxious_teen_in_maidstone() -> Script:
    s = Script(datetime(2026, 11, 18, 19, 40), channel="twilio_sms").session()
    s.user("i keep getting panic attacks", "need_anxiety").slot("need", "anxiety")
    s.say("utter_ack_anxiety").action("signpost_form").slot("need", "anxiety")
    s.slot("requested_slot", "age").bot("utter_ask_age")
    s.user("15").slot("age", "15").action("signpost_form").slot("age", 15)
    s.slot("audience", "young_person").bot("utter_ask_location")
    s.user("ME14 1XX").slot("location", "ME14 1XX").action("signpost_form")
    s.slot("location", "Maidstone, Kent").slot("area", "kent").slot("district", "Maidstone")
    return s.services(local=True)


def test_a_signposting_session_is_coded_from_its_slots_and_actions():
    s = anxious_teen_in_maidstone()
    s.action("action_offer_feedback").say("utter_ask_feedback")
    s.user("/affirm", "affirm").say("utter_feedback_yes")
    record = code_session(s.events)
    assert record.day == date(2026, 11, 18)
    assert record.hour_of_week == 2 * 24 + 19      # Wednesday, 19:00-19:59
    assert record.out_of_hours is True
    assert (record.channel, record.audience, record.age_band) == ("sms", "young_person", "11-15")
    assert (record.area, record.district) == ("kent", "Maidstone")
    assert record.needs == ("anxiety",)
    assert record.furthest_step == "feedback"
    assert (record.services_shown, record.any_local, record.gaps) == (3, True, ())
    assert (record.feedback_asked, record.feedback) == (True, "yes")
    assert record.urgent_class is None and not record.check_in


def test_more_services_add_up_and_a_search_without_local_services_is_a_gap():
    s = anxious_teen_in_maidstone()
    s.events = s.events[:-3]               # the search again, without a local service
    s.services(local=False)
    s.user("more", "ask_more_services").action("action_more_services")
    s.bot("utter_service_list").slot("shown", 6.0).slot("shown_local", False)
    record = code_session(s.events)
    assert record.services_shown == 6 and record.furthest_step == "more"
    assert record.any_local is False
    assert record.gaps == (Gap("anxiety", "11-15", "kent", "Maidstone"),)


def test_urgent_reply_and_its_class_and_check_in():
    s = Script(datetime(2026, 11, 16, 10, 5)).session()
    s.user("i cant go on", "risk_check_in").say("utter_risk_check_in")
    s.user("yes", "affirm").say("utter_check_in_yes")
    s.slot("risk_class", "crisis_self_harm")   # set before the reply in real sessions too
    record = code_session(s.events)
    assert record.check_in is True
    assert record.urgent_class == "crisis_suicidal"   # risk_class came after: the default
    t = Script(datetime(2026, 11, 16, 10, 5)).session()
    t.user("help", "safeguarding_disclosure").say("utter_safeguarding_disclosure")
    t.user("i want to die", "crisis_suicidal").say("utter_crisis_suicidal")
    record = code_session(t.events)
    assert record.urgent_class == "safeguarding_disclosure"   # the first
    assert record.furthest_step == "none" and record.out_of_hours is False


def test_places_declined_outside_and_unknown():
    def where(*slots):
        s = Script(datetime(2026, 11, 16, 10, 5)).session().user("low", "need_low_mood")
        s.slot("need", "low_mood")
        for name, value in slots:
            s.slot(name, value)
        record = code_session(s.events)
        return record.area, record.district

    assert where(("location", "not given"), ("area", "outside")) == ("declined", None)
    assert where(("location", "Manchester"), ("area", "outside")) == ("outside", None)
    assert where(("location", "Grays, Thurrock"), ("area", "thurrock"),
                 ("district", "Thurrock")) == ("thurrock", "Thurrock")
    assert where() == ("unknown", None)
    # A district of another area, or a name that is not a district, is not kept.
    assert where(("area", "kent"), ("district", "Basildon")) == ("kent", None)
    assert where(("area", "kent"), ("district", "my nan's house")) == ("kent", None)


def test_only_values_from_the_closed_lists_are_kept():
    s = Script(datetime(2026, 11, 16, 23, 59), channel="my own channel").session()
    s.user("something private", "need_sleep").slot("need", "sleep")
    s.slot("need", "something private").slot("age", "fifteen and a half")
    s.slot("audience", "my teacher Mrs Smith").slot("area", "Narnia")
    s.slot("other_needs", ["secret", "bullying"]).slot("language", "my diary")
    record = code_session(s.events)
    assert record.needs == ("sleep", "bullying")
    assert (record.age_band, record.audience, record.area) == ("unknown", "unknown", "unknown")
    assert record.channel == "other" and record.language == "other"


def test_age_bands_and_out_of_hours():
    assert [codes.age_band(a) for a in (0, 4, 5, 10, 11, 15, 16, 17, 18, 25, 26, 99.0)] == [
        "0-4", "0-4", "5-10", "5-10", "11-15", "11-15", "16-17", "16-17", "18-25", "18-25",
        "over 25", "over 25"]
    assert codes.age_band("15") == "unknown" and codes.age_band(True) == "unknown"
    assert codes.out_of_hours(date(2026, 11, 18), 9) is False
    assert codes.out_of_hours(date(2026, 11, 18), 17) is True
    assert codes.out_of_hours(date(2026, 11, 21), 12) is True      # Saturday
    assert codes.out_of_hours(date(2026, 12, 25), 12) is True      # Christmas Day


def test_sessions_are_split_at_each_session_start():
    s = anxious_teen_in_maidstone()
    s.session().user("hi again", "greet", after=7200).say("utter_greet")
    sessions = split_sessions(s.events)
    assert len(sessions) == 2
    assert code_session(sessions[0]).needs == ("anxiety",)
    assert code_session(sessions[1]).furthest_step == "none"
