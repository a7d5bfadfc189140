"""The closed vocabularies of the coded record, and the few facts it is computed from.

Every value the record holds is one of these codes (or a district name from the locality
data, or a need code from the taxonomy): nothing a person wrote can reach the insights store,
because nothing outside these sets is ever copied (``coding.py`` checks every value).
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Tuple
from zoneinfo import ZoneInfo

from services_catalog.locality import district_areas
from services_catalog.taxonomy import load_taxonomy

LONDON = ZoneInfo("Europe/London")

#: Age bands (the under-18 split matches the NHS children and young people's data sets).
AGE_BANDS: Tuple[str, ...] = ("0-4", "5-10", "11-15", "16-17", "18-25", "over 25", "unknown")
_BAND_TOPS = ((4, "0-4"), (10, "5-10"), (15, "11-15"), (17, "16-17"), (25, "18-25"))

#: The five areas, then where else a person can be.
LOCAL_AREAS: Tuple[str, ...] = ("kent", "medway", "essex", "southend", "thurrock")
OUTSIDE, UNKNOWN, DECLINED = "outside", "unknown", "declined"
AREAS: Tuple[str, ...] = LOCAL_AREAS + (OUTSIDE, UNKNOWN, DECLINED)
AREA_LABELS: Dict[str, str] = {
    "kent": "Kent", "medway": "Medway", "essex": "Essex", "southend": "Southend",
    "thurrock": "Thurrock", OUTSIDE: "Outside the five areas", UNKNOWN: "Not known",
    DECLINED: "Preferred not to say",
}
#: The integrated care board footprints: urgent figures are never published below these.
FOOTPRINTS: Dict[str, Tuple[str, ...]] = {
    "kent_medway": ("kent", "medway"),
    "essex_southend_thurrock": ("essex", "southend", "thurrock"),
}
FOOTPRINT_LABELS = {"kent_medway": "Kent and Medway",
                    "essex_southend_thurrock": "Essex, Southend and Thurrock",
                    "elsewhere": "Outside, not known or not given"}

AUDIENCES: Tuple[str, ...] = ("young_person", "parent_carer", "professional", "unknown")
AUDIENCE_LABELS = {"young_person": "Young person", "parent_carer": "Parent or carer",
                   "professional": "Professional", "unknown": "Not known"}

#: The channel names of bot/channels/ and what they are published as.
CHANNELS: Tuple[str, ...] = ("sms", "web", "other")
CHANNEL_OF = {"twilio_sms": "sms", "webchat": "web"}
CHANNEL_LABELS = {"sms": "SMS or WhatsApp", "web": "Web chat", "other": "Other"}

#: How far a session got, in order. "none": no need was identified (a greeting, a question,
#: an urgent reply only).
STEPS: Tuple[str, ...] = ("none", "need", "details", "services", "more", "feedback")
STEP_LABELS = {"none": "No need identified", "need": "Need identified",
               "details": "Details asked or given", "services": "Services shown",
               "more": "Asked for more services", "feedback": "Answered the feedback question"}

#: The feedback question's answers (domain/feedback.yml), by the response that thanks for each.
FEEDBACK: Tuple[str, ...] = ("yes", "a_bit", "no")
FEEDBACK_LABELS = {"yes": "Yes", "a_bit": "A bit", "no": "No"}
FEEDBACK_REPLIES = {"utter_feedback_yes": "yes", "utter_feedback_a_bit": "a_bit",
                    "utter_feedback_no": "no"}
ASK_FEEDBACK = "utter_ask_feedback"

#: The gentle check-in (not an urgent reply itself, but a risk signal: counted like one).
CHECK_IN = "utter_risk_check_in"
#: "Yes" to a check-in: the urgent reply of the class that was checked (slot risk_class).
CHECK_IN_YES = "utter_check_in_yes"

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Weekday hours that count as in hours (Kooth and Shout use 9am to 5pm).
IN_HOURS = range(9, 17)


@lru_cache(maxsize=1)
def needs() -> Tuple[str, ...]:
    return tuple(load_taxonomy().needs)


@lru_cache(maxsize=1)
def urgent_classes() -> Tuple[str, ...]:
    return tuple(load_taxonomy().urgent)


@lru_cache(maxsize=1)
def urgent_replies() -> Dict[str, str]:
    """Domain response -> urgent class: ``utter_<class>`` for each urgent class of the
    taxonomy (domain/urgent.yml names them so)."""
    return {f"utter_{code}": code for code in urgent_classes()}


def never_ask_feedback_after() -> FrozenSet[str]:
    """The replies after which no feedback is asked for the rest of the session."""
    return frozenset(urgent_replies()) | {CHECK_IN, CHECK_IN_YES, "utter_not_safe"}


@lru_cache(maxsize=1)
def districts() -> Dict[str, str]:
    """District name -> area code, for the districts in the five areas."""
    return dict(district_areas())


def age_band(age: object) -> str:
    """The band of a whole-number age; "unknown" for anything else (booleans included)."""
    if isinstance(age, bool) or not isinstance(age, (int, float)):
        return "unknown"
    if age != age or age < 0 or age > 130:  # NaN or nonsense
        return "unknown"
    years = int(age)
    for top, band in _BAND_TOPS:
        if years <= top:
            return band
    return "over 25"


def local_time(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, LONDON)


def hour_of_week(moment: datetime) -> int:
    """0 (Monday 00:00-00:59) to 167 (Sunday 23:00-23:59), local time."""
    return moment.weekday() * 24 + moment.hour


@lru_cache(maxsize=8)
def _bank_holidays(year: int) -> FrozenSet[date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def out_of_hours(day: date, hour: int) -> bool:
    """Outside Monday to Friday 09:00-17:00, or on a bank holiday in England."""
    return day.weekday() >= 5 or hour not in IN_HOURS or day in _bank_holidays(day.year)


def footprint(area: str) -> str:
    for name, areas in FOOTPRINTS.items():
        if area in areas:
            return name
    return "elsewhere"


#: Languages the record names (ISO 639): those the bot's language slot can take on main
#: (domain/languages.yml: ar ckb kmr ps fa ur pa bn ne hi ti am sq vi pl ro lt bg ru uk tr pt
#: es), and a few more spoken in the five areas. A code the bot sets that is not here is
#: recorded as "other", so no free text can pass as a language.
LANGUAGES: Tuple[str, ...] = (
    "am", "ar", "bg", "bn", "ckb", "es", "fa", "fr", "gu", "hi", "it", "kmr", "lt", "lv", "ne",
    "pa", "pl", "prs", "ps", "pt", "ro", "ru", "sk", "so", "sq", "ta", "ti", "tr", "tw", "uk",
    "ur", "vi", "zh",
)


def language_code(value: object) -> Optional[str]:
    """The language of a session when it was not English: a code of LANGUAGES, "other" for
    any other language the bot named, None for English or nothing known."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().split("-")[0].lower()
    if code in ("en", "eng", "und"):
        return None
    return code if code in LANGUAGES else "other"
