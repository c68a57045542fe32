"""The documents API: the same services as the pages (404 not visible, 403 not allowed,
422 bad input or wrong step, 401 without a token), the PDF byte for byte with its hash,
and every operation documented."""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client

from chengxin.documents.models import Document
from chengxin.documents.tests.conftest import USD_NUMBER
from chengxin.testing import API, Api

pytestmark = pytest.mark.django_db


def test_draft_issue_download_and_send(owner, order):
    api = Api(owner)
    created = api.post(f"/orders/{order.pk}/documents", {"kind": "proforma", "language": "ko"})
    assert created.status_code == 201
    body = created.json()
    assert (body["state"], body["number"], body["language"]) == ("draft", "", "ko")
    assert body["spec"]["account"]["account_number"] == USD_NUMBER
    pk = body["id"]
    assert api.get(f"/documents/{pk}/pdf").status_code == 404

    issued = api.post(f"/documents/{pk}/issue")
    assert issued.status_code == 200
    assert issued.json()["number"] == "PI-2026-00001"
    pdf = api.get(f"/documents/{pk}/pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha256(pdf.content).hexdigest() == issued.json()["sha256"]
    assert pdf["X-Content-SHA256"] == issued.json()["sha256"]

    sent = api.post(f"/documents/{pk}/send", {"to": "anna.schmidt@mueller-maschinen.de"})
    assert sent.status_code == 200
    assert sent.json()["state"] == "sent"
    assert sent.json()["message_id"]
    assert [d["id"] for d in api.get(f"/orders/{order.pk}/documents").json()] == [pk]
    assert [s["kind"] for s in api.get(f"/documents/{pk}").json()["steps"]] == [
        "drafted", "issued", "sent",
    ]  # fmt: skip


def test_a_sent_document_is_refused_every_change(owner, order):
    api = Api(owner)
    pk = api.post(f"/orders/{order.pk}/documents", {"kind": "proforma"}).json()["id"]
    api.post(f"/documents/{pk}/issue")
    api.post(f"/documents/{pk}/send", {})
    kept = Document.objects.get().sha256
    for method, path, body in (
        ("post", f"/documents/{pk}/language", {"language": "de"}),
        ("post", f"/documents/{pk}/issue", None),
        ("post", f"/documents/{pk}/send", {}),
        ("delete", f"/documents/{pk}", None),
    ):
        response = api.call(method, path, body)
        assert response.status_code == 422, (method, path)
        assert "This step is not possible now" in str(response.json()["errors"])
    assert Document.objects.get().sha256 == kept


def test_a_draft_is_deleted_with_delete(owner, order):
    api = Api(owner)
    pk = api.post(f"/orders/{order.pk}/documents", {"kind": "order_confirmation"}).json()["id"]
    assert api.delete(f"/documents/{pk}").status_code == 204
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "invoice"}, "kind"),
        ({"kind": "proforma", "language": "xx"}, "language"),
        ({"kind": "proforma", "account": {"iban": "DE89370400440532013000"}}, "account"),
        ({"kind": "packing_list", "shipment_id": 0}, "shipment_id"),
    ],
)
def test_bad_input_is_422_with_the_field(owner, order, body, field):
    response = Api(owner).post(f"/orders/{order.pk}/documents", body)
    assert response.status_code == 422
    assert any(field in key for key in response.json()["errors"]), response.json()
    assert not Document.objects.exists()


def test_who_may_do_what(owner, colleague, finance, order, outsider):
    pk = Api(owner).post(f"/orders/{order.pk}/documents", {"kind": "proforma"}).json()["id"]
    assert Api(colleague).get(f"/documents/{pk}").status_code == 404
    assert Api(colleague).post(f"/orders/{order.pk}/documents", {"kind": "proforma"}).status_code == 404  # fmt: skip
    assert Api(finance).post(f"/documents/{pk}/issue").status_code == 200
    assert Api(finance).post(f"/documents/{pk}/send", {}).status_code == 403
    assert Api(None).get(f"/documents/{pk}").status_code == 401
    assert Client().get(f"{API}/documents/{pk}/pdf").status_code == 401


def test_every_documents_operation_is_documented():
    schema = Client().get(f"{API}/openapi.json").json()
    operations = [
        (path, method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if "documents" in operation.get("tags", [])
    ]
    assert len(operations) == 10
    for path, method, operation in operations:
        assert operation.get("summary") and operation.get("description"), (method, path)
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (method, path, parameter["name"])
    names = {
        ref.rsplit("/", 1)[1]
        for _path, _method, operation in operations
        for ref in _refs(operation)
    }
    for name in names:
        component = schema["components"]["schemas"][name]
        for prop, definition in component.get("properties", {}).items():
            assert definition.get("description"), (name, prop)


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)
