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

from bench.conversations.catalogue import BenchCatalogue
from bench.conversations.checks import CHECKS
from bench.conversations.report import Outcome, transcript
from bench.conversations.scenarios import load_scenarios
from bench.conversations.segments import count_segments
from bench.conversations.suite import run_scenarios
from bench.conversations.transports import sms_available

SCENARIOS = load_scenarios()
FAST = SCENARIOS.select(fast=True)
HARD = SCENARIOS.hard_checks


@pytest.fixture(scope="module")
def bench_outcomes(catalogue_url) -> Dict[str, Outcome]:
    """Every fast scenario played once against servers started for this module."""
    from bench.conversations.servers import started_servers

    catalogue = BenchCatalogue(catalogue_url)
    with started_servers(catalogue_url) as url:
        assert sms_available(url), "the bench's capturing Twilio channel did not load"
        outcomes = run_scenarios(FAST, url, catalogue, progress=False)
    return {o.conversation.scenario.id: o for o in outcomes}


@pytest.mark.model
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
