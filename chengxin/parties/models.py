"""Buyers: companies, their domains, their people and every channel to reach them."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.parties.normalize import domain_to_unicode, format_phone


def email_domain(kind: str, value: str) -> str:
    """The domain of an email channel's value, "" for any other kind."""
    if kind != "email" or "@" not in value:
        return ""
    return value.rpartition("@")[2].lower()


DOCUMENT_LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("it", "Italiano"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("vi", "Tiếng Việt"),
]


class Grade(models.TextChoices):
    A = "A", _("A (key account)")
    B = "B", _("B (regular)")
    C = "C", _("C (occasional)")


class CompanyStatus(models.TextChoices):
    PROSPECT = "prospect", _("Prospect")
    ACTIVE = "active", _("Active customer")
    DORMANT = "dormant", _("Dormant")
    LOST = "lost", _("Lost")
    MERGED = "merged", _("Merged into another")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# The longest postal address a customer may have (several lines: street, district, city
# and postcode, region); trade documents print it as entered.
ADDRESS_LIMIT = 500


class CompanyQuerySet(models.QuerySet):
    def live(self):
        return self.exclude(status=CompanyStatus.MERGED)

    def in_pool(self):
        return self.filter(owner__isnull=True)


class Company(models.Model):
    legal_name = models.CharField(_("legal name"), max_length=255)
    other_names = models.JSONField(_("other names"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2)
    website = models.CharField(_("website"), max_length=255, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=64, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=64, blank=True)
    # The postal address printed on trade documents, several lines; the limit is the
    # service's (a text column has none of its own).
    address = models.TextField(_("postal address"), max_length=ADDRESS_LIMIT, blank=True)
    currency = models.CharField(_("default currency"), max_length=3, default="USD")
    document_language = models.CharField(
        _("document language"), max_length=10, choices=DOCUMENT_LANGUAGES, default="en"
    )
    grade = models.CharField(_("grade"), max_length=1, choices=Grade.choices, default=Grade.B)
    tags = models.ManyToManyField(Tag, blank=True, related_name="companies", verbose_name=_("tags"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_companies",
        verbose_name=_("owner"),
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="shared_companies",
        verbose_name=_("shared with"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CompanyStatus.choices, default=CompanyStatus.PROSPECT
    )
    notes = models.TextField(_("notes"), blank=True)
    owner_since = models.DateTimeField(null=True, blank=True)
    last_followed_up_at = models.DateTimeField(_("last follow-up"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    # Lower-case names, domains, emails and phone digits, for substring search.
    search_text = models.TextField(default="", editable=False)
    name_key = models.CharField(max_length=255, default="", editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompanyQuerySet.as_manager()

    AUDIT_FIELDS = (
        "legal_name", "other_names", "country", "website", "registration_number", "vat_number",
        "address", "currency", "document_language", "grade", "owner", "status", "notes",
        "merged_into",
    )  # fmt: skip

    class Meta:
        ordering = ["legal_name", "id"]
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        indexes = [
            models.Index(fields=["legal_name", "id"]),
            models.Index(fields=["country", "legal_name"]),
            models.Index(fields=["owner", "legal_name"]),
            models.Index(fields=["grade", "legal_name"]),
            models.Index(fields=["-updated_at"]),
            # Counting the list of a sales rep (theirs, the pool, shared) or of
            # everyone (all but merged) from the index alone, without reading
            # the wide rows; and sorting by the last follow-up.
            models.Index(fields=["owner", "status", "id"]),
            models.Index(fields=["last_followed_up_at", "id"]),
        ]

    def __str__(self) -> str:
        return self.legal_name

    @property
    def in_pool(self) -> bool:
        return self.owner_id is None

    def country_name(self) -> str:
        from chengxin.parties.countries import country_name

        return country_name(self.country)


class CompanyDomain(models.Model):
    """A domain the company's people write from (or its website's)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    AUDIT_FIELDS = ("company", "domain")

    class Meta:
        verbose_name = _("email domain")
        verbose_name_plural = _("email domains")
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["company", "domain"], name="company_domain_unique")
        ]

    def __str__(self) -> str:
        return self.display

    @property
    def display(self) -> str:
        return domain_to_unicode(self.domain)


class ContactStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    LEFT = "left", _("Left the company")


class Contact(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    title = models.CharField(pgettext_lazy("job title", "title"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=DOCUMENT_LANGUAGES, default="en"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    status = models.CharField(
        _("status"), max_length=16, choices=ContactStatus.choices, default=ContactStatus.ACTIVE
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDIT_FIELDS = ("company", "name", "title", "language", "time_zone", "status", "notes")

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def local_now(self, now: datetime.datetime | None = None) -> datetime.datetime:
        try:
            zone = zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo("UTC")
        return (now or timezone.now()).astimezone(zone)


class ChannelKind(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    WHATSAPP = "whatsapp", _("WhatsApp")
    WECHAT = "wechat", _("WeChat")
    LINKEDIN = "linkedin", _("LinkedIn")
    OTHER = "other", _("Other")


class ChannelSource(models.TextChoices):
    """Where a channel came from: its provenance."""

    EXISTING = "existing", _("on file before provenance was recorded")
    NEW_CONTACT = "new_contact", _("entered with a new contact")
    IMPORT = "import", _("imported")
    CHANGE_REQUEST = "change_request", _("a completed change request")
    MERGE = "merge", _("brought in by merging two customers")
    SYSTEM = "system", _("the system or the demo")


class VerificationMethod(models.TextChoices):
    """How someone made sure a channel belongs to the contact."""

    EXISTING = "existing", _("counted as verified before verification was recorded")
    CHANGE_REQUEST = "change_request", _("the change request loop (confirmed and verified)")
    CHANNEL_ON_FILE = "channel_on_file", _("a call or message through another channel on file")
    IN_PERSON = "in_person", _("in person or by video call with the contact")
    OFFICIAL_SOURCE = (
        "official_source",
        _("the customer's official website, registry entry or signed document"),
    )


# What a person may choose when marking a channel verified by hand.
MANUAL_VERIFICATION_METHODS = (
    VerificationMethod.CHANNEL_ON_FILE,
    VerificationMethod.IN_PERSON,
    VerificationMethod.OFFICIAL_SOURCE,
)


class ChannelQuerySet(models.QuerySet):
    def with_foreign_domain(self):
        """Annotate ``foreign_domain``: an email whose domain is not one of its customer's
        domains (a free-mail address counts as foreign too)."""
        from django.db.models import Exists, OuterRef

        company_has = CompanyDomain.objects.filter(
            company_id=OuterRef("contact__company_id"), domain=OuterRef("domain")
        )
        return self.annotate(
            foreign_domain=models.Case(
                models.When(~Q(kind=ChannelKind.EMAIL) | Q(domain=""), then=models.Value(False)),
                default=~Exists(company_has),
                output_field=models.BooleanField(),
            )
        )


class Channel(models.Model):
    """One way to reach a contact. Retired, never deleted.

    Every channel records its provenance (who added it, when, from what) and whether and
    how it was verified. Only a channel verified before a request counts as on file for
    checking that request (``parties.selectors.channels_on_file``)."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("kind"), max_length=16, choices=ChannelKind.choices)
    value = models.CharField(_("value"), max_length=320)
    label = models.CharField(_("label"), max_length=100, blank=True)
    is_primary = models.BooleanField(_("primary"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # An email's domain (ASCII), to tell one on a domain its customer does not have.
    domain = models.CharField(max_length=253, blank=True, default="", editable=False)
    source = models.CharField(
        _("added from"), max_length=16, choices=ChannelSource.choices, default=ChannelSource.SYSTEM
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    # The change request that brought the channel in (source "change_request").
    source_change_id = models.PositiveBigIntegerField(null=True, blank=True)
    verification_method = models.CharField(
        _("verified how"), max_length=16, choices=VerificationMethod.choices, blank=True
    )
    verification_note = models.TextField(_("verification note"), blank=True)
    verified_via = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verified through"),
    )

    objects = ChannelQuerySet.as_manager()

    AUDIT_FIELDS = (
        "contact", "kind", "value", "label", "is_primary", "is_active", "verified_at",
        "verified_by", "retired_at", "retired_by", "source", "added_by", "source_change_id",
        "verification_method", "verification_note", "verified_via",
    )  # fmt: skip

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["kind", "-is_primary", "-is_active", "id"]
        indexes = [models.Index(fields=["value"])]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "kind"],
                condition=Q(is_primary=True, is_active=True),
                name="one_active_primary_channel_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.display}"

    def save(self, *args, **kwargs):
        self.domain = email_domain(self.kind, self.value)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "value" in update_fields:
            kwargs["update_fields"] = {*update_fields, "domain"}
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_foreign_domain(self) -> bool:
        """An email on a domain its customer does not have (annotated by
        ``Channel.objects.with_foreign_domain()``; else one query)."""
        if "foreign_domain" in self.__dict__:
            return bool(self.__dict__["foreign_domain"])
        if self.kind != ChannelKind.EMAIL or not self.domain:
            return False
        return not CompanyDomain.objects.filter(
            company_id=self.contact.company_id, domain=self.domain
        ).exists()

    @property
    def display(self) -> str:
        if self.kind == ChannelKind.EMAIL and "@" in self.value:
            local, _sep, domain = self.value.rpartition("@")
            return f"{local}@{domain_to_unicode(domain)}"
        if self.kind in (ChannelKind.PHONE, ChannelKind.WHATSAPP):
            return format_phone(self.value)
        return self.value


class FollowUpKind(models.TextChoices):
    CALL = "call", _("Call")
    EMAIL = "email", _("Email")
    MEETING = "meeting", _("Meeting")
    MESSAGE = "message", _("Chat message")
    NOTE = "note", _("Note")


class FollowUp(models.Model):
    """A recorded touch with the customer; keeps the customer out of the pool."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="follow_ups")
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=FollowUpKind.choices)
    summary = models.TextField(_("summary"))
    happened_at = models.DateTimeField(_("when"))
    created_at = models.DateTimeField(auto_now_add=True)

    AUDIT_FIELDS = ("company", "contact", "kind", "summary", "happened_at")

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-happened_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.happened_at:%Y-%m-%d}"
