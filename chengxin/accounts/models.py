"""Users, their roles and their API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MANAGER = "manager", _("Manager")
    SALES = "sales", _("Sales rep")
    FINANCE = "finance", _("Finance")


def has_han(text: str) -> bool:
    """Whether ``text`` has Chinese characters (CJK unified ideographs)."""
    return any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text)


# Roles that must sign in with a second factor.
TWO_FACTOR_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.FINANCE})


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.SALES)
    language = models.CharField(_("language"), max_length=10, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    # The name a buyer reads, per script: letters in Chinese are signed "李娜", letters in
    # any other language "Li Na" (or the English name the rep uses, "Nina Li"). First and
    # last name stay Django's, for the user list and whatever the rep prefers there.
    name_chinese = models.CharField(_("name in Chinese"), max_length=150, blank=True)
    name_latin = models.CharField(_("name in Latin letters"), max_length=150, blank=True)

    AUDIT_FIELDS = (
        "username",
        "first_name",
        "last_name",
        "name_chinese",
        "name_latin",
        "email",
        "role",
        "is_active",
        "language",
        "time_zone",
        "phone",
    )

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def display_name_for(self, language: str) -> str:
        """The name to sign with, or to show a buyer, in ``language``: the Chinese name
        for Chinese, the Latin-letter name for every other language. Falls back to the
        first and last name where they are in the right script; empty when the user has
        no name in that script (a letter is then signed by the company alone)."""
        full_name = self.get_full_name()
        if (language or "").lower().startswith("zh"):
            if self.name_chinese:
                return self.name_chinese
            if full_name and has_han(full_name):
                # A Chinese name is written family name first, without a space.
                return f"{self.last_name}{self.first_name}".strip()
            return full_name or self.name_latin
        if self.name_latin:
            return self.name_latin
        return full_name if full_name and not has_han(full_name) else ""

    @property
    def needs_two_factor(self) -> bool:
        return self.role in TWO_FACTOR_ROLES

    @property
    def sees_all_customers(self) -> bool:
        return self.role in (Role.ADMIN, Role.MANAGER, Role.FINANCE)

    @property
    def edits_all_customers(self) -> bool:
        return self.role in (Role.ADMIN, Role.MANAGER)

    @property
    def manages_users(self) -> bool:
        return self.role == Role.ADMIN


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "cx_" + secrets.token_urlsafe(32)
