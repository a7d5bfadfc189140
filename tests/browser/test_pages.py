"""The web chat and the directory in a real browser (Debian's Chromium, headless)."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.support.browser import axe_violations, screenshot

pytestmark = pytest.mark.browser

WAIT = 60


def bot_messages(driver):
    return [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#log .message-bot")]


def send(driver, text: str, replies_before: int) -> str:
    box = driver.find_element(By.ID, "message")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: len(bot_messages(d)) > replies_before)
    # Several messages can come back for one turn; wait until the typing indicator is gone.
    WebDriverWait(driver, WAIT).until(
        lambda d: not d.find_element(By.CSS_SELECTOR, "#typing .typing-text").text.strip())
    return "\n".join(bot_messages(driver)[replies_before:])


def open_chat(driver, web_url):
    driver.get(web_url + "/")
    WebDriverWait(driver, WAIT).until(ready.visibility_of_element_located((By.ID, "message")))


def test_chat_answers_and_offers_quick_replies(browser, web_url):
    open_chat(browser, web_url)
    assert "not an emergency service" in browser.find_element(By.ID, "emergency").text
    reply = send(browser, "i cant sleep at night", 0)
    assert "sleep" in reply.lower() and "How old" in reply
    reply = send(browser, "15", len(bot_messages(browser)))
    assert "Where do you live" in reply
    reply = send(browser, "ME14 1XX", len(bot_messages(browser)))
    assert "Here is support" in reply and "Maidstone" in reply
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#log a")]
    assert any(h.startswith("https://") for h in links) or any(h.startswith("tel:") for h in links)
    screenshot(browser, "chat.png")
    assert axe_violations(browser) == []


def test_crisis_reply_with_buttons(browser, web_url):
    open_chat(browser, web_url)
    reply = send(browser, "i want to kill myself", 0)
    for route in ("111", "SHOUT to 85258", "116 123", "999"):
        assert route in reply
    buttons = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#log .choices button")]
    assert "I'm safe right now" in buttons and "I'm not safe" in buttons
    browser.find_elements(By.CSS_SELECTOR, "#log .choices button")[1].click()  # "I'm not safe"
    WebDriverWait(browser, WAIT).until(
        lambda d: any("999" in m for m in bot_messages(d)[1:]))
    screenshot(browser, "chat-crisis.png")


def test_html_in_a_message_is_shown_as_text(browser, web_url):
    open_chat(browser, web_url)
    send(browser, "<img src=x onerror=alert(1)><b>hello</b>", 0)
    user = browser.find_elements(By.CSS_SELECTOR, "#log .message-user")[-1]
    assert "<b>hello</b>" in user.text
    assert not browser.find_elements(By.CSS_SELECTOR, "#log img, #log b")


def test_exit_clears_the_conversation_and_leaves(browser, web_url):
    open_chat(browser, web_url)
    send(browser, "i feel low", 0)
    assert browser.execute_script("return window.sessionStorage.length") > 0
    browser.find_element(By.ID, "exit").click()
    WebDriverWait(browser, WAIT).until(lambda d: "bbc.co.uk/weather" in d.current_url)
    open_chat(browser, web_url)  # back on the site in the same tab: nothing remembered
    assert browser.execute_script("return window.sessionStorage.length") == 0
    assert bot_messages(browser) == []


def test_chat_on_a_phone_sized_screen(phone, web_url):
    open_chat(phone, web_url)
    send(phone, "my son is being bullied", 0)
    width = phone.execute_script("return document.documentElement.scrollWidth")
    viewport = phone.execute_script("return window.innerWidth")
    assert width <= viewport  # no sideways scrolling
    screenshot(phone, "chat-phone.png")
    assert axe_violations(phone) == []


def test_directory_filters_are_in_the_url(browser, web_url):
    browser.get(web_url + "/directory?need=anxiety&age=14&place=ME14+1XX&audience=professional")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Maidstone" in page
    assert "Last checked" in page or "last checked" in page
    assert browser.find_element(By.NAME, "place").get_attribute("value") == "ME14 1XX"
    browser.set_window_size(1280, 2600)  # the form and the first results in one picture
    screenshot(browser, "directory.png")
    assert axe_violations(browser) == []


def test_directory_form_changes_the_results(browser, web_url):
    browser.get(web_url + "/directory")
    form_need = browser.find_element(By.NAME, "need")
    form_need.send_keys("Sleep")
    place = browser.find_element(By.NAME, "place")
    place.clear()
    place.send_keys("Chelmsford")
    age = browser.find_element(By.NAME, "age")
    age.clear()
    age.send_keys("12")
    place.submit()
    WebDriverWait(browser, WAIT).until(lambda d: "place=Chelmsford" in d.current_url)
    assert "need=sleep" in browser.current_url
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Chelmsford" in page and "Essex" in page
    assert browser.find_element(By.NAME, "age").get_attribute("value") == "12"


def test_directory_bad_filter_is_explained(browser, web_url):
    browser.get(web_url + "/directory?need=anxiety&place=blahblahville")
    assert "not recognised" in browser.find_element(By.TAG_NAME, "main").text.lower()


@pytest.mark.parametrize("message, lang, direction", [
    ("أريد أن أموت", "ar", "rtl"),          # Arabic, urgent: the routes in Arabic first
    ("dzień dobry, potrzebuję pomocy", "pl", "ltr"),
])
def test_a_reply_in_another_language_is_marked_with_its_language_and_direction(
        browser, web_url, message, lang, direction):
    open_chat(browser, web_url)
    reply = send(browser, message, 0)
    assert "999" in reply and "0800 1111" in reply
    bodies = browser.find_elements(By.CSS_SELECTOR, "#log .message-bot .message-text")
    marked = [b for b in bodies if b.get_attribute("lang") == lang]
    assert marked, [b.get_attribute("outerHTML")[:200] for b in bodies]
    for body in marked:
        assert body.get_attribute("dir") == direction
        assert browser.execute_script(
            "return getComputedStyle(arguments[0]).direction", body) == direction
    if lang == "ar":
        assert "999" in marked[0].text  # the urgent reply leads with 999, in Arabic
    # The English that follows keeps the page's own language, read left to right.
    english = [b for b in bodies if not b.get_attribute("lang")]
    assert english and "only read English" in english[-1].text
    assert all(browser.execute_script("return getComputedStyle(arguments[0]).direction", b)
               == "ltr" for b in english)
    if lang == "ar":
        screenshot(browser, "chat-arabic.png")
    assert axe_violations(browser) == []
