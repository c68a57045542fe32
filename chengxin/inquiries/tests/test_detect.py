"""The classifier that proposes inquiries, in the buyers' languages."""

from __future__ import annotations

import pytest

from chengxin.inquiries.detect import looks_like_inquiry, read_inquiry


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("RFQ: LED panels", ""),
        ("Inquiry for 2000 pcs", "Hello"),
        ("Hello", "Please send us your quotation for 500 units, MOQ and lead time."),
        ("询价", "请报价 2000 件 LED 面板"),
        ("LED 面板", "请问最低起订量是多少？"),
        ("Anfrage LED-Panels", "Bitte senden Sie uns ein Angebot."),
        ("Demande de prix", "Bonjour, pouvez-vous nous envoyer un devis ?"),
        ("Solicitud", "Necesitamos una cotización para 300 unidades."),
        ("Запрос", "Пришлите, пожалуйста, коммерческое предложение."),
        ("お見積りのお願い", "見積もりをお願いします。"),
        ("Fiyat teklifi", "Merhaba, teklif gönderir misiniz?"),
        ("طلب عرض سعر", "نرجو إرسال عرض سعر"),
        ("Hello", "What is your price and lead time for samples?"),
    ],
)
def test_inquiries_in_the_buyers_languages(subject, body):
    assert looks_like_inquiry(subject, body), (subject, body)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Order 4711: delivery schedule", "Please find the schedule attached."),
        ("Out of office", "I am away until Monday. For prices ask my colleague about quotation."),
        ("Payment advice", "Remittance for invoice 88 attached."),
        ("Happy new year", "Best wishes from all of us."),
        ("Re: meeting", "> Please send your quotation\n\nThanks, see you Tuesday."),
        ("Hello", "The price is fine."),  # one weak word alone
    ],
)
def test_not_inquiries(subject, body):
    assert not looks_like_inquiry(subject, body), (subject, body)


def test_the_reading_names_the_words_found():
    assert read_inquiry("RFQ", "MOQ?").words == ("moq", "rfq")


def test_any_text_is_read_without_error():
    for text in ["", "\x00", "a" * 100_000, "🙂" * 1000, "\u202e" * 10]:
        read_inquiry(text, text)
