"""Multilingual content signals and bank details compared with those on file."""

from __future__ import annotations

import pytest

from chengxin.guard.content import BankDetails, ContactDetails, analyse_content

# One realistic BEC sentence per language: a bank change, pressed for time.
BEC_SENTENCES = [
    (
        "en",
        "Due to an audit our account is under review, please send the payment to our new "
        "account today as soon as possible.",
        "audit our account",
    ),
    ("zh", "由于审计原因，我司已更换银行账户，请尽快将货款汇到新账户。", "更换银行账户"),
    (
        "es",
        "Le informamos que hemos cambiado de cuenta bancaria; realice el pago urgente.",
        "cambiado de cuenta",
    ),
    (
        "fr",
        "Veuillez noter nos nouvelles coordonnées bancaires et effectuer le virement dès que "
        "possible.",
        "nouvelles coordonnées bancaires",
    ),
    (
        "de",
        "Bitte beachten Sie unsere neue Bankverbindung und überweisen Sie den Betrag umgehend.",
        "neue Bankverbindung",
    ),
    (
        "pt",
        "Informamos os nossos novos dados bancários; efetue o pagamento o mais rápido possível.",
        "novos dados bancários",
    ),
    (
        "ru",
        "Сообщаем вам новые банковские реквизиты, просим срочно произвести оплату.",
        "новые банковские реквизиты",
    ),
    ("ar", "نود إعلامكم بأن لدينا حساب بنكي جديد، الرجاء التحويل فورا.", "حساب بنكي جديد"),
    (
        "tr",
        "Yeni banka hesabımız aşağıdadır, lütfen ödemeyi acilen yapınız.",
        "Yeni banka hesabımız",
    ),
    (
        "ja",
        "振込先口座の変更をお知らせします。至急お振込みをお願いいたします。",
        "振込先口座の変更",
    ),
]

# One ordinary order message per language: nothing about bank details or secrecy.
BENIGN_SENTENCES = [
    ("en", "Thank you for the samples, we will confirm the order quantity next week."),
    ("zh", "样品已收到，谢谢！我们下周确认订单数量。"),
    ("es", "Gracias por las muestras, confirmaremos la cantidad del pedido la próxima semana."),
    ("fr", "Merci pour les échantillons, nous confirmerons la quantité la semaine prochaine."),
    ("de", "Danke für die Muster, wir bestätigen die Bestellmenge nächste Woche."),
    ("pt", "Obrigado pelas amostras, confirmaremos a quantidade do pedido na próxima semana."),
    ("ru", "Спасибо за образцы, мы подтвердим количество заказа на следующей неделе."),
    ("ar", "شكرا على العينات، سنؤكد كمية الطلب الأسبوع المقبل."),
    ("tr", "Numuneler için teşekkürler, sipariş miktarını gelecek hafta onaylayacağız."),
    ("ja", "サンプルをありがとうございます。来週、注文数量を確認いたします。"),
]


@pytest.mark.parametrize(("language", "sentence", "phrase"), BEC_SENTENCES)
def test_bank_change_and_urgency_in_every_language(
    language: str, sentence: str, phrase: str
) -> None:
    analysis = analyse_content("", sentence)
    bank = analysis.finding("bank_change_request")
    assert bank is not None
    assert (bank.language, bank.phrase) == (language, phrase)
    urgency = analysis.finding("urgency")
    assert urgency is not None and urgency.language == language


@pytest.mark.parametrize(("language", "sentence"), BENIGN_SENTENCES)
def test_ordinary_order_mail_raises_nothing(language: str, sentence: str) -> None:
    assert analyse_content("Order", sentence).findings == ()


@pytest.mark.parametrize(
    ("sentence", "code", "phrase"),
    [
        (
            "Please keep this confidential until the acquisition closes.",
            "secrecy",
            "keep this confidential",
        ),
        ("此事请保密，不要告诉其他同事。", "secrecy", "此事请保密"),
        (
            "Ich bin in einer Besprechung, rufen Sie mich nicht an.",
            "secrecy",
            "rufen Sie mich nicht an",
        ),
        (
            "Please note my new email address: j.doe.acme@gmail.com",
            "contact_change_request",
            "new email address",
        ),
        ("我的邮箱已更换，请发到这个新邮箱。", "contact_change_request", "邮箱已更换"),
        (
            "Nouvelle adresse e-mail à partir d'aujourd'hui.",
            "contact_change_request",
            "Nouvelle adresse e-mail",
        ),
        ("Please find the TT copy attached.", "payment_notice", "TT copy"),
        ("附件是付款水单，请查收。", "payment_notice", "水单"),
    ],
)
def test_other_signals(sentence: str, code: str, phrase: str) -> None:
    finding = analyse_content("", sentence).finding(code)
    assert finding is not None and finding.phrase == phrase


def test_disclaimers_and_quoted_lines_are_ignored() -> None:
    text = (
        "Thanks, see you at the fair.\n"
        "> Please keep this confidential and send to our new account.\n"
        "This e-mail is confidential and intended solely for the addressee; "
        "do not call us about a new bank account.\n"
    )
    assert analyse_content("Re: fair", text).findings == ()


def test_priority_header_counts_as_urgency() -> None:
    analysis = analyse_content("Hello", "Hi", headers=[("X-Priority", "1 (Highest)")])
    urgency = analysis.finding("urgency")
    assert urgency is not None and urgency.language == "header"


def test_iban_and_bic_are_validated_and_compared_with_file() -> None:
    text = (
        "Beneficiary: Acme GmbH\n"
        "IBAN: DE89 3704 0044 0532 0130 00\n"
        "SWIFT/BIC: COBADEFFXXX\n"
        "New IBAN: GB82 WEST 1234 5698 7654 32\n"
        "Not an IBAN: DE00 1234 5678 9012 3456 78\n"
        "DOCUMENT PURCHASE ORDER\n"
    )
    on_file = BankDetails.of(ibans=["DE89370400440532013000"], bics=["COBADEFF"])
    analysis = analyse_content("", text, bank_details=on_file)
    found = {(a.kind, a.value): a for a in analysis.accounts}
    assert set(found) == {
        ("iban", "DE89370400440532013000"),
        ("iban", "GB82WEST12345698765432"),
        ("bic", "COBADEFFXXX"),
    }
    assert found[("iban", "DE89370400440532013000")].on_file
    assert found[("bic", "COBADEFFXXX")].on_file
    new = analysis.new_accounts
    assert [(a.value, a.country, a.display) for a in new] == [
        ("GB82WEST12345698765432", "GB", "GB82 WEST 1234 5698 7654 32")
    ]


def test_iban_after_the_word_account_is_not_also_an_account_number() -> None:
    text = "Please pay to our account IBAN DE89 3704 0044 0532 0130 00 as usual."
    on_file = BankDetails.of(ibans=["DE89370400440532013000"])
    analysis = analyse_content("", text, bank_details=on_file)
    assert [(a.kind, a.value) for a in analysis.accounts] == [("iban", "DE89370400440532013000")]
    assert analysis.new_accounts == ()


def test_account_number_after_keyword_in_several_languages() -> None:
    text = "Account No.: 6222 0212 3456 7890 123\n账号：6217000010012345678\nTel 12345678"
    analysis = analyse_content("", text, bank_details=BankDetails.of(account_numbers=["1"]))
    numbers = [a.value for a in analysis.accounts if a.kind == "account_number"]
    assert numbers == ["6222021234567890123", "6217000010012345678"]


def test_real_lure_iban_and_bic() -> None:
    text = "IBAN: ES67 2100 3467 1007 0001 6539\nAccount Number: 0700016539\nSWIFT/BIC Code: CAIXESBBXXX"
    analysis = analyse_content("", text)
    assert [(a.kind, a.value, a.bank) for a in analysis.accounts] == [
        ("iban", "ES6721003467100700016539", "CAIXABANK, S.A."),
        ("bic", "CAIXESBBXXX", ""),
    ]


def test_phone_numbers_compared_with_file() -> None:
    text = "My new phone number is +44 20 7946 0958, the old one +86 21 6288 0000 is off."
    contacts = ContactDetails.of(phones=["+86 21 6288 0000"])
    analysis = analyse_content("", text, contact_details=contacts)
    assert analysis.phones == ("+442079460958", "+862162880000")
    assert analysis.unknown_phones == ("+442079460958",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our bank account has changed. Please use the new details below.",
        "We have changed our bank, please update your records.",
        "Kindly note that our banking details have been updated.",
    ],
)
def test_short_bank_change_announcements(sentence: str) -> None:
    assert "bank_change_request" in analyse_content("Notice", sentence).codes


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks, the payment arrived in our bank account yesterday.",
        "The bank is closed on Monday, so we changed the shipping date.",
    ],
)
def test_bank_words_without_a_change_request(sentence: str) -> None:
    assert "bank_change_request" not in analyse_content("Notice", sentence).codes
