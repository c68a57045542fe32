"""The guard's pages: open alerts, closing one (safe by two people, or fraud), and the
letter that warns the real buyer. Each view parses, calls one service, renders; the
permissions decide who may do what and the services enforce it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.core.forms import run_form
from chengxin.core.http import or_404, run_action
from chengxin.guard import permissions, selectors
from chengxin.guard.forms import WarnForm
from chengxin.guard.models import Assessment
from chengxin.guard.services import closing
from chengxin.guard.services import warn_buyer as buyer_warning


def _assessment_or_404(request, pk) -> Assessment:
    return or_404(selectors.assessment_get, user=request.user, pk=pk)


def _message_page(assessment) -> str:
    return reverse("mail:message_detail", args=[assessment.message_id])


@require_GET
@login_required
def alert_list(request):
    page = Paginator(selectors.alarming_messages(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "guard/alert_list.html", {"page": page})


def _close_step(request, pk, service, done: str):
    """One step that closes (or half-closes) an alert, with a reason; back to the message."""
    assessment = _assessment_or_404(request, pk)
    return run_action(
        request,
        lambda: service(
            actor=request.user, assessment=assessment, reason=request.POST.get("reason", "")
        ),
        success=done,
        then=_message_page(assessment),
    )


@require_POST
@login_required
def propose_safe(request, pk):
    return _close_step(
        request,
        pk,
        closing.assessment_propose_safe,
        _("Proposed as safe. A manager or the customer's owner must confirm it."),
    )


@require_POST
@login_required
def confirm_safe(request, pk):
    return _close_step(
        request,
        pk,
        closing.assessment_confirm_safe,
        _("Confirmed: the message is marked safe."),
    )


@require_POST
@login_required
def confirm_fraud(request, pk):
    return _close_step(
        request,
        pk,
        closing.assessment_confirm_fraud,
        _("Confirmed as fraud: later mail from this sender is shown as critical."),
    )


@require_http_methods(["GET", "POST"])
@login_required
def warn_buyer(request, pk):
    assessment = _assessment_or_404(request, pk)
    if not permissions.can_warn_buyer(request.user, assessment):
        raise PermissionDenied(
            _("Only someone who may edit the customer warns them, and only about an alert "
              "that is not marked safe.")
        )  # fmt: skip
    channels = list(buyer_warning.warning_channels(assessment))
    form = WarnForm(request.POST or None, channels=channels)
    warned = run_form(
        request,
        form,
        lambda data: buyer_warning.assessment_warn_buyer(
            actor=request.user,
            assessment=assessment,
            channel=next(c for c in channels if c.pk == data["channel"]),
            subject=data["subject"],
            body=data["body"],
        ),
        success=_("The warning is queued in the outbox."),
        then=_message_page(assessment),
    )
    if warned:
        return warned
    channel = None
    if request.method == "GET" and channels:
        chosen = request.GET.get("channel", "")
        channel = next((c for c in channels if str(c.pk) == chosen), channels[0])
        draft = buyer_warning.warning_draft(
            assessment=assessment, channel=channel, actor=request.user
        )
        form = WarnForm(
            initial={"channel": channel.pk, "subject": draft.subject, "body": draft.body},
            channels=channels,
        )
    context = {
        "assessment": assessment,
        "message": assessment.message,
        "form": form,
        "channels": channels,
        "channel": channel,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "guard/warn_buyer.html", context, status=status)
