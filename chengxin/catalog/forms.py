"""The product form and the list's search. The rules (HS code in the nomenclature,
weights, languages...) are the service's; the form only reads what was typed."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from chengxin.catalog import services
from chengxin.core.buyer_language import buyer_languages
from chengxin.core.forms import LongTextField


@lru_cache(maxsize=8)
def _country_names(language: str) -> dict[str, str]:
    locale = Locale.parse((language or "en").replace("-", "_"), sep="_")
    return {c.alpha_2: locale.territories.get(c.alpha_2, c.name) for c in pycountry.countries}


def country_name(code: str) -> str:
    """A country's name in the active language (its code when unknown)."""
    return _country_names(get_language() or "en").get(code, code)


def country_choices() -> list[tuple[str, str]]:
    return sorted(_country_names(get_language() or "en").items(), key=lambda item: item[1])


def names_to_text(names: dict) -> str:
    return "\n".join(f"{language}: {name}" for language, name in (names or {}).items())


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Article number or name"), required=False, max_length=200)
    hs = forms.CharField(label=_("HS code"), required=False, max_length=20)


class ProductForm(forms.Form):
    sku = forms.CharField(label=_("Article number"), max_length=services.TEXT_LIMITS["sku"])
    name = forms.CharField(label=_("Name"), max_length=services.TEXT_LIMITS["name"])
    names = LongTextField(
        label=_("Names in other languages"),
        required=False,
        max_length=5_000,
        rows=4,
        help_text=_("One per line, as language: name (e.g. de: LED-Deckenleuchte)."),
    )
    description = LongTextField(
        label=_("Description"),
        required=False,
        max_length=services.TEXT_LIMITS["description"],
        rows=4,
    )
    hs_code = forms.CharField(
        label=_("HS code"),
        required=False,
        max_length=20,
        # The description (and the fit warning) appear beside the code as it is typed.
        widget=forms.TextInput(
            attrs={
                "hx-get": reverse_lazy("catalog:hs_lookup"),
                "hx-trigger": "input changed delay:400ms, change",
                "hx-target": "#hs-preview",
                "hx-include": "[name=name],[name=description],[name=names]",
                "hx-sync": "this:replace",
            }
        ),
        help_text=_(
            "HS 2022: six digits (e.g. 9405.11), or eight to ten with the national tariff digits."
        ),
    )
    unit = forms.CharField(label=_("Unit"), max_length=services.TEXT_LIMITS["unit"], initial="pcs")
    moq = forms.DecimalField(label=_("Minimum order quantity"), min_value=0, initial=0)
    lead_time_days = forms.IntegerField(
        label=_("Lead time (days)"),
        required=False,
        min_value=0,
        max_value=services.LEAD_TIME_MAX_DAYS,
    )
    net_weight_kg = forms.DecimalField(label=_("Net weight (kg)"), required=False, min_value=0)
    gross_weight_kg = forms.DecimalField(label=_("Gross weight (kg)"), required=False, min_value=0)
    package_length_cm = forms.DecimalField(
        label=_("Package length (cm)"), required=False, min_value=0
    )
    package_width_cm = forms.DecimalField(
        label=_("Package width (cm)"), required=False, min_value=0
    )
    package_height_cm = forms.DecimalField(
        label=_("Package height (cm)"), required=False, min_value=0
    )
    units_per_package = forms.IntegerField(
        label=_("Units per package"),
        required=False,
        min_value=1,
        max_value=services.UNITS_PER_PACKAGE_MAX,
    )
    origin_country = forms.ChoiceField(
        label=_("Country of origin"), choices=country_choices, initial="CN"
    )
    is_active = forms.BooleanField(label=_("Offered"), required=False, initial=True)

    def clean_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        known = buyer_languages()
        for number, line in enumerate(self.cleaned_data["names"].splitlines(), start=1):
            if not line.strip():
                continue
            language, sep, name = line.partition(":")
            if not sep or not name.strip():
                raise forms.ValidationError(
                    _("Line %(number)d: write language: name (e.g. de: LED-Deckenleuchte)."),
                    params={"number": number},
                )
            code = language.strip().lower()
            if code not in known:
                raise forms.ValidationError(
                    _("Line %(number)d: “%(code)s” is not one of the languages: %(known)s."),
                    params={"number": number, "code": code[:20], "known": ", ".join(known)},
                )
            if code in names:
                raise forms.ValidationError(
                    _("Line %(number)d: the name in %(code)s is given twice."),
                    params={"number": number, "code": code},
                )
            names[code] = name.strip()
        return names

    def product_input(self) -> services.ProductInput:
        data = dict(self.cleaned_data)
        if data.get("moq") is None:
            data["moq"] = 0
        return services.ProductInput(**data)

    @classmethod
    def initial_of(cls, product) -> dict:
        initial = {name: getattr(product, name) for name in cls.base_fields}
        initial["names"] = names_to_text(product.names)
        return initial
