"""Every inbound message is assessed; a dangerous one raises the alarm with its reasons
in the user's language, on the message and the customer's page, and notifies the
customer's owner and the managers. Benign mail stays quiet."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chengxin.accounts.models import Role
from chengxin.guard.models import Assessment
from chengxin.inbound.pipeline import message_process
from chengxin.mail.models import LinkReason, Security, Source
from chengxin.mail.services.ingest import Location
from chengxin.mail.services.mailboxes import MailboxInput, mailbox_create
from chengxin.notifications.models import Notification
from chengxin.testing import make_user
from chengxin.testing.mail import make_raw

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"
BANK_CHANGE = (
    "Dear Li Na,\n\nplease note that we changed our bank account. Pay the balance for "
    "order 4711 to our new account IBAN DE89 3704 0044 0532 0130 00 today.\n\nAnna"
)
SENTENCE = (
    "The sender's domain mueIler-maschinen.de looks like mueller-maschinen.de "
    "(I [LATIN CAPITAL LETTER I] looks like l [LATIN SMALL LETTER L]), "
    "the domain of Müller Maschinenbau GmbH"
)


@pytest.fixture
def lookalike(ingest, company, manager, second_manager):
    message = ingest(make_raw(sender=LOOKALIKE, text=BANK_CHANGE)).message
    message.refresh_from_db()
    return message


def test_a_lookalike_of_a_customers_domain_is_high_risk(lookalike, company):
    assessment = Assessment.objects.get(message=lookalike)
    assert assessment.level in ("high", "critical")
    assert assessment.score >= 50
    codes = [signal["code"] for signal in assessment.signals]
    assert codes[0] == "lookalike_homoglyph"
    assert assessment.signals[0]["params"]["known_domain"] == "mueller-maschinen.de"
    assert assessment.engine_version


def test_the_imitated_customer_gets_the_message(lookalike, company):
    assert lookalike.company == company
    assert lookalike.contact is None
    assert lookalike.link_reason == LinkReason.LOOKALIKE


def test_the_owner_and_every_manager_are_notified(
    lookalike, owner, manager, second_manager, colleague, finance
):
    notified = set(Notification.objects.values_list("user__username", flat=True))
    assert notified == {"owner", "manager", "manager2"}
    notification = Notification.objects.get(user=owner)
    assert notification.kind == "guard.alert"
    assert "anna.schmidt@mueiler-maschinen.de" in notification.title
    assert notification.link == reverse("mail:message_detail", args=[lookalike.pk])
    assert "mueller-maschinen.de" in notification.body


def test_the_notification_is_in_each_recipients_language(
    ingest, company, owner, manager, client_for
):
    owner.language = "en"
    owner.save(update_fields=["language"])
    manager.language = "zh-hans"
    manager.save(update_fields=["language"])
    ingest(make_raw(sender=LOOKALIKE, text=BANK_CHANGE))
    url = reverse("notifications:notification_list")
    english = client_for(owner).get(url).content.decode()
    assert "Possible fraud (critical risk): message from anna.schmidt@mueiler-maschinen.de" in (
        english
    )
    chinese = client_for(manager).get(url).content.decode()
    assert "疑似诈骗（极高风险）：来自 anna.schmidt@mueiler-maschinen.de 的邮件" in chinese
    # The signals are sentences in the reader's language too.
    assert "asks to change bank or payment details" in english
    assert "asks to change bank or payment details" not in chinese


def test_the_message_page_explains_why_in_english(client_for, owner, lookalike):
    owner.language = "en"
    owner.save(update_fields=["language"])
    html = client_for(owner).get(reverse("mail:message_detail", args=[lookalike.pk])).content
    html = html.decode()
    assert 'data-testid="guard-banner"' in html
    assert "fraud risk" in html
    signals = html.split('data-testid="signals"', 1)[1].split("</ul>", 1)[0]
    assert SENTENCE.replace("'", "&#x27;") in signals
    assert "asks to change bank or payment details" in signals


def test_the_company_page_shows_a_red_banner(client_for, owner, company, lookalike):
    owner.language = "en"
    owner.save(update_fields=["language"])
    html = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    banner = html.content.decode().split('data-testid="guard-banner"', 1)[1].split("</div>", 1)[0]
    assert "Possible fraud: 1 message about this customer needs checking." in banner
    assert reverse("mail:message_detail", args=[lookalike.pk]) in banner


def test_benign_mail_from_the_known_contact_is_low_and_quiet(
    client_for, ingest, owner, manager, company
):
    message = ingest(make_raw()).message
    assessment = Assessment.objects.get(message=message)
    assert assessment.level == "low"
    assert assessment.score < 25
    assert not Notification.objects.exists()
    page = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    assert 'data-testid="guard-banner"' not in page.content.decode()
    detail = client_for(owner).get(reverse("mail:message_detail", args=[message.pk]))
    assert 'data-testid="guard-banner"' not in detail.content.decode()


def test_a_thread_of_benign_replies_stays_quiet(ingest, owner, manager, company):
    first = ingest(make_raw(message_id="<t1@mueller-maschinen.de>")).message
    for n in range(2, 6):
        ingest(
            make_raw(
                subject="Re: Order 4711: delivery schedule",
                message_id=f"<t{n}@mueller-maschinen.de>",
                in_reply_to=f"<t{n - 1}@mueller-maschinen.de>",
                text=f"Thanks, confirmed for week {n + 10}.",
            )
        )
    assert set(Assessment.objects.values_list("level", flat=True)) == {"low"}
    assert not Notification.objects.exists()
    assert first.thread.messages.count() == 5


def test_first_message_from_an_address_is_said_once(ingest, company):
    first = ingest(make_raw(sender="new.buyer@new-prospect.example", subject="Inquiry")).message
    second = ingest(make_raw(sender="new.buyer@new-prospect.example", subject="Inquiry 2")).message
    first_codes = [s["code"] for s in first.assessment.signals]
    second_codes = [s["code"] for s in Assessment.objects.get(message=second).signals]
    assert "first_contact" in first_codes
    assert "first_contact" not in second_codes


def test_a_flagged_sender_is_not_vouched_for_by_its_own_earlier_mail(ingest, company, manager):
    ingest(make_raw(sender=LOOKALIKE, text=BANK_CHANGE))
    again = ingest(make_raw(sender=LOOKALIKE, subject="Did you pay?")).message
    codes = [s["code"] for s in Assessment.objects.get(message=again).signals]
    assert "first_contact" in codes


def test_a_lookalike_of_our_own_domain_alerts_the_mailbox_owner(
    ingest, owner, manager, db, settings
):
    settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS = True  # the mailbox is on loopback
    mailbox = mailbox_create(
        actor=owner,
        data=MailboxInput("Li Na", "127.0.0.1", 1, Security.NONE, "li.na", "pw"),
    )
    message = ingest(
        make_raw(
            sender="Wang Wei <wang.wei@chengxin-exp0rt.cn>",
            text="Please send me the customer list and the bank details today. Confidential.",
        ),
        source=Source.IMAP,
        mailbox=mailbox,
        location=Location("INBOX", 1, 1),
    ).message
    assessment = Assessment.objects.get(message=message)
    assert assessment.level in ("high", "critical")
    assert assessment.signals[0]["params"]["relation"] == "own"
    message.refresh_from_db()
    assert message.company is None
    assert set(Notification.objects.values_list("user__username", flat=True)) == {
        "owner",
        "manager",
    }


def test_reassessing_does_not_notify_twice(lookalike):
    assert Notification.objects.count() == 3
    message_process(message=lookalike)
    assert Notification.objects.count() == 3
    assert Assessment.objects.filter(message=lookalike).count() == 1


def test_mail_from_a_new_domain_of_a_customer_is_known_once_the_domain_is_added(
    ingest, owner, company
):
    from chengxin.parties.services.domains import company_domain_add

    message = ingest(make_raw(sender="anna@mueller-group.de")).message
    assert message.company is None
    company_domain_add(actor=owner, company=company, domain="mueller-group.de")
    lookalike = ingest(make_raw(sender="anna@mueIler-group.de", subject="x")).message
    codes = [s["code"] for s in Assessment.objects.get(message=lookalike).signals]
    assert "lookalike_homoglyph" in codes


def test_the_message_page_explains_why_in_chinese(client_for, owner, lookalike):
    owner.language = "zh-hans"
    owner.save(update_fields=["language"])
    html = client_for(owner).get(reverse("mail:message_detail", args=[lookalike.pk])).content
    signals = html.decode().split('data-testid="signals"', 1)[1].split("</ul>", 1)[0]
    assert "发件人域名 mueIler-maschinen.de 看起来很像 mueller-maschinen.de" in signals
    assert "Müller Maschinenbau GmbH" in signals
    assert "looks like" not in signals


def test_our_general_managers_name_from_a_free_mail_address(ingest, manager, company):
    """CEO fraud: the boss's name, an address nobody knows, a payment to make."""
    make_user(
        Role.MANAGER,
        username="gm",
        first_name="Wei",
        last_name="Wang",
        email="wang.wei@chengxin-export.cn",
    )
    message = ingest(
        make_raw(
            sender="Wei Wang <wang.wei.gm@gmail.com>",
            to="finance@chengxin-export.cn",
            subject="Urgent payment",
            text="Please transfer USD 48,000 to the account below today. Keep it confidential.",
        )
    ).message
    assessment = Assessment.objects.get(message=message)
    codes = [s["code"] for s in assessment.signals]
    assert "display_name_known_contact" in codes
    assert assessment.level in ("medium", "high", "critical")


def test_the_latin_name_our_people_sign_with_is_known_too(ingest, manager, company):
    """A rep signs English letters "Nina Li": an unknown address using it is suspect."""
    make_user(
        Role.SALES,
        username="li.na",
        first_name="娜",
        last_name="李",
        name_chinese="李娜",
        name_latin="Nina Li",
        email="li.na@chengxin-export.cn",
    )
    message = ingest(
        make_raw(
            sender="Nina Li <nina.li.export@gmail.com>",
            to="finance@chengxin-export.cn",
            subject="Urgent payment",
            text="Please transfer USD 48,000 to the account below today. Keep it confidential.",
        )
    ).message
    codes = [s["code"] for s in Assessment.objects.get(message=message).signals]
    assert "display_name_known_contact" in codes


def test_the_alert_list_has_no_n_plus_one(client_for, ingest, owner, company):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(owner)
    ingest(make_raw(sender=LOOKALIKE, text=BANK_CHANGE, subject="alarm 0"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("guard:alert_list"))
    for n in range(1, 6):
        ingest(
            make_raw(sender=f"anna{n}@mueIler-maschinen.de", text=BANK_CHANGE, subject=f"alarm {n}")
        )
    with CaptureQueriesContext(connection) as six:
        html = client.get(reverse("guard:alert_list")).content.decode()
    assert len(six) == len(one)
    assert all(f"alarm {n}" in html for n in range(6))


def test_an_uploaded_dangerous_message_alerts_the_uploader(ingest, colleague, manager, db):
    ingest(
        make_raw(
            sender="Wang Wei <wang.wei@chengxin-exp0rt.cn>",
            text="Please send me the customer list and the bank details today. Confidential.",
        ),
        source=Source.UPLOAD,
        uploaded_by=colleague,
    )
    assert set(Notification.objects.values_list("user__username", flat=True)) == {
        "colleague",
        "manager",
    }
