from django import forms
from django.db.models.utils import get_blank_choice_label
from django.utils.translation import gettext_lazy as _

from chengxin.banking.models import BankAccount, VerificationMethod
from chengxin.banking.services.propose import COUNTERPARTY_PURPOSES, OUR_PURPOSES
from chengxin.banking.services.verify import COUNTERPARTY_METHODS, OUR_METHODS
from chengxin.core.forms import LongTextField
from chengxin.parties.forms import channel_choice_label
from chengxin.parties.models import Channel, Company


class ProposeForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"))
    holder_name = forms.CharField(label=_("Account holder"), max_length=200)
    iban = forms.CharField(label=_("IBAN"), max_length=50, required=False)
    account_number = forms.CharField(
        label=_("Local account number (when there is no IBAN)"), max_length=50, required=False
    )
    routing_code = forms.CharField(
        label=_("Routing or clearing code (ABA, sort code, BSB, transit, IFSC, CNAPS)"),
        max_length=34,
        required=False,
    )
    bic = forms.CharField(label=_("SWIFT/BIC"), max_length=20, required=False)
    bank_name = forms.CharField(
        label=_("Bank (empty: from the registry)"), max_length=200, required=False
    )
    bank_address = forms.CharField(
        label=_("Bank address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    bank_country = forms.CharField(
        label=_("Bank country (two letters; empty: from the IBAN or BIC)"),
        max_length=2,
        required=False,
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    intermediary_bic = forms.CharField(
        label=_("Intermediary bank SWIFT/BIC"), max_length=20, required=False
    )
    intermediary_account = forms.CharField(
        label=_("Account at the intermediary bank"), max_length=50, required=False
    )
    label = forms.CharField(label=_("Label"), max_length=100, required=False)
    notes = LongTextField(label=_("Notes"), required=False)
    replaces = forms.TypedChoiceField(
        label=_("Replaces"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, ours: bool, replaceable=(), **kwargs):
        super().__init__(*args, **kwargs)
        purposes = OUR_PURPOSES if ours else COUNTERPARTY_PURPOSES
        self.fields["purpose"].choices = [(p.value, p.label) for p in purposes]
        self.fields["replaces"].choices = [("", _("(none: an additional account)"))] + [
            (a.pk, str(a)) for a in replaceable
        ]


class VerifyForm(forms.Form):
    method = forms.ChoiceField(label=_("Verified how"))
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("confirmed", _("Confirmed")), ("denied", _("Denied: not their account"))],
    )
    channel = forms.ModelChoiceField(
        label=_("Checked through (on file before the proposal)"),
        queryset=Channel.objects.none(),
        required=False,
    )
    notes = LongTextField(label=_("Notes"), required=False)

    def __init__(self, *args, account: BankAccount, eligible=(), **kwargs):
        super().__init__(*args, **kwargs)
        ours = account.company_id is None
        methods = OUR_METHODS if ours else COUNTERPARTY_METHODS
        self.fields["method"].choices = [(m.value, VerificationMethod(m).label) for m in methods]
        if ours:
            del self.fields["channel"]
            self.fields["notes"].label = _("What confirmed it (letter, portal page, who)")
        else:
            field = self.fields["channel"]
            # Any channel of the customer is accepted here; the service refuses the ones added
            # since or named in the message, so the person sees why.
            field.queryset = Channel.objects.filter(contact__company_id=account.company_id)
            field.choices = [("", get_blank_choice_label())] + [
                (c.pk, channel_choice_label(c)) for c in eligible
            ]


class NotesForm(forms.Form):
    notes = LongTextField(label=_("Notes"), required=False, rows=2)


class ReasonForm(forms.Form):
    reason = LongTextField(label=_("Reason"), rows=2)


class LabelForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=100, required=False)
    notes = LongTextField(label=_("Notes"), required=False, rows=2)


class PaymentForm(forms.Form):
    account = forms.ModelChoiceField(label=_("Into account"), queryset=BankAccount.objects.none())
    company = forms.ModelChoiceField(label=_("Payer"), queryset=Company.objects.none())
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
    currency = forms.CharField(label=_("Currency"), max_length=3)
    received_on = forms.DateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(label=_("Reference"), max_length=140, required=False)

    def __init__(self, *args, accounts, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts
        self.fields["company"].queryset = companies


STATE_FILTER_CHOICES = [("", _("All states"))]
SIDE_FILTER_CHOICES = [
    ("", _("All")),
    ("ours", _("Our accounts")),
    ("counterparty", _("Counterparties")),
]


class FilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    side = forms.ChoiceField(label=_("Whose"), required=False, choices=SIDE_FILTER_CHOICES)

    def __init__(self, *args, **kwargs):
        from chengxin.banking.models import State

        super().__init__(*args, **kwargs)
        self.fields["state"].choices = STATE_FILTER_CHOICES + list(State.choices)
