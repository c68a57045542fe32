"""The documents' pages: draft one from an order or a quote, look at it (as a page, in
the document's language and direction), change its language, issue it, download its
PDF, send it. Each view parses, calls one service or selector, renders; the services
decide what is allowed (not visible: 404; visible but not allowed: 403)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from chengxin.core.http import or_404, run_action
from chengxin.documents import permissions as perms
from chengxin.documents import selectors, services
from chengxin.documents.forms import DraftForm, LanguageForm, SendForm
from chengxin.documents.models import Document, DocumentState
from chengxin.orders.selectors import visible_orders, visible_quotes
from chengxin.workflow.views import run_step


def _document_or_404(request, pk) -> Document:
    return or_404(
        selectors.visible_documents(request.user)
        .select_related("order__company", "quote__company", "company", "account")
        .get,
        pk=pk,
    )


def _source_url(order_id, quote_id) -> str:
    """The order's or quote's page, where its documents are listed."""
    if order_id:
        return reverse("orders:order_detail", args=[order_id])
    return reverse("orders:quote_detail", args=[quote_id])


def _here(document: Document) -> str:
    return reverse("documents:document_detail", args=[document.pk])


def _detail(request, document: Document, *, language_form=None, send_form=None, status=200):
    may_issue = perms.can_issue(request.user, document)
    may_send = perms.can_send(request.user, document)
    recipients = services.document_recipients(document) if may_send else []
    context = {
        "document": document,
        "steps": document.steps.select_related("actor"),
        "may_issue": may_issue,
        "may_send": may_send and bool(recipients),
        "no_recipient": may_send and not recipients,
        "language_form": language_form or LanguageForm(language=document.language),
        "send_form": send_form or SendForm(recipients=recipients),
        "source_url": _source_url(document.order_id, document.quote_id),
    }
    return render(request, "documents/pages/document_detail.html", context, status=status)


def _new(request, *, order=None, quote=None):
    source = order if order is not None else quote
    shipments = list(order.logistics_shipments.order_by("created_at")) if order else []
    form = DraftForm(
        request.POST,
        quote=quote is not None,
        shipments=shipments,
        language=services.default_language(source.company),
    )
    back = _source_url(order.pk if order else None, quote.pk if quote else None) + "#documents"
    if not perms.can_issue_for(request.user, order=order, quote=quote):
        raise PermissionDenied(_("You may not issue documents for this order or quote."))
    created: list[Document] = []

    def call(data):
        created.append(
            services.document_draft(
                actor=request.user, kind=data["kind"], order=order, quote=quote,
                language=data["language"], shipment_id=data.get("shipment"),
                now=timezone.now(),
            )
        )  # fmt: skip

    def rerender(bound):
        for errors in bound.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)

    response = run_step(request, form=form, call=call, done=back, rerender=rerender)
    if created:
        return redirect("documents:document_detail", created[0].pk)
    return response


@require_POST
@login_required
def order_document_new(request, order_pk):
    order = or_404(visible_orders(request.user).select_related("company").get, pk=order_pk)
    return _new(request, order=order)


@require_POST
@login_required
def quote_document_new(request, quote_pk):
    quote = or_404(visible_quotes(request.user).select_related("company").get, pk=quote_pk)
    return _new(request, quote=quote)


@require_GET
@login_required
def document_detail(request, pk):
    return _detail(request, _document_or_404(request, pk))


@require_GET
@login_required
@xframe_options_sameorigin
def document_page(request, pk):
    """The document as a page, in its language and direction (what its PDF shows)."""
    document = _document_or_404(request, pk)
    response = HttpResponse(services.document_html(document))
    response["Content-Language"] = document.language
    return response


@require_GET
@login_required
def document_pdf(request, pk):
    """The issued (or sent) PDF, exactly as it was kept; a draft has none."""
    document = _document_or_404(request, pk)
    if document.state == DocumentState.DRAFT or document.pdf is None:
        raise Http404
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        request.GET.get("inline") != "1", document.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Length"] = str(document.pdf_size)
    response["X-Content-SHA256"] = document.sha256
    return response


@require_POST
@login_required
def document_language(request, pk):
    document = _document_or_404(request, pk)
    form = LanguageForm(request.POST, language=document.language)
    return run_step(
        request,
        form=form,
        call=lambda data: services.document_redraft(
            actor=request.user, document=document, language=data["language"], now=timezone.now()
        ),
        done=_here(document),
        rerender=lambda bound: _detail(request, document, language_form=bound, status=422),
    )


@require_POST
@login_required
def document_issue(request, pk):
    document = _document_or_404(request, pk)
    return run_action(
        request,
        lambda: services.document_issue(actor=request.user, document=document, now=timezone.now()),
        success=_("Issued."),
        then=_here(document),
    )


@require_POST
@login_required
def document_send(request, pk):
    document = _document_or_404(request, pk)
    recipients = services.document_recipients(document)
    form = SendForm(request.POST, recipients=recipients)
    return run_step(
        request,
        form=form,
        call=lambda data: services.document_send(
            actor=request.user, document=document, to=data["to"], now=timezone.now()
        ),
        done=_here(document),
        rerender=lambda bound: _detail(request, document, send_form=bound, status=422),
    )


@require_POST
@login_required
def document_discard(request, pk):
    document = _document_or_404(request, pk)
    back = _source_url(document.order_id, document.quote_id) + "#documents"
    return run_action(
        request,
        lambda: services.document_discard(
            actor=request.user, document=document, now=timezone.now()
        ),
        success=_("Draft discarded."),
        then=back,
    )
