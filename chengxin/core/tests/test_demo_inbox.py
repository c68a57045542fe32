"""The demo's inbox and its pending approvals: a newcomer opens a fraud alert, a change
request and a task, and every item waiting for a second person has someone who may give it."""

import io

import pytest
from django.core.management import call_command
from schwifty import IBAN

from chengxin.accounts.models import User
from chengxin.banking.models import BankAccount, State
from chengxin.banking.permissions import APPROVER_ROLES, can_approve, can_verify
from chengxin.changes.models import OPEN_STATES, ChangeRequest
from chengxin.core.demo_mail import IMPOSTOR_IBAN, lookalike_of
from chengxin.guard.models import ALARMING_LEVELS, Assessment
from chengxin.guard.services import responsible_owner
from chengxin.mail.models import Message
from chengxin.notifications.models import Notification
from chengxin.outbox.models import OutboundMessage
from chengxin.parties.models import Channel, CompanyDomain
from chengxin.todos.models import Todo


def test_a_lookalike_changes_one_letter_for_one_that_looks_like_it():
    assert lookalike_of("hammer-licht.de") == "harnmer-licht.de"
    assert lookalike_of("silverline-lighting.com.au") == "sllverline-lighting.com.au"
    assert lookalike_of("buyer.example") == "buyer.example".replace("buyer", "bbuyer")
    assert IBAN(IMPOSTOR_IBAN).country_code == "GB"  # a valid checksum, or this raises


@pytest.mark.django_db
def test_demo_mail_goes_through_the_guard_and_leaves_work_to_do(
    django_capture_on_commit_callbacks, settings
):
    # What runs when the demo's transaction commits runs, in a test, after the command
    # (and its own "no DNS about invented domains") has returned.
    settings.CHENGXIN_GUARD_DNS = "off"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=out)
    assert "1 fraud alert" in out.getvalue()

    messages = list(Message.objects.select_related("assessment", "company", "contact"))
    assert len(messages) >= 6
    assert len({m.dated_at.date() for m in messages}) >= 4, "spread over the last days"
    # Every message is a real one, linked to the buyer it came from (or imitates).
    assert all(m.company_id is not None and m.assessment is not None for m in messages)

    # The impostor: a lookalike of a buyer's domain asking for a refund to a new IBAN.
    (impostor,) = [m for m in messages if m.assessment.level in ALARMING_LEVELS]
    local, _at, fake = impostor.from_address.partition("@")
    assert not CompanyDomain.objects.filter(domain=fake).exists()
    imitated = Channel.objects.get(
        kind="email", contact__company=impostor.company, value__startswith=f"{local}@"
    )
    assert lookalike_of(imitated.value.partition("@")[2]) == fake
    assert impostor.from_name == imitated.contact.name
    assert IBAN(IMPOSTOR_IBAN).compact in impostor.text_body.replace(" ", "")
    codes = {s["code"] for s in impostor.assessment.signals}
    assert {"new_bank_account", "bank_change_request"} <= codes
    assert any(c.startswith("lookalike_") for c in codes)
    task = Todo.objects.get(kind="guard.unknown_bank_account")
    assert task.related_id == str(impostor.pk)
    assert task.assignee == impostor.company.owner  # the imitated buyer's rep
    alerted = set(
        Notification.objects.filter(kind="guard.alert").values_list("user__username", flat=True)
    )
    assert {impostor.company.owner.username, "wang.manager"} <= alerted

    # The genuine change: from the contact's own address, a request the rep has confirmed
    # by writing to the address on file.
    request = ChangeRequest.objects.get()
    assert request.source_message.from_key == request.old_value
    assert request.old_value.rpartition("@")[2] == request.new_value.rpartition("@")[2]
    assert request.state == "confirm_sent"
    confirmation = OutboundMessage.objects.get(pk=request.confirm_message_id)
    assert confirmation.to_address == request.old_value
    assert request.new_value in confirmation.body_text
    assert request.source_message.assessment.level not in ALARMING_LEVELS

    # Ordinary inquiries in the buyers' languages raise nothing; one is answered.
    inquiries = [m for m in messages if m not in (impostor, request.source_message)]
    assert all(m.assessment.score == 0 for m in inquiries)
    assert {m.contact.language for m in inquiries} >= {"es", "fr", "ru", "ja"}
    reply = OutboundMessage.objects.get(purpose="reply")
    assert reply.to_address in {m.from_address for m in inquiries}

    # The demo mail adds no channel: the change waits for the loop.
    assert not Channel.objects.filter(value=request.new_value).exists()


@pytest.mark.django_db
def test_every_pending_demo_approval_has_someone_who_may_give_it():
    call_command("demo", stdout=io.StringIO())
    approvers = list(User.objects.filter(is_active=True, role__in=APPROVER_ROLES))
    pending = list(BankAccount.objects.filter(state__in=(State.PROPOSED, State.VERIFIED)))
    assert {a.state for a in pending} == {State.PROPOSED, State.VERIFIED}
    for account in pending:
        others = [
            u for u in approvers if u.pk not in (account.proposed_by_id, account.verified_by_id)
        ]
        assert others, f"nobody may approve {account}"
        if account.state == State.VERIFIED:
            assert any(can_approve(u, account) for u in others)
        else:
            # Someone verifies, and someone else still may approve afterwards.
            verifiers = [u for u in User.objects.filter(is_active=True) if can_verify(u, account)]
            assert any(
                any(a.pk not in (v.pk, account.proposed_by_id) for a in approvers)
                for v in verifiers
            )
    # Our ICBC account, proposed by finance and verified by the manager, waits for the
    # second finance user.
    icbc = BankAccount.objects.get(bic="ICBKCNBJZJP")
    assert (icbc.proposed_by.username, icbc.verified_by.username) == (
        "zhao.finance",
        "wang.manager",
    )
    assert [u.username for u in approvers if can_approve(u, icbc)] == ["sun.finance"]

    # A change request that needs a manager's approval has a manager other than its opener.
    for request in ChangeRequest.objects.filter(state__in=OPEN_STATES):
        if request.needs_approval:
            assert (
                User.objects.filter(role="manager", is_active=True)
                .exclude(pk=request.opened_by_id)
                .exists()
            )

    # Marking an alarming message safe takes two people: its owner and a manager exist.
    for assessment in Assessment.objects.filter(level__in=ALARMING_LEVELS):
        deciders = {u.pk for u in User.objects.filter(role="manager", is_active=True)}
        owner = responsible_owner(assessment.message)
        if owner is not None and owner.is_active:
            deciders.add(owner.pk)
        assert len(deciders) >= 2, assessment.message.subject
