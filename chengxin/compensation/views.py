"""Fee compensation pages: the buyer's public claim form (reached from their personal
acknowledgement link, no login), and for staff the claims list, a claim with its voucher
and finance's decision, a rep's form to record a claim, and using a credit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.campaigns.selectors import recipient_by_token
from chengxin.compensation import selectors, services
from chengxin.compensation.buyer_forms import ClaimForm
from chengxin.compensation.forms import (
    ApproveForm,
    RecordClaimForm,
    RejectForm,
)
from chengxin.compensation.models import ClaimState, FeeClaim
from chengxin.compensation.offers import plan_offer
from chengxin.compensation.permissions import (
    claim_deciders,
    decision_refusal,
    require_decide_claims,
    require_record_claim,
)
from chengxin.core.addresses import request_client_address
from chengxin.core.buyer_language import (
    buyer_language,
    chosen_buyer_language,
    language_choices,
    page_direction,
)
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.parties.selectors import company_get
from chengxin.workflow.four_eyes import candidates


def _read_voucher(upload) -> bytes:
    """The upload's bytes; a file over the limit is read only one byte past it, which is
    enough for the service to refuse it."""
    limit = settings.CHENGXIN_VOUCHER_MAX_MB * 1024 * 1024
    return upload.read(limit + 1)


def _submit(form: ClaimForm, *, recipient, actor, ip) -> FeeClaim | None:
    data = form.cleaned_data
    upload = data["voucher"]
    try:
        return services.fee_claim_submit(
            recipient=recipient,
            paid_on=data["paid_on"],
            payment_amount=data["payment_amount"],
            payment_currency=data["payment_currency"],
            fee_amount=data["fee_amount"],
            fee_currency=data["fee_currency"],
            payment_reference=data["payment_reference"],
            voucher_name=upload.name,
            voucher_content=_read_voucher(upload),
            voucher_content_type=upload.content_type or "",
            actor=actor,
            ip=ip,
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return None


def _client_ip(request) -> str | None:
    return request_client_address(request)


# --- The buyer's public form ------------------------------------------------------------


def _recipient_or_404(token: str):
    recipient = recipient_by_token(token)
    if recipient is None:
        raise Http404
    return recipient


def _buyer_language(request, recipient) -> dict:
    """The page's language: the one chosen on the page (``?lang=``), else the interface
    language of a reader who chose one here or signed in, else the buyer's own (one of
    the twelve buyer languages). Activated for the response; the page's frame context."""
    chosen = chosen_buyer_language(request.GET.get("lang"))
    if chosen:
        language = chosen
    elif settings.LANGUAGE_COOKIE_NAME in request.COOKIES or request.user.is_authenticated:
        language = buyer_language(translation.get_language())
    else:
        language = buyer_language(recipient.language)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return {
        "language": language,
        "direction": page_direction(language),
        "languages": language_choices(language),
        "our_company": settings.CHENGXIN_COMPANY_NAME,
    }


def _private(response: HttpResponse) -> HttpResponse:
    """The page's address carries the buyer's secret: not cached, not sent on."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"  # no-referrer would send "Origin: null"
    response["X-Robots-Tag"] = "noindex"
    return response


def _initial(recipient) -> dict:
    currency = recipient.plan.new_account.currency
    return {"payment_currency": currency, "fee_currency": recipient.plan.fee_cap_currency}


@require_http_methods(["GET", "POST"])
def claim_submit(request, token):
    recipient = _recipient_or_404(token)
    frame = _buyer_language(request, recipient)
    offer = plan_offer(recipient.plan)
    form = None
    status = 200
    if offer is not None:
        if request.method == "POST":
            form = ClaimForm(request.POST, request.FILES)
            if form.is_valid() and _submit(
                form, recipient=recipient, actor=None, ip=_client_ip(request)
            ):
                thanks = reverse("compensation:claim_thanks", kwargs={"token": token})
                return _private(redirect(f"{thanks}?lang={frame['language']}"))
            status = 422
        else:
            form = ClaimForm(initial=_initial(recipient))
    elif request.method == "POST":
        status = 422
    context = {
        **frame,
        "recipient": recipient,
        "offer": offer,
        "form": form,
        "token": token,
        "claims": selectors.recipient_claims(recipient=recipient),
    }
    return _private(render(request, "compensation/claim_public.html", context, status=status))


@require_GET
def claim_thanks(request, token):
    recipient = _recipient_or_404(token)
    context = {
        **_buyer_language(request, recipient),
        "recipient": recipient,
        "token": token,
        "claims": selectors.recipient_claims(recipient=recipient),
    }
    return _private(render(request, "compensation/claim_thanks.html", context))


# --- Staff pages -------------------------------------------------------------------------


def _claim_or_404(request, pk) -> FeeClaim:
    return or_404(selectors.claim_get, user=request.user, pk=pk)


@require_GET
@login_required
def claim_list(request):
    state = request.GET.get("state", "")
    claims = list(selectors.visible_claims(request.user, state=state))
    open_claims = [claim for claim in claims if claim.state == ClaimState.SUBMITTED]
    people = candidates() if open_claims else []
    context = {
        "claims": claims,
        "state": state,
        "states": ClaimState.choices,
        "nobody_decides": {c.pk for c in open_claims if claim_deciders(c, people=people).blocked},
    }
    return render(request, "compensation/claim_list.html", context)


def _render_detail(request, claim, *, approve_form=None, reject_form=None, status=200):
    plan = claim.recipient.plan
    suggested = plan.fee_cap
    if claim.fee_currency == plan.fee_cap_currency and plan.fee_cap is not None:
        suggested = min(claim.fee_amount, plan.fee_cap)
    awaiting = claim.state == ClaimState.SUBMITTED
    may_decide = awaiting and decision_refusal(request.user, claim) is None
    context = {
        "claim": claim,
        "plan": plan,
        "offer": plan_offer(plan),
        "may_decide": may_decide,
        "approvers": claim_deciders(claim) if awaiting else None,
        "approve_form": approve_form or ApproveForm(initial={"approved_amount": suggested}),
        "reject_form": reject_form or RejectForm(),
        "credit": getattr(claim, "credit", None) if claim.state == ClaimState.APPROVED else None,
    }
    return render(request, "compensation/claim_detail.html", context, status=status)


@require_GET
@login_required
def claim_detail(request, pk):
    return _render_detail(request, _claim_or_404(request, pk))


@require_GET
@login_required
def claim_voucher(request, pk):
    """The voucher as a download, never shown inline: its bytes came from outside."""
    claim = or_404(selectors.claim_voucher, user=request.user, pk=pk)
    response = HttpResponse(bytes(claim.voucher), content_type=claim.voucher_content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=claim.voucher_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def _decision(form_class, form_name: str, service, success):
    """Finance's decision on a claim from its page (a POST): ``service`` given the form's
    fields; a refusal is shown on the form, the page again with status 422."""

    @require_POST
    @login_required
    def view(request, pk):
        claim = _claim_or_404(request, pk)
        form = form_class(request.POST)
        if form.is_valid():
            try:
                service(actor=request.user, claim=claim, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, success)
                return redirect("compensation:claim_detail", pk=claim.pk)
        else:
            require_decide_claims(request.user)
        return _render_detail(request, claim, status=422, **{form_name: form})

    return view


claim_approve = _decision(
    ApproveForm,
    "approve_form",
    services.fee_claim_approve,
    _lazy("Approved: the credit is recorded for the customer."),
)
claim_reject = _decision(
    RejectForm,
    "reject_form",
    services.fee_claim_reject,
    _lazy("Rejected: the customer's owner is told."),
)


@require_http_methods(["GET", "POST"])
@login_required
def claim_record(request, company_pk):
    company = or_404(company_get, user=request.user, pk=company_pk)
    require_record_claim(request.user, company)
    recipients = selectors.recipients_with_offer(company=company)
    form = None
    status = 200
    if recipients:
        if request.method == "POST":
            form = RecordClaimForm(request.POST, request.FILES, recipients=recipients)
            if form.is_valid():
                claim = _submit(
                    form,
                    recipient=form.cleaned_data["recipient"],
                    actor=request.user,
                    ip=_client_ip(request),
                )
                if claim is not None:
                    messages.success(request, _("The claim is recorded; finance will check it."))
                    return redirect("compensation:claim_detail", pk=claim.pk)
            status = 422
        else:
            chosen = request.GET.get("recipient", "")
            first = recipients[0]
            initial = {**_initial(first), "recipient": chosen or first.pk}
            form = RecordClaimForm(initial=initial, recipients=recipients)
    elif request.method == "POST":
        status = 422
    context = {"company": company, "form": form, "recipients": recipients}
    return render(request, "compensation/claim_record.html", context, status=status)


@require_POST
@login_required
def credit_use(request, pk):
    credit = or_404(selectors.credit_get, user=request.user, pk=pk)
    try:
        services.credit_use(
            actor=request.user, credit=credit, reference=request.POST.get("reference", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The credit is marked as used."))
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("parties:company_detail", pk=credit.company_id)
