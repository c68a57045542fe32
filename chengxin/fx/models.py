"""Exchange rates: one row is "on ``day``, 1 ``currency`` = ``rate`` ``quote``", with where
it came from and who entered it.

ECB reference rates are stored as the ECB publishes them (1 EUR = x USD: currency EUR,
quote USD), never as derived cross rates, so a stored figure is always one somebody
published or typed; crosses to the base currency are computed when read
(``chengxin.fx.selectors``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    ECB = "ecb", _("ECB reference rate")
    MANUAL = "manual", _("entered by hand")
    CSV = "csv", _("CSV import")


# On one day, when two sources quote the same pair: the ECB's published reference rate
# first, then a rate somebody typed, then one from a file (see selectors).
SOURCE_TRUST = (Source.ECB, Source.MANUAL, Source.CSV)

RATE_MAX_DIGITS = 24
RATE_DECIMAL_PLACES = 12


class Rate(models.Model):
    currency = models.CharField(_("currency"), max_length=3)
    quote = models.CharField(_("in currency"), max_length=3)
    day = models.DateField(_("day"))
    rate = models.DecimalField(
        _("rate"), max_digits=RATE_MAX_DIGITS, decimal_places=RATE_DECIMAL_PLACES
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"))

    AUDIT_FIELDS = ("currency", "quote", "day", "rate", "source", "file_name")

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "quote", "-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "quote", "day", "source"], name="fx_rate_one_per_source_day"
            ),
            models.CheckConstraint(condition=Q(rate__gt=0), name="fx_rate_positive"),
            models.CheckConstraint(
                condition=~Q(currency=F("quote")), name="fx_rate_two_currencies"
            ),
        ]
        indexes = [models.Index(fields=["currency", "quote", "-day"], name="fx_rate_pair_day")]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} 1 {self.currency} = {self.rate.normalize():f} {self.quote}"

    @property
    def source_label(self) -> str:
        if self.source == Source.CSV and self.file_name:
            return f"{self.get_source_display()} ({self.file_name})"
        return str(self.get_source_display())
