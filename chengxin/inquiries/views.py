"""Inquiry pages: the list per owner (proposed, late, due soon, answered), one inquiry
with its clocks, the message, the products' stock, and the reply, full-answer and call
forms; recording one by hand or from a message; the company's own calendar days."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.accounts.models import Role, User
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404, run_action
from chengxin.inquiries import selectors, services
from chengxin.inquiries.calendar import company_calendar
from chengxin.inquiries.forms import (
    AnswerForm,
    CalendarDayForm,
    CallForm,
    CloseForm,
    DismissForm,
    InquiryForm,
    ReplyForm,
)
from chengxin.inquiries.models import CalendarDay, Inquiry, State
from chengxin.inquiries.permissions import (
    can_create_inquiry,
    can_edit_calendar,
    can_edit_inquiry,
    require_create_inquiry,
    require_edit_calendar,
    require_edit_inquiry,
)
from chengxin.inquiries.working_time import ADJUSTED_WORKDAY
from chengxin.mail.selectors import message_get
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q
from chengxin.parties.selectors import company_get
from chengxin.workflow.views import run_step

ALL = "all"


def _owner_filter(request) -> tuple[str, int | None]:
    """The list's owner filter: "all", a user's id, or by default the viewer's own (a
    sales rep) or all (managers and finance)."""
    raw = request.GET.get("owner", "")
    if raw == ALL:
        return ALL, None
    if raw.isdigit():
        return raw, int(raw)
    if request.user.sees_all_customers:
        return ALL, None
    return str(request.user.pk), request.user.pk


@require_GET
@login_required
def inquiry_list(request):
    chosen, owner = _owner_filter(request)
    sections = selectors.inquiry_sections(request.user, owner=owner)
    owners = User.objects.filter(is_active=True, role__in=[Role.SALES, Role.MANAGER]).order_by(
        "username"
    )
    return render(
        request,
        "inquiries/inquiry_list.html",
        {
            **sections,
            "owners": owners,
            "chosen_owner": chosen,
            "may_edit_calendar": can_edit_calendar(request.user),
        },
    )


def _inquiry_or_404(request, pk) -> Inquiry:
    return or_404(selectors.inquiry_get, user=request.user, pk=pk)


def _initial_to(inquiry: Inquiry) -> str:
    if inquiry.message is not None:
        return inquiry.message.reply_to_address or inquiry.message.from_address
    if inquiry.contact is not None:
        channel = inquiry.contact.channels.filter(kind="email", is_active=True).first()
        if channel is not None:
            return channel.value
    return ""


def _render_detail(request, inquiry: Inquiry, *, status: int = 200, **forms) -> HttpResponse:
    now = timezone.now()
    calendar = company_calendar()
    clocks = selectors.clocks(inquiry, calendar=calendar, now=now)
    may_edit = can_edit_inquiry(request.user, inquiry)
    to = _initial_to(inquiry)
    subject = (
        inquiry.subject if inquiry.subject.lower().startswith("re:") else f"Re: {inquiry.subject}"
    )
    context = {
        "inquiry": inquiry,
        "clocks": clocks,
        "products": list(inquiry.products.all()),
        "steps": list(inquiry.steps.select_related("actor")),
        "may_edit": may_edit,
        "running": inquiry.state in (State.PROPOSED, State.OPEN),
        "reply_form": forms.get("reply_form") or ReplyForm(initial={"to": to, "subject": subject}),
        "answer_form": forms.get("answer_form")
        or AnswerForm(initial={"to": to, "subject": subject}),
        "call_form": forms.get("call_form") or CallForm(),
        "dismiss_form": forms.get("dismiss_form") or DismissForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "calendar_zone": calendar.zone_name,
    }
    return render(request, "inquiries/inquiry_detail.html", context, status=status)


@require_GET
@login_required
def inquiry_detail(request, pk):
    return _render_detail(request, _inquiry_or_404(request, pk))


def _step_view(form_class, form_name: str, call, success):
    """A POST from the inquiry's page that runs one service with the form's data."""

    @require_POST
    @login_required
    def view(request, pk):
        inquiry = _inquiry_or_404(request, pk)
        require_edit_inquiry(request.user, inquiry)
        form = form_class(request.POST) if form_class is not None else None

        def run(data):
            call(request.user, inquiry, data)
            messages.success(request, success)

        return run_step(
            request,
            form=form,
            call=run,
            done=reverse("inquiries:inquiry_detail", args=[inquiry.pk]),
            rerender=lambda bound: _render_detail(
                request, inquiry, status=422, **{form_name: bound}
            ),
        )

    return view


inquiry_reply = _step_view(
    ReplyForm,
    "reply_form",
    lambda actor, inquiry, data: services.inquiry_reply(actor=actor, inquiry=inquiry, **data),
    _lazy("The reply is in the outbox; the first-response clock stopped."),
)
inquiry_answer = _step_view(
    AnswerForm,
    "answer_form",
    lambda actor, inquiry, data: services.inquiry_full_answer(actor=actor, inquiry=inquiry, **data),
    _lazy("The full answer is in the outbox; the clocks stopped."),
)
inquiry_call = _step_view(
    CallForm,
    "call_form",
    lambda actor, inquiry, data: services.inquiry_call_log(actor=actor, inquiry=inquiry, **data),
    _lazy("The call is logged; the first-response clock stopped."),
)
inquiry_dismiss = _step_view(
    DismissForm,
    "dismiss_form",
    lambda actor, inquiry, data: services.inquiry_dismiss(actor=actor, inquiry=inquiry, **data),
    _lazy("Dismissed: it is not counted as an inquiry."),
)
inquiry_close = _step_view(
    CloseForm,
    "close_form",
    lambda actor, inquiry, data: services.inquiry_close(actor=actor, inquiry=inquiry, **data),
    _lazy("The inquiry is closed."),
)


@require_POST
@login_required
def inquiry_accept(request, pk):
    inquiry = _inquiry_or_404(request, pk)
    require_edit_inquiry(request.user, inquiry)
    return run_action(
        request,
        lambda: services.inquiry_accept(actor=request.user, inquiry=inquiry),
        success=_("Accepted: the clocks run from the message's arrival."),
        then=reverse("inquiries:inquiry_detail", args=[inquiry.pk]),
    )


@require_POST
@login_required
def inquiry_from_message(request, message_pk):
    message = or_404(message_get, user=request.user, pk=message_pk)
    try:
        inquiry = services.inquiry_create_from_message(actor=request.user, message=message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("mail:message_detail", pk=message.pk)
    messages.success(request, _("Recorded as an inquiry; its clocks started when it arrived."))
    return redirect("inquiries:inquiry_detail", pk=inquiry.pk)


def _editable_companies(user):
    return Company.objects.live().filter(visible_companies_q(user)).order_by("legal_name")


@require_http_methods(["GET", "POST"])
@login_required
def inquiry_create(request):
    """By hand: first the customer (``?company=``), then the inquiry."""
    raw = request.GET.get("company", "")
    if not raw.isdigit():
        companies = [c for c in _editable_companies(request.user)[:500]
                     if can_create_inquiry(request.user, c)]  # fmt: skip
        status = 422 if request.method == "POST" else 200
        return render(
            request, "inquiries/inquiry_pick_company.html", {"companies": companies}, status=status
        )
    company = or_404(company_get, user=request.user, pk=int(raw))
    require_create_inquiry(request.user, company)
    if request.method == "POST":
        form = InquiryForm(request.POST, company=company)
        if form.is_valid():
            try:
                inquiry = services.inquiry_create(
                    actor=request.user, company=company, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The inquiry is recorded; its clocks run."))
                return redirect("inquiries:inquiry_detail", pk=inquiry.pk)
        status = 422
    else:
        form, status = InquiryForm(company=company), 200
    return render(
        request, "inquiries/inquiry_create.html", {"company": company, "form": form}, status=status
    )


# --- The company's calendar ------------------------------------------------------------------


def _calendar_page(request, form, *, status=200) -> HttpResponse:
    calendar = company_calendar()
    today = timezone.localdate(timezone=calendar.zone)
    upcoming = []
    for offset in range(120):
        day = today + datetime.timedelta(days=offset)
        working, name = calendar.day_status(day)
        if name:
            if name == ADJUSTED_WORKDAY:
                name = _("Weekend day made a working day")
            upcoming.append({"date": day, "working": working, "name": name})
    return render(
        request,
        "inquiries/calendar.html",
        {
            "days": list(CalendarDay.objects.select_related("created_by")),
            "upcoming": upcoming,
            "form": form,
            "may_edit": can_edit_calendar(request.user),
            "calendar": calendar,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def calendar_days(request):
    """The company's working calendar: its own days (managers add and remove them) and the
    days off and adjusted working days ahead."""
    if request.method == "POST":
        require_edit_calendar(request.user)
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            try:
                services.calendar_day_set(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The day is set; running clocks follow it."))
                return redirect("inquiries:calendar")
        return _calendar_page(request, form, status=422)
    return _calendar_page(request, CalendarDayForm())


@require_POST
@login_required
def calendar_day_remove(request, pk):
    require_edit_calendar(request.user)
    day = or_404(CalendarDay.objects.get, pk=pk)
    return run_action(
        request,
        lambda: services.calendar_day_remove(actor=request.user, day=day),
        success=_("The day follows the country's calendar again."),
        then=reverse("inquiries:calendar"),
    )
