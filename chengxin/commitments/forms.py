"""Forms of the commitments pages. They parse; the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.commitments.models import Alternative, MilestoneKind
from chengxin.commitments.services import NOTE_MAX, SUBJECT_MAX, UPDATE_TEXT_MAX
from chengxin.core.forms import LETTER_LIMIT, LongTextField

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _channel_label(channel) -> str:
    return f"{channel.contact.name} · {channel.display}"


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(label=_("What was promised"), choices=MilestoneKind.choices)
    label = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=100,
        help_text=_("For another promise: quality report, documents, samples..."),
    )
    promised_on = forms.DateField(label=_("Promised date"), widget=DATE_INPUT)
    promised_to = forms.ModelChoiceField(
        label=_("Promised to"), queryset=None, required=False, empty_label=_("the customer")
    )
    shipment = forms.ModelChoiceField(
        label=_("Follows the shipment"),
        queryset=None,
        required=False,
        empty_label=_("all the order's shipments"),
    )

    def __init__(self, *args, contacts, shipments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["promised_to"].queryset = contacts
        self.fields["shipment"].queryset = shipments
        self.fields["shipment"].label_from_instance = lambda s: s.reference


class ForecastForm(forms.Form):
    forecast_on = forms.DateField(label=_("Now expected on"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Why"), required=False, max_length=NOTE_MAX)


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE_INPUT)


class WarningForm(forms.Form):
    # Chosen with "Draft again" above the letter; carried with it when it is sent.
    alternative = forms.ChoiceField(
        label=_("Alternative offered"), choices=Alternative.choices, widget=forms.HiddenInput
    )
    channel = forms.ModelChoiceField(label=_("To"), queryset=None, empty_label=None)
    subject = forms.CharField(
        label=_("Subject"), max_length=SUBJECT_MAX, widget=forms.TextInput(attrs={"size": 80})
    )
    body = LongTextField(label=_("Letter"), max_length=LETTER_LIMIT, rows=16)

    def __init__(self, *args, channels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = channels
        self.fields["channel"].label_from_instance = _channel_label


class RedraftForm(forms.Form):
    alternative = forms.ChoiceField(label=_("Alternative offered"), choices=Alternative.choices)


class DismissForm(forms.Form):
    reason = forms.CharField(label=_("Why the buyer is not written to"), max_length=100)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several pictures at once; each is judged by its bytes in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(PhotosField, self).clean(item, initial) for item in files]


class UpdateForm(forms.Form):
    text = LongTextField(label=_("Update"), max_length=UPDATE_TEXT_MAX, rows=5)
    photos = PhotosField(label=_("Photos"), required=False)
    milestone = forms.ModelChoiceField(
        label=_("About the promise"),
        queryset=None,
        required=False,
        empty_label=_("the whole order"),
    )
    channel = forms.ModelChoiceField(
        label=_("Send to the buyer"),
        queryset=None,
        required=False,
        empty_label=_("do not send yet"),
    )

    def __init__(self, *args, milestones, channels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = milestones
        self.fields["milestone"].label_from_instance = lambda m: (
            f"{m.title} · {m.promised_on:%Y-%m-%d}"
        )
        self.fields["channel"].queryset = channels
        self.fields["channel"].label_from_instance = _channel_label


class SendForm(forms.Form):
    channel = forms.ModelChoiceField(label=_("To"), queryset=None, empty_label=None)

    def __init__(self, *args, channels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = channels
        self.fields["channel"].label_from_instance = _channel_label
