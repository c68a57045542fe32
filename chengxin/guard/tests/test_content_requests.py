"""Bank- and contact-change requests in ten languages: each class of wording, and the
benign texts that share their words (chengxin.guard.change_requests)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from chengxin.guard.change_requests import find_change_requests, fold
from chengxin.guard.content import analyse_content

CODES = {"bank_change_request", "contact_change_request"}

# (language, class of wording, text, expected code)
REQUESTS = [
    # English
    (
        "en",
        "formal",
        "We wish to inform you that our remittance details have been amended "
        "with effect from 1 May.",
        "bank_change_request",
    ),
    (
        "en",
        "casual",
        "hey, heads up - we switched banks, ping me for the new info",
        "bank_change_request",
    ),
    (
        "en",
        "implied",
        "Going forward, kindly settle all invoices to our account with DBS Singapore.",
        "bank_change_request",
    ),
    (
        "en",
        "numbers",
        "Please remit the balance to IBAN GB33 BUKB 2020 1555 5555 55 from now on.",
        "bank_change_request",
    ),
    (
        "en",
        "passive",
        "Payments are to be directed to our affiliate's account until the audit is over.",
        "bank_change_request",
    ),
    (
        "en",
        "question",
        "Could you update the beneficiary on your side to our Singapore entity?",
        "bank_change_request",
    ),
    (
        "en",
        "old stopped",
        "Kindly do not send anything to the old account; it has been closed.",
        "bank_change_request",
    ),
    ("en", "contact", "I have a new mobile number: +44 7700 900123.", "contact_change_request"),
    (
        "en",
        "contact broken",
        "Our mail server is down, please write to me at ann.k@gmx.net for now.",
        "contact_change_request",
    ),
    # Chinese
    (
        "zh",
        "formal",
        "兹通知，因公司内部调整，我司收款账户已变更，请以新账户为准。",
        "bank_change_request",
    ),
    ("zh", "casual", "亲，我们换银行了哈，尾款打新卡上", "bank_change_request"),
    ("zh", "implied", "从即日起，货款请汇入我司香港子公司的账户。", "bank_change_request"),
    (
        "zh",
        "numbers",
        "今后请付款到以下账号：6222 0210 0112 3456 789，户名：深圳宏达。",
        "bank_change_request",
    ),
    ("zh", "question", "能否麻烦您把我们的收款信息更新一下？", "bank_change_request"),
    ("zh", "contact", "我的手机号换了，以后请打138 0013 8000。", "contact_change_request"),
    # Spanish
    (
        "es",
        "formal",
        "Les comunicamos que nuestros datos bancarios han sido actualizados.",
        "bank_change_request",
    ),
    ("es", "casual", "ojo que cambiamos de banco, te paso la cuenta nueva", "bank_change_request"),
    (
        "es",
        "implied",
        "A partir de este mes, los pagos deberán ingresarse en la cuenta de nuestra filial.",
        "bank_change_request",
    ),
    (
        "es",
        "question",
        "¿Podrían actualizar la cuenta beneficiaria en su sistema?",
        "bank_change_request",
    ),
    (
        "es",
        "contact",
        "Mi correo anterior ya no está activo, escríbanme a p.ruiz@gmail.com.",
        "contact_change_request",
    ),
    # French
    (
        "fr",
        "formal",
        "Nous vous informons que notre domiciliation bancaire a été modifiée.",
        "bank_change_request",
    ),
    ("fr", "casual", "on a changé de banque, je t'envoie le nouveau RIB", "bank_change_request"),
    (
        "fr",
        "implied",
        "Dorénavant, merci de régler nos factures sur le compte de notre filiale.",
        "bank_change_request",
    ),
    (
        "fr",
        "question",
        "Pourriez-vous mettre à jour nos coordonnées bancaires dans votre système ?",
        "bank_change_request",
    ),
    (
        "fr",
        "contact",
        "Ma boîte mail est pleine, écrivez-moi plutôt sur whatsapp au +33 6 12 34 56 78.",
        "contact_change_request",
    ),
    # German
    (
        "de",
        "formal",
        "Hiermit teilen wir Ihnen mit, dass sich unsere Bankverbindung geändert hat.",
        "bank_change_request",
    ),
    ("de", "compound", "Anbei unsere Kontoänderungsmitteilung.", "bank_change_request"),
    (
        "de",
        "implied",
        "Zahlungen bitte ab sofort ausschließlich auf das Konto unserer Tochtergesellschaft.",
        "bank_change_request",
    ),
    (
        "de",
        "question",
        "Können Sie die Empfängerdaten in Ihrem System aktualisieren?",
        "bank_change_request",
    ),
    (
        "de",
        "contact",
        "Bitte nutzen Sie ab sofort meine neue E-Mail-Adresse.",
        "contact_change_request",
    ),
    # Portuguese
    (
        "pt",
        "formal",
        "Informamos que os nossos dados bancários foram alterados.",
        "bank_change_request",
    ),
    ("pt", "casual", "mudamos de banco, vou te mandar a conta nova", "bank_change_request"),
    (
        "pt",
        "implied",
        "Doravante, os pagamentos devem ser feitos na conta da nossa filial.",
        "bank_change_request",
    ),
    (
        "pt",
        "question",
        "Podem atualizar a conta do beneficiário no vosso sistema?",
        "bank_change_request",
    ),
    ("pt", "contact", "Meu celular mudou, o novo é +55 11 98765 4321.", "contact_change_request"),
    # Russian
    (
        "ru",
        "formal",
        "Уведомляем вас об изменении наших банковских реквизитов.",
        "bank_change_request",
    ),
    ("ru", "casual", "мы поменяли банк, скину новые реквизиты", "bank_change_request"),
    (
        "ru",
        "implied",
        "Впредь просим перечислять оплату на счёт нашей дочерней компании.",
        "bank_change_request",
    ),
    ("ru", "question", "Можете обновить наши реквизиты в своей системе?", "bank_change_request"),
    (
        "ru",
        "old stopped",
        "Старый расчётный счёт закрыт, не переводите на него.",
        "bank_change_request",
    ),
    ("ru", "contact", "У меня новый номер телефона: +7 916 123-45-67.", "contact_change_request"),
    # Arabic
    ("ar", "formal", "نحيطكم علما بأنه تم تغيير حسابنا المصرفي.", "bank_change_request"),
    (
        "ar",
        "clitics",
        "وبالنسبة للدفعة القادمة فالرجاء تحويلها لحسابنا الجديد.",
        "bank_change_request",
    ),
    (
        "ar",
        "implied",
        "اعتبارا من اليوم يرجى تحويل المبالغ إلى حساب شركتنا التابعة.",
        "bank_change_request",
    ),
    ("ar", "cause", "حسابنا مجمد حاليا بسبب التدقيق الضريبي.", "bank_change_request"),
    ("ar", "question", "هل يمكنكم تحديث بيانات المستفيد لديكم؟", "bank_change_request"),
    ("ar", "contact", "بريدي الإلكتروني الجديد هو sami.k@gmail.com", "contact_change_request"),
    # Turkish
    ("tr", "formal", "Banka hesap bilgilerimizin değiştiğini bildiririz.", "bank_change_request"),
    ("tr", "casual", "bankamızı değiştirdik, yeni ibanı atıyorum", "bank_change_request"),
    (
        "tr",
        "implied",
        "Bundan sonra ödemeleri bağlı şirketimizin hesabına yapınız.",
        "bank_change_request",
    ),
    (
        "tr",
        "question",
        "Sistemlerinizdeki banka bilgilerimizi güncelleyebilir misiniz?",
        "bank_change_request",
    ),
    (
        "tr",
        "contact",
        "Telefon numaram değişti, yeni numaram +90 532 111 22 33.",
        "contact_change_request",
    ),
    # Japanese
    (
        "ja",
        "formal",
        "弊社の振込先口座が変更となりましたのでお知らせいたします。",
        "bank_change_request",
    ),
    ("ja", "casual", "銀行変えたので、新しい口座に振り込んでね", "bank_change_request"),
    ("ja", "implied", "今後のお支払いは子会社の口座宛にお願いいたします。", "bank_change_request"),
    (
        "ja",
        "question",
        "御社のシステムの支払先情報を更新していただけますか。",
        "bank_change_request",
    ),
    (
        "ja",
        "contact",
        "メールアドレスが変わりました。今後はこちらにご連絡ください。",
        "contact_change_request",
    ),
]

# (language, class, text): words of payments, accounts and contacts, nothing to change.
BENIGN = [
    (
        "en",
        "assurance",
        "Please note that our bank details remain unchanged; pay as on the last invoice.",
    ),
    (
        "en",
        "anti-fraud",
        "Beware of fake e-mails: we will never change our bank account by e-mail.",
    ),
    ("en", "received", "Thank you, the deposit has been received in our account."),
    ("en", "account manager", "Your new account manager, Tom, will contact you next week."),
    ("en", "holiday", "The bank is closed on Monday, so the transfer will go out on Tuesday."),
    ("zh", "assurance", "我司银行账户信息保持不变，请按形式发票上的账户付款。"),
    ("zh", "anti-fraud", "谨防诈骗：我司绝不会通过邮件更改收款账户。"),
    ("zh", "received", "货款已收到，谢谢！我们下周安排出货。"),
    ("zh", "account manager", "我们的新客户经理王小姐会跟您联系。"),
    (
        "es",
        "assurance",
        "Nuestros datos bancarios siguen siendo los mismos que en la última factura.",
    ),
    ("es", "anti-fraud", "Cuidado con correos fraudulentos que piden cambiar de cuenta."),
    ("es", "received", "Hemos recibido su pago en nuestra cuenta, muchas gracias."),
    ("es", "account manager", "Su nuevo gestor de cuenta es el Sr. Gómez."),
    ("fr", "assurance", "Nos coordonnées bancaires restent inchangées."),
    (
        "fr",
        "anti-fraud",
        "Attention aux tentatives de fraude : nous ne changerons jamais de RIB par e-mail.",
    ),
    ("fr", "received", "Nous avons bien reçu votre virement sur notre compte."),
    ("fr", "account manager", "Votre nouveau chargé de compte vous contactera demain."),
    ("de", "assurance", "Unsere Bankverbindung bleibt unverändert."),
    ("de", "anti-fraud", "Achtung Betrug: Wir ändern unsere Bankverbindung niemals per E-Mail."),
    ("de", "received", "Ihre Zahlung ist auf unserem Konto eingegangen, vielen Dank."),
    ("de", "discount", "Bei Zahlung innerhalb von 10 Tagen gewähren wir 2 % Skonto."),
    ("pt", "assurance", "Os nossos dados bancários continuam os mesmos da última fatura."),
    (
        "pt",
        "anti-fraud",
        "Cuidado com golpes: nunca alteramos os nossos dados bancários por e-mail.",
    ),
    ("pt", "received", "Recebemos o seu pagamento na nossa conta, obrigado."),
    ("pt", "account manager", "O seu novo gestor de conta entrará em contato."),
    ("ru", "assurance", "Наши банковские реквизиты остаются прежними."),
    (
        "ru",
        "anti-fraud",
        "Осторожно, мошенники: мы никогда не меняем реквизиты по электронной почте.",
    ),
    ("ru", "received", "Оплата поступила на наш счёт, спасибо."),
    ("ru", "invoice", "Направляем вам новый счёт на оплату № 118."),
    ("ar", "assurance", "بياناتنا المصرفية كما هي دون أي تغيير."),
    ("ar", "anti-fraud", "احذروا من رسائل الاحتيال، لن نطلب منكم أبدا تغيير الحساب."),
    ("ar", "received", "استلمنا دفعتكم في حسابنا، شكرا لكم."),
    ("ar", "account manager", "مدير حسابكم الجديد سيتواصل معكم قريبا."),
    ("tr", "assurance", "Banka bilgilerimiz aynı kalmaktadır."),
    (
        "tr",
        "anti-fraud",
        "Dolandırıcılara dikkat: banka bilgilerimizi asla e-posta ile değiştirmeyiz.",
    ),
    ("tr", "received", "Ödemeniz hesabımıza ulaştı, teşekkürler."),
    ("tr", "account manager", "Yeni müşteri temsilciniz sizinle iletişime geçecek."),
    ("ja", "assurance", "弊社の振込先口座に変更はございません。"),
    (
        "ja",
        "anti-fraud",
        "振込先の変更をメールでご依頼することは決してございません。詐欺にご注意ください。",
    ),
    ("ja", "received", "ご入金を確認いたしました。ありがとうございます。"),
    ("ja", "new product", "新製品のカタログを添付いたします。"),
]


@pytest.mark.parametrize(("language", "style", "text", "code"), REQUESTS)
def test_each_class_of_request_is_caught(language: str, style: str, text: str, code: str) -> None:
    analysis = analyse_content("", text)
    finding = analysis.finding(code)
    assert finding is not None, (style, [f.code for f in analysis.findings])
    assert finding.language == language
    assert finding.phrase and finding.phrase in " ".join(
        unicodedata.normalize("NFKC", text).split()
    )


@pytest.mark.parametrize(("language", "style", "text"), BENIGN)
def test_benign_payment_and_account_talk_stays_quiet(language: str, style: str, text: str) -> None:
    assert not (analyse_content("", text).codes & CODES), style


def test_fold_keeps_offsets_so_the_phrase_is_the_original_text() -> None:
    text = "Änderung der BANKVERBINDUNG – 新しい口座 – İBAN – حسابٌ"
    assert len(fold(text)) == len(text)
    assert fold("Änderung İBAN") == "anderung iban"
    assert fold("أإآ ة ى Ё") == "ااا ه ي е"
    # Harakat and tanwin are dropped for matching; the phrase keeps them.
    finding = analyse_content("", "لدينا حسابٌ مصرفيٌّ جديدٌ").finding("bank_change_request")
    assert finding is not None and finding.phrase == "حسابٌ مصرفيٌّ جديدٌ"


def test_negated_change_and_hypothetical_request_are_not_requests() -> None:
    assert find_change_requests("We have not changed our bank account.") == []
    assert (
        find_change_requests(
            "If you receive an e-mail asking you to pay to a new account, call us."
        )
        == []
    )
    assert find_change_requests("Наши реквизиты не изменились.") == []
    assert find_change_requests("振込先口座は変わりません。") == []


@pytest.mark.xfail(
    reason="a bank named only by its proper name is not a destination noun", strict=True
)
def test_known_limit_bank_named_only_by_name() -> None:
    text = "wir sind jetzt bei der Sparkasse, bitte künftig dorthin überweisen"
    assert analyse_content("", text).finding("bank_change_request") is not None


def test_a_bank_identifier_lets_a_shift_alone_count() -> None:
    text = "From now on please remit to: Bank: DBS, 003-912345-6"
    assert find_change_requests(text, has_identifier=True)


# -- the corpus (bench/guard_content), when the branch has it --------------------------

CORPUS = Path(__file__).resolve().parents[3] / "bench" / "guard_content"
LANGUAGES = ("en", "zh", "es", "fr", "de", "pt", "ru", "ar", "tr", "ja")


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.json")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus_files(), reason="no content corpus in bench/guard_content")
@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_goals_per_language(language: str) -> None:
    requests: list[str] = []
    benign: list[str] = []
    for path in _corpus_files():
        if path.stem != language:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        requests += [item["text"] for item in data.get("requests", [])]
        benign += [item["text"] for item in data.get("benign", [])]
    if not requests and not benign:
        pytest.skip(f"no corpus for {language}")
    missed = [t for t in requests if not analyse_content("", t).codes & CODES]
    flagged = [t for t in benign if analyse_content("", t).codes & CODES]
    assert len(missed) <= 0.02 * len(requests), missed
    assert len(flagged) <= 0.01 * len(benign), flagged
