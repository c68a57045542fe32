"""What we sell, and how much of it the company's ERP says is in stock."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Product(models.Model):
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
