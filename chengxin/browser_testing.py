"""Browser-test fixtures (a pytest plugin loaded by the root conftest): Playwright
driving Debian's Chromium against pytest-django's live server. One session-wide
browser serves every browser test in every app.

Install the browser with ``scripts/install_browser``. The sync Playwright API
runs an event loop in this thread, so Django would refuse ORM calls from the
test body without DJANGO_ALLOW_ASYNC_UNSAFE; the tests only read the database
between browser steps, never while a request is being served by the test
thread.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

expect.set_options(timeout=20_000)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_browser first.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """``new_page()``: a page in a fresh browser profile (no cookies) on the live
    server. The browser asks for German, a language Chengxin does not offer, so
    what the page shows is Chengxin's own default or the user's choice."""
    contexts = []

    def make():
        context = browser.new_context(
            base_url=live_server.url, locale="de-DE", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(20_000)  # the test machine may be busy
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def signed_in_page(new_page, live_server):
    """``signed_in_page(user, viewport=None)``: a page whose browser carries ``user``'s
    session (the second factor passed for the roles that need it), each user with a
    client of their own."""
    from django.conf import settings
    from django.test import Client

    from chengxin.testing import login

    def make(user, viewport=None):
        client = Client()
        login(client, user)
        page = new_page()
        if viewport is not None:
            page.set_viewport_size(viewport)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        return page

    return make
