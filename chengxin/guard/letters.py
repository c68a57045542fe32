"""The letter that warns the real buyer that someone impersonates them or us, per
language of the contact.

Plain templates with ``{name}``, ``{address}``, ``{subject}``, ``{date}``, ``{details}``,
``{sender}``; the rep reviews and edits the draft before it is sent. A language without
a template falls back to English. These are letters to customers, in the customer's
language, not the user's, so they are not run through gettext (as the change loop's
letters in ``chengxin.changes.drafts``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


@dataclass(frozen=True)
class OurDetails:
    """Our contact details that are verified: what the buyer should use to check."""

    company: str
    phone: str = ""
    website: str = ""
    mail_domains: tuple[str, ...] = ()
    rep_email: str = ""


# Someone writes to us pretending to be the buyer.
IMPERSONATES_THEM = {
    "en": Letter(
        "Warning: someone is writing to us in your name",
        "Dear {name},\n\n"
        "we received a message that pretends to come from your company but does not:\n\n"
        "    From: {address}\n    Subject: {subject}\n    Received: {date}\n\n"
        "Someone is impersonating you, most likely to have payments or goods redirected. "
        "We have not acted on it and will not. Please check whether your mailbox may have been "
        "accessed, and warn your colleagues.\n\n"
        "If you receive messages that seem to come from us and ask you to pay into another "
        "account or to use new contact details, please do not act on them. Check with us first "
        "through these details, which we have verified:\n\n{details}\n\n"
        "Best regards,\n{sender}",
    ),
    "zh-hans": Letter(
        "提醒:有人冒充贵司给我们发信",
        "{name}您好:\n\n"
        "我们收到一封冒充贵司名义、但并非来自贵司的邮件:\n\n"
        "    发件人:{address}\n    主题:{subject}\n    收到时间:{date}\n\n"
        "有人正在冒充您,很可能是为了转移货款或货物。我们没有、也不会按照该邮件行事。"
        "请检查您的邮箱是否可能被他人登录,并提醒您的同事。\n\n"
        "如果您收到看似来自我们、要求您向其他账户付款或使用新联系方式的信息,请不要照做,"
        "先通过以下经我们核实的联系方式与我们确认:\n\n{details}\n\n祝好!\n{sender}",
    ),
    "de": Letter(
        "Warnung: Jemand schreibt uns in Ihrem Namen",
        "Guten Tag {name},\n\n"
        "wir haben eine Nachricht erhalten, die vorgibt, von Ihrem Unternehmen zu kommen, es "
        "aber nicht tut:\n\n"
        "    Von: {address}\n    Betreff: {subject}\n    Eingegangen: {date}\n\n"
        "Jemand gibt sich als Sie aus, vermutlich um Zahlungen oder Waren umzuleiten. Wir haben "
        "nicht darauf reagiert und werden es nicht tun. Bitte prüfen Sie, ob Unbefugte Zugriff "
        "auf Ihr Postfach hatten, und warnen Sie Ihre Kollegen.\n\n"
        "Sollten Sie Nachrichten erhalten, die scheinbar von uns kommen und Sie bitten, auf ein "
        "anderes Konto zu zahlen oder neue Kontaktdaten zu verwenden, handeln Sie bitte nicht "
        "danach. Fragen Sie zuerst bei uns nach, über diese von uns geprüften Kontaktdaten:"
        "\n\n{details}\n\n"
        "Mit freundlichen Grüßen\n{sender}",
    ),
    "es": Letter(
        "Aviso: alguien nos escribe en su nombre",
        "Estimado/a {name}:\n\n"
        "hemos recibido un mensaje que finge venir de su empresa, pero no es así:\n\n"
        "    De: {address}\n    Asunto: {subject}\n    Recibido: {date}\n\n"
        "Alguien se está haciendo pasar por ustedes, probablemente para desviar pagos o "
        "mercancías. No hemos actuado según ese mensaje ni lo haremos. Por favor, compruebe si "
        "alguien ha podido acceder a su buzón y avise a sus compañeros.\n\n"
        "Si recibe mensajes que parecen nuestros y le piden pagar en otra cuenta o usar nuevos "
        "datos de contacto, no actúe según ellos. Consúltenos antes a través de estos datos, "
        "que hemos verificado:\n\n{details}\n\n"
        "Saludos cordiales,\n{sender}",
    ),
    "fr": Letter(
        "Attention : quelqu'un nous écrit en votre nom",
        "Bonjour {name},\n\n"
        "nous avons reçu un message qui prétend venir de votre société, mais ce n'est pas le "
        "cas :\n\n"
        "    De : {address}\n    Objet : {subject}\n    Reçu le : {date}\n\n"
        "Quelqu'un se fait passer pour vous, sans doute pour détourner des paiements ou des "
        "marchandises. Nous n'y avons pas donné suite et ne le ferons pas. Vérifiez si votre "
        "messagerie a pu être consultée par un tiers, et prévenez vos collègues.\n\n"
        "Si vous recevez des messages qui semblent venir de nous et vous demandent de payer sur "
        "un autre compte ou d'utiliser de nouvelles coordonnées, n'y donnez pas suite. "
        "Vérifiez d'abord auprès de nous par ces coordonnées, que nous avons vérifiées :"
        "\n\n{details}\n\n"
        "Cordialement,\n{sender}",
    ),
}

# Someone writes pretending to be us (a lookalike of our own domain).
IMPERSONATES_US = {
    "en": Letter(
        "Warning: someone is impersonating {company}",
        "Dear {name},\n\n"
        "someone is sending messages that pretend to come from us but do not:\n\n"
        "    From: {address}\n    Subject: {subject}\n    Received: {date}\n\n"
        "Please do not act on this message or any like it: do not pay, do not change any "
        "bank or contact details, and do not reply with information. Our bank details have "
        "not changed because of it.\n\n"
        "Whenever you are unsure whether a message is really from us, check with us through "
        "these details, which we have verified:\n\n{details}\n\n"
        "Best regards,\n{sender}",
    ),
    "zh-hans": Letter(
        "提醒:有人冒充{company}",
        "{name}您好:\n\n"
        "有人正在冒充我们发送信息,以下邮件并非我们所发:\n\n"
        "    发件人:{address}\n    主题:{subject}\n    收到时间:{date}\n\n"
        "请不要按照此类信息行事:不要付款,不要更改任何银行或联系方式,也不要回复任何资料。"
        "我们的银行信息并未因此变更。\n\n"
        "如您不确定某条信息是否确实来自我们,请通过以下经我们核实的联系方式与我们确认:"
        "\n\n{details}\n\n祝好!\n{sender}",
    ),
    "de": Letter(
        "Warnung: Jemand gibt sich als {company} aus",
        "Guten Tag {name},\n\n"
        "jemand verschickt Nachrichten, die vorgeben, von uns zu kommen, es aber nicht tun:\n\n"
        "    Von: {address}\n    Betreff: {subject}\n    Eingegangen: {date}\n\n"
        "Bitte handeln Sie nicht nach dieser oder einer ähnlichen Nachricht: zahlen Sie nicht, "
        "ändern Sie keine Bank- oder Kontaktdaten und antworten Sie nicht mit Informationen. "
        "Unsere Bankverbindung hat sich dadurch nicht geändert.\n\n"
        "Wann immer Sie unsicher sind, ob eine Nachricht wirklich von uns ist, fragen Sie bei "
        "uns nach, über diese von uns geprüften Kontaktdaten:\n\n{details}\n\n"
        "Mit freundlichen Grüßen\n{sender}",
    ),
    "es": Letter(
        "Aviso: alguien se hace pasar por {company}",
        "Estimado/a {name}:\n\n"
        "alguien está enviando mensajes que fingen venir de nosotros, pero no es así:\n\n"
        "    De: {address}\n    Asunto: {subject}\n    Recibido: {date}\n\n"
        "Por favor, no actúe según este mensaje ni otros parecidos: no pague, no cambie datos "
        "bancarios ni de contacto y no responda con información. Nuestros datos bancarios no "
        "han cambiado por ello.\n\n"
        "Siempre que dude de si un mensaje es realmente nuestro, consúltenos a través de estos "
        "datos, que hemos verificado:\n\n{details}\n\n"
        "Saludos cordiales,\n{sender}",
    ),
    "fr": Letter(
        "Attention : quelqu'un se fait passer pour {company}",
        "Bonjour {name},\n\n"
        "quelqu'un envoie des messages qui prétendent venir de nous, mais ce n'est pas le "
        "cas :\n\n"
        "    De : {address}\n    Objet : {subject}\n    Reçu le : {date}\n\n"
        "N'y donnez pas suite, ni à aucun message semblable : ne payez pas, ne modifiez aucune "
        "coordonnée bancaire ou autre, et ne répondez pas en donnant des informations. Nos "
        "coordonnées bancaires n'ont pas changé pour autant.\n\n"
        "Chaque fois que vous doutez qu'un message vienne bien de nous, vérifiez auprès de nous "
        "par ces coordonnées, que nous avons vérifiées :\n\n{details}\n\n"
        "Cordialement,\n{sender}",
    ),
}

DETAIL_LABELS = {
    "en": {"phone": "Phone", "website": "Website", "mail": "Our e-mail addresses end in",
           "rep": "Your contact"},
    "zh-hans": {"phone": "电话", "website": "网站", "mail": "我们的邮箱地址均以此结尾",
                "rep": "您的联系人"},
    "de": {"phone": "Telefon", "website": "Website", "mail": "Unsere E-Mail-Adressen enden auf",
           "rep": "Ihr Ansprechpartner"},
    "es": {"phone": "Teléfono", "website": "Sitio web",
           "mail": "Nuestras direcciones de correo terminan en", "rep": "Su contacto"},
    "fr": {"phone": "Téléphone", "website": "Site web",
           "mail": "Nos adresses e-mail se terminent par", "rep": "Votre interlocuteur"},
}  # fmt: skip


def language_of(language: str) -> str:
    """The template language for a contact's language: its own if there is one, else English."""
    language = (language or "").lower()
    return language if language in IMPERSONATES_THEM else "en"


def details_block(language: str, details: OurDetails) -> str:
    labels = DETAIL_LABELS[language_of(language)]
    lines = [f"    {details.company}"]
    if details.phone:
        lines.append(f"    {labels['phone']}: {details.phone}")
    if details.website:
        lines.append(f"    {labels['website']}: {details.website}")
    if details.mail_domains:
        domains = ", ".join(f"@{d}" for d in details.mail_domains)
        lines.append(f"    {labels['mail']}: {domains}")
    if details.rep_email:
        lines.append(f"    {labels['rep']}: {details.rep_email}")
    return "\n".join(lines)


def warning_letter(
    *,
    language: str,
    name: str,
    impersonates_us: bool,
    address: str,
    subject: str,
    date: str,
    details: OurDetails,
    sender: str,
) -> Letter:
    lang = language_of(language)
    letter = (IMPERSONATES_US if impersonates_us else IMPERSONATES_THEM)[lang]
    values = {
        "name": name,
        "address": address,
        "subject": subject or "—",
        "date": date,
        "details": details_block(lang, details),
        "sender": sender,
        "company": details.company,
    }
    return Letter(letter.subject.format(**values), letter.body.format(**values))
