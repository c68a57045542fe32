from django import forms
from django.utils.translation import gettext_lazy as _


class WarnForm(forms.Form):
    channel = forms.TypedChoiceField(label=_("Send to (on file)"), coerce=int)
    subject = forms.CharField(label=_("Subject"), max_length=500)
    body = forms.CharField(label=_("Letter"), widget=forms.Textarea(attrs={"rows": 18}))

    def __init__(self, *args, channels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [
            (c.pk, f"{c.contact.name} · {c.get_kind_display()} {c.value}") for c in channels
        ]
