"""The learned reading of change requests and how the content check combines it with the rules.

The combination is tested with a stand-in model (fixed probabilities), so the tests say
what the thresholds do whatever the stored weights are; the stored model is tested on
texts written for these tests (none of them is in the corpus it was trained on), one
per class, in several languages.
"""

from __future__ import annotations

import unicodedata

import pytest

from chengxin.guard import content, content_model
from chengxin.guard.change_requests import concept_sentences
from chengxin.guard.content import analyse_content
from chengxin.guard.content_model import Scores, features, load_model, score

CODES = {"bank_change_request", "contact_change_request"}


def _stand_in(monkeypatch: pytest.MonkeyPatch, scores: Scores) -> None:
    monkeypatch.setattr(content_model, "score", lambda text, model=None: scores)


# -- the combination ------------------------------------------------------------------

RULE_REQUEST = "Our bank account has changed. Please use the new details below."
NO_RULE = "Hello Li, the goods are ready; please arrange the balance as agreed."


def test_a_rule_finding_stands_when_the_model_does_not_find_the_text_benign(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stand_in(monkeypatch, Scores(content.CONFIRM, 0.0))
    assert "bank_change_request" in analyse_content("", RULE_REQUEST).codes


def test_a_rule_finding_is_dropped_when_the_model_finds_the_text_plainly_benign(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stand_in(monkeypatch, Scores(content.CONFIRM / 2, 0.0))
    assert not analyse_content("", RULE_REQUEST).codes & CODES


def test_the_model_alone_makes_a_finding_when_confident_and_anchored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stand_in(monkeypatch, Scores(0.1, content.ALONE))
    finding = analyse_content("", NO_RULE).finding("contact_change_request")
    assert finding is not None
    assert finding.language == "en"
    assert finding.phrase in " ".join(NO_RULE.split())


def test_the_model_alone_needs_its_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_in(monkeypatch, Scores(content.ALONE / 2, content.ALONE / 2 - 0.01))
    assert not analyse_content("", NO_RULE).codes & CODES


def test_the_model_alone_needs_something_money_or_mail_goes_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stand_in(monkeypatch, Scores(0.99, 0.0, anchored=False))
    assert not analyse_content("", "Hello to myself! ✔1604667239916").codes & CODES


def test_the_model_adds_no_second_finding_of_the_code_a_rule_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stand_in(monkeypatch, Scores(0.9, 0.05))
    codes = [f.code for f in analyse_content("", RULE_REQUEST).findings]
    assert codes.count("bank_change_request") == 1


# -- the model's parts ------------------------------------------------------------------


def test_frames_are_the_same_concepts_in_every_language() -> None:
    texts = {
        "en": "We have a new bank account.",
        "de": "Wir haben ein neues Bankkonto.",
        "ru": "У нас новый банковский счёт.",
        "zh": "我们有新的银行账户。",
        "ja": "新しい銀行口座ができました。",
    }
    for language, text in texts.items():
        names = set().union(*concept_sentences(text))
        assert {"PAY", "NEW"} <= names, (language, names)
        assert "P:NEW+PAY" in features(text), language


def test_addresses_numbers_and_identifiers_are_marked() -> None:
    names = set().union(
        *concept_sentences(
            "Write to bob.k@gmail.com or call +44 7700 900123. IBAN DE89 3704 0044 0532 0130 00"
        )
    )
    assert {"FREEMAIL", "PHONE", "IDENTIFIER"} <= names
    assert "EMAIL" in set().union(*concept_sentences("Write to sales@acme-trading.de."))


def test_scores_are_probabilities_and_deterministic() -> None:
    model = load_model()
    assert len(model.weights) > 1000
    for text in (RULE_REQUEST, NO_RULE, "", "💡", "a" * 20000):
        first, second = score(text), score(text)
        assert first == second
        assert 0.0 <= first.bank <= 1.0 and 0.0 <= first.contact <= 1.0
        assert first.request <= 1.0 + 1e-9


def test_the_strongest_sentence_is_one_of_the_text() -> None:
    text = "Thanks for the order.\nFrom next week please remit to our new account at DBS. Regards"
    sentence = content_model.strongest_sentence(text, 0)
    assert sentence == "From next week please remit to our new account at DBS."


# -- the stored model on texts written for these tests, one per class -------------------

REQUESTS = [
    ("en", "account changed", "FYI our receiving account changed last week, details attached."),
    ("en", "now receive", "We now take all USD payments at our Citibank Singapore account."),
    ("zh", "update records", "请在贵司系统里把我们的收款信息更新成附件里的新账户。"),
    (
        "es",
        "refund elsewhere",
        "El reembolso, por favor, a la cuenta de mi primo, la mía está cerrada.",
    ),
    (
        "fr",
        "new beneficiary",
        "Merci de créer un nouveau bénéficiaire pour nos prochains règlements.",
    ),
    ("de", "casual", "zahl bitte ab jetzt aufs neue konto, das alte gibts nicht mehr"),
    ("pt", "typo", "mudamos a conta do banco, favor pagar na conta nova em anexo"),
    (
        "ru",
        "implied",
        "Деньги по этому счёту отправьте, пожалуйста, на другой наш счёт, реквизиты ниже.",
    ),
    ("tr", "formal", "Banka hesap bilgilerimiz değişmiştir, ödemeleri yeni hesabımıza yapınız."),
    ("ja", "short", "振込先が変わりました。新しい口座は添付をご覧ください。"),
    ("ar", "bank", "تم تغيير حسابنا البنكي، يرجى التحويل إلى الحساب الجديد المرفق."),
    (
        "en",
        "email",
        "Please use my new address m.chan.orders@outlook.com for all orders from now on.",
    ),
    (
        "de",
        "email",
        "Bitte schreiben Sie mir künftig nur noch an meine private Adresse j.klein@gmx.de.",
    ),
    ("en", "phone", "New WhatsApp number: +44 7700 900456, message me there about the payment."),
]

BENIGN = [
    ("en", "payment received", "We received your payment of USD 4,200 today, thank you."),
    ("en", "same account", "Please pay the balance to the usual account shown on the invoice."),
    ("zh", "unchanged", "我司银行账户没有任何变化，请放心付款。"),
    ("es", "anti-fraud", "Aviso: nunca cambiamos nuestros datos bancarios por correo electrónico."),
    (
        "fr",
        "account manager",
        "Votre nouvelle chargée de clientèle est Mme Petit à partir de lundi.",
    ),
    (
        "de",
        "portal",
        "Ihr Konto im Kundenportal ist freigeschaltet, bitte vergeben Sie ein Passwort.",
    ),
    ("pt", "SWIFT copy", "Segue o comprovante SWIFT do pagamento feito hoje."),
    ("ru", "office", "Наш офис переехал на улицу Ленина, 5. Телефоны прежние."),
    ("tr", "price list", "2027 fiyat listemiz ekte, yeni fiyatlar ocaktan itibaren geçerlidir."),
    ("ja", "payment received", "ご入金を確認いたしました。ありがとうございました。"),
    ("ar", "reminder", "نذكركم بأن الفاتورة رقم 552 مستحقة الدفع نهاية الأسبوع."),
]


@pytest.mark.parametrize(("language", "kind", "text"), REQUESTS)
def test_a_request_of_each_class_is_caught(language: str, kind: str, text: str) -> None:
    analysis = analyse_content("", text)
    found = [f for f in analysis.findings if f.code in CODES]
    assert found, (language, kind, score(text))
    normal = " ".join(unicodedata.normalize("NFKC", text).split())
    assert all(f.phrase and f.phrase in normal for f in found)


@pytest.mark.parametrize(("language", "kind", "text"), BENIGN)
def test_benign_mail_of_each_class_stays_quiet(language: str, kind: str, text: str) -> None:
    analysis = analyse_content("", text)
    assert not analysis.codes & CODES, (language, kind, score(text), analysis.findings)
