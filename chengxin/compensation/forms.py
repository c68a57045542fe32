"""Forms of the compensation pages. They parse; the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.compensation.buyer_forms import ClaimForm
from chengxin.core.forms import LongTextField


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
