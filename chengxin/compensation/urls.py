from django.urls import path

from chengxin.compensation import views

app_name = "compensation"

urlpatterns = [
    path("", views.claim_list, name="claim_list"),
    path("<int:pk>/", views.claim_detail, name="claim_detail"),
    path("<int:pk>/voucher/", views.claim_voucher, name="claim_voucher"),
    path("<int:pk>/approve/", views.claim_approve, name="claim_approve"),
    path("<int:pk>/reject/", views.claim_reject, name="claim_reject"),
    path("new/<int:company_pk>/", views.claim_record, name="claim_record"),
    path("credits/<int:pk>/use/", views.credit_use, name="credit_use"),
    # The buyer's form, reached from their acknowledgement page: public, by their token.
    path("claim/<str:token>/", views.claim_submit, name="claim_submit"),
    path("claim/<str:token>/thanks/", views.claim_thanks, name="claim_thanks"),
]
