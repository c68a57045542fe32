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


# Roles that must sign in with a second factor.
TWO_FACTOR_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.FINANCE})


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.SALES)
    language = models.CharField(_("language"), max_length=10, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    AUDIT_FIELDS = (
        "username",
        "first_name",
        "last_name",
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
