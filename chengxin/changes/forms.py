from django import forms
from django.db.models.utils import get_blank_choice_label
from django.utils.translation import gettext_lazy as _

from chengxin.changes.models import ChangeAction, Outcome
from chengxin.core.forms import LETTER_LIMIT, LocalDateTimeField, LongTextField
from chengxin.parties.forms import channel_choice_label
from chengxin.parties.models import Channel, ChannelKind


class ChangeOpenForm(forms.Form):
    contact = forms.TypedChoiceField(label=_("Contact"), coerce=int)
    kind = forms.ChoiceField(label=_("What changes"), choices=ChannelKind.choices)
    new_value = forms.CharField(label=_("New value"), max_length=320)
    action = forms.ChoiceField(
        label=_("The new value"),
        choices=[
            (ChangeAction.REPLACE, ChangeAction.REPLACE.label),
            (ChangeAction.ADD, ChangeAction.ADD.label),
        ],
        initial=ChangeAction.REPLACE,
        required=False,
    )

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = [(c.pk, c.name) for c in contacts]


class ChannelForm(forms.Form):
    """A further channel for an existing contact (the "+ Add channel" button)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ChannelKind.choices)
    value = forms.CharField(label=_("Value"), max_length=320)
    primary = forms.BooleanField(label=_("Make primary"), required=False)


class LetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=500)
    body = LongTextField(label=_("Letter"), max_length=LETTER_LIMIT, rows=14)


class VerifyForm(forms.Form):
    channel = forms.ModelChoiceField(label=_("Checked through"), queryset=Channel.objects.none())
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    checked_at = LocalDateTimeField(label=_("When"), required=False, empty_means_now=True)
    notes = LongTextField(label=_("Notes"), required=False)

    def __init__(self, *args, company, eligible, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["channel"]
        # Any channel of the customer is accepted here; the service refuses those added since
        # the request, so the person sees why.
        field.queryset = Channel.objects.filter(contact__company=company)
        field.choices = [("", get_blank_choice_label())] + [
            (c.pk, channel_choice_label(c)) for c in eligible
        ]


class NotesForm(forms.Form):
    notes = LongTextField(label=_("Notes"), required=False)
