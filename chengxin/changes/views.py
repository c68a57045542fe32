"""The change-request pages: the list by step, one request with its timeline and the form
of its current step, and opening a request from a contact or a message (and from the
"+ Add channel" and "make primary" buttons of a customer's page). Each view parses,
calls one service, renders; the services decide what is allowed."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.changes import selectors
from chengxin.changes.forms import ChangeOpenForm, ChannelForm, LetterForm, NotesForm, VerifyForm
from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.permissions import awaits_approval, can_act_on_change, change_approvers
from chengxin.changes.services import (
    applying,
    approval,
    confirmation,
    notice,
    opening,
    rejection,
    review,
    verification,
)
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.guard.selectors import assessment_view
from chengxin.mail.selectors import message_get
from chengxin.parties.models import Contact
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.selectors import channel_get, contact_get
from chengxin.workflow.four_eyes import candidates
from chengxin.workflow.views import run_step


def _request_or_404(request, pk) -> ChangeRequest:
    return or_404(selectors.change_get, user=request.user, pk=pk)


@require_GET
@login_required
def change_list(request):
    open_changes = selectors.open_changes(user=request.user)
    waiting = [change for change, _due, _late in open_changes.rows if awaits_approval(change)]
    people = candidates() if waiting else []
    nobody = {c.pk for c in waiting if change_approvers(c, people=people).blocked}
    context = {"open": open_changes, "nobody_approves": nobody}
    return render(request, "changes/change_list.html", context)


def _verify_form(change: ChangeRequest, data=None) -> VerifyForm:
    """The out-of-band check's form, offering the channels that may serve."""
    eligible = list(verification.verification_channels(change))
    return VerifyForm(data, company=change.contact.company, eligible=eligible)


def _draft_form(draft) -> LetterForm:
    """A letter's form, filled with its draft."""
    return LetterForm(initial={"subject": draft.subject, "body": draft.body})


def _forms_for(request, change: ChangeRequest, bound=None) -> dict:
    """The form of the current step only (a bound one when it came back with errors)."""
    user = request.user
    if bound is not None:
        return {"step_form": bound}
    if change.state == State.OPENED:
        draft = confirmation.change_confirm_draft(request=change, actor=user)
        return {"step_form": _draft_form(draft)}
    if change.state == State.CONFIRM_SENT:
        return {"step_form": _verify_form(change)}
    if change.state == State.APPLIED:
        draft = notice.change_notice_draft(request=change, actor=user)
        return {"step_form": _draft_form(draft)}
    if change.state in (State.VERIFIED, State.REVIEW_DUE):
        return {"step_form": NotesForm()}
    return {"step_form": None}


def _resend_form(request, change: ChangeRequest):
    """A new confirmation letter, when the last one could not be delivered."""
    if change.state not in (State.CONFIRM_SENT, State.VERIFIED, State.APPROVED):
        return None
    status = confirmation.confirmation_status(change)
    if status not in confirmation.CONFIRMATION_FAILED_STATUSES:
        return None
    draft = confirmation.change_confirm_draft(request=change, actor=request.user)
    return _draft_form(draft)


def _render_detail(request, change: ChangeRequest, bound=None, status=200):
    context = {
        "change": change,
        "steps": list(change.steps.select_related("actor")),
        "can_act": can_act_on_change(request.user, change),
        "confirm_to": confirmation.change_confirm_recipient(change),
        "notice_to": notice.change_notice_recipient(change),
        "confirm_delivery": selectors.outbound_status(change.confirm_message_id),
        "new_value_foreign": selectors.new_value_foreign_domain(change),
        "apply_blocker": (
            applying.apply_blocker(change)
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


def _letter_form(change: ChangeRequest, data) -> LetterForm:
    return LetterForm(data)


def _notes_form(change: ChangeRequest, data) -> NotesForm:
    return NotesForm(data)


def _step(service: Callable, form: Callable | None):
    """The page of one step (a POST): ``form(change, data)`` is the step's form (None: a
    step without input), whose fields are the arguments of ``service``."""

    @require_POST
    @login_required
    def view(request, pk):
        change = _request_or_404(request, pk)
        return run_step(
            request,
            form=form(change, request.POST) if form is not None else None,
            call=lambda data: service(actor=request.user, request=change, **data),
            done=reverse("changes:change_detail", args=[change.pk]),
            rerender=lambda bound: _render_detail(request, change, bound=bound, status=422),
        )

    return view


change_confirm = _step(confirmation.change_confirm_send, _letter_form)
change_verify = _step(verification.change_verify, _verify_form)
change_approve = _step(approval.change_approve, _notes_form)
change_apply = _step(applying.change_apply, None)
change_notice = _step(notice.change_notice_send, _letter_form)
change_close = _step(review.change_review_close, _notes_form)
change_withdraw = _step(rejection.change_withdraw, _notes_form)


def _open_page(request, *, company, contacts, initial, source_message=None):
    form = ChangeOpenForm(request.POST or None, contacts=contacts, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact = next(c for c in contacts if c.pk == form.cleaned_data["contact"])
        try:
            change = opening.change_open(
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


def _contact_or_404(request, pk) -> Contact:
    return or_404(contact_get, user=request.user, pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def change_open_for_contact(request, contact_pk):
    contact = _contact_or_404(request, contact_pk)
    company = contact.company
    if not can_edit_company(request.user, company):
        raise PermissionDenied(_("You may not change this customer's contact details."))
    return _open_page(request, company=company, contacts=[contact], initial={"contact": contact.pk})


@require_http_methods(["GET", "POST"])
@login_required
def change_open_for_message(request, message_pk):
    message = or_404(message_get, user=request.user, pk=message_pk)
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


# The buttons on a customer's page that open a request (they live at the customer's
# addresses, see urls.py): a new channel of an existing contact, or a change of primary,
# is a change of their details.


@require_http_methods(["GET", "POST"])
@login_required
def channel_add(request, pk):
    """The "+ Add channel" button of an existing contact: opens a change request (the
    five-step loop), never writes the channel at once."""
    contact = _contact_or_404(request, pk)
    company = contact.company
    if not can_edit_company(request.user, company):
        raise Http404
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = opening.change_open(
                actor=request.user,
                contact=contact,
                kind=data["kind"],
                new_value=data["value"],
                action="add",
                make_primary=data["primary"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "new_value" in exc.error_dict:
                exc = ValidationError({"value": exc.error_dict.pop("new_value"), **exc.error_dict})
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Change request opened: the channel is added once the contact confirmed it "
                  "and you verified it through a channel on file."),
            )  # fmt: skip
            return redirect("changes:change_detail", pk=change.pk)
    return render(
        request, "changes/channel_form.html", {"form": form, "contact": contact, "company": company}
    )


@require_POST
@login_required
def channel_make_primary(request, pk):
    """The "make primary" button: opens a change request for it (a change of primary is a
    change)."""
    channel = or_404(channel_get, user=request.user, pk=pk)
    try:
        change = opening.change_open(
            actor=request.user, contact=channel.contact, kind=channel.kind, new_value=channel.value
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("parties:company_detail", pk=channel.contact.company_id)
    messages.success(
        request, _("Change request opened: the channel becomes primary once the loop is done.")
    )
    return redirect("changes:change_detail", pk=change.pk)
