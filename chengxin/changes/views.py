"""The change-request pages: the list by step, one request with its timeline and the form
of its current step, and opening a request from a contact or a message. Each view parses,
calls one service, renders; the services decide what is allowed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.workflow.four_eyes import candidates
from chengxin.changes import selectors, services
from chengxin.changes.forms import ChangeOpenForm, LetterForm, NotesForm, VerifyForm
from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.permissions import awaits_approval, can_act_on_change, change_approvers
from chengxin.core.forms import apply_errors
from chengxin.guard.selectors import assessment_view
from chengxin.mail.models import Message
from chengxin.mail.selectors import message_get
from chengxin.parties.models import Company, Contact
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.selectors import contact_get


def _request_or_404(request, pk) -> ChangeRequest:
    try:
        return selectors.change_get(user=request.user, pk=pk)
    except ChangeRequest.DoesNotExist:
        raise Http404 from None


@require_GET
@login_required
def change_list(request):
    open_changes = selectors.open_changes(user=request.user)
    waiting = [change for change, _due, _late in open_changes.rows if awaits_approval(change)]
    people = candidates() if waiting else []
    nobody = {c.pk for c in waiting if change_approvers(c, people=people).blocked}
    context = {"open": open_changes, "nobody_approves": nobody}
    return render(request, "changes/change_list.html", context)


def _forms_for(request, change: ChangeRequest, bound=None) -> dict:
    """The form of the current step only (a bound one when it came back with errors)."""
    user = request.user
    if bound is not None:
        return {"step_form": bound}
    if change.state == State.OPENED:
        draft = services.change_confirm_draft(request=change, actor=user)
        return {"step_form": LetterForm(initial={"subject": draft.subject, "body": draft.body})}
    if change.state == State.CONFIRM_SENT:
        eligible = list(services.verification_channels(change))
        return {"step_form": VerifyForm(company=change.contact.company, eligible=eligible)}
    if change.state == State.APPLIED:
        draft = services.change_notice_draft(request=change, actor=user)
        return {"step_form": LetterForm(initial={"subject": draft.subject, "body": draft.body})}
    if change.state in (State.VERIFIED, State.REVIEW_DUE):
        return {"step_form": NotesForm()}
    return {"step_form": None}


def _resend_form(request, change: ChangeRequest):
    """A new confirmation letter, when the last one could not be delivered."""
    if change.state not in (State.CONFIRM_SENT, State.VERIFIED, State.APPROVED):
        return None
    if services.confirmation_status(change) not in services.CONFIRMATION_FAILED_STATUSES:
        return None
    draft = services.change_confirm_draft(request=change, actor=request.user)
    return LetterForm(initial={"subject": draft.subject, "body": draft.body})


def _render_detail(request, change: ChangeRequest, bound=None, status=200):
    context = {
        "change": change,
        "steps": list(change.steps.select_related("actor")),
        "can_act": can_act_on_change(request.user, change),
        "confirm_to": services.change_confirm_recipient(change),
        "notice_to": services.change_notice_recipient(change),
        "confirm_delivery": selectors.outbound_status(change.confirm_message_id),
        "new_value_foreign": selectors.new_value_foreign_domain(change),
        "apply_blocker": (
            services.apply_blocker(change)
            if change.state in (State.VERIFIED, State.APPROVED)
            else ""
        ),
        "resend_form": _resend_form(request, change),
        "notice_delivery": selectors.outbound_status(change.notice_message_id),
        "assessment": (
            assessment_view(user=request.user, message=change.source_message)
            if change.source_message
            else None
        ),
        "due_at": selectors.due_at(change),
        "approvers": change_approvers(change) if awaits_approval(change) else None,
        **_forms_for(request, change, bound),
    }
    return render(request, "changes/change_detail.html", context, status=status)


@require_GET
@login_required
def change_detail(request, pk):
    return _render_detail(request, _request_or_404(request, pk))


def _run_step(request, pk, form, call):
    change = _request_or_404(request, pk)
    if form is not None and not form.is_valid():
        return _render_detail(request, change, bound=form, status=422)
    try:
        call(change, form.cleaned_data if form is not None else {})
    except ValidationError as exc:
        if form is None or getattr(exc, "code", None) == "wrong_step":
            messages.error(request, " ".join(exc.messages))
            return redirect("changes:change_detail", pk=change.pk)
        apply_errors(form, exc)
        return _render_detail(request, change, bound=form, status=422)
    return redirect("changes:change_detail", pk=change.pk)


@require_POST
@login_required
def change_confirm(request, pk):
    return _run_step(
        request,
        pk,
        LetterForm(request.POST),
        lambda change, data: services.change_confirm_send(
            actor=request.user, request=change, subject=data["subject"], body=data["body"]
        ),
    )


@require_POST
@login_required
def change_verify(request, pk):
    change = _request_or_404(request, pk)
    form = VerifyForm(
        request.POST,
        company=change.contact.company,
        eligible=list(services.verification_channels(change)),
    )
    return _run_step(
        request,
        pk,
        form,
        lambda change, data: services.change_verify(
            actor=request.user,
            request=change,
            channel=data["channel"],
            outcome=data["outcome"],
            notes=data["notes"],
            checked_at=data["checked_at"],
        ),
    )


@require_POST
@login_required
def change_approve(request, pk):
    return _run_step(
        request,
        pk,
        NotesForm(request.POST),
        lambda change, data: services.change_approve(
            actor=request.user, request=change, notes=data["notes"]
        ),
    )


@require_POST
@login_required
def change_apply(request, pk):
    return _run_step(
        request,
        pk,
        None,
        lambda change, data: services.change_apply(actor=request.user, request=change),
    )


@require_POST
@login_required
def change_notice(request, pk):
    return _run_step(
        request,
        pk,
        LetterForm(request.POST),
        lambda change, data: services.change_notice_send(
            actor=request.user, request=change, subject=data["subject"], body=data["body"]
        ),
    )


@require_POST
@login_required
def change_close(request, pk):
    return _run_step(
        request,
        pk,
        NotesForm(request.POST),
        lambda change, data: services.change_review_close(
            actor=request.user, request=change, notes=data["notes"]
        ),
    )


@require_POST
@login_required
def change_withdraw(request, pk):
    return _run_step(
        request,
        pk,
        NotesForm(request.POST),
        lambda change, data: services.change_withdraw(
            actor=request.user, request=change, notes=data["notes"]
        ),
    )


def _open_page(request, *, company, contacts, initial, source_message=None):
    form = ChangeOpenForm(request.POST or None, contacts=contacts, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact = next(c for c in contacts if c.pk == form.cleaned_data["contact"])
        try:
            change = services.change_open(
                actor=request.user,
                contact=contact,
                kind=form.cleaned_data["kind"],
                new_value=form.cleaned_data["new_value"],
                source_message=source_message,
                action=form.cleaned_data.get("action") or None,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Change request opened. Next: send the confirmation."))
            return redirect("changes:change_detail", pk=change.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "company": company, "source_message": source_message}
    return render(request, "changes/change_open.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def change_open_for_contact(request, contact_pk):
    try:
        contact = contact_get(user=request.user, pk=contact_pk)
    except (Contact.DoesNotExist, Company.DoesNotExist):
        raise Http404 from None
    company = contact.company
    if not can_edit_company(request.user, company):
        raise PermissionDenied(_("You may not change this customer's contact details."))
    return _open_page(request, company=company, contacts=[contact], initial={"contact": contact.pk})


@require_http_methods(["GET", "POST"])
@login_required
def change_open_for_message(request, message_pk):
    try:
        message = message_get(user=request.user, pk=message_pk)
    except Message.DoesNotExist:
        raise Http404 from None
    company = message.company
    if company is None:
        raise Http404
    if not can_edit_company(request.user, company):
        raise PermissionDenied(_("You may not change this customer's contact details."))
    contacts = list(company.contacts.filter(status="active"))
    initial = {
        "contact": message.contact_id,
        "new_value": message.reply_to_address or message.from_address,
    }
    return _open_page(
        request, company=company, contacts=contacts, initial=initial, source_message=message
    )
