"""``{{ payment.amount|money:payment.currency }}``: an amount in the reader's locale
(see chengxin.core.money)."""

from django import template

from chengxin.core.money import format_money

register = template.Library()


@register.filter
def money(amount, currency):
    return format_money(amount, currency)
