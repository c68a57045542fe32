"""The bank-account pages: the list, those awaiting approval, one account with its step
timeline and the forms of the steps allowed now, proposing (ours or a customer's), and the
payments received. Each view parses, calls one service or selector, renders; the services
decide what is allowed."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.accounts.roles import may_see_full_number
from chengxin.banking import permissions, selectors, services
from chengxin.banking.decrypted import intermediary_account
from chengxin.banking.flagged import account_flagged_messages, approval_needs_manager
from chengxin.banking.forms import (
    FilterForm,
    LabelForm,
    NotesForm,
    PaymentForm,
    ProposeForm,
    ReasonForm,
    VerifyForm,
)
from chengxin.banking.models import BankAccount, Side, State
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q
from chengxin.parties.selectors import company_get
from chengxin.workflow.four_eyes import candidates
from chengxin.workflow.views import run_step

LIST_LIMIT = 200
FLAGGED_WARNING = _lazy(
    "This number appeared in a message flagged as possible fraud: only a manager may "
    "approve the account."
)


def _account_or_404(request, pk) -> BankAccount:
    accounts = selectors.visible_accounts(request.user).select_related(
        "company", "proposed_by", "verified_by", "approved_by", "replaces"
    )
    return or_404(accounts.get, pk=pk)


def _rows(user, accounts):
    return [(a, selectors.account_number_display(user, a)) for a in accounts]


@require_GET
@login_required
def account_list(request):
    form = FilterForm(request.GET or None)
    accounts = selectors.visible_accounts(request.user).select_related("company")
    if form.is_valid():
        if form.cleaned_data["state"]:
            accounts = accounts.filter(state=form.cleaned_data["state"])
        if form.cleaned_data["side"]:
            accounts = accounts.filter(side=form.cleaned_data["side"])
    accounts = list(
        accounts.order_by("side", "company__legal_name", "-created_at", "-id")[:LIST_LIMIT]
    )
    verified = [a for a in accounts if a.state == State.VERIFIED]
    people = candidates() if verified else []
    context = {
        "form": form,
        "rows": _rows(request.user, accounts),
        "nobody_approves": {
            a.pk for a in verified if permissions.account_approvers(a, people=people).blocked
        },
        "may_propose_ours": permissions.can_propose(request.user, side=Side.OURS, company=None),
        "awaiting": selectors.accounts_awaiting_approval(request.user).count(),
    }
    return render(request, "banking/account_list.html", context)


@require_GET
@login_required
def approval_list(request):
    if request.user.role not in permissions.APPROVER_ROLES:
        raise PermissionDenied(_("Only finance or a manager approves bank accounts."))
    accounts = selectors.accounts_awaiting_approval(request.user).select_related(
        "proposed_by", "verified_by"
    )
    return render(request, "banking/approval_list.html", {"rows": _rows(request.user, accounts)})


def _render_detail(request, account: BankAccount, bound: dict | None = None, status=200):
    user = request.user
    actions = permissions.allowed_actions(user, account)
    forms = {
        "verify_form": VerifyForm(
            account=account, eligible=list(services.verification_channels(account))
        )
        if "verify" in actions
        else None,
        "approve_form": NotesForm(prefix="approve") if "approve" in actions else None,
        "reject_form": ReasonForm(prefix="reject") if "reject" in actions else None,
        "retire_form": ReasonForm(prefix="retire") if "retire" in actions else None,
        "label_form": LabelForm(
            prefix="label", initial={"label": account.label, "notes": account.notes}
        )
        if "edit_label" in actions
        else None,
    }
    forms.update(bound or {})
    if "verify" in actions:
        # The verifier reads the number back to the holder or the bank: in full, audited.
        shown = services.bank_account_number_show_for_verification(actor=user, account=account)
        number, full_number, intermediary = shown.number, True, shown.intermediary_account
    else:
        number = selectors.account_number_display(user, account)
        full_number = may_see_full_number(user)
        intermediary = intermediary_account(account) if full_number else ""
    context = {
        "account": account,
        "number": number,
        "full_number": full_number,
        "shown_for_verification": "verify" in actions,
        "intermediary_account": intermediary,
        "steps": list(account.steps.select_related("actor")),
        "warnings": services.proposal_warnings(account),
        "flagged_messages": account_flagged_messages(account),
        "needs_manager": approval_needs_manager(account),
        "actions": actions,
        "replaced_by": list(account.replaced_by.all()),
        "payments": list(selectors.visible_payments(user).filter(account=account)[:20]),
        "approvers": (
            permissions.account_approvers(account) if account.state == State.VERIFIED else None
        ),
        **forms,
    }
    return render(request, "banking/account_detail.html", context, status=status)


@require_GET
@login_required
def account_detail(request, pk):
    return _render_detail(request, _account_or_404(request, pk))


def _run_step(request, account: BankAccount, step: str, form, service):
    """One step from the account's page: ``service`` given the form's fields; the page
    again with the form's errors when refused."""
    return run_step(
        request,
        form=form,
        call=lambda data: service(actor=request.user, account=account, **data),
        done=reverse("banking:account_detail", args=[account.pk]),
        rerender=lambda form: _render_detail(
            request, account, bound={f"{step}_form": form}, status=422
        ),
    )


@require_POST
@login_required
def account_verify(request, pk):
    account = _account_or_404(request, pk)
    form = VerifyForm(
        request.POST, account=account, eligible=list(services.verification_channels(account))
    )
    return _run_step(request, account, "verify", form, services.bank_account_verify)


@require_POST
@login_required
def account_approve(request, pk):
    # The session's second factor (django-otp): a page cannot approve without it.
    account = _account_or_404(request, pk)
    form = NotesForm(request.POST, prefix="approve")
    approve = partial(
        services.bank_account_approve, second_factor_passed=request.user.is_verified()
    )
    return _run_step(request, account, "approve", form, approve)


def _step(step: str, form_class, service):
    """The page of a step whose form is the same for every account (a POST): the form's
    fields are the arguments of ``service``."""

    @require_POST
    @login_required
    def view(request, pk):
        form = form_class(request.POST, prefix=step)
        return _run_step(request, _account_or_404(request, pk), step, form, service)

    return view


account_reject = _step("reject", ReasonForm, services.bank_account_reject)
account_retire = _step("retire", ReasonForm, services.bank_account_retire)
account_label = _step("label", LabelForm, services.bank_account_label_update)


def _propose_page(request, *, company: Company | None):
    side = Side.OURS if company is None else Side.COUNTERPARTY
    if not permissions.can_propose(request.user, side=side, company=company):
        raise PermissionDenied(_("You may not propose this bank account."))
    replaceable = list(
        BankAccount.objects.filter(side=side, company=company, state=State.ACTIVE).order_by("id")
    )
    form = ProposeForm(request.POST or None, ours=company is None, replaceable=replaceable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        replaces = next((a for a in replaceable if a.pk == data["replaces"]), None)
        fields = {k: v for k, v in data.items() if k != "replaces"}
        try:
            account = services.bank_account_propose(
                actor=request.user, side=side, company=company, replaces=replaces, **fields
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            for warning in services.proposal_warnings(account):
                messages.warning(request, warning)
            if account.approval_needs_manager:
                messages.warning(request, FLAGGED_WARNING)
            messages.success(
                request,
                _("Account proposed. Next: verify it out of band, then a second person approves."),
            )
            return redirect("banking:account_detail", pk=account.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "banking/account_propose.html", {"form": form, "company": company}, status=status
    )


@require_http_methods(["GET", "POST"])
@login_required
def account_propose_ours(request):
    return _propose_page(request, company=None)


@require_http_methods(["GET", "POST"])
@login_required
def account_propose_for_company(request, company_pk):
    company = or_404(company_get, user=request.user, pk=company_pk)
    return _propose_page(request, company=company)


@require_GET
@login_required
def payment_list(request):
    payments = selectors.visible_payments(request.user)[:LIST_LIMIT]
    return render(
        request,
        "banking/payment_list.html",
        {"payments": payments, "may_record": permissions.can_record_payment(request.user)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def payment_record(request):
    if not permissions.can_record_payment(request.user):
        raise PermissionDenied(_("Only finance, a manager or an administrator records payments."))
    accounts = BankAccount.objects.filter(
        side=Side.OURS, state__in=(State.ACTIVE, State.RETIRED)
    ).order_by("state", "-active_since")
    companies = Company.objects.filter(visible_companies_q(request.user)).order_by("legal_name")
    form = PaymentForm(
        request.POST or None,
        accounts=accounts,
        companies=companies,
        initial={"received_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.payment_record(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Payment recorded."))
            return redirect("banking:payment_list")
    status = 422 if request.method == "POST" else 200
    return render(request, "banking/payment_record.html", {"form": form}, status=status)
