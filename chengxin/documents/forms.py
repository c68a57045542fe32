"""The documents' forms: what to draft, in which language, and to whom it goes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.documents.models import ORDER_KINDS, QUOTE_KINDS, DocumentKind
from chengxin.documents.selectors import document_languages


def _kinds(kinds) -> list[tuple[str, str]]:
    return [(str(kind), DocumentKind(kind).label) for kind in kinds]


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"))
    language = forms.ChoiceField(label=_("Language"))
    shipment = forms.TypedChoiceField(
        label=_("Shipment"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, quote: bool = False, shipments=(), language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _kinds(QUOTE_KINDS if quote else ORDER_KINDS)
        self.fields["language"].choices = document_languages()
        self.fields["language"].initial = language
        if quote or not shipments:
            del self.fields["shipment"]
        else:
            self.fields["shipment"].choices = [("", _("The whole order"))] + [
                (s.pk, s.reference) for s in shipments
            ]
            self.fields["shipment"].help_text = _(
                "Commercial invoice and packing list: of one shipment, or of the whole order."
            )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))

    def __init__(self, *args, language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = document_languages()
        self.fields["language"].initial = language


class SendForm(forms.Form):
    to = forms.ChoiceField(label=_("To"))

    def __init__(self, *args, recipients=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(r.email, f"{r.contact.name} <{r.email}>") for r in recipients]
