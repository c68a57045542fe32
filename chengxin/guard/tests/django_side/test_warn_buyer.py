"""Warning the real buyer: a letter in the contact's language, drafted for the rep to edit,
queued through the outbox to a channel of the customer that was on file before the
message arrived; never to the suspicious sender, its domain, or what the message names."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from chengxin.audit.models import AuditEntry
from chengxin.guard import letters
from chengxin.guard.models import AlertStep, Assessment
from chengxin.guard.services.closing import assessment_confirm_safe, assessment_propose_safe
from chengxin.guard.services.warn_buyer import assessment_warn_buyer, warning_channels
from chengxin.outbox.models import OutboundMessage
from chengxin.parties.models import Channel
from chengxin.testing.mail import make_raw

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"
REAL = "anna.schmidt@mueller-maschinen.de"


def _alarm(ingest, **kwargs):
    kwargs.setdefault("sender", LOOKALIKE)
    kwargs.setdefault("text", "We changed our bank account. Reply to anna@pay-desk.example")
    return Assessment.objects.get(message=ingest(make_raw(**kwargs)).message)


def _channel(contact, value, kind="email", *, verified=True):
    """A channel of the contact, verified at once unless ``verified`` is False."""
    from django.utils import timezone

    return Channel.objects.create(
        contact=contact, kind=kind, value=value, verified_at=timezone.now() if verified else None
    )


def _url(assessment):
    return reverse("guard:warn_buyer", args=[assessment.pk])


def test_the_draft_is_in_the_contacts_language_and_goes_to_the_address_on_file(
    client_for, ingest, owner, company, contact, settings
):
    settings.CHENGXIN_COMPANY_PHONE = "+86 571 8765 4321"
    assert contact.language == "de"
    alarm = _alarm(ingest)
    page = client_for(owner).get(_url(alarm))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Warnung: Jemand schreibt uns in Ihrem Namen" in html
    assert "Guten Tag Anna Schmidt" in html
    assert "+86 571 8765 4321" in html  # our verified details
    form = page.context["form"]
    assert [c for c, _label in form.fields["channel"].choices] == [
        Channel.objects.get(value=REAL).pk
    ]

    body = form.initial["body"] + "\n\nPS: Bitte rufen Sie mich an."
    response = client_for(owner).post(
        _url(alarm),
        {"channel": form.initial["channel"], "subject": form.initial["subject"], "body": body},
    )
    assert response.status_code == 302
    outbound = OutboundMessage.objects.get()
    assert outbound.to_address == REAL
    assert outbound.contact == contact and outbound.company == company
    assert outbound.purpose == "guard_buyer_warning"
    assert outbound.body_text.endswith("PS: Bitte rufen Sie mich an.")
    assert "nicht danach" in outbound.body_text  # asks them not to act on such messages
    step = AlertStep.objects.get(assessment=alarm)
    assert step.kind == "buyer_warned" and step.actor == owner
    assert step.details["to"] == REAL and step.details["outbound_id"] == outbound.pk
    assert step.details["language"] == "de"
    assert AuditEntry.objects.filter(object_type="alertstep", actor=owner).exists()
    assert AuditEntry.objects.filter(object_type="outboundmessage", actor=owner).exists()
    owner.language = "en"
    owner.save(update_fields=["language"])
    detail = client_for(owner).get(reverse("mail:message_detail", args=[alarm.message_id]))
    html = detail.content.decode()
    assert 'data-testid="alert-step-buyer_warned"' in html
    delivery = html.split('data-testid="warning-delivery">', 1)[1].split("</div>", 1)[0]
    assert delivery == f"Warning to {REAL}: Queued"
    OutboundMessage.objects.filter(pk=outbound.pk).update(status="sent")
    detail = client_for(owner).get(reverse("mail:message_detail", args=[alarm.message_id]))
    assert f"Warning to {REAL}: Sent" in detail.content.decode()


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "Warning: someone is writing to us in your name"),
        ("zh-hans", "提醒:有人冒充贵司给我们发信"),
        ("fr", "Attention : quelqu'un nous écrit en votre nom"),
        ("es", "Aviso: alguien nos escribe en su nombre"),
        ("pt", "Atenção: alguém nos escreve em seu nome"),
        ("sw", "Warning: someone is writing to us in your name"),  # not a buyer language: English
    ],
)
def test_each_language(client_for, ingest, owner, contact, language, subject):
    contact.language = language
    contact.save(update_fields=["language"])
    alarm = _alarm(ingest)
    assessment_warn_buyer(actor=owner, assessment=alarm, channel=Channel.objects.get(value=REAL))
    assert OutboundMessage.objects.get().subject == subject


def test_never_to_the_sender_its_domain_or_what_the_message_names(
    client_for, ingest, owner, contact
):
    # All on file before the message arrived, yet none of them may carry the warning.
    on_imitating_domain = _channel(contact, "billing@mueiler-maschinen.de")
    on_reply_to_domain = _channel(contact, "anna@reply-desk.example")
    named_in_message = _channel(contact, "anna@pay-desk.example")
    the_sender = _channel(contact, "anna.schmidt@mueiler-maschinen.de")
    alarm = _alarm(ingest, reply_to="Anna <anna.s@reply-desk.example>")
    added_after = _channel(contact, "anna.new@mueller-maschinen.de")
    eligible = list(warning_channels(alarm).values_list("value", flat=True))
    assert eligible == [REAL]
    for channel in (on_imitating_domain, on_reply_to_domain, named_in_message, the_sender,
                    added_after):  # fmt: skip
        response = client_for(owner).post(
            _url(alarm), {"channel": channel.pk, "subject": "Warning", "body": "Beware."}
        )
        assert response.status_code == 422
        with pytest.raises(ValidationError):
            assessment_warn_buyer(actor=owner, assessment=alarm, channel=channel)
    assert not OutboundMessage.objects.exists()
    assert not AlertStep.objects.exists()


def test_no_channel_on_file_says_call_them(client_for, ingest, owner, contact):
    owner.language = "en"
    owner.save(update_fields=["language"])
    Channel.objects.filter(contact=contact, kind="email").delete()
    alarm = _alarm(ingest)
    page = client_for(owner).get(_url(alarm)).content.decode()
    assert 'data-testid="no-channel"' in page and "Call them" in page


def test_who_may_warn(client_for, ingest, owner, colleague, finance, manager, company):
    alarm = _alarm(ingest)
    assert client_for(colleague).get(_url(alarm)).status_code == 404
    # Finance may read the customer's mail but does not write to customers.
    assert client_for(finance).get(_url(alarm)).status_code == 403
    with pytest.raises(PermissionDenied):
        assessment_warn_buyer(
            actor=finance, assessment=alarm, channel=Channel.objects.get(value=REAL)
        )
    assert client_for(manager).get(_url(alarm)).status_code == 200
    company.shared_with.add(colleague)
    assert client_for(colleague).get(_url(alarm)).status_code == 200


def test_not_about_a_message_marked_safe(client_for, ingest, owner, manager, company):
    alarm = _alarm(ingest)
    assessment_propose_safe(actor=owner, assessment=alarm, reason="Called Anna.")
    assessment_confirm_safe(actor=manager, assessment=alarm, reason="Agreed.")
    assert client_for(owner).get(_url(alarm)).status_code == 403
    with pytest.raises(ValidationError):
        assessment_warn_buyer(
            actor=manager, assessment=alarm, channel=Channel.objects.get(value=REAL)
        )


def test_anonymous_goes_to_login(client, ingest, owner, company):
    alarm = _alarm(ingest)
    response = client.get(_url(alarm))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_letter_when_someone_impersonates_us():
    details = letters.OurDetails(
        company="Chengxin Demo Export Co., Ltd.",
        phone="+86 571 8765 4321",
        mail_domains=("chengxin-export.cn",),
    )
    letter = letters.warning_letter(
        language="de",
        name="Anna Schmidt",
        impersonates_us=True,
        address="sales@chengxin-exp0rt.cn",
        subject="Neue Bankverbindung",
        date="2026-03-04 10:30 (Europe/Berlin)",
        details=details,
        sender="Li Na\nChengxin Demo Export Co., Ltd.",
    )
    assert letter.subject == "Warnung: Jemand gibt sich als Chengxin Demo Export Co., Ltd. aus"
    assert "sales@chengxin-exp0rt.cn" in letter.body
    assert "Telefon: +86 571 8765 4321" in letter.body
    assert "@chengxin-export.cn" in letter.body
    assert "Bitte handeln Sie weder nach dieser noch nach einer ähnlichen Nachricht" in letter.body


def test_a_whatsapp_number_on_file_when_whatsapp_is_set_up(ingest, owner, contact, settings):
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = "123"
    settings.CHENGXIN_WHATSAPP_TOKEN = "token"  # noqa: S105 - test value
    on_file = _channel(contact, "+49 171 2345678", kind="whatsapp")
    named = _channel(contact, "+49 171 9999999", kind="whatsapp")
    _channel(contact, "+49 171 5555555", kind="whatsapp", verified=False)  # never on file
    alarm = _alarm(ingest, text="New bank account. Call me on WhatsApp +49 171 9999999 only.")
    eligible = set(warning_channels(alarm).values_list("value", flat=True))
    assert eligible == {REAL, on_file.value}
    assert named.value not in eligible
    assessment_warn_buyer(actor=owner, assessment=alarm, channel=on_file, body="Achtung: …")
    outbound = OutboundMessage.objects.get()
    assert outbound.kind == "whatsapp" and outbound.to_address == "+491712345678"
