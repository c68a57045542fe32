"""Every channel says where it came from and whether it was verified; "on file" means
verified before the request, and a channel on a domain the customer does not have is shown
as such."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from chengxin.parties.models import Channel, ContactStatus
from chengxin.parties.selectors import channels_on_file
from chengxin.parties.services.channels import ChannelInput, channel_retire, channel_verify
from chengxin.parties.services.companies import company_delete
from chengxin.parties.services.contacts import contact_create
from chengxin.testing import make_company

pytestmark = pytest.mark.usefixtures("english")  # read in English


def test_a_new_customers_channels_are_unverified_and_name_who_entered_them(owner):
    company = make_company(actor=owner, email="li@shenzhen-tools.cn", verified=False)
    channels = list(Channel.objects.filter(contact__company=company))
    assert {(c.source, c.added_by, c.verified_at) for c in channels} == {
        ("new_contact", owner, None)
    }
    assert set(company.domains.values_list("domain", flat=True)) == {"shenzhen-tools.cn"}
    assert not channels_on_file(company=company, before=timezone.now()).exists()


def test_on_file_means_verified_before_active_and_of_a_contact_still_there(owner, company):
    anna = company.contacts.get()
    email, phone = anna.channels.get(kind="email"), anna.channels.get(kind="phone")
    before = email.verified_at
    assert not channels_on_file(company=company, before=before).exists()
    now = timezone.now()
    assert set(channels_on_file(company=company, before=now)) == {email, phone}
    assert list(channels_on_file(company=company, before=now, kinds=["phone"])) == [phone]
    channel_retire(actor=owner, channel=phone)
    assert set(channels_on_file(company=company, before=now)) == {email}
    anna.status = ContactStatus.LEFT
    anna.save(update_fields=["status"])
    assert not channels_on_file(company=company, before=now).exists()


def test_the_company_page_marks_foreign_and_unverified_channels(client_for, owner, company):
    contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("email", "jonas.weber@gmail.com")],
    )  # fmt: skip
    page = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    body = page.content.decode()
    assert body.count('data-testid="foreign-domain"') == 1
    assert body.count('data-testid="unverified"') == 1
    assert body.count('data-testid="verified"') == 2  # Anna's email and phone


def test_verifying_twice_is_refused(owner, company):
    jonas = contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("phone", "+49 30 9018 2299")],
    )  # fmt: skip
    phone = jonas.channels.get()
    stale = Channel.objects.get(pk=phone.pk)  # a second tab's copy
    channel_verify(actor=owner, channel=phone, method="in_person", note="Met him, card.")
    with pytest.raises(Exception, match="already verified"):
        channel_verify(actor=owner, channel=stale, method="in_person", note="Met him again, card.")


def test_the_migration_counts_existing_channels_as_verified_since_added(owner, company):
    migration = importlib.import_module("chengxin.parties.migrations.0006_channel_provenance")
    added = timezone.now() - datetime.timedelta(days=400)
    Channel.objects.filter(contact__company=company).update(
        source="system", verified_at=None, verification_method="", domain="", created_at=added
    )
    migration.existing_channels_provenance(apps, None)
    channels = list(Channel.objects.filter(contact__company=company))
    assert {(c.source, c.verification_method, c.verified_at) for c in channels} == {
        ("existing", "existing", added)
    }
    assert Channel.objects.get(kind="email").domain == "mueller-maschinen.de"


def test_a_customer_whose_channels_vouch_for_each_other_can_still_be_deleted(
    owner, manager, company
):
    jonas = contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("phone", "+49 30 9018 2299")],
    )  # fmt: skip
    on_file = company.contacts.get(name="Anna Schmidt").channels.get(kind="phone")
    channel_verify(actor=owner, channel=jonas.channels.get(), method="channel_on_file",
                            note="Anna confirmed his number when I called her.", via=on_file)  # fmt: skip
    company_delete(actor=manager, company=company)
    assert not Channel.objects.filter(contact__company_id=company.pk).exists()
