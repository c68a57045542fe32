"""Factories and helpers shared by every app's tests: users, logging in (with the second
factor), customers, API clients with a token, TOTP codes, the shared test corpora.

Beside this module: ``banking`` (accounts in a given state), ``campaigns`` (plans and
payments), ``mail`` (raw messages), ``imports`` (import files), ``hostile_files`` (bytes
made to break readers), ``servers`` (loopback SMTP and WhatsApp Cloud API) and
``fixtures`` (the pytest fixtures that run them, registered in the root conftest).
No app's tests import another app's test modules: what they share lives here."""

from __future__ import annotations

import datetime
import itertools
import os
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.models import Role, User
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.companies import CompanyInput, company_create

# The public test corpora (phishing mail, DKIM/ARC suites, lookalike lists, bank
# statements) live beside the repository in ../shared/data; they are read in place,
# never copied into it. CHENGXIN_SHARED_DATA points elsewhere.
SHARED_DATA_DEFAULT = "../shared/data"

PASSWORD = "Correct-Horse-42"  # noqa: S105 - test password
_seq = itertools.count(1)


def user_today(user: User | None = None) -> datetime.date:
    """Today as a signed-in user sees it: pages and API calls run in the user's zone
    (Asia/Shanghai by default), which is a day ahead of UTC for eight hours a day."""
    zone = (user and user.time_zone) or settings.CHENGXIN_DEFAULT_USER_TIME_ZONE
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(zone))


def make_user(role: str = Role.SALES, username: str | None = None, **fields) -> User:
    username = username or f"{role}{next(_seq)}"
    user = User(username=username, role=role, is_staff=role == Role.ADMIN, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def speak_english(*users: User) -> None:
    """The users' own language is English: what is written to them (notifications,
    pages after they sign in) is in English."""
    for user in users:
        user.language = "en"
        user.save(update_fields=["language"])


def login(client, user: User) -> None:
    """Log the client in; for roles that need two-factor, as if the code was entered."""
    client.force_login(user)
    if user.needs_two_factor:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def totp_device(user: User, name: str = "phone") -> TOTPDevice:
    """A confirmed authenticator app for ``user``."""
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def totp_code(device: TOTPDevice) -> str:
    """The code ``device``'s authenticator app shows now (read with its drift as stored)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


API = "/api/v1"


def api_client(user: User | None = None, language: str = "en") -> Client:
    """A test client calling the API as ``user`` with a fresh bearer token (None: no
    token), asking for ``language``."""
    from chengxin.accounts.services import api_token_create

    headers = {"Accept-Language": language}
    if user is not None:
        _token, raw = api_token_create(actor=user, name="pytest")
        headers["Authorization"] = f"Bearer {raw}"
    return Client(headers=headers)


def api_post(client: Client, path: str, body=None):
    """POST ``body`` as JSON to ``path`` under the API."""
    return client.post(API + path, body or {}, content_type="application/json")


class Api:
    """An HTTP client for the API as ``user`` (None: no token), asking for ``language``."""

    def __init__(self, user: User | None = None, language: str = "en") -> None:
        self.client = api_client(user, language)

    def get(self, path, params=None):
        return self.client.get(API + path, params or {})

    def post(self, path, body=None):
        if body is None:
            return self.client.post(API + path)
        return self.client.post(API + path, body, content_type="application/json")

    def patch(self, path, body):
        return self.client.patch(API + path, body, content_type="application/json")

    def put(self, path, body=None):
        return self.client.put(API + path, body or {}, content_type="application/json")

    def delete(self, path):
        return self.client.delete(API + path)

    def call(self, method, path, body=None):
        if method in ("get", "delete"):
            return getattr(self, method)(path)
        return getattr(self, method)(path, body)


def make_company(
    *,
    actor: User,
    owner: User | None = None,
    name: str | None = None,
    country: str = "DE",
    email: str | None = None,
    phone: str | None = "+49 30 901820",
    contact: str = "Anna Schmidt",
    verified: bool = True,
    **fields,
):
    """A customer with one contact. ``verified``: its channels are on file, as a long-standing
    customer's are (verified when they were entered); False: as a contact just entered."""
    n = next(_seq)
    name = name or f"Test Buyer {n} GmbH"
    channels = []
    if email is not False:
        channels.append(ChannelInput("email", email or f"buyer{n}@buyer{n}.de"))
    if phone:
        channels.append(ChannelInput("phone", phone))
    contacts = [({"name": contact, "language": "de"}, channels)] if contact else []
    company = company_create(
        actor=actor,
        owner=owner,
        data=CompanyInput(legal_name=name, country=country, **fields),
        contacts=contacts,
    )
    if verified:
        mark_channels_verified(company)
    return company


def mark_channels_verified(company, *, by: User | None = None) -> None:
    """Test setup: the customer's unverified channels count as verified since they were
    added (as the data migration treats channels from before provenance)."""
    from django.db.models import F

    from chengxin.parties.models import Channel, VerificationMethod

    Channel.objects.filter(contact__company=company, verified_at__isnull=True).update(
        verified_at=F("created_at"),
        verified_by=by,
        verification_method=VerificationMethod.EXISTING,
    )


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def shared_data_dir() -> Path:
    """The folder of the shared test corpora (CHENGXIN_SHARED_DATA, or ../shared/data
    next to the repository root)."""
    configured = os.environ.get("CHENGXIN_SHARED_DATA", "")
    if configured:
        return Path(configured).resolve()
    return (Path(__file__).resolve().parents[2] / SHARED_DATA_DEFAULT).resolve()


def shared_data(*parts: str) -> Path:
    """A file or folder of the shared test corpora. When it is missing the calling test
    is skipped with a reason naming the folder it needs (a fresh clone has no
    ../shared); under CI=true, which has the corpora, it fails instead."""
    path = shared_data_dir().joinpath(*parts)
    if path.exists():
        return path
    shown = os.environ.get("CHENGXIN_SHARED_DATA") or SHARED_DATA_DEFAULT
    folder = "/".join((shown.rstrip("/"), *parts[:1]))
    reason = f"needs {folder} (the shared test corpora; missing: {path})"
    if _in_ci():
        pytest.fail(f"CI=true but the test data is missing: {reason}", pytrace=False)
    pytest.skip(reason)
