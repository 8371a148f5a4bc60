"""Open a page of ours (``report``, ``show``) in headless Chromium and check it reads: no script
error, nothing fetched from the network, every figure drawn; optionally save a screenshot.

Uses Debian's ``chromium`` through Playwright (``pip install playwright``; no browser is downloaded).
The tests open pages with it too. Run on purpose, e.g. for README's screenshots:

    python benchmarks/pages.py /tmp/pool.html --png docs/report.png --height 1500
"""

from __future__ import annotations

import argparse
import shutil
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# each <figure> of a page: its caption and whether it is drawn (an image decoded and laid out, or a
# table with rows)
FIGURES_JS = """els => els.map(f => {
    const img = f.querySelector('img'), table = f.querySelector('table');
    return {caption: f.querySelector('figcaption').textContent,
            drawn: img ? img.complete && img.naturalWidth > 100 && img.getBoundingClientRect().height > 50
                       : !!table && table.querySelectorAll('tbody tr').length > 0};
})"""


@contextmanager
def opened(page_file: Path, screenshot: Path | None = None, width: int = 1400, height: int | None = None,
           scale: float = 1.0, section: str | None = None):
    """Yield ``(page, errors)`` for the file loaded in Chromium, after a screenshot (the whole page,
    its top ``height`` pixels, or the element with id ``section``); ``errors`` collects uncaught
    exceptions, console errors, failed requests and any request that leaves the file system (the
    pages must read offline)."""
    from playwright.sync_api import sync_playwright

    if CHROMIUM is None:
        raise FileNotFoundError("Debian's chromium is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": height or 900}, device_scale_factor=scale)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(f"exception: {e}"))
            page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
            page.on("request", lambda r: None if r.url.startswith(("file:", "data:"))
                    else errors.append(f"fetched from the network: {r.url}"))
            page.goto(page_file.resolve().as_uri(), wait_until="load")
            if screenshot and section:
                page.locator(f"#{section}").screenshot(path=str(screenshot))
            elif screenshot:
                page.screenshot(path=str(screenshot), full_page=height is None)
            yield page, errors
        finally:
            browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("--png", type=Path, help="save a screenshot here")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, help="only the top of the page (default: all of it)")
    ap.add_argument("--scale", type=float, default=1.0, help="device pixels per CSS pixel of the screenshot")
    ap.add_argument("--section", help="the screenshot is of the element with this id (a report's section)")
    args = ap.parse_args()
    with opened(args.page, args.png, args.width, args.height, args.scale, args.section) as (page, errors):
        figures = page.eval_on_selector_all("figure", FIGURES_JS)
        sections = page.eval_on_selector_all("section[id]", "els => els.map(s => s.id)")
        marks = page.eval_on_selector_all("mark.entity", "els => els.length")
    undrawn = [f["caption"] for f in figures if not f["drawn"]]
    print(f"{len(errors)} errors, {len(figures) - len(undrawn)}/{len(figures)} figures drawn, "
          f"sections {sections}, {marks} highlighted values")
    for line in errors + [f"not drawn: {c}" for c in undrawn]:
        print(" ", line)
    return 1 if errors or undrawn else 0


if __name__ == "__main__":
    raise SystemExit(main())
