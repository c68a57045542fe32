"""The demo exporter's inbox: mail its buyers sent over the last days.

Each message is a real RFC 5322 message (``email.message.EmailMessage``) stored
through the inbound pipeline (``chengxin.inbound.pipeline``), the way every uploaded or
polled message comes in, so the guard assesses it and it is acted on exactly as real
mail would be:

* a buyer's genuine change of email address, from their known address on their
  own domain: the guard proposes a change request; the rep sends the
  confirmation to the address on file (step 2 of the loop);
* an impostor writing from a lookalike of a buyer's domain (one letter changed),
  with the name of the buyer's contact, asking for a refund to a new IBAN: a
  fraud alert for the owner and the managers, and a task about the unknown
  account;
* ordinary inquiries in the buyers' own languages, one of them answered by the rep.

The buyers are picked from the loaded demo by what they are (country, language,
a mailbox on their own domain), so another ``--seed`` gives other writers; the
names, addresses and the IBAN are invented.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from django.conf import settings
from schwifty import IBAN

from chengxin.accounts.models import User
from chengxin.changes.models import ChangeRequest
from chengxin.changes.services import change_confirm_send
from chengxin.guard.models import Assessment
from chengxin.inbound.pipeline import message_process, message_receive
from chengxin.mail.models import Message, Source
from chengxin.outbox.services import outbox_enqueue
from chengxin.parties.models import ChannelKind, Company, Contact, ContactStatus

# The made-up account the impostor wants the refund paid into (valid checksum, on file
# for nobody).
IMPOSTOR_IBAN = str(
    IBAN.generate("GB", bank_code="NWBK", branch_code="601613", account_code="48217395")
)


@dataclass(frozen=True)
class Writer:
    company: Company
    contact: Contact
    address: str
    on_file: bool  # the address was verified (it can carry a change's confirmation)


@dataclass(frozen=True)
class DemoInbox:
    """What the demo's mail is and led to."""

    messages: list[tuple[str, Message]]  # (what it is, the stored message)
    alerts: int
    change_requests: int
    sent: int


def _message_id(seed: int, name: str, domain: str) -> str:
    digest = hashlib.sha256(f"{seed}:{name}".encode()).hexdigest()[:20]
    return f"<{digest}@{domain}>"


def _writers(companies: Iterable[Company]) -> Iterable[Writer]:
    """Buyers with an owner and an active contact writing from their company's domain."""
    for company in companies:
        if company.owner_id is None:
            continue
        domains = {d.domain for d in company.domains.all()}
        for contact in company.contacts.all():
            if contact.status != ContactStatus.ACTIVE:
                continue
            for channel in contact.channels.all():
                domain = channel.value.rpartition("@")[2]
                if (
                    channel.kind == ChannelKind.EMAIL
                    and channel.is_active
                    and domain in domains
                    and domain.isascii()
                    and channel.value.isascii()
                ):
                    yield Writer(company, contact, channel.value, channel.verified_at is not None)
                    break
            else:
                continue
            break


def lookalike_of(domain: str) -> str:
    """The domain with one letter swapped for one that looks like it, as impostors
    register them: rn for m, l for i, 0 for o, vv for w, or a doubled letter."""
    label, dot, rest = domain.partition(".")
    for original, lookalike in (("m", "rn"), ("i", "l"), ("o", "0"), ("w", "vv")):
        if original in label:
            return label.replace(original, lookalike, 1) + dot + rest
    return label[0] + label + dot + rest


def _email(
    *,
    writer: Writer,
    sender: str | None = None,
    to: User,
    subject: str,
    body: str,
    sent_at: datetime.datetime,
    message_id: str,
    reply_to: str = "",
    in_reply_to: str = "",
) -> bytes:
    email = EmailMessage()
    email["From"] = formataddr((writer.contact.name, sender or writer.address))
    email["To"] = formataddr((to.get_full_name() or to.username, to.email))
    if reply_to:
        email["Reply-To"] = reply_to
    email["Subject"] = subject
    email["Date"] = format_datetime(sent_at)
    email["Message-ID"] = message_id
    if in_reply_to:
        email["In-Reply-To"] = in_reply_to
        email["References"] = in_reply_to
    email.set_content(body)
    return email.as_bytes()


# --- what the buyers write ---------------------------------------------------------------

EMAIL_CHANGE = {
    "de": (
        "Meine neue E-Mail-Adresse",
        "Hallo {rep},\n\n"
        "wir haben unser Mailsystem umgestellt. Meine neue E-Mail-Adresse lautet\n"
        "{new}\n"
        "Die alte Adresse wird Ende des Monats abgeschaltet. Bitte senden Sie Angebote und\n"
        "Auftragsbestätigungen künftig an die neue Adresse.\n\n"
        "Telefonisch erreichen Sie mich wie gewohnt.\n\n"
        "Mit freundlichen Grüßen\n{name}\n{company}\n",
    ),
    "en": (
        "My new email address",
        "Dear {rep},\n\n"
        "we have moved to a new mail system. My new email address is\n{new}\n"
        "The old one will be switched off at the end of the month; please send quotations "
        "and order confirmations to the new address from now on.\n\n"
        "You can reach me by phone as usual.\n\nBest regards,\n{name}\n{company}\n",
    ),
}

IMPOSTOR = (
    "Re: refund for the damaged cartons - updated bank details",
    "Dear {rep},\n\n"
    "Thank you for agreeing to refund USD 4,860.00 for the damaged cartons of our last "
    "shipment.\n\n"
    "Please note that our bank account has changed: our old account is under audit and "
    "cannot receive payments at the moment. Kindly transfer the refund to our new account "
    "today:\n\n"
    "Beneficiary: {company}\n"
    "Bank: NatWest, London\n"
    "IBAN: {iban}\n"
    "SWIFT: NWBKGB2L\n\n"
    "Please send the remittance copy by return. I am travelling and cannot take calls "
    "this week, so reply by email only.\n\n"
    "Best regards,\n{name}\n{company}\n",
)

# (language, subject, body): ordinary mail a buyer writes; none asks for anything dangerous.
INQUIRIES = (
    (
        "es",
        "Solicitud de cotización: paneles LED 600x600",
        "Estimado/a {rep}:\n\n"
        "Le escribo para solicitar una cotización de 1.200 paneles LED 600x600 de 40 W, "
        "4000 K, con driver incluido, precio FOB Ningbo.\n"
        "¿Podría indicarnos también el plazo de entrega y si disponen de certificado CE?\n\n"
        "Saludos cordiales,\n{name}\n{company}\n",
    ),
    (
        "fr",
        "Demande d'échantillons - projecteurs LED 100 W",
        "Bonjour {rep},\n\n"
        "Nous préparons un appel d'offres pour l'éclairage d'un entrepôt à Lyon. Pourriez-"
        "vous nous envoyer deux échantillons de votre projecteur LED 100 W (IP65) ainsi que "
        "la fiche technique et le rapport photométrique ?\n\n"
        "Merci d'avance et bonne journée,\n{name}\n{company}\n",
    ),
    (
        "ar",
        "استفسار عن أضواء الشوارع بالطاقة الشمسية",
        "السيد/السيدة {rep} المحترم،\n\n"
        "نرجو تزويدنا بعرض سعر لعدد 300 وحدة من أضواء الشوارع بالطاقة الشمسية قدرة 60 واط، "
        "مع مدة الضمان ومدة التسليم إلى ميناء جبل علي.\n\n"
        "مع خالص التحية،\n{name}\n{company}\n",
    ),
    (
        "ja",
        "LEDダウンライトのお見積りのお願い",
        "{rep}様\n\n"
        "いつもお世話になっております。\n"
        "LEDダウンライト 12W（電球色 3000K）を 2,000台、東京港着 CIF でお見積りいただけますでしょうか。"
        "\nあわせて PSE 認証の有無と納期もお知らせください。\n\n"
        "よろしくお願いいたします。\n{name}\n{company}\n",
    ),
    (
        "ru",
        "Запрос цены на светодиодные прожекторы",
        "Здравствуйте, {rep}!\n\n"
        "Просим выслать коммерческое предложение на светодиодные прожекторы 150 Вт, "
        "500 штук, условия FOB Шанхай. Также интересует наличие сертификата ЕАЭС и срок "
        "изготовления.\n\n"
        "С уважением,\n{name}\n{company}\n",
    ),
    (
        "pt",
        "Cotação de fitas LED 24 V",
        "Olá {rep},\n\n"
        "Gostaríamos de receber uma cotação de 5.000 metros de fita LED 24 V (IP20, 4000 K), "
        "em rolos de 5 metros, com embalagem neutra. Qual o prazo de produção?\n\n"
        "Atenciosamente,\n{name}\n{company}\n",
    ),
    (
        "en",
        "Inquiry: high bay lights for a logistics centre",
        "Hello {rep},\n\n"
        "we are quoting the lighting for a 12,000 m² logistics centre and would like your "
        "best price for 400 pcs LED high bay 150 W with 90° optics, and 60 pcs emergency "
        "exit signs. Please include the lead time and the warranty terms.\n\n"
        "Kind regards,\n{name}\n{company}\n",
    ),
)

REPLY = (
    "Dear {name},\n\n"
    "thank you for your inquiry. Our quotation with the datasheets and the certificates "
    "follows in a separate mail; the lead time is 25 days after the deposit.\n\n"
    "Best regards,\n{rep}\n{our_company}\n"
)


def _rep_name(user: User) -> str:
    """How a buyer abroad writes our rep's name: in Latin letters."""
    return user.display_name_for("en") or user.get_full_name() or user.username


def _format(template: str, writer: Writer, **extra) -> str:
    owner = writer.company.owner
    return template.format(
        rep=_rep_name(owner),
        name=writer.contact.name,
        company=writer.company.legal_name,
        **extra,
    )


def demo_inbox_load(*, companies: list[Company], now: datetime.datetime, seed: int) -> DemoInbox:
    """Store the demo's inbound mail, let the guard assess it, and have the reps answer.

    ``message_receive`` processes a message (assessment, alert, task, change request) once
    the transaction commits; the demo runs in one transaction, so it processes each
    message at once (the same call, repeated harmlessly at commit) and the reps can act on
    what the guard found."""
    pks = [c.pk for c in companies]
    loaded = (
        Company.objects.filter(pk__in=pks)
        .select_related("owner")
        .prefetch_related("domains", "contacts__channels")
        .order_by("pk")
    )
    writers = list(_writers(loaded))
    stored: list[tuple[str, Message]] = []
    used: set[int] = set()
    alerts = change_requests = sent = 0

    def pick(condition) -> Writer | None:
        for writer in writers:
            if writer.company.pk not in used and condition(writer):
                used.add(writer.company.pk)
                return writer
        return None

    def store(what: str, raw: bytes) -> Assessment:
        message = message_receive(raw=raw, source=Source.COMMAND).message
        stored.append((what, message))
        return message_process(message=message)

    # A genuine change of address, from the buyer's known address on its own domain.
    # The confirmation goes to an address on file, so the writer's must be verified.
    changer = pick(lambda w: w.on_file and w.contact.language == "de") or pick(lambda w: w.on_file)
    if changer is not None:
        subject, body = EMAIL_CHANGE.get(changer.contact.language, EMAIL_CHANGE["en"])
        local, _at, domain = changer.address.partition("@")
        given, dot, family = local.partition(".")
        new = f"{given[0]}.{family}@{domain}" if dot and family else f"{local}.sales@{domain}"
        if new == changer.address:  # already initial.family: drop the dot instead
            new = f"{given}{family}@{domain}"
        assessment = store(
            "email_change",
            _email(
                writer=changer,
                to=changer.company.owner,
                subject=subject,
                body=_format(body, changer, new=new),
                sent_at=now - datetime.timedelta(days=2, hours=5),
                message_id=_message_id(seed, "email_change", domain),
            ),
        )
        # The pipeline proposed a change request; the rep writes to the address on file.
        request = ChangeRequest.objects.filter(source_message=assessment.message_id).first()
        if request is not None:
            # The request is opened now (the guard proposes it as the demo loads), so the
            # rep's confirmation follows it now too: the steps read in the order they happened.
            change_confirm_send(actor=changer.company.owner, request=request)
            change_requests += 1
            sent += 1

    # An impostor on a lookalike of a buyer's domain asks for a refund to a new IBAN.
    victim = pick(lambda w: w.company.grade in ("A", "B") and w.contact.language == "en")
    if victim is not None:
        domain = victim.address.partition("@")[2]
        fake = lookalike_of(domain)
        sender = f"{victim.address.partition('@')[0]}@{fake}"
        subject, body = IMPOSTOR
        assessment = store(
            "impostor",
            _email(
                writer=victim,
                sender=sender,
                to=victim.company.owner,
                subject=subject,
                body=_format(body, victim, iban=IBAN(IMPOSTOR_IBAN).formatted),
                sent_at=now - datetime.timedelta(hours=20),
                message_id=_message_id(seed, "impostor", fake),
            ),
        )
        alerts += assessment.is_alarming

    # Ordinary inquiries, each in its writer's language, over the last six days.
    answered = False
    for number, (language, subject, body) in enumerate(INQUIRIES):
        writer = pick(lambda w, language=language: w.contact.language == language)
        if writer is None:
            continue
        domain = writer.address.partition("@")[2]
        store(
            "inquiry",
            _email(
                writer=writer,
                to=writer.company.owner,
                subject=subject,
                body=_format(body, writer),
                sent_at=now - datetime.timedelta(days=6 - number * 0.8, hours=number * 3),
                message_id=_message_id(seed, f"inquiry-{language}", domain),
            ),
        )
        if not answered:
            # The rep answers the first inquiry at once (it goes out on the first start).
            answered = True
            outbox_enqueue(
                actor=writer.company.owner,
                to=writer.address,
                subject=f"Re: {subject}",
                body_text=_format(REPLY, writer, our_company=settings.CHENGXIN_COMPANY_NAME),
                contact=writer.contact,
                company=writer.company,
                purpose="reply",
            )
            sent += 1
    return DemoInbox(messages=stored, alerts=alerts, change_requests=change_requests, sent=sent)
