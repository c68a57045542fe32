from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.publicrecord.models import Answer
from chengxin.publicrecord.public_forms import VerifyForm  # noqa: F401


class ProofUploadForm(forms.Form):
    account = forms.ModelChoiceField(label=_("Our account"), queryset=None)
    title = forms.CharField(label=pgettext_lazy("document", "Title"), max_length=200)
    file = forms.FileField(
        label=_("File (PDF, PNG or JPEG, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )
    is_public = forms.BooleanField(
        label=_("Shown on the public record"), required=False, initial=True
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts
        self.fields["account"].label_from_instance = lambda account: (
            f"{account.bank_name} {account.masked_number} ({account.currency}) · "
            f"{account.get_state_display()}"
        )


class AttemptFilterForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Answer"), required=False, choices=[("", _("All"))] + list(Answer.choices)
    )
    day_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    day_until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
