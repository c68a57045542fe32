"""Closing an alert as fraud: a reason, by the customer's owner, a manager, or finance when
the message names bank details; the sender's address and domain are then blocked for the
customer and any later message from them is critical, saying who confirmed it, when and
why. Audited, shown on the alert, and never both safe and fraud."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from chengxin.audit.models import AuditEntry
from chengxin.guard.models import AlertStep, Assessment, BlockedSender
from chengxin.guard.selectors import alarming_messages
from chengxin.guard.services.closing import (
    assessment_confirm_fraud,
    assessment_confirm_safe,
    assessment_propose_safe,
)
from chengxin.testing import speak_english, user_today
from chengxin.testing.mail import make_raw

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"
BANK_CHANGE = (
    "Dear Li Na,\n\nplease note that we changed our bank account. Pay the balance for order "
    "4711 to our new account IBAN DE89 3704 0044 0532 0130 00 today.\n\nAnna"
)
REASON = "Anna confirmed by phone (+49 30 901820) that she never sent it."


def _confirm_fraud(client, assessment, reason=REASON):
    return client.post(reverse("guard:confirm_fraud", args=[assessment.pk]), {"reason": reason})


def test_the_owner_confirms_fraud_and_the_sender_is_blocked(client_for, owner, company, alarm):
    response = _confirm_fraud(client_for(owner), alarm)
    assert response.status_code == 302
    assert response["Location"] == reverse("mail:message_detail", args=[alarm.message_id])
    alarm.refresh_from_db()
    assert alarm.is_fraud_confirmed and alarm.fraud_confirmed_by == owner
    assert alarm.fraud_reason == REASON
    blocks = set(BlockedSender.objects.values_list("company_id", "kind", "value", "reason"))
    assert blocks == {
        (company.pk, "address", "anna.schmidt@mueiler-maschinen.de", REASON),
        (company.pk, "domain", "mueiler-maschinen.de", REASON),
    }
    step = AlertStep.objects.get(assessment=alarm)
    assert (step.kind, step.actor, step.reason) == ("fraud_confirmed", owner, REASON)
    # Audited: the assessment, the step and both blocks, in the customer's history.
    entries = AuditEntry.objects.filter(actor=owner, company_id=company.pk)
    assert set(entries.values_list("object_type", "action")) >= {
        ("assessment", "update"),
        ("alertstep", "create"),
        ("blockedsender", "create"),
    }
    assert entries.filter(object_type="blockedsender").count() == 2
    assessment_entry = entries.get(object_type="assessment")
    assert assessment_entry.after["fraud_reason"] == REASON


def test_the_alert_shows_it_and_leaves_the_open_alerts(client_for, owner, company, alarm):
    speak_english(owner)
    _confirm_fraud(client_for(owner), alarm)
    page = client_for(owner).get(reverse("mail:message_detail", args=[alarm.message_id]))
    html = page.content.decode()
    assert 'data-testid="fraud-badge"' in html
    assert "confirmed on" in html and "that this message is fraudulent" in html
    steps = html.split('data-testid="alert-steps"', 1)[1].split("</ol>", 1)[0]
    assert 'data-testid="alert-step-fraud_confirmed"' in steps and REASON in steps
    assert "Domain blocked for this customer: mueiler-maschinen.de" in steps
    assert 'data-testid="confirm-fraud"' not in html and 'data-testid="propose-safe"' not in html
    assert not alarming_messages(user=owner).exists()
    company_page = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    assert "Possible fraud:" not in company_page.content.decode()


def test_a_reason_is_required(client_for, owner, alarm):
    speak_english(owner)
    response = _confirm_fraud(client_for(owner), alarm, reason=" \n ")
    alarm.refresh_from_db()
    assert not alarm.is_fraud_confirmed
    assert not BlockedSender.objects.exists()
    assert "Give a reason." in client_for(owner).get(response["Location"]).content.decode()


def test_later_mail_from_the_address_and_the_domain_is_critical(
    client_for, ingest, owner, manager, company, alarm
):
    speak_english(owner, manager)
    owner.first_name, owner.last_name = "Li", "Na"
    owner.save(update_fields=["first_name", "last_name"])
    _confirm_fraud(client_for(owner), alarm)
    today = user_today(manager).isoformat()  # the page shows the viewer's date

    # The same address, now with a harmless text and a Reply-To elsewhere.
    again = ingest(make_raw(sender=LOOKALIKE, subject="Hello", text="How are you?\n\nAnna")).message
    assessment = Assessment.objects.get(message=again)
    assert assessment.level == "critical" and assessment.score == 100
    codes = [s["code"] for s in assessment.signals]
    assert codes[:2] == ["domain_confirmed_fraud", "sender_confirmed_fraud"]
    page = client_for(manager).get(reverse("mail:message_detail", args=[again.pk]))
    signals = page.content.decode().split('data-testid="signals"', 1)[1].split("</ul>", 1)[0]
    expected = (
        f"The sender anna.schmidt@mueiler-maschinen.de was confirmed fraudulent on {today} "
        f"by Li Na: {REASON}"
    )
    assert expected.replace("'", "&#x27;") in signals

    # Another address on the same domain (another host of it, even).
    other = ingest(
        make_raw(sender="Buchhaltung <accounts@mail.mueIler-maschinen.de>", text="Hi.")
    ).message
    other.refresh_from_db()
    assessment = Assessment.objects.get(message=other)
    assert assessment.level == "critical"
    assert "domain_confirmed_fraud" in [s["code"] for s in assessment.signals]
    assert other.company == company  # shown with the customer, so everyone sees it
    # and it is an open alert again, for everyone who sees the customer.
    assert alarming_messages(user=owner).filter(pk=other.pk).exists()


def test_genuine_mail_from_the_customer_stays_quiet(client_for, ingest, owner, alarm):
    _confirm_fraud(client_for(owner), alarm)
    genuine = ingest(make_raw()).message
    assert Assessment.objects.get(message=genuine).level == "low"


def test_a_public_mail_domain_is_never_blocked(client_for, ingest, owner, company, manager):
    message = ingest(
        make_raw(sender="Anna Schmidt <anna.schmidt.muller@gmail.com>", text=BANK_CHANGE)
    ).message
    assessment = Assessment.objects.get(message=message)
    assert assessment.is_alarming
    _confirm_fraud(client_for(owner), assessment)
    assert set(BlockedSender.objects.values_list("kind", "value")) == {
        ("address", "anna.schmidt.muller@gmail.com")
    }
    step = AlertStep.objects.get(assessment=assessment)
    assert step.details["not_blocked"] == [
        {"kind": "domain", "value": "gmail.com", "why": "public_mail"}
    ]
    stranger = ingest(make_raw(sender="Someone <someone.else@gmail.com>", text="Hi")).message
    assert "domain_confirmed_fraud" not in [
        s["code"] for s in Assessment.objects.get(message=stranger).signals
    ]


def test_a_sales_rep_without_rights_is_refused(client_for, colleague, company, alarm):
    # Cannot read it: 404.
    assert _confirm_fraud(client_for(colleague), alarm).status_code == 404
    # May read and edit it (shared), but is neither the owner nor a manager: 403.
    company.shared_with.add(colleague)
    assert _confirm_fraud(client_for(colleague), alarm).status_code == 403
    alarm.refresh_from_db()
    assert not alarm.is_fraud_confirmed and not BlockedSender.objects.exists()


def test_finance_only_where_the_message_names_bank_details(
    client_for, ingest, finance, company, alarm
):
    assert not alarm.carries_bank_details
    assert _confirm_fraud(client_for(finance), alarm).status_code == 403
    with_iban = Assessment.objects.get(
        message=ingest(make_raw(sender=LOOKALIKE, subject="Pay", text=BANK_CHANGE)).message
    )
    assert with_iban.carries_bank_details
    assert _confirm_fraud(client_for(finance), with_iban).status_code == 302
    with_iban.refresh_from_db()
    assert with_iban.fraud_confirmed_by == finance


def test_a_manager_may_confirm_fraud(client_for, manager, alarm):
    assert _confirm_fraud(client_for(manager), alarm).status_code == 302
    alarm.refresh_from_db()
    assert alarm.fraud_confirmed_by == manager


def test_anonymous_is_sent_to_login_and_get_is_refused(client, client_for, owner, alarm):
    url = reverse("guard:confirm_fraud", args=[alarm.pk])
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client_for(owner).get(url).status_code == 405


def test_never_both_safe_and_fraud(owner, manager, alarm):
    assessment_propose_safe(actor=owner, assessment=alarm, reason="Looked fine to me.")
    assessment_confirm_fraud(actor=manager, assessment=alarm, reason=REASON)
    with pytest.raises(ValidationError):
        assessment_confirm_safe(actor=manager, assessment=alarm, reason="Sure.")
    alarm.refresh_from_db()
    assert alarm.is_fraud_confirmed and not alarm.is_marked_safe
    # And the database holds it too.
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=alarm.pk).update(
            safe_confirmed_by=manager, safe_confirmed_at=timezone.now()
        )


def test_a_message_marked_safe_cannot_be_closed_as_fraud(owner, manager, alarm):
    assessment_propose_safe(actor=owner, assessment=alarm, reason="Called Anna.")
    assessment_confirm_safe(actor=manager, assessment=alarm, reason="Agreed.")
    with pytest.raises(ValidationError):
        assessment_confirm_fraud(actor=manager, assessment=alarm, reason=REASON)
    assert not BlockedSender.objects.exists()


def test_the_service_refuses_what_the_page_refuses(colleague, company, alarm):
    company.shared_with.add(colleague)
    with pytest.raises(PermissionDenied):
        assessment_confirm_fraud(actor=colleague, assessment=alarm, reason=REASON)


def test_the_same_person_can_never_do_both_halves_of_safe(owner, manager, alarm):
    assessment_propose_safe(actor=manager, assessment=alarm, reason="Called Anna.")
    with pytest.raises(PermissionDenied):
        assessment_confirm_safe(actor=manager, assessment=alarm, reason="And I agree.")
    # Not even by writing to the database directly.
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=alarm.pk).update(
            safe_confirmed_by=manager, safe_confirmed_at=timezone.now()
        )


def test_a_second_tab_with_a_stale_page_is_refused(owner, manager, alarm):
    """Both opened the alert before either acted: the second finds it already proposed."""
    stale = Assessment.objects.get(pk=alarm.pk)
    assessment_propose_safe(actor=owner, assessment=alarm, reason="Called Anna.")
    with pytest.raises(ValidationError) as refused:
        assessment_propose_safe(actor=manager, assessment=stale, reason="Me too.")
    assert refused.value.code == "proposed"
    stale_again = Assessment.objects.get(pk=alarm.pk)
    assessment_confirm_fraud(actor=manager, assessment=alarm, reason=REASON)
    with pytest.raises(ValidationError) as refused:
        assessment_confirm_safe(actor=manager, assessment=stale_again, reason="Safe.")
    assert refused.value.code == "closed"
    alarm.refresh_from_db()
    assert alarm.safe_proposed_by == owner and not alarm.is_marked_safe


def _at_once(*calls) -> list[str]:
    """Run the calls in threads released together; each one's outcome."""
    start = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(call) -> None:
        try:
            start.wait()
            call()
            outcomes.append("done")
        except (ValidationError, PermissionDenied) as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_people_at_once_one_wins(ingest, company, owner, manager, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time through (IMMEDIATE transactions)")
    from chengxin.accounts.models import Role
    from chengxin.testing import make_user

    second = make_user(Role.MANAGER, username="manager2")
    alarm = Assessment.objects.get(
        message=ingest(make_raw(sender=LOOKALIKE, text="We changed our bank account.")).message
    )
    # Two people propose it safe at the same moment: one proposal, one refusal.
    outcomes = _at_once(
        lambda: assessment_propose_safe(actor=owner, assessment=alarm, reason="Called."),
        lambda: assessment_propose_safe(actor=second, assessment=alarm, reason="Called too."),
    )
    assert outcomes == ["ValidationError", "done"]
    # One confirms safe while another confirms fraud: exactly one closes it.
    outcomes = _at_once(
        lambda: assessment_confirm_safe(actor=manager, assessment=alarm, reason="Safe."),
        lambda: assessment_confirm_fraud(actor=manager, assessment=alarm, reason=REASON),
    )
    assert outcomes == ["ValidationError", "done"]
    alarm.refresh_from_db()
    assert alarm.is_marked_safe != alarm.is_fraud_confirmed
    assert AlertStep.objects.filter(assessment=alarm).count() == 2


def test_mail_already_received_from_the_sender_is_assessed_again(
    ingest, owner, company, alarm, django_capture_on_commit_callbacks
):
    earlier = ingest(
        make_raw(sender="Buchhaltung <accounts@mueIler-maschinen.de>", text="Hello.")
    ).message
    before = Assessment.objects.get(message=earlier)
    assert before.is_alarming and before.score < 100
    with django_capture_on_commit_callbacks(execute=True):
        assessment_confirm_fraud(actor=owner, assessment=alarm, reason=REASON)
    after = Assessment.objects.get(message=earlier)
    assert after.level == "critical" and after.score == 100
    assert "domain_confirmed_fraud" in [s["code"] for s in after.signals]
    assert not after.is_fraud_confirmed  # still open: someone closes it


def test_the_alert_offers_each_person_what_they_may_do(
    client_for, owner, colleague, finance, manager, company, alarm
):
    def offered(user):
        html = client_for(user).get(reverse("mail:message_detail", args=[alarm.message_id]))
        html = html.content.decode()
        return {
            name
            for name in ("propose-safe", "confirm-safe", "confirm-fraud", "warn-buyer")
            if f'data-testid="{name}"' in html
        }

    assert offered(owner) == {"propose-safe", "confirm-fraud", "warn-buyer"}
    assert offered(manager) == {"propose-safe", "confirm-fraud", "warn-buyer"}
    assert offered(finance) == {"propose-safe"}  # no bank details in this one
    company.shared_with.add(colleague)
    assert offered(colleague) == {"propose-safe", "warn-buyer"}
    assessment_propose_safe(actor=owner, assessment=alarm, reason="Called Anna.")
    assert offered(owner) == {"confirm-fraud", "warn-buyer"}  # not their own proposal
    assert offered(manager) == {"confirm-safe", "confirm-fraud", "warn-buyer"}


def test_the_block_survives_a_merge_of_the_customer(ingest, owner, manager, company, alarm):
    from chengxin.parties.services.merge import company_merge
    from chengxin.testing import make_company

    assessment_confirm_fraud(actor=owner, assessment=alarm, reason=REASON)
    keep = make_company(actor=owner, name="Müller Holding GmbH", email="info@mueller-holding.de")
    company_merge(actor=manager, keep=keep, other=company)
    again = ingest(make_raw(sender=LOOKALIKE, subject="Hello", text="How are you?")).message
    again.refresh_from_db()
    assert again.company == keep
    assessment = Assessment.objects.get(message=again)
    assert assessment.level == "critical"
    assert "sender_confirmed_fraud" in [s["code"] for s in assessment.signals]
