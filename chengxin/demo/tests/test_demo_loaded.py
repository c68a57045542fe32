"""The demo as loaded: a realistic exporter, its accounts under four eyes, its inbox (a
newcomer opens a fraud alert, a change request and a task), and every item waiting for a
second person has someone who may give it.

The demo is loaded once for this module, in a transaction rolled back at its end; each
test runs in a savepoint of its own, so no test sees another's writes.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Max, Min
from django.test import TestCase
from django.test.utils import override_settings
from django.urls import reverse
from schwifty import IBAN

from chengxin.accounts.models import Role, User
from chengxin.audit.context import Origin
from chengxin.audit.models import AuditEntry
from chengxin.audit.selectors import audit_chain_first_break
from chengxin.banking.models import BankAccount, State
from chengxin.banking.permissions import APPROVER_ROLES, can_approve, can_verify
from chengxin.changes.models import OPEN_STATES, ChangeRequest
from chengxin.demo.data import DEMO_PASSWORD
from chengxin.demo.mail import IMPOSTOR_IBAN, lookalike_of
from chengxin.guard.models import ALARMING_LEVELS, Assessment
from chengxin.guard.permissions import responsible_owner
from chengxin.mail.models import Message
from chengxin.notifications.models import Notification
from chengxin.outbox.models import OutboundMessage
from chengxin.parties import normalize
from chengxin.parties.models import Channel, Company, CompanyDomain, Contact, FollowUp, Tag
from chengxin.parties.selectors import CompanyFilters, company_list
from chengxin.parties.services.pool import pool_return_stale
from chengxin.todos.models import Todo

pytestmark = pytest.mark.django_db


@dataclass
class LoadedDemo:
    output: str  # what `chengxin demo` printed
    # What the demo's transaction would run on commit (the guard's work on its inbox),
    # left for a test to run in its own savepoint.
    on_commit: list[Callable[[], object]]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """`chengxin demo`, run once for the module's tests."""
    out = io.StringIO()
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            CHENGXIN_AUDIT_CHECKPOINT_FILE=tmp_path_factory.mktemp("audit") / "checkpoints.log",
        ),
        transaction.atomic(),
    ):
        with TestCase.captureOnCommitCallbacks() as callbacks:
            call_command("demo", stdout=out)
        yield LoadedDemo(output=out.getvalue(), on_commit=list(callbacks))
        transaction.set_rollback(True)


def test_a_lookalike_changes_one_letter_for_one_that_looks_like_it():
    assert lookalike_of("hammer-licht.de") == "harnmer-licht.de"
    assert lookalike_of("silverline-lighting.com.au") == "sllverline-lighting.com.au"
    assert lookalike_of("buyer.example") == "buyer.example".replace("buyer", "bbuyer")
    assert IBAN(IMPOSTOR_IBAN).country_code == "GB"  # a valid checksum, or this raises


def test_demo_mail_goes_through_the_guard_and_leaves_work_to_do(
    demo, django_capture_on_commit_callbacks, settings
):
    # What runs when the demo's transaction commits runs, in a test, after the command
    # (and its own "no DNS about invented domains") has returned.
    settings.CHENGXIN_GUARD_DNS = "off"
    with django_capture_on_commit_callbacks(execute=True):
        for callback in demo.on_commit:
            callback()
    assert "1 fraud alert" in demo.output

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


def test_every_pending_demo_approval_has_someone_who_may_give_it(demo):
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


def test_demo_loads_a_realistic_exporter(demo, client):
    output = demo.output
    assert "300 companies in 40 countries" in output

    # 300 buyers in 40 countries, each with 2 to 4 people.
    assert Company.objects.count() == 300
    assert Company.objects.values("country").distinct().count() == 40
    per_company = Company.objects.annotate(n=Count("contacts")).aggregate(
        fewest=Min("n"), most=Max("n")
    )
    assert per_company == {"fewest": 2, "most": 4}
    # Each has a postal address for its documents.
    assert not Company.objects.filter(address="").exists()

    # Every channel is stored in its canonical form: normalising it again changes nothing.
    channels = list(Channel.objects.select_related("contact__company"))
    assert len(channels) > 1500
    for channel in channels:
        region = channel.contact.company.country
        assert normalize.normalize_channel(channel.kind, channel.value, region=region) == (
            channel.value
        ), channel
    kinds = {c.kind for c in channels}
    assert {"email", "phone", "whatsapp", "linkedin", "wechat"} <= kinds
    emails = [c for c in channels if c.kind == "email"]
    idn = [c for c in emails if "xn--" in c.value]
    assert len(idn) >= 10, "some buyers write from domains like müller-licht.de"
    assert all("xn--" not in c.display for c in idn)
    free_mail = [c for c in emails if c.value.rpartition("@")[2] in normalize.FREE_MAIL_DOMAINS]
    assert len(free_mail) >= 30, "some buyers use a private mailbox"
    phones = [c.value for c in channels if c.kind == "phone"]
    assert len({p[:3] for p in phones}) >= 30, "phones from many countries, in E.164"

    # Free-mail providers never become a company's domain.
    assert not Company.objects.filter(domains__domain__in=normalize.FREE_MAIL_DOMAINS).exists()

    # People speak several languages and live in many time zones.
    languages = set(Contact.objects.values_list("language", flat=True))
    assert {"en", "de", "fr", "es", "ru", "ar", "ja", "ko", "zh-hans"} <= languages
    assert Contact.objects.values("time_zone").distinct().count() >= 30

    # Grades, tags, the pool, sharing and follow-ups are all represented.
    assert set(Company.objects.values_list("grade", flat=True)) == {"A", "B", "C"}
    assert {"LED lighting", "Canton Fair 2025"} <= set(Tag.objects.values_list("name", flat=True))
    in_pool = Company.objects.filter(owner__isnull=True).count()
    assert 20 <= in_pool <= 80
    assert Company.objects.filter(shared_with__isnull=False).exists()
    assert FollowUp.objects.count() > 300

    # Owned customers were followed up recently: the first pool sweep after the
    # demo is loaded takes none of them away from their owners.
    assert pool_return_stale() == 0

    # The six users, one per role, with the published password.
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {
        "li.na": Role.SALES,
        "zhang.wei": Role.SALES,
        "chen.jing": Role.SALES,
        "wang.manager": Role.MANAGER,
        "zhao.finance": Role.FINANCE,
        "sun.finance": Role.FINANCE,
        "admin": Role.ADMIN,
    }
    assert all(u.check_password(DEMO_PASSWORD) for u in User.objects.all())
    owners = set(Company.objects.values_list("owner__username", flat=True))
    assert owners == {"li.na", "zhang.wei", "chen.jing", "wang.manager", None}

    # Everything is in an intact audit trail, marked as coming from the command line.
    assert AuditEntry.objects.count() > 3000
    assert set(AuditEntry.objects.values_list("origin", flat=True)) == {Origin.COMMAND}
    assert audit_chain_first_break() is None
    verify = io.StringIO()
    call_command("audit", "verify", stdout=verify)
    assert "intact" in verify.getvalue()

    # `chengxin start` prints li.na's login: it works, and she sees her customers,
    # the pool and what is shared with her, not her colleagues' customers.
    li_na = User.objects.get(username="li.na")
    response = client.post(
        reverse("accounts:login"), {"username": "li.na", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    own = Company.objects.filter(owner=li_na).first()
    page = client.get(reverse("parties:company_list"), {"q": own.legal_name})
    assert reverse("parties:company_detail", args=[own.pk]) in page.content.decode()
    hidden = (
        Company.objects.exclude(owner=li_na)
        .exclude(owner__isnull=True)
        .exclude(shared_with=li_na)
        .first()
    )
    page = client.get(reverse("parties:company_list"), {"q": hidden.legal_name})
    assert reverse("parties:company_detail", args=[hidden.pk]) not in page.content.decode()

    # A buyer is found by a fragment of one of its people's email addresses.
    email = Channel.objects.filter(kind="email", contact__company__owner=li_na).first()
    fragment = email.value.split("@")[0][-6:] + "@"
    found = company_list(user=li_na, filters=CompanyFilters(q=fragment))
    assert email.contact.company in found

    # The manager's login from `chengxin start` is there too (two-factor is set up
    # at first login).
    manager = User.objects.get(username="wang.manager")
    assert manager.check_password(DEMO_PASSWORD) and manager.needs_two_factor


def test_demo_has_our_accounts_under_four_eyes_and_an_announced_change(demo, client):
    from chengxin.banking.models import BankAccount, ReceivedPayment, Side, State
    from chengxin.banking.selectors import account_lookup_ours, our_receiving_accounts
    from chengxin.campaigns.models import ChangePlan, PlanState, Touch

    assert "an account change announced to" in demo.output

    ours = list(our_receiving_accounts().order_by("active_since"))
    assert [a.bic for a in ours] == ["BKCHCNBJ45A", "HSBCHKHHHKH"]
    for account in ours:
        # Four eyes: proposed and verified by finance, approved by the manager.
        assert account.proposed_by.username == account.verified_by.username == "zhao.finance"
        assert account.approved_by.username == "wang.manager"
        assert account.steps.count() == 3
    assert ours[1].replaces == ours[0]
    assert account_lookup_ours("848123456838") == ours[1]
    # A buyer's refund account waits for a call to a number on file.
    pending = BankAccount.objects.get(side=Side.COUNTERPARTY)
    assert pending.state == State.PROPOSED and pending.company.country == "DE"

    plan = ChangePlan.objects.get()
    assert plan.state == PlanState.LAUNCHED
    payers = set(ReceivedPayment.objects.values_list("company", flat=True))
    assert set(plan.recipients.values_list("company", flat=True)) == payers
    assert Touch.objects.filter(recipient__plan=plan, kind="email_notice").count() == len(payers)
    assert audit_chain_first_break() is None

    # The public record shows both accounts and the announced change, without login.
    page = client.get(reverse("publicrecord:record"), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert b"HSBCHKHHHKH" in page.content and b"9043" in page.content


def test_demo_has_order_to_cash_work_and_an_issued_proforma(demo):
    from chengxin.documents.models import Document, DocumentState
    from chengxin.orders.models import Order, OrderState
    from chengxin.shipments.models import Shipment

    assert Order.objects.filter(state=OrderState.IN_PRODUCTION).exists()
    assert Shipment.objects.exclude(bl_issued_at=None).exists()
    # The German buyer's order has its proforma, in the buyer's document language, with our
    # active, approved USD account.
    proforma = Document.objects.get(kind="proforma")
    assert proforma.state == DocumentState.ISSUED
    assert proforma.language == proforma.company.document_language
    assert proforma.account.state == State.ACTIVE and proforma.account.currency == "USD"
    assert bytes(proforma.pdf).startswith(b"%PDF-") and len(proforma.sha256) == 64
