"""The public record (no login: our accounts, their history, proofs, the check) and
finance's pages (proof documents, the log of checks). Views parse, call one service or
selector, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.core.addresses import request_client_address
from chengxin.core.buyer_language import language_choices, page_direction, request_buyer_language
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.publicrecord import selectors, services
from chengxin.publicrecord.forms import AttemptFilterForm, ProofUploadForm
from chengxin.publicrecord.models import ProofDocument
from chengxin.publicrecord.public_forms import VerifyForm

PAGE_SIZE = 50


# --- Public -----------------------------------------------------------------------------


def _render_record(request, *, language: str, result=None, status=200, prefill: str = ""):
    context = {
        "language": language,
        "direction": page_direction(language),
        "languages": language_choices(language),
        "company_name": settings.CHENGXIN_COMPANY_NAME,
        "company_phone": settings.CHENGXIN_COMPANY_PHONE,
        "company_website": settings.CHENGXIN_COMPANY_WEBSITE,
        "accounts": selectors.current_accounts(),
        "history": selectors.change_history(),
        "proofs": selectors.public_proofs(),
        # The typed number is never echoed back: a blank form every time (a document's
        # link may fill in the number it prints: ``prefill``, not checked until sent).
        "form": VerifyForm(initial={"number": prefill} if prefill else None),
        "result": result,
    }
    with translation.override(language):
        response = render(request, "publicrecord/record.html", context, status=status)
    response["Content-Language"] = language
    return response


@require_GET
def record(request):
    return _render_record(request, language=request_buyer_language(request))


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """POST: check a number. GET (the link a document prints): the record with the
    check's form already filled in with ``?number=``; the buyer presses "Check"."""
    language = request_buyer_language(request)
    if request.method == "GET":
        return _render_record(request, language=language, prefill=_prefill(request))
    result = services.public_verify(
        text=request.POST.get("number", ""),
        ip=request_client_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        language=language,
    )
    return _render_record(request, language=language, result=result, status=result.status_code)


def _prefill(request) -> str:
    """The number a link asks to fill in: printable characters, at most the field's
    length; anything else fills in nothing."""
    value = request.GET.get("number", "").strip()
    if not value or len(value) > VerifyForm.base_fields["number"].max_length:
        return ""
    return value if value.isprintable() else ""


def _attachment(proof: ProofDocument) -> HttpResponse:
    response = HttpResponse(bytes(proof.content), content_type=proof.content_type)
    response["Content-Disposition"] = content_disposition_header(True, proof.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Content-Length"] = str(proof.size)
    return response


@require_GET
def proof_download(request, pk: int):
    return _attachment(or_404(selectors.public_proof_get, pk))


# --- Finance ----------------------------------------------------------------------------


def _require_keeper(request) -> None:
    if not services.can_keep_record(request.user):
        raise PermissionDenied(_("Only finance and managers keep the public record."))


def _render_proofs(request, form=None, status=200):
    return render(
        request,
        "publicrecord/proof_list.html",
        {
            "proofs": selectors.proofs_for(request.user),
            "form": form or ProofUploadForm(accounts=selectors.proof_accounts(request.user)),
        },
        status=status,
    )


@require_GET
@login_required
def proof_list(request):
    _require_keeper(request)
    return _render_proofs(request)


@require_POST
@login_required
def proof_upload(request):
    _require_keeper(request)
    form = ProofUploadForm(
        request.POST, request.FILES, accounts=selectors.proof_accounts(request.user)
    )
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > services.PROOF_MAX_BYTES:
            form.add_error("file", _("The file is larger than 10 MB."))
        else:
            try:
                services.proof_upload(
                    actor=request.user,
                    account=form.cleaned_data["account"],
                    title=form.cleaned_data["title"],
                    filename=upload.name,
                    content=upload.read(),
                    is_public=form.cleaned_data["is_public"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The document is stored."))
                return redirect("publicrecord:proof_list")
    return _render_proofs(request, form=form, status=422)


@require_POST
@login_required
def proof_publish(request, pk: int):
    _require_keeper(request)
    proof = get_object_or_404(selectors.proofs_for(request.user), pk=pk)
    is_public = request.POST.get("is_public") == "1"
    services.proof_set_public(actor=request.user, proof=proof, is_public=is_public)
    if is_public:
        messages.success(request, _("The document is shown on the public record."))
    else:
        messages.success(request, _("The document is no longer shown on the public record."))
    return redirect("publicrecord:proof_list")


@require_GET
@login_required
def proof_file(request, pk: int):
    _require_keeper(request)
    proof = get_object_or_404(
        ProofDocument.objects.filter(pk__in=selectors.proofs_for(request.user).values("pk")),
        pk=pk,
    )
    return _attachment(proof)


@require_GET
@login_required
def attempt_list(request):
    _require_keeper(request)
    form = AttemptFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    attempts = selectors.attempts_for(
        request.user,
        answer=filters.get("answer", ""),
        day_from=filters.get("day_from"),
        day_until=filters.get("day_until"),
    )
    page = Paginator(attempts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publicrecord/attempt_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
