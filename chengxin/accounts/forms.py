import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from chengxin.accounts.models import Role


def _zone_choices():
    return [("", "—")] + [(z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z]


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class TwoFactorAddForm(TokenForm):
    """Adding or replacing an authenticator when one is on: its code is asked again."""

    current_code = forms.CharField(
        label=_("Code from your current authenticator app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    token = forms.CharField(
        label=_("Code from the new authenticator app (after scanning the QR code)"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    replace = forms.BooleanField(
        label=_("Remove my current authenticator (e.g. when moving to a new phone)"),
        required=False,
    )

    field_order = ["current_code", "token", "replace"]


class TwoFactorResetForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("Told to the user and kept in the audit trail, e.g. “phone lost”."),
    )


class _SignatureNamesForm(forms.Form):
    """The user's name in each script: it signs the letters to buyers."""

    name_chinese = forms.CharField(
        label=_("Name in Chinese"),
        max_length=150,
        required=False,
        help_text=_("Signs letters to buyers written in Chinese, e.g. 李娜."),
    )
    name_latin = forms.CharField(
        label=_("Name in Latin letters"),
        max_length=150,
        required=False,
        help_text=_("Signs letters to buyers in every other language, e.g. Li Na."),
    )


class PreferencesForm(_SignatureNamesForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_zone_choices, required=False)

    field_order = ["language", "time_zone"]


class _UserFieldsForm(_SignatureNamesForm):
    """What an administrator sets on a user, new or existing."""

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    field_order = ["first_name", "last_name"]  # then the names, email, phone, role


class UserCreateForm(_UserFieldsForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput)

    field_order = ["username", *_UserFieldsForm.field_order]


class UserUpdateForm(_UserFieldsForm):
    is_active = forms.BooleanField(label=_("Active"), required=False)


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
