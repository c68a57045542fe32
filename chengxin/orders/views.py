"""Quotes and orders: the pages. Each view parses, calls one service or selector,
renders; the services decide what is allowed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.catalog.selectors import stock_for
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.orders import forms as f
from chengxin.orders import permissions as perms
from chengxin.orders import selectors, services
from chengxin.orders.models import (
    Order,
    OrderState,
    OrderStepKind,
    PaymentMethod,
    Quote,
    QuoteState,
)
from chengxin.orders.terms import PaymentTerms, TermsError
from chengxin.orders.texts import terms_text
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q

PAGE_SIZE = 50
# The first pages of the whole list are read along the date index (a rep's customers
# tested per row); later ones, and filtered lists, through the customer's indexes, sorted.
NEAR_PAGES = 5
# What the order lists show: the rest (terms, notes...) stays in the database.
LIST_FIELDS = (
    "number", "order_date", "company_id", "company__legal_name", "currency", "total", "paid",
    "open_balance", "next_due_at", "state", "owner__username", "owner__first_name",
    "owner__last_name",
)  # fmt: skip
BALANCE_FIELDS = (
    "number", "order_date", "company_id", "currency", "total", "paid", "open_balance",
    "next_due_at", "state",
)  # fmt: skip


def _quote_or_404(request, pk) -> Quote:
    return or_404(
        selectors.visible_quotes(request.user).select_related("company", "owner").get, pk=pk
    )


def _order_or_404(request, pk) -> Order:
    return or_404(
        selectors.visible_orders(request.user).select_related("company", "owner", "quote").get,
        pk=pk,
    )


def _company_or_404(request, pk) -> Company:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    return or_404(Company.objects.filter(visible_companies_q(request.user)).distinct().get, pk=pk)


def _save(form, call):
    """Call the service; its refusal on the form. True when done."""
    try:
        call()
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc))
        return False
    return True


# --- quotes ------------------------------------------------------------------------


@require_GET
@login_required
def quote_list(request):
    quotes = selectors.visible_quotes(request.user).select_related("company", "owner")
    state = request.GET.get("state", "")
    if state in QuoteState.values:
        quotes = quotes.filter(state=state)
    page = Paginator(quotes.order_by("-created_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "orders/quote_list.html",
        {"page": page, "state": state, "states": QuoteState.choices},
    )


def _quote_form(request, *, company, quote=None):
    if quote is not None:
        terms = PaymentTerms.from_dict(quote.terms)
        initial = {
            "currency": quote.currency, "incoterm": quote.incoterm,
            "named_place": quote.named_place, "valid_until": quote.valid_until,
            "notes": quote.notes, "payment_methods": list(quote.payment_methods.all()),
            "contact": quote.contact_id,
        }  # fmt: skip
        lines = [
            {"product": line.product, "description": line.description, "quantity": line.quantity,
             "unit": line.unit, "unit_price": line.unit_price}
            for line in quote.lines.all()
        ]  # fmt: skip
    else:
        terms = services.default_terms_for(company)
        initial = {
            "currency": company.currency or "USD",
            "valid_until": timezone.localdate() + timezone.timedelta(days=30),
            "payment_methods": list(PaymentMethod.objects.filter(is_active=True)),
        }
        lines = []
    data = request.POST if request.method == "POST" else None
    return (
        f.QuoteForm(data, initial=initial, company=company),
        f.LineFormSet(data, initial=lines, prefix="lines"),
        f.TermsForm(data, initial=f.TermsForm.initial_from(terms), prefix="terms"),
    )


def _forms_valid(*forms_) -> bool:
    return all([form.is_valid() for form in forms_])


def _lines_or_error(form, formset):
    try:
        return f.lines_from(formset)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@require_http_methods(["GET", "POST"])
@login_required
def quote_new(request):
    company = _company_or_404(request, request.GET.get("company"))
    if not perms.can_create_for(request.user, company):
        raise PermissionDenied
    form, formset, terms_form = _quote_form(request, company=company)
    if request.method == "POST" and _forms_valid(form, formset, terms_form):
        lines = _lines_or_error(form, formset)
        data = form.cleaned_data
        created = {}
        if lines is not None and _save(
            form,
            lambda: created.setdefault(
                "quote",
                services.quote_create(
                    actor=request.user, company=company, currency=data["currency"].upper(),
                    incoterm=data["incoterm"], named_place=data["named_place"],
                    valid_until=data["valid_until"], lines=lines, terms=terms_form.terms(),
                    payment_methods=data["payment_methods"], notes=data["notes"],
                    inquiry_id=_int_or_none(request.GET.get("inquiry")),
                    contact_id=data["contact"].pk if data["contact"] else None, now=timezone.now(),
                ),
            ),
        ):  # fmt: skip
            return redirect("orders:quote_detail", created["quote"].pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "formset": formset, "terms_form": terms_form, "company": company}
    return render(request, "orders/quote_form.html", context, status=status)


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_http_methods(["GET", "POST"])
@login_required
def quote_edit(request, pk):
    quote = _quote_or_404(request, pk)
    if not perms.can_edit_quote(request.user, quote):
        raise PermissionDenied
    form, formset, terms_form = _quote_form(request, company=quote.company, quote=quote)
    if request.method == "POST" and _forms_valid(form, formset, terms_form):
        lines = _lines_or_error(form, formset)
        data = form.cleaned_data
        if lines is not None and _save(
            form,
            lambda: services.quote_update(
                actor=request.user, quote=quote, currency=data["currency"].upper(),
                incoterm=data["incoterm"], named_place=data["named_place"],
                valid_until=data["valid_until"], lines=lines, terms=terms_form.terms(),
                payment_methods=data["payment_methods"], notes=data["notes"],
                contact_id=data["contact"].pk if data["contact"] else None, now=timezone.now(),
            ),
        ):  # fmt: skip
            return redirect("orders:quote_detail", quote.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "formset": formset, "terms_form": terms_form, "company": quote.company, "quote": quote}  # fmt: skip
    return render(request, "orders/quote_form.html", context, status=status)


@require_GET
@login_required
def quote_detail(request, pk):
    quote = _quote_or_404(request, pk)
    try:
        terms = terms_text(PaymentTerms.from_dict(quote.terms))
    except TermsError:
        terms = []
    lines = list(quote.lines.select_related("product"))
    context = {
        "quote": quote,
        "lines": lines,
        "stock": stock_for(line.product_id for line in lines),
        "methods": quote.payment_methods.all(),
        "terms": terms,
        "steps": quote.steps.select_related("actor"),
        "may_edit": perms.can_edit_quote(request.user, quote),
        "order": Order.objects.filter(quote=quote).first(),
    }
    return render(request, "orders/quote_detail.html", context)


def _quote_action(request, pk, call, success):
    quote = _quote_or_404(request, pk)
    try:
        result = call(quote)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("orders:quote_detail", quote.pk)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("You may not do this."))
        return redirect("orders:quote_detail", quote.pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    messages.success(request, success)
    if isinstance(result, Order):
        return redirect("orders:order_detail", result.pk)
    return redirect("orders:quote_detail", quote.pk)


@require_POST
@login_required
def quote_send(request, pk):
    return _quote_action(
        request, pk, lambda q: services.quote_send(actor=request.user, quote=q, now=timezone.now()),
        _("Quote marked sent."),
    )  # fmt: skip


@require_POST
@login_required
def quote_accept(request, pk):
    return _quote_action(
        request, pk, lambda q: services.quote_accept(actor=request.user, quote=q, now=timezone.now()),
        _("The quote is accepted: here is the order."),
    )  # fmt: skip


@require_POST
@login_required
def quote_decline(request, pk):
    notes = str(request.POST.get("notes", ""))
    return _quote_action(
        request, pk,
        lambda q: services.quote_decline(actor=request.user, quote=q, notes=notes, now=timezone.now()),
        _("Quote marked declined."),
    )  # fmt: skip


# --- orders ------------------------------------------------------------------------


@require_GET
@login_required
def order_list(request):
    form = f.OrderFilterForm(request.GET or None)
    filters = Q()
    if form.is_valid():
        data = form.cleaned_data
        if data["owner"]:
            filters &= Q(owner=data["owner"])
        if data["state"]:
            filters &= Q(state=data["state"])
        if data["customer"]:
            filters &= Q(company_id=data["customer"])
        if data["overdue"]:
            filters &= selectors.overdue_q(timezone.now())
    # The page's ids first (one table, its indexes), then those rows with their customer
    # and owner: no join lets the database read thousands of rows for fifty.
    counted = selectors.visible_orders(request.user).filter(filters)
    number = request.GET.get("page")
    near = not filters and str(number or "1").isdigit() and int(number or 1) <= NEAR_PAGES
    ordered = (
        selectors.visible_orders_newest_first(request.user)
        if near
        else counted.order_by("-order_date", "-id")
    )
    ids = ordered.filter(filters).values_list("pk", flat=True)
    page = CountedPaginator(ids, PAGE_SIZE, counted=counted).get_page(number)
    wanted = list(page.object_list)
    rows = Order.objects.filter(pk__in=wanted).select_related("company", "owner").only(*LIST_FIELDS)
    by_id = {order.pk: order for order in rows}
    page.object_list = [by_id[pk] for pk in wanted if pk in by_id]
    links = {
        "order": reverse("orders:order_list"),
        "balance": reverse("orders:buyer_balance", args=[1]).removesuffix("1/"),
        "states": _state_names(),
        "rates": selectors.rates_to_base(
            (order.currency for order in page.object_list), on=timezone.localdate()
        ),
    }
    return render(
        request,
        "orders/order_list.html",
        {"page": page, "form": form, "links": links, "base_currency": selectors.base_currency()},
    )


def _state_names() -> dict[str, str]:
    """The orders' states named in the reader's language, once for a list's rows."""
    return {value: str(label) for value, label in OrderState.choices}


class CountedPaginator(Paginator):
    """A paginator whose total comes from another (equivalent) queryset."""

    def __init__(self, object_list, per_page, *, counted, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._counted = counted

    @cached_property
    def count(self) -> int:
        return self._counted.count()


@require_http_methods(["GET", "POST"])
@login_required
def order_new(request):
    company = _company_or_404(request, request.GET.get("company"))
    if not perms.can_create_for(request.user, company):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = f.OrderForm(
        data,
        initial={"currency": company.currency or "USD", "order_date": timezone.localdate(),
                 "rate_rule": "order_date"},
    )  # fmt: skip
    formset = f.LineFormSet(data, prefix="lines")
    terms_form = f.TermsForm(
        data, initial=f.TermsForm.initial_from(services.default_terms_for(company)), prefix="terms"
    )
    if request.method == "POST" and _forms_valid(form, formset, terms_form):
        lines = _lines_or_error(form, formset)
        d = form.cleaned_data
        created = {}
        if lines is not None and _save(
            form,
            lambda: created.setdefault(
                "order",
                services.order_create(
                    actor=request.user, company=company, currency=d["currency"].upper(),
                    incoterm=d["incoterm"], named_place=d["named_place"], lines=lines,
                    order_date=d["order_date"], terms=terms_form.terms(),
                    payment_methods=d["payment_methods"], rate_rule=d["rate_rule"],
                    locked_rate=d["locked_rate"], locked_until=d["locked_until"],
                    notes=d["notes"], now=timezone.now(),
                ),
            ),
        ):  # fmt: skip
            return redirect("orders:order_detail", created["order"].pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "formset": formset, "terms_form": terms_form, "company": company}
    return render(request, "orders/order_form.html", context, status=status)


def _receipts(user, order):
    """The money received that finance may match to this order (None: not for them)."""
    if not perms.can_record_payment(user, order):
        return None
    return selectors.receipts_to_match(order)


def _detail_context(request, order, **forms_):
    user = request.user
    lines = selectors.shipped_and_remaining(order)
    receipts = _receipts(user, order)
    context = {
        "order": order,
        "lines": lines,
        "stock": stock_for(row["line"].product_id for row in lines),
        "schedule": order.schedule.select_related("shipment"),
        "payments": order.payments.select_related(
            "recorded_by", "reversed_by", "received_payment__account"
        ),
        "reconciliation": selectors.order_reconciliation(order),
        "receipts": receipts,
        "match_form": f.MatchForm(receipts=receipts, prefix="match")
        if receipts is not None
        else None,
        "reverse_form": f.ReverseForm(prefix="reverse"),
        "may_edit_lines": perms.can_edit_order(user, order)
        and order.state in services.LINES_EDITABLE,
        "shipments": order.shipments.prefetch_related("lines__order_line"),
        "profit": selectors.order_profit(order),
        "steps": order.steps.select_related("actor"),
        "terms": terms_text(PaymentTerms.from_dict(order.terms)) if order.terms else [],
        "may_edit": perms.can_edit_order(user, order),
        "may_pay": perms.can_record_payment(user, order),
        "may_cost": perms.can_record_cost(user, order),
        "payment_form": forms_.get("payment_form")
        or f.PaymentForm(
            initial={"currency": order.currency, "received_on": timezone.localdate()},
            receipts=receipts,
        ),
        "cost_form": forms_.get("cost_form")
        or f.CostForm(initial={"currency": order.currency, "incurred_on": timezone.localdate()}),
        "step_kinds": [
            (OrderStepKind.PRODUCTION, _("Start production")),
            (OrderStepKind.COMPLETED, _("Complete")),
            (OrderStepKind.CANCELLED, _("Cancel the order")),
        ],
    }
    return context


@require_GET
@login_required
def order_detail(request, pk):
    order = _order_or_404(request, pk)
    return render(request, "orders/order_detail.html", _detail_context(request, order))


@require_POST
@login_required
def order_payment(request, pk):
    order = _order_or_404(request, pk)
    if not perms.can_record_payment(request.user, order):
        raise PermissionDenied
    form = f.PaymentForm(request.POST, receipts=selectors.receipts_to_match(order))
    if form.is_valid() and _save(
        form,
        lambda: services.payment_record(
            actor=request.user, order=order, currency=form.cleaned_data["currency"].upper(),
            amount=form.cleaned_data["amount"], received_on=form.cleaned_data["received_on"],
            reference=form.cleaned_data["reference"],
            received_payment=form.cleaned_data["received_payment"], now=timezone.now(),
        ),
    ):  # fmt: skip
        messages.success(request, _("Payment recorded."))
        return redirect("orders:order_detail", order.pk)
    order.refresh_from_db()
    context = _detail_context(request, order, payment_form=form)
    return render(request, "orders/order_detail.html", context, status=422)


@require_POST
@login_required
def order_cost(request, pk):
    order = _order_or_404(request, pk)
    if not perms.can_record_cost(request.user, order):
        raise PermissionDenied
    form = f.CostForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda: services.cost_add(
            actor=request.user, order=order, label=form.cleaned_data["label"],
            amount=form.cleaned_data["amount"], currency=form.cleaned_data["currency"].upper(),
            incurred_on=form.cleaned_data["incurred_on"], now=timezone.now(),
        ),
    ):  # fmt: skip
        messages.success(request, _("Cost added."))
        return redirect("orders:order_detail", order.pk)
    context = _detail_context(request, order, cost_form=form)
    return render(request, "orders/order_detail.html", context, status=422)


def _payment_or_404(order, payment_pk):
    return or_404(order.payments.get, pk=payment_pk)


def _cost_or_404(order, cost_pk):
    return or_404(order.costs.get, pk=cost_pk)


def _run(request, call, success) -> bool:
    """Call the service; its refusal as a message. True when done."""
    try:
        call()
    except (ValidationError, PermissionDenied) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text or _("You may not do this."))
        return False
    except ObjectDoesNotExist:
        raise Http404 from None
    messages.success(request, success)
    return True


@require_POST
@login_required
def order_payment_reverse(request, pk, payment_pk):
    order = _order_or_404(request, pk)
    payment = _payment_or_404(order, payment_pk)
    if not perms.can_record_payment(request.user, order):
        raise PermissionDenied
    form = f.ReverseForm(request.POST, prefix="reverse")
    if not form.is_valid():
        messages.error(request, _("Say why the payment is reversed."))
        return redirect("orders:order_detail", order.pk)
    _run(
        request,
        lambda: services.payment_reverse(
            actor=request.user, payment=payment, reason=form.cleaned_data["reason"],
            now=timezone.now(),
        ),
        _("Payment reversed: it no longer counts, and the open balance follows."),
    )  # fmt: skip
    return redirect("orders:order_detail", order.pk)


@require_POST
@login_required
def order_payment_match(request, pk, payment_pk):
    order = _order_or_404(request, pk)
    payment = _payment_or_404(order, payment_pk)
    if not perms.can_record_payment(request.user, order):
        raise PermissionDenied
    form = f.MatchForm(request.POST, receipts=selectors.receipts_to_match(order), prefix="match")
    if not form.is_valid():
        messages.error(request, " ".join(m for e in form.errors.values() for m in e))
        return redirect("orders:order_detail", order.pk)
    _run(
        request,
        lambda: services.payment_match(
            actor=request.user, payment=payment,
            received_payment=form.cleaned_data["received_payment"], now=timezone.now(),
        ),
        _("Payment matched to the money received."),
    )  # fmt: skip
    return redirect("orders:order_detail", order.pk)


@require_http_methods(["GET", "POST"])
@login_required
def order_cost_edit(request, pk, cost_pk):
    order = _order_or_404(request, pk)
    cost = _cost_or_404(order, cost_pk)
    if not perms.can_record_cost(request.user, order):
        raise PermissionDenied
    initial = {name: getattr(cost, name) for name in ("label", "amount", "currency", "incurred_on")}
    form = f.CostForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if _save(
            form,
            lambda: services.cost_update(
                actor=request.user, cost=cost, label=d["label"], amount=d["amount"],
                currency=d["currency"].upper(), incurred_on=d["incurred_on"], now=timezone.now(),
            ),
        ):  # fmt: skip
            messages.success(request, _("Cost corrected."))
            return redirect("orders:order_detail", order.pk)
    status = 422 if request.method == "POST" else 200
    context = {"order": order, "cost": cost, "form": form}
    return render(request, "orders/cost_form.html", context, status=status)


@require_POST
@login_required
def order_cost_remove(request, pk, cost_pk):
    order = _order_or_404(request, pk)
    cost = _cost_or_404(order, cost_pk)
    if not perms.can_record_cost(request.user, order):
        raise PermissionDenied
    _run(
        request,
        lambda: services.cost_remove(actor=request.user, cost=cost, now=timezone.now()),
        _("Cost removed."),
    )
    return redirect("orders:order_detail", order.pk)


def _order_lines_initial(order) -> list[dict]:
    return [
        {"line_id": line.pk, "product": line.product_id, "description": line.description,
         "quantity": line.quantity.normalize(), "unit": line.unit,
         "unit_price": line.unit_price.normalize()}
        for line in order.lines.all()
    ]  # fmt: skip


@require_http_methods(["GET", "POST"])
@login_required
def order_lines(request, pk):
    """Change an order's lines (until it is shipped): the page's formset, one row per
    line, "Add a line" for more, a box to remove a line."""
    order = _order_or_404(request, pk)
    if not perms.can_edit_order(request.user, order):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    formset = f.OrderLineFormSet(data, initial=_order_lines_initial(order), prefix="lines")
    form = f.NotesForm(data)  # carries the refusals that concern the whole order
    if request.method == "POST" and _forms_valid(formset, form):
        lines = _lines_or_error(form, formset)
        if lines is not None and _save(
            form,
            lambda: services.order_lines_update(
                actor=request.user, order=order, lines=lines, now=timezone.now()
            ),
        ):
            messages.success(request, _("Lines saved: the total and the schedule follow."))
            return redirect("orders:order_detail", order.pk)
    status = 422 if request.method == "POST" else 200
    shipped = {line.pk: line.shipped_quantity for line in order.lines.all()}
    for row in formset.forms:
        row.shipped = shipped.get(row.initial.get("line_id"))
    context = {
        "order": order, "formset": formset, "form": form,
        "line_kind": "order", "editable": order.state in services.LINES_EDITABLE,
    }  # fmt: skip
    return render(request, "orders/order_lines.html", context, status=status)


@require_GET
@login_required
def line_row(request):
    """One more empty line row for a lines form (htmx), and the form count raised."""
    kind = request.GET.get("kind", "new")
    try:
        index = int(request.GET.get("lines-TOTAL_FORMS", "0"))
    except ValueError:
        index = 0
    if not 0 <= index < 500:
        return HttpResponse(_("At most 500 lines."), status=422)
    form = f.empty_line_form(kind, index)
    context = {"line": form, "total": index + 1, "line_kind": kind}
    return render(request, "orders/_line_row.html", context)


@require_POST
@login_required
def order_step(request, pk, step):
    order = _order_or_404(request, pk)
    try:
        services.order_advance(
            actor=request.user, order=order, step=step,
            notes=str(request.POST.get("notes", ""))[:2000], now=timezone.now(),
        )  # fmt: skip
    except (ValidationError, PermissionDenied) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text or _("You may not do this."))
    except ObjectDoesNotExist:
        raise Http404 from None
    return redirect("orders:order_detail", order.pk)


@require_http_methods(["GET", "POST"])
@login_required
def order_terms(request, pk):
    order = _order_or_404(request, pk)
    if not perms.can_edit_order(request.user, order):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    terms_form = f.TermsForm(
        data, initial=f.TermsForm.initial_from(PaymentTerms.from_dict(order.terms)), prefix="terms"
    )
    rate_form = f.RateRuleForm(
        data,
        initial={"rate_rule": order.rate_rule, "locked_rate": order.locked_rate,
                 "locked_until": order.locked_until},
    )  # fmt: skip
    if request.method == "POST" and _forms_valid(terms_form, rate_form):
        d = rate_form.cleaned_data
        if _save(
            terms_form,
            lambda: services.order_terms_update(
                actor=request.user, order=order, terms=terms_form.terms(),
                rate_rule=d["rate_rule"], locked_rate=d["locked_rate"],
                locked_until=d["locked_until"], now=timezone.now(),
            ),
        ):  # fmt: skip
            messages.success(request, _("Terms changed: the schedule follows."))
            return redirect("orders:order_detail", order.pk)
    status = 422 if request.method == "POST" else 200
    context = {"order": order, "terms_form": terms_form, "rate_form": rate_form}
    return render(request, "orders/order_terms.html", context, status=status)


@require_GET
@login_required
def buyer_balance(request, company_pk):
    company = _company_or_404(request, company_pk)
    orders = selectors.buyer_open_orders(company).only(*BALANCE_FIELDS)
    page = Paginator(orders, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "company": company,
        "balances": selectors.buyer_balances(company),
        "page": page,
        "states": _state_names(),
    }
    return render(request, "orders/buyer_balance.html", context)


# --- payment methods ---------------------------------------------------------------


@require_GET
@login_required
def payment_method_list(request):
    context = {
        "methods": PaymentMethod.objects.order_by("-is_active", "name"),
        "may_manage": perms.can_manage_payment_methods(request.user),
    }
    return render(request, "orders/payment_method_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def payment_method_edit(request, pk=None):
    if not perms.can_manage_payment_methods(request.user):
        raise PermissionDenied
    method = or_404(PaymentMethod.objects.get, pk=pk) if pk else None
    initial = (
        {name: getattr(method, name) for name in f.PaymentMethodForm.base_fields} if method else {}
    )
    form = f.PaymentMethodForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["fee_currency"] = data["fee_currency"].upper()
        if _save(
            form, lambda: services.payment_method_save(actor=request.user, method=method, **data)
        ):
            messages.success(request, _("Payment method saved."))
            return redirect("orders:payment_method_list")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "orders/payment_method_form.html", {"form": form, "method": method}, status=status
    )
