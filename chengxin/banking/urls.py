from django.urls import path

from chengxin.banking import views

app_name = "banking"

urlpatterns = [
    path("", views.account_list, name="account_list"),
    path("awaiting-approval/", views.approval_list, name="approval_list"),
    path("new/", views.account_propose_ours, name="propose_ours"),
    path(
        "new/company/<int:company_pk>/",
        views.account_propose_for_company,
        name="propose_for_company",
    ),
    path("<int:pk>/", views.account_detail, name="account_detail"),
    path("<int:pk>/verify/", views.account_verify, name="account_verify"),
    path("<int:pk>/approve/", views.account_approve, name="account_approve"),
    path("<int:pk>/reject/", views.account_reject, name="account_reject"),
    path("<int:pk>/retire/", views.account_retire, name="account_retire"),
    path("<int:pk>/label/", views.account_label, name="account_label"),
    path("payments/", views.payment_list, name="payment_list"),
    path("payments/new/", views.payment_record, name="payment_record"),
]
