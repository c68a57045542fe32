"""The home page, "My day": what waits for the signed-in user."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from chengxin.myday.selectors import my_day


@require_GET
@login_required
def home(request):
    """My day: what waits for the signed-in user."""
    now = timezone.now()
    context = {"day": my_day(user=request.user, now=now), "now": now}
    return render(request, "myday/home.html", context)
