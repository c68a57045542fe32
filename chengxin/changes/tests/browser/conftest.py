"""The browser fixtures of the core tests (Playwright with Debian's Chromium)."""

from chengxin.core.tests.browser.conftest import browser, new_page  # noqa: F401
