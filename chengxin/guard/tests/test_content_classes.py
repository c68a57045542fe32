"""Classes of wording found on texts the recogniser was not tuned on, in ten languages.

Written for these tests (not taken from the corpus). The benign side: the amendment of a
letter of credit whose beneficiary and bank stay; payment details said to stay "as
before" after the noun, "already on file" or "need not change"; a reader checking a
number seen in the writer's signature; "we never ask you to pay to a new account" in a
newsletter; a new online-banking app; a telephone system and its extensions; an
amount corrected while the account stays; the writer's own company account; the writer
paying from a relative's or an office's account; a buyer asking for the correct IBAN. The
request side: "pay it not to us but to our broker", an account number corrected after a
typo, the account of a relative, partner or office of the writer, the writer's other
company, a collector or collection agency, mobile money, a crypto wallet, "not bank A but
our account at bank B"; a messenger banned, a mailbox that fails, an expired domain,
documents sent directly to someone at a webmail address, a verification call diverted to
the writer's own number.
"""

from __future__ import annotations

import pytest

from chengxin.guard.content import analyse_content

CODES = {"bank_change_request", "contact_change_request"}

#: (language, class, text)
BENIGN = [
    # -- the amendment of a letter of credit -------------------------------------------
    (
        "en",
        "L/C amendment",
        "Dear Ms Lin, our bank has issued the amendment to L/C 7712: latest shipment date "
        "moved to 15 June. Beneficiary and advising bank unchanged. Regards, Tom",
    ),
    (
        "es",
        "L/C amendment",
        "Estimada Sra. Lin: nuestro banco emitió la modificación de la carta de crédito "
        "7712, con nueva fecha de embarque el 15 de junio. Beneficiario y banco avisador "
        "sin cambios.",
    ),
    (
        "fr",
        "L/C amendment",
        "Madame, notre banque a émis l'amendement de la lettre de crédit 7712 : nouvelle "
        "date d'expédition au 15 juin. Le bénéficiaire et la banque notificatrice restent "
        "les mêmes.",
    ),
    (
        "de",
        "L/C amendment",
        "Sehr geehrte Frau Lin, unsere Hausbank hat die Akkreditivänderung zu LC 7712 "
        "eröffnet, neues Verladedatum 15. Juni. Begünstigter und Bank bleiben gleich.",
    ),
    (
        "pt",
        "L/C amendment",
        "Prezada Sra. Lin, o nosso banco emitiu a alteração da carta de crédito 7712, nova "
        "data de embarque 15 de junho. Beneficiário e banco avisador sem alteração.",
    ),
    (
        "ru",
        "L/C amendment",
        "Госпожа Линь, наш банк направил изменение к аккредитиву 7712: новая дата "
        "отгрузки 15 июня. Бенефициар и авизующий банк без изменений.",
    ),
    (
        "ar",
        "L/C amendment",
        "السيدة لين، أرسل بنكنا تعديلا على الاعتماد رقم 7712 بتاريخ شحن جديد في 15 يونيو. "
        "المستفيد والبنك المراسل كما هما.",
    ),
    (
        "tr",
        "L/C amendment",
        "Sayın Lin Hanım, bankamız 7712 sayılı akreditif için değişiklik talimatını iletti, "
        "yeni yükleme tarihi 15 Haziran. Lehtar ve ihbar bankası aynı.",
    ),
    (
        "zh",
        "L/C amendment",
        "林女士您好，我行已开出信用证7712的修改书，最迟装运期改为6月15日，受益人和通知行均不变。",
    ),
    (
        "ja",
        "L/C amendment",
        "林様 弊社取引銀行にて信用状7712の条件変更を行いました。船積期限は6月15日です。"
        "受益者および通知銀行は同じです。",
    ),
    # -- the details stay as before, are on file, need not change ------------------------
    (
        "ru",
        "details as before",
        "Коллеги, высылаем новый каталог на осень. Скидки обновлены. Реквизиты прежние.",
    ),
    (
        "ja",
        "details as before",
        "王様 見積書の品番に誤りがありましたので、修正版をお送りします。お振込先は従前のとおりです。",
    ),
    (
        "zh",
        "details need not change",
        "王经理，请把合同里的交货期改成8月底，付款条件和收款账户都无需修改。",
    ),
    (
        "es",
        "already on file",
        "Hola Ana, para el cierre del año necesitamos un certificado bancario de la cuenta "
        "que ya tenemos registrada de ustedes. Solo es para el archivo.",
    ),
    (
        "en",
        "already on file",
        "Hi Ana, for our year-end audit we need a bank letter for the account we already "
        "have on file for you. Nothing else is needed.",
    ),
    (
        "ar",
        "same usual account",
        "أخي علي، البنوك مقفلة بسبب العطلة الرسمية، والحوالة بتوصلكم يوم الأحد على نفس "
        "الحساب المعتاد.",
    ),
    (
        "ar",
        "dialect: did not change",
        "يا أخي، لو جاتكم رسالة باسمنا لا تصدقوها. حسابنا ورقمنا ما تغيروا.",
    ),
    # -- the reader checks a number seen in the writer's signature ------------------------
    (
        "en",
        "checking a signature number",
        "Hi Wendy, I noticed a new mobile number in your signature. Is this really your "
        "number? We will call you on the one from the contract first.",
    ),
    (
        "ru",
        "checking a signature number",
        "Ирина, в вашей подписи новый номер телефона. Это действительно ваш номер? "
        "Позвоним сначала по старому.",
    ),
    (
        "tr",
        "checking a signature number",
        "Merhaba Ayşe Hanım, imzanızda yeni bir cep numarası var. Bu numara gerçekten size "
        "mi ait? Önce sözleşmedeki numaradan arayacağız.",
    ),
    (
        "de",
        "checking a signature number",
        "Hallo Frau Wu, in Ihrer Signatur steht eine neue Mobilnummer. Ist das wirklich Ihre "
        "Nummer? Wir rufen zuerst die bekannte an.",
    ),
    # -- a newsletter that says what the company never asks -----------------------------
    (
        "de",
        "never asks",
        "Kundenbrief Herbst: neue Lackieranlage, neue Messetermine – und zur Sicherheit: wir "
        "bitten Sie nie per E-Mail, auf ein neues Konto zu überweisen.",
    ),
    # -- a new banking app; a telephone system and its extensions -------------------------
    (
        "ar",
        "banking app",
        "عملاءنا الكرام، أطلقنا تطبيق الخدمات المصرفية الجديد للشركات. أرقام الحسابات كما هي.",
    ),
    (
        "en",
        "banking app",
        "Dear customers, our new online banking app is live; you can follow incoming "
        "transfers there.",
    ),
    (
        "ar",
        "extensions",
        "السادة الكرام، تم تحديث نظام الهاتف وتغيرت الأرقام الداخلية لبعض الزملاء.",
    ),
    (
        "en",
        "extensions",
        "All, the phone system was upgraded over the weekend and some extension numbers "
        "have changed; see the intranet list.",
    ),
    # -- an amount corrected, the writer's own account ----------------------------------
    (
        "en",
        "amount corrected",
        "Dear Ann, there was a typo in the amount on invoice 77. The correct total is "
        "USD 5,400. Our bank account is as on the invoice.",
    ),
    (
        "es",
        "own company account",
        "Hola Ana, el pago de la muestra hágalo a la cuenta de nuestra empresa de siempre, "
        "como en la proforma.",
    ),
    # -- the reader pays their own freight; an L/C opened as agreed ---------------------
    (
        "es",
        "not us but you",
        "Hola Li, según el Incoterm no a nosotros sino a ustedes les corresponde pagar el flete.",
    ),
    (
        "en",
        "L/C opened",
        "Dear Li, our bank has opened the L/C today; the advising bank is HSBC Shanghai as agreed.",
    ),
    # -- the writer paid from someone's account; a buyer asks for the correct IBAN ------
    (
        "ru",
        "paid from the director's card",
        "Ли, оплату за образцы мы произвели с карты нашего директора, отправитель будет другой.",
    ),
    (
        "ar",
        "paid from our office's account",
        "السيد لي، تم تحويل الدفعة اليوم من حساب مكتبنا في جدة، نرجو تأكيد الاستلام.",
    ),
    (
        "es",
        "paid from a relative's account",
        "Hola Li, hicimos el pago desde la cuenta de mi hermano; el ordenante será distinto.",
    ),
    (
        "en",
        "asks for the correct IBAN",
        "Dear Li, the IBAN on your invoice seems to have a typo. Could you confirm the "
        "correct IBAN before we pay?",
    ),
    (
        "pt",
        "amount corrected",
        "Olá Li, há um erro no valor da fatura 12. O correto é USD 4.500. A conta bancária "
        "continua a mesma.",
    ),
    (
        "ru",
        "payment not arrived",
        "Анна, оплата по счёту 77 пока не поступила к нам, проверьте, пожалуйста, у банка.",
    ),
    (
        "de",
        "the forwarder's own invoice",
        "Frau Lin, die Fracht zahlen Sie bitte direkt an den Spediteur statt an uns. Seine "
        "Rechnung liegt bei.",
    ),
    (
        "ru",
        "the forwarder's own invoice",
        "Анна, фрахт оплатите, пожалуйста, экспедитору напрямую, вместо нас. Его счёт во вложении.",
    ),
]


#: (language, class, text)
REQUESTS = [
    # -- not to us but to another party -----------------------------------------------
    (
        "en",
        "not to us",
        "Hi Tom, the rebate of USD 800 please transfer not to us but straight to our "
        "forwarder, Bluewave Logistics; their bank data follow.",
    ),
    (
        "es",
        "not to us",
        "Hola Tom, la bonificación de 800 USD transfiérela no a nosotros sino directamente "
        "a nuestro transitario; te mando sus datos.",
    ),
    (
        "fr",
        "not to us",
        "Bonjour Tom, la remise de 800 USD, merci de la virer non à nous mais directement "
        "à notre transitaire ; ses coordonnées suivent.",
    ),
    (
        "de",
        "not to us",
        "Hallo Tom, den Bonus von 800 USD überweisen Sie bitte nicht an uns, sondern direkt "
        "an unseren Spediteur; dessen Daten folgen.",
    ),
    (
        "pt",
        "not to us",
        "Olá Tom, o bônus de 800 USD transfira não para nós, e sim direto para o nosso "
        "despachante; mando os dados dele.",
    ),
    (
        "ru",
        "not to us",
        "Том, бонус 800 долларов переведите, пожалуйста, не нам, а сразу нашему "
        "экспедитору, его реквизиты пришлю.",
    ),
    (
        "tr",
        "not to us",
        "Merhaba Tom, 800 USD primi bize değil, doğrudan nakliyecimizin hesabına "
        "gönderin; bilgileri ekte.",
    ),
    (
        "zh",
        "not to us",
        "汤姆你好，这800美元返利不要付给我们，直接转到我们货代的账户，资料随后发你。",
    ),
    (
        "ja",
        "not to us",
        "トム様 今回の800ドルの返金は弊社ではなく、直接フォワーダーの口座へお振込みください。"
        "口座情報は別途お送りします。",
    ),
    # -- an account number corrected after a typo --------------------------------------
    (
        "en",
        "corrected number",
        "Dear Ann, there is a typo in the IBAN on invoice 77. The correct IBAN is "
        "GB33 BUKB 2020 1555 5555 55; please pay to that one.",
    ),
    (
        "pt",
        "corrected number",
        "Cara Ana, há uma gralha no IBAN da fatura 77. O correto é "
        "PT50 0002 0123 1234 5678 9015 4, por favor transfira para esse.",
    ),
    (
        "de",
        "corrected number",
        "Liebe Frau Lin, in der IBAN auf Rechnung 77 ist ein Fehler. Die richtige IBAN "
        "lautet DE89 3704 0044 0532 0130 00.",
    ),
    (
        "tr",
        "corrected number",
        "Ayşe Hanım, faturadaki IBAN yanlış yazılmış. Doğrusu: "
        "TR33 0006 1005 1978 6457 8413 26. Ödemeyi buna yapın lütfen.",
    ),
    (
        "ja",
        "corrected number",
        "林様 請求書に記載の口座番号に誤りがありました。正しくは 普通 1234567 です。"
        "こちらにお振込みください。",
    ),
    (
        "ru",
        "corrected number",
        "Анна, в счёте на оплату ошибка в номере счёта. Правильный счёт: "
        "40702810900000012345, платите на него.",
    ),
    # -- the account of a relative, partner or office of the writer --------------------
    (
        "es",
        "relative's account",
        "Sr. Li, el reembolso deposítelo en la cuenta de mi hermano en el BBVA, la de la "
        "empresa está bloqueada. Cuenta 0182-1234-56-7890123456.",
    ),
    (
        "pt",
        "partner's account",
        "Sr. Li, o reembolso do molde pague na conta da nossa empresa parceira, os dados "
        "estão no PDF.",
    ),
    (
        "en",
        "partner's account",
        "Hi Li, please pay the mould refund into the account of our partner in Milan, "
        "details in the PDF.",
    ),
    # -- the writer's other company, a collector acting for the creditor ---------------
    (
        "es",
        "other company",
        "Hola Li, el pago del molde mejor hazlo a la otra sociedad que tenemos en Panamá. "
        "Te mando el IBAN luego.",
    ),
    (
        "en",
        "collector on behalf",
        "We act on behalf of Ridge Tools Ltd regarding the unpaid balance of USD 9,300. "
        "Please settle within 10 days to IBAN GB29 NWBK 6016 1331 9268 19.",
    ),
    # -- "rather than to bank X", "instead of our account" ------------------------------
    (
        "fr",
        "rather than the other bank",
        "Bonjour M. Li, merci de virer le solde à notre compte à la BNP plutôt qu'à la "
        "Société Générale, ce dernier va être fermé.",
    ),
    (
        "ar",
        "sister company instead of ours",
        "السيد لي المحترم، نرجو تحويل المبلغ إلى حساب شركتنا الشقيقة في عمّان بدلا من "
        "حسابنا المعتاد. البيانات في الخطاب المرفق.",
    ),
    # -- a crypto wallet; a representative's Alipay; a split to a partner --------------
    (
        "pt",
        "crypto wallet",
        "Oi Li, dá pra pagar a comissão em USDT? Carteira TRC20: "
        "TXk4m9Pq2Rs7Vw3Yz8Ab6Cd1Ef5Gh2Jk9L.",
    ),
    (
        "ja",
        "representative's Alipay",
        "李さん サンプル代は人民元で、うちの広州駐在の田中の支付宝にお願いできますか？",
    ),
    (
        "pt",
        "split to a partner",
        "Sr. Li, pode pagar metade para a conta habitual e metade para a conta da nossa "
        "empresa parceira em Madrid?",
    ),
    # -- mobile money to a phone number, a UnionPay card, a collection agency ----------
    (
        "fr",
        "mobile money",
        "Bonjour M. Li, pour ma commission, envoyez-la par Orange Money au +225 07 12 34 56 "
        "78, c'est plus rapide que le compte de la société.",
    ),
    (
        "ru",
        "UnionPay card",
        "Ли, оплату за образцы переведите, пожалуйста, в юанях нашему представителю, карта "
        "UnionPay на имя Ван Лэй, номер пришлю.",
    ),
    (
        "es",
        "collection agency",
        "Estimado cliente: la gestión de cobro de las facturas de Metales Sur S.A. ha sido "
        "encomendada a Recaudos del Pacífico. Los pagos deben hacerse a la cuenta del anexo.",
    ),
    # -- "don't send it to bank A, send it to our account at bank B" --------------------
    (
        "pt",
        "not bank A, our account at bank B",
        "Oi Li, esse pagamento não manda pro Itaú, manda pra nossa conta no Bradesco, os "
        "dados vão abaixo.",
    ),
    # -- "confirm our new account with your signature" is no check of a signature ------
    (
        "tr",
        "confirm with your signature",
        "Sayın Li, yeni hesabımızı imzanızla onaylayıp sisteminize kaydedin lütfen, eski "
        "hesap kapandı.",
    ),
    (
        "ar",
        "confirm with your signature",
        "السيد لي، يرجى اعتماد حسابنا الجديد بتوقيعكم وتحديث سجلاتكم، الحساب القديم مغلق.",
    ),
    # -- the account on file is the one replaced ----------------------------------------
    (
        "en",
        "replace the registered account",
        "Dear Li, please replace the account already registered with you by our new "
        "account at DBS, 0012-345-678.",
    ),
    # -- "we receive payments at X from now on" -----------------------------------------
    (
        "de",
        "receive from now on",
        "Bitte notieren Sie: Wir empfangen Zahlungen ab sofort bei der Sparkasse, IBAN "
        "DE02 1203 0000 0000 2020 51.",
    ),
]


#: (language, class, text): contact requests
CONTACTS = [
    # -- documents to someone of the writer's at a webmail address, "not to me" --------
    (
        "en",
        "assistant at webmail",
        "Hi Jo, I'm off to trade fairs for three weeks, so send the invoice and B/L to my "
        "secretary at mia.office.helper@yahoo.com, not to me.",
    ),
    # -- a messenger account banned or locked -------------------------------------------
    (
        "en",
        "messenger banned",
        "Hi Amy, it's Mark. My old WhatsApp got banned, add my new one and we keep talking "
        "about the deposit there.",
    ),
    (
        "ar",
        "messenger locked",
        "يا أستاذ وانغ، الواتساب بتاعي اتقفل، كلمني على الرقم ده 01112233445.",
    ),
    # -- the office mailbox does not work, a domain expired, a mailbox is full ------------
    (
        "es",
        "office mail not working",
        "Hola Wen, te escribo desde mi Hotmail porque el correo del trabajo no nos está "
        "funcionando. Mándame la factura a este correo.",
    ),
    (
        "pt",
        "domain expired",
        "Olá Wen, o nosso domínio expirou. Até renovar, mandem os documentos para "
        "vendas.norte.br@gmail.com, por favor.",
    ),
    (
        "ru",
        "mailbox full",
        "Вэнь, у меня ящик переполнен, письма не доходят. Пиши пока на sergey.sklad@yandex.ru.",
    ),
    # -- documents directly to someone at a webmail address -----------------------------
    (
        "en",
        "directly to a webmail desk",
        "Hello, our bank wants the invoice copy sent directly to their collections clerk at "
        "collections.desk.hk@outlook.com before the originals go out.",
    ),
    (
        "ru",
        "lawyer at webmail",
        "Добрый день! Пришлите, пожалуйста, копию контракта нашему юристу на "
        "ivanov.law@yandex.ru, он готовит бумаги.",
    ),
    # -- a short Turkish message with few function words --------------------------------
    (
        "tr",
        "short message, new broker",
        "Selam Ayşe, faturanın taramasını yeni gümrükçümüze atar mısın? Adresi: "
        "deniz.gumruk@gmail.com. Eski adrese atma artık.",
    ),
    (
        "pt",
        "directly to a bank officer's address",
        "Boa tarde, o nosso banco pediu que a fatura seja enviada diretamente para o e-mail "
        "do gerente de contas: atendimento.cambio@banco-trade-br.com.",
    ),
    # -- a verification call diverted to the writer's own number -----------------------
    (
        "en",
        "verification call diverted",
        "Dear Ms Li, if you wish to confirm the new bank details by phone, please do not "
        "call our switchboard, but rather my mobile +44 7700 900456.",
    ),
    (
        "de",
        "verification call diverted",
        "Frau Li, wenn Sie die neue Bankverbindung telefonisch bestätigen wollen, rufen Sie "
        "nicht die Zentrale an, sondern direkt mein Handy +49 171 2345678.",
    ),
    # -- only to this address, leave a colleague out ------------------------------------
    (
        "pt",
        "only to this address",
        "Sr. Wen, peço que os próximos e-mails sobre pagamentos venham só para este e-mail, "
        "sem cópia para o Paulo.",
    ),
]

#: (language, class, text): benign contact look-alikes
CONTACT_BENIGN = [
    (
        "ru",
        "'bye' after the usual personal address",
        "Иван, спасибо за заказ! Если что, пишите мне на ivan.petrov@mail.ru. Пока!",
    ),
    (
        "pt",
        "an invoice fell due",
        "Olá, a fatura 55 venceu ontem; por favor paguem. Dúvidas, escrevam para "
        "financeiro.lojas@gmail.com.",
    ),
    (
        "en",
        "colleague at the company address",
        "Hi Jo, while I'm at the fair please send the packing list to my assistant at "
        "mia@brightlamp-co.com as well.",
    ),
    (
        "en",
        "verify by phone on the number on file",
        "Beware of fraud: to confirm any new bank details, always call us on the number in "
        "your records, never on a number given in the e-mail.",
    ),
    (
        "en",
        "samples directly to a colleague",
        "Hi Li, please send the samples directly to my colleague at tom@brightway-co.com; "
        "he will test them.",
    ),
    (
        "es",
        "contact our agent directly",
        "Hola Wen, nuestro agente visitará la fábrica la semana próxima; su correo es "
        "tomas.agente@gmail.com, puede contactarlo directamente.",
    ),
    (
        "es",
        "mailbox works again",
        "Hola Wen, el correo de la oficina ya funciona de nuevo, gracias por la paciencia.",
    ),
]


@pytest.mark.parametrize(("language", "kind", "text"), CONTACTS)
def test_contact_class_is_caught(language: str, kind: str, text: str) -> None:
    analysis = analyse_content("", text)
    assert "contact_change_request" in analysis.codes, (language, kind)


@pytest.mark.parametrize(("language", "kind", "text"), CONTACT_BENIGN)
def test_benign_contact_class_stays_quiet(language: str, kind: str, text: str) -> None:
    analysis = analyse_content("", text)
    assert not analysis.codes & CODES, (language, kind, [f.phrase for f in analysis.findings])


@pytest.mark.parametrize(("language", "kind", "text"), REQUESTS)
def test_request_class_is_caught(language: str, kind: str, text: str) -> None:
    analysis = analyse_content("", text)
    assert "bank_change_request" in analysis.codes, (language, kind)


@pytest.mark.parametrize(("language", "kind", "text"), BENIGN)
def test_benign_class_stays_quiet(language: str, kind: str, text: str) -> None:
    analysis = analyse_content("", text)
    assert not analysis.codes & CODES, (language, kind, [f.phrase for f in analysis.findings])
