"""The exchange-rates API: stored rates (list, enter one) and conversions by the same rule
as the pages (see chengxin.fx.selectors). Everyone signed in reads; finance, managers and
administrators enter rates (403 otherwise); bad input and "no rate" are 422."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, InvalidOut, Offset, PageOut, page_out
from chengxin.fx import selectors, services
from chengxin.fx.models import Rate

router = Router(tags=["exchange rates"])

CurrencyCode = Field(min_length=3, max_length=3, description="ISO 4217 currency code.")


class RateOut(Schema):
    id: int = Field(description="The rate's id.")
    currency: str = Field(description="1 unit of this currency (ISO 4217) ...")
    quote: str = Field(description="... is worth `rate` units of this one.")
    day: datetime.date = Field(description="The day the rate is for.")
    rate: Decimal = Field(description="How many `quote` one `currency` is worth.")
    source: str = Field(description="ecb, manual (entered by hand) or csv (imported).")
    file_name: str = Field(description="The CSV file it came from (source csv).")
    entered_by: str | None = Field(description="Who entered or imported it (none: ECB).")
    entered_at: datetime.datetime = Field(description="When it was stored (UTC).")


class RatePageOut(PageOut):
    items: list[RateOut] = Field(description="This page of rates, newest day first.")


class RateListQuery(Schema):
    currency: str = Field("", max_length=3, description="Only rates naming this currency.")
    limit: int = Field(100, ge=1, le=500, description="Page size, 1 to 500.")
    offset: Offset = Field(0, description="How many matching rates to skip.")


class RateIn(Schema):
    currency: str = CurrencyCode
    quote: str = Field("", max_length=3, description="ISO 4217 code; empty: the base currency.")
    day: datetime.date = Field(description="The day the rate is for (not in the future).")
    rate: Decimal = Field(
        gt=0,
        max_digits=24,
        decimal_places=12,
        description="How many `quote` one `currency` is worth.",
    )


class ConvertQuery(Schema):
    amount: Decimal = Field(max_digits=30, decimal_places=12, description="The amount to convert.")
    currency: str = Field(max_length=3, description="Its ISO 4217 currency.")
    to: str = Field("", max_length=3, description="The target currency; empty: the base currency.")
    on: datetime.date | None = Field(None, description="The day; empty: today in your time zone.")


class ConversionOut(Schema):
    amount: Decimal = Field(description="The converted amount, rounded to `to`'s minor unit.")
    currency: str = Field(description="The currency converted from.")
    to: str = Field(description="The currency converted to.")
    on: datetime.date = Field(description="The day asked.")
    rate: Decimal = Field(description="1 `currency` = `rate` `to`.")
    rate_date: datetime.date = Field(
        description="The date of the rate used (oldest leg of a cross)."
    )
    source: str = Field(description='ecb, manual or csv; a cross joins its legs\' with "+".')
    stale: bool = Field(description="The rate is older than the stale limit before `on`.")


def _rate_out(rate: Rate) -> dict:
    return {
        "id": rate.pk,
        "currency": rate.currency,
        "quote": rate.quote,
        "day": rate.day,
        "rate": rate.rate,
        "source": rate.source,
        "file_name": rate.file_name,
        "entered_by": rate.entered_by.username if rate.entered_by else None,
        "entered_at": rate.entered_at,
    }


@router.get(
    "/rates", response={200: RatePageOut, **READ_ERRORS, 422: InvalidOut}, summary="List rates"
)
def rate_list(request, filters: Query[RateListQuery]):
    """Stored rates (ECB, entered by hand, imported), newest day first; only those naming
    ``currency`` when given. Pages by limit and offset."""
    rates = Rate.objects.select_related("entered_by").order_by(
        "-day", "currency", "quote", "source"
    )
    code = filters.currency.strip().upper()
    if code:
        rates = rates.filter(Q(currency=code) | Q(quote=code))
    return page_out(rates, filters, _rate_out)


@router.post("/rates", response={201: RateOut, **WRITE_ERRORS}, summary="Enter a rate")
def rate_record(request, payload: RateIn):
    """A rate entered by hand (finance, managers, administrators): on ``day``, 1
    ``currency`` = ``rate`` ``quote``. Entering the same pair and day again corrects it."""
    rate = services.rate_record(
        actor=request.auth,
        currency=payload.currency,
        quote=payload.quote,
        day=payload.day,
        rate=payload.rate,
    )
    return Status(201, _rate_out(rate))


@router.get(
    "/rates/convert",
    response={200: ConversionOut, **READ_ERRORS, 422: InvalidOut},
    summary="Convert an amount",
)
def rate_convert(request, query: Query[ConvertQuery]):
    """``amount`` of ``currency`` in ``to`` on ``on``, with the rate used, its date and
    source, and whether it is stale. 422 when there is no rate on or before ``on``."""
    on = query.on or timezone.localdate()
    to = query.to.strip().upper() or selectors.base_currency()
    conversion = selectors.convert(query.amount, query.currency, to, on=on)
    return {
        "amount": conversion.amount,
        "currency": query.currency.strip().upper(),
        "to": to,
        "on": on,
        "rate": conversion.rate,
        "rate_date": conversion.rate_date,
        "source": conversion.source,
        "stale": conversion.stale,
    }
