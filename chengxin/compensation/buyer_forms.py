"""The buyer's claim form (the public page; staff record a claim with a subclass)."""

from __future__ import annotations

import pycountry
from babel import Locale
from babel.numbers import get_currency_name
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from chengxin.compensation import vouchers


def _currency_choices():
    """Every ISO 4217 currency, named in the reader's language (Babel's names; the
    code alone where Babel has no name, never an English name in another language)."""
    language = translation.get_language() or "en"
    locale = Locale.parse(translation.to_locale(language))
    choices = []
    for currency in pycountry.currencies:
        code = currency.alpha_3
        name = get_currency_name(code, locale=locale)
        if name == code and language.startswith("en"):
            name = currency.name
        choices.append((code, f"{code} — {name}" if name != code else code))
    return sorted(choices)


class ClaimForm(forms.Form):
    """The claim as the buyer (public page) or a rep enters it."""

    paid_on = forms.DateField(
        label=_("Payment date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    payment_amount = forms.DecimalField(
        label=_("Amount paid"), max_digits=18, decimal_places=2, min_value=0
    )
    payment_currency = forms.ChoiceField(label=_("Currency paid"), choices=_currency_choices)
    fee_amount = forms.DecimalField(
        label=_("Extra intermediary-bank fee"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        help_text=_("The fee deducted by the intermediary bank, as shown on the voucher."),
    )
    fee_currency = forms.ChoiceField(label=_("Fee currency"), choices=_currency_choices)
    payment_reference = forms.CharField(
        label=_("Payment reference"),
        max_length=140,
        required=False,
        help_text=_("The invoice or order number on the transfer."),
    )
    voucher = forms.FileField(
        label=_("Remittance voucher"),
        help_text=_("The bank's payment confirmation (MT103 or transfer slip): PDF, PNG or JPEG."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join([vouchers.PDF, vouchers.PNG, vouchers.JPEG])}
        ),
    )
