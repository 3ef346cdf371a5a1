"""A headless Debian chromium, driven by Playwright's sync API (never a downloaded browser).

Each pytest-xdist worker that runs browser tests launches its own browser (session scope
is per worker); every test gets a fresh context, so cookies never leak between tests.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("LIAISON_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def allow_orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread; Django's ORM would
    then refuse the test's own (synchronous) database calls. Only for these tests."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (make system-packages)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser page asking for Traditional Chinese."""
    context = browser.new_context(locale="zh-TW", extra_http_headers={"Accept-Language": "zh-Hant"})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()
