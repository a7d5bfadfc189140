"""The project's patches to Rasa go in through one visible install(), which is safe to call
twice, switchable off by name, and logged."""
import logging

import pytest
from rasa.engine.runner.dask import DaskGraphRunner

from bot import patches
from bot.patches import graph_runs


@pytest.fixture(autouse=True)
def back_to_all_installed():
    yield
    patches.install({})


def test_install_applies_every_patch_once_and_a_second_call_changes_nothing():
    patches.uninstall()
    assert patches.installed() == []
    assert patches.install({}) == list(patches.NAMES)
    assert patches.install({}) == []
    assert patches.installed() == list(patches.NAMES)


def test_importing_the_project_patches_nothing():
    """Nothing is replaced as a side effect of an import: the policy, the channels and the
    stores import cleanly with Rasa's own code in place."""
    import subprocess
    import sys

    code = ("import bot.dialogue.policy, bot.channels.rest, bot.channels.twilio, "
            "bot.stores.lock_store, bot.nlu.safety\n"
            "from rasa.engine.runner.dask import DaskGraphRunner\n"
            "from rasa.core.agent import Agent\n"
            "import rasa.core.actions.action as a\n"
            "from bot.patches import graph_runs\n"
            "assert DaskGraphRunner.run is graph_runs.DASK_RUN\n"
            "assert a.DEFAULT_REQUEST_TIMEOUT == 300\n"
            "assert Agent.handle_message.__module__.startswith('rasa.')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("setting, left_out", [
    ("graph_runs", ["graph_runs"]),
    (" action_checks , action_connections ", ["action_checks", "action_connections"]),
    ("all", list(patches.NAMES)),
    ("", []),
])
def test_the_environment_switches_named_patches_off(setting, left_out):
    patches.uninstall()
    patches.install({patches.OFF_ENV: setting})
    assert patches.installed() == [name for name in patches.NAMES if name not in left_out]
    if "graph_runs" in left_out:
        assert DaskGraphRunner.run is graph_runs.DASK_RUN


def test_an_unknown_name_is_refused_rather_than_leaving_a_patch_on():
    with pytest.raises(ValueError, match="graph_run"):
        patches.install({patches.OFF_ENV: "graph_run"})


def test_server_start_logs_what_is_replaced_and_warns_about_what_is_not(caplog):
    caplog.set_level(logging.INFO, logger="bot.patches")
    patches.install({})
    patches.log_status()
    assert "Rasa patches in place" in caplog.text
    assert "DaskGraphRunner.run" in caplog.text
    caplog.clear()
    patches.uninstall(["action_timeout"])
    patches.log_status()
    warning = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warning and "action_timeout" in warning[0].getMessage()
    assert "python -m bot" in warning[0].getMessage()


def test_python_m_bot_is_rasas_command_line_with_the_patches():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "bot", "--version"], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "3.6.21" in result.stdout
