from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from chengxin.fx.currencies import currency_choices
from chengxin.fx.rate_file import MAX_BYTES
from chengxin.fx.selectors import base_currency


class CurrencyFilterForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = [("", _("All"))] + currency_choices()


class RateForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency"))
    quote = forms.ChoiceField(
        label=_("In currency"), help_text=_("The rate says how many of these one unit is worth.")
    )
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    # Text, not a DecimalField: the service explains what is wrong with a rate (a comma,
    # too many decimals) in the same words as the API and the CSV import.
    rate = forms.CharField(label=_("Rate"), max_length=40, help_text=_("e.g. 1.9412"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = currency_choices()
        self.fields["currency"].choices = [("", "")] + choices
        self.fields["quote"].choices = choices
        self.fields["quote"].initial = base_currency()
        self.fields["day"].initial = timezone.localdate()


class RateFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=format_lazy(
            _(
                "Columns: date (2026-12-04), currency (AED), rate (1.9412) and optionally "
                "quote (default: the base currency). UTF-8 or GBK, at most {size} MB."
            ),
            size=MAX_BYTES // 2**20,
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB: split it.") % {"size": MAX_BYTES // 2**20}
            )
        return upload
