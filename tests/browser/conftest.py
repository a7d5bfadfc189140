"""The three servers as `make run` starts them, and Debian's Chromium driving the pages.

Chromium runs headless with no sandbox, no GPU and no background networking, so the only
requests the pages make are to the servers here: a page that fetched anything else would
fail visibly rather than quietly depend on the network.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.processes import ActionServer, RasaServer, WebServer

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="session")
def web_url(model_path, catalogue_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-servers")
    with ActionServer(catalogue_url, folder) as actions, \
            RasaServer(Path(model_path), folder / "trackers.sqlite", actions.webhook,
                       folder) as rasa, \
            WebServer(rasa.url, catalogue_url, folder) as web:
        yield web.url


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
