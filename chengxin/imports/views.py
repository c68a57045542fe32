"""Import and export pages. Each view parses input, calls one service or
selector and renders; the rules live in the services."""

import io
import logging
import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.accounts.models import Role
from chengxin.core.http import or_404, run_action
from chengxin.imports import exporting, layout, selectors, services
from chengxin.imports.forms import ExportForm, UploadForm
from chengxin.imports.models import ImportBatch, ImportStatus
from chengxin.imports.planning import DUPLICATE, ERROR, WARNING

logger = logging.getLogger(__name__)

REVIEW_PAGE_SIZE = 100


def _batch_or_404(request, pk) -> ImportBatch:
    return or_404(selectors.import_batch_get, user=request.user, pk=pk)


def _may_import(user) -> bool:
    return user.role in (Role.SALES, Role.MANAGER, Role.ADMIN)


@require_http_methods(["GET", "POST"])
@login_required
def import_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.import_dry_run(
                actor=request.user, uploaded_file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("file", message)
        else:
            return redirect("imports:import_review", pk=batch.pk)
    return render(
        request,
        "imports/upload.html",
        {
            "form": form,
            "may_import": _may_import(request.user),
            "columns": layout.COLUMNS,
            "max_mb": settings.CHENGXIN_IMPORT_MAX_MB,
            "batches": selectors.import_batch_list(user=request.user)[:10],
        },
    )


@require_GET
@login_required
def import_template(request):
    out = io.BytesIO()
    exporting.write_template(out)
    out.seek(0)
    return FileResponse(
        out,
        as_attachment=True,
        filename="chengxin-import-template.xlsx",
        content_type=exporting.CONTENT_TYPES["xlsx"],
    )


@require_GET
@login_required
def import_review(request, pk):
    batch = _batch_or_404(request, pk)
    report = batch.report or {}
    page = Paginator(report.get("rows", []), REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    template = "imports/review.html"
    if request.htmx and request.htmx.target == "rows":
        template += "#rows"
    return render(
        request,
        template,
        {
            "batch": batch,
            "report": report,
            "counts": report.get("counts", {}),
            "imported": report.get("imported"),
            "page": page,
            "severity": {"error": ERROR, "duplicate": DUPLICATE, "warning": WARNING},
            "is_imported": batch.status == ImportStatus.IMPORTED,
        },
    )


@require_POST
@login_required
def import_confirm(request, pk):
    batch = _batch_or_404(request, pk)
    return run_action(
        request,
        lambda: services.import_confirm(actor=request.user, batch=batch),
        success=_("The file was imported."),
        then=reverse("imports:import_review", args=[batch.pk]),
    )


@require_GET
@login_required
def export(request):
    form = ExportForm(request.GET if "format" in request.GET else None)
    if not form.is_valid():
        return render(request, "imports/export.html", {"form": form})
    file_format = form.cleaned_data["format"]
    out = tempfile.TemporaryFile()  # FileResponse closes it
    exporting.write_export(
        file_format,
        selectors.export_companies(user=request.user),
        out,
        exported_by=request.user.username,
    )
    size = out.tell()
    out.seek(0)
    logger.info("Export %s by %s: %d bytes", file_format, request.user.username, size)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    return FileResponse(
        out,
        as_attachment=True,
        filename=f"chengxin-customers-{stamp}.{exporting.EXTENSIONS[file_format]}",
        content_type=exporting.CONTENT_TYPES[file_format],
    )
