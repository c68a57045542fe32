"""`chengxin demo`: the demo exporter someone sees on first start."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min
from django.urls import reverse

from chengxin.accounts.models import Role, User
from chengxin.audit.context import Origin
from chengxin.audit.models import AuditEntry
from chengxin.audit.selectors import audit_chain_first_break
from chengxin.core.demo_data import DEMO_PASSWORD, demo_companies
from chengxin.parties import normalize
from chengxin.parties.models import Channel, Company, Contact, FollowUp, Tag
from chengxin.parties.selectors import CompanyFilters, company_list
from chengxin.parties.services import pool_return_stale
from chengxin.testing import make_company


def _demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_loads_a_realistic_exporter(client):
    output = _demo()
    assert "300 companies in 40 countries" in output

    # 300 buyers in 40 countries, each with 2 to 4 people.
    assert Company.objects.count() == 300
    assert Company.objects.values("country").distinct().count() == 40
    per_company = Company.objects.annotate(n=Count("contacts")).aggregate(
        fewest=Min("n"), most=Max("n")
    )
    assert per_company == {"fewest": 2, "most": 4}

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


@pytest.mark.django_db
def test_demo_refuses_a_database_with_customers(owner):
    make_company(actor=owner, name="Existing Buyer Ltd")
    with pytest.raises(CommandError, match="already has customers"):
        call_command("demo", stdout=io.StringIO())
    assert list(Company.objects.values_list("legal_name", flat=True)) == ["Existing Buyer Ltd"]
    assert not User.objects.filter(username="li.na").exists()


@pytest.mark.django_db
def test_demo_list_prints_users_and_loads_nothing():
    out = io.StringIO()
    call_command("demo", "--list", stdout=out)
    text = out.getvalue()
    for username, role in (
        ("li.na", "sales"),
        ("zhang.wei", "sales"),
        ("chen.jing", "sales"),
        ("wang.manager", "manager"),
        ("zhao.finance", "finance"),
        ("sun.finance", "finance"),
        ("admin", "admin"),
    ):
        assert any(line.split()[:2] == [username, role] for line in text.splitlines()), username
    assert DEMO_PASSWORD in text
    assert not User.objects.exists() and not Company.objects.exists()


def test_demo_data_is_the_same_every_time():
    first, again = demo_companies(seed=7, count=60), demo_companies(seed=7, count=60)
    assert [(c.legal_name, c.contacts[0].channels) for c in first] == [
        (c.legal_name, c.contacts[0].channels) for c in again
    ]
    other = demo_companies(seed=8, count=60)
    assert [c.legal_name for c in other] != [c.legal_name for c in first]
    assert len({c.legal_name for c in demo_companies()}) == 300


@pytest.mark.django_db
def test_demo_has_our_accounts_under_four_eyes_and_an_announced_change(client):
    from chengxin.banking.models import BankAccount, ReceivedPayment, Side, State
    from chengxin.banking.selectors import account_lookup_ours, our_receiving_accounts
    from chengxin.campaigns.models import ChangePlan, PlanState, Touch

    output = _demo()
    assert "an account change announced to" in output

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
