from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.banking.models import BankAccount
from chengxin.banking.selectors import our_receiving_accounts
from chengxin.campaigns.models import Audience, CallOutcome, ChangePlan, Perk
from chengxin.campaigns.services.plans import PlanInput
from chengxin.core.forms import LongTextField, input_from

DATE = forms.DateInput(attrs={"type": "date"})


class AccountChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: BankAccount) -> str:
        label = f" · {obj.label}" if obj.label else ""
        return f"{obj.bank_name} ···{obj.number_last4} ({obj.currency}){label}"


class PlanForm(forms.Form):
    """Only our active receiving accounts are offered (the service checks again)."""

    old_account = AccountChoice(
        label=_("Old account (closing)"), queryset=BankAccount.objects.none()
    )
    new_account = AccountChoice(label=_("New account"), queryset=BankAccount.objects.none())
    reason = LongTextField(label=_("Reason (buyers read it)"))
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    parallel_from = forms.DateField(label=_("Change: both accounts receive from"), widget=DATE)
    old_closes_on = forms.DateField(label=_("Old account's last day"), widget=DATE)
    audience = forms.ChoiceField(label=_("Who is told"), choices=Audience.choices)
    audience_paid_from = forms.DateField(label=_("Paid from"), widget=DATE, required=False)
    audience_paid_until = forms.DateField(label=_("Paid until"), widget=DATE, required=False)
    fee_offer_until = forms.DateField(
        label=_("Pay extra intermediary fees on payments until"), widget=DATE, required=False
    )
    fee_cap = forms.DecimalField(
        label=_("Cap per payment"), max_digits=12, decimal_places=2, required=False, min_value=0
    )
    fee_cap_currency = forms.CharField(label=_("Cap currency"), max_length=3, required=False)
    reminder_after_days = forms.IntegerField(
        label=_("Remind after (days)"), min_value=1, max_value=30, initial=3
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accounts = our_receiving_accounts()
        self.fields["old_account"].queryset = accounts
        self.fields["new_account"].queryset = accounts

    @classmethod
    def for_plan(cls, plan: ChangePlan, data=None):
        initial = {
            name: getattr(plan, name)
            for name in (
                "reason", "decided_on", "parallel_from", "old_closes_on", "audience",
                "audience_paid_from", "audience_paid_until", "fee_offer_until", "fee_cap",
                "fee_cap_currency", "reminder_after_days",
            )
        }  # fmt: skip
        initial["old_account"] = plan.old_account_id
        initial["new_account"] = plan.new_account_id
        return cls(data, initial=initial)

    def to_input(self) -> PlanInput:
        return input_from(PlanInput, self.cleaned_data)


class OverrideForm(forms.Form):
    reason = LongTextField(label=_("Why the rules may be broken this time"), rows=2)


class CallForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CallOutcome.choices)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=2000)


class PerkForm(forms.Form):
    perk = forms.ChoiceField(label=_("Perk"), choices=[("", "—"), *Perk.choices], required=False)
    notes = forms.CharField(label=_("Details"), required=False, max_length=300)
