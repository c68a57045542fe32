"""Two-factor cannot be got around: a password alone never adds an authenticator,
unconfirmed devices never count (page, API), an administrator's reset is audited and
told to the user by every channel on file."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts import services
from chengxin.accounts.models import Role
from chengxin.audit.models import AuditEntry
from chengxin.banking.models import BankAccount, State
from chengxin.notifications.models import Notification
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import PASSWORD, login, make_user, totp_code
from chengxin.testing.banking import IBAN_GB

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _fresh(device: TOTPDevice) -> TOTPDevice:
    """Forget throttling and the last used step, so the test may enter another code now."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None, last_t=-1
    )
    device.refresh_from_db()
    return device


def _password_login(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def _api(user) -> Client:
    _token, raw = services.api_token_create(actor=user, name="pytest")
    return Client(headers={"Accept-Language": "en", "Authorization": f"Bearer {raw}"})


def _post_json(client, path, body):
    return client.post(API + path, body, content_type="application/json")


def _verified_account(finance) -> int:
    body = {"side": "ours", "purpose": "receiving", "holder_name": "Chengxin Trading",
            "iban": IBAN_GB, "currency": "GBP"}  # fmt: skip
    pk = _post_json(_api(finance), "/bank-accounts", body).json()["id"]
    response = _post_json(
        _api(finance),
        f"/bank-accounts/{pk}/verify",
        {"method": "bank_letter", "outcome": "confirmed", "notes": "Letter ref 9"},
    )
    assert response.json()["state"] == "verified"
    return pk


def _verified_session(user, device) -> Client:
    client = _password_login(user)
    response = client.post(
        reverse("accounts:two_factor_verify"), {"token": totp_code(_fresh(device))}
    )
    assert response.status_code == 302
    _fresh(device)
    return client


def test_a_password_alone_gets_no_new_authenticator_nor_approves(finance, manager):
    """The bypass of old: a manager's password, the setup page, a new secret, a verified
    session, and that device's codes in the API's otp field. Every step is refused now."""
    phone = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    pk = _verified_account(finance)
    attacker = _password_login(manager)
    response = attacker.get(reverse("accounts:two_factor_setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert not TOTPDevice.objects.filter(user=manager).exclude(pk=phone.pk).exists()
    # Even a posted code (for a device the old page would have shown) adds nothing.
    response = attacker.post(reverse("accounts:two_factor_setup"), {"token": "123456"})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=manager)) == [phone]
    assert attacker.get(reverse("banking:account_list")).status_code == 302
    # A device the attacker made himself, left unconfirmed, is worth nothing to the API.
    rogue = TOTPDevice.objects.create(user=manager, name="rogue", confirmed=False)
    response = _post_json(_api(manager), f"/bank-accounts/{pk}/approve", {"otp": totp_code(rogue)})
    assert response.status_code == 403
    assert BankAccount.objects.get(pk=pk).state == State.VERIFIED
    # ... nor to the session: the verify page does not take its code either.
    response = attacker.post(reverse("accounts:two_factor_verify"), {"token": totp_code(rogue)})
    assert response.status_code == 200
    assert attacker.get(reverse("banking:account_list")).status_code == 302
    # The real phone still works, through the same function.
    response = _post_json(
        _api(manager), f"/bank-accounts/{pk}/approve", {"otp": totp_code(_fresh(phone))}
    )
    assert response.status_code == 200 and response.json()["state"] == "active"


def test_adding_an_authenticator_needs_the_current_code_too(manager):
    phone = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client = _verified_session(manager, phone)
    preferences = client.get(reverse("accounts:preferences")).content.decode()
    assert reverse("accounts:two_factor_setup") in preferences
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200 and "current_code" in page.content.decode()
    new = TOTPDevice.objects.get(user=manager, confirmed=False)
    response = client.post(
        reverse("accounts:two_factor_setup"), {"current_code": "000000", "token": totp_code(new)}
    )
    assert response.status_code == 200 and "current_code" in response.context["form"].errors
    assert not TOTPDevice.objects.get(pk=new.pk).confirmed
    # A missing current code is a form error, not a way round.
    response = client.post(reverse("accounts:two_factor_setup"), {"token": totp_code(_fresh(new))})
    assert response.status_code == 200 and not TOTPDevice.objects.get(pk=new.pk).confirmed
    response = client.post(
        reverse("accounts:two_factor_setup"),
        {
            "current_code": totp_code(_fresh(phone)),
            "token": totp_code(_fresh(new)),
            "replace": "on",
        },
    )
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=manager)) == [TOTPDevice.objects.get(pk=new.pk)]
    assert TOTPDevice.objects.get(pk=new.pk).confirmed
    entries = AuditEntry.objects.filter(object_type="totpdevice").order_by("seq")
    assert [(e.action, e.object_id) for e in entries if e.action != "update"] == [
        ("create", str(new.pk)),
        ("delete", str(phone.pk)),
    ]


def test_a_second_session_never_sees_or_confirms_another_sessions_secret(manager):
    """First setup in two tabs/devices: each session gets its own secret; once one
    confirmed, the other is a password-only session and is sent to verify."""
    first, second = _password_login(manager), _password_login(manager)
    first_page = first.get(reverse("accounts:two_factor_setup"))
    second_page = second.get(reverse("accounts:two_factor_setup"))
    assert first_page.context["secret"] != second_page.context["secret"]
    # Reloading keeps the session's own secret.
    assert (
        first.get(reverse("accounts:two_factor_setup")).context["secret"]
        == (first_page.context["secret"])
    )
    first_device, second_device = TOTPDevice.objects.filter(user=manager).order_by("pk")
    second_code = totp_code(second_device)
    response = first.post(reverse("accounts:two_factor_setup"), {"token": totp_code(first_device)})
    assert response.status_code == 302
    response = second.post(reverse("accounts:two_factor_setup"), {"token": second_code})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert list(TOTPDevice.objects.filter(user=manager)) == [first_device]
    assert second.get(reverse("banking:account_list")).status_code == 302
    assert first.get(reverse("banking:account_list")).status_code == 200


def test_a_confirmation_racing_another_is_refused(manager):
    """Two first setups confirmed at once: the second finds two-factor already on."""
    mine = services.two_factor_device_start(user=manager, session_verified=False)
    theirs = services.two_factor_device_start(user=manager, session_verified=False)
    assert mine.pk != theirs.pk
    my_code = totp_code(mine)
    services.two_factor_device_confirm(
        user=manager, device=theirs, token=totp_code(theirs), session_verified=False
    )
    with pytest.raises(PermissionDenied):
        services.two_factor_device_confirm(
            user=manager, device=mine, token=my_code, session_verified=False
        )
    with pytest.raises(PermissionDenied):
        services.two_factor_device_start(user=manager, session_verified=False)


def test_the_verify_page_sends_a_user_without_device_to_setup(manager):
    client = _password_login(manager)
    response = client.post(reverse("accounts:two_factor_verify"), {"token": "123456"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    response = client.get(reverse("accounts:two_factor_verify"))
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_wrong_codes_lock_and_are_audited_on_page_and_api(finance, manager):
    phone = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client = _password_login(manager)
    response = client.post(reverse("accounts:two_factor_verify"), {"token": "000000"})
    assert response.status_code == 200
    entry = AuditEntry.objects.filter(object_type="totpdevice", object_id=str(phone.pk)).last()
    assert entry.actor == manager and entry.after["failed_codes"] == 1
    assert entry.after["locked_until"] is not None
    # Locked: even the right code waits, and says how long.
    response = client.post(reverse("accounts:two_factor_verify"), {"token": totp_code(phone)})
    assert "Wait" in response.content.decode()
    pk = _verified_account(finance)
    _fresh(phone)
    response = _post_json(_api(manager), f"/bank-accounts/{pk}/approve", {"otp": "999999"})
    assert response.status_code == 403
    entry = AuditEntry.objects.filter(object_type="totpdevice", object_id=str(phone.pk)).last()
    assert entry.origin == "api" and entry.after["failed_codes"] == 1


def _reset_page(client, user, reason="Phone lost on a trip"):
    return client.post(
        reverse("accounts:user_two_factor_reset", args=[user.pk]), {"reason": reason}
    )


def test_an_administrator_resets_two_factor_audited_and_told(
    client, admin_user, manager, django_capture_on_commit_callbacks, settings
):
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID, settings.CHENGXIN_WHATSAPP_TOKEN = "1", "t"
    manager.email, manager.language = "wang@example.cn", "en"
    manager.phone, manager.time_zone = "+49 30 901820", "Europe/Berlin"
    manager.save()
    phone = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    managers_tab = _verified_session(manager, phone)
    assert managers_tab.get(reverse("banking:account_list")).status_code == 200
    login(client, admin_user)
    page = client.get(reverse("accounts:user_edit", args=[manager.pk]))
    assert 'data-testid="two-factor-reset"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _reset_page(client, manager)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=manager).exists()
    # The manager's open session has ended.
    response = managers_tab.get(reverse("banking:account_list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    # Audited: the device removed and the user's two-factor off, by the admin.
    deleted = AuditEntry.objects.get(object_type="totpdevice", action="delete")
    assert deleted.actor == admin_user and deleted.object_id == str(phone.pk)
    entry = AuditEntry.objects.filter(object_type="user", object_id=str(manager.pk)).last()
    assert entry.actor == admin_user
    assert entry.after == {"two_factor": False, "two_factor_reset_reason": "Phone lost on a trip"}
    # Told in Chengxin and by email, in their language.
    note = Notification.objects.get(user=manager, kind=services.TWO_FACTOR_RESET_KIND)
    with translation.override(manager.language):  # rendered for the reader when read
        assert note.display_title == "Your two-factor authentication was reset"
        assert "Phone lost on a trip" in note.display_body
    mail = OutboundMessage.objects.get(to_address="wang@example.cn")
    assert mail.kind == "email" and mail.subject == "Your two-factor authentication was reset"
    assert "Phone lost on a trip" in mail.body_text and str(admin_user) in mail.body_text
    assert "(CET)" in mail.body_text  # the user's own time zone
    chat = OutboundMessage.objects.get(kind="whatsapp")
    assert chat.to_address == "+4930901820" and "Phone lost on a trip" in chat.body_text
    # The next sign-in sets up a new authenticator.
    response = _password_login(manager).get(reverse("banking:account_list"))
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_only_a_verified_administrator_resets_and_never_their_own(
    client, admin_user, manager, finance
):
    phone = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    login(client, finance)
    assert _reset_page(client, manager).status_code == 403
    login(client, make_user(Role.SALES, username="rep"))
    assert _reset_page(client, manager).status_code == 403
    # An administrator with only a password is sent to verify first.
    unverified = Client()
    unverified.force_login(admin_user)
    response = _reset_page(unverified, manager)
    assert response["Location"].startswith("/accounts/two-factor/")
    assert TOTPDevice.objects.filter(pk=phone.pk).exists()
    with pytest.raises(PermissionDenied):
        services.two_factor_reset(
            actor=admin_user, user=manager, actor_verified=False, reason="lost"
        )
    with pytest.raises(PermissionDenied):
        services.two_factor_reset(
            actor=admin_user, user=admin_user, actor_verified=True, reason="lost"
        )
    login(client, admin_user)
    assert _reset_page(client, admin_user).status_code == 403
    assert _reset_page(client, manager, reason="").status_code == 302
    assert TOTPDevice.objects.filter(pk=phone.pk).exists()
    assert not AuditEntry.objects.filter(object_type="totpdevice", action="delete").exists()
