"""The checks the policy makes before any rule, all decided from the tracker alone.

- Action server unreachable. Rasa logs a custom action that failed as executed, drops its
  events and carries on, so a need would get its acknowledgement and then silence. The
  service actions always return events when they work, so one that was executed and left
  nothing behind failed: the person is told honestly that services cannot be looked up now,
  with the 24/7 routes (a domain response).
- Flooding. One conversation sending more than ``rate_limit_messages`` within
  ``rate_limit_seconds`` gets one polite reply per window and is otherwise heard but not
  answered, so it cannot tie up the catalogue. Urgent messages are never limited. The count
  comes from the tracker's own timestamps, so it holds across several Rasa servers.
- A plea for help as the answer to "are you safe right now?". "I need help" or "help me" after
  a crisis reply is not a new conversation and not a wish for general support: it is the
  person saying they are not safe, so they get the not-safe reply (999, A&E, "I'm still
  here"), not the introduction or a self-help idea; after the check-in question ("are you
  thinking about ending your life?") it is a yes, and gets that question's 24/7 routes. The NLU
  marks such a message (signposting.answers.pleads_for_help); the guard reads the bot's last
  action. An answer to that question the bot cannot place is asked again with 999 first, and
  one the model reads as risk again gets the not-safe reply: never "say it another way" or a
  check-in question to someone just told to call 999 (conversations34). One that says safe in
  words the model did not place ("she's fine", "Yes, he's safe with us") gets the reply to a
  plain yes, never "say it another way" (safety.safe_answers decides what says safe).
- A parent or carer asking for support for themselves straight after a list ("Is there
  anything for me? I'm not coping with all this"): where to find it and the next services,
  never a question whether their child is suicidal, when the message is only that and nothing
  of risk is in it (signposting.after_list.asks_for_the_carer).
- A reply to a list of services. Straight after a list, "none of those suit him", "is number 2
  free?" and "great, I'll ring them tomorrow" are plain, but the model (which learnt needs and
  risks, not replies to lists) falls back on them. When the bot's last turn showed a list and
  the model could not place the message (``after_list_intents``), signposting.after_list reads
  it: other options (the next services), a question about a service shown (where to ask),
  whether a service would tell a parent or the school (what is promised, by whom, and an
  invitation to say more), a closing (you're welcome), or a new worry the model read only as an
  unsure need (asked which topic it is, as the model's guess is often the wrong need); a wish
  for others that gives a place or an age ("anything near Deal?") searches again with it. An
  urgent message, a need or a correction the model read as one is never replaced, and nor is a
  message with any sign of risk (a lexicon match of any tier, an urgent reading among the
  model's first three, words of distress in signposting.after_list): it keeps the rephrase
  request, which leads with 999 and SHOUT. One exception, narrowed by an independent review: a
  message only about the list's offers ("do any of them do text only? i cant do phone calls"),
  with no risk phrase or word, is that question even when the model alone guessed a disclosure
  or suicidal thoughts below 0.5, the crisis level of both (a check-in), or ranked an urgent
  reading below its best (hazard H30).
- A worry told at length that the model could not place gets the topics rather than "say it
  another way", unless there is any sign of risk or a form, a list or a safety question was
  just said (hazard H32).

No Rasa class is needed beyond the tracker's events, so the checks are tested through the
policy with made-up trackers (tests/bot/dialogue/test_policy.py) as well as in whole
conversations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from safety.assess import CHECK_IN_INTENT, URGENT_CLASSES, load_thresholds
from safety.clauses import from_the_rest
from safety.safe_answers import (
    asks_only_what_to_do,
    asks_what_to_do,
    says_safe,
    says_safe_and_more,
    unsure_of_safety,
)
from signposting.after_list import (
    ABOUT_SHOWN,
    MORE,
    NEW_NEED,
    NEXT_STEPS,
    REFERRAL,
    WHO_IS_TOLD,
    asks_about_the_list,
    asks_for_the_carer,
    has_risk_words,
    plans_to_contact,
    read_after_list,
)
from signposting.answers import DENY, HELP_REQUEST, YES_LEADS, plain_no, short_answer


@dataclass(frozen=True)
class Guards:
    #: Actions that always return events when they work.
    service_actions: FrozenSet[Text] = frozenset()
    unavailable_action: Optional[Text] = None
    #: Per conversation; 0 turns the limit off.
    rate_messages: int = 0
    rate_seconds: float = 60.0
    rate_action: Optional[Text] = None
    #: Intents never limited (the urgent ones among them).
    rate_exempt: FrozenSet[Text] = frozenset()
    #: Replies that ask "are you safe right now?", and the reply for not safe.
    safety_questions: FrozenSet[Text] = frozenset()
    not_safe_action: Optional[Text] = None
    #: A reply other than not-safe for a plea after one question: after the check-in ("are you
    #: thinking about ending your life?"), "I need help" is a yes, and gets the 24/7 routes.
    plea_replies: Dict[Text, Text] = field(default_factory=dict)
    #: The reply when the answer to "are you safe right now?" could not be placed.
    safety_unclear_action: Optional[Text] = None
    #: The reply when that answer says safe in words the model did not place ("she's fine",
    #: "Yes, he's safe with us"), as the rules answer a plain yes.
    safe_answer_action: Optional[Text] = None
    urgent_intents: FrozenSet[Text] = frozenset()
    #: Actions that show a list of services; the reply to each reading of what comes next
    #: (signposting.after_list); the model's intents that reading may replace.
    list_actions: FrozenSet[Text] = frozenset()
    after_list_replies: Dict[Text, Text] = field(default_factory=dict)
    after_list_intents: FrozenSet[Text] = frozenset()
    #: Replies to a question about a list ("would my school find out i messaged this"): the
    #: list is still what the next message answers ("do they do video calls or is it all
    #: phone", conversations36).
    list_answer_actions: FrozenSet[Text] = frozenset()
    #: A wish for other options that also gave a detail (a place, an age): search again.
    after_list_detail_action: Optional[Text] = None
    #: The check-in question, for the model's suicidal guess alone on a plan to contact a
    #: service the list showed ("Thanks, I'll ring the second one tomorrow morning").
    after_list_check_in_action: Optional[Text] = None
    #: A parent or carer asking for support for themselves after a list.
    carer_action: Optional[Text] = None
    #: A plain no to the check-in question that interrupted the form: this reply, then the form
    #: again (a rule follows it with the form).
    check_in_no_form_action: Optional[Text] = None
    #: A worry told at length the model could not place: the topics, not "say it another way".
    described_action: Optional[Text] = None
    described_words: int = 10

    @classmethod
    def from_config(cls, config: Dict[Text, Any], urgent_intents: FrozenSet[Text]) -> "Guards":
        return cls(
            service_actions=frozenset(config.get("service_actions") or []),
            unavailable_action=config.get("services_unavailable_action"),
            rate_messages=int(config.get("rate_limit_messages") or 0),
            rate_seconds=float(config.get("rate_limit_seconds") or 60),
            rate_action=config.get("rate_limit_action"),
            rate_exempt=urgent_intents | frozenset(config.get("rate_limit_exempt_intents") or []),
            safety_questions=frozenset(config.get("safety_question_actions") or []),
            not_safe_action=config.get("not_safe_action"),
            plea_replies=dict(config.get("plea_replies") or {}),
            safety_unclear_action=config.get("safety_unclear_action"),
            safe_answer_action=config.get("safe_answer_action"),
            urgent_intents=urgent_intents,
            list_actions=frozenset(config.get("list_actions") or []),
            after_list_replies=dict(config.get("after_list_replies") or {}),
            after_list_intents=frozenset(config.get("after_list_intents") or []) - urgent_intents,
            list_answer_actions=frozenset(config.get("list_answer_actions") or []),
            after_list_detail_action=config.get("after_list_detail_action"),
            after_list_check_in_action=config.get("after_list_check_in_action"),
            carer_action=config.get("carer_support_action"),
            described_action=config.get("described_fallback_action"),
            described_words=int(config.get("described_fallback_words") or 10),
            check_in_no_form_action=config.get("check_in_no_form_action"))

    def action(self, tracker: DialogueStateTracker) -> Optional[Text]:
        """The action the guards demand now, or None to let the rules decide."""
        last = tracker.events[-1] if tracker.events else None
        if (isinstance(last, ActionExecuted) and last.action_name in self.service_actions
                and self.unavailable_action):
            return self.unavailable_action  # it ran and left nothing: it failed
        # After either reply, wait: an active form would otherwise run again (and fail again).
        # After a reply the guards give for a message the rules do not know ("i dont know where
        # he is" after the danger reply: the not-safe reply), wait too: the rules, finding none
        # of theirs, would add the core fallback ("Sorry, I'm not sure I understood").
        if tracker.latest_action_name in (self.unavailable_action, self.rate_action) or \
                tracker.latest_action_name in self._turn_ending():
            return ACTION_LISTEN_NAME
        # The message being answered, also when its entities set slots after it (an answer to
        # "are you safe right now?" that gives an age: "She's 15. I don't know what to do ...").
        latest, details = _latest_message(tracker)
        if latest is not None and self._over_rate_limit(tracker, latest):
            return ACTION_LISTEN_NAME if self._warned_recently(tracker, latest) else self.rate_action
        if latest is not None and self._pleads_after_safety_question(tracker, latest):
            asked = _last_bot_action(tracker) or ""
            return self.plea_replies.get(asked, self.not_safe_action)
        if latest is not None and self._yes_to_check_in(tracker, latest):
            return self.plea_replies[_last_bot_action(tracker) or ""]
        if latest is not None:
            unclear = self._unclear_answer_to_safety_question(tracker, latest)
            if unclear:
                return unclear
        if self._asked_instead_of_the_crisis_reply(tracker, last):
            return ACTION_LISTEN_NAME  # the question asked: the answer is the person's
        if latest is not None and self._plain_no_to_check_in_mid_form(tracker, latest):
            return self.check_in_no_form_action
        if latest is not None:
            return (self._urgent_guess_about_a_service(tracker, latest)
                    or self._for_the_carer(tracker, latest)
                    or self._after_list(tracker, latest, details) or self._described(tracker, latest))
        return None

    def _plain_no_to_check_in_mid_form(self, tracker: DialogueStateTracker,
                                       latest: UserUttered) -> bool:
        """A plain no ("no", "nope", the No button) to the check-in question that interrupted the
        form (conversations46: "they made a fake acount with my name on it too. i dont want to
        tell my mum she'll go mad", sent while the bot asked a bullied 13-year-old's age, read as
        risk by the model alone): the person is thanked and the form asks again for what it
        still needs, instead of "do you want to tell me what's been going on?", which made them
        tell their worry again. Only a no and nothing else (signposting.answers.plain_no: never
        "not really" or "not now", which leave the door open and keep the open question), only
        with no word of risk, only the writer's own, only on the model's check on suicide or
        self-harm alone, and only when the check-in came in the middle of the form."""
        if not self.check_in_no_form_action or (latest.intent or {}).get("name") != "deny":
            return False
        if not plain_no(latest.text or "") or has_risk_words(latest.text or ""):
            return False
        evidence = ((latest.parse_data or {}).get("safety") or {}).get("evidence") or []
        if any(e.get("tier") != "support" for e in evidence):
            return False
        # Only the writer's own no: a parent or staff member answers for someone else, who may
        # have said otherwise (the second review of round 29).
        if tracker.get_slot("audience") in _ADULTS:
            return False
        said = [name for name in _last_bot_turn(tracker) if name != ACTION_LISTEN_NAME]
        if len(said) < 2 or said[0] not in self.plea_replies or said[1] != "action_deactivate_loop":
            return False
        # ... and only when what was checked was the model's guess alone: a risk phrase of the
        # lexicon in the message that led to the question ("everyone would be better off without
        # me") keeps the open question after a no (the independent review of round 29).
        checked = _message_before_last_bot_turn(tracker)
        if checked is None:
            return False
        # ... a check on suicide or self-harm only (the question fits no worry of abuse or
        # danger: "my boyfriend is 24 and says i cant tell anyone"), with no word of either in
        # the message at any strength ("i went to the footbridge earlier", "later tonight") and
        # nothing stronger than a support word of any other kind (the second review).
        checked_class = next((e.get("value") for e in checked.entities or []
                              if e.get("entity") == "risk_class"), None)
        if checked_class not in _SELF_CHECKS:
            return False
        asked_about = ((checked.parse_data or {}).get("safety") or {}).get("evidence") or []
        return all(e.get("tier") == "support" and e.get("class") not in _SELF_CHECKS for e in asked_about)

    def _turn_ending(self) -> FrozenSet[Text]:
        """The guards' replies after which the bot waits for the person: each a whole answer
        that no rule follows with another action (utter_support_for_carers is followed by the
        next services, and is not one)."""
        replies = {self.not_safe_action, self.safety_unclear_action, self.safe_answer_action,
                   self.described_action,
                   self.after_list_check_in_action, *self.plea_replies.values(),
                   *(reply for reply in self.after_list_replies.values() if reply.startswith("utter_"))}
        return frozenset(reply for reply in replies if reply)

    def _list_in_view(self, tracker: DialogueStateTracker) -> bool:
        """The bot's last turn showed a list, or it showed one a few turns ago and has since
        only answered questions about it or about itself ("is this anonymous?", "is anyone
        actually there or is it a bot": conversations36): either way the next message is read
        as a reply to that list."""
        for turn in _bot_turns(tracker, _LIST_IN_VIEW_TURNS):
            said = set(turn) - {ACTION_LISTEN_NAME}
            if said & self.list_actions:
                return True
            if not said or not said <= self.list_answer_actions:
                return False
        return False

    def _asked_instead_of_the_crisis_reply(self, tracker: DialogueStateTracker, last: Any) -> bool:
        """The check-in question was just asked in answer to a crisis reading (only this guard
        does that: the rules ask it for ``risk_check_in``), so the rules, which would follow
        that reading, are not asked."""
        if not self.after_list_check_in_action or isinstance(last, UserUttered) or \
                tracker.latest_action_name != self.after_list_check_in_action:
            return False
        said = tracker.latest_message
        intent = ((said.intent or {}).get("name") if said is not None else None)
        return intent in self.urgent_intents and intent != CHECK_IN_INTENT

    def _urgent_guess_about_a_service(self, tracker: DialogueStateTracker,
                                      latest: UserUttered) -> Optional[Text]:
        """ "Thanks, I'll ring the second one tomorrow morning": straight after a list, a message
        that is only a plan to contact a service it showed (signposting.after_list.
        plans_to_contact), which the model alone read as suicidal below 0.9 (it learnt
        "tomorrow" from plans), with no word of the safety lexicon at all and no after-list word
        of risk, is asked the check-in question, never less: the crisis reply misreads a person
        planning to ring a service (development set 13). Narrowed by the independent review of
        round 18, which found a first draft (any urgent class, any message naming a service)
        taking the crisis reply from "number 2 wont answer. my dad has the kitchen knife"."""
        if not self.after_list_check_in_action:
            return None
        intent = (latest.intent or {}).get("name")
        if intent != "crisis_suicidal" or float((latest.intent or {}).get("confidence") or 0) \
                >= _ABOUT_A_SERVICE_SURE:
            return None
        text = latest.text or ""
        safety = (latest.parse_data or {}).get("safety") or {}
        if safety.get("source") != "unchanged" or safety.get("evidence"):
            return None
        if has_risk_words(text) or not plans_to_contact(text):
            return None
        if not self.list_actions & set(_last_bot_turn(tracker)):
            return None  # only straight after the list (the independent review of round 25)
        return self.after_list_check_in_action

    def _for_the_carer(self, tracker: DialogueStateTracker, latest: UserUttered) -> Optional[Text]:
        """ "Is there anything for me? I'm not coping brilliantly with all this, it's just me and
        him" (conversations34): straight after a list, a parent or carer asking for support for
        themselves is told where it is, with the 24/7 routes for adults, never asked whether
        their child is thinking of ending their life (the model's unsure reading of "not
        coping"). Only a parent or carer (the audience slot), only a message that is that
        question and their strain and nothing else (signposting.after_list.asks_for_the_carer),
        only with no risk phrase of the lexicon and no sure urgent reading of the model: a
        check-in the model alone chose below its class's crisis level is set aside, as on
        other questions about a list."""
        if not self.carer_action or tracker.get_slot("audience") != "parent_carer":
            return None
        if not self._list_in_view(tracker):
            return None
        text = latest.text or ""
        if not asks_for_the_carer(text):
            return None
        parse_data = latest.parse_data or {}
        intent = (latest.intent or {}).get("name")
        safety = parse_data.get("safety") or {}
        # A support word of the lexicon alone ("in the car" after drop-off) is no risk in a
        # message this narrow; a phrase of any other tier is.
        if any(e.get("tier") != "support" for e in safety.get("evidence") or []):
            return None
        if intent in self.urgent_intents and not _checked_by_model_alone(parse_data,
                                                                         support_words=True):
            return None
        return self.carer_action

    def _described(self, tracker: DialogueStateTracker, latest: UserUttered) -> Optional[Text]:
        """A worry told at length that the model could not place ("he's gone really quiet,
        comes home and goes straight to his room, barely touches his tea ..."): asking the
        person to say it another way, after they have explained, helps no one; the topics do
        (with the 24/7 routes, as every reply that does not understand). Any sign of risk keeps
        the rephrase request, which invites the person to say more: a lexicon match (but for a
        few everyday support words), an urgent reading of the model, words of distress. So do
        a form, a list of services, a safety question or a topic question just asked (the
        independent review: after "are you safe right now?", or after a list whose reply was
        held back for risk, the topics would lead away from the crisis reply)."""
        if not self.described_action or (latest.intent or {}).get("name") != "nlu_fallback":
            return None
        text = latest.text or ""
        if len(re.findall(r"[A-Za-z']+", text)) < self.described_words:
            return None
        turn = set(_last_bot_turn(tracker))
        if tracker.active_loop_name or turn & (self.list_actions | self.safety_questions | {
                self.described_action, *self.plea_replies, *self.plea_replies.values()}):
            return None
        parse_data = latest.parse_data or {}
        evidence = ((parse_data.get("safety") or {}).get("evidence")) or []
        if any(str(e.get("text", "")).strip().lower() not in _EVERYDAY_SUPPORT_WORDS
               and e.get("demoted_by") not in _TOLD_OF_ANOTHER_TIME for e in evidence) \
                or _risk_seen(parse_data, self.urgent_intents, support_words=False, other_times=False) \
                or has_risk_words(text) or (_TIED_TO_NOW.search(text.lower()) and any(
                    e.get("demoted_by") in _TOLD_OF_ANOTHER_TIME for e in evidence)):
            return None
        return self.described_action

    def _after_list(self, tracker: DialogueStateTracker, latest: UserUttered,
                    details: bool) -> Optional[Text]:
        intent = (latest.intent or {}).get("name")
        parse_data = latest.parse_data or {}
        text = latest.text or ""
        reading = read_after_list(text)
        # "do any of them do text only? i cant do phone calls", "is there something she could do
        # online?": about the list itself, with no word of risk and no risk phrase. The model's
        # unsure urgent guess on such a message (a check-in it alone chose, an urgent reading
        # ranked low) is noise from words it learnt elsewhere ("cant", "she"); a risk phrase of
        # the lexicon still keeps the message from this reading (and any match at all keeps a
        # check-in).
        of_the_list = reading in (MORE, ABOUT_SHOWN) and asks_about_the_list(text)
        checked_alone = of_the_list and _checked_by_model_alone(parse_data)
        # "He won't talk on the phone at all, it sends him into a panic. Is there anything face
        # to face or by chat?" (conversations26): the worry the list was for, told again as why
        # the list will not do, asks for other options of it, not the same list again.
        # So is a plain wish for others that names that worry again ("Thank you, is there
        # anything else, maybe something for children whose parents are splitting up?", after
        # the family list: conversations49, development, which showed the same list again).
        of_the_lists_need = intent == f"need_{_need_before(tracker, latest)}"
        same_need = reading == MORE and of_the_lists_need
        # "what do I actually say to her though? ... she just says she's fine" (conversations26):
        # a question what to do next about the worry the list was for, though the model hears
        # that need in its words; another need ("should i tell my mum im gay") is left to the
        # rules, which search for it (the independent review of round 19).
        next_step = reading in (REFERRAL, NEXT_STEPS) and of_the_lists_need
        if not self.after_list_replies or intent not in self.after_list_intents and not (
                checked_alone or same_need or next_step):
            return None
        # On a message only about the list's offers, a support word of the lexicon ("dont
        # wanna sit in a room"), an urgent guess ranked below the best, or one that is the best
        # after the fallback but under its class's check-in level (the safety component would
        # have checked in above it: "He won't do face to face at all. Can any of it be done
        # online or by chat?", suicidal 0.18, conversations11) is noise too.
        # "would my school find out i messaged this" (conversations36): whether someone is told,
        # with no word of risk (signposting.after_list.who_is_told), is that question even when
        # the model ranks an urgent guess low among others ("messaged", "find out"); an urgent
        # best reading or a check-in still keeps it from this reply.
        told = reading == WHO_IS_TOLD
        if _risk_seen(parse_data, self.urgent_intents, ranked=not (of_the_list or told),
                      best=not checked_alone, support_words=not of_the_list,
                      best_at_check_in=of_the_list):
            return None  # keeps the rephrase request, which leads with 999 and SHOUT
        if intent == "deny" and short_answer(text) == DENY:
            return None  # a plain "no": the answer to the bot's question
        if reading is None or not self._list_in_view(tracker):
            return None
        if reading == NEW_NEED and not _reads_a_need(latest.parse_data or {}):
            return None
        if same_need:
            # The need slot set again to the list's own need is no new detail: other options.
            return self.after_list_replies.get(reading)
        if details and reading == MORE and self.after_list_detail_action:
            # "anything near Deal?", "im 24 so most of these wont take me": the search again
            # with what the message set, as for any detail given after a list.
            return self.after_list_detail_action
        return self.after_list_replies.get(reading)

    def _pleads_after_safety_question(self, tracker: DialogueStateTracker,
                                      latest: UserUttered) -> bool:
        if not (self.not_safe_action and (latest.parse_data or {}).get(HELP_REQUEST)):
            return False
        if (latest.intent or {}).get("name") in self.urgent_intents:
            return False  # a new urgent message gets its own crisis reply
        return _last_bot_action(tracker) in self.safety_questions | set(self.plea_replies)

    def _unclear_answer_to_safety_question(self, tracker: DialogueStateTracker,
                                           latest: UserUttered) -> Optional[Text]:
        """The answer to "are you safe right now?" after a crisis reply, when the bot cannot
        place it ("feel proper sick n my ears r ringing. dont tell anyone" after pills, or
        "said hes going to do me in when he finds me" after the danger reply: conversations34).
        "Say it another way" or "are you thinking about ending your life?" would turn away
        from someone just told to call 999. Words of risk again (the check-in reading) get the
        not-safe reply; words the bot could not place get the question again, with 999 for
        anyone hurt, who has taken something or is not safe. An answer that says safe ("she's
        fine"; "Yes, she's fine, she's downstairs watching telly", which was asked again in
        development sets 44, 47 and 51, and "she's fine" got "say it another way") gets the reply
        to a plain yes. A new urgent message and anything the model placed are left to the rules.

        After the not-safe reply itself ("Please call 999 now ... I'm still here"), an answer
        that does not say safe gets the question again too, with 999 for anyone hurt, who has
        taken something or is not known to be safe: not "say it another way, for example 'I
        can't sleep'" (conversations36: a mother told to call 999 wrote "I'm fine, it's her I'm
        worried about"), nor "is your child thinking about ending their life?" (conversations40:
        "shes sat next to me but she wont say how many she took", of an overdose)."""
        intent = (latest.intent or {}).get("name")
        asked = _last_bot_action(tracker)
        if not self.not_safe_action or asked not in self.safety_questions:
            return None
        text = latest.text or ""
        if intent not in self.urgent_intents and tracker.get_slot("reporter") == "peer" and \
                _last_crisis_reply(tracker, latest) in _HURT_NOW_REPLIES and asks_what_to_do(text):
            # A friend, brother or sister of someone hurt or in danger now asking what to do
            # ("mum n dad are out what do i do", read as a family worry in development sets 57
            # and 59, and asked their age): asked again, with 999 first, not the services form.
            # Words of risk or of not knowing where they are ("she ran off what do we do") keep
            # the not-safe reply; asked a second time, only a bare ask gets it ("idk what to
            # do"): anything more is read as before (the second independent review).
            if intent == CHECK_IN_INTENT or unsure_of_safety(text):
                return self.not_safe_action
            if asked != self.safety_unclear_action:
                return self.safety_unclear_action
            if asks_only_what_to_do(text):
                return self.not_safe_action
        if intent not in ("nlu_fallback", CHECK_IN_INTENT):
            return None
        # Read as safe only after the suicidal reply (never after an overdose or an injury,
        # where someone who seems fine still needs A&E, nor after danger or a disclosure, where
        # "he" or "with my dad" may be the one who harms: the two independent reviews), and in
        # the words of whoever is asked about: the child for an adult, the friend or sister for
        # someone telling of another young person (the reporter slot), the writer otherwise.
        of_another = tracker.get_slot("audience") in ("parent_carer", "professional") or \
            tracker.get_slot("reporter") == "peer"
        safe = _last_crisis_reply(tracker, latest) == "utter_crisis_suicidal" and \
            says_safe_and_more(text, of_another=of_another)
        if asked == self.not_safe_action:
            # After "please call 999 now", only a plain "she's fine" is taken as safe.
            if intent == CHECK_IN_INTENT or not says_safe(text):
                return self.safety_unclear_action
            return self.safe_answer_action if safe else None
        if intent == CHECK_IN_INTENT or unsure_of_safety(text):
            return self.not_safe_action
        if safe:
            return self.safe_answer_action
        if asked == self.safety_unclear_action or says_safe(text):
            return None  # a bare "ok" or "fine" acknowledges: left to the rules, as before
        return self.safety_unclear_action

    def _yes_to_check_in(self, tracker: DialogueStateTracker, latest: UserUttered) -> bool:
        """A yes that goes on ("kinda yeah. not today maybe but its all i think about", "Yes,
        she says she is. She's ...") as the answer to the check-in question (a plea_replies
        question, where yes means risk): the 24/7 routes for what was checked, whatever the
        model made of the rest (development set 12: a fallback, or the check-in asked again).
        Never after "are you safe right now?", where yes means safe; a new urgent message gets
        its own crisis reply."""
        if not (latest.parse_data or {}).get(YES_LEADS):
            return False
        if (latest.intent or {}).get("name") in self.urgent_intents - {CHECK_IN_INTENT}:
            return False
        return _last_bot_action(tracker) in self.plea_replies

    def _recent(self, tracker: DialogueStateTracker, latest: UserUttered) -> List[Any]:
        since = latest.timestamp - self.rate_seconds
        recent = []
        for event in reversed(tracker.events):
            if event.timestamp < since:
                break
            recent.append(event)
        return recent

    def _over_rate_limit(self, tracker: DialogueStateTracker, latest: UserUttered) -> bool:
        if not (self.rate_messages and self.rate_action):
            return False
        if (latest.intent or {}).get("name") in self.rate_exempt:
            return False
        count = sum(isinstance(e, UserUttered) for e in self._recent(tracker, latest))
        return count > self.rate_messages

    def _warned_recently(self, tracker: DialogueStateTracker, latest: UserUttered) -> bool:
        return any(isinstance(e, ActionExecuted) and e.action_name == self.rate_action
                   for e in self._recent(tracker, latest))


#: The model's suicidal reading this sure keeps the crisis reply whatever the words.
_ABOUT_A_SERVICE_SURE = 0.9

#: How sure the model must be of an urgent reading, among its first three, for the guard to
#: leave the message alone.
_RISK_RANKED = 0.1


#: A check-in the model alone chose on a question about the list is set aside only for these
#: classes, and only below this confidence: the guesses seen on such questions (a disclosure at
#: 0.32 for "do any of them do text only? i cant do phone calls"; danger at 0.55 for "he wont
#: talk to a stranger on the phone, is there something he can just text", conversations24,
#: below danger's crisis level of 0.58). A self-harm guess, or a surer one, keeps its
#: check-in ("any that do text, im gonna od": self-harm 0.65; its words of risk keep it too).
_SET_ASIDE_CLASSES = frozenset({"safeguarding_disclosure", "crisis_suicidal", "crisis_danger"})
_SET_ASIDE_BELOW = 0.58


#: Support words of the lexicon that say why a service's way of contact will not do, on a
#: message only about the list: "he wont talk to a stranger on the phone, is there something he
#: can just text" (conversations24). Any other word, "weekend" or "tonight" too, keeps the
#: check-in (the independent review of the set-aside).
_LIST_REASON_WORDS = frozenset({"stranger", "strangers"})

#: A risk phrase read as the news, a story or the past ("saw the news about that singer who took
#: his own life and asked me lots of questions ... any advice on talking to children about this":
#: development set 55): no sign of risk now, if nothing else in the message is one.
_TOLD_OF_ANOTHER_TIME = frozenset({"history", "fiction", "information"})
#: ... unless the message ties that event to the writer or the child now: "lately i keep thinking
#: i should go the same way", "she said that's what she has been doing to her arms" (the second
#: independent review of round 33).
_TIED_TO_NOW = re.compile(r"\b(?:the\s+same\s+(?:way|thing)|too|as\s+well|next|"
                          r"like\s+(?:she|he|they|him|her|them)\s+did|that'?s\s+what|"
                          r"(?:has|have|had|'s|'ve)\s+(?:started|been)|started\s+to|lately|recently|"
                          r"keeps?\s+(?:thinking|saying|talking)|been\s+thinking|should\s+(?:go|do))\b")
#: Support words of the lexicon that a parent's account of an ordinary worry uses ("barely
#: touches his tea", "every night", "my 14 year old"): no sign of risk on their own.
_EVERYDAY_SUPPORT_WORDS = frozenset({"help", "touches", "touch", "year old", "years old", "every day",
                                     "every night", "every morning", "every single day"})


def _checked_by_model_alone(parse_data: Dict[Text, Any], support_words: bool = False) -> bool:
    """A check-in the model's unsure urgent guess chose, with no risk phrase found (but for
    _LIST_REASON_WORDS, and with ``support_words`` any word of the lexicon's support tier),
    every urgent reading of the model unsure and of a class in _SET_ASIDE_CLASSES."""
    safety = parse_data.get("safety") or {}
    if from_the_rest(safety):
        return False  # the check-in is the reading of what followed the question (bot/nlu/clauses.py)
    if (parse_data.get("intent") or {}).get("name") != CHECK_IN_INTENT or any(
            str(e.get("text", "")).strip().lower() not in _LIST_REASON_WORDS
            and not (support_words and e.get("tier") == "support")
            for e in safety.get("evidence") or []):
        return False
    readings = [(str(n), float(c)) for n, c in safety.get("model") or []]
    # Every intent is in the model's ranking: one far below _RISK_RANKED is no reading ("i cant
    # do phone calls ..., is there one i can just text": a disclosure at 0.35 beside danger at
    # 0.07, conversations20).
    guesses = [(n, c) for n, c in readings if n in URGENT_CLASSES and c >= _RISK_RANKED]
    return bool(guesses) and all(n in _SET_ASIDE_CLASSES and c < _SET_ASIDE_BELOW
                                 for n, c in guesses)


@lru_cache(maxsize=1)
def _check_in_levels() -> Dict[str, float]:
    return {name: levels.check_in for name, levels in load_thresholds().items()}


def _risk_seen(parse_data: Dict[Text, Any], urgent: FrozenSet[Text], ranked: bool = True,
               best: bool = True, support_words: bool = True, best_at_check_in: bool = False,
               other_times: bool = True) -> bool:
    """Any sign of risk the NLU saw, however unsure: a lexicon match of any tier (with
    ``support_words``, support words such as "tonight" or "pills" included; "help" alone
    aside), or an urgent reading as the model's best after the fallback (with ``best``; with
    ``best_at_check_in``, only at or above its class's check-in level) or among its first
    three at 0.1 or more (with ``ranked``). Without ``other_times``, a match read as the past, a
    story or the news is none."""
    safety = parse_data.get("safety") or {}
    if any(str(e.get("text", "")).strip().lower() != "help"
           and (support_words or e.get("tier") != "support")
           and (other_times or e.get("demoted_by") not in _TOLD_OF_ANOTHER_TIME)
           for e in safety.get("evidence") or []):
        return True
    ranking = [(str(name), float(conf)) for name, conf in safety.get("model") or []] or [
        (str(r.get("name")), float(r.get("confidence") or 0.0))
        for r in parse_data.get("intent_ranking") or []]
    readings = [(name, conf) for name, conf in ranking if name != "nlu_fallback"]
    if best and readings and readings[0][0] in urgent and (
            not best_at_check_in or readings[0][1] >= _check_in_levels().get(readings[0][0], 0.0)):
        return True
    return ranked and any(name in urgent and conf >= _RISK_RANKED for name, conf in readings[:3])


def _reads_a_need(parse_data: Dict[Text, Any]) -> bool:
    """The model's best reading after the fallback is a need, however unsure: a new worry told
    after a list ("also she's started skipping lunch") is asked about, not guessed (the model
    could not place it, and its best guess is often the wrong need)."""
    readings = [str(r.get("name")) for r in parse_data.get("intent_ranking") or []
                if r.get("name") != "nlu_fallback"]
    return bool(readings) and readings[0].startswith("need_")


#: The crisis reply of each urgent class: "utter_crisis_danger" for crisis_danger.
_CLASS_REPLIES = frozenset(f"utter_{name}" for name in URGENT_CLASSES)


#: Crisis replies to someone hurt or in danger now (see _unclear_answer_to_safety_question).
_HURT_NOW_REPLIES = frozenset({"utter_crisis_self_harm", "utter_crisis_danger"})


def _last_crisis_reply(tracker: DialogueStateTracker, latest: UserUttered) -> Optional[Text]:
    """The last crisis reply before ``latest``, also when the safety question was asked again
    since; None after a check-in's routes alone."""
    seen = False
    for event in reversed(tracker.events):
        if event is latest:
            seen = True
        elif seen and isinstance(event, ActionExecuted) and event.action_name in _CLASS_REPLIES:
            return event.action_name
    return None


def _need_before(tracker: DialogueStateTracker, latest: UserUttered) -> Optional[Text]:
    """The need the conversation had before ``latest``: Rasa sets the need slot from the
    message's own intent before the policy is asked, so the slot now may be the new message's
    ("his nan died last month ... Is there anything for that?" after the ADHD list would seem
    the list's own need: conversations47, development, in a draft of round 30)."""
    seen = False
    for event in reversed(tracker.events):
        if event is latest:
            seen = True
        elif seen and isinstance(event, SlotSet) and event.key == "need":
            return event.value
    return None


def _latest_message(tracker: DialogueStateTracker) -> Tuple[Optional[UserUttered], bool]:
    """The message the bot is answering now, if nothing but the slots it set came after it
    (Rasa fills slots from its entities before asking the policy), and whether it set a detail
    (what a check-in checks is none)."""
    slots = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return event, slots
        if not isinstance(event, SlotSet):
            return None, False
        slots = slots or event.key not in _NOT_DETAILS
    return None, False


#: Slots a message's entities set that are no detail of the young person.
_NOT_DETAILS = frozenset({"risk_class"})


#: How many of the bot's turns back a list stays in view while the bot only answers questions.
_LIST_IN_VIEW_TURNS = 4


def _bot_turns(tracker: DialogueStateTracker, count: int) -> List[List[Text]]:
    """The actions of the bot's last ``count`` turns before the latest message, the latest
    turn first, each turn's last action first."""
    turns: List[List[Text]] = []
    current: Optional[List[Text]] = None
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if current is not None:
                turns.append(current)
                if len(turns) == count:
                    break
            current = []
        elif current is not None and isinstance(event, ActionExecuted) and event.action_name:
            current.append(event.action_name)
    else:
        if current:
            turns.append(current)
    return turns


def _last_bot_turn(tracker: DialogueStateTracker) -> List[Text]:
    """The actions of the bot's turn before the latest message, the last first."""
    actions: List[Text] = []
    seen_user = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_user:
                break
            seen_user = True
        elif seen_user and isinstance(event, ActionExecuted) and event.action_name:
            actions.append(event.action_name)
    return actions


#: The checks a plain no may close: thoughts of suicide or self-harm.
_SELF_CHECKS = frozenset({"crisis_suicidal", "crisis_self_harm"})
#: Writers who answer for someone else.
_ADULTS = frozenset({"parent_carer", "professional"})


def _message_before_last_bot_turn(tracker: DialogueStateTracker) -> Optional[UserUttered]:
    """The message the bot's last turn answered (the one before the latest message)."""
    seen = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen += 1
            if seen == 2:
                return event
    return None


def _last_bot_action(tracker: DialogueStateTracker) -> Optional[Text]:
    """The bot's last action before the latest message (listening aside)."""
    return next((name for name in _last_bot_turn(tracker) if name != ACTION_LISTEN_NAME), None)
