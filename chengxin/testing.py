"""Factories and helpers shared by every app's tests (imported by conftest.py)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.models import Role, User
from chengxin.parties.services import ChannelInput, CompanyInput, company_create

# The public test corpora (phishing mail, DKIM/ARC suites, lookalike lists, bank
# statements) live beside the repository in ../shared/data; they are read in place,
# never copied into it. CHENGXIN_SHARED_DATA points elsewhere.
SHARED_DATA_DEFAULT = "../shared/data"

PASSWORD = "Correct-Horse-42"  # noqa: S105 - test password
_seq = itertools.count(1)


def make_user(role: str = Role.SALES, username: str | None = None, **fields) -> User:
    username = username or f"{role}{next(_seq)}"
    user = User(username=username, role=role, is_staff=role == Role.ADMIN, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def login(client, user: User) -> None:
    """Log the client in; for roles that need two-factor, as if the code was entered."""
    client.force_login(user)
    if user.needs_two_factor:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


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
    return (Path(__file__).resolve().parents[1] / SHARED_DATA_DEFAULT).resolve()


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
