import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from chengxin.audit.models import AuditEntry
from chengxin.parties import selectors
from chengxin.parties.models import Channel, Company, CompanyStatus
from chengxin.parties.services.channels import (
    ChannelInput,
    channel_add,
    channel_clean,
    channel_retire,
    channel_verify,
)
from chengxin.parties.services.companies import CompanyInput, company_update
from chengxin.parties.services.contacts import contact_create
from chengxin.parties.services.follow_ups import follow_up_log
from chengxin.parties.services.merge import company_merge
from chengxin.parties.services.pool import company_claim, pool_return_stale
from chengxin.testing import make_company


def test_create_normalises_channels_and_learns_domain(company):
    contact = company.contacts.get()
    email = contact.channels.get(kind="email")
    phone = contact.channels.get(kind="phone")
    assert email.value == "anna.schmidt@mueller-maschinen.de"
    assert email.is_primary and phone.is_primary
    assert phone.value == "+4930901820"
    assert contact.time_zone == "Europe/Berlin"
    assert list(company.domains.values_list("domain", flat=True)) == ["mueller-maschinen.de"]


def test_idn_email_stored_as_punycode_shown_in_unicode(owner):
    company = make_company(actor=owner, email="Jörg@Müller-Bau.DE", phone=None)
    channel = Channel.objects.get(contact__company=company, kind="email")
    assert channel.value == "jörg@xn--mller-bau-q9a.de"
    assert channel.display == "jörg@müller-bau.de"
    assert company.domains.get().display == "müller-bau.de"


def test_bad_email_is_refused_and_nothing_written(owner):
    from django.utils import translation

    before = Company.objects.count(), AuditEntry.objects.count()
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            make_company(actor=owner, email="not-an-address")
        assert "not an email address" in str(exc.value)
    assert (Company.objects.count(), AuditEntry.objects.count()) == before


def test_one_primary_per_kind_and_retire_keeps_history(owner, company):
    contact = contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("email", "jonas@mueller-maschinen.de"),
                  ChannelInput("email", "j.weber@mueller-maschinen.de"),
                  ChannelInput("email", "jw@mueller-maschinen.de")],
    )  # fmt: skip
    first, second, third = contact.channels.order_by("id")
    assert first.is_primary and not second.is_primary and not third.is_primary
    channel_verify(
        actor=owner, channel=third, method="official_source",
        note="Listed on mueller-maschinen.de/kontakt.",
    )  # fmt: skip
    channel_retire(actor=owner, channel=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert third.is_primary, "the oldest verified email takes over as primary"
    assert not second.is_primary, "an unverified one never becomes primary by a retirement"
    assert Channel.objects.filter(pk=first.pk, is_active=False).exists()


def test_colleague_cannot_edit_or_see(owner, colleague, company):
    with pytest.raises(PermissionDenied):
        company_update(
            actor=colleague, company=company, data=CompanyInput(legal_name="X", country="DE")
        )
    with pytest.raises(Company.DoesNotExist):
        selectors.company_get(user=colleague, pk=company.pk)


def test_finance_sees_all_but_edits_nothing(finance, company):
    assert selectors.company_get(user=finance, pk=company.pk) == company
    with pytest.raises(PermissionDenied):
        follow_up_log(actor=finance, company=company, kind="call", summary="hi")


def test_pool_return_and_claim(owner, colleague, company):
    long_ago = timezone.now() - datetime.timedelta(days=31)
    Company.objects.filter(pk=company.pk).update(last_followed_up_at=long_ago)
    assert pool_return_stale() == 1
    company.refresh_from_db()
    assert company.owner is None
    entry = AuditEntry.objects.filter(object_type="company", object_id=str(company.pk)).last()
    assert entry.origin == "command" and entry.actor is None
    company_claim(actor=colleague, company=company)
    company.refresh_from_db()
    assert company.owner == colleague
    with pytest.raises(ValidationError):
        company_claim(actor=owner, company=company)


def test_recent_follow_up_keeps_customer(owner, company):
    Company.objects.filter(pk=company.pk).update(
        last_followed_up_at=timezone.now() - datetime.timedelta(days=40)
    )
    follow_up_log(actor=owner, company=company, kind="call", summary="Discussed Q3 order")
    assert pool_return_stale() == 0


def test_duplicates_by_email_phone_domain_and_name(owner, company):
    found = selectors.company_duplicates(
        legal_name="Mueller Maschinenbau", emails=[], phones=["+4930901820"], domains=[]
    )
    assert [d.company for d in found] == [company]
    assert any("+49 30 901820" in r for r in found[0].reasons)
    found = selectors.company_duplicates(legal_name="Other", domains=["mueller-maschinen.de"])
    assert found and "mueller-maschinen.de" in found[0].reasons[0]
    found = selectors.company_duplicates(legal_name="MÜLLER Maschinenbau G.m.b.H.")
    assert found and found[0].company == company


def test_merge_keeps_every_channel_and_history(manager, owner, company):
    other = make_company(actor=owner, name="Mueller Maschinenbau", email="info@mueller-mb.de")
    company_merge(actor=manager, keep=company, other=other)
    other.refresh_from_db()
    assert other.status == CompanyStatus.MERGED and other.merged_into == company
    assert Channel.objects.filter(contact__company=company).count() == 4
    ids = selectors.company_history_ids(company)
    assert AuditEntry.objects.filter(company_id__in=ids, object_id=str(other.pk)).exists()


def test_search_by_email_fragment_phone_and_domain(owner, manager, company):
    make_company(
        actor=owner,
        name="Acme Trading Ltd",
        country="GB",
        email="sales@acme.co.uk",
        phone="+44 20 7946 0958",
    )

    def names(q):
        filters = selectors.CompanyFilters(q=q)
        return [c.legal_name for c in selectors.company_list(user=manager, filters=filters)]

    assert names("schmidt@mue") == ["Müller Maschinenbau GmbH"]
    assert names("acme.co") == ["Acme Trading Ltd"]
    assert names("020 7946 0958") == []  # national format digits differ from E.164
    assert names("7946 0958") == ["Acme Trading Ltd"]
    assert names("müller") == ["Müller Maschinenbau GmbH"]


def test_channel_kinds_validate(english, owner, company):
    contact = company.contacts.get()
    assert (
        channel_clean(
            ChannelInput("linkedin", "linkedin.com/in/Anna-Schmidt-123/"), region="DE"
        ).value
        == "https://www.linkedin.com/in/anna-schmidt-123"
    )
    with pytest.raises(ValidationError) as bad_phone:
        channel_add(actor=owner, contact=contact, kind="phone", value="12")
    assert "value" in bad_phone.value.error_dict
    with pytest.raises(ValidationError) as bad_wechat:
        channel_add(actor=owner, contact=contact, kind="wechat", value="??")
    assert "value" in bad_wechat.value.error_dict
    with pytest.raises(ValidationError, match="goes through a change request"):
        channel_add(actor=owner, contact=contact, kind="wechat", value="anna_mb2020")
    assert not contact.channels.filter(kind="wechat").exists()
    channel = channel_clean(ChannelInput("whatsapp", "030 901820"), region="DE")
    assert channel.value == "+4930901820"
