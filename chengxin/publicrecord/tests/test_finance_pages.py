"""Finance's pages: bank proof documents (upload, show or hide, download) and the log
of buyers' checks; who may open them."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chengxin.audit.models import AuditEntry
from chengxin.publicrecord.models import Answer, ProofDocument, VerificationAttempt
from chengxin.publicrecord.services import public_verify
from chengxin.publicrecord.tests.conftest import ACTIVE_IBAN, UNKNOWN_IBAN
from chengxin.testing import login

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
PROOFS = "/trust/manage/proofs/"
CHECKS = "/trust/manage/checks/"


def _upload(client, account, *, content=PDF, name="swift.pdf", title="SWIFT page", public=True):
    data = {
        "account": account.pk,
        "title": title,
        "file": SimpleUploadedFile(name, content, content_type="application/octet-stream"),
    }
    if public:
        data["is_public"] = "on"
    return client.post(reverse("publicrecord:proof_upload"), data)


@pytest.fixture
def proof(active_account, finance):
    return ProofDocument.objects.create(
        account=active_account,
        title="Bank letter",
        filename="letter.pdf",
        content_type="application/pdf",
        content=PDF,
        size=len(PDF),
        sha256="x",
        uploaded_by=finance,
    )


def _pages(proof) -> dict[str, tuple[str, str]]:
    return {
        "list": ("get", PROOFS),
        "checks": ("get", CHECKS),
        "file": ("get", reverse("publicrecord:proof_file", args=[proof.pk])),
        "upload": ("post", reverse("publicrecord:proof_upload")),
        "publish": ("post", reverse("publicrecord:proof_publish", args=[proof.pk])),
    }


@pytest.mark.parametrize("page", ["list", "checks", "file"])
@pytest.mark.parametrize("role", ["finance", "manager", "admin_user"])
def test_finance_managers_and_admins_open_the_pages(client, request, proof, page, role):
    login(client, request.getfixturevalue(role))
    method, url = _pages(proof)[page]
    assert getattr(client, method)(url).status_code == 200


@pytest.mark.parametrize("page", ["list", "checks", "file", "upload", "publish"])
def test_sales_are_refused(client, owner, proof, page):
    login(client, owner)
    method, url = _pages(proof)[page]
    assert getattr(client, method)(url).status_code == 403


@pytest.mark.parametrize("page", ["list", "checks", "file", "upload", "publish"])
def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, proof, page):
    method, url = _pages(proof)[page]
    assert reverse("accounts:login") in getattr(client, method)(url)["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in getattr(client, method)(url)["Location"]


@pytest.mark.parametrize(
    ("page", "wrong"),
    [("list", "post"), ("checks", "post"), ("file", "post"), ("upload", "get"), ("publish", "get")],
)
def test_wrong_methods(client, finance, proof, page, wrong):
    login(client, finance)
    assert getattr(client, wrong)(_pages(proof)[page][1]).status_code == 405


def test_finance_uploads_a_proof_that_the_public_can_download(client, finance, active_account):
    login(client, finance)
    response = _upload(client, active_account, name="../../Swift Confirmation.PDF")
    assert response.status_code == 302
    proof = ProofDocument.objects.get()
    assert (proof.title, proof.filename, proof.content_type, proof.size) == (
        "SWIFT page", "Swift Confirmation.pdf", "application/pdf", len(PDF),
    )  # fmt: skip
    assert proof.uploaded_by == finance and proof.is_public
    assert AuditEntry.objects.filter(action="create", object_label="SWIFT page").exists()
    client.logout()
    download = client.get(reverse("publicrecord:proof_download", args=[proof.pk]))
    assert download.content == PDF


def test_a_jpeg_is_named_by_its_content(client, finance, active_account):
    login(client, finance)
    assert _upload(client, active_account, content=JPEG, name="photo.png").status_code == 302
    proof = ProofDocument.objects.get()
    assert (proof.content_type, proof.filename) == ("image/jpeg", "photo.jpg")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "Upload a PDF, PNG or JPEG file."),
        (b"MZ\x90\x00 not a pdf", "Upload a PDF, PNG or JPEG file."),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024), "The file is larger than 10 MB."),
    ],
)
def test_other_files_are_refused(client, finance, active_account, content, message):
    login(client, finance)
    response = _upload(client, active_account, content=content, name="proof.pdf")
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ProofDocument.objects.exists()


def test_only_our_accounts_take_proofs(client, finance, counterparty_account):
    login(client, finance)
    assert _upload(client, counterparty_account).status_code == 422
    assert not ProofDocument.objects.exists()


def test_a_proof_is_hidden_and_shown_again(client, finance, proof):
    login(client, finance)
    url = reverse("publicrecord:proof_publish", args=[proof.pk])
    assert client.post(url, {"is_public": "0"}).status_code == 302
    proof.refresh_from_db()
    assert not proof.is_public
    assert AuditEntry.objects.filter(action="update", object_label="Bank letter").exists()
    # Hidden: gone from the public download, still there for finance.
    assert client.get(reverse("publicrecord:proof_file", args=[proof.pk])).content == PDF
    client.logout()
    assert client.get(reverse("publicrecord:proof_download", args=[proof.pk])).status_code == 404
    login(client, finance)
    client.post(url, {"is_public": "1"})
    proof.refresh_from_db()
    assert proof.is_public


def test_the_checks_list_puts_not_ours_first_and_filters(
    client, finance, active_account, django_assert_max_num_queries
):
    base = datetime.datetime(2026, 11, 20, 8, 0, tzinfo=datetime.UTC)
    for n in range(6):
        public_verify(
            text=ACTIVE_IBAN,
            ip=f"198.51.100.{n}",
            user_agent="UA",
            language="en",
            now=base + datetime.timedelta(hours=n),
        )
    public_verify(text=UNKNOWN_IBAN, ip="203.0.113.1", user_agent="UA", language="en", now=base)
    public_verify(
        text="nope", ip="203.0.113.2", user_agent="UA", language="en", now=base.replace(day=22)
    )
    login(client, finance)
    with django_assert_max_num_queries(12):
        body = client.get(CHECKS).content.decode()
    rows = body.split('data-testid="attempt"')[1:]
    assert len(rows) == 8
    assert 'data-answer="unknown"' in rows[0]
    assert "···· 4300" in rows[0] and "203.0.113.1" in rows[0]
    body = client.get(CHECKS, {"answer": "invalid"}).content.decode()
    assert body.count('data-testid="attempt"') == 1
    body = client.get(CHECKS, {"day_from": "2026-11-21"}).content.decode()
    assert body.count('data-testid="attempt"') == 1
    body = client.get(CHECKS, {"day_until": "2026-11-20"}).content.decode()
    assert body.count('data-testid="attempt"') == 7
    assert VerificationAttempt.objects.filter(answer=Answer.UNKNOWN).count() == 1
