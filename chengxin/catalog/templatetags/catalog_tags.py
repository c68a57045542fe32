"""``{% load catalog_tags %}{% stock_badge product %}``: what the ERP last said is in stock,
for any page where a rep answers "do you have it in stock?" (product, quote line, inquiry).

The quantity with its unit and "as of <the ERP's time, in the viewer's zone>"; "no stock
data" when the ERP never sent a level; marked stale when older than
CHENGXIN_STOCK_STALE_HOURS (48 h). ``product`` is a Product (its level read with it when
the page's query did ``select_related("stock")`` or ``"product__stock"``), a product id,
or None. On a list, pass the levels read at once to avoid a query per line:
``{% stock_badge line.product stock=levels %}`` with ``levels = stock_for(ids)``."""

from django import template

from chengxin.catalog.models import Product, StockLevel
from chengxin.catalog.selectors import StockInfo, format_quantity, stock_for, stock_info

register = template.Library()


def _info(product, stock) -> StockInfo | None:
    if product is None or product == "":
        return None
    if isinstance(product, StockInfo):
        return product
    pk = product.pk if isinstance(product, Product) else product
    if stock is not None:
        return stock.get(pk)
    if isinstance(product, Product) and Product.stock.is_cached(product):
        try:
            return stock_info(product.stock)
        except StockLevel.DoesNotExist:
            return None
    try:
        return stock_for([int(pk)]).get(int(pk))
    except (TypeError, ValueError):
        return None


@register.inclusion_tag("catalog/_stock_badge.html")
def stock_badge(product, stock=None):
    return {"info": _info(product, stock)}


@register.filter
def quantity(value):
    """A quantity as a person reads it: no trailing zeros ("12.5", "1,200"), grouped
    per the active language."""
    return format_quantity(value)
