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
