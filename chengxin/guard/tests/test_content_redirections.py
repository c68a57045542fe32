"""Requests that never say "new" or "changed", and the benign mail that looks like them.

Each class in each of the ten languages, written for these tests (not taken from the
corpus): money sent to another party (a group or parent company, an agent, a factoring
company, a friend's company, an owner's personal card), a temporary, alternative or
corrected account, an address to use instead of the usual one (webmail, "this
address", "the address in my signature", "not the general mailbox", a new domain). The
benign side: invoice and L/C corrections that keep the bank, the writer's own payment,
a new tax number or phone system, a colleague introduced while the shared mailbox stays.
"""

from __future__ import annotations

import pytest

from chengxin.guard.content import analyse_content

CODES = {"bank_change_request", "contact_change_request"}

#: (language, class, text, code)
REDIRECTIONS = [
    # -- another party collects the money --------------------------------------------
    (
        "en",
        "group company",
        "Dear Mr Wang,\n\nPlease note that our group treasury in Dubai settles all supplier "
        "and customer balances this quarter. Kindly remit the second instalment to Crescent "
        "Group Holdings, account 0192 5531 8870, Emirates NBD.\n\nBest, Farid",
        "bank_change_request",
    ),
    (
        "en",
        "agent",
        "Hi Lucy, the demurrage for container TGHU 553120 should be paid to our local agent "
        "in Lagos, not to the head-office account. I'll pass on the agent's bank data "
        "tomorrow. Cheers, Tom",
        "bank_change_request",
    ),
    (
        "en",
        "factoring",
        "To whom it may concern: we have assigned our receivables to Northbridge Factoring "
        "Ltd. Invoices dated after 1 March are payable only to the assignee, as set out in "
        "the attached notice.",
        "bank_change_request",
    ),
    (
        "en",
        "owner's card",
        "hi Amy, our company account is stuck in the bank's KYC check, can you send this "
        "deposit to my boss's personal account for now? details on WhatsApp. thx",
        "bank_change_request",
    ),
    (
        "en",
        "corrected account",
        "Dear Ken, apologies, the account number printed on PI 7781 has a typo. The correct "
        "account is 6600 1923 4410, please make sure the transfer goes there and not to the "
        "number on the PI.",
        "bank_change_request",
    ),
    (
        "en",
        "webmail",
        "Hello Grace, our server keeps rejecting large files. Could you mail the packing "
        "list and the draft B/L to this address instead: rk.shipping.desk@outlook.com. "
        "Thanks, Raj",
        "contact_change_request",
    ),
    (
        "en",
        "signature",
        "Dear Ms Lin, when you answer, please write to the address under my signature "
        "(p.osei@osei-trading.co). The sender shown above is an old alias we are retiring.",
        "contact_change_request",
    ),
    (
        "en",
        "domain",
        "Dear partners, our mailboxes have moved to the domain kestrel-group.io; the old "
        "kestrel.com addresses will stop working on Friday.",
        "contact_change_request",
    ),
    (
        "zh",
        "group company",
        "陈经理您好，本季度起我们集团的款项由香港总公司统一代收，请把这次的尾款付给 Harbor "
        "Link Ltd，汇丰银行，账号 848-221903-838。谢谢！",
        "bank_change_request",
    ),
    (
        "zh",
        "owner's card",
        "小刘，公司户这几天在年审，定金麻烦先转到我们老板的个人卡上，卡号我等下发你。",
        "bank_change_request",
    ),
    (
        "zh",
        "webmail",
        "周工，我们公司邮箱这周附件发不出去，图纸麻烦发到这个邮箱：linjie_design@163.com，谢谢。",
        "contact_change_request",
    ),
    (
        "zh",
        "not the usual mailbox",
        "王小姐，合同签好后请直接发给我助理 amy.chen.office@gmail.com，不要发到公司公共邮箱，"
        "这样我能早点看到。",
        "contact_change_request",
    ),
    (
        "es",
        "agent",
        "Hola Martín: el flete de este embarque págalo a nuestro agente en Callao y no a la "
        "cuenta de la empresa; te paso sus datos por WhatsApp. Gracias, Lucía",
        "bank_change_request",
    ),
    (
        "es",
        "factoring",
        "Muy señores nuestros: les informamos de que hemos cedido las facturas de este "
        "ejercicio a Iberfactor S.A., por lo que los pagos deberán hacerse a la cuenta de "
        "dicha entidad indicada en el documento adjunto.",
        "bank_change_request",
    ),
    (
        "es",
        "webmail",
        "Estimada Sra. Liu: nuestro servidor bloquea los adjuntos grandes. Le ruego que "
        "envíe los certificados a esta dirección: pedro.compras.mx@hotmail.com. Saludos",
        "contact_change_request",
    ),
    (
        "fr",
        "parent company",
        "Bonjour Madame Zhao, pour cette commande le règlement est à effectuer auprès de "
        "notre société mère à Genève, Alpina Holding SA, compte CH93 0076 2011 6238 5295 7. "
        "Bien à vous, Julien",
        "bank_change_request",
    ),
    (
        "fr",
        "corrected account",
        "Bonjour Paul, il y a une erreur sur le RIB de la facture 3318 : merci de verser "
        "sur le compte 3004 1000 0123 4567 et non sur celui imprimé. Cordialement, Inès",
        "bank_change_request",
    ),
    (
        "fr",
        "signature",
        "Madame, pour votre réponse, veuillez utiliser l'adresse indiquée dans ma signature "
        "(c.morel@morel-negoce.fr.com) ; l'adresse d'envoi est un ancien alias.",
        "contact_change_request",
    ),
    (
        "de",
        "collection agent",
        "Sehr geehrter Herr Li, die offenen Posten werden ab sofort durch unseren "
        "Inkassopartner Baltic Collect GmbH eingezogen. Bitte überweisen Sie den Saldo auf "
        "dessen Konto laut beiliegendem Schreiben.",
        "bank_change_request",
    ),
    (
        "de",
        "webmail",
        "Hallo Frau Wu, unsere IT sperrt gerade Anhänge von außen. Schicken Sie die "
        "Zeichnungen bitte an diese Adresse: m.krause.einkauf@gmx.de. Danke, Markus",
        "contact_change_request",
    ),
    (
        "pt",
        "friend's company",
        "Oi Jun, o sinal desse pedido pode mandar para a conta da empresa de um amigo meu, "
        "ele acerta comigo depois. Te passo os dados no WhatsApp. Abraço, Rafael",
        "bank_change_request",
    ),
    (
        "pt",
        "webmail",
        "Prezada Sra. Tang, o nosso servidor está a recusar anexos. Envie por favor os "
        "documentos de embarque para este e-mail: joana.compras.pt@gmail.com. Obrigada",
        "contact_change_request",
    ),
    (
        "ru",
        "temporary account",
        "Добрый день, Ли! Наш расчётный счёт временно заблокирован банком из-за проверки. "
        "Оплату за вторую партию, пожалуйста, переведите на счёт нашего директора, реквизиты "
        "пришлю отдельно.",
        "bank_change_request",
    ),
    (
        "ru",
        "not the general mailbox",
        "Сергей Петрович просит отправлять документы по контракту не на общий адрес, а "
        "лично ему на s.petrov.work@yandex.ru. Спасибо!",
        "contact_change_request",
    ),
    (
        "ar",
        "group company",
        "الأخ تشانغ، نرجو تحويل الدفعة الثانية إلى شركتنا الأم في دبي، البيانات البنكية في "
        "الملف المرفق. مع التحية",
        "bank_change_request",
    ),
    (
        "ar",
        "webmail",
        "أستاذة لي، السيرفر عندنا يرفض المرفقات الكبيرة، أرجو إرسال الرسومات إلى هذا "
        "الإيميل: hassan.design.office@gmail.com وشكرا",
        "contact_change_request",
    ),
    (
        "tr",
        "agent",
        "Merhaba Wei, navlun bedelini şirket hesabımıza değil, Mersin'deki acentemizin "
        "hesabına yatırmanızı rica ederiz. Banka bilgilerini ayrıca gönderiyorum.",
        "bank_change_request",
    ),
    (
        "tr",
        "webmail",
        "Merhaba Lin Hanım, sunucumuz ekleri engelliyor. Belgeleri lütfen şu adrese "
        "gönderin: emre.satinalma34@hotmail.com. Teşekkürler",
        "contact_change_request",
    ),
    (
        "ja",
        "parent company",
        "王様\n今回のお支払いは親会社であるサクラホールディングス名義の口座へお振込みください。"
        "口座情報は添付の通知書をご確認ください。",
        "bank_change_request",
    ),
    (
        "ja",
        "webmail",
        "劉様\n社内サーバーで大きな添付ファイルが受信できないため、図面はこちらのアドレスに"
        "お送りください：tanaka.sekkei@gmail.com",
        "contact_change_request",
    ),
]

#: (language, class, text)
LOOK_ALIKES = [
    (
        "en",
        "invoice correction",
        "Hi Mia, invoice 4410 shows 1,200 sets instead of 1,020; please correct the quantity "
        "and total. Bank details on it are fine. Thanks, Ben",
    ),
    (
        "en",
        "our own payment",
        "Dear Lily, this time we will pay you from our Citibank account in Singapore instead "
        "of our usual HSBC one, so the sender name will look different.",
    ),
    (
        "en",
        "colleague",
        "Dear all, Sarah has left the company. Her accounts are now handled by Peter, and "
        "you can keep writing to sales@ridge-tools.com as usual.",
    ),
    (
        "en",
        "phone system",
        "We are switching to a new telephone system next week; our main number +44 20 7946 "
        "0321 does not change.",
    ),
    (
        "en",
        "L/C amendment",
        "Please ask your issuing bank to amend L/C 77X123: latest shipment 20 May instead of "
        "10 May. All other terms, including the advising bank, remain unchanged.",
    ),
    (
        "en",
        "shipping address",
        "Please send the samples to this address instead of our office: 12 Harbour Road, "
        "Felixstowe. Our e-mail and bank details stay the same.",
    ),
    (
        "zh",
        "invoice correction",
        "李小姐，3308号发票单价写错了，麻烦改成8.2美元重开一张，银行信息都没问题。",
    ),
    (
        "zh",
        "our own payment",
        "张经理，这次我们从香港公司的账户给您付款，付款人名字会不一样，请注意查收。",
    ),
    ("zh", "tax number", "各位客户：我司合并后税号已变更为91310000MA1K，银行账户和联系方式不变。"),
    (
        "es",
        "invoice correction",
        "Hola Sonia, en la factura 552 el peso bruto está mal, son 880 kg. Corríjalo por "
        "favor; los datos bancarios están bien.",
    ),
    (
        "fr",
        "L/C amendment",
        "Merci de demander à votre banque émettrice une modification du crédit documentaire "
        ": date d'expédition au 15 juin. Les autres conditions restent inchangées.",
    ),
    (
        "de",
        "colleague",
        "Hallo zusammen, Frau Brandt hat uns verlassen. Ihre Kunden betreut ab sofort Herr "
        "Vogel; schreiben Sie bitte weiterhin an einkauf@holzwerk-rhein.de.",
    ),
    (
        "pt",
        "tax number",
        "Prezados, após a fusão o nosso NIF passou a ser 517 220 410. A conta bancária e os "
        "e-mails continuam os mesmos.",
    ),
    (
        "ru",
        "our own payment",
        "Добрый день! В этот раз мы оплатим с нашего счёта в Альфа-Банке, а не из Сбербанка, "
        "поэтому отправитель будет другой.",
    ),
    (
        "ar",
        "tax number",
        "عملاءنا الكرام، تغير الرقم الضريبي لشركتنا بعد الدمج، أما الحساب البنكي والبريد "
        "الإلكتروني فلم يتغيرا.",
    ),
    (
        "tr",
        "colleague",
        "Değerli müşterimiz, Ahmet Bey emekli oldu; siparişlerinizle artık Selin Hanım "
        "ilgilenecek. Her zamanki gibi siparis@demir-tekstil.com.tr adresine yazabilirsiniz.",
    ),
    (
        "ja",
        "invoice correction",
        "佐藤様\n請求書No.2201の数量に誤りがありましたので、修正版を送付いたします。"
        "振込先口座は従来通りです。",
    ),
]


@pytest.mark.parametrize(("language", "kind", "text", "code"), REDIRECTIONS)
def test_redirection_without_a_new_word_is_caught(
    language: str, kind: str, text: str, code: str
) -> None:
    analysis = analyse_content("", text)
    assert code in analysis.codes, (language, kind)


@pytest.mark.parametrize(("language", "kind", "text"), LOOK_ALIKES)
def test_benign_look_alike_of_a_redirection_stays_quiet(
    language: str, kind: str, text: str
) -> None:
    analysis = analyse_content("", text)
    assert not analysis.codes & CODES, (language, kind, [f.phrase for f in analysis.findings])
