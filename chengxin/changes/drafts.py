"""The letters of a change request, per language of the contact: the confirmation that
restates the new value, and the notice sent to it once it is in effect.

Plain templates with ``{name}``, ``{new_value}``, ``{kind}``, ``{sender}``, ``{orders}``
(the paragraph on the buyer's open orders, left out when there are none: a buyer is never
told "no open orders");
the user edits the draft before it is sent. A language without a template falls back to
English. (These are letters to customers, in the customer's language, not the user's:
they are not run through gettext.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


KIND_NAMES = {
    "en": {"email": "email address", "phone": "phone number", "whatsapp": "WhatsApp number",
           "wechat": "WeChat ID", "linkedin": "LinkedIn profile", "other": "contact details"},
    "zh-hans": {"email": "邮箱地址", "phone": "电话号码", "whatsapp": "WhatsApp 号码",
                "wechat": "微信号", "linkedin": "LinkedIn 主页", "other": "联系方式"},
    "de": {"email": "E-Mail-Adresse", "phone": "Telefonnummer", "whatsapp": "WhatsApp-Nummer",
           "wechat": "WeChat-ID", "linkedin": "LinkedIn-Profil", "other": "Kontaktdaten"},
    "es": {"email": "dirección de correo electrónico", "phone": "número de teléfono",
           "whatsapp": "número de WhatsApp", "wechat": "ID de WeChat",
           "linkedin": "perfil de LinkedIn", "other": "datos de contacto"},
    "fr": {"email": "adresse e-mail", "phone": "numéro de téléphone",
           "whatsapp": "numéro WhatsApp", "wechat": "identifiant WeChat",
           "linkedin": "profil LinkedIn", "other": "coordonnées"},
}  # fmt: skip

CONFIRM = {
    "en": Letter(
        "Please confirm your new {kind}",
        "Dear {name},\n\n"
        "Thank you for letting us know that your {kind} has changed. We have noted your new "
        "{kind}:\n\n    {new_value}\n\n"
        "To be sure nothing goes astray, could you please confirm that this is exactly right? "
        "Once confirmed we will update it everywhere in our company, so that quotations, order "
        "updates and documents reach you there.\n\n"
        "Thank you again,\n{sender}",
    ),
    "zh-hans": Letter(
        "请确认您的新{kind}",
        "{name}您好:\n\n"
        "非常感谢您通知我们您的{kind}已变更。我们已记录下您的新{kind}:\n\n    {new_value}\n\n"
        "为确保万无一失,麻烦您确认一下这个信息完全正确。确认后我们会立即在公司内部全面更新,"
        "保证之后所有的报价、订单更新和单据都能准确送达。\n\n再次感谢!\n{sender}",
    ),
    "de": Letter(
        "Bitte bestätigen Sie Ihre neue {kind}",
        "Guten Tag {name},\n\n"
        "vielen Dank für Ihre Nachricht, dass sich Ihre {kind} geändert hat. Wir haben Ihre neue "
        "{kind} notiert:\n\n    {new_value}\n\n"
        "Damit nichts verloren geht: Könnten Sie bitte bestätigen, dass sie genau so stimmt? "
        "Danach aktualisieren wir sie überall in unserem Unternehmen, damit Angebote, "
        "Auftragsnachrichten und Dokumente Sie dort erreichen.\n\n"
        "Nochmals vielen Dank\n{sender}",
    ),
    "es": Letter(
        "Por favor, confirme su nuevo dato: {kind}",
        "Estimado/a {name}:\n\n"
        "Muchas gracias por avisarnos del cambio de su {kind}. Hemos anotado el nuevo dato:\n\n"
        "    {new_value}\n\n"
        "Para evitar cualquier error, ¿podría confirmarnos que es exactamente correcto? En cuanto "
        "lo confirme lo actualizaremos en toda nuestra empresa, para que las ofertas, las "
        "novedades de los pedidos y los documentos le lleguen allí.\n\n"
        "Muchas gracias de nuevo,\n{sender}",
    ),
    "fr": Letter(
        "Merci de confirmer votre nouvelle donnée : {kind}",
        "Bonjour {name},\n\n"
        "Merci de nous avoir informés du changement de votre {kind}. Nous avons noté la "
        "nouvelle valeur :\n\n    {new_value}\n\n"
        "Pour éviter toute erreur, pourriez-vous nous confirmer qu'elle est parfaitement "
        "exacte ? Dès votre confirmation, nous la mettrons à jour dans toute notre société afin "
        "que nos offres, le suivi des commandes et les documents vous parviennent bien.\n\n"
        "Encore merci,\n{sender}",
    ),
}

NOTICE = {
    "en": Letter(
        "Your new {kind} is now in use",
        "Dear {name},\n\n"
        "Just a quick note: we have updated your {kind} to {new_value} in all our systems. "
        "This message is the first one we send there, so that we both know it works. From now "
        "on everything goes to this {kind}.\n\n"
        "{orders}"
        "If anything is not right, please reply at any time.\n\nBest regards,\n{sender}",
    ),
    "zh-hans": Letter(
        "您的新{kind}已生效",
        "{name}您好:\n\n"
        "我们已在公司所有系统中将您的{kind}更新为 {new_value}。这是我们发送到新联系方式的第一封信,"
        "以确认通道畅通。今后所有沟通都将发送至此。\n\n"
        "{orders}如有任何问题,请随时联系我们。\n\n祝好!\n{sender}",
    ),
    "de": Letter(
        "Ihre neue {kind} ist jetzt in Gebrauch",
        "Guten Tag {name},\n\n"
        "kurz zur Info: Wir haben Ihre {kind} in allen unseren Systemen auf {new_value} "
        "umgestellt. Dies ist die erste Nachricht, die wir dorthin senden, damit wir beide "
        "wissen, dass sie ankommt. Ab jetzt geht alles an diese {kind}.\n\n"
        "{orders}"
        "Falls etwas nicht stimmt, antworten Sie bitte jederzeit.\n\n"
        "Mit freundlichen Grüßen\n{sender}",
    ),
    "es": Letter(
        "Su nuevo dato ya está en uso: {kind}",
        "Estimado/a {name}:\n\n"
        "Le confirmamos que hemos actualizado su {kind} a {new_value} en todos nuestros "
        "sistemas. Este es el primer mensaje que le enviamos allí, para comprobar que funciona. "
        "A partir de ahora todo irá a este dato.\n\n"
        "{orders}"
        "Si algo no es correcto, no dude en responder.\n\nSaludos cordiales,\n{sender}",
    ),
    "fr": Letter(
        "Votre nouvelle donnée est en service : {kind}",
        "Bonjour {name},\n\n"
        "Nous avons mis à jour votre {kind} en {new_value} dans tous nos systèmes. Ce message "
        "est le premier que nous y envoyons, pour vérifier que tout fonctionne. Désormais, "
        "tout partira vers cette adresse.\n\n"
        "{orders}"
        "Si quelque chose n'est pas correct, n'hésitez pas à répondre.\n\n"
        "Cordialement,\n{sender}",
    ),
}

OPEN_ORDERS_HEADING = {
    "en": "Your open orders with us:",
    "zh-hans": "您在我司的未完成订单:",
    "de": "Ihre offenen Aufträge bei uns:",
    "es": "Sus pedidos abiertos con nosotros:",
    "fr": "Vos commandes en cours chez nous :",
}


def language_of(language: str) -> str:
    """The template language for a contact's language: its own if there is one, else English."""
    language = (language or "").lower()
    return language if language in CONFIRM else "en"


def _render(letter: Letter, values: dict[str, str]) -> Letter:
    return Letter(letter.subject.format(**values), letter.body.format(**values))


def confirm_letter(*, language: str, name: str, kind: str, new_value: str, sender: str) -> Letter:
    lang = language_of(language)
    values = {"name": name, "kind": KIND_NAMES[lang].get(kind, kind), "new_value": new_value,
              "sender": sender}  # fmt: skip
    return _render(CONFIRM[lang], values)


def notice_letter(
    *, language: str, name: str, kind: str, new_value: str, sender: str, open_orders: list[str]
) -> Letter:
    lang = language_of(language)
    orders = ""
    if open_orders:
        lines = "\n".join(f"- {line}" for line in open_orders)
        orders = f"{OPEN_ORDERS_HEADING[lang]}\n{lines}\n\n"
    values = {"name": name, "kind": KIND_NAMES[lang].get(kind, kind), "new_value": new_value,
              "sender": sender, "orders": orders}  # fmt: skip
    return _render(NOTICE[lang], values)
