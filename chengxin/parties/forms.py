import zoneinfo

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.core.forms import LongTextField, input_from
from chengxin.parties.countries import country_choices
from chengxin.parties.models import (
    ADDRESS_LIMIT,
    DOCUMENT_LANGUAGES,
    MANUAL_VERIFICATION_METHODS,
    Channel,
    CompanyStatus,
    ContactStatus,
    FollowUpKind,
    Grade,
)
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.companies import CompanyInput


def _currency_choices():
    return sorted((c.alpha_3, f"{c.alpha_3} — {c.name}") for c in pycountry.currencies)


def _zone_choices():
    return [("", _("(from phone or country)"))] + [
        (z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z
    ]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace(",", "\n").splitlines() if line.strip()]


class CompanyForm(forms.Form):
    legal_name = forms.CharField(
        label=_("Legal name"), max_length=255, widget=forms.TextInput(attrs={"autofocus": True})
    )
    other_names = forms.CharField(
        label=_("Other names"),
        required=False,
        help_text=_("One per line, e.g. the Chinese and the Latin name."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    website = forms.CharField(label=_("Website"), max_length=255, required=False)
    domains = forms.CharField(
        label=_("Email domains"),
        required=False,
        help_text=_("Domains the company's people write from, separated by commas."),
    )
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=64, required=False
    )
    vat_number = forms.CharField(label=_("VAT number"), max_length=64, required=False)
    address = LongTextField(
        label=_("Postal address"),
        max_length=ADDRESS_LIMIT,
        required=False,
        help_text=_(
            "As the trade documents print it, without the country: street, district, "
            "city and postcode, one per line."
        ),
    )
    currency = forms.ChoiceField(
        label=_("Default currency"), choices=_currency_choices, initial="USD"
    )
    document_language = forms.ChoiceField(
        label=_("Document language"), choices=DOCUMENT_LANGUAGES, initial="en"
    )
    grade = forms.ChoiceField(label=_("Grade"), choices=Grade.choices, initial=Grade.B)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in CompanyStatus.choices if c[0] != CompanyStatus.MERGED],
        initial=CompanyStatus.PROSPECT,
    )
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separated by commas."))
    notes = LongTextField(label=_("Notes"), required=False)

    def to_input(self) -> CompanyInput:
        data = self.cleaned_data
        return input_from(
            CompanyInput,
            data,
            other_names=_lines(data["other_names"]),
            tags=_lines(data["tags"]),
            domains=_lines(data["domains"]),
        )

    @staticmethod
    def initial_for(company) -> dict:
        return {
            "legal_name": company.legal_name,
            "other_names": "\n".join(company.other_names),
            "country": company.country,
            "website": company.website,
            "registration_number": company.registration_number,
            "vat_number": company.vat_number,
            "address": company.address,
            "currency": company.currency,
            "document_language": company.document_language,
            "grade": company.grade,
            "status": company.status,
            "notes": company.notes,
            "tags": ", ".join(company.tags.values_list("name", flat=True)),
        }


class NewContactChannelsForm(forms.Form):
    """The email, phone and WhatsApp number of a contact being entered."""

    prefix = "contact"
    email = forms.CharField(label=_("Email"), max_length=320, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=64, required=False)
    whatsapp = forms.CharField(label=_("WhatsApp"), max_length=64, required=False)

    def channels(self) -> list[ChannelInput]:
        data = self.cleaned_data
        return [
            ChannelInput(kind, data[kind])
            for kind in ("email", "phone", "whatsapp")
            if data.get(kind, "").strip()
        ]


class FirstContactForm(NewContactChannelsForm):
    """The first contact, entered with a new company."""

    name = forms.CharField(label=_("Contact name"), max_length=200, required=False)
    title = forms.CharField(
        label=pgettext_lazy("job title", "Title"), max_length=200, required=False
    )
    language = forms.ChoiceField(label=_("Language"), choices=DOCUMENT_LANGUAGES, initial="en")
    field_order = ["name", "title", "language", "email", "phone", "whatsapp"]


class ContactForm(forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("person", "Name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autofocus": True}),
    )
    title = forms.CharField(
        label=pgettext_lazy("job title", "Title"), max_length=200, required=False
    )
    language = forms.ChoiceField(label=_("Language"), choices=DOCUMENT_LANGUAGES, initial="en")
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_zone_choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=ContactStatus.choices, initial=ContactStatus.ACTIVE
    )
    notes = LongTextField(label=_("Notes"), required=False, rows=2)


class ChannelVerifyForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Verified how"),
        choices=[(m.value, m.label) for m in MANUAL_VERIFICATION_METHODS],
    )
    via = forms.ModelChoiceField(
        label=_("Through which channel on file"),
        queryset=Channel.objects.none(),
        required=False,
        help_text=_("Only when you called or wrote through another channel on file."),
    )
    note = forms.CharField(
        label=_("What you did and who confirmed it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, on_file=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["via"]
        field.queryset = (
            Channel.objects.with_foreign_domain()
            .select_related("contact")
            .filter(pk__in=[c.pk for c in on_file])
        )
        field.label_from_instance = channel_choice_label


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FollowUpKind.choices)
    summary = LongTextField(label=_("What happened"), rows=2)


class DomainForm(forms.Form):
    domain = forms.CharField(label=_("Domain"), max_length=253)


def channel_choice_label(channel) -> str:
    """A channel in a list of choices: whose, what, and whether its domain is foreign."""
    label = f"{channel.contact.name} · {channel.get_kind_display()} {channel.display}"
    if channel.is_foreign_domain:
        label += " · " + str(_("not the customer's domain"))
    return label
