"""A high-risk message is marked safe only by two different people, each with a reason: one
proposes, a manager or the customer's owner confirms. Each step is recorded in the audit
trail and shown on the alert."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chengxin.audit.models import AuditEntry
from chengxin.guard.models import Assessment
from chengxin.testing.mail import make_raw

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"


def _propose(client, assessment, reason="Called Anna on the number on file: genuine."):
    return client.post(reverse("guard:propose_safe", args=[assessment.pk]), {"reason": reason})


def _confirm(client, assessment, reason="Checked the call notes: agreed."):
    return client.post(reverse("guard:confirm_safe", args=[assessment.pk]), {"reason": reason})


def test_owner_proposes_and_a_manager_confirms(client_for, owner, manager, alarm):
    owner_client = client_for(owner)
    response = _propose(owner_client, alarm)
    assert response.status_code == 302
    assert response["Location"] == reverse("mail:message_detail", args=[alarm.message_id])
    alarm.refresh_from_db()
    assert alarm.safe_proposed_by == owner and alarm.safe_proposed_at
    assert not alarm.is_marked_safe
    page = client_for(owner).get(response["Location"]).content.decode()
    assert 'data-testid="guard-banner"' in page  # one person is not enough

    assert _confirm(client_for(manager), alarm).status_code == 302
    alarm.refresh_from_db()
    assert alarm.safe_confirmed_by == manager and alarm.is_marked_safe
    page = client_for(owner).get(response["Location"]).content.decode()
    assert 'data-testid="guard-banner"' not in page
    company_page = client_for(owner).get(
        reverse("parties:company_detail", args=[alarm.message.company_id])
    )
    assert 'data-testid="guard-banner"' not in company_page.content.decode()

    entries = AuditEntry.objects.filter(object_type="assessment", object_id=str(alarm.pk))
    assert [
        (e.actor_id, e.after["safe_confirmed_by"], e.after["safe_confirmed_reason"])
        for e in entries
    ] == [
        (owner.pk, None, ""),
        (manager.pk, manager.pk, "Checked the call notes: agreed."),
    ]
    assert entries[0].after["safe_proposed_reason"] == "Called Anna on the number on file: genuine."
    assert entries[0].company_id == alarm.message.company_id
    steps = AuditEntry.objects.filter(object_type="alertstep").values_list("actor_id", flat=True)
    assert list(steps) == [owner.pk, manager.pk]


def test_each_step_needs_a_reason(client_for, owner, manager, alarm):
    owner.language = "en"
    owner.save(update_fields=["language"])
    response = _propose(client_for(owner), alarm, reason="   ")
    alarm.refresh_from_db()
    assert alarm.safe_proposed_by is None
    page = client_for(owner).get(response["Location"]).content.decode()
    assert "Give a reason." in page
    _propose(client_for(owner), alarm)
    _confirm(client_for(manager), alarm, reason="")
    alarm.refresh_from_db()
    assert alarm.safe_proposed_by == owner and not alarm.is_marked_safe


def test_the_steps_are_shown_on_the_alert(client_for, owner, manager, alarm):
    _propose(client_for(owner), alarm, reason="Anna confirmed by phone.")
    _confirm(client_for(manager), alarm, reason="I listened to the call.")
    page = client_for(owner).get(reverse("mail:message_detail", args=[alarm.message_id]))
    steps = page.content.decode().split('data-testid="alert-steps"', 1)[1].split("</ol>", 1)[0]
    assert 'data-testid="alert-step-safe_proposed"' in steps
    assert 'data-testid="alert-step-safe_confirmed"' in steps
    assert "Anna confirmed by phone." in steps and "I listened to the call." in steps
    assert steps.index("Anna confirmed") < steps.index("I listened")


def test_the_same_person_cannot_confirm_their_own_proposal(client_for, owner, manager, alarm):
    client = client_for(manager)
    _propose(client, alarm)
    assert _confirm(client, alarm).status_code == 403
    alarm.refresh_from_db()
    assert alarm.safe_proposed_by == manager and not alarm.is_marked_safe


def test_a_manager_proposes_and_the_owner_confirms(client_for, owner, manager, alarm):
    _propose(client_for(manager), alarm)
    _confirm(client_for(owner), alarm)
    alarm.refresh_from_db()
    assert alarm.safe_confirmed_by == owner


def test_a_shared_colleague_may_propose_but_not_confirm(
    client_for, owner, colleague, company, alarm
):
    company.shared_with.add(colleague)
    _propose(client_for(owner), alarm)
    assert _confirm(client_for(colleague), alarm).status_code == 403
    alarm.refresh_from_db()
    assert not alarm.is_marked_safe


def test_nothing_to_confirm_before_a_proposal(client_for, manager, alarm):
    manager.language = "en"
    manager.save(update_fields=["language"])
    response = client_for(manager).post(
        reverse("guard:confirm_safe", args=[alarm.pk]), {"reason": "Looks fine."}, follow=True
    )
    assert "Someone must first propose to mark it safe." in response.content.decode()
    alarm.refresh_from_db()
    assert alarm.safe_confirmed_at is None


def test_a_low_risk_message_needs_no_marking(client_for, owner, ingest, company):
    message = ingest(make_raw()).message
    assessment = Assessment.objects.get(message=message)
    _propose(client_for(owner), assessment)
    assessment.refresh_from_db()
    assert assessment.safe_proposed_by is None


def test_colleague_without_rights_gets_404(client_for, owner, colleague, alarm):
    client = client_for(colleague)
    assert _propose(client, alarm).status_code == 404
    _propose(client_for(owner), alarm)
    assert _confirm(client_for(colleague), alarm).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anonymous_and_outsider_are_sent_to_login(client, who, outsider, alarm):
    if who == "outsider":
        client.force_login(outsider)
    for url in (
        reverse("guard:propose_safe", args=[alarm.pk]),
        reverse("guard:confirm_safe", args=[alarm.pk]),
    ):
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.get(reverse("guard:alert_list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_wrong_method_gets_405(client_for, owner, alarm):
    client = client_for(owner)
    assert client.get(reverse("guard:propose_safe", args=[alarm.pk])).status_code == 405
    assert client.get(reverse("guard:confirm_safe", args=[alarm.pk])).status_code == 405
    assert client.post(reverse("guard:alert_list")).status_code == 405


def test_the_alert_list_shows_open_alerts_to_those_who_may_see_them(
    client_for, owner, colleague, manager, alarm
):
    owner_page = client_for(owner).get(reverse("guard:alert_list")).content.decode()
    assert "anna.schmidt@mueiler-maschinen.de" in owner_page.lower()
    colleague_page = client_for(colleague).get(reverse("guard:alert_list")).content.decode()
    assert "mueiler-maschinen.de" not in colleague_page.lower()
    _propose(client_for(owner), alarm)
    _confirm(client_for(manager), alarm)
    owner_page = client_for(owner).get(reverse("guard:alert_list")).content.decode()
    assert "mueiler-maschinen.de" not in owner_page.lower()
