"""Playing a list of scenarios against one Rasa server and checking each conversation."""
from __future__ import annotations

import sys
from typing import List, Sequence

from bench.conversations.catalogue import BenchCatalogue
from bench.conversations.checks import run_checks
from bench.conversations.report import Outcome
from bench.conversations.runner import play
from bench.conversations.scenarios import Scenario
from bench.conversations.transports import (
    RestTransport,
    Transport,
    TwilioTransport,
    drama_number,
)


def transport_for(scenario: Scenario, url: str, index: int, web_endpoint: str) -> Transport:
    if scenario.channel == "sms":
        return TwilioTransport(url, drama_number(index))
    return RestTransport(url, web_endpoint)


def run_scenarios(scenarios: Sequence[Scenario], url: str, catalogue: BenchCatalogue,
                  web_endpoint: str = "webchat", progress: bool = True) -> List[Outcome]:
    """Play each scenario in turn (one at a time: the machine is shared) and check it."""
    outcomes = []
    for index, scenario in enumerate(scenarios):
        conversation = play(scenario, transport_for(scenario, url, index, web_endpoint),
                            catalogue)
        outcomes.append(Outcome(conversation, run_checks(conversation, catalogue)))
        if progress:
            mark = "pass" if outcomes[-1].passed else "FAIL"
            print(f"  {index + 1}/{len(scenarios)} {scenario.id} ({scenario.channel}): {mark}",
                  file=sys.stderr, flush=True)
    return outcomes
