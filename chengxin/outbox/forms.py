from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from chengxin.core.forms import LETTER_LIMIT, LongTextField

WEEKDAY_CHOICES = [(str(number), name) for number, name in sorted(WEEKDAYS.items())]


class ContactWindowForm(forms.Form):
    start = forms.TimeField(
        label=_("Working hours from"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end = forms.TimeField(label=_("until"), widget=forms.TimeInput(attrs={"type": "time"}))
    working_days = forms.MultipleChoiceField(
        label=_("Working days"), choices=WEEKDAY_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    def clean_working_days(self) -> list[int]:
        return [int(day) for day in self.cleaned_data["working_days"]]


class MessageWriteForm(forms.Form):
    to = forms.ChoiceField(label=_("To"))
    subject = forms.CharField(label=_("Subject"), max_length=500)
    body_text = LongTextField(label=_("Text"), max_length=LETTER_LIMIT, rows=12)
    in_working_hours = forms.BooleanField(
        label=_("Send in the recipient's working hours"), required=False, initial=True
    )
    date_in_recipient_zone = forms.BooleanField(
        label=_("Show the recipient's local time as the message's date"), required=False
    )

    def __init__(self, *args, addresses: list, **kwargs):
        """``addresses``: the contact's email channels (annotated ``foreign_domain``); one
        on a domain the customer does not have, or not verified, says so."""
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(channel.value, _label(channel)) for channel in addresses]


def _label(channel) -> str:
    notes = []
    if channel.foreign_domain:
        notes.append(str(_("not the customer's domain")))
    if channel.verified_at is None:
        notes.append(str(_("unverified")))
    return f"{channel.value} ({', '.join(notes)})" if notes else channel.value
