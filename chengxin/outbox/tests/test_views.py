import datetime

import pytest
from django.urls import reverse

from chengxin.outbox.models import Status
from chengxin.outbox.services import outbox_enqueue
from chengxin.testing import make_company

UTC = datetime.UTC


@pytest.fixture
def message(owner, company):
    contact = company.contacts.get()
    contact.time_zone = "Europe/Berlin"
    contact.save(update_fields=["time_zone"])
    return outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Proforma invoice PI-2026-017",
        body_text="Dear Anna, please find our proforma invoice attached.",
        contact=contact,
        in_working_hours=True,
        attachments=[("PI-2026-017.pdf", b"%PDF-1.4", "application/pdf")],
        now=datetime.datetime(2026, 11, 24, 1, 0, tzinfo=UTC),  # 02:00 in Berlin
    )


def _urls(message):
    return {
        "list": reverse("outbox:outbox_list"),
        "detail": reverse("outbox:message_detail", args=[message.pk]),
        "send_now": reverse("outbox:message_send_now", args=[message.pk]),
        "cancel": reverse("outbox:message_cancel", args=[message.pk]),
    }


@pytest.mark.django_db
def test_owner_sees_the_outbox_and_the_message(client_for, owner, message):
    client = client_for(owner)
    response = client.get(reverse("outbox:outbox_list"))
    assert response.status_code == 200
    assert "Proforma invoice PI-2026-017" in response.text
    response = client.get(reverse("outbox:outbox_list") + "?status=sent")
    assert "Proforma invoice PI-2026-017" not in response.text

    response = client.get(reverse("outbox:message_detail", args=[message.pk]))
    assert response.status_code == 200
    assert "anna.schmidt@mueller-maschinen.de" in response.text
    assert "PI-2026-017.pdf" in response.text
    # Waiting for 09:00 Berlin, shown in the recipient's own time.
    assert "2026-11-24 09:00" in response.text
    assert "Europe/Berlin" in response.text
    assert message.message_id.replace("<", "&lt;").replace(">", "&gt;") in response.text


@pytest.mark.django_db
def test_list_page_queries_do_not_grow_with_messages(
    client_for, owner, company, message, django_assert_max_num_queries
):
    client = client_for(owner)
    client.get(reverse("outbox:outbox_list"))
    for n in range(10):
        outbox_enqueue(
            actor=owner,
            to=f"buyer{n}@mueller-maschinen.de",
            subject=f"Offer {n}",
            body_text=".",
            company=company,
        )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("outbox:outbox_list"))
    assert "Offer 9" in response.text


@pytest.mark.django_db
def test_owner_can_send_now_and_cancel(client_for, owner, message, company):
    client = client_for(owner)
    response = client.post(reverse("outbox:message_send_now", args=[message.pk]))
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.in_working_hours is False

    response = client.post(reverse("outbox:message_cancel", args=[message.pk]))
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Status.CANCELLED
    # Cancelled is final: neither sent now nor cancelled again.
    response = client.post(reverse("outbox:message_send_now", args=[message.pk]), follow=True)
    assert 'class="flash error"' in response.text
    message.refresh_from_db()
    assert message.status == Status.CANCELLED


@pytest.mark.django_db
def test_manager_may_cancel_finance_may_only_look(client_for, manager, finance, message):
    client = client_for(finance)
    assert client.get(reverse("outbox:message_detail", args=[message.pk])).status_code == 200
    assert client.post(reverse("outbox:message_cancel", args=[message.pk])).status_code == 403
    message.refresh_from_db()
    assert message.status == Status.WAITING_FOR_WINDOW

    client = client_for(manager)
    assert client.post(reverse("outbox:message_cancel", args=[message.pk])).status_code == 302
    message.refresh_from_db()
    assert message.status == Status.CANCELLED


@pytest.mark.django_db
def test_colleague_without_rights_gets_404(client_for, colleague, message):
    client = client_for(colleague)
    urls = _urls(message)
    response = client.get(urls["list"])
    assert response.status_code == 200
    assert "Proforma invoice PI-2026-017" not in response.text
    assert client.get(urls["detail"]).status_code == 404
    assert client.post(urls["send_now"]).status_code == 404
    assert client.post(urls["cancel"]).status_code == 404
    message.refresh_from_db()
    assert message.status == Status.WAITING_FOR_WINDOW


@pytest.mark.django_db
def test_pool_customer_message_is_visible_but_not_changeable_by_colleague(
    client_for, colleague, manager
):
    pool = make_company(actor=manager, owner=None, name="Pool Trading Ltd", country="GB")
    pooled = outbox_enqueue(
        actor=manager,
        to="buyer@pool-trading.co.uk",
        subject="Catalogue 2027",
        body_text=".",
        company=pool,
    )
    client = client_for(colleague)
    assert client.get(reverse("outbox:message_detail", args=[pooled.pk])).status_code == 200
    assert client.post(reverse("outbox:message_cancel", args=[pooled.pk])).status_code == 403


@pytest.mark.django_db
def test_anonymous_and_outsider_are_sent_to_login(client, client_for, outsider, message):
    urls = _urls(message)
    for client_used in (client, client_for(outsider)):
        for name, url in urls.items():
            response = client_used.get(url) if name in ("list", "detail") else client_used.post(url)
            assert response.status_code == 302, name
            assert "/accounts/login" in response["Location"], name
    message.refresh_from_db()
    assert message.status == Status.WAITING_FOR_WINDOW


@pytest.mark.django_db
def test_wrong_methods_get_405(client_for, owner, message):
    client = client_for(owner)
    urls = _urls(message)
    assert client.post(urls["list"]).status_code == 405
    assert client.post(urls["detail"]).status_code == 405
    assert client.get(urls["send_now"]).status_code == 405
    assert client.get(urls["cancel"]).status_code == 405


@pytest.mark.django_db
def test_company_page_shows_contact_hours_and_next_holidays(client_for, owner, company, message):
    response = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    assert response.status_code == 200
    section = response.text[response.text.index('data-testid="company-outbox"') :]
    assert "Anna Schmidt" in section
    assert "Europe/Berlin" in section
    assert "09:00–18:00" in section
    assert "Proforma invoice PI-2026-017" in section


@pytest.mark.django_db
def test_company_page_lists_german_christmas_in_december(client_for, owner, company, monkeypatch):
    from chengxin.outbox.templatetags import outbox_tags

    monkeypatch.setattr(
        outbox_tags, "current_time", lambda: datetime.datetime(2026, 12, 20, 12, 0, tzinfo=UTC)
    )
    response = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    section = response.text[response.text.index('data-testid="contact-hours"') :]
    assert "2026-12-25" in section
    assert "2026-12-26" in section
    assert "2027-01-01" in section


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("zh-hans", ["2026-12-25 圣诞节", "2026-12-26 圣诞节次日", "2027-01-01 元旦"]),
        ("en", ["2026-12-25 Christmas Day", "2026-12-26 Second Day of Christmas"]),
    ],
)
def test_holiday_names_are_in_the_readers_language(
    client_for, owner, company, monkeypatch, language, names
):
    from chengxin.outbox.templatetags import outbox_tags

    monkeypatch.setattr(
        outbox_tags, "current_time", lambda: datetime.datetime(2026, 12, 20, 12, 0, tzinfo=UTC)
    )
    owner.language = language
    owner.save(update_fields=["language"])
    response = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    section = response.text[response.text.index('data-testid="contact-hours"') :]
    section = section[: section.index("</table>")]
    for name in names:
        assert name in section
    if language == "zh-hans":
        assert "Christmas" not in section and "New Year" not in section


def test_holiday_qualifiers_and_several_holidays_on_one_day_are_translated():
    from django.utils import translation

    from chengxin.outbox.holiday_names import translate_holiday_name

    with translation.override("zh-hans"):
        assert translate_holiday_name("Boxing Day (observed)") == "节礼日（补假）"
        assert translate_holiday_name("All Saints' Day; National Unity Day") == (
            "诸圣节; 国家统一日"
        )
        # A holiday we have no name for stays as the package names it.
        assert translate_holiday_name("Jan Hus Day") == "Jan Hus Day"
