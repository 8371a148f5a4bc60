"""Open a page of ours in headless Chromium (Debian's ``chromium``) through Playwright, which drives
the system browser (no browser is downloaded). Tests using it skip where either is missing."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def opened(page_file: Path, screenshot: Path, width: int = 1400):
    """Yield ``(page, errors)`` for the file loaded in Chromium, after a full-page screenshot;
    ``errors`` collects uncaught exceptions, console errors, failed requests and any request
    that leaves the file system (the pages must read offline)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(f"exception: {e}"))
            page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
            page.on("request", lambda r: None if r.url.startswith(("file:", "data:"))
                    else errors.append(f"fetched from the network: {r.url}"))
            page.goto(page_file.resolve().as_uri(), wait_until="load")
            page.screenshot(path=str(screenshot), full_page=True)
            yield page, errors
        finally:
            browser.close()
