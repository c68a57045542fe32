"""An uploaded import file: checked first (dry run), imported on confirmation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    DRY_RUN = "dry_run", _("Checked, not imported yet")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Failed")


class ImportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


class ImportBatch(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="import_batches",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=8, choices=ImportFormat.choices)
    # The file itself, kept in the database: the confirmation re-reads exactly
    # what was checked, on any web worker, and the batch records what came in.
    content = models.BinaryField(editable=False)
    content_sha256 = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.DRY_RUN
    )
    # Per-row problems and figures; see chengxin.imports.services._report.
    report = models.JSONField(default=dict, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    # Companies, contacts and channels to import (dry run) or imported.
    company_count = models.PositiveIntegerField(default=0)
    contact_count = models.PositiveIntegerField(default=0)
    channel_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    duplicate_count = models.PositiveIntegerField(_("rows skipped as duplicates"), default=0)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"
        indexes = [models.Index(fields=["created_by", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def can_confirm(self) -> bool:
        return (
            self.status in (ImportStatus.DRY_RUN, ImportStatus.FAILED)
            and self.error_count == 0
            and self.company_count > 0
        )
