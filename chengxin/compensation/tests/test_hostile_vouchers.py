"""The buyer's public fee-claim form survives any bytes as a voucher: a crafted PDF (a huge
startxref, an encryption handler pypdf lacks) is refused with the form's message, never
a server error, and nothing is stored."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from chengxin.compensation.models import FeeClaim
from chengxin.compensation.tests.test_views import form_data
from chengxin.core.files import pdf_text
from chengxin.testing.hostile_files import CRAFTED_PDFS, hostile_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _many_claims(settings):
    settings.CHENGXIN_FEE_CLAIMS_PER_DAY = 10_000


# pypdf repairs a startxref that points past the end (it scans for the objects): that
# file is a readable voucher. The others cannot be read.
UNREADABLE = sorted(set(CRAFTED_PDFS) - {"startxref past the end"})


@pytest.mark.parametrize("name", UNREADABLE)
def test_a_crafted_pdf_is_refused_with_the_forms_message(client, link, name):
    url = reverse("compensation:claim_submit", args=[link.token])
    response = client.post(url, form_data(CRAFTED_PDFS[name]))
    assert response.status_code in (200, 422)
    assert "Upload the voucher as a PDF, PNG or JPEG file." in response.content.decode()
    assert not FeeClaim.objects.exists()


@pytest.mark.parametrize("name", sorted(CRAFTED_PDFS))
def test_a_crafted_pdf_has_no_text(name):
    assert pdf_text(CRAFTED_PDFS[name]) == ""


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=hostile_bytes())
def test_the_public_form_survives_any_bytes(client, link, content):
    url = reverse("compensation:claim_submit", args=[link.token])
    response = client.post(url, form_data(content, name="voucher.pdf"))
    assert response.status_code in (200, 302, 422)
