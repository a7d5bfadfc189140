"""What the browser tests check pages with: axe-core's accessibility rules, and screenshots
kept for the README (docs/screenshots/)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"


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
