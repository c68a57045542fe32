"""The rates pages: each currency's latest rate in the base currency, one currency's
history, entering a rate, importing a CSV file of them. Each view parses, calls one
service or selector, renders; the services decide who may write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from chengxin.core.forms import run_form
from chengxin.fx import selectors, services
from chengxin.fx.currencies import currency_name, is_currency
from chengxin.fx.forms import CurrencyFilterForm, RateFileForm, RateForm
from chengxin.fx.permissions import can_enter_rates, require_enter_rates
from chengxin.fx.rate_file import MAX_BYTES


@require_GET
@login_required
def rate_list(request):
    form = CurrencyFilterForm(request.GET or None)
    currency = form.cleaned_data["currency"] if form.is_valid() else ""
    today = timezone.localdate()
    context = {
        "form": form,
        "currency": currency,
        "rows": selectors.latest_rates(on=today, currency=currency),
        "base": selectors.base_currency(),
        "today": today,
        "stale_days": selectors.stale_days(),
        "may_enter": can_enter_rates(request.user),
    }
    return render(request, "fx/rate_list.html", context)


@require_GET
@login_required
def rate_history(request, code: str):
    code = code.upper()
    if not is_currency(code):
        raise Http404(_("There is no such currency."))
    context = {
        "code": code,
        "name": currency_name(code),
        "base": selectors.base_currency(),
        "rows": selectors.rate_history(code),
        "limit": selectors.HISTORY_LIMIT,
        "may_enter": can_enter_rates(request.user),
    }
    return render(request, "fx/rate_history.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def rate_record(request):
    require_enter_rates(request.user)
    initial = {"currency": request.GET.get("currency", "").upper()}
    form = RateForm(request.POST or None, initial=initial)
    done = run_form(
        request,
        form,
        lambda data: services.rate_record(actor=request.user, **data),
        success=lambda rate: _("Rate saved: %(rate)s.") % {"rate": rate},
        then=lambda rate: reverse("fx:rate_history", args=[rate.currency]),
    )
    return done or render(request, "fx/rate_record.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def rates_import(request):
    require_enter_rates(request.user)
    form = RateFileForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.rates_import_csv(
                actor=request.user, file_name=upload.name, content=upload.read(MAX_BYTES + 1)
            )
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(
                request,
                ngettext(
                    "%(created)d rate imported, %(corrected)d corrected.",
                    "%(created)d rates imported, %(corrected)d corrected.",
                    result.created,
                )
                % {"created": result.created, "corrected": result.corrected},
            )
            return redirect("fx:rate_list")
    return render(request, "fx/rates_import.html", {"form": form, "problems": problems})
