"""Reading products, the HS nomenclature and stock levels. Other apps read stock through
``stock_for`` (and show it with ``{% stock_badge product %}`` of ``catalog_tags``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.catalog import hs
from chengxin.catalog.models import HsCode, Product, StockLevel
from chengxin.catalog.permissions import can_view_products

DEFAULT_STALE_HOURS = 48


def stale_after() -> datetime.timedelta:
    """A stock level older than this (``CHENGXIN_STOCK_STALE_HOURS``, 48 h) is marked stale."""
    hours = getattr(settings, "CHENGXIN_STOCK_STALE_HOURS", DEFAULT_STALE_HOURS)
    return datetime.timedelta(hours=hours)


# Products -----------------------------------------------------------------------------


def visible_products(user) -> QuerySet[Product]:
    if not can_view_products(user):
        return Product.objects.none()
    return Product.objects.all()


def product_get(*, user, pk: int) -> Product:
    """The product, or Product.DoesNotExist (also when ``user`` may not see products)."""
    return visible_products(user).select_related("stock").get(pk=pk)


def product_search(user, *, q: str = "", hs_code: str = "", active_only: bool = False):
    """Products whose article number or name (in any language) contains ``q``, and whose HS
    code starts with ``hs_code`` (separators ignored)."""
    products = visible_products(user).select_related("stock")
    q = (q or "").strip()
    if q:
        products = products.filter(
            Q(sku__icontains=q) | Q(name__icontains=q) | Q(names__icontains=q)
        )
    code = hs.normalize_code(hs_code or "")
    if code:
        products = products.filter(hs_code__startswith=code)
    if active_only:
        products = products.filter(is_active=True)
    return products.order_by("sku")


# The HS nomenclature --------------------------------------------------------------------


def hs_paths(codes: Iterable[str]) -> dict[str, list[hs.HsLine]]:
    """For each subheading (six digits) in ``codes`` that exists: its chapter, heading and
    subheading, in that order. One query."""
    six = {c[: hs.SUBHEADING_DIGITS] for c in codes if len(c) >= hs.SUBHEADING_DIGITS}
    wanted = {c[:n] for c in six for n in (2, 4, 6)}
    if not wanted:
        return {}
    lines = {
        row.code: hs.HsLine(row.code, row.description, row.level)
        for row in HsCode.objects.filter(code__in=wanted).only("code", "description", "level")
    }
    return {c: [lines[c[:n]] for n in (2, 4, 6) if c[:n] in lines] for c in six if c in lines}


def hs_path(code: str) -> list[hs.HsLine]:
    """Chapter, heading and subheading of ``code`` (its first six digits); [] when the
    subheading is not in the nomenclature."""
    return hs_paths([code]).get(code[: hs.SUBHEADING_DIGITS], [])


@dataclass(frozen=True)
class HsCheck:
    """An HS code checked against the nomenclature (and a product's words against it)."""

    code: str  # normalized
    error: str = ""  # why it is refused (bad form, not in the nomenclature)
    path: tuple[hs.HsLine, ...] = ()
    fit: hs.HsFit | None = None

    @property
    def display(self) -> str:
        return hs.display_code(self.code)

    @property
    def subheading(self) -> hs.HsLine | None:
        return self.path[-1] if self.path and self.path[-1].level == 6 else None

    @property
    def heading(self) -> hs.HsLine | None:
        return next((line for line in self.path if line.level == 4), None)

    @property
    def national_digits(self) -> str:
        return self.code[hs.SUBHEADING_DIGITS :]

    @property
    def warning(self) -> str:
        return self.fit.message if self.fit is not None and self.fit.warning else ""

    @property
    def not_compared(self) -> str:
        return self.fit.message if self.fit is not None and not self.fit.compared else ""


def hs_check(raw: str, *, texts: Iterable[str] | None = None, path=None) -> HsCheck:
    """Check ``raw`` (as typed): its form, that its subheading exists in HS 2022, and, given
    the product's ``texts``, whether they share a word with the description (``hs.fit``).
    ``path``: already looked up (``hs_paths``), to save the query."""
    code = hs.normalize_code(raw)
    problem = hs.code_problem(code)
    if problem:
        return HsCheck(code=code, error=problem)
    found = hs_path(code) if path is None else path
    if not found or found[-1].level != 6:
        return HsCheck(
            code=code,
            error=_("%(code)s is not in the HS 2022 nomenclature.")
            % {"code": hs.display_code(hs.subheading_of(code))},
        )
    fit = hs.fit(list(texts), found) if texts is not None else None
    return HsCheck(code=code, path=tuple(found), fit=fit)


def product_texts(product) -> list[str]:
    """What a product is called and how it is described, in every language it has."""
    names = product.names if isinstance(product.names, dict) else {}
    return [product.name, product.description, *(str(v) for v in names.values())]


def product_hs_check(product, *, path=None) -> HsCheck | None:
    """The product's HS code checked (None when it has none)."""
    if not product.hs_code:
        return None
    return hs_check(product.hs_code, texts=product_texts(product), path=path)


def products_hs_checks(products: Iterable[Product]) -> dict[int, HsCheck | None]:
    """``product_hs_check`` for many products in one query."""
    products = list(products)
    paths = hs_paths(hs.normalize_code(p.hs_code) for p in products if p.hs_code)
    return {
        p.pk: product_hs_check(
            p, path=paths.get(hs.normalize_code(p.hs_code)[: hs.SUBHEADING_DIGITS], [])
        )
        for p in products
    }


# Stock ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StockInfo:
    """What the ERP last said about a product's stock."""

    product_id: int
    quantity: Decimal
    unit: str
    as_of: datetime.datetime  # the ERP's time of the count (UTC)
    received_at: datetime.datetime  # when Chengxin received it (UTC)
    source: str  # "file" or "api"
    source_name: str
    stale: bool  # as_of is older than CHENGXIN_STOCK_STALE_HOURS


def stock_info(level: StockLevel, *, now: datetime.datetime | None = None) -> StockInfo:
    now = now or timezone.now()
    return StockInfo(
        product_id=level.product_id,
        quantity=level.quantity,
        unit=level.unit,
        as_of=level.as_of,
        received_at=level.received_at,
        source=level.source,
        source_name=level.source_name,
        stale=now - level.as_of > stale_after(),
    )


def stock_for(
    product_ids: Iterable[int], *, now: datetime.datetime | None = None
) -> dict[int, StockInfo]:
    """The stock of each product in ``product_ids`` that has a level (one query); a product
    without one is absent (its stock is unknown)."""
    ids = {int(pk) for pk in product_ids if pk is not None}
    if not ids:
        return {}
    now = now or timezone.now()
    return {
        level.product_id: stock_info(level, now=now)
        for level in StockLevel.objects.filter(product_id__in=ids)
    }


def format_quantity(value) -> str:
    """A quantity without trailing zeros, grouped per the active language ("1,200.5")."""
    from django.utils.formats import number_format

    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        try:
            value = Decimal(str(value))
        except ArithmeticError:
            return str(value)
    normal = value.normalize()
    places = max(0, -normal.as_tuple().exponent) if normal.is_finite() else 0  # type: ignore[operator]
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
