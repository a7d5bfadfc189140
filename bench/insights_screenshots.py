"""The README's screenshots of the insights dashboard, over the store bench/insights_demo.py made
(400 made-up conversations through the real servers):

    .venv/bin/python -m bench.insights_screenshots [--store build/insights-demo] [--port 8400]

Starts the web server on that store with a throw-away account (a random password, never
printed), signs in with Debian's Chromium (headless) and saves docs/screenshots/insights*.png.
"""
from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.insights_screenshots")
    parser.add_argument("--store", default=str(ROOT / "build" / "insights-demo"))
    parser.add_argument("--port", type=int, default=None)
    args = parser.parse_args()
    folder = Path(args.store)
    sys.path.insert(0, str(ROOT))

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from insights import auth
    from tests.browser.conftest import _chromium
    from tests.support.browser import screenshot
    from tests.support.processes import WebServer

    users = folder / "screenshot-users.txt"
    password = secrets.token_urlsafe(18)
    auth.add_user(users, "commissioner", password)
    catalogue = f"sqlite:///{ROOT / 'build' / 'catalogue.sqlite'}"
    try:
        with WebServer("http://127.0.0.1:9", catalogue, folder, port=args.port,
                       INSIGHTS_DB_URL=f"sqlite:///{folder / 'insights.sqlite'}",
                       INSIGHTS_USERS_FILE=str(users), INSIGHTS_SESSION_SECRET=secrets.token_hex(32),
                       INSIGHTS_COOKIE_INSECURE="1") as web:
            driver = _chromium(1280, 900)
            try:
                driver.get(web.url + "/insights/login")
                screenshot(driver, "insights-login.png")
                driver.find_element(By.ID, "name").send_keys("commissioner")
                driver.find_element(By.ID, "password").send_keys(password)
                driver.find_element(By.CSS_SELECTOR, "form.login button").click()
                WebDriverWait(driver, 120).until(lambda d: d.find_elements(By.ID, "needs-heading"))
                WebDriverWait(driver, 120).until(lambda d: all(d.execute_script(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", img)
                    for img in d.find_elements(By.CSS_SELECTOR, "figure.chart img")))
                driver.set_window_size(1280, 2300)
                screenshot(driver, "insights.png")
                driver.execute_script("document.getElementById('gaps').scrollIntoView()")
                driver.set_window_size(1280, 1500)
                screenshot(driver, "insights-gaps.png")
            finally:
                driver.quit()
    finally:
        users.unlink(missing_ok=True)
    print("insights screenshots: docs/screenshots/insights.png, insights-gaps.png, "
          "insights-login.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
