"""Users, roles, preferences, two-factor devices and API tokens."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.models import ApiToken, Role, User
from chengxin.accounts.signals import user_rights_changing
from chengxin.audit.models import Action
from chengxin.audit.services import (
    Change,
    audit_created,
    audit_record_many,
    audited_update,
)
from chengxin.core.lengths import check_lengths
from chengxin.core.zones import time_zone_errors, user_zone

_LANGUAGES = {code for code, _label in settings.LANGUAGES}


def _require_admin(actor: User) -> None:
    if not (actor.is_authenticated and actor.manages_users):
        raise PermissionDenied(_("Only an administrator may manage users."))


def _clean_user_fields(*, username: str, email: str, role: str, language: str, time_zone: str):
    errors: dict[str, list] = {}
    if not (username or "").strip():
        errors["username"] = [_("The username is required.")]
    if role not in Role.values:
        errors["role"] = [_("Unknown role.")]
    if language and language not in _LANGUAGES:
        errors["language"] = [_("Unknown language.")]
    errors.update(time_zone_errors(time_zone))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    name_chinese: str = "",
    name_latin: str = "",
    email: str = "",
    language: str = "",
    time_zone: str = "",
    phone: str = "",
) -> User:
    """Create a user. ``actor`` None is the command line (creating the first admin)."""
    if actor is not None:
        _require_admin(actor)
    _clean_user_fields(
        username=username, email=email, role=role, language=language, time_zone=time_zone
    )
    if User.objects.filter(username__iexact=username.strip()).exists():
        raise ValidationError({"username": [_("This username is taken.")]})
    user = User(
        username=username.strip(),
        role=role,
        first_name=first_name,
        last_name=last_name,
        name_chinese=name_chinese.strip(),
        name_latin=name_latin.strip(),
        email=email,
        language=language,
        time_zone=time_zone,
        phone=phone,
        is_staff=role == Role.ADMIN,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.save()
    audit_created(actor=actor, instance=user)
    return user


@transaction.atomic
def user_update(
    *,
    actor: User,
    user: User,
    role: str,
    first_name: str,
    last_name: str,
    email: str,
    is_active: bool,
    phone: str = "",
    name_chinese: str | None = None,
    name_latin: str | None = None,
) -> User:
    _require_admin(actor)
    _clean_user_fields(username=user.username, email=email, role=role, language="", time_zone="")
    if user.pk == actor.pk and (role != Role.ADMIN or not is_active):
        raise ValidationError(_("You cannot remove your own administrator rights."))
    rights_change = role != user.role or is_active != user.is_active
    # What waits for an approval spans the apps above this one: they listen.
    responses = user_rights_changing.send(sender=User, user=user) if rights_change else []
    with audited_update(actor=actor, instance=user):
        user.role, user.first_name, user.last_name = role, first_name, last_name
        user.email, user.is_active, user.phone = email, is_active, phone
        if name_chinese is not None:
            user.name_chinese = name_chinese.strip()
        if name_latin is not None:
            user.name_latin = name_latin.strip()
        user.is_staff = role == Role.ADMIN
        user.save()
    for _receiver, after in responses:
        if callable(after):
            after()
    return user


@transaction.atomic
def user_set_preferences(
    *,
    actor: User,
    language: str | None = None,
    time_zone: str | None = None,
    name_chinese: str | None = None,
    name_latin: str | None = None,
) -> User:
    """A user's own language and time zone, and their name per script (None: unchanged)."""
    _clean_user_fields(
        username=actor.username,
        email=actor.email,
        role=actor.role,
        language=language or "",
        time_zone=time_zone or "",
    )
    with audited_update(actor=actor, instance=actor):
        if language is not None:
            actor.language = language
        if time_zone is not None:
            actor.time_zone = time_zone
        if name_chinese is not None:
            actor.name_chinese = name_chinese.strip()
        if name_latin is not None:
            actor.name_latin = name_latin.strip()
        actor.save(update_fields=["language", "time_zone", "name_chinese", "name_latin"])
    return actor


# --- Two-factor ------------------------------------------------------------------
#
# The rule: a second factor, once on, can only be added to or replaced with the
# current one (a session verified by an existing device AND a current code of it at
# the moment of adding), or be reset by an administrator, audited and told to the
# user by every channel on file. Unconfirmed devices never count for anything.

PENDING_DEVICE_MAX_AGE = datetime.timedelta(hours=1)
TWO_FACTOR_RESET_KIND = "accounts.two_factor_reset"


def _confirmed_devices(user: User, *, for_verify: bool = False) -> list[Device]:
    return list(devices_for_user(user, confirmed=True, for_verify=for_verify))


def two_factor_is_on(*, user: User) -> bool:
    """Whether ``user`` has a confirmed second-factor device."""
    return bool(_confirmed_devices(user))


def _code_failures_record(*, user: User, tried: list[tuple[Device, int | None]]) -> None:
    """An audit entry for each device a wrong code counted against (and locked)."""
    changes = []
    for device, failures_before in tried:
        failures = getattr(device, "throttling_failure_count", None)
        if failures is None or failures == failures_before:
            continue
        _allowed, details = device.verify_is_allowed()
        locked_until = (details or {}).get("locked_until")
        changes.append(
            Change(
                Action.UPDATE,
                device,
                {"failed_codes": failures_before},
                {
                    "failed_codes": failures,
                    "locked_until": locked_until.isoformat() if locked_until else None,
                },
            )
        )
    audit_record_many(actor=user, changes=changes)


def two_factor_code_check(*, user: User, code: str) -> Device | None:
    """The confirmed device of ``user`` that accepts ``code`` now, or None.

    The one place a second-factor code is checked: signing in, adding an
    authenticator, the API's ``otp`` field. Unconfirmed devices never count. The
    devices are locked while checking, so two requests with one code cannot both
    pass (a TOTP code is accepted once). A wrong code slows the next try
    (django-otp's throttling) and is an audit entry; both are committed here, so
    call this outside a transaction that the caller will roll back."""
    if user is None or not user.is_authenticated:
        return None
    code = "".join((code or "").split())
    with transaction.atomic():
        devices = _confirmed_devices(user, for_verify=True)
        if not devices or not code or len(code) > 16:
            return None
        tried: list[tuple[Device, int | None]] = []
        for device in devices:
            tried.append((device, getattr(device, "throttling_failure_count", None)))
            if device.verify_token(code):
                return device
        _code_failures_record(user=user, tried=tried)
    return None


def two_factor_refusal_message(*, user: User, device: Device | None = None) -> str:
    """What to tell someone whose code was refused (for ``device``, or any of the
    user's confirmed devices): the wait when a device is locked."""
    waits = []
    for each in [device] if device is not None else _confirmed_devices(user):
        allowed, details = each.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            waits.append(details["locked_until"])
    if waits:
        seconds = max(1, int((max(waits) - timezone.now()).total_seconds()))
        return _("Too many wrong codes. Wait %(seconds)d seconds, then try again.") % {
            "seconds": seconds
        }
    return _("That code is not right. Check your phone's clock and retry.")


def _require_current_factor(*, user: User, session_verified: bool) -> None:
    if two_factor_is_on(user=user) and not session_verified:
        raise PermissionDenied(
            _("Two-factor authentication is on: enter a code of your current authenticator first.")
        )


@transaction.atomic
def two_factor_device_start(
    *, user: User, session_verified: bool, pending_device_id: int | None = None
) -> TOTPDevice:
    """An unconfirmed TOTP device to show as a QR code until a code confirms it.

    Only for a user without a confirmed device, or one whose session passed the
    current second factor: a password alone never gets a secret once two-factor is
    on. ``pending_device_id`` is the device this session was already shown; another
    session's pending device is never handed out (its secret is not ours to see)."""
    _require_current_factor(user=user, session_verified=session_verified)
    TOTPDevice.objects.filter(
        user=user, confirmed=False, created_at__lt=timezone.now() - PENDING_DEVICE_MAX_AGE
    ).delete()
    device = None
    if pending_device_id is not None:
        device = TOTPDevice.objects.filter(pk=pending_device_id, user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


def two_factor_device_confirm(
    *,
    user: User,
    device: TOTPDevice,
    token: str,
    session_verified: bool,
    current_code: str = "",
    replace: bool = False,
) -> TOTPDevice:
    """Turn on ``device`` with a code it shows. When two-factor is already on, the
    session must be verified and ``current_code`` must be a current code of an
    existing device (checked first); ``replace`` then removes the existing devices.
    Wrong codes raise ValidationError per field, after their throttling is saved."""
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied
    _require_current_factor(user=user, session_verified=session_verified)
    existing = _confirmed_devices(user)
    if existing and two_factor_code_check(user=user, code=current_code) is None:
        raise ValidationError({"current_code": two_factor_refusal_message(user=user)})
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(pk=device.pk, user=user).first()
        if device is None or device.confirmed:
            raise PermissionDenied
        accepted = device.verify_token("".join((token or "").split()))
    if not accepted:
        raise ValidationError({"token": two_factor_refusal_message(user=user, device=device)})
    with transaction.atomic():
        # Someone else may have turned two-factor on meanwhile (a second tab, a
        # second session): a password alone must not add a device next to it. The
        # user's row is the lock that makes two confirmations take turns.
        User.objects.select_for_update().filter(pk=user.pk).first()
        now_existing = {(type(d), d.pk) for d in _confirmed_devices(user, for_verify=True)}
        if now_existing - {(type(d), d.pk) for d in existing}:
            raise PermissionDenied(
                _("Two-factor authentication was turned on meanwhile. Sign in with it.")
            )
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        changes = [
            Change(
                Action.CREATE,
                device,
                None,
                {"user": user.pk, "name": device.name, "confirmed": True, "replaces": replace},
            )
        ]
        if replace:
            changes += [
                Change(Action.DELETE, old, {"user": user.pk, "name": old.name}, None)
                for old in existing
            ]
        audit_record_many(actor=user, changes=changes)
        if replace:
            for old in existing:
                old.delete()
    return device


def _two_factor_reset_tell(*, actor: User, user: User, reason: str) -> list[str]:
    """Tell ``user`` of the reset by every channel on file, in their language: an
    in-app notification, an email, a WhatsApp message. The channels used."""
    from chengxin.core.deferred_text import deferred
    from chengxin.notifications.delivery import deliver_to_user
    from chengxin.notifications.language import in_language_of
    from chengxin.notifications.services import notify

    used = ["notification"]
    with in_language_of(user):
        zone = user_zone(user)
        local = timezone.localtime(timezone.now(), zone)
        when = f"{formats.date_format(local, 'DATETIME_FORMAT')} ({local.tzname()})"
        subject = _("Your two-factor authentication was reset")
        lines = [
            _("%(admin)s reset the two-factor authentication of your Chengxin account on "
              "%(when)s.") % {"admin": actor, "when": when},
            _("Reason given: %(reason)s") % {"reason": reason},
            _("At your next sign-in you will set up your authenticator app again. "
              "If you did not ask for this, tell your administrator or manager at once."),
        ]  # fmt: skip
        body = "\n\n".join(lines)
        # The notification is rendered in the reader's language and zone when read.
        notify(
            users=[user],
            kind=TWO_FACTOR_RESET_KIND,
            title=gettext_lazy("Your two-factor authentication was reset"),
            body=[
                deferred(
                    gettext_lazy(
                        "%(admin)s reset the two-factor authentication of your Chengxin "
                        "account on %(when)s."
                    ),
                    admin=str(actor),
                    when=timezone.now(),
                ),
                deferred(gettext_lazy("Reason given: %(reason)s"), reason=reason),
                gettext_lazy(
                    "At your next sign-in you will set up your authenticator app again. "
                    "If you did not ask for this, tell your administrator or manager at once."
                ),
            ],
            link=reverse("accounts:two_factor_setup"),
        )
        sent = deliver_to_user(
            user, subject=subject, body=body, purpose=TWO_FACTOR_RESET_KIND, chat=True
        )
        used += [str(message.kind) for message in sent]
    return used


@transaction.atomic
def two_factor_reset(*, actor: User, user: User, actor_verified: bool, reason: str) -> list[str]:
    """An administrator removes every second-factor device of ``user`` (a lost
    phone): their sessions end, their next sign-in sets up a new authenticator.
    Only an administrator whose own session passed the second factor, never on
    themself; audited; the user is told by every channel on file (returned)."""
    _require_admin(actor)
    if not actor_verified:
        raise PermissionDenied(
            _("Resetting two-factor needs your own second factor: sign in with your code first.")
        )
    if user.pk == actor.pk:
        raise PermissionDenied(
            _("You cannot reset your own two-factor authentication: ask another administrator.")
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give a reason, e.g. the phone was lost.")]})
    devices = list(devices_for_user(user, confirmed=None, for_verify=True))
    changes = [
        Change(
            Action.DELETE,
            device,
            {"user": user.pk, "name": device.name, "confirmed": device.confirmed},
            None,
        )
        for device in devices
    ]
    changes.append(
        Change(
            Action.UPDATE,
            user,
            {"two_factor": any(d.confirmed for d in devices)},
            {"two_factor": False, "two_factor_reset_reason": reason},
        )
    )
    audit_record_many(actor=actor, changes=changes)
    for device in devices:
        device.delete()
    _sessions_end(user=user)
    return _two_factor_reset_tell(actor=actor, user=user, reason=reason)


def _sessions_end(*, user: User) -> int:
    """Delete every stored session of ``user``; the number ended."""
    from django.contrib.sessions.models import Session

    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            ended.append(session.pk)
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@transaction.atomic
def api_token_create(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """A new API token for the actor; the raw token is returned once, never stored."""
    if not (name or "").strip():
        raise ValidationError({"name": [_("Give the token a name, e.g. the tool that uses it.")]})
    check_lengths(ApiToken, name=name.strip())
    raw = ApiToken.generate()
    token = ApiToken.objects.create(
        user=actor, name=name.strip(), prefix=raw[3:9], digest=ApiToken.digest_of(raw)
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk and not actor.manages_users:
        raise PermissionDenied(_("Only its owner or an administrator may revoke this token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
