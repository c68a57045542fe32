"""Every customer page: the owner succeeds, a colleague without rights gets 404,
an outsider (deactivated) and an anonymous visitor are sent to login, a wrong
method gets 405."""

import pytest
from django.urls import reverse

from chengxin.audit.models import AuditEntry
from chengxin.parties.models import Company, Contact
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.contacts import contact_create
from chengxin.testing import make_company


def _pages(company):
    contact = company.contacts.get()
    channel = contact.channels.get(kind="email")
    domain = company.domains.get()
    get_pages = [
        reverse("parties:company_detail", args=[company.pk]),
        reverse("parties:company_edit", args=[company.pk]),
        reverse("parties:contact_create", args=[company.pk]),
        reverse("parties:contact_edit", args=[contact.pk]),
        reverse("changes:channel_add", args=[contact.pk]),
        reverse("parties:channel_verify", args=[channel.pk]),
    ]
    post_only = [
        reverse("parties:company_release", args=[company.pk]),
        reverse("parties:company_share", args=[company.pk]),
        reverse("parties:domain_add", args=[company.pk]),
        reverse("parties:domain_remove", args=[company.pk, domain.pk]),
        reverse("parties:follow_up_add", args=[company.pk]),
        reverse("parties:channel_retire", args=[channel.pk]),
        reverse("changes:channel_make_primary", args=[channel.pk]),
    ]
    return get_pages, post_only


def test_owner_opens_every_page(client_for, owner, company):
    client = client_for(owner)
    get_pages, _post = _pages(company)
    for url in get_pages:
        assert client.get(url).status_code == 200, url


def test_colleague_without_rights_gets_404_everywhere(client_for, colleague, company):
    client = client_for(colleague)
    get_pages, post_only = _pages(company)
    for url in get_pages:
        assert client.get(url).status_code == 404, url
    for url in post_only:
        assert client.post(url).status_code == 404, url
    assert client.post(reverse("parties:company_claim", args=[company.pk])).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anonymous_and_outsider_are_sent_to_login(client, who, outsider, company):
    if who == "outsider":
        client.force_login(outsider)
    get_pages, post_only = _pages(company)
    for url in [reverse("parties:company_list"), *get_pages]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url in post_only:
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_wrong_method_gets_405(client_for, owner, company):
    client = client_for(owner)
    get_pages, post_only = _pages(company)
    for url in post_only:
        assert client.get(url).status_code == 405, url
    assert client.post(reverse("parties:company_list")).status_code == 405
    assert client.delete(reverse("parties:company_detail", args=[company.pk])).status_code == 405


def test_finance_reads_but_cannot_edit(client_for, finance, company):
    client = client_for(finance)
    page = client.get(reverse("parties:company_detail", args=[company.pk]))
    assert page.status_code == 200
    assert reverse("parties:company_edit", args=[company.pk]) not in page.content.decode()
    assert client.get(reverse("parties:company_edit", args=[company.pk])).status_code == 404
    response = client.post(
        reverse("parties:follow_up_add", args=[company.pk]), {"kind": "call", "summary": "x"}
    )
    assert response.status_code == 403
    assert client.get(reverse("parties:company_create")).status_code == 302


def test_create_company_with_contact_and_two_channels(client_for, owner):
    client = client_for(owner)
    response = client.post(
        reverse("parties:company_create"),
        {
            "legal_name": "Sol y Mar Importaciones S.L.",
            "country": "ES",
            "currency": "EUR",
            "document_language": "es",
            "grade": "A",
            "status": "active",
            "tags": "LED, Canton Fair",
            "contact-name": "Lucía García",
            "contact-language": "es",
            "contact-email": "lucia@solymar.es",
            "contact-phone": "+34 912 345 678",
        },
    )
    company = Company.objects.get(legal_name="Sol y Mar Importaciones S.L.")
    assert response.status_code == 302
    assert response["Location"] == reverse("parties:company_detail", args=[company.pk])
    assert company.owner == owner
    assert sorted(company.tags.values_list("name", flat=True)) == ["Canton Fair", "LED"]
    contact = company.contacts.get()
    assert contact.time_zone == "Europe/Madrid"
    assert {c.kind: c.value for c in contact.channels.all()} == {
        "email": "lucia@solymar.es",
        "phone": "+34912345678",
    }
    page = client.get(response["Location"]).content.decode()
    assert "Lucía García" in page and "+34 912 34 56 78" in page
    assert AuditEntry.objects.filter(company_id=company.pk, origin="page").count() >= 4


def test_bad_input_shows_errors_and_writes_nothing(client_for, owner):
    client = client_for(owner)
    client.post(reverse("accounts:set_language"), {"language": "en"})
    response = client.post(
        reverse("parties:company_create"),
        {
            "legal_name": "Bad Data Ltd",
            "country": "GB",
            "currency": "GBP",
            "document_language": "en",
            "grade": "B",
            "status": "prospect",
            "contact-name": "Bob",
            "contact-language": "en",
            "contact-email": "bob@@example",
            "contact-phone": "12",
        },
    )
    assert response.status_code == 200
    assert "is not an email address" in response.content.decode()
    assert not Company.objects.filter(legal_name="Bad Data Ltd").exists()


def test_bad_input_errors_in_chinese(client_for, owner):
    client = client_for(owner)
    client.post(reverse("accounts:set_language"), {"language": "zh-hans"})
    response = client.post(
        reverse("parties:company_create"),
        {
            "legal_name": "",
            "country": "GB",
            "currency": "GBP",
            "document_language": "en",
            "grade": "B",
            "status": "prospect",
            "contact-language": "en",
        },
    )
    assert response.status_code == 200
    assert "此字段为必填项" in response.content.decode()


def test_duplicate_warning_then_create_anyway(client_for, owner, colleague, company):
    client = client_for(colleague)
    data = {
        "legal_name": "Mueller Maschinenbau",
        "country": "DE",
        "currency": "EUR",
        "document_language": "de",
        "grade": "B",
        "status": "prospect",
        "contact-name": "A. Schmidt",
        "contact-language": "de",
        "contact-email": "anna.schmidt@mueller-maschinen.de",
    }
    response = client.post(reverse("parties:company_create"), data)
    body = response.content.decode()
    assert response.status_code == 200 and 'data-testid="duplicates"' in body
    assert "Müller Maschinenbau GmbH" in body
    assert Company.objects.count() == 1
    response = client.post(reverse("parties:company_create"), {**data, "create_anyway": "1"})
    assert response.status_code == 302 and Company.objects.count() == 2


def test_list_search_filters_and_no_n_plus_one(
    client_for, manager, owner, django_assert_max_num_queries
):
    for n in range(30):
        make_company(
            actor=owner,
            name=f"Buyer {n:02d} Ltd",
            country="GB" if n % 2 else "FR",
            email=f"p{n}@buyer{n}.co.uk",
            phone=None,
            tags=["LED"],
        )
    client = client_for(manager)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("parties:company_list"))
    assert response.status_code == 200
    assert "30" in response.content.decode()
    response = client.get(reverse("parties:company_list"), {"q": "p17@buyer1"})
    assert [c.legal_name for c in response.context["page"].object_list] == ["Buyer 17 Ltd"]
    response = client.get(reverse("parties:company_list"), {"country": "FR", "sort": "-name"})
    names = [c.legal_name for c in response.context["page"].object_list]
    assert len(names) == 15 and names[0] == "Buyer 28 Ltd"
    response = client.get(
        reverse("parties:company_list"),
        {"q": "buyer2"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="results",
    )
    body = response.content.decode()
    assert "<html" not in body and 'id="results"' in body


def test_sales_list_shows_own_shared_and_pool_only(client_for, owner, colleague, manager):
    mine = make_company(actor=owner, name="Own Buyer")
    theirs = make_company(actor=colleague, name="Colleague Buyer")
    pooled = make_company(actor=manager, name="Pool Buyer")
    shared = make_company(actor=colleague, name="Shared Buyer")
    from chengxin.parties.services.companies import company_share

    company_share(actor=colleague, company=shared, users=[owner])
    response = client_for(owner).get(reverse("parties:company_list"))
    names = {c.legal_name for c in response.context["page"].object_list}
    assert names == {mine.legal_name, pooled.legal_name, shared.legal_name}
    assert theirs.legal_name not in names


def test_claim_from_pool_and_release(client_for, owner, manager):
    pooled = make_company(actor=manager, name="Pool Buyer")
    client = client_for(owner)
    assert client.post(reverse("parties:company_claim", args=[pooled.pk])).status_code == 302
    pooled.refresh_from_db()
    assert pooled.owner == owner
    client.post(reverse("parties:company_release", args=[pooled.pk]))
    pooled.refresh_from_db()
    assert pooled.owner is None


def test_channel_buttons(client_for, owner, company):
    """ "verify" asks how it was checked; "retire" keeps the channel in the history. ("+ Add
    channel" and "make primary" open a change request: the changes app's tests.)"""
    client = client_for(owner)
    jonas = contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("email", "jonas@mueller-maschinen.de"),
                  ChannelInput("email", "jonas.weber@gmail.com")],
    )  # fmt: skip
    # Verify: a page that asks how; one click without it changes nothing.
    email = jonas.channels.get(value="jonas@mueller-maschinen.de")
    verify = reverse("parties:channel_verify", args=[email.pk])
    assert client.post(verify).status_code == 422
    email.refresh_from_db()
    assert email.verified_at is None
    response = client.post(
        verify, {"method": "in_person", "note": "Met Jonas at the Hannover fair, his card."}
    )
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.verified_by == owner and email.verification_method == "in_person"
    client.post(reverse("parties:channel_retire", args=[email.pk]))
    email.refresh_from_db()
    assert not email.is_active and email.retired_by == owner
    page = client.get(reverse("parties:company_detail", args=[company.pk])).content.decode()
    assert "jonas@mueller-maschinen.de" in page, "a retired channel stays visible in history"


def test_company_page_shows_local_time_and_timeline(client_for, owner, company):
    page = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    body = page.content.decode()
    assert "Europe/Berlin" in body and 'data-testid="local-time"' in body
    assert "anna.schmidt@mueller-maschinen.de" in body
    assert "companydomain" not in body, "the timeline names things in the reader's language"
    assert body.count("<li><strong>") >= 4  # create company, domain, contact, channels


def test_manager_merge_and_delete(client_for, manager, owner, company):
    other = make_company(actor=owner, name="Müller Maschinenbau", email="x@mueller-mb.de")
    client = client_for(manager)
    assert client.get(reverse("parties:company_merge", args=[company.pk])).status_code == 200
    response = client.post(reverse("parties:company_merge", args=[company.pk]), {"other": other.pk})
    assert response.status_code == 302
    assert Contact.objects.filter(company=company).count() == 2
    response = client.get(reverse("parties:company_detail", args=[other.pk]))
    assert response["Location"] == reverse("parties:company_detail", args=[company.pk])
    client.post(reverse("parties:company_delete", args=[other.pk]))
    assert client.post(reverse("parties:company_delete", args=[company.pk])).status_code == 302
    assert not Company.objects.filter(pk=company.pk).exists()
    entry = AuditEntry.objects.filter(action="delete", object_type="company").last()
    assert entry.before["contacts"][0]["name"] in ("Anna Schmidt",)


def test_sales_cannot_delete_or_merge(client_for, owner, company):
    client = client_for(owner)
    assert client.post(reverse("parties:company_delete", args=[company.pk])).status_code == 403
    assert client.get(reverse("parties:company_merge", args=[company.pk])).status_code == 404


def test_add_contact_to_an_existing_company_saves_it(client_for, owner, company):
    client = client_for(owner)
    url = reverse("parties:contact_create", args=[company.pk])
    form_page = client.get(url).content.decode()
    assert 'name="contact-email"' in form_page and 'name="language"' in form_page
    response = client.post(
        url,
        {
            "name": "Jonas Weber",
            "title": "Einkauf",
            "language": "de",
            "status": "active",
            "contact-email": "jonas.weber@mueller-maschinen.de",
            "contact-phone": "+49 30 901821",
        },
    )
    assert response.status_code == 302
    contact = company.contacts.get(name="Jonas Weber")
    assert contact.language == "de"
    assert sorted(contact.channels.values_list("value", flat=True)) == [
        "+4930901821",
        "jonas.weber@mueller-maschinen.de",
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Jonas Weber" in page and "jonas.weber@mueller-maschinen.de" in page


def test_add_contact_shows_why_nothing_was_saved(client_for, owner, company):
    client = client_for(owner)
    response = client.post(
        reverse("parties:contact_create", args=[company.pk]),
        {"name": "Jonas Weber", "language": "de", "status": "active", "contact-email": "jonas@"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "“jonas@” is not an email address." in page
    assert not company.contacts.filter(name="Jonas Weber").exists()
