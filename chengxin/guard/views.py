"""The guard's pages: open alerts, and the two steps of marking a message safe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chengxin.guard import selectors, services
from chengxin.guard.models import Assessment


def _assessment_or_404(request, pk) -> Assessment:
    try:
        return selectors.assessment_get(user=request.user, pk=pk)
    except Assessment.DoesNotExist:
        raise Http404 from None


@require_GET
@login_required
def alert_list(request):
    page = Paginator(selectors.alarming_messages(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "guard/alert_list.html", {"page": page})


@require_POST
@login_required
def propose_safe(request, pk):
    assessment = _assessment_or_404(request, pk)
    try:
        services.assessment_propose_safe(actor=request.user, assessment=assessment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Proposed as safe. A manager or the customer's owner must confirm it."),
        )
    return redirect("mail:message_detail", pk=assessment.message_id)


@require_POST
@login_required
def confirm_safe(request, pk):
    assessment = _assessment_or_404(request, pk)
    try:
        services.assessment_confirm_safe(actor=request.user, assessment=assessment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Confirmed: the message is marked safe."))
    return redirect("mail:message_detail", pk=assessment.message_id)
