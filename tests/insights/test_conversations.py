"""Real conversations with the trained model (in this process, with a real action server and
the SQLite tracker store `make run` uses), then the insights job over that tracker store:

- each conversation is coded as what happened (need, age band, area, district, services,
  the feedback answer, the urgent class), and the feedback question is asked after services
  and never after an urgent reply;
- nothing a person wrote, no phone number, no sender id and no time finer than the hour of
  the week reaches the insights store: every stored value is from the closed lists, and every
  message sent is searched for in every row.
"""
from __future__ import annotations

import re
import time
import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from insights import codes, job
from insights.store import InsightsStore, make_engine
from tests.support.model import load_agent
from tests.support.processes import ActionServer

#: Made-up people; the numbers are Ofcom's drama numbers (never in service).
CONVERSATIONS = {
    "maidstone": ("webchat", ["hi", "i keep getting panic attacks", "15", "ME14 1XX",
                              "/affirm"]),
    "parent": ("twilio_sms", ["my 9 year old son is being bullied at school in Grays",
                              "/dont_know", "more"]),
    "crisis": ("webchat", ["i want to kill myself", "yes", "i feel really low all the time",
                           "17", "Chelmsford"]),
    "private": ("webchat", ["my name is Jo Bloggs, call me on 07700 900123 or email "
                            "jo.bloggs@example.com, i live at 12 Acacia Avenue",
                            "i feel so lonely", "rather not say", "rather not say", "1", "no"]),
    "outside": ("twilio_sms", ["i cant sleep at night", "19", "Manchester M1 1AE"]),
}


@pytest.fixture(scope="module")
def conversations(model_path, catalogue_url, tmp_path_factory):
    """Each conversation's sender id, messages and replies, and the tracker database."""
    folder = tmp_path_factory.mktemp("insights-conversations")
    trackers = folder / "trackers.sqlite"
    with ActionServer(catalogue_url, folder) as actions:
        agent = load_agent(model_path, actions.webhook, trackers)
        import asyncio

        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        async def talk():
            held = {}
            for name, (channel, messages) in CONVERSATIONS.items():
                sender = f"{name}-{uuid.uuid4()}"
                replies = []
                for text in messages:
                    output = CollectingOutputChannel()
                    await agent.handle_message(UserMessage(text, output, sender,
                                                           input_channel=channel))
                    replies.append(output.messages)
                held[name] = (sender, messages, replies)
            return held

        held = asyncio.run(talk())
    return held, trackers


@pytest.fixture(scope="module")
def coded(conversations, tmp_path_factory):
    held, trackers = conversations
    store = InsightsStore(make_engine(f"sqlite:///{tmp_path_factory.mktemp('ins') / 'i.sqlite'}"))
    engine = sa.create_engine(f"sqlite:///{trackers}", future=True)
    summary = job.run(engine, store, now=time.time() + 3 * 3600, keep_months=None)
    assert summary.sessions == len(CONVERSATIONS)
    return store


def _texts(replies):
    return "\n".join(m.get("text", "") for m in replies)


def test_the_feedback_question_follows_services_and_never_an_urgent_reply(conversations):
    held, _ = conversations
    _, _, replies = held["maidstone"]
    assert "Here is support" in _texts(replies[3]) and "was this helpful" in _texts(replies[3])
    buttons = [b["title"] for m in replies[3] for b in m.get("buttons") or []]
    assert buttons == ["Yes", "A bit", "No"]
    assert "good to hear" in _texts(replies[4])
    _, _, replies = held["crisis"]
    assert "116 123" in _texts(replies[0])
    assert "Here is support" in _texts(replies[4])
    assert not any("was this helpful" in _texts(r) for r in replies)


def test_each_session_is_coded_as_it_happened(coded):
    records = {(r.needs, r.area): r for r in coded.records(date(2000, 1, 1), date(2100, 1, 1))}
    maidstone = records[(("anxiety",), "kent")]
    assert (maidstone.district, maidstone.age_band, maidstone.channel) == \
        ("Maidstone", "11-15", "web")
    assert maidstone.furthest_step == "feedback" and maidstone.feedback == "yes"
    assert maidstone.services_shown == 3 and maidstone.any_local is True
    parent = records[(("bullying",), "thurrock")]
    assert (parent.audience, parent.age_band, parent.channel) == ("parent_carer", "5-10", "sms")
    assert parent.services_shown == 6 and parent.feedback == "a_bit"
    crisis = records[(("low_mood",), "essex")]
    assert crisis.urgent_class == "crisis_suicidal" and not crisis.feedback_asked
    assert crisis.district == "Chelmsford" and crisis.age_band == "16-17"
    private = records[(("loneliness",), "declined")]
    assert private.age_band == "unknown" and private.feedback == "no"
    outside = records[(("sleep",), "outside")]
    assert outside.age_band == "18-25" and outside.gaps == ()


def allowed_strings():
    values = set(codes.AGE_BANDS) | set(codes.AREAS) | set(codes.AUDIENCES) | \
        set(codes.CHANNELS) | set(codes.STEPS) | set(codes.FEEDBACK) | set(codes.needs()) | \
        set(codes.urgent_classes()) | set(codes.districts()) | set(codes.LANGUAGES) | {"other"}
    return values


def test_no_text_number_sender_or_time_reaches_the_insights_store(conversations, coded):
    held, trackers = conversations
    rows = coded.all_rows()
    assert rows
    allowed = allowed_strings()
    for row in rows:
        for column, value in row.items():
            if column == "key":
                assert re.fullmatch(r"[0-9a-f]{32}", value)
            elif column == "day":
                assert isinstance(value, date)
            elif column == "hour_of_week":
                assert 0 <= value < 168
            elif column in ("services_shown", "runs", "id"):
                assert isinstance(value, int) and value < 1000
            elif column == "coded_until":
                continue   # the job's progress: one time for all sessions, names none
            elif isinstance(value, str):
                assert value in allowed, (column, value)
            else:
                assert value is None or isinstance(value, bool), (column, value)
    # Every value but the random keys, as text: what a message would have to be found in.
    stored = repr([{k: v for k, v in row.items() if k != "key"} for row in rows])
    values = {v for row in rows for k, v in row.items() if k != "key" and isinstance(v, str)}
    words = {w.lower() for w in re.findall(r"[A-Za-z@.]+", stored)}
    vocabulary = {v.lower() for v in allowed}
    for sender, messages, _ in held.values():
        assert sender not in repr(rows) and sender.split("-", 1)[1] not in repr(rows)
        for message in messages:
            if message.startswith("/"):
                continue  # a button's payload (/affirm): an intent name, not words
            if message.strip().lower() in vocabulary:
                continue  # "Chelmsford" is a district the record may name
            assert message not in values
            if len(message) >= 4:
                assert message not in stored
            for number in re.findall(r"[0-9][0-9 ]{2,}[0-9]", message):
                assert number not in stored and number.replace(" ", "") not in stored
            for word in re.findall(r"[A-Za-z@.]{4,}", message):
                assert word.lower() not in words or word.lower() in vocabulary, word
    engine = sa.create_engine(f"sqlite:///{trackers}", future=True)
    with engine.connect() as connection:
        stamps = [row[0] for row in connection.execute(sa.text("SELECT timestamp FROM events"))]
    coded_until = next(r["coded_until"] for r in rows if "coded_until" in r)
    for stamp in stamps:
        assert repr(stamp) not in stored and str(int(stamp)) not in stored.replace(
            repr(coded_until), "")
