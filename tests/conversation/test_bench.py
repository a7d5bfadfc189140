"""The conversation bench's fast subset, as a test: green only when the bot keeps its firm
promises to the people in those scenarios.

The bench (bench/conversations/, written blind from the README) plays each scenario marked
``fast: true`` in bench/conversations/scenarios.yml against a real action server and `rasa run`
(REST for web personas, the signed Twilio webhook for SMS ones), and this test asserts only the
checks listed under ``hard_checks`` in that file. The other checks are measured by
``python -m bench.conversations`` and reported, not asserted.
"""
from __future__ import annotations

from typing import Dict

import pytest

from bench.conversations import reading
from bench.conversations.answerer import Persona
from bench.conversations.catalogue import BenchCatalogue
from bench.conversations.checks import CHECKS
from bench.conversations.report import Outcome, transcript
from bench.conversations.scenarios import load_scenarios
from bench.conversations.segments import count_segments
from bench.conversations.suite import run_scenarios
from bench.conversations.transports import BotMessage, Button, sms_available

SCENARIOS = load_scenarios()
FAST = SCENARIOS.select(fast=True)
HARD = SCENARIOS.hard_checks


@pytest.fixture(scope="module")
def bench_outcomes(model_path, catalogue_url) -> Dict[str, Outcome]:
    """Every fast scenario played once against servers started for this module."""
    from bench.conversations.servers import started_servers

    catalogue = BenchCatalogue(catalogue_url)
    with started_servers(catalogue_url) as url:
        assert sms_available(url), "the bench's capturing Twilio channel did not load"
        outcomes = run_scenarios(FAST, url, catalogue, progress=False)
    return {o.conversation.scenario.id: o for o in outcomes}


@pytest.mark.parametrize("scenario_id", [s.id for s in FAST])
def test_fast_scenario_keeps_the_hard_promises(bench_outcomes, scenario_id):
    outcome = bench_outcomes[scenario_id]
    failed = [f"{r.name}: {r.reason}" for r in outcome.results
              if r.name in HARD and r.passed is False]
    assert not failed, "\n".join(failed) + "\n\n" + transcript(outcome)


def test_the_scenario_file_names_only_known_checks_and_a_fast_subset():
    assert set(HARD) <= set(CHECKS), set(HARD) - set(CHECKS)
    assert 10 <= len(FAST) <= 20
    assert {s.channel for s in FAST} == {"sms", "web"}
    assert any(s.expect.urgent for s in FAST)


@pytest.mark.parametrize("text, segments, encoding", [
    ("a" * 160, 1, "GSM-7"),
    ("a" * 161, 2, "GSM-7"),
    ("a" * 459, 3, "GSM-7"),
    ("a" * 460, 4, "GSM-7"),
    ("[" * 80, 1, "GSM-7"),             # extension characters count two
    ("a" * 152 + "€" + "a" * 10, 2, "GSM-7"),  # an escape pair is never split
    ("a" * 70 + "\u2019", 2, "UCS-2"),  # one curly apostrophe turns the text into UCS-2
    ("\u2019" * 70, 1, "UCS-2"),
    ("\U0001F600" * 35, 1, "UCS-2"),    # each emoji is two UTF-16 units
])
def test_segment_counter(text, segments, encoding):
    count = count_segments(text)
    assert (count.segments, count.encoding) == (segments, encoding)


WHO_FOR_BUTTONS = (Button("Me", "1"), Button("My child", "2"), Button("A pupil", "3"))


@pytest.mark.parametrize("text, buttons, kind", [
    # the bot's wording today
    ("How old are you (or the young person you're asking about)?", (), reading.AGE),
    ("Where does your child live? A postcode or the name of the town is fine.", (),
     reading.PLACE),
    ("Halstead covers more than one area (Braintree, Sevenoaks). Could you send your full "
     "postcode or the name of your town?", (), reading.PLACE_AMBIGUOUS),
    ("Is this for you, for your child, or for a young person you work with? Reply 1 for me, "
     "2 for my child, 3 for someone I work with.", (), reading.WHO_FOR),
    ("Sorry, I'm not sure I understood. Could you say it another way?", (), reading.FALLBACK),
    # rewordings it should survive
    ("What's your age?", (), reading.AGE),
    ("What school year are they in?", (), reading.AGE),
    ("Which town are you in?", (), reading.PLACE),
    ("And whereabouts in Kent or Essex are you?", (), reading.PLACE),
    ("Who's this for?", WHO_FOR_BUTTONS, reading.WHO_FOR),
    ("Choose one:", WHO_FOR_BUTTONS, reading.WHO_FOR),
    ("There are two places called Leigh. Which one do you mean?", (), reading.PLACE_AMBIGUOUS),
    ("Which Rainham do you mean?\nReply 1 for Rainham (Medway), 2 for Rainham (Greater London).",
     (), reading.PLACE_AMBIGUOUS),
    ("Which Hythe do you mean?", (Button("Hythe (Folkestone and Hythe, Kent)", "/inform"),),
     reading.PLACE_AMBIGUOUS),
    # an acknowledgement that names the child before the place choice (conversations24)
    ("There is support for your child and family. Which Halstead do you mean?\nReply 1 for "
     "Halstead (Braintree, Essex); 2 for Halstead (Sevenoaks, Kent).",
     (Button("Halstead (Braintree, Essex)", "1"), Button("Halstead (Sevenoaks, Kent)", "2")),
     reading.PLACE_AMBIGUOUS),
    ("Would you like me to look for support with sleep too?", (), reading.OFFER),
    ("Can you tell me a bit about what's been going on?", (), reading.OPEN),
    ("What colour is the sky?", (), reading.UNRECOGNISED),
])
def test_questions_are_recognised_in_other_words(text, buttons, kind):
    assert reading.classify([BotMessage(text, tuple(buttons))], listed=False).kind == kind


def test_a_parent_answers_in_their_own_words_then_plainly():
    scenario = next(s for s in SCENARIOS.scenarios if s.id == "ang-parent-son-canvey-web")
    persona = Persona(scenario)
    age = reading.classify([BotMessage("How old is your child?")], listed=False)
    assert persona.answer(age, web=True).text == "he's 11"
    assert persona.answer(age, web=True).text == "11"
    who = reading.classify([BotMessage("Who's this for?", WHO_FOR_BUTTONS)], listed=False)
    answer = persona.answer(who, web=True)
    assert (answer.text, answer.shown) == ("2", "My child")


def test_a_list_line_is_read_as_the_service_it_spells_out_in_full():
    # Two catalogue names start "Mental Health Support Teams in schools"; the line's words in
    # brackets say which (the bench once read the Southend one as Kent's and failed "eligible").
    from bench.conversations.runner import services_shown
    catalogue = BenchCatalogue()
    text = ("Here are some services near Westcliff:\n"
            "1. Mental Health Support Teams in schools (Southend, Essex and Thurrock): Help in "
            "participating schools.\n"
            "2. Mental Health Support Teams in schools (Emotional Wellbeing Teams in Kent, "
            "Emotional Support Teams in Medway): Help in school.")
    services, unknown, listed = services_shown(text, catalogue, urgent=False)
    assert [s.id for s in services] == ["essex-mental-health-support-teams",
                                        "mental-health-support-teams-kent-medway"]
    assert (unknown, listed) == ([], True)


def test_a_name_a_text_message_shortened_is_read_as_the_one_for_the_persons_area():
    from types import SimpleNamespace

    from bench.conversations.runner import services_shown
    catalogue = BenchCatalogue()
    text = ("Here is support that could help near Westcliff:\n"
            "1. Mental Health Support Teams in schools: see nelft.nhs.uk for current details.")
    southend = SimpleNamespace(area="southend", district="Southend-on-Sea")
    services, _, _ = services_shown(text, catalogue, urgent=False, facts=southend)
    assert [s.id for s in services] == ["essex-mental-health-support-teams"]


def _turn(index, text, listed=False):
    from types import SimpleNamespace
    return SimpleNamespace(index=index, text=text, listed=listed, later=None, services=[])


@pytest.mark.parametrize("opening, after_list, passed", [
    # The bot answered the second need first and offered the persona's own need after the list.
    ("Worry and panic can feel overwhelming.", "You also mentioned sleep: just ask.", True),
    # It answered the persona's need and never offered the second.
    ("Sleep problems are common.", "Reply MORE for other options.", False),
])
def test_second_need_counts_either_order_when_both_are_answered(opening, after_list, passed):
    from types import SimpleNamespace

    from bench.conversations.checks import second_need
    turns = [_turn(1, opening), _turn(2, "Where do you live?"),
             _turn(3, "Here is support:\n1. A service\n" + after_list, listed=True)]
    scenario = SimpleNamespace(expect=SimpleNamespace(second_need="anxiety"),
                               facts=SimpleNamespace(need="sleep"))
    conversation = SimpleNamespace(scenario=scenario, turns=turns, first_list=turns[2])
    assert second_need(conversation, None).passed is passed


def test_a_district_is_the_same_however_it_is_written():
    """A scenario names districts as codes ("castle_point"), the catalogue as names ("Castle
    Point"): the bench once failed 'eligible' on every district-only service for that reason."""
    catalogue = BenchCatalogue()
    service = next(s for s in catalogue.services
                   if s.districts and any(" " in d for d in s.districts) and not s.national)
    district = next(d for d in service.districts if " " in d)
    code = district.casefold().replace(" ", "_")
    age = service.minimum_age or 12
    assert catalogue.eligible(service, age, service.areas[0], code).ok
    assert catalogue.eligible(service, age, service.areas[0], district.upper()).ok
    assert not catalogue.eligible(service, age, service.areas[0], "nowhere_district").ok
