"""The index of known correspondents follows the database: built once per process,
rebuilt when customers, their domains or their addresses change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chengxin.guard.known_index import build_known_index, known_index
from chengxin.guard.models import Assessment
from chengxin.parties.services.channels import channel_apply_change
from chengxin.parties.services.contacts import contact_update
from chengxin.parties.services.domains import company_domain_add
from chengxin.testing import make_company
from chengxin.testing.mail import make_raw


def _domain_check(domain: str):
    return known_index().index.check_domain(domain)


def test_it_knows_customers_domains_addresses_and_our_own(company, settings):
    known = build_known_index()
    assert known.index.check_domain("mueller-maschinen.de").is_known
    assert known.index.check_domain("chengxin-export.cn").known.relation == "own"
    assert known.company_by_domain["mueller-maschinen.de"] == company.pk
    assert known.company_by_address["anna.schmidt@mueller-maschinen.de"] == company.pk
    assert known.index.check_address("anna.schmidt@mueller-maschinen.de").is_known


def test_an_active_customer_is_named_with_the_year_it_became_one(owner):
    buyer = make_company(
        actor=owner, name="Acme Trading LLC", email="john@acme-trading.com", status="active"
    )
    known = build_known_index().index.check_domain("acme-trading.com").known
    assert (known.company, known.relation, known.customer_since) == (
        "Acme Trading LLC",
        "customer",
        buyer.created_at.year,
    )


def test_unchanged_data_reuses_the_index_with_one_query(company):
    first = known_index()
    with CaptureQueriesContext(connection) as queries:
        again = known_index()
    assert again is first
    assert len(queries) == 1


def test_a_new_domain_rebuilds_it(owner, company):
    known_index()
    assert not _domain_check("mueller-group.de").is_known
    company_domain_add(actor=owner, company=company, domain="mueller-group.de")
    assert _domain_check("mueller-group.de").is_known


@pytest.mark.django_db(transaction=True)
def test_a_renamed_contact_rebuilds_it_once_committed(owner, company):
    first = known_index()
    contact = company.contacts.get()
    # No test transaction around it: the service commits, as in production.
    contact_update(
        actor=owner,
        contact=contact,
        name="Anna Schmidt-Weber",
        title="",
        language="de",
        time_zone="Europe/Berlin",
        notes="",
        status="active",
    )
    assert known_index() is not first
    check = known_index().index.check_address("x@gmail.com", "Anna Schmidt-Weber")
    assert check.display_name_matches


def test_a_new_address_is_known_to_the_next_assessment(ingest, owner, company):
    contact = company.contacts.get()
    first = ingest(make_raw(sender="anna@mueller-private.example", subject="one")).message
    assert "first_contact" in [s["code"] for s in first.assessment.signals]
    # Her new address came in through a completed change request.
    channel_apply_change(
        actor=owner, contact=contact, kind="email", value="a.schmidt@mueller-partner.de",
        make_primary=False, change_id=1, verified_by=owner, verified_at=timezone.now(),
    )  # fmt: skip
    message = ingest(make_raw(sender="a.schmidt@mueller-partner.de", subject="two")).message
    codes = [s["code"] for s in Assessment.objects.get(message=message).signals]
    assert "first_contact" not in codes


@pytest.mark.django_db(transaction=True)
def test_a_retired_address_is_no_longer_known(owner, company):
    from chengxin.parties.models import Channel
    from chengxin.parties.services.channels import channel_retire

    address = "anna.schmidt@mueller-maschinen.de"
    assert known_index().index.check_address(address).is_known
    channel = Channel.objects.get(value=address)
    channel_retire(actor=owner, channel=channel)  # no test transaction: it commits
    assert address not in known_index().company_by_address
    assert not known_index().index.check_address(address).is_known
    # The buyer's domain stays known: mail from the old address is still theirs by domain.
    assert _domain_check("mueller-maschinen.de").is_known
