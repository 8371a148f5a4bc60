"""Pages opened in headless Chromium by ``benchmarks/pages.py``; tests skip where Debian's
``chromium`` or Playwright is missing."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from pages import CHROMIUM, FIGURES_JS, opened

__all__ = ["FIGURES_JS", "browse"]


@contextmanager
def browse(page_file: Path, screenshot: Path):
    """``(page, errors)`` after a full-page screenshot, as ``pages.opened`` gives them."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    pytest.importorskip("playwright.sync_api")
    with opened(page_file, screenshot) as found:
        yield found
