"""A bounded soak: 2,000 messages over 50 concurrent conversations (40 each) against a real
`rasa run` with the action server, through the REST channel, as `make run` starts them
(tests/support/processes.py). Afterwards every conversation is read back from the tracker store:

- each message the person sent is there exactly once, in the order sent;
- each is followed by at least one bot reply, and the replies stored for the turn are the
  ones the person was sent;
- nothing went wrong: no rejected or failed action (the honest "can't look services up" reply
  would mean one failed or timed out), no slow-down reply, no ERROR in the server's log;
- events are stored in time order.

Each conversation waits for its reply before sending the next message, as a person does, and
keeps under the model's per-conversation rate limit (bot/dialogue/policy.py, read from the model
itself), so every message gets a real turn. That paces each conversation at one message every
five seconds or so: about four minutes in all, so `make test` leaves it out (-m "not soak") and
CI runs it on its own after the scale tests:

    make soak          (.venv/bin/python -m pytest -m soak tests/test_soak.py)

SOAK_CONVERSATIONS and SOAK_MESSAGES change its size; SOAK_GAP (seconds between a reply and the
next message) overrides the pacing, e.g. SOAK_GAP=0 to flood (the rate limit then answers,
and the soak reports it).
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import tarfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

import aiohttp
import pytest

from tests.support.processes import ActionServer, RasaServer, snapshot_model, stored_events

pytestmark = pytest.mark.soak

CONVERSATIONS = int(os.environ.get("SOAK_CONVERSATIONS", "50"))
MESSAGES = int(os.environ.get("SOAK_MESSAGES", "40"))

#: Replies that mean something failed while the action server was up: an action that failed
#: or timed out (the honest "can't look services up"), or the rate limit reached.
FAILURE_ACTIONS = ("utter_services_unavailable", "utter_slow_down")


# -- what the people say (made up) ----------------------------------------------------------------

NEEDS = ["i keep getting panic attacks", "i feel really low all the time",
         "im being bullied at school", "i cant sleep at all", "my mum and dad keep arguing",
         "i feel so lonely", "exams are stressing me out so much", "i get really angry"]
PARENT_NEEDS = ["my son is being bullied at school", "my daughter has stopped eating properly",
                "my 14 year old won't go to school", "my child is really anxious"]
PLACES = ["Maidstone", "Chelmsford", "Dartford", "Southend", "Grays", "Canterbury", "Basildon",
          "ME7 1AA", "Chatham", "Colchester", "Folkestone", "Harlow"]


def script(n: int) -> List[str]:
    """Forty messages for conversation n: several searches, questions, changes of course,
    an urgent message and what follows it. Whatever the bot asks, the next line is sent."""
    need, other = NEEDS[n % len(NEEDS)], NEEDS[(n + 3) % len(NEEDS)]
    parent = PARENT_NEEDS[n % len(PARENT_NEEDS)]
    place, place2 = PLACES[n % len(PLACES)], PLACES[(n + 5) % len(PLACES)]
    age = 11 + n % 14
    lines = [
        "hi", need, str(age), place, "1", "more", "thanks", "who can see this?",
        "what do you do?", "start again", parent, f"they're {age - 2}", place2, "2", "more",
        "i want to kill myself", "yes", "ok thank you", other, "rather not say",
        "rather not say", "more", "actually im 15", "hello again", "i dont know",
        "my friend is self harming", "16", place, "3", "that helps", "😭😭",
        "flibble wobble", "i feel anxious", "year 10", "I'd rather not say where",
        "more", "is this a real person?", "can i talk to someone", "ok", "bye",
    ]
    assert len(lines) >= 40
    return lines[:MESSAGES] if MESSAGES <= len(lines) else (lines * 3)[:MESSAGES]


# -- the model's rate limit -------------------------------------------------------------------------

def rate_limit(model: Path) -> Tuple[int, float]:
    """(messages, seconds) of the model's per-conversation limit; (0, 0) when it has none."""
    with tarfile.open(model, "r:gz") as archive:
        member = next(m for m in archive.getmembers() if m.name.lstrip("./") == "metadata.json")
        metadata = json.load(archive.extractfile(member))
    for node in metadata["predict_schema"]["nodes"].values():
        if "UrgentFirstRulePolicy" in str(node.get("uses")):
            config = node.get("config", {})
            return int(config.get("rate_limit_messages") or 0), \
                float(config.get("rate_limit_seconds") or 60)
    return 0, 0.0


def first_difference(stored: List[str], expected: List[str]) -> int:
    pairs = enumerate(zip(stored, expected))
    return next((i for i, (a, b) in pairs if a != b), min(len(stored), len(expected)))


# -- the run ----------------------------------------------------------------------------------------

@dataclass
class Person:
    sender: str
    messages: List[str]
    replies: List[List[str]] = field(default_factory=list)
    latencies: List[float] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)


async def converse(http: aiohttp.ClientSession, url: str, person: Person, gap: float,
                   start_after: float) -> None:
    await asyncio.sleep(start_after)
    for text in person.messages:
        started = time.monotonic()
        try:
            async with http.post(url, json={"sender": person.sender, "message": text}) as answer:
                status, body = answer.status, await answer.text()
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            person.problems.append(f"{text!r}: {type(error).__name__}")
            person.replies.append([])
            continue
        person.latencies.append(time.monotonic() - started)
        if status != 200:
            person.problems.append(f"{text!r}: HTTP {status} {body[:200]}")
            person.replies.append([])
            continue
        person.replies.append([m.get("text", "") for m in json.loads(body)])
        await asyncio.sleep(gap)     # after the reply: as a person reads and types


async def run_all(url: str, people: List[Person], gap: float) -> None:
    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=len(people) + 10)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        # Starts spread over one gap, so the 50 are not in lock-step.
        await asyncio.gather(*(converse(http, url, p, gap, gap * i / len(people))
                               for i, p in enumerate(people)))


def check(person: Person, events: List[Dict]) -> List[str]:
    """What is wrong with one conversation as stored; empty when nothing is."""
    problems = list(person.problems)
    users = [i for i, e in enumerate(events) if e["event"] == "user"]
    stored = [events[i]["text"] for i in users]
    expected = [m.strip() for m in person.messages]
    if stored != expected:
        problems.append(f"messages stored {len(stored)} of {len(expected)}, or out of order: "
                        f"first difference at {first_difference(stored, expected)}")
    for turn, (start, end) in enumerate(zip(users, users[1:] + [len(events)])):
        bot = [e.get("text") or "" for e in events[start + 1:end] if e["event"] == "bot"]
        if not bot:
            problems.append(f"turn {turn} ({stored[turn]!r}): no bot reply stored")
        if turn < len(person.replies) and person.replies[turn] != bot:
            problems.append(f"turn {turn}: the replies sent differ from the replies stored")
        for e in events[start + 1:end]:
            if e["event"] in ("action_execution_rejected",):
                problems.append(f"turn {turn}: {e['event']} {e.get('name')}")
            if e["event"] == "action" and e.get("name") in FAILURE_ACTIONS:
                problems.append(f"turn {turn} ({stored[turn]!r}): {e['name']}")
    stamps = [e["timestamp"] for e in events]
    if stamps != sorted(stamps):
        problems.append("events not stored in time order")
    return problems


def test_2000_messages_over_50_conversations_are_all_stored_complete_and_in_order(
        model_path, catalogue_url, tmp_path_factory, record_property):
    folder = tmp_path_factory.mktemp("soak")
    model = snapshot_model(folder, Path(model_path))
    limit, window = rate_limit(model)
    # Twelve gaps must span more than the window: then no 13 messages fall inside it.
    gap = window / limit * 1.05 if limit else 0.0
    gap = float(os.environ.get("SOAK_GAP", gap))
    people = [Person(f"soak-{n:02d}-{uuid.uuid4().hex[:8]}", script(n))
              for n in range(CONVERSATIONS)]
    with ActionServer(catalogue_url, folder) as actions, \
            RasaServer(model, folder / "trackers.sqlite", actions.webhook, folder) as rasa:
        started = time.monotonic()
        asyncio.run(run_all(rasa.rest, people, gap))
        took = time.monotonic() - started
        log = rasa.log_text() + actions.log_text()

    latencies = sorted(x for p in people for x in p.latencies)
    sent = sum(len(p.messages) for p in people)
    summary = (f"{sent} messages, {len(people)} conversations, {took:.0f} s "
               f"({sent / took:.1f} a second; {gap:.2f} s between a reply and the next "
               f"message), reply time median {statistics.median(latencies):.2f} s, "
               f"95th percentile {latencies[int(0.95 * (len(latencies) - 1))]:.2f} s, "
               f"longest {latencies[-1]:.2f} s")
    record_property("soak", summary)
    print("\nsoak:", summary)

    problems = {}
    for person in people:
        found = check(person, stored_events(rasa.trackers, person.sender))
        if found:
            problems[person.sender] = found
    errors = [line for line in log.splitlines() if " ERROR " in line or "Traceback" in line]
    assert not problems, f"{len(problems)} conversations with problems: " + json.dumps(
        dict(list(problems.items())[:5]), indent=1)[:4000]
    assert not errors, f"{len(errors)} errors in the servers' logs, e.g.\n" + "\n".join(errors[:10])
    assert sent == CONVERSATIONS * MESSAGES
