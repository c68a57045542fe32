"""Campaign pages (the plans, the campaign page with every buyer's status) and the
buyer's public acknowledgement page. Each view parses, calls one service or selector,
renders; the services decide who may do what."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.campaigns import notice, permissions, selectors
from chengxin.campaigns.forms import CallForm, OverrideForm, PerkForm, PlanForm
from chengxin.campaigns.links import campaign_link
from chengxin.campaigns.models import ChangePlan, PlanState, Recipient, TouchKind
from chengxin.campaigns.services import acknowledgement, calls, closing, launch, plans
from chengxin.campaigns.timeline import timeline_svg
from chengxin.core.addresses import request_client_address
from chengxin.core.buyer_language import language_choices, page_direction, request_buyer_language
from chengxin.core.forms import apply_errors
from chengxin.core.http import or_404
from chengxin.outbox.windows import zone_for
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q


def _plan_or_404(request, pk) -> ChangePlan:
    return or_404(selectors.plan_get, user=request.user, pk=pk)


def _recipient_or_404(request, pk) -> Recipient:
    return or_404(selectors.recipient_get, user=request.user, pk=pk)


@require_GET
@login_required
def plan_list(request):
    return render(
        request,
        "campaigns/plan_list.html",
        {
            "plans": selectors.plans_for(user=request.user),
            "may_plan": permissions.may_plan(request.user),
        },
    )


def _plan_form_page(request, *, plan: ChangePlan | None):
    permissions.require_plan(request.user)
    if plan is not None and plan.state != PlanState.DRAFT:
        messages.error(request, _("Only a draft can be changed."))
        return redirect("campaigns:plan_detail", pk=plan.pk)
    data = request.POST if request.method == "POST" else None
    form = PlanForm.for_plan(plan, data) if plan is not None else PlanForm(data)
    if request.method == "POST" and form.is_valid():
        try:
            if plan is None:
                plan = plans.plan_create(actor=request.user, data=form.to_input())
            else:
                plan = plans.plan_update(actor=request.user, plan=plan, data=form.to_input())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Plan saved. Check the rules and the audience, then launch.")
            )
            return redirect("campaigns:plan_detail", pk=plan.pk)
    status = 422 if request.method == "POST" else 200
    breaches = [b.message() for b in selectors.breaches_of(plan)] if plan is not None else []
    context = {"form": form, "plan": plan, "breaches": breaches}
    return render(request, "campaigns/plan_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def plan_create(request):
    return _plan_form_page(request, plan=None)


@require_http_methods(["GET", "POST"])
@login_required
def plan_edit(request, pk):
    return _plan_form_page(request, plan=_plan_or_404(request, pk))


def _local(moment, zone_name: str):
    return moment.astimezone(zone_for(zone_name)) if moment else None


def _recipient_rows(request, plan: ChangePlan) -> list[dict]:
    rows = []
    for recipient in selectors.recipients_for(user=request.user, plan=plan):
        zone = recipient.contact.time_zone if recipient.contact else "UTC"
        touches = [
            {"touch": touch, "local": _local(touch.due_at, zone)}
            for touch in recipient.touches.all()
        ]
        may_record = permissions.may_record_for(request.user, recipient)
        rows.append(
            {
                "recipient": recipient,
                "zone": zone,
                "touches": touches,
                "has_call": any(t["touch"].kind == TouchKind.CALL for t in touches),
                "reminders_sent": sum(
                    1
                    for t in touches
                    if t["touch"].kind == TouchKind.ACK_REMINDER and t["touch"].state == "sent"
                ),
                "may_record": may_record,
                "call_form": CallForm(prefix=f"call{recipient.pk}") if may_record else None,
                "perk_form": (
                    PerkForm(
                        prefix=f"perk{recipient.pk}",
                        initial={"perk": recipient.perk, "notes": recipient.perk_notes},
                    )
                    if may_record
                    else None
                ),
            }
        )
    return rows


def _render_detail(request, plan: ChangePlan, *, override_form=None, status=200):
    user = request.user
    try:
        svg = timeline_svg(notice.timeline_facts(plan), translation.get_language())
    except ValidationError as exc:
        svg, svg_error = "", " ".join(exc.messages)
    else:
        svg_error = ""
    uncovered = selectors.uncovered_breaches(plan)
    audience = []
    if plan.state == PlanState.DRAFT:
        visible = set(
            Company.objects.filter(visible_companies_q(user)).values_list("pk", flat=True)
        )
        audience = [c for c in selectors.plan_audience(plan) if c.pk in visible]
    rows = _recipient_rows(request, plan) if plan.state != PlanState.DRAFT else []
    totals = {
        "count": len(rows),
        "reached": sum(1 for r in rows if r["recipient"].reached_at),
        "opened": sum(1 for r in rows if r["recipient"].opened_at),
        "acknowledged": sum(1 for r in rows if r["recipient"].acknowledged_at),
        "called": sum(1 for r in rows if r["recipient"].called_at),
    }
    context = {
        "plan": plan,
        "svg": svg,
        "svg_error": svg_error,
        "breaches": [b.message() for b in selectors.breaches_of(plan)],
        "uncovered": [b.message() for b in uncovered],
        "may_plan": permissions.may_plan(user),
        "may_override": permissions.may_override(user) and bool(uncovered),
        "overriders": permissions.plan_overriders(plan)
        if selectors.awaits_override(plan)
        else None,
        "override_form": override_form or OverrideForm(),
        "audience": audience,
        "rows": rows,
        "totals": totals,
        "user_zone": timezone.get_current_timezone_name(),
    }
    return render(request, "campaigns/plan_detail.html", context, status=status)


@require_GET
@login_required
def plan_detail(request, pk):
    return _render_detail(request, _plan_or_404(request, pk))


def _action(request, pk, call, done: str):
    plan = _plan_or_404(request, pk)
    try:
        call(plan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("campaigns:plan_detail", pk=plan.pk)


@require_POST
@login_required
def plan_override(request, pk):
    plan = _plan_or_404(request, pk)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        permissions.require_override(request.user)
        return _render_detail(request, plan, override_form=form, status=422)
    return _action(
        request,
        pk,
        lambda plan: plans.plan_override(
            actor=request.user, plan=plan, reason=form.cleaned_data["reason"]
        ),
        _("Override recorded."),
    )


def _plan_step(service, done):
    """The button that takes a plan one step on (a POST): ``service``, then the message
    ``done``."""

    @require_POST
    @login_required
    def view(request, pk):
        return _action(request, pk, lambda plan: service(actor=request.user, plan=plan), done)

    return view


plan_launch = _plan_step(
    launch.plan_launch,
    _lazy("Launched: every buyer's touches are scheduled in their working hours."),
)
plan_cancel = _plan_step(closing.plan_cancel, _lazy("Cancelled: nothing more goes out."))
plan_complete = _plan_step(closing.plan_complete, _lazy("Completed."))


def _recipient_step(form_class, prefix: str, service):
    """A rep records something about one recipient from the plan's page (a POST):
    ``service`` given the form's fields."""

    @require_POST
    @login_required
    def view(request, pk):
        recipient = _recipient_or_404(request, pk)
        form = form_class(request.POST, prefix=f"{prefix}{recipient.pk}")
        if not form.is_valid():
            messages.error(request, _("Choose a value."))
        else:
            try:
                service(actor=request.user, recipient=recipient, **form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, _("Recorded for %(company)s.") % {"company": recipient.company}
                )
        return redirect(f"{campaign_link(recipient).split('#')[0]}#r{recipient.pk}")

    return view


recipient_call = _recipient_step(CallForm, "call", calls.recipient_call_record)
recipient_perk = _recipient_step(PerkForm, "perk", calls.recipient_perk_record)


# --- The buyer's acknowledgement page (public, no login) ----------------------------------


def _not_found(request):
    language = request_buyer_language(request)
    with translation.override(language):
        response = render(
            request,
            "campaigns/ack_not_found.html",
            {"language": language, "direction": page_direction(language)},
            status=404,
        )
    response["Content-Language"] = language
    return response


def _ack_language(request, recipient: Recipient) -> str:
    """The language the buyer chose on the page, else their own (one of the twelve)."""
    return request_buyer_language(request, default=recipient.language)


@require_http_methods(["GET", "POST"])
def ack_page(request, token):
    recipient = selectors.recipient_by_token(token)
    if recipient is None or recipient.plan.state == PlanState.DRAFT:
        return _not_found(request)
    language = _ack_language(request, recipient)
    if request.method == "POST":
        if recipient.plan.state == PlanState.CANCELLED:
            return redirect(f"{request.path}?lang={language}")
        acknowledgement.recipient_acknowledge(
            recipient=recipient,
            ip=request_client_address(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
        return redirect(f"{request.path}?lang={language}")
    acknowledgement.recipient_open(recipient=recipient)
    plan = recipient.plan
    zone = zone_for(recipient.contact.time_zone if recipient.contact else "UTC")
    with translation.override(language), timezone.override(zone):
        facts = notice.timeline_facts(plan)
        context = {
            "language": language,
            "direction": page_direction(language),
            "languages": language_choices(language),
            "recipient": recipient,
            "plan": plan,
            "token": token,
            "our_company": settings.CHENGXIN_COMPANY_NAME,
            "svg": timeline_svg(facts, language),
            "new": facts.new_account,
            "old": facts.old_account,
            "public_record_url": facts.public_record_url,
            "fee_offer": bool(plan.fee_offer_until and plan.fee_cap),
        }
        response = render(request, "campaigns/ack_page.html", context)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_GET
def ack_timeline_pdf(request, token):
    recipient = selectors.recipient_by_token(token)
    if recipient is None or recipient.plan.state == PlanState.DRAFT:
        return _not_found(request)
    acknowledgement.recipient_open(recipient=recipient)
    language = _ack_language(request, recipient)
    pdf = notice.notice_pdf(recipient.plan, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{notice.pdf_filename(recipient.plan)}"'
    response["Cache-Control"] = "no-store"
    return response
