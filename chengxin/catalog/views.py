"""The product pages: the list (search by article number, name or HS code), one product
(names, HS code with its description and the fit warning, packing, origin, stock), and
creating or changing one (managers and administrators). Each view parses, calls one
service or selector, renders."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from chengxin.catalog import permissions, selectors, services
from chengxin.catalog.forms import ProductForm, SearchForm, country_name
from chengxin.core.buyer_language import buyer_languages
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404

PAGE_SIZE = 50


@require_GET
@login_required
def product_list(request):
    form = SearchForm(request.GET or None)
    q = hs_code = ""
    if form.is_valid():
        q, hs_code = form.cleaned_data["q"], form.cleaned_data["hs"]
    products = selectors.product_search(request.user, q=q, hs_code=hs_code)
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    checks = selectors.products_hs_checks(rows)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": [(p, checks.get(p.pk)) for p in rows],
        "may_edit": permissions.can_edit_products(request.user),
        "query_without_page": query.urlencode(),
    }
    return render(request, "catalog/product_list.html", context)


def _names(product) -> list[tuple[str, str]]:
    languages = dict(settings.CHENGXIN_BUYER_LANGUAGES)
    return [(languages.get(code, code), name) for code, name in (product.names or {}).items()]


@require_GET
@login_required
def product_detail(request, pk: int):
    product = or_404(selectors.product_get, user=request.user, pk=pk)
    context = {
        "product": product,
        "check": selectors.product_hs_check(product),
        "names": _names(product),
        "origin": country_name(product.origin_country),
        "may_edit": permissions.can_edit_products(request.user),
    }
    return render(request, "catalog/product_detail.html", context)


@require_GET
@login_required
def hs_lookup(request):
    """The HS code typed on the product form, checked, with its description path and the
    fit warning for the name and description typed beside it (the form's live preview)."""
    code = request.GET.get("hs_code", "")[:40]
    texts = [request.GET.get(name, "")[:20_000] for name in ("name", "description")]
    texts += [line.partition(":")[2] for line in request.GET.get("names", "")[:5_000].splitlines()]
    typed = texts if any(t.strip() for t in texts) else None  # nothing to compare yet
    check = selectors.hs_check(code, texts=typed) if code.strip() else None
    return render(request, "catalog/_hs.html", {"check": check})


def _hs_preview(form: ProductForm):
    """The HS code as typed on the form, checked, with the words typed beside it."""
    data = form.data if form.is_bound else form.initial
    raw = data.get("hs_code") or ""
    if not str(raw).strip():
        return None
    names = str(data.get("names") or "")
    texts = [str(data.get("name") or ""), str(data.get("description") or "")]
    texts += [line.partition(":")[2] for line in names.splitlines()]
    return selectors.hs_check(str(raw), texts=texts)


def _edit(request, product=None):
    permissions.require_edit_products(request.user)
    if request.method == "POST":
        form = ProductForm(request.POST)
        if form.is_valid():
            try:
                if product is None:
                    product = services.product_create(actor=request.user, data=form.product_input())
                    messages.success(request, _("Product created."))
                else:
                    product = services.product_update(
                        actor=request.user, product=product, data=form.product_input()
                    )
                    messages.success(request, _("Product saved."))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                check = selectors.product_hs_check(product)
                if check is not None and check.warning:
                    messages.warning(request, check.warning)
                return redirect("catalog:product_detail", product.pk)
        status = 422
    else:
        initial = ProductForm.initial_of(product) if product is not None else None
        form = ProductForm(initial=initial)
        status = 200
    context = {
        "form": form,
        "product": product,
        "check": _hs_preview(form),
        "languages": ", ".join(buyer_languages()),
    }
    return render(request, "catalog/product_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def product_create(request):
    return _edit(request)


@require_http_methods(["GET", "POST"])
@login_required
def product_edit(request, pk: int):
    product = or_404(selectors.product_get, user=request.user, pk=pk)
    return _edit(request, product)
