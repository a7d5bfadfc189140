"""One conversation session as a coded record: codes from closed lists, never words.

Input: the session's tracker events as Rasa serialises them (the ``data`` column of the tracker
store's ``events`` table), plain dicts. Output: a :class:`SessionRecord`. No Rasa import, so
the coding is tested on hand-made events as well as on real conversations.

What each field is read from (the events the bot writes; see README "Insights"):

- when: the first message the person sent in the session (else the session start), as the
  local day and the hour of the week; nothing finer is kept;
- channel: that message's ``input_channel`` (twilio_sms, webchat; anything else is "other");
- audience, age, area, district: the last value of the slots ``audience``, ``age`` (only a
  number the form validated, never the text it was typed as), ``area`` and ``district``;
  ``location`` only to tell "rather not say" (declined) from "outside the five areas";
- needs: every value the slots ``need`` and ``other_needs`` took, checked against the taxonomy;
- urgent class: the first urgent reply (``utter_<class>``, or ``utter_check_in_yes`` with the
  slot ``risk_class``); check-in: ``utter_risk_check_in`` was said;
- steps: need identified, details (a form question asked or an age or area known), services
  shown (``utter_service_list``), more (``action_more_services``), feedback (answered);
- services shown: the slot ``shown`` of each search, added up; any local: the slot
  ``shown_local`` (actions/signposting.py); gaps: each search whose slot ``found_local`` was
  false for someone in one of the five areas, as need x age band x area (and district);
- feedback: ``utter_ask_feedback`` said, and which of ``utter_feedback_yes|a_bit|no`` followed;
- language: the slot ``language`` when the bot sets one and it is not English.

Every value is checked against its list before it is kept; anything else becomes "unknown"
(or is left out). That check, not care elsewhere, is what keeps text out of the store.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from insights import codes

NEW_SESSION = "session_started"
#: The search and the list it shows (actions/signposting.py).
FIND = "action_find_services"
MORE = "action_more_services"
SERVICE_LIST = "utter_service_list"
FORM_QUESTIONS = ("utter_ask_age", "utter_ask_location", "utter_ask_audience")
#: What the location slot holds when the person would rather not say (actions/forms.py).
LOCATION_NOT_GIVEN = "not given"


@dataclass(frozen=True)
class Gap:
    """A search that found no local service for someone in one of the five areas."""
    need: str
    age_band: str
    area: str
    district: Optional[str]


@dataclass
class SessionRecord:
    day: date
    hour_of_week: int
    out_of_hours: bool
    channel: str = "other"
    audience: str = "unknown"
    age_band: str = "unknown"
    area: str = codes.UNKNOWN
    district: Optional[str] = None
    needs: Tuple[str, ...] = ()
    urgent_class: Optional[str] = None
    check_in: bool = False
    furthest_step: str = "none"
    services_shown: int = 0
    any_local: Optional[bool] = None
    gaps: Tuple[Gap, ...] = ()
    feedback_asked: bool = False
    feedback: Optional[str] = None
    language: Optional[str] = None

    def as_dict(self) -> Dict[str, Any]:
        return {
            "day": self.day.isoformat(), "hour_of_week": self.hour_of_week,
            "out_of_hours": self.out_of_hours, "channel": self.channel,
            "audience": self.audience, "age_band": self.age_band, "area": self.area,
            "district": self.district, "needs": list(self.needs),
            "urgent_class": self.urgent_class, "check_in": self.check_in,
            "furthest_step": self.furthest_step, "services_shown": self.services_shown,
            "any_local": self.any_local,
            "gaps": [[g.need, g.age_band, g.area, g.district] for g in self.gaps],
            "feedback_asked": self.feedback_asked, "feedback": self.feedback,
            "language": self.language,
        }


def split_sessions(events: Sequence[Mapping[str, Any]]) -> List[List[Mapping[str, Any]]]:
    """A conversation's events (in stored order) cut into sessions at each session start
    (Rasa's ``action_session_start``, then its ``session_started``). Only sessions in which
    the person wrote something are kept."""
    sessions: List[List[Mapping[str, Any]]] = []
    current: List[Mapping[str, Any]] = []
    for event in events:
        starts = event.get("event") == NEW_SESSION or (
            event.get("event") == "action" and event.get("name") == "action_session_start")
        if starts and any(e.get("event") == "user" for e in current):
            sessions.append(current)
            current = []
        current.append(event)
    sessions.append(current)
    return [s for s in sessions if any(e.get("event") == "user" for e in s)]


def last_message_time(session: Sequence[Mapping[str, Any]]) -> Optional[float]:
    """When the person last wrote in the session (Rasa's session expiry counts from there)."""
    stamps = [e.get("timestamp") for e in session if e.get("event") == "user"]
    numbers = [s for s in stamps if isinstance(s, (int, float))]
    return max(numbers) if numbers else None


def _start_time(session: Sequence[Mapping[str, Any]]) -> float:
    for event in session:
        if event.get("event") == "user" and isinstance(event.get("timestamp"), (int, float)):
            return float(event["timestamp"])
    for event in session:
        if isinstance(event.get("timestamp"), (int, float)):
            return float(event["timestamp"])
    raise ValueError("a session without any timestamp")


def _need(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value in codes.needs() else None


def _area(value: Any) -> Optional[str]:
    if value in codes.LOCAL_AREAS:
        return str(value)
    if value in (codes.OUTSIDE, "national"):
        return codes.OUTSIDE
    return None


def _district(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value in codes.districts() else None


def _age(value: Any) -> Optional[str]:
    """Only a number the form's validation set (the raw answer is text: left alone)."""
    band = codes.age_band(value)
    return None if band == "unknown" else band


class _State:
    """The slots that matter, as the session goes on."""

    def __init__(self) -> None:
        self.need: Optional[str] = None
        self.age_band: Optional[str] = None
        self.area: Optional[str] = None
        self.district: Optional[str] = None
        self.declined = False
        self.audience: Optional[str] = None
        self.risk_class: Optional[str] = None
        self.language: Optional[str] = None

    def set(self, name: Any, value: Any) -> None:
        if name == "need":
            self.need = _need(value) or self.need
        elif name == "age":
            band = _age(value)
            if band:
                self.age_band = band
        elif name == "area":
            area = _area(value)
            if area:
                self.area = area
                if area != codes.OUTSIDE:
                    self.declined = False
        elif name == "district":
            district = _district(value)
            if district:
                self.district = district
        elif name == "location":
            if value == LOCATION_NOT_GIVEN:
                self.declined = True
        elif name == "audience":
            if value in codes.AUDIENCES and value != "unknown":
                self.audience = str(value)
        elif name == "risk_class":
            if value in codes.urgent_classes():
                self.risk_class = str(value)
        elif name == "language":
            self.language = codes.language_code(value) or self.language

    def where(self) -> Tuple[str, Optional[str]]:
        if self.area in codes.LOCAL_AREAS:
            district = self.district if codes.districts().get(self.district or "") == self.area \
                else None
            return self.area, district
        if self.declined:
            return codes.DECLINED, None
        return (self.area or codes.UNKNOWN), None


def code_session(session: Sequence[Mapping[str, Any]]) -> SessionRecord:
    """The coded record of one session (its events in stored order)."""
    moment = codes.local_time(_start_time(session))
    day = moment.date()
    record = SessionRecord(day=day, hour_of_week=codes.hour_of_week(moment),
                           out_of_hours=codes.out_of_hours(day, moment.hour))
    state = _State()
    needs: List[str] = []
    steps: Set[str] = set()
    gap_needs: List[str] = []
    searches: List[float] = []        # services shown by each search so far
    in_search: Optional[str] = None   # the action whose slots are being read
    shown_local: Optional[bool] = None
    channel: Optional[str] = None
    urgent = codes.urgent_replies()

    for event in session:
        kind = event.get("event")
        if kind == "user":
            if channel is None:
                channel = codes.CHANNEL_OF.get(str(event.get("input_channel")), "other")
            in_search = None
        elif kind == "slot":
            name, value = event.get("name"), event.get("value")
            state.set(name, value)
            if name == "need" and _need(value):
                needs.append(str(value))
            elif name == "other_needs" and isinstance(value, list):
                needs.extend(n for n in value if _need(n))
            elif name in ("age", "area") and (_age(value) if name == "age" else _area(value)):
                steps.add("details")
            elif name == "shown" and in_search in (FIND, MORE):
                if isinstance(value, (int, float)) and not isinstance(value, bool) \
                        and 0 <= value <= 1000 and searches:
                    searches[-1] = float(value)
            elif name == "shown_local" and in_search in (FIND, MORE) and isinstance(value, bool):
                shown_local = bool(shown_local) or value
            elif name == "found_local" and in_search == FIND and value is False:
                gap_needs.append(state.need or "general_wellbeing")
        elif kind == "action":
            name = event.get("name")
            if name == FIND:
                in_search = FIND
                searches.append(0.0)
            elif name == MORE:
                in_search = MORE
                if "services" in steps:
                    steps.add("more")
            elif name in urgent and record.urgent_class is None:
                record.urgent_class = urgent[name]
            elif name == codes.CHECK_IN_YES and record.urgent_class is None:
                record.urgent_class = state.risk_class or "crisis_suicidal"
            elif name == codes.CHECK_IN:
                record.check_in = True
            elif name == codes.ASK_FEEDBACK:
                record.feedback_asked = True
            elif name in codes.FEEDBACK_REPLIES and record.feedback_asked:
                record.feedback = codes.FEEDBACK_REPLIES[name]
                steps.add("feedback")
            elif name in FORM_QUESTIONS:
                steps.add("details")
            if name not in (FIND, MORE):
                in_search = None
        elif kind == "bot":
            utter = (event.get("metadata") or {}).get("utter_action")
            if utter == SERVICE_LIST:
                steps.add("services")
            elif utter in FORM_QUESTIONS:
                steps.add("details")

    record.channel = channel or "other"
    record.audience = state.audience or "unknown"
    record.age_band = state.age_band or "unknown"
    record.area, record.district = state.where()
    record.needs = tuple(dict.fromkeys(needs))
    if record.needs:
        steps.add("need")
    record.furthest_step = _furthest(steps)
    record.services_shown = int(sum(searches)) if "services" in steps else 0
    record.any_local = shown_local if "services" in steps else None
    # A search with no local service is a gap for someone in one of the five areas, with the
    # age band and place the session ended with (a corrected age or place replaces the first).
    if record.area in codes.LOCAL_AREAS:
        record.gaps = tuple(Gap(need, record.age_band, record.area, record.district)
                            for need in dict.fromkeys(gap_needs))
    record.language = state.language
    return record


def _furthest(steps: Iterable[str]) -> str:
    reached = set(steps)
    # Details, services and more only count once a need was identified: a question answered
    # with no need ("how old are you" after a greeting) is not a step of the signposting.
    if "need" not in reached and not reached & {"services"}:
        return "none"
    best = "need"
    for step in codes.STEPS:
        if step in reached:
            best = step
    return best
