from chengxin.outbox.checks import outbox_smtp_check


def test_default_configuration_passes(settings):
    settings.CHENGXIN_SMTP_SSL = settings.CHENGXIN_SMTP_STARTTLS = False
    settings.CHENGXIN_SMTP_USER = settings.CHENGXIN_SMTP_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "chengxin@localhost"
    assert outbox_smtp_check(None) == []


def test_ssl_and_starttls_together_and_a_password_without_user_are_errors(settings):
    settings.CHENGXIN_SMTP_SSL = settings.CHENGXIN_SMTP_STARTTLS = True
    settings.CHENGXIN_SMTP_USER = ""
    settings.CHENGXIN_SMTP_PASSWORD = "secret"  # noqa: S105
    settings.DEFAULT_FROM_EMAIL = "Chengxin"
    assert sorted(p.id for p in outbox_smtp_check(None)) == [
        "chengxin.outbox.E001",
        "chengxin.outbox.E002",
        "chengxin.outbox.E003",
    ]


def test_whatsapp_default_and_full_configuration_pass(settings):
    from chengxin.outbox.checks import outbox_whatsapp_check

    settings.CHENGXIN_WHATSAPP_API_BASE = "https://graph.facebook.com/v21.0"
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = settings.CHENGXIN_WHATSAPP_TOKEN = ""
    assert outbox_whatsapp_check(None) == []
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
    settings.CHENGXIN_WHATSAPP_TOKEN = "EAAG-token"  # noqa: S105
    assert outbox_whatsapp_check(None) == []


def test_whatsapp_half_set_up_or_a_bad_base_url_are_errors(settings):
    from chengxin.outbox.checks import outbox_whatsapp_check

    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
    settings.CHENGXIN_WHATSAPP_TOKEN = ""
    settings.CHENGXIN_WHATSAPP_API_BASE = "graph.facebook.com/v21.0"
    problems = outbox_whatsapp_check(None)
    assert sorted(p.id for p in problems) == ["chengxin.outbox.E004", "chengxin.outbox.E005"]
    assert "CHENGXIN_WHATSAPP_TOKEN is empty" in problems[0].msg


def test_whatsapp_token_may_come_from_a_file(tmp_path, monkeypatch):
    from chengxin.env import envstr

    secret = tmp_path / "whatsapp-token"
    secret.write_text("EAAG-from-file\n", encoding="utf-8")
    monkeypatch.delenv("CHENGXIN_WHATSAPP_TOKEN", raising=False)
    monkeypatch.setenv("CHENGXIN_WHATSAPP_TOKEN_FILE", str(secret))
    assert envstr("CHENGXIN_WHATSAPP_TOKEN", "") == "EAAG-from-file"
