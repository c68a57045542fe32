"""Forms of the inquiry pages. They parse; the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.catalog.models import Product
from chengxin.core.forms import LETTER_LIMIT, LocalDateTimeField, LongTextField
from chengxin.inquiries.services import ANSWER_FIELD_MAX


class InquiryForm(forms.Form):
    """An inquiry recorded by hand for one customer."""

    subject = forms.CharField(label=_("What the buyer asks for"), max_length=300)
    contact = forms.TypedChoiceField(
        label=_("Contact"), coerce=int, required=False, empty_value=None
    )
    products = forms.ModelMultipleChoiceField(
        label=_("Products"),
        queryset=Product.objects.filter(is_active=True).order_by("sku"),
        required=False,
    )
    quantity = forms.CharField(label=_("Quantity asked"), max_length=200, required=False)
    text = LongTextField(label=_("The inquiry"), max_length=LETTER_LIMIT, required=False, rows=5)
    received_at = LocalDateTimeField(label=_("Received"), required=False, empty_means_now=True)

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.contacts = {c.pk: c for c in company.contacts.all()}
        self.fields["contact"].choices = [("", "—")] + [
            (pk, c.name) for pk, c in self.contacts.items()
        ]

    def clean_contact(self):
        pk = self.cleaned_data["contact"]
        return self.contacts.get(pk) if pk is not None else None


class ReplyForm(forms.Form):
    to = forms.CharField(label=_("To"), max_length=320, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=500, required=False)
    body_text = LongTextField(label=_("Reply"), max_length=LETTER_LIMIT, rows=6)


class AnswerForm(forms.Form):
    """The full answer: the four things a buyer needs to decide, each required."""

    to = forms.CharField(label=_("To"), max_length=320, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=500, required=False)
    moq = forms.CharField(label=_("Minimum order quantity"), max_length=ANSWER_FIELD_MAX)
    lead_time = forms.CharField(label=_("Lead time"), max_length=ANSWER_FIELD_MAX)
    price = forms.CharField(label=_("Price"), max_length=ANSWER_FIELD_MAX)
    payment_methods = forms.CharField(label=_("Payment methods"), max_length=ANSWER_FIELD_MAX)
    note = LongTextField(label=_("More for the buyer"), required=False, rows=3)


class CallForm(forms.Form):
    summary = LongTextField(label=_("What was said"), rows=2)
    happened_at = LocalDateTimeField(label=_("When"), required=False, empty_means_now=True)


class DismissForm(forms.Form):
    reason = LongTextField(label=_("Why it is not an inquiry"), required=False, rows=2)


class CloseForm(forms.Form):
    won = forms.TypedChoiceField(
        label=_("Outcome"),
        coerce=lambda value: value == "closed",
        choices=[
            (
                "closed",
                pgettext_lazy("inquiry", "Closed: it became an order or needs nothing more"),
            ),
            ("lost", pgettext_lazy("inquiry", "Lost")),
        ],
    )
    reason = LongTextField(label=_("Notes"), required=False, rows=2)


class CalendarDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    is_working = forms.TypedChoiceField(
        label=_("The company"),
        coerce=lambda value: value == "work",
        choices=[("off", _("does not work (a holiday of its own)")),
                 ("work", _("works (although the calendar has the day off)"))],
    )  # fmt: skip
    name = forms.CharField(label=_("Name"), max_length=100)
