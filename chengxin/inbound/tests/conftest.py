"""Messages through the pipeline: stored in a temporary folder, assessed by an offline guard."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def offline_guard(settings):
    """The guard never asks the real DNS in tests, and knows our own domain."""
    from chengxin.guard.known_index import forget_known_index

    settings.CHENGXIN_GUARD_DNS = "off"
    settings.CHENGXIN_OWN_DOMAINS = ["chengxin-export.cn"]
    forget_known_index()
    yield
    forget_known_index()
