"""Calls to the action server: the bounded wait and the reply checks (bot/action_server_calls.py)."""
import pytest
import rasa.core.actions.action as remote_action
import rasa.utils.endpoints as endpoints

from bot import action_server_calls as action_timeout


def test_importing_the_policy_bounds_rasas_wait_for_the_action_server():
    import bot.policies  # noqa: F401

    assert remote_action.DEFAULT_REQUEST_TIMEOUT == action_timeout.DEFAULT_SECONDS
    assert endpoints.DEFAULT_REQUEST_TIMEOUT == action_timeout.DEFAULT_SECONDS


@pytest.mark.parametrize("raw, seconds", [("", 10.0), ("  ", 10.0), ("2.5", 2.5), ("300", 300.0)])
def test_the_setting(raw, seconds):
    assert action_timeout.action_timeout({"ACTION_SERVER_TIMEOUT": raw}) == seconds
    assert action_timeout.action_timeout({}) == action_timeout.DEFAULT_SECONDS


@pytest.mark.parametrize("raw", ["ten", "0", "-1", "301", "nan"])
def test_a_bad_setting_is_refused_with_its_name(raw):
    with pytest.raises(ValueError, match="ACTION_SERVER_TIMEOUT"):
        action_timeout.action_timeout({"ACTION_SERVER_TIMEOUT": raw})


GOOD = {"events": [{"event": "slot", "name": "shown", "value": 3.0, "timestamp": None}],
        "responses": [{"text": "Here is support", "buttons": []}]}


def test_a_good_reply_passes_the_check_and_the_check_is_rasas_own_schema():
    from rasa.core.actions.action import RemoteAction

    import bot.policies  # noqa: F401

    assert RemoteAction._validate_action_result is action_timeout._validate_action_result
    assert RemoteAction(name="x", action_endpoint=None)._validate_action_result(GOOD)
    assert action_timeout._RESPONSE_VALIDATOR.schema == RemoteAction.action_response_format_spec()


@pytest.mark.parametrize("bad", [{"events": "not a list"}, {"events": [{"no": "event key"}]},
                                 [1, 2]])
def test_a_bad_reply_raises_rasas_error_with_its_explanation(bad):
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction(name="x", action_endpoint=None)._validate_action_result(bad)
