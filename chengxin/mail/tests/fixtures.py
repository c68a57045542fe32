"""Fixtures shared by the mail and guard tests (imported into their test modules)."""

from __future__ import annotations

import pytest

from chengxin.inbound.pipeline import message_receive
from chengxin.mail.models import Source


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored messages and attachments go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def offline_guard(settings):
    """The guard never asks the real DNS in tests."""
    settings.CHENGXIN_GUARD_DNS = "off"
    settings.CHENGXIN_OWN_DOMAINS = ["chengxin-export.cn"]
    from chengxin.guard.known_index import forget_known_index

    forget_known_index()
    yield
    forget_known_index()


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """``ingest(raw, **kwargs)``: store a message and run what follows its commit
    (the rest of the inbound pipeline), as in production."""

    def _ingest(raw: bytes, **kwargs):
        kwargs.setdefault("source", Source.COMMAND)
        with django_capture_on_commit_callbacks(execute=True):
            result = message_receive(raw=raw, **kwargs)
        return result

    return _ingest
