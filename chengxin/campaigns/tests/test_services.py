import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from chengxin.accounts.models import Role
from chengxin.audit.models import AuditEntry
from chengxin.banking.models import Purpose, Side, State
from chengxin.campaigns import rules
from chengxin.campaigns.models import (
    Audience,
    ChangePlan,
    PlanState,
    Recipient,
    Touch,
    TouchChannel,
    TouchKind,
)
from chengxin.campaigns.services.closing import plan_cancel, plan_complete
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.services.plans import plan_create, plan_override, plan_update
from chengxin.campaigns.tests.conftest import buyer
from chengxin.campaigns.tokens import token_digest, token_of
from chengxin.parties.models import CompanyStatus, Grade
from chengxin.testing import make_company, make_user
from chengxin.testing.banking import pay
from chengxin.testing.campaigns import NOW, TODAY, our_account, plan_input

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return exc.value.message_dict


# --- Accounts -----------------------------------------------------------------------


@pytest.mark.parametrize("state", [State.PROPOSED, State.VERIFIED, State.RETIRED, State.REJECTED])
def test_an_unapproved_or_retired_account_can_never_be_announced(finance, old_account, state):
    other = our_account(actor=finance, number="6222021001123456", state=state)
    with pytest.raises(ValidationError) as exc:
        plan_create(actor=finance, data=plan_input(old_account, other), today=TODAY)
    assert "new_account" in errors_of(exc)
    with pytest.raises(ValidationError) as exc:
        plan_create(actor=finance, data=plan_input(other, old_account), today=TODAY)
    assert "old_account" in errors_of(exc)
    assert not ChangePlan.objects.exists()


def test_a_counterpartys_or_a_paying_account_is_not_ours_to_announce(
    finance, owner, company, old_account
):
    theirs = our_account(
        actor=finance, iban="FR1420041010050500013M02606", side=Side.COUNTERPARTY, company=company
    )
    paying = our_account(actor=finance, number="6222021001129999", purpose=Purpose.PAYING)
    for account in (theirs, paying):
        with pytest.raises(ValidationError) as exc:
            plan_create(actor=finance, data=plan_input(old_account, account), today=TODAY)
        assert "new_account" in errors_of(exc)


def test_the_same_account_twice_or_another_currency_is_refused(finance, old_account):
    with pytest.raises(ValidationError):
        plan_create(actor=finance, data=plan_input(old_account, old_account), today=TODAY)
    euros = our_account(actor=finance, number="6222021001127777", currency="EUR")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        plan_create(actor=finance, data=plan_input(old_account, euros), today=TODAY)
    assert "EUR" in errors_of(exc)["new_account"][0]


def test_an_account_retired_after_planning_stops_the_launch(finance, plan, buyers, new_account):
    new_account.state = State.RETIRED
    new_account.save(update_fields=["state"])
    with pytest.raises(ValidationError):
        plan_launch(actor=finance, plan=plan, now=NOW)
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT
    assert not Recipient.objects.exists()


def test_dates_and_audience_are_checked(finance, old_account, new_account):
    bad = plan_input(
        old_account,
        new_account,
        parallel_from=TODAY,
        old_closes_on=TODAY - datetime.timedelta(days=1),
        audience=Audience.PAID_INTO_OLD,
        reason=" ",
    )
    with pytest.raises(ValidationError) as exc:
        plan_create(actor=finance, data=bad, today=TODAY)
    assert {"parallel_from", "old_closes_on", "audience_paid_from", "reason"} <= set(errors_of(exc))


# --- Permissions, rules and override ------------------------------------------------------


def test_only_finance_and_managers_plan_and_only_managers_override(
    owner, finance, manager, old_account, new_account
):
    with pytest.raises(PermissionDenied):
        plan_create(actor=owner, data=plan_input(old_account, new_account), today=TODAY)
    short = plan_input(old_account, new_account, parallel_from=TODAY + datetime.timedelta(days=10))
    plan = plan_create(actor=finance, data=short, today=TODAY)
    with pytest.raises(PermissionDenied):
        plan_override(actor=finance, plan=plan, reason="Bank closes the branch")
    with pytest.raises(PermissionDenied):
        plan_launch(actor=owner, plan=plan, now=NOW)
    plan = plan_override(actor=manager, plan=plan, reason="The old bank closes the branch", now=NOW)
    assert plan.override_by == manager
    assert plan.overridden_breaches == [rules.SHORT_NOTICE]


def test_a_short_notice_plan_needs_a_managers_override_before_launch(
    finance, manager, old_account, new_account, buyers
):
    data = plan_input(old_account, new_account, parallel_from=TODAY + datetime.timedelta(days=12))
    plan = plan_create(actor=finance, data=data, today=TODAY)
    assert plan.rule_breaches == [
        {"code": rules.SHORT_NOTICE, "params": {"days": 12, "required": 30}}
    ]
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        plan_launch(actor=finance, plan=plan, now=NOW)
    assert exc.value.code == "needs_override"
    assert "12 days' notice" in " ".join(exc.value.messages)
    with pytest.raises(ValidationError):
        plan_override(actor=manager, plan=plan, reason="  ")
    plan_override(actor=manager, plan=plan, reason="The old bank closes the branch", now=NOW)
    plan = plan_launch(actor=finance, plan=plan, now=NOW)
    assert plan.state == PlanState.LAUNCHED
    entry = AuditEntry.objects.filter(
        object_type="changeplan", after__override_reason__isnull=False
    )
    assert entry.filter(actor_id=manager.pk).exists()


def test_a_breach_that_appears_after_the_override_needs_another(
    finance, manager, old_account, new_account, buyers
):
    data = plan_input(old_account, new_account, parallel_from=TODAY + datetime.timedelta(days=12))
    plan = plan_create(actor=finance, data=data, today=TODAY)
    plan_override(actor=manager, plan=plan, reason="Branch closes", now=NOW)
    our_account(actor=finance, number="6222021001125555")  # a third active account
    with pytest.raises(ValidationError) as exc:
        plan_launch(actor=finance, plan=plan, now=NOW)
    assert exc.value.code == "needs_override"
    plan.refresh_from_db()
    assert [b["code"] for b in plan.rule_breaches] == [rules.SHORT_NOTICE, rules.THIRD_ACCOUNT]


def test_a_second_change_within_a_year(finance, manager, old_account, new_account, buyers):
    first = plan_create(actor=finance, data=plan_input(old_account, new_account), today=TODAY)
    plan_launch(actor=finance, plan=first, now=NOW)
    later = plan_create(
        actor=finance,
        data=plan_input(
            new_account,
            old_account,
            parallel_from=datetime.date(2027, 6, 1),
            old_closes_on=datetime.date(2027, 7, 1),
        ),
        today=TODAY,
    )
    assert [b["code"] for b in later.rule_breaches] == [rules.SECOND_CHANGE]


def test_changing_the_change_day_voids_the_override(finance, manager, old_account, new_account):
    data = plan_input(old_account, new_account, parallel_from=TODAY + datetime.timedelta(days=12))
    plan = plan_create(actor=finance, data=data, today=TODAY)
    plan_override(actor=manager, plan=plan, reason="Branch closes", now=NOW)
    data.reason = "Branch closes: lower fees too"
    plan = plan_update(actor=finance, plan=plan, data=data, today=TODAY)
    assert plan.override_by == manager  # the reason changed, not the rules
    data.parallel_from = TODAY + datetime.timedelta(days=11)
    plan = plan_update(actor=finance, plan=plan, data=data, today=TODAY)
    assert plan.override_by is None and plan.overridden_breaches == []


# --- Audience -------------------------------------------------------------------------


def test_audience_by_payments_into_the_old_account_in_the_period(
    finance, owner, old_account, new_account, buyers
):
    berlin, new_york, dubai = buyers["berlin"], buyers["new_york"], buyers["dubai"]
    pay(berlin, old_account, datetime.date(2026, 3, 1), finance)
    pay(berlin, old_account, datetime.date(2026, 4, 1), finance)  # one recipient, not two
    pay(new_york, old_account, datetime.date(2025, 1, 1), finance)  # before the period
    pay(dubai, new_account, datetime.date(2026, 3, 1), finance)  # into the other account
    prospect = make_company(actor=owner, owner=owner, name="Paid Once Prospect SA", country="FR")
    pay(prospect, old_account, datetime.date(2026, 5, 1), finance)
    data = plan_input(
        old_account,
        new_account,
        audience=Audience.PAID_INTO_OLD,
        audience_paid_from=datetime.date(2026, 1, 1),
        audience_paid_until=datetime.date(2026, 10, 31),
    )
    plan = plan_create(actor=finance, data=data, today=TODAY)
    plan_launch(actor=finance, plan=plan, now=NOW)
    assert sorted(plan.recipients.values_list("company__legal_name", flat=True)) == [
        "Müller Maschinenbau GmbH",
        "Paid Once Prospect SA",
    ]


def test_audience_of_all_active_buyers_leaves_out_prospects_and_merged(
    finance, owner, plan, buyers
):
    make_company(actor=owner, owner=owner, name="Just A Prospect Ltd", country="GB")
    merged = buyer(owner, name="Merged Away GmbH", country="DE", tz="Europe/Berlin")
    merged.status = CompanyStatus.MERGED
    merged.merged_into = buyers["berlin"]
    merged.save(update_fields=["status", "merged_into"])
    plan_launch(actor=finance, plan=plan, now=NOW)
    assert plan.recipients.count() == 4
    assert set(plan.recipients.values_list("company_id", flat=True)) == {
        b.pk for b in buyers.values()
    }


def test_an_empty_audience_cannot_be_launched(finance, plan):
    with pytest.raises(ValidationError) as exc:
        plan_launch(actor=finance, plan=plan, now=NOW)
    assert exc.value.code == "empty"


# --- Launch ------------------------------------------------------------------------------


def test_launch_makes_one_recipient_per_buyer_with_a_personal_token_and_touches(
    finance, plan, buyers, no_whatsapp
):
    plan = plan_launch(actor=finance, plan=plan, now=NOW)
    assert plan.state == PlanState.LAUNCHED and plan.launched_by == finance
    recipients = {r.company_id: r for r in plan.recipients.select_related("contact")}
    berlin = recipients[buyers["berlin"].pk]
    assert berlin.contact.name == "Anna Schmidt"
    assert berlin.language == "en"
    assert recipients[buyers["sydney"].pk].language == "zh-hans"
    tokens = {token_of(r.token_encrypted) for r in recipients.values()}
    assert len(tokens) == 4 and all(len(t) >= 40 for t in tokens)
    assert all(
        r.token_digest == token_digest(token_of(r.token_encrypted)) for r in recipients.values()
    )
    kinds = sorted(berlin.touches.values_list("kind", flat=True))
    assert kinds == sorted(
        [
            TouchKind.EMAIL_NOTICE,
            TouchKind.CHAT_REMINDER,
            TouchKind.POST_CHANGE,
            TouchKind.CALL,
            TouchKind.ACK_REMINDER,
            TouchKind.ACK_REMINDER,
        ]
    )
    # A call only for the grade-A buyer.
    assert Touch.objects.filter(kind=TouchKind.CALL).count() == 1
    # Without a chat channel the reminder is a task for the rep.
    assert set(
        Touch.objects.filter(kind=TouchKind.CHAT_REMINDER).values_list("channel", flat=True)
    ) == {TouchChannel.TASK}


def test_launch_chooses_whatsapp_when_it_is_configured(finance, plan, buyers, whatsapp_api):
    plan_launch(actor=finance, plan=plan, now=NOW)
    chats = dict(
        Touch.objects.filter(kind=TouchKind.CHAT_REMINDER).values_list(
            "recipient__company__legal_name", "channel"
        )
    )
    # Every buyer here has a WhatsApp or a phone on file.
    assert set(chats.values()) == {TouchChannel.WHATSAPP}


def test_a_buyer_without_email_gets_a_task_for_the_rep(finance, owner, plan, no_whatsapp):
    buyer(owner, name="No Mail SARL", country="FR", tz="Europe/Paris", email=False, phone="")
    plan_launch(actor=finance, plan=plan, now=NOW)
    [recipient] = plan.recipients.all()
    assert sorted(recipient.touches.values_list("kind", "channel")) == [
        (TouchKind.CHAT_REMINDER, TouchChannel.TASK),
        (TouchKind.EMAIL_NOTICE, TouchChannel.TASK),
    ]


def test_launch_twice_is_refused(finance, plan, buyers):
    plan_launch(actor=finance, plan=plan, now=NOW)
    with pytest.raises(ValidationError) as exc:
        plan_launch(actor=finance, plan=plan, now=NOW)
    assert exc.value.code == "wrong_step"
    assert Recipient.objects.count() == 4


# --- Cancel and complete -----------------------------------------------------------------


def test_cancel_a_draft_and_complete_only_after_the_old_account_closes(
    finance, manager, plan, buyers
):
    plan_launch(actor=finance, plan=plan, now=NOW)
    with pytest.raises(ValidationError):
        plan_complete(actor=finance, plan=plan, now=NOW)
    after = datetime.datetime(2027, 2, 1, 3, 0, tzinfo=datetime.UTC)
    plan = plan_complete(actor=manager, plan=plan, now=after)
    assert plan.state == PlanState.COMPLETED
    with pytest.raises(ValidationError):
        plan_cancel(actor=finance, plan=plan)
    sales = make_user(Role.SALES)
    draft = plan_create(
        actor=finance,
        data=plan_input(
            plan.old_account, plan.new_account, parallel_from=datetime.date(2026, 12, 20)
        ),
        today=TODAY,
    )
    with pytest.raises(PermissionDenied):
        plan_cancel(actor=sales, plan=draft)
    assert plan_cancel(actor=finance, plan=draft).state == PlanState.CANCELLED


def test_grade_a_buyers_only_get_a_call(finance, owner, plan):
    buyer(owner, name="Key Account AG", country="CH", tz="Europe/Zurich", grade=Grade.A)
    buyer(owner, name="Regular Buyer BV", country="NL", tz="Europe/Amsterdam", grade=Grade.B)
    buyer(owner, name="Occasional Buyer Srl", country="IT", tz="Europe/Rome", grade=Grade.C)
    plan_launch(actor=finance, plan=plan, now=NOW)
    calls = Touch.objects.filter(kind=TouchKind.CALL)
    assert list(calls.values_list("recipient__company__legal_name", flat=True)) == [
        "Key Account AG"
    ]
