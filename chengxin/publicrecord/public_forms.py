"""The public record's form, read by buyers (the check of an account number)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class VerifyForm(forms.Form):
    number = forms.CharField(
        label=_("Account number or IBAN you were given"),
        max_length=100,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "text"}
        ),
    )
