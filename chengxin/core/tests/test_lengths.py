"""A value longer than its column holds is refused with a message naming the field and the
limit: through the API (422), the pages (a form error) and the import's dry run (an
error on the row). Before, the API and the import cut names short without a word."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from chengxin.accounts.models import ApiToken
from chengxin.accounts.services import api_token_create
from chengxin.core.lengths import too_long_message
from chengxin.imports import services as import_services
from chengxin.parties.models import Company, Contact
from chengxin.parties.services.contacts import contact_update
from chengxin.testing import Api
from chengxin.testing.imports import csv_bytes, problems, upload

pytestmark = pytest.mark.usefixtures("english")

LONG_COMPANY = ("Müller Maschinenbau " * 13).strip()  # 259 characters
LONG_NAME = ("Anna " * 41).strip()  # 204 characters
LONG_TITLE = ("Head of " * 30).strip()  # 239 characters


def test_api_refuses_a_legal_name_over_255_characters(owner):
    response = Api(owner).post(
        "/companies", {"legal_name": LONG_COMPANY, "country": "DE", "allow_duplicate": True}
    )
    assert response.status_code == 422
    assert response.json()["errors"]["legal_name"] == ["Enter at most 255 characters."]
    assert not Company.objects.filter(legal_name__startswith="Müller Maschinenbau Müller").exists()


def test_api_refuses_a_contact_name_over_200_characters_and_keeps_the_old_one(owner, company):
    contact = company.contacts.get()
    response = Api(owner).patch(f"/contacts/{contact.pk}", {"name": LONG_NAME})
    assert response.status_code == 422
    assert "name" in response.json()["errors"]
    assert Contact.objects.get(pk=contact.pk).name == "Anna Schmidt"


def test_the_service_names_the_field_and_the_limit(owner, company):
    contact = company.contacts.get()
    with pytest.raises(ValidationError) as refused:
        contact_update(
            actor=owner, contact=contact, name="Anna", title=LONG_TITLE, language="de",
            time_zone="Europe/Berlin", notes="", status="active",
        )  # fmt: skip
    assert refused.value.message_dict == {"title": [too_long_message(200, 239)]}
    assert too_long_message(200, 239) == "Enter at most 200 characters (this has 239)."


def test_page_shows_a_form_error_for_a_long_legal_name(client_for, owner, company):
    response = client_for(owner).post(
        f"/companies/{company.pk}/edit/",
        {
            "legal_name": LONG_COMPANY,
            "country": "DE",
            "currency": "EUR",
            "document_language": "de",
            "grade": "B",
            "status": "prospect",
        },
    )
    assert response.status_code in (200, 422)
    assert "255 characters" in response.content.decode()
    company.refresh_from_db()
    assert company.legal_name == "Müller Maschinenbau GmbH"


def test_the_dry_run_reports_names_and_titles_that_are_too_long(owner):
    rows = [
        [LONG_COMPANY, "DE", "Anna", "", "anna@long.de", "", ""],
        ["Short GmbH", "DE", LONG_NAME, LONG_TITLE, "x@short.de", "", ""],
        ["Fine GmbH", "DE", "Jonas", "Buyer", "jonas@fine.de", "", ""],
    ]
    batch = import_services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    assert ("error", "company", too_long_message(255, 259)) in problems(batch, 2)
    assert ("error", "contact_name", too_long_message(200, 204)) in problems(batch, 3)
    assert ("error", "contact_title", too_long_message(200, 239)) in problems(batch, 3)
    assert problems(batch, 4) == []


def test_a_long_token_name_is_refused_not_cut(owner):
    with pytest.raises(ValidationError) as refused:
        api_token_create(actor=owner, name="x" * 101)
    assert "name" in refused.value.message_dict
    assert not ApiToken.objects.exists()


def test_a_letter_subject_over_500_characters_is_refused(owner, company):
    """The outbox keeps 500 characters of a subject; PostgreSQL refused longer ones (500)."""
    from chengxin.outbox.services import outbox_enqueue

    with pytest.raises(ValidationError) as refused:
        outbox_enqueue(
            actor=owner,
            company=company,
            kind="email",
            to="anna.schmidt@mueller-maschinen.de",
            subject="Re: " * 130,
            body_text="Hello",
        )
    assert refused.value.message_dict == {"subject": [too_long_message(500, 519)]}


def test_clean_text_reports_every_problem_by_field():
    from decimal import Decimal

    from chengxin.core.lengths import checked_text, clean_text

    errors: dict = {}
    assert clean_text("  Ningbo  ", field="place", limit=10, errors=errors) == "Ningbo"
    assert clean_text(None, field="empty", limit=10, errors=errors) == ""
    assert clean_text(Decimal("12.50"), field="number", limit=10, errors=errors) == "12.50"
    clean_text("x" * 11, field="long", limit=10, errors=errors)
    clean_text(" ", field="needed", limit=10, errors=errors, required=True)
    clean_text("a\x00b", field="nul", limit=10, errors=errors)
    clean_text({"a": 1}, field="dict", limit=10, errors=errors)
    clean_text(True, field="flag", limit=10, errors=errors)
    assert set(errors) == {"long", "needed", "nul", "dict", "flag"}
    assert "10" in errors["long"][0] and "11" in errors["long"][0]
    with pytest.raises(ValidationError) as refused:
        checked_text("x" * 3, field="code", limit=2)
    assert list(refused.value.message_dict) == ["code"]
