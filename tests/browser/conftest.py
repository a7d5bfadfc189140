"""The three servers as `make run` starts them, and Debian's Chromium driving the pages.

Chromium runs headless with no sandbox, no GPU and no background networking, so the only
requests the pages make are to the servers here: a page that fetched anything else would
fail visibly rather than quietly depend on the network.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conversation.conftest import MODEL, free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"


def _start(args, env, url, seconds=180):
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_for(url, process, seconds)
    except Exception:
        process.terminate()
        raise
    return process


@pytest.fixture(scope="session")
def web_url(catalogue_url, tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does this first)")
    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    trackers = tmp_path_factory.mktemp("browser-trackers") / "trackers.sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT), CATALOGUE_DB_URL=catalogue_url,
               TRACKER_SQLITE_PATH=str(trackers), RASA_TELEMETRY_ENABLED="false",
               ACTION_SERVER_URL=f"http://127.0.0.1:{action_port}/webhook",
               RASA_URL=f"http://127.0.0.1:{rasa_port}", WEB_PORT=str(web_port))
    processes = []
    try:
        processes.append(_start([sys.executable, "-m", "actions.server", "--actions", "actions",
                                 "--port", str(action_port)], env,
                                f"http://127.0.0.1:{action_port}/health"))
        processes.append(_start([str(ROOT / ".venv" / "bin" / "rasa"), "run", "--model",
                                 str(MODEL), "--port", str(rasa_port), "--credentials",
                                 "credentials.yml", "--endpoints", "endpoints.yml"], env,
                                f"http://127.0.0.1:{rasa_port}/"))
        processes.append(_start([sys.executable, "-m", "web"], env,
                                f"http://127.0.0.1:{web_port}/", 60))
        yield f"http://127.0.0.1:{web_port}"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def _chromium(width: int, height: int, mobile: bool = False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver:
        pytest.fail("chromium and chromedriver are missing: run `make browser-deps`")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", f"--window-size={width},{height}"):
        options.add_argument(flag)
    if mobile:  # a real phone viewport: windows cannot be made narrower than 500px
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {
            "width": width, "height": height, "pixelRatio": 2, "touch": True}})
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.fixture
def browser():
    driver = _chromium(1280, 900)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture
def phone():
    """A phone-sized screen (360 by 740 CSS pixels, touch)."""
    driver = _chromium(360, 740, mobile=True)
    yield driver
    driver.quit()


def axe_violations(driver, impacts=("serious", "critical")):
    """Run axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on the current page."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa', 'wcag22aa']}}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error',"
        " impact: 'critical', description: String(e), nodes: []}]));")
    return [v for v in result if v.get("impact") in impacts]


def screenshot(driver, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / name))
