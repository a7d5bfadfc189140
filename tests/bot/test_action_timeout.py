"""The bound on waiting for the action server (bot/action_timeout.py)."""
import pytest
import rasa.core.actions.action as remote_action
import rasa.utils.endpoints as endpoints

from bot import action_timeout


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
