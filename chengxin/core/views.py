from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from chengxin.core.selectors import my_day


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@login_required
def home(request):
    """My day: what waits for the signed-in user."""
    now = timezone.now()
    context = {"day": my_day(user=request.user, now=now), "now": now}
    return render(request, "core/home.html", context)
