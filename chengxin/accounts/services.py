"""Users, roles, preferences, two-factor devices and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.models import ApiToken, Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, audited_update, snapshot
from chengxin.core.lengths import check_lengths
from chengxin.parties.normalize import validate_time_zone

_LANGUAGES = {code for code, _label in settings.LANGUAGES}


def _require_admin(actor: User) -> None:
    if not (actor.is_authenticated and actor.manages_users):
        raise PermissionDenied(_("Only an administrator may manage users."))


def _clean_user_fields(*, username: str, email: str, role: str, language: str, time_zone: str):
    errors = {}
    if not (username or "").strip():
        errors["username"] = [_("The username is required.")]
    if role not in Role.values:
        errors["role"] = [_("Unknown role.")]
    if language and language not in _LANGUAGES:
        errors["language"] = [_("Unknown language.")]
    if time_zone:
        try:
            validate_time_zone(time_zone)
        except ValidationError as exc:
            errors["time_zone"] = exc.messages
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
    audit_record(actor=actor, action=Action.CREATE, instance=user, after=snapshot(user))
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
) -> User:
    _require_admin(actor)
    _clean_user_fields(username=user.username, email=email, role=role, language="", time_zone="")
    if user.pk == actor.pk and (role != Role.ADMIN or not is_active):
        raise ValidationError(_("You cannot remove your own administrator rights."))
    with audited_update(actor=actor, instance=user):
        user.role, user.first_name, user.last_name = role, first_name, last_name
        user.email, user.is_active, user.phone = email, is_active, phone
        user.is_staff = role == Role.ADMIN
        user.save()
    return user


@transaction.atomic
def user_set_preferences(
    *, actor: User, language: str | None = None, time_zone: str | None = None
) -> User:
    """A user's own language and time zone."""
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
        actor.save(update_fields=["language", "time_zone"])
    return actor


def two_factor_device_start(*, user: User) -> TOTPDevice:
    """An unconfirmed TOTP device to show as a QR code until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


@transaction.atomic
def two_factor_device_confirm(*, user: User, device: TOTPDevice, token: str) -> bool:
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied
    if not device.verify_token((token or "").replace(" ", "")):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return True


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
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
