"""Shipment pages: the list (by state, carrier, ETA window), a shipment with its
containers, lines, events and the order's Incoterm, creating one from an order's lines,
editing it, its steps (booked, departed, arrived, delivered), events by hand and
containers. Each view parses, calls one service or selector, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.orders.permissions import can_edit_order
from chengxin.shipments import selectors, services
from chengxin.shipments.forms import (
    CancelForm,
    ContainerForm,
    CreateForm,
    EditForm,
    EventForm,
    ListFilterForm,
    StepForm,
)
from chengxin.shipments.models import State
from chengxin.shipments.permissions import can_edit_shipment
from chengxin.workflow.services import WRONG_STEP

PAGE_SIZE = 50


def _shipment_or_404(request, pk):
    return or_404(selectors.shipment_get, user=request.user, pk=pk)


@require_GET
@login_required
def shipment_list(request):
    form = ListFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    shipments = selectors.visible_shipments(
        request.user,
        state=filters.get("state") or "",
        carrier=filters.get("carrier") or "",
        eta_from=filters.get("eta_from"),
        eta_to=filters.get("eta_to"),
    ).order_by(F("eta").asc(nulls_last=True), "-id")
    page = Paginator(shipments, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "shipments/shipment_list.html", context)


def _detail_context(request, shipment, **forms):
    ports = selectors.ports_by_code([shipment.port_of_loading, shipment.port_of_discharge])
    may_edit = can_edit_shipment(request.user, shipment)
    return {
        "shipment": shipment,
        "order": shipment.order,
        "lines": list(shipment.lines.all()),
        "containers": list(shipment.containers.all()),
        "events": selectors.shipment_events(shipment),
        "steps": list(shipment.steps.select_related("actor")),
        "loading_port": ports.get(shipment.port_of_loading),
        "discharge_port": ports.get(shipment.port_of_discharge),
        "notes_to_check": selectors.shipment_notes(shipment, ports),
        "may_edit": may_edit,
        "event_form": forms.get("event_form") or EventForm(),
        "container_form": forms.get("container_form") or ContainerForm(),
        "step_form": StepForm(),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
        "State": State,
    }


@require_GET
@login_required
def shipment_detail(request, pk):
    shipment = _shipment_or_404(request, pk)
    return render(request, "shipments/shipment_detail.html", _detail_context(request, shipment))


def _carrier_list():
    return selectors.carrier_choices()


@require_http_methods(["GET", "POST"])
@login_required
def shipment_create(request, order_pk):
    order = or_404(selectors.order_get, user=request.user, pk=order_pk)
    remaining = selectors.order_lines_remaining(order)
    form = CreateForm(request.POST or None, remaining=remaining)
    status = 200
    if not can_edit_order(request.user, order):
        messages.error(request, _("You may not ship this order."))
        status = 403
        form = None
    elif request.method == "POST":
        if form.is_valid():
            try:
                shipment = or_404(
                    services.shipment_create,
                    actor=request.user,
                    order=order,
                    lines=form.lines(),
                    details=form.details(),
                    containers=form.container_rows(),
                )
            except ValidationError as exc:
                _apply_container_errors(form, exc)
            else:
                messages.success(
                    request, _("Shipment %(ref)s planned.") % {"ref": shipment.reference}
                )
                return redirect("shipments:shipment_detail", pk=shipment.pk)
        status = 422
    context = {
        "order": order,
        "form": form,
        "remaining": remaining,
        "carriers": _carrier_list(),
    }
    return render(request, "shipments/shipment_form.html", context, status=status)


def _apply_container_errors(form, exc: ValidationError) -> None:
    """Errors on ``containers.N.number`` shown on the containers field."""
    if hasattr(exc, "error_dict"):
        folded: dict[str, list[str]] = {}
        for field, texts in exc.message_dict.items():
            if field.startswith("containers."):
                n = int(field.split(".")[1]) + 1
                folded.setdefault("containers", []).extend(
                    _("Line %(n)s: %(text)s") % {"n": n, "text": t} for t in texts
                )
            else:
                folded.setdefault(field, []).extend(texts)
        exc = ValidationError(folded)
    apply_errors(form, exc)


def _initial(shipment) -> dict:
    return {name: getattr(shipment, name) for name in services.DETAIL_FIELDS}


@require_http_methods(["GET", "POST"])
@login_required
def shipment_edit(request, pk):
    shipment = _shipment_or_404(request, pk)
    if not can_edit_shipment(request.user, shipment):
        messages.error(request, _("You may not change this shipment."))
        return redirect("shipments:shipment_detail", pk=pk)
    form = EditForm(request.POST or None, initial=_initial(shipment))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                or_404(
                    services.shipment_update,
                    actor=request.user,
                    shipment=shipment,
                    details=form.details(),
                )
            except ValidationError as exc:
                if getattr(exc, "code", None) == WRONG_STEP:
                    messages.error(request, " ".join(exc.messages))
                    return redirect("shipments:shipment_detail", pk=pk)
                apply_errors(form, exc)
            else:
                messages.success(request, _("Shipment saved."))
                return redirect("shipments:shipment_detail", pk=pk)
        status = 422
    context = {"shipment": shipment, "order": shipment.order, "form": form,
               "carriers": _carrier_list()}  # fmt: skip
    return render(request, "shipments/shipment_edit.html", context, status=status)


def _rerender(request, shipment, **forms):
    context = _detail_context(request, shipment, **forms)
    return render(request, "shipments/shipment_detail.html", context, status=422)


def _run(request, pk, call, *, form_class=None, form_key="", success=""):
    """A step or a small form on the shipment's page: the service's refusal of the item's
    state is a message; of the input, the form again with its errors."""
    shipment = _shipment_or_404(request, pk)
    form = form_class(request.POST) if form_class else None
    done = reverse("shipments:shipment_detail", kwargs={"pk": pk})
    if form is not None and not form.is_valid():
        return _rerender(request, shipment, **{form_key: form})
    try:
        or_404(call, shipment, form.cleaned_data if form is not None else {})
    except ValidationError as exc:
        if form is None or form_key == "step" or getattr(exc, "code", None) == WRONG_STEP:
            messages.error(request, " ".join(exc.messages))
            return redirect(done)
        apply_errors(form, exc)
        return _rerender(request, shipment, **{form_key: form})
    if success:
        messages.success(request, success)
    return redirect(done)


@require_POST
@login_required
def shipment_book(request, pk):
    return _run(
        request, pk, lambda s, d: services.shipment_book(actor=request.user, shipment=s),
        success=_("Shipment booked."),
    )  # fmt: skip


def _step_view(service, success):
    @require_POST
    @login_required
    def view(request, pk):
        return _run(
            request, pk,
            lambda s, d: service(actor=request.user, shipment=s, at=d.get("at")),
            form_class=StepForm, form_key="step", success=success,
        )  # fmt: skip

    return view


# Made at import: the messages stay lazy, read in each user's language when shown.
shipment_depart = _step_view(services.shipment_depart, gettext_lazy("Departure recorded."))
shipment_arrive = _step_view(services.shipment_arrive, gettext_lazy("Arrival recorded."))
shipment_deliver = _step_view(services.shipment_deliver, gettext_lazy("Delivery recorded."))


@require_POST
@login_required
def event_add(request, pk):
    return _run(
        request, pk,
        lambda s, d: services.tracking_event_add(actor=request.user, shipment=s, **d),
        form_class=EventForm, form_key="event_form", success=_("Event recorded."),
    )  # fmt: skip


@require_POST
@login_required
def container_add(request, pk):
    return _run(
        request, pk,
        lambda s, d: services.container_add(actor=request.user, shipment=s, **d),
        form_class=ContainerForm, form_key="container_form", success=_("Container added."),
    )  # fmt: skip


@require_POST
@login_required
def container_remove(request, pk):
    container = or_404(selectors.container_get, user=request.user, pk=pk)
    done = reverse("shipments:shipment_detail", kwargs={"pk": container.shipment_id})
    try:
        or_404(services.container_remove, actor=request.user, container=container)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Container removed."))
    return redirect(done)


@require_POST
@login_required
def shipment_cancel(request, pk):
    return _run(
        request, pk,
        lambda s, d: services.shipment_cancel(actor=request.user, shipment=s, **d),
        form_class=CancelForm, form_key="cancel_form", success=_("Shipment cancelled."),
    )  # fmt: skip
