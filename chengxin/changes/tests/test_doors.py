"""No way around the change loop. Once, a rep added an address on a domain that is not the
customer's ("+ Add channel"), made it primary in one click, and from then on it counted as
"on file": the next change request sent its confirmation there, and bank verification
offered it as an out-of-band channel. Every door is tried here: page, API, import, merge,
a second tab, two requests at once."""

from __future__ import annotations

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chengxin.accounts.services import api_token_create
from chengxin.banking.models import Side
from chengxin.banking.models import State as AccountState
from chengxin.banking.services import verification_channels
from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.services import applying, confirmation, opening, rejection, verification
from chengxin.changes.tests.conftest import NEW_EMAIL, OLD_EMAIL, add_colleague
from chengxin.imports import services as imports
from chengxin.parties.models import Channel
from chengxin.parties.selectors import channels_on_file
from chengxin.parties.services.channels import channel_verify
from chengxin.parties.services.companies import company_share
from chengxin.parties.services.domains import company_domain_add
from chengxin.parties.services.merge import company_merge
from chengxin.testing import make_company
from chengxin.testing.banking import IBAN_NL, make_account
from chengxin.testing.imports import csv_bytes, upload

ATTACKER = "anna.schmidt@mueller-maschinen.co"


def _api(user) -> Client:
    _token, raw = api_token_create(actor=user, name="pytest")
    return Client(headers={"Accept-Language": "en", "Authorization": f"Bearer {raw}"})


def test_add_channel_on_the_page_opens_a_change_request_and_writes_nothing(
    client_for, owner, company, contact
):
    client = client_for(owner)
    response = client.post(
        reverse("changes:channel_add", args=[contact.pk]),
        {"kind": "email", "value": ATTACKER, "primary": "on"},
        follow=True,
    )
    change = ChangeRequest.objects.get(contact=contact)
    assert (change.action, change.make_primary, change.new_value) == ("add", True, ATTACKER)
    page = response.content.decode()
    assert 'data-testid="foreign-domain"' in page, "the new address is shown as foreign"
    assert not Channel.objects.filter(value=ATTACKER).exists()
    old = Channel.objects.get(value=OLD_EMAIL)
    assert old.is_primary and old.is_active
    # The confirmation goes to the address on file, never to the new one.
    assert confirmation.change_confirm_recipient(change) == OLD_EMAIL
    listed = client.get(reverse("changes:change_list")).content.decode()
    assert listed.count('data-testid="foreign-domain"') == 1
    # The company page marks nothing as foreign: Anna's address is on the company's domain.
    company_page = client.get(reverse("parties:company_detail", args=[company.pk])).content
    assert b'data-testid="foreign-domain"' not in company_page


def test_the_api_refuses_and_the_change_request_api_takes_over(owner, manager, contact):
    for user in (owner, manager):
        refused = _api(user).post(
            f"/api/v1/contacts/{contact.pk}/channels",
            {"kind": "email", "value": ATTACKER, "primary": True},
            content_type="application/json",
        )
        assert refused.status_code == 422
        assert "goes through a change request" in refused.json()["errors"]["__all__"][0]
    opened = _api(owner).post(
        f"/api/v1/contacts/{contact.pk}/changes",
        {"kind": "email", "new_value": ATTACKER, "action": "add", "make_primary": True},
        content_type="application/json",
    )
    assert opened.status_code == 201
    body = opened.json()
    assert body["action"] == "add" and body["new_value_foreign_domain"] is True
    assert not Channel.objects.filter(value=ATTACKER).exists()


def test_a_channel_entered_with_a_new_contact_is_not_on_file_until_verified(
    client_for, owner, company
):
    """The exception: a new person's channels are written at once, but unverified, and a
    foreign-domain address is shown as such and needs a manager to verify."""
    jonas = add_colleague(owner, company, ("email", ATTACKER), ("phone", "+49 151 23456789"))
    email = jonas.channels.get(kind="email")
    assert (email.source, email.added_by, email.verified_at) == ("new_contact", owner, None)
    assert Channel.objects.with_foreign_domain().get(pk=email.pk).foreign_domain is True
    assert "mueller-maschinen.co" not in set(company.domains.values_list("domain", flat=True))
    later = timezone.now()
    assert not channels_on_file(company=company, before=later).filter(contact=jonas).exists()
    # A later change request does not send its confirmation there, nor verify through it.
    change = opening.change_open(actor=owner, contact=jonas, kind="email",
                                  new_value="jonas@mueller-maschinen.de")  # fmt: skip
    assert confirmation.change_confirm_recipient(change) == ""
    with pytest.raises(Exception, match="nowhere safe to go"):
        confirmation.change_confirm_send(actor=owner, request=change)
    page = client_for(owner).get(reverse("changes:change_detail", args=[change.pk]))
    assert 'data-testid="no-address-on-file"' in page.content.decode()
    # Bank verification does not offer it either.
    account = make_account(
        proposed_by=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        iban=IBAN_NL, state=AccountState.PROPOSED,
    )  # fmt: skip
    offered = set(verification_channels(account).values_list("value", flat=True))
    assert offered == {OLD_EMAIL, "+4930901820"}


def test_verifying_a_foreign_address_needs_a_manager_who_did_not_add_it(owner, manager, company):
    from django.core.exceptions import PermissionDenied

    from chengxin.accounts.models import Role
    from chengxin.testing import make_user

    jonas = add_colleague(owner, company, ("email", ATTACKER))
    email = jonas.channels.get()
    with pytest.raises(PermissionDenied, match="only a manager"):
        channel_verify(actor=owner, channel=email, method="in_person",
                               note="He said so on the phone.")  # fmt: skip
    added_by_manager = add_colleague(manager, company, ("email", "x@mueller-maschinen.co"),
                                     name="Eve")  # fmt: skip
    with pytest.raises(PermissionDenied, match="another manager"):
        channel_verify(actor=manager, channel=added_by_manager.channels.get(),
                               method="in_person", note="Met her at the fair.")  # fmt: skip
    channel_verify(actor=manager, channel=email, method="official_source",
                           note="Listed as purchasing on mueller-maschinen.co, their shop.")  # fmt: skip
    email.refresh_from_db()
    assert email.verified_by == manager and email.verification_method == "official_source"
    # A colleague the customer is shared with may not verify.
    shared = make_user(Role.SALES, username="shared")
    company_share(actor=owner, company=company, users=[shared])
    other = add_colleague(owner, company, ("phone", "+49 151 99999999"), name="Max")
    with pytest.raises(PermissionDenied, match="owner or a manager"):
        channel_verify(actor=shared, channel=other.channels.get(), method="in_person",
                               note="Met him in Hamburg.")  # fmt: skip


def test_verified_after_the_request_does_not_count_for_it(owner, company, contact):
    change = opening.change_open(actor=owner, contact=contact, kind="email", new_value=NEW_EMAIL)
    jonas = add_colleague(owner, company, ("phone", "+49 151 23456789"))
    phone = jonas.channels.get()
    channel_verify(actor=owner, channel=phone, method="in_person",
                           note="Met Jonas at the Hannover fair.")  # fmt: skip
    assert phone not in verification.verification_channels(change)
    # For a request opened after the verification, it is on file.
    rejection.change_withdraw(actor=owner, request=change, notes="Typo in the address.")
    later = opening.change_open(actor=owner, contact=contact, kind="email", new_value=NEW_EMAIL)
    assert phone in verification.verification_channels(later)


def test_import_never_adds_a_channel_to_an_existing_customer_and_imports_unverified(owner, company):
    rows = [
        ["Müller Maschinenbau GmbH", "DE", "Anna Schmidt", "", ATTACKER, "", ""],
        ["Osaka Kikai KK", "JP", "Kenji Sato", "", "k.sato@osaka-kikai.jp", "+81 3-1234-5678", ""],
    ]
    batch = imports.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    imports.import_confirm(actor=owner, batch=batch)
    assert not Channel.objects.filter(value=ATTACKER).exists()
    assert set(Channel.objects.filter(contact__company=company).values_list("value", flat=True)) \
        == {OLD_EMAIL, "+4930901820"}  # fmt: skip
    imported = Channel.objects.filter(value="k.sato@osaka-kikai.jp").get()
    assert (imported.source, imported.added_by, imported.verified_at) == ("import", owner, None)
    assert imported.domain == "osaka-kikai.jp"
    osaka = imported.contact.company
    assert not channels_on_file(company=osaka, before=timezone.now()).exists()


def test_merge_brings_channels_in_unverified(manager, owner, company, contact):
    """A duplicate record (anyone may have entered it, and verified its channels there) is
    merged in: its channels count for the kept customer only once verified there."""
    duplicate = make_company(actor=owner, name="Mueller Maschinenbau", email=ATTACKER,
                             phone="+49 151 23456789")  # fmt: skip
    assert channels_on_file(company=duplicate, before=timezone.now()).count() == 2
    company_merge(actor=manager, keep=company, other=duplicate)
    brought = Channel.objects.filter(value__in=[ATTACKER, "+4915123456789"])
    assert {(c.source, c.verified_at, c.contact.company_id) for c in brought} == {
        ("merge", None, company.pk)
    }
    on_file = set(channels_on_file(company=company, before=timezone.now()).values_list(
        "value", flat=True))  # fmt: skip
    assert on_file == {OLD_EMAIL, "+4930901820"}


def test_a_second_tab_cannot_open_a_second_loop(client_for, owner, contact):
    client = client_for(owner)
    url = reverse("changes:channel_add", args=[contact.pk])
    first = client.post(url, {"kind": "email", "value": NEW_EMAIL})
    second = client.post(url, {"kind": "email", "value": ATTACKER})
    assert first.status_code == 302 and second.status_code == 200
    assert "already open" in second.content.decode()
    assert ChangeRequest.objects.filter(contact=contact, state=State.OPENED).count() == 1


def test_the_database_refuses_two_open_requests_on_one_channel_kind(owner, change):
    with pytest.raises(IntegrityError), transaction.atomic():
        ChangeRequest.objects.create(
            contact=change.contact, kind="email", old_value=OLD_EMAIL, new_value=ATTACKER,
            state=State.OPENED, state_changed_at=timezone.now(), opened_at=timezone.now(),
        )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_open_one_loop(owner):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time through (IMMEDIATE transactions)")
    company = make_company(actor=owner, name="Müller Maschinenbau GmbH", email=OLD_EMAIL)
    contact = company.contacts.get()
    workers = 6
    start = threading.Barrier(workers)
    outcomes: list[str] = []

    def open_one(n: int) -> None:
        try:
            start.wait()
            opening.change_open(actor=owner, contact=contact, kind="email",
                                 new_value=f"anna{n}@mueller-group.de")  # fmt: skip
            outcomes.append("opened")
        except Exception as exc:  # noqa: BLE001 - the refusal is what is counted
            outcomes.append("already open" if "already open" in str(exc) else repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already open"] * (workers - 1) + ["opened"]
    assert ChangeRequest.objects.filter(contact=contact).count() == 1


def test_make_primary_walks_the_loop_and_verifies_the_channel(owner, company):
    """A second address entered with a new colleague becomes primary only through the loop,
    and is then on file (verified by the loop); the first address stays active."""
    from chengxin.changes.tests.conftest import deliver_confirmation

    jonas = add_colleague(owner, company, ("email", "jonas@mueller-maschinen.de"),
                          ("phone", "+49 30 9018 2299"), ("email", "j.weber@mueller-maschinen.de"))  # fmt: skip
    first = jonas.channels.get(value="jonas@mueller-maschinen.de")
    channel_verify(actor=owner, channel=first, method="official_source",
                           note="Listed on mueller-maschinen.de/kontakt.")  # fmt: skip
    second = jonas.channels.get(value="j.weber@mueller-maschinen.de")
    with pytest.raises(Exception, match="already has this"):
        opening.change_open(actor=owner, contact=jonas, kind="email", new_value=second.value,
                             action="add")  # fmt: skip
    change = opening.change_open(actor=owner, contact=jonas, kind="email", new_value=second.value)
    assert change.action == "make_primary" and change.old_channel_id == first.pk
    confirmation.change_confirm_send(actor=owner, request=change)
    deliver_confirmation(change)
    anna_phone = Channel.objects.get(value="+4930901820")
    verification.change_verify(actor=owner, request=change, channel=anna_phone, outcome="confirmed")
    applying.change_apply(actor=owner, request=change)
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.is_primary and second.verification_method == "change_request"
    assert first.is_active and not first.is_primary


def test_the_bank_page_says_when_nothing_is_on_file(client_for, owner):
    company = make_company(actor=owner, name="Fresh Buyer GmbH", verified=False)
    account = make_account(
        proposed_by=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        iban=IBAN_NL, state=AccountState.PROPOSED,
    )  # fmt: skip
    assert not verification_channels(account).exists()
    page = client_for(owner).get(reverse("banking:account_detail", args=[account.pk]))
    assert 'data-testid="nothing-on-file"' in page.content.decode()


def test_adding_the_attackers_domain_afterwards_does_not_let_a_rep_verify_alone(
    owner, manager, company
):
    from django.core.exceptions import PermissionDenied

    jonas = add_colleague(owner, company, ("email", ATTACKER))
    email = jonas.channels.get()
    company_domain_add(actor=owner, company=company, domain="mueller-maschinen.co")
    assert Channel.objects.with_foreign_domain().get(pk=email.pk).foreign_domain is False
    with pytest.raises(PermissionDenied, match="only a manager"):
        channel_verify(actor=owner, channel=email, method="official_source",
                               note="The domain is theirs now, it is on the company page.")  # fmt: skip
    email.refresh_from_db()
    assert email.verified_at is None


def test_the_guard_does_not_take_an_unverified_number_as_on_file(ingest, owner, company):
    from chengxin.testing.mail import make_raw

    add_colleague(owner, company, ("phone", "+49 151 23456789"))
    message = ingest(
        make_raw(text="Dear Li Na,\n\nmy new phone number is +49 151 23456789.\n\nAnna")
    ).message
    codes = [s["code"] for s in message.assessment.signals]
    assert "new_phone_number" in codes
