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
    (
        "en",
        "other wording",
        "Hello Chen, a quick one: for the balance of PO 8812 please use our Hong Kong sister company's account this time, Kowloon Bay Trading Ltd, HSBC 801-223344-001. Thanks, Priya",
        "bank_change_request",
    ),
    (
        "en",
        "other wording",
        "Dear Sir, kindly route the remaining 70% through our payment agent Swiftline Services; their invoice and account are attached. Regards, Omar",
        "bank_change_request",
    ),
    (
        "en",
        "other wording",
        "Hi, the wire you sent on Monday came back – their compliance desk rejected it. Could you resend it to our alternative account at Standard Chartered, 0107 8821 5540? Sorry for the trouble. Dan",
        "bank_change_request",
    ),
    (
        "en",
        "other wording",
        "Please direct all shipping documents to our accountant at lisa.books.2019@yahoo.com rather than the office mailbox, she is handling the LC presentation.",
        "contact_change_request",
    ),
    (
        "en",
        "other wording",
        "Dear Jenny, please reply only to this address from now on: mark.hughes.uk@protonmail.com – the company server is being audited.",
        "contact_change_request",
    ),
    (
        "zh",
        "other wording",
        "刘总，这笔货款请直接打到我们合作的物流公司账户，他们会代收代付，账户信息附件里有。",
        "bank_change_request",
    ),
    (
        "zh",
        "other wording",
        "您好，上次电汇被退回来了，麻烦重新汇到下面这个备用账户：中国银行 6216 6100 0001 2345 678，户名 林海。",
        "bank_change_request",
    ),
    (
        "zh",
        "other wording",
        "请以后回复到我的私人邮箱 jason_w88@qq.com，公司邮箱最近老是收不到附件。",
        "contact_change_request",
    ),
    (
        "es",
        "other wording",
        "Buenos días Sr. Wu: le pedimos que el saldo pendiente lo transfiera a la cuenta de nuestra filial en Miami, cuyos datos adjunto. La cuenta de España está en proceso de cierre.",
        "bank_change_request",
    ),
    (
        "es",
        "other wording",
        "Hola Ana, contéstame mejor a mi correo personal, carlos.rz.compras@gmail.com, que el de la empresa no me llega bien estos días.",
        "contact_change_request",
    ),
    (
        "fr",
        "other wording",
        "Bonjour, suite au retour de votre dernier virement, merci de bien vouloir le renouveler sur notre compte de secours chez BNP : FR76 3000 4000 0100 0012 3456 789.",
        "bank_change_request",
    ),
    (
        "fr",
        "other wording",
        "Madame Chen, envoyez désormais les documents à mon assistante à l'adresse sophie.assist.direction@gmail.com et non plus à la boîte générale.",
        "contact_change_request",
    ),
    (
        "de",
        "other wording",
        "Hallo Herr Zhou, den Restbetrag bitte diesmal auf das Konto unserer Schwesterfirma in Polen überweisen, die Daten stehen im Anhang.",
        "bank_change_request",
    ),
    (
        "de",
        "other wording",
        "Guten Tag, bitte antworten Sie künftig an meine private Adresse k.wolf.einkauf@web.de, unser Firmenserver wird umgestellt.",
        "contact_change_request",
    ),
    (
        "pt",
        "other wording",
        "Olá Sr. Li, por favor faça o pagamento do saldo para a conta da nossa coligada em Angola, dados em anexo, e não para a conta habitual.",
        "bank_change_request",
    ),
    (
        "pt",
        "other wording",
        "Bom dia, responda por favor para o meu e-mail pessoal marcos.compras.br@hotmail.com, o da empresa está com problemas.",
        "contact_change_request",
    ),
    (
        "ru",
        "other wording",
        "Добрый день! Остаток по контракту прошу перечислить на счёт нашего партнёра ООО «Вектор», реквизиты во вложении. Наш счёт сейчас на проверке.",
        "bank_change_request",
    ),
    (
        "ru",
        "other wording",
        "Коллеги, пишите мне пока на личную почту ivanov.snab@mail.ru, корпоративная почта не работает.",
        "contact_change_request",
    ),
    (
        "ar",
        "other wording",
        "السيد وانغ، يرجى تحويل المبلغ المتبقي إلى حساب شركتنا الشقيقة في عمان، والتفاصيل في المرفق، وليس إلى حسابنا المعتاد.",
        "bank_change_request",
    ),
    (
        "ar",
        "other wording",
        "أرجو الرد على بريدي الشخصي ahmad.trading.ksa@gmail.com لأن بريد الشركة معطل هذه الأيام.",
        "contact_change_request",
    ),
    (
        "tr",
        "other wording",
        "Sayın Zhang, kalan bakiyeyi bu sefer kardeş şirketimizin hesabına gönderin lütfen, bilgiler ekte.",
        "bank_change_request",
    ),
    (
        "tr",
        "other wording",
        "Merhaba, lütfen bundan sonra kişisel adresime yazın: mert.ithalat@gmail.com, şirket maili çalışmıyor.",
        "contact_change_request",
    ),
    (
        "ja",
        "other wording",
        "陳様\n今回の残金は、弊社の関連会社である山田商事の口座へお振込みいただけますでしょうか。口座情報は別途お送りします。",
        "bank_change_request",
    ),
    (
        "ja",
        "other wording",
        "恐れ入りますが、今後のご連絡は私の個人アドレス suzuki.k.trade@gmail.com までお願いいたします。会社のメールが不調のためです。",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear valued customer, please note that payments in US dollars should from now on be sent to our USD account with DBS Singapore, while EUR payments stay as before. Details are on the attached bank letter.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi, see attached the commercial invoice for lot 14. Please only use the bank details printed on this invoice; the ones you have on file are outdated.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Sir/Madam, with reference to the shipment of 12 November, we wish to inform you that, pursuant to the reorganisation of our finance department, all outstanding amounts are to be remitted to the account stated in the enclosed letter, signed by our CFO.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "hey its Tony, lost my phone, this is my number now +852 6123 4567, whatsapp me here",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear all, we have switched e-mail providers. Kindly address all future correspondence to orders@lumenlight-intl.net and delete the lumenlight.com contacts.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "各位客户：因业务调整，自本月起美元货款请汇入我司在招商银行离岸部的账户，欧元账户不变，详见附件银行函。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "张经理，附件是这批货的商业发票，付款请以这张发票上的银行信息为准，之前登记的已经作废。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "王总，我手机丢了，这是我现在的号码 139 1234 5678，有事打这个或者加这个微信。",
        "contact_change_request",
    ),
    (
        "es",
        "more wording",
        "Estimado cliente: a partir de ahora los pagos en dólares deben dirigirse a nuestra cuenta en USD del Banco Santander, según la carta bancaria adjunta.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Hola, te paso la factura del lote 14. Usa solo los datos bancarios que aparecen en esta factura, los que tienes guardados ya no valen.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Madame, Monsieur, nous vous informons que les règlements en dollars devront désormais être adressés à notre compte USD ouvert auprès de la Société Générale, selon le courrier bancaire ci-joint.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Bonjour, j'ai perdu mon téléphone. Voici mon numéro actuel : +33 6 12 34 56 78, contactez-moi plutôt sur WhatsApp.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Sehr geehrte Kunden, Zahlungen in US-Dollar leisten Sie bitte künftig auf unser USD-Konto bei der Commerzbank laut beigefügtem Bankschreiben.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo, anbei die Handelsrechnung für Los 14. Bitte nur die Bankdaten auf dieser Rechnung verwenden, die bei Ihnen hinterlegten sind nicht mehr gültig.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Prezado cliente, a partir de agora os pagamentos em dólares devem ser feitos na nossa conta em USD no Itaú, conforme a carta do banco em anexo.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Oi, perdi meu celular. Meu número agora é +55 11 98765 4321, me chama no WhatsApp por esse.",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Уважаемые клиенты! Платежи в долларах США теперь просим направлять на наш валютный счёт в Райффайзенбанке, согласно приложенному письму банка.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Привет, потерял телефон, мой номер теперь +7 915 123 45 67, пиши в WhatsApp сюда.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "عملاءنا الكرام، يرجى من الآن فصاعدا تحويل المدفوعات بالدولار إلى حسابنا بالدولار لدى بنك الإمارات دبي الوطني، حسب خطاب البنك المرفق.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "مرحبا، ضاع جوالي، هذا رقمي الحالي +971 50 123 4567، كلمني على الواتساب عليه.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Değerli müşterimiz, dolar ödemelerinizi bundan sonra Garanti Bankası'ndaki USD hesabımıza yapmanızı rica ederiz; banka yazısı ektedir.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Selam, telefonumu kaybettim, şu an numaram +90 532 123 45 67, WhatsApp'tan buraya yaz.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "お客様各位\n今後、米ドルでのお支払いは三菱UFJ銀行の弊社米ドル口座宛にお願いいたします。詳細は添付の銀行レターをご覧ください。",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "お世話になっております。請求書を添付いたします。お振込みの際は、この請求書に記載の口座のみをご利用ください。以前の口座情報は無効となりました。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "尊敬的合作伙伴：感谢贵司一直以来的支持。上批货物已顺利到港，客户反馈良好。另外通知一下，根据集团安排，我司的应收款项自即日起由深圳的结算中心统一收取，请将2291号发票款项付至该中心在附件函件中列明的账户。谢谢配合！",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "いつも大変お世話になっております。先日の出荷分につきましては、無事に到着したとの連絡を受けております。さて、誠に恐縮ではございますが、弊社グループの方針により、今後の売掛金は関連会社の山田ファイナンスにて一括回収することとなりました。お振込先は同封の通知書をご確認ください。",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Уважаемые партнёры! Благодарим за своевременную оплату прошлых поставок. Сообщаем, что в связи с реорганизацией расчёты по договору № 14/22 с 1 декабря осуществляются через наше дочернее общество ООО «Север-Финанс»; реквизиты указаны в приложенном письме.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "شركاءنا الأعزاء، نشكركم على تعاونكم المستمر. نود إعلامكم أنه اعتبارا من هذا الشهر سيتم تحصيل جميع مستحقاتنا عن طريق شركتنا التابعة في البحرين، ونرجو سداد الفاتورة رقم 2291 إلى حسابها الموضح في الخطاب المرفق.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Değerli iş ortağımız, önceki sevkiyat için teşekkür ederiz. Grup yapılanması nedeniyle bu aydan itibaren tahsilatlarımız bağlı şirketimiz Kaya Finans tarafından yapılacaktır; 2291 nolu faturanın ödemesini ekteki yazıda belirtilen hesaba yapmanızı rica ederiz.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Prezados, agradecemos a parceria. Informamos que, por decisão do grupo, a partir deste mês os recebimentos passam a ser feitos pela nossa controlada Norte Finanças Ltda.; pedimos que a fatura 2291 seja paga na conta indicada na carta anexa.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear team, we moved our e-mail to Microsoft last weekend and the domain is now harbourline-group.com. Please send purchase orders to po@harbourline-group.com from today.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "各位好，我司邮箱已迁移，域名改为 hongda-group.cn，以后订单请发到 sales@hongda-group.cn。",
        "contact_change_request",
    ),
    (
        "es",
        "more wording",
        "Hola a todos: hemos migrado el correo y nuestro dominio ahora es lumen-iberica.es. Envíen los pedidos a pedidos@lumen-iberica.es desde hoy.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "関係者各位\nメールシステム移行に伴い、ドメインが tanaka-shoji.jp に変わりました。今後の発注書は order@tanaka-shoji.jp 宛にお送りください。",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Merhaba, mail sunucumuzu değiştirdik, alan adımız artık kaya-tekstil.com.tr. Siparişleri bugünden itibaren siparis@kaya-tekstil.com.tr adresine gönderin.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo Herr Lin, auf der Rechnung 4471 ist leider die Kontonummer falsch angegeben. Richtig ist DE44 5001 0517 5407 3249 31 – bitte nur dorthin überweisen.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Disculpe, en la factura 4471 el número de cuenta está mal. El correcto es ES91 2100 0418 4502 0005 1332; por favor transfiera solo a esa cuenta.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Извините, в счёте 4471 ошибка в номере счёта получателя. Правильный: 40702810900000012345, переводите, пожалуйста, только туда.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "عذرا، رقم الحساب في الفاتورة 4471 خطأ. الرقم الصحيح هو AE07 0331 2345 6789 0123 456، يرجى التحويل إليه فقط.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "失礼いたしました。請求書4471の口座番号に誤りがございました。正しい口座番号は 1234567 です。こちらにのみお振込みください。",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi Wen, my office line is down this week. Please call or WhatsApp me on +44 7700 900123 instead for anything about the shipment.",
        "contact_change_request",
    ),
    (
        "es",
        "more wording",
        "Hola Wen, el teléfono de la oficina no funciona esta semana. Llámame o escríbeme por WhatsApp al +34 612 345 678 mejor.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo Wen, unser Festnetz ist diese Woche gestört. Rufen Sie mich bitte stattdessen unter +49 170 1234567 an oder schreiben Sie per WhatsApp.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Wen, ofis hattımız bu hafta arızalı. Lütfen onun yerine +90 532 765 43 21 numarasından bana WhatsApp'tan ulaşın.",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "pls dont use the acct on the old PI, use the one below. thx\nBank: OCBC 501-234567-001",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Jason – accounts here. Could you hold the payment and send it to our Dubai entity instead? It's the same group. Details attached.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi, small change on our side: for this order the money goes to my partner's company in Shenzhen, they handle our China purchasing. Account details below.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "亲，这次的钱直接转我支付宝就行，公司账户太麻烦了。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "王总，这个月开始货款请打到我们香港的户头，不用再打国内的账户了。",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Oye, esta vez mejor mándame el dinero a mi cuenta personal, que la de la empresa está con lío de papeles. Te paso el número.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Salut, pour cette fois vire plutôt sur le compte de mon associé, celui de la boîte est en vérification. Je t'envoie le RIB.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Hi, diesmal bitte nicht aufs Firmenkonto, sondern auf das Konto meines Geschäftspartners, der übernimmt die Abwicklung. IBAN schick ich gleich.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Oi, dessa vez manda o dinheiro pra conta do meu sócio, a da empresa tá travada. Te passo os dados já já.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Привет! В этот раз скинь деньги на карту моего партнёра, наш счёт пока не работает. Номер карты пришлю.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "هلا، هالمرة حول المبلغ على حساب شريكي، حساب الشركة موقوف مؤقتا. برسلك الرقم.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Selam, bu sefer parayı ortağımın hesabına at, şirket hesabı şu an kilitli. IBAN'ı atıyorum.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "今回は私の個人口座にお振込みいただけますか。会社の口座は手続き中で使えません。口座番号は別途お送りします。",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi, our mail server is playing up, please copy my personal address kelly.chan.hk@gmail.com on all replies until further notice.",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Добрый день, пока наш сервер на обслуживании, пишите мне, пожалуйста, на запасной адрес k.ivanova.zakupki@gmail.com.",
        "contact_change_request",
    ),
    (
        "fr",
        "more wording",
        "Bonjour, notre serveur est en maintenance : écrivez-moi en attendant sur mon adresse perso claire.martin.achats@gmail.com.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "السيد لي المحترم،\nتحية طيبة وبعد،\nنود إبلاغكم بأن حسابنا لدى بنك الراجحي يخضع حاليا لمراجعة داخلية، لذا نرجو تحويل دفعة الطلبية الحالية إلى حساب مؤسسة النور للتجارة التابعة لنا، وتجدون بياناتها في المرفق.\nمع خالص التقدير،\nقسم المحاسبة",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "أخي وانغ، كلمني على هذا الرقم من اليوم +966 55 123 4567، رقمي القديم ما عاد شغال.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "عزيزي تشن، نرجو إرسال جميع المستندات من الآن إلى البريد التالي accounts.gulfstar@outlook.com بدلا من بريد الشركة.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Sayın Li,\nBankamızdaki hesabımız yıl sonu denetimi nedeniyle geçici olarak kullanılamıyor. Bu nedenle mevcut siparişin ödemesini bağlı şirketimiz Nur Dış Ticaret'in hesabına yapmanızı rica ederiz; bilgiler ektedir.\nSaygılarımızla",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Wang Bey, bugünden itibaren beni bu numaradan arayın: +90 533 111 22 33, eski hattım kapandı.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Chen, belgeleri bundan sonra şirket adresi yerine accounts.yildiz@outlook.com adresine gönderin lütfen.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "李様\nいつもお世話になっております。\n弊社の取引口座が現在、銀行の内部審査中のため、今回のご注文代金はグループ会社である光商事の口座へお振込みいただけますようお願い申し上げます。口座情報は添付ファイルをご参照ください。\n経理部",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "王様\n本日からこちらの番号にご連絡ください：080-1234-5678。以前の番号は解約いたしました。",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "陳様\n今後、書類はすべて会社のアドレスではなく accounts.hikari@outlook.jp 宛にお送りください。",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Уважаемый господин Ли!\nНаш счёт в Сбербанке сейчас проходит внутреннюю проверку, поэтому оплату текущего заказа просим перечислить на счёт нашей дочерней компании ООО «Нур», реквизиты во вложении.\nС уважением, бухгалтерия",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Ван, звони мне с сегодняшнего дня на этот номер: +7 926 555 44 33, старый больше не обслуживается.",
        "contact_change_request",
    ),
    (
        "pt",
        "more wording",
        "Prezado Sr. Li,\nA nossa conta no Bradesco está em auditoria interna, por isso pedimos que o pagamento da encomenda atual seja feito na conta da nossa filial Nur Comércio, cujos dados seguem em anexo.\nAtenciosamente, Contabilidade",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Wang, a partir de hoje me liga neste número: +55 21 99876 5432, o antigo foi cancelado.",
        "contact_change_request",
    ),
    (
        "es",
        "more wording",
        "Sr. Li:\nNuestra cuenta en el BBVA está en auditoría interna, así que le pedimos que el pago del pedido actual se haga a la cuenta de nuestra filial Nur Comercial, cuyos datos van adjuntos.\nSaludos, Contabilidad",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Monsieur Li,\nNotre compte au Crédit Agricole fait l'objet d'un audit interne ; nous vous prions donc de régler la commande en cours sur le compte de notre filiale Nur Négoce, dont les coordonnées sont jointes.\nLa comptabilité",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Sehr geehrter Herr Li,\nunser Konto bei der Sparkasse wird derzeit intern geprüft. Bitte begleichen Sie die aktuelle Bestellung daher über das Konto unserer Tochtergesellschaft Nur Handel GmbH; die Daten finden Sie im Anhang.\nBuchhaltung",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "李先生您好：\n我司在工商银行的账户目前正在内部审计，本次订单款请付到我们的子公司努尔贸易的账户，资料见附件。\n财务部",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Mr Li,\nOur account with Barclays is currently under internal review, so we kindly ask you to settle the current order via the account of our affiliate Nur Trading Ltd; details attached.\nAccounts Department",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Customer,\nKindly effect payment of the attached invoice to the following account:\nBeneficiary: Goldleaf Trading FZE\nIBAN: AE07 0331 2345 6789 0123 456\nPlease disregard the bank details on previous correspondence.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hello, our accounts receivable team has moved to Manila. Please address remittance advices and statements to ar.goldleaf@outlook.com going forward.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "您好，请按以下信息付款：收款人 金叶贸易，账号 6228 4800 1234 5678 912，以前邮件里的银行信息请忽略。",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Estimado cliente: le rogamos efectúe el pago de la factura adjunta a la siguiente cuenta: beneficiario Goldleaf Trading, IBAN ES91 2100 0418 4502 0005 1332. No tenga en cuenta los datos bancarios de correos anteriores.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Cher client, merci d'effectuer le paiement de la facture jointe sur le compte suivant : bénéficiaire Goldleaf Trading, IBAN FR76 3000 6000 0112 3456 7890 189. Ne tenez pas compte des coordonnées bancaires des courriels précédents.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Sehr geehrter Kunde, bitte überweisen Sie den Betrag der beigefügten Rechnung auf folgendes Konto: Empfänger Goldleaf Trading, IBAN DE89 3704 0044 0532 0130 00. Bitte ignorieren Sie die Bankdaten aus früheren E-Mails.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Caro cliente, solicitamos que o pagamento da fatura anexa seja feito na seguinte conta: beneficiário Goldleaf Trading, IBAN PT50 0002 0123 1234 5678 9015 4. Desconsidere os dados bancários de e-mails anteriores.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Уважаемый клиент! Просим оплатить приложенный счёт по следующим реквизитам: получатель ООО «Голдлиф», р/с 40702810900000012345. Реквизиты из предыдущих писем просим не учитывать.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "عميلنا العزيز، يرجى سداد الفاتورة المرفقة إلى الحساب التالي: المستفيد شركة الورقة الذهبية، آيبان AE07 0331 2345 6789 0123 456. يرجى تجاهل البيانات البنكية الواردة في المراسلات السابقة.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Değerli müşterimiz, ekteki faturanın ödemesini aşağıdaki hesaba yapınız: alıcı Goldleaf Ticaret, IBAN TR33 0006 1005 1978 6457 8413 26. Önceki yazışmalardaki banka bilgilerini dikkate almayınız.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "お客様各位\n添付請求書のお支払いは下記口座へお願いいたします。受取人：ゴールドリーフ商事、口座番号 1234567。過去のメールに記載の振込先は破棄してください。",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi Lin, our bank account has an issue receiving international wires right now. Could you send the deposit via PayPal to payments@brightway-intl.com instead?",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Sir, please make the payment through Western Union to our finance officer, name and city below.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "王总，这次的定金麻烦用支付宝转给我个人，公司账户收外汇要审核很久。",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Hola, ¿nos podrías pagar esta vez por PayPal a pagos@brillante-sa.com? La cuenta del banco tiene un problema con las transferencias internacionales.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo, könnten Sie die Anzahlung diesmal per PayPal an zahlung@hellweg-handel.de senden? Unser Konto nimmt gerade keine Auslandsüberweisungen an.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Добрый день! Наш счёт сейчас не принимает валютные переводы, можете оплатить через Payoneer на finance@severtorg.ru?",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "مرحبا، هل يمكنك إرسال الدفعة هذه المرة عبر ويسترن يونيون باسم المدير المالي؟ حسابنا لا يستقبل التحويلات الدولية حاليا.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Merhaba, bu seferlik ödemeyi PayPal ile odeme@parlak-ticaret.com adresine gönderebilir misiniz? Banka hesabımız şu an yurt dışı havale kabul etmiyor.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "恐れ入りますが、今回は弊社口座が海外送金を受け付けられないため、PayPalで payment@hikari-trade.jp 宛にお支払いいただけますでしょうか。",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Bonjour, pourriez-vous exceptionnellement régler l'acompte via PayPal à paiement@lumiere-export.fr ? Notre compte ne reçoit pas les virements internationaux en ce moment.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Olá, desta vez pode pagar por PayPal para pagamentos@brilho-com.br? A nossa conta não está a receber transferências internacionais.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Li, the beneficiary name on the invoice should read 'Zenith Global Ltd' instead of 'Zenith Lighting Co.', with account 778812340 at Standard Chartered. Please amend before remitting.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Quick note – we bank with Emirates NBD now. Updated remittance info attached, please use it for invoice 3307.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Kindly be informed that our receiving bank is now DBS Hong Kong. Please amend your payment template accordingly.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Can you reply to me on my other address, jw.sourcing@icloud.com? Our company mail is being migrated.",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Please start cc'ing procurement.hub@alumexgroup.co instead of my old address, which will be closed soon.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "李经理，我们现在换到招商银行收款了，更新后的收款信息见附件，3307号发票请按新的付。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "请以后把单据发到 ops.wenzhou@outlook.com，原来的公司邮箱下个月停用。",
        "contact_change_request",
    ),
    (
        "es",
        "more wording",
        "Le informo que ahora trabajamos con el Banco Sabadell. Le adjunto la información de cobro actualizada para la factura 3307.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Por favor, a partir de hoy ponga en copia a compras.central@grupoalba.co en lugar de mi dirección antigua.",
        "contact_change_request",
    ),
    (
        "fr",
        "more wording",
        "Pour info, nous sommes maintenant chez le Crédit Mutuel. Les coordonnées de paiement mises à jour sont en pièce jointe, merci de les utiliser pour la facture 3307.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Merci de me répondre sur mon autre adresse, jw.achats@icloud.com, notre messagerie est en cours de migration.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Zur Info: Wir sind jetzt bei der Volksbank. Die aktualisierten Zahlungsdaten hängen an, bitte für Rechnung 3307 verwenden.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Bitte setzen Sie ab heute einkauf.zentral@albagruppe.co in CC statt meiner alten Adresse, die bald abgeschaltet wird.",
        "contact_change_request",
    ),
    (
        "pt",
        "more wording",
        "Informamos que agora trabalhamos com o Santander. Seguem os dados de pagamento atualizados para a fatura 3307.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Por favor, responda no meu outro endereço, jw.compras@icloud.com; o e-mail da empresa está em migração.",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "К сведению: теперь мы обслуживаемся в ВТБ. Обновлённые платёжные данные во вложении, используйте их для счёта 3307.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Ответьте, пожалуйста, на мой другой адрес, jw.zakupki@icloud.com, почту компании сейчас переносят.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "للعلم، أصبح تعاملنا الآن مع بنك المشرق. مرفق بيانات الدفع المحدثة، يرجى استخدامها للفاتورة 3307.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "يرجى الرد على عنواني الآخر jw.purchase@icloud.com، فبريد الشركة قيد النقل.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Bilginize: artık Yapı Kredi ile çalışıyoruz. Güncel ödeme bilgileri ektedir, 3307 nolu fatura için lütfen bunları kullanın.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Lütfen diğer adresime yanıt verin: jw.satinalma@icloud.com, şirket maili taşınıyor.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "ご参考までに、現在はみずほ銀行と取引しております。更新後のお支払い情報を添付いたしますので、請求書3307にはこちらをご利用ください。",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "恐れ入りますが、私の別アドレス jw.kobai@icloud.com にご返信ください。会社のメールは移行作業中です。",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Kevin,\n\nThanks for the samples, the customer approved colour and packing. We'd like to go ahead with 3 x 40HQ for May.\n\nOne admin point: due to the new FX rules in our country, the balance for this and future orders will be received by our Singapore trading arm, Bluefin Pte Ltd. Their banking details are in the attached PI.\n\nLooking forward to the production schedule.\n\nRegards,\nSamir",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "凯文你好：\n\n样品客户已确认颜色和包装，我们准备5月下3个40HQ。\n\n另外说明一下：因为我们国家外汇新规，这一单以及以后的尾款都由我们新加坡的贸易公司 Bluefin Pte Ltd 收取，银行信息见附件PI。\n\n期待生产计划。\n\n萨米尔",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Estimado Kevin:\n\nGracias por las muestras; el cliente aprobó color y embalaje. Queremos confirmar 3 x 40HQ para mayo.\n\nUn punto administrativo: por las nuevas normas cambiarias de nuestro país, el saldo de este pedido y de los siguientes lo cobrará nuestra sociedad comercial en Singapur, Bluefin Pte Ltd. Sus datos bancarios están en la PI adjunta.\n\nSaludos,\nSamir",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Cher Kevin,\n\nMerci pour les échantillons, le client a validé la couleur et l'emballage. Nous confirmons 3 x 40HQ pour mai.\n\nPoint administratif : en raison de la nouvelle réglementation des changes de notre pays, le solde de cette commande et des suivantes sera encaissé par notre filiale de négoce à Singapour, Bluefin Pte Ltd. Ses coordonnées bancaires figurent sur la PI jointe.\n\nCordialement,\nSamir",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo Kevin,\n\ndanke für die Muster, der Kunde hat Farbe und Verpackung freigegeben. Wir bestätigen 3 x 40HQ für Mai.\n\nEin organisatorischer Punkt: Wegen der neuen Devisenvorschriften in unserem Land wird der Restbetrag dieser und künftiger Bestellungen von unserer Handelsgesellschaft in Singapur, Bluefin Pte Ltd, vereinnahmt. Deren Bankdaten stehen in der beigefügten PI.\n\nGrüße\nSamir",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Caro Kevin,\n\nObrigado pelas amostras, o cliente aprovou cor e embalagem. Confirmamos 3 x 40HQ para maio.\n\nUm ponto administrativo: devido às novas regras cambiais do nosso país, o saldo deste e dos próximos pedidos será recebido pela nossa trading em Singapura, Bluefin Pte Ltd. Os dados bancários dela estão na PI anexa.\n\nAbraço,\nSamir",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Кевин, добрый день!\n\nСпасибо за образцы, клиент утвердил цвет и упаковку. Подтверждаем 3 x 40HQ на май.\n\nОрганизационный момент: из-за новых валютных правил в нашей стране остаток по этому и следующим заказам будет получать наша торговая компания в Сингапуре, Bluefin Pte Ltd. Её банковские реквизиты в приложенном инвойсе.\n\nС уважением,\nСамир",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "عزيزي كيفن،\n\nشكرا على العينات، وافق العميل على اللون والتغليف، ونؤكد 3 حاويات 40HQ لشهر مايو.\n\nنقطة إدارية: بسبب قواعد الصرف الجديدة في بلدنا، ستتولى شركتنا التجارية في سنغافورة Bluefin Pte Ltd استلام الرصيد لهذا الطلب والطلبات القادمة، وبياناتها البنكية في الفاتورة المبدئية المرفقة.\n\nمع التحية،\nسمير",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Kevin,\n\nNumuneler için teşekkürler, müşteri renk ve ambalajı onayladı. Mayıs için 3 x 40HQ onaylıyoruz.\n\nİdari bir konu: ülkemizdeki yeni döviz kuralları nedeniyle bu ve sonraki siparişlerin bakiyesini Singapur'daki ticaret şirketimiz Bluefin Pte Ltd tahsil edecek. Banka bilgileri ekteki proformada.\n\nSaygılar,\nSamir",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "ケビン様\n\nサンプルありがとうございました。お客様より色と梱包の承認をいただきました。5月に40HQを3本でお願いします。\n\n事務的なご連絡です。当国の新しい外為規制により、本件および今後のご注文の残金は、シンガポールの弊社貿易会社 Bluefin Pte Ltd が受領いたします。銀行情報は添付のPIをご確認ください。\n\nサミール",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "الأخ لي، من فضلك ابعت الفواتير من النهارده على الإيميل ده mohamed.accounts.eg@gmail.com مش على إيميل الشركة.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "السيدة وانغ، نرجو التكرم بتحديث بياناتنا البنكية لديكم وفق الخطاب المرفق قبل سداد الدفعة القادمة.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "مرحبا، الحساب القديم تم إغلاقه، يرجى التحويل على الحساب الموضح أدناه: IBAN SA03 8000 0000 6080 1016 7519",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Sayın Wang, lütfen ekteki yazıya göre banka bilgilerimizi sisteminizde güncelleyiniz; bir sonraki ödeme bu hesaba yapılmalıdır.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Li, faturaları bugünden itibaren şirket mailine değil, mehmet.muhasebe@gmail.com adresine atın.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Eski hesabımız kapatıldı, lütfen aşağıdaki hesaba havale yapın: TR33 0006 1005 1978 6457 8413 26",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "王様\n添付の書面のとおり、弊社の振込先口座を貴社システム上でご変更いただけますでしょうか。次回のお支払いから適用をお願いいたします。",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "李様\n請求書は本日より会社のメールではなく、 yamada.keiri@gmail.com にお送りください。",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "旧口座は解約済みのため、下記口座へお振込みください。三井住友銀行 普通 7654321",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Господин Ван, просим обновить наши банковские реквизиты в вашей системе согласно приложенному письму до следующего платежа.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Ли, счета с сегодняшнего дня отправляй не на корпоративную почту, а на buh.ivanova@yandex.ru.",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Старый счёт закрыт, переводите, пожалуйста, на указанный ниже: 40702810400000054321",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Sr. Wang, pedimos que atualize os nossos dados bancários no seu sistema conforme a carta anexa, antes do próximo pagamento.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Li, a partir de hoje mande as faturas para financeiro.ana@gmail.com, não para o e-mail da empresa.",
        "contact_change_request",
    ),
    (
        "pt",
        "more wording",
        "A conta antiga foi encerrada, faça a transferência para a conta abaixo: PT50 0002 0123 1234 5678 9015 4",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "王女士，请按附件函件在贵司系统中更新我司的银行信息，下次付款前生效。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "李总，发票从今天起发到 caiwu.zhang@qq.com，不要发公司邮箱了。",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Kindly update our banking details in your vendor system as per the attached letter before the next payment run.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Sr. Wang: le rogamos actualice nuestros datos bancarios en su sistema según la carta adjunta antes del próximo pago.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Monsieur Wang, merci de mettre à jour nos coordonnées bancaires dans votre système selon le courrier joint avant le prochain paiement.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Herr Wang, bitte aktualisieren Sie unsere Bankverbindung in Ihrem System gemäß beiliegendem Schreiben vor der nächsten Zahlung.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi Amy, the landline in my signature no longer works after the office move. Reach me on +86 135 0000 2222 for anything urgent.",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Mr Zhou, for confirmations of payment please only call my direct line +1 646 555 0199, not the switchboard.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "周总，我办公室座机已经停用了，有事请打我手机 186 0000 3333。",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "以后确认付款信息请只打这个电话 137 0000 4444，总机那边不要打。",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Sr. Zhou, el fijo de mi firma ya no funciona tras la mudanza. Localíceme en el +34 611 222 333.",
        "contact_change_request",
    ),
    (
        "fr",
        "more wording",
        "Monsieur Zhou, la ligne fixe de ma signature ne fonctionne plus depuis le déménagement. Joignez-moi au +33 6 11 22 33 44.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Herr Zhou, die Festnetznummer in meiner Signatur funktioniert nach dem Umzug nicht mehr. Erreichbar bin ich unter +49 151 1122 3344.",
        "contact_change_request",
    ),
    (
        "pt",
        "more wording",
        "Sr. Zhou, o fixo da minha assinatura já não funciona depois da mudança. Ligue-me para +351 912 345 678.",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Господин Чжоу, городской номер из моей подписи после переезда не работает. Звоните мне на +7 903 111 22 33.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "السيد تشو، الهاتف الأرضي في توقيعي لم يعد يعمل بعد الانتقال. تواصل معي على +971 55 111 2233.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Sayın Zhou, imzamdaki sabit hat taşınmadan sonra çalışmıyor. Bana +90 532 111 22 33 numarasından ulaşın.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "周様\n移転に伴い、署名欄の固定電話は使えなくなりました。今後は 090-1111-2222 までご連絡ください。",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Please make sure your team saves accounts@zenithlights-group.com as our billing contact; anything sent to billing@zenithlights.com will bounce from Monday.",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Note our e-mail now ends in @zenith-lights.co. Kindly amend your address book.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "请把 accounts@zenithlights-group.com 存为我们的账单联系人，发到 billing@zenithlights.com 的邮件从周一起会被退回。",
        "contact_change_request",
    ),
    (
        "es",
        "more wording",
        "Guarde por favor cuentas@zenith-luces.com como contacto de facturación; lo que se envíe a facturas@zenithluces.com será devuelto desde el lunes.",
        "contact_change_request",
    ),
    (
        "fr",
        "more wording",
        "Merci d'enregistrer compta@zenith-lumiere.com comme contact de facturation ; les e-mails envoyés à factures@zenithlumiere.fr seront rejetés dès lundi.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Bitte hinterlegen Sie buchhaltung@zenith-licht.com als Rechnungskontakt; Mails an rechnung@zenithlicht.de kommen ab Montag zurück.",
        "contact_change_request",
    ),
    (
        "pt",
        "more wording",
        "Por favor guardem contas@zenith-luz.com como contacto de faturação; o que for enviado para faturas@zenithluz.pt será devolvido a partir de segunda.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Сохраните, пожалуйста, buh@zenith-svet.com как контакт для счетов; письма на scheta@zenithsvet.ru с понедельника будут возвращаться.",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "يرجى حفظ accounts@zenith-light.com كجهة اتصال للفواتير، فالرسائل المرسلة إلى billing@zenithlight.ae سترتد اعتبارا من الاثنين.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Lütfen muhasebe@zenith-isik.com adresini fatura irtibatı olarak kaydedin; fatura@zenithisik.com.tr adresine gidenler pazartesiden itibaren geri dönecek.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "請求関連の連絡先として accounts@zenith-hikari.com をご登録ください。billing@zenithhikari.co.jp 宛のメールは月曜日以降届かなくなります。",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Уважаемые партнёры, адреса нашей почты теперь заканчиваются на @zenith-svet.com, просим внести изменения в адресную книгу.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "弊社メールアドレスの末尾が @zenith-hikari.com となりましたので、アドレス帳の修正をお願いいたします。",
        "contact_change_request",
    ),
    (
        "ar",
        "more wording",
        "أصبحت عناوين بريدنا تنتهي بـ @zenith-light.com، يرجى تعديل دفتر العناوين لديكم.",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi Grace, for this shipment please transfer to our Hong Kong account rather than the mainland one; details in the attached PI.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Ken, kindly settle invoice 5520 to the account shown on the attached corrected invoice, not the original one.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Please don't discuss this by e-mail, our mailbox is being monitored. Text me on +852 9123 4567 and I'll give you the payment details.",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "To confirm the updated beneficiary details in my last mail, please call our CFO directly on +44 7911 123456 rather than the number on our website.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "王经理，这批货请转到我们香港的账户，不要转大陆的，资料在附件PI里。",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "这件事别在邮件里说，我们邮箱被监控了，加我微信 13912345678 我把收款信息发你。",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Hola Grace, para este envío transfiera a nuestra cuenta de Hong Kong y no a la de China continental; datos en la PI adjunta.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Bonjour Grace, pour cette expédition, merci de virer sur notre compte à Hong Kong plutôt que sur celui de Chine continentale ; détails dans la PI jointe.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo Grace, für diese Lieferung bitte auf unser Konto in Hongkong statt auf das in Festlandchina überweisen; Details in der beigefügten PI.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Olá Grace, para este embarque transfira para a nossa conta de Hong Kong e não para a da China continental; dados na PI anexa.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Грейс, за эту партию переведите, пожалуйста, на наш счёт в Гонконге, а не на материковый; реквизиты в приложенном инвойсе.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "غريس، لهذه الشحنة يرجى التحويل إلى حسابنا في هونغ كونغ وليس حساب البر الرئيسي، والتفاصيل في الفاتورة المبدئية المرفقة.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Grace, bu sevkiyat için lütfen anakara hesabımız yerine Hong Kong hesabımıza havale yapın; bilgiler ekteki proformada.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "グレース様\n今回の出荷分は、中国本土の口座ではなく香港の口座へお振込みください。詳細は添付PIをご覧ください。",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi Ben, please hold the transfer for now – our accountant will send you the correct bank details tomorrow. Don't use the ones printed on the PI.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "小王，先别付款，我们会计明天把正确的银行信息发你，PI上印的那个先别用。",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "ベン様\nお振込みは一旦お待ちください。明日、経理より正しい口座情報をお送りします。PIに記載の口座はご使用にならないでください。",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "بن، أوقف التحويل حاليا، سيرسل لك محاسبنا البيانات البنكية الصحيحة غدا. لا تستخدم البيانات المطبوعة على الفاتورة المبدئية.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Ben, havaleyi şimdilik bekletin; muhasebecimiz yarın doğru banka bilgilerini gönderecek. Proformadaki bilgileri kullanmayın.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Бен, пока не переводите, наш бухгалтер завтра пришлёт правильные реквизиты. Те, что в инвойсе, не используйте.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Ben, espera con la transferencia; nuestro contable te enviará mañana los datos bancarios correctos. No uses los de la PI.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Ben, attends avant de faire le virement : notre comptable t'enverra demain les bonnes coordonnées bancaires. N'utilise pas celles de la PI.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Ben, halt die Überweisung bitte noch zurück, unsere Buchhaltung schickt dir morgen die richtigen Bankdaten. Nimm nicht die von der PI.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Ben, segura a transferência por enquanto; o nosso contabilista manda amanhã os dados bancários corretos. Não use os da PI.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Our sales line is WhatsApp-only from this week: +86 150 1234 5678. The office number is no longer staffed.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "今週から営業窓口はWhatsAppのみとなりました：+86 150 1234 5678。会社の電話は現在つながりません。",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Please log in to our supplier portal and note our new bank account for future payments.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "请登录供应商平台查看我司新的银行账户，以后付款请用新账户。",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "fyi we receive payments at Standard Chartered now, acct 0101-2345-678. pls update on your side",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "跟您说下，我们现在用民生银行收款了，账号 6226 0000 1111 2222，麻烦您那边更新一下。",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Para que lo sepas, ahora cobramos en el Santander, cuenta ES12 0049 1500 0512 3456 7892. Actualízalo de tu lado, porfa.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Pour info, on encaisse maintenant chez LCL, compte FR76 3000 2005 5000 0015 7845 Z02. Merci de mettre à jour de ton côté.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Kurz zur Info: Zahlungen nehmen wir jetzt bei der DKB entgegen, IBAN DE12 1203 0000 1234 5678 90. Bitte bei euch anpassen.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Só para avisar: agora recebemos no Itaú, conta 1234-5 agência 0001. Atualiza aí do teu lado, por favor.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "К сведению: платежи мы теперь принимаем в Тинькофф, счёт 40702810010000012345. Обновите у себя, пожалуйста.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "للعلم، أصبحنا نستقبل المدفوعات الآن في بنك دبي الإسلامي، الحساب AE45 0240 0000 1234 5678 901. يرجى التحديث لديكم.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Bilginiz olsun, ödemeleri artık Akbank'ta alıyoruz, IBAN TR12 0004 6000 1234 5678 9012 34. Sizin tarafta güncelleyin lütfen.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "ご参考まで、現在は楽天銀行でお支払いを受け付けております（口座番号 7001234）。お手数ですが、御社側でご更新ください。",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "أخي لي، رقمي الحالي للواتساب هو +971 56 765 4321، احفظه بدل القديم.",
        "contact_change_request",
    ),
    (
        "tr",
        "more wording",
        "Li Bey, WhatsApp numaram artık +90 544 765 43 21, eskisinin yerine bunu kaydedin.",
        "contact_change_request",
    ),
    (
        "ru",
        "more wording",
        "Ли, мой WhatsApp теперь +7 916 765 43 21, сохрани вместо старого.",
        "contact_change_request",
    ),
    (
        "zh",
        "more wording",
        "李总，我的WhatsApp现在是 +86 177 6543 2100，请把旧的换掉。",
        "contact_change_request",
    ),
    (
        "en",
        "more wording",
        "Good morning,\nAs part of our annual compliance review, our treasury has designated a new collection account for all APAC customers. Kindly direct the outstanding USD 64,800 accordingly; the designation letter is attached.\nKind regards,\nTreasury Operations",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi there, payments for the Q3 invoices should be routed via our UK entity this time – Harrow Components Ltd, Lloyds, sort code 30-94-57, account 12345678.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "您好，根据集团财务统一安排，亚太区客户的货款自本月起统一汇入指定的收款账户，指定函见附件，请据此安排64,800美元的付款。",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "お世話になっております。年次のコンプライアンス見直しに伴い、アジア太平洋地域のお客様からのご入金は、財務部が指定する回収口座へお願いすることとなりました。指定書を添付いたします。",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Добрый день! В рамках ежегодной проверки казначейство назначило для клиентов АТР отдельный счёт для поступлений. Просим направить задолженность 64 800 USD на него; письмо прилагаем.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "صباح الخير، في إطار المراجعة السنوية للامتثال خصصت إدارة الخزينة حسابا للتحصيل لجميع عملاء آسيا والمحيط الهادئ، نرجو توجيه مبلغ 64,800 دولار إليه، والخطاب مرفق.",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Günaydın, yıllık uyum incelemesi kapsamında hazine birimimiz tüm Asya-Pasifik müşterileri için ayrı bir tahsilat hesabı belirledi. 64.800 USD tutarındaki bakiyeyi bu hesaba yönlendirmenizi rica ederiz; yazı ektedir.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Buenos días: en el marco de la revisión anual de cumplimiento, tesorería ha designado una cuenta de cobro para los clientes de Asia-Pacífico. Les rogamos dirijan allí el saldo de 64.800 USD; adjuntamos la carta.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Bonjour, dans le cadre de la revue annuelle de conformité, notre trésorerie a désigné un compte d'encaissement dédié aux clients Asie-Pacifique. Merci d'y diriger le solde de 64 800 USD ; la lettre est jointe.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Guten Morgen, im Rahmen der jährlichen Compliance-Prüfung hat unser Treasury ein eigenes Inkassokonto für alle APAC-Kunden bestimmt. Bitte leiten Sie den offenen Betrag von 64.800 USD dorthin; das Schreiben liegt bei.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Bom dia, no âmbito da revisão anual de conformidade, a nossa tesouraria designou uma conta de cobrança para os clientes da Ásia-Pacífico. Pedimos que encaminhem o saldo de 64.800 USD para ela; a carta segue em anexo.",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Dear Ms Hu, owing to the sanctions on our bank, we can only receive funds through our partner in Almaty, Steppe Trade LLP. Their account details are in the attached letter.",
        "bank_change_request",
    ),
    (
        "ru",
        "more wording",
        "Госпожа Ху, из-за санкций против нашего банка мы можем получать средства только через нашего партнёра в Алматы, ТОО «Степь Трейд». Их реквизиты в приложенном письме.",
        "bank_change_request",
    ),
    (
        "zh",
        "more wording",
        "胡女士，由于我们的银行受到制裁，目前只能通过我们在阿拉木图的合作伙伴 Steppe Trade LLP 收款，对方账户信息见附件信函。",
        "bank_change_request",
    ),
    (
        "tr",
        "more wording",
        "Sayın Hu, bankamıza uygulanan yaptırımlar nedeniyle ödemeleri yalnızca Almatı'daki ortağımız Steppe Trade LLP üzerinden alabiliyoruz. Hesap bilgileri ekteki yazıda.",
        "bank_change_request",
    ),
    (
        "ar",
        "more wording",
        "السيدة هو، بسبب العقوبات على بنكنا لا يمكننا استلام الأموال إلا عبر شريكنا في ألماتي، شركة Steppe Trade LLP، وتفاصيل حسابهم في الخطاب المرفق.",
        "bank_change_request",
    ),
    (
        "de",
        "more wording",
        "Sehr geehrte Frau Hu, wegen der Sanktionen gegen unsere Bank können wir Gelder nur über unseren Partner in Almaty, Steppe Trade LLP, empfangen. Dessen Kontodaten stehen im beigefügten Schreiben.",
        "bank_change_request",
    ),
    (
        "es",
        "more wording",
        "Estimada Sra. Hu: debido a las sanciones contra nuestro banco, solo podemos recibir fondos a través de nuestro socio en Almaty, Steppe Trade LLP. Sus datos bancarios figuran en la carta adjunta.",
        "bank_change_request",
    ),
    (
        "fr",
        "more wording",
        "Madame Hu, en raison des sanctions visant notre banque, nous ne pouvons recevoir des fonds que par l'intermédiaire de notre partenaire à Almaty, Steppe Trade LLP. Ses coordonnées bancaires figurent dans le courrier joint.",
        "bank_change_request",
    ),
    (
        "pt",
        "more wording",
        "Sra. Hu, devido às sanções contra o nosso banco, só podemos receber fundos através do nosso parceiro em Almaty, Steppe Trade LLP. Os dados bancários deles estão na carta anexa.",
        "bank_change_request",
    ),
    (
        "ja",
        "more wording",
        "胡様\n弊社取引銀行への制裁により、現在はアルマトイの提携先 Steppe Trade LLP を通じてのみ資金を受け取ることができます。先方の口座情報は添付書面をご参照ください。",
        "bank_change_request",
    ),
    (
        "en",
        "more wording",
        "Hi Ann, please send future purchase orders to our procurement platform inbox, po-inbox@buyhub-mail.com, not to me directly.",
        "contact_change_request",
    ),
    (
        "de",
        "more wording",
        "Hallo Ann, bitte schicken Sie künftige Bestellungen an das Postfach unserer Einkaufsplattform, po-inbox@buyhub-mail.com, nicht mehr direkt an mich.",
        "contact_change_request",
    ),
    (
        "ja",
        "more wording",
        "アン様\n今後の発注書は私宛てではなく、購買プラットフォームの受付アドレス po-inbox@buyhub-mail.com にお送りください。",
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
    (
        "en",
        "other wording",
        "Hi Chen, we will pay the balance through our parent company in Hong Kong this time, so the remitter name will be Kowloon Holdings. Regards, Priya",
    ),
    (
        "en",
        "other wording",
        "Dear Sir, please find attached PI 2231. Kindly remit the 30% deposit to our account below: Bank of China, account 4521 8877 6610. Thanks",
    ),
    (
        "en",
        "other wording",
        "Hello, our agent in Dubai, Mr Khalid, will visit your factory next week. You can reach him at khalid.agent@gmail.com.",
    ),
    (
        "en",
        "other wording",
        "Hi Tom, the payment was returned by your bank because the beneficiary name was misspelled. Please check and send it again to the same account.",
    ),
    (
        "en",
        "other wording",
        "Dear partners, from next month our sales team will use the new CRM; please keep writing to your usual contact.",
    ),
    (
        "en",
        "other wording",
        "For urgent questions while I am travelling, you can call me on +86 138 1234 5678 or reply to this e-mail as usual.",
    ),
    (
        "en",
        "other wording",
        "Please send the samples to our forwarder Sunrise Logistics, contact Mr Lee, lee@sunrise-log.com, tel +86 21 5555 1234.",
    ),
    (
        "zh",
        "other wording",
        "陈总，这次货款我们通过香港母公司支付，付款人会显示为 Kowloon Holdings，请知悉。",
    ),
    (
        "zh",
        "other wording",
        "您好，附件是形式发票，请将30%定金汇到以下账户：户名：宁波华宇贸易有限公司，账号 3901 0000 1234 5678。",
    ),
    (
        "zh",
        "other wording",
        "王经理，我们的代理下周去工厂验货，他的邮箱是 ali.agent@gmail.com，有事可以直接联系他。",
    ),
    (
        "es",
        "other wording",
        "Estimado Sr. Wu: esta vez le pagaremos a través de nuestra empresa matriz en Panamá, por eso el ordenante será distinto.",
    ),
    (
        "es",
        "other wording",
        "Adjunto la proforma. Le rogamos transferir el anticipo del 30% a nuestra cuenta habitual indicada en la factura.",
    ),
    (
        "fr",
        "other wording",
        "Bonjour, notre agent à Casablanca passera récupérer les échantillons ; vous pouvez le joindre au +212 661 223 344.",
    ),
    (
        "fr",
        "other wording",
        "Cette fois, le règlement sera effectué par notre maison mère, le donneur d'ordre sera donc différent.",
    ),
    (
        "de",
        "other wording",
        "Hallo Herr Zhou, diesmal zahlt unsere Muttergesellschaft die Rechnung, der Auftraggeber auf der Überweisung ist also ein anderer.",
    ),
    (
        "de",
        "other wording",
        "Bei Rückfragen erreichen Sie mich unterwegs unter +49 171 2233445 oder wie gewohnt per E-Mail.",
    ),
    (
        "pt",
        "other wording",
        "Desta vez o pagamento será feito pela nossa empresa-mãe, por isso o nome do ordenante será diferente.",
    ),
    (
        "pt",
        "other wording",
        "Segue a fatura proforma. Pedimos que transfira o sinal de 30% para a nossa conta habitual, indicada no documento.",
    ),
    (
        "ru",
        "other wording",
        "Добрый день! На этот раз оплату произведёт наша материнская компания, поэтому плательщик будет другой.",
    ),
    (
        "ru",
        "other wording",
        "Наш агент в Москве свяжется с вами на следующей неделе, его почта agent.msk@mail.ru.",
    ),
    (
        "ar",
        "other wording",
        "السيد وانغ، هذه المرة ستقوم شركتنا الأم بالدفع، لذلك سيظهر اسم مختلف للمحول.",
    ),
    (
        "ar",
        "other wording",
        "مرفق الفاتورة المبدئية، نرجو تحويل الدفعة المقدمة إلى حسابنا المعتاد المذكور في الفاتورة.",
    ),
    (
        "tr",
        "other wording",
        "Sayın Zhang, bu sefer ödemeyi ana şirketimiz yapacak, gönderen adı farklı görünecek.",
    ),
    (
        "tr",
        "other wording",
        "Proforma faturamız ekte. Avans ödemesini her zamanki hesabımıza yapabilirsiniz.",
    ),
    (
        "ja",
        "other wording",
        "陳様\n今回のお支払いは親会社から行いますので、送金人名義が異なります。ご了承ください。",
    ),
    (
        "ja",
        "other wording",
        "見積書を添付いたします。前払い金は請求書記載の口座へお振込みください。",
    ),
    (
        "en",
        "more wording",
        "Dear customer, attached is the confirmation letter from our bank: our account with HSBC, 808-112233-838, remains as it has always been. No action is needed.",
    ),
    (
        "en",
        "more wording",
        "Please update your records with our new warehouse address: Building 5, 88 Jinhai Road, Ningbo. Office, phone numbers and bank details are unchanged.",
    ),
    (
        "en",
        "more wording",
        "Friendly reminder: invoice 7710 is due on Friday. Please pay to our account as stated on the invoice. Thank you!",
    ),
    (
        "en",
        "more wording",
        "After the merger our bank is now called Harbour Union Bank; the account number and SWIFT code stay exactly the same.",
    ),
    (
        "en",
        "more wording",
        "We have changed our logistics provider to Blue Anchor Freight; their contact for bookings is bookings@blueanchor.com.",
    ),
    (
        "en",
        "more wording",
        "Please send the original B/L by DHL to this address: Sunrise Imports, 45 Dock Street, Liverpool L3 4AA.",
    ),
    (
        "zh",
        "more wording",
        "各位客户：我司仓库搬到了宁波北仑，新仓库地址见附件。公司电话、邮箱和银行账户都不变。",
    ),
    ("zh", "more wording", "温馨提示：7710号发票本周五到期，请按发票上的账户付款，谢谢！"),
    ("zh", "more wording", "银行合并后更名为海港联合银行，我们的账号和SWIFT代码完全不变，请知悉。"),
    (
        "es",
        "more wording",
        "Recordatorio: la factura 7710 vence el viernes. Por favor, pague a nuestra cuenta indicada en la factura. ¡Gracias!",
    ),
    (
        "es",
        "more wording",
        "Tras la fusión, nuestro banco se llama ahora Banco Unión; el número de cuenta y el SWIFT siguen siendo los mismos.",
    ),
    (
        "fr",
        "more wording",
        "Petit rappel : la facture 7710 arrive à échéance vendredi. Merci de régler sur notre compte indiqué sur la facture.",
    ),
    (
        "fr",
        "more wording",
        "Nous avons changé de transitaire : Blue Anchor Freight ; leur contact réservations est bookings@blueanchor.com.",
    ),
    (
        "de",
        "more wording",
        "Kurze Erinnerung: Rechnung 7710 ist am Freitag fällig. Bitte zahlen Sie auf unser auf der Rechnung angegebenes Konto.",
    ),
    (
        "de",
        "more wording",
        "Nach der Fusion heißt unsere Bank jetzt Hafen Union Bank; Kontonummer und SWIFT bleiben genau gleich.",
    ),
    (
        "pt",
        "more wording",
        "Lembrete: a fatura 7710 vence na sexta-feira. Por favor, pague na nossa conta indicada na fatura. Obrigado!",
    ),
    (
        "pt",
        "more wording",
        "Mudámos de transitário para a Blue Anchor Freight; o contacto para reservas é bookings@blueanchor.com.",
    ),
    (
        "ru",
        "more wording",
        "Напоминаем: счёт 7710 нужно оплатить до пятницы. Пожалуйста, оплатите на наш счёт, указанный в инвойсе.",
    ),
    (
        "ru",
        "more wording",
        "После слияния наш банк теперь называется «Юнион Банк», номер счёта и SWIFT остались прежними.",
    ),
    (
        "ar",
        "more wording",
        "تذكير: الفاتورة ٧٧١٠ تستحق يوم الجمعة، يرجى الدفع إلى حسابنا المذكور في الفاتورة. شكرا!",
    ),
    (
        "ar",
        "more wording",
        "بعد الاندماج أصبح اسم بنكنا بنك الاتحاد، ورقم الحساب والسويفت كما هما دون تغيير.",
    ),
    (
        "tr",
        "more wording",
        "Hatırlatma: 7710 numaralı faturanın vadesi cuma günü. Lütfen faturada belirtilen hesabımıza ödeme yapınız.",
    ),
    (
        "tr",
        "more wording",
        "Birleşme sonrası bankamızın adı artık Liman Birlik Bankası; hesap numarası ve SWIFT aynı kaldı.",
    ),
    (
        "ja",
        "more wording",
        "ご案内：請求書7710のお支払期限は金曜日です。請求書記載の弊社口座へお振込みをお願いいたします。",
    ),
    (
        "ja",
        "more wording",
        "合併により取引銀行の名称が変わりましたが、口座番号とSWIFTコードは従来通りです。",
    ),
    (
        "en",
        "more wording",
        "Hi Chen, please send the PI to my e-mail as usual. Best, Maria\nMaria Lopez | Lopez Imports | maria.lopez.imports@gmail.com | +1 305 555 0147",
    ),
    (
        "en",
        "more wording",
        "Thanks for the quick reply! The payment was made today from our usual account; the MT103 is attached. Let me know once it arrives.",
    ),
    (
        "en",
        "more wording",
        "Please find attached our company profile and bank reference letter for your supplier registration.",
    ),
    (
        "en",
        "more wording",
        "Our CFO, Mr Grant, will sign the contract. You can send the signed copy to him at grant@westfield-imports.com or to me.",
    ),
    (
        "en",
        "more wording",
        "Dear Sir, please note our office will be closed for Christmas from 24 to 27 December. Orders received during this time will be handled on 28 December.",
    ),
    (
        "en",
        "more wording",
        "The container number is MSKU 1234567 and the B/L number will follow. Please use the same consignee as last time.",
    ),
    ("zh", "more wording", "陈小姐，PI 请照常发到我邮箱 lily.trade88@163.com 就好，谢谢！"),
    ("zh", "more wording", "货款今天已经从我们常用的账户汇出，水单见附件，请查收。"),
    ("zh", "more wording", "附件是我司营业执照和银行资信证明，用于贵司的供应商登记。"),
    (
        "es",
        "more wording",
        "Hola Chen, envíame la proforma a mi correo de siempre. Gracias, María\nmaria.lopez.imp@gmail.com",
    ),
    (
        "es",
        "more wording",
        "El pago se hizo hoy desde nuestra cuenta habitual; adjunto el comprobante SWIFT.",
    ),
    (
        "fr",
        "more wording",
        "Bonjour, le paiement est parti aujourd'hui de notre compte habituel, vous trouverez l'avis de virement en pièce jointe.",
    ),
    (
        "fr",
        "more wording",
        "Notre directeur financier signera le contrat ; vous pouvez lui envoyer la copie signée à dupont@maison-leroy.fr.",
    ),
    (
        "de",
        "more wording",
        "Die Zahlung ist heute von unserem üblichen Konto rausgegangen, der Überweisungsbeleg hängt an.",
    ),
    (
        "de",
        "more wording",
        "Unser Büro ist vom 24. bis 27. Dezember geschlossen. Bestellungen in dieser Zeit bearbeiten wir ab dem 28.",
    ),
    (
        "pt",
        "more wording",
        "O pagamento foi feito hoje da nossa conta habitual; segue o comprovativo em anexo.",
    ),
    (
        "pt",
        "more wording",
        "Olá Chen, mande a proforma para o meu e-mail de sempre, por favor. Obrigada!\nana.souza.imports@gmail.com",
    ),
    (
        "ru",
        "more wording",
        "Оплата ушла сегодня с нашего обычного счёта, платёжное поручение во вложении.",
    ),
    (
        "ru",
        "more wording",
        "Договор подпишет наш финансовый директор, подписанный экземпляр можно отправить ему на petrov@alfa-trade.ru.",
    ),
    ("ar", "more wording", "تم التحويل اليوم من حسابنا المعتاد، ومرفق إشعار السويفت."),
    (
        "ar",
        "more wording",
        "مرحبا تشن، أرسل الفاتورة المبدئية على إيميلي المعتاد من فضلك: ali.trading77@gmail.com",
    ),
    ("tr", "more wording", "Ödeme bugün her zamanki hesabımızdan yapıldı, dekont ektedir."),
    (
        "tr",
        "more wording",
        "Proformayı her zamanki gibi e-posta adresime gönderebilirsiniz: ayse.ithalat@gmail.com",
    ),
    (
        "ja",
        "more wording",
        "本日、いつもの口座からお振込みいたしました。送金明細を添付いたします。",
    ),
    (
        "ja",
        "more wording",
        "契約書には弊社財務部長が署名いたします。署名済みの写しは suzuki@yamada-shoji.co.jp 宛にお送りください。",
    ),
    (
        "en",
        "more wording",
        "Hi, our new account manager for your region is Paul Green; he will contact you next week to introduce himself.",
    ),
    (
        "en",
        "more wording",
        "We opened a second factory in Vietnam; orders for the US market will ship from there from next month. Invoicing and payment stay with the Ningbo company.",
    ),
    (
        "en",
        "more wording",
        "Due to the port congestion we will use an alternative route via Busan; the ETA moves by five days.",
    ),
    (
        "en",
        "more wording",
        "Please correct the HS code on the invoice to 9405.42 and send it back; everything else is fine.",
    ),
    (
        "en",
        "more wording",
        "Please reply to this e-mail with your confirmation of the revised delivery date.",
    ),
    (
        "en",
        "more wording",
        "Please ship the goods to our temporary warehouse this month: Unit 4, 20 Marsh Lane, Leeds. Billing and payment are unchanged.",
    ),
    ("zh", "more wording", "您好，我们新的客户经理是李明，他下周会联系您。"),
    ("zh", "more wording", "由于港口拥堵，这次改走釜山中转，预计晚五天到。"),
    ("zh", "more wording", "请把发票上的HS编码改成9405.42，其他都没问题。"),
    (
        "es",
        "more wording",
        "Nuestro nuevo gestor de cuenta para su zona es Pablo Gómez; le contactará la próxima semana.",
    ),
    (
        "es",
        "more wording",
        "Por la congestión del puerto usaremos una ruta alternativa vía Busan; la llegada se retrasa cinco días.",
    ),
    (
        "fr",
        "more wording",
        "Notre nouveau chargé de clientèle pour votre région est Paul Girard ; il vous contactera la semaine prochaine.",
    ),
    (
        "fr",
        "more wording",
        "Merci de corriger le code SH sur la facture en 9405.42 ; le reste est correct.",
    ),
    (
        "de",
        "more wording",
        "Ihr neuer Ansprechpartner im Vertrieb ist Herr Grün; er meldet sich nächste Woche bei Ihnen.",
    ),
    (
        "de",
        "more wording",
        "Wegen Hafenüberlastung nehmen wir eine alternative Route über Busan; die Ankunft verschiebt sich um fünf Tage.",
    ),
    (
        "pt",
        "more wording",
        "O nosso novo gestor de conta para a sua região é o Paulo Verde; ele entrará em contacto na próxima semana.",
    ),
    (
        "pt",
        "more wording",
        "Por favor corrija o código NCM na fatura para 9405.42; o resto está certo.",
    ),
    (
        "ru",
        "more wording",
        "Ваш новый менеджер — Павел Зелёный, он свяжется с вами на следующей неделе.",
    ),
    (
        "ru",
        "more wording",
        "Из-за загрузки порта пойдём альтернативным маршрутом через Пусан, прибытие сдвинется на пять дней.",
    ),
    (
        "ar",
        "more wording",
        "مدير حسابكم الجديد هو السيد باسل الأخضر، وسيتواصل معكم الأسبوع القادم.",
    ),
    ("ar", "more wording", "يرجى تصحيح رمز النظام المنسق في الفاتورة إلى 9405.42، والباقي سليم."),
    (
        "tr",
        "more wording",
        "Bölgeniz için yeni müşteri temsilcimiz Pavel Yeşil; önümüzdeki hafta sizinle iletişime geçecek.",
    ),
    (
        "tr",
        "more wording",
        "Liman yoğunluğu nedeniyle Busan üzerinden alternatif rota kullanacağız; varış beş gün gecikecek.",
    ),
    (
        "ja",
        "more wording",
        "貴社担当の新しい営業担当は緑川です。来週ご挨拶のご連絡を差し上げます。",
    ),
    (
        "ja",
        "more wording",
        "請求書のHSコードを9405.42に修正してご返送ください。その他は問題ございません。",
    ),
    (
        "ar",
        "more wording",
        "السيد لي المحترم،\nنشكركم على الدفعة المستلمة اليوم في حسابنا لدى بنك الراجحي. سيتم شحن البضاعة يوم الخميس، وسنرسل لكم بوليصة الشحن فور صدورها.\nمع التحية",
    ),
    (
        "ar",
        "more wording",
        "مرحبا وانغ، رقمي هو نفسه +966 55 123 4567، اتصل بي في أي وقت إذا احتجت شيئا.",
    ),
    (
        "tr",
        "more wording",
        "Sayın Li,\nBugün hesabımıza gelen ödemeniz için teşekkür ederiz. Mallar perşembe yüklenecek; konşimento çıkar çıkmaz size göndereceğiz.\nSaygılarımızla",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Chen, belgeleri her zamanki gibi şirket adresimize gönderebilirsiniz, teşekkürler.",
    ),
    (
        "ja",
        "more wording",
        "李様\n本日、弊社口座へのご入金を確認いたしました。誠にありがとうございます。商品は木曜日に出荷予定です。\n経理部",
    ),
    (
        "ja",
        "more wording",
        "王様\n携帯番号は変わらず 080-1234-5678 です。何かあればいつでもご連絡ください。",
    ),
    (
        "ru",
        "more wording",
        "Господин Ли, благодарим за оплату, она сегодня поступила на наш счёт. Отгрузка в четверг, коносамент пришлём сразу после выпуска.",
    ),
    ("ru", "more wording", "Ван, мой номер прежний, +7 926 555 44 33, звони в любое время."),
    (
        "pt",
        "more wording",
        "Prezado Sr. Li, agradecemos o pagamento recebido hoje na nossa conta. A mercadoria será embarcada na quinta-feira.",
    ),
    (
        "es",
        "more wording",
        "Sr. Li: le agradecemos el pago recibido hoy en nuestra cuenta. La mercancía se embarcará el jueves.",
    ),
    (
        "fr",
        "more wording",
        "Monsieur Li, nous vous remercions pour le paiement reçu aujourd'hui sur notre compte. La marchandise sera expédiée jeudi.",
    ),
    (
        "de",
        "more wording",
        "Sehr geehrter Herr Li, vielen Dank für Ihre Zahlung, die heute auf unserem Konto eingegangen ist. Die Ware wird am Donnerstag verladen.",
    ),
    (
        "zh",
        "more wording",
        "李先生您好：今天已收到贵司的付款，谢谢！货物周四装船，提单出来后第一时间发给您。",
    ),
    (
        "en",
        "more wording",
        "Dear Mr Li, thank you for your payment, which reached our account today. The goods will be loaded on Thursday; we will send the B/L as soon as it is issued.",
    ),
    (
        "en",
        "more wording",
        "Hi Wang, my number is still +44 7700 900123, call me any time if you need anything.",
    ),
    (
        "en",
        "more wording",
        "Our subsidiary in Vietnam will produce the next batch; the invoice will still come from us and payment goes to the usual account.",
    ),
    (
        "zh",
        "more wording",
        "下一批货由我们越南的子公司生产，发票仍由我司开具，货款照常付到原账户。",
    ),
    (
        "de",
        "more wording",
        "Die nächste Charge fertigt unsere Tochtergesellschaft in Vietnam; die Rechnung kommt weiterhin von uns, bezahlt wird wie gewohnt auf das bekannte Konto.",
    ),
    (
        "es",
        "more wording",
        "El próximo lote lo fabricará nuestra filial en Vietnam; la factura seguirá saliendo de nosotros y el pago, a la cuenta de siempre.",
    ),
    (
        "ja",
        "more wording",
        "次回分はベトナムの子会社で生産しますが、請求書は引き続き弊社から発行し、お支払いも従来通りの口座でお願いいたします。",
    ),
    (
        "en",
        "more wording",
        "Hi, which account should we use for the deposit? The PI shows two banks. Thanks, Omar",
    ),
    (
        "en",
        "more wording",
        "FYI: we received a suspicious e-mail claiming your bank details have changed. We will keep paying to the account we have on file unless you confirm by phone.",
    ),
    (
        "en",
        "more wording",
        "Please note our bank has changed: from next month we will pay you from our new Deutsche Bank account. Your details stay as they are on our side.",
    ),
    (
        "en",
        "more wording",
        "Please update your records: our new office address is 88 King Street, Manchester. Phone, e-mail and bank details remain the same.",
    ),
    ("zh", "more wording", "您好，形式发票上有两个银行，定金打哪个账户？"),
    (
        "zh",
        "more wording",
        "提醒：我们收到一封自称贵司银行账户变更的可疑邮件，在电话确认前我们仍会付到原账户。",
    ),
    (
        "es",
        "more wording",
        "Hola, ¿a qué cuenta hacemos el anticipo? En la proforma aparecen dos bancos.",
    ),
    (
        "fr",
        "more wording",
        "Bonjour, sur quel compte devons-nous verser l'acompte ? La proforma indique deux banques.",
    ),
    (
        "de",
        "more wording",
        "Hallo, auf welches Konto sollen wir die Anzahlung überweisen? Auf der Proforma stehen zwei Banken.",
    ),
    ("pt", "more wording", "Olá, em qual conta fazemos o sinal? A proforma mostra dois bancos."),
    (
        "ru",
        "more wording",
        "Добрый день, на какой счёт перевести предоплату? В инвойсе указаны два банка.",
    ),
    ("ar", "more wording", "مرحبا، على أي حساب نحول الدفعة المقدمة؟ الفاتورة المبدئية فيها بنكان."),
    ("tr", "more wording", "Merhaba, avansı hangi hesaba yatıralım? Proformada iki banka var."),
    (
        "ja",
        "more wording",
        "お世話になります。前払い金はどちらの口座にお振込みすればよろしいでしょうか。請求書に銀行が二つ記載されています。",
    ),
    (
        "en",
        "more wording",
        "Sorry, please ignore my previous e-mail, I attached the wrong packing list. The correct one is attached now.",
    ),
    ("zh", "more wording", "不好意思，请忽略上一封邮件，附件发错了，这次的才是对的。"),
    (
        "es",
        "more wording",
        "Perdón, ignore mi correo anterior, adjunté la lista de empaque equivocada.",
    ),
    (
        "fr",
        "more wording",
        "Désolé, merci d'ignorer mon e-mail précédent, je me suis trompé de pièce jointe.",
    ),
    (
        "de",
        "more wording",
        "Entschuldigung, bitte ignorieren Sie meine vorherige E-Mail, der Anhang war falsch.",
    ),
    ("pt", "more wording", "Desculpe, desconsidere o e-mail anterior, anexei a lista errada."),
    ("ru", "more wording", "Извините, не учитывайте предыдущее письмо, я приложил не тот файл."),
    ("ar", "more wording", "عذرا، يرجى تجاهل رسالتي السابقة، أرفقت الملف الخطأ."),
    (
        "tr",
        "more wording",
        "Kusura bakmayın, önceki e-postamı dikkate almayın, yanlış dosyayı eklemişim.",
    ),
    (
        "ja",
        "more wording",
        "失礼いたしました。先ほどのメールは添付ファイルを誤りましたので、破棄してください。",
    ),
    (
        "en",
        "more wording",
        "Please disregard the reminder for invoice 5510, your payment crossed with our e-mail.",
    ),
    (
        "en",
        "more wording",
        "For samples under USD 200 we also accept PayPal; for orders please use bank transfer as usual.",
    ),
    ("zh", "more wording", "样品费可以用PayPal支付，大货还是照常电汇到公司账户。"),
    (
        "en",
        "more wording",
        "Add me on WhatsApp +86 138 0000 1111 if that's easier for quick questions.",
    ),
    ("zh", "more wording", "加我微信 13800001111 吧，沟通方便点。"),
    (
        "es",
        "more wording",
        "Para las muestras también aceptamos PayPal; los pedidos, por transferencia como siempre.",
    ),
    (
        "de",
        "more wording",
        "Für Muster akzeptieren wir auch PayPal, Bestellungen bitte wie gewohnt per Überweisung.",
    ),
    (
        "ru",
        "more wording",
        "За образцы можно оплатить через PayPal, основные заказы — как обычно банковским переводом.",
    ),
    (
        "ja",
        "more wording",
        "サンプル代はPayPalでも結構です。本注文はこれまで通り銀行振込でお願いいたします。",
    ),
    (
        "en",
        "more wording",
        "From now on, please include our PO number in all e-mails and on every carton label.",
    ),
    (
        "en",
        "more wording",
        "During the Chinese New Year holiday (Feb 8-17) our office is closed. For urgent matters please call our duty manager on +86 139 0574 1234; e-mails will be answered after the holiday.",
    ),
    (
        "en",
        "more wording",
        "Our company name has changed to Ningbo Brightway Lighting Co., Ltd. after the restructuring; the bank account, address and contacts stay the same.",
    ),
    (
        "en",
        "more wording",
        "Please check the attached statement of account and let us know if anything differs from your records.",
    ),
    (
        "en",
        "more wording",
        "Could you confirm your bank details so we can refund the overpayment of USD 320?",
    ),
    (
        "en",
        "more wording",
        "Check out our new website www.brightway-lighting.com with the 2027 catalogue!",
    ),
    (
        "en",
        "more wording",
        "Once the transfer is done, please send the bank slip to my e-mail so we can release the shipment.",
    ),
    (
        "en",
        "more wording",
        "Please revise the PI with the new unit price of USD 4.10 and send it back for signature.",
    ),
    (
        "en",
        "more wording",
        "Our shipping mark has changed; please use the new artwork attached for all cartons from this order.",
    ),
    (
        "en",
        "more wording",
        "Going forward, our QC team will send the inspection reports directly to you from qc@brightway-lighting.com.",
    ),
    (
        "zh",
        "more wording",
        "春节放假期间（2月8日至17日）如有急事请联系值班经理 139 0574 1234，邮件节后统一回复。",
    ),
    (
        "zh",
        "more wording",
        "我司重组后公司名称变更为宁波明光照明有限公司，银行账户、地址和联系方式均不变。",
    ),
    ("zh", "more wording", "以后所有邮件请注明我们的订单号，谢谢。"),
    ("zh", "more wording", "请按新单价4.1美元修改形式发票后发回签字。"),
    ("zh", "more wording", "付款后请把水单发到我邮箱，我们安排放货。"),
    (
        "es",
        "more wording",
        "Durante las vacaciones de Año Nuevo chino nuestra oficina estará cerrada. Para urgencias llame al gerente de guardia al +86 139 0574 1234.",
    ),
    (
        "es",
        "more wording",
        "A partir de ahora, por favor indique nuestro número de pedido en todos los correos.",
    ),
    (
        "fr",
        "more wording",
        "À partir de maintenant, merci d'indiquer notre numéro de commande dans tous vos e-mails.",
    ),
    (
        "fr",
        "more wording",
        "Notre raison sociale a changé après la restructuration ; le compte bancaire, l'adresse et les contacts restent identiques.",
    ),
    ("de", "more wording", "Ab sofort bitte in allen E-Mails unsere Bestellnummer angeben."),
    (
        "de",
        "more wording",
        "Während der Feiertage ist unser Büro geschlossen; in dringenden Fällen erreichen Sie unseren Bereitschaftsleiter unter +86 139 0574 1234.",
    ),
    (
        "pt",
        "more wording",
        "A partir de agora, por favor coloque o número do nosso pedido em todos os e-mails.",
    ),
    (
        "pt",
        "more wording",
        "Depois da transferência, envie o comprovante para o meu e-mail para liberarmos o embarque.",
    ),
    (
        "ru",
        "more wording",
        "С этого момента, пожалуйста, указывайте номер нашего заказа во всех письмах.",
    ),
    (
        "ru",
        "more wording",
        "После оплаты пришлите, пожалуйста, платёжку мне на почту, чтобы мы отгрузили товар.",
    ),
    ("ar", "more wording", "من الآن فصاعدا يرجى ذكر رقم طلبنا في جميع الرسائل."),
    ("ar", "more wording", "بعد التحويل أرسل لي إيصال البنك على الإيميل حتى نفرج عن الشحنة."),
    ("tr", "more wording", "Bundan sonra lütfen tüm e-postalarda sipariş numaramızı belirtin."),
    (
        "tr",
        "more wording",
        "Havaleden sonra dekontu e-postama gönderin, sevkiyatı serbest bırakalım.",
    ),
    ("ja", "more wording", "今後はすべてのメールに弊社の注文番号をご記載ください。"),
    (
        "ja",
        "more wording",
        "お振込み後、振込明細を私のメールアドレスにお送りください。出荷手配をいたします。",
    ),
    (
        "en",
        "more wording",
        "Hi, please note my colleague Anna will be your contact while I'm on leave; her e-mail is anna.k@brightway-lighting.com. I'm back on 3 March.",
    ),
    (
        "en",
        "more wording",
        "We are moving to a new office on 1 April; the new address is 15 Harbour Road, Ningbo. All phone numbers and e-mail addresses remain the same.",
    ),
    (
        "en",
        "more wording",
        "Quick note – we bank with Emirates NBD, as you know. Remittance info is on the invoice as always.",
    ),
    ("en", "more wording", "Can you reply to me on this thread? I lost track of the previous one."),
    (
        "en",
        "more wording",
        "Please cc my colleague procurement.hub@alumexgroup.co on the shipping documents as well.",
    ),
    ("zh", "more wording", "请把单据也抄送给我同事 ops@alumex.cn，谢谢。"),
    (
        "es",
        "more wording",
        "Por favor, ponga también en copia a mi compañera compras@grupoalba.com en los documentos de embarque.",
    ),
    (
        "fr",
        "more wording",
        "Merci de mettre aussi ma collègue achats@groupealba.fr en copie des documents d'expédition.",
    ),
    (
        "de",
        "more wording",
        "Bitte setzen Sie meine Kollegin einkauf@albagruppe.de bei den Versanddokumenten ebenfalls in CC.",
    ),
    (
        "pt",
        "more wording",
        "Por favor, coloque também a minha colega compras@grupoalba.pt em cópia nos documentos de embarque.",
    ),
    (
        "ru",
        "more wording",
        "Пожалуйста, ставьте в копию мою коллегу zakupki@albagroup.ru по отгрузочным документам.",
    ),
    (
        "ar",
        "more wording",
        "يرجى إضافة زميلتي purchase@albagroup.ae في نسخة من مستندات الشحن أيضا.",
    ),
    (
        "tr",
        "more wording",
        "Lütfen sevkiyat belgelerinde iş arkadaşım satinalma@albagrup.com.tr adresini de bilgiye ekleyin.",
    ),
    ("ja", "more wording", "船積書類は同僚の kobai@alba.co.jp にもCCでお送りください。"),
    (
        "en",
        "more wording",
        "Dear Kevin,\n\nThanks for the samples, the customer approved colour and packing. We'd like to go ahead with 3 x 40HQ for May. Our Singapore trading arm will place the PO and pay the deposit from its own account, so the remitter will be Bluefin Pte Ltd.\n\nRegards,\nSamir",
    ),
    (
        "zh",
        "more wording",
        "凯文你好：样品客户已确认，5月下3个40HQ。这单由我们新加坡的贸易公司下单并付款，付款人会是 Bluefin Pte Ltd。萨米尔",
    ),
    (
        "de",
        "more wording",
        "Hallo Kevin, der Kunde hat die Muster freigegeben, wir bestätigen 3 x 40HQ für Mai. Die Bestellung und Anzahlung kommen von unserer Handelsgesellschaft in Singapur, Auftraggeber der Überweisung ist also Bluefin Pte Ltd. Grüße Samir",
    ),
    (
        "ja",
        "more wording",
        "ケビン様 サンプルの件、お客様の承認をいただきました。今回はシンガポールの弊社貿易会社から発注・お支払いいたしますので、送金人名義は Bluefin Pte Ltd となります。",
    ),
    (
        "en",
        "more wording",
        "Dear Kevin,\nOur parent company's CEO will visit your factory next month together with our agent in Ningbo. Please prepare the new samples. Payment for the last order was sent on Monday from our usual account.\nBest, Samir",
    ),
    (
        "en",
        "more wording",
        "Hi, our logistics partner will pick up the goods on Friday. The new booking number is attached. Payment as agreed: balance against B/L copy to your account.",
    ),
    (
        "en",
        "more wording",
        "Dear supplier, from next month our group company in Poland will place orders for the EU market. Invoices should still be addressed to us and payments will come from us as before.",
    ),
    (
        "en",
        "more wording",
        "Our agent in Dubai collected the samples yesterday, thank you. The new order will follow next week; deposit will be paid to your account as per the PI.",
    ),
    (
        "zh",
        "more wording",
        "凯文你好，下个月我们母公司的总经理会和宁波的代理一起去工厂，请准备新样品。上一单的款周一已经从我们常用的账户付了。",
    ),
    (
        "zh",
        "more wording",
        "你好，我们的物流合作伙伴周五来提货，新的订舱号见附件。尾款按约定见提单副本付到贵司账户。",
    ),
    (
        "es",
        "more wording",
        "Estimado Kevin: el próximo mes nuestra empresa matriz visitará su fábrica con nuestro agente en Ningbo. El pago del último pedido salió el lunes desde nuestra cuenta habitual.",
    ),
    (
        "fr",
        "more wording",
        "Cher Kevin, le mois prochain le directeur de notre société mère visitera votre usine avec notre agent à Ningbo. Le paiement de la dernière commande est parti lundi de notre compte habituel.",
    ),
    (
        "de",
        "more wording",
        "Hallo Kevin, nächsten Monat besucht der Geschäftsführer unserer Muttergesellschaft mit unserem Agenten in Ningbo Ihre Fabrik. Die Zahlung für die letzte Bestellung ging am Montag von unserem üblichen Konto raus.",
    ),
    (
        "pt",
        "more wording",
        "Caro Kevin, no próximo mês o diretor da nossa empresa-mãe visitará a sua fábrica com o nosso agente em Ningbo. O pagamento do último pedido saiu segunda-feira da nossa conta habitual.",
    ),
    (
        "ru",
        "more wording",
        "Кевин, в следующем месяце директор нашей материнской компании вместе с нашим агентом в Нинбо посетит вашу фабрику. Оплата за прошлый заказ ушла в понедельник с нашего обычного счёта.",
    ),
    (
        "ar",
        "more wording",
        "عزيزي كيفن، سيزور مدير شركتنا الأم مصنعكم الشهر القادم مع وكيلنا في نينغبو. تم إرسال دفعة الطلبية السابقة يوم الاثنين من حسابنا المعتاد.",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Kevin, gelecek ay ana şirketimizin müdürü Ningbo'daki acentemizle birlikte fabrikanızı ziyaret edecek. Son siparişin ödemesi pazartesi her zamanki hesabımızdan gönderildi.",
    ),
    (
        "ja",
        "more wording",
        "ケビン様\n来月、親会社の社長が寧波の代理店と一緒に貴社工場を訪問いたします。前回のご注文代金は月曜日にいつもの口座からお支払い済みです。",
    ),
    (
        "en",
        "more wording",
        "Please note that our receivables are insured with Euler Hermes; payment terms and bank details are unchanged.",
    ),
    (
        "de",
        "more wording",
        "Unsere Forderungen sind bei Euler Hermes versichert; Zahlungsbedingungen und Bankverbindung bleiben unverändert.",
    ),
    (
        "en",
        "more wording",
        "Our collection agent will contact customers with overdue invoices older than 90 days. Your account is in good standing, so no action is needed.",
    ),
    ("zh", "more wording", "我们的保理额度已经批下来了，但付款方式和收款账户都不变。"),
    (
        "ar",
        "more wording",
        "الأخ لي، أرسل الفواتير كالعادة على إيميل الشركة accounts@nile-trade.com.eg، شكرا.",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Li, faturaları her zamanki gibi muhasebe@kaya-tekstil.com.tr adresine gönderebilirsiniz.",
    ),
    (
        "ja",
        "more wording",
        "李様\n請求書は従来どおり keiri@yamada-shoji.co.jp 宛にお送りください。",
    ),
    ("ru", "more wording", "Ли, счета, как и раньше, отправляй на buh@alfa-trade.ru."),
    ("pt", "more wording", "Li, mande as faturas como sempre para financeiro@moraes.com.br."),
    ("zh", "more wording", "李总，发票照旧发到公司邮箱 caiwu@hongda.cn 就行。"),
    ("ar", "more wording", "شكرا على الدفعة، وصلت إلى حسابنا اليوم. سنشحن البضاعة الأسبوع القادم."),
    (
        "tr",
        "more wording",
        "Ödemeniz bugün hesabımıza ulaştı, teşekkürler. Mallar gelecek hafta yüklenecek.",
    ),
    (
        "ja",
        "more wording",
        "本日、ご入金を確認いたしました。ありがとうございます。来週出荷いたします。",
    ),
    (
        "en",
        "more wording",
        "Hi Amy, the landline in my signature works again after the office move. You can also reach me on +86 135 0000 2222.",
    ),
    (
        "en",
        "more wording",
        "Our switchboard +86 574 8765 4300 is open 8:30-17:30; after hours please leave a message.",
    ),
    ("zh", "more wording", "我们总机 0574-8765 4300 工作时间是8:30到17:30，下班后请留言。"),
    ("es", "more wording", "Nuestra centralita +34 910 000 000 atiende de 9 a 18 h."),
    ("fr", "more wording", "Notre standard +33 1 23 45 67 89 est ouvert de 9h à 18h."),
    ("de", "more wording", "Unsere Zentrale +49 30 1234 5678 ist von 8 bis 17 Uhr erreichbar."),
    ("ru", "more wording", "Наш многоканальный номер +7 495 123 45 67 работает с 9 до 18."),
    ("ja", "more wording", "代表番号 03-1234-5678 の受付時間は9時から18時です。"),
    (
        "en",
        "more wording",
        "Dear Lily,\n\nPlease find attached the revised PI with the new price for item LP-600 and the updated delivery date. Our bank details are the same as on the previous PI. Could you confirm by Friday so we can book the vessel?\n\nBest regards,\nTom Baker\nPurchasing | tom.baker@bakerlights.co.uk | +44 20 7946 0000",
    ),
    (
        "en",
        "more wording",
        "Hi Lily, our finance colleague Jane will take over invoice matters from next week; her e-mail is jane.f@bakerlights.co.uk. Payments will continue from our usual Barclays account.",
    ),
    (
        "en",
        "more wording",
        "Hello, we have a new warehouse manager, Mr Ortiz. Please send the delivery notes to him at ortiz@bakerlights.co.uk in addition to the usual recipients.",
    ),
    (
        "en",
        "more wording",
        "Dear supplier, please be informed that our company has been acquired by Harlow Group. Nothing changes for you: same contacts, same bank details, same terms.",
    ),
    (
        "en",
        "more wording",
        "Lily, could you send your updated bank certificate? Our auditors need it for the supplier file.",
    ),
    (
        "zh",
        "more wording",
        "莉莉你好，附件是修改后的形式发票，LP-600 的价格和交货期都更新了，银行信息和上一份PI一样。请周五前确认，我们好订船。汤姆",
    ),
    (
        "zh",
        "more wording",
        "你好，下周起我们财务同事小张接手发票事宜，她的邮箱是 zhang.f@bakerlights.cn，付款还是从我们原来的账户出。",
    ),
    ("zh", "more wording", "请贵司提供最新的银行资信证明，我们审计需要放在供应商档案里。"),
    (
        "es",
        "more wording",
        "Estimada Lily: adjunto la PI revisada con el nuevo precio del artículo LP-600 y la fecha de entrega actualizada. Nuestros datos bancarios son los mismos que en la PI anterior.",
    ),
    (
        "es",
        "more wording",
        "Hola Lily, a partir de la próxima semana mi compañera Juana llevará los temas de facturas; su correo es juana.f@bakerluces.es. Los pagos seguirán saliendo de nuestra cuenta habitual.",
    ),
    (
        "fr",
        "more wording",
        "Chère Lily, ci-joint la PI révisée avec le nouveau prix de l'article LP-600 et la date de livraison mise à jour. Nos coordonnées bancaires sont les mêmes que sur la PI précédente.",
    ),
    (
        "fr",
        "more wording",
        "Bonjour Lily, à partir de la semaine prochaine ma collègue Jeanne s'occupera des factures ; son e-mail est jeanne.f@bakerlumiere.fr. Les paiements continueront de partir de notre compte habituel.",
    ),
    (
        "de",
        "more wording",
        "Liebe Lily, anbei die überarbeitete PI mit dem neuen Preis für Artikel LP-600 und dem aktualisierten Liefertermin. Unsere Bankverbindung ist dieselbe wie auf der vorherigen PI.",
    ),
    (
        "de",
        "more wording",
        "Hallo Lily, ab nächster Woche übernimmt meine Kollegin Jana die Rechnungsthemen; ihre E-Mail ist jana.f@bakerlicht.de. Die Zahlungen kommen weiterhin von unserem üblichen Konto.",
    ),
    (
        "pt",
        "more wording",
        "Cara Lily, segue a PI revista com o novo preço do artigo LP-600 e a data de entrega atualizada. Os nossos dados bancários são os mesmos da PI anterior.",
    ),
    (
        "pt",
        "more wording",
        "Olá Lily, a partir da próxima semana a minha colega Joana vai tratar das faturas; o e-mail dela é joana.f@bakerluz.pt. Os pagamentos continuam a sair da nossa conta habitual.",
    ),
    (
        "ru",
        "more wording",
        "Лили, добрый день! Во вложении исправленный инвойс с новой ценой на LP-600 и обновлённой датой поставки. Банковские реквизиты те же, что в предыдущем инвойсе.",
    ),
    (
        "ru",
        "more wording",
        "Лили, со следующей недели вопросами по счетам будет заниматься моя коллега Яна, её почта yana.f@bakersvet.ru. Оплаты по-прежнему будут идти с нашего обычного счёта.",
    ),
    (
        "ar",
        "more wording",
        "عزيزتي ليلي، مرفق الفاتورة المبدئية المعدلة بالسعر الجديد للصنف LP-600 وتاريخ التسليم المحدث. بياناتنا البنكية هي نفسها كما في الفاتورة السابقة.",
    ),
    (
        "ar",
        "more wording",
        "مرحبا ليلي، ابتداء من الأسبوع القادم ستتولى زميلتي جنى أمور الفواتير، وبريدها jana.f@bakerlight.ae. وستستمر المدفوعات من حسابنا المعتاد.",
    ),
    (
        "tr",
        "more wording",
        "Sevgili Lily, LP-600 ürününün yeni fiyatı ve güncellenmiş teslim tarihiyle revize proformayı ekte bulabilirsiniz. Banka bilgilerimiz önceki proformadakiyle aynı.",
    ),
    (
        "tr",
        "more wording",
        "Merhaba Lily, gelecek haftadan itibaren fatura konularını iş arkadaşım Jale takip edecek; e-postası jale.f@bakerisik.com.tr. Ödemeler her zamanki hesabımızdan yapılmaya devam edecek.",
    ),
    (
        "ja",
        "more wording",
        "リリー様\nLP-600の新価格と更新後の納期を反映した修正版PIを添付いたします。弊社の銀行情報は前回のPIと同じです。",
    ),
    (
        "ja",
        "more wording",
        "リリー様\n来週より請求書関連は同僚の田中が担当いたします。メールアドレスは tanaka.f@baker.co.jp です。お支払いは引き続き従来の口座から行います。",
    ),
    ("en", "more wording", "Please save our new catalogue link and share it with your team."),
    (
        "en",
        "more wording",
        "Anything sent to our old P.O. box will still reach us until June; the street address is on the invoice.",
    ),
    ("zh", "more wording", "请保存我们的新产品目录链接，并转发给贵司同事。"),
    ("ja", "more wording", "新しいカタログのリンクをお送りします。社内でご共有ください。"),
    (
        "de",
        "more wording",
        "Bitte speichern Sie den Link zu unserem neuen Katalog und teilen Sie ihn im Team.",
    ),
    (
        "ru",
        "more wording",
        "Сохраните, пожалуйста, ссылку на наш новый каталог и поделитесь с коллегами.",
    ),
    (
        "en",
        "more wording",
        "Hi Grace, as always please transfer to our Hong Kong account shown on the PI; nothing has changed.",
    ),
    (
        "en",
        "more wording",
        "Please call me on +852 9123 4567 if the courier cannot find the address.",
    ),
    ("zh", "more wording", "王经理，货款照常转到我们香港的账户，PI上的信息没有变化。"),
    (
        "ja",
        "more wording",
        "グレース様\nいつもどおりPI記載の香港口座へお振込みください。変更はございません。",
    ),
    (
        "en",
        "more wording",
        "Please invoice in USD and not in EUR this time; the account stays the one on the PI.",
    ),
    (
        "en",
        "more wording",
        "We will pay by T/T instead of L/C for this order, to the account on your PI as usual.",
    ),
    (
        "en",
        "more wording",
        "Please send the samples to our office and not to the warehouse; payment details as before.",
    ),
    (
        "en",
        "more wording",
        "Please transfer only the deposit now, not the full amount, to your usual account.",
    ),
    (
        "en",
        "more wording",
        "Kindly ship the goods to our Rotterdam warehouse instead of Hamburg; payment to your account as per contract.",
    ),
    ("zh", "more wording", "这次请开美元发票而不是欧元，账户还是PI上那个。"),
    ("zh", "more wording", "这单我们用电汇而不是信用证，照常付到贵司PI上的账户。"),
    (
        "es",
        "more wording",
        "Esta vez facture en USD y no en EUR; la cuenta sigue siendo la de la PI.",
    ),
    (
        "fr",
        "more wording",
        "Merci de facturer en USD et non en EUR cette fois ; le compte reste celui de la PI.",
    ),
    (
        "de",
        "more wording",
        "Bitte diesmal in USD und nicht in EUR fakturieren; das Konto bleibt das auf der PI.",
    ),
    ("pt", "more wording", "Desta vez fature em USD e não em EUR; a conta continua a da PI."),
    (
        "ru",
        "more wording",
        "В этот раз выставьте счёт в долларах, а не в евро; реквизиты те же, что в инвойсе.",
    ),
    (
        "ar",
        "more wording",
        "هذه المرة يرجى إصدار الفاتورة بالدولار وليس باليورو، والحساب هو نفسه المذكور في الفاتورة المبدئية.",
    ),
    (
        "tr",
        "more wording",
        "Bu sefer faturayı euro yerine dolar olarak kesin; hesap proformadaki ile aynı.",
    ),
    (
        "ja",
        "more wording",
        "今回は請求書をユーロではなく米ドルでお願いします。口座はPI記載のものと同じです。",
    ),
    (
        "en",
        "more wording",
        "Please send the original documents by DHL and not by post, to our Hamburg office.",
    ),
    (
        "de",
        "more wording",
        "Bitte schicken Sie die Originaldokumente per DHL und nicht per Post an unser Büro in Hamburg.",
    ),
    (
        "en",
        "more wording",
        "Could you pay the freight to the forwarder directly instead of to us? Their invoice is attached.",
    ),
    (
        "en",
        "more wording",
        "Hi Ben, our accountant will send you the invoice copy tomorrow. The bank details are the ones on the PI.",
    ),
    ("zh", "more wording", "小王，我们会计明天把发票复印件发你，银行信息就是PI上的那个。"),
    (
        "ja",
        "more wording",
        "ベン様\n明日、経理より請求書の写しをお送りします。振込先はPI記載の口座のとおりです。",
    ),
    (
        "ru",
        "more wording",
        "Бен, бухгалтер завтра пришлёт копию счёта, реквизиты те же, что в инвойсе.",
    ),
    (
        "ar",
        "more wording",
        "بن، سيرسل لك محاسبنا نسخة الفاتورة غدا، والبيانات البنكية هي نفسها الموجودة في الفاتورة المبدئية.",
    ),
    (
        "tr",
        "more wording",
        "Ben, muhasebecimiz yarın fatura kopyasını gönderecek; banka bilgileri proformadakiyle aynı.",
    ),
    (
        "es",
        "more wording",
        "Ben, nuestro contable te enviará mañana la copia de la factura; los datos bancarios son los de la PI.",
    ),
    (
        "de",
        "more wording",
        "Ben, unsere Buchhaltung schickt dir morgen die Rechnungskopie; die Bankdaten sind die von der PI.",
    ),
    (
        "ar",
        "more wording",
        "السيد لي، يسعدنا إبلاغكم بافتتاح فرعنا الجديد في جدة. عنوان الفرع مرفق، أما الحساب البنكي والبريد فلم يتغيرا.",
    ),
    (
        "ar",
        "more wording",
        "تم إنشاء حساب جديد لكم على بوابة العملاء، ويمكنكم تسجيل الدخول لمتابعة الطلبات.",
    ),
    ("ar", "more wording", "مدير حسابكم الجديد سيتواصل معكم قريبا لمناقشة طلبيات الموسم القادم."),
    (
        "tr",
        "more wording",
        "Sayın Li, Bursa'da yeni şubemizi açtığımızı duyurmaktan mutluluk duyarız. Banka hesabımız ve e-posta adreslerimiz değişmedi.",
    ),
    (
        "tr",
        "more wording",
        "Müşteri portalımızda sizin için yeni bir hesap oluşturuldu; giriş yaparak siparişlerinizi takip edebilirsiniz.",
    ),
    (
        "ja",
        "more wording",
        "李様\n名古屋に新しい営業所を開設いたしました。なお、振込先口座およびメールアドレスに変更はございません。",
    ),
    (
        "ja",
        "more wording",
        "お客様ポータルに新しいアカウントを作成いたしました。ログインして注文状況をご確認ください。",
    ),
    (
        "ru",
        "more wording",
        "Господин Ли, рады сообщить об открытии нового филиала в Казани. Банковские реквизиты и почта остаются прежними.",
    ),
    (
        "ru",
        "more wording",
        "Для вас создан новый аккаунт на клиентском портале, войдите, чтобы отслеживать заказы.",
    ),
    ("zh", "more wording", "李先生，我司在苏州新开了分公司，地址见附件，银行账户和邮箱都不变。"),
    ("zh", "more wording", "我们在客户平台上为贵司新建了账号，登录后可以查看订单状态。"),
    (
        "es",
        "more wording",
        "Sr. Li: nos complace anunciar la apertura de nuestra nueva sucursal en Valencia. La cuenta bancaria y los correos no cambian.",
    ),
    (
        "fr",
        "more wording",
        "Monsieur Li, nous avons le plaisir de vous annoncer l'ouverture de notre nouvelle agence à Lyon. Le compte bancaire et les e-mails ne changent pas.",
    ),
    (
        "de",
        "more wording",
        "Herr Li, wir freuen uns, die Eröffnung unserer neuen Niederlassung in Leipzig anzukündigen. Bankverbindung und E-Mail-Adressen ändern sich nicht.",
    ),
    (
        "pt",
        "more wording",
        "Sr. Li, temos o prazer de anunciar a abertura da nossa nova filial no Porto. A conta bancária e os e-mails não mudam.",
    ),
    (
        "en",
        "more wording",
        "Mr Li, we are pleased to announce our new branch in Leeds. Our bank account and e-mail addresses do not change.",
    ),
    (
        "en",
        "more wording",
        "Newsletter: new LED range launched! Visit our new showroom. Reminder: we never change bank details by e-mail.",
    ),
    (
        "en",
        "more wording",
        "We have switched our accounting software; you may notice a new invoice layout, but the bank details on it are the same.",
    ),
    ("zh", "more wording", "我们换了财务软件，发票格式会有点不一样，但上面的银行信息没有变化。"),
    (
        "de",
        "more wording",
        "Wir haben unsere Buchhaltungssoftware umgestellt; das Rechnungslayout ist neu, die Bankverbindung darauf bleibt gleich.",
    ),
    ("en", "more wording", "This accounts for the price difference on the last invoice."),
    (
        "en",
        "more wording",
        "fyi we received your payment at Standard Chartered today, thanks. Goods ship Friday.",
    ),
    ("zh", "more wording", "跟您说下，今天民生银行那边已经收到您的款了，谢谢，周五发货。"),
    (
        "ru",
        "more wording",
        "К сведению: ваш платёж сегодня поступил на наш счёт в Тинькофф, спасибо. Отгрузка в пятницу.",
    ),
    (
        "tr",
        "more wording",
        "Bilginiz olsun, ödemeniz bugün Akbank hesabımıza ulaştı, teşekkürler. Mallar cuma yüklenecek.",
    ),
    (
        "en",
        "more wording",
        "Please remit the 30% deposit to our designated bank account below. Beneficiary: Ningbo Huayu Trading Co., Ltd. Account: 3901 0000 1234 5678.",
    ),
    (
        "zh",
        "more wording",
        "请将30%定金汇至我司指定账户：户名 宁波华宇贸易有限公司，账号 3901 0000 1234 5678。",
    ),
    ("ja", "more wording", "前払い金は弊社指定口座へお振込みください。"),
    (
        "es",
        "more wording",
        "Le rogamos transfiera el anticipo a nuestra cuenta designada: ES91 2100 0418 4502 0005 1332.",
    ),
    ("de", "more wording", "Bitte überweisen Sie die Anzahlung auf unser unten bestimmtes Konto."),
    (
        "en",
        "more wording",
        "Payment terms: 30% deposit, balance against B/L copy. Bank: Bank of China, account 3901 0000 1234 5678, SWIFT BKCHCNBJ92A.",
    ),
    (
        "en",
        "more wording",
        "Please open a separate e-mail thread for the sample order so we don't mix it up with PO 7781.",
    ),
    (
        "en",
        "more wording",
        "Could you issue a separate invoice for the samples? We pay them from a different budget.",
    ),
    ("en", "more wording", "Your dedicated account manager, Lisa, will contact you next week."),
    ("zh", "more wording", "样品请单独开一张发票，我们走不同的预算。"),
    (
        "es",
        "more wording",
        "¿Podría emitir una factura separada para las muestras? Las pagamos con otro presupuesto.",
    ),
    (
        "fr",
        "more wording",
        "Pourriez-vous établir une facture séparée pour les échantillons ? Nous les payons sur un autre budget.",
    ),
    (
        "de",
        "more wording",
        "Könnten Sie für die Muster eine gesonderte Rechnung ausstellen? Wir bezahlen sie aus einem anderen Budget.",
    ),
    (
        "ru",
        "more wording",
        "Выставьте, пожалуйста, отдельный счёт за образцы, мы оплачиваем их из другого бюджета.",
    ),
    (
        "pt",
        "more wording",
        "Pode emitir uma fatura separada para as amostras? Pagamos com outro orçamento.",
    ),
    ("ar", "more wording", "هل يمكنكم إصدار فاتورة منفصلة للعينات؟ ندفعها من ميزانية مختلفة."),
    (
        "tr",
        "more wording",
        "Numuneler için ayrı bir fatura kesebilir misiniz? Onları farklı bir bütçeden ödüyoruz.",
    ),
    (
        "ja",
        "more wording",
        "サンプル分は別途請求書を発行していただけますか。別の予算から支払います。",
    ),
    (
        "en",
        "more wording",
        "Dear Ms Hu, our partner in Almaty, Steppe Trade LLP, will distribute your products in Kazakhstan. Payments to you will come from us as usual.",
    ),
    (
        "ru",
        "more wording",
        "Госпожа Ху, наш партнёр в Алматы будет дистрибьютором вашей продукции в Казахстане. Оплаты вам, как и раньше, будут идти от нас.",
    ),
    (
        "en",
        "more wording",
        "Hi Ann, please keep sending purchase confirmations to me directly as before; our procurement platform only handles internal approvals.",
    ),
    (
        "ar",
        "more wording",
        "السيد وانغ، نؤكد استلام الفاتورة التجارية وقائمة التعبئة. سنقوم بتحويل الرصيد بعد وصول نسخة بوليصة الشحن، إلى حسابكم المعتاد.",
    ),
    (
        "ar",
        "more wording",
        "مرحبا، هل يمكن تعديل تاريخ الشحن إلى الأسبوع القادم؟ باقي الشروط كما هي.",
    ),
    (
        "ar",
        "more wording",
        "عزيزي لي، حسابنا لدى البنك الأهلي هو نفسه، ويمكنكم الدفع كالمعتاد. شكرا لتعاونكم.",
    ),
    (
        "ar",
        "more wording",
        "تحية طيبة، مرفق كشف الحساب حتى نهاية الشهر، يرجى مراجعته وإفادتنا بأي ملاحظات.",
    ),
    (
        "tr",
        "more wording",
        "Sayın Wang, ticari fatura ve çeki listesini aldık. Konşimento kopyası gelince bakiyeyi her zamanki hesabınıza göndereceğiz.",
    ),
    (
        "tr",
        "more wording",
        "Merhaba, yükleme tarihini gelecek haftaya alabilir miyiz? Diğer şartlar aynı.",
    ),
    (
        "tr",
        "more wording",
        "Ekte ay sonuna kadarki hesap ekstresi var, kontrol edip bilgi verir misiniz?",
    ),
    (
        "tr",
        "more wording",
        "Yeni sezon kataloğumuz ektedir; fiyatlar 1 Mart'tan itibaren geçerlidir.",
    ),
    (
        "ja",
        "more wording",
        "王様\n商業インボイスとパッキングリストを受領いたしました。B/Lコピー到着後、残金をいつもの口座へお振込みいたします。",
    ),
    (
        "ja",
        "more wording",
        "出荷日を来週に変更することは可能でしょうか。その他の条件は変わりません。",
    ),
    (
        "ja",
        "more wording",
        "月末までの取引明細を添付いたしますので、ご確認のほどお願いいたします。",
    ),
    ("ja", "more wording", "新しいカタログを添付いたします。価格は3月1日より適用となります。"),
    (
        "ru",
        "more wording",
        "Господин Ван, коммерческий инвойс и упаковочный лист получили. Остаток переведём на ваш обычный счёт после получения копии коносамента.",
    ),
    (
        "ru",
        "more wording",
        "Можно перенести дату отгрузки на следующую неделю? Остальные условия без изменений.",
    ),
    ("ru", "more wording", "Во вложении акт сверки на конец месяца, проверьте, пожалуйста."),
    ("ru", "more wording", "Прилагаем новый каталог, цены действуют с 1 марта."),
    (
        "pt",
        "more wording",
        "Sr. Wang, recebemos a fatura comercial e a lista de embalagem. Transferiremos o saldo para a sua conta habitual quando chegar a cópia do BL.",
    ),
    (
        "pt",
        "more wording",
        "Podemos mudar a data de embarque para a próxima semana? As demais condições continuam iguais.",
    ),
    (
        "pt",
        "more wording",
        "Segue em anexo o extrato de conta até ao fim do mês; por favor confirme.",
    ),
    ("pt", "more wording", "Segue o nosso novo catálogo; os preços valem a partir de 1 de março."),
    (
        "zh",
        "more wording",
        "王先生，商业发票和装箱单已收到，提单副本到后我们把尾款付到贵司原来的账户。",
    ),
    ("zh", "more wording", "附件是截至月底的对账单，请核对。"),
    ("zh", "more wording", "附上我们的新目录，价格从3月1日起生效。"),
    (
        "es",
        "more wording",
        "Adjunto nuestro nuevo catálogo; los precios rigen a partir del 1 de marzo.",
    ),
    (
        "fr",
        "more wording",
        "Ci-joint notre nouveau catalogue ; les prix s'appliquent à partir du 1er mars.",
    ),
    ("de", "more wording", "Anbei unser neuer Katalog; die Preise gelten ab dem 1. März."),
    ("en", "more wording", "Attached is our new catalogue; prices apply from 1 March."),
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
