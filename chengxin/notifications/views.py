"""The user's notifications: a list, mark one read (and follow it), mark all read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from chengxin.core.http import or_404
from chengxin.notifications import selectors, services

PAGE_SIZE = 50


@require_GET
@login_required
def notification_list(request):
    notifications = selectors.notification_list(user=request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@require_POST
@login_required
def notification_read(request, pk):
    notification = or_404(selectors.notification_get, user=request.user, pk=pk)
    services.notification_mark_read(user=request.user, notification=notification)
    target = notification.link if request.POST.get("follow") else ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("notifications:notification_list")


@require_POST
@login_required
def notification_read_all(request):
    services.notification_mark_all_read(user=request.user)
    return redirect("notifications:notification_list")
