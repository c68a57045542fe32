"""An alert shows the bank details it found (in the text and in attachments): masked for
sales, in full for finance and managers. Finance sees and is told about alerts that carry
bank details not on file; other alerts stay as they were for finance."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chengxin.guard.models import Assessment, FoundBankDetail
from chengxin.notifications.models import Notification
from chengxin.testing.mail import make_raw

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"
IBAN_TEXT = (
    "Dear Li Na,\n\nplease note that we changed our bank account. Pay the balance for order "
    "4711 to our new account IBAN DE89 3704 0044 0532 0130 00 today.\n\nAnna"
)
FULL = "DE89 3704 0044 0532 0130 00"
# A lookalike of our own domain (offline_guard sets chengxin-export.cn as ours): about no
# customer, so only managers and the mailbox's people would see it without bank details.
OWN_LOOKALIKE = "Li Na <li.na@chengxin-exp0rt.cn>"


def _bank_rows(html: str) -> str:
    return html.split('data-testid="bank-details"', 1)[1].split("</table>", 1)[0]


def _page(client, message):
    return client.get(reverse("mail:message_detail", args=[message.pk])).content.decode()


@pytest.fixture
def with_iban(ingest, company):
    return ingest(make_raw(sender=LOOKALIKE, subject="New account", text=IBAN_TEXT)).message


def test_sales_see_the_last_four_finance_and_managers_in_full(
    client_for, owner, finance, manager, with_iban
):
    owner_rows = _bank_rows(_page(client_for(owner), with_iban))
    assert "···· 3000" in owner_rows and FULL not in owner_rows
    assert "0532" not in owner_rows
    for user in (finance, manager):
        rows = _bank_rows(_page(client_for(user), with_iban))
        assert FULL in rows and "···· 3000" not in rows
        assert "Commerzbank" in rows


def test_the_number_is_stored_encrypted_with_the_keyed_digest(with_iban):
    from chengxin.core import bank_numbers as numbers

    row = FoundBankDetail.objects.get(assessment__message=with_iban)
    assert row.kind == "iban" and row.last4 == "3000" and not row.on_file
    assert "DE89" not in row.value_encrypted
    assert row.number_digest == numbers.digest("DE89370400440532013000")
    assert row.domestic_digest == numbers.digest("532013000")


def test_bank_details_in_an_attachment_are_shown_with_its_name(
    client_for, ingest, manager, company
):
    message = ingest(
        make_raw(
            sender=LOOKALIKE,
            subject="Invoice 4711",
            text="Please pay the attached invoice to our new account today.",
            attachments=[
                ("invoice.txt", "text/plain", b"Beneficiary IBAN: GB29 NWBK 6016 1331 9268 19")
            ],
        )
    ).message
    assessment = Assessment.objects.get(message=message)
    assert assessment.carries_bank_details
    rows = _bank_rows(_page(client_for(manager), message))
    assert "GB29 NWBK 6016 1331 9268 19" in rows and "invoice.txt" in rows


def test_finance_is_told_about_alerts_with_bank_details_only(ingest, finance, manager, company):
    ingest(make_raw(sender=LOOKALIKE, subject="Hello", text="We changed our bank account."))
    assert not Notification.objects.filter(user=finance).exists()
    assert Notification.objects.filter(user=manager).count() == 1
    ingest(make_raw(sender=LOOKALIKE, subject="New account", text=IBAN_TEXT))
    notification = Notification.objects.get(user=finance)
    assert notification.kind == "guard.alert"
    assert Notification.objects.filter(user=manager).count() == 2


def test_finance_sees_an_alert_about_no_customer_when_it_carries_bank_details(
    client_for, ingest, finance, company
):
    plain = ingest(
        make_raw(sender=OWN_LOOKALIKE, subject="Our bank changed", text="We changed our bank.")
    ).message
    with_bank = ingest(
        make_raw(sender=OWN_LOOKALIKE, subject="Pay here now", text=IBAN_TEXT)
    ).message
    for message in (plain, with_bank):
        message.refresh_from_db()
        assert message.company_id is None
        assert Assessment.objects.get(message=message).is_alarming
    client = client_for(finance)
    alerts = client.get(reverse("guard:alert_list")).content.decode()
    assert "Pay here now" in alerts and 'data-testid="bank-details-badge"' in alerts
    assert "Our bank changed" not in alerts  # without bank details: as before
    assert client.get(reverse("mail:message_detail", args=[with_bank.pk])).status_code == 200
    assert client.get(reverse("mail:message_detail", args=[plain.pk])).status_code == 404


def test_a_sales_colleague_still_sees_no_alert_of_someone_elses_customer(
    client_for, colleague, with_iban
):
    page = client_for(colleague).get(reverse("guard:alert_list")).content.decode()
    assert "New account" not in page
    assert (
        client_for(colleague).get(reverse("mail:message_detail", args=[with_iban.pk])).status_code
        == 404
    )
