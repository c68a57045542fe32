"""Commitments pages: everything at risk or broken per owner; a promise with its
timeline, forecast and done forms; adding a promise to an order; the delay-warning draft
(edit, send); production updates with photos. Each view parses, calls one service or
selector, renders; a record the user may not see is a 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.commitments import selectors, services
from chengxin.commitments.forms import (
    DismissForm,
    DoneForm,
    ForecastForm,
    MilestoneForm,
    SendForm,
    UpdateForm,
    WarningForm,
)
from chengxin.commitments.models import Alternative, Milestone, WarningState
from chengxin.commitments.permissions import can_edit_order, require_edit
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404, run_action
from chengxin.core.zones import company_today
from chengxin.orders.models import OrderShipment
from chengxin.workflow.views import run_step


def _next_or(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _order(request, pk):
    return or_404(selectors.order_get, user=request.user, pk=pk)


def order_page(order) -> str:
    """The order's own page (the orders app), where the commitments section is shown."""
    return reverse("orders:order_detail", args=[order.pk])


@require_GET
@login_required
def attention(request):
    """Every promise at risk or broken (and not done) the user may see, per owner."""
    groups = selectors.needing_attention(request.user)
    context = {"groups": groups, "warning_days": settings.CHENGXIN_DELAY_WARNING_DAYS}
    return render(request, "commitments/attention.html", context)


# --- A promise ------------------------------------------------------------------------------


def _milestone_form(order, data=None) -> MilestoneForm:
    return MilestoneForm(
        data,
        contacts=services._buyer_contacts(order).order_by("name"),
        shipments=OrderShipment.objects.filter(order=order),
    )


@require_http_methods(["GET", "POST"])
@login_required
def milestone_new(request, order_pk):
    order = _order(request, order_pk)
    require_edit(request.user, order)
    form = _milestone_form(order, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                milestone = services.milestone_create(
                    actor=request.user, order=order, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The promise is recorded."))
                return redirect(
                    _next_or(request, reverse("commitments:milestone_detail", args=[milestone.pk]))
                )
        return render(
            request, "commitments/milestone_new.html", {"order": order, "form": form}, status=422
        )
    return render(request, "commitments/milestone_new.html", {"order": order, "form": form})


def _render_milestone(
    request, milestone: Milestone, *, forecast_form=None, done_form=None, status=200
):
    order = milestone.order
    context = {
        "milestone": milestone,
        "order": order,
        "steps": milestone.steps.select_related("actor"),
        "warnings": milestone.warnings.select_related("sent_by"),
        "may_edit": can_edit_order(request.user, order),
        "forecast_form": forecast_form
        or ForecastForm(initial={"forecast_on": milestone.forecast_on}),
        "done_form": done_form or DoneForm(initial={"done_on": company_today(timezone.now())}),
        "order_page": order_page(order),
    }
    return render(request, "commitments/milestone_detail.html", context, status=status)


def _milestone(request, pk) -> Milestone:
    return or_404(selectors.milestone_get, user=request.user, pk=pk)


@require_GET
@login_required
def milestone_detail(request, pk):
    return _render_milestone(request, _milestone(request, pk))


@require_POST
@login_required
def milestone_forecast(request, pk):
    milestone = _milestone(request, pk)
    require_edit(request.user, milestone.order)
    done = reverse("commitments:milestone_detail", args=[milestone.pk])
    return run_step(
        request,
        form=ForecastForm(request.POST),
        call=lambda data: services.milestone_forecast(
            actor=request.user,
            milestone=milestone,
            forecast_on=data["forecast_on"],
            note=data["note"],
        ),
        done=_next_or(request, done),
        rerender=lambda form: _render_milestone(request, milestone, forecast_form=form, status=422),
    )


@require_POST
@login_required
def milestone_done(request, pk):
    milestone = _milestone(request, pk)
    require_edit(request.user, milestone.order)
    done = reverse("commitments:milestone_detail", args=[milestone.pk])
    return run_step(
        request,
        form=DoneForm(request.POST),
        call=lambda data: services.milestone_done(
            actor=request.user, milestone=milestone, done_on=data["done_on"]
        ),
        done=_next_or(request, done),
        rerender=lambda form: _render_milestone(request, milestone, done_form=form, status=422),
    )


@require_POST
@login_required
def order_check(request, order_pk):
    """Evaluate the order's promises again now (the shipments' dates, the calendar)."""
    order = _order(request, order_pk)
    require_edit(request.user, order)
    return run_action(
        request,
        lambda: services.milestones_check(order=order),
        success=_("The promises are checked again."),
        then=_next_or(request, order_page(order)),
    )


# --- Warning the buyer ------------------------------------------------------------------------


def _warning(request, pk):
    return or_404(selectors.warning_get, user=request.user, pk=pk)


def _render_warning(request, warning, *, form=None, dismiss_form=None, status=200):
    order = warning.milestone.order
    channels = services.sendable_channels(order)
    if form is None:
        initial = {
            "alternative": warning.alternative,
            "subject": warning.subject,
            "body": warning.body,
        }
        preferred = channels.filter(contact=warning.contact).first() if warning.contact_id else None
        if preferred is not None:
            initial["channel"] = preferred.pk
        form = WarningForm(initial=initial, channels=channels)
    context = {
        "warning": warning,
        "milestone": warning.milestone,
        "order": order,
        "form": form,
        "dismiss_form": dismiss_form or DismissForm(),
        "alternatives": Alternative.choices,
        "no_channel": not channels.exists(),
        "may_edit": can_edit_order(request.user, order),
        "is_open": warning.state == WarningState.OPEN,
        "order_page": order_page(order),
    }
    return render(request, "commitments/warning_detail.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def warning_detail(request, pk):
    """The drafted letter: choose the alternative (the draft is written again), edit,
    send. ``action=redraft`` drafts again; otherwise it is sent."""
    warning = _warning(request, pk)
    if request.method == "GET":
        return _render_warning(request, warning)
    require_edit(request.user, warning.milestone.order)
    if request.POST.get("action") == "redraft":
        try:
            services.delay_warning_redraft(
                actor=request.user, warning=warning, alternative=request.POST.get("alternative", "")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("commitments:warning_detail", pk=warning.pk)
    channels = services.sendable_channels(warning.milestone.order)
    form = WarningForm(request.POST, channels=channels)
    if form.is_valid():
        try:
            services.delay_warning_send(actor=request.user, warning=warning, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The letter is queued: it goes out in the buyer's working hours.")
            )
            return redirect("commitments:milestone_detail", pk=warning.milestone_id)
    return _render_warning(request, warning, form=form, status=422)


@require_POST
@login_required
def warning_dismiss(request, pk):
    warning = _warning(request, pk)
    form = DismissForm(request.POST)
    if form.is_valid():
        try:
            services.delay_warning_dismiss(
                actor=request.user, warning=warning, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The proposal is dismissed."))
            return redirect("commitments:milestone_detail", pk=warning.milestone_id)
    else:
        require_edit(request.user, warning.milestone.order)
    return _render_warning(request, warning, dismiss_form=form, status=422)


# --- Production updates -----------------------------------------------------------------------


def _read_photos(files) -> list[tuple[str, bytes]]:
    """Each upload's bytes; one over the limit is read only one byte past it, enough for
    the service to refuse it."""
    limit = services._photo_limit()
    return [(upload.name or "", upload.read(limit + 1)) for upload in files]


def _update_form(order, data=None, files=None) -> UpdateForm:
    return UpdateForm(
        data,
        files,
        milestones=Milestone.objects.filter(order=order),
        channels=services.sendable_channels(order),
    )


@require_http_methods(["GET", "POST"])
@login_required
def update_new(request, order_pk):
    order = _order(request, order_pk)
    require_edit(request.user, order)
    if request.method == "GET":
        return render(
            request, "commitments/update_new.html", {"order": order, "form": _update_form(order)}
        )
    form = _update_form(order, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            update = services.production_update_record(
                actor=request.user,
                order=order,
                text=data["text"],
                photo_files=_read_photos(request.FILES.getlist("photos")),
                milestone=data["milestone"],
                channel=data["channel"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if update.sent_at:
                messages.success(
                    request, _("The update is queued: it goes out in the buyer's working hours.")
                )
            else:
                messages.success(request, _("The update is recorded."))
            return redirect("commitments:update_detail", pk=update.pk)
    return render(
        request, "commitments/update_new.html", {"order": order, "form": form}, status=422
    )


def _render_update(request, update, *, form=None, status=200):
    order = update.order
    channels = services.sendable_channels(order)
    context = {
        "update": update,
        "order": order,
        "photos": update.photos.only("pk", "name", "width", "height"),
        "may_edit": can_edit_order(request.user, order),
        "form": form or SendForm(channels=channels),
        "no_channel": not channels.exists(),
        "order_page": order_page(order),
    }
    return render(request, "commitments/update_detail.html", context, status=status)


@require_GET
@login_required
def update_detail(request, pk):
    return _render_update(request, or_404(selectors.update_get, user=request.user, pk=pk))


@require_POST
@login_required
def update_send(request, pk):
    update = or_404(selectors.update_get, user=request.user, pk=pk)
    form = SendForm(request.POST, channels=services.sendable_channels(update.order))
    if form.is_valid():
        try:
            services.production_update_send(
                actor=request.user, update=update, channel=form.cleaned_data["channel"]
            )
        except ValidationError as exc:
            if getattr(exc, "code", None) == "wrong_step":
                messages.error(request, " ".join(exc.messages))
                return redirect("commitments:update_detail", pk=update.pk)
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The update is queued: it goes out in the buyer's working hours.")
            )
            return redirect("commitments:update_detail", pk=update.pk)
    else:
        require_edit(request.user, update.order)
    return _render_update(request, update, form=form, status=422)


@require_GET
@login_required
def photo(request, pk):
    """A photo's bytes (decoded as a picture when it was uploaded), shown inline."""
    picture = or_404(selectors.photo_get, user=request.user, pk=pk)
    response = HttpResponse(bytes(picture.content), content_type=picture.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=picture.name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, max-age=3600"
    return response
