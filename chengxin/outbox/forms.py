from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

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
