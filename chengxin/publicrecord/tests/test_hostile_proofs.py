"""Bank proofs (the public record's documents) and documents read for account numbers
(mail attachments, vouchers) survive any bytes: a refusal with a message or a stored
file, never a server error."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings

from chengxin.banking.services import document_text
from chengxin.publicrecord.services import proof_upload
from chengxin.testing.hostile_files import CRAFTED_PDFS, hostile_bytes


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=hostile_bytes())
def test_a_proof_upload_survives_any_bytes(finance, active_account, content):
    try:
        proof = proof_upload(
            actor=finance,
            account=active_account,
            title="SWIFT page",
            filename="proof.pdf",
            content=content,
        )
    except ValidationError as refused:
        assert set(refused.message_dict) <= {"file", "title", "account"}
    else:
        assert proof.size == len(content)


@pytest.mark.parametrize("name", sorted(CRAFTED_PDFS))
def test_a_crafted_pdf_has_no_account_numbers_to_read(name):
    assert (
        document_text(
            filename="statement.pdf", content=CRAFTED_PDFS[name], content_type="application/pdf"
        )
        == ""
    )


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(content=hostile_bytes())
def test_reading_a_document_for_account_numbers_never_raises(content):
    for content_type in ("application/pdf", "text/plain", "application/octet-stream"):
        assert isinstance(
            document_text(filename="x.pdf", content=content, content_type=content_type), str
        )
