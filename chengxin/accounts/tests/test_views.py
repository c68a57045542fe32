import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.models import ApiToken, Role, User
from chengxin.audit.models import AuditEntry
from chengxin.testing import PASSWORD, login, make_user, totp_code


def test_login_with_password(client, owner):
    response = client.post(reverse("accounts:login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("parties:company_list")).status_code == 200


def test_login_is_throttled_after_repeated_failures(client, owner, english):
    statuses = [
        client.post(reverse("accounts:login"), {"username": "owner", "password": "no"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    response = client.post(reverse("accounts:login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FINANCE, Role.ADMIN])
def test_sensitive_roles_must_set_up_two_factor(client, db, role):
    user = make_user(role, username=f"{role}-2fa")
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    response = client.get(reverse("parties:company_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    page = client.get(response["Location"])
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    response = client.post(reverse("accounts:two_factor_setup"), {"token": totp_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("parties:company_list")).status_code == 200


def test_second_login_asks_for_the_code(client, manager):
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client.post(reverse("accounts:login"), {"username": "manager", "password": PASSWORD})
    response = client.get(reverse("parties:company_list"))
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert client.post(reverse("accounts:two_factor_verify"), {"token": "123"}).status_code == 200
    assert client.get(reverse("parties:company_list")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    response = client.post(reverse("accounts:two_factor_verify"), {"token": totp_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("parties:company_list")).status_code == 200


def test_sales_rep_needs_no_second_factor(client, owner):
    client.post(reverse("accounts:login"), {"username": "owner", "password": PASSWORD})
    assert client.get(reverse("parties:company_list")).status_code == 200


def test_language_switch_is_remembered_per_user(client, owner):
    login(client, owner)
    page = client.get(reverse("parties:company_list")).content.decode()
    assert 'lang="zh-hans"' in page and "客户" in page
    client.post(reverse("accounts:set_language"), {"language": "en", "next": "/companies/"})
    owner.refresh_from_db()
    assert owner.language == "en"
    client.cookies.clear()
    login(client, owner)
    page = client.get(reverse("parties:company_list")).content.decode()
    assert 'lang="en"' in page and "Customers" in page


def test_preferences_time_zone(client, owner):
    login(client, owner)
    response = client.post(
        reverse("accounts:preferences"), {"language": "en", "time_zone": "America/Sao_Paulo"}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.time_zone == "America/Sao_Paulo"
    assert client.get(reverse("accounts:preferences")).status_code == 200


def test_admin_manages_users(client, admin_user):
    login(client, admin_user)
    assert client.get(reverse("accounts:user_list")).status_code == 200
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "new.rep",
            "first_name": "Xiao",
            "last_name": "Ming",
            "email": "x@example.cn",
            "role": "sales",
            "password": "a-long-Passphrase-9",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="new.rep")
    assert user.role == "sales" and user.check_password("a-long-Passphrase-9")
    assert AuditEntry.objects.filter(
        object_type="user", object_id=str(user.pk), action="create"
    ).exists()
    response = client.post(
        reverse("accounts:user_edit", args=[user.pk]),
        {
            "first_name": "Xiao",
            "last_name": "Ming",
            "email": "",
            "role": "finance",
            "is_active": "",
        },
    )
    user.refresh_from_db()
    assert response.status_code == 302 and user.role == "finance" and not user.is_active
    entry = AuditEntry.objects.filter(object_type="user", action="update").last()
    assert ("role", "sales", "finance") in entry.changed_fields()


def test_weak_password_is_refused(client, admin_user):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "weak",
            "role": "sales",
            "password": "123",
        },
    )
    assert response.status_code == 200 and not User.objects.filter(username="weak").exists()


@pytest.mark.parametrize("url_name", ["accounts:user_list", "accounts:user_create"])
def test_only_admins_manage_users(client, owner, manager, url_name):
    for user in (owner, manager):
        login(client, user)
        assert client.get(reverse(url_name)).status_code == 403


def test_users_pages_anonymous_and_wrong_method(client, admin_user):
    response = client.get(reverse("accounts:user_list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    login(client, admin_user)
    assert client.post(reverse("accounts:user_list")).status_code == 405
    assert client.get(reverse("accounts:set_language")).status_code == 405


def test_api_token_shown_once_and_revocable(client, owner):
    login(client, owner)
    response = client.post(reverse("accounts:api_tokens"), {"name": "ERP sync"})
    raw = response.context["new_token"]
    assert raw.startswith("cx_") and raw in response.content.decode()
    token = ApiToken.objects.get(user=owner)
    assert token.digest == ApiToken.digest_of(raw) and raw not in str(token.__dict__)
    assert raw not in client.get(reverse("accounts:api_tokens")).content.decode()
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_cannot_revoke_someone_elses_token(client, owner, colleague):
    from chengxin.accounts.services import api_token_create

    token, _raw = api_token_create(actor=colleague, name="theirs")
    login(client, owner)
    assert client.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 404


def test_healthz(client, db):
    assert client.get(reverse("healthz")).content == b"ok"


def test_totp_code_helper_is_real(manager):
    """The tests' code helper computes what an authenticator app shows now: the device
    refuses another code, takes this one once and refuses it a second time."""
    device = TOTPDevice.objects.create(user=manager, name="x", confirmed=True)
    code = totp_code(device)
    assert not device.verify_token(f"{(int(code) + 1) % 10**6:06d}")
    device.throttle_reset()
    assert device.verify_token(code)
    device.throttle_reset()
    assert not device.verify_token(code)


def test_create_admin_command(db, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("CHENGXIN_ADMIN_PASSWORD", "a-long-Passphrase-9")
    call_command("create_admin", "boss", "--email", "boss@example.cn")
    user = User.objects.get(username="boss")
    assert user.role == "admin" and user.check_password("a-long-Passphrase-9")
