"""The policy's guards, on trackers built by hand with chosen timestamps (no training)."""
from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.policy import UrgentFirstRulePolicy

DOMAIN = Domain.load("domain")
LIMIT, WINDOW = 12, 60.0


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    config = dict(UrgentFirstRulePolicy.get_default_config(),
                  urgent_intents=["crisis_suicidal", "risk_check_in"],
                  service_actions=["action_find_services", "signpost_form"],
                  services_unavailable_action="utter_services_unavailable",
                  rate_limit_messages=LIMIT, rate_limit_seconds=WINDOW,
                  rate_limit_action="utter_slow_down",
                  rate_limit_exempt_intents=["delete_my_data"],
                  safety_question_actions=["utter_crisis_suicidal", "utter_crisis_self_harm",
                                           "utter_crisis_danger", "utter_safeguarding_disclosure",
                                           "utter_not_safe", "utter_safety_answer_unclear"],
                  not_safe_action="utter_not_safe",
                  safety_unclear_action="utter_safety_answer_unclear",
                  safe_answer_action="utter_glad_you_are_safe",
                  plea_replies={"utter_risk_check_in": "utter_check_in_yes"},
                  list_actions=["action_find_services", "action_more_services"],
                  after_list_replies={"more": "action_more_services",
                                      "about_shown": "utter_about_shown_services",
                                      "closing": "utter_you_are_welcome",
                                      "new_need": "utter_ask_new_need",
                                      "who_is_told": "utter_who_is_told",
                                      "referral": "utter_how_to_refer",
                                      "next_steps": "utter_next_steps"},
                  after_list_intents=["nlu_fallback", "out_of_scope", "deny", "crisis_suicidal"],
                  list_answer_actions=["utter_about_shown_services", "utter_who_is_told",
                                       "utter_how_to_refer", "utter_next_steps", "utter_i_am_a_bot",
                                       "action_offer_feedback", "utter_ask_feedback"],
                  after_list_detail_action="signpost_form",
                  after_list_check_in_action="utter_risk_check_in",
                  carer_support_action="utter_support_for_carers",
                  described_fallback_action="utter_ask_topic", described_fallback_words=10,
                  check_in_no_form_action="utter_check_in_no_back_to_form")
    storage = LocalModelStorage(tmp_path_factory.mktemp("policy"))
    policy = UrgentFirstRulePolicy(config, storage, Resource("policy"),
                                   ExecutionContext(GraphSchema({}), "test"))
    # As trained with no rules: whatever the guards leave to the rules becomes the core
    # fallback, which is neither guard's reply.
    policy.lookup = {"rules": {}, "rules_for_loop_unhappy_path": {}, "rules_not_in_stories": []}
    return policy


def predicted(policy, events) -> str:
    tracker = DialogueStateTracker.from_events("guard-test", events)
    prediction = policy.predict_action_probabilities(tracker, DOMAIN)
    return DOMAIN.action_names_or_texts[int(np.argmax(prediction.probabilities))]


def user(text: str, at: float, intent: str = "greet") -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 1.0}, timestamp=at)


def turns(count: int, start: float = 1000.0, every: float = 1.0, intent: str = "greet"):
    """`count` answered messages, `every` seconds apart."""
    events = []
    for i in range(count):
        at = start + i * every
        events += [ActionExecuted("action_listen", timestamp=at - 0.1), user(f"hi {i}", at, intent),
                   ActionExecuted("utter_greet", policy="p", timestamp=at + 0.1),
                   BotUttered("hello", timestamp=at + 0.1)]
    return events + [ActionExecuted("action_listen", timestamp=start + count * every - 0.5)]


def test_a_service_action_that_left_no_events_means_the_action_server_is_down(policy):
    events = [ActionExecuted("action_listen"), user("i feel low", 1000.0, "need_low_mood"),
              ActionExecuted("action_find_services", policy="RulePolicy", confidence=1.0)]
    assert predicted(policy, events) == "utter_services_unavailable"


def test_a_service_action_that_spoke_is_not_a_failure(policy):
    events = [ActionExecuted("action_listen"), user("i feel low", 1000.0, "need_low_mood"),
              ActionExecuted("action_find_services", policy="RulePolicy", confidence=1.0),
              BotUttered("Here are services")]
    assert predicted(policy, events) != "utter_services_unavailable"


def test_an_action_outside_the_list_with_no_events_is_left_to_the_rules(policy):
    events = [ActionExecuted("action_listen"), user("hi", 1000.0),
              ActionExecuted("action_suggest_self_help", policy="RulePolicy", confidence=1.0)]
    assert predicted(policy, events) != "utter_services_unavailable"


@pytest.mark.parametrize("action", ["utter_services_unavailable", "utter_slow_down"])
def test_after_a_guard_reply_the_bot_listens(policy, action):
    events = [ActionExecuted("action_listen"), user("hi", 1000.0),
              ActionExecuted(action, policy="p"), BotUttered("...")]
    assert predicted(policy, events) == "action_listen"


def test_after_a_guard_reply_an_active_form_does_not_run_again(policy):
    events = [ActionExecuted("action_listen"), user("15", 1000.0, "inform"),
              ActiveLoop("signpost_form"),
              ActionExecuted("signpost_form", policy="RulePolicy"),
              ActionExecuted("utter_services_unavailable", policy="p"), BotUttered("...")]
    assert predicted(policy, events) == "action_listen"


def test_up_to_the_limit_nothing_is_limited(policy):
    events = turns(LIMIT - 1) + [user("one more", 1000.0 + LIMIT)]
    assert predicted(policy, events) not in ("utter_slow_down", "action_listen")


def test_one_over_the_limit_gets_the_polite_reply(policy):
    events = turns(LIMIT) + [user("one too many", 1000.0 + LIMIT)]
    assert predicted(policy, events) == "utter_slow_down"


def test_after_the_polite_reply_further_messages_are_heard_but_not_answered(policy):
    events = turns(LIMIT) + [user("one too many", 1012.0),
                             ActionExecuted("utter_slow_down", policy="p", timestamp=1012.1),
                             BotUttered("slow down", timestamp=1012.1),
                             ActionExecuted("action_listen", timestamp=1012.2),
                             user("and another", 1013.0)]
    assert predicted(policy, events) == "action_listen"


def test_messages_spread_over_more_than_the_window_are_not_limited(policy):
    events = turns(LIMIT, every=WINDOW / LIMIT + 0.5)
    events += [user("steady", events[-1].timestamp + 5.5)]
    assert predicted(policy, events) != "utter_slow_down"


def test_the_limit_lifts_once_the_window_has_passed(policy):
    events = turns(LIMIT) + [user("one too many", 1012.0),
                             ActionExecuted("utter_slow_down", policy="p", timestamp=1012.1),
                             BotUttered("slow down", timestamp=1012.1),
                             ActionExecuted("action_listen", timestamp=1012.2),
                             user("later", 1012.0 + WINDOW + 1)]
    assert predicted(policy, events) not in ("utter_slow_down", "action_listen")


@pytest.mark.parametrize("intent", ["crisis_suicidal", "risk_check_in", "delete_my_data"])
def test_urgent_messages_and_exempt_commands_are_never_limited(policy, intent):
    events = turns(LIMIT * 3) + [user("urgent", 1000.0 + LIMIT * 3, intent)]
    assert predicted(policy, events) not in ("utter_slow_down", "action_listen")


# -- a plain answer to the question asked -------------------------------------------------------

def _asked(slot: str, text: str, intent: str, safety: dict):
    from rasa.shared.core.events import SlotSet

    message = UserUttered(text, {"name": intent, "confidence": 0.4},
                          parse_data={"safety": safety})
    events = [ActionExecuted("action_listen"), user("i feel low", 999.0, "need_low_mood"),
              ActionExecuted("signpost_form"), ActiveLoop("signpost_form"),
              SlotSet("requested_slot", slot), ActionExecuted("action_listen"), message]
    return DialogueStateTracker.from_events("answer-test", events)


@pytest.mark.parametrize("slot, text", [("location", "Margate, sorry is that too far?"),
                                        ("location", "broadstairs"), ("age", "she's 9"),
                                        ("audience", "for my son")])
def test_a_model_only_check_in_on_a_plain_answer_goes_to_the_form(policy, slot, text):
    tracker = _asked(slot, text, "risk_check_in", {"source": "model", "evidence": []})
    assert not policy._interrupted_before_loop_ran(tracker)


def test_where_someone_lives_described_with_a_road_goes_to_the_form(policy):
    # conversations28 (development), in other words: "road" and "woods" are support words of
    # the lexicon; in an answer to the place question they are the answer.
    road = [{"class": "crisis_danger", "tier": "support", "text": "road"}]
    tracker = _asked("location", "rochford, off the main road", "risk_check_in",
                     {"source": "model+lexicon", "evidence": road})
    assert not policy._interrupted_before_loop_ran(tracker)
    bridge = [{"class": "crisis_suicidal", "tier": "support", "text": "bridge"}]
    tracker = _asked("location", "rochford, by the bridge", "risk_check_in",
                     {"source": "model+lexicon", "evidence": bridge})
    assert policy._interrupted_before_loop_ran(tracker)


def test_a_risk_phrase_or_a_sure_model_still_interrupts_the_form(policy):
    phrase = _asked("age", "16, not gonna make 17 anyway", "risk_check_in",
                    {"source": "lexicon", "evidence": [{"class": "crisis_suicidal"}]})
    assert policy._interrupted_before_loop_ran(phrase)
    sure = _asked("age", "16, not gonna make 17 anyway", "crisis_suicidal",
                  {"source": "unchanged", "evidence": []})
    assert policy._interrupted_before_loop_ran(sure)
    no_answer = _asked("location", "i cant do this anymore", "risk_check_in",
                       {"source": "model", "evidence": []})
    assert policy._interrupted_before_loop_ran(no_answer)


# -- a plea for help as the answer to "are you safe right now?" ---------------------------------

def _after(action: str, text: str, intent: str, plea: bool):
    parse = {"help_request": True} if plea else {}
    return [ActionExecuted("action_listen", timestamp=998.0), user("i want to die", 999.0, "crisis_suicidal"),
            ActionExecuted(action, policy="p", timestamp=999.1), BotUttered("are you safe?", timestamp=999.1),
            ActionExecuted("action_listen", timestamp=999.2),
            UserUttered(text, {"name": intent, "confidence": 0.5}, parse_data=parse, timestamp=1000.0)]


@pytest.mark.parametrize("action", ["utter_crisis_suicidal", "utter_not_safe"])
def test_a_plea_for_help_after_are_you_safe_means_not_safe(policy, action):
    assert predicted(policy, _after(action, "i need help", "need_general_wellbeing", True)) \
        == "utter_not_safe"


def _peer_after(reply: str, text: str, intent: str = "need_family_relationships", peer: bool = True):
    events = _after(reply, text, intent, False)
    return ([SlotSet("reporter", "peer")] if peer else []) + events


@pytest.mark.parametrize("reply", ["utter_crisis_self_harm", "utter_crisis_danger"])
def test_a_peer_asking_what_to_do_after_someone_is_hurt_is_asked_again_with_999(policy, reply):
    """Development sets 57 and 59: a sister and a brother of someone bleeding in the bathroom
    wrote "mum n dad are out what do i do", read as a family worry and asked their age."""
    events = _peer_after(reply, "mum n dad are out what do i do")
    assert predicted(policy, events) == "utter_safety_answer_unclear"
    # Asked a second time after the question came again: the not-safe reply.
    again = events + [ActionExecuted("utter_safety_answer_unclear", timestamp=1000.1),
                      ActionExecuted("action_listen", timestamp=1000.2),
                      UserUttered("idk what to do", {"name": "need_general_wellbeing", "confidence": 0.5},
                                  timestamp=1001.0)]
    assert predicted(policy, again) == "utter_not_safe"
    # Asked again with more than a bare ask ("she cut it on purpose what do i do"): read as before.
    more = events + [ActionExecuted("utter_safety_answer_unclear", timestamp=1000.1),
                     ActionExecuted("action_listen", timestamp=1000.2),
                     UserUttered("she cut it on purpose what do i do",
                                 {"name": "need_self_harm", "confidence": 0.6}, timestamp=1001.0)]
    assert predicted(policy, more) not in ("utter_safety_answer_unclear", "utter_not_safe")
    # Words of not knowing where they are keep the not-safe reply (the second review).
    assert predicted(policy, _peer_after(reply, "she ran off what do we do")) == "utter_not_safe"
    # Help there or called, a yes, or the past: left to the rules, as before.
    for text in ("ive already called 999, what now", "the paramedics are here what do i do",
                 "yes she is, what should i do", "she showed me old scars last week what do i do"):
        assert predicted(policy, _peer_after(reply, text)) not in (
            "utter_safety_answer_unclear", "utter_not_safe"), text


def test_asking_what_to_do_is_read_so_only_of_a_peer_after_someone_is_hurt(policy):
    # A young person's or a parent's own "what do i do" is too often an everyday worry.
    assert predicted(policy, _peer_after("utter_crisis_self_harm", "mum n dad are out what do i do",
                                         peer=False)) != "utter_safety_answer_unclear"
    # A friend's abuse or suicidal thoughts told: "what do i do" asks how to help.
    for reply in ("utter_safeguarding_disclosure", "utter_crisis_suicidal"):
        assert predicted(policy, _peer_after(reply, "she made me promise not to tell, what do i do")) \
            not in ("utter_safety_answer_unclear", "utter_not_safe")


def test_the_same_words_elsewhere_are_left_to_the_rules(policy):
    assert predicted(policy, _after("utter_greet", "i need help", "greet", True)) != "utter_not_safe"
    at_the_start = [ActionExecuted("action_listen"),
                    UserUttered("need help", {"name": "greet", "confidence": 1.0},
                                parse_data={"help_request": True}, timestamp=1000.0)]
    assert predicted(policy, at_the_start) != "utter_not_safe"


def test_other_answers_after_are_you_safe_are_left_to_the_rules(policy):
    assert predicted(policy, _after("utter_crisis_suicidal", "i feel a bit better", "need_low_mood",
                                    False)) != "utter_not_safe"
    # A new urgent message gets its own crisis reply from the rules.
    assert predicted(policy, _after("utter_crisis_suicidal", "help me", "crisis_suicidal", True)) \
        != "utter_not_safe"


def test_an_answer_to_are_you_safe_the_bot_cannot_place_asks_again_with_999(policy):
    """conversations34: "feel proper sick n my ears r ringing" after the self-harm reply got
    "say it another way"; risk again after it got the check-in question."""
    assert predicted(policy, _after("utter_crisis_suicidal", "feel proper sick n my ears r ringing",
                                    "nlu_fallback", False)) == "utter_safety_answer_unclear"
    assert predicted(policy, _after("utter_crisis_suicidal", "said hes going to do me in when he finds me",
                                    "risk_check_in", False)) == "utter_not_safe"


def _after_suicidal(text: str, audience: str, asked_again: bool = False,
                    reply: str = "utter_crisis_suicidal"):
    """An answer to "are you safe right now?" after a crisis reply (and the question asked again),
    from a writer the bot knows."""
    events = [ActionExecuted("action_listen", timestamp=998.0), SlotSet("audience", audience),
              user("she said she wants to die", 999.0, "crisis_suicidal"),
              ActionExecuted(reply, policy="p", timestamp=999.1), BotUttered("is she safe?", timestamp=999.1),
              ActionExecuted("action_listen", timestamp=999.2)]
    if asked_again:
        events += [user("hmm", 999.3, "nlu_fallback"),
                   ActionExecuted("utter_safety_answer_unclear", timestamp=999.4),
                   ActionExecuted("action_listen", timestamp=999.5)]
    return events + [UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5}, timestamp=1000.0)]


@pytest.mark.parametrize("asked_again", [False, True])
@pytest.mark.parametrize("text", [
    # Development sets 47, 44 and 51: parents asked again, and "she's fine" got "say it another way".
    "she's fine", "Yes, she's fine, she's downstairs watching telly.", "Yes, he's safe with us.",
    "yes hes at home with me now",
])
def test_a_parent_saying_the_child_is_safe_gets_the_reply_to_a_yes(policy, asked_again, text):
    events = _after_suicidal(text, "parent_carer", asked_again)
    assert predicted(policy, events) == "utter_glad_you_are_safe"
    # ... and the bot then waits for the person.
    assert predicted(policy, events + [ActionExecuted("utter_glad_you_are_safe")]) == "action_listen"


def test_a_friend_saying_the_one_they_told_of_is_safe_gets_the_reply_to_a_yes(policy):
    """A sister or friend asked "is the young person you're worried about safe right now?"
    answers of her (the reporter slot, signposting/peers.py); her own "im fine" is not that."""
    events = _after_suicidal("yes shes fine, shes downstairs with our mum", "young_person")
    assert predicted(policy, events) != "utter_glad_you_are_safe"  # read as the writer's words
    events.insert(1, SlotSet("reporter", "peer"))
    assert predicted(policy, events) == "utter_glad_you_are_safe"
    events[-1] = UserUttered("yes im fine thanks", {"name": "nlu_fallback", "confidence": 0.5},
                             timestamp=1000.0)
    assert predicted(policy, events) != "utter_glad_you_are_safe"


def test_a_young_person_saying_they_are_safe_gets_the_reply_to_a_yes(policy):
    assert predicted(policy, _after_suicidal("yes im safe, im downstairs with my mum", "young_person")) \
        == "utter_glad_you_are_safe"


@pytest.mark.parametrize("reply", ["utter_crisis_self_harm", "utter_crisis_danger",
                                   "utter_safeguarding_disclosure"])
def test_safe_at_length_is_read_only_after_the_suicidal_reply(policy, reply):
    """The second independent review: after an overdose someone who seems fine still needs A&E,
    and after danger or a disclosure "with my dad" may be with the one who harms."""
    events = _after_suicidal("Yes, she's fine, she's downstairs watching telly.", "parent_carer", reply=reply)
    assert predicted(policy, events) == "utter_safety_answer_unclear"


def test_the_one_said_safe_must_be_the_one_asked_about(policy):
    """The second review: a parent's "yes im fine thanks" is the parent."""
    assert predicted(policy, _after_suicidal("yes im fine thanks", "parent_carer")) \
        != "utter_glad_you_are_safe"


def test_after_the_not_safe_reply_only_a_plain_safe_is_safe(policy):
    events = _after_suicidal("she's fine", "parent_carer")
    events[3] = ActionExecuted("utter_not_safe", policy="p", timestamp=999.1)
    assert predicted(policy, events) != "utter_glad_you_are_safe"  # no crisis reply before it
    events = _after_suicidal("she's fine", "parent_carer", asked_again=True)
    events[-3] = ActionExecuted("utter_not_safe", timestamp=999.4)
    assert predicted(policy, events) == "utter_glad_you_are_safe"
    events[-1] = UserUttered("Yes, she's fine, she's downstairs watching telly.",
                             {"name": "nlu_fallback", "confidence": 0.5}, timestamp=1000.0)
    assert predicted(policy, events) == "utter_safety_answer_unclear"


@pytest.mark.parametrize("text", ["im safe now, hes gone out", "ok thanks", "fine", "yeah alright"])
def test_a_plain_safe_that_says_nothing_more_or_only_acknowledges_is_left_to_the_rules(policy, text):
    """As before this change: "ok thanks" and "fine" may only acknowledge the advice (the
    independent reviews), and "hes gone out" is not read."""
    assert predicted(policy, _after_suicidal(text, "young_person")) \
        not in ("utter_safety_answer_unclear", "utter_glad_you_are_safe", "utter_not_safe")


def test_an_unplaced_answer_elsewhere_is_left_to_the_rules(policy):
    assert predicted(policy, _after("utter_crisis_suicidal", "i dont feel safe at all",
                                    "nlu_fallback", False)) == "utter_safety_answer_unclear"
    assert predicted(policy, _after("utter_greet", "feel proper sick", "nlu_fallback", False)) \
        not in ("utter_safety_answer_unclear", "utter_not_safe")



@pytest.mark.parametrize("text, intent", [
    ("feel proper sick", "nlu_fallback"), ("I'm fine, it's her I'm worried about", "nlu_fallback"),
    ("what do i say to them", "nlu_fallback"), ("i dont know where he is", "nlu_fallback"),
    ("shes sat next to me but she wont say how many she took", "risk_check_in"),
])
def test_an_answer_after_the_not_safe_reply_is_asked_again_not_say_it_another_way(policy, text, intent):
    """conversations36 (development): a mother told to call 999 wrote "I'm fine, it's her I'm
    worried about" and got "say it another way, for example 'I can't sleep'"; conversations40:
    "shes sat next to me but she wont say how many she took" got the check-in question."""
    assert predicted(policy, _after("utter_not_safe", text, intent, False)) \
        == "utter_safety_answer_unclear"


@pytest.mark.parametrize("text, intent", [
    ("im safe now", "nlu_fallback"),  # says safe: the rules answer
    ("i've taken 30 paracetamol", "crisis_self_harm"),  # a new urgent message: its crisis reply
    ("my son has autism", "need_neurodevelopmental"),  # placed by the model
])
def test_after_the_not_safe_reply_other_answers_are_left_to_the_rules(policy, text, intent):
    assert predicted(policy, _after("utter_not_safe", text, intent, False)) \
        not in ("utter_safety_answer_unclear", "utter_not_safe")


def test_an_answer_to_are_you_safe_that_also_gives_a_detail_is_still_an_answer(policy):
    """conversations36: "She's 15. I don't know what to do, should I go out looking for her?"
    after the danger reply (here the suicidal one the fixture knows) set the age slot after the
    message, and the guards, which looked only at the last event, left it to the rules ("say it
    another way")."""
    events = _after("utter_crisis_suicidal", "She's 15. I don't know what to do, should I ring "
                    "her dad or her school??", "nlu_fallback", False)
    assert predicted(policy, events) == "utter_safety_answer_unclear"
    assert predicted(policy, events + [SlotSet("age", 15)]) == "utter_safety_answer_unclear"
    # The message itself (she is out, and not known to be safe) is now the not-safe reply.
    missing = _after("utter_crisis_suicidal", "She's 15. I don't know what to do, should I go out "
                     "looking for her or stay here in case she comes back??", "nlu_fallback", False)
    assert predicted(policy, missing + [SlotSet("age", 15)]) == "utter_not_safe"
    pleads = _after("utter_crisis_suicidal", "im 14 i need help", "need_general_wellbeing", True)
    assert predicted(policy, pleads + [SlotSet("age", 14)]) == "utter_not_safe"
    # A slot set by anything but the message (an action after it) is not its answer.
    later = events + [SlotSet("age", 15), ActionExecuted("utter_safety_answer_unclear")]
    assert predicted(policy, later) != "utter_safety_answer_unclear"


@pytest.mark.parametrize("text", [
    # The independent review of round 23: doubt, a negation after the word, danger after "ok",
    # someone else not safe.
    "not sure if im safe", "safe? not really", "i'm ok for now but he'll be back at 6",
    "i think shes ok, she's just really drowsy", "im fine but my sister isnt",
    # Safe at first, then more that may not be: the body after an overdose, something to come,
    # a question, someone not reached.
    "yes shes ok just a bit drowsy", "yes she's safe, she's asleep now", "ok so what do i do now",
    "yes hes safe, hes at school, i just cant get hold of him", "yes we're ok, he's on his way back",
])
def test_an_answer_that_is_not_plainly_safe_is_asked_again(policy, text):
    assert predicted(policy, _after("utter_crisis_suicidal", text, "nlu_fallback", False)) \
        == "utter_safety_answer_unclear"


@pytest.mark.parametrize("text", [
    # conversations36 (development): a mother whose daughter left a note and went out, asked
    # again whether her child is safe, got "say it another way"; other words.
    "She's 15. I don't know what to do, should I go out looking for her or stay here in case she "
    "comes back??", "i dont know where she is", "hes not answering his phone",
    "she hasn't come home yet", "we cant reach him, his phone is off",
    "i don't know where my daughter is", "he wont pick up",
    # The independent review of round 25: texting, and one who has run off.
    "idk where he is", "her phones off", "she ran off an hour ago", "hes stormed out",
    "dunno where my son is",
])
@pytest.mark.parametrize("action", ["utter_crisis_suicidal", "utter_safety_answer_unclear"])
def test_an_answer_that_someone_is_not_known_to_be_safe_is_not_safe(policy, text, action):
    assert predicted(policy, _after(action, text, "nlu_fallback", False)) == "utter_not_safe"


@pytest.mark.parametrize("text", [
    # conversations42 (development): a mother threatened by her partner, asked if she is
    # somewhere safe, was told "I didn't quite follow".
    "not really hes back when the pub shuts", "no im not, hes outside", "im not safe, hes still here",
    "nah not really he keeps texting", "not at all, she's got a knife", "not rlly",
    # The second review of round 27: how they are after "no im not"; calmer but not safe.
    "no im not going to be safe tonight", "no im not ok", "nope im not coping", "no im not in a good place",
    "no im not, she calmed down but shes got the knife still",
    "not really, he's calmed down a bit but still drinking",
])
@pytest.mark.parametrize("action", ["utter_crisis_suicidal", "utter_safety_answer_unclear"])
def test_an_answer_that_opens_by_saying_not_safe_is_not_safe(policy, text, action):
    assert predicted(policy, _after(action, text, "nlu_fallback", False)) == "utter_not_safe"


@pytest.mark.parametrize("text", ["not really sure tbh", "not really, but im safe now",
                                  "not really, shes ok now", "no, im fine", "im not sure",
                                  # The independent review of round 27.
                                  "im not going to do anything", "no im not going to hurt myself",
                                  "im not on my own, my dad is here", "im not too sure",
                                  "im not really sure"])
def test_not_really_and_safe_after_all_is_not_the_not_safe_reply(policy, text):
    assert predicted(policy, _after("utter_crisis_suicidal", text, "nlu_fallback", False)) != "utter_not_safe"


def test_after_the_question_asked_again_other_unplaced_answers_are_left_to_the_rules(policy):
    for text in ("feel proper sick", "I'm fine, it's her I'm worried about",
                 # The independent review of round 25: with the writer, though not answering.
                 "yes he's here with me, he's just not answering my questions",
                 "she ran off but shes back now", "she ran out of the room, shes upstairs",
                 "he ran out of patience with me", "no hes gone now, im ok", "nah im safe at my nans",
                 "no idea, she says she is fine",
                 # The independent review of round 26: safe after all.
                 "he walked out, thank god, we're safe now", "she ran off but her dads found her",
                 "she ran off earlier, she is ok now"):
        assert predicted(policy, _after("utter_safety_answer_unclear", text, "nlu_fallback", False)) \
            not in ("utter_safety_answer_unclear", "utter_not_safe")


@pytest.mark.parametrize("reply", ["utter_not_safe", "utter_safety_answer_unclear", "utter_who_is_told",
                                   "utter_ask_topic", "utter_check_in_yes"])
def test_after_a_guard_reply_to_a_message_the_rules_do_not_know_the_bot_waits(policy, reply):
    """conversations36 (development): the not-safe reply to "She's 15 ... should I go out looking
    for her" was followed by "Sorry, I'm not sure I understood", the rules knowing no reply to
    a fallback after it."""
    events = _after("utter_crisis_suicidal", "i dont know where he is", "nlu_fallback", False)
    events += [SlotSet("age", 15), ActionExecuted(reply, policy="p"), BotUttered("...")]
    assert predicted(policy, events) == "action_listen"


def test_after_the_carers_reply_the_next_services_may_follow(policy):
    events = _after_list("is there anything for me", "nlu_fallback") + [
        ActionExecuted("utter_support_for_carers", policy="p"), BotUttered("...")]
    assert predicted(policy, events) != "action_listen"


def test_a_plea_for_help_after_the_check_in_question_is_a_yes(policy):
    assert predicted(policy, _after("utter_risk_check_in", "i need help", "greet", True)) \
        == "utter_check_in_yes"


def _yes_after(action: str, text: str, intent: str):
    events = _after(action, text, intent, False)
    events[-1] = UserUttered(text, {"name": intent, "confidence": 0.5}, parse_data={"yes_leads": True},
                             timestamp=1000.0)
    return events


@pytest.mark.parametrize("text, intent", [
    # development set 12: a yes that goes on, read by the model as nothing or as another check-in.
    ("kinda yeah. not today maybe but its all i think about", "nlu_fallback"),
    ("Yes, she says she is. She's sitting next to me and says she's thought about it every day "
     "this week and has tablets hidden somewhere", "risk_check_in"),
    ("yeah, she's been really anxious about school too", "need_anxiety"),
])
def test_a_yes_that_goes_on_after_the_check_in_question_is_a_yes(policy, text, intent):
    assert predicted(policy, _yes_after("utter_risk_check_in", text, intent)) == "utter_check_in_yes"


def test_a_yes_that_goes_on_elsewhere_is_left_to_the_rules(policy):
    # After "are you safe right now?" a yes means safe; a new urgent message gets its crisis reply.
    assert predicted(policy, _yes_after("utter_crisis_suicidal", "yes, at my nans now", "inform")) \
        != "utter_check_in_yes"
    assert predicted(policy, _yes_after("utter_risk_check_in", "yes i took 20 pills", "crisis_suicidal")) \
        != "utter_check_in_yes"


def _no_after_check_in(text: str, intent: str = "deny", mid_form: bool = True, evidence=(),
                       checked_evidence=(), checked_class: str = "crisis_suicidal", audience=None):
    """The check-in question asked in answer to a message sent while the form asked an age (the
    rule deactivates the form first), then the person's answer."""
    before = [ActionExecuted("action_deactivate_loop", policy="p", timestamp=999.05),
              ActiveLoop(None)] if mid_form else []
    checked = UserUttered("they made a fake account of me too", {"name": "risk_check_in", "confidence": 1.0},
                          entities=[{"entity": "risk_class", "value": checked_class}],
                          parse_data={"safety": {"evidence": list(checked_evidence)}}, timestamp=999.0)
    said_by = [SlotSet("audience", audience)] if audience else []
    return [ActionExecuted("action_listen", timestamp=998.0), *said_by, checked, *before,
            ActionExecuted("utter_risk_check_in", policy="p", timestamp=999.1),
            BotUttered("are you thinking about ending your life?", timestamp=999.1),
            ActionExecuted("action_listen", timestamp=999.2),
            UserUttered(text, {"name": intent, "confidence": 0.9},
                        parse_data={"safety": {"evidence": list(evidence)}}, timestamp=1000.0)]


@pytest.mark.parametrize("text", ["no", "nope", "No.", "no im not", "not at all", "/deny", "Nah!"])
def test_a_plain_no_to_the_check_in_that_interrupted_the_form_goes_back_to_it(policy, text):
    """conversations46 (development): a bullied 13-year-old's second message, sent while the
    bot asked their age, was checked in on; after "no" the bot asked what was going on, and
    they told their worry again."""
    assert predicted(policy, _no_after_check_in(text)) == "utter_check_in_no_back_to_form"


@pytest.mark.parametrize("text", ["not really", "not now", "no but i want to hurt myself",
                                  "nah but i cant cope", "no :(", "no 😔", "no...", "no?"])
def test_a_no_that_leaves_the_door_open_or_goes_on_keeps_the_open_question(policy, text):
    assert predicted(policy, _no_after_check_in(text)) != "utter_check_in_no_back_to_form"


def test_a_no_to_a_check_in_outside_the_form_or_with_risk_is_left_to_the_rules(policy):
    assert predicted(policy, _no_after_check_in("no", mid_form=False)) != "utter_check_in_no_back_to_form"
    assert predicted(policy, _no_after_check_in("no", intent="greet")) != "utter_check_in_no_back_to_form"
    risk = [{"class": "crisis_suicidal", "tier": "ambiguous", "text": "no"}]
    assert predicted(policy, _no_after_check_in("no", evidence=risk)) != "utter_check_in_no_back_to_form"


def test_a_no_after_a_check_in_on_a_risk_phrase_keeps_the_open_question(policy):
    # The independent review of round 29: "everyone would be better off without me" checked in
    # on, then "no", went straight back to the form.
    phrase = [{"class": "crisis_suicidal", "tier": "ambiguous", "text": "better off without me"}]
    assert predicted(policy, _no_after_check_in("no", checked_evidence=phrase)) \
        != "utter_check_in_no_back_to_form"
    support = [{"class": "safeguarding_disclosure", "tier": "support", "text": "dont want to"}]
    assert predicted(policy, _no_after_check_in("no", checked_evidence=support)) \
        == "utter_check_in_no_back_to_form"


@pytest.mark.parametrize("kwargs", [
    # The second review of round 29: a word of suicide at any strength ("i went to the
    # footbridge earlier"); a check on abuse or danger, which the question does not fit; a parent
    # or staff member, who answers for someone else.
    {"checked_evidence": [{"class": "crisis_suicidal", "tier": "support", "text": "footbridge"}]},
    {"checked_class": "safeguarding_disclosure"}, {"checked_class": "crisis_danger"},
    {"audience": "parent_carer"}, {"audience": "professional"},
])
def test_a_no_is_left_to_the_open_question_when_more_was_checked_or_someone_else_answers(policy, kwargs):
    assert predicted(policy, _no_after_check_in("no", **kwargs)) != "utter_check_in_no_back_to_form"


# -- a reply to a list of services ---------------------------------------------------------------

def _after_list(text: str, intent: str, list_action: str = "action_find_services"):
    return [ActionExecuted("action_listen", timestamp=998.0), user("Maidstone", 999.0, "inform"),
            ActionExecuted(list_action, policy="p", timestamp=999.1),
            BotUttered("1. ... 2. ... 3. ...", timestamp=999.1),
            ActionExecuted("action_offer_feedback", policy="p", timestamp=999.15),
            ActionExecuted("utter_ask_feedback", policy="p", timestamp=999.16),
            ActionExecuted("action_listen", timestamp=999.2),
            UserUttered(text, {"name": intent, "confidence": 0.5}, timestamp=1000.0)]


@pytest.mark.parametrize("text, reply", [
    ("none of those suit him", "action_more_services"),
    ("they all want a GP letter and we havent got a GP", "action_more_services"),
    ("how long is the wait for the 3rd one", "utter_about_shown_services"),
    ("great thanks I'll show her these", "utter_you_are_welcome"),
])
def test_after_a_list_what_the_model_could_not_place_is_read_as_a_reply_to_it(policy, text, reply):
    assert predicted(policy, _after_list(text, "nlu_fallback")) == reply
    assert predicted(policy, _after_list(text, "out_of_scope", "action_more_services")) == reply


def test_a_closing_no_after_a_list_is_not_the_feedback_answer_but_a_plain_no_is(policy):
    assert predicted(policy, _after_list("No, that's everything, thank you", "deny")) \
        == "utter_you_are_welcome"
    assert predicted(policy, _after_list("no", "deny")) != "utter_you_are_welcome"


def test_urgent_messages_and_readings_the_model_placed_are_never_replaced(policy):
    # Urgent intents are taken out of the intents a reading may replace, even if configured.
    assert predicted(policy, _after_list("none of those will help, i wont be here", "crisis_suicidal")) \
        == predicted(policy, [ActionExecuted("action_listen"),
                              user("none of those will help, i wont be here", 1000.0,
                                   "crisis_suicidal")])
    assert predicted(policy, _after_list("anything for his sleep?", "need_sleep")) \
        not in ("action_more_services", "utter_about_shown_services", "utter_you_are_welcome")


def _carer_after_list(text: str, intent: str, audience: str = "parent_carer", evidence=(),
                      model=(("crisis_suicidal", 0.27),)):
    events = _after_list(text, intent)
    events.insert(0, SlotSet("audience", audience))
    events[-1] = UserUttered(text, {"name": intent, "confidence": 0.27}, parse_data={
        "intent": {"name": intent, "confidence": 0.27},
        "safety": {"evidence": list(evidence), "source": "model", "model": [list(m) for m in model]}},
        timestamp=1000.0)
    return events


def test_a_parent_asking_for_support_for_themselves_is_told_where_it_is(policy):
    """conversations34: "Is there anything for me? I'm not coping brilliantly with all this" got
    the check-in question about the child (the model's suicidal 0.27)."""
    text = "Is there anything for me? I'm not coping brilliantly with all this, it's just me and him."
    assert predicted(policy, _carer_after_list(text, "risk_check_in")) == "utter_support_for_carers"
    assert predicted(policy, _carer_after_list(text, "nlu_fallback")) == "utter_support_for_carers"
    # A support word of the lexicon alone ("in the car") is no risk in a message this narrow.
    cried = "Is there anything for me? I'm not coping, I cried in the car after drop-off again today."
    assert predicted(policy, _carer_after_list(cried, "nlu_fallback", evidence=[
        {"class": "crisis_danger", "tier": "support", "text": "car"}])) == "utter_support_for_carers"


def test_support_for_themselves_only_for_a_parent_and_never_beside_risk(policy):
    text = "Is there anything for me? I'm not coping with all this"
    assert predicted(policy, _carer_after_list(text, "risk_check_in", "young_person")) \
        != "utter_support_for_carers"
    assert predicted(policy, _carer_after_list(
        text, "risk_check_in", evidence=[{"class": "crisis_suicidal", "tier": "ambiguous",
                                          "text": "not coping"}])) != "utter_support_for_carers"
    # A sure urgent reading of the model keeps its reply.
    assert predicted(policy, _carer_after_list(text, "crisis_suicidal", model=(("crisis_suicidal", 0.8),))) \
        != "utter_support_for_carers"
    assert predicted(policy, _carer_after_list("anything for me? i cant go on", "risk_check_in")) \
        != "utter_support_for_carers"


def _guessed_urgent(text: str, source: str = "unchanged", evidence=()):
    """After a list, the model's crisis_suicidal reading as the safety component left it."""
    events = _after_list(text, "crisis_suicidal")
    events[-1] = UserUttered(text, {"name": "crisis_suicidal", "confidence": 0.89}, parse_data={
        "intent": {"name": "crisis_suicidal", "confidence": 0.89},
        "safety": {"evidence": list(evidence), "source": source,
                   "model": [["crisis_suicidal", 0.89], ["out_of_scope", 0.02]]}},
        timestamp=1000.0)
    return events


def test_the_models_urgent_guess_alone_on_a_service_shown_is_asked_about(policy):
    """ "Thanks, I'll ring the second one tomorrow morning" (development set 13): the model alone
    read it as suicidal; the check-in question asks, never less than it."""
    events = _guessed_urgent("Thanks, I'll ring the second one tomorrow morning")
    assert predicted(policy, events) == "utter_risk_check_in"
    asked = events + [ActionExecuted("utter_risk_check_in", policy="p", timestamp=1000.1)]
    assert predicted(policy, asked) == "action_listen"
    # The rules' own check-in (for risk_check_in) is left to the rules.
    ruled = _after_list("not sure tbh", "risk_check_in") + [
        ActionExecuted("utter_risk_check_in", policy="p", timestamp=1000.1)]
    assert policy._guards._asked_instead_of_the_crisis_reply(
        DialogueStateTracker.from_events("r", ruled), ruled[-1]) is False


@pytest.mark.parametrize("text, source, evidence", [
    # A word of risk, a phrase of the lexicon, the lexicon's decision, no service named, or a
    # long message: the crisis reply stands.
    ("I'll give the first one a go after my shift ends tonight", "unchanged", ()),
    ("thanks x i love you all, ill try the first one", "unchanged", ()),
    ("ill ring the first one, i cant go on", "unchanged",
     ({"text": "cant go on", "tier": "ambiguous"},)),
    ("ill ring the first one", "lexicon", ()),
    ("ill ring the first one tomorrow", "unchanged", ({"text": "tomorrow", "tier": "support"},)),
    # ... or more than a plan to contact a service (the independent review of round 18).
    ("number 2 wont answer. my dad has the kitchen knife and is shouting at my mum", "unchanged", ()),
    ("ill try that helpline once ive swallowed the rest of the box", "unchanged", ()),
    ("ill ring the second one if im still alive tomorrow", "unchanged", ()),
    ("ill ring the first one tomorrow morning. " * 5, "unchanged", ()),
])
def test_an_urgent_guess_with_any_sign_of_risk_keeps_its_crisis_reply(policy, text, source, evidence):
    assert predicted(policy, _guessed_urgent(text, source, evidence)) != "utter_risk_check_in"


def test_a_sure_or_other_urgent_guess_keeps_its_crisis_reply(policy):
    text = "Thanks, I'll ring the second one tomorrow morning"
    sure = _guessed_urgent(text)
    sure[-1] = UserUttered(text, {"name": "crisis_suicidal", "confidence": 0.95},
                           parse_data=sure[-1].parse_data, timestamp=1000.0)
    assert predicted(policy, sure) != "utter_risk_check_in"
    danger = _guessed_urgent(text)
    danger[-1] = UserUttered(text, {"name": "crisis_danger", "confidence": 0.7},
                             parse_data=danger[-1].parse_data, timestamp=1000.0)
    assert predicted(policy, danger) != "utter_risk_check_in"


def test_the_same_words_without_a_list_just_before_are_left_to_the_rules(policy):
    events = _after_list("none of those suit him", "nlu_fallback")
    events[2] = ActionExecuted("utter_greet", policy="p", timestamp=999.1)
    assert predicted(policy, events) != "action_more_services"
    later = _after_list("ok", "greet") + [
        ActionExecuted("utter_greet", policy="p", timestamp=1000.1),
        ActionExecuted("action_listen", timestamp=1000.2),
        UserUttered("none of those suit him", {"name": "nlu_fallback", "confidence": 0.5},
                    timestamp=1001.0)]
    assert predicted(policy, later) != "action_more_services"


def test_a_wish_for_others_that_gives_a_place_searches_again_with_it(policy):
    events = _after_list("these are all miles away, got anything near Deal?", "nlu_fallback")
    assert predicted(policy, events + [SlotSet("location", "Deal")]) == "signpost_form"
    # A question about a service shown that names its town is still that question.
    assert predicted(policy, _after_list("What time does the one in Basildon close?", "nlu_fallback")
                     + [SlotSet("location", "Basildon")]) == "utter_about_shown_services"


def test_any_sign_of_risk_keeps_the_rephrase_request(policy):
    def with_parse(text, parse):
        events = _after_list(text, "nlu_fallback")
        events[-1] = UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5}, parse_data=parse,
                                 timestamp=1000.0)
        return events

    unsure_model = {"safety": {"evidence": [], "model": [["nlu_fallback", 0.5], ["out_of_scope", 0.3],
                                                         ["crisis_suicidal", 0.12]]}}
    support_word = {"safety": {"evidence": [{"text": "tonight", "tier": "support"}], "model": []}}
    urgent_first = {"intent_ranking": [{"name": "nlu_fallback", "confidence": 0.5},
                                       {"name": "crisis_suicidal", "confidence": 0.05}]}
    for parse in (unsure_model, support_word, urgent_first):
        assert predicted(policy, with_parse("none of those suit him", parse)) != "action_more_services"
    ordinary = {"safety": {"evidence": [{"text": "help", "tier": "support"}],
                           "model": [["nlu_fallback", 0.5], ["need_anxiety", 0.3], ["thanks", 0.1]]}}
    assert predicted(policy, with_parse("none of those suit him", ordinary)) == "action_more_services"


def _checked_in(text: str, evidence=(), model=(("nlu_fallback", 0.5), ("safeguarding_disclosure", 0.32))):
    """A check-in after a list, as the safety component leaves it (with the slot its
    ``risk_class`` entity sets)."""
    parse = {"intent": {"name": "risk_check_in", "confidence": 0.32},
             "safety": {"evidence": list(evidence), "source": "model+lexicon",
                        "model": [list(pair) for pair in model]}}
    events = _after_list(text, "risk_check_in")
    events[-1] = UserUttered(text, {"name": "risk_check_in", "confidence": 0.32}, parse_data=parse,
                             timestamp=1000.0)
    return events + [SlotSet("risk_class", "safeguarding_disclosure")]


@pytest.mark.parametrize("text", [
    # conversations14 (development): asked of the list, and answered "are you thinking about
    # ending your life?" on the model's unsure guess alone.
    "do any of them do text only? i cant do phone calls",
    "Thanks. Realistically she won't sit in a room with a counsellor - is there something she "
    "could do online or by text?",
    "are any of them open at the weekend",
])
def test_a_check_in_the_model_alone_chose_on_a_question_about_the_list_is_that_question(policy, text):
    assert predicted(policy, _checked_in(text)) == "action_more_services"


def test_whether_a_service_would_tell_someone_gets_what_is_promised(policy):
    # conversations17 and 22 (development): "Sorry, I'm not sure I understood", or a check-in
    # the model alone chose, to a young person asking who would be told.
    assert predicted(policy, _after_list("do they tell ur parents", "nlu_fallback")) == "utter_who_is_told"
    assert predicted(policy, _after_list("if i went to one of them would they ring my mum",
                                         "out_of_scope")) == "utter_who_is_told"
    # A check-in stays a check-in, whoever chose it (independent review of round 17: "will they
    # tell my mum about the nudes"); so does anything said after the question (left to the
    # rules, which this test's policy does not have).
    assert predicted(policy, _checked_in("would they ring my mum")) != "utter_who_is_told"
    assert predicted(policy, _after_list("would they ring my mum? he'd batter me", "nlu_fallback")) \
        != "utter_who_is_told"


@pytest.mark.parametrize("answered", ["utter_who_is_told", "utter_about_shown_services",
                                      "utter_how_to_refer"])
def test_after_the_answer_to_a_question_about_the_list_the_next_is_about_it_too(policy, answered):
    """conversations36 (development): "What are typical waiting times for these?" was answered,
    then "Can he self-refer or does it need to come from us?" got the topics, the list being no
    longer the bot's last turn; other words."""
    events = _after_list("is it free", "nlu_fallback")[:-1] + [
        ActionExecuted(answered, policy="p", timestamp=999.5), BotUttered("...", timestamp=999.5),
        ActionExecuted("action_listen", timestamp=999.6)]
    asked = [UserUttered("can he refer himself or does it have to be us", {"name": "nlu_fallback",
                                                                           "confidence": 0.5},
                         timestamp=1000.0)]
    assert predicted(policy, events + asked) == "utter_how_to_refer"
    told = [UserUttered("would my mum find out i texted this",
                        {"name": "nlu_fallback", "confidence": 0.5}, timestamp=1000.0)]
    assert predicted(policy, events + told) == "utter_who_is_told"


def test_a_list_stays_in_view_through_answers_about_the_bot_but_not_beyond(policy):
    """conversations36 (development): "is anyone actually there rn or is it a bot" was
    answered, then "can i go with my friend to the first one" got "say it another way"."""
    def answered(at: float, action: str):
        return [user("...", at, "bot_challenge"), ActionExecuted(action, policy="p", timestamp=at + 0.1),
                BotUttered("...", timestamp=at + 0.1), ActionExecuted("action_listen", timestamp=at + 0.2)]

    listed = _after_list("x", "nlu_fallback")[:-1]
    asked = [UserUttered("can she bring her mum to the first one", {"name": "nlu_fallback",
                                                                     "confidence": 0.5}, timestamp=1010.0)]
    two = answered(1000.0, "utter_i_am_a_bot") + answered(1002.0, "utter_who_is_told")
    assert predicted(policy, listed + two + asked) == "utter_about_shown_services"
    # Another turn between (a question the rules answered otherwise) ends it ...
    other = answered(1000.0, "utter_greet") + answered(1002.0, "utter_who_is_told")
    assert predicted(policy, listed + other + asked) != "utter_about_shown_services"
    # ... and so do more turns than the guards look back.
    many = [e for i in range(5) for e in answered(1000.0 + 2 * i, "utter_who_is_told")]
    assert predicted(policy, listed + many + asked) != "utter_about_shown_services"


def test_an_answer_the_bot_gave_elsewhere_is_not_a_list(policy):
    events = [ActionExecuted("action_listen", timestamp=998.0), user("hi", 999.0),
              ActionExecuted("utter_greet", policy="p", timestamp=999.1), BotUttered("hi", timestamp=999.1),
              ActionExecuted("action_listen", timestamp=999.2),
              UserUttered("can he refer himself or does it have to be us",
                          {"name": "nlu_fallback", "confidence": 0.5}, timestamp=1000.0)]
    assert predicted(policy, events) != "utter_how_to_refer"


def _fallback_ranked(text: str, ranking, evidence=()):
    """A fallback after a list, with the model's ranking and the lexicon's evidence."""
    parse = {"intent": {"name": "nlu_fallback", "confidence": 0.5},
             "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
             "safety": {"evidence": list(evidence), "source": "unchanged"}}
    events = _after_list(text, "nlu_fallback")
    events[-1] = UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5}, parse_data=parse,
                             timestamp=1000.0)
    return events


def test_whether_someone_is_told_with_an_urgent_guess_ranked_low_is_that_question(policy):
    # conversations36 (development; other words): "Sorry, I'm not sure I understood" because the
    # model ranked suicidal at 0.2 after a privacy guess.
    low = (("nlu_fallback", 0.5), ("ask_privacy", 0.45), ("crisis_suicidal", 0.2))
    assert predicted(policy, _fallback_ranked("would my mum find out i texted this", low)) \
        == "utter_who_is_told"
    # An urgent best reading, or any word of the lexicon, still keeps it from that reply.
    best = (("nlu_fallback", 0.5), ("crisis_suicidal", 0.3), ("ask_privacy", 0.2))
    assert predicted(policy, _fallback_ranked("would my mum find out i texted this", best)) \
        != "utter_who_is_told"
    rope = [{"class": "crisis_suicidal", "tier": "support", "text": "rope"}]
    assert predicted(policy, _fallback_ranked("would my mum find out i texted this", low, rope)) \
        != "utter_who_is_told"
    # Other replies to a list keep the ranking check.
    assert predicted(policy, _fallback_ranked("he keeps saying he wants to disappear", low)) \
        != "action_more_services"


@pytest.mark.parametrize("text, model, action", [
    # conversations20 (development): an urgent reading far below the check-in level is no
    # reading (every intent is in the model's ranking) ...
    ("i cant do phone calls they freak me out, is there one i can just text or msg",
     (("nlu_fallback", 0.5), ("safeguarding_disclosure", 0.35), ("crisis_danger", 0.07)),
     "action_more_services"),
    # ... a guess below the crisis level of its class is the check-in band, noise on a message
    # only about the list, with a courtesy or when the family can go said beside it ...
    ("thank you. is there one that does evenings? i work til 6 and he wont go on his own",
     (("nlu_fallback", 0.5), ("crisis_suicidal", 0.4995), ("thanks", 0.2)), "action_more_services"),
    ("Thank you. Sorry if this is a silly question, but do we have to pay for any of these?",
     (("nlu_fallback", 0.5), ("crisis_suicidal", 0.32)), "utter_about_shown_services"),
    ("thanks. how long is the waiting for these?",
     (("nlu_fallback", 0.5), ("crisis_suicidal", 0.41)), "utter_about_shown_services"),
    # ... and a danger guess below danger's crisis level (conversations24, development).
    ("is there something he can just text", (("crisis_danger", 0.55), ("need_psychosis", 0.13)),
     "action_more_services"),
])
def test_a_check_in_band_guess_on_a_message_only_about_the_list_is_set_aside(policy, text, model, action):
    assert predicted(policy, _checked_in(text, model=model)) == action


def test_a_stranger_on_the_phone_is_a_reason_not_a_risk_on_a_message_only_about_the_list(policy):
    """ "he wont talk to a stranger on the phone, is there something he can just text": the
    support word "stranger" (danger) says why the phone will not do (conversations24)."""
    text = "he wont talk to a stranger on the phone, is there something he can just text"
    events = _checked_in(text, [{"text": "stranger", "tier": "support"}],
                         (("crisis_danger", 0.55), ("need_psychosis", 0.13)))
    assert predicted(policy, events) == "action_more_services"


def test_an_urgent_guess_under_the_check_in_level_on_a_message_only_about_the_list_is_noise(policy):
    # conversations11 (development): the fallback's best other reading, suicidal at 0.18.
    text = "He won't do face to face at all. Can any of it be done online or by chat?"
    events = _after_list(text, "nlu_fallback")
    events[-1] = UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5}, parse_data={
        "intent": {"name": "nlu_fallback", "confidence": 0.5},
        "safety": {"evidence": [], "model": [["nlu_fallback", 0.5], ["crisis_suicidal", 0.18]]}},
        timestamp=1000.0)
    assert predicted(policy, events) == "action_more_services"



@pytest.mark.parametrize("text, evidence, model", [
    # A risk phrase of any tier keeps the check-in ...
    ("do any of them do text only", [{"text": "text only", "tier": "check_in"}], None),
    ("are any of them open at the weekend", [{"text": "weekend", "tier": "support"}], None),
    # ... and so does a self-harm guess, or a surer one (the independent review: "any that do
    # text, im gonna od" was self-harm at 0.65) ...
    ("do any of them do text only", [], (("nlu_fallback", 0.5), ("crisis_self_harm", 0.3))),
    ("do any of them do text only", [], (("crisis_danger", 0.58),)),
    ("do any of them do text only", [], (("nlu_fallback", 0.5), ("safeguarding_disclosure", 0.58))),
    # ... and any other support word beside a reason ("tonight").
    ("is there something he can just text tonight, he wont talk to strangers",
     [{"text": "strangers", "tier": "support"}, {"text": "tonight", "tier": "support"}],
     (("crisis_danger", 0.4),)),
    ("do any of them do text only", [], (("nlu_fallback", 0.5), ("safeguarding_disclosure", 0.3),
                                         ("crisis_self_harm", 0.2))),
    # ... and a clause that is not about the list, or words of risk.
    ("does any of them do text, my son said he wished he wasnt here", [], None),
    ("any of them open on the weekend or will i have to wait til its over", [], None),
    ("i wont be around to call any of them", [], None),
    ("none of those suit him", [], None),
])
def test_a_check_in_with_any_sign_of_risk_or_not_about_the_list_stays(policy, text, evidence, model):
    events = _checked_in(text, evidence, model) if model else _checked_in(text, evidence)
    assert predicted(policy, events) != "action_more_services"


@pytest.mark.parametrize("text", [
    "Realistically she won't sit in a room with a counsellor - is there something she could do online?",
    # conversations12 (development): why a way of contact will not do is about the list too.
    "Thanks. He really won't talk on the phone though, it makes him panic. Is there something he "
    "could just message or type to?",
])
def test_a_low_urgent_guess_on_a_question_about_the_list_is_noise_but_a_best_one_is_not(policy, text):
    def fallback(ranking):
        events = _after_list(text, "nlu_fallback")
        events[-1] = UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5}, timestamp=1000.0,
                                 parse_data={"safety": {"evidence": [], "model": ranking}})
        return events

    low = [["nlu_fallback", 0.5], ["need_general_wellbeing", 0.46], ["crisis_suicidal", 0.1]]
    assert predicted(policy, fallback(low)) == "action_more_services"
    best = [["nlu_fallback", 0.5], ["crisis_suicidal", 0.3], ["need_general_wellbeing", 0.2]]
    assert predicted(policy, fallback(best)) != "action_more_services"
    # A message that is not only about the list keeps the old rule: any urgent reading ranked.
    other = "none of those suit him"
    events = _after_list(other, "nlu_fallback")
    events[-1] = UserUttered(other, {"name": "nlu_fallback", "confidence": 0.5}, timestamp=1000.0,
                             parse_data={"safety": {"evidence": [], "model": low}})
    assert predicted(policy, events) != "action_more_services"


def test_a_new_worry_after_a_list_is_asked_about_when_the_model_reads_a_need(policy):
    text = "also shes started skipping lunch n saying shes too big, is that something they help with"

    def with_ranking(ranking):
        events = _after_list(text, "nlu_fallback")
        events[-1] = UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5},
                                 parse_data={"intent_ranking": ranking}, timestamp=1000.0)
        return events

    # The model's best guess is a need, but the wrong one: the bot asks which topic it is.
    unsure_need = [{"name": "nlu_fallback", "confidence": 0.5},
                   {"name": "need_substance_use", "confidence": 0.22},
                   {"name": "need_eating_body_image", "confidence": 0.09}]
    assert predicted(policy, with_ranking(unsure_need)) == "utter_ask_new_need"
    # Not read as a need at all: left to the rules (the rephrase request), never the next list.
    not_a_need = [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "thanks", "confidence": 0.3}]
    assert predicted(policy, with_ranking(not_a_need)) not in ("utter_ask_new_need",
                                                               "action_more_services")


# -- a worry told at length that the model could not place ----------------------------------

DESCRIBED = ("Sorry, I mean my son. He's 11 and since starting Year 7 in September he's gone "
             "really quiet. He comes home and goes straight to his room, barely touches his tea.")


def _described(text: str, parse=None, before: str = "utter_greet"):
    return [ActionExecuted("action_listen", timestamp=998.0), user("hi", 999.0),
            ActionExecuted(before, policy="p", timestamp=999.1),
            ActionExecuted("action_listen", timestamp=999.2),
            UserUttered(text, {"name": "nlu_fallback", "confidence": 0.5}, parse_data=parse or {},
                        timestamp=1000.0)]


def test_a_worry_told_at_length_gets_the_topics_not_say_it_again(policy):
    # conversations14 (development): a mother who had just explained was told "I'm still not
    # sure I understand". A support word of the lexicon ("touches") is no sign of risk here.
    support = {"safety": {"evidence": [{"text": "touches", "tier": "support"}],
                          "model": [["nlu_fallback", 0.5], ["need_loneliness", 0.26]]}}
    assert predicted(policy, _described(DESCRIBED, support)) == "utter_ask_topic"
    assert predicted(policy, _described(DESCRIBED, before="utter_ask_rephrase")) == "utter_ask_topic"


@pytest.mark.parametrize("text, parse, before", [
    ("he just isnt himself", None, "utter_greet"),          # short: say it another way
    (DESCRIBED, None, "utter_ask_topic"),                    # the topics were just asked
    # Found by the independent review: after a safety question or a list, and with a support
    # word that is no everyday one, or words of distress, the rephrase request stays.
    (DESCRIBED, None, "utter_crisis_suicidal"),
    (DESCRIBED, None, "utter_risk_check_in"),
    (DESCRIBED, None, "action_find_services"),
    ("my daughter is terrified of her new stepdad and wont be in a room alone with him ever",
     {"safety": {"evidence": [{"text": "terrified", "tier": "support"}]}}, "utter_greet"),
    ("i cant keep going like this honestly, my mum and dad keep arguing every single night", None,
     "utter_greet"),
    (DESCRIBED, {"safety": {"evidence": [{"text": "no way out", "tier": "check_in"}]}}, "utter_greet"),
    (DESCRIBED, {"safety": {"evidence": [], "model": [["nlu_fallback", 0.5], ["need_low_mood", 0.2],
                                                       ["crisis_suicidal", 0.15]]}}, "utter_greet"),
])
def test_short_risky_or_repeated_fallbacks_are_left_to_the_rules(policy, text, parse, before):
    assert predicted(policy, _described(text, parse, before)) != "utter_ask_topic"



# -- round 19: questions what to do next, and the same worry told as why the list won't do ------

@pytest.mark.parametrize("text, intent, reply", [
    # conversations26 (development), in other words.
    ("could we refer her ourselves or does the doctor have to?", "nlu_fallback", "utter_how_to_refer"),
    ("should I let his teacher know what's happening at home?", "need_low_mood",
     "utter_next_steps"),
    ("what do I even say to him when he shuts down?", "need_low_mood", "utter_next_steps"),
])
def test_a_question_what_to_do_next_after_a_list(policy, text, intent, reply):
    assert predicted(policy, [SlotSet("need", "low_mood")] + _after_list(text, intent)) == reply


def test_a_next_step_question_the_model_reads_as_another_need_is_left_to_the_rules(policy):
    events = [SlotSet("need", "low_mood")] + _after_list("should i tell my mum im gay?", "need_identity")
    assert predicted(policy, events) != "utter_next_steps"


def test_the_same_worry_told_as_why_the_list_wont_do_asks_for_others(policy):
    text = "She panics on the phone. Is there anything in person or by text?"
    events = _after_list(text, "need_anxiety")
    assert predicted(policy, [SlotSet("need", "anxiety")] + events) == "action_more_services"
    # Another worry's need, read by the model, is not this list's: left to the rules.
    assert predicted(policy, [SlotSet("need", "sleep")] + events) != "action_more_services"



def test_a_plain_wish_for_others_naming_the_lists_worry_asks_for_others(policy):
    # conversations49 (development): after the family list, this showed the same list again.
    text = "Thank you, is there anything else, maybe something for children whose parents are splitting up?"
    events = _after_list(text, "need_family_relationships")
    assert predicted(policy, [SlotSet("need", "family_relationships")] + events) == "action_more_services"
    # ... also with the need slot set again from the message's intent, as Rasa does.
    again = [SlotSet("need", "family_relationships")] + events + [SlotSet("need", "family_relationships")]
    assert predicted(policy, again) == "action_more_services"
    assert predicted(policy, [SlotSet("need", "anxiety")] + events) != "action_more_services"
    # ... nor another worry, though Rasa has already set the need slot from the message's intent
    # (conversations47, development: a grandmother's death after the ADHD list got more ADHD).
    grief = "One more thing - his nan died last month. Is there anything for that?"
    other = [SlotSet("need", "neurodevelopmental")] + _after_list(grief, "need_bereavement") + \
        [SlotSet("need", "bereavement")]
    assert predicted(policy, other) != "action_more_services"
    # ... and a new worry told without a wish for others is left to the rules.
    told = _after_list("she is also really anxious", "need_anxiety")
    assert predicted(policy, [SlotSet("need", "anxiety")] + told) != "action_more_services"


NEWS = ("My 9 year old saw the news about that singer who took his own life and asked me lots of questions "
        "at tea time. She seems absolutely fine, she went off to play straight after. Is there any advice "
        "on talking to children about this kind of thing?")


def test_a_worry_about_the_news_or_the_past_told_at_length_gets_the_topics(policy):
    # Development set 55: the risk phrase read as the news, with nothing else of risk.
    parse = {"safety": {"evidence": [{"text": "took his own life", "tier": "strong",
                                      "demoted_by": "history"}],
                        "model": [["nlu_fallback", 0.5], ["need_general_wellbeing", 0.2]]}}
    assert predicted(policy, _described(NEWS, parse)) == "utter_ask_topic"


@pytest.mark.parametrize("demoted_by", [None, "laughter", "negation", "trivial"])
def test_a_risk_phrase_read_any_other_way_keeps_the_rephrase_request(policy, demoted_by):
    parse = {"safety": {"evidence": [{"text": "took his own life", "tier": "strong",
                                      "demoted_by": demoted_by}],
                        "model": [["nlu_fallback", 0.5], ["need_general_wellbeing", 0.2]]}}
    assert predicted(policy, _described(NEWS, parse)) != "utter_ask_topic"


@pytest.mark.parametrize("text", [
    # The second independent review of round 33: the event tied to the writer or child now.
    "saw on the news that a singer took his own life and lately i keep thinking i should go the same way, "
    "i dont know who to talk to about it",
    "my daughter read a book where the girl cuts herself and she said that's what she has been doing to her "
    "arms, any advice on how to talk to her",
])
def test_the_news_or_a_story_tied_to_now_keeps_the_rephrase_request(policy, text):
    parse = {"safety": {"evidence": [{"text": "took his own life", "tier": "strong",
                                      "demoted_by": "history"}],
                        "model": [["nlu_fallback", 0.5], ["need_general_wellbeing", 0.2]]}}
    assert predicted(policy, _described(text, parse)) != "utter_ask_topic"
