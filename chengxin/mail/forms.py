from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.accounts.models import User
from chengxin.mail.models import Mailbox, Security
from chengxin.mail.services.mailboxes import MailboxInput


class MailboxForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    host = forms.CharField(label=_("IMAP server"), max_length=253)
    port = forms.IntegerField(label=_("Port"), min_value=1, max_value=65535, initial=993)
    security = forms.ChoiceField(label=_("Security"), choices=Security.choices)
    username = forms.CharField(label=_("User name"), max_length=320)
    password = forms.CharField(
        label=_("Password"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Stored encrypted. Leave empty to keep the current one."),
    )
    folder = forms.CharField(label=_("Folder"), max_length=200, initial="INBOX")
    is_active = forms.BooleanField(label=_("Check automatically"), required=False, initial=True)
    shared = forms.BooleanField(label=_("Shared mailbox (e.g. sales@), not my own"), required=False)
    members = forms.ModelMultipleChoiceField(
        label=_("Members of the shared mailbox"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )

    def __init__(self, *args, user: User, mailbox: Mailbox | None = None, **kwargs):
        if mailbox is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": mailbox.name,
                    "host": mailbox.host,
                    "port": mailbox.port,
                    "security": mailbox.security,
                    "username": mailbox.username,
                    "folder": mailbox.folder,
                    "is_active": mailbox.is_active,
                    "shared": mailbox.is_shared,
                    "members": list(mailbox.members.all()),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = User.objects.filter(is_active=True)
        if mailbox is not None:
            del self.fields["shared"]  # personal or shared is decided when it is connected
        elif not user.edits_all_customers:
            del self.fields["shared"]
        if mailbox is None and not user.edits_all_customers or mailbox and not mailbox.is_shared:
            del self.fields["members"]

    def to_input(self, mailbox: Mailbox | None = None) -> MailboxInput:
        data = self.cleaned_data
        return MailboxInput(
            name=data["name"],
            host=data["host"],
            port=data["port"],
            security=data["security"],
            username=data["username"],
            password=data["password"],
            folder=data["folder"],
            is_active=data["is_active"],
            shared=mailbox.is_shared if mailbox else data.get("shared", False),
            members=data.get("members") or [],
        )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Message file (.eml)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".eml,message/rfc822"}),
    )
