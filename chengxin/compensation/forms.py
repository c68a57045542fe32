"""Forms of the compensation pages. They parse; the services decide what is valid."""

from __future__ import annotations

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.compensation import vouchers
from chengxin.core.forms import LongTextField


def _currency_choices():
    return sorted((c.alpha_3, f"{c.alpha_3} — {c.name}") for c in pycountry.currencies)


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


class RecordClaimForm(ClaimForm):
    """A rep records a claim for one of the buyer's campaigns (those offering it)."""

    recipient = forms.TypedChoiceField(label=_("Account change"), coerce=int)
    field_order = ["recipient"]

    def __init__(self, *args, recipients=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.recipients = {r.pk: r for r in recipients}
        self.fields["recipient"].choices = [
            (r.pk, f"{r.plan.parallel_from:%Y-%m-%d} · {r.plan.new_account}") for r in recipients
        ]

    def clean_recipient(self):
        return self.recipients[self.cleaned_data["recipient"]]


class ApproveForm(forms.Form):
    approved_amount = forms.DecimalField(
        label=_("Amount to credit"), max_digits=12, decimal_places=2, min_value=0
    )
    notes = LongTextField(label=_("Notes"), required=False, rows=2)


class RejectForm(forms.Form):
    reason = LongTextField(label=_("Reason"), rows=2)


class CreditUseForm(forms.Form):
    reference = forms.CharField(
        label=_("Used on order or invoice"),
        max_length=140,
        help_text=_("The order or proforma invoice number the credit is deducted from."),
    )
