"""The local mail catcher `chengxin start` runs for the demo: the outbox sends to it over
loopback, administrators and managers read what it caught; without any relay the outbox
says so in plain words."""

import datetime

import pytest
from django.core import checks
from django.urls import reverse

from chengxin.outbox.catcher import catcher_dir, catcher_start, caught_get, caught_list
from chengxin.outbox.failures import NO_RELAY
from chengxin.outbox.models import Status
from chengxin.outbox.services import outbox_enqueue, outbox_send_due
from chengxin.testing.servers import free_port

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ANNA = "anna.schmidt@mueller-maschinen.de"


@pytest.fixture
def catcher(settings, tmp_path):
    """A running catcher on loopback, the outbox pointed at it, as `chengxin start` does."""
    settings.DATA_DIR = tmp_path
    port = free_port()
    controller = catcher_start(host="127.0.0.1", port=port, folder=catcher_dir())
    settings.CHENGXIN_SMTP_HOST = "127.0.0.1"
    settings.CHENGXIN_SMTP_PORT = port
    settings.CHENGXIN_SMTP_STARTTLS = settings.CHENGXIN_SMTP_SSL = False
    settings.CHENGXIN_SMTP_USER = settings.CHENGXIN_SMTP_PASSWORD = ""
    settings.CHENGXIN_MAIL_CATCHER = True
    yield controller
    controller.stop()


def _write(owner, company, **kw):
    return outbox_enqueue(
        actor=owner,
        to=ANNA,
        subject=kw.pop("subject", "Proforma invoice PI-2026-017"),
        body_text=kw.pop("body_text", "Dear Anna, please find our proforma invoice attached."),
        contact=company.contacts.get(),
        now=T0,
        **kw,
    )


@pytest.mark.django_db
def test_the_catcher_keeps_what_the_outbox_sends_over_loopback(owner, company, catcher):
    message = _write(
        owner,
        company,
        body_html="<p>Dear Anna,</p><p>please find our <b>proforma</b> attached.</p>"
        '<img src="https://tracker.example/pixel.gif"><script>alert(1)</script>',
        attachments=[("PI-2026-017.pdf", b"%PDF-1.4 test", "application/pdf")],
    )
    assert outbox_send_due(now=T0) == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT

    (caught,) = caught_list()
    assert caught.subject == "Proforma invoice PI-2026-017"
    assert caught.to == ANNA
    assert caught.dated_at == T0
    detail = caught_get(key=caught.key)
    assert detail.envelope_to == ANNA
    assert "proforma" in detail.html and "<script" not in detail.html
    assert "tracker.example" not in detail.html and detail.blocked_images == 1
    assert [(a.filename, a.content_type, a.size) for a in detail.attachments] == [
        ("PI-2026-017.pdf", "application/pdf", len(b"%PDF-1.4 test"))
    ]


@pytest.mark.django_db
def test_managers_and_the_administrator_read_the_caught_mail(
    client_for, owner, manager, admin_user, finance, company, catcher
):
    _write(owner, company, body_text="Dear Anna, the samples left Ningbo today.")
    outbox_send_due(now=T0)
    (caught,) = caught_list()
    list_url = reverse("outbox:caught_list")
    detail_url = reverse("outbox:caught_detail", args=[caught.key])

    for user in (manager, admin_user):
        client = client_for(user)
        page = client.get(list_url)
        assert page.status_code == 200
        assert "Proforma invoice PI-2026-017" in page.content.decode()
        assert detail_url in page.content.decode()
        page = client.get(detail_url)
        assert page.status_code == 200
        assert "the samples left Ningbo today" in page.content.decode()
        assert client.get(reverse("outbox:caught_detail", args=["nope"])).status_code == 404
        assert client.post(list_url).status_code == 405
        client.logout()

    for user in (owner, finance):
        client = client_for(user)
        assert client.get(list_url).status_code == 403
        assert client.get(detail_url).status_code == 403
        client.logout()
    assert client.get(list_url).status_code == 302  # anonymous: to the login page

    # The outbox page points managers at it.
    page = client_for(manager).get(reverse("outbox:outbox_list"))
    assert 'data-testid="catcher-banner"' in page.content.decode()
    assert list_url in page.content.decode()


@pytest.mark.django_db
def test_without_the_catcher_its_pages_do_not_exist(client_for, manager, settings):
    settings.CHENGXIN_MAIL_CATCHER = False
    assert client_for(manager).get(reverse("outbox:caught_list")).status_code == 404


@pytest.mark.django_db
def test_without_a_relay_the_outbox_says_so_and_keeps_the_message(
    client_for, owner, company, settings
):
    settings.CHENGXIN_SMTP_HOST = ""
    settings.CHENGXIN_MAIL_CATCHER = False
    message = _write(owner, company)

    assert outbox_send_due(now=T0) == {"queued": 1}
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.attempts == 0, "waiting for a relay uses up no attempt"
    assert message.last_error == NO_RELAY
    assert outbox_send_due(now=T0 + datetime.timedelta(minutes=1)) == {}

    client = client_for(owner)
    page = client.get(reverse("outbox:outbox_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="no-relay-banner"' in page
    assert "No mail server is configured" in page and "CHENGXIN_SMTP_HOST" in page
    detail = client.get(reverse("outbox:message_detail", args=[message.pk])).content.decode()
    assert "CHENGXIN_SMTP_HOST" in detail

    # A system check says it at start.
    warnings = [m for m in checks.run_checks() if m.id == "chengxin.outbox.W001"]
    assert warnings and warnings[0].level == checks.WARNING


@pytest.mark.django_db
def test_with_a_relay_there_is_no_banner_and_no_warning(client_for, owner, settings):
    settings.CHENGXIN_SMTP_HOST = "smtp.example.com"
    settings.CHENGXIN_MAIL_CATCHER = False
    page = client_for(owner).get(reverse("outbox:outbox_list")).content.decode()
    assert "no-relay-banner" not in page and "catcher-banner" not in page
    assert not [m for m in checks.run_checks() if m.id == "chengxin.outbox.W001"]


@pytest.mark.django_db
def test_a_refused_connection_is_explained_in_plain_words(client_for, owner, company, settings):
    settings.CHENGXIN_SMTP_HOST = "127.0.0.1"
    settings.CHENGXIN_SMTP_PORT = free_port()  # nothing listens there
    settings.CHENGXIN_SMTP_STARTTLS = settings.CHENGXIN_SMTP_SSL = False
    message = _write(owner, company)
    assert outbox_send_due(now=T0) == {"queued": 1}
    message.refresh_from_db()
    assert "Connection refused" in message.last_error

    client = client_for(owner)
    page = client.get(
        reverse("outbox:message_detail", args=[message.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "The mail server refused the connection" in page
    assert 'data-testid="technical-error"' in page and "Connection refused" in page
    listing = client.get(reverse("outbox:outbox_list"), HTTP_ACCEPT_LANGUAGE="en")
    assert "The mail server refused the connection" in listing.content.decode()
