"""Products and stock through the API: the same services as the pages. Everyone signed in
reads products; managers and administrators create and change them and push stock levels
(the ERP uses a manager's or an administrator's token).

Not there → 404; not allowed → 403; bad input → 422 (per field; for a stock push, per
level: ``levels.<n>.<field>``, nothing written)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from chengxin.catalog import selectors, services
from chengxin.catalog.forms import country_name
from chengxin.catalog.models import Product
from chengxin.catalog.services import ProductInput, StockRejected
from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, InvalidOut, Offset, PageOut, path_id
from chengxin.core.http import or_404

router = Router(tags=["products and stock"])

ProductId = path_id("The product's id.")
NameInLanguage = Annotated[str, Field(max_length=services.NAME_IN_LANGUAGE_LIMIT)]
STOCK_PUSH_MAX = 10_000


class HsLineOut(Schema):
    code: str = Field(description="Chapter (2 digits), heading (4) or subheading (6).")
    level: int = Field(description="2, 4 or 6.")
    description: str = Field(description="Its description in the HS 2022 nomenclature.")


class StockOut(Schema):
    quantity: Decimal = Field(description="How much the ERP said is in stock.")
    unit: str = Field(description="The unit it is counted in.")
    as_of: datetime.datetime = Field(description="When the ERP counted (UTC).")
    received_at: datetime.datetime = Field(description="When Chengxin received it (UTC).")
    source: str = Field(description="file or api.")
    stale: bool = Field(description="Older than CHENGXIN_STOCK_STALE_HOURS (48 h).")


class ProductOut(Schema):
    id: int = Field(description="The product's id.")
    sku: str = Field(description="The article number.")
    name: str = Field(description="The product's name.")
    names: dict[str, str] = Field(description="Names in other languages, by language code.")
    description: str = Field(description="Free-text description (empty when none).")
    hs_code: str = Field(description="The HS code, digits only (6, or 8 to 10).")
    hs_path: list[HsLineOut] = Field(
        description="The code's chapter, heading and subheading with their descriptions."
    )
    hs_error: str = Field(description="Why the stored code is not valid (empty: it is).")
    hs_warning: str = Field(
        description="Set when the product's words share none with the HS description."
    )
    hs_not_compared: str = Field(description="Set when the words could not be compared.")
    unit: str = Field(description="The unit it is sold and counted in (pcs, set, kg...).")
    moq: Decimal = Field(description="Minimum order quantity, in the unit.")
    lead_time_days: int | None = Field(description="Lead time in days; null when not set.")
    net_weight_kg: Decimal | None = Field(
        description="Net weight of one unit in kg; null when not set."
    )
    gross_weight_kg: Decimal | None = Field(
        description="Gross weight of one unit in kg; null when not set."
    )
    package_length_cm: Decimal | None = Field(
        description="Package length in cm; null when not set."
    )
    package_width_cm: Decimal | None = Field(description="Package width in cm; null when not set.")
    package_height_cm: Decimal | None = Field(
        description="Package height in cm; null when not set."
    )
    units_per_package: int | None = Field(
        description="How many units one package holds; null when not set."
    )
    origin_country: str = Field(description="ISO 3166 alpha-2.")
    origin_country_name: str = Field(description="In the request's language.")
    is_active: bool = Field(description="Offered to buyers.")
    stock: StockOut | None = Field(description="The ERP's last level; null: unknown.")
    created_at: datetime.datetime = Field(description="When the product was created (UTC).")
    updated_at: datetime.datetime = Field(description="When the product was last changed (UTC).")


class ProductListQuery(Schema):
    q: str = Field("", max_length=200, description="In the article number or a name.")
    hs_code: str = Field("", max_length=20, description="HS codes starting with these digits.")
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching products to skip.")


class ProductPageOut(PageOut):
    items: list[ProductOut] = Field(description="This page of products, by article number.")


Dec14 = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=3)]
Dec12 = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=3)]
Dec9 = Annotated[Decimal, Field(ge=0, max_digits=9, decimal_places=1)]


class ProductIn(Schema):
    sku: str = Field(max_length=64, description="The article number (unique).")
    name: str = Field(max_length=200, description="The product's name.")
    names: dict[str, NameInLanguage] = Field(
        {}, max_length=20, description="By language code (one of the twelve buyer languages)."
    )
    description: str = Field("", max_length=20_000, description="Free-text description.")
    hs_code: str = Field("", max_length=20, description="HS 2022: 6 digits, or 8 to 10.")
    unit: str = Field(
        "pcs", max_length=16, description="The unit it is sold and counted in (pcs, set, kg...)."
    )
    moq: Dec14 = Field(Decimal(0), description="Minimum order quantity.")
    lead_time_days: int | None = Field(
        None, ge=0, le=services.LEAD_TIME_MAX_DAYS, description="Lead time in days; null: not set."
    )
    net_weight_kg: Dec12 | None = Field(
        None, description="Net weight of one unit in kg (3 decimals); null: not set."
    )
    gross_weight_kg: Dec12 | None = Field(
        None, description="Gross weight of one unit in kg (3 decimals); null: not set."
    )
    package_length_cm: Dec9 | None = Field(
        None, description="Package length in cm (1 decimal); null: not set."
    )
    package_width_cm: Dec9 | None = Field(
        None, description="Package width in cm (1 decimal); null: not set."
    )
    package_height_cm: Dec9 | None = Field(
        None, description="Package height in cm (1 decimal); null: not set."
    )
    units_per_package: int | None = Field(
        None,
        ge=1,
        le=services.UNITS_PER_PACKAGE_MAX,
        description="How many units one package holds; null: not set.",
    )
    origin_country: str = Field("CN", max_length=2, description="ISO 3166 alpha-2.")
    is_active: bool = Field(True, description="Offered to buyers.")


class ProductPatchIn(Schema):
    """Only the fields sent are changed."""

    sku: str | None = Field(
        None, max_length=64, description="The article number (unique); null is refused."
    )
    name: str | None = Field(None, max_length=200, description="The name; null is refused.")
    names: dict[str, NameInLanguage] | None = Field(
        None,
        max_length=20,
        description="Names by language code (replaces all); null is refused.",
    )
    description: str | None = Field(
        None, max_length=20_000, description="Free-text description; null is refused."
    )
    hs_code: str | None = Field(
        None, max_length=20, description="HS 2022: 6 digits, or 8 to 10; null is refused."
    )
    unit: str | None = Field(
        None, max_length=16, description="The unit (pcs, set, kg...); null is refused."
    )
    moq: Dec14 | None = Field(None, description="Minimum order quantity; null is refused.")
    lead_time_days: int | None = Field(
        None, ge=0, le=services.LEAD_TIME_MAX_DAYS, description="Lead time in days; null clears it."
    )
    net_weight_kg: Dec12 | None = Field(
        None, description="Net weight of one unit in kg; null clears it."
    )
    gross_weight_kg: Dec12 | None = Field(
        None, description="Gross weight of one unit in kg; null clears it."
    )
    package_length_cm: Dec9 | None = Field(
        None, description="Package length in cm; null clears it."
    )
    package_width_cm: Dec9 | None = Field(None, description="Package width in cm; null clears it.")
    package_height_cm: Dec9 | None = Field(
        None, description="Package height in cm; null clears it."
    )
    units_per_package: int | None = Field(
        None,
        ge=1,
        le=services.UNITS_PER_PACKAGE_MAX,
        description="How many units one package holds; null clears it.",
    )
    origin_country: str | None = Field(
        None, max_length=2, description="ISO 3166 alpha-2; null is refused."
    )
    is_active: bool | None = Field(None, description="Offered to buyers; null is refused.")


class StockLevelIn(Schema):
    sku: str = Field(max_length=64, description="The product's article number.")
    quantity: Decimal = Field(
        ge=0, max_digits=15, decimal_places=3, description="At least 0, at most 3 decimals."
    )
    as_of: datetime.datetime | None = Field(
        None,
        description="When the ERP counted (ISO 8601; without an offset: the company's time; "
        "missing: now). A level older than the one kept is left out.",
    )
    unit: str = Field("", max_length=16, description="When given, must be the product's unit.")


class StockPushIn(Schema):
    levels: list[StockLevelIn] = Field(
        max_length=STOCK_PUSH_MAX, description="At most 10,000 levels, each article number once."
    )


class StockNoteOut(Schema):
    sku: str = Field(description="The article number of the level left out.")
    message: str = Field(description="Why it was left out.")


class StockPushOut(Schema):
    applied: list[str] = Field(description="The article numbers whose level was written.")
    older: list[StockNoteOut] = Field(
        description="Levels left out: older than the one kept (never an error)."
    )


def _out(product: Product, check=None) -> dict:
    if check is None:
        check = selectors.product_hs_check(product)
    try:
        level = product.stock
    except Product.stock.RelatedObjectDoesNotExist:
        level = None
    stock = selectors.stock_info(level) if level is not None else None
    return {
        **{name: getattr(product, name) for name in ProductIn.model_fields},
        "id": product.pk,
        "hs_path": [
            {"code": line.code, "level": line.level, "description": line.description}
            for line in (check.path if check else ())
        ],
        "hs_error": check.error if check else "",
        "hs_warning": check.warning if check else "",
        "hs_not_compared": check.not_compared if check else "",
        "origin_country_name": country_name(product.origin_country),
        "stock": stock.__dict__ if stock else None,
        "created_at": product.created_at,
        "updated_at": product.updated_at,
    }


def _get(request, pk: int) -> Product:
    return or_404(selectors.product_get, user=request.auth, pk=pk)


@router.get(
    "/products",
    response={200: ProductPageOut, **READ_ERRORS, 422: InvalidOut},
    summary="List products",
)
def product_list(request, filters: Query[ProductListQuery]):
    """Products by article number; search by article number or name, or HS code."""
    products = selectors.product_search(request.auth, q=filters.q, hs_code=filters.hs_code)
    page = list(products[filters.offset : filters.offset + filters.limit])
    checks = selectors.products_hs_checks(page)
    return {
        "count": products.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [_out(p, checks.get(p.pk)) for p in page],
    }


@router.get("/products/{pk}", response={200: ProductOut, **READ_ERRORS}, summary="One product")
def product_detail(request, pk: ProductId):
    """The product with its HS description path, the fit warning and its stock."""
    return _out(_get(request, pk))


@router.post("/products", response={201: ProductOut, **WRITE_ERRORS}, summary="Create a product")
def product_create(request, payload: ProductIn):
    """Managers and administrators. The HS code must be in HS 2022; a code whose description
    shares no word with the product's is saved with ``hs_warning`` set."""
    product = services.product_create(actor=request.auth, data=ProductInput(**payload.dict()))
    return Status(201, _out(_get(request, product.pk)))


@router.patch(
    "/products/{pk}", response={200: ProductOut, **WRITE_ERRORS}, summary="Change a product"
)
def product_update(request, pk: ProductId, payload: ProductPatchIn):
    """Managers and administrators; only the fields sent change."""
    product = _get(request, pk)
    data = ProductInput.of(product)
    for name, value in payload.dict(exclude_unset=True).items():
        if value is None and name in (
            "sku",
            "name",
            "names",
            "description",
            "hs_code",
            "unit",
            "moq",
            "origin_country",
            "is_active",
        ):
            raise ValidationError({name: [_("This field cannot be empty (null).")]})
        setattr(data, name, value)
    services.product_update(actor=request.auth, product=product, data=data)
    return _out(_get(request, pk))


@router.post(
    "/stock", response={200: StockPushOut, **WRITE_ERRORS}, summary="Push stock levels (ERP)"
)
def stock_push(request, payload: StockPushIn):
    """The ERP's levels, all or nothing: any bad level (unknown article number, an article
    number twice, a unit other than the product's, as_of in the future) refuses the push
    with the errors per level (``levels.<n>.sku``), and nothing is written."""
    levels = [
        {**level.dict(), "as_of": level.as_of.isoformat() if level.as_of else None}
        for level in payload.levels
    ]
    try:
        result = services.stock_push(actor=request.auth, levels=levels)
    except StockRejected as exc:
        errors: dict[str, list[str]] = {}
        for error in exc.row_errors:
            key = f"levels.{error.line - 1}.{error.field}" if error.line else "__all__"
            errors.setdefault(key, []).append(error.message)
        raise ValidationError(errors) from None
    return {
        "applied": result.applied,
        "older": [{"sku": e.sku, "message": e.message} for e in result.older],
    }
