import datetime

import pytest
from django.urls import reverse

from chengxin.campaigns.models import CallOutcome, ChangePlan, Perk, PlanState, TouchKind
from chengxin.testing import login, speak_english, user_today
from chengxin.testing.campaigns import NOW, TODAY

# The pages plan from the real today.
REAL_TODAY = user_today()  # the date the requests below run in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def as_user(client, user):
    speak_english(user)
    login(client, user)
    return client


def form_data(plan_or_accounts, **overrides):
    old, new = plan_or_accounts
    data = {
        "old_account": old.pk,
        "new_account": new.pk,
        "reason": "Lower fees for USD receipts.",
        "decided_on": REAL_TODAY.isoformat(),
        "parallel_from": (REAL_TODAY + datetime.timedelta(days=40)).isoformat(),
        "old_closes_on": (REAL_TODAY + datetime.timedelta(days=90)).isoformat(),
        "audience": "all_active",
        "reminder_after_days": 3,
    }
    data.update(overrides)
    return data


# --- Who may open which page ------------------------------------------------------------


def test_anonymous_is_sent_to_login_everywhere(client, launched):
    recipient = launched.recipients.first()
    for url in (
        reverse("campaigns:plan_list"),
        reverse("campaigns:plan_create"),
        reverse("campaigns:plan_detail", args=[launched.pk]),
        reverse("campaigns:plan_edit", args=[launched.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for url in (
        reverse("campaigns:plan_override", args=[launched.pk]),
        reverse("campaigns:plan_launch", args=[launched.pk]),
        reverse("campaigns:plan_cancel", args=[launched.pk]),
        reverse("campaigns:plan_complete", args=[launched.pk]),
        reverse("campaigns:recipient_call", args=[recipient.pk]),
        reverse("campaigns:recipient_perk", args=[recipient.pk]),
    ):
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_wrong_methods_are_refused(client, finance, launched):
    as_user(client, finance)
    recipient = launched.recipients.first()
    assert client.post(reverse("campaigns:plan_list")).status_code == 405
    assert client.post(reverse("campaigns:plan_detail", args=[launched.pk])).status_code == 405
    for name in ("plan_override", "plan_launch", "plan_cancel", "plan_complete"):
        assert client.get(reverse(f"campaigns:{name}", args=[launched.pk])).status_code == 405
    for name in ("recipient_call", "recipient_perk"):
        assert client.get(reverse(f"campaigns:{name}", args=[recipient.pk])).status_code == 405


def test_a_sales_rep_reads_but_cannot_plan_launch_or_cancel(client, owner, plan, buyers):
    as_user(client, owner)
    assert client.get(reverse("campaigns:plan_list")).status_code == 200
    assert client.get(reverse("campaigns:plan_detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("campaigns:plan_create")).status_code == 403
    assert client.get(reverse("campaigns:plan_edit", args=[plan.pk])).status_code == 403
    assert client.post(reverse("campaigns:plan_launch", args=[plan.pk])).status_code == 403
    assert client.post(reverse("campaigns:plan_cancel", args=[plan.pk])).status_code == 403
    response = client.post(reverse("campaigns:plan_override", args=[plan.pk]), {"reason": "x"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def test_unknown_plan_is_404(client, finance):
    as_user(client, finance)
    assert client.get(reverse("campaigns:plan_detail", args=[999])).status_code == 404


# --- Planning -----------------------------------------------------------------------------


def test_finance_plans_with_only_active_accounts_offered(client, finance, old_account, new_account):
    from chengxin.banking.models import State
    from chengxin.testing.campaigns import our_account

    proposed = our_account(actor=finance, number="6222021001124444", state=State.PROPOSED)
    as_user(client, finance)
    page = client.get(reverse("campaigns:plan_create")).content.decode()
    assert f'<option value="{new_account.pk}"' in page
    assert f'<option value="{proposed.pk}"' not in page
    refused = client.post(reverse("campaigns:plan_create"), form_data((old_account, proposed)))
    assert refused.status_code == 422
    assert not ChangePlan.objects.exists()
    response = client.post(reverse("campaigns:plan_create"), form_data((old_account, new_account)))
    plan = ChangePlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:plan_detail", args=[plan.pk])
    assert plan.created_by == finance and plan.rule_breaches == []


def test_breaches_are_shown_and_only_a_manager_gets_the_override_form(
    client, finance, manager, old_account, new_account, buyers
):
    as_user(client, finance)
    client.post(
        reverse("campaigns:plan_create"),
        form_data(
            (old_account, new_account),
            parallel_from=(REAL_TODAY + datetime.timedelta(days=12)).isoformat(),
        ),
    )
    plan = ChangePlan.objects.get()
    url = reverse("campaigns:plan_detail", args=[plan.pk])
    page = client.get(url).content.decode()
    assert "days&#x27; notice" in page or "days' notice" in page
    assert 'data-testid="override-form"' not in page
    edit = client.get(reverse("campaigns:plan_edit", args=[plan.pk])).content.decode()
    assert 'data-testid="breaches"' in edit and "12 days" in edit
    # Launch is refused with the reason shown.
    response = client.post(reverse("campaigns:plan_launch", args=[plan.pk]), follow=True)
    assert "A manager must override this first" in response.content.decode()
    client.logout()
    as_user(client, manager)
    page = client.get(url).content.decode()
    assert 'data-testid="override-form"' in page
    assert client.post(reverse("campaigns:plan_override", args=[plan.pk]), {}).status_code == 422
    client.post(reverse("campaigns:plan_override", args=[plan.pk]), {"reason": "Old branch closes"})
    plan.refresh_from_db()
    assert plan.override_by == manager and plan.override_reason == "Old branch closes"
    client.post(reverse("campaigns:plan_launch", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.state == PlanState.LAUNCHED


def test_the_draft_shows_the_timeline_and_the_audience(client, finance, plan, buyers):
    as_user(client, finance)
    page = client.get(reverse("campaigns:plan_detail", args=[plan.pk])).content.decode()
    assert "<svg" in page and 'data-milestone="parallel"' in page
    assert page.count('data-testid="audience-row"') == 4
    assert "Harbour Imports Pty Ltd" in page


# --- The campaign page ---------------------------------------------------------------------


def test_campaign_page_shows_each_buyers_status_in_their_time_and_ours(
    client, finance, launched, django_assert_max_num_queries
):
    as_user(client, finance)
    berlin = launched.recipients.get(company__legal_name="Müller Maschinenbau GmbH")
    berlin.opened_at = NOW
    berlin.save(update_fields=["opened_at"])
    url = reverse("campaigns:plan_detail", args=[launched.pk])
    with django_assert_max_num_queries(40):
        response = client.get(url)
    page = response.content.decode()
    assert page.count('data-testid="recipient-row"') == 4
    assert 'data-testid="total-opened">1<' in page
    # Berlin's email: Thursday 17:30 in Berlin, 00:30 Friday in the finance user's Shanghai.
    assert "Thu 2026-12-03 17:30" in page and "Fri 2026-12-04 00:30" in page


def test_list_page_queries_do_not_grow_with_plans(
    client, finance, old_account, new_account, django_assert_max_num_queries
):
    from chengxin.campaigns.services.plans import plan_create
    from chengxin.testing.campaigns import plan_input

    for month in range(1, 6):
        plan_create(
            actor=finance,
            data=plan_input(
                old_account,
                new_account,
                parallel_from=datetime.date(2027, month, 1),
                old_closes_on=datetime.date(2027, month, 28),
            ),
            today=TODAY,
        )
    as_user(client, finance)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("campaigns:plan_list")).content.decode()
    assert page.count('data-testid="plan-row"') == 5


def test_a_colleague_sees_none_of_the_owners_buyers_and_cannot_record(client, colleague, launched):
    as_user(client, colleague)
    page = client.get(reverse("campaigns:plan_detail", args=[launched.pk])).content.decode()
    assert 'data-testid="recipient-row"' not in page
    recipient = launched.recipients.first()
    response = client.post(
        reverse("campaigns:recipient_call", args=[recipient.pk]),
        {f"call{recipient.pk}-outcome": CallOutcome.HEARD_AND_UNDERSTOOD},
    )
    assert response.status_code == 404
    recipient.refresh_from_db()
    assert recipient.call_outcome == ""


def test_the_owner_records_the_call_and_a_perk(client, owner, launched):
    as_user(client, owner)
    recipient = launched.recipients.get(company__legal_name="Müller Maschinenbau GmbH")
    assert recipient.touches.filter(kind=TouchKind.CALL).exists()
    page = client.get(reverse("campaigns:plan_detail", args=[launched.pk])).content.decode()
    assert 'data-testid="call-form"' in page
    response = client.post(
        reverse("campaigns:recipient_call", args=[recipient.pk]),
        {
            f"call{recipient.pk}-outcome": CallOutcome.HEARD_AND_UNDERSTOOD,
            f"call{recipient.pk}-notes": "Anna read the new IBAN back",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#r{recipient.pk}")
    client.post(
        reverse("campaigns:recipient_perk", args=[recipient.pk]),
        {f"perk{recipient.pk}-perk": Perk.PRIORITY_PRODUCTION, f"perk{recipient.pk}-notes": "Q1"},
    )
    recipient.refresh_from_db()
    assert recipient.call_outcome == CallOutcome.HEARD_AND_UNDERSTOOD
    assert recipient.called_at is not None and recipient.reached_at is not None
    assert (recipient.perk, recipient.perk_notes) == (Perk.PRIORITY_PRODUCTION, "Q1")
    page = client.get(reverse("campaigns:plan_detail", args=[launched.pk])).content.decode()
    assert "Heard and understood" in page and "Priority production slot" in page


def test_finance_cancels_from_the_page(client, finance, launched):
    as_user(client, finance)
    client.post(reverse("campaigns:plan_cancel", args=[launched.pk]))
    launched.refresh_from_db()
    assert launched.state == PlanState.CANCELLED


def test_the_navigation_links_the_campaigns(client, owner):
    as_user(client, owner)
    page = client.get(reverse("campaigns:plan_list")).content.decode()
    assert f'href="{reverse("campaigns:plan_list")}"' in page


def test_a_reason_longer_than_buyers_should_read_is_refused_with_the_limit(
    client, finance, old_account, new_account
):
    as_user(client, finance)
    page = client.get(reverse("campaigns:plan_create")).content.decode()
    assert "At most 2,000 characters." in page
    assert 'maxlength="2000"' not in page  # the browser would cut a pasted text silently
    response = client.post(
        reverse("campaigns:plan_create"),
        form_data((old_account, new_account), reason="Neue Bank. " + "x" * 2_000),
    )
    assert response.status_code == 422
    assert "Ensure this value has at most 2000 characters (it has 2011)." in (
        response.content.decode()
    )
    assert not ChangePlan.objects.exists()
