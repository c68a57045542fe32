"""Forms of the shipment pages. They parse; the services decide what is valid (number
formats, lengths, quantities against what remains)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chengxin.core.forms import LocalDateTimeField, LongTextField
from chengxin.shipments.models import ContainerType, Mode, State
from chengxin.shipments.services import ContainerIn


class _Text(forms.CharField):
    """A short text whose length the service checks with a message (no ``maxlength``,
    which would cut a pasted number short without a word)."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class DateInput(forms.DateInput):
    input_type = "date"


class DetailsForm(forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices, initial=Mode.SEA)
    carrier = _Text(
        label=_("Carrier"),
        required=False,
        help_text=_("A code such as COSU, MAEU, UPS or EMS, or the carrier's name."),
        widget=forms.TextInput(attrs={"list": "carriers"}),
    )
    tracking_number = _Text(
        label=_("Tracking number"),
        required=False,
        help_text=_("Container, courier or air waybill number: checked where the format is known."),
    )
    bl_number = _Text(label=_("Bill of lading number"), required=False)
    bl_issued_at = LocalDateTimeField(label=_("Bill of lading issued"), required=False)
    etd = forms.DateField(label=_("ETD"), required=False, widget=DateInput)
    eta = forms.DateField(label=_("ETA"), required=False, widget=DateInput)
    port_of_loading = _Text(
        label=_("Port of loading"), required=False, help_text=_("UN/LOCODE, e.g. CNNGB.")
    )
    port_of_discharge = _Text(
        label=_("Port of discharge"), required=False, help_text=_("UN/LOCODE, e.g. DEHAM.")
    )
    notes = LongTextField(label=_("Notes"), required=False, max_length=5000)


class CreateForm(DetailsForm):
    """Details, a quantity per order line (``line_<id>``), and containers."""

    containers = LongTextField(
        label=_("Containers"),
        required=False,
        rows=2,
        help_text=_("One container number per line, added as 40' general purpose; add "
                    "containers of other types on the shipment's page."),
    )  # fmt: skip

    def __init__(self, *args, remaining=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.line_fields = []
        for item in remaining:
            name = f"line_{item.line.pk}"
            self.fields[name] = forms.DecimalField(
                label=item.line.description,
                required=False,
                min_value=0,
                initial=item.remaining if item.remaining > 0 else None,
                help_text=_("%(remaining)s %(unit)s remain of %(quantity)s")
                % {"remaining": item.remaining, "unit": item.line.unit,
                   "quantity": item.line.quantity},
            )  # fmt: skip
            self.line_fields.append(name)

    def lines(self) -> dict[int, object]:
        data = self.cleaned_data
        return {
            int(name.removeprefix("line_")): data[name]
            for name in self.line_fields
            if data.get(name) not in (None, "")
        }

    def container_rows(self) -> list[ContainerIn]:
        text = self.cleaned_data.get("containers") or ""
        return [ContainerIn(number=line.strip()) for line in text.splitlines() if line.strip()]

    def details(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in DetailsForm.base_fields}


class EditForm(DetailsForm):
    def details(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in DetailsForm.base_fields}


class StepForm(forms.Form):
    at = LocalDateTimeField(label=_("When"), required=False, empty_means_now=True)


class EventForm(forms.Form):
    at = LocalDateTimeField(label=_("When"))
    code = _Text(label=_("Event"), help_text=_("e.g. LOADED, TRANSSHIPPED, CUSTOMS CLEARED."))
    description = _Text(label=_("Description"), required=False)
    location = _Text(label=_("Location"), required=False)
    eta = forms.DateField(
        label=_("New ETA"),
        required=False,
        widget=DateInput,
        help_text=_("When the carrier gave a new ETA: the shipment's and the order's move."),
    )


class ContainerForm(forms.Form):
    number = _Text(label=_("Container number"))
    type = forms.ChoiceField(label=_("Type"), choices=ContainerType.choices)
    seal = _Text(label=_("Seal"), required=False)


class ListFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All")), ("open", _("Under way or planned")), *State.choices],
    )
    carrier = forms.CharField(label=_("Carrier"), required=False, max_length=60)
    eta_from = forms.DateField(label=_("ETA from"), required=False, widget=DateInput)
    eta_to = forms.DateField(label=_("ETA to"), required=False, widget=DateInput)


class CancelForm(forms.Form):
    reason = LongTextField(label=_("Reason"), rows=2)
