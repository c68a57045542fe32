from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TodoCompleteForm(forms.Form):
    notes = forms.CharField(
        label=_("Outcome notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
