"""Find services for the person's need, age and place: the best three, then "more".

A service list is only useful if the person can act on it now, so each entry says whether it
is open now, and when none is, the 24/7 routes follow. Professionals also see who can refer.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from services_catalog.hours import now
from services_catalog.offers import offers
from services_catalog.taxonomy import NATIONAL
from signposting import texts
from signposting.audience import PARENT_CARER
from signposting.needs import need_label
from signposting.replies import Numbers, open_now, service_list, text_list
from signposting.sms import MAX_SEGMENTS
from signposting.wishes import Wishes, contact_kinds, described, fits, read_wishes

from .search import search_area, search_or_apologise

PAGE = 3


def _page(dispatcher: CollectingDispatcher, tracker: Tracker, matches: List[Any], start: int,
          intro: str) -> List[Dict[Text, Any]]:
    page = [m.service for m in matches[start:start + PAGE]]
    _say_list(dispatcher, tracker, page, start + 1, intro, more=len(matches) > start + PAGE,
              first=start == 0)
    # For the insights job (domain/insights.yml): was any service shown so far local?
    local = any(_local(m.service) for m in matches[:start + len(page)])
    return [SlotSet("shown", float(start + len(page))), SlotSet("shown_local", local)]


def _say_list(dispatcher: CollectingDispatcher, tracker: Tracker, page: List[Any], number: Numbers,
              intro: str, more: bool = False, first: bool = False,
              after: Optional[str] = None, prefer: Sequence[str] = ()) -> None:
    """Say ``page``, numbered from ``number`` (or with these numbers), with the 24/7 routes
    when none is open now, and the ways of contact in ``prefer`` first."""
    at = now()
    lines = [intro] + service_list(page, number, at, tracker.get_slot("audience"), prefer)
    sms: List[str] = []   # what follows the entries in the text message
    if after:
        lines.append(after)
        sms.append(after)
    status = [open_now(s, at) for s in page]
    if not any(status):
        closed = all(o is False for o in status)
        lines.append(texts.NONE_OPEN if closed else texts.MAYBE_NONE_OPEN)
        sms.append(texts.NONE_OPEN_SMS if closed else texts.MAYBE_NONE_OPEN_SMS)
    if more:
        lines.append(texts.SAY_MORE)
        sms.append(texts.SAY_MORE_SMS)
    others = [n for n in tracker.get_slot("other_needs") or [] if n != tracker.get_slot("need")]
    if others and first:
        lines.append(texts.ALSO_MENTIONED.format(need=need_label(others[0])))
        sms.append(texts.ALSO_MENTIONED_SMS.format(need=need_label(others[0])))
    # The domain says which version each channel gets (utter_service_list: SMS the short one).
    dispatcher.utter_message(response="utter_service_list", services="\n".join(lines),
                             services_sms=text_list(intro, page, number, at, sms, MAX_SEGMENTS,
                                                    prefer))


def _fitting(dispatcher: CollectingDispatcher, tracker: Tracker, matches: List[Any], start: int,
             wishes: Wishes) -> Optional[List[Dict[Text, Any]]]:
    """Services with what the person asked for ("do any of them do text only?"): those shown
    that have it (two at most) and then the next ones not shown yet, each with its number in
    the whole list, saying so when there are no others. None when no service found has it:
    the caller says so and goes on with the next services."""
    fitting = [i for i, m in enumerate(matches) if fits(offers(m.service), wishes)]
    what = described(wishes)
    unseen = [i for i in fitting if i >= start]
    seen = [i for i in fitting if i < start][:PAGE - 1 if unseen else PAGE]
    chosen = (seen + unseen)[:PAGE]
    if not chosen:
        return None
    # The next "more" goes on from the list as it was: these do not move it on.
    _say_list(dispatcher, tracker, [matches[i].service for i in chosen], [i + 1 for i in chosen],
              texts.FITTING.format(what=what),
              after=None if unseen else texts.NO_OTHERS_FIT.format(what=what),
              prefer=contact_kinds(wishes))
    return []


def _local(service: Any) -> bool:
    """A service for the person's area or district rather than the whole UK (the search
    returns only services that cover where they live, so any area but "national" is theirs)."""
    return any(area != NATIONAL for area in getattr(service, "areas", ()) or ())


def _where(tracker: Tracker) -> Optional[str]:
    return tracker.get_slot("location") if search_area(tracker.get_slot("area")) else None


class ActionFindServices(Action):
    def name(self) -> Text:
        return "action_find_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        matches = await search_or_apologise(dispatcher, tracker)
        if matches is None:
            return [SlotSet("shown", None)]
        found_local = SlotSet("found_local", any(_local(m.service) for m in matches))
        if not matches:
            dispatcher.utter_message(response="utter_no_match")
            return [SlotSet("shown", None), found_local]
        parent = tracker.get_slot("audience") == PARENT_CARER
        where = _where(tracker)
        intro = (texts.NEAR.format(whom=texts.YOUR_CHILD if parent else "", where=where)
                 if where else
                 texts.NATIONAL.format(whom=" for" + texts.YOUR_CHILD if parent else ""))
        return [found_local] + _page(dispatcher, tracker, matches, 0, intro)


#: A message this long that asks for support without a need the bot could name describes a
#: worry: the topics are offered, as for any worry the bot could not place.
_DESCRIBED_WORDS = 10


def _nothing_shown_yet(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """ "More" or "any local support?" before any list. With a need already named (a list held
    back by an urgent reply: "Is there anything more for children as young as her?",
    conversations38) the search goes on: the form asks what is still missing, or the list
    shows. A worry told at length with it ("Year 6 teacher here. One of my boys ... his anger in
    class is getting worse. Any local support?", conversations36) gets the topics; a bare "more"
    is asked what it is about."""
    if tracker.get_slot("need"):
        return [FollowupAction("signpost_form")]
    words = (tracker.latest_message.get("text") or "").split()
    dispatcher.utter_message(response="utter_ask_topic" if len(words) >= _DESCRIBED_WORDS
                             else "utter_nothing_searched_yet")
    return []


class ActionMoreServices(Action):
    def name(self) -> Text:
        return "action_more_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        # A list shown without a need named (support in general) goes on the same way.
        shown = tracker.get_slot("shown")
        if not shown:
            return _nothing_shown_yet(dispatcher, tracker)
        matches = await search_or_apologise(dispatcher, tracker)
        if matches is None:
            return []
        start = int(shown)
        wishes = read_wishes(tracker.latest_message.get("text") or "")
        if wishes:
            fitting = _fitting(dispatcher, tracker, matches, start, wishes)
            if fitting is not None:
                return fitting
            dispatcher.utter_message(response="utter_none_fit", what=described(wishes))
        if start >= len(matches):
            dispatcher.utter_message(response="utter_no_more_services")
            return []
        return _page(dispatcher, tracker, matches, start, texts.MORE)


def offered_need(tracker: Tracker) -> Optional[str]:
    """The further need the last list offered ("You also mentioned sleep"), if any."""
    need = tracker.get_slot("need")
    return next((n for n in tracker.get_slot("other_needs") or [] if n != need), None)


class ActionAcceptOtherNeed(Action):
    """ "Yes please" after a list that offered a further need: that need's services, found as
    if the person had named it (the details are kept). With nothing offered, a plain yes gets
    an invitation to say more, not a guess."""

    def name(self) -> Text:
        return "action_accept_other_need"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        other = offered_need(tracker)
        if other is None:
            dispatcher.utter_message(response="utter_tell_me_more")
            return [SlotSet("other_needs", None)]
        return [SlotSet("need", other), SlotSet("other_needs", None), SlotSet("shown", None),
                FollowupAction("action_find_services")]

