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


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """Playwright's sync API keeps an event loop running in this thread, and Django's ORM
    then refuses the tests' own synchronous calls: allowed while the browser runs (the test
    database is created before, so that needs no exemption)."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (make system-packages)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        yield launched
        launched.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    """A fresh browser page asking for Traditional Chinese."""
    context = browser.new_context(locale="zh-TW", extra_http_headers={"Accept-Language": "zh-Hant"})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


def give_authenticator(user):
    """A confirmed authenticator for `user`: privileged users pass it after the password."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def enter_second_factor(page, device):
    """The log-in's second step, as the user does it: the code the device shows now."""
    from django_otp.oath import TOTP

    page.wait_for_url("**/account/two-factor/verify/**")
    device.refresh_from_db()
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    page.fill("input[name=code]", f"{code:06d}")
    page.locator("main form button[type=submit]").first.click()
