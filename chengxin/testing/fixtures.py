"""Fixtures shared by the tests of several apps (a pytest plugin, registered in the root
conftest): stored mail in a temporary folder assessed by an offline guard, ``ingest``,
and the loopback SMTP server and WhatsApp Cloud API of the outbox.

None of them is autouse: a folder whose every test needs one asks for it in its conftest."""

from __future__ import annotations

import pytest

from chengxin.testing.servers import (
    PHONE_NUMBER_ID,
    WHATSAPP_TOKEN,
    CloudApi,
    SmtpServer,
    free_port,
)


@pytest.fixture
def media_root(settings, tmp_path):
    """Stored messages and attachments go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def offline_guard(settings):
    """The guard never asks the real DNS in tests; our own domain is chengxin-export.cn."""
    settings.CHENGXIN_GUARD_DNS = "off"
    settings.CHENGXIN_OWN_DOMAINS = ["chengxin-export.cn"]
    from chengxin.guard.known_index import forget_known_index

    forget_known_index()
    yield
    forget_known_index()


@pytest.fixture
def mail_setup(media_root, offline_guard):
    """What every test that stores mail needs: a temporary media folder, an offline guard."""


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """``ingest(raw, **kwargs)``: store a message and run what follows its commit
    (the rest of the inbound pipeline), as in production."""
    from chengxin.inbound.pipeline import message_receive
    from chengxin.mail.models import Source

    def _ingest(raw: bytes, **kwargs):
        kwargs.setdefault("source", Source.COMMAND)
        with django_capture_on_commit_callbacks(execute=True):
            result = message_receive(raw=raw, **kwargs)
        return result

    return _ingest


@pytest.fixture
def smtp_server(settings):
    """A loopback SMTP server on a free port, NOT yet started (call ``.start()``);
    the outbox settings point at it."""
    server = SmtpServer(free_port())
    settings.CHENGXIN_SMTP_HOST = "127.0.0.1"
    settings.CHENGXIN_SMTP_PORT = server.port
    settings.CHENGXIN_SMTP_STARTTLS = False
    settings.CHENGXIN_SMTP_SSL = False
    settings.CHENGXIN_SMTP_USER = ""
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server):
    """The loopback SMTP server, running."""
    smtp_server.start()
    return smtp_server


@pytest.fixture
def whatsapp_api(settings):
    """A running loopback Cloud API; the WhatsApp settings point at it (text messages,
    no template)."""
    api = CloudApi()
    api.start()
    settings.CHENGXIN_WHATSAPP_API_BASE = api.base
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = PHONE_NUMBER_ID
    settings.CHENGXIN_WHATSAPP_TOKEN = WHATSAPP_TOKEN
    settings.CHENGXIN_WHATSAPP_TEMPLATE = ""
    settings.CHENGXIN_WHATSAPP_TEMPLATE_LANGUAGE = "en"
    settings.CHENGXIN_WHATSAPP_TIMEOUT = 5
    yield api
    api.stop()


@pytest.fixture
def whatsapp_configured(settings):
    """WhatsApp set up, for tests that carry messages with ``LocalChatTransport``."""
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = PHONE_NUMBER_ID
    settings.CHENGXIN_WHATSAPP_TOKEN = WHATSAPP_TOKEN
    settings.CHENGXIN_WHATSAPP_TEMPLATE = ""


@pytest.fixture
def no_whatsapp(settings):
    """WhatsApp not set up."""
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = ""
    settings.CHENGXIN_WHATSAPP_TOKEN = ""
