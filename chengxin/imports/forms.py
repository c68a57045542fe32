from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.txt,.tsv,.xlsx", "data-testid": "import-file"}
        ),
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        widget=forms.RadioSelect,
        initial="xlsx",
        choices=[
            ("xlsx", _("Excel (.xlsx): sheets Companies, Contacts and Channels, linked by id")),
            ("csv", _("CSV (.zip): companies.csv, contacts.csv and channels.csv, linked by id")),
            ("json", _("JSON: companies with their contacts and channels nested")),
            ("flat_xlsx", _("Excel (.xlsx) in the import layout: one row per contact")),
            ("flat_csv", _("CSV in the import layout: one row per contact")),
        ],
    )
