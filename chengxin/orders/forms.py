"""The forms of the quote and order pages. They parse; the services decide."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.accounts.models import Role, User
from chengxin.banking.models import ReceivedPayment
from chengxin.catalog.models import Product
from chengxin.core.money import format_money
from chengxin.orders import terms as T
from chengxin.orders.models import (
    Incoterm,
    OrderState,
    PaymentMethod,
    PaymentMethodKind,
    RateRule,
)
from chengxin.orders.services import LineIn
from chengxin.parties.models import Contact, ContactStatus

DATE = forms.DateInput(attrs={"type": "date"})
INSTALMENTS = "instalments"
TRIGGERS = [
    (T.Trigger.BEFORE_SHIPMENT, _("before shipment")),
    (T.Trigger.BL_HOURS, _("N hours after the B/L is issued")),
    (T.Trigger.BL_COPY, _("against a copy of the B/L")),
    (T.Trigger.LC_SIGHT, _("L/C at sight (B/L date + N days presentation)")),
    (T.Trigger.AFTER_DELIVERY, _("N days after delivery")),
    (T.Trigger.NET_DAYS, _("N days net from the order date")),
    (INSTALMENTS, _("in equal instalments every N days")),
]


class LineForm(forms.Form):
    product = forms.ModelChoiceField(
        Product.objects.filter(is_active=True), required=False, label=_("Product")
    )
    description = forms.CharField(label=_("Description"), max_length=500, required=False)
    quantity = forms.DecimalField(label=_("Quantity"), max_digits=16, decimal_places=3, min_value=0, required=False)  # fmt: skip
    unit = forms.CharField(label=_("Unit"), max_length=16, required=False)
    unit_price = forms.DecimalField(label=_("Unit price"), max_digits=20, decimal_places=6, min_value=0, required=False)  # fmt: skip

    def line(self) -> LineIn | None:
        data = self.cleaned_data
        if not data or (data.get("quantity") in (None, "") and not data.get("description")):
            return None
        if data.get("quantity") is None or data.get("unit_price") is None:
            raise forms.ValidationError(_("Each line needs a quantity and a unit price."))
        return LineIn(
            description=data.get("description") or "",
            quantity=data["quantity"],
            unit_price=data["unit_price"],
            unit=data.get("unit") or "",
            product_id=data["product"].pk if data.get("product") else None,
        )


class OrderLineForm(LineForm):
    """A line of an order being changed: which existing line it is (empty: a new one)."""

    line_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def line(self) -> LineIn | None:
        line = super().line()
        if line is None or not self.cleaned_data.get("line_id"):
            return line
        return LineIn(
            description=line.description, quantity=line.quantity, unit_price=line.unit_price,
            unit=line.unit, product_id=line.product_id, line_id=self.cleaned_data["line_id"],
        )  # fmt: skip


# One empty row to start with; "Add a line" brings another (htmx) without saving.
LineFormSet = forms.formset_factory(LineForm, extra=1, max_num=500, absolute_max=500)
OrderLineFormSet = forms.formset_factory(
    OrderLineForm, extra=0, max_num=500, absolute_max=500, can_delete=True
)
LINE_FORMSETS = {"new": LineFormSet, "order": OrderLineFormSet}


def lines_from(formset) -> list[LineIn]:
    """The lines given, in order; empty rows and rows marked to remove left out."""
    lines = []
    for form in formset.forms:
        if form.cleaned_data.get("DELETE"):
            continue
        line = form.line()
        if line is not None:
            lines.append(line)
    return lines


def empty_line_form(kind: str, index: int):
    """The form of one more line row (the "Add a line" button), at ``index``."""
    formset = LINE_FORMSETS.get(kind, LineFormSet)(prefix="lines")
    form = formset.form(
        auto_id=formset.auto_id,
        prefix=formset.add_prefix(index),
        empty_permitted=True,
        use_required_attribute=False,
        **formset.get_form_kwargs(None),
        renderer=formset.renderer,
    )
    formset.add_fields(form, index)
    return form


class TermsForm(forms.Form):
    """The common payment terms: a deposit and the balance's trigger."""

    deposit_percent = forms.DecimalField(
        label=_("Deposit (%)"), min_value=0, max_value=100, decimal_places=2, initial=30
    )
    deposit_days = forms.IntegerField(
        label=_("Deposit due N days after the order"), min_value=0, max_value=3650, initial=0
    )
    balance = forms.ChoiceField(label=_("Balance"), choices=TRIGGERS)
    days = forms.IntegerField(label=_("N days"), min_value=0, max_value=3650, initial=0, required=False)  # fmt: skip
    hours = forms.IntegerField(label=_("N hours"), min_value=0, max_value=8760, initial=48, required=False)  # fmt: skip
    count = forms.IntegerField(label=_("Instalments"), min_value=1, max_value=120, initial=3, required=False)  # fmt: skip

    def terms(self) -> T.PaymentTerms:
        data = self.cleaned_data
        lines: list = []
        percent = data["deposit_percent"]
        if percent and percent > 0:
            lines.append(T.Deposit(percent=percent, days=data["deposit_days"] or 0))
        if percent is not None and percent >= 100:
            return T.PaymentTerms(tuple(lines))
        if data["balance"] == INSTALMENTS:
            lines.append(
                T.Instalments(count=data.get("count") or 1, every_days=data.get("days") or 30)
            )
        else:
            lines.append(
                T.Balance(trigger=data["balance"], days=data.get("days") or 0, hours=data.get("hours") or 0)
            )  # fmt: skip
        return T.PaymentTerms(tuple(lines))

    @classmethod
    def initial_from(cls, terms: T.PaymentTerms) -> dict:
        initial: dict = {"deposit_percent": Decimal(0), "deposit_days": 0}
        for line in terms.lines:
            if isinstance(line, T.Deposit) and line.percent is not None:
                initial.update(deposit_percent=line.percent, deposit_days=line.days)
            elif isinstance(line, T.Balance):
                initial.update(balance=line.trigger, days=line.days, hours=line.hours)
            elif isinstance(line, T.Instalments):
                initial.update(balance=INSTALMENTS, count=line.count, days=line.every_days)
        return initial


class CommercialForm(forms.Form):
    currency = forms.CharField(label=_("Currency (ISO 4217)"), max_length=3, min_length=3)
    incoterm = forms.ChoiceField(label=_("Incoterm 2020"), choices=Incoterm.choices)
    named_place = forms.CharField(label=_("Named place"), max_length=200)
    payment_methods = forms.ModelMultipleChoiceField(
        PaymentMethod.objects.filter(is_active=True),
        required=False,
        label=_("Payment methods offered"),
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(label=_("Notes"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class QuoteForm(CommercialForm):
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)
    contact = forms.ModelChoiceField(
        Contact.objects.none(), required=False, label=_("Contact person")
    )

    def __init__(self, *args, company=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The service checks the contact again; the choice offers the customer's own.
        contacts = Contact.objects.filter(company=company, status=ContactStatus.ACTIVE)
        self.fields["contact"].queryset = contacts.order_by("name")  # type: ignore[attr-defined]


class OrderForm(CommercialForm):
    order_date = forms.DateField(label=_("Order date"), widget=DATE)
    rate_rule = forms.ChoiceField(label=_("Exchange-rate rule"), choices=RateRule.choices)
    locked_rate = forms.DecimalField(label=_("Locked rate (base currency per unit)"), max_digits=20, decimal_places=8, min_value=0, required=False)  # fmt: skip
    locked_until = forms.DateField(label=_("Rate locked until"), widget=DATE, required=False)


class RateRuleForm(forms.Form):
    rate_rule = forms.ChoiceField(label=_("Exchange-rate rule"), choices=RateRule.choices)
    locked_rate = forms.DecimalField(label=_("Locked rate (base currency per unit)"), max_digits=20, decimal_places=8, min_value=0, required=False)  # fmt: skip
    locked_until = forms.DateField(label=_("Rate locked until"), widget=DATE, required=False)


class ReceiptChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        left = getattr(obj, "left", obj.amount)
        return _("%(day)s · %(amount)s into %(account)s · %(left)s not yet matched · %(ref)s") % {
            "day": obj.received_on.isoformat(), "amount": format_money(obj.amount, obj.currency),
            "account": obj.account,
            "left": format_money(left, obj.currency), "ref": obj.reference or "—",
        }  # fmt: skip


class PaymentForm(forms.Form):
    received_payment = ReceiptChoice(
        ReceivedPayment.objects.none(),
        required=False,
        label=_("From the money received"),
        help_text=_("The buyer's payment into our account this is part of (finance records it "
                    "under Banking); its day is taken when no day is given."),
    )  # fmt: skip
    amount = forms.DecimalField(label=_("Amount"), max_digits=20, decimal_places=3, min_value=Decimal("0.001"))  # fmt: skip
    currency = forms.CharField(label=_("Currency"), max_length=3, min_length=3)
    received_on = forms.DateField(label=_("Received on"), widget=DATE, required=False)
    reference = forms.CharField(label=_("Reference"), max_length=140, required=False)

    def __init__(self, *args, receipts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if receipts is not None:
            self.fields["received_payment"].queryset = receipts  # type: ignore[attr-defined]


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Why it is reversed"), max_length=500)


class MatchForm(forms.Form):
    received_payment = ReceiptChoice(ReceivedPayment.objects.none(), label=_("Money received"))

    def __init__(self, *args, receipts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if receipts is not None:
            self.fields["received_payment"].queryset = receipts  # type: ignore[attr-defined]


class CostForm(forms.Form):
    label = forms.CharField(label=_("Cost"), max_length=200)
    amount = forms.DecimalField(label=_("Amount"), max_digits=20, decimal_places=3, min_value=Decimal("0.001"))  # fmt: skip
    currency = forms.CharField(label=_("Currency"), max_length=3, min_length=3)
    incurred_on = forms.DateField(label=_("Date"), widget=DATE)


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), max_length=2000, required=False)


class PaymentMethodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=PaymentMethodKind.choices)
    typical_days = forms.IntegerField(label=_("Typical days to arrive"), min_value=0, max_value=365)
    fees_text = forms.CharField(label=_("Fees (as the buyer reads them)"), max_length=300, required=False)  # fmt: skip
    fee_fixed = forms.DecimalField(label=_("Fixed fee"), max_digits=20, decimal_places=3, min_value=0, initial=0)  # fmt: skip
    fee_percent = forms.DecimalField(label=_("Fee (%)"), max_digits=7, decimal_places=4, min_value=0, max_value=100, initial=0)  # fmt: skip
    fee_currency = forms.CharField(
        label=_("Fee currency"), max_length=3, min_length=3, initial="USD"
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class OrderFilterForm(forms.Form):
    owner = forms.ModelChoiceField(
        User.objects.filter(is_active=True, role__in=[Role.SALES, Role.MANAGER]),
        required=False,
        label=_("Owner"),
    )
    state = forms.ChoiceField(
        choices=[("", _("Any state"))] + list(OrderState.choices), required=False, label=_("State")
    )
    customer = forms.IntegerField(required=False, label=_("Customer"), widget=forms.HiddenInput)
    overdue = forms.BooleanField(required=False, label=_("Overdue only"))
