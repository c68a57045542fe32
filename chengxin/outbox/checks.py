"""System checks: bad outbox configuration is reported at start, not at first send."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def outbox_smtp_check(app_configs, **kwargs):
    problems = []
    if settings.CHENGXIN_SMTP_SSL and settings.CHENGXIN_SMTP_STARTTLS:
        problems.append(
            Error(
                "CHENGXIN_SMTP_SSL and CHENGXIN_SMTP_STARTTLS are both on; choose one "
                "(SSL for port 465, STARTTLS for port 587).",
                id="chengxin.outbox.E001",
            )
        )
    if settings.CHENGXIN_SMTP_PASSWORD and not settings.CHENGXIN_SMTP_USER:
        problems.append(
            Error(
                "CHENGXIN_SMTP_PASSWORD is set but CHENGXIN_SMTP_USER is empty.",
                id="chengxin.outbox.E002",
            )
        )
    if "@" not in settings.DEFAULT_FROM_EMAIL:
        problems.append(
            Error(
                f"DEFAULT_FROM_EMAIL={settings.DEFAULT_FROM_EMAIL!r} is not an email address; "
                "the outbox sends from it.",
                id="chengxin.outbox.E003",
            )
        )
    return problems


@register()
def outbox_relay_check(app_configs, **kwargs):
    if settings.CHENGXIN_SMTP_HOST:
        return []
    return [
        Warning(
            "CHENGXIN_SMTP_HOST is not set: no email leaves Chengxin. The outbox keeps every "
            "message waiting (and says so on its page) until a mail server is configured.",
            hint="Set CHENGXIN_SMTP_HOST (and CHENGXIN_SMTP_PORT, CHENGXIN_SMTP_USER, "
            "CHENGXIN_SMTP_PASSWORD as the server needs); `chengxin start` runs a local mail "
            "catcher for the demo instead.",
            id="chengxin.outbox.W001",
        )
    ]


@register()
def outbox_whatsapp_check(app_configs, **kwargs):
    problems = []
    number_id = settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID
    token = settings.CHENGXIN_WHATSAPP_TOKEN
    if bool(number_id) != bool(token):
        missing = "CHENGXIN_WHATSAPP_TOKEN" if number_id else "CHENGXIN_WHATSAPP_PHONE_NUMBER_ID"
        problems.append(
            Error(
                f"WhatsApp is half set up: {missing} is empty, so no WhatsApp message "
                "can be sent. Set both, or neither.",
                id="chengxin.outbox.E004",
            )
        )
    base = urlsplit(settings.CHENGXIN_WHATSAPP_API_BASE)
    if base.scheme not in ("http", "https") or not base.netloc:
        problems.append(
            Error(
                f"CHENGXIN_WHATSAPP_API_BASE={settings.CHENGXIN_WHATSAPP_API_BASE!r} is not "
                "an http(s) URL (e.g. https://graph.facebook.com/v21.0).",
                id="chengxin.outbox.E005",
            )
        )
    return problems
