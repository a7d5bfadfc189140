"""Every message in the test conversations (tests/test_stories.yml) is read as the intent the
story gives it. `rasa test core` checks the actions but trusts the stories' intents; this
checks the other half, through the whole NLU pipeline (DIET, short answers, safety, details).
"""
from pathlib import Path

import pytest
import yaml

STORIES = Path(__file__).resolve().parents[1] / "test_stories.yml"


def messages():
    for story in yaml.safe_load(STORIES.read_text())["stories"]:
        for step in story["steps"]:
            if "user" in step:
                yield pytest.param(step["user"].strip(), step["intent"],
                                   id=f"{story['story'][:40]}: {step['user'].strip()[:30]}")


@pytest.mark.parametrize("text, intent", list(messages()))
async def test_story_message_is_read_as_its_intent(agent_without_actions, text, intent):
    parsed = await agent_without_actions.parse_message(text)
    assert parsed["intent"]["name"] == intent, parsed["intent_ranking"][:3]
