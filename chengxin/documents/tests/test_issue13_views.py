"""The documents' pages: from the order's Documents panel a rep drafts a proforma in the
buyer's language, looks at it as a page, changes its language, issues it, downloads
the PDF and sends it; who may do what (owner, colleague, finance, manager, anonymous),
and wrong methods."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from chengxin.documents import services
from chengxin.documents.models import Document, DocumentState
from chengxin.documents.tests.conftest import NOW, USD_NUMBER
from chengxin.orders import services as order_services
from chengxin.testing import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(owner, order):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    return services.document_issue(actor=owner, document=draft, now=NOW)


def _pages(document: Document) -> dict[str, str]:
    return {
        "detail": reverse("documents:document_detail", args=[document.pk]),
        "page": reverse("documents:document_page", args=[document.pk]),
        "pdf": reverse("documents:document_pdf", args=[document.pk]),
    }


def test_a_rep_drafts_looks_changes_language_issues_downloads_and_sends(client, owner, order):
    login(client, owner)
    panel = client.get(reverse("orders:order_detail", args=[order.pk])).content.decode()
    assert 'data-testid="documents"' in panel
    assert "No document yet." in panel

    response = client.post(
        reverse("documents:order_document_new", args=[order.pk]),
        {"kind": "proforma", "language": "fr"},
    )
    document = Document.objects.get()
    assert response["Location"] == reverse("documents:document_detail", args=[document.pk])
    assert (document.kind, document.language, document.state) == ("proforma", "fr", "draft")
    detail = client.get(response["Location"]).content.decode()
    assert 'data-testid="draft-actions"' in detail
    page = client.get(_pages(document)["page"])
    assert page["Content-Language"] == "fr"
    assert USD_NUMBER in page.content.decode().replace(" ", "")
    assert client.get(_pages(document)["pdf"]).status_code == 404  # a draft has no PDF

    client.post(reverse("documents:document_language", args=[document.pk]), {"language": "ar"})
    document.refresh_from_db()
    assert document.language == "ar"
    assert 'dir="rtl"' in client.get(_pages(document)["page"]).content.decode()

    client.post(reverse("documents:document_issue", args=[document.pk]))
    document.refresh_from_db()
    assert (document.state, document.number) == ("issued", "PI-2026-00001")
    pdf = client.get(_pages(document)["pdf"])
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="PI-2026-00001.pdf"'
    assert pdf["X-Content-SHA256"] == document.sha256
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content]) == bytes(
        document.pdf
    )

    client.post(
        reverse("documents:document_send", args=[document.pk]),
        {"to": "anna.schmidt@mueller-maschinen.de"},
    )
    document.refresh_from_db()
    assert document.state == DocumentState.SENT
    panel = client.get(reverse("orders:order_detail", args=[order.pk])).content.decode()
    assert "PI-2026-00001" in panel
    assert document.sha256[:16] in panel
    assert reverse("documents:document_pdf", args=[document.pk]) in panel


def test_bad_input_on_the_pages_says_why(client, owner, order):
    login(client, owner)
    response = client.post(
        reverse("documents:order_document_new", args=[order.pk]),
        {"kind": "invoice", "language": "en"},
        follow=True,
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Document.objects.exists()
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    response = client.post(
        reverse("documents:document_language", args=[draft.pk]), {"language": "klingon"}
    )
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()


def test_a_sent_document_refuses_every_step_on_the_pages(client, owner, issued):
    login(client, owner)
    services.document_send(actor=owner, document=issued, now=NOW)
    kept = bytes(Document.objects.get().pdf)
    for name in ("document_issue", "document_discard"):
        response = client.post(reverse(f"documents:{name}", args=[issued.pk]), follow=True)
        assert "This step is not possible now" in response.content.decode()
    client.post(reverse("documents:document_language", args=[issued.pk]), {"language": "de"})
    document = Document.objects.get()
    assert (document.state, document.language, bytes(document.pdf)) == ("sent", "en", kept)


def test_the_quote_page_drafts_a_quotation(client, owner, company, accounts):
    quote = order_services.quote_create(
        actor=owner, company=company, currency="EUR", incoterm="CIF", named_place="Hamburg",
        valid_until=datetime.date(2026, 12, 31),
        lines=[order_services.LineIn(description="LED panel", quantity=1, unit_price=10)],
        now=NOW,
    )  # fmt: skip
    login(client, owner)
    assert (
        'data-testid="documents"'
        in client.get(reverse("orders:quote_detail", args=[quote.pk])).content.decode()
    )
    client.post(
        reverse("documents:quote_document_new", args=[quote.pk]),
        {"kind": "quotation", "language": "es"},
    )
    assert Document.objects.get().kind == "quotation"


@pytest.mark.parametrize("page", ["detail", "page", "pdf"])
def test_who_sees_a_document(client, owner, colleague, finance, manager, issued, page):
    url = _pages(issued)[page]
    for user, status in ((owner, 200), (finance, 200), (manager, 200), (colleague, 404)):
        login(client, user)
        assert client.get(url).status_code == status, user
        client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_who_may_draft_issue_and_send(client, owner, colleague, finance, order, issued):
    new = reverse("documents:order_document_new", args=[order.pk])
    login(client, colleague)
    assert client.post(new, {"kind": "proforma", "language": "en"}).status_code == 404
    assert client.post(reverse("documents:document_send", args=[issued.pk])).status_code == 404
    login(client, finance)
    response = client.post(new, {"kind": "commercial_invoice", "language": "en"})
    assert response.status_code == 302
    send = client.post(
        reverse("documents:document_send", args=[issued.pk]),
        {"to": "anna.schmidt@mueller-maschinen.de"},
    )
    assert send.status_code == 403
    issued.refresh_from_db()
    assert issued.state == DocumentState.ISSUED


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "document_issue"),
        ("get", "document_send"),
        ("get", "document_discard"),
        ("get", "document_language"),
        ("post", "document_pdf"),
        ("post", "document_detail"),
    ],
)
def test_wrong_methods(client, owner, issued, method, name):
    login(client, owner)
    assert (
        getattr(client, method)(reverse(f"documents:{name}", args=[issued.pk])).status_code == 405
    )


def test_the_order_panel_lists_documents_in_a_fixed_number_of_queries(
    client, owner, order, django_assert_max_num_queries
):
    for _ in range(3):
        services.document_issue(
            actor=owner,
            document=services.document_draft(actor=owner, kind="proforma", order=order, now=NOW),
            now=NOW,
        )
    login(client, owner)
    url = reverse("orders:order_detail", args=[order.pk])
    client.get(url)
    with django_assert_max_num_queries(60) as three:
        client.get(url)
    for _ in range(5):
        services.document_issue(
            actor=owner,
            document=services.document_draft(actor=owner, kind="proforma", order=order, now=NOW),
            now=NOW,
        )
    with django_assert_max_num_queries(len(three.captured_queries)):
        client.get(url)
