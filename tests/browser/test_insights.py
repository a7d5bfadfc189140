"""The insights dashboard in a real browser (Debian's Chromium, headless): the sign-in, the
charts drawn (SVG images under the page's Content-Security-Policy), every table, axe-core's
WCAG 2.2 AA rules, a phone-sized screen. Its own web server over a store of made-up records
(no Rasa needed); the README's screenshots come from bench/insights_demo.py instead, over real
conversations."""
from __future__ import annotations

from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from insights import auth, publish
from tests.insights.synthetic import stored
from tests.support.browser import axe_violations
from tests.support.processes import WebServer

pytestmark = pytest.mark.browser

PASSWORD = "three random words here"
WAIT = 60


@pytest.fixture(scope="module")
def dashboard_url(catalogue_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("insights-browser")
    url = f"sqlite:///{folder / 'insights.sqlite'}"
    store = stored(url, 300, date(2026, 7, 1), 92, seed=21)
    publish.publish_new(store)
    users = folder / "users.txt"
    auth.add_user(users, "commissioner", PASSWORD)
    with WebServer("http://127.0.0.1:9", catalogue_url, folder, INSIGHTS_DB_URL=url,
                   INSIGHTS_USERS_FILE=str(users), INSIGHTS_SESSION_SECRET="s" * 40,
                   INSIGHTS_COOKIE_INSECURE="1") as web:
        yield web.url


def sign_in(driver, url, password=PASSWORD):
    driver.get(url + "/insights")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.ID, "password"))
    driver.find_element(By.ID, "name").send_keys("commissioner")
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()


def test_a_wrong_password_is_explained_and_the_page_is_accessible(browser, dashboard_url):
    browser.get(dashboard_url + "/insights")
    assert browser.current_url.endswith("/insights/login")
    assert axe_violations(browser) == []
    sign_in(browser, dashboard_url, "not the right one")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR,
                                                                  ".error-summary"))
    assert "not right" in browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert axe_violations(browser) == []


def test_the_dashboard_draws_every_chart_beside_its_table(browser, dashboard_url):
    sign_in(browser, dashboard_url)
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.ID, "needs-heading"))
    images = browser.find_elements(By.CSS_SELECTOR, "figure.chart img")
    assert len(images) >= 9
    WebDriverWait(browser, WAIT).until(lambda d: all(
        d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)
        for img in images))
    for img in images:   # each chart names the table that holds its figures
        table = browser.find_element(By.ID, img.get_attribute("aria-describedby"))
        assert table.tag_name == "table" and img.get_attribute("alt")
    text = browser.find_element(By.TAG_NAME, "main").text
    for title in ("Needs by area", "Who is asking", "Conversations out of hours",
                  "Conversations by day and time", "Urgent replies", "Service gaps",
                  "Was this helpful?"):
        assert title in text
    assert "*" in text                       # suppression is visible
    assert axe_violations(browser) == []
    browser.find_element(By.ID, "area").send_keys("Kent")
    browser.find_element(By.CSS_SELECTOR, "form.choose button").click()
    WebDriverWait(browser, WAIT).until(lambda d: "area=kent" in d.current_url)
    assert "Kent: needs by district" in browser.find_element(By.TAG_NAME, "main").text
    assert axe_violations(browser) == []


def test_the_dashboard_on_a_phone_sized_screen(phone, dashboard_url):
    sign_in(phone, dashboard_url)
    WebDriverWait(phone, WAIT).until(lambda d: d.find_elements(By.ID, "needs-heading"))
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= phone.execute_script("return window.innerWidth")
    assert axe_violations(phone) == []
