from django.urls import include, path, re_path

from chengxin.api import api, api_not_found
from chengxin.core import views as core_views
from chengxin.myday import views as myday_views

urlpatterns = [
    path("", myday_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("chengxin.accounts.urls")),
    path("companies/", include("chengxin.parties.urls")),
    path("imports/", include("chengxin.imports.urls")),
    path("mail/", include("chengxin.mail.urls")),
    path("mail/", include("chengxin.inbound.urls")),
    path("guard/", include("chengxin.guard.urls")),
    path("", include("chengxin.changes.urls")),
    path("notifications/", include("chengxin.notifications.urls")),
    path("outbox/", include("chengxin.outbox.urls")),
    path("campaigns/", include("chengxin.campaigns.urls")),
    path("ack/", include("chengxin.campaigns.urls_public")),
    path("trust/", include("chengxin.publicrecord.urls")),
    path("tasks/", include("chengxin.todos.urls")),
    path("compensation/", include("chengxin.compensation.urls")),
    path("bank-accounts/", include("chengxin.banking.urls")),
    path("rates/", include("chengxin.fx.urls")),
    path("products/", include("chengxin.catalog.urls")),
    path("inquiries/", include("chengxin.inquiries.urls")),
    path("orders/", include("chengxin.orders.urls")),
    path("shipments/", include("chengxin.shipments.urls")),
    path("commitments/", include("chengxin.commitments.urls")),
    path("documents/", include("chengxin.documents.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/", api_not_found),
]

handler403 = "chengxin.core.views.permission_denied"
handler404 = "chengxin.core.views.page_not_found"
handler500 = "chengxin.core.views.server_error"
