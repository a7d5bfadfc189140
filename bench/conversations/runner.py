"""One scenario played out against the bot: openings, then the answerer, turn by turn.

Every turn keeps what the persona sent, why, what the bot replied, how the reply was read and
which catalogue services it showed, with the facts true at that moment, so the checks and the
transcript can be made from the record alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from bench.conversations import reading as r
from bench.conversations.answerer import Answer, Persona
from bench.conversations.catalogue import BenchCatalogue
from bench.conversations.scenarios import Facts, LaterTurn, Scenario
from bench.conversations.transports import BotMessage, Transport, TransportError
from services_catalog.query import ServiceView

#: A conversation stops after this many messages from the persona. The bot allows 12 messages
#: a minute per conversation, so this also stays under its rate limit.
MAX_TURNS = 10


@dataclass
class Turn:
    index: int                   # the persona's message number, from 1
    said: str                    # what was sent (a button's payload on the web)
    shown: str                   # what the person would see themselves send (a button title)
    reason: str                  # "opening", "age", "scripted correction", ...
    detail: Optional[str]        # the detail this message gave, if it answered for one
    later: Optional[LaterTurn]
    replies: List[BotMessage]
    reading: r.Reading
    services: List[ServiceView]
    unknown_services: List[str]  # numbered list items that name no catalogue service
    facts: Facts                 # true after this message (corrections applied)
    audience: str

    @property
    def text(self) -> str:
        return r.turn_text(self.replies)

    @property
    def listed(self) -> bool:
        return self.reading.shows_services


@dataclass
class Conversation:
    scenario: Scenario
    channel: str
    turns: List[Turn] = field(default_factory=list)
    given: Dict[str, int] = field(default_factory=dict)   # detail -> message that gave it
    unrecognised: List[str] = field(default_factory=list)
    error: Optional[str] = None

    @property
    def first_list(self) -> Optional[Turn]:
        return next((t for t in self.turns if t.listed), None)


def services_shown(text: str, catalogue: BenchCatalogue, urgent: bool, facts: Any = None
                   ) -> tuple[List[ServiceView], List[str], bool]:
    """(services, unknown numbered items, whether the turn is a list of services)."""
    services, unknown = [], []

    def for_here(service: ServiceView) -> bool:
        if facts is None:
            return False
        return catalogue.eligible(service, None, getattr(facts, "area", None),
                                  getattr(facts, "district", None)).ok

    for numbered, head, line in r.list_lines(text):
        service = catalogue.find(head, line, for_here)
        if service is not None and service not in services:
            services.append(service)
        elif service is None and numbered:
            unknown.append(head)
    listed = not urgent and bool(services) and any(n for n, _ in r.list_items(text))
    return services, unknown, listed


def record(conversation: Conversation, persona: Persona, answer: Answer,
           replies: List[BotMessage], catalogue: BenchCatalogue) -> Turn:
    text = r.turn_text(replies)
    urgent = r.is_urgent(text)
    services, unknown, listed = services_shown(text, catalogue, urgent, persona.facts)
    turn = Turn(len(conversation.turns) + 1, answer.text, answer.shown, answer.reason,
                answer.detail, answer.later, replies, r.classify(replies, listed),
                services if listed else [], unknown if listed else [], persona.facts,
                persona.audience)
    conversation.turns.append(turn)
    if answer.detail and answer.detail not in conversation.given:
        conversation.given[answer.detail] = turn.index
    return turn


def play(scenario: Scenario, transport: Transport, catalogue: BenchCatalogue,
         max_turns: int = MAX_TURNS) -> Conversation:
    """Send the openings, then answer as the persona until they stop or ``max_turns``."""
    conversation = Conversation(scenario, scenario.channel)
    persona = Persona(scenario)
    web = scenario.channel == "web"
    try:
        for opening in scenario.openings:
            replies = transport.send(opening)
            record(conversation, persona, Answer(opening, opening, "opening"), replies,
                   catalogue)
        for detail in persona.upfront():
            conversation.given.setdefault(detail, len(scenario.openings))
        while len(conversation.turns) < max_turns:
            reading = conversation.turns[-1].reading
            if reading.kind == r.UNRECOGNISED:
                conversation.unrecognised.append(reading.question)
            answer = persona.answer(reading, web)
            if answer is None:
                break
            record(conversation, persona, answer, transport.send(answer.text), catalogue)
    except TransportError as error:
        conversation.error = str(error)
    return conversation
