"""Bank- and contact-change requests in ten languages: each class of wording, and the
benign texts that share their words (chengxin.guard.change_requests)."""

from __future__ import annotations

import json
import os
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


# More wordings per language, each written for these tests: (language, asks for a change?, text).
MORE_WORDINGS = [
    (
        "en",
        True,
        "Hi Chen, for the freight refund please use our Dubai account this time, the UK one has some restrictions at the moment.",
    ),
    (
        "en",
        True,
        "Attached is our updated bank letter. Kindly amend your vendor file accordingly before releasing payment.",
    ),
    ("en", True, "We have opened a USD account in Hong Kong; please make the deposit there."),
    ("en", True, "Can you send the docs to my other email? jim.b.trade@yahoo.com"),
    ("en", True, "Please add my WhatsApp +1 415 555 0134 and message me there instead of email."),
    ("en", True, "Is it possible to send the balance to a different account this time?"),
    (
        "en",
        True,
        "The account details on the attached invoice supersede all previous instructions.",
    ),
    ("en", True, "Our previous banking information is no longer valid."),
    (
        "en",
        True,
        "Please note the account below as our official receiving account effective immediately.",
    ),
    ("en", True, "FYI our Barclays a/c is closed, use the Lloyds one."),
    ("en", True, "The IBAN on our letterhead is outdated; kindly use GB29 NWBK 6016 1331 9268 19."),
    ("en", True, "pls wire to acct below instead, thx"),
    (
        "en",
        True,
        "Kindly effect payment to our correspondent bank account in Dubai for this invoice only.",
    ),
    ("en", True, "Reply to me only at this address: mark.t@outlook.com"),
    (
        "en",
        True,
        "I'm using my personal Gmail while travelling, so write to m.taylor.88@gmail.com.",
    ),
    ("en", True, "Our office phone lines are down, reach me on +44 7911 123456."),
    (
        "en",
        True,
        "Kindly ensure that the balance is sent to our new beneficiary, Oriental Star Trading.",
    ),
    ("en", True, "We would appreciate it if you could redirect the payment to our HK account."),
    ("en", False, "We changed the packaging design, please see the new artwork attached."),
    ("en", False, "Our new office address from 1 June is 88 Harbour Road, Wan Chai."),
    (
        "en",
        False,
        "Please find our new price list attached; bank charges are for the buyer's account.",
    ),
    (
        "en",
        False,
        "Our bank requires the invoice number in the payment reference, please include it.",
    ),
    ("en", False, "Please send the TT copy to my email once the payment is done."),
    (
        "en",
        False,
        "I am out of the office until Monday; for urgent matters please contact my colleague Tom.",
    ),
    ("en", False, "Could you update the order quantity to 5,000 pcs and send a new PI?"),
    (
        "en",
        False,
        "Kindly confirm that the beneficiary name on the PI matches your business licence.",
    ),
    ("en", False, "We will transfer the deposit tomorrow from our account at Citibank."),
    ("en", False, "Please pay to the same account as last time."),
    (
        "en",
        False,
        "Please note the e-mail address of our new forwarder: ops@bluewave-logistics.com",
    ),
    (
        "en",
        False,
        "From now on, my colleague Anna (anna.li@ourfirm.com) will handle your orders, please copy her.",
    ),
    ("en", False, "Our new sales assistant's phone number is +86 21 5555 0101."),
    (
        "en",
        False,
        "We have moved our warehouse to Ningbo; the bank details are of course unchanged.",
    ),
    ("en", False, "The bank holiday on Monday may delay your payment; no need to change anything."),
    ("en", False, "Our account with the shipping line was upgraded, so bookings will be faster."),
    ("en", False, "Please update the shipping marks on the new cartons."),
    ("en", False, "Did you receive our new catalogue? The prices for the new models are attached."),
    (
        "en",
        False,
        "Before we pay: can you confirm whether your bank details have changed recently? We got a strange mail.",
    ),
    (
        "en",
        False,
        "Important: our banking details will only ever be changed by a signed letter, so always call us to confirm.",
    ),
    ("en", False, "We will pay into your account as per the proforma invoice."),
    (
        "en",
        False,
        "Funds have been credited to your new account in Hangzhou as requested last year.",
    ),
    ("en", False, "Our finance team updated the payment terms: 30% deposit, 70% against B/L copy."),
    ("en", False, "Please send the updated invoice with the new quantities to my email."),
    ("zh", True, "这次破损货物的退款请打到我们迪拜的账户。"),
    ("zh", True, "附件是我们最新的银行证明，请在贵司系统里修改供应商资料。"),
    ("zh", True, "能把单据发到我另一个邮箱吗？wangli2026@126.com"),
    ("zh", True, "从下一张发票开始，货款请付到我们关联公司的账户。"),
    ("zh", True, "我们在香港开了一个美元账户，定金请打到这个账户。"),
    ("zh", True, "即日起请将下列账户作为我司正式收款账户。"),
    ("zh", True, "我们建行的账户已经销户了，用农行那个。"),
    ("zh", True, "请不要打到平时那个账户，打到下面这个。"),
    ("zh", True, "请只回复到这个邮箱：zhangwei@outlook.com"),
    ("zh", True, "出差期间我用私人邮箱，请发到 zw2026@gmail.com。"),
    ("zh", False, "我们更换了包装，新的设计稿见附件。"),
    ("zh", False, "从六月起我们的新办公地址是：上海市浦东新区世纪大道10号。"),
    ("zh", False, "付款后请把水单发到我的邮箱。"),
    ("zh", False, "定金明天从我们工商银行的账户汇出。"),
    ("zh", False, "请照旧付到原来的账户。"),
    ("zh", False, "这是我们新货代的邮箱：ops@lanbo-logistics.cn"),
    ("zh", False, "以后您的订单由我同事王丽（wangli@firm.cn）负责。"),
    ("zh", False, "我们仓库搬到了宁波，银行信息没有变化。"),
    ("zh", False, "付款前想确认一下：贵司的银行账户最近有变更吗？我们收到一封奇怪的邮件。"),
    ("zh", False, "我们会按形式发票付款到贵司账户。"),
    ("zh", False, "我们财务调整了付款条件：30%定金。"),
    (
        "es",
        True,
        "Para el reembolso del flete, esta vez usen nuestra cuenta en Panamá, la de España tiene restricciones.",
    ),
    (
        "es",
        True,
        "Adjuntamos certificado bancario actualizado; por favor modifiquen la ficha de proveedor antes del pago.",
    ),
    ("es", True, "¿Me pueden mandar los documentos a mi otro correo? juan.r.compras@hotmail.com"),
    (
        "es",
        True,
        "Les pedimos que a partir de esta factura abonen en la cuenta de nuestra empresa vinculada.",
    ),
    ("es", True, "La cuenta que figura en la factura adjunta sustituye a la anterior."),
    (
        "es",
        True,
        "Tomen nota de la cuenta indicada abajo como nuestra cuenta receptora oficial con efecto inmediato.",
    ),
    ("es", True, "Nuestra cuenta del Sabadell está cerrada, usen la del BBVA."),
    ("es", True, "Por favor, transfieran a la cuenta de abajo en lugar de la habitual."),
    ("es", True, "Respóndame solo a esta dirección: marta.g@outlook.com"),
    ("es", True, "Estoy usando mi Gmail personal mientras viajo, escríbanme a m.gil.88@gmail.com."),
    ("es", False, "Hemos cambiado el diseño del embalaje, adjunto el nuevo arte."),
    ("es", False, "Nuestra nueva dirección de oficina a partir de junio es Calle Mayor 10."),
    ("es", False, "Por favor envíe la copia de la transferencia a mi correo cuando pague."),
    ("es", False, "Mañana transferiremos el anticipo desde nuestra cuenta del Santander."),
    ("es", False, "Paguen a la misma cuenta de siempre, gracias."),
    ("es", False, "Le paso el correo de nuestro nuevo transitario: ops@olaazul.es"),
    ("es", False, "A partir de ahora mi compañera Ana (ana@empresa.es) llevará sus pedidos."),
    ("es", False, "Hemos trasladado el almacén a Valencia; los datos bancarios no cambian."),
    (
        "es",
        False,
        "Antes de pagar, ¿pueden confirmar si sus datos bancarios han cambiado? Recibimos un correo raro.",
    ),
    ("es", False, "Pagaremos en su cuenta según la factura proforma."),
    ("es", False, "Nuestro equipo de finanzas actualizó las condiciones de pago: 30% de anticipo."),
    ("fr", True, "Pour le remboursement, merci d'utiliser cette fois notre compte à Dubaï."),
    (
        "fr",
        True,
        "Ci-joint notre nouvelle attestation bancaire, merci de mettre à jour votre fiche fournisseur.",
    ),
    ("fr", True, "Pouvez-vous envoyer les documents à mon autre adresse ? paul.d.achats@gmail.com"),
    (
        "fr",
        True,
        "À compter de cette facture, les règlements sont à effectuer sur le compte de notre filiale.",
    ),
    ("fr", True, "Le RIB joint remplace celui que nous vous avions communiqué."),
    (
        "fr",
        True,
        "Veuillez noter le compte ci-dessous comme notre compte de réception officiel avec effet immédiat.",
    ),
    ("fr", True, "Notre compte Société Générale est clôturé, utilisez celui du Crédit Agricole."),
    ("fr", True, "Merci de virer sur le compte ci-dessous au lieu de l'habituel."),
    ("fr", True, "Répondez-moi uniquement à cette adresse : marc.t@outlook.fr"),
    (
        "fr",
        True,
        "J'utilise ma messagerie perso pendant mon déplacement, écrivez à m.thomas88@gmail.com.",
    ),
    ("fr", False, "Nous avons changé l'emballage, voici la nouvelle maquette."),
    ("fr", False, "Notre nouvelle adresse de bureau à partir de juin : 10 rue de la Paix."),
    ("fr", False, "Merci d'envoyer la copie du virement à mon adresse e-mail après paiement."),
    ("fr", False, "Nous virerons l'acompte demain depuis notre compte BNP."),
    ("fr", False, "Réglez sur le même compte que la dernière fois, merci."),
    ("fr", False, "Voici l'adresse e-mail de notre nouveau transitaire : ops@vagbleue.fr"),
    ("fr", False, "Désormais ma collègue Anne (anne@societe.fr) suivra vos commandes."),
    (
        "fr",
        False,
        "Nous avons déménagé l'entrepôt à Lyon ; nos coordonnées bancaires ne changent pas.",
    ),
    (
        "fr",
        False,
        "Avant de payer, pouvez-vous confirmer si vos coordonnées bancaires ont changé ? Nous avons reçu un mail étrange.",
    ),
    ("fr", False, "Nous paierons sur votre compte selon la facture proforma."),
    ("fr", False, "Notre service financier a modifié les conditions de paiement : 30 % d'acompte."),
    ("de", True, "Für die Rückerstattung nutzen Sie diesmal bitte unser Konto in Dubai."),
    (
        "de",
        True,
        "Anbei unsere aktualisierte Bankbestätigung, bitte passen Sie Ihre Kreditorenstammdaten an.",
    ),
    (
        "de",
        True,
        "Können Sie die Unterlagen an meine andere Adresse schicken? k.berg.einkauf@gmx.de",
    ),
    ("de", True, "Ab dieser Rechnung bitte auf das Konto unserer Schwestergesellschaft zahlen."),
    ("de", True, "Die beiliegende Bankverbindung ersetzt die bisherige."),
    (
        "de",
        True,
        "Bitte vermerken Sie das untenstehende Konto ab sofort als unser offizielles Empfängerkonto.",
    ),
    (
        "de",
        True,
        "Unser Konto bei der Volksbank ist geschlossen, bitte das bei der Sparkasse nutzen.",
    ),
    ("de", True, "Bitte statt auf das übliche Konto auf das unten genannte überweisen."),
    ("de", True, "Antworten Sie mir bitte nur an diese Adresse: m.weber@outlook.de"),
    (
        "de",
        True,
        "Ich nutze unterwegs meine private Gmail-Adresse, schreiben Sie an m.weber88@gmail.com.",
    ),
    ("de", False, "Wir haben die Verpackung geändert, anbei das neue Layout."),
    ("de", False, "Unsere neue Büroadresse ab Juni: Hafenstraße 10, Hamburg."),
    ("de", False, "Bitte senden Sie die Überweisungskopie an meine E-Mail, sobald bezahlt ist."),
    ("de", False, "Wir überweisen die Anzahlung morgen von unserem Konto bei der Commerzbank."),
    ("de", False, "Bitte zahlen Sie wie immer auf dasselbe Konto."),
    ("de", False, "Hier die E-Mail-Adresse unseres neuen Spediteurs: ops@blauwelle.de"),
    (
        "de",
        False,
        "Ab sofort betreut Sie meine Kollegin Anna (anna@firma.de), bitte setzen Sie sie in Kopie.",
    ),
    (
        "de",
        False,
        "Wir sind mit dem Lager nach Bremen umgezogen, die Bankverbindung bleibt gleich.",
    ),
    (
        "de",
        False,
        "Bevor wir zahlen: Können Sie bestätigen, ob sich Ihre Bankverbindung geändert hat? Wir haben eine seltsame Mail bekommen.",
    ),
    ("de", False, "Wir zahlen gemäß Proformarechnung auf Ihr Konto."),
    ("de", False, "Unsere Finanzabteilung hat die Zahlungsbedingungen geändert: 30 % Anzahlung."),
    ("pt", True, "Para o reembolso do frete, desta vez usem a nossa conta em Dubai."),
    (
        "pt",
        True,
        "Segue a declaração bancária atualizada; favor atualizar o cadastro de fornecedor antes do pagamento.",
    ),
    ("pt", True, "Podem enviar os documentos para o meu outro e-mail? rui.compras@gmail.com"),
    (
        "pt",
        True,
        "A partir desta fatura, os pagamentos devem ser feitos na conta da nossa coligada.",
    ),
    ("pt", True, "Os dados bancários da fatura anexa substituem os anteriores."),
    (
        "pt",
        True,
        "Favor considerar a conta abaixo como nossa conta oficial de recebimento com efeito imediato.",
    ),
    ("pt", True, "A nossa conta do Bradesco foi encerrada, usem a do Itaú."),
    ("pt", True, "Por favor, transfiram para a conta abaixo em vez da habitual."),
    ("pt", True, "Responda-me apenas para este endereço: marcos.t@outlook.com"),
    (
        "pt",
        True,
        "Estou usando meu Gmail pessoal durante a viagem, escreva para m.tavares88@gmail.com.",
    ),
    ("pt", False, "Mudamos a embalagem, segue a nova arte."),
    ("pt", False, "Nosso novo endereço de escritório a partir de junho é Rua Augusta 10."),
    ("pt", False, "Por favor envie o comprovante da transferência para o meu e-mail."),
    ("pt", False, "Amanhã transferimos o sinal a partir da nossa conta no Itaú."),
    ("pt", False, "Paguem na mesma conta de sempre, obrigado."),
    ("pt", False, "Segue o e-mail do nosso novo despachante: ops@ondaazul.pt"),
    (
        "pt",
        False,
        "A partir de agora a minha colega Ana (ana@empresa.pt) vai tratar dos seus pedidos.",
    ),
    ("pt", False, "Mudamos o armazém para Santos; os dados bancários continuam os mesmos."),
    (
        "pt",
        False,
        "Antes de pagar, podem confirmar se os seus dados bancários mudaram? Recebemos um e-mail estranho.",
    ),
    ("pt", False, "Vamos pagar na sua conta conforme a fatura proforma."),
    ("pt", False, "A nossa equipa financeira alterou as condições de pagamento: 30% de sinal."),
    (
        "ru",
        True,
        "Для возврата денег за брак используйте, пожалуйста, на этот раз наш счёт в Дубае.",
    ),
    (
        "ru",
        True,
        "Прилагаем обновлённое письмо из банка, просим внести изменения в карточку поставщика.",
    ),
    ("ru", True, "Можете прислать документы на мою другую почту? ivan.zakup@mail.ru"),
    (
        "ru",
        True,
        "Начиная со следующего инвойса, оплату следует производить на счёт нашей аффилированной компании.",
    ),
    ("ru", True, "Мы открыли счёт в Гонконге, пожалуйста, переведите предоплату туда."),
    (
        "ru",
        True,
        "В связи с санкциями наш банк не может принимать платежи, реквизиты для оплаты изменились.",
    ),
    (
        "ru",
        True,
        "Просим считать указанный ниже счёт нашим официальным счётом для получения платежей с сегодняшнего дня.",
    ),
    ("ru", True, "Наш счёт в Альфа-банке закрыт, используйте счёт в Сбере."),
    ("ru", True, "Переведите, пожалуйста, на счёт ниже вместо обычного."),
    ("ru", True, "Отвечайте мне только на этот адрес: m.petrov@yandex.ru"),
    ("ru", True, "В поездке пользуюсь личной почтой, пишите на m.petrov88@gmail.com."),
    ("ru", False, "Мы изменили упаковку, новый макет во вложении."),
    ("ru", False, "Наш новый адрес офиса с июня: ул. Ленина, 10."),
    ("ru", False, "Пришлите, пожалуйста, копию платёжки на мою почту после оплаты."),
    ("ru", False, "Завтра переведём аванс с нашего счёта в Сбербанке."),
    ("ru", False, "Оплату производите на тот же счёт, что и раньше."),
    ("ru", False, "Направляю почту нашего нового экспедитора: ops@sinyaya-volna.ru"),
    ("ru", False, "Теперь вашими заказами будет заниматься моя коллега Анна (anna@firma.ru)."),
    ("ru", False, "Мы переехали на новый склад, реквизиты не изменились."),
    (
        "ru",
        False,
        "Перед оплатой: подтвердите, пожалуйста, не менялись ли ваши реквизиты? Нам пришло странное письмо.",
    ),
    ("ru", False, "Оплатим на ваш счёт согласно проформе."),
    ("ru", False, "Наш финансовый отдел изменил условия оплаты: 30% предоплата."),
    ("ar", True, "بالنسبة لاسترداد قيمة الشحنة التالفة، يرجى هذه المرة استخدام حسابنا في دبي."),
    ("ar", True, "مرفق خطاب البنك المحدث، نرجو تعديل بيانات المورد في نظامكم."),
    ("ar", True, "ممكن ترسل المستندات على إيميلي الثاني؟ ahmed.sales@gmail.com"),
    ("ar", True, "ابتداء من الفاتورة القادمة يتم السداد على حساب شركتنا الشقيقة."),
    ("ar", True, "فتحنا حسابا جديدا في هونغ كونغ، يرجى تحويل الدفعة المقدمة إليه."),
    ("ar", True, "بسبب العقوبات لا يستطيع بنكنا استقبال الحوالات، وقد تغيرت بيانات الدفع."),
    ("ar", True, "يرجى اعتماد الحساب أدناه كحساب الاستلام الرسمي لدينا بأثر فوري."),
    ("ar", True, "حسابنا في بنك الراجحي مغلق، استخدموا حساب بنك الإنماء."),
    ("ar", True, "يرجى التحويل إلى الحساب أدناه بدلا من المعتاد."),
    ("ar", True, "الرجاء الرد علي فقط على هذا العنوان: m.hassan@outlook.com"),
    ("ar", True, "أستخدم بريدي الشخصي أثناء السفر، راسلوني على m.hassan88@gmail.com."),
    ("ar", False, "قمنا بتغيير التغليف، التصميم الجديد مرفق."),
    ("ar", False, "عنوان مكتبنا الجديد اعتبارا من يونيو هو شارع الملك فهد."),
    ("ar", False, "يرجى إرسال صورة الحوالة إلى بريدي بعد الدفع."),
    ("ar", False, "سنحول الدفعة المقدمة غدا من حسابنا في بنك الراجحي."),
    ("ar", False, "يرجى الدفع على نفس الحساب كالمعتاد."),
    ("ar", False, "هذا البريد الإلكتروني لوكيل الشحن الجديد: ops@bluewave.ae"),
    ("ar", False, "من الآن فصاعدا ستتابع زميلتي منى طلباتكم (mona@company.ae)."),
    ("ar", False, "انتقلنا إلى مستودع جديد، وبياناتنا البنكية لم تتغير."),
    (
        "ar",
        False,
        "قبل الدفع: هل يمكنكم تأكيد ما إذا كانت بياناتكم البنكية قد تغيرت؟ وصلتنا رسالة غريبة.",
    ),
    ("ar", False, "سندفع إلى حسابكم حسب الفاتورة المبدئية."),
    ("ar", False, "قام قسمنا المالي بتعديل شروط الدفع: 30% دفعة مقدمة."),
    ("tr", True, "Hasarlı ürünlerin iadesi için bu sefer Dubai'deki hesabımızı kullanın lütfen."),
    ("tr", True, "Güncel banka yazımız ektedir, tedarikçi kartımızı buna göre düzenleyiniz."),
    ("tr", True, "Evrakları diğer mail adresime gönderebilir misiniz? mehmet.satin@gmail.com"),
    ("tr", True, "Bir sonraki faturadan itibaren ödemeleri kardeş şirketimizin hesabına yapınız."),
    ("tr", True, "Hong Kong'da yeni bir hesap açtık, avansı oraya gönderin."),
    ("tr", True, "Lütfen aşağıdaki hesabı derhal resmi tahsilat hesabımız olarak kaydedin."),
    ("tr", True, "Akbank'taki hesabımız kapandı, Garanti'dekini kullanın."),
    ("tr", True, "Lütfen her zamanki yerine aşağıdaki hesaba havale edin."),
    ("tr", True, "Bana sadece bu adresten cevap verin: murat.k@outlook.com"),
    (
        "tr",
        True,
        "Seyahatteyken kişisel Gmail adresimi kullanıyorum, m.kaya88@gmail.com adresine yazın.",
    ),
    ("tr", False, "Ambalajı değiştirdik, yeni tasarım ekte."),
    ("tr", False, "Haziran'dan itibaren yeni ofis adresimiz: Atatürk Cad. No:10."),
    ("tr", False, "Ödemeden sonra dekontu mail adresime gönderir misiniz?"),
    ("tr", False, "Avansı yarın Ziraat Bankası'ndaki hesabımızdan göndereceğiz."),
    ("tr", False, "Lütfen her zamanki gibi aynı hesaba ödeyin."),
    ("tr", False, "Yeni nakliyecimizin e-posta adresi: ops@mavidalga.com.tr"),
    (
        "tr",
        False,
        "Bundan sonra siparişlerinizle meslektaşım Ayşe (ayse@firma.com.tr) ilgilenecek.",
    ),
    ("tr", False, "Depomuzu İzmir'e taşıdık; banka bilgilerimiz değişmedi."),
    (
        "tr",
        False,
        "Ödemeden önce: banka bilgileriniz değişti mi, teyit edebilir misiniz? Garip bir mail aldık.",
    ),
    ("tr", False, "Proforma faturaya göre hesabınıza ödeme yapacağız."),
    ("tr", False, "Finans ekibimiz ödeme koşullarını değiştirdi: %30 avans."),
    ("ja", True, "破損品の返金は、今回はドバイの口座にお願いします。"),
    ("ja", True, "最新の銀行証明書を添付しますので、御社の取引先情報を修正してください。"),
    ("ja", True, "書類を別のメールアドレスに送っていただけますか。tanaka.buy@gmail.com"),
    ("ja", True, "次回の請求書から、お支払いは関連会社の口座宛にお願いいたします。"),
    ("ja", True, "香港に新しく口座を開設しましたので、前払金はそちらにお振込みください。"),
    ("ja", True, "本日より、下記口座を弊社の正式な受取口座としてご登録ください。"),
    ("ja", True, "三井住友の口座は解約しましたので、みずほの口座をご利用ください。"),
    ("ja", True, "いつもの口座ではなく、下記口座にお振込みください。"),
    ("ja", True, "今後はこのアドレスにのみご返信ください：k.sato@outlook.jp"),
    ("ja", True, "出張中は個人のGmailを使っていますので、k.sato88@gmail.comにお送りください。"),
    ("ja", False, "梱包を変更しましたので、新しいデザインを添付します。"),
    ("ja", False, "6月より新しい事務所の住所は東京都港区1-2-3です。"),
    ("ja", False, "お支払い後、振込控えを私のメールに送ってください。"),
    ("ja", False, "前払金は明日、弊社のみずほ銀行の口座から送金します。"),
    ("ja", False, "いつも通り同じ口座にお振込みください。"),
    ("ja", False, "新しいフォワーダーのメールアドレスはops@aonami.co.jpです。"),
    ("ja", False, "今後は同僚の佐藤（sato@firm.co.jp）が御社の注文を担当します。"),
    ("ja", False, "倉庫を大阪に移転しましたが、振込先口座に変更はございません。"),
    (
        "ja",
        False,
        "お支払い前に確認させてください。御社の振込先口座は最近変更されましたか。不審なメールが届きました。",
    ),
    ("ja", False, "プロフォーマインボイスの通り、貴社口座にお振込みいたします。"),
    ("ja", False, "弊社経理部で支払条件を変更しました。前金30％です。"),
    (
        "ar",
        True,
        "عزيزي السيد وانغ، نود إبلاغكم بأن قسم المالية قام بتحديث تعليمات الدفع الخاصة بنا، يرجى استخدام البيانات المرفقة لسداد الفاتورة.",
    ),
    ("ar", True, "يا ريت تحول المبلغ على حساب ثاني هالمرة، الحساب القديم فيه مشكلة."),
    ("ar", True, "حبيبي الحوالة الجاية خليها على الحساب اللي بعته لك على الواتساب."),
    (
        "ar",
        True,
        "نعتذر عن الإزعاج، لكن الحساب المذكور في الفاتورة موقوف مؤقتا، سنرسل لكم حسابا بديلا.",
    ),
    ("ar", True, "تغير رقم الآيبان الخاص بشركتنا، الرقم الصحيح هو SA03 8000 0000 6080 1016 7519."),
    ("ar", True, "أرجو إرسال أي مراسلات مستقبلية إلى بريدي الجديد."),
    ("ar", True, "رقم جوالي تغير، كلمني على الرقم الجديد 0501234567."),
    ("ar", True, "بسبب تدقيق داخلي، يرجى عدم التحويل إلى حسابنا في بنك الرياض حتى إشعار آخر."),
    ("ar", False, "نود تذكيركم بأن الدفعة المتبقية مستحقة يوم الخميس على نفس الحساب المعتاد."),
    ("ar", False, "تم استلام الحوالة بنجاح، شكرا لتعاونكم."),
    (
        "ar",
        False,
        "تنبيه: لا نقوم بتغيير بياناتنا البنكية عبر البريد الإلكتروني أبدا، تأكدوا دائما بالهاتف.",
    ),
    ("ar", False, "مدير الحسابات لدينا سيرسل لكم كشف الحساب الشهر القادم."),
    (
        "ru",
        True,
        "Уважаемые коллеги, финансовый отдел уведомляет об обновлении платёжных инструкций, просим использовать приложенные данные.",
    ),
    ("ru", True, "Переведите, пожалуйста, в этот раз на другой счёт, на старом какие-то проблемы."),
    (
        "ru",
        True,
        "Счёт, указанный в инвойсе, временно заблокирован, реквизиты нового счёта вышлем отдельно.",
    ),
    ("ru", True, "У нашей компании сменился IBAN, правильный: DE89 3704 0044 0532 0130 00."),
    ("ru", True, "Всю дальнейшую переписку прошу направлять на мой новый адрес."),
    (
        "ru",
        True,
        "Из-за проверки просим не переводить средства на наш счёт в ВТБ до особого уведомления.",
    ),
    ("ru", False, "Напоминаем, что остаток нужно оплатить в четверг на тот же счёт, что и всегда."),
    ("ru", False, "Перевод получили, спасибо за сотрудничество."),
    (
        "ru",
        False,
        "Внимание: мы никогда не меняем реквизиты по почте, всегда уточняйте по телефону.",
    ),
    ("ru", False, "Наш бухгалтер пришлёт акт сверки в следующем месяце."),
    (
        "tr",
        True,
        "Sayın Wang, finans departmanımız ödeme talimatlarımızı güncellemiştir, faturayı ekteki bilgilere göre ödeyiniz.",
    ),
    ("tr", True, "Bu sefer parayı başka hesaba atar mısın, eskisinde sorun var."),
    (
        "tr",
        True,
        "Faturada yazan hesap geçici olarak bloke edildi, yeni hesap bilgilerini ayrıca göndereceğiz.",
    ),
    ("tr", True, "Firmamızın IBAN numarası değişti, doğrusu TR33 0006 1005 1978 6457 8413 26."),
    ("tr", True, "Bundan sonraki tüm yazışmaları yeni e-posta adresime gönderiniz."),
    (
        "tr",
        True,
        "Denetim nedeniyle yeni bir duyuruya kadar Ziraat'teki hesabımıza ödeme yapmayınız.",
    ),
    (
        "tr",
        False,
        "Kalan bakiyenin perşembe günü her zamanki hesaba ödenmesi gerektiğini hatırlatırız.",
    ),
    ("tr", False, "Havaleniz ulaştı, teşekkür ederiz."),
    (
        "tr",
        False,
        "Uyarı: banka bilgilerimizi asla e-posta ile değiştirmeyiz, her zaman telefonla teyit ediniz.",
    ),
    ("tr", False, "Muhasebe müdürümüz hesap ekstresini gelecek ay gönderecek."),
    ("ja", True, "今回は別の口座に振り込んでもらえますか。いつもの口座に不具合があって。"),
    (
        "ja",
        True,
        "請求書記載の口座は一時的に凍結されておりますので、新しい口座情報を別途お送りします。",
    ),
    ("ja", True, "弊社のIBANが変わりました。正しくはGB29 NWBK 6016 1331 9268 19です。"),
    ("ja", True, "今後のやり取りはすべて新しいアドレスにお願いします。"),
    ("ja", True, "監査のため、追ってご連絡するまで弊社の三菱UFJ口座へのお振込みはお控えください。"),
    ("ja", False, "残金のお支払い期限は木曜日です。いつもの口座へお振込みをお願いいたします。"),
    ("ja", False, "ご送金を確認いたしました。ありがとうございました。"),
    (
        "ja",
        False,
        "ご注意：弊社がメールで振込先を変更することは決してありません。必ずお電話でご確認ください。",
    ),
    ("ja", False, "担当営業より来月、取引明細をお送りします。"),
    ("zh", True, "王总您好，我司财务部已更新付款指引，请按附件信息付款。"),
    ("zh", True, "这次麻烦打到另一个账户，老账户有点问题。"),
    ("zh", True, "发票上的账户暂时被冻结了，新的账户信息另行发送。"),
    ("zh", True, "我司IBAN号码已变，正确的是DE89 3704 0044 0532 0130 00。"),
    ("zh", True, "今后所有往来邮件请发到我的新邮箱。"),
    ("zh", True, "因审计原因，在另行通知前请勿向我司中国银行账户付款。"),
    ("zh", False, "提醒一下，尾款周四到期，请付到一贯使用的账户。"),
    ("zh", False, "汇款已收到，感谢合作。"),
    ("zh", False, "提醒：我司绝不会通过邮件更改银行信息，请务必电话核实。"),
    ("zh", False, "我们的会计下个月会把对账单发给您。"),
    (
        "en",
        False,
        "I am away until Friday. In the meantime please contact my assistant Li at li.na@ourfirm.com or +86 21 5555 0102.",
    ),
    (
        "en",
        False,
        "Out of office: during my absence, kindly write to my colleague Tom at tom@ourfirm.com instead.",
    ),
    (
        "en",
        False,
        "Kind reminder: the balance of USD 12,000 is due on Friday, please remit to our account as per PI.",
    ),
    (
        "en",
        True,
        "During my business trip please write to my private address anna.travel@gmail.com instead of the office one.",
    ),
    ("zh", False, "我休假到周五，期间有急事请联系我的同事李娜，邮箱 lina@ourfirm.com。"),
    (
        "es",
        False,
        "Estoy fuera hasta el viernes; mientras tanto, escriba a mi compañero Tomás a tomas@empresa.es.",
    ),
    (
        "de",
        False,
        "Ich bin bis Freitag abwesend, wenden Sie sich in der Zwischenzeit bitte an meinen Kollegen Tom: tom@firma.de.",
    ),
    ("ja", False, "金曜日まで不在です。その間は同僚の李（li@firm.co.jp）までご連絡ください。"),
    (
        "en",
        False,
        "Dear Lily,\n\nThanks for the new samples. We changed the carton size to 60x40x40 and updated the shipping marks; the new artwork is attached. Our new account manager, Peter, will join the call on Monday.\n\nThe deposit will be paid this week to your account as per the PI, same as the last order. Please send the TT copy request to our finance mailbox if you don't see it by Friday.\n\nBest regards,\nMark",
    ),
    (
        "en",
        False,
        "Hi Jenny, the bank holiday in the UK delayed our transfer. Our bank confirmed the payment went out today from our HSBC account; I'll send you the SWIFT copy. No change on our side. Cheers, Tom",
    ),
    (
        "en",
        True,
        "Dear Lily,\n\nThanks for the new samples, the colours look great and we changed the carton size as discussed. Production can start next week.\n\nOne more thing: our auditors have frozen our usual account for the year-end review, so please send the deposit to our other account at Standard Chartered, details attached.\n\nBest regards,\nMark",
    ),
    (
        "ru",
        False,
        "Добрый день! Направляем новый счёт за партию №5 и обновлённый упаковочный лист. Оплату, как обычно, на наш расчётный счёт, указанный в договоре.",
    ),
    (
        "ru",
        False,
        "Коллеги, в приложении новый прайс-лист и каталог. Банковские реквизиты прежние, менять ничего не нужно.",
    ),
    (
        "ru",
        True,
        "Добрый день! Направляем упаковочный лист. Обратите внимание: наш расчётный счёт в Сбербанке закрыт, оплату просим перечислить по новым реквизитам во вложении.",
    ),
    (
        "de",
        False,
        "Hallo Frau Chen, anbei die neue Preisliste und der geänderte Liefertermin. Die Anzahlung überweisen wir wie gewohnt auf Ihr Konto laut Proforma. Viele Grüße",
    ),
    (
        "de",
        False,
        "Wir haben unser Lager verlegt und die Versandadresse geändert, die neue Adresse finden Sie unten. Bankverbindung und Telefonnummern bleiben gleich.",
    ),
    (
        "fr",
        False,
        "Bonjour, voici la nouvelle liste de prix et la date de livraison modifiée. Nous réglerons l'acompte comme d'habitude sur votre compte selon la proforma.",
    ),
    (
        "fr",
        False,
        "Nous avons déménagé notre entrepôt et modifié l'adresse de livraison ; la nouvelle adresse est ci-dessous. Coordonnées bancaires et téléphones inchangés.",
    ),
    (
        "es",
        False,
        "Hola, adjunto la nueva lista de precios y la fecha de entrega modificada. Pagaremos el anticipo como siempre en su cuenta según la proforma.",
    ),
    (
        "es",
        False,
        "Hemos trasladado el almacén y cambiado la dirección de entrega; la nueva dirección está abajo. Datos bancarios y teléfonos sin cambios.",
    ),
    (
        "pt",
        False,
        "Olá, segue a nova tabela de preços e a data de entrega alterada. Pagaremos o sinal como sempre na conta de vocês conforme a proforma.",
    ),
    (
        "pt",
        False,
        "Mudamos o armazém e alteramos o endereço de entrega; o novo endereço está abaixo. Dados bancários e telefones sem alteração.",
    ),
    (
        "tr",
        False,
        "Merhaba, yeni fiyat listesi ve değişen teslim tarihi ektedir. Avansı her zamanki gibi proformadaki hesabınıza göndereceğiz.",
    ),
    (
        "tr",
        False,
        "Depomuzu taşıdık ve teslimat adresini değiştirdik, yeni adres aşağıdadır. Banka bilgileri ve telefonlar aynı.",
    ),
    (
        "ar",
        False,
        "مرحبا، مرفق قائمة الأسعار الجديدة وموعد التسليم المعدل. سنحول الدفعة المقدمة كالمعتاد إلى حسابكم حسب الفاتورة المبدئية.",
    ),
    (
        "ar",
        False,
        "نقلنا المستودع وغيرنا عنوان التسليم، العنوان الجديد أدناه. البيانات البنكية والهواتف كما هي.",
    ),
    ("zh", False, "您好，附件是新的价格表和调整后的交期。定金我们照常按形式发票付到贵司账户。"),
    ("zh", False, "我们仓库搬了，收货地址也改了，新地址见下方。银行信息和电话不变。"),
    (
        "ja",
        False,
        "新しい価格表と変更後の納期を添付します。前金はいつも通りプロフォーマ記載の貴社口座へお振込みします。",
    ),
    (
        "ja",
        False,
        "倉庫を移転し、納品先住所を変更しました。新住所は下記の通りです。振込先と電話番号に変更はありません。",
    ),
    (
        "en",
        True,
        "Lost my phone yesterday, this is my temporary number: +44 7700 900456. Please save it.",
    ),
    ("en", True, "Call me on this number instead of the office line: +1 646 555 0199."),
    ("en", True, "Please add my new WeChat ID: mark_trade88"),
    (
        "en",
        True,
        "Text me on WhatsApp rather than email for the shipment updates: +971 50 123 4567.",
    ),
    ("en", False, "You can reach me on WhatsApp +86 138 0013 8000 if anything is unclear."),
    ("en", False, "My phone number is in the signature below."),
    (
        "es",
        True,
        "Perdí el móvil, este es mi número provisional: +34 600 123 456. Guárdelo, por favor.",
    ),
    ("es", True, "Llámeme a este número en lugar de la línea de la oficina: +34 911 234 567."),
    ("es", True, "Agregue mi nuevo WeChat: marta_comex"),
    ("es", False, "Puede contactarme por WhatsApp al +34 600 999 888 si tiene dudas."),
    ("fr", True, "J'ai perdu mon téléphone, voici mon numéro provisoire : +33 6 11 22 33 44."),
    (
        "fr",
        True,
        "Appelez-moi sur ce numéro plutôt que sur la ligne du bureau : +33 1 42 00 00 00.",
    ),
    ("fr", True, "Ajoutez mon nouveau WeChat : paul_import"),
    ("fr", False, "Vous pouvez me joindre sur WhatsApp au +33 6 99 88 77 66 en cas de question."),
    (
        "de",
        True,
        "Habe mein Handy verloren, das ist meine vorübergehende Nummer: +49 151 1234 5678.",
    ),
    ("de", True, "Rufen Sie mich bitte unter dieser Nummer statt im Büro an: +49 30 1234 5678."),
    ("de", True, "Bitte fügen Sie meine neue WeChat-ID hinzu: klaus_einkauf"),
    ("de", False, "Bei Fragen erreichen Sie mich per WhatsApp unter +49 151 9999 8888."),
    ("pt", True, "Perdi o celular, este é o meu número provisório: +55 11 91234 5678."),
    ("pt", True, "Ligue-me neste número em vez da linha do escritório: +55 11 3333 4444."),
    ("pt", True, "Adicione o meu novo WeChat: rui_import"),
    ("pt", False, "Pode me chamar no WhatsApp +55 11 98888 7777 se tiver dúvidas."),
    (
        "ru",
        True,
        "Потерял телефон, это мой временный номер: +7 916 555-44-33. Сохраните, пожалуйста.",
    ),
    ("ru", True, "Звоните мне на этот номер вместо офисного: +7 495 123-45-67."),
    ("ru", True, "Добавьте мой новый WeChat: ivan_trade"),
    ("ru", False, "Если будут вопросы, пишите мне в WhatsApp +7 916 000-11-22."),
    ("ar", True, "فقدت جوالي، هذا رقمي المؤقت: +971 50 765 4321. يرجى حفظه."),
    ("ar", True, "اتصل بي على هذا الرقم بدلا من هاتف المكتب: +971 4 123 4567."),
    ("ar", True, "أضف حسابي الجديد على وي تشات: ahmed_trade"),
    ("ar", False, "يمكنك التواصل معي عبر واتساب +971 50 111 2233 إذا كان لديك أي استفسار."),
    ("tr", True, "Telefonumu kaybettim, geçici numaram: +90 532 765 43 21. Lütfen kaydedin."),
    ("tr", True, "Ofis hattı yerine beni bu numaradan arayın: +90 212 123 45 67."),
    ("tr", True, "Yeni WeChat hesabımı ekleyin: mehmet_trade"),
    (
        "tr",
        False,
        "Sorunuz olursa WhatsApp'tan +90 532 111 22 33 numarasından bana ulaşabilirsiniz.",
    ),
    ("zh", True, "我手机丢了，这是我的临时号码：138 0013 8000，请保存。"),
    ("zh", True, "请打这个号码找我，不要打办公室座机：021-5555 0101。"),
    ("zh", True, "请加我的新微信：wangli_trade"),
    ("zh", False, "有问题可以加我微信 wangli88 随时联系。"),
    ("ja", True, "携帯を紛失しましたので、こちらの臨時番号にご連絡ください：090-1234-5678。"),
    ("ja", True, "事務所の電話ではなく、こちらの番号にお電話ください：080-9876-5432。"),
    ("ja", True, "新しいWeChatを追加してください：sato_trade"),
    ("ja", False, "ご不明な点があればWhatsApp（+81 90 1111 2222）でご連絡ください。"),
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


@pytest.mark.parametrize(("language", "asks", "text"), MORE_WORDINGS)
def test_more_wordings(language: str, asks: bool, text: str) -> None:
    findings = [f for f in analyse_content("", text).findings if f.code in CODES]
    if asks:
        assert findings and findings[0].language == language
    else:
        assert findings == []


@pytest.mark.parametrize(
    "text",
    [
        # No destination noun, only a partner's or a bank's proper name: the rules have no
        # composition for these; the learned model reads them.
        "Due to sanctions, payment cannot be received in Moscow. Please transfer to our partner "
        "in Dubai.",
        "wir sind jetzt bei der Sparkasse, bitte künftig dorthin überweisen",
    ],
)
def test_destination_named_only_by_a_name_is_read_by_the_model(text: str) -> None:
    assert analyse_content("", text).finding("bank_change_request") is not None


@pytest.mark.xfail(reason="no destination noun: only two banks' names", strict=True)
def test_known_limit_destination_named_only() -> None:
    text = (
        "Our accounts team asked me to tell you the remittance should now go to Standard "
        "Chartered, not HSBC."
    )
    assert analyse_content("", text).codes & CODES


def test_fold_keeps_offsets_so_the_phrase_is_the_original_text() -> None:
    text = "Änderung der BANKVERBINDUNG – 新しい口座 – İBAN – حسابٌ"
    assert len(fold(text)) == len(text)
    assert fold("Änderung İBAN") == "anderung iban"
    assert fold("أإآ ة ى Ё") == "ااا ه ي е"
    # Harakat and tanwin are dropped for matching; the phrase keeps them.
    finding = analyse_content("", "لدينا حسابٌ مصرفيٌّ جديدٌ").finding("bank_change_request")
    assert finding is not None and finding.phrase == "حسابٌ مصرفيٌّ جديدٌ"


@pytest.mark.parametrize(
    "text",
    [
        "Pls note our bank acount has change, kindly pay to new acount below.",
        "my emial adress is change, pls write to new one: bob.k@gmail.com",
        "Unsere Bankverbindung hat sich geaendert, bitte ueberweisen Sie ab sofort auf das neue Konto.",
        "Banka hesabimiz degisti, lutfen yeni hesaba odeyiniz.",
    ],
)
def test_typos_and_missing_diacritics(text: str) -> None:
    assert analyse_content("", text).codes & CODES


def test_traditional_chinese_is_read_with_the_same_lexicon() -> None:
    finding = analyse_content("", "本公司收款帳號已變更，舊帳號停用。").finding(
        "bank_change_request"
    )
    assert finding is not None and finding.language == "zh"
    assert analyse_content("", "我們的銀行資料保持不變。").findings == ()


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


def test_a_bank_identifier_lets_a_shift_alone_count() -> None:
    text = "From now on please remit to: Bank: DBS, 003-912345-6"
    assert find_change_requests(text, has_identifier=True)


# -- the corpus (bench/guard_content), when the branch has it --------------------------

#: The repository's corpus, and any other roots named in GUARD_CONTENT_CORPUS (separated
#: like PATH), e.g. the corpus branches' worktrees before they are merged.
CORPORA = [Path(__file__).resolve().parents[3] / "bench" / "guard_content"] + [
    Path(root) for root in os.environ.get("GUARD_CONTENT_CORPUS", "").split(os.pathsep) if root
]
LANGUAGES = ("en", "zh", "es", "fr", "de", "pt", "ru", "ar", "tr", "ja")


SPLITS = ("dev", "holdout", "unseen")


def _corpus_files(split: str = "*") -> list[Path]:
    """The corpus files of a split (both when ``split`` is "*"): the recogniser is held to
    the goals on the development, the holdout and the unseen split alike."""
    return sorted(
        path for root in CORPORA if root.is_dir() for path in root.glob(f"{split}/*.json")
    )


@pytest.mark.skipif(not _corpus_files(), reason="no content corpus in bench/guard_content")
@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_goals_per_language(split: str, language: str) -> None:
    requests: list[str] = []
    benign: list[str] = []
    for path in _corpus_files(split):
        if path.stem != language:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        requests += [item["text"] for item in data.get("requests", [])]
        benign += [item["text"] for item in data.get("benign", [])]
    if not requests and not benign:
        pytest.skip(f"no {split} corpus for {language}")
    missed = [t for t in requests if not analyse_content("", t).codes & CODES]
    flagged = [t for t in benign if analyse_content("", t).codes & CODES]
    assert len(missed) <= 0.02 * len(requests), missed
    assert len(flagged) <= 0.01 * len(benign), flagged
